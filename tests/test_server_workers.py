"""pipeline.server.workers: the worker pool's time limit, error mapping and config cache."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from pipeline.config import Config
from pipeline.server.workers import Job, JobFailed, JobTimeout, WorkerPool, _WorkerState

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"


def test_timeout_replaces_the_worker_and_the_pool_keeps_working() -> None:
    long_text = (SAMPLES / "podcast.txt").read_text(encoding="utf-8") * 40

    async def scenario() -> None:
        pool = WorkerPool(Config().to_dict(), workers=1)
        await pool.astart()
        try:
            first_pid = pool.pids[0]
            with pytest.raises(JobTimeout):
                await pool.run(Job(text=long_text), timeout=0.01)
            assert pool.replaced == 1
            # the next job waits for the fresh worker, then succeeds
            out = json.loads(await pool.run(Job(text="Solar power is cheap. Many homes use solar power now."), timeout=300))
            assert out["schema_version"] == "2" and out["sentences"]
            assert pool.pids and pool.pids[0] != first_pid  # the stuck worker was terminated
            with pytest.raises(JobFailed) as info:
                await pool.run(Job(text="   "), timeout=300)
            assert info.value.kind == "input" and "empty" in info.value.message
            # a queued job whose caller goes away is dropped, and the pool stays usable
            task = asyncio.ensure_future(pool.run(Job(text="Solar power is cheap. Homes use it."), timeout=300))
            queued = asyncio.ensure_future(pool.run(Job(text="Never run."), timeout=300))
            await asyncio.sleep(0.05)
            queued.cancel()
            task.cancel()
            out = json.loads(await pool.run(Job(text="Wind power is cheap too. Wind farms grow.", overrides={"quiz.questions": 1}), timeout=300))
            assert len(out["quiz"]) <= 1
            assert pool.idle == 1 and pool.replaced == 1
        finally:
            await pool.aclose()
        assert not pool.pids

    asyncio.run(scenario())


def test_worker_caches_pipelines_per_config_and_shares_the_model(monkeypatch) -> None:
    from pipeline import pipeline as pipeline_module

    monkeypatch.setattr(pipeline_module, "load_model", pipeline_module.load_model)  # restored afterwards
    state = _WorkerState(Config().to_dict(), cache_size=2)
    base = state.pipeline_for({})
    two = state.pipeline_for({"quiz.questions": 2})
    assert two is not base and two.model is base.model  # one spaCy model for both configs
    assert state.pipeline_for({"quiz.questions": 2}) is two
    state.pipeline_for({"quiz.questions": 3})
    assert len(state.pipelines) == 2  # least recently used evicted
    assert json.loads(state.run(Job(text="Solar power is cheap. Homes use solar power.", overrides={"quiz.questions": 2})))["meta"]["config_fingerprint"] == two.config.fingerprint()


def test_serve_command_is_registered(capsys) -> None:
    from pipeline.cli import main

    with pytest.raises(SystemExit) as info:
        main(["serve", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for option in ("--host", "--port", "--workers", "--max-body-mb", "--timeout", "--set"):
        assert option in out
