"""The model is named the same everywhere: results, /v1/version, batch manifests."""

from __future__ import annotations

from pipeline import Pipeline
from pipeline.config import Config
from pipeline.model import describe_model


def test_describe_model_names_the_package_that_loads():
    config = Config()
    assert describe_model(config.model) == Pipeline(config).model.name
    assert describe_model("/no/such/model/dir") == "/no/such/model/dir"
