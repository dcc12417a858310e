"""Place each chapter boundary on the sentence where a new part most plausibly opens.

The split (:mod:`.boundaries`) works on blocks of about 40 content words, so a boundary it
finds can fall anywhere inside a story: on the second half of a cut spoken sentence, or on
"And then he ...". Near each such boundary (from the middle of the block before it to the
middle of the block after it) every sentence is scored, and the boundary moves to the best:

* the depth of the lexical-cohesion dip there (1 - cosine of the content words in the
  windows of about one block before and after the sentence; higher: the vocabulary changes);
* how the sentence opens (TextTiling's and Passonneau & Litman's cue words): a cue phrase
  announcing a part ("let's move on", "my second point") or a discourse opener ("so", "now",
  "okay", "first") raises it; an opening that continues what came before ("and", "but",
  "because", a pronoun such as "he" or "it" pointing back) lowers it;
* a change of speaker raises it a little; a backchannel ("Yeah.", "Mm-hmm.") is no opening.

A sentence that is not the first piece of a cut spoken sentence, or that starts in lower
case (the rest of a sentence the captions broke), is never a chapter start. All scores are
in units of the dip (0-1); ties go to the sentence nearest the original boundary, then the
earlier one.
"""

from __future__ import annotations

import re
from typing import Sequence

import numpy as np
from scipy import sparse

from ..types import Sentence
from .cohesion import band

#: how much a sentence's opening moves the boundary, in units of the cohesion dip (0-1)
_CUE_WEIGHT = 0.5
_OPENER_WEIGHT = 0.2
_CONTINUATION_WEIGHT = 0.3
_ANAPHOR_WEIGHT = 0.2
_SPEAKER_WEIGHT = 0.1
_BACKCHANNEL_WEIGHT = 0.3
#: sentences of at most this many words from a speaker who is not the one talking around them
_BACKCHANNEL_WORDS = 3

_OPENER_WORDS = frozenset(
    "so now okay ok alright well right first firstly second secondly third thirdly next finally lastly today "
    "anyway let let's here imagine suppose".split()
)
_CONTINUATION_WORDS = frozenset("and but because or nor which who whom whose where also plus yet".split())
_ANAPHOR_WORDS = frozenset("it it's this that these those he he's she she's they they're them his her their its there's".split())
_FIRST_WORD = re.compile(r"[^\w']*([\w']+)")


def refine(
    sentences: Sequence[Sentence],
    matrix: sparse.csr_matrix,
    weights: np.ndarray,
    block_starts: np.ndarray,
    chosen: Sequence[int],
    cues: np.ndarray,
    window: float,
) -> list[int]:
    """The chapter starts (sentence indices, first 0) after moving each start in
    ``chosen`` (indices into ``block_starts``) to the best-scoring sentence near it.

    ``matrix``: sentences x terms (:func:`.cohesion.term_matrix`); ``weights``: content
    words per sentence; ``cues``: sentences opening with a cue phrase; ``window``: content
    words on each side for the cohesion dip."""
    n = len(sentences)
    blocks = [int(b) for b in block_starts] + [n]
    dip = _dips(matrix, weights, window)
    opening = _opening_scores(sentences, cues)
    out = [0]
    for b in sorted(chosen):
        if b == 0:
            continue
        lo = (blocks[b - 1] + blocks[b]) // 2 + 1
        hi = (blocks[b] + blocks[b + 1] + 1) // 2
        lo = max(lo, out[-1] + 1)
        candidates = [i for i in range(lo, max(lo, hi)) if np.isfinite(opening[i])]
        if not candidates:
            if blocks[b] > out[-1]:
                out.append(blocks[b])
            continue
        origin = blocks[b]
        best = max(candidates, key=lambda i: (round(float(dip[i] + opening[i]), 9), -abs(i - origin), -i))
        out.append(best)
    return out


def _dips(matrix: sparse.csr_matrix, weights: np.ndarray, window: float) -> np.ndarray:
    """Per sentence ``i``, 1 - cosine between the content words of about ``window`` words
    before it and as many from it on (in [0, 1]; 0 for sentence 0)."""
    n = matrix.shape[0]
    cum = np.concatenate(([0.0], np.cumsum(weights)))
    idx = np.arange(n)
    left_from = np.searchsorted(cum, cum[idx] - window, side="right") - 1
    left_from = np.clip(left_from, 0, n)
    right_to = np.searchsorted(cum, cum[idx] + window, side="left")
    right_to = np.clip(right_to, idx + 1, n)
    left = band(left_from, idx, n) @ matrix
    right = band(idx, right_to, n) @ matrix
    dot = np.asarray(left.multiply(right).sum(axis=1)).ravel()
    norm = np.sqrt(np.asarray(left.multiply(left).sum(axis=1)).ravel() * np.asarray(right.multiply(right).sum(axis=1)).ravel())
    cosine = np.divide(dot, norm, out=np.zeros(n), where=norm > 0)
    out = 1.0 - cosine
    out[0] = 0.0
    return out


def _opening_scores(sentences: Sequence[Sentence], cues: np.ndarray) -> np.ndarray:
    """Per sentence, how well it opens a part (``-inf``: it cannot)."""
    n = len(sentences)
    out = np.zeros(n)
    for i, s in enumerate(sentences):
        text = s.text.lstrip("-–—\"'“‘([ ")
        if i == 0:
            continue
        if (s.chunk_of is not None and s.chunk_of != s.index) or not text or text[0].islower():
            out[i] = -np.inf
            continue
        match = _FIRST_WORD.match(text.lower())
        first = match.group(1) if match else ""
        score = 0.0
        if cues[i]:
            score += _CUE_WEIGHT
        elif first in _OPENER_WORDS:
            score += _OPENER_WEIGHT
        elif first in _CONTINUATION_WORDS:
            score -= _CONTINUATION_WEIGHT
        elif first in _ANAPHOR_WORDS:
            score -= _ANAPHOR_WEIGHT
        before, after = sentences[i - 1].speaker, s.speaker
        if before is not None and after is not None and before != after:
            score += _SPEAKER_WEIGHT
            following = sentences[i + 1].speaker if i + 1 < n else None
            if s.n_words <= _BACKCHANNEL_WORDS and following == before and not cues[i] and first not in _OPENER_WORDS:
                score -= _BACKCHANNEL_WEIGHT
        out[i] = score
    return out
