"""Per-stage CPU time and words per CPU-second of the pipeline, next to the naive anchor
composition in the same run, per corpus.

Corpora: the bundled samples; meetings (``summary/qmsum_val.jsonl``, QMSum validation);
news (``summary/bbc_dev.jsonl``, BBC development, every k-th article over all categories);
talks (``transcripts/ted_dev.jsonl``, TED development, paragraphs joined). The meetings
and talks reserved for the blind review are left out. For each document, ours then the
naive composition (spaCy full parse + sumy TextRank + YAKE + VADER per sentence,
:mod:`anchors`) on the same cleaned text, one right after the other, so that both see the
same machine load; CPU seconds (``time.process_time``) are summed per stage.

    python benchmarks/speed.py [--eval-dir ../shared/eval] [--qmsum 33] [--bbc 200] [--ted 60]

Writes the table to ``benchmarks/results/speed.md``. The machine may be shared: CPU time
and the same-run ratio are the figures to compare, not wall-clock seconds.
"""

from __future__ import annotations

import argparse
import json
import os
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

#: stage names as Pipeline.last_stage_cpu_seconds reports them, in pipeline order (a
#: stage a revision does not have shows 0)
STAGES = ("ingest", "clean", "segment", "chapters", "summary", "keywords", "sentiment", "parse", "title", "quiz")
RESERVED_TED = frozenset({7, 40, 73, 106, 139, 172, 205, 238, 271, 304, 337, 370})
RESERVED_QMSUM = frozenset({5, 22})

Item = tuple[str, str, "str | None"]  # (id, text, path or None)


def _rows(path: Path, skip: frozenset[int] = frozenset()) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for i, line in enumerate(handle) if line.strip() and i not in skip]


def _spread(rows: list[dict], n: int) -> list[dict]:
    step = len(rows) / max(1, min(n, len(rows)))
    return [rows[int(i * step)] for i in range(min(n, len(rows)))]


def corpora(eval_dir: Path, n_qmsum: int, n_bbc: int, n_ted: int) -> dict[str, list[Item]]:
    samples = ROOT / "resources" / "samples"
    out: dict[str, list[Item]] = {
        "sample talk (srt)": [("talk", "", str(samples / "talk.srt"))],
        "sample podcast (txt)": [("podcast", "", str(samples / "podcast.txt"))],
    }
    if not (eval_dir / "summary" / "qmsum_val.jsonl").exists():
        print(f"note: {eval_dir} not found; only the samples are timed", file=sys.stderr)
        return out
    out["meetings (QMSum validation)"] = [(r["id"], r["text"], None) for r in _spread(_rows(eval_dir / "summary" / "qmsum_val.jsonl", RESERVED_QMSUM), n_qmsum)]
    out["news (BBC development)"] = [(r["id"], r["text"], None) for r in _spread(_rows(eval_dir / "summary" / "bbc_dev.jsonl"), n_bbc)]
    ted = _spread(_rows(eval_dir / "transcripts" / "ted_dev.jsonl", RESERVED_TED), n_ted)
    out["talks (TED development)"] = [(r["id"], "\n\n".join(r["paragraphs"]), None) for r in ted]
    return out


def run_pipeline(nlp: Pipeline, item: Item) -> tuple[dict[str, float], int, str]:
    """CPU seconds per stage, words analysed, and the cleaned text (for the anchors)."""
    _, text, path = item
    began = time.process_time()
    transcript = read_path(path) if path else read_text(text, format="text")
    ingest = time.process_time() - began
    result = nlp.analyze_transcript(transcript)
    seconds = {"ingest": ingest, **nlp.last_stage_cpu_seconds}
    words = sum(len(s.text.split()) for s in result.sentences)
    plain = " ".join(s.text for s in result.sentences)
    return seconds, words, plain


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--qmsum", type=int, default=33, help="QMSum meetings (default: all 33 not reserved)")
    parser.add_argument("--bbc", type=int, default=200, help="BBC articles, spread over the file (default 200)")
    parser.add_argument("--ted", type=int, default=60, help="TED talks, spread over the file (default 60)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "speed.md")
    args = parser.parse_args()

    nlp = Pipeline()
    naive = NaiveComposition()
    warm_up = (ROOT / "resources" / "samples" / "podcast.txt").read_text(encoding="utf-8")
    nlp(warm_up)  # every stage loads its resources lazily: not inside the timed rows
    naive(warm_up)
    rows = []
    for name, items in corpora(args.eval_dir, args.qmsum, args.bbc, args.ted).items():
        totals = dict.fromkeys(STAGES, 0.0)
        words, naive_seconds = 0, 0.0
        for item in items:
            seconds, n, plain = run_pipeline(nlp, item)
            words += n
            for stage in STAGES:
                totals[stage] += seconds.get(stage, 0.0)
            began = time.process_time()
            naive(plain)  # the anchors get the same cleaned text, right after ours
            naive_seconds += time.process_time() - began
        ours = sum(totals.values())
        rows.append((name, len(items), words, totals, ours, naive_seconds))
        print(f"{name}: ours {ours:.2f} CPU-s, naive {naive_seconds:.2f} CPU-s, {naive_seconds / ours:.2f}x", file=sys.stderr)

    stages = [s for s in STAGES if any(r[3][s] for r in rows)]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    command = "python benchmarks/speed.py" + "".join(
        f" --{k} {getattr(args, k)}" for k, default in (("qmsum", 33), ("bbc", 200), ("ted", 60)) if getattr(args, k) != default
    )
    lines = [
        f"# Whole-pipeline speed (transcript-pipeline {__version__}, Python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs shared with other jobs, load average {load:.1f} at the end)",
        "",
        f"Command: `{command}`. CPU seconds (`time.process_time`) per stage, summed over the corpus, one process, model",
        "loaded once; each document's naive composition runs right after ours on the same cleaned text, so both see the",
        "same load. `parse` is the dependency parse + NER of the sentences the title and quiz use.",
        "",
        "| corpus | docs | words | " + " | ".join(stages) + " | total CPU-s | words/CPU-s | naive CPU-s | naive words/CPU-s | speed-up |",
        "|---|---:|---:|" + "---:|" * len(stages) + "---:|---:|---:|---:|---:|",
    ]
    for name, docs, words, totals, ours, naive_s in rows:
        cells = " | ".join(f"{totals[s]:.2f}" for s in stages)
        lines.append(f"| {name} | {docs} | {words:,} | {cells} | {ours:.2f} | {words / ours:,.0f} | {naive_s:.2f} | {words / naive_s:,.0f} | **{naive_s / ours:.2f}x** |")
    lines += [
        "",
        "Share of our CPU time per stage:",
        "",
        "| corpus | " + " | ".join(stages) + " |",
        "|---|" + "---:|" * len(stages),
    ]
    for name, _, _, totals, ours, _ in rows:
        lines.append(f"| {name} | " + " | ".join(f"{totals[s] / ours:.0%}" for s in stages) + " |")
    lines += [
        "",
        "naive = spaCy full parse (en_core_web_sm as it comes) + sumy TextRank (5 sentences) + YAKE (n=3, top 10) + VADER",
        "per sentence, on the same cleaned text (`benchmarks/anchors.py`). Reserved TED talks and QMSum meetings are not used.",
    ]
    table = "\n".join(lines) + "\n"
    print(table)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
