"""How long a summary is: a sentence count and an optional word budget.

* ``summary.sentences`` set: that many sentences (fewer when the transcript is shorter).
* else ``summary.ratio`` set: that share of the transcript's sentences, at least one.
* else, with ``summary.max_words`` set: as many sentences as fit in the word budget.
* else the default, which grows with the square root of the transcript's length:
  ``round(sqrt(words) / 8)`` clamped to [3, 25] -- a 10-minute talk (~1,500 words) gets 5
  sentences, a 2-hour meeting (~18,000 words) 17, a 100,000-word transcript 25.

``summary.max_words`` always caps the total (words = non-punctuation tokens).
"""

from __future__ import annotations

import math

from ..config import SummaryConfig

DEFAULT_MIN_SENTENCES = 3
DEFAULT_MAX_SENTENCES = 25
DEFAULT_WORDS_PER_SQRT = 8.0


def default_count(n_words: int) -> int:
    """Default number of summary sentences for a transcript of ``n_words`` words."""
    k = round(math.sqrt(max(0, n_words)) / DEFAULT_WORDS_PER_SQRT)
    return min(DEFAULT_MAX_SENTENCES, max(DEFAULT_MIN_SENTENCES, k))


def target_count(config: SummaryConfig, n_sentences: int, n_words: int) -> int:
    """Number of sentences to select (before the word budget), in [0, n_sentences]."""
    if n_sentences <= 0:
        return 0
    if config.sentences is not None:
        k = config.sentences
    elif config.ratio is not None:
        k = max(1, round(config.ratio * n_sentences))
    elif config.max_words is not None:
        k = n_sentences  # the word budget decides
    else:
        k = default_count(n_words)
    return max(1, min(k, n_sentences))


def truncate_words(text: str, max_words: int) -> str:
    """The first ``max_words`` white-space words of ``text``, with an ellipsis when cut."""
    words = text.split()
    if len(words) <= max_words:
        return text
    return " ".join(words[:max_words]).rstrip(",;:-") + "\u2026"
