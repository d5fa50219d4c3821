"""Run the `medialit` command on every hostile input and sort what happens into a tally.

Each case runs the real entry point, `medialit.cli.main.main(argv)`, in a forked child (so that a
hang can be stopped and a crash cannot take the runner with it), with stdout and stderr as UTF-8
files, like a terminal. A case is:

- clean: the expected exit code (0 all well, 1 findings, 2 bad input), no traceback, no raw control
  character in the output, and for bad input one message on stderr naming the file and the fix (or a
  list of every problem of an exercise file, each with its fix);
- traceback: a traceback, exit 3 ("this is a bug"), or a child killed by a signal;
- hang: still running after the time limit;
- accepted garbage: bad input that was not refused, or an output that breaks a promise (a file
  overwritten, a spreadsheet formula left live, a forged line on the terminal);
- unclear: refused, but without one message naming the file and the fix.

    python tests/hostile/runner.py            # the tally, and every case that is not clean
    python tests/hostile/runner.py -v         # every case
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import resource
import shutil
import signal
import sys
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PRACTICE = ROOT / "book" / "exercises" / "practice-council" / "exercise.yml"
TIMEOUT = 20.0
KINDS = ("clean", "traceback", "hang", "accepted garbage", "unclear")
OUTCOMES: list = []  # what the test run saw, for the tally at its end (conftest.py)
# What must never reach a terminal raw: C0 controls but tab and newline, DEL, C1 controls,
# bidirectional overrides, line and paragraph separators, lone surrogates.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Result:
    code: int | None
    out: str
    err: str
    seconds: float
    hung: bool = False
    signal: int | None = None


@dataclass
class Case:
    name: str
    argv: list[str]
    expect: int
    names: str = ""  # what the message for bad input must name (a file name, usually)
    post: Callable[[Path, Result], str | None] | None = None  # a broken promise, or None
    setup: Callable[[Path], None] | None = None  # files this case needs of its own
    timeout: float = TIMEOUT
    permissions: bool = False  # run without root's power to read any file, so that permissions hold


@dataclass
class Outcome:
    case: Case
    kind: str
    why: str = ""
    result: Result | None = field(default=None, repr=False)


# --- the workspace the cases run in ---------------------------------------------------------------


def _directives(text: str) -> dict[str, list[str]]:
    """`# key: value` lines at the top of a hostile exercise file (how to set up its folder)."""
    found: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        key, _, value = line[1:].partition(":")
        found.setdefault(key.strip(), []).append(value.strip())
    return found


def make_workspace(ws: Path) -> None:
    """Copy the corpus into `ws` and make the things that cannot be kept in a repository."""
    shutil.copytree(HERE / "base", ws / "base")
    shutil.copytree(HERE / "handins", ws / "handins")
    (ws / "handins" / "expected.json").unlink()
    shutil.copytree(HERE / "articles", ws / "articles")
    shutil.copytree(HERE / "rosters", ws / "rosters")
    (ws / "roster-class").mkdir()  # one hand-in, otter's, for the rosters to be joined to
    shutil.copyfile(HERE / "handins" / "good.json", ws / "roster-class" / "good.json")
    for path in sorted((HERE / "exercises").glob("*.yml")):
        folder = ws / "exercises" / path.stem
        folder.mkdir(parents=True)
        raw = path.read_bytes()
        (folder / "exercise.yml").write_bytes(raw)
        setup = _directives(raw.decode("utf-8", "replace"))
        source = setup.get("article-from", ["../../base/article.txt"])[0]
        article = (ws / "articles" / source) if "article-from" in setup else ws / "base" / "article.txt"
        shutil.copyfile(article, folder / Path(source).name if "article-from" in setup else folder / "article.txt")
        for name in setup.get("mkdir", []):
            (folder / name).mkdir()
        for name in setup.get("mkfifo", []):
            os.mkfifo(folder / name)
        for link in setup.get("symlink", []):
            name, target = (part.strip() for part in link.split("->"))
            os.symlink(target, folder / name)
    special = ws / "special"
    special.mkdir()
    os.mkfifo(special / "fifo.json")
    os.symlink("loop.json", special / "loop.json")
    os.symlink("nowhere.json", special / "dangling.json")
    (special / "folder.json").mkdir()
    big = special / "big.json"
    with big.open("wb") as f:  # a valid-looking start, then more than any hand-in can be
        f.write(b'{"format": "medialit.handin/1", "tags": [' + b" " * (6 * 1024 * 1024) + b"]}")
    (special / "big-article.txt").write_text("Word. " * (2 * 1024 * 1024), encoding="utf-8")
    with zipfile.ZipFile(special / "class.zip", "w") as packed:  # every submission, as a course website gives them
        packed.write(HERE / "handins" / "good.json", "good.json")
    evil = ws / "evil"  # where a hand-in's `exercise: ../../evil` would lead if paths were built from it
    evil.mkdir()
    shutil.copyfile(HERE / "exercises" / "laughs-title.yml", evil / "exercise.yml")
    (ws / "book").mkdir()


# --- one case in a child process ------------------------------------------------------------------


def _held_to_permissions() -> None:
    """Take away root's power to read any file and open any folder (Linux's CAP_DAC_OVERRIDE and
    CAP_DAC_READ_SEARCH) in this process, so that one without read permission cannot be read, as on a
    teacher's own account. Nothing to take away from another account."""
    if os.geteuid() != 0:
        return
    import ctypes

    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Sets(ctypes.Structure):
        _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]

    libc = ctypes.CDLL(None, use_errno=True)
    header, sets = Header(0x20080522, 0), (Sets * 2)()  # version 3 of the capability sets: two words each
    if libc.capget(ctypes.byref(header), sets) != 0:
        raise OSError(ctypes.get_errno(), "capget")
    sets[0].effective &= ~(1 << 1 | 1 << 2)
    if libc.capset(ctypes.byref(header), sets) != 0:
        raise OSError(ctypes.get_errno(), "capset")


