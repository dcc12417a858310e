"""The form of an answer: what makes two options the same kind of thing to a reader.

A distractor must read as a possible answer: a year for a year, an age for an age, "three
weeks" for "ten weeks", a concrete noun for a concrete noun. These helpers describe a phrase's
form so that the blank and its options can be compared, and name the phrases too vague to
be worth asking for ("a lot", "the whole thing", "one day").
"""

from __future__ import annotations

import re

_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_TIME_UNITS = {
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute", "hour": "hour",
    "hours": "hour", "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
    "months": "month", "year": "year", "years": "year", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century", "millennium": "millennium", "millennia": "millennium",
}
_NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion trillion dozen half".split()
)
#: number words that give a size but no value of their own ("a few million", "hundreds")
_SCALE_WORDS = frozenset("hundred hundreds thousand thousands million millions billion billions trillion dozen dozens".split())
_VAGUE_QUANTITY = re.compile(r"\b(a few|few|several|many|some|couple|lots?|dozens|hundreds|thousands|millions|billions|tens)\b", re.IGNORECASE)
_DECADE = re.compile(r"(?:\b(?:the|early|late|mid|in)\s+)*(?:'|’|1\d|20)?\d0s\b", re.IGNORECASE)
_YEAR = re.compile(r"(?:\b(?:in|the|of|by|from|since|until|early|late|mid)\s+)*(?:1\d{3}|20\d{2}|'\d\d)\b")
_AGE = re.compile(r"\b(age of \w+|\w+[- ]years?[- ]old|aged \w+)\b", re.IGNORECASE)
_MONEY = re.compile(r"[$€£¥]|\b(dollars?|cents?|euros?|pounds?|yen|bucks)\b", re.IGNORECASE)
_PERCENT = re.compile(r"%|\bper ?cent\b", re.IGNORECASE)

#: head nouns too vague to ask for or to offer: "a lot", "the whole thing", "kind"
GENERIC_NOUNS = frozenset(
    """
    thing things stuff lot lots bit bits sort sorts kind kinds type types way ways time times
    people person persons guy guys place places fact facts example examples order part parts
    piece pieces number numbers point points case cases day days week weeks month months year
    years moment moments end side sides deal hand hands reason reasons matter matters sense area
    areas level levels form forms version versions question questions word words something
    anything everything nothing someone anyone everyone one ones man men woman women whole rest
    idea ideas problem problems issue issues aspect aspects situation situations stage stages
    lots thought thoughts attention course line lines job jobs term terms group groups bunch
    set sets series range variety amount amounts couple pair look looks detail details life
    lives world
    """.split()
)
#: adjectives that make a noun phrase vague ("whole career", "little sign", "good position")
VAGUE_ADJECTIVES = frozenset(
    """
    whole little big good bad great same other different certain real few many much several
    various entire long short nice very huge tiny main basic general particular specific
    simple own such last next first
    """.split()
)


def number_form(text: str) -> str:
    """A coarse form of a phrase holding a number, so that options share it: ``year``,
    ``decade``, ``date`` (with a month), ``age``, ``duration:<unit>``, ``money``, ``percent``,
    ``count`` (a bare number), ``quantity:<unit word>``; ``""`` for a phrase without a number."""
    low = text.lower().strip()
    words = re.findall(r"[a-z]+|\d[\d,.]*", low)
    if not any(w[0].isdigit() or w in _NUMBER_WORDS for w in words) and not _DECADE.search(low) and not re.search(r"'\d\d", low):
        return ""
    if any(w in _MONTHS for w in words) and any(w[0].isdigit() for w in words):
        return "date"
    if _AGE.search(low):
        return "age"
    if _DECADE.fullmatch(low):
        return "decade"
    if _YEAR.fullmatch(low):
        return "year"
    if _MONEY.search(low):
        return "money"
    if _PERCENT.search(low):
        return "percent"
    for w in words:
        if w in _TIME_UNITS:
            return "duration:" + _TIME_UNITS[w]
    unit: list[str] = []
    for w in reversed(words):  # the words after the last number: "square kilometres"
        if w[0].isdigit() or w in _NUMBER_WORDS:
            break
        unit.append(w[:-1] if w.endswith("s") and len(w) > 3 else w)
    if unit and len(unit) < len(words):
        return "quantity:" + " ".join(reversed(unit))
    return "count"


