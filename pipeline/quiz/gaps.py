"""What to blank out in a sentence: named entities, numbers, key phrases, noun phrases.

A gap always covers whole tokens, never a stop word or pronoun alone, and its text must not
appear anywhere else in the question (else the question gives the answer away).

``kind`` says what sort of thing the answer is, so that distractors can be of the same
sort: an entity label (``PERSON``, ``DATE``, ``CARDINAL`` …; a bare number outside any
entity is ``CARDINAL``) or ``NP`` for a plain noun phrase. ``score``: higher is a better gap.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Sequence

from ..result import Keyword
from ..types import Sentence, Token

#: Gap score = a linear model of how likely people pick the span as an answer (its logit).
#: Fit by logistic regression on every 4th paragraph of the SQuAD v1.1 development file
#: (human answer spans as positives, all other admissible gaps as negatives), then frozen
#: here; see benchmarks/quiz_quality.py for the held-out effect. Numbers, proper nouns and
#: phrases the transcript repeats make likely answers; single words and parts of compounds
#: do not.
WEIGHTS = {
    "digit": 0.774, "logcount": 0.545, "propn": 0.501, "entity": 0.250, "kw_score": 0.124,
    "is_kw": 0.058, "relpos": 0.104,
    "len_1": -0.842, "len_2": -0.106, "len_3": 0.016, "len_4": 0.058,
    "source_head": -0.213, "source_chunk": -0.332, "source_number": -0.637, "source_keyphrase": 0.058,
    "dep_dobj": 0.090, "dep_nsubj": 0.055, "dep_attr": 0.045, "dep_pobj": -0.019, "dep_appos": -0.159,
    "dep_nsubjpass": -0.167, "dep_conj": -0.359, "dep_compound": -0.521,
}
KIND_WEIGHT = {
    "ORDINAL": 0.392, "CARDINAL": 0.037, "QUANTITY": 0.037, "PERCENT": 0.037, "MONEY": 0.037,
    "PERSON": -0.050, "NP": -0.065, "DATE": -0.074, "ORG": -0.160,
    "GPE": -0.225, "LOC": -0.225, "FAC": -0.225, "NORP": -0.419,
}
OTHER_KIND_WEIGHT = -0.310
NUMERIC_KINDS = frozenset({"DATE", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "TIME", "ORDINAL"})
#: leading tokens that stay outside the blank ("the _____")
_LEAD_POS = frozenset({"DET", "PRON", "ADP", "CCONJ", "PUNCT", "PART", "SCONJ"})
_TRAIL_POS = frozenset({"PUNCT", "PART", "CCONJ", "ADP", "DET"})
MAX_GAP_TOKENS = 6
BLANK = "_____"


@dataclass(frozen=True, slots=True)
class Gap:
    """A blankable span of one sentence. ``start``/``end`` index ``sentence.tokens``
    (half-open); ``start_char``/``end_char`` are offsets into the document text."""

    sentence: int
    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    kind: str
    unit: str
    score: float
    source: str  # entity | number | keyphrase | chunk | head


def trim(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int]:
    """Drop determiners, pronouns, possessives and punctuation at the edges of a span."""
    while start < end and (tokens[start].pos in _LEAD_POS or tokens[start].tag in ("PRP$", "WP$", "POS")):
        start += 1
    while end > start and (tokens[end - 1].pos in _TRAIL_POS or tokens[end - 1].tag == "POS"):
        end -= 1
    return start, end


def span_ok(tokens: Sequence[Token], start: int, end: int) -> bool:
    """A span worth asking for: not too long, not only stop words, pronouns or symbols."""
    if end <= start or end - start > MAX_GAP_TOKENS:
        return False
    inner = tokens[start:end]
    if all(t.is_stop or t.is_punct or t.pos == "PRON" for t in inner):
        return False
    return any(t.text[:1].isalnum() for t in inner)


def unit_of(tokens: Sequence[Token], end: int) -> str:
    """The noun a number counts ("eight appearances" -> "appearance"), or ""."""
    if end < len(tokens) and tokens[end].pos == "NOUN":
        return tokens[end].lemma.lower()
    return ""


def gap_score(sentence: Sentence, start: int, end: int, text: str, kind: str, source: str, count: int, kw_score: float | None) -> float:
    """Logit of "people would pick this span as the answer" (higher is a better gap).
    ``count``: occurrences of the span's text in the transcript; ``kw_score``: the best
    score of a key phrase equal to the span, ``None`` when it is not a key phrase."""
    toks = sentence.tokens[start:end]
    w = WEIGHTS
    score = KIND_WEIGHT.get(kind, OTHER_KIND_WEIGHT)
    score += w["digit"] * any(c.isdigit() for c in text)
    score += w["logcount"] * math.log(max(1, count))
    score += w["propn"] * any(t.pos == "PROPN" for t in toks)
    score += w["entity"] * (source == "entity")
    score += w.get(f"source_{source}", 0.0)
    if kw_score is not None:
        score += w["is_kw"] + w["kw_score"] * kw_score
    score += w["relpos"] * start / max(1, len(sentence.tokens))
    score += w[f"len_{min(end - start, 4)}"]
    score += w.get(f"dep_{toks[-1].dep}", 0.0)
    return score


def sentence_gaps(sentence: Sentence, text: str, keywords: Sequence[Keyword], text_lower: str | None = None) -> list[Gap]:
    """All admissible gaps of a parsed ``sentence`` (``text`` is the document text,
    ``text_lower`` its lower-case form, computed when not given), best first by
    ``(-score, start, end)``; one gap per token span (best source wins)."""
    toks = sentence.tokens
    found: dict[tuple[int, int], Gap] = {}
    if text_lower is None:
        text_lower = text.lower()
    kw_scores: dict[str, float] = {}
    for kw in keywords:
        for form in (*kw.forms, kw.text):
            low = " ".join(form.lower().split())
            kw_scores[low] = max(kw_scores.get(low, 0.0), max(0.0, min(1.0, float(kw.score))))

    def add(start: int, end: int, kind: str, source: str) -> None:
        start, end = trim(toks, start, end)
        if not span_ok(toks, start, end):
            return
        s_char, e_char = toks[start].start_char, toks[end - 1].end_char
        gap_text = text[s_char:e_char]
        if "\n" in gap_text:
            return
        low = " ".join(gap_text.lower().split())
        score = gap_score(sentence, start, end, gap_text, kind, source, text_lower.count(low), kw_scores.get(low))
        gap = Gap(sentence.index, start, end, s_char, e_char, gap_text, kind, unit_of(toks, end), score, source)
        old = found.get((start, end))
        if old is None or (gap.score, -_SOURCE_ORDER[source]) > (old.score, -_SOURCE_ORDER[old.source]):
            found[(start, end)] = gap

    for ent in sentence.entities:
        add(ent.start_token, ent.end_token, ent.label, "entity")
    in_entity = {i for e in sentence.entities for i in range(e.start_token, e.end_token)}
    for i, t in enumerate(toks):
        if t.like_num and i not in in_entity and any(c.isdigit() for c in t.text):
            add(i, i + 1, "CARDINAL", "number")
    entity_spans = {(e.start_token, e.end_token): e.label for e in sentence.entities}
    for kw in keywords:
        for form in sorted({f for f in (*kw.forms, kw.text) if f.strip()}):
            for start, end in _token_matches(toks, text, form):
                label = _entity_label(sentence, start, end) or "NP"
                add(start, end, label, "keyphrase")
    for chunk in sentence.noun_chunks:
        start, end = trim(toks, chunk.start_token, chunk.end_token)
        if end <= start:
            continue
        label = entity_spans.get((start, end)) or _entity_label(sentence, start, end) or "NP"
        if toks[end - 1].pos == "PRON":
            continue
        add(start, end, label, "chunk")
        # the head with its compounds ("quarterback Cam Newton" -> "Cam Newton")
        head = end - 1
        h0 = head
        while h0 - 1 >= start and toks[h0 - 1].dep in ("compound", "flat") and toks[h0 - 1].pos in ("NOUN", "PROPN"):
            h0 -= 1
        if (h0, head + 1) != (start, end):
            add(h0, head + 1, _entity_label(sentence, h0, head + 1) or "NP", "head")
    out = [g for g in found.values() if not _given_away(sentence, text, g)]
    out.sort(key=lambda g: (-g.score, g.start, g.end))
    return out


_SOURCE_ORDER = {"entity": 0, "number": 1, "keyphrase": 2, "chunk": 3, "head": 4}


def question_text(sentence: Sentence, text: str, gap: Gap) -> str:
    """The sentence with the gap replaced by ``_____``."""
    local_start = gap.start_char - sentence.start_char
    local_end = gap.end_char - sentence.start_char
    return sentence.text[:local_start] + BLANK + sentence.text[local_end:]


def contains_phrase(haystack: str, needle: str) -> bool:
    """Case-insensitive whole-word containment."""
    needle = needle.strip()
    if not needle:
        return False
    return re.search(r"(?<!\w)" + re.escape(needle.lower()) + r"(?!\w)", haystack.lower()) is not None


def _given_away(sentence: Sentence, text: str, gap: Gap) -> bool:
    return contains_phrase(question_text(sentence, text, gap), gap.text)


def _entity_label(sentence: Sentence, start: int, end: int) -> str:
    """Label of an entity that the span ``[start, end)`` equals after trimming, else ""."""
    for e in sentence.entities:
        s, t = trim(sentence.tokens, e.start_token, e.end_token)
        if (s, t) == (start, end):
            return e.label
    return ""


def _token_matches(tokens: Sequence[Token], text: str, form: str) -> list[tuple[int, int]]:
    """Token spans whose text equals ``form`` case-insensitively."""
    words = form.lower().split()
    if not words:
        return []
    out = []
    n = len(words)
    lowered = [t.text.lower() for t in tokens]
    first = words[0]
    for i, w in enumerate(lowered):
        if not (w == first or first.startswith(w)):
            continue
        # compare the joined token text (tokens may split "e-mail" or "U.S.")
        for j in range(i + 1, min(len(tokens), i + 3 * n + 2) + 1):
            span = text[tokens[i].start_char : tokens[j - 1].end_char].lower()
            if " ".join(span.split()) == " ".join(words):
                out.append((i, j))
                break
            if len(span) > len(form) + 2:
                break
    return out
