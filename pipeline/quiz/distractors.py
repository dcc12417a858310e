"""Wrong options: three per item, of the same kind as the answer, never a variant of it.

Sources, in order: phrases of the same kind from the same transcript (same entity label;
numbers; noun phrases of similar shape), then key phrases of that kind, then numeric
perturbations for numbers ("1995" -> "1992"). Within a source, candidates that look most
like the answer come first (same shape, same unit, similar length), then the more frequent,
then the nearer in the transcript; ties by text.

Rejected: variants of the answer (same normalised text or lemmas, one containing the other,
small edit distance such as the ASR spellings "DeepSeek"/"DeepSeq", mostly the same content
words), phrases already in the question, and phrases that fill the blank correctly elsewhere
in the transcript (the words around the blank occur next to them).
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Sequence

from ..result import Keyword
from ..types import Document, Sentence
from .forms import APPROXIMATE, BOUND, article_for, has_value, is_vague, noun_class, number_form
from .gaps import BLANK, NAME_LABELS, NUMERIC_KINDS, Gap, contains_phrase, entity_kind, span_ok, trim, unit_of, verb_read_as_noun
from .statements import broken_word, english
from .terms import Terms

N_DISTRACTORS = 3
#: edit similarity (difflib ratio on normalised text) at or above which two phrases are
#: taken as spellings of the same thing
SIMILAR = 0.8


@dataclass(frozen=True, slots=True)
class PoolEntry:
    """A phrase of the transcript that may serve as a distractor."""

    text: str
    kind: str
    unit: str
    count: int
    first_sentence: int
    lemmas: tuple[str, ...]
    plural: bool  # its last token is a plural noun ("colonies"), for "wild _____ that survive"
    takes_the: bool  # most of its occurrences follow "the" ("the United States")


class Pool:
    """All candidate phrases of a document, grouped by kind; built once per quiz."""

    def __init__(self, document: Document, keywords: Sequence[Keyword], terms: Terms | None = None) -> None:
        """``terms``: the recording's terms (:mod:`.terms`); when given, a common-noun
        distractor must be one of them (a thing the recording is about, not any noun it said)."""
        self.terms = terms
        found: dict[tuple[str, str], list] = {}  # (kind, lower text) -> [text, unit, count, first, lemmas, plural, with "the"]
        self.kind_by_text: dict[str, str] = {}
        for sentence in document.sentences:
            for text, kind, unit, lemmas, plural, after_the in _phrases(sentence, document.text):
                key = (kind, text.lower())
                if key in found:
                    found[key][2] += 1
                    found[key][6] += after_the
                else:
                    found[key] = [text, unit, 1, sentence.index, lemmas, plural, int(after_the)]
        self.entries: dict[str, list[PoolEntry]] = {}
        for (kind, _low), (text, unit, count, first, lemmas, plural, with_the) in sorted(found.items()):
            entry = PoolEntry(text, kind, unit, count, first, lemmas, plural, 2 * with_the > count)
            self.entries.setdefault(kind, []).append(entry)
        # what kind is a given text? the most frequent reading wins (ties: entity before NP)
        votes: dict[str, list[tuple[int, int, str]]] = {}
        for (kind, low), (_t, _u, count, _f, _l, _p, _w) in found.items():
            votes.setdefault(low, []).append((-count, kind == "NP", kind))
        for low in sorted(votes):
            self.kind_by_text[low] = sorted(votes[low])[0][2]
        # the same form with other numbers ("$6 million" for "$5 million") is the same kind
        self.kind_by_form: dict[str, str] = {}
        for low in sorted(self.kind_by_text):
            if any(c.isdigit() for c in low):
                self.kind_by_form.setdefault(re.sub(r"\d", "0", low), self.kind_by_text[low])
        # a key phrase ending in a verb the tagger misread ("site dances") is no distractor
        misread = {t.text.lower() for sentence in document.sentences for t in sentence.tokens if verb_read_as_noun(t)}
        self.keywords = tuple(kw for kw in keywords if (kw.text.lower().split() or [""])[-1] not in misread)
        self.keyword_texts = frozenset(" ".join(re.findall(r"[a-z]+", f.lower())) for kw in self.keywords for f in (kw.text, *kw.forms))
        self.text_lower = " ".join(document.text.lower().split())
        self.text = document.text
        # how often each name is said with the label it mostly gets
        self.name_counts = {
            low: count for (kind, low), (_t, _u, count, _f, _l, _p, _w) in sorted(found.items())
            if kind in NAME_LABELS and self.kind_by_text.get(low) == kind
        }
        self._pieces: dict[str, bool] = {}

    def kind_of(self, text: str) -> str:
        """The kind of a phrase as this transcript uses it: an entity label, ``CARDINAL``
        for numbers, ``NP`` otherwise."""
        low = text.lower().strip()
        if low.startswith("the ") and low not in self.kind_by_text:
            low = low[4:]  # "the United States" as a distractor is "United States" in the pool
        if low in self.kind_by_text:
            return self.kind_by_text[low]
        form = re.sub(r"\d", "0", low)
        if form in self.kind_by_form:
            return self.kind_by_form[form]
        if _NUMBER.fullmatch(low.replace(",", "")) or low in _WORD_NUMBERS:
            return "CARDINAL"
        return "NP"

    def choose(self, gap: Gap, question: str, sentence: Sentence, seed: int, k: int = N_DISTRACTORS) -> tuple[str, ...]:
        """Up to ``k`` distractors for ``gap`` (fewer when the transcript has too few)."""
        return self.choose_with_swap(gap, question, sentence, seed, k)[0]

    def choose_with_swap(
        self, gap: Gap, question: str, sentence: Sentence, seed: int, k: int = N_DISTRACTORS
    ) -> tuple[tuple[str, ...], str | None]:
        """Up to ``k`` distractors for ``gap`` and the one fit to make a false true/false
        statement: a name, place or number of the same kind that the recording itself uses
        elsewhere (``None`` when no distractor is such a fact: a made-up number or a plain
        noun phrase swapped in reads as an obvious or ungrammatical falsehood)."""
        chosen: list[str] = []
        facts: list[str] = []
        left, right = _context(question)
        article = _article_before_blank(question)

        def consider(text: str, fact: bool = False) -> bool:
            text = text.strip()
            if not text or is_variant(text, gap.text):
                return False
            if any(is_variant(text, c) or _same_but_number(text, c) for c in chosen):
                return False
            if contains_phrase(question, text):
                return False
            if self._fills_blank(text, left, right):
                return False
            if article and article_for(text) != article:
                return False  # "an _____" must not rule out the options that start with a consonant
            if common and not _common_noun_phrase(text):
                return False  # "the Roma", "Hotel Gelems", "Wi-" for "antennas"
            if not _similar_length(text, gap.text):
                return False  # an option much longer or shorter than the others stands out
            if gap.kind in _PLACES and is_continent(text) != is_continent(gap.text):
                return False  # "the United States" for "North America" is still true
            chosen.append(text)
            if fact:
                facts.append(text)
            return len(chosen) >= k

        def done() -> tuple[tuple[str, ...], str | None]:
            swap = facts[0] if facts and gap.kind in SWAP_KINDS and not _initialism(gap.text) and not _initialism(facts[0]) else None
            if swap is not None and gap.kind in NAME_LABELS and not self.confirmed(gap.text):
                swap = None  # "Angela Merkel is one of the Greek islands": "Lesbos", said once, read as a person
            return tuple(chosen), swap

        if gap.kind in _UNSURE_LABELS and not self.confirmed(gap.text):
            return (), None  # the answer's own label is a guess ("Tobago" read as a person)
        plural = _is_plural(sentence, gap)
        common = gap.kind == "NP" and (gap.text.islower() or sentence.tokens[gap.end - 1].pos == "NOUN")
        blank_after_the = _blank_after_the(question)
        same = sorted(self.entries.get(gap.kind, ()), key=lambda e: _rank(e, gap, plural, blank_after_the))
        for entry in same:
            if not _compatible(entry.text, gap):
                continue
            if gap.kind != "NP" and self.kind_by_text.get(entry.text.lower(), entry.kind) != entry.kind:
                continue  # the tagger mostly reads it as another kind ("Newton" a place once, a person elsewhere)
            if gap.kind != "NP" and self._piece_of_a_name(entry.text):
                continue  # "Super" of "Super PAC": no name of its own
            if gap.kind in _NOISY_KINDS and entry.count < 2:
                continue  # said once and labelled an organisation: as often a misreading ("Technology", "The House")
            if gap.kind in _UNSURE_LABELS and not self.confirmed(entry.text):
                continue  # "Indian", "Pakistani" read as people once
            if entry.plural != plural and (gap.kind == "NP" or gap.kind in _UNSURE_LABELS):
                continue  # "a lot of _____" takes "children", not "grandfather"; "Bush", not "Rhodes Scholars"
            if gap.kind == "NP" and not self._about(entry.text, entry.lemmas):
                continue
            # a fact for a true/false swap reads as naturally as the answer: "jumped into the
            # _____" takes a name said with "the" ("National Movement"), not "Andhra Pradesh"
            natural = not blank_after_the or entry.takes_the or not _is_proper(entry.text)
            if consider(_with_article(_match_case(entry.text, gap.text, gap.kind), entry, question), fact=natural):
                return done()
        for kw in sorted(self.keywords, key=lambda kw: (-kw.score, kw.text)):
            if gap.kind == "NP" and (not self._about(kw.text) or _looks_plural(kw.text) != plural):
                continue  # "physicians" for "an elderly female _____" (chimpanzee)
            if self.kind_of(kw.text) == gap.kind and _compatible(kw.text, gap) and not _vague_text(kw.text):
                if consider(_match_case(kw.text, gap.text, gap.kind)):
                    return done()
        if _perturbable(gap, question):  # "35 instruments" -> "52 instruments"
            for text in perturb_number(gap.text, seed):
                if consider(text):
                    return done()
        # places are places whichever label the tagger gave them ("Europe" LOC, "Japan" GPE);
        # no other fallback to names of another label: "Catalan" or "Gothic" beside
        # "European Central Bank" is the wrong kind of thing, and fewer items are better
        if gap.kind in _PLACES:
            near = [e for kind in sorted(_PLACES) if kind != gap.kind for e in self.entries.get(kind, ())]
            near = [e for e in near if is_continent(e.text) == is_continent(gap.text)]
            for entry in sorted(near, key=lambda e: _rank(e, gap, plural, blank_after_the)):
                if _is_proper(entry.text) and _compatible(entry.text, gap):
                    if consider(_with_article(entry.text, entry, question), fact=True):
                        return done()
        return done()

    def confirmed(self, name: str) -> bool:
        """Is the entity label of ``name`` likely right: a name of two words or more ("John
        Tyndall", "South Africa"), or one the recording says at least twice with that label?
        The small model labels a single word said once at random ("Lesbos" a person)."""
        words = [w for w in name.split() if w.lower() not in ("the", "a", "an")]
        if len(words) >= 2:
            return True
        low = " ".join(words).lower()
        return self.name_counts.get(low, 0) >= 2

    def _piece_of_a_name(self, name: str) -> bool:
        """Is ``name`` never said on its own, only inside a longer name (a capitalised word
        right before or after it every time: "Super" of "Super PAC")?"""
        if name not in self._pieces:
            pattern = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")
            alone = False
            for m in pattern.finditer(self.text):
                before = self.text[max(0, m.start() - 30) : m.start()]
                after = self.text[m.end() : m.end() + 30]
                if not re.match(r"[ \t]+[A-Z]", after) and not re.search(r"[A-Z][\w'’.-]*[ \t]+$", before):
                    alone = True
                    break
            self._pieces[name] = not alone
        return self._pieces[name]

    def _about(self, text: str, lemmas: Sequence[str] = ()) -> bool:
        """Is a common-noun phrase headed by one of the recording's terms, and, when it has
        several words, a term of the recording as a whole (a key phrase, or each word a
        term)? Always true without ``terms``, and for names."""
        if self.terms is None or _is_proper(text):
            return True
        words = re.findall(r"[A-Za-z]+", text.lower())
        if not words:
            return False

        def term(word: str, lemma: str = "") -> bool:
            forms = {word, _stem(word), word[:-1] if word.endswith("s") else word, lemma}
            return any(self.terms.is_term(f) for f in sorted(forms) if f)

        if not term(words[-1], lemmas[-1] if lemmas else ""):
            return False
        if len(words) == 1:
            return True
        low = " ".join(words)
        return low in self.keyword_texts or all(term(w) for w in words[:-1] if w not in _STOP)

    def _fills_blank(self, candidate: str, left: str, right: str) -> bool:
        """Does ``candidate`` appear in the transcript right next to the blank's context?"""
        c = " ".join(candidate.lower().split())
        if left and f"{left} {c}" in self.text_lower:
            return True
        return bool(right) and f"{c} {right}" in self.text_lower


_PLACES = frozenset({"GPE", "LOC"})
#: entity labels the small model gives to many things that are not of that kind: a wrong
#: option of one of these kinds must be said at least twice with it
_NOISY_KINDS = frozenset({"ORG", "PRODUCT", "FAC", "WORK_OF_ART", "EVENT", "LAW"})
#: labels a single word said once often gets wrongly (places are mostly read right)
_UNSURE_LABELS = _NOISY_KINDS | {"PERSON", "NORP"}
#: kinds whose swap makes a fair false statement: people, places, peoples, events, dates and
#: quantities. Not organisations, works or products: the small model's ORG is also a degree,
#: a ward or a slogan ("doctors who are not E.R.'s" for "M.D.'s")
SWAP_KINDS = frozenset({"PERSON", "GPE", "LOC", "NORP", "EVENT", "DATE", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL", "TIME"})


def _looks_plural(text: str) -> bool:
    """A phrase whose last word looks plural by its spelling ("physicians", "children"; not
    "glass", "analysis")."""
    words = text.lower().split()
    last = words[-1] if words else ""
    return last in _IRREGULAR_PLURALS or (len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "is", "us")))


def _common_noun_phrase(text: str) -> bool:
    """Lower-case words only (a first capital aside), each a whole word: an option of the
    same kind as a common-noun answer."""
    words = text.split()
    if not words or not all(re.fullmatch(r"[A-Za-z][a-z'’-]*[a-z]|[a-z]", w) for w in words):
        return False
    return not any(w[:1].isupper() for w in words[1:])


def _initialism(text: str) -> bool:
    """Letters with dots ("E.R.'s", "M.D.") or a run of capitals ("UCLA"): an abbreviation the
    tagger labels at random."""
    return re.search(r"\b[A-Za-z]\.[A-Za-z]\.|\b[A-Z]{2,}\b", text) is not None
#: back-channel noises that the tagger may read as names ("Mm-mm", "Uh-huh")
_FILLER_FORM = re.compile(r"(?:mm+|hmm+|uh|um|huh|mhm|ah|oh)(?:[- ](?:mm+|hmm+|uh|um|huh|hm+|ah|oh))*")
#: continents and world regions: a country inside one is no wrong answer for it
_CONTINENTS = frozenset(
    {
        "africa", "asia", "europe", "antarctica", "australia", "oceania", "north america",
        "south america", "latin america", "central america", "middle east", "far east", "west",
        "east", "americas", "eurasia", "scandinavia", "caribbean", "balkans", "southeast asia",
        "east asia", "south asia", "west africa", "east africa", "north africa", "sub-saharan africa",
        "western europe", "eastern europe", "central asia",
    }
)


def is_continent(place: str) -> bool:
    """Is ``place`` a continent or world region (not a country or a city)?"""
    low = " ".join(place.lower().split())
    return low in _CONTINENTS or (low.startswith("the ") and low[4:] in _CONTINENTS)


def _is_plural(sentence: Sentence, gap: Gap) -> bool:
    """Is the gap's last token a plural noun (Penn tags NNS, NNPS)?"""
    return 0 < gap.end <= len(sentence.tokens) and sentence.tokens[gap.end - 1].tag in _PLURAL_TAGS


_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def _phrases(sentence: Sentence, text: str):
    """(text, kind, unit, lemmas, plural, after "the") of the entities, numbers and noun
    phrases of a sentence; no noun chunk headed by a verb the tagger misread
    (:func:`~.gaps.verb_read_as_noun`)."""
    toks = sentence.tokens
    seen: set[tuple[int, int]] = set()
    if not english([t for t in toks if not t.is_punct and not t.text.isspace()]):
        return []  # a quoted foreign passage gives no options

    def emit(start: int, end: int, kind: str):
        start, end = trim(toks, start, end)
        if (start, end) in seen or not span_ok(toks, start, end):
            return None
        seen.add((start, end))
        phrase = text[toks[start].start_char : toks[end - 1].end_char]
        if "\n" in phrase:
            return None
        if broken_word(phrase) or "_" in phrase or _FILLER_FORM.fullmatch(phrase.lower()):
            return None  # "f frame", "L_C_D", "Mm-mm": a cut-off word or a noise is no option
        inner = [t for t in toks[start:end] if not t.is_punct]
        if kind == "NP" and (inner[0].pos in ("ADV", "VERB", "AUX") or inner[-1].pos not in ("NOUN", "PROPN")):
            return None  # "necessarily quality", "then graduate student": not a phrase on its own
        if kind == "NP" and is_vague([t.text.lower() for t in inner], [t.lemma.lower() for t in inner]):
            return None  # "lot", "whole thing", "long time": no one would pick these
        if start == 0 and toks[0].pos != "PROPN" and kind == "NP" and phrase[:1].isupper() and phrase[1:2].islower():
            phrase = phrase[0].lower() + phrase[1:]  # sentence-initial capital of a common noun
        lemmas = tuple(t.lemma.lower() for t in toks[start:end] if not t.is_stop and not t.is_punct)
        after_the = start > 0 and toks[start - 1].text.lower() == "the"
        return phrase, kind, unit_of(toks, end), lemmas, toks[end - 1].tag in _PLURAL_TAGS, after_the

    out = []
    labels = {}
    for e in sentence.entities:
        s, t = trim(toks, e.start_token, e.end_token)
        labels[(s, t)] = e.label
        got = emit(e.start_token, e.end_token, entity_kind(e.text, e.label, toks[e.start_token : e.end_token]))
        if got:
            out.append(got)
    in_entity = {i for e in sentence.entities for i in range(e.start_token, e.end_token)}
    for i, t in enumerate(toks):
        if t.like_num and i not in in_entity and any(c.isdigit() for c in t.text):
            got = emit(i, i + 1, "CARDINAL")
            if got:
                out.append(got)
    for c in sentence.noun_chunks:
        s, t = trim(toks, c.start_token, c.end_token)
        if t <= s or toks[t - 1].pos == "PRON" or (s, t) in labels:
            continue
        if verb_read_as_noun(toks[t - 1]):
            continue
        got = emit(s, t, "NP")
        if got:
            out.append(got)
    return out


def _compatible(text: str, gap: Gap) -> bool:
    """Hard shape rules: a noun phrase answer gets noun phrases with (or without) digits
    and proper names as it has them."""
    # "almost no natural cavities" may carry a QUANTITY label, but is no answer to "a
    # temperature of _____"; "day" is no answer to "it can take _____" ("two weeks")
    if _has_number(gap.text) != _has_number(text):
        return False  # nor is "forty litres" an answer to "settles on a _____" ("tree branch")
    if _has_number(gap.text) and (number_form(gap.text) != number_form(text) or not has_value(text)):
        return False  # an age for an age, a decade for a decade; not "a few million" for "$6 million"
    if _has_number(gap.text) and _number_template(text) != _number_template(gap.text):
        return False  # the same words around the number: "17 years", not "the next seven years"
    if (_CENTURY.fullmatch(gap.text.strip()) is None) != (_CENTURY.fullmatch(text.strip()) is None):
        return False  # "the 1400s" (a century) takes "the 1300s", not "the 1420s"
    if _is_year(gap.text) != _is_year(text):
        return False  # "in _____" takes "1992", not "the last twenty years"
    unit = _unit_word(gap.text) if _has_number(gap.text) else ""
    if unit and _unit_word(text) != unit:
        return False  # "35 degrees" gets other degrees (perturbed numbers), not "five nest boxes"
    if gap.kind in NUMERIC_KINDS:
        return True
    if any(c.isdigit() for c in text) != any(c.isdigit() for c in gap.text):
        return False
    if gap.kind == "NP" and _head_class(text) != _head_class(gap.text) and "person" in (_head_class(text), _head_class(gap.text)):
        return False  # a person for a person: not "strong prediction" for "best friend"
    return gap.kind != "NP" or _is_proper(text) == _is_proper(gap.text)


def _head_class(text: str) -> str:
    words = re.findall(r"[A-Za-z]+", text)
    return noun_class(words[-1]) if words else "thing"


_NUMBER_WORD_SET = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion trillion dozen".split()
)


