"""Is the whole JSON output byte-identical at two revisions? (The check that a speed-up
changed no output.)

Each revision is exported with ``git archive`` into a temporary directory (``WORKTREE``
means this checkout as it is, uncommitted changes included) and a fresh process analyses a
fixed corpus with that tree first on ``PYTHONPATH``. Every document's complete JSON
(``Result.to_json()``, or the error it raised) is compared byte for byte.

Corpus (development data only; the talks and meetings reserved for the blind review are
never used): the two bundled samples, ``--bbc`` BBC development articles spread over the
file, the first ``--qmsum`` QMSum validation meetings other than lines 5 and 22, and the
first ``--ted`` TED development talks other than the reserved lines. With ``--pipe`` the
documents also go through ``Pipeline.pipe`` (the batch path), which must give the same
bytes as one call per document.

    python benchmarks/output_identity.py [--base HEAD~1] [--head HEAD|WORKTREE] [--bbc 40] [--qmsum 4] [--ted 8]

Prints one line per document (``same`` / ``DIFFERENT``) and exits with status 1 when any
document differs. To prove one commit output-neutral, compare it with its parent
(``--base C~1 --head C``), not with a moving main.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
#: 0-based lines reserved for the blind review (never analysed here)
RESERVED_TED = frozenset({7, 40, 73, 106, 139, 172, 205, 238, 271, 304, 337, 370})
RESERVED_QMSUM = frozenset({5, 22})


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def build_corpus(eval_dir: Path, n_bbc: int, n_qmsum: int, n_ted: int) -> list[dict[str, str]]:
    """[{id, text | path}] in a fixed order; the samples are read from each revision's tree."""
    rows: list[dict[str, str]] = [{"id": "sample-talk", "path": "resources/samples/talk.srt"}, {"id": "sample-podcast", "path": "resources/samples/podcast.txt"}]
    if not (eval_dir / "summary" / "bbc_dev.jsonl").exists():
        print(f"note: {eval_dir} not found; only the bundled samples are compared", file=sys.stderr)
        return rows
    bbc = read_jsonl(eval_dir / "summary" / "bbc_dev.jsonl")
    step = len(bbc) / max(1, n_bbc)
    rows += [{"id": bbc[int(i * step)]["id"], "text": bbc[int(i * step)]["text"]} for i in range(min(n_bbc, len(bbc)))]
    qmsum = [r for i, r in enumerate(read_jsonl(eval_dir / "summary" / "qmsum_val.jsonl")) if i not in RESERVED_QMSUM]
    rows += [{"id": r["id"], "text": r["text"]} for r in qmsum[:n_qmsum]]
    ted = [r for i, r in enumerate(read_jsonl(eval_dir / "transcripts" / "ted_dev.jsonl")) if i not in RESERVED_TED]
    rows += [{"id": r["id"], "text": "\n\n".join(r["paragraphs"])} for r in ted[:n_ted]]
    return rows


def export(rev: str, target: Path) -> Path:
    """The tree of ``rev`` (or this checkout for ``WORKTREE``) as a directory."""
    if rev == "WORKTREE":
        return ROOT
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def worker(corpus: Path, out: Path, pipe: bool) -> None:
    """(subprocess, run with the revision's tree first on PYTHONPATH) analyse the corpus;
    one JSON line per document: id, and the output or the error."""
    import pipeline
    from pipeline import Pipeline

    print(f"pipeline imported from {Path(pipeline.__file__).parent}", file=sys.stderr)
    rows = read_jsonl(corpus)
    nlp = Pipeline()
    outputs: list[dict[str, str]] = []
    for row in rows:
        try:
            result = nlp.analyze_file(row["path"]) if "path" in row else nlp(row["text"], name=row["id"])
            outputs.append({"id": row["id"], "output": result.to_json()})
        except Exception as exc:  # noqa: BLE001 - an error is output too, compared like the rest
            outputs.append({"id": row["id"], "output": f"{type(exc).__name__}: {exc}"})
    if pipe:
        texts = [r for r in rows if "text" in r]
        try:
            for row, result in zip(texts, nlp.pipe(r["text"] for r in texts)):
                outputs.append({"id": row["id"] + " (pipe)", "output": result.to_json()})
        except Exception as exc:  # noqa: BLE001
            outputs.append({"id": "pipe", "output": f"{type(exc).__name__}: {exc}"})
    with out.open("w", encoding="utf-8") as handle:
        for item in outputs:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")


def first_difference(a: str, b: str) -> str:
    """Where two JSON outputs first differ, as a short path and the two values."""
    try:
        left, right = json.loads(a), json.loads(b)
    except ValueError:
        return f"{a[:80]!r} vs {b[:80]!r}"

    def walk(x: Any, y: Any, path: str) -> str | None:
        if type(x) is not type(y):
            return f"{path}: {x!r:.80} vs {y!r:.80}"
        if isinstance(x, dict):
            for key in sorted(set(x) | set(y)):
                if key not in x or key not in y:
                    return f"{path}.{key}: only in {'head' if key in y else 'base'}"
                found = walk(x[key], y[key], f"{path}.{key}")
                if found:
                    return found
            return None
        if isinstance(x, list):
            for i, (p, q) in enumerate(zip(x, y)):
                found = walk(p, q, f"{path}[{i}]")
                if found:
                    return found
            return f"{path}: {len(x)} vs {len(y)} items" if len(x) != len(y) else None
        return None if x == y else f"{path}: {x!r:.80} vs {y!r:.80}"

    return walk(left, right, "") or "(same values, different bytes)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="HEAD~1", help="git revision (default HEAD~1)")
    parser.add_argument("--head", default="HEAD", help="git revision, or WORKTREE for this checkout as it is (default HEAD)")
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--bbc", type=int, default=40)
    parser.add_argument("--qmsum", type=int, default=4)
    parser.add_argument("--ted", type=int, default=8)
    parser.add_argument("--pipe", action="store_true", help="also run the texts through Pipeline.pipe")
    parser.add_argument("--worker", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker(args.worker[0], args.worker[1], args.pipe)

    with tempfile.TemporaryDirectory(prefix="identity-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus.jsonl"
        rows = build_corpus(args.eval_dir, args.bbc, args.qmsum, args.ted)
        with corpus.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        procs, outs = [], []
        for side, rev in (("base", args.base), ("head", args.head)):
            tree = export(rev, work / side)
            out = work / f"{side}.jsonl"
            env = {**os.environ, "PYTHONPATH": str(tree) + os.pathsep + os.environ.get("PYTHONPATH", ""), "PYTHONHASHSEED": "0"}
            cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", str(corpus), str(out)] + (["--pipe"] if args.pipe else [])
            procs.append(subprocess.Popen(cmd, cwd=tree, env=env))  # both revisions at once
            outs.append(out)
        for proc in procs:
            if proc.wait() != 0:
                raise SystemExit(f"a worker failed (exit {proc.returncode})")
        base, head = (read_jsonl(out) for out in outs)

    different = 0
    for a, b in zip(base, head):
        same = a["output"] == b["output"]
        different += not same
        digest = hashlib.sha256(b["output"].encode("utf-8")).hexdigest()[:12]
        detail = "" if same else "  " + first_difference(a["output"], b["output"])
        print(f"{'same     ' if same else 'DIFFERENT'} {digest} {a['id']}{detail}")
    print(f"\n{args.base} -> {args.head}: {len(base) - different} of {len(base)} documents byte-identical" + (f", {different} DIFFERENT" if different else ""))
    sys.exit(1 if different else 0)


if __name__ == "__main__":
    main()
