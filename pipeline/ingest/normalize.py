"""Checks and normalisation shared by every reader: size, binary, empty, newlines, NFC."""

from __future__ import annotations

import re
import unicodedata

from ..errors import InputError

#: Zero-width and BOM characters carry no text; they break word matching downstream.
#: (U+200B zero-width space, U+200C/U+200D joiners, U+2060 word joiner, U+FEFF BOM)
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")

#: Control characters other than tab/newline/carriage return/form feed: in text they
#: signal a binary file read as text.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")

#: Share of control characters (in the first ``_BINARY_SAMPLE`` characters) above which
#: the input is called binary. Real transcripts have none; 10% leaves room for a stray one.
_BINARY_SHARE = 0.10
_BINARY_SAMPLE = 65_536


#: Lone UTF-16 surrogates: a JSON "\\ud800" decodes to one; no encoder accepts it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """Lone surrogate code points -> U+FFFD (what a decoder does with invalid bytes)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


#: A run of non-space characters longer than this, mostly punctuation ("[[[[...",
#: '{"a":{"a":...', a minified blob), is broken up with spaces every this many characters:
#: spaCy's tokenizer strips leading and trailing punctuation one character at a time, each
#: time searching the rest of the run, so such a run costs quadratic time (5,000 "[" took
#: 4 s of CPU; 48,000 characters of nested JSON 11 s).
LONG_RUN_CHARS = 100
#: ... where "mostly punctuation" means at least this share of non-alphanumeric characters
#: (a run of letters, or of Chinese with its full stops, is tokenised in linear time).
_LONG_RUN_PUNCT = 0.3
_LONG_RUN = re.compile(r"\S{%d,}" % (LONG_RUN_CHARS + 1))


def break_long_runs(text: str) -> tuple[str, int]:
    """``text`` with long punctuation-heavy runs broken every LONG_RUN_CHARS characters,
    and how many runs were broken."""
    broken = 0

    def _split(match: re.Match[str]) -> str:
        nonlocal broken
        run = match.group(0)
        if sum(1 for c in run if not c.isalnum()) < _LONG_RUN_PUNCT * len(run):
            return run
        broken += 1
        return " ".join(run[i : i + LONG_RUN_CHARS] for i in range(0, len(run), LONG_RUN_CHARS))

    if len(text) <= LONG_RUN_CHARS:
        return text, 0
    return _LONG_RUN.sub(_split, text), broken


def check_size(size: int, max_chars: int, *, unit: str = "characters") -> None:
    """Raise ``InputError`` when ``size`` (in ``unit``) exceeds ``max_chars`` characters."""
    if unit == "bytes":
        # 4 bytes per character is the UTF-8/UTF-32 worst case, so this many bytes
        # cannot decode to fewer than max_chars characters.
        limit_bytes = 4 * max_chars
        if size > limit_bytes:
            raise InputError(
                f"input is too large: {size:,} bytes (limit {max_chars:,} characters); "
                f"raise input.max_chars to accept it"
            )
        return
    if size > max_chars:
        raise InputError(
            f"input is too large: {size:,} characters (limit {max_chars:,}); raise input.max_chars to accept it"
        )


def check_not_binary(text: str, name: str) -> None:
    """Raise ``InputError`` when ``text`` has a high share of control characters (NULs
    included): one stray NUL is damage, not a binary file."""
    sample = text[:_BINARY_SAMPLE]
    n_control = len(_CONTROL.findall(sample))
    if sample and n_control / len(sample) > _BINARY_SHARE:
        raise InputError(f"{name} looks like a binary file ({n_control} control characters), not a transcript")


def normalize_text(text: str) -> str:
    """Newlines to ``\\n``, Unicode NFC, zero-width characters removed, NUL -> U+FFFD."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
    text = _ZERO_WIDTH.sub("", text)
    return unicodedata.normalize("NFC", text)


def check_not_empty(text: str) -> None:
    """Raise ``InputError("input is empty")`` for empty or whitespace-only text."""
    if not text or text.isspace():
        raise InputError("input is empty")


def prepare_text(text: str, *, name: str, max_chars: int) -> str:
    """All checks plus normalisation, in the order that keeps them cheap."""
    check_size(len(text), max_chars)
    check_not_binary(text, name)
    text = normalize_text(text)
    check_not_empty(text)
    return text
