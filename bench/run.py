"""Run every bench/bench_*.py and print one table of figures against their targets.

Each module exposes `run() -> list[dict]` with keys area, metric, value, unit, target.
"""

from __future__ import annotations

import importlib.util
import sys
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent


def load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    sys.path.insert(0, str(HERE))
    rows, failed = [], []
    for path in sorted(HERE.glob("bench_*.py")):
        try:
            rows.extend(load(path).run())
        except Exception:  # a broken benchmark must not hide the others' figures
            failed.append(path.name)
            traceback.print_exc()
    widths = [10, 52, 12, 6, 10]
    head = ["area", "metric", "value", "unit", "target"]
    print("  ".join(h.ljust(w) for h, w in zip(head, widths)))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        value = r["value"]
        shown = f"{value:.3g}" if isinstance(value, float) else str(value)
        print(
            "  ".join(
                str(c).ljust(w)
                for c, w in zip([r["area"], r["metric"], shown, r.get("unit", ""), r.get("target", "")], widths)
            )
        )
    if failed:
        print(f"\nbenchmarks that failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
