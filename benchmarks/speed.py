"""Per-stage time and words/second of the pipeline, next to the naive anchor composition.

Inputs: the bundled samples and the long meeting transcripts of
``../shared/eval/summary/qmsum_val.jsonl`` (35 meetings). For each corpus it prints
seconds per stage (ingest, clean, segment, summary, keywords, sentiment, title, quiz), the
pipeline's words/second, and the naive composition's (spaCy full parse + sumy TextRank +
YAKE + VADER per sentence, :mod:`anchors`) in the same run, with the speed ratio.

    python benchmarks/speed.py [--eval-dir ../shared/eval] [--limit N] [--repeat 3]

Writes the table to ``benchmarks/results/speed.md``. Wall-clock seconds on this machine;
the ratio is the figure to compare across machines.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from anchors import NaiveComposition  # noqa: E402

from pipeline import Pipeline, __version__  # noqa: E402
from pipeline.ingest import read_path, read_text  # noqa: E402

STAGES = ("ingest", "clean", "segment", "summary", "keywords", "sentiment", "parse", "title", "quiz")


def corpora(eval_dir: Path, limit: int | None) -> dict[str, list[tuple[str, str, str | None]]]:
    """name -> [(id, text, path or None)]."""
    samples = ROOT / "resources" / "samples"
    out: dict[str, list[tuple[str, str, str | None]]] = {
        "sample talk (srt)": [("talk", "", str(samples / "talk.srt"))],
        "sample podcast (txt)": [("podcast", "", str(samples / "podcast.txt"))],
    }
    qmsum = eval_dir / "summary" / "qmsum_val.jsonl"
    if qmsum.exists():
        rows = [json.loads(line) for line in qmsum.open(encoding="utf-8") if line.strip()]
        out["QMSum meetings"] = [(r["id"], r["text"], None) for r in rows[:limit]]
    else:
        print(f"note: {qmsum} not found; QMSum rows skipped", file=sys.stderr)
    return out


def run_pipeline(nlp: Pipeline, item: tuple[str, str, str | None]) -> tuple[dict[str, float], int, str]:
    _, text, path = item
    began = time.perf_counter()
    transcript = read_path(path) if path else read_text(text, format="text")
    ingest = time.perf_counter() - began
    result = nlp.analyze_transcript(transcript)
    seconds = {"ingest": ingest, **nlp.last_stage_seconds}
    words = sum(len(s.text.split()) for s in result.sentences)
    plain = " ".join(s.text for s in result.sentences)
    return seconds, words, plain


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--limit", type=int, default=None, help="at most N QMSum meetings (default: all 35)")
    parser.add_argument("--repeat", type=int, default=1, help="time each corpus N times, keep the fastest")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "speed.md")
    args = parser.parse_args()

    nlp = Pipeline()
    naive = NaiveComposition()
    nlp("Warm up the pipeline. It loads lazily.")
    naive("Warm up the anchors. They load lazily.")
    rows = []
    for name, items in corpora(args.eval_dir, args.limit).items():
        best_ours, best_naive, stage_totals, words = None, None, None, 0
        for _ in range(args.repeat):
            totals = dict.fromkeys(STAGES, 0.0)
            words = 0
            plains = []
            for item in items:
                seconds, n, plain = run_pipeline(nlp, item)
                words += n
                plains.append(plain)
                for stage in STAGES:
                    totals[stage] += seconds.get(stage, 0.0)
            ours = sum(totals.values())
            began = time.perf_counter()
            for plain in plains:  # the anchors get the same cleaned text
                naive(plain)
            naive_seconds = time.perf_counter() - began
            if best_ours is None or ours < best_ours:
                best_ours, stage_totals = ours, totals
            best_naive = naive_seconds if best_naive is None else min(best_naive, naive_seconds)
        rows.append((name, len(items), words, stage_totals, best_ours, best_naive))
        print(f"{name}: ours {best_ours:.2f}s, naive {best_naive:.2f}s", file=sys.stderr)

    lines = [
        f"# Whole-pipeline speed (transcript-pipeline {__version__}, Python {platform.python_version()}, "
        f"{platform.machine()}, command: `python benchmarks/speed.py{' --limit ' + str(args.limit) if args.limit else ''}`)",
        "",
        "Seconds per stage, summed over the corpus (wall clock, one process, model loaded once). `parse` is the\ndependency parse + NER of the sentences the title and quiz use.",
        "",
        "| corpus | docs | words | " + " | ".join(STAGES) + " | total s | words/s | naive s | naive words/s | speed-up |",
        "|---|---:|---:|" + "---:|" * len(STAGES) + "---:|---:|---:|---:|---:|",
    ]
    for name, docs, words, totals, ours, naive_s in rows:
        cells = " | ".join(f"{totals[s]:.3f}" for s in STAGES)
        lines.append(
            f"| {name} | {docs} | {words} | {cells} | {ours:.2f} | {words / ours:,.0f} | {naive_s:.2f} | "
            f"{words / naive_s:,.0f} | {naive_s / ours:.1f}x |"
        )
    lines += ["", "naive = spaCy full parse + sumy TextRank + YAKE (n=3) + VADER per sentence, on the same cleaned text (`benchmarks/anchors.py`)."]
    table = "\n".join(lines) + "\n"
    print(table)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