def _number_template(text: str) -> str:
    """The phrase with every number (digits or number words) as "N", lower-cased."""
    words = re.findall(r"[\w'’.,-]+|\S", text.lower())
    out = []
    for w in words:
        is_num = any(c.isdigit() for c in w) or w in _NUMBER_WORD_SET or w in _ORDINAL_VALUE
        if not (is_num and out and out[-1] == "N"):
            out.append("N" if is_num else w)
    joined = " ".join(out)
    while "N and N" in joined:  # "two thousand and six"
        joined = joined.replace("N and N", "N")
    return joined


def _has_number(text: str) -> bool:
    """Digits, a number word or an ordinal ("twenty four degrees", "the fifth loaf"; not
    "second", which is also a unit of time)."""
    if any(c.isdigit() for c in text):
        return True
    return any(w in _NUMBER_WORD_SET or w in _ORDINAL_WORDS for w in re.findall(r"[a-z]+", text.lower()))


_YEAR = re.compile(
    r"(?:\b(?:in|the|of|by|from|since|until|early|late|mid)\s+)*(?:1\d{3}|20\d{2})s?|"
    r"(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+"
    r"(?:hundred|oh|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b.*|two thousand\b.*",
    re.IGNORECASE,
)


_CENTURY = re.compile(r"(?:the\s+)?\d{1,2}00s", re.IGNORECASE)


