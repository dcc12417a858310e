"""Batch throughput: documents/s and words/s of ``transcript-pipeline batch`` with 1 and 2
workers, next to the naive composition of the anchor tools, plus length scaling.

Corpus: 500 BBC articles (every ~2.66th of ``summary/bbc_dev.jsonl``, all five
categories), the 33 QMSum meetings of ``summary/qmsum_val.jsonl`` and 40 TED talks spread
over ``transcripts/ted_dev.jsonl`` (the meetings and talks reserved for the blind review
left out), written as one JSON Lines file. In the same run:

* ours: ``python -m pipeline batch corpus.jsonl --workers N`` in a fresh process for
  N = 1 and 2 (model loading included); results.jsonl of both must be byte-identical;
* naive: spaCy full parse + sumy TextRank + YAKE + VADER per sentence
  (``benchmarks/anchors.py``) over the same texts in one fresh process;
* length scaling: one text (a QMSum meeting cut to ~2,000 words) at 1x, 4x and 16x its
  length, through one Pipeline.

Words are whitespace words of the input texts (the same count for every system). CPU
seconds come from ``getrusage(RUSAGE_CHILDREN)`` and include every worker process; the
machine is shared, so words per CPU-second is the fair per-core figure and wall-clock
rates are reported beside it. Peak memory is each worker's VmHWM.

    python benchmarks/throughput.py [--eval-dir ../shared/eval] [--limit N] [--bbc 500] [--qmsum 33] [--ted 40] [--skip-naive]

Writes the table to ``benchmarks/results/throughput.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


# ---- corpus -----------------------------------------------------------------------------------


#: 0-based lines reserved for the blind review (left out)
RESERVED_TED = frozenset({7, 40, 73, 106, 139, 172, 205, 238, 271, 304, 337, 370})
RESERVED_QMSUM = frozenset({5, 22})


def _spread(rows: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    step = len(rows) / max(1, n)
    return [rows[int(i * step)] for i in range(min(n, len(rows)))]


def build_corpus(eval_dir: Path, n_bbc: int, n_qmsum: int, n_ted: int, target: Path) -> tuple[int, int, dict[str, int]]:
    """Write the corpus; returns (documents, words, documents per source)."""

    def read(path: Path, skip: frozenset[int] = frozenset()) -> list[dict[str, Any]]:
        return [json.loads(line) for i, line in enumerate(path.open(encoding="utf-8")) if line.strip() and i not in skip]

    bbc = _spread(read(eval_dir / "summary" / "bbc_dev.jsonl"), n_bbc)
    qmsum = read(eval_dir / "summary" / "qmsum_val.jsonl", RESERVED_QMSUM)[:n_qmsum]
    ted = _spread(read(eval_dir / "transcripts" / "ted_dev.jsonl", RESERVED_TED), n_ted)
    rows = [{"id": r["id"], "text": r["text"]} for r in bbc + qmsum] + [{"id": r["id"], "text": "\n\n".join(r["paragraphs"])} for r in ted]
    with target.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows), sum(len(r["text"].split()) for r in rows), {"BBC articles": len(bbc), "QMSum meetings": len(qmsum), "TED talks": len(ted)}


# ---- measured subprocesses --------------------------------------------------------------------


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_measured(cmd: list[str]) -> tuple[float, float, str]:
    """Run ``cmd``; returns (wall seconds, CPU seconds of it and its children, stdout)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    cpu0, began = _children_cpu(), time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - began, _children_cpu() - cpu0
    if proc.returncode not in (0, 3):
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr}")
    return wall, cpu, proc.stdout


def ours(corpus: Path, out: Path, workers: int) -> dict[str, Any]:
    wall, cpu, _ = run_measured([sys.executable, "-m", "pipeline", "batch", str(corpus), "--out", str(out), "--workers", str(workers), "--no-progress"])
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return {
        "wall": wall,
        "run_seconds": manifest["timings"]["seconds"],
        "cpu": cpu,
        "peak_mb": max(manifest["peak_rss_mb_per_worker"] or [0.0]),
        "results": manifest["counts"]["results_total"],
        "errors": manifest["counts"]["errors_total"],
    }