def run_case(argv: list[str], cwd: Path, timeout: float, permissions: bool = False) -> Result:
    """Run `medialit ARGV` in a forked child with a memory limit; kill it after `timeout` seconds.
    `permissions`: the child is held to files' permissions, even as root."""
    out_f, err_f = tempfile.TemporaryFile(), tempfile.TemporaryFile()  # noqa: SIM115 (closed after the child ends)
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: behave like the console script `medialit`
        code = 1
        try:
            os.setsid()
            os.chdir(cwd)
            if permissions:
                _held_to_permissions()
            os.dup2(out_f.fileno(), 1)
            os.dup2(err_f.fileno(), 2)
            sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", line_buffering=True)
            sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8", line_buffering=True)
            limit = _memory_now() + 1536 * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            from medialit.cli.main import main

            try:
                code = main(argv)
            except SystemExit as stop:
                code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
                if not isinstance(stop.code, (int, type(None))):
                    print(stop.code, file=sys.stderr)
            except BaseException:  # what the interpreter does with an exception nobody caught
                traceback.print_exc()
                code = 1
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except BaseException:
                    traceback.print_exc(file=sys.__stderr__)
                    code = 1
        finally:
            os._exit(code if isinstance(code, int) else 1)
    hung, status = False, 0
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() - start > timeout:
            hung = True
            os.killpg(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            break
        time.sleep(0.01)
    seconds = time.monotonic() - start
    out_f.seek(0)
    err_f.seek(0)
    out, err = out_f.read().decode("utf-8", "replace"), err_f.read().decode("utf-8", "replace")
    if hung:
        return Result(None, out, err, seconds, hung=True)
    if os.WIFSIGNALED(status):
        return Result(None, out, err, seconds, signal=os.WTERMSIG(status))
    return Result(os.WEXITSTATUS(status), out, err, seconds)


def _memory_now() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[0]) * resource.getpagesize()


def told_with_fixes(lines: list[str]) -> bool:
    """One message with its fix, or the list of every problem a file has (a count, then one line each with its
    fix, and "… and N more" past the limit)."""
    if len(lines) == 1:
        return "Fix:" in lines[0]
    return bool(re.match(r"medialit: \d+ problems in ", lines[0])) and all(
        line.startswith("  - ") and ("Fix:" in line or line.startswith("  - … and ")) for line in lines[1:]
    )