def _is_year(text: str) -> bool:
    """A year or decade, in digits or spoken ("1992", "the 1990s", "nineteen ninety two",
    "two thousand and six")."""
    return _YEAR.fullmatch(text.strip()) is not None


def _unit_word(text: str) -> str:
    """The last word when it is a word and no number ("degrees" of "35 degrees"), stemmed;
    else ""."""
    words = text.split()
    last = words[-1].strip(".,;:!?)\"'").lower() if words else ""
    if not last.isalpha() or last in _NUMBER_WORD_SET:
        return ""
    return _stem(last)


def _rank(entry: PoolEntry, gap: Gap, plural: bool, blank_after_the: bool = False) -> tuple:
    """Sort key: most answer-like first (shape, grammatical number, article, unit, length),
    then frequent, then near. ``plural``: is the answer a plural noun phrase?
    ``blank_after_the``: does "the" stand right before the blank?"""
    n_words = len(entry.text.split())
    g_words = len(gap.text.split())
    return (
        _shape(entry.text) != _shape(gap.text),
        entry.plural != plural,  # "wild _____ that survive": colonies, swarms, scouts
        # "the _____" takes "United States", not "Britain"
        blank_after_the and _is_proper(entry.text) and not entry.takes_the,
        bool(gap.unit) and entry.unit != gap.unit,
        gap.kind == "NP" and _head_class(entry.text) != _head_class(gap.text),
        abs(n_words - g_words),
        _is_proper(entry.text) != _is_proper(gap.text),
        -entry.count,
        abs(entry.first_sentence - gap.sentence),
        entry.text,
    )


