"""Caption markup shared by the SRT and WebVTT readers: inline tags and HTML entities."""

from __future__ import annotations

import html
import re

#: HTML-like tags (<i>, </b>, <font color=...>, <c.colorE5E5E5>, <00:00:01.000> karaoke
#: times, <v Speaker>). Bounded and without nested quantifiers: linear on any line.
_TAG = re.compile(r"<[^<>\n]{0,200}>")
#: SSA/ASS override blocks some SRT files carry ({\an8}, {\i1}).
_ASS = re.compile(r"\{\\[^{}\n]{0,100}\}")
_SPACES = re.compile(r"[ \t\u00a0]+")


def strip_markup(text: str) -> str:
    """Remove inline tags, decode entities (``&amp;`` -> ``&``), squeeze spaces."""
    text = _TAG.sub("", text)
    text = _ASS.sub("", text)
    text = html.unescape(text)
    return _SPACES.sub(" ", text).strip()


def join_lines(lines: list[str]) -> str:
    """One caption's lines as a single line of text (a cue is one utterance)."""
    return " ".join(part for part in (line.strip() for line in lines) if part)
