"""Summary-stage speed: this project's Summarizer against sumy's TextRank on the same
sentences, at 250, 1,000, 2,000 and 4,000 sentences, plus 50,000- and 100,000-word inputs
for this project alone (sumy would take minutes to hours there).

Inputs are real meeting sentences: QMSum validation transcripts, segmented once by this
project's Segmenter, concatenated and cut to the size. Times are CPU seconds of this
process (``time.process_time``: steadier than wall time on a shared machine), the best of
``--repeat`` runs for this project and one run for sumy; segmentation is not timed (it is
the same for both). sumy is given the sentences and their words (see _summary_common.py).

    python benchmarks/summary_speed.py            # full run (~2 minutes, mostly sumy)
    python benchmarks/summary_speed.py --limit 2  # only 250 and 1,000 sentences
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from pathlib import Path

from _summary_common import DEFAULT_EVAL_DIR, ROOT, DocumentCache, qmsum_transcript, read_jsonl, sumy_order

from pipeline.config import SummaryConfig
from pipeline.summary import Summarizer
from pipeline.types import Document, Sentence

SIZES = (250, 1000, 2000, 4000)
WORD_SIZES = (50_000, 100_000)


def build(pool: list[Sentence], n_sentences: int | None = None, n_words: int | None = None) -> Document:
    """A document of the first sentences of ``pool`` (cycled if needed), re-indexed."""
    out: list[Sentence] = []
    words = 0
    i = 0
    while (n_sentences is not None and len(out) < n_sentences) or (n_words is not None and words < n_words):
        s = pool[i % len(pool)]
        out.append(dataclasses.replace(s, index=len(out)))
        words += s.n_words
        i += 1
    return Document(text="", sentences=tuple(out))


def best_of(repeat: int, fn) -> float:
    """Best CPU time (seconds of this process) of ``repeat`` calls: steadier than wall time
    on a machine shared with other jobs."""
    best = float("inf")
    for _ in range(repeat):
        began = time.process_time()
        fn()
        best = min(best, time.process_time() - began)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--limit", type=int, default=None, help="only the first N sentence sizes")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=None, help="pickle segmented documents here between runs")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "summary_speed.md")
    args = parser.parse_args()

    records = read_jsonl(args.eval_dir / "summary" / "qmsum_val.jsonl")
    documents = DocumentCache(args.cache).documents("qmsum_val", [qmsum_transcript(r) for r in records])
    pool = [s for d in documents for s in d.sentences]
    ours = Summarizer(SummaryConfig())

    lines = [
        "| input | sentences | words | this project (s) | sumy TextRank (s) | speed-up |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for size in SIZES[: args.limit] if args.limit else SIZES:
        doc = build(pool, n_sentences=size)
        mine = best_of(args.repeat, lambda: ours(doc))
        began = time.process_time()
        sumy_order("textrank", doc)
        theirs = time.process_time() - began
        lines.append(f"| {size:,} sentences | {size:,} | {doc.n_words:,} | {mine:.4f} | {theirs:.2f} | {theirs / mine:.0f}x |")
        print(lines[-1], flush=True)
    if not args.limit:
        for words in WORD_SIZES:
            doc = build(pool, n_words=words)
            mine = best_of(args.repeat, lambda: ours(doc))
            lines.append(f"| {words:,}-word transcript | {len(doc.sentences):,} | {doc.n_words:,} | {mine:.4f} | not run | - |")
            print(lines[-1], flush=True)
    text = "\n".join(lines)
    print(text)
    command = "python benchmarks/summary_speed.py" + (f" --limit {args.limit}" if args.limit else "")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        f"# Summary speed\n\nCommand: `{command}` (CPU seconds, 2 shared CPU cores; this project best of {args.repeat}, sumy one run)\n\n{text}\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