def naive_worker(corpus: Path) -> None:
    """(subprocess) the naive composition over the corpus; prints JSON timings."""
    from anchors import NaiveComposition

    from pipeline.batch.worker import peak_rss_mb

    naive = NaiveComposition()
    naive("Warm up the anchors. They load lazily.")
    began = time.perf_counter()
    n = 0
    for line in corpus.open(encoding="utf-8"):
        naive(json.loads(line)["text"])
        n += 1
    print(json.dumps({"seconds": time.perf_counter() - began, "docs": n, "peak_mb": peak_rss_mb()}))


def scaling_worker(eval_dir: Path) -> None:
    """(subprocess) one text at 1x, 4x, 16x through one Pipeline; prints JSON timings."""
    from pipeline import Pipeline

    meeting = json.loads((eval_dir / "summary" / "qmsum_val.jsonl").open(encoding="utf-8").readline())["text"]
    lines, words = [], 0
    for line in meeting.splitlines():
        lines.append(line)
        words += len(line.split())
        if words >= 2000:
            break
    base = "\n".join(lines)
    nlp = Pipeline()
    nlp(base)  # warm up
    out = []
    for factor in (1, 4, 16):
        text = "\n".join([base] * factor)
        best_wall, best_cpu = float("inf"), float("inf")
        for _ in range(2 if factor < 16 else 1):
            cpu0, began = time.process_time(), time.perf_counter()
            nlp(text)
            best_wall = min(best_wall, time.perf_counter() - began)
            best_cpu = min(best_cpu, time.process_time() - cpu0)
        out.append({"factor": factor, "words": len(text.split()), "wall": best_wall, "cpu": best_cpu})
    print(json.dumps(out))


