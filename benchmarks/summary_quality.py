"""Summary quality: ROUGE-1/2/L F1 (rouge-score, stemming on) of this project's summary
stage against sumy TextRank, sumy LexRank and lead-k, all on the same sentence split.

* BBC News dev (``summary/bbc_dev.jsonl``): every system returns as many sentences as the
  extractive reference has.
* QMSum validation (``summary/qmsum_val.jsonl``): at most as many words as the reference
  summary has (white-space words); sentences that would overflow are skipped.
* TED dev talks (``transcripts/ted_dev.jsonl``, the 12 talks reserved for the blind review
  left out): at most as many words as the published description has, scored against it.

This project's summary is scored on the text it shows (trimmed openers, chunks made whole);
the anchors on the sentences they pick.

    python benchmarks/summary_quality.py                 # full dev files
    python benchmarks/summary_quality.py --limit 50      # first 50 records of each file
    python benchmarks/summary_quality.py --systems default "sumy TextRank" --datasets ted

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
    ted_records,
    ted_transcript,
)

from pipeline.config import SummaryConfig
from pipeline.summary import Summarizer
from pipeline.types import Document

#: a system returns the texts of its summary, in the order shown
System = Callable[[Document, "int | None", "int | None"], list[str]]


def ours(**overrides) -> System:
    def run(document: Document, k: int | None, max_words: int | None) -> list[str]:
        summarizer = Summarizer(SummaryConfig(sentences=k, max_words=max_words, **overrides))
        return [item.text for item in summarizer(document)]

    return run


def sumy_system(kind: str) -> System:
    def run(document: Document, k: int | None, max_words: int | None) -> list[str]:
        return _texts(document, fill(sumy_order(kind, document), document, k=k, max_words=max_words))

    return run


def lead(document: Document, k: int | None, max_words: int | None) -> list[str]:
    return _texts(document, fill(range(len(document.sentences)), document, k=k, max_words=max_words))


def _texts(document: Document, chosen: list[int]) -> list[str]:
    return [document.sentences[i].text for i in chosen]


SYSTEMS: dict[str, System] = {
    "this project (default)": ours(),
    "this project, similarity=sumy": ours(similarity="sumy"),
    "sumy TextRank": sumy_system("textrank"),
    "sumy LexRank": sumy_system("lexrank"),
    "lead-k": lead,
}


def evaluate(name: str, records: list[dict], documents: list[Document], by_words: bool, reference: str, systems: list[str]) -> dict[str, dict[str, float]]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    out: dict[str, dict[str, float]] = {}
    for system_name, system in SYSTEMS.items():
        if system_name not in systems:
            continue
        totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
        seconds = 0.0
        for record, document in zip(records, documents):
            if by_words:
                k, max_words = None, len(record[reference].split())
            else:
                k, max_words = max(1, len(record["reference_sentences"])), None
            began = time.perf_counter()
            shown = system(document, k, max_words)
            seconds += time.perf_counter() - began
            prediction = " ".join(shown)
            scores = scorer.score(record[reference], prediction)
            for key in totals:
                totals[key] += scores[key].fmeasure
        n = max(1, len(records))
        out[system_name] = {key: 100.0 * value / n for key, value in totals.items()} | {"seconds": seconds}
        print(f"  {name}: {system_name} done ({seconds:.1f} s)", flush=True)
    return out


def table(results: dict[str, dict[str, dict[str, float]]], counts: dict[str, int]) -> str:
    lines = []
    for dataset, rows in results.items():
        anchor = rows.get("sumy TextRank", next(iter(rows.values())))
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
    parser.add_argument("--systems", nargs="*", default=None, help="a subset of the systems (\"default\" = this project's default)")
    parser.add_argument("--datasets", nargs="*", default=None, choices=("qmsum", "bbc", "ted"), help="a subset of the data sets")
    args = parser.parse_args()
    aliases = {"default": "this project (default)"}
    systems = [aliases.get(s, s) for s in args.systems] if args.systems else list(SYSTEMS)

    cache = DocumentCache(args.cache)
    results: dict[str, dict[str, dict[str, float]]] = {}
    counts: dict[str, int] = {}
    for key, dataset, file, make, by_words, reference in (
        ("qmsum", "QMSum validation (at most as many words as the reference)", "summary/qmsum_val.jsonl", qmsum_transcript, True, "reference_summary"),
        ("bbc", "BBC News dev (as many sentences as the reference)", "summary/bbc_dev.jsonl", bbc_transcript, False, "reference_summary"),
        ("ted", "TED dev talks (at most as many words as the published description; 12 review talks left out)", "transcripts/ted_dev.jsonl", ted_transcript, True, "description"),
    ):
        if args.datasets and key not in args.datasets:
            continue
        path = args.eval_dir / file
        records = ted_records(path, args.limit) if key == "ted" else read_jsonl(path, args.limit)
        began = time.perf_counter()
        documents = cache.documents(Path(file).stem, [make(r) for r in records])
        print(f"{file}: {len(records)} records segmented in {time.perf_counter() - began:.1f} s", flush=True)
        results[dataset] = evaluate(file, records, documents, by_words, reference, systems)
        counts[dataset] = len(records)
    text = table(results, counts)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    command = "python benchmarks/summary_quality.py" + (f" --limit {args.limit}" if args.limit else "")
    if args.systems:
        command += " --systems " + " ".join(f'"{s}"' for s in args.systems)
    if args.datasets:
        command += " --datasets " + " ".join(args.datasets)
    args.out.write_text(f"# Summary quality\n\nCommand: `{command}`\n\n{text}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
