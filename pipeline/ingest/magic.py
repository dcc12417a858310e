"""Files that are not text whatever their name: recognised by their first bytes.

A PDF or a Word document renamed to ``.txt`` would otherwise be "decoded" by the encoding
guesser into pages of mojibake and analysed. The signatures are the published magic
numbers of each format (the same ones ``file(1)`` uses).
"""

from __future__ import annotations

from ..errors import InputError

#: (signature at offset 0, what the file is). Office formats since 2007 (docx, xlsx,
#: pptx, odt) and epub are ZIP archives; older ones (doc, xls, ppt) are OLE2 containers.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or an office document (docx, xlsx, odt, epub)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an office document (doc, xls, ppt)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"ID3\x03", "an MP3 audio file"),
    (b"ID3\x04", "an MP3 audio file"),
    (b"OggS", "an Ogg audio or video file"),
    (b"fLaC", "a FLAC audio file"),
    (b"\x1a\x45\xdf\xa3", "a Matroska or WebM video"),
    (b"SQLite format 3\x00", "an SQLite database"),
)


def describe_binary(data: bytes) -> str | None:
    """What ``data`` is when its first bytes are a known non-text signature, else ``None``."""
    head = data[:16]
    for signature, what in _SIGNATURES:
        if head.startswith(signature):
            if signature == b"MZ" and b"\x00" not in data[:512]:
                continue  # "MZ" can start a text line; an executable has NULs right after
            if signature == b"BZh" and not head[3:4].isdigit():
                continue
            return what
    if head[4:8] == b"ftyp":
        return "an MP4 or QuickTime audio or video file"
    if head[:4] == b"RIFF" and head[8:12] in (b"WAVE", b"AVI ", b"WEBP"):
        return "a RIFF media file (WAV, AVI or WebP)"
    return None


def check_not_document(data: bytes, name: str) -> None:
    """Raise ``InputError`` naming the format when ``data`` is a known binary format."""
    what = describe_binary(data)
    if what is not None:
        raise InputError(f"{name} is {what}, not a transcript; export or save it as plain text (.txt) or captions (.srt, .vtt) first")
