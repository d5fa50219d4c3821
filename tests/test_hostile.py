"""Every hostile input in tests/hostile/ through the real `medialit` command, and the hand-in codes.

Each case must be clean: the right exit code (0 all well, 1 findings, 2 bad input), no traceback
and no exit 3, no hang, no raw control character on the terminal, one message naming the file and
the fix, and no broken promise (a file overwritten, a formula left live, a forged line). The tally
is printed at the end of the test run (see conftest.py).
"""

from __future__ import annotations

import json
import runpy
import shutil
from pathlib import Path

import pytest
from hostile import runner

from medialit import load_exercise
from medialit.core.errors import InputError
from medialit.core.handin import ANSWER_PROBLEMS, HANDIN_CHECKS, TAG_PROBLEMS, load_handin

HOSTILE = Path(__file__).parent / "hostile"
EXPECTED = json.loads((HOSTILE / "handins" / "expected.json").read_text(encoding="utf-8"))
CASES = runner.cases()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    from medialit.core.article import tokenizer_pipeline

    tokenizer_pipeline()  # loaded once, before the children are forked
    ws = tmp_path_factory.mktemp("hostile")
    runner.make_workspace(ws)
    runner.make_class(ws)
    (ws / "out").mkdir()
    return ws


@pytest.mark.parametrize("case", CASES, ids=[case.name[:80] for case in CASES])
def test_hostile_input_is_refused_cleanly(workspace, case):
    if case.setup is not None:
        case.setup(workspace)
    outcome = runner.judge(case, runner.run_case(case.argv, workspace, case.timeout, case.permissions), workspace)
    runner.OUTCOMES.append(outcome)
    assert outcome.kind == "clean", f"{outcome.kind}: {outcome.why}"


def test_every_file_of_the_corpus_is_tried():
    tried = " ".join(" ".join(case.argv) for case in CASES)
    files = [
        p
        for folder in ("handins", "articles", "rosters")
        for p in (HOSTILE / folder).iterdir()
        if p.name != "expected.json"
    ]
    assert files and all(p.name in tried for p in files), [p.name for p in files if p.name not in tried]
    assert all(f"exercises/{p.stem}/" in tried for p in (HOSTILE / "exercises").glob("*.yml"))
    assert set(EXPECTED) == {p.name for p in (HOSTILE / "handins").glob("*.json")} - {"expected.json"}


@pytest.fixture(scope="module")
def base():
    return load_exercise(HOSTILE / "base" / "exercise.yml")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_hostile_handin_gives_its_code(base, name):
    """The codes, in check order, that the JavaScript reader must give for the same files."""
    want = EXPECTED[name]
    if "refused" in want:
        with pytest.raises(InputError) as err:
            load_handin(HOSTILE / "handins" / name, base)
        assert err.value.code == want["refused"] and str(HOSTILE / "handins" / name) == err.value.file
        assert err.value.fix and "\n" not in str(err.value)
        got = {"code": err.value.code, "place": err.value.place, "args": err.value.message_args}
        assert got == want["refusal"]  # what the JavaScript reader is held to (tests/js/handin.test.mjs)
    else:
        handin = load_handin(HOSTILE / "handins" / name, base)
        assert [f.code for f in handin.findings] == want["findings"]
        assert [f.code for f in handin.answer_findings] == want.get("answer_findings", [])
        assert all(f.fix for f in handin.answer_findings)
        assert [{"code": f.code, "place": f.place, "args": f.args} for f in handin.findings] == want["orphans"]
        assert [{"code": f.code, "place": f.place, "args": f.args} for f in handin.answer_findings] == want[
            "answer_problems"
        ]


def test_the_compiled_base_exercise_is_current(base):
    assert json.loads((HOSTILE / "base" / "compiled.json").read_text(encoding="utf-8")) == base.compile()


def test_the_codes_are_the_ones_listed_in_check_order():
    used = {
        code
        for want in EXPECTED.values()
        for code in [want.get("refused"), *want.get("findings", []), *want.get("answer_findings", [])]
        if code
    }
    assert used <= set(HANDIN_CHECKS) | set(TAG_PROBLEMS) | set(ANSWER_PROBLEMS)
    assert set(ANSWER_PROBLEMS) <= used
    assert HANDIN_CHECKS[:6] == ("missing", "not-a-file", "unreadable", "too-big", "zip", "not-utf8")


def test_the_corpus_is_what_make_handins_writes(tmp_path):
    """The hand-ins are kept as files (the JavaScript reader reads the same ones); the script that made
    them must still make them, so that a change to base/ is not silently left out of them."""
    copy = tmp_path / "hostile"
    shutil.copytree(HOSTILE, copy, ignore=shutil.ignore_patterns("handins"))
    (copy / "handins").mkdir()
    runpy.run_path(str(copy / "make_handins.py"), run_name="__main__")
    made = {p.name: p.read_bytes() for p in (copy / "handins").iterdir()}
    kept = {p.name: p.read_bytes() for p in (HOSTILE / "handins").iterdir()}
    assert made == kept


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs Linux's /proc")
def test_a_file_that_does_not_say_its_size_is_read_whole_and_held_to_the_limit():
    """A file is read by the size it gives, then on to the limit if it holds more (a /proc file gives 0)."""
    from medialit.core.files import Kind, read_bytes

    whole = read_bytes("/proc/self/status", Kind("status file", 1_000_000, ""))
    assert whole.startswith(b"Name:") and whole.endswith(b"\n")
    with pytest.raises(InputError) as refused:
        read_bytes("/proc/self/status", Kind("status file", 100, ""))
    assert refused.value.code == "too-big"


def test_a_handin_that_cannot_be_read_is_told_in_the_words_the_page_uses(base, tmp_path, monkeypatch):
    """`unreadable` is worded from the message table, with the system's reason, as the page words a file the
    browser may not read (with its own reason), and the fix says how to let the account read it."""
    from medialit.core import files

    path = tmp_path / "secret.json"
    shutil.copyfile(HOSTILE / "handins" / "good.json", path)

    def refused(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.os, "open", refused)
    with pytest.raises(InputError) as err:
        load_handin(path, base)
    assert (err.value.code, err.value.message_args) == ("unreadable", {"reason": "Permission denied"})
    assert err.value.problem == "the hand-in file cannot be read (Permission denied)."
    assert err.value.fix.startswith("let your account read it (on Windows: right-click it, Properties, Security;")
