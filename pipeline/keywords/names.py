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


_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][\w'-]*)")
#: a word of at most two distinct letters, all of them letters of hesitation sounds
#: ("Mmm", "nnn", "hmm", "uhh", "ooh"; not "PLP"), or a listed back-channel sound: said,
#: never a key phrase (an ASR or transcriber artefact)
_SOUND_LETTERS = frozenset("mnhuaoe")
_SOUNDS = frozenset("nuh huh uh-huh mm-hmm mhm hm-hmm uh-uh hmm-mm".split())


def interjection(key: str) -> bool:
    """A lower-cased phrase that is only hesitation or back-channel sounds."""
    return all((len(set(w)) <= 2 and set(w) <= _SOUND_LETTERS) or w in _SOUNDS for w in key.split())


def cut_short(text: str, candidate: object, max_ngram: int) -> bool:
    """The phrase is mostly (``SHARE``) a piece of a longer one said in the same place:
    a name whose next word is a capitalised word ("South Central Los" of "... Los
    Angeles", "San" of "San Diego"), or a phrase of ``max_ngram`` words that mostly runs
    on into the same word ("Los Altos school" of "Los Altos school district")."""
    occs = candidate.occurrences  # type: ignore[attr-defined]
    nexts = []
    for o in occs:
        m = _NEXT_WORD.match(text, o.end)
        nexts.append(m.group(1) if m else None)
    continued_name = sum(1 for o, w in zip(occs, nexts) if w is not None and _titled(w) and _titled(text[o.start : o.end].split()[-1]))
    if continued_name >= SHARE * len(occs):
        return True
    if len(candidate.key.split()) < max_ngram:  # type: ignore[attr-defined]
        return False
    same = _common([w.lower() for w in nexts if w is not None and w.lower() not in STOP_WORDS], len(occs))
    return same is not None


def _titled(word: str) -> bool:
    """Written as a name's word: a capital then small letters ("Los", "Angeles"; not
    "PLP", "I", "The")."""
    return word[:1].isupper() and word[1:].islower() and word.lower() not in STOP_WORDS


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
