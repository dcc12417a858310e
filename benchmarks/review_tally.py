"""Un-blind the reviewers' answers to the sheets of ``review_sheets.py`` and count.

Each answer file ``answers/<id>.json`` holds what one reviewer wrote for one sheet::

    {"titles": {"TA": 4, ...},
     "keywords": {"KA": {"good": 7, "order": 4, "bad": ["phrase: reason", ...]}, ...},
     "summaries": {"SA": {"coverage": 4, "readability": 3, "notes": "..."}, ...},
     "quiz": {"Q1": {"verdict": "keep|fix|reject", "reason": "fragment|..."|null}, ...},
     "chapters": {"titles": {"C0": 4, ...}, "split": 3}}

Prints per system: mean title score (1-5), good key phrases per 10 and mean order (1-5),
summary coverage and readability (1-5), quiz keep and keep-or-fix shares with the reasons
counted, and the chapter-title mean; ``--markdown FILE`` also writes the table.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path
from statistics import mean
from typing import Any


def tally(out: Path) -> dict[str, Any]:
    keys = {k["id"]: k for k in json.loads((out / "key.json").read_text(encoding="utf-8"))}
    titles: dict[str, list[float]] = defaultdict(list)
    kw_good: dict[str, list[float]] = defaultdict(list)
    kw_order: dict[str, list[float]] = defaultdict(list)
    cov: dict[str, list[float]] = defaultdict(list)
    read: dict[str, list[float]] = defaultdict(list)
    quiz: dict[str, Counter] = defaultdict(Counter)
    reasons: dict[str, Counter] = defaultdict(Counter)
    chapter_titles: list[float] = []
    chapter_split: list[float] = []
    sheets = 0
    for sheet_id in sorted(keys):
        path = out / "answers" / f"{sheet_id}.json"
        if not path.exists():
            continue
        sheets += 1
        key, answer = keys[sheet_id], json.loads(path.read_text(encoding="utf-8"))
        # a label shown once for identical candidates ("after+before") counts for each
        for label, score in sorted(answer.get("titles", {}).items()):
            for system in key["titles"][label].split("+"):
                titles[system].append(float(score))
        for label, judged in sorted(answer.get("keywords", {}).items()):
            for system in key["keywords"][label].split("+"):
                kw_good[system].append(float(judged["good"]))
                kw_order[system].append(float(judged["order"]))
        for label, judged in sorted(answer.get("summaries", {}).items()):
            for system in key["summaries"][label].split("+"):
                cov[system].append(float(judged["coverage"]))
                read[system].append(float(judged["readability"]))
        for label, judged in sorted(answer.get("quiz", {}).items()):
            for system in key["quiz"][label].split("+"):
                quiz[system][judged["verdict"]] += 1
                if judged["verdict"] != "keep" and judged.get("reason"):
                    reasons[system][judged["reason"]] += 1
        chapters = answer.get("chapters") or {}
        chapter_titles += [float(v) for _, v in sorted(chapters.get("titles", {}).items())]
        if chapters.get("split") is not None:
            chapter_split.append(float(chapters["split"]))
    return {"sheets": sheets, "titles": titles, "kw_good": kw_good, "kw_order": kw_order, "coverage": cov,
            "readability": read, "quiz": quiz, "reasons": reasons, "chapter_titles": chapter_titles,
            "chapter_split": chapter_split}


def _m(values: list[float]) -> str:
    return f"{mean(values):.2f} (n={len(values)})" if values else "-"


def render(t: dict[str, Any]) -> str:
    lines = [f"Sheets judged: {t['sheets']}", "", "| part | system | figure |", "|---|---|---|"]
    for system in sorted(t["titles"]):
        lines.append(f"| title 1-5 | {system} | {_m(t['titles'][system])} |")
    for system in sorted(t["kw_good"]):
        lines.append(f"| key phrases good/10 | {system} | {_m(t['kw_good'][system])} |")
        lines.append(f"| key phrases order 1-5 | {system} | {_m(t['kw_order'][system])} |")
    for system in sorted(t["coverage"]):
        lines.append(f"| summary coverage 1-5 | {system} | {_m(t['coverage'][system])} |")
        lines.append(f"| summary readability 1-5 | {system} | {_m(t['readability'][system])} |")
    for system in sorted(t["quiz"]):
        c = t["quiz"][system]
        n = sum(c.values())
        reasons = ", ".join(f"{r} {k}" for r, k in sorted(t["reasons"][system].items(), key=lambda x: (-x[1], x[0])))
        lines.append(f"| quiz keep / keep-or-fix | {system} | {c['keep'] / n:.2f} / {(c['keep'] + c['fix']) / n:.2f} of {n} items |")
        lines.append(f"| quiz reasons (fix or reject) | {system} | {reasons or '-'} |")
    if t["chapter_titles"]:
        lines.append(f"| chapter titles 1-5 | after | {_m(t['chapter_titles'])} |")
        lines.append(f"| chapter split 1-5 | after | {_m(t['chapter_split'])} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the folder review_sheets.py wrote (with answers/)")
    parser.add_argument("--markdown", type=Path)
    args = parser.parse_args(argv)
    text = render(tally(args.out))
    print(text)
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