def _shape(text: str) -> str:
    """Coarse orthographic shape: digits -> d, capitals -> X, lower -> x, runs collapsed."""
    out = []
    for ch in text:
        c = "d" if ch.isdigit() else "X" if ch.isupper() else "x" if ch.isalpha() else ch if not ch.isspace() else " "
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _is_proper(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha()]
    return bool(words) and all(w[:1].isupper() for w in words)


def _match_case(text: str, answer: str, kind: str) -> str:
    """Lower-case a common-noun distractor when the answer is lower-case."""
    if kind == "NP" and answer[:1].islower() and text[:1].isupper() and not _is_proper(text) and not text[1:2].isupper():
        return text[0].lower() + text[1:]
    return text


def _word_before_blank(question: str) -> str:
    """The lower-cased word right before the blank ("" at the start of the question)."""
    words = re.findall(r"[\w'’-]+", question.partition(BLANK)[0].lower())
    return words[-1] if words else ""


def _blank_after_the(question: str) -> bool:
    """Is the word right before the blank "the"?"""
    return _word_before_blank(question) == "the"


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your"})


def _with_article(text: str, entry: PoolEntry, question: str) -> str:
    """``text`` with "the" in front when it is a name used with "the" ("the United States")
    and no determiner stands before the blank: "Europe and _____" -> "the United States"."""
    if not entry.takes_the or not _is_proper(text) or text.lower().startswith("the "):
        return text
    before = question.partition(BLANK)[0]
    word = _word_before_blank(question)
    if word in _DETERMINERS or word.endswith(("'s", "’s")) or before.rstrip().endswith(("'", "’")):
        return text  # "its _____", "Seeley's _____", "the bees' _____"
    return ("The " if not before.strip() else "the ") + text