# ---- report -----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--limit", type=int, default=None, help="quick run: N BBC articles, max(1, N // 15) meetings and max(1, N // 12) talks")
    parser.add_argument("--bbc", type=int, default=500, help="BBC articles in the corpus (default 500)")
    parser.add_argument("--qmsum", type=int, default=33, help="QMSum meetings in the corpus (default all 33 not reserved)")
    parser.add_argument("--ted", type=int, default=40, help="TED talks in the corpus (default 40)")
    parser.add_argument("--skip-naive", action="store_true", help="do not run the naive composition")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "throughput.md")
    parser.add_argument("--naive-worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--scaling-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.naive_worker:
        return naive_worker(args.naive_worker)
    if args.scaling_worker:
        return scaling_worker(args.eval_dir)
    if not (args.eval_dir / "summary" / "bbc_dev.jsonl").exists():
        raise SystemExit(f"eval data not found in {args.eval_dir} (use --eval-dir)")

    n_bbc, n_qmsum, n_ted = (args.bbc, args.qmsum, args.ted) if args.limit is None else (args.limit, max(1, args.limit // 15), max(1, args.limit // 12))
    with tempfile.TemporaryDirectory(prefix="throughput-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus.jsonl"
        docs, words, parts = build_corpus(args.eval_dir, n_bbc, n_qmsum, n_ted, corpus)
        print(f"corpus: {docs} documents ({parts}), {words:,} words", file=sys.stderr)
        runs = {}
        for workers in (1, 2):
            runs[workers] = ours(corpus, work / f"w{workers}", workers)
            print(f"ours, {workers} worker(s): {runs[workers]}", file=sys.stderr)
        identical = (work / "w1" / "results.jsonl").read_bytes() == (work / "w2" / "results.jsonl").read_bytes()
        identical = identical and (work / "w1" / "errors.jsonl").read_bytes() == (work / "w2" / "errors.jsonl").read_bytes()
        naive = None
        if not args.skip_naive:
            wall, cpu, stdout = run_measured([sys.executable, str(Path(__file__).resolve()), "--naive-worker", str(corpus)])
            naive = {**json.loads(stdout.strip().splitlines()[-1]), "wall": wall, "cpu": cpu}
            print(f"naive: {naive}", file=sys.stderr)
        _, _, stdout = run_measured([sys.executable, str(Path(__file__).resolve()), "--scaling-worker", "--eval-dir", str(args.eval_dir)])
        scaling = json.loads(stdout.strip().splitlines()[-1])
        print(f"scaling: {scaling}", file=sys.stderr)

    table = report(args, docs, words, parts, runs, naive, scaling, identical)
    print(table)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(table, encoding="utf-8")


def report(args: argparse.Namespace, docs: int, words: int, parts: dict[str, int], runs: dict[int, dict[str, Any]], naive: dict[str, Any] | None, scaling: list[dict[str, Any]], identical: bool) -> str:
    from pipeline import __version__

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    cmd = "python benchmarks/throughput.py" + (f" --limit {args.limit}" if args.limit else "")
    if args.limit is None and (args.bbc, args.qmsum, args.ted) != (500, 33, 40):
        cmd += f" --bbc {args.bbc} --qmsum {args.qmsum} --ted {args.ted}"
    lines = [
        f"# Batch throughput (transcript-pipeline {__version__}, Python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs shared with other jobs, load average {load:.1f} at the end)",
        "",
        f"Command: `{cmd}`. Corpus: {docs} documents ({', '.join(f'{n} {kind}' for kind, n in parts.items())}), {words:,} words.",
        "Wall = whole command including start-up and model loading; CPU = user+system seconds of all its processes.",
        "",
        "| system | docs/s (wall) | words/s (wall) | words per CPU-second | peak MB per worker | vs. naive (words/CPU-s) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    naive_rate = words / naive["cpu"] if naive else None
    for workers, run in runs.items():
        rate = words / run["cpu"]
        ratio = f"{rate / naive_rate:.1f}x" if naive_rate else "n/a"
        lines.append(
            f"| ours, --workers {workers} | {docs / run['wall']:.2f} | {words / run['wall']:,.0f} | {rate:,.0f} | {run['peak_mb']:.0f} | {ratio} |"
        )
    if naive:
        lines.append(
            f"| naive composition (1 process) | {docs / naive['wall']:.2f} | {words / naive['wall']:,.0f} | {naive_rate:,.0f} | {naive['peak_mb']:.0f} | 1.0x |"
        )
    speedup = runs[1]["wall"] / runs[2]["wall"]
    lines += [
        "",
        f"- 2 workers vs. 1 (wall): **{speedup:.2f}x** (target >= 1.7x); results.jsonl and errors.jsonl byte-identical: **{'yes' if identical else 'NO'}**.",
        f"- CPU seconds: {runs[1]['cpu']:.1f} with 1 worker, {runs[2]['cpu']:.1f} with 2 (parallel overhead {runs[2]['cpu'] / runs[1]['cpu'] - 1:+.0%}: the second model load and process start-up); "
        f"with 2 idle cores the wall-clock speed-up is bounded by {runs[1]['cpu'] / (runs[2]['cpu'] / 2):.2f}x.",
        f"- Results: {runs[1]['results']} results, {runs[1]['errors']} errors.",
    ]
    if naive_rate:
        lines.append(f"- Words per CPU-second vs. the naive composition: **{words / runs[1]['cpu'] / naive_rate:.2f}x** with 1 worker (target >= 3x, moonshot 5x; per corpus and per stage: `benchmarks/results/speed.md`).")
    lines += [
        "",
        "Length scaling (one text, ~2,000 words, repeated; one Pipeline, model loaded):",
        "",
        "| length | words | wall s | CPU s | CPU time / 1x |",
        "|---|---:|---:|---:|---:|",
    ]
    base_cpu = scaling[0]["cpu"]
    for row in scaling:
        lines.append(f"| {row['factor']}x | {row['words']:,} | {row['wall']:.2f} | {row['cpu']:.2f} | {row['cpu'] / base_cpu:.1f}x |")
    lines += [
        "",
        f"- 16x length takes **{scaling[-1]['cpu'] / base_cpu:.1f}x** the CPU time of 1x (target <= 18x).",
        "",
        "naive = spaCy full parse (all en_core_web_sm components) + sumy TextRank (5 sentences) + YAKE (n=3, top 10) + VADER per sentence (`benchmarks/anchors.py`), on the same texts.",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
