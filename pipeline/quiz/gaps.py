"""What to blank out in a sentence: named entities, numbers, key phrases, noun phrases.

A gap always covers whole tokens, never a stop word or pronoun alone, and its text must not
appear anywhere else in the question (else the question gives the answer away).

``kind`` says what sort of thing the answer is, so that distractors can be of the same
sort: an entity label (``PERSON``, ``DATE``, ``CARDINAL`` …; a bare number outside any
entity is ``CARDINAL``) or ``NP`` for a plain noun phrase. ``score``: higher is a better gap
(the logit of a shipped logistic model, see :func:`gap_score`).

Candidate spans come from several sources (a span found by several keeps them all, as
features): named entities, bare numbers, key phrases, noun chunks without determiners, the
same chunks without leading adjectives ("famous Robert Guiscard" -> "Robert Guiscard"), the
head noun with its compounds, and runs of proper nouns.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping, Sequence

from ..paths import resource_path
from ..result import Keyword
from ..types import Sentence, Token

#: the gap model: ``{"intercept": b, "weights": {feature: w}}``; fit by
#: ``benchmarks/fit_quiz_gaps.py`` (logistic regression, SQuAD v1.1 dev, a third of the articles)
MODEL_FILE = ("quiz", "gap_model.json")
NUMERIC_KINDS = frozenset({"DATE", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "TIME", "ORDINAL"})
#: entity labels with a feature of their own; others share ``kind_OTHER``
KINDS = (
    "NP", "PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "DATE", "CARDINAL", "ORDINAL", "QUANTITY",
    "PERCENT", "MONEY", "TIME", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE",
)
SOURCES = ("entity", "number", "keyphrase", "chunk", "core", "head", "propn")
#: dependency labels of a span's root with a feature of their own
DEPS = (
    "nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "compound", "ROOT", "npadvmod",
    "poss", "dative", "oprd", "amod", "nmod", "nummod", "pcomp", "acomp", "advmod",
)
#: prepositions governing a span (``pobj``) with a feature of their own
PREPS = ("of", "in", "by", "for", "to", "as", "from", "on", "at", "with")
#: words just before a span with a feature of their own ("known as _____", "such as _____",
#: "about _____"); a word is its lower-case lemma, punctuation its text
PREV_WORDS = (
    "(", ",", "a", "about", "and", "approximately", "as", "by", "call", "for", "from", "in",
    "include", "including", "know", "name", "nearly", "of", "over", "such", "than", "the", "to",
)
#: leading tokens that stay outside the blank ("the _____")
_LEAD_POS = frozenset({"DET", "PRON", "ADP", "CCONJ", "PUNCT", "PART", "SCONJ"})
_TRAIL_POS = frozenset({"PUNCT", "PART", "CCONJ", "ADP", "DET"})
#: leading modifiers dropped for the ``core`` candidate ("the famous Robert Guiscard")
_MODIFIER_POS = frozenset({"ADJ", "ADV", "VERB", "NUM"})
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
    source: str  # the first of SOURCES that found it


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


@lru_cache(maxsize=1)
def _model() -> tuple[float, dict[str, float]]:
    data = json.loads(resource_path(*MODEL_FILE).read_text(encoding="utf-8"))
    return float(data["intercept"]), {str(k): float(v) for k, v in data["weights"].items()}


def _root(tokens: Sequence[Token], start: int, end: int) -> int:
    """Index of the span's syntactic root: the first token whose head lies outside it
    (the last token when the sentence has no parse)."""
    for i in range(start, end):
        h = tokens[i].head
        if h < 0:
            break
        if not (start <= h < end) or h == i:
            return i
    return end - 1


def sentence_context(sentence: Sentence) -> dict[str, float]:
    """Features of the sentence a gap is in (the same for all its gaps: they decide which
    sentences carry questions, not which gap). Nothing about the sentence's place in the
    document: SQuAD paragraphs and transcripts differ too much there."""
    toks = sentence.tokens
    words = sum(1 for t in toks if not t.is_punct)
    return {
        "sent_logwords": math.log(max(1, words)),
        "sent_ents": min(len(sentence.entities), 6) / 6.0,
        "sent_digits": float(any(t.like_num and any(c.isdigit() for c in t.text) for t in toks)),
    }


def gap_features(
    sentence: Sentence, start: int, end: int, text: str, kind: str, sources: Sequence[str], count: int,
    kw_score: float | None, context: Mapping[str, float] | None = None,
) -> dict[str, float]:
    """Features of the span ``[start, end)`` for the gap model. ``count``: occurrences of its
    text in the transcript; ``kw_score``: best score of a key phrase equal to it (``None``:
    not a key phrase); ``context``: :func:`sentence_context`."""
    toks = sentence.tokens
    span = toks[start:end]
    n = end - start
    f: dict[str, float] = dict(context or {})
    f["kind_" + (kind if kind in KINDS else "OTHER")] = 1.0
    for s in sources:
        f["src_" + s] = 1.0
    f["n_sources"] = float(len(sources))
    f[f"len_{min(n, 5)}"] = 1.0
    if any(c.isdigit() for c in text):
        f["digit"] = 1.0
    if all(t.pos == "PROPN" for t in span):
        f["propn_all"] = 1.0
    elif any(t.pos == "PROPN" for t in span):
        f["propn_some"] = 1.0
    if text.islower():
        f["lower"] = 1.0
    if start > 0 and text[:1].isupper():
        f["capital"] = 1.0
    first, last = span[0].pos, span[-1].pos
    f["first_" + (first if first in ("ADJ", "NOUN", "PROPN", "NUM", "VERB") else "other")] = 1.0
    f["last_" + (last if last in ("ADJ", "NOUN", "PROPN", "NUM", "VERB") else "other")] = 1.0
    if any(t.is_stop for t in span):
        f["inner_stop"] = 1.0
    root = _root(toks, start, end)
    dep = toks[root].dep
    f["dep_" + (dep if dep in DEPS else "other")] = 1.0
    head = toks[root].head
    if dep == "pobj" and 0 <= head < len(toks):
        prep = toks[head].text.lower()
        f["prep_" + (prep if prep in PREPS else "other")] = 1.0
    if start > 0 and toks[start - 1].text in ("(", "[", '"', "“"):
        f["after_bracket"] = 1.0
    f["relpos"] = start / max(1, len(toks))
    f["cover"] = n / max(1, len(toks))
    f["logcount"] = math.log(max(1, count))
    # the transcript's topic ("Tesla" in a talk about Tesla) is what questions are asked
    # about, seldom their answer
    f[f"count_{min(max(count, 1), 4)}"] = 1.0
    for e in sentence.entities:
        if (e.start_token, e.end_token) == (start, end):
            continue
        if e.start_token <= start and end <= e.end_token:
            f["entity_part"] = 1.0  # a piece of a name: "Super Bowl" of "Super Bowl 50"
        elif start <= e.start_token and e.end_token <= end:
            f["entity_inside"] = 1.0  # a name with its context: "1964 MSC study"
    if any(t.like_num for t in span[:-1]) and last == "NOUN":
        f["number_unit"] = 1.0  # "35 instruments"
    if kw_score is not None:
        f["is_kw"] = 1.0
        f["kw_score"] = kw_score
    # what kind of thing in which role: a DATE as the object of "in" is asked for far more
    # often than a DATE that modifies a noun
    f["kd_" + (kind if kind in KINDS else "OTHER") + "_" + (dep if dep in DEPS else "other")] = 1.0
    if start > 0:
        before = toks[start - 1]
        word = before.lemma.lower() if before.text.isalpha() else before.text
        if word in PREV_WORDS:
            f["prev_" + word] = 1.0
    if _inside_brackets(toks, start):
        f["in_brackets"] = 1.0  # asides: "(0.039 in)", "(Goldreich 2008)"
    if all(t.is_punct for t in toks[end:]):
        f["at_end"] = 1.0  # the new information of a sentence tends to come last
    if dep == "conj" or any(t.head == root and t.dep == "conj" for t in toks if t is not toks[root]):
        f["list_member"] = 1.0  # one name of a list: which one would a question ask for?
    verb = _governing_verb(toks, root)
    if verb >= 0:
        f["verb_before" if verb < start else "verb_after"] = 1.0
        if toks[verb].dep == "ROOT":
            f["verb_main"] = 1.0
    return f


def _inside_brackets(tokens: Sequence[Token], start: int) -> bool:
    """Is token ``start`` inside round brackets opened earlier in the sentence?"""
    depth = 0
    for t in tokens[:start]:
        depth += (t.text == "(") - (t.text == ")")
    return depth > 0


def _governing_verb(tokens: Sequence[Token], root: int) -> int:
    """Index of the nearest verb (or auxiliary) above the span root ``root`` in the parse,
    or -1 (no verb above it, or no parse)."""
    h = tokens[root].head
    seen = 0
    while 0 <= h < len(tokens) and tokens[h].pos not in ("VERB", "AUX") and tokens[h].head != h and seen < len(tokens):
        h = tokens[h].head
        seen += 1
    return h if 0 <= h < len(tokens) and tokens[h].pos in ("VERB", "AUX") else -1


def gap_score(features: Mapping[str, float]) -> float:
    """Logit of "this span matches an answer people would give" (higher is a better gap)."""
    intercept, weights = _model()
    return intercept + sum(weights.get(k, 0.0) * v for k, v in sorted(features.items()))


def candidate_spans(sentence: Sentence, text: str, keywords: Sequence[Keyword]) -> dict[tuple[int, int], tuple[str, tuple[str, ...]]]:
    """Admissible token spans of a parsed sentence -> (kind, the sources that found it in
    :data:`SOURCES` order)."""
    toks = sentence.tokens
    found: dict[tuple[int, int], list] = {}
    entity_spans: dict[tuple[int, int], str] = {}
    for e in sentence.entities:
        entity_spans.setdefault(trim(toks, e.start_token, e.end_token), entity_kind(e.text, e.label, toks[e.start_token : e.end_token]))

    def add(start: int, end: int, source: str, kind: str = "") -> None:
        start, end = trim(toks, start, end)
        if not span_ok(toks, start, end):
            return
        if "\n" in text[toks[start].start_char : toks[end - 1].end_char]:
            return
        if (start > 0 and toks[start - 1].text == "-") or (end < len(toks) and toks[end].text == "-"):
            return  # half a hyphenated word: "close-_____" of "close-talking mike"
        if verb_read_as_noun(toks[end - 1]):
            return  # also as a key phrase: "site dances"
        if any(_cuts(start, end, e_start, e_end) for e_start, e_end in entity_spans):
            return  # half a name ("Clara Convention Center") reads badly as a question
        kind = entity_spans.get((start, end)) or kind
        if not kind:
            kind = "CARDINAL" if end - start == 1 and toks[start].like_num and any(c.isdigit() for c in toks[start].text) else "NP"
        entry = found.setdefault((start, end), [kind, set()])
        entry[1].add(source)

    for e in sentence.entities:
        add(e.start_token, e.end_token, "entity", entity_kind(e.text, e.label, toks[e.start_token : e.end_token]))
    in_entity = {i for e in sentence.entities for i in range(e.start_token, e.end_token)}
    for i, t in enumerate(toks):
        if t.like_num and i not in in_entity and any(c.isdigit() for c in t.text):
            add(i, i + 1, "number", "CARDINAL")
    for kw in keywords:
        for form in sorted({f for f in (*kw.forms, kw.text) if f.strip()}):
            for start, end in _token_matches(toks, text, form):
                add(start, end, "keyphrase")
    for chunk in sentence.noun_chunks:
        start, end = trim(toks, chunk.start_token, chunk.end_token)
        if end <= start or toks[end - 1].pos == "PRON":
            continue
        add(start, end, "chunk")
        core = start
        while core < end - 1 and toks[core].pos in _MODIFIER_POS and toks[core].tag != "CD":
            core += 1
        if core != start:
            add(core, end, "core")
        # the head with its compounds ("quarterback Cam Newton" -> "Cam Newton")
        head = end - 1
        h0 = head
        while h0 - 1 >= start and toks[h0 - 1].dep in ("compound", "flat") and toks[h0 - 1].pos in ("NOUN", "PROPN"):
            h0 -= 1
        if (h0, head + 1) != (start, end):
            add(h0, head + 1, "head")
    i = 0
    while i < len(toks):
        if toks[i].pos == "PROPN":
            j = i
            while j < len(toks) and toks[j].pos == "PROPN":
                j += 1
            add(i, j, "propn")
            i = j
        else:
            i += 1
    return {
        key: (kind, tuple(s for s in SOURCES if s in sources)) for key, (kind, sources) in sorted(found.items())
    }


#: entity labels of names (not numbers): a name has a capital letter
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"})


def entity_kind(text: str, label: str, tokens: Sequence[Token] = ()) -> str:
    """The kind of an entity span (``tokens``: its tokens, when known): its label, except
    ``NP`` for a "name" without a capital letter (the small model labels "antennas" ORG now
    and then) or, but for a people's name ("French", an adjective), without a proper noun in
    it ("Partway through one production" read as a place)."""
    if label in NAME_LABELS and not any(c.isupper() for c in text):
        return "NP"
    if label in NAME_LABELS and label != "NORP" and tokens and not any(t.pos == "PROPN" for t in tokens):
        return "NP"
    return label


def verb_read_as_noun(head: Token) -> bool:
    """Is this noun-phrase head a verb the tagger took for a plural noun? "A healthy starter
    doubles in volume" gives the chunk "healthy starter doubles" with "doubles" (NNS) as the
    sentence root; a plural noun heading a clause (ROOT, ccomp, advcl, relcl) is that mistake."""
    return head.tag == "NNS" and head.dep in _CLAUSE_DEPS


_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl"})


def _cuts(start: int, end: int, e_start: int, e_end: int) -> bool:
    """Does the span ``[start, end)`` cut the multi-token entity ``[e_start, e_end)``:
    overlap it without either holding the other, or hold a strict part of it?"""
    if e_end - e_start < 2 or end <= e_start or e_end <= start:
        return False
    if start <= e_start and e_end <= end:
        return False  # holds the whole entity
    return True


def keyword_scores(keywords: Sequence[Keyword]) -> dict[str, float]:
    """Lower-cased, space-normalised key phrase form -> its best score, clipped to [0, 1]."""
    out: dict[str, float] = {}
    for kw in keywords:
        for form in (*kw.forms, kw.text):
            low = " ".join(form.lower().split())
            out[low] = max(out.get(low, 0.0), max(0.0, min(1.0, float(kw.score))))
    return out


def sentence_gaps(sentence: Sentence, text: str, keywords: Sequence[Keyword], text_lower: str | None = None) -> list[Gap]:
    """All admissible gaps of a parsed ``sentence`` (``text`` is the document text,
    ``text_lower`` its lower-case form, computed when not given), best first by
    ``(-score, start, end)``."""
    if text_lower is None:
        text_lower = text.lower()
    toks = sentence.tokens
    kw_scores = keyword_scores(keywords)
    context = sentence_context(sentence)
    out = []
    for (start, end), (kind, sources) in candidate_spans(sentence, text, keywords).items():
        s_char, e_char = toks[start].start_char, toks[end - 1].end_char
        gap_text = text[s_char:e_char]
        low = " ".join(gap_text.lower().split())
        feats = gap_features(sentence, start, end, gap_text, kind, sources, text_lower.count(low), kw_scores.get(low), context)
        gap = Gap(sentence.index, start, end, s_char, e_char, gap_text, kind, unit_of(toks, end), gap_score(feats), sources[0])
        if not _given_away(sentence, text, gap):
            out.append(gap)
    out.sort(key=lambda g: (-g.score, g.start, g.end))
    return out


def question_text(sentence: Sentence, text: str, gap: Gap, first: int = 0) -> str:
    """The sentence from token ``first`` on (a spoken opener before it dropped, the first
    letter then upper-cased) with the gap replaced by ``_____``."""
    local_start = gap.start_char - sentence.start_char
    local_end = gap.end_char - sentence.start_char
    begin = sentence.tokens[first].start_char - sentence.start_char if 0 < first < len(sentence.tokens) else 0
    shown = sentence.text[begin:local_start] + BLANK + sentence.text[local_end:]
    return shown[:1].upper() + shown[1:] if begin else shown


def contains_phrase(haystack: str, needle: str) -> bool:
    """Case-insensitive whole-word containment: ``needle`` occurs in ``haystack`` with no
    word character (a letter, digit or underscore, as regex ``\\w``) right before or after it.
    A plain ``str.find`` over the occurrences: compiling a pattern per phrase cost more."""
    needle = needle.strip().lower()
    if not needle:
        return False
    haystack = haystack.lower()
    start = haystack.find(needle)
    while start >= 0:
        end = start + len(needle)
        if (start == 0 or not _is_word_char(haystack[start - 1])) and (end == len(haystack) or not _is_word_char(haystack[end])):
            return True
        start = haystack.find(needle, start + 1)
    return False


def _is_word_char(char: str) -> bool:
    """What regex ``\\w`` matches in a str pattern (``isalnum`` is the same Unicode test)."""
    return char.isalnum() or char == "_"


def _given_away(sentence: Sentence, text: str, gap: Gap) -> bool:
    return contains_phrase(question_text(sentence, text, gap), gap.text)


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
