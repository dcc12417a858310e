"""YAKE candidates and their scores, mapped onto the document's words.

YAKE (pinned 0.7.3) scores every n-gram it finds without stop words at the edges; lower
``h`` is more key. We ask it for *all* valid candidates with its own de-duplication off
(``dedup_lim=1.0``): de-duplication is done afterwards by lemma, containment and
spelling (:mod:`.dedupe`), which YAKE's character-similarity test does poorly.

Why the checks: YAKE silently ignores unknown (camelCase) keyword arguments and swallows
every exception into an empty list, so the arguments are passed by their exact snake_case
names and an empty answer for a text with words is reported as a warning.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

from ..errors import PipelineWarning
from ..types import Document
from . import yake_fast
from .spans import Occurrence, occurrences


@dataclass(slots=True)
class Candidate:
    """One YAKE candidate (a lower-cased word n-gram) and where it occurs.

    ``h``: YAKE's score, lower is more key. ``occurrences`` in document order.
    """

    key: str
    h: float
    rank: int  # position in YAKE's sorted list (ties in h keep YAKE's first-seen order)
    occurrences: list[Occurrence] = field(default_factory=list)

    @property
    def phrase_like(self) -> bool:
        """Looks like a noun phrase or name in most of the places it occurs."""
        good = sum(o.phrase_like for o in self.occurrences)
        return good > 0 and 2 * good >= len(self.occurrences)

    @property
    def lemma_key(self) -> str:
        """The commonest lemma key over its noun-phrase occurrences (ties: smallest string)."""
        counts: dict[str, int] = {}
        for o in self.occurrences:
            if o.phrase_like:
                counts[o.lemma_key] = counts.get(o.lemma_key, 0) + 1
        if not counts:
            return self.key
        return min(counts, key=lambda k: (-counts[k], k))

    @property
    def proper(self) -> bool:
        """Mostly written as a name (capitalised, tagged PROPN)."""
        good = sum(o.proper for o in self.occurrences)
        return 2 * good > len(self.occurrences)


def yake_scores(text: str, max_ngram: int) -> list[tuple[str, float]]:
    """All of YAKE's valid candidates for ``text`` as ``(lower-cased n-gram, h)``, best first.

    The package's exact scores, computed by :mod:`.yake_fast` (several times faster than
    ``yake.KeywordExtractor(lan="en", n=max_ngram, dedup_lim=1.0, top=ALL)``; tested equal)."""
    return yake_fast.yake_scores(text, max_ngram)


def candidates(document: Document, max_ngram: int, stop_words: frozenset[str]) -> list[Candidate]:
    """YAKE candidates with their occurrences, in YAKE's order (best first).

    Only candidates that occur as whole words in our tokens are returned (YAKE and spaCy
    tokenise a few things differently, e.g. ``U.S.``; those candidates are dropped)."""
    if not any(c.isalnum() for c in document.text):
        return []
    scored = yake_scores(document.text, max_ngram)
    if not scored:
        # all stop words or figures: nothing to say, and nothing went wrong
        if not any(t.text.isalpha() and not t.is_stop and len(t.text) > 2 for s in document.sentences for t in s.tokens):
            return []
        warnings.warn("key phrases: YAKE found no candidates in a text with words; no key phrases", PipelineWarning, stacklevel=3)
        return []
    by_key: dict[str, Candidate] = {}
    for rank, (key, h) in enumerate(scored):
        if key not in by_key:
            by_key[key] = Candidate(key=key, h=h, rank=rank)
    for occ in occurrences(document, max_ngram, stop_words, by_key):
        cand = by_key.get(occ.key)
        if cand is not None:
            cand.occurrences.append(occ)
    return [c for c in by_key.values() if c.occurrences]
