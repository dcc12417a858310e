"""Bytes -> text: encoding detection, binary and size checks.

Order of trust: a file signature (a PDF, an office document, an image or an archive is
refused whatever its name), a byte-order mark, then strict UTF-8, then BOM-less UTF-16
(recognised by its NUL-byte pattern), then UTF-8 line by line (a file pasted together from
two sources: the lines that are not UTF-8 are decoded with a guessed code page), then a
guess by ``charset-normalizer``. Guesses are recorded as warnings. A few stray NUL bytes
become U+FFFD with a warning (as a browser reads captions); binary data is recognised by
the share of NUL bytes, not by one. Every failure is an
:class:`~pipeline.errors.InputError` with a one-line message.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from ..errors import InputError
from .magic import check_not_document
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

#: Share of NUL bytes (in the first ``_SNIFF_BYTES``) above which data that is not UTF-16
#: is binary. Text with a few stray NULs (a damaged caption file) stays well below it.
_BINARY_NUL_SHARE = 0.05
#: ... and never fewer NULs than this (one NUL in a 10-byte file is damage too).
_MIN_BINARY_NULS = 8


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
    check_not_document(data, name)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _with_nuls_replaced(Decoded(_decode(data, codec, name), codec), name)
    head = data[:_SNIFF_BYTES]
    if b"\x00" in data:
        utf16 = _bomless_utf16(head)
        if utf16 is not None:
            text = _decode(data, utf16, name)
            return _with_nuls_replaced(Decoded(text, utf16, (f"{name}: no byte-order mark; decoded as {utf16} (guessed)",)), name)
        if head.count(0) > max(_MIN_BINARY_NULS, _BINARY_NUL_SHARE * len(head)):
            raise InputError(f"{name} looks like a binary file ({head.count(0):,} NUL bytes), not a transcript")
    try:
        return _with_nuls_replaced(Decoded(data.decode("utf-8"), "utf-8"), name)
    except UnicodeDecodeError:
        pass
    mixed = _line_by_line(data, name)
    if mixed is not None:
        return _with_nuls_replaced(mixed, name)
    return _with_nuls_replaced(_guess(data, name), name)


def _with_nuls_replaced(decoded: Decoded, name: str) -> Decoded:
    """NUL characters become U+FFFD (what the WebVTT algorithm and browsers do), with a
    warning; the caller has already refused data with many of them."""
    count = decoded.text.count("\x00")
    if not count:
        return decoded
    warning = f"{name}: {count} NUL character(s) replaced by U+FFFD"
    return Decoded(decoded.text.replace("\x00", "\ufffd"), decoded.encoding, (*decoded.warnings, warning))


def _line_by_line(data: bytes, name: str) -> Decoded | None:
    """UTF-8 lines decoded as UTF-8 and the others with a guessed code page, when the file
    has both UTF-8 lines with non-ASCII characters and lines that are not UTF-8; ``None``
    otherwise (the whole file is in one legacy encoding, or none fits)."""
    lines = data.split(b"\n")
    utf8_non_ascii = 0
    bad: list[int] = []
    for i, line in enumerate(lines):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8_non_ascii += 1
        except UnicodeDecodeError:
            bad.append(i)
    if not utf8_non_ascii or not bad:
        return None
    try:
        fallback = _guess(b"\n".join(lines[i] for i in bad), name).encoding
    except InputError:  # too little to guess from: the Western code page
        fallback = _PREFERRED_FALLBACK
    bad_set = set(bad)
    text = "\n".join(line.decode(fallback, errors="replace") if i in bad_set else line.decode("utf-8") for i, line in enumerate(lines))
    check_not_binary(text, name)
    shown = ", ".join(str(i + 1) for i in bad[:5]) + (f" and {len(bad) - 5} more" if len(bad) > 5 else "")
    return Decoded(text, "utf-8", (f"{name}: mixed encodings: {len(bad)} line(s) are not UTF-8 (line {shown}); decoded as {fallback} (guessed)",))


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
