"""The Tagger in a real JupyterLab 4 and Notebook 7: open a notebook, run it, tag a word, press Check.

Each test starts its own Jupyter server on 127.0.0.1 (a free port, a token, no browser) with a
temporary root folder, config and runtime dirs, so nothing of the user's Jupyter setup is used.
anywidget's front end comes from its wheel's labextension: the page must load nothing from outside
the server. Check in Jupyter sends a custom message that runs the Python checker in the kernel.
The page runs the notebook once its kernel is ready, and a step that times out fails with what
Jupyter showed then (its dialogs, the kernel's state, a screenshot).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from browser_helpers import DRAFT_ON_SCREEN, ROOT, handin_file, painted, screenshot
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

EXERCISE = ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml"
WORD = "despot"  # a loaded word in the key (L10)
START_TIMEOUT = 60  # seconds for the server to answer
RENDER_TIMEOUT = 120_000  # ms for the kernel to start and the widget to draw
APPS = {  # app name: the notebook's page
    "lab": "lab/tree/tagger.ipynb",
    "notebook": "notebooks/tagger.ipynb",
}
# Settings both apps read from the config dir's labconfig/default_setting_overrides.json: no toast asking
# whether to fetch Jupyter's news (it lies over the bottom right of the notebook, on the Tagger's article).
SETTINGS = {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false"}}
# What the notebook's page shows: Jupyter's dialogs and notifications, and the notebook's kernel as the page's
# session knows it (window.jupyterapp, which --expose-app-in-browser gives the page). Its status is "idle" only
# once the kernel is started, connected and has answered.
JUPYTER_SHOWS = """() => {
  const texts = (selector) =>
    [...document.querySelectorAll(selector)].map((el) => el.innerText.replace(/\\s+/g, " ").trim());
  const shell = window.jupyterapp?.shell;
  const session = shell && [...shell.widgets("main")].find((widget) => widget.sessionContext)?.sessionContext;
  return {
    dialogs: texts(".jp-Dialog"),
    notifications: texts(".jp-toast-message"),
    kernel: session ? `${session.kernelDisplayName}, ${session.kernelDisplayStatus}` : "no notebook open",
    idle: session?.kernelDisplayStatus === "idle",
  };
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_notebook(folder: Path, code: str | None = None, cell_id: str = "tagger") -> None:
    """`tagger.ipynb` in `folder`: one cell of `code`, by default a Tagger of the Kremlin article's loaded words."""
    code = code or f'import medialit\nw = medialit.Tagger({json.dumps(str(EXERCISE))}, labels=["loaded"])\nw'
    notebook = {
        "cells": [
            {"cell_type": "code", "execution_count": None, "id": cell_id, "metadata": {}, "outputs": [], "source": code}
        ],
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (folder / "tagger.ipynb").write_text(json.dumps(notebook), encoding="utf-8")


def wait_until_up(url: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the Jupyter server stopped at start:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(
        f"the Jupyter server did not answer within {START_TIMEOUT} s:\n{log.read_text(errors='replace')[-3000:]}"
    )


def stop(proc: subprocess.Popen) -> None:
    """SIGTERM lets the server shut its kernels down; whatever is left of its process group is killed."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait(timeout=10)


@pytest.fixture(params=sorted(APPS))
def jupyter(request, tmp_path):
    """(base URL, token, app name) of a running `jupyter lab` or `jupyter notebook`."""
    app = request.param
    root = tmp_path / "root"
    root.mkdir()
    write_notebook(root)
    port, token = free_port(), secrets.token_hex(16)
    (tmp_path / "config" / "labconfig").mkdir(parents=True)
    (tmp_path / "config" / "labconfig" / "default_setting_overrides.json").write_text(json.dumps(SETTINGS))
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces"),
        "IPYTHONDIR": str(tmp_path / "ipython"),
        "JUPYTER_PLATFORM_DIRS": "1",
    }
    log = tmp_path / "server.log"
    command = [
        sys.executable,
        "-m",
        "jupyter",
        app,
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--port-retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.news_url=None",
        "--LabApp.extension_manager=readonly",
        "--expose-app-in-browser",
        *(["--allow-root"] if os.geteuid() == 0 else []),
    ]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            command, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_until_up(f"{base}api/status?token={token}", proc, log)
        yield base, token, app
    finally:
        stop(proc)


def checkpoints_answered_after(ms: int | None) -> str:
    """A script for the page: its requests for the notebook's checkpoints (Jupyter's last step before it starts
    the kernel the notebook names) are answered `ms` milliseconds late, or never, as a loaded server may."""
    later = f"new Promise((answer) => setTimeout(answer, {ms}))" if ms is not None else "new Promise(() => {})"
    return f"""{{
  const fetch = window.fetch;
  window.fetch = async (...args) => {{
    if (String(args[0]?.url ?? args[0]).includes("/checkpoints")) await {later};
    return fetch(...args);
  }};
}}"""


def told(shown: dict) -> str:
    """What `JUPYTER_SHOWS` found, in lines for a failure's message."""
    return "\n".join(
        [
            *([f"Jupyter's dialog: {text}" for text in shown["dialogs"]] or ["No Jupyter dialog was open."]),
            *(f"Jupyter's notification: {text}" for text in shown["notifications"]),
            f"The notebook's kernel: {shown['kernel']}.",
        ]
    )


def what_jupyter_shows(page: Page, name: str) -> str:
    """For a failure's message: what Jupyter shows on the page, and the path of a screenshot of it."""
    try:
        shown = page.evaluate(JUPYTER_SHOWS)
        path = screenshot(page, f"jupyter-failed-{name}")
    except PlaywrightError as error:
        return f"The page could not be read: {error}"
    return f"{told(shown)}\nScreenshot: {path}"


@contextmanager
def notebook_page(browser, name: str, **context_options) -> Iterator[Page]:
    """A page in a browser context of its own, closed after. A step that times out, or an expectation that
    fails, fails the test with what Jupyter showed then (`name` names its screenshot): a dialog lying over
    the notebook is named in the message, not only the element it hid."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    try:
        yield page
    except (PlaywrightTimeout, AssertionError) as failure:
        pytest.fail(f"{failure}\n\n{what_jupyter_shows(page, name)}")
    finally:
        context.close()


def wait_for_the_kernel(page: Page) -> None:
    """Wait until the notebook's kernel is started, connected and idle. The toolbar's execution indicator says
    "idle" as soon as it is drawn, before the notebook has a kernel; a Run All given then starts a kernel of
    its own, and when Jupyter has not yet read which kernel the notebook names (the server is slow to answer,
    as under load) it asks with its "Select Kernel" dialog. A dialog fails the test at once, with its text."""
    script = f"() => {{ const shown = ({JUPYTER_SHOWS})(); return (shown.idle || shown.dialogs.length > 0) && shown; }}"
    shown = page.wait_for_function(script, timeout=RENDER_TIMEOUT).json_value()
    if shown["dialogs"]:
        pytest.fail(f"Jupyter showed a dialog before the notebook's kernel was ready:\n{told(shown)}")


def run_all_cells(page: Page) -> None:
    """Run the notebook from its Run menu, as a student does, once its kernel is ready."""
    wait_for_the_kernel(page)
    page.locator(".jp-Notebook .jp-Cell").first.click()  # the notebook is the current widget
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.locator(".lm-Menu-item[data-command='runmenu:run-all']:not(.lm-mod-disabled)").click()
    prompt = page.locator(".jp-Notebook .jp-Cell .jp-InputPrompt").first
    expect(prompt, "the notebook's cell did not run").to_have_text(re.compile(r"\[(\*|\d+)\]"), timeout=30_000)


def test_tag_and_check_in_jupyter(browser, jupyter):
    base, token, app = jupyter
    offsite = []

    def guard(route, request):
        if request.url.startswith(base):
            route.continue_()
        else:
            offsite.append(request.url)
            route.abort()

    errors = []
    with notebook_page(browser, f"tag-and-check-{app}", viewport={"width": 1280, "height": 1000}) as page:
        page.context.route("**/*", guard)
        page.on("pageerror", lambda err: errors.append(str(err)))
        page.goto(f"{base}{APPS[app]}?token={token}")
        run_all_cells(page)
        article = page.locator(".medialit-tagger .mt-article")
        article.locator(".mt-tok").first.wait_for(timeout=RENDER_TIMEOUT)
        tokens = page.locator(".medialit-tagger .mt-article .mt-tok").all_text_contents()
        target = tokens.index(WORD)
        article.focus()
        for _ in range(target):
            page.keyboard.press("ArrowRight")
        assert page.locator(".medialit-tagger .mt-caret").text_content() == WORD
        page.keyboard.press(" ")  # select the word at the caret
        page.keyboard.press("l")  # and tag it with the loaded label's letter
        entry = page.locator(".medialit-tagger .mt-group-loaded .mt-entry")
        entry.wait_for(timeout=10_000)
        assert entry.count() == 1 and WORD in entry.text_content()
        assert page.locator(".jp-Notebook .jp-Cell").count() == 1  # the keys tagged; Jupyter made no cells
        page.keyboard.press("Enter")  # on a tag: go to its entry in the list (Jupyter must not take the key)
        assert page.evaluate("document.activeElement.classList.contains('mt-jump')")
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.classList.contains('mt-article')")
        page.locator(".medialit-tagger .mt-check").click()
        found = page.locator(".medialit-tagger .mt-feedback .mt-fb-found .mt-fb-tag", has_text=WORD)
        found.wait_for(state="attached", timeout=30_000)  # the report comes from the Python checker in the kernel
        summary = page.locator(".medialit-tagger .mt-summary")
        assert "Your tags that the answer key has too: 1 of 1." in summary.text_content()
        assert page.evaluate("document.activeElement.classList.contains('mt-summary')")  # focus moved to it
        assert "Checked" in page.locator(".medialit-tagger .mt-live").text_content()
        shown = page.evaluate(JUPYTER_SHOWS)
        assert shown["dialogs"] == shown["notifications"] == [], told(shown)  # nothing of Jupyter's over the Tagger
        screenshot(page, f"jupyter-{app}")
    assert offsite == [], f"the page asked for files outside the Jupyter server: {offsite}"
    assert [e for e in errors if "medialit" in e or "anywidget" in e] == []


@pytest.mark.parametrize("jupyter", ["notebook"], indirect=True)
def test_the_notebook_runs_once_its_kernel_is_ready_when_jupyter_is_slow_to_start_it(browser, jupyter):
    """Checkpoints answered 5 s late: Jupyter draws the notebook, and its toolbar says "idle", seconds before it
    asks for the notebook's kernel. The Run All waits for that kernel and runs the cell once; no "Select Kernel"
    dialog comes over the notebook."""
    base, token, app = jupyter
    with notebook_page(browser, "slow-kernel", viewport={"width": 1280, "height": 1000}) as page:
        page.add_init_script(checkpoints_answered_after(5_000))
        page.goto(f"{base}{APPS[app]}?token={token}")
        run_all_cells(page)
        page.locator(".medialit-tagger .mt-article .mt-tok").first.wait_for(timeout=RENDER_TIMEOUT)
        expect(page.locator(".jp-Notebook .jp-Cell .jp-InputPrompt").first).to_have_text("[1]:")
        shown = page.evaluate(JUPYTER_SHOWS)
        assert shown["dialogs"] == [], told(shown)


@pytest.mark.parametrize("jupyter", ["notebook"], indirect=True)
def test_a_dialog_over_the_notebook_is_named_in_the_failure(browser, jupyter):
    """A Run All given before Jupyter knows the notebook's kernel (its checkpoints are never answered here) brings
    Jupyter's "Select Kernel" dialog over the notebook, as a run under heavy load once met. Waiting for the kernel
    then fails at once with the dialog's words, and so does a step that times out because the dialog takes its
    click, with a screenshot."""
    base, token, app = jupyter
    with (
        pytest.raises(pytest.fail.Exception) as timed_out,
        notebook_page(browser, "select-kernel", viewport={"width": 1280, "height": 1000}) as page,
    ):
        page.add_init_script(checkpoints_answered_after(None))
        page.goto(f"{base}{APPS[app]}?token={token}")
        page.locator(".jp-Notebook .jp-Cell").first.click()
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.locator(".lm-Menu-item[data-command='runmenu:run-all']:not(.lm-mod-disabled)").click()
        with pytest.raises(pytest.fail.Exception) as waited:
            wait_for_the_kernel(page)
        page.locator(".jp-Notebook .jp-Cell").first.click(timeout=5_000)
    dialog = 'Jupyter\'s dialog: Select Kernel Select kernel for: "tagger.ipynb"'
    assert dialog in str(waited.value)
    assert dialog in str(timed_out.value)
    assert "Timeout 5000ms exceeded" in str(timed_out.value)  # the step that timed out, as Playwright says it
    shot = str(timed_out.value).rsplit("Screenshot: ", 1)[1].strip()
    assert Path(shot).is_file(), shot


# The first word of the article that no key item marks (no loaded, source or claim mark on it).
UNMARKED_WORD = """() => [...document.querySelectorAll('.medialit-tagger .mt-article .mt-tok')].findIndex(
  (t) => /^[a-z]{4,}$/i.test(t.textContent)
    && ![...t.classList].some((c) => c.startsWith('mt-mark') || c.startsWith('mt-u')))"""


@pytest.mark.parametrize("jupyter", ["lab"], indirect=True)
def test_author_mode_reviews_drafts_and_saves_into_the_exercise_file(browser, jupyter, tmp_path):
    from helpers import drafted_exercise

    from medialit import load_exercise

    base, token, _ = jupyter
    root = tmp_path / "root"
    (root / "book").mkdir()
    made = drafted_exercise(root / "book", "Mill Road")
    drafted = load_exercise(made.exercise_file)
    code = f"import medialit\nmedialit.Tagger({json.dumps(str(made.exercise_file))}, mode='author')"
    write_notebook(root, code, "author")
    with notebook_page(browser, "author-review", viewport={"width": 1280, "height": 800}) as page:
        page.goto(f"{base}{APPS['lab']}?token={token}")
        run_all_cells(page)
        drafts = page.locator(".medialit-tagger .mt-rv-list")
        page.locator(".medialit-tagger .mt-rv-item").first.wait_for(timeout=RENDER_TIMEOUT)
        assert page.locator(".medialit-tagger .mt-rv-item").count() == len(drafted.key)
        drafts.focus()
        page.keyboard.press("a")  # accept the first draft
        page.keyboard.press("r")  # reject the second
        for key in ["n"] * 8 + ["p"]:  # the draft's words and its buttons come onto the screen together
            page.keyboard.press(key)
            painted(page)
            painted(page)
            where = page.evaluate(DRAFT_ON_SCREEN)
            assert where["words"]["seen"] and where["buttons"]["seen"], (key, where)
        assert page.locator(".jp-Notebook .jp-Cell").count() == 1  # the review's keys did not reach Jupyter
        # a loaded word the drafts missed, added without its technique: the kernel's save names it, one a line
        plain = page.evaluate(UNMARKED_WORD)
        page.locator(".medialit-tagger .mt-article .mt-tok").nth(plain).click()
        page.keyboard.press("3")
        expect(page.locator(".medialit-tagger .mt-live")).to_contain_text("Choose its technique too")
        page.locator(".medialit-tagger .mt-rv-save").click()
        saved_notice = page.locator(".medialit-tagger .mt-notice", has_text="Saved")
        saved_notice.wait_for(timeout=30_000)
        expect(saved_notice).to_have_class("mt-notice mt-notice-info")  # good news, not the red warning
        expect(saved_notice).not_to_have_attribute("role", "alert")
        expect(saved_notice).to_contain_text("1 key item still needs a value Check judges students by")
        expect(saved_notice.locator("li")).to_have_count(1)
        expect(saved_notice.locator("li")).to_contain_text(": choose its technique.")
        screenshot(page, "jupyter-author-review")
    saved = load_exercise(made.exercise_file)
    assert not saved.item(drafted.key[0].id).draft  # accepted: no longer a draft, in the file itself
    assert saved.item(drafted.key[1].id) is None  # rejected: gone
    assert sum(k.draft for k in saved.key) == len(drafted.key) - 2
    assert len(saved.distractors) == len(drafted.distractors)


@pytest.mark.parametrize("jupyter", ["lab"], indirect=True)
def test_a_second_hand_in_loaded_in_jupyter_speaks_of_no_answer_boxes(browser, jupyter, tmp_path):
    """Jupyter shows no answer boxes: a hand-in that replaces a first one's written answers says Undo goes
    back to the earlier work, and nothing of answers kept under their questions, as a book page does. Its
    Download speaks of tags only, until a loaded hand-in's answers are in the file it writes."""
    from medialit import load_exercise

    base, token, _ = jupyter
    exercise = load_exercise(EXERCISE)
    ex = {"id": exercise.id, "article": {"sha256": exercise.article.sha256}}
    with notebook_page(browser, "second-hand-in", viewport={"width": 1280, "height": 1000}) as page:
        page.goto(f"{base}{APPS['lab']}?token={token}")
        run_all_cells(page)
        page.locator(".medialit-tagger .mt-article .mt-tok").first.wait_for(timeout=RENDER_TIMEOUT)
        notice = page.locator(".medialit-tagger .mt-notice")
        download = page.locator(".medialit-tagger .mt-download")
        with page.expect_download():
            download.click()
        expect(notice).to_have_text("Downloaded your hand-in with 0 tags.")
        for name in ("alex", "sam"):
            answers = {"02-what-happened": {"question": "What happened?", "text": f"{name.title()}'s answer."}}
            page.locator(".medialit-tagger .mt-file").set_input_files(
                str(handin_file(tmp_path / f"{name}.json", ex, answers))
            )
            expect(notice).to_have_text(
                f"Loaded 0 tags and 1 written answer from {name}.json. Undo (Ctrl+Z) goes back to your earlier work."
            )
        screenshot(page, "jupyter-second-hand-in")
        # an answer whose text is no text: the widget's notice names it, says why and how to mend it, as a book page's
        answers = {"02-what-happened": {"question": "What happened?", "text": ["Kim's answer."]}}
        page.locator(".medialit-tagger .mt-file").set_input_files(str(handin_file(tmp_path / "kim.json", ex, answers)))
        expect(notice).to_contain_text("Loaded 0 tags from kim.json. Undo (Ctrl+Z) goes back to your earlier work.")
        expect(notice.locator("li")).to_have_text(
            [
                "The answer to “What happened?”: its text is missing or wrong, so it was left out. To fix it, write"
                " the answer again on the book's page and download the hand-in again."
            ]
        )
        with page.expect_download():
            download.click()
        expect(notice).to_have_text("Downloaded your hand-in with 0 tags and 1 written answer.")


def test_enter_in_the_name_box_saves_the_name_in_jupyter(browser, jupyter):
    """Enter in the name box saves the name there and then, as on a book page: the box keeps the focus and
    says "✓ Saved" (the Tagger has sent the name to the kernel's widget). JupyterLab and Notebook 7 cancel
    the line break of an Enter typed in a notebook cell, and with it the box's change: the name was saved
    only when the box lost focus. Ctrl+Z in the box undoes typing there, which they cancelled too."""
    base, token, app = jupyter
    with notebook_page(browser, f"name-saved-{app}", viewport={"width": 1280, "height": 1000}) as page:
        page.goto(f"{base}{APPS[app]}?token={token}")
        run_all_cells(page)
        name = page.locator(".medialit-tagger .mt-student")
        name.wait_for(timeout=RENDER_TIMEOUT)
        name.fill("Sam")
        name.press("Enter")
        expect(page.locator(".medialit-tagger .mt-namesaved")).to_have_text("✓ Saved")
        expect(name).to_be_focused()
        assert page.locator(".jp-Notebook .jp-Cell").count() == 1  # Enter made no cell
        screenshot(page, f"jupyter-name-saved-{app}")
        name.press("s")
        name.press("Control+z")
        expect(name).to_have_value("Sam")
        assert page.locator(".jp-Notebook .jp-Cell").count() == 1  # nor did Ctrl+Z undo a cell


@pytest.mark.parametrize("jupyter", ["lab"], indirect=True)
def test_enter_in_an_author_text_area_starts_a_new_line_in_jupyter(browser, jupyter, tmp_path):
    """Enter in author mode's text areas (here an item's "why") starts a new line, as on a book page; JupyterLab
    cancelled that line break, as it does for every Enter typed in a notebook cell."""
    from helpers import drafted_exercise

    base, token, _ = jupyter
    root = tmp_path / "root"
    (root / "book").mkdir()
    made = drafted_exercise(root / "book", "Mill Road")
    write_notebook(root, f"import medialit\nmedialit.Tagger({json.dumps(str(made.exercise_file))}, mode='author')")
    with notebook_page(browser, "author-new-line", viewport={"width": 1280, "height": 1000}) as page:
        page.goto(f"{base}{APPS['lab']}?token={token}")
        run_all_cells(page)
        entry = page.locator(".medialit-tagger .mt-entry").first
        entry.wait_for(timeout=RENDER_TIMEOUT)
        entry.locator(".mt-details > summary").click()
        why = entry.locator(".mt-why")
        why.fill("It names no one.")
        why.press("Enter")
        why.press_sequentially("L2 says so.")
        expect(why).to_have_value("It names no one.\nL2 says so.")
        assert page.locator(".jp-Notebook .jp-Cell").count() == 1  # Enter made no cell