def judge(case: Case, result: Result, ws: Path) -> Outcome:
    if result.hung:
        return Outcome(case, "hang", f"still running after {case.timeout:.0f} s", result)
    if result.signal is not None:
        return Outcome(case, "traceback", f"killed by signal {result.signal}", result)
    if "Traceback (most recent call last)" in result.err or result.code == 3:
        last = result.err.strip().splitlines()[-1:] or [""]
        return Outcome(case, "traceback", f"exit {result.code}: {last[0][:160]}", result)
    raw = RAW_CONTROL.search(result.out + result.err)
    if raw:
        return Outcome(
            case, "accepted garbage", f"raw control character U+{ord(raw.group()):04X} on the terminal", result
        )
    if case.post is not None:
        try:
            broken = case.post(ws, result)
        except Exception as err:
            broken = f"the output cannot be read back: {type(err).__name__}: {err}"
        if broken:
            return Outcome(case, "accepted garbage", broken, result)
    if result.code != case.expect:
        kind = "accepted garbage" if case.expect == 2 and result.code in (0, 1) else "unclear"
        return Outcome(
            case,
            kind,
            f"exit {result.code}, expected {case.expect}: {(result.err.strip() or result.out.strip())[:160]}",
            result,
        )
    if case.expect == 2:
        lines = result.err.strip().splitlines()
        usage = lines and lines[0].startswith("usage:")
        if not usage and not told_with_fixes(lines):
            return Outcome(case, "unclear", f"not one message with a fix: {result.err.strip()[:200]!r}", result)
        if case.names and case.names not in result.err:
            return Outcome(case, "unclear", f"does not name {case.names!r}: {result.err.strip()[:200]}", result)
    return Outcome(case, "clean", "", result)


# --- the cases ------------------------------------------------------------------------------------


def _expected_handins() -> dict[str, dict]:
    return json.loads((HERE / "handins" / "expected.json").read_text(encoding="utf-8"))


def _exercise_expectations() -> dict[str, dict[str, str]]:
    """Each hostile exercise file's `# expect:` (refused, unless it says otherwise) and `# names:` (what its
    message must say after the file's name: the line and column of a mistake, and its words)."""
    found = {}
    for path in sorted((HERE / "exercises").glob("*.yml")):
        setup = _directives(path.read_bytes().decode("utf-8", "replace"))
        found[path.stem] = {"expect": setup.get("expect", ["refused"])[0], "names": setup.get("names", [""])[0]}
    return found


def _unchanged(relative: str, original: bytes) -> Callable[[Path, Result], str | None]:
    def post(ws: Path, _result: Result) -> str | None:
        return None if (ws / relative).read_bytes() == original else f"{relative} was overwritten"

    return post


def _own(name: str, content: bytes) -> Callable[[Path], None]:
    """A file of this case's own under `own/`, which the command must not overwrite."""

    def setup(ws: Path) -> None:
        shutil.rmtree(ws / "own", ignore_errors=True)
        (ws / "own").mkdir()
        (ws / "own" / name).write_bytes(content)

    return setup


def _no_forged_lines(_ws: Path, result: Result) -> str | None:
    forged = [line for line in result.out.splitlines() if line.lstrip().startswith("Note: all good")]
    return f"a forged line reached the terminal: {forged[0]!r}" if forged else None


def _json_out(_ws: Path, result: Result) -> str | None:
    """`--json` output stays JSON once control characters are written out."""
    try:
        json.loads(result.out)
    except ValueError as err:
        return f"the --json output is not JSON: {err}"
    return None


def _optional_read_as(value: bool, folder: str) -> Callable[[Path, Result], str | None]:
    def post(ws: Path, _result: Result) -> str | None:
        from medialit import load_exercise

        item = load_exercise(ws / "exercises" / folder / "exercise.yml").key[0]
        return None if item.optional is value else f"`optional` was read as {item.optional}"

    return post


