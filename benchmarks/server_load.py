"""Load test of ``transcript-pipeline serve`` on 127.0.0.1 (bounded in time and count).

Starts the server (``--workers`` processes), warms it up, then runs ``--clients`` concurrent
clients posting the sample transcript to ``POST /v1/analyze`` for ``--duration`` seconds or
``--limit`` requests, whichever comes first. Reports requests/s, p50/p95/max latency, the
error count, and the server's memory (server + workers, RSS) before, after and after a
second identical round, to show it does not keep growing.

Anchor, measured in the same run: the same transcript analysed in-process by one
``Pipeline`` in a loop (no HTTP, one process), i.e. what a caller gets without the server.

    python benchmarks/server_load.py                      # 8 clients x 30 s, 2 workers
    python benchmarks/server_load.py --duration 5 --limit 50   # quick run

Only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"  # never anything else


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree(pid: int) -> list[int]:
    pids = [pid]
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                pids.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return pids


def server_rss_mib(pid: int) -> float:
    """Resident memory of the server and its worker processes, MiB."""
    return sum(_rss_kib(p) for p in _tree(pid)) / 1024


def start_server(workers: int, log: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH")))))
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "serve", "--host", HOST, "--port", str(port), "--workers", str(workers), "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )
    url = f"http://{HOST}:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited ({proc.returncode}); see {log}")
        try:
            if httpx.get(url + "/v1/health", timeout=2).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start within 180 s")


async def load(url: str, body: dict, clients: int, duration: float, limit: int) -> dict:
    latencies: list[float] = []
    errors = 0
    sent = 0
    stop_at = time.monotonic() + duration

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal errors, sent
        while time.monotonic() < stop_at and sent < limit:
            sent += 1
            t0 = time.perf_counter()
            try:
                response = await http.post("/v1/analyze", json=body)
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            latencies.append(time.perf_counter() - t0)
            errors += 0 if ok else 1

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=300, limits=limits) as http:
        t0 = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(clients)))
        elapsed = time.perf_counter() - t0
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": errors,
        "seconds": elapsed,
        "rps": len(latencies) / elapsed if elapsed else 0.0,
        "p50": statistics.median(latencies) if latencies else float("nan"),
        "p95": latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))] if latencies else float("nan"),
        "max": latencies[-1] if latencies else float("nan"),
    }


def direct_baseline(text: str, fmt: str, seconds: float, limit: int) -> dict:
    sys.path.insert(0, str(ROOT))
    from pipeline import Pipeline

    nlp = Pipeline()
    nlp(text, format=fmt)  # warm-up
    times = []
    t_end = time.monotonic() + seconds
    while time.monotonic() < t_end and len(times) < limit:
        t0 = time.perf_counter()
        nlp(text, format=fmt)
        times.append(time.perf_counter() - t0)
    times.sort()
    return {"requests": len(times), "rps": len(times) / sum(times), "p50": statistics.median(times), "p95": times[min(len(times) - 1, int(0.95 * len(times)))]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds per round (default 30)")
    parser.add_argument("--limit", type=int, default=5000, help="at most this many requests per round")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes (default 2 = this machine's cores)")
    parser.add_argument("--input", type=Path, default=ROOT / "resources" / "samples" / "talk.srt")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "server_load.md")
    args = parser.parse_args(argv)

    text = args.input.read_text(encoding="utf-8")
    fmt = {".srt": "srt", ".vtt": "vtt", ".json": "json"}.get(args.input.suffix, "text")
    body = {"text": text, "format": fmt}
    log = Path(tempfile.gettempdir()) / "transcript_pipeline_server_load.log"  # server output, for debugging
    proc, url = start_server(args.workers, log)
    try:
        asyncio.run(load(url, body, args.clients, 10.0, 2 * args.workers))  # warm-up: every worker once
        mem_before = server_rss_mib(proc.pid)
        first = asyncio.run(load(url, body, args.clients, args.duration, args.limit))
        mem_after = server_rss_mib(proc.pid)
        second = asyncio.run(load(url, body, args.clients, args.duration, args.limit))
        mem_after2 = server_rss_mib(proc.pid)
        single = asyncio.run(load(url, body, 1, min(args.duration, 20.0), args.limit))  # HTTP + IPC overhead
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
    direct = direct_baseline(text, fmt, min(args.duration, 20.0), args.limit)

    size_kb = len(text.encode("utf-8")) / 1024
    load_avg = os.getloadavg()[0]
    rows = [
        ("server, round 1", first),
        ("server, round 2", second),
        ("server, 1 client", single),
    ]
    lines = [
        f"# Server load: {args.clients} concurrent clients, {args.workers} workers, {args.input.name} ({size_kb:.0f} KB)",
        "",
        f"Command: `python benchmarks/server_load.py --clients {args.clients} --duration {args.duration:g} --workers {args.workers}"
        f" --limit {args.limit}` on {os.cpu_count()} cores shared with other jobs (1-min load average at the end: {load_avg:.1f}); 127.0.0.1 only.",
        "",
        "| run (clients) | requests | errors | requests/s | p50 latency (s) | p95 latency (s) | max (s) | vs in-process |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, r in rows:
        lines.append(f"| {name} | {r['requests']} | {r['errors']} | {r['rps']:.2f} | {r['p50']:.3f} | {r['p95']:.3f} | {r['max']:.3f} | {r['rps'] / direct['rps']:.2f}x |")
    lines.append(f"| anchor: one in-process `Pipeline`, sequential | {direct['requests']} | 0 | {direct['rps']:.2f} | {direct['p50']:.3f} | {direct['p95']:.3f} | | 1.00x |")
    lines += [
        "",
        "| server memory (server + workers, RSS) | MiB |",
        "| --- | ---: |",
        f"| after warm-up | {mem_before:.0f} |",
        f"| after round 1 | {mem_after:.0f} |",
        f"| after round 2 | {mem_after2:.0f} |",
        f"| growth over round 2 | {mem_after2 - mem_after:+.0f} |",
        "",
    ]
    table = "\n".join(lines)
    print(table)
    existing = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    notes = existing.split("<!-- notes -->", 1)[1] if "<!-- notes -->" in existing else ""
    args.out.write_text(table + ("\n<!-- notes -->" + notes if notes else ""), encoding="utf-8")
    errors = first["errors"] + second["errors"]
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
