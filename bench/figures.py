"""What every bench returns: one row of the table `make bench` prints (bench/run.py reads the keys)."""

from __future__ import annotations


def figure(area: str, metric: str, value, unit: str = "", target: str = "") -> dict:
    """A figure of `area`, with its unit and the target it is held to ("" when it is only reported)."""
    return {"area": area, "metric": metric, "value": value, "unit": unit, "target": target}
