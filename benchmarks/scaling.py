"""Time and peak memory of one analysis as the transcript grows, and on pathological shapes.

Each run is a fresh Python process (so ``ru_maxrss`` is that run's peak): it loads the
pipeline, analyses a warm-up text, then the measured input, and reports CPU seconds
(``time.process_time``, robust to a busy machine), wall seconds, the resident memory after
loading, and the peak. Lengths: 125,000 characters of TED talks (the dev set minus the
talks reserved for the blind review) times 1, 2, 4, 8, 16 (16x = 2,000,000, the default
``input.max_chars``). The anchor is the 1x run of the same invocation: ``linearity`` is
``(cpu(n) / cpu(1x)) / (n / 1x)`` (1.0 = exactly linear; the target is <= 1.3), and peak
memory must stay under 1.5 GB.

Pathological shapes (each about as long as the biggest regular run allows):
20,000 short sentences; one 200,000-character token inside normal text; a 10,000-line SRT
cue; 240,000 characters of nested JSON read as text (one punctuation "word"); a
2,000,000-character transcript without any punctuation.

    python benchmarks/scaling.py                 # full run, writes benchmarks/results/scaling.md
    python benchmarks/scaling.py --max-factor 4  # quicker: 1x..4x, shapes scaled down to match
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval" / "transcripts" / "ted_dev.jsonl"
RESULTS = ROOT / "benchmarks" / "results" / "scaling.md"
#: 0-based lines of ted_dev.jsonl reserved for the blind review: never used here
RESERVED = frozenset({7, 40, 73, 106, 139, 172, 205, 238, 271, 304, 337, 370})
BASE_CHARS = 125_000
PEAK_LIMIT_MB = 1536
LINEARITY_TARGET = 1.3


# ---- inputs ------------------------------------------------------------------------------


def ted_text(n_chars: int) -> str:
    """``n_chars`` characters of TED talks (paragraphs on their own lines, cycling)."""
    paragraphs: list[str] = []
    with EVAL.open(encoding="utf-8") as handle:
        for i, line in enumerate(handle):
            if i not in RESERVED:
                paragraphs.extend(json.loads(line)["paragraphs"])
    out, size, k = [], 0, 0
    while size < n_chars:
        p = paragraphs[k % len(paragraphs)]
        out.append(p)
        size += len(p) + 1
        k += 1
    return "\n".join(out)[:n_chars]


def shape_text(shape: str, scale: float) -> tuple[str, str]:
    """(text, format) of a pathological shape; ``scale`` 1.0 is the issue's size."""
    if shape == "short-sentences":
        n = int(20_000 * scale)
        return " ".join(f"Point {i} is short." for i in range(n)), "text"
    if shape == "long-token":
        token = "x" * int(200_000 * scale)
        return ted_text(20_000) + " " + token + " " + ted_text(20_000), "text"
    if shape == "long-cue":
        lines = "\n".join(f"This is line {i} of one very long caption cue." for i in range(int(10_000 * scale)))
        return f"1\n00:00:01,000 --> 00:10:00,000\n{lines}\n\n2\n00:10:00,000 --> 00:10:02,000\nThe end.\n", "srt"
    if shape == "nested-json-text":
        return '{"a":' * int(40_000 * scale) + "1" + "}" * int(40_000 * scale), "text"
    if shape == "no-punctuation":
        text = ted_text(int(2_000_000 * scale)).lower()
        return "".join(c for c in text if c.isalnum() or c.isspace()), "text"
    raise ValueError(shape)


# ---- one measured run (in a child process) -------------------------------------------------------


def worker(spec: dict) -> None:
    import resource

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from pipeline import Pipeline

    text, fmt = (ted_text(spec["chars"]), "text") if spec["kind"] == "ted" else shape_text(spec["kind"], spec["scale"])
    nlp = Pipeline()
    nlp("Warm up the pipeline. Every stage loads its resources once.")
    loaded_mb = _rss_mb()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    result = nlp(text, format=fmt)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({
        "chars": len(text), "cpu": cpu, "wall": wall, "loaded_mb": loaded_mb, "peak_mb": peak_mb,
        "sentences": len(result.sentences), "stages": {k: round(v, 3) for k, v in sorted(nlp.last_stage_seconds.items())},
    }))


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")  # pragma: no cover - not Linux


