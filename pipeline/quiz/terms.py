"""The recording's own terms: common nouns it says far more often than English at large does.

A blank on a common noun tests the recording only when the noun is one of its terms ("odor"
and "sensors" in a talk about how flies learn, "connectivity" in a talk about a router for
Africa). A noun English uses everywhere and the recording says once or twice ("care",
"birth", "revolution", "community") is guessed from the words around it ("take outstanding
_____ of", "give _____ to babies", "the global digital _____"): the blank tests idiom, not
the talk. The same test picks the wrong options for a term: other terms of the recording,
so a wrong option is a thing the talk is about rather than any noun it happened to say.

Keyness is :func:`pipeline.keywords.salience.keyness` (log10 of the rate here over the rate
in general English, wordfreq's Zipf scale), counted over noun lemmas of the fast pass.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..keywords.salience import keyness
from ..types import Document

#: a term is said at least this many times (once is an aside, whatever the word)
MIN_COUNT = 2
#: and at least 10**MIN_KEYNESS times as often as in general English ("odor" said 6 times in
#: 2,500 words: 2.4; "choices" said 3 times: 1.5; "care" said twice: 0.9)
MIN_KEYNESS = 1.6


#: number nouns: no thing a recording is about ("thousands" of people)
_SCALE_NOUNS = frozenset("hundred hundreds thousand thousands million millions billion billions dozen dozens".split())


@dataclass(frozen=True, slots=True)
class Terms:
    """Noun lemma (lower case) -> occurrences in the recording; ``words``: its length in
    words. Build with :func:`recording_terms`."""

    counts: dict[str, int] = field(default_factory=dict)
    words: int = 0

    def keyness(self, lemma: str) -> float:
        """How specific ``lemma`` is to this recording (higher is more specific; see
        :func:`pipeline.keywords.salience.keyness`); 0.0 for a noun it never says."""
        count = self.counts.get(lemma.lower(), 0)
        return keyness(lemma.lower(), count, self.words) if count else 0.0

    def is_term(self, lemma: str) -> bool:
        """Is ``lemma`` one of the recording's terms (said :data:`MIN_COUNT` times or more,
        :data:`MIN_KEYNESS` or more)?"""
        return self.counts.get(lemma.lower(), 0) >= MIN_COUNT and self.keyness(lemma) >= MIN_KEYNESS


def recording_terms(document: Document) -> Terms:
    """Count the common-noun lemmas of every sentence (fast pass: no parse needed)."""
    counts: Counter[str] = Counter()
    words = 0
    for sentence in document.sentences:
        for token in sentence.tokens:
            if token.is_punct or token.text.isspace():
                continue
            words += 1
            if token.pos == "NOUN" and token.text.isalpha() and not token.like_num and token.lemma.lower() not in _SCALE_NOUNS:
                counts[token.lemma.lower()] += 1
    return Terms(dict(counts), words)
