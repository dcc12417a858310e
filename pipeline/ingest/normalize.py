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