def measure(spec: dict) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    proc = subprocess.run([sys.executable, __file__, "--worker", json.dumps(spec)], capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"run {spec} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ---- report ------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-factor", type=int, default=16, help="largest multiple of 125,000 characters (default 16)")
    parser.add_argument("--factors", help="comma-separated multiples to run instead of 1,2,4,8,16 up to --max-factor (1 is always run: it is the anchor)")
    parser.add_argument("--no-shapes", action="store_true", help="only the 1x..Nx runs")
    parser.add_argument("--output", type=Path, default=RESULTS, help="results file (Markdown)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(json.loads(args.worker))
        return
    if not EVAL.is_file():
        sys.exit(f"needs {EVAL} (../shared/eval)")
    factors = [f for f in (1, 2, 4, 8, 16) if f <= args.max_factor]
    if args.factors:
        factors = sorted({1, *(int(f) for f in args.factors.split(","))})
    runs = []
    for factor in factors:
        row = measure({"kind": "ted", "chars": BASE_CHARS * factor})
        row["factor"] = factor
        runs.append(row)
        print(f"{factor:>2}x {row['chars']:>9,} chars  cpu {row['cpu']:7.1f}s  wall {row['wall']:7.1f}s  peak {row['peak_mb']:6.0f} MB", flush=True)
    base = runs[0]
    for row in runs:
        row["linearity"] = (row["cpu"] / base["cpu"]) / (row["chars"] / base["chars"])
    scale = args.max_factor / 16
    shapes = []
    if not args.no_shapes:
        for shape in ("short-sentences", "long-token", "long-cue", "nested-json-text", "no-punctuation"):
            row = measure({"kind": shape, "scale": scale})
            row["shape"] = shape
            # the same length of TED text would take (from the 1x anchor, linearly)
            row["vs_linear_ted"] = row["cpu"] / (base["cpu"] * row["chars"] / base["chars"])
            shapes.append(row)
            print(f"{shape:>16} {row['chars']:>9,} chars  cpu {row['cpu']:7.1f}s  peak {row['peak_mb']:6.0f} MB  ({row['vs_linear_ted']:.2f}x TED-linear)", flush=True)
    text = report(args, runs, shapes)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")


def report(args: argparse.Namespace, runs: list[dict], shapes: list[dict]) -> str:
    lines = [
        "# Scaling: time and peak memory against transcript length",
        "",
        f"`python benchmarks/scaling.py{' --max-factor ' + str(args.max_factor) if args.max_factor != 16 else ''}"
        f"{' --factors ' + args.factors if args.factors else ''}{' --no-shapes' if args.no_shapes else ''}` "
        f"(one fresh process per run; CPU seconds from `time.process_time`, peak = `ru_maxrss` of that process, "
        f"which includes the ~{runs[0]['loaded_mb']:.0f} MB of the loaded pipeline). "
        f"Anchor: the 1x run of the same invocation. linearity = (cpu / cpu at 1x) / (length / length at 1x); "
        f"target <= {LINEARITY_TARGET}, peak <= {PEAK_LIMIT_MB} MB. Machine: {os.cpu_count()} cores, shared.",
        "",
        "| factor | characters | sentences | CPU s | wall s | linearity | peak MB |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in runs:
        lines.append(f"| {row['factor']}x | {row['chars']:,} | {row['sentences']:,} | {row['cpu']:.1f} | {row['wall']:.1f} | {row['linearity']:.2f} | {row['peak_mb']:.0f} |")
    if shapes:
        lines += [
            "",
            "Pathological shapes (vs TED-linear: CPU time over what the same length of TED text takes at the 1x rate):",
            "",
            "| shape | characters | sentences | CPU s | wall s | vs TED-linear | peak MB |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for row in shapes:
            lines.append(f"| {row['shape']} | {row['chars']:,} | {row['sentences']:,} | {row['cpu']:.1f} | {row['wall']:.1f} | {row['vs_linear_ted']:.2f} | {row['peak_mb']:.0f} |")
    worst = max(runs[1:] or runs, key=lambda r: r["linearity"])  # the 1x anchor is 1.00 by definition
    peak = max([*runs, *shapes], key=lambda r: r["peak_mb"])
    lines += [
        "",
        f"Worst linearity: {worst['linearity']:.2f} at {worst['factor']}x ({'meets' if worst['linearity'] <= LINEARITY_TARGET else 'misses'} the {LINEARITY_TARGET} target). "
        f"Highest peak: {peak['peak_mb']:.0f} MB ({'under' if peak['peak_mb'] <= PEAK_LIMIT_MB else 'over'} {PEAK_LIMIT_MB} MB).",
        "",
        "Stage wall seconds of the largest run: " + ", ".join(f"{k} {v:.1f}" for k, v in runs[-1]["stages"].items()) + ".",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
