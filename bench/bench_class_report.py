"""`medialit report` over a big class: wall time and peak memory of the real command.

10,000 sample hand-ins of the Kremlin exercise, 60 tags each (cutting them off leaves claims linked to
sources that are gone, so there are orphans to list, as in a real class), and some bad files: broken
JSON, another exercise, another version of the article, a FIFO. The command runs in its own process and
shares the class among the cores (one helper process per core), so its memory is that of the whole
tree of processes: their proportional set sizes (shared pages counted once), summed and sampled while it
runs. A process that only imports medialit and reads the exercise is measured beside it, so that the
report's own share shows.
"""

from __future__ import annotations

import csv
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from functools import partial
from pathlib import Path

from figures import figure
from synthetic import sample_class

ROOT = Path(__file__).resolve().parent.parent
KREMLIN = ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml"
AREA = "report"
_row = partial(figure, AREA)
STUDENTS, TAGS, BAD_EVERY = 10_000, 60, 40
SECONDS, MEGABYTES = 10, 500  # the targets: on a 2-core machine
SAMPLE_EVERY = 0.02  # seconds between two looks at the processes' memory


def write_class(folder: Path) -> int:
    """The hand-ins, one bad file in every BAD_EVERY; returns how many bad files there are."""
    from medialit import load_exercise

    exercise = load_exercise(KREMLIN)
    bad = 0
    for n, data in enumerate(sample_class().make_class(exercise, STUDENTS, seed=3)):
        data["tags"] = data["tags"][:TAGS]
        if n % 5 == 0:  # a few quotes edited by hand: orphans
            for tag in data["tags"][:3]:
                tag["quote"] += " (edited)"
        text = json.dumps(data, ensure_ascii=False)
        if n % BAD_EVERY == 1:
            bad += 1
            text = [
                text[: len(text) // 2],
                text.replace(exercise.id, "another-exercise", 1),
                text.replace(exercise.article.sha256, "0" * 64),
            ][bad % 3]
        (folder / f"{data['student']}.json").write_text(text, encoding="utf-8")
    os.mkfifo(folder / "not-a-file.json")
    return bad + 1


def _tree(pid: int) -> list[int]:
    """The process and all its descendants (Linux: /proc/PID/task/TID/children)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue  # it has just ended
    return found


def _pss_kb(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in text.splitlines() if line.startswith("Pss:")), 0)


def _cpu_of_children() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run_measured(code: str, *argv: str, memory: bool = True) -> tuple[float, float, float, subprocess.CompletedProcess]:
    """(wall seconds, CPU seconds, peak MB of the process tree, result) of a fresh Python process running
    `code`. The CPU time counts the helpers too (they are waited for), and shows what other work on a
    shared machine does not change. Reading the memory of every process 50 times a second takes a core
    of its own on a 2-core machine, so the time is taken in a run with `memory=False` (peak then 0)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        cpu = _cpu_of_children()
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-c", code, *argv], stdout=out, stderr=err, text=True)
        peak = 0
        while memory and process.poll() is None:
            peak = max(peak, sum(_pss_kb(pid) for pid in _tree(process.pid)))
            time.sleep(SAMPLE_EVERY)
        process.wait()
        seconds, cpu = time.perf_counter() - start, _cpu_of_children() - cpu
        out.seek(0)
        err.seek(0)
        result = subprocess.CompletedProcess(process.args, process.returncode, out.read(), err.read())
    return seconds, cpu, peak / 1024, result


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "class"
        folder.mkdir()
        bad = write_class(folder)
        _, _, base_mb, _ = run_measured(
            "import sys\nfrom medialit import load_exercise\nload_exercise(sys.argv[1])", str(KREMLIN)
        )
        report = ("import sys\nfrom medialit.cli.main import main\nsys.exit(main(sys.argv[1:]))", "report")
        where = (str(folder), "--exercise", str(KREMLIN), "--out")
        _, _, peak_mb, _ = run_measured(*report, *where, str(Path(tmp) / "out-memory"))
        seconds, cpu, _, result = run_measured(*report, *where, str(Path(tmp) / "out"), memory=False)
        if result.returncode not in (0, 1):
            raise RuntimeError(f"medialit report failed: {result.stderr[-2000:]}")
        problems = (Path(tmp) / "out" / "problems.csv").read_text(encoding="utf-8-sig")
        left_out = Counter(row["left out"] for row in csv.DictReader(io.StringIO(problems, newline="")))
    size = f"{STUDENTS:,} hand-ins x {TAGS} tags, {bad} bad"
    cores = len(os.sched_getaffinity(0))
    return [
        _row(f"report {size}: wall time ({cores} cores)", round(seconds, 1), "s", f"<= {SECONDS}"),
        _row("  CPU time of all its processes", round(cpu, 1), "s"),
        _row(f"report {size}: peak memory, all processes", round(peak_mb), "MB", f"<= {MEGABYTES}"),
        _row("  beside it: import, read the exercise: peak", round(base_mb), "MB"),
        _row(
            "  in problems.csv: files / tags and answers left out",
            f"{left_out['file']:,} / {sum(left_out.values()) - left_out['file']:,}",
        ),
        _row("  lines printed", len(result.stdout.splitlines())),
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
