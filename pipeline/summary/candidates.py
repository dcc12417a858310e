"""Which sentences may enter a summary, and how much to trust them: a prior >= 0.

Spoken transcripts are full of sentences that are central to nothing but still attract
TextRank (they share the common words of the talk): greetings, sign-offs and calls to
action ("subscribe", "hit the like button", "thanks for watching"), back-channel fillers
("Yeah.", "Mm-hmm."), questions, and short or verbless fragments. Each sentence gets a
multiplicative prior: 0 excludes it, values below 1 demote it (at most 1.3, from position).
Content density (content terms per word) and length (up to 25 words) scale the prior
smoothly; on QMSum validation these two lift ROUGE-1 by about 2 points, and cost about 1.5
on BBC news, whose sentences are all well-formed (benchmarks/results/summary_quality.md).
A mild position prior (earlier sentences up to 1.3x) adds about 0.7 on QMSum and 0.2 on BBC.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import Sequence

import numpy as np

from ..types import Sentence

#: calls to action and channel boilerplate: never summary material
_CALL_TO_ACTION = re.compile(
    r"\b(subscrib\w*|like button|hit (the|that) (like|bell|button)|smash (the|that)|"
    r"notification bell|ring the bell|thanks? (you )?(so much )?for (watching|listening|tuning in|joining)|"
    r"link(s)? (is |are )?(in|below) (the )?(description|show notes)|in the description|comment(s)? (section )?below|"
    r"leave a comment|patreon|sponsor(ed)? by|use (the )?code|promo code|follow (me|us) on|"
    r"see you (guys )?(next time|in the next|soon|later)|until next time|that'?s (all|it) for (today|this)|"
    r"don'?t forget to)\b",
    re.IGNORECASE,
)
#: cheap substring test first (the regex is only run on the few sentences that pass it)
_CALL_TO_ACTION_HINTS = (
    "subscri", "button", "bell", "thank", "link", "description", "comment", "patreon", "sponsor",
    "code", "follow", "see you", "next time", "that's", "thats", "forget", "until next",
)
#: greetings and sign-offs (only when the sentence is mostly that)
_GREETING = re.compile(
    r"^\W*(hi|hello|hey|welcome( back)?|good (morning|afternoon|evening)|what'?s up|"
    r"bye|goodbye|take care|cheers|thanks?( you)?( all| everyone| guys| very much| so much)?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class CandidatePolicy:
    """Tunable weights of the prior (documented defaults, chosen on the dev sets)."""

    min_words: int = 5  # fewer words: excluded
    min_terms: int = 2  # fewer content terms: excluded
    question: float = 0.5  # prior of a question
    fragment: float = 0.5  # prior of a sentence without a verb
    greeting: float = 0.2  # prior of a greeting / thanks opener
    density_exponent: float = 0.4  # prior *= (content terms / words) ** this
    full_length: int = 25  # sentences shorter than this many words ...
    length_exponent: float = 0.5  # ... get prior *= (words / full_length) ** this
    position: float = 0.3  # prior *= 1 + position * (1 - index / n): earlier is a bit better
    fallback_floor: float = 0.02  # priors below this come from the all-excluded fallback


def candidate_prior(
    sentences: Sequence[Sentence],
    word_counts: Sequence[int],
    term_counts: Sequence[int],
    has_verb: Sequence[bool],
    policy: CandidatePolicy = CandidatePolicy(),
) -> np.ndarray:
    """Per-sentence prior, higher is more summary-worthy (0 = never in a summary);
    ``word_counts``, ``term_counts`` and ``has_verb`` describe each sentence. When every sentence would be
    excluded, the ones with most content terms get a small positive prior instead, so a
    summary of odd input is still possible."""
    prior = np.ones(len(sentences))
    hinted = _call_to_action_hints(sentences)
    for i, (sentence, words, n_terms, verb) in enumerate(zip(sentences, word_counts, term_counts, has_verb)):
        text = sentence.text
        if words < policy.min_words or n_terms < policy.min_terms or (i in hinted and _CALL_TO_ACTION.search(text)):
            prior[i] = 0.0
            continue
        if text.rstrip().endswith("?"):
            prior[i] *= policy.question
        if not verb:
            prior[i] *= policy.fragment
        if _GREETING.match(text):
            prior[i] *= policy.greeting
        # disfluent, content-poor and short utterances make poor summary sentences
        prior[i] *= (n_terms / words) ** policy.density_exponent
        prior[i] *= (min(words, policy.full_length) / policy.full_length) ** policy.length_exponent
    if len(sentences):
        # dev data (QMSum +0.7 ROUGE-1, BBC +0.2) supports a mild preference for early sentences
        prior *= 1.0 + policy.position * (1.0 - np.arange(len(sentences)) / len(sentences))
    if len(sentences) and not prior.any():
        counts = np.asarray(term_counts, dtype=float)
        prior = 0.01 * (1.0 + counts) / (1.0 + counts.max())
    return prior


def _call_to_action_hints(sentences: Sequence[Sentence]) -> set[int]:
    """Indices of sentences containing any hint substring (a few C-speed scans of the whole
    text instead of a regex per sentence)."""
    lowered = [s.text.lower() for s in sentences]  # lower() may change lengths: offsets from these
    joined = "\n".join(lowered)
    starts = list(accumulate((len(t) + 1 for t in lowered), initial=0))
    hinted: set[int] = set()
    for hint in _CALL_TO_ACTION_HINTS:
        at = joined.find(hint)
        while at != -1:
            hinted.add(bisect_right(starts, at) - 1)
            at = joined.find(hint, at + 1)
    return hinted
