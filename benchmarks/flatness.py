"""Does the per-document cost stay flat across a long batch? (A cache that is scanned
whole for every document, say, makes the 500th document slower than the first.)

500 BBC development articles (every ~2.66th of ``summary/bbc_dev.jsonl``, then shuffled
with a fixed seed so that every block of 100 mixes the five categories) go through one
Pipeline in one process, as a batch worker runs them. The CPU time of each document
(``time.process_time``) is summed per block of 100 and divided by the block's words. With
``--rev`` the same is measured at other git revisions too (exported with ``git archive``,
run with that tree first on ``PYTHONPATH``), e.g. the code before the speed work.

    python benchmarks/flatness.py [--docs 500] [--rev c9255dc]

Writes ``benchmarks/results/flatness.md``. Target: the last 100 documents not slower per
word than the first 100.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLOCK = 100


def corpus(eval_dir: Path, n: int) -> list[str]:
    with (eval_dir / "summary" / "bbc_dev.jsonl").open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    step = len(rows) / n
    texts = [rows[int(i * step)]["text"] for i in range(min(n, len(rows)))]
    random.Random(0).shuffle(texts)
    return texts


def worker(eval_dir: Path, n: int) -> None:
    """(subprocess) CPU seconds and words of each document, in order, as JSON."""
    sys.path.insert(0, os.getcwd())
    from pipeline import Pipeline

    nlp = Pipeline()
    nlp("Warm up the pipeline. It loads lazily.")
    out = []
    for text in corpus(eval_dir, n):
        began = time.process_time()
        nlp(text)
        out.append((time.process_time() - began, len(text.split())))
    print(json.dumps(out))


def measure(tree: Path, eval_dir: Path, n: int) -> list[tuple[float, int]]:
    env = {**os.environ, "PYTHONPATH": str(tree) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", "--docs", str(n), "--eval-dir", str(eval_dir)], cwd=tree, env=env, capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(proc.stderr)
    return [tuple(x) for x in json.loads(proc.stdout.strip().splitlines()[-1])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--rev", action="append", default=[], help="also measure this git revision (repeatable)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "flatness.md")
    args = parser.parse_args()
    if args.worker:
        return worker(args.eval_dir, args.docs)
    if not (args.eval_dir / "summary" / "bbc_dev.jsonl").exists():
        raise SystemExit(f"eval data not found in {args.eval_dir} (use --eval-dir)")

    runs: dict[str, list[tuple[float, int]]] = {}
    with tempfile.TemporaryDirectory(prefix="flatness-") as tmp:
        for rev in ["this checkout", *args.rev]:
            tree = ROOT
            if rev != "this checkout":
                tree = Path(tmp) / rev
                tree.mkdir()
                archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev], check=True, capture_output=True).stdout
                subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
            runs[rev] = measure(tree, args.eval_dir, args.docs)
            print(f"{rev}: {sum(c for c, _ in runs[rev]):.1f} CPU-s", file=sys.stderr)

    blocks = range(0, args.docs, BLOCK)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        f"# Per-document cost across a batch (Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs shared with other jobs, load average {load:.1f} at the end)",
        "",
        f"Command: `python benchmarks/flatness.py --docs {args.docs}{''.join(' --rev ' + r for r in args.rev)}`. {args.docs} BBC development articles (shuffled, seed 0) through",
        "one Pipeline in one process. CPU milliseconds per 100 words of each block of 100 documents, in batch order.",
        "",
        "| code | " + " | ".join(f"docs {b + 1}-{min(b + BLOCK, args.docs)}" for b in blocks) + " | last / first |",
        "|---|" + "---:|" * (len(blocks) + 1),
    ]
    for rev, costs in runs.items():
        rates = []
        for b in blocks:
            part = costs[b : b + BLOCK]
            rates.append(1000 * sum(c for c, _ in part) / sum(w for _, w in part) * 100)
        lines.append(f"| {rev} | " + " | ".join(f"{r:.1f}" for r in rates) + f" | **{rates[-1] / rates[0]:.2f}** |")
    lines += ["", "Target: last / first <= 1.00 (the last 100 documents not slower per word than the first 100)."]
    table = "\n".join(lines) + "\n"
    print(table)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
