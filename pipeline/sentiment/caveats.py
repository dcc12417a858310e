"""Warnings for a tone label that rests on little or on what VADER cannot read.

Every case still gets a label (never an exception); the warning says why it may be wrong.
VADER's own handling covers negation ("not bad at all" is positive), capitals and
emoticons, so those get no warning.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..types import Document
from .lexicon import POSITIVE_THRESHOLD

#: fewer words than this and the label is a guess
MIN_WORDS = 3
#: in a document of at least LONG_SENTENCES sentences, fewer than this share carrying
#: sentiment means the tone rests on a handful of them
LOW_OPINION_SHARE = 0.05
LONG_SENTENCES = 20

# "/s", "#sarcasm", "#not": the writer marks the words as meaning the opposite.
# ("yeah, right" and "not!" are not markers: in speech they are nearly always meant plainly.)
_SARCASM = re.compile(r"(?:^|\s)/s(?=\s|$|[.,!?])|#sarcas\w*|#not\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_NOT_ENGLISH = "look like English"  # the segmenter's language warning (pipeline/segment.py)


def caveats(document: Document, scores: Sequence[float]) -> list[str]:
    """Warning messages (``sentiment: ...``) for the tone of ``document`` whose sentence
    compounds are ``scores``, in a fixed order; empty when the label can be trusted."""
    out: list[str] = []
    n = len(scores)
    opinion = sum(1 for s in scores if abs(s) >= POSITIVE_THRESHOLD)
    if document.language != "en" or any(_NOT_ENGLISH in w for w in document.warnings):
        out.append("sentiment: VADER's lexicon is English; the tone of this text is unreliable")
    if opinion == 0:
        out.append("sentiment: no sentence carries sentiment words; tone reported as neutral")
        return out
    words = sum(len(_WORD.findall(s.text)) for s in document.sentences)
    if words == 0:
        out.append("sentiment: the tone comes from emoji or emoticons only (no words); it is a guess")
    elif words < MIN_WORDS:
        out.append(f"sentiment: the text has only {words} word{'s' if words > 1 else ''}; the tone label is a guess")
    if n >= LONG_SENTENCES and opinion < LOW_OPINION_SHARE * n:
        out.append(f"sentiment: only {opinion} of {n} sentences carry sentiment; the tone rests on them alone")
    marked = [s.index for s in document.sentences if _SARCASM.search(s.text)]
    if marked:
        where = ", ".join(str(i) for i in marked[:5]) + (" …" if len(marked) > 5 else "")
        out.append(
            f"sentiment: sarcasm marker in sentence {where}; VADER reads words literally, so the tone there may be reversed"
        )
    return out