def _report_post(loaded: list[str], refused: list[str]) -> Callable[[Path, Result], str | None]:
    """Each hand-in that loads is one gradebook row, or the older copy of another's work (the same student
    and `created`) listed in problems.csv; each refused file is listed there too; nothing is left live."""

    def post(ws: Path, result: Result) -> str | None:
        out = ws / "report-out"
        gradebook = list(csv.DictReader((out / "gradebook.csv").open(encoding="utf-8-sig", newline="")))
        problems = list(csv.DictReader((out / "problems.csv").open(encoding="utf-8-sig", newline="")))
        used = [Path(row["file"].lstrip("'")).name for row in gradebook]
        older = {Path(row["file or student"].lstrip("'")).name for row in problems if row["code"] == "older-copy"}
        unaccounted = [name for name in loaded if (name in used) == (name in older)]
        if unaccounted or len({row["student"] for row in gradebook}) != len(gradebook) or len(set(used)) != len(used):
            return f"{len(gradebook)} rows in gradebook.csv; not one row or one older copy each: {unaccounted[:5]}"
        listed = {Path(row["file or student"].lstrip("'")).name for row in problems if row["left out"] == "file"}
        missing = [name for name in refused if name not in listed]
        if missing:
            return f"not listed in problems.csv: {missing[:5]}"
        for name in ("gradebook.csv", "problems.csv", "answers.csv", "misconceptions.csv", "items.csv"):
            for row in csv.reader((out / name).open(encoding="utf-8-sig", newline="")):
                live = [cell for cell in row if cell.startswith(FORMULA_START)]
                if live:
                    return f"a spreadsheet formula is left live in {name}: {live[0][:60]!r}"
        named = {row["file"] for row in gradebook}
        if not set(ODD_NAMES.values()) <= named:
            return f"gradebook.csv does not name the odd file names written out: {sorted(named)[:8]}"
        if len(result.out.splitlines()) > 60:
            return f"{len(result.out.splitlines())} lines on the terminal: orphans and skipped files not summarised"
        return _no_forged_lines(ws, result)

    return post


def _locked_class(ws: Path) -> None:
    """A class folder with a hand-in that can be read, and a folder and a hand-in that cannot (chmod 000)."""
    folder = ws / "locked-class"
    if folder.exists():
        for path in (folder / "locked", folder / "secret.json"):
            path.chmod(0o755)
        shutil.rmtree(folder)
    (folder / "locked").mkdir(parents=True)
    for name in ("good.json", "secret.json", "locked/other.json"):
        shutil.copyfile(HERE / "handins" / "good.json", folder / name)
    for path in (folder / "locked", folder / "secret.json"):
        path.chmod(0)


def _unreadable_listed(names: list[str]) -> Callable[[Path, Result], str | None]:
    """The report is made from what can be read, and each folder or file that cannot is listed in problems.csv,
    with its fix, and named on the terminal."""

    def post(ws: Path, result: Result) -> str | None:
        out = ws / "locked-out"
        gradebook = list(csv.DictReader((out / "gradebook.csv").open(encoding="utf-8-sig", newline="")))
        problems = list(csv.DictReader((out / "problems.csv").open(encoding="utf-8-sig", newline="")))
        listed = {row["file or student"]: row for row in problems}
        missing = [name for name in names if name not in listed or listed[name]["code"] != "unreadable"]
        if missing or not all(listed[name]["fix"] for name in names):
            return f"not listed as unreadable, with a fix, in problems.csv: {missing}"
        if [row["file"] for row in gradebook] != ["good.json"]:
            return f"gradebook.csv is not made from the one file that can be read: {gradebook}"
        untold = [name for name in names if f"left out {name}:" not in result.out]
        if untold:
            return f"not named on the terminal: {untold}"
        # a folder is not a file: "2 files left out" said of a file and a folder
        files, folders = sum(not n.endswith("/") for n in names), sum(n.endswith("/") for n in names)
        counted = f"{files} file{'s' * (files != 1)} and {folders} folder{'s' * (folders != 1)}"
        if f"Left out: {counted}." not in result.out or f"\n{counted} left out, listed in" not in result.out:
            return f"the terminal does not count {counted} left out: {result.out[:300]!r}"
        return None

    return post