def _context(question: str) -> tuple[str, str]:
    """Two words either side of the blank, lower-cased (either may be empty)."""
    before, _, after = question.partition(BLANK)
    lw = re.findall(r"[\w'’-]+", before.lower())[-2:]
    rw = re.findall(r"[\w'’-]+", after.lower())[:2]
    left = " ".join(lw) if len(lw) == 2 else ""
    right = " ".join(rw) if len(rw) == 2 else ""
    return left, right


# ---- variants -------------------------------------------------------------------------------

_ARTICLES = frozenset({"a", "an", "the"})
_STOP = frozenset(
    {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "'s", "s"}
)


def normalise(text: str) -> str:
    """Lower-case, accents and punctuation removed, articles dropped (SQuAD-style)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(w for w in text.split() if w not in _ARTICLES)


def _stem(word: str) -> str:
    """A crude stem: plural and verb endings off, then a final "e" ("remotes" and "remote"
    -> "remot", "colonies" and "colony" -> "colony")."""
    if word.endswith("ies") and len(word) >= 6:
        return word[:-3] + "y"
    for suffix in ("es", "s", "ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) >= 5 else word


#: two words sharing a beginning this long (and most of the shorter word) come from one root
#: ("connection" / "connectivity", "physician" / "physicians'"): one is no wrong option for the other
_ROOT_LETTERS = 6


def _same_root(a: str, b: str) -> bool:
    """Do two single words share a long beginning (see :data:`_ROOT_LETTERS`)?"""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n >= _ROOT_LETTERS and n >= 0.7 * min(len(a), len(b))


@lru_cache(maxsize=65536)  # a pure function asked about the same pairs again and again
def is_variant(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` name (or spell) the same thing: equal after normalising
    and crude stemming, one containing the other as whole words, an edit similarity of at
    least :data:`SIMILAR` (with or without spaces), or half their content words shared."""
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return True
    if na == nb:
        return True
    wa, wb = na.split(), nb.split()
    sa, sb = [_stem(w) for w in wa], [_stem(w) for w in wb]
    if sa == sb:
        return True
    if _contains_seq(sa, sb) or _contains_seq(sb, sa):
        return True
    if len(wa) == 1 and len(wb) == 1 and wa[0].isalpha() and wb[0].isalpha() and _same_root(wa[0], wb[0]):
        return True
    ca, cb = na.replace(" ", ""), nb.replace(" ", "")
    if SequenceMatcher(None, na, nb).ratio() >= SIMILAR or SequenceMatcher(None, ca, cb).ratio() >= SIMILAR:
        # different numbers are different answers even when they look alike ("1995"/"1996",
        # "$5 million"/"$6 million")
        if _numbers(na) == _numbers(nb):
            return True
    content_a = {w for w in sa if w not in _STOP and not w.isdigit() and w not in _ORDINAL_VALUE}
    content_b = {w for w in sb if w not in _STOP and not w.isdigit() and w not in _ORDINAL_VALUE}
    if content_a and content_b:
        shared = len(content_a & content_b)
        if shared and shared / min(len(content_a), len(content_b)) >= 0.5:
            # "a 15-1 record" vs "a 12-4 record": same unit, different number: not a variant
            digits_a = _numbers(na)
            digits_b = _numbers(nb)
            if not (digits_a and digits_b and digits_a != digits_b):
                return True
    return False


