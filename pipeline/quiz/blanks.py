"""Is a gap a fair blank? It must test knowledge of the recording.

Not fair: the recording's own topic ("Second Life" in a talk about Second Life: everyone
knows it), a word the sentence says again elsewhere (the answer stands next to the blank),
a vague phrase ("a lot", "the whole thing", "one day"), a number without a definite value
("a few million"), or one end of a range ("five or ten minutes": any number in between reads
as true).
"""

from __future__ import annotations

import re
from typing import Sequence

from ..types import Sentence
from .distractors import is_variant
from .forms import has_value, is_vague, number_form
from .gaps import NAME_LABELS, NUMERIC_KINDS, Gap
from .terms import Terms


_CURRENCY = frozenset("$€£¥₹")
#: words that join the two ends of a range or a pair of numbers ("five or ten", "10 to 20")
_RANGE_WORDS = frozenset({"or", "to", "and", "-", "–", "—", "through", "till", "until", "between"})
#: a time counted from a moment the sentence does not give ("15 years later", "nine years
#: ago", "the next day"): true only of the talk's own timeline, meaningless on its own
_RELATIVE_TIME = re.compile(r"\b(ago|later|earlier|before|after|afterwards|since|next|last|previous|following|this|that|these)\b", re.IGNORECASE)
#: verbs that, with a bare noun as their object, make a set phrase whose noun anyone can
#: supply ("give _____ to babies": birth; "take outstanding _____ of": care; "make _____")
#: units of measure: given by the quantity in front of them, never a test of the recording
UNIT_NOUNS = frozenset(
    """
    meter metre kilometer kilometre centimeter centimetre millimeter millimetre mile foot inch yard
    gram kilogram kilo ton tonne pound ounce liter litre gallon watt kilowatt megawatt gigawatt volt
    amp joule calorie degree percent hertz byte kilobyte megabyte gigabyte terabyte pixel acre hectare
    """.split()
)
_LIGHT_VERBS = frozenset({"give", "take", "make", "have", "do", "get", "pay", "keep", "find", "play", "lose", "catch", "draw", "hold", "set", "run"})


def fair_blank(sentence: Sentence, gap: Gap, topic: Sequence[str], text: str = "", terms: Terms | None = None) -> bool:
    """Does ``gap`` test knowledge of the recording? ``topic``: the recording's topic
    phrases (its top key phrases), which make trivial answers; ``text``: the document text
    (to tell a name from a common noun the tagger capitalised); ``terms``: the recording's
    terms (:mod:`.terms`): a common noun must be one of them, else the words around the
    blank give it away ("take outstanding _____ of", "the global digital _____")."""
    toks = sentence.tokens
    span = toks[gap.start : gap.end]
    if any(c in gap.text for c in "\"“”()[]_"):
        return False  # a span across a quotation mark or bracket: '30 "place'
    if gap.start > 0 and toks[gap.start - 1].text in _CURRENCY:
        return False  # "a $_____ fine": the sign outside the blank
    numeric = gap.kind in NUMERIC_KINDS or bool(number_form(gap.text))
    if numeric:
        if not has_value(gap.text):
            return False
        if any(t.pos in ("DET", "PRON") for t in span[1:]):
            return False  # "10 years of the first": a span the tagger ran on too far
        if _in_range(sentence, gap):
            return False
        if re.search(r"\d\s*/\s*\d", gap.text):
            return False  # "24/7", "9/11": a set phrase or a name, not a quantity to vary
        if _RELATIVE_TIME.search(gap.text):
            return False  # "By _____, evidence … was much stronger" (15 years later than what?)
        if gap.end < len(toks) and toks[gap.end].text.lower() in ("'s", "’s", "s") and toks[gap.end].start_char == toks[gap.end - 1].end_char:
            return False  # "in the _____'s" (1850): a decade whose options would be years
    else:
        words = [t.text.lower() for t in span if not t.is_punct]
        lemmas = [t.lemma.lower() for t in span if not t.is_punct]
        if gap.kind == "NP" and is_vague(words, lemmas):
            return False
        if gap.kind == "NP" and span[-1].pos not in ("NOUN", "PROPN"):
            return False  # an adjective or a verb alone ("the _____ barber surgeon")
        if gap.kind == "NP" and len(words) > 1 and not all(t.pos == "PROPN" for t in span):
            # "lasting peace", "social justice": the wrong options would be any other two-word
            # phrases of the recording ("foster family", "middle class"), the wrong kind of
            # thing. Only a term of the recording ("greenhouse effect", "energy imbalance":
            # every noun a term) is asked whole; its wrong options are other such terms
            if terms is None or not all(terms.is_term(t.lemma) for t in span if t.pos == "NOUN"):
                return False
            if any(t.pos not in ("NOUN", "PROPN", "ADJ") for t in span) or len(words) > 3:
                return False
        if gap.kind == "NP" and terms is not None and span[-1].pos == "NOUN" and not terms.is_term(span[-1].lemma):
            return False  # a common noun the recording only happens to say: guessed from idiom
        if gap.kind == "NP" and _set_phrase(sentence, gap):
            return False
        if gap.kind == "NP" and span[-1].lemma.lower() in UNIT_NOUNS:
            return False  # "a watt per square _____": the unit follows from the number
        if gap.kind == "NP" and any(t.dep == "ROOT" for t in span[:-1]):
            return False  # the main verb read as a noun: "The stop signal _____ quickly" ("breaks ties")
        if gap.start > 0 and toks[gap.start - 1].tag == "TO":
            return False  # "helps us to _____": a verb the tagger read as a noun
        if any(is_variant(gap.text, phrase) for phrase in topic):
            return False
        if gap.kind in NAME_LABELS and text and said_in_lower_case(gap.text, text):
            return False  # "Anesthesia gave surgeons …" read as a place: the talk says "anesthesia"
    return not _repeated(sentence, gap)


