"""Which reader a file needs: by extension, else by sniffing the content."""

from __future__ import annotations

import re
from pathlib import PurePath

from ..errors import InputError

SUPPORTED_FORMATS: tuple[str, ...] = ("text", "srt", "vtt", "json")

#: Extension (lowercase, with dot) -> format.
EXTENSIONS: tuple[tuple[str, str], ...] = (
    (".json", "json"),
    (".md", "text"),
    (".srt", "srt"),
    (".text", "text"),
    (".txt", "text"),
    (".vtt", "vtt"),
)

#: Names accepted for ``format=`` besides SUPPORTED_FORMATS (the Transcript.format values).
_FORMAT_ALIASES: tuple[tuple[str, str], ...] = (
    ("txt", "text"),
    ("webvtt", "vtt"),
    ("whisper-json", "json"),
    ("youtube-json3", "json"),
)

#: SRT opens with an index line, then a timing line (comma or dot milliseconds).
_SRT_HEAD = re.compile(r"\A\s*\d{1,9}[ \t]*\n[ \t]*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-{1,3}>")
#: A timing line anywhere in the first few KB (SRT without index lines, or no header).
_TIMING = re.compile(r"^[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}[ \t]*-{1,3}>[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}", re.MULTILINE)
_SNIFF_CHARS = 4096
_NAMES = {"text": "plain text", "srt": "SRT captions", "vtt": "WebVTT captions", "json": "JSON"}


def extensions_help() -> str:
    return ", ".join(ext for ext, _ in EXTENSIONS)


def format_from_name(name: str) -> str | None:
    """The format implied by ``name``'s extension; ``None`` when it has none (stdin, or a
    numeric suffix as in "talk 2024.05"). Raises ``InputError`` for other extensions."""
    suffix = PurePath(name).suffix.lower()
    if not suffix or name.startswith("<") or not any(ch.isalpha() for ch in suffix):
        return None
    for ext, fmt in EXTENSIONS:
        if suffix == ext:
            return fmt
    raise InputError(
        f"unsupported file type {suffix!r} ({name}); supported: {extensions_help()} "
        f"(formats: {', '.join(SUPPORTED_FORMATS)})"
    )


def normalise_format(fmt: str) -> str:
    """Validate a ``format=`` argument, mapping aliases to SUPPORTED_FORMATS."""
    key = fmt.strip().lower()
    if key in SUPPORTED_FORMATS:
        return key
    for alias, target in _FORMAT_ALIASES:
        if key == alias:
            return target
    raise InputError(f"unknown input format {fmt!r}; supported: {', '.join(SUPPORTED_FORMATS)}")


def choose_format(text: str, from_name: str | None, name: str) -> tuple[str, str | None]:
    """The format to read ``text`` with, given the one its extension implies (or
    ``None``), and a warning when the content overrules the extension.

    Captions and JSON are recognised by content whatever the name (an SRT saved as
    ``.txt``); content that looks like plain text is read with the extension's reader
    (an SRT without index lines, a ``.vtt`` with a broken header gets its error).
    """
    sniffed = sniff_format(text)
    if from_name is None or sniffed == from_name:
        return sniffed, None
    if sniffed == "text":
        return from_name, None
    return sniffed, f"{name}: the content is {_NAMES[sniffed]}, not {_NAMES[from_name]} as the extension says; read as {_NAMES[sniffed]}"


def sniff_format(text: str) -> str:
    """Guess the format of normalised text from its first few KB."""
    head = text[:_SNIFF_CHARS].lstrip()
    if head.startswith("WEBVTT"):
        return "vtt"
    if head.startswith("{"):
        return "json"
    if head.startswith("[") and _looks_like_json_list(head):
        return "json"
    if _SRT_HEAD.match(head) or len(_TIMING.findall(head)) >= 2:
        return "srt"
    return "text"


def _looks_like_json_list(head: str) -> bool:
    # "[00:01:23] Speaker 1: ..." is text; a JSON list of segments opens with "[{" or "[]".
    rest = head[1:].lstrip()
    return rest[:1] in ("{", "]")