def _numbers(text: str) -> list[str]:
    """The numbers of a normalised text: digits, number words and ordinals ("ten thousand
    bees" and "eleven thousand bees" differ, so do "fifth loaf" and "third loaf")."""
    return [w for w in re.findall(r"\d+|[a-z]+", text) if w[0].isdigit() or w in _NUMBER_WORD_SET or w in _ORDINAL_VALUE]


def _contains_seq(big: list[str], small: list[str]) -> bool:
    n = len(small)
    return any(big[i : i + n] == small for i in range(len(big) - n + 1))


# ---- numbers --------------------------------------------------------------------------------

_NUMBER = re.compile(r"\d+(\.\d+)?")
_NUM_IN_TEXT = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORDS = {i: w for w, i in _WORD_NUMBERS.items()}
#: ordinal words, 1-20 ("the fifth loaf" -> "the third loaf"). "second" is left out of
#: :data:`_ORDINAL_WORDS` (what marks a phrase as holding a number): it is also a unit of time
_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
)
_ORDINAL_VALUE = {w: i + 1 for i, w in enumerate(_ORDINALS)}
_ORDINAL_WORDS = frozenset(w for w in _ORDINALS if w != "second")
#: a number written as an ordinal: "21st", "3rd", "17th"
_DIGIT_ORDINAL = re.compile(r"(\d+)(st|nd|rd|th)\b", re.IGNORECASE)