def _roster_joined(out: str, student_id: str, said: str = "") -> Callable[[Path, Result], str | None]:
    """otter (the one hand-in) has `student_id` from the roster in gradebook.csv, no cell is a live formula, and
    the terminal says `said` (what the roster gave, a problem with the row it is on)."""

    def post(ws: Path, result: Result) -> str | None:
        if said not in result.out:
            return f"the terminal does not say {said!r}: {result.out[-300:]!r}"
        rows = list(csv.DictReader((ws / out / "gradebook.csv").open(encoding="utf-8-sig", newline="")))
        got = next((row["student ID"] for row in rows if row["student"] == "otter"), None)
        if got != student_id:
            return f"otter's student ID in gradebook.csv is {got!r}, not {student_id!r} from the roster"
        live = [cell for row in rows for cell in row.values() if cell and cell.startswith(FORMULA_START)]
        return f"a spreadsheet formula is left live in gradebook.csv: {live[0][:60]!r}" if live else None

    return post


def _brat_reads_back(ws: Path, _result: Result) -> str | None:
    from medialit import load_exercise
    from medialit.interchange.export import from_brat

    exercise = load_exercise(ws / "base" / "exercise.yml")
    ann = (ws / "brat-out" / "newlines.ann").read_text(encoding="utf-8")
    try:
        tags = from_brat(ann, exercise.article)
    except Exception as err:
        return f"the .ann file does not read back: {err}"
    return None if len(tags) == len(exercise.key) - 1 else f"{len(tags)} tags read back from the .ann file"


def _reads_alike(name: str) -> Callable[[Path, Result], str | None]:
    """A written exercise file that any YAML reader (PyYAML's YAML 1.1 too) reads as medialit does."""

    def check(ws: Path, result: Result) -> str | None:
        import yaml
        from ruamel.yaml import YAML

        text = (ws / name).read_text(encoding="utf-8")
        try:
            if yaml.safe_load(text) == YAML(typ="safe").load(text):
                return None
        except yaml.YAMLError as err:
            return f"{name} cannot be read by PyYAML: {str(err).splitlines()[0]}"
        return f"{name} reads differently in PyYAML"

    return check


