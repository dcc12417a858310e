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
from .gaps import NUMERIC_KINDS, Gap

#: entity labels of names: a name keeps its capitals wherever it is said
NAME_KINDS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"})

_CURRENCY = frozenset("$€£¥₹")
#: words that join the two ends of a range or a pair of numbers ("five or ten", "10 to 20")
_RANGE_WORDS = frozenset({"or", "to", "and", "-", "–", "—", "through", "till", "until", "between"})


def fair_blank(sentence: Sentence, gap: Gap, topic: Sequence[str], text: str = "") -> bool:
    """Does ``gap`` test knowledge of the recording? ``topic``: the recording's topic
    phrases (its top key phrases), which make trivial answers; ``text``: the document text
    (to tell a name from a common noun the tagger capitalised)."""
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
    else:
        words = [t.text.lower() for t in span if not t.is_punct]
        lemmas = [t.lemma.lower() for t in span if not t.is_punct]
        if gap.kind == "NP" and is_vague(words, lemmas):
            return False
        if gap.kind == "NP" and span[-1].pos not in ("NOUN", "PROPN"):
            return False  # an adjective or a verb alone ("the _____ barber surgeon")
        if gap.kind == "NP" and len(words) > 1 and not all(t.pos == "PROPN" for t in span):
            # "lasting peace", "social justice": the only wrong options are other two-word
            # phrases of the recording ("foster family", "middle class"), which read as the
            # wrong kind of thing; the head alone ("lasting _____": "peace") is asked instead
            return False
        if gap.kind == "NP" and any(t.dep == "ROOT" for t in span[:-1]):
            return False  # the main verb read as a noun: "The stop signal _____ quickly" ("breaks ties")
        if gap.start > 0 and toks[gap.start - 1].tag == "TO":
            return False  # "helps us to _____": a verb the tagger read as a noun
        if any(is_variant(gap.text, phrase) for phrase in topic):
            return False
        if gap.kind in NAME_KINDS and text and said_in_lower_case(gap.text, text):
            return False  # "Anesthesia gave surgeons …" read as a place: the talk says "anesthesia"
    return not _repeated(sentence, gap)


def _repeated(sentence: Sentence, gap: Gap) -> bool:
    """Does a content word of the gap (a number, a noun, a name) occur elsewhere in the
    sentence? Then the sentence gives the answer away ("buys _____ a year … buys 150 tickets")."""
    toks = sentence.tokens
    inside = {t.lemma.lower() for t in toks[gap.start : gap.end] if not t.is_stop and not t.is_punct and (t.text[:1].isalnum())}
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
