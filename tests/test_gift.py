"""Moodle GIFT export (pipeline/render/gift.py): parsed back, it gives the same quiz."""

from __future__ import annotations

import re

from pipeline.quiz.gaps import BLANK
from pipeline.render.gift import escape, to_gift
from pipeline.result import Meta, QuizItem, Result, Sentiment

from quiz_items import ITEMS, result  # noqa: E402


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _split_unescaped(text: str, marks: str) -> list[tuple[str, str]]:
    """Split ``text`` at unescaped characters of ``marks``: [(mark, piece), ...]."""
    out, current, mark, i = [], [], "", 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            current.append(text[i : i + 2])
            i += 2
            continue
        if ch in marks:
            out.append((mark, "".join(current)))
            current, mark = [], ch
        else:
            current.append(ch)
        i += 1
    out.append((mark, "".join(current)))
    return out


def parse_gift(text: str) -> list[dict]:
    """A small GIFT reader for what to_gift writes (names, missing word, T/F, ####)."""
    questions = []
    for block in text.split("\n\n"):
        lines = [ln for ln in block.splitlines() if ln and not ln.startswith("//")]
        if not lines:
            continue
        body = " ".join(lines)
        m = re.match(r"::((?:\\.|[^:\\])*)::(.*)$", body)
        assert m, body
        name, rest = _unescape(m.group(1)), m.group(2)
        pieces = _split_unescaped(rest, "{}")
        assert [p[0] for p in pieces] == ["", "{", "}"], rest
        before, answers, after = pieces[0][1], pieces[1][1], pieces[2][1]
        answers, _, feedback = answers.partition("####")
        q = {"id": name, "feedback": _unescape(feedback)}
        if answers.strip() in ("TRUE", "FALSE"):
            q.update(type="true_false", question=_unescape(before).strip(), answer=answers.strip().title())
        else:
            opts = [(mark, _unescape(p).strip()) for mark, p in _split_unescaped(answers, "=~") if mark]
            q.update(
                type="cloze",
                question=_unescape(before) + BLANK + _unescape(after),
                options=tuple(p for _m, p in opts),
                answer=next(p for mk, p in opts if mk == "="),
            )
        questions.append(q)
    return questions


def test_round_trip():
    parsed = parse_gift(to_gift(result()))
    assert [q["id"] for q in parsed] == [i.id for i in ITEMS]
    for q, item in zip(parsed, ITEMS):
        assert q["type"] == item.type
        assert q["answer"] == item.answer
        assert q["question"] == " ".join(item.question.split())
        if item.type == "cloze":
            assert q["options"] == item.options
        assert item.explanation.split()[0] in q["feedback"]
    assert "(1:00:00)" in parsed[2]["feedback"] and "(0:12)" in parsed[0]["feedback"]


def test_escaping():
    assert escape("a~b=c#d{e}f:g\\h") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h"
    gift = to_gift(result())
    # no unescaped special character inside question text: every brace pair is ours
    for block in gift.strip().split("\n\n")[1:]:
        assert len(re.findall(r"(?<!\\)\{", block)) == 1 and len(re.findall(r"(?<!\\)\}", block)) == 1
    assert gift.startswith("// transcript-pipeline quiz: A: test {title}")


def test_empty_quiz():
    assert parse_gift(to_gift(result(items=()))) == []