def cases() -> list[Case]:
    ex = "base/exercise.yml"
    found: list[Case] = []
    handins = _expected_handins()
    for name, want in handins.items():
        expect = 2 if "refused" in want else (1 if want["findings"] or name != "good.json" else 0)
        if name in ("good.json", "brat-newlines.json", "formula-student.json", "answers-control.json"):
            expect = 0
        exported = 2 if expect == 2 else 1 if want["findings"] else 0  # export leaves the written answers alone
        post = _no_forged_lines if name in ("forged-line.json", "control-chars.json") else None
        found.append(Case(f"check {name}", ["check", f"handins/{name}", "--exercise", ex], expect, name, post))
        found.append(
            Case(
                f"export {name}",
                ["export", f"handins/{name}", "--to", "webanno", "--exercise", ex, "--out", f"out/{name}.jsonld"],
                exported,
                name,
            )
        )
    for kind in ("fifo.json", "loop.json", "dangling.json", "folder.json", "big.json", "missing.json"):
        found.append(Case(f"check special/{kind}", ["check", f"special/{kind}", "--exercise", ex], 2, kind))
    found.append(Case("check /dev/zero", ["check", "/dev/zero", "--exercise", ex], 2, "/dev/zero"))
    long_name = "x" * 300 + ".json"
    found.append(Case("check a name too long", ["check", long_name, "--exercise", ex], 2, "x" * 40))
    for kind in ("special/fifo.json", "special/loop.json", "special/folder.json", "/dev/zero", "x" * 300 + ".yml"):
        found.append(
            Case(f"check --exercise {kind[:40]}", ["check", "handins/good.json", "--exercise", kind], 2, kind[:40])
        )
    found.append(
        Case(
            "check --json with control characters",
            ["check", "handins/control-chars.json", "--exercise", ex, "--json"],
            1,
            "",
            _json_out,
        )
    )
    found.append(
        Case(
            "check --difficulty with an escape sequence",
            ["check", "handins/good.json", "--exercise", ex, "--difficulty", "\x1b[2Jhard\u202e"],
            2,
            "hard",
        )
    )
    found.append(
        Case("check --lines backwards", ["check", "handins/good.json", "--exercise", ex, "--lines", "9-2"], 2, "9-2")
    )
    found.append(
        Case(
            "check --labels unknown",
            ["check", "handins/good.json", "--exercise", ex, "--labels", "opinion\x1b[2J"],
            2,
            "opinion",
        )
    )

    for stem, want in _exercise_expectations().items():
        path, expect = f"exercises/{stem}/exercise.yml", want["expect"]
        names = (
            f"exercise.yml: {want['names']}"
            if want["names"]
            else {
                "include-traversal": "passwd",
                "include-fifo": "pipe.yml",
                "include-folder": "key",
                "include-not-yaml": "article.txt",
            }.get(stem, "exercise.yml")
        )
        if stem.startswith("article-") and stem not in ("article-missing", "article-list"):
            names = ""  # the message names the article or the exercise's `article:` line
        post = _optional_read_as(False, stem) if stem == "yaml11-optional-no" else None
        found.append(Case(f"validate {stem}", ["validate", path], 2 if expect == "refused" else 0, names, post))
        found.append(
            Case(
                f"export key {stem}",
                ["export", path, "--to", "ptc", "--out", f"out/{stem}.tsv"],
                2 if expect == "refused" else 0,
                names,
            )
        )

    articles = {
        "binary.txt": 2,
        "empty.txt": 2,
        "whitespace.txt": 2,
        "utf16.txt": 2,
        "latin1.txt": 2,
        "controls.txt": 0,
        "nul.txt": 2,  # UTF-8 of a sort, but a NUL means a saved document, not plain text
        "long-word.txt": 0,
        "punctuation.txt": 0,
        "crlf-mixed.txt": 0,
        "combining.txt": 0,
        "bom.txt": 0,
        "web-copy.txt": 0,  # copied from a web page: no-break spaces, a soft hyphen, a zero-width space
        "textedit.rtf": 2,  # what TextEdit and WordPad save unless told otherwise: students would read its codes
        "saved-page.html": 2,  # a browser's "Save page as"
    }
    for name, expect in articles.items():
        found.append(Case(f"suggest {name}", ["suggest", f"articles/{name}", "--pipeline", "blank"], expect, name))
    for kind in (
        "special/fifo.json",
        "special/loop.json",
        "special/folder.json",
        "/dev/zero",
        "special/big-article.txt",
        "x" * 300 + ".txt",
    ):
        found.append(Case(f"suggest {kind[:40]}", ["suggest", kind, "--pipeline", "blank"], 2, kind[:40]))
    for name, expect in (("binary.txt", 2), ("controls.txt", 0), ("utf16.txt", 2), ("textedit.rtf", 2)):
        stem = name.split(".")[0]
        found.append(
            Case(
                f"new from {name}",
                ["new", f"articles/{name}", "--id", f"from-{stem}", "--title", "T", "--pipeline", "blank"],
                expect,
                name,
            )
        )
    found.append(
        Case(
            "new from yaml-words.txt",
            ["new", "articles/yaml-words.txt", "--id", "yaml-words", "--title", "T", "--pipeline", "blank"],
            0,
            "yaml-words.txt",
            _reads_alike("book/exercises/yaml-words/exercise.yml"),
        )
    )
    for exercise_id in ("x1\n", "../evil", "", "a" * 300, "Capital", "-dash"):
        found.append(
            Case(
                f"new --id {exercise_id[:20]!r}",
                ["new", "base/article.txt", f"--id={exercise_id}", "--title", "T", "--pipeline", "blank"],
                2,
                "--id",
            )
        )
    found.append(
        Case(
            "new --title with control characters",
            ["new", "base/article.txt", "--id", "titled", "--title", "Bridge\x1b[2J\u202e", "--pipeline", "blank"],
            2,
            "--title",
        )
    )
    found.append(
        Case(
            "new --book is a file",
            [
                "new",
                "base/article.txt",
                "--id",
                "booked",
                "--title",
                "T",
                "--book",
                "base/article.txt",
                "--pipeline",
                "blank",
            ],
            2,
            "article.txt",
        )
    )
    for kind in ("special/fifo.json", "/dev/zero", "special/big-article.txt"):
        found.append(
            Case(
                f"new from {kind}",
                ["new", kind, "--id", "from-special", "--title", "T", "--pipeline", "blank"],
                2,
                kind,
            )
        )

    good = (HERE / "handins" / "good.json").read_bytes()
    found.append(
        Case(
            "export --out the hand-in itself",
            ["export", "own/alex.json", "--to", "webanno", "--exercise", ex, "--out", "own/alex.json"],
            2,
            "alex.json",
            _unchanged("own/alex.json", good),
            _own("alex.json", good),
        )
    )
    found.append(
        Case(
            "export brat over an existing .txt",
            ["export", "handins/good.json", "--to", "brat", "--exercise", ex, "--out", "own/x.ann"],
            2,
            "x.txt",
            _unchanged("own/x.txt", b"mine"),
            _own("x.txt", b"mine"),
        )
    )
    found.append(
        Case(
            "export --out an existing file",
            ["export", ex, "--to", "ptc", "--out", "own/key.tsv"],
            2,
            "key.tsv",
            _unchanged("own/key.tsv", b"mine"),
            _own("key.tsv", b"mine"),
        )
    )
    found.append(
        Case(
            "export --force replaces an existing file",
            ["export", ex, "--to", "ptc", "--out", "own/forced.tsv", "--force"],
            0,
            "",
            lambda ws, _r: None if (ws / "own/forced.tsv").read_bytes() != b"mine" else "not replaced",
            _own("forced.tsv", b"mine"),
        )
    )
    found.append(
        Case("export --out under a file", ["export", ex, "--to", "ptc", "--out", "base/article.txt/x.tsv"], 2, "x.tsv")
    )
    found.append(
        Case("export --out a name too long", ["export", ex, "--to", "ptc", "--out", "y" * 300 + ".tsv"], 2, "y" * 40)
    )
    found.append(
        Case(
            "export without --exercise never follows the hand-in's `exercise`",
            ["export", "handins/exercise-traversal.json", "--to", "ptc"],
            2,
            "exercise-traversal.json",
        )
    )
    found.append(
        Case(
            "export brat with line breaks in free text",
            [
                "export",
                "handins/brat-newlines.json",
                "--to",
                "brat",
                "--exercise",
                ex,
                "--out",
                "brat-out/newlines.ann",
            ],
            0,
            "",
            _brat_reads_back,
        )
    )

    refused = [name for name, want in handins.items() if "refused" in want]
    loaded = [name for name, want in handins.items() if "findings" in want]
    found.append(
        Case(
            "report over every hostile hand-in",
            ["report", "class", "--exercise", ex, "--out", "report-out"],
            1,
            "",
            _report_post(loaded, refused + ["=HYPERLINK(1).json", "fifo.json", "loop.json"]),
        )
    )
    found.append(
        Case(
            "report --out an existing file",
            ["report", "class", "--exercise", ex, "--out", "base/article.txt"],
            2,
            "article.txt",
        )
    )
    found.append(
        Case(
            "report over a folder and a file that cannot be read",
            ["report", "locked-class", "--exercise", ex, "--out", "locked-out"],
            1,
            "",
            _unreadable_listed(["locked/", "secret.json"]),
            _locked_class,
            permissions=True,
        )
    )
    found.append(Case("report over /dev/zero", ["report", "/dev/zero", "--exercise", ex], 2, "/dev/zero"))
    found.append(
        Case(
            "report over a zip of the class",
            ["report", "special/class.zip", "--exercise", ex],
            2,
            "class.zip: this is a zip",
        )
    )
    found.append(Case("report over a FIFO", ["report", "special/fifo.json", "--exercise", ex], 2, "fifo.json"))
    rosters = {
        "tab-separated.txt": (0, "", "S1001"),  # a spreadsheet's "Text (Tab delimited)", or cells pasted
        "formula-cells.csv": (0, "", '\'=HYPERLINK("http://x","y")'),
        "windows-1252.csv": (2, "windows-1252.csv: line 2", ""),  # what "CSV" is in older Excel on Windows
        "utf16-unicode-text.txt": (0, "Roster: 1 student.", "S1001"),  # Excel's "Unicode Text": UTF-16, its mark first
        "utf16-be-comma.csv": (0, "Roster: 2 students.", "S1001"),
        "utf16-cut-short.csv": (2, "utf16-cut-short.csv", ""),  # its last character cut in half
        "workbook.xlsx": (2, "workbook.xlsx", ""),
        "unclosed-quote.csv": (2, "unclosed-quote.csv: line 3", ""),  # owl-09 would vanish into fox-07's cell
        "utf16-no-bom.csv": (2, "utf16-no-bom.csv: line 1", ""),  # NUL bytes between the letters
        "../special/folder.json": (2, "folder.json", ""),
        "../special/fifo.json": (2, "fifo.json", ""),
        # a spreadsheet's blank rows between groups: the problem names the row the spreadsheet shows
        "blank-rows.csv": (0, "Roster: 1 student. Row 6 of the roster has no student ID", "S1001"),
        # CSV UTF-8 with semicolons, its columns named in other words: no student called "Student name"
        "column-words.csv": (0, "Roster: 1 student.", "S1001"),
        "mac-cr.csv": (0, "Roster: 2 students.", "S1001"),  # lines ended by CR alone, a comma in a name
    }
    for name, (expect, names, student_id) in rosters.items():
        out = f"roster-out/{Path(name).stem}"
        found.append(
            Case(
                f"report --roster {name}",
                ["report", "roster-class", "--exercise", ex, "--out", out, "--roster", f"rosters/{name}"],
                expect,
                names,
                _roster_joined(out, student_id, names if expect == 0 else "") if student_id else None,
            )
        )
    found.append(
        Case(
            "report with billion laughs",
            ["report", "class", "--exercise", "exercises/laughs-title/exercise.yml"],
            2,
            "exercise.yml",
        )
    )
    return found


