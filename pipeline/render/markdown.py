"""Markdown report: reads well in a terminal and renders on any Markdown viewer.

Key phrases are **bold** in the summary; the tone has a one-line sparkline timeline.
"""

from __future__ import annotations

from ..result import QuizItem, Result
from ..timefmt import format_time
from .highlight import item_span, key_spans, several_speakers, split_marked
from .sparkline import sparkline

_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*[]<>#|"})


def to_markdown(result: Result) -> str:
    """The whole report as Markdown text (ends with a newline)."""
    out = [f"# {_escape(result.title or 'Untitled transcript')}", ""]
    out += _chapters(result)
    out += _summary(result)
    out += _keywords(result)
    out += _tone(result)
    out += _quiz(result)
    out += _footer(result)
    return "\n".join(out).rstrip("\n") + "\n"


def _escape(text: str) -> str:
    return text.translate(_MD_SPECIAL)


def _chapters(result: Result) -> list[str]:
    """Chapters as a numbered list with start times (when known), when there are two or more."""
    if len(result.chapters) < 2:
        return []
    out = ["## Chapters", ""]
    for number, chapter in enumerate(result.chapters, 1):
        stamp = format_time(chapter.start)
        out.append(f"{number}. {f'[{stamp}] ' if stamp else ''}{_escape(chapter.title)}")
    return out + [""]


def _summary(result: Result) -> list[str]:
    out = ["## Summary", ""]
    if not result.summary:
        return out + ["_No summary: the transcript is too short._", ""]
    named = several_speakers(result)
    for item in result.summary:
        start, end = item_span(result, item)
        spans = key_spans(result.keywords, start, end)
        marked = "".join(
            f"**{_escape(piece)}**" if rank is not None else _escape(piece)
            for piece, rank in split_marked(item.text, start, spans)
        )
        stamp = format_time(item.start)
        who = f"{_escape(item.speaker)}: " if item.speaker and named else ""
        out.append(f"- {f'[{stamp}] ' if stamp else ''}{who}{marked}")
    return out + [""]


def _keywords(result: Result) -> list[str]:
    out = ["## Key phrases", ""]
    if not result.keywords:
        return out + ["_None found._", ""]
    cells = [f"{_escape(k.text)} ({k.count}×)" if k.count > 1 else _escape(k.text) for k in result.keywords]
    return out + [", ".join(cells), ""]


def _tone(result: Result) -> list[str]:
    s = result.sentiment
    out = ["## Tone", ""]
    out.append(
        f"**{s.label}** (score {s.score:+.2f} on -1..+1; sentences: "
        f"{s.positive:.0%} positive, {s.neutral:.0%} neutral, {s.negative:.0%} negative)"
    )
    if s.timeline:
        first = format_time(s.timeline[0].start)
        last = format_time(s.timeline[-1].end)
        ends = f"{first} " if first else "start "
        out += ["", f"Over time: {ends}{sparkline([p.score for p in s.timeline])} {last or 'end'}"]
    if s.by_speaker and len(s.by_speaker) > 1:
        out += ["", "By speaker: " + ", ".join(f"{_escape(name)} {score:+.2f}" for name, score in s.by_speaker)]
    for label, moment in (("Most positive", s.most_positive), ("Most negative", s.most_negative)):
        if moment is not None:
            stamp = format_time(moment.start)
            out += ["", f"{label}{f' [{stamp}]' if stamp else ''}: “{_escape(moment.text)}”"]
    return out + [""]


def _quiz(result: Result) -> list[str]:
    out = ["## Quiz", ""]
    if not result.quiz:
        return out + ["_No questions: the transcript is too short or has too little content._", ""]
    for number, item in enumerate(result.quiz, 1):
        out += _quiz_item(number, item)
    return out


def _quiz_item(number: int, item: QuizItem) -> list[str]:
    kind = "True or false" if item.type == "true_false" else "Fill in the blank"
    out = [f"{number}. {kind}: {_escape(item.question)}"]
    for letter, option in zip("abcdefgh", item.options):
        out.append(f"   {letter}) {_escape(option)}")
    stamp = format_time(item.start)
    out += [f"   _Answer: {_escape(item.answer)}{f' (at {stamp})' if stamp else ''}_", ""]
    return out


def _footer(result: Result) -> list[str]:
    meta = result.meta
    out = ["---", f"_{len(result.sentences)} sentences · model {meta.model} · transcript-pipeline {meta.package_version}_"]
    for warning in meta.warnings:
        out.append(f"> ⚠ {_escape(warning)}")
    return out
