"""Salience: how much more often a phrase is said here than in English at large.

YAKE ranks by in-text statistics only (frequency, position, spread, casing), so words that
are frequent everywhere ("people", "time", "world", "things") rank as high as the subject
of a talk. Keyness corrects that: the ratio of a phrase's rate in this text to its rate in
general English (``wordfreq``'s "small" English list, Zipf scale; the frequency of a
multi-word phrase is wordfreq's estimate from its words). A phrase said 20 times in a
2,000-word talk about surgery ("surgery": 1e-2 here, 4e-5 in general) is ~250x over its
background; "people" said 15 times is ~4x.

The factor is ``log10(rate / background)`` clipped to ``[FLOOR, CEILING]``; a group's YAKE
score (lower is more key) is divided by it. Words wordfreq does not know (names, jargon,
ASR spellings) get the background of a rare word (``UNKNOWN_ZIPF``).
"""

from __future__ import annotations

import math
from functools import lru_cache

#: Zipf value (log10 of frequency per billion words) given to words wordfreq does not list
UNKNOWN_ZIPF = 1.5
#: keyness factor bounds: a phrase below its background rate is not rewarded below FLOOR;
#: beyond CEILING every phrase is equally specific
FLOOR = 0.25
CEILING = 4.0
#: the background (Zipf) of a name is at most this (a commonly named place, "United
#: States" 5.6, stays below a talk's subject; a rare name keeps its own)
PROPER_ZIPF = 4.5
#: from this many words on, a phrase said once gets the lowest salience
ONE_OFF_WORDS = 800
#: texts shorter than this many words count as this long (an abstract's one mention of
#: "distillation" is salient, but not infinitely so)
_MIN_WORDS = 200
#: a common noun at least this frequent in general English (Zipf) is a *generic* word
#: ("people" 6.3, "world" 5.9, "idea" 5.4, "kids" 5.3, "places" 5.0) ...
GENERIC_ZIPF = 5.0
#: ... and it is the recording's subject only when said this much more often than in
#: English at large (log10 of the ratio: 30x; "music" said 30 times in a 2,000-word talk
#: about music is 45x, "people" said 30 times is 8x)
GENERIC_KEYNESS = 1.5


@lru_cache(maxsize=65536)
def background_zipf(phrase: str) -> float:
    """Zipf frequency of a lower-cased phrase in general English (0-8, higher is commoner)."""
    from wordfreq import zipf_frequency  # imported on first use: the list loads in ~40 ms

    value = zipf_frequency(phrase, "en", wordlist="small")
    return value if value > 0 else UNKNOWN_ZIPF


def generic(phrase: str) -> bool:
    """Every word of a lower-cased phrase is common in general English ("people", "good
    idea", "local people"): it names no particular subject."""
    return all(background_zipf(w) >= GENERIC_ZIPF for w in phrase.split())


def keyness(phrase: str, count: int, n_words: int, proper: bool = False) -> float:
    """``log10`` of (occurrences per word here / per word in general English), clipped to
    ``[FLOOR, CEILING]``; higher is more specific to this text. A name (``proper``) counts
    as no commoner than ``PROPER_ZIPF``: "London" or "Mexico" in a story is its subject
    however often English at large names it. A :func:`generic` phrase that is not a name
    is measured against its commonest-but-one word's background (wordfreq's estimate for a
    phrase of common words is far rarer than the words) and gets ``FLOOR`` unless it is
    ``GENERIC_KEYNESS`` over it."""
    rate = count / max(n_words, _MIN_WORDS)
    zipf = background_zipf(phrase)
    is_generic = not proper and generic(phrase)
    if is_generic:
        zipf = max(zipf, min(background_zipf(w) for w in phrase.split()))
    if proper:
        zipf = min(zipf, PROPER_ZIPF)
    background = 10.0 ** (zipf - 9.0)
    value = math.log10(rate / background) if rate > 0 else FLOOR
    if count == 1 and n_words >= ONE_OFF_WORDS:
        value = FLOOR  # said once in a long recording: an aside ("rainy Tuesday"), not its subject
    if is_generic and value < GENERIC_KEYNESS:
        value = FLOOR  # "people", "world", "time": said often everywhere, no subject here
    return min(CEILING, max(FLOOR, value))
