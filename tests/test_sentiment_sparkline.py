"""Tests for pipeline/render/sparkline.py (the Markdown tone timeline)."""

from __future__ import annotations

from pipeline.render.sparkline import BLOCKS, sparkline


def test_extremes_and_middle():
    assert sparkline([-1.0, 0.0, 1.0]) == "▁▅█"
    assert sparkline([]) == ""


def test_monotone_and_clamped():
    line = sparkline([-5.0, -0.6, -0.2, 0.2, 0.6, 5.0])
    assert [BLOCKS.index(c) for c in line] == sorted(BLOCKS.index(c) for c in line)
    assert line[0] == BLOCKS[0] and line[-1] == BLOCKS[-1]


def test_custom_range_and_odd_values():
    assert sparkline([0.0, 10.0], lo=0.0, hi=10.0) == BLOCKS[0] + BLOCKS[-1]
    assert sparkline([float("nan"), float("inf")]) == "  "
    assert sparkline([1.0, 2.0], lo=1.0, hi=1.0) == BLOCKS[3] * 2


def test_one_char_per_value_deterministic():
    values = [i / 50 - 1 for i in range(101)]
    assert len(sparkline(values)) == 101
    assert sparkline(values) == sparkline(list(values))
