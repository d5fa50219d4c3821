"""The Tagger in a real JupyterLab 4 and Notebook 7: open a notebook, run it, tag a word, press Check.

Each test starts its own Jupyter server on 127.0.0.1 (a free port, a token, no browser) with a
temporary root folder, config and runtime dirs, so nothing of the user's Jupyter setup is used.
anywidget's front end comes from its wheel's labextension: the page must load nothing from outside
the server. Check in Jupyter sends a custom message that runs the Python checker in the kernel.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from browser_helpers import DRAFT_ON_SCREEN, ROOT, handin_file, painted, screenshot
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

EXERCISE = ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml"
WORD = "despot"  # a loaded word in the key (L10)
START_TIMEOUT = 60  # seconds for the server to answer
RENDER_TIMEOUT = 120_000  # ms for the kernel to start and the widget to draw
RUN_ATTEMPTS = 3
APPS = {  # app name: the notebook's page
    "lab": "lab/tree/tagger.ipynb",
    "notebook": "notebooks/tagger.ipynb",
}


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


def run_all_cells(page) -> None:
    """Run the notebook once its kernel is idle. A Run All given while the page is still wiring the
    notebook up can be lost, so it is given again until the cell shows it has been queued or run."""
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=RENDER_TIMEOUT)
    prompt = page.locator(".jp-Notebook .jp-Cell .jp-InputPrompt").first
    for _ in range(RUN_ATTEMPTS):
        page.locator(".jp-Notebook .jp-Cell").first.click()  # the notebook is the current widget
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.locator(".lm-Menu-item[data-command='runmenu:run-all']:not(.lm-mod-disabled)").click()
        try:
            page.wait_for_function(
                "p => /\\[(\\*|\\d+)\\]/.test(p.textContent)", arg=prompt.element_handle(), timeout=10_000
            )
            return
        except PlaywrightTimeout:
            continue
    pytest.fail(f"the notebook's cell did not run after {RUN_ATTEMPTS} tries of Run All")


def test_tag_and_check_in_jupyter(browser, jupyter):
    base, token, app = jupyter
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    offsite = []

    def guard(route, request):
        if request.url.startswith(base):
            route.continue_()
        else:
            offsite.append(request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    try:
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
        screenshot(page, f"jupyter-{app}")
    finally:
        context.close()
    assert offsite == [], f"the page asked for files outside the Jupyter server: {offsite}"
    assert [e for e in errors if "medialit" in e or "anywidget" in e] == []


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
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
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
        page.locator(".medialit-tagger .mt-rv-save").click()
        saved_notice = page.locator(".medialit-tagger .mt-notice", has_text="Saved")
        saved_notice.wait_for(timeout=30_000)
        expect(saved_notice).to_have_class("mt-notice mt-notice-info")  # good news, not the red warning
        expect(saved_notice).not_to_have_attribute("role", "alert")
        screenshot(page, "jupyter-author-review")
    finally:
        context.close()
    saved = load_exercise(made.exercise_file)
    assert not saved.item(drafted.key[0].id).draft  # accepted: no longer a draft, in the file itself
    assert saved.item(drafted.key[1].id) is None  # rejected: gone
    assert sum(k.draft for k in saved.key) == len(drafted.key) - 2
    assert len(saved.distractors) == len(drafted.distractors)


@pytest.mark.parametrize("jupyter", ["lab"], indirect=True)
def test_a_second_hand_in_loaded_in_jupyter_speaks_of_no_answer_boxes(browser, jupyter, tmp_path):
    """Jupyter shows no answer boxes: a hand-in that replaces a first one's written answers says Undo goes
    back to the earlier work, and nothing of answers kept under their questions, as a book page does."""
    from medialit import load_exercise

    base, token, _ = jupyter
    exercise = load_exercise(EXERCISE)
    ex = {"id": exercise.id, "article": {"sha256": exercise.article.sha256}}
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    try:
        page.goto(f"{base}{APPS['lab']}?token={token}")
        run_all_cells(page)
        page.locator(".medialit-tagger .mt-article .mt-tok").first.wait_for(timeout=RENDER_TIMEOUT)
        notice = page.locator(".medialit-tagger .mt-notice")
        for name in ("alex", "sam"):
            answers = {"02-what-happened": {"question": "What happened?", "text": f"{name.title()}'s answer."}}
            page.locator(".medialit-tagger .mt-file").set_input_files(
                str(handin_file(tmp_path / f"{name}.json", ex, answers))
            )
            expect(notice).to_have_text(
                f"Loaded 0 tags and 1 written answer from {name}.json. Undo (Ctrl+Z) goes back to your earlier work."
            )
        screenshot(page, "jupyter-second-hand-in")
        # an answer changed by hand: the widget's notice names it, says why and how to mend it, as a book page's
        answers = {"02-what-happened": {"question": "What happened?", "text": ["Kim's answer."]}}
        page.locator(".medialit-tagger .mt-file").set_input_files(str(handin_file(tmp_path / "kim.json", ex, answers)))
        expect(notice).to_contain_text("Loaded 0 tags from kim.json. Undo (Ctrl+Z) goes back to your earlier work.")
        expect(notice.locator("li")).to_have_text(
            [
                "The answer to “What happened?”: it was changed by hand (its text is missing or wrong), so it was left"
                " out. To fix it, write the answer again on the book's page and download the hand-in again."
            ]
        )
    finally:
        context.close()


def test_enter_in_the_name_box_saves_the_name_in_jupyter(browser, jupyter):
    """Enter in the name box saves the name there and then, as on a book page: the box keeps the focus and
    says "✓ Saved" (the Tagger has sent the name to the kernel's widget). JupyterLab and Notebook 7 cancel
    the line break of an Enter typed in a notebook cell, and with it the box's change: the name was saved
    only when the box lost focus. Ctrl+Z in the box undoes typing there, which they cancelled too."""
    base, token, app = jupyter
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    try:
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
    finally:
        context.close()


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
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    try:
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
    finally:
        context.close()
