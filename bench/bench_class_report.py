"""`medialit report` over a big class: wall time and peak memory of the real command.

2,000 sample hand-ins of the Kremlin exercise, 60 tags each (cutting them off leaves claims linked to
sources that are gone, so there are orphans to list, as in a real class), and some bad files: broken
JSON, another exercise, another version of the article, a FIFO. The command runs in its own process,
which reports its peak resident memory; a process that only imports medialit and reads the exercise
is measured beside it, so that the report's own share shows.
"""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KREMLIN = ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml"
AREA = "report"
STUDENTS, TAGS, BAD_EVERY = 2000, 60, 40
# The peak is VmHWM, the high-water mark of this process's own memory (ru_maxrss would also count what
# the forking parent held before exec).
PEAK = ("import re, sys\nfrom medialit.cli.main import main\n{body}\n"
        "status = open('/proc/self/status').read()\n"
        "print('PEAK', re.search(r'VmHWM:\\s*(\\d+)', status).group(1), file=sys.stderr)\nsys.exit(code)\n")


def _sample_class():
    spec = importlib.util.spec_from_file_location("sample_class", ROOT / "notebooks" / "sample_class.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _row(metric: str, value, unit: str = "", target: str = "") -> dict:
    return {"area": AREA, "metric": metric, "value": value, "unit": unit, "target": target}


def write_class(folder: Path) -> int:
    """The hand-ins, one bad file in every BAD_EVERY; returns how many bad files there are."""
    from medialit import load_exercise

    exercise = load_exercise(KREMLIN)
    bad = 0
    for n, data in enumerate(_sample_class().make_class(exercise, STUDENTS, seed=3)):
        data["tags"] = data["tags"][:TAGS]
        if n % 5 == 0:  # a few quotes edited by hand: orphans
            for tag in data["tags"][:3]:
                tag["quote"] += " (edited)"
        text = json.dumps(data, ensure_ascii=False)
        if n % BAD_EVERY == 1:
            bad += 1
            text = [text[:len(text) // 2], text.replace(exercise.id, "another-exercise", 1),
                    text.replace(exercise.article.sha256, "0" * 64)][bad % 3]
        (folder / f"{data['student']}.json").write_text(text, encoding="utf-8")
    os.mkfifo(folder / "not-a-file.json")
    return bad + 1


def run_measured(body: str, *argv: str) -> tuple[float, float, subprocess.CompletedProcess]:
    """(seconds, peak MB, result) of a fresh Python process running `body` with `argv`."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", PEAK.format(body=body), *argv], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    peak = next(int(line.split()[1]) for line in result.stderr.splitlines() if line.startswith("PEAK"))
    return seconds, peak / 1024, result


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "class"
        folder.mkdir()
        bad = write_class(folder)
        base_s, base_mb, _ = run_measured(
            "from medialit import load_exercise\nload_exercise(sys.argv[1])\ncode = 0", str(KREMLIN))
        seconds, peak_mb, result = run_measured("code = main(sys.argv[1:])", "report", str(folder), "--exercise",
                                                str(KREMLIN), "--out", str(Path(tmp) / "out"))
        if result.returncode not in (0, 1):
            raise RuntimeError(f"medialit report failed: {result.stderr[-2000:]}")
        orphans = len((Path(tmp) / "out" / "orphans.csv").read_text(encoding="utf-8").splitlines()) - 1
    size = f"{STUDENTS:,} hand-ins x {TAGS} tags, {bad} bad"
    return [_row(f"report {size}: wall time", round(seconds, 1), "s"),
            _row(f"report {size}: peak memory", round(peak_mb), "MB", "<= 300"),
            _row("  beside it: import, read the exercise: peak", round(base_mb), "MB"),
            _row("  orphans in orphans.csv / lines printed",
                 f"{orphans:,} / {len(result.stdout.splitlines())}")]


if __name__ == "__main__":
    for row in run():
        print(row)