def ordinal_suffix(n: int) -> str:
    """English ordinal suffix of ``n``: 1 -> "st", 2 -> "nd", 3 -> "rd", 11 -> "th", 22 -> "nd"."""
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _perturb_ordinal(answer: str, rng: random.Random) -> list[str] | None:
    """Other ordinals for an answer holding exactly one ("17th century" -> "15th century",
    "the fifth loaf" -> "the third loaf"); ``None`` when it holds none or several."""
    digit = list(_DIGIT_ORDINAL.finditer(answer))
    words = answer.split()
    word_hits = [i for i, w in enumerate(words) if w.lower() in _ORDINAL_VALUE]
    if len(digit) + len(word_hits) != 1 or (not digit and _NUM_IN_TEXT.search(answer)):
        return None
    n = int(digit[0].group(1)) if digit else _ORDINAL_VALUE[words[word_hits[0]].lower()]
    deltas = [-1, 1, -2, 2, -3, 3, -4, 4]
    rng.shuffle(deltas)
    top = 10**6 if digit else len(_ORDINALS)
    values = [n + d for d in deltas if 1 <= n + d <= top]
    if digit:
        m = digit[0]
        suffix_upper = m.group(2).isupper()
        return [
            answer[: m.start()] + f"{v}{ordinal_suffix(v).upper() if suffix_upper else ordinal_suffix(v)}" + answer[m.end() :]
            for v in values
        ]
    i = word_hits[0]
    out = []
    for v in values:
        w = _ORDINALS[v - 1]
        if words[i][:1].isupper():
            w = w.capitalize()
        out.append(" ".join([*words[:i], w, *words[i + 1 :]]))
    return out


_MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december".split()
)
_PERCENT_AFTER = re.compile(r"\s*(%|per ?cent)", re.IGNORECASE)
_IRREGULAR_PLURALS = frozenset("women men children people feet teeth mice geese oxen data media criteria phenomena".split())


def _agrees(value: float, rest: str) -> bool:
    """Can ``value`` stand before ``rest`` (the text after the number)? Not 0 or 1 before a
    plural noun: "one months to September", "0 instruments"."""
    following = rest.split()[0].lower() if rest.split() else ""
    plural = len(following) > 2 and following.endswith("s") and not following.endswith("ss") or following in _IRREGULAR_PLURALS
    return not (plural and value in (0, 1))