def _set_phrase(sentence: Sentence, gap: Gap) -> bool:
    """Is the gap a bare noun object of a light verb ("give birth", "take care", "make
    sense"), with at most adjectives between them? The verb supplies the noun."""
    toks = sentence.tokens
    head = toks[gap.end - 1]
    if head.dep != "dobj" or not (0 <= head.head < len(toks)) or toks[head.head].lemma.lower() not in _LIGHT_VERBS:
        return False
    between = toks[head.head + 1 : gap.start]
    return all(t.pos in ("ADJ", "ADV") for t in between)


def _repeated(sentence: Sentence, gap: Gap) -> bool:
    """Does a content word of the gap (a number, a noun, a name) occur elsewhere in the
    sentence? Then the sentence gives the answer away ("buys _____ a year … buys 150 tickets")."""
    toks = sentence.tokens
    inside = {
        t.lemma.lower() for t in toks[gap.start : gap.end]
        if (not t.is_stop or t.pos == "PROPN") and not t.is_punct and t.text[:1].isalnum()
    }  # a name is never a stop word: "May 1, aka May Day"
    if not inside:
        return False
    outside = {t.lemma.lower() for i, t in enumerate(toks) if not (gap.start <= i < gap.end)}
    outside |= {t.text.lower() for i, t in enumerate(toks) if not (gap.start <= i < gap.end)}
    return bool(inside & outside)


def _in_range(sentence: Sentence, gap: Gap) -> bool:
    """Is the number one end of a range or pair ("5 or 10 minutes", "between 60 and 100")?"""
    toks = sentence.tokens
    before = toks[gap.start - 2 : gap.start]
    after = toks[gap.end : gap.end + 2]
    if len(before) == 2 and before[1].text.lower() in _RANGE_WORDS and before[0].like_num:
        return True
    if len(after) == 2 and after[0].text.lower() in _RANGE_WORDS and after[1].like_num:
        return True
    return gap.start > 0 and toks[gap.start - 1].text.lower() == "between"


def said_in_lower_case(name: str, text: str) -> bool:
    """Does the transcript say ``name`` in lower case somewhere (a common noun the tagger
    took for a name at the start of a sentence)?"""
    low = name.lower()
    if low == name or not low.strip():
        return False
    return re.search(r"(?<![\w-])" + re.escape(low) + r"(?![\w-])", text) is not None
