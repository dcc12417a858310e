"""Summary readability and coverage proxies: how many points can be read on their own, and
how much of the recording the points cover. This project's default summary against sumy
TextRank (same sentences, same number of points) on TED dev talks and QMSum validation
meetings (the talks and meetings reserved for the blind review left out).

Per point, judged by :func:`pipeline.standalone.assess` on the text shown (a point that is a
``max_words`` chunk of a longer sentence counts as a piece):

* ``standalone``: share of points with no hard problem (higher is better);
* ``opener``: share of points shown with a spoken opener ("So,", "And", "Well,") in front;
* ``context``: share that open with a word pointing back ("His theory", "This is why") or
  hang on a connective; ``question``; ``piece`` (a chunk or a cut piece);
  ``noise`` (back-channel, noise, under 4 words);
* ``fifths``: mean share of the recording's fifths (by sentence position) holding a point.

    python benchmarks/summary_readability.py [--limit N] [--cache DIR]

Prints a Markdown table and writes it to ``benchmarks/results/summary_readability.md``.
These are proxies for the blind review of ../shared/REVIEW.md, not a substitute.
"""

from __future__ import annotations

import argparse
import warnings
from pathlib import Path

from _summary_common import DEFAULT_EVAL_DIR, ROOT, DocumentCache, qmsum_transcript, read_jsonl, sumy_order, ted_records, ted_transcript

from pipeline.config import SummaryConfig
from pipeline.standalone import BACKCHANNEL, CHUNK, CUT_PIECE, DANGLING_CONNECTIVE, LEADING_REFERENCE, NOISE, QUESTION, TOO_SHORT, assess
from pipeline.summary import Summarizer
from pipeline.summary.units import is_cased, merge
from pipeline.types import Document

#: QMSum validation meetings reserved for the blind review (0-based lines)
RESERVED_QMSUM = frozenset({5, 22})


def judge(document: Document, points: list[tuple[int, int, bool]]) -> dict[str, float]:
    """Counts over ``points`` = (first sentence, last sentence, opener trimmed) of one
    summary; a point spanning several sentences is judged as one merged sentence."""
    cased = is_cased(document.sentences)
    out = dict.fromkeys(("points", "standalone", "opener", "context", "question", "piece", "noise"), 0.0)
    n = len(document.sentences)
    fifths = set()
    for first, last, trimmed in points:
        s = document.sentences[first] if last == first else merge(document, document.sentences[first : last + 1])
        a = assess(s, cased=cased)  # the span after any opener: what a reader meets first
        problems = set(a.problems)
        out["points"] += 1
        out["standalone"] += not problems
        out["opener"] += a.trimmed and not trimmed
        out["context"] += bool(problems & {LEADING_REFERENCE, DANGLING_CONNECTIVE})
        out["question"] += QUESTION in problems
        out["piece"] += bool(problems & {CHUNK, CUT_PIECE})
        out["noise"] += bool(problems & {BACKCHANNEL, NOISE, TOO_SHORT})
        fifths.add(min(4, 5 * first // max(1, n)))
    out["fifths"] = len(fifths) / 5 if points else 0.0
    return out


def ours(document: Document) -> list[tuple[int, int, bool]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        items = Summarizer(SummaryConfig())(document)
    return [(i.sentence, i.last_sentence if i.last_sentence is not None else i.sentence, i.trimmed) for i in items]


def sumy(document: Document, k: int) -> list[tuple[int, int, bool]]:
    order = sumy_order("textrank", document)
    return [(i, i, False) for i in sorted(order[:k])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "summary_readability.md")
    args = parser.parse_args()
    cache = DocumentCache(args.cache)
    lines = []
    for name, file, make in (("TED dev talks", "transcripts/ted_dev.jsonl", ted_transcript), ("QMSum validation meetings", "summary/qmsum_val.jsonl", qmsum_transcript)):
        path = args.eval_dir / file
        records = ted_records(path) if name.startswith("TED") else read_jsonl(path)
        documents = cache.documents(Path(file).stem, [make(r) for r in records])  # as summary_quality.py
        if not name.startswith("TED"):
            documents = [d for i, d in enumerate(documents) if i not in RESERVED_QMSUM]
        documents = documents[: args.limit]
        totals = {"this project (default)": {}, "sumy TextRank (same number of points)": {}}
        for document in documents:
            mine = ours(document)
            for system, points in (("this project (default)", mine), ("sumy TextRank (same number of points)", sumy(document, len(mine)))):
                counts = judge(document, points)
                for key, value in counts.items():
                    totals[system][key] = totals[system].get(key, 0.0) + value
        lines.append(f"**{name}** ({len(documents)})\n")
        lines.append("| system | points | standalone | opener shown | leans on context | question | piece | noise | fifths covered |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for system, t in totals.items():
            p = max(1.0, t["points"])
            lines.append(
                f"| {system} | {t['points']:.0f} | {t['standalone'] / p:.1%} | {t['opener'] / p:.1%} | {t['context'] / p:.1%} | "
                f"{t['question'] / p:.1%} | {t['piece'] / p:.1%} | {t['noise'] / p:.1%} | {t['fifths'] / max(1, len(documents)):.1%} |"
            )
        lines.append("")
    text = "\n".join(lines)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    command = "python benchmarks/summary_readability.py" + (f" --limit {args.limit}" if args.limit else "")
    args.out.write_text(f"# Summary readability proxies\n\nCommand: `{command}`\n\n{text}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