# hand-ins whose file names hold a line break, bytes that are not UTF-8 and a right-to-left override (what a
# zip from another system, or a student renaming the file, gives): gradebook.csv names each written out
ODD_NAMES = {
    b"new\nline.json": "new\\u000aline.json",
    b"latin1-\xe9.json": "latin1-\\udce9.json",
    b"rtl-\xe2\x80\xaenosj.json": "rtl-\\u202enosj.json",
}


def make_class(ws: Path) -> None:
    """The report's folder: every hostile hand-in, special files, a file name that is a formula, and others that
    hold a line break, bytes that are not UTF-8 and a right-to-left override."""
    folder = ws / "class"
    shutil.copytree(ws / "handins", folder)
    (folder / "=HYPERLINK(1).json").write_text("{not json", encoding="utf-8")
    good = json.loads((HERE / "handins" / "good.json").read_text(encoding="utf-8"))
    for n, name in enumerate(ODD_NAMES):
        (folder / os.fsdecode(name)).write_text(json.dumps({**good, "student": f"odd-name-{n}"}), encoding="utf-8")
    os.mkfifo(folder / "fifo.json")
    os.symlink("loop.json", folder / "loop.json")
    (folder / "more").mkdir()


def run_all(selected: list[Case] | None = None, verbose: bool = False) -> list[Outcome]:
    import medialit.authoring.new_exercise
    import medialit.classroom.class_report
    import medialit.cli.main
    import medialit.interchange.export  # noqa: F401
    from medialit.core.article import tokenizer_pipeline

    tokenizer_pipeline()
    outcomes = []
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp)
        make_workspace(ws)
        make_class(ws)
        (ws / "out").mkdir()
        for case in selected or cases():
            if case.setup is not None:
                case.setup(ws)
            result = run_case(case.argv, ws, case.timeout, case.permissions)
            outcome = judge(case, result, ws)
            outcomes.append(outcome)
            if verbose or outcome.kind != "clean":
                print(f"{outcome.kind:<16} {case.name[:70]:<70} {outcome.why[:200]}", flush=True)
    return outcomes


def tally(outcomes: list[Outcome]) -> str:
    counts = {kind: sum(o.kind == kind for o in outcomes) for kind in KINDS}
    return (
        f"hostile inputs: tried {len(outcomes)} / clean {counts['clean']} / traceback {counts['traceback']} / "
        f"hang {counts['hang']} / accepted garbage {counts['accepted garbage']} / unclear {counts['unclear']}"
    )


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    print(tally(run_all(verbose="-v" in sys.argv)))