def perturb_number(answer: str, seed: int) -> list[str]:
    """Plausible wrong numbers in the answer's own format (commas, decimals, number words,
    units and text around the number kept); years move by a few years. Empty when the answer
    holds no number; with several, the last one moves."""
    rng = random.Random(seed)
    ordinals = _perturb_ordinal(answer, rng)
    if ordinals is not None:
        return ordinals
    words = answer.split()
    lowered = [w.lower() for w in words]
    word_hits = [i for i, w in enumerate(lowered) if w in _WORD_NUMBERS]
    digit_hits = list(_NUM_IN_TEXT.finditer(answer))
    if digit_hits and not word_hits:
        m = digit_hits[-1]  # several numbers ("February 7, 2016", "24-10"): move the last
        raw = m.group(0)
        value = float(raw.replace(",", ""))
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        is_year = decimals == 0 and "," not in raw and len(raw) == 4 and 1000 <= value <= 2100
        short_year = len(raw) == 2 and m.start() > 0 and answer[m.start() - 1] in "'’"
        if short_year:  # "'92", "the '30s": two digits of a year or decade
            step = 10 if answer[m.end() : m.end() + 1] == "s" else 1
            deltas = [d * step for d in (-1, 1, -2, 2, -3, 3)]
            rng.shuffle(deltas)
            out = [answer[: m.start()] + f"{int(value + d):02d}" + answer[m.end() :] for d in deltas if 0 <= value + d <= 99]
            return list(dict.fromkeys(out))
        if is_year and answer[m.end() : m.end() + 1] == "s":  # a decade: "the 1990s"; a century: "the 1400s"
            deltas = [-100, 100, -200, 200, -300, 300] if raw.endswith("00") else [-10, 10, -20, 20, -30, 30]
            rng.shuffle(deltas)
            values = [value + d for d in deltas]
        elif is_year:
            deltas = [-1, 1, -2, 2, -3, 3, -5, 5, -10, 10]
            rng.shuffle(deltas)
            values = [value + d for d in deltas]
        else:
            if decimals == 0 and value <= 12 and not APPROXIMATE.search(answer):
                values = [value + d for d in (1, -1, 2, -2, 3, 4) if value + d >= 0]
            else:
                factors = [0.5, 0.75, 1.25, 1.5, 2.0, 3.0]
                values = [value * f for f in factors]
            rng.shuffle(values)
        if any(w.strip(".,").lower() in _MONTH_WORDS for w in words):
            values = [v for v in values if 1 <= v <= 28]  # a day of the month: not "May 0"
        out = []
        for v in values:
            if decimals == 0:
                v_text = str(int(round(v)))
                if "," in raw:
                    v_text = f"{int(round(v)):,}"
            else:
                v_text = f"{v:.{decimals}f}"
            if v_text == raw or not _agrees(v, answer[m.end() :]):
                continue
            if v > 100 >= value and _PERCENT_AFTER.match(answer[m.end() :]):
                continue  # "246 percent" of the patients
            out.append(answer[: m.start()] + v_text + answer[m.end() :])
        return list(dict.fromkeys(out))
    if len(word_hits) == 1 and not digit_hits:
        i = word_hits[0]
        if any(w in _NUMBER_WORD_SET for j, w in enumerate(lowered) if j != i):
            return []  # "thirty five": moving only the "five" makes a near-copy ("thirty six")
        n = _WORD_NUMBERS[lowered[i]]
        rest = " ".join(words[i + 1 :])
        if n > 5 or APPROXIMATE.search(answer):
            steps: tuple[int, ...] = (3, -3, 5, -5, 4, -4, 7)  # "ten weeks" -> "seven weeks", not "eleven"
        else:
            steps = (1, -1, 2, -2, 3, 4)
        values = [n + d for d in steps if 0 <= n + d <= 20 and _agrees(n + d, rest)]
        rng.shuffle(values)
        out = []
        for v in values:
            w = _NUMBER_WORDS[v]
            if words[i][:1].isupper():
                w = w.capitalize()
            out.append(" ".join([*words[:i], w, *words[i + 1 :]]))
        return out
    return []


# ---- form checks ------------------------------------------------------------------------------


def _article_before_blank(question: str) -> str:
    """"a" or "an" when that article stands right before the blank, else ""."""
    word = _word_before_blank(question)
    return word if word in ("a", "an") else ""


def _similar_length(text: str, answer: str) -> bool:
    """Within one word and a factor of two in characters of the answer."""
    a, b = len(text.split()), len(answer.split())
    if abs(a - b) > 1:
        return False
    la, lb = len(text), len(answer)
    return max(la, lb) <= 2 * min(la, lb) + 3


def _same_but_number(a: str, b: str) -> bool:
    """Two options that differ only in their numbers ("DeepSeq R3" / "DeepSeq R5",
    "36-bit" / "18-bit") are variants of each other unless they are plain quantities."""
    return re.sub(r"\d+", "0", a.lower()) == re.sub(r"\d+", "0", b.lower()) and _identifier(a)


def _identifier(text: str) -> bool:
    """A name or code with a number in it ("R1", "CO5", "3G", "36-bit", "Windows 95"):
    changing its number makes up a thing, not a wrong fact."""
    for word in text.split():
        if any(c.isdigit() for c in word) and any(c.isalpha() for c in word):
            core = word.lower().rstrip(".,")
            if not re.fullmatch(r"\d+(st|nd|rd|th|s)|'\d\ds|\$?\d+(\.\d+)?[km%]?", core):
                return True
    return False


_FRACTIONS = re.compile(r"\b(half|halves|thirds|quarters|fifths|sixths|sevenths|eighths|ninths|tenths)\b", re.IGNORECASE)


def _perturbable(gap: Gap, question: str = "") -> bool:
    """May the answer's number be moved to make a distractor? Only a plain quantity, date
    or count with a definite value, never a number inside a name or code, nor a bound
    ("more than four kilometres", "smaller than _____": a smaller number is then also true)."""
    before = question.partition(BLANK)[0].lower().split()[-3:]
    if BOUND.search(" ".join(before[-2:])) or (before and before[-1] == "than"):
        return False
    if not (gap.kind in NUMERIC_KINDS or _has_number(gap.text)):
        return False
    if gap.kind not in NUMERIC_KINDS and gap.kind != "NP":
        return False  # a product, event or law with a number in its name
    if BOUND.search(gap.text):
        return False  # "more than four kilometres": "more than three" is also true
    if _FRACTIONS.search(gap.text):
        return False  # "about two thirds": moving the numerator makes "seven thirds"
    return has_value(gap.text) and not _identifier(gap.text)


def _vague_text(text: str) -> bool:
    words = text.lower().split()
    return is_vague(words, [_stem(w) for w in words])
