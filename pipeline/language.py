"""Does the transcript look like English? The model, lexicons and stop lists are English;
other languages get a warning in ``meta.warnings`` (the result is still produced).

Two signals, both on characters rather than spaCy tokens, because a script written
without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) comes out of
the English tokenizer as one "word" per phrase: counting words would see too few to judge.

* the share of letters in those scripts;
* for space-separated text, the share of ASCII letters and of English function words.
"""

from __future__ import annotations

from typing import Sequence

from .types import Sentence

#: Unicode blocks of scripts written without spaces between words (inclusive ranges).
_NO_SPACE_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0E00, 0x0E7F, "Thai"),
    (0x0E80, 0x0EFF, "Lao"),
    (0x1000, 0x109F, "Myanmar"),
    (0x1780, 0x17FF, "Khmer"),
    (0x3040, 0x30FF, "Japanese"),  # hiragana, katakana
    (0x3400, 0x4DBF, "Chinese"),  # CJK extension A
    (0x4E00, 0x9FFF, "Chinese"),  # CJK unified ideographs (also Japanese kanji)
    (0xF900, 0xFAFF, "Chinese"),
    (0xFF66, 0xFF9D, "Japanese"),  # half-width katakana
    (0x20000, 0x2FA1F, "Chinese"),
)
#: Share of letters in such scripts above which the text is "mostly" in them.
NO_SPACE_SHARE = 0.3
#: Fewest letters (or words) before any judgement: "Ciao!" alone says nothing.
_MIN_LETTERS = 20
_MIN_WORDS = 8


def no_space_script(char: str) -> str | None:
    """The name of ``char``'s script when it is written without spaces, else ``None``."""
    code = ord(char)
    if code < 0x0E00:
        return None
    for low, high, script in _NO_SPACE_RANGES:
        if low <= code <= high:
            return script
    return None


def script_shares(text: str) -> tuple[int, dict[str, int]]:
    """``(letters, {script: letters in that no-space script})`` of ``text``."""
    letters = 0
    counts: dict[str, int] = {}
    for char in text:
        if not char.isalpha():
            continue
        letters += 1
        script = no_space_script(char)
        if script is not None:
            counts[script] = counts.get(script, 0) + 1
    return letters, counts


def language_warnings(sentences: Sequence[Sentence]) -> list[str]:
    """One warning when the sentences do not look like English, else ``[]``."""
    letters, counts = script_shares("".join(s.text for s in sentences))
    if letters < _MIN_LETTERS:
        return []
    no_space = sum(counts.values())
    if no_space / letters > NO_SPACE_SHARE:
        names = sorted(counts, key=lambda k: (-counts[k], k))
        return [
            f"the text is mostly in a script written without spaces ({', '.join(names)}: "
            f"{no_space / letters:.0%} of letters), not English; the analysis is for English, "
            f"so the title, key phrases and summary are unreliable"
        ]
    words = [t for s in sentences for t in s.tokens if t.text.isalpha()]
    if len(words) < _MIN_WORDS:
        return []
    word_letters = "".join(t.text for t in words)
    ascii_share = sum(c.isascii() for c in word_letters) / max(1, len(word_letters))
    stop_share = sum(t.is_stop for t in words) / len(words)
    if ascii_share < 0.6 or stop_share < 0.12:
        return [
            f"the text does not look like English ({stop_share:.0%} English function words, "
            f"{ascii_share:.0%} ASCII letters); results are unreliable"
        ]
    return []
