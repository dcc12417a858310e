"""Complete a key phrase to the whole name it is said in.

YAKE leaves out words of its stop list and words with digits, so a name can come out
cut: "York Times" (of "New York Times"), "Life" (of "Second Life"), "DeepSeek" (of
"DeepSeek R1"). A phrase whose occurrences are mostly (``SHARE``) preceded by the same
capitalised word, or followed by the same model number ("R1", "3.5", "IX"), takes that
word into every occurrence where it is there. Works on ``Document.text`` offsets only.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

#: share of the occurrences that must have the same neighbour
SHARE = 2 / 3
_BEFORE = re.compile(r"([A-Z][\w'-]*)[ \t]+$")
_AFTER = re.compile(r"^[ \t]+((?:[A-Za-z]{0,3}\d[\w.]*(?<!\.))|(?:[IVX]{1,4}))(?!\w)")
#: how far back or ahead a neighbour word is looked for, in characters
_REACH = 40


def complete(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` (sorted, non-overlapping ``[start, end)`` offsets into ``text``) widened by
    a name's missing first word or model number where most occurrences have it."""
    if not spans:
        return list(spans)
    before = [_BEFORE.search(text[max(0, s - _REACH) : s]) for s, _ in spans]
    after = [_AFTER.match(text[e : e + _REACH]) for _, e in spans]
    word = _common([m.group(1) for m in before if m], len(spans))
    if word is not None and (word.lower() in STOP_WORDS or _sentence_start(text, spans, before, word)):
        word = None
    number = _common([m.group(1) for m in after if m], len(spans))
    out: list[tuple[int, int]] = []
    for (s, e), b, a in zip(spans, before, after):
        if word is not None and b is not None and b.group(1) == word:
            s -= len(text[max(0, s - _REACH) : s]) - b.start(1)
        if number is not None and a is not None and a.group(1) == number:
            e += a.end(1)
        if out and s < out[-1][1]:
            s = spans[len(out)][0]  # never overlap the previous occurrence
        out.append((s, e))
    return out


def _common(values: list[str], total: int) -> str | None:
    """The value that at least ``SHARE`` of ``total`` occurrences have, if any."""
    if not values:
        return None
    # counted once (list.count per distinct value was quadratic: 20,000 different numbers)
    counts = Counter(values)
    best = min(counts, key=lambda v: (-counts[v], v))
    return best if counts[best] >= SHARE * total and counts[best] >= 2 else None


def _sentence_start(text: str, spans: Sequence[tuple[int, int]], before: list, word: str) -> bool:
    """The word is capitalised only because it starts sentences ("So Life is ...")."""
    starts = 0
    for (s, _), m in zip(spans, before):
        if m is None or m.group(1) != word:
            continue
        at = max(0, s - _REACH) + m.start(1)
        prefix = text[max(0, at - 3) : at].rstrip()
        starts += not prefix or prefix[-1] in ".!?\n\"'"
    return 2 * starts > sum(1 for m in before if m is not None and m.group(1) == word)
