"""Summary quality: ROUGE-1/2/L F1 (rouge-score, stemming on) of this project's summary
stage against sumy TextRank, sumy LexRank and lead-k, all on the same sentence split.

* BBC News dev (``summary/bbc_dev.jsonl``): every system returns as many sentences as the
  extractive reference has.
* QMSum validation (``summary/qmsum_val.jsonl``): at most as many words as the reference
  summary has (white-space words); sentences that would overflow are skipped.

    python benchmarks/summary_quality.py                 # full dev files
    python benchmarks/summary_quality.py --limit 50      # first 50 records of each file

Prints a Markdown table and writes it to ``benchmarks/results/summary_quality.md``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Callable

from _summary_common import (
    DEFAULT_EVAL_DIR,
    ROOT,
    DocumentCache,
    bbc_transcript,
    fill,
    qmsum_transcript,
    read_jsonl,
    sumy_order,
)

from pipeline.config import SummaryConfig
from pipeline.summary import Summarizer
from pipeline.types import Document

System = Callable[[Document, "int | None", "int | None"], list[int]]


def ours(**overrides) -> System:
    def run(document: Document, k: int | None, max_words: int | None) -> list[int]:
        summarizer = Summarizer(SummaryConfig(sentences=k, max_words=max_words, **overrides))
        return [item.sentence for item in summarizer(document)]

    return run


def sumy_system(kind: str) -> System:
    def run(document: Document, k: int | None, max_words: int | None) -> list[int]:
        return fill(sumy_order(kind, document), document, k=k, max_words=max_words)

    return run


def lead(document: Document, k: int | None, max_words: int | None) -> list[int]:
    return fill(range(len(document.sentences)), document, k=k, max_words=max_words)


SYSTEMS: dict[str, System] = {
    "this project (default)": ours(),
    "this project, similarity=sumy": ours(similarity="sumy"),
    "sumy TextRank": sumy_system("textrank"),
    "sumy LexRank": sumy_system("lexrank"),
    "lead-k": lead,
}


def evaluate(name: str, records: list[dict], documents: list[Document], by_words: bool) -> dict[str, dict[str, float]]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    out: dict[str, dict[str, float]] = {}
    for system_name, system in SYSTEMS.items():
        totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
        seconds = 0.0
        for record, document in zip(records, documents):
            if by_words:
                k, max_words = None, len(record["reference_summary"].split())
            else:
                k, max_words = max(1, len(record["reference_sentences"])), None
            began = time.perf_counter()
            chosen = system(document, k, max_words)
            seconds += time.perf_counter() - began
            prediction = " ".join(document.sentences[i].text for i in chosen)
            scores = scorer.score(record["reference_summary"], prediction)
            for key in totals:
                totals[key] += scores[key].fmeasure
        n = max(1, len(records))
        out[system_name] = {key: 100.0 * value / n for key, value in totals.items()} | {"seconds": seconds}
        print(f"  {name}: {system_name} done ({seconds:.1f} s)", flush=True)
    return out


def table(results: dict[str, dict[str, dict[str, float]]], counts: dict[str, int]) -> str:
    lines = []
    for dataset, rows in results.items():
        anchor = rows["sumy TextRank"]
        lines.append(f"**{dataset}** ({counts[dataset]} documents)\n")
        lines.append("| system | ROUGE-1 | ROUGE-2 | ROUGE-L | R-1 vs sumy TextRank | ranking time (s) |")
        lines.append("|---|---:|---:|---:|---:|---:|")
        for system_name, r in rows.items():
            delta = r["rouge1"] - anchor["rouge1"]
            lines.append(
                f"| {system_name} | {r['rouge1']:.2f} | {r['rouge2']:.2f} | {r['rougeL']:.2f} | {delta:+.2f} | {r['seconds']:.2f} |"
            )
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--limit", type=int, default=None, help="first N records of each file")
    parser.add_argument("--cache", type=Path, default=None, help="pickle segmented documents here between runs")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "summary_quality.md")
    args = parser.parse_args()

    cache = DocumentCache(args.cache)
    results: dict[str, dict[str, dict[str, float]]] = {}
    counts: dict[str, int] = {}
    for dataset, file, make, by_words in (
        ("QMSum validation (at most as many words as the reference)", "qmsum_val.jsonl", qmsum_transcript, True),
        ("BBC News dev (as many sentences as the reference)", "bbc_dev.jsonl", bbc_transcript, False),
    ):
        records = read_jsonl(args.eval_dir / "summary" / file, args.limit)
        began = time.perf_counter()
        documents = cache.documents(file.split(".")[0], [make(r) for r in records])
        print(f"{file}: {len(records)} records segmented in {time.perf_counter() - began:.1f} s", flush=True)
        results[dataset] = evaluate(file, records, documents, by_words)
        counts[dataset] = len(records)
    text = table(results, counts)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    command = "python benchmarks/summary_quality.py" + (f" --limit {args.limit}" if args.limit else "")
    args.out.write_text(f"# Summary quality\n\nCommand: `{command}`\n\n{text}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