#: qualifiers that make a number a bound ("more than four kilometres", "smaller than fifteen
#: square centimetres"): a smaller or larger number is then also true
BOUND = re.compile(
    r"\b(more than|over|above|at least|less than|fewer than|under|below|up to|at most|almost|nearly|"
    r"upwards of|no more than|as many as|as much as|\w+er than)\b",
    re.IGNORECASE,
)
#: qualifiers that make a number approximate ("about 35 degrees"): a near number is also true
APPROXIMATE = re.compile(r"\b(about|around|roughly|approximately|some|circa|or so)\b", re.IGNORECASE)


def has_value(text: str) -> bool:
    """Does the phrase state a definite number ("150 tickets", "ten weeks"), not only a size
    or a vague amount ("a few million dollars", "hundreds of people", "one day")?"""
    low = text.lower()
    if _VAGUE_QUANTITY.search(low):
        return False
    if re.search(r"\d", low):
        return True
    words = re.findall(r"[a-z]+", low)
    valued = [w for w in words if w in _NUMBER_WORDS and w not in _SCALE_WORDS]
    if not valued:
        return False
    # "one day", "one continuous series": "one" alone is mostly an article or an idiom
    return valued != ["one"]


def is_vague(words: list[str], lemmas: list[str]) -> bool:
    """A noun phrase (its words, lower-cased, and their lemmas) too vague to ask for: a
    generic head ("lot", "thing", "time"), a vague adjective in front ("whole career"), or
    a single short word."""
    if not words:
        return True
    if lemmas[-1] in GENERIC_NOUNS or words[-1] in GENERIC_NOUNS:
        return True
    if len(words) > 1 and words[0] in VAGUE_ADJECTIVES:
        return True
    return len(words) == 1 and len(words[0]) < 3


def article_for(word: str) -> str:
    """"an" before a vowel sound (by spelling: a, e, i, o, u; an initialism such as "FBI"
    by its first letter's name), else "a"."""
    w = word.strip("\"'“‘(")
    if not w:
        return "a"
    if w[:1].isdigit():
        return "an" if w.startswith(("8", "11", "18")) else "a"
    if len(w) > 1 and w.isupper():
        return "an" if w[0] in "AEFHILMNORSX" else "a"
    low = w.lower()
    if low.startswith(("uni", "use", "usu", "eu", "one", "once")):
        return "a"
    if low.startswith(("hour", "honest", "honor", "honour", "heir")):
        return "an"
    return "an" if low[0] in "aeiou" else "a"


#: nouns for people that no suffix marks ("friend", "wife", "surgeon")
_PERSON_NOUNS = frozenset(
    """
    friend friends mother father mom dad wife husband son daughter brother sister child children
    kid kids boy boys girl girls man men woman women baby babies parent parents grandmother
    grandfather aunt uncle cousin nephew niece neighbor neighbour colleague partner boss owner
    customer client user player teacher student pupil doctor nurse patient surgeon engineer
    scientist leader president king queen prince princess soldier farmer worker officer judge
    lawyer police chief captain pilot driver poet author writer reader viewer listener speaker
    actor actress singer dancer painter designer architect manager founder ceo expert adult
    teenager citizen refugee immigrant villager prisoner victim hero heroes enemy stranger guest
    host audience person people folks guy guys lady ladies gentleman gentlemen sailor fisherman
    monk priest bishop pope emperor minister senator governor mayor colonel general sergeant
    researcher professor coach fan fans mentor volunteer
    """.split()
)
_PERSON_SUFFIXES = ("ist", "ists", "ian", "ians", "man", "men", "woman", "women", "eer", "eers", "ee", "ees")
_ABSTRACT_SUFFIXES = (
    "tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence", "ship", "hood", "dom", "ology",
    "acy", "tude", "ics",
)


def noun_class(head: str) -> str:
    """A coarse class of a noun (its lemma or word, lower-case): ``person`` (a person or
    group of people: "surgeon", "sociologists", "best friend"), ``abstract`` ("perception",
    "justice"… by suffix) or ``thing``."""
    w = head.lower()
    singular = w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") and not w.endswith("ss") else w
    if singular in _PERSON_NOUNS:  # "doctors", "colleagues", "ladies"
        return "person"
    if w in _PERSON_NOUNS or (len(w) > 5 and w.endswith(_PERSON_SUFFIXES) and not w.endswith(("ment", "ments"))):
        return "person"
    if len(w) > 5 and w.endswith(_ABSTRACT_SUFFIXES):
        return "abstract"
    return "thing"
