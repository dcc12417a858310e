"""A title of 3-10 words taken from the transcript itself (no generation model).

Candidates are the noun phrases of a few central sentences (the summary's best and the
opening ones), each extended by an attached "of / for / in ..." phrase ("the behaviour of
honeybee swarms"). A candidate scores by how much of the key-phrase mass it covers (key
phrases weighted by their score), plus its sentence's centrality and a small bonus for the
opening sentences. The best candidate, joined with the next-best non-overlapping key phrase
when it is too short, becomes the title, in title case with acronyms and names kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .config import TitleConfig
from .result import Keyword, SummaryItem
from .types import Document, Sentence, Span

#: words kept lower-case inside a title (except first and last)
_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on onto or over per the to via vs with".split()
)
#: phrase-initial words dropped from a candidate ("the swarm" -> "swarm")
_LEADING_DROP = frozenset("a an the this that these those my our your his her its their some any every each".split())
#: a candidate is never built around these (first-person and vague heads)
_BAD_HEADS = frozenset("i me we us you it they them he she thing things lot lots way kind sort stuff".split())
_ATTACHING_PREPOSITIONS = ("of", "for", "in", "on", "to", "about", "behind", "between", "without")
_OPENING_SENTENCES = 3
_CENTRAL_SENTENCES = 6


@dataclass(frozen=True, slots=True)
class _Candidate:
    words: tuple[str, ...]
    lemmas: tuple[str, ...]
    proper: tuple[bool, ...]
    score: float
    sentence: int
    start_char: int


class TitleMaker:
    """Make a title. ``wanted`` names the sentences that need a parse (noun chunks);
    ``__call__`` returns the title, or ``""`` when the document has no noun phrase at all."""

    def __init__(self, config: TitleConfig) -> None:
        self.config = config

    def wanted(self, document: Document, summary: Sequence[SummaryItem], keywords: Sequence[Keyword]) -> tuple[int, ...]:
        central = [s.sentence for s in sorted(summary, key=lambda s: (-s.score, s.sentence))[:_CENTRAL_SENTENCES]]
        opening = list(range(min(_OPENING_SENTENCES, len(document.sentences))))
        return tuple(sorted(set(central) | set(opening)))

    def __call__(self, document: Document, summary: Sequence[SummaryItem], keywords: Sequence[Keyword]) -> str:
        centrality = _centrality(summary)
        weights = _keyword_weights(keywords)
        candidates: list[_Candidate] = []
        for index in self.wanted(document, summary, keywords):
            sentence = document.sentences[index]
            bonus = centrality.get(index, 0.0) + (0.15 if index < _OPENING_SENTENCES else 0.0)
            candidates.extend(_candidates(sentence, weights, bonus, self.config.max_words))
        if not candidates:
            return _from_keywords(keywords, self.config.max_words)
        candidates.sort(key=lambda c: (-c.score, c.sentence, c.start_char, c.words))
        best = candidates[0]
        words, proper = list(best.words), list(best.proper)
        if len(words) < 3:
            for keyword in keywords:
                extra = keyword.text.split()
                if not set(w.lower() for w in extra) & set(w.lower() for w in words) and len(words) + 1 + len(extra) <= self.config.max_words:
                    words += ["and", *extra]
                    proper += [False, *(w[:1].isupper() for w in extra)]
                    break
        if len(words) < 3:
            return _from_keywords(keywords, self.config.max_words) or title_case(words, proper)
        return title_case(words, proper)


def title_case(words: Sequence[str], proper: Sequence[bool] | None = None) -> str:
    """Capitalise like a headline: small words lower-case inside, acronyms (``NASA``,
    ``ASR``) and mixed-case names (``DeepSeek``, ``iPhone``) kept as they are."""
    out = []
    last = len(words) - 1
    for i, word in enumerate(words):
        if (len(word) > 1 and word.isupper()) or any(c.isupper() for c in word[1:]) or (proper and proper[i] and word[:1].isupper()):
            out.append(word)
        elif 0 < i < last and word.lower() in _SMALL_WORDS:
            out.append(word.lower())
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


# ---- helpers ---------------------------------------------------------------------------------


def _centrality(summary: Sequence[SummaryItem]) -> dict[int, float]:
    """Summary sentence -> centrality scaled to [0, 0.3] (best sentence 0.3)."""
    if not summary:
        return {}
    top = max(s.score for s in summary) or 1.0
    return {s.sentence: 0.3 * max(0.0, s.score) / top for s in summary}


def _keyword_weights(keywords: Sequence[Keyword]) -> dict[str, float]:
    """Lower-cased word of a key phrase -> the best score of a phrase containing it."""
    weights: dict[str, float] = {}
    for keyword in keywords:
        for form in keyword.forms or (keyword.text,):
            for word in form.lower().split():
                weights[word] = max(weights.get(word, 0.0), keyword.score)
    return weights


def _candidates(sentence: Sentence, weights: dict[str, float], bonus: float, max_words: int) -> list[_Candidate]:
    chunks = sorted(sentence.noun_chunks, key=lambda c: c.start_token)
    out = []
    for i, chunk in enumerate(chunks):
        spans = [chunk]
        following = _attached(sentence, chunk, chunks[i + 1] if i + 1 < len(chunks) else None)
        if following is not None:
            spans.append(following)
        for end in range(1, len(spans) + 1):
            candidate = _candidate(sentence, spans[0].start_token, spans[end - 1].end_token, weights, bonus, max_words)
            if candidate is not None:
                out.append(candidate)
    return out


def _attached(sentence: Sentence, chunk: Span, following: Span | None) -> Span | None:
    """The noun chunk after ``chunk`` when only an attaching preposition separates them."""
    if following is None or following.start_token != chunk.end_token + 1:
        return None
    between = sentence.tokens[chunk.end_token]
    return following if between.text.lower() in _ATTACHING_PREPOSITIONS else None


def _candidate(sentence: Sentence, start: int, end: int, weights: dict[str, float], bonus: float, max_words: int) -> _Candidate | None:
    tokens = [t for t in sentence.tokens[start:end] if not t.is_punct]
    while tokens and (tokens[0].text.lower() in _LEADING_DROP or tokens[0].pos in ("DET", "PRON") or tokens[0].tag == "PRP$"):
        tokens = tokens[1:]
    if not tokens or len(tokens) > max_words:
        return None
    nouns = [t for t in tokens if t.pos in ("NOUN", "PROPN")]
    if not nouns or tokens[-1].text.lower() in _BAD_HEADS:
        return None
    if any(t.pos == "PRON" for t in tokens):
        return None  # "a swarm of them", "my name": never a first-person or vague fragment
    coverage = sum(weights.get(t.text.lower(), 0.0) for t in tokens if not t.is_stop)
    if coverage == 0.0:
        return None
    # a title wants several covered words, but long phrases dilute: peak around 3-6 words
    length_penalty = 0.08 * max(0, len(tokens) - 6) + (0.25 if len(tokens) == 1 else 0.0)
    score = coverage / (1.0 + 0.15 * len(tokens)) + bonus - length_penalty
    return _Candidate(
        words=tuple(t.text for t in tokens),
        lemmas=tuple(t.lemma for t in tokens),
        proper=tuple(t.pos == "PROPN" for t in tokens),
        score=score,
        sentence=sentence.index,
        start_char=tokens[0].start_char,
    )


def _from_keywords(keywords: Sequence[Keyword], max_words: int) -> str:
    """Fallback: the top key phrases joined ("Bees, Swarms and Quorum Sensing")."""
    phrases: list[str] = []
    used = 0
    for keyword in keywords:
        n = len(keyword.text.split())
        if used + n > max_words:
            continue
        phrases.append(keyword.text)
        used += n
        if len(phrases) == 3 or used >= 3 and len(phrases) >= 2:
            break
    if not phrases:
        return ""
    joined = phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " and " + phrases[-1]
    return title_case(joined.split())
