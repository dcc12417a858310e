"""Title case for titles and headings."""
from __future__ import annotations

from typing import Sequence

#: words kept lower-case inside a title (except first and last)
_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on onto or over per the to via vs with".split()
)


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




def heading(phrase: str) -> str:
    """A phrase as a title-cased heading: ``"surgical robots and the future of surgery"``
    -> ``"Surgical Robots and the Future of Surgery"``; words written with capitals inside
    (``DeepSeek``, ``NASA``) and names already capitalised stay as written."""
    words = phrase.split()
    return title_case(words, [w[:1].isupper() for w in words])
