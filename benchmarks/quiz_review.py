"""Quiz items to read as a teacher would (``../shared/REVIEW.md``), and the counts of a reading.

``sheet``: print the quiz of a fixed set of development recordings (TED dev talks at a stride
of 33 from line 15, and two QMSum validation meetings), none of them reserved for the blind
review, one numbered item a line, so a reader can judge each item keep / fix / reject with a
reason. Run it at two revisions (``git worktree add``) to read before and after.

``count``: read a judgments file (tab-separated: recording, item number, verdict, reason;
``#`` comments) and print the keep and keep-or-fix rates and the share of items per reason.
The judgments hold no transcript text (TED transcripts may not be copied into the project).

Usage::

    python benchmarks/quiz_review.py sheet [--eval-dir ../shared/eval] > sheet.txt
    python benchmarks/quiz_review.py count benchmarks/results/quiz_review_after.tsv
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: TED dev lines read (a fixed stride; the reserved lines 7, 40, … 370 are not among them)
TED_LINES = tuple(range(15, 400, 33))
#: QMSum validation lines read (5 and 22 are reserved)
QMSUM_LINES = (1, 10)
RESERVED_TED = frozenset(range(7, 400, 33))
RESERVED_QMSUM = frozenset({5, 22})
VERDICTS = ("keep", "fix", "reject")


def sheet(eval_dir: Path, ted_lines: tuple[int, ...] = TED_LINES, qmsum_lines: tuple[int, ...] = QMSUM_LINES) -> None:
    from pipeline import Pipeline

    if RESERVED_TED & set(ted_lines) or RESERVED_QMSUM & set(qmsum_lines):
        raise SystemExit("those lines are reserved for the blind review")
    nlp = Pipeline()
    ted = (eval_dir / "transcripts" / "ted_dev.jsonl").read_text(encoding="utf-8").splitlines()
    qmsum = (eval_dir / "summary" / "qmsum_val.jsonl").read_text(encoding="utf-8").splitlines()
    recordings = [(f"ted{i}", "\n".join(json.loads(ted[i])["paragraphs"])) for i in ted_lines]
    recordings += [(f"q{i}", json.loads(qmsum[i])["text"]) for i in qmsum_lines]
    for name, text in recordings:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = nlp(text)
        print(f"=== {name}")
        for k, item in enumerate(result.quiz, 1):
            options = "" if item.type == "true_false" else "  options: " + " | ".join(item.options)
            print(f"{k}. [{item.type}] {item.question}{options}  answer: {item.answer}")
        for message in result.meta.warnings:
            if "quiz" in message:
                print(f"   warning: {message}")


def count(path: Path) -> None:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        recording, number, verdict, reason = line.split("\t")
        if verdict not in VERDICTS:
            raise SystemExit(f"{path}: unknown verdict {verdict!r} in {line!r}")
        rows.append((recording, int(number), verdict, reason))
    n = len(rows)
    verdicts = collections.Counter(v for _r, _n, v, _ in rows)
    reasons = collections.Counter(reason for _r, _n, v, reason in rows if v != "keep")
    recordings = len({r for r, _n, _v, _ in rows})
    print(f"{n} items from {recordings} recordings")
    print(f"keep {verdicts['keep']} ({verdicts['keep'] / n:.0%}), fix {verdicts['fix']}, reject {verdicts['reject']}; "
          f"keep or fix {(verdicts['keep'] + verdicts['fix']) / n:.0%}")
    for reason, k in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {reason}: {k} ({k / n:.0%} of the items)")


def _lines(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split(",") if x.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sheet")
    s.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    s.add_argument("--ted", default=",".join(map(str, TED_LINES)), help="TED dev lines (0-based, comma-separated)")
    s.add_argument("--qmsum", default=",".join(map(str, QMSUM_LINES)), help="QMSum val lines (0-based; empty: none)")
    c = sub.add_parser("count")
    c.add_argument("judgments", type=Path)
    args = parser.parse_args()
    if args.command == "sheet":
        sheet(args.eval_dir, _lines(args.ted), _lines(args.qmsum))
    else:
        count(args.judgments)


if __name__ == "__main__":
    main()
