"""Bytes -> text: encoding detection, binary and size checks.

Order of trust: a byte-order mark, then strict UTF-8, then BOM-less UTF-16 (recognised by
its NUL-byte pattern), then a guess by ``charset-normalizer`` (recorded as a warning).
Every failure is an :class:`~pipeline.errors.InputError` with a one-line message.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from ..errors import InputError
from .normalize import check_not_binary, check_size

#: (BOM, Python codec) — UTF-32 first because its little-endian BOM starts with UTF-16's.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Looking at this many leading bytes is enough to tell UTF-16 from binary, and keeps the
#: check cheap on large inputs.
_SNIFF_BYTES = 65_536

#: When several single-byte code pages explain the bytes equally well, prefer the Western
#: one: transcripts this toolkit analyses are English, and charset-normalizer otherwise
#: picks alphabetically (cp1250, which turns "crème" into "crčme").
_PREFERRED_FALLBACK = "cp1252"


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text plus how it was decoded (``encoding`` is a Python codec name)."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode_bytes(data: bytes, *, name: str, max_chars: int) -> Decoded:
    """Decode ``data`` (the whole input) to ``str``.

    Raises ``InputError`` for data too large (checked on the byte count before decoding:
    no encoding uses more than 4 bytes per character), binary data or undecodable data.
    """
    # Cheap bound first, so a huge file is rejected without decoding it.
    if len(data) > 4 * max_chars:
        check_size(len(data), max_chars, unit="bytes")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return Decoded(_decode(data, codec, name), codec)
    head = data[:_SNIFF_BYTES]
    if b"\x00" in data:
        utf16 = _bomless_utf16(head)
        if utf16 is None:
            raise InputError(f"{name} looks like a binary file (it contains NUL bytes), not a transcript")
        text = _decode(data, utf16, name)
        return Decoded(text, utf16, (f"{name}: no byte-order mark; decoded as {utf16} (guessed)",))
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _guess(data, name)


def _decode(data: bytes, codec: str, name: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name} is not valid {codec} at byte {exc.start}: {exc.reason}") from None
    return text[1:] if text.startswith("\ufeff") else text


def _bomless_utf16(head: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when NULs sit on one byte parity only (ASCII-heavy
    UTF-16 text), else ``None`` (binary)."""
    even, odd = head[0::2], head[1::2]
    if len(head) < 4:
        return None
    even_nul = even.count(0) / max(len(even), 1)
    odd_nul = odd.count(0) / max(len(odd), 1)
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _guess(data: bytes, name: str) -> Decoded:
    # Imported here: charset-normalizer is only needed for the rare non-UTF input.
    import charset_normalizer

    results = charset_normalizer.from_bytes(data)
    best = results.best()
    if best is None:
        raise InputError(f"{name} looks like a binary file or uses an unknown text encoding")
    encoding = best.encoding
    for match in results:
        if match.chaos <= best.chaos and _PREFERRED_FALLBACK in match.could_be_from_charset:
            encoding = _PREFERRED_FALLBACK
            break
    text = data.decode(encoding, errors="replace")
    check_not_binary(text, name)
    return Decoded(text, encoding, (f"{name} is not valid UTF-8; decoded as {encoding} (guessed)",))
