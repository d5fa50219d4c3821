"""The class-report page in Chromium, opened from disk and over http: a teacher drops the sample class
(good files, a damaged one, one for another exercise, one for another version of the article, one
with an orphan tag) and gets the same numbers as `medialit report --chapter`, a gradebook with one row
per student, the problems listed by name; nothing is requested off the page's origin, axe finds no
violations, the keyboard alone does it all, and without a Web Worker the page still does the work."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_helpers import PHONE, ROOT, screenshot
from conftest import book_html, chromium_path
from playwright.sync_api import expect

from medialit.core.article import is_punctuation

PAGE = "book/teachers/class-report.html"
SAMPLE = ROOT / "notebooks" / "sample-class"
FILES = sorted(str(p) for p in SAMPLE.iterdir())


@pytest.fixture(scope="module")
def cli_claims(tmp_path_factory):
    """`medialit report --chapter claims` on the sample class: its summary and gradebook."""
    out = tmp_path_factory.mktemp("claims")
    done = subprocess.run(
        [sys.executable, "-m", "medialit", "report", str(SAMPLE), "--chapter", "claims", "--out", str(out)],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stderr  # the sample class has bad files
    return {
        "summary": json.loads((out / "summary.json").read_text(encoding="utf-8")),
        "gradebook": (out / "gradebook.csv").read_bytes().decode("utf-8"),
    }


def open_page(context, where: str, book_server: str):
    page = context.new_page()
    page.errors, page.offsite = [], []
    origin = "file://" if where == "disk" else book_server.rstrip("/")
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda err: page.errors.append(str(err)))
    page.on(
        "request", lambda r: page.offsite.append(r.url) if not r.url.startswith((origin, "blob:", "data:")) else None
    )
    page.goto((book_html() / PAGE).as_uri() if where == "disk" else book_server + PAGE)
    expect(page.locator("[data-medialit-class-report]")).to_have_attribute("data-state", "ready")
    return page


def report_on(page, choice: str, files: list[str]) -> dict:
    page.select_option("#mcr-chapter", choice)
    before = page.evaluate("window.medialitClassReport.reports")
    page.set_input_files("#mcr-files", files)
    page.wait_for_function(f"window.medialitClassReport.reports > {before}", timeout=60_000)
    return page.evaluate("window.medialitClassReport")


def open_class(page, where: str, folder: Path, roster: bool) -> str:
    """Open a class of hand-ins in `folder` as a teacher would: on the book's page (its hand-ins, then its roster
    when `roster`) or as the report.html `medialit report` wrote there; returns the report's root selector."""
    if where == "page":
        page.goto(PAGE)
        report_on(page, "kremlin-drone|", sorted(str(p) for p in (folder / "hand-ins").iterdir()))
        if roster:
            page.set_input_files("#mcr-roster", str(folder / "roster.csv"))
            expect(page.locator(".mcr-status")).to_contain_text("Roster: 29 students")
        return ".mcr-report"
    page.goto((folder / ("report-roster.html" if roster else "report.html")).as_uri())
    return "main"


def download(page, name: str) -> str:
    with page.expect_download() as got:
        page.locator(f".mcr-download[data-file='{name}']").click()
    return Path(got.value.path()).read_bytes().decode("utf-8")


@pytest.mark.parametrize("where", ["disk", "http"])
def test_the_sample_class_gives_the_numbers_of_medialit_report(browser, book_server, cli_claims, where):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    try:
        page = open_page(context, where, book_server)
        state = report_on(page, "kremlin-drone|03-claims", FILES)
        assert state["mode"] == "worker", "the Web Worker did not start"
        summary = state["summary"]
        assert len(summary["students"]) == 25 and len(summary["skipped"]) == 4
        assert summary == cli_claims["summary"]
        rows = page.locator("section[aria-labelledby='mcr-students'] table >> nth=0 >> tbody tr")
        expect(rows).to_have_count(25)
        problems = page.locator("section[aria-labelledby='mcr-problems']")
        for name in ("broken.json", "notes.txt", "wrong-exercise.json", "old-article.json"):
            expect(problems.locator("td", has_text=name)).to_have_count(1)
        expect(problems).to_contain_text("another version of the article")
        expect(problems).to_contain_text("edited-by-hand")  # the orphan tag, left out of a hand-in that was used
        expect(page.locator(".mcr-heat .mcr-k").first).to_be_visible()
        legend = page.locator(".mcr-legend").first  # the shades' percentages say what they are a share of
        expect(legend).to_contain_text("The share of the students who tagged a word: 10%")
        every_item = page.locator("section[aria-labelledby='mcr-missed'] details th")  # each count says of what
        expect(every_item).to_have_text(["Line", "Words", "Label", "Asked", "Found by", "Other label"])
        written = page.locator("section[aria-labelledby='mcr-written']")
        expect(written).to_contain_text("What do you think happened")
        expect(written).to_contain_text("(02-one-word, 20 answers)")  # was "(02-one-word: 20)": 20 what?
        gradebook = download(page, "gradebook.csv")
        assert gradebook.startswith("\ufeff")
        assert gradebook == cli_claims["gradebook"]
        assert len(list(csv.reader(io.StringIO(gradebook[1:], newline="")))) == 1 + 25  # one row per student
        screenshot(page, f"class-report-{where}")
        assert page.errors == [] and page.offsite == [], (page.errors, page.offsite)
    finally:
        context.close()


# Files dropped on the page as a teacher drags them from a folder window: a DataTransfer of File objects.
DROP = """([files, target]) => {
  const data = new DataTransfer();
  for (const [name, text] of files) data.items.add(new File([text], name, { type: "application/json" }));
  const zone = document.querySelector(target);
  zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
  zone.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
}"""


def test_dropped_files_make_the_report_and_the_status_counts_them_in_words(page):
    """One hand-in and one file that is not: the status line says "1 student's hand-in used, 1 file left out"
    (it said "1 students' hand-ins used, 1 files left out")."""
    page.goto(PAGE)
    expect(page.locator("[data-medialit-class-report]")).to_have_attribute("data-state", "ready")
    page.select_option("#mcr-chapter", "kremlin-drone|03-claims")
    handin = (SAMPLE / "fox-07.json").read_text(encoding="utf-8")
    page.evaluate(DROP, [[["fox-07.json", handin], ["notes.txt", "I did it on paper"]], ".mcr-drop"])
    page.wait_for_function("window.medialitClassReport.reports > 0", timeout=60_000)
    expect(page.locator(".mcr-status")).to_have_text(
        "Report ready: 1 student's hand-in used, 1 file left out. It is below."
    )
    expect(page.locator("section[aria-labelledby='mcr-students'] table >> nth=0 >> tbody tr")).to_have_count(1)
    expect(page.locator("section[aria-labelledby='mcr-problems']")).to_contain_text("notes.txt")
    assert page.errors == [] and page.offsite_requests == []


def test_a_roster_joins_student_ids_into_the_gradebook_in_the_browser(page, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text(
        'Pseudonym,Student ID\nfox-07,S1007\n"otter-01",01001\nsomeone-away,12-2025\nowl-09,\n', encoding="utf-8"
    )
    page.goto(PAGE)
    report_on(page, "kremlin-drone|", FILES)
    page.set_input_files("#mcr-roster", str(roster))
    expect(page.locator(".mcr-status")).to_contain_text("Roster: 3 students")
    expect(page.locator(".mcr-status")).to_contain_text("Row 5 of the roster has no student ID")
    expect(page.locator("section[aria-labelledby='mcr-students']")).to_contain_text("someone-away")
    rows = list(csv.DictReader(io.StringIO(download(page, "gradebook.csv")[1:], newline="")))
    ids = {row["student"]: row["student ID"] for row in rows}
    assert len(rows) == 26 and ids["fox-07"] == "S1007" and ids["otter-01"] == "01001"  # as written
    # a spreadsheet would show 1001 and a date: the report says so, and what to do, as report.html does
    expect(page.locator("section[aria-labelledby='mcr-students']")).to_contain_text(
        "Pseudonyms and student IDs that a spreadsheet would change (01001 and 12-2025): a spreadsheet that opens a "
        "CSV file of this report reads each as a number or a date, not as text (01001 becomes 1001 and 12-2025 "
        "becomes a date)."
    )
    assert ids["owl-09"] == ids["wren-05"] == "not on the roster"  # owl-09's row has no ID: it was left out
    expect(page.locator("section[aria-labelledby='mcr-students']")).to_contain_text(
        "Handed in, but not on the roster (check that the name is written the same way in both): badger-04, "
    )
    away = next(row for row in rows if row["student"] == "someone-away")  # on the roster, no hand-in
    # the spreadsheet's own file instead of its CSV: said so, with the fix, and the roster read before stays
    xlsx = tmp_path / "roster.xlsx"
    xlsx.write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\xb5U0#\xf4[Content_Types].xml")
    page.set_input_files("#mcr-roster", str(xlsx))
    expect(page.locator(".mcr-status")).to_have_text(
        "The roster roster.xlsx could not be used: line 1: this is not a CSV text file (UTF-8); it may be a "
        "spreadsheet's own file, such as .xlsx. Fix: save the roster from your spreadsheet as CSV (UTF-8) and use "
        "that file."
    )
    # Excel's plain "CSV (Comma delimited)" on Windows: a CSV file, its accented letter in another character set
    page.set_input_files("#mcr-roster", str(ROOT / "tests" / "hostile" / "rosters" / "windows-1252.csv"))
    expect(page.locator(".mcr-status")).to_have_text(
        "The roster windows-1252.csv could not be used: line 2: this line holds a letter saved in another character "
        'set than UTF-8, as Excel\'s "CSV (Comma delimited)" saves an accented letter (é, ë, ñ), so the names could '
        'not be read as they are written. Fix: save the roster again as "CSV UTF-8 (Comma delimited)" (in Excel: '
        'File, Save As, and that file type; in LibreOffice: Save As, tick "Edit filter settings", and choose the '
        'character set "Unicode (UTF-8)"), then use that file.'
    )
    expect(page.locator("section[aria-labelledby='mcr-students']")).to_contain_text("S1007")
    assert (
        away["student ID"] == "12-2025" and away["file"] == "no hand-in" and away["tags"] == away["total found"] == ""
    )
    assert page.offsite_requests == []


def test_a_roster_saved_as_unicode_text_with_blank_rows_is_read_and_its_rows_named_as_the_spreadsheet_does(
    page, tmp_path
):
    """A spreadsheet's "Unicode Text" (UTF-16, tabs) was refused as "not a CSV text file"; and a problem under
    blank rows was named by the rows left after them (row 3 of the spreadsheet's row 6)."""
    roster = tmp_path / "roster.txt"
    text = "Student name\tStudent number\r\n\t\r\nfox-07\tS1007\r\n\t\r\n\t\r\nowl-09\t\r\nZoë\tS2000\r\n"
    roster.write_bytes(text.encode("utf-16"))  # its byte-order mark first, as the spreadsheet writes it
    page.goto(PAGE)
    report_on(page, "kremlin-drone|", FILES)
    page.set_input_files("#mcr-roster", str(roster))
    expect(page.locator(".mcr-status")).to_contain_text("Roster: 2 students.")
    expect(page.locator(".mcr-status")).to_contain_text("Row 6 of the roster has no student ID; it was left out.")
    rows = list(csv.DictReader(io.StringIO(download(page, "gradebook.csv")[1:], newline="")))
    ids = {row["student"]: row["student ID"] for row in rows}
    assert ids["fox-07"] == "S1007" and ids["Zoë"] == "S2000" and "Student name" not in ids
    assert page.offsite_requests == []


def test_a_pseudonym_with_control_characters_shows_what_it_holds_as_report_html_does(page, tmp_path):
    """A right-to-left override made "\u202e70-xof" show as "fox-07" on the page (report.html and the CSV files
    write it out): one student could pass for another, and a line break or an escape showed as nothing."""
    crafted = "\u202e70-xof"
    work = json.loads((SAMPLE / "fox-07.json").read_text(encoding="utf-8"))
    work["student"] = crafted
    work["answers"] = {next(iter(work.get("answers") or {"q": 0})): {"text": "I think\u202e so", "question": "Why?"}}
    (tmp_path / "crafted.json").write_text(json.dumps(work), encoding="utf-8")
    page.goto(PAGE)
    report_on(page, "kremlin-drone|", [str(SAMPLE / "fox-07.json"), str(tmp_path / "crafted.json")])
    report = page.locator(".mcr-report")
    expect(report).to_contain_text("\\u202e70-xof")
    assert "\u202e" not in report.inner_text()
    assert page.errors == [] and page.offsite_requests == []


def test_the_keyboard_alone_makes_the_report_and_downloads_it(page):
    # Listening for the file chooser from the start: Playwright asks the browser to hand it over without
    # waiting for an answer, so a listener added just before the key can come too late on a busy machine.
    choosers = []
    page.on("filechooser", lambda chooser: (choosers.append(chooser), chooser.set_files(FILES)))
    page.goto(PAGE)
    expect(page.locator("[data-medialit-class-report]")).to_have_attribute("data-state", "ready")
    page.locator("#mcr-chapter").focus()
    page.keyboard.press("ArrowDown")  # the next choice: the first chapter of the first exercise
    assert page.locator("#mcr-chapter").input_value() != "kremlin-drone|"
    page.keyboard.press("Tab")
    expect(page.locator("#mcr-files")).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_function("window.medialitClassReport.reports > 0", timeout=60_000)
    assert len(choosers) == 1 and choosers[0].element.get_attribute("id") == "mcr-files"
    expect(page.locator(".mcr-status")).to_contain_text("Report ready")
    first = page.locator(".mcr-download").first
    first.focus()
    with page.expect_download() as got:
        page.keyboard.press("Enter")
    assert got.value.suggested_filename.endswith("-gradebook.csv")
    focused = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focused != "none", "the focused button shows no focus ring"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_axe_finds_no_violations_in_the_report(page, theme, tmp_path):
    page.goto(PAGE)
    page.evaluate(f"document.documentElement.dataset.theme = {theme!r}")
    report_on(page, "kremlin-drone|05-loaded-language", FILES)
    roster = tmp_path / "roster.csv"  # the IDs under the pseudonyms, in their lighter colour, are checked too
    roster.write_text("Pseudonym,Student ID\nfox-07,S1007\n", encoding="utf-8")
    page.set_input_files("#mcr-roster", str(roster))
    expect(page.locator(".mcr-id").first).to_be_visible()
    page.locator("details.mcr-details").evaluate_all("els => els.forEach((d) => { d.open = true; })")
    results = Axe().run(page, context=".medialit-class-report")
    assert results.response["violations"] == [], results.generate_report()
    screenshot(page, f"class-report-axe-{theme}")


def test_without_a_web_worker_the_page_does_the_work_and_keeps_drawing(page, tmp_path):
    sys.path.insert(0, str(ROOT / "notebooks"))
    try:
        spec = importlib.util.spec_from_file_location("sample_class", ROOT / "notebooks" / "sample_class.py")
        sample_class = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sample_class)
    finally:
        sys.path.pop(0)
    from medialit import load_exercise

    exercise = load_exercise(ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml")
    files = sample_class.write_class(exercise, tmp_path / "class", 150, seed=4, broken=False)
    page.add_init_script("window.Worker = undefined;")
    page.goto(PAGE)
    page.evaluate("""() => {
      window.framesWhileReading = 0;
      const status = document.querySelector('.mcr-status');
      const count = () => {
        if (status.textContent.startsWith('Read ')) framesWhileReading += 1;
        requestAnimationFrame(count);
      };
      requestAnimationFrame(count);
    }""")
    state = report_on(page, "kremlin-drone|", [str(p) for p in files])
    assert state["mode"] == "page" and len(state["summary"]["students"]) == 150
    assert page.evaluate("framesWhileReading") >= 3, "the page drew no frames while it read the files"


def test_a_student_who_handed_in_twice_is_one_row_and_the_table_explains_its_figures(page, tmp_path):
    """An older copy of fox-07's hand-in is left out and named under Problems with files; the table of
    students shows the tags on the key beside the completion, and says what the two mean."""
    fox = json.loads((SAMPLE / "fox-07.json").read_text(encoding="utf-8"))
    draft = tmp_path / "fox-07-draft.json"
    draft.write_text(json.dumps({**fox, "updated": "2026-11-25T09:20:00Z", "tags": []}), encoding="utf-8")
    page.goto(PAGE)
    state = report_on(page, "kremlin-drone|03-claims", [*FILES, str(draft)])
    assert len(state["summary"]["students"]) == 25 and len(state["summary"]["skipped"]) == 5
    students = page.locator("section[aria-labelledby='mcr-students']")
    expect(students.locator("table >> nth=0 >> tbody tr")).to_have_count(25)
    expect(students.locator("th", has_text="Tags on the key")).to_have_count(1)
    expect(students).to_contain_text("Completion is the share of the key items asked for")
    expect(page.locator(".mcr-lead").first).to_have_text("Hand-ins used: 25. Files left out: 5.")
    problems = page.locator("section[aria-labelledby='mcr-problems']")
    expect(problems).to_contain_text("an older save of fox-07's hand-in")
    gradebook = list(csv.reader(io.StringIO(download(page, "gradebook.csv")[1:], newline="")))
    assert [row[0] for row in gradebook].count("fox-07") == 1 and gradebook[0][-2:] == [
        "tags on the key",
        "tags on the key %",
    ]
    # a count such as "13 of 18" stays on one line (its share may go under it); the table scrolls sideways instead
    wrapped = students.evaluate(
        """(el) => [...el.querySelectorAll('td:not(.mcr-long):not(.mcr-pieces), .mcr-piece')].filter((td) => {
          const range = document.createRange();
          range.selectNodeContents(td);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
        }).map((td) => td.textContent)"""
    )
    assert wrapped == [], wrapped
    students.scroll_into_view_if_needed()
    screenshot(page, "class-report-students")
    assert page.errors == [] and page.offsite_requests == []


def test_every_key_item_says_how_many_students_were_counted_at_another_mention(page, tmp_path):
    """Chapter 7 asks for Medvedev at "said Medvedev" (L100); a student's tag on the photo caption that names him
    counts there. The page's table of every key item has a column that counts that student on the caption's row,
    with what it means, as report.html has; a chapter where no tag counted elsewhere has no such column."""
    from helpers import handin_of

    from medialit import Tag, load_exercise
    from medialit.classroom.tables import ELSEWHERE_HEADER, ELSEWHERE_WORDS, EVERY_ITEM_WORDS

    exercise = load_exercise(ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml")
    caption = exercise.item("src-medvedev-photo-l100")
    handin = handin_of(exercise, [Tag("t1", "source", caption.start, caption.end, caption.quote)])
    handin.student = "caption"
    handin.save(tmp_path / "caption.json")
    page.goto(PAGE)
    report_on(page, "kremlin-drone|07-lateral-reading", [str(tmp_path / "caption.json")])
    every = page.locator("section[aria-labelledby='mcr-missed'] details.mcr-details")
    every.evaluate("(d) => { d.open = true; }")
    header = every.locator("th").all_inner_texts()
    assert header[-1] == ELSEWHERE_HEADER
    row = every.locator("tbody tr", has_text=caption.quote)
    assert row.locator("td").all_inner_texts()[-1] == "1"
    expect(every).to_contain_text(ELSEWHERE_WORDS)
    expect(every).to_contain_text(EVERY_ITEM_WORDS)  # what Found by and Other label count
    report_on(page, "kremlin-drone|03-claims", FILES)
    expect(every.locator("th", has_text=ELSEWHERE_HEADER)).to_have_count(0)
    assert page.errors == [] and page.offsite_requests == []


# The table of every key item against its box: how wide the table is, how wide its box is, whether the page itself
# scrolls sideways, the narrowest cell of the item's words with that cell's 12em, and the cells of a count and its
# share ("7 of 24 (29%)") on more than one line.
EVERY_ITEM_WIDTHS = """(box) => {
  const words = [...box.querySelectorAll('tbody tr')].map((tr) => tr.cells[1]);
  const lines = (td) => {
    const range = document.createRange();
    range.selectNodeContents(td);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  };
  return { table: box.querySelector('table').scrollWidth, room: box.clientWidth,
    wrapped: [...box.querySelectorAll('td.mcr-pieces')].filter((td) => /%/.test(td.textContent) && lines(td) > 1)
      .length,
    sideways: document.documentElement.scrollWidth > innerWidth,
    words: Math.min(...words.map((td) => td.getBoundingClientRect().width)),
    twelveEm: 12 * parseFloat(getComputedStyle(words[0]).fontSize) };
}"""


@pytest.mark.parametrize("screen", [1024, 1280, 1440, "phone"])
@pytest.mark.parametrize("choice", ["kremlin-drone|07-lateral-reading", "kremlin-drone|"])
def test_every_key_item_fits_a_laptops_column_and_its_words_stay_readable_on_a_phone(
    browser, book_server, tmp_path, screen, choice
):
    """At 1280 px the table of every key item was 101 px wider than the book's column, its last column behind a
    sideways scroll: Other label (students) and At another mention (students) as wide as "(students)", Found by as
    wide as "21 of 24 (88%)". It fits at 1024 and 1280 px, in a chapter with the column At another mention and in
    the whole text (its labels include "loaded word"), its shares under their counts only where it needs the room
    (not at 1440 px, where the book's column is wider). On a phone it scrolls in its own box, not the page, and the
    item's words keep a column at least 12em wide."""
    from helpers import handin_of

    from medialit import Tag, load_exercise

    exercise = load_exercise(ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml")
    caption = exercise.item("src-medvedev-photo-l100")  # counts for "said Medvedev" in chapter 7
    handin = handin_of(exercise, [Tag("t1", "source", caption.start, caption.end, caption.quote)])
    handin.student = "caption"
    handin.save(tmp_path / "caption.json")
    options = PHONE if screen == "phone" else {"viewport": {"width": screen, "height": 900}}
    context = browser.new_context(base_url=book_server, **options)
    try:
        page = context.new_page()
        page.goto(PAGE)
        report_on(page, choice, [*FILES, str(tmp_path / "caption.json")])
        every = page.locator("section[aria-labelledby='mcr-missed'] details.mcr-details")
        every.evaluate("(d) => { d.open = true; }")
        widths = every.locator(".mcr-table-wrap").evaluate(EVERY_ITEM_WIDTHS)
        if screen == "phone":
            assert not widths["sideways"] and widths["words"] >= widths["twelveEm"], widths
        else:
            assert widths["table"] <= widths["room"], widths
        if screen in (1440, "phone"):
            assert widths["wrapped"] == 0, widths
        every.locator("summary").scroll_into_view_if_needed()
        screenshot(page, f"class-report-every-item-{screen}-{choice.split('|')[1] or 'whole'}")
    finally:
        context.close()


# Each table's caption: where its last line ends, and where its box does.
CAPTION_ENDS = """() => [...document.querySelectorAll('.mcr-table-wrap')].map((box) => {
  const range = document.createRange();
  range.selectNodeContents(box.querySelector('caption'));
  const right = Math.max(...[...range.getClientRects()].map((r) => r.right));
  return [box.querySelector('caption').textContent, right, box.getBoundingClientRect().right];
})"""


def test_on_a_phone_each_tables_caption_is_read_whole_in_its_box(browser, book_server):
    """A table wider than a phone scrolls in its box, and its caption, as wide as the table, ran past the screen's
    edge: "Every key item in the lines and labels reported o". It wraps in the box and stays there as the table
    scrolls."""
    context = browser.new_context(base_url=book_server, **PHONE)
    try:
        page = context.new_page()
        page.goto(PAGE)
        report_on(page, "kremlin-drone|03-claims", FILES)
        page.locator("details").evaluate_all("(els) => els.forEach((d) => { d.open = true; })")
        ends = page.evaluate(CAPTION_ENDS)
        assert len(ends) >= 5 and [end for end in ends if end[1] > end[2] + 0.5] == [], ends
        wide = page.locator(".mcr-table-wrap").nth(2)
        wide.evaluate("(box) => { box.scrollLeft = box.scrollWidth; }")
        caption, box = wide.evaluate("(b) => [b.querySelector('caption'), b].map((e) => e.getBoundingClientRect().x)")
        assert abs(caption - box) < 1, (caption, box)  # still in view at the far end
        wide.scroll_into_view_if_needed()
        screenshot(page, "class-report-caption-phone")
    finally:
        context.close()


def test_the_table_of_students_has_no_column_for_a_label_the_key_has_none_of(page, tmp_path):
    """The practice exercise has the cue label but no cue in its key: no column of "0 of 0" cues found."""
    from helpers import handin_of

    from medialit import load_exercise

    practice = load_exercise(ROOT / "book" / "exercises" / "practice-council" / "exercise.yml")
    handin = handin_of(practice, [])
    handin.student = "otter"
    handin.save(tmp_path / "otter.json")
    page.goto(PAGE)
    report_on(page, "practice-council|", [str(tmp_path / "otter.json")])
    header = page.locator("section[aria-labelledby='mcr-students'] thead th").all_text_contents()
    assert "loaded words found" in header and not [h for h in header if "cue" in h], header
    screenshot(page, "class-report-practice")


def test_the_page_comes_back_to_the_chapter_the_teacher_chose_last(page):
    page.goto(PAGE)
    select = page.locator("#mcr-chapter")
    select.wait_for()
    assert select.input_value() == "kremlin-drone|"  # the whole text, the first time
    select.select_option("kremlin-drone|03-claims")
    page.reload()
    expect(page.locator("#mcr-chapter")).to_have_value("kremlin-drone|03-claims")


def test_on_a_wide_screen_the_student_table_fits_without_scrolling_sideways(browser, book_server):
    """The table of students was held to the chapter text's line length: cut at 832 px, its notes and
    answers behind a sideways scroll, beside empty space."""
    context = browser.new_context(base_url=book_server, viewport={"width": 1900, "height": 1000})
    page = context.new_page()
    try:
        page.goto(PAGE)
        report_on(page, "kremlin-drone|", FILES)
        table = page.locator("section[aria-labelledby='mcr-students'] table").first
        width, room = table.evaluate("(t) => [t.scrollWidth, t.parentElement.clientWidth]")
        assert width <= room, (width, room)
    finally:
        context.close()


def test_with_no_hand_in_used_the_page_says_there_is_nothing_to_report_yet(page, tmp_path):
    """Files that are all left out: why and what to do, the files with their reasons, and only the list of
    files left out to download; no table of "found by 0 of 0". Hidden files alone: nothing to read."""
    (tmp_path / "a.json").write_text("{oops", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("my homework", encoding="utf-8")
    page.goto(PAGE)
    state = report_on(page, "practice-council|", [str(tmp_path / "a.json"), str(tmp_path / "notes.txt")])
    assert state["summary"]["students"] == [] and len(state["summary"]["skipped"]) == 2
    report = page.locator(".mcr-report")
    said = "Nothing to report yet: none of the 2 files read could be used as a hand-in for this exercise."
    expect(report.locator(".mcr-lead")).to_have_text(said)
    # the status line (what a screen reader hears) says the report is there, not the report's first line again
    expect(page.locator(".mcr-status")).to_have_text(
        "Report ready: it is below, with why no hand-in could be used and what to do."
    )
    expect(report).to_contain_text("What to do: give the report the .json files the students saved")
    expect(report.locator("section[aria-labelledby='mcr-problems'] tbody tr")).to_have_count(2)
    assert "0 of 0" not in report.text_content() and report.locator("#mcr-missed, #mcr-heat").count() == 0
    expect(page.locator(".mcr-download")).to_have_count(1)
    assert download(page, "problems.csv").count("\r\n") == 3  # the header and the two files
    (tmp_path / ".DS_Store").write_text("x", encoding="utf-8")
    page.set_input_files("#mcr-files", [str(tmp_path / ".DS_Store")])
    expect(page.locator(".mcr-status")).to_have_text(
        "Nothing to report yet: there are no files but hidden ones there. "
        "Choose the students' .json hand-in files, or the folder that holds them."
    )
    expect(page.locator(".mcr-results")).to_be_hidden()
    assert page.errors == [] and page.offsite_requests == []


def test_the_choice_of_what_to_report_on_names_the_labels_the_key_has(page):
    """The practice exercise has all four labels but no cue in its key: its whole text is not offered
    as a report on cues."""
    page.goto(PAGE)
    choice = page.locator("#mcr-choice")
    page.select_option("#mcr-chapter", "practice-council|")
    expect(choice).to_have_text(
        "Counts claims, sources and loaded words in the whole text of “Practice: the Mill Road cycle lane” "
        "(exercise practice-council)."  # the id Problems with files names a hand-in for another exercise by
    )
    page.select_option("#mcr-chapter", "kremlin-drone|")
    expect(choice).to_contain_text("Counts claims, sources, loaded words and cues in the whole text of “")
    page.select_option("#mcr-chapter", "kremlin-drone|03-claims")
    expect(choice).to_contain_text("Counts claims in lines 1–18 of “")
    assert page.locator("#mcr-chapter").get_attribute("aria-describedby") == "mcr-choice"


# Each option's text, measured in the list's own font, against the room the closed list has for it.
OPTIONS_FIT = """() => {
  const select = document.querySelector("#mcr-chapter");
  const style = getComputedStyle(select);
  const ruler = document.createElement("canvas").getContext("2d");
  ruler.font = style.font;
  const arrow = 24; // the closed list's arrow, at most
  const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - arrow;
  const widest = Math.max(...[...select.options].map((o) => ruler.measureText(o.text).width));
  const page = document.documentElement;
  return { room, widest, sideways: page.scrollWidth > page.clientWidth };
}"""


@pytest.mark.parametrize("screen", ["laptop", "phone"])
def test_every_choice_of_what_to_report_on_is_read_whole(browser, book_server, screen):
    """The closed list shows its chosen option on one line: each option is short enough for it, at
    1280 px and on a phone, and what it counts wraps under it; the page does not scroll sideways."""
    options = PHONE if screen == "phone" else {"viewport": {"width": 1280, "height": 900}}
    context = browser.new_context(base_url=book_server, **options)
    try:
        page = context.new_page()
        page.goto(PAGE)
        expect(page.locator("[data-medialit-class-report]")).to_have_attribute("data-state", "ready")
        fit = page.evaluate(OPTIONS_FIT)
        assert fit["widest"] <= fit["room"], fit
        assert not fit["sideways"], fit
        choice = page.locator("#mcr-choice")
        for value in page.locator("#mcr-chapter option").evaluate_all("os => os.map((o) => o.value)"):
            page.select_option("#mcr-chapter", value)
            assert choice.evaluate("(p) => p.scrollWidth <= p.clientWidth"), value
        screenshot(page, f"class-report-choice-{screen}")
    finally:
        context.close()


@pytest.mark.parametrize("width", [1024, 1280])
@pytest.mark.parametrize("choice", ["kremlin-drone|", "kremlin-drone|07-lateral-reading"])
def test_on_a_laptop_screen_most_missed_shows_how_many_found_each_item(browser, book_server, choice, width):
    """At 1280 px the quotes in Most missed wrap, so that the "Found by" figures are on screen: a quote of
    fifty characters held on one line pushed them behind the table's sideways scroll. The whole table fits: its
    reasons ran 71 px (the whole text) and 20 px (chapter 7) behind the scroll at 1280 px, Found by as wide as
    "10 of 25 (40%)" and Label as "loaded word"."""
    context = browser.new_context(base_url=book_server, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(PAGE)
    report_on(page, choice, FILES)
    wrap = page.locator("section[aria-labelledby='mcr-missed'] .mcr-table-wrap").first
    found_by = wrap.locator("th", has_text="Found by")
    right = found_by.evaluate("(th) => th.getBoundingClientRect().right")
    edge = wrap.evaluate("(w) => w.getBoundingClientRect().left + w.clientWidth")
    assert right <= edge, (right, edge)
    widths = wrap.evaluate("(w) => [w.firstChild.scrollWidth, w.clientWidth]")
    assert widths[0] <= widths[1], widths
    wrap.scroll_into_view_if_needed()
    screenshot(page, f"class-report-most-missed-{width}-{choice.split('|')[1] or 'whole'}")
    context.close()


# For each count shown in a heat map: the count, the parts of the word before it (back to a space or the line
# number), each with how many students tagged it as its hover says, and whether a space or the paragraph's end
# follows the count.
COUNTED_WORDS = """(ns) => ns.map((n) => {
  const walker = document.createTreeWalker(n.closest("p"), NodeFilter.SHOW_TEXT);
  const before = [];
  while (walker.nextNode() && !n.contains(walker.currentNode)) before.push(walker.currentNode);
  const word = [];
  for (const t of before.reverse()) {
    if (/\\s/.test(t.data) || t.parentElement.closest(".mcr-lineno")) break;
    word.unshift(t);
  }
  const tagged = (t) => Number((t.parentElement.title.match(/: (\\d+) of \\d+ students$/) || [0, 0])[1]);
  const next = walker.nextNode();
  return [n.textContent, word.map((t) => [t.data, tagged(t)]), !next || /^\\s/.test(next.data)];
})"""


def test_the_heat_maps_counts_show_on_a_tap_or_a_key_not_only_on_hover(browser, book_server):
    """A phone and a keyboard cannot hover: "Show the counts" (one stop a heat map) puts each run's count in
    brackets after it, as report.html does; the counts are hidden until then. A count follows a whole word, never
    splits one (despot[12]’s), and is the most students its hover gives for a part of that word, punctuation
    aside; heat.csv has the count shown after each word."""
    context = browser.new_context(base_url=book_server, **PHONE)
    try:
        page = context.new_page()
        page.goto(PAGE)
        report_on(page, "kremlin-drone|05-loaded-language", FILES)
        heat = page.locator(".mcr-heat").first
        counts = heat.locator(".mcr-heat-text .mcr-n")
        assert counts.count() > 0
        expect(counts.first).to_be_hidden()
        heat.get_by_label("Show the counts").tap()
        expect(counts.first).to_be_visible()
        words = counts.evaluate_all(COUNTED_WORDS)
        for shown, parts, spaced in words:
            assert spaced and shown == f"[{max(n for text, n in parts if not is_punctuation(text))}]", parts
        assert any(len({n for _, n in parts} - {0}) > 1 for _, parts, _ in words)  # a word whose parts differ
        assert_heat_csv_has_the_counts_shown(page, heat)
        heat.locator(".mcr-show-n").focus()  # the box is one stop for a keyboard; Space takes the counts off
        page.keyboard.press("Space")
        expect(counts.first).to_be_hidden()
    finally:
        context.close()


# A heat map's words as they show with the counts shown, without the line numbers.
WORDS_SHOWN = """(ps) => ps.map((p) => [...p.childNodes].filter((n) => !n.classList?.contains("mcr-lineno"))
  .map((n) => n.textContent).join("")).join(" ")"""


def assert_heat_csv_has_the_counts_shown(page, heat) -> None:
    """The legend says heat.csv has each word's count: the page's heat.csv has a row a word of the map, as the map
    writes it, in its order, and a word with a count shown after it has that count in the map's label's column."""
    label = page.evaluate("window.medialitClassReport.summary.labels[0]")
    first, last = page.evaluate("window.medialitClassReport.summary.lines")
    header, *table = list(csv.reader(io.StringIO(download(page, "heat.csv")[1:], newline="")))
    assert header[:2] == ["line", "word"]
    table = [(row[1], row[header.index(label)]) for row in table if first <= int(row[0]) <= last]
    text = heat.locator(".mcr-heat-text p").evaluate_all(WORDS_SHOWN)
    shown = [re.fullmatch(r"(.*?)(?:\[(\d+)\])?", word).groups() for word in text.split()]
    shown = [(word, count) for word, count in shown if not is_punctuation(word)]
    assert [word for word, _ in table] == [word for word, _ in shown]
    counted = [(word, count) for word, count in shown if count]
    assert counted and [row for row, (_, count) in zip(table, shown) if count] == counted


# A heat map laid out at widths from a narrow phone's to a laptop's, its counts shown: each count on another line
# than the letter before it, and each outline of the key over a letter joined to it (the ’ of despot’s where the
# key has despot), with the width and the text; and how many counts and outlines were looked at.
LAID_OUT = """([text, count, key]) => {
  const box = document.querySelector(text);
  const walk = (node) => {
    const walker = document.createTreeWalker(node.parentElement.closest("p"), NodeFilter.SHOW_TEXT);
    walker.currentNode = node;
    return walker;
  };
  const texts = (node) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    const all = [];
    while (walker.nextNode()) all.push(walker.currentNode);
    return all;
  };
  const letter = (t, at) => {
    const range = document.createRange();
    range.setStart(t, at);
    range.setEnd(t, at + 1);
    return range.getBoundingClientRect();
  };
  const counts = [...box.querySelectorAll(count)];
  const keys = [...box.querySelectorAll(key)];
  const found = [];
  for (let width = 180; width <= 720; width += 6) {
    box.style.width = `${width}px`;
    for (const n of counts) {
      const t = walk(n.firstChild).previousNode();
      const [a, b] = [letter(t, t.length - 1), n.getClientRects()[0]];
      if (b.top >= a.bottom || b.bottom <= a.top) found.push([width, "count apart", t.data, n.textContent]);
    }
    for (const k of keys) {
      const rects = k.getClientRects();
      const inside = texts(k);
      const before = walk(inside[0]).previousNode();
      const after = walk(inside[inside.length - 1]).nextNode();
      const lineno = before && before.parentElement.closest(".mcr-lineno, .lineno");
      if (before && !lineno && !/\\s$/.test(before.data)) {
        if (rects[0].left - 3 < letter(before, before.length - 1).right - 0.5)
          found.push([width, "outline over", before.data, k.textContent]);
      }
      if (after && !/^\\s/.test(after.data) && rects[rects.length - 1].right + 3 > letter(after, 0).left + 0.5)
        found.push([width, "outline over", k.textContent, after.data]);
    }
  }
  box.style.width = "";
  return [found, counts.length, keys.length];
}"""


@pytest.mark.parametrize("where", ["page", "report.html"])
def test_a_heat_maps_count_stays_on_its_words_line_and_the_keys_outline_hides_no_letter(
    browser, book_server, tmp_path, where
):
    """At any width, a count shown after punctuation stays on the line of its word (residence,[1] never leaves its
    [1] at the start of the next line, where it read as the next word's), and the key's outline, where the key ends
    inside a word (despot’s, the key despot), covers none of the word's other letters; on the class-report page
    and in report.html alike."""
    context = browser.new_context(base_url=book_server, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        if where == "page":
            page.goto(PAGE)
            report_on(page, "kremlin-drone|05-loaded-language", FILES)
            selectors = [".mcr-heat-text", ".mcr-n", ".mcr-k"]
        else:
            from medialit import load_exercise
            from medialit.classroom.class_report import class_report

            kremlin = load_exercise(ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml")
            (tmp_path / "report.html").write_text(class_report(SAMPLE, kremlin).to_html(), encoding="utf-8")
            page.goto((tmp_path / "report.html").as_uri())
            selectors = [".heat .text", ".n", ".k"]
        page.get_by_label("Show the counts").first.check()
        found, counts, keys = page.evaluate(LAID_OUT, selectors)
        assert counts > 50 and keys > 10, (counts, keys)
        assert not found, found[:5]
    finally:
        context.close()


# How wide the page lays out, against the phone's screen; and each table's box: its table's width, its own
# width, whether the keyboard reaches it and what it is called.
WIDTHS = """() => ({
  page: document.documentElement.scrollWidth,
  screen: innerWidth,
  boxes: [...document.querySelectorAll("table")].map((t) => {
    const box = t.parentElement;
    return [t.scrollWidth, box.clientWidth, getComputedStyle(box).overflowX, box.tabIndex, box.ariaLabel];
  }),
})"""


def test_report_html_on_a_phone_is_as_wide_as_the_screen_and_its_tables_scroll_in_their_own_box(browser, tmp_path):
    """report.html (written by `medialit report`) on a phone: the page lays out at the screen's width, not a
    desktop width zoomed out to unreadable text; a table wider than the screen scrolls sideways in a box of its
    own, which the keyboard can reach and a screen reader names; axe finds no violations."""
    from medialit import load_exercise
    from medialit.classroom.class_report import class_report

    report = class_report(SAMPLE, load_exercise(ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml"))
    (tmp_path / "report.html").write_text(report.to_html(), encoding="utf-8")
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.goto((tmp_path / "report.html").as_uri())
        widths = page.evaluate(WIDTHS)
        assert widths["page"] <= widths["screen"] == PHONE["viewport"]["width"], widths
        wide = [box for box in widths["boxes"] if box[0] > box[1]]
        assert wide, "no table is wider than a phone: the test shows nothing"
        assert all(box[2] == "auto" and box[3] == 0 and box[4] for box in widths["boxes"]), widths["boxes"]
        results = Axe().run(page)
        assert results.response["violations"] == [], results.generate_report()
        page.locator(".scroll").first.scroll_into_view_if_needed()
        screenshot(page, "report-html-phone")
    finally:
        context.close()


# The text of each name cell that runs over more than one line: the first cell of each row of the tables whose first
# column is a student's name.
NAMES_BROKEN = """() => [...document.querySelectorAll('table')]
  .filter((t) => ['Student', 'Name'].includes(t.querySelector('th').textContent))
  .flatMap((t) => [...t.querySelectorAll('tbody tr')].map((tr) => tr.cells[0]))
  .filter((td) => {
    const range = document.createRange();
    range.selectNodeContents(td);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
  }).map((td) => td.textContent)"""


@pytest.mark.parametrize("width", [1024, 1280])
def test_report_html_on_a_laptop_never_breaks_a_pseudonym_inside_itself(browser, tmp_path, width):
    """report.html's table of students wrapped its cells to fit a laptop, and broke "Badger-Brook" after the hyphen,
    over two lines: a pseudonym is one name, on one line, in every table of students; the table of students of the
    whole text (a column for each of four labels) still fits the page's width."""
    from medialit import load_exercise
    from medialit.classroom.class_report import class_report

    kremlin = load_exercise(ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml")
    names = iter(f"{a}-{b}" for a in ("Badger", "Heron", "Lynx", "Kestrel", "Otter") for b in ("Brook", "Meadow"))
    for path in sorted(SAMPLE.glob("*-*.json"))[:10]:
        handin = json.loads(path.read_text(encoding="utf-8"))
        if handin.get("exercise") == kremlin.id and handin.get("student"):
            (tmp_path / path.name).write_text(json.dumps({**handin, "student": next(names)}), encoding="utf-8")
    report = class_report(tmp_path, kremlin)
    assert len(report.summary["students"]) >= 5, report.summary["skipped"]
    (tmp_path / "report.html").write_text(report.to_html(), encoding="utf-8")
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto((tmp_path / "report.html").as_uri())
        assert page.evaluate(NAMES_BROKEN) == []
        students = page.locator(".scroll").first.evaluate("(box) => [box.firstChild.scrollWidth, box.clientWidth]")
        assert students[0] <= students[1], students
        screenshot(page, f"report-html-names-{width}")
    finally:
        context.close()


# Whether every table folded away under a summary is there to be read: each folded table with its rows' height and
# whether the browser draws it.
FOLDED_TABLES = """() => [...document.querySelectorAll('details table')].map((t) => ({
  caption: (t.caption || t.closest('details').querySelector('summary')).textContent,
  height: t.getBoundingClientRect().height, drawn: t.checkVisibility() }))"""


# What a teacher would see on paper that is there to be clicked: a disclosure triangle (a summary still drawn as a list
# item with its marker), a box, a button, a list, or the words that say to tick "Show the counts".
CONTROLS_PRINTED = """() => [...document.querySelectorAll(
  '.medialit-class-report :is(summary, input, button, select, .mcr-tick, .tick)')]
  .filter((e) => e.checkVisibility() && (e.tagName !== 'SUMMARY' || getComputedStyle(e).listStyleType !== 'none'))
  .map((e) => e.outerHTML.slice(0, 80))"""


@pytest.mark.parametrize("where", ["page", "report.html"])
def test_the_printed_report_has_the_tables_folded_away_on_screen(browser, book_server, tmp_path, where):
    """Every key item here and Misconceptions per student are folded away on screen; printed, the page and
    report.html left them out, their summaries printed as closed triangles (the page's details {display: block}
    does not open a details element). On paper each folded table is there, rows and all, and nothing to click is:
    the summaries were printed with their triangles, the heat map with its "Show the counts" box."""
    context = browser.new_context(base_url=book_server, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        if where == "page":
            page.goto(PAGE)
            report_on(page, "kremlin-drone|03-claims", FILES)
        else:
            from medialit import load_exercise
            from medialit.classroom.class_report import class_report

            report = class_report(SAMPLE, load_exercise(ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml"))
            (tmp_path / "report.html").write_text(report.to_html(), encoding="utf-8")
            page.goto((tmp_path / "report.html").as_uri())
        folded = page.evaluate(FOLDED_TABLES)
        assert folded and not any(t["drawn"] for t in folded), folded  # on screen, folded away
        page.emulate_media(media="print")
        printed = page.evaluate(FOLDED_TABLES)
        assert all(t["drawn"] and t["height"] > 0 for t in printed), printed
        assert page.evaluate(CONTROLS_PRINTED) == []
    finally:
        context.close()


# The colours a teacher sees on each of `selectors`: its text, the background it stands on (its own or the nearest
# one behind it), and its top border.
COLOURS_SEEN = """(selectors) => selectors.map((selector) => {
  const el = document.querySelector(selector);
  let behind = el;
  while (behind && getComputedStyle(behind).backgroundColor === "rgba(0, 0, 0, 0)") behind = behind.parentElement;
  const style = getComputedStyle(el);
  return [style.color, behind ? getComputedStyle(behind).backgroundColor : "none", style.borderTopColor];
})"""
BOX_SCHEME = "(selector) => getComputedStyle(document.querySelector(selector)).colorScheme"
SAME_PARTS = {  # the class-report page's parts and report.html's
    "the page": [".mcr-lead", "main > p"],
    "a table's head": [".mcr-table th", "th"],
    "a table's cell": [".mcr-table td", "td"],
    "a heat map": [".mcr-heat-text", ".heat .text"],
    "a heat map's line number": [".mcr-heat .mcr-lineno", ".heat .lineno"],
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_report_html_follows_the_systems_light_or_dark_in_the_class_report_pages_colours(
    browser, book_server, tmp_path, scheme
):
    """The book's pages follow the system's light or dark theme, and so does report.html, in the class-report page's
    colours: the same text, backgrounds and borders, and the heat map a white sheet in the dark (its shades are
    mixed into white); axe finds no violations in report.html, contrast among them."""
    from medialit import load_exercise
    from medialit.classroom.class_report import class_report

    report = class_report(SAMPLE, load_exercise(ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml"))
    (tmp_path / "report.html").write_text(report.to_html(), encoding="utf-8")
    context = browser.new_context(base_url=book_server, color_scheme=scheme, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(PAGE)
        report_on(page, "kremlin-drone|", FILES)
        assert page.evaluate("document.documentElement.dataset.theme") == scheme
        on_page = page.evaluate(COLOURS_SEEN, [mine for mine, _ in SAME_PARTS.values()])
        # the heat map's "Show the counts" box is drawn for the light sheet it is on: in the dark, drawn dark, the
        # unticked box is a dark filled square that a teacher reads as ticked
        assert page.evaluate(BOX_SCHEME, ".mcr-show-n") == "light"
        page.goto((tmp_path / "report.html").as_uri())
        in_report = page.evaluate(COLOURS_SEEN, [theirs for _, theirs in SAME_PARTS.values()])
        assert page.evaluate(BOX_SCHEME, ".show-n") == "light"
        assert dict(zip(SAME_PARTS, in_report)) == dict(zip(SAME_PARTS, on_page))
        assert in_report[3][1] == "rgb(255, 255, 255)"  # the heat map's sheet
        results = Axe().run(page)
        assert results.response["violations"] == [], results.generate_report()
        screenshot(page, f"report-html-{scheme}")
    finally:
        context.close()


# Each of `selectors`' text colour and the colour of the background it stands on, as [r, g, b] (a background with
# some transparency is laid over the one behind it, down to the canvas).
TEXT_ON_BACKGROUND = """(selectors) => {
  const rgba = (text) => (text.match(/[\\d.]+/g) || []).map(Number).concat([1]).slice(0, 4);
  const canvas = getComputedStyle(document.documentElement).colorScheme.includes("dark") &&
    matchMedia("(prefers-color-scheme: dark)").matches ? [18, 18, 18] : [255, 255, 255];
  const under = (el) => {
    const layers = [];
    for (let at = el; at; at = at.parentElement) layers.push(rgba(getComputedStyle(at).backgroundColor));
    const over = (below, [r, g, b, a]) => [r, g, b].map((c, k) => c * a + below[k] * (1 - a));
    return layers.reverse().reduce(over, canvas);
  };
  return selectors.map((selector) => {
    const el = document.querySelector(selector);
    return [rgba(getComputedStyle(el).color).slice(0, 3), under(el)];
  });
}"""


def contrast(text: list[float], background: list[float]) -> float:
    """WCAG's contrast ratio of two sRGB colours."""

    def luminance(rgb):
        c = [x / 255 for x in rgb]
        c = [x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

    light, dark = sorted([luminance(text), luminance(background)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


REPORT_TEXT = ["main > p", "th", "td", ".heat .text", ".heat .lineno", "details td", "summary"]


def test_report_html_reads_in_light_dark_and_print_in_css_that_older_browsers_read(browser, tmp_path):
    """report.html in Chromium with the system light, then dark, then printed: every kind of text on it stands out
    from what it is on (WCAG AA, 4.5:1), the page is dark only in the dark, and on paper it is light. Its colours
    are custom properties switched by a media query, which browsers since 2020 read: no light-dark(), which a
    school's browser older than 2024 drops, leaving the page without its colours."""
    from importlib import resources

    from medialit import load_exercise
    from medialit.classroom.class_report import class_report

    css = resources.files("medialit.data").joinpath("class_report_colours.css").read_text(encoding="utf-8")
    values = re.findall(r"--[\w-]+:([^;]+);", re.sub(r"/\*.*?\*/", "", css, flags=re.S))
    functions = {name for value in values for name in re.findall(r"([\w-]+)\(", value)}
    assert functions <= {"var", "rgb"}, f"colours written in CSS older browsers do not read: {functions}"
    assert len(values) >= 20  # the palette, light and dark
    report = class_report(SAMPLE, load_exercise(ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml"))
    (tmp_path / "report.html").write_text(report.to_html(), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto((tmp_path / "report.html").as_uri())
        page.locator("details").evaluate_all("els => els.forEach((d) => { d.open = true; })")
        pages = {}
        for media, scheme in (("screen", "light"), ("screen", "dark"), ("print", "dark")):
            page.emulate_media(media=media, color_scheme=scheme)
            seen = page.evaluate(TEXT_ON_BACKGROUND, REPORT_TEXT)
            low = {s: round(contrast(*pair), 2) for s, pair in zip(REPORT_TEXT, seen) if contrast(*pair) < 4.5}
            assert not low, (media, scheme, low)
            pages[media, scheme] = page.evaluate("getComputedStyle(document.body).backgroundColor")
            if media == "screen":
                page.screenshot(path=str(tmp_path / f"report-{scheme}.png"))
        assert pages["screen", "light"] == pages["print", "dark"] == "rgb(255, 255, 255)"
        assert pages["screen", "dark"] == "rgb(18, 18, 18)"
    finally:
        context.close()


@pytest.fixture(scope="module")
def class_of_30(tmp_path_factory) -> Path:
    """A class of 30 made as notebooks/sample_class.py makes the sample class, with its bad files, and its report.html
    (`medialit report` on the whole text: a column of figures for each of the four labels)."""
    from medialit import load_exercise
    from medialit.classroom.class_report import class_report

    spec = importlib.util.spec_from_file_location("sample_class", ROOT / "notebooks" / "sample_class.py")
    sample_class = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sample_class)
    kremlin = load_exercise(ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml")
    folder = tmp_path_factory.mktemp("class-of-30")
    sample_class.write_class(kremlin, folder / "hand-ins", 30, 11)
    report = class_report(folder / "hand-ins", kremlin)
    (folder / "report.html").write_text(report.to_html(), encoding="utf-8")
    # a roster of IDs as long as a school's, without two of the class (each "not on the roster") and with one more
    names = sorted(p.stem for p in (folder / "hand-ins").iterdir() if re.fullmatch(r"[a-z]+-\d+", p.stem))[2:]
    names.append("someone-away")
    roster = {name: f"S2026{n:04d}" for n, name in enumerate(names)}
    (folder / "roster.csv").write_text(
        "Pseudonym,Student ID\n" + "".join(f"{name},{sid}\n" for name, sid in roster.items()), encoding="utf-8"
    )
    report.roster = roster
    (folder / "report-roster.html").write_text(report.to_html(), encoding="utf-8")
    return folder


# The table of students (the first table) against its box, and every count ("80 of 137") or piece of a count's cell
# ("232 of 244", "(95%)") that runs over more than one line, in any table.
LAPTOP_TABLES = """(root) => {
  const lines = (node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  };
  const table = document.querySelector(root).querySelector("table");
  const counts = [...document.querySelector(root).querySelectorAll("td")]
    .filter((td) => /^\\d+ of \\d+( \\(\\d+%\\))?$/.test(td.textContent));
  // each "×n" of the misconceptions' cells that starts a line, away from the misconception it counts
  const alone = [...document.querySelector(root).querySelectorAll("table")[1].querySelectorAll("td")]
    .flatMap((td) => [...td.textContent.matchAll(/.×\\d+/g)].filter((m) => {
      const text = td.firstChild;
      const top = (at) => {
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + 1);
        return Math.round(range.getBoundingClientRect().top);
      };
      return top(m.index) !== top(m.index + 1);
    }).map((m) => m[0]));
  return {
    alone,
    students: [table.scrollWidth, table.parentElement.clientWidth],
    counts: counts.length,
    wrapped: counts.flatMap((td) => (td.querySelector("span") ? [...td.querySelectorAll("span")] : [td]))
      .filter((piece) => lines(piece) > 1).map((piece) => piece.textContent),
  };
}"""


@pytest.mark.parametrize("roster", [False, True], ids=["", "roster"])
@pytest.mark.parametrize("width", [1024, 1280])
@pytest.mark.parametrize("where", ["page", "report.html"])
def test_a_class_of_30_on_a_laptop_has_its_students_table_in_the_column_and_no_count_broken(
    browser, book_server, class_of_30, where, width, roster
):
    """On a laptop report.html broke its counts over two lines ("80 of" over "137"), and the page's table of students
    (the figures, then each student's misconceptions, notes and answers) scrolled sideways in its own box, 443 px
    wider than the book's column at 1280 px. The figures fit the column, the misconceptions, notes and answers are
    a table of their own beside them, and no count breaks inside itself; a share goes under its count only where the
    box needs the room, and a misconception's "×12" never starts a line away from it. With a roster, a column of
    student IDs made the table 809 px wide (688 px of room at 1280 px): each ID is under its pseudonym."""
    context = browser.new_context(base_url=book_server, viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        root = open_class(page, where, class_of_30, roster)
        seen = page.evaluate(LAPTOP_TABLES, root)
        assert seen["counts"] > 30 * 5 and seen["wrapped"] == [], seen
        assert seen["students"][0] <= seen["students"][1], seen
        assert seen["alone"] == [], seen["alone"]
        tables = page.locator(f"{root} table")
        header = tables.first.locator("th").all_text_contents()
        assert "Misconceptions" not in header and "cues found" in header, header
        assert tables.nth(1).locator("th").all_text_contents() == ["Student", "Misconceptions", "Notes", "Answers"]
        if roster:  # every column's meaning kept: the ID, or that the name is not on the roster, under the pseudonym
            assert header[0] == "Student and ID", header
            cells = tables.first.locator("tbody tr td:first-child")
            expect(cells.first).to_have_text("badger-04 not on the roster")
            expect(cells.nth(2)).to_have_text("badger-28 S20260000")
        tables.first.scroll_into_view_if_needed()
        screenshot(page, f"class-of-30-{where}-{width}{'-roster' if roster else ''}")
    finally:
        context.close()


# a pseudonym of 60 letters without a space, a roster's name of several long words, and a name as long as a real one
NORMAL_NAME = "Alexandra Montgomery-Fitzwilliam"
LONG_NAMES = (
    "Maximilianawolfeschlegelsteinhausenbergerdorff-Featherstonex",
    "Anastasiya Konstantinopoulou-Featherstonehaugh Wolfeschlegelstein",
    NORMAL_NAME,
)


@pytest.fixture(scope="module")
def class_of_long_names(class_of_30, tmp_path_factory) -> Path:
    """The class of 30 with two students under long names, its roster and its report.html, with and without it."""
    from medialit import load_exercise
    from medialit.classroom.class_report import class_report

    folder = tmp_path_factory.mktemp("long-names")
    shutil.copytree(class_of_30 / "hand-ins", folder / "hand-ins")
    for name, long in zip(("badger-16", "wren-05", "fox-19"), LONG_NAMES):  # badger-16 is not on the roster
        path = folder / "hand-ins" / f"{name}.json"
        path.write_text(json.dumps({**json.loads(path.read_text(encoding="utf-8")), "student": long}), encoding="utf-8")
    roster = (class_of_30 / "roster.csv").read_text(encoding="utf-8").replace("badger-16,", f"{LONG_NAMES[0]},")
    roster = roster.replace("wren-05,", f'"{LONG_NAMES[1]}",').replace("fox-19,", f"{NORMAL_NAME},")
    (folder / "roster.csv").write_text(roster, encoding="utf-8")
    kremlin = load_exercise(ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml")
    report = class_report(folder / "hand-ins", kremlin)
    assert set(LONG_NAMES) <= set(report.students)
    (folder / "report.html").write_text(report.to_html(), encoding="utf-8")
    report.roster = dict(line.split(",", 1) for line in roster.replace('"', "").splitlines()[1:])
    (folder / "report-roster.html").write_text(report.to_html(), encoding="utf-8")
    return folder


# Each table with a student's name first: its width and its box's, the long names' cells as shown, and how many
# lines the short names take.
NAME_TABLES = """(root) => {
  const lines = (node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  };
  const tables = [...document.querySelector(root).querySelectorAll("table")]
    .filter((t) => /^Student/.test(t.querySelector("th").textContent));
  // the name alone, without the student ID under it
  const names = tables.flatMap((t) => [...t.querySelectorAll("tbody tr")].map((tr) => tr.cells[0]))
    .map((td) => td.querySelector(".mcr-name, .who > span") || td);
  return {
    page: [document.documentElement.scrollWidth, innerWidth],
    tables: tables.map((t) => [t.querySelector("th").textContent, t.scrollWidth, t.parentElement.clientWidth]),
    long: names.map((name) => name.textContent).filter((name) => name.length > 30),
    broken: names.filter((name) => name.textContent.length < 20 && lines(name) > 1).map((name) => name.textContent),
  };
}"""


@pytest.mark.parametrize("roster", [False, True], ids=["", "roster"])
@pytest.mark.parametrize("width", [1024, 1280, "phone"])
@pytest.mark.parametrize("where", ["page", "report.html"])
def test_a_long_pseudonym_or_roster_name_wraps_and_keeps_the_tables_of_students_in_the_column(
    browser, book_server, class_of_long_names, where, width, roster
):
    """A pseudonym of 60 letters without a space stayed on one line: the table of students was 240 px wider than the
    book's column at 1280 px (with a roster, 390 px; report.html's, 250 px wider than its page), each student's
    misconceptions 65 px. A name longer than a cell of short text wraps, inside a word where it must, and is shown
    whole; a short name still never breaks. On a phone, where a table scrolls sideways in its own box, the page
    keeps the screen's width."""
    options = PHONE if width == "phone" else {"viewport": {"width": width, "height": 900}}
    context = browser.new_context(base_url=book_server, **options)
    try:
        page = context.new_page()
        root = open_class(page, where, class_of_long_names, roster)
        seen = page.evaluate(NAME_TABLES, root)
        assert seen["page"][0] <= seen["page"][1], seen["page"]
        assert set(seen["long"]) == set(LONG_NAMES), seen["long"]
        assert seen["broken"] == [], seen["broken"]
        if width != "phone":
            wide = [t for t in seen["tables"][:2] if t[1] > t[2]]
            assert len(seen["tables"]) >= 2 and wide == [], seen["tables"]
        page.locator(f"{root} table").first.evaluate("(t) => t.scrollIntoView()")
        screenshot(page, f"long-names-{where}-{width}{'-roster' if roster else ''}")
    finally:
        context.close()


# Each cell of a name first in its row, in every table (the ones folded away opened): the words of the name that run
# over more than one line ("Montgomer" over "y-"; a hyphen ends a word, as a line may break after it), whether the
# name runs out of its cell, and the cell's width against its table's box.
NAMES_SHOWN = """([root, wanted]) => {
  for (const details of document.querySelectorAll("details")) details.open = true;
  const lines = (text, start, end) => {
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, end);
    return new Set([...range.getClientRects()].filter((r) => r.width).map((r) => Math.round(r.top))).size;
  };
  const cells = [...document.querySelector(root).querySelectorAll("tbody tr > :first-child")]
    .map((td) => [td, td.querySelector(".mcr-name, .who > span, .name") || td])
    .filter(([, name]) => wanted.includes(name.textContent) && name.checkVisibility());
  return cells.map(([td, name]) => {
    const text = name.firstChild;
    const words = [...text.data.matchAll(/[^ -]+-?/g)];
    return {
      name: name.textContent,
      broken: words.filter((w) => lines(text, w.index, w.index + w[0].length) > 1).map((w) => w[0]),
      out: name.getBoundingClientRect().right > td.getBoundingClientRect().right + 0.5,
      share: td.getBoundingClientRect().width / td.closest("table").parentElement.clientWidth,
    };
  });
}"""


@pytest.mark.parametrize("width", ["A4", 1280, "phone"])
@pytest.mark.parametrize("where", ["page", "report.html"])
def test_a_name_is_broken_inside_a_word_only_where_no_line_could_hold_the_word(
    browser, book_server, class_of_long_names, where, width
):
    """A name too long for one line could wrap anywhere, even inside a word a line could hold (overflow-wrap: anywhere
    in a column of 8em): report.html printed on A4 broke a roster's "Konstantinopoulou-" inside itself. A name wraps
    between its words (and after a hyphen) in a column no wider than the table has room for (report.html's 10em, the
    page's 8em), never narrower than its longest word, and only a word wider than that (60 letters) is broken to
    fit. On a phone the column of names took 235 px of the table's 358, the figures pushed out of view: a long
    name wraps in a column of less than two fifths of the box."""
    options = (
        PHONE if width == "phone" else {"viewport": A4_IN_MARGINS if width == "A4" else {"width": width, "height": 900}}
    )
    context = browser.new_context(base_url=book_server, **options)
    try:
        page = context.new_page()
        root = open_class(page, where, class_of_long_names, roster=True)
        if width == "A4":
            page.emulate_media(media="print")
        seen = page.evaluate(NAMES_SHOWN, [root, list(LONG_NAMES)])
        # report.html's column of names has room for a word of 18 letters on paper and on a laptop
        whole = [NORMAL_NAME, *([LONG_NAMES[1]] if where == "report.html" and width != "phone" else [])]
        normal = [cell for cell in seen if cell["name"] in whole]
        longest = [cell for cell in seen if cell["name"] == LONG_NAMES[0]]
        assert len(normal) >= 2 and len(longest) >= 2, seen  # the table of students and of each student's work
        assert [cell["broken"] for cell in normal] == [[]] * len(normal), normal
        assert all(cell["broken"] for cell in longest) and not any(cell["out"] for cell in seen), seen
        if width == "phone":
            assert max(cell["share"] for cell in seen) < 0.4, seen
        page.locator(f"{root} table").first.evaluate("(t) => t.scrollIntoView()")
        screenshot(page, f"names-{where}-{width}")
    finally:
        context.close()


# The table of each student's misconceptions, opened: its width and its box's, its headings and their titles, and
# where the first column is against the box's left edge once the box is scrolled to its end.
PER_STUDENT = """() => {
  const tables = [...document.querySelectorAll("table")];
  const table = tables.find((t) => /^How often/.test(t.closest("[aria-label]").ariaLabel));
  table.closest("details").open = true;
  const box = table.parentElement;
  const heads = [...table.querySelectorAll("th")].slice(1)
    .map((th) => [th.textContent, th.querySelector("abbr")?.title]);
  box.scrollLeft = box.scrollWidth;
  const left = (cell) => Math.round(cell.getBoundingClientRect().left - box.getBoundingClientRect().left);
  return {
    width: [table.scrollWidth, box.clientWidth],
    heads,
    scrolled: box.scrollLeft,
    names: [table.rows[0].cells[0], table.rows[1].cells[0]].map(left),
  };
}"""


@pytest.mark.parametrize("width", [1024, 1200, 1280, "phone"])
@pytest.mark.parametrize("where", ["page", "report.html"])
def test_each_students_misconceptions_fit_a_laptops_column_and_keep_the_name_in_view_on_a_phone(
    browser, book_server, class_of_long_names, where, width
):
    """The page's table of each student's misconceptions, ten columns headed by their short names ("a speaker's words
    as scare quotes"), was 885 px wide in the book's column of 688 at 1280 px and scrolled sideways, the students'
    names scrolling away with it (report.html had no such table). Its headings are a few words, each with its whole
    sentence as its title, a column only for a misconception some student showed, and it fits; on a phone, where it
    scrolls, the names stay in view. report.html has the same table. Under headings as big as the cells' figures it
    was still 672 px wide, each column as wide as its heading's longest word: it scrolled in the book's column where
    that is narrowest on a laptop (624 px at 1200 px, beside the page's contents; 656 px at 960)."""
    from medialit import load_exercise
    from medialit.classroom.class_report import class_report
    from medialit.core.messages import Message, Renderer

    options = PHONE if width == "phone" else {"viewport": {"width": width, "height": 900}}
    context = browser.new_context(base_url=book_server, **options)
    try:
        page = context.new_page()
        handins = class_of_long_names / "hand-ins"
        if where == "page":
            page.goto(PAGE)
            summary = report_on(page, "kremlin-drone|", sorted(str(p) for p in handins.iterdir()))["summary"]
        else:
            kremlin = load_exercise(ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml")
            summary = class_report(handins, kremlin).summary
            page.goto((class_of_long_names / "report.html").as_uri())
        seen = page.evaluate(PER_STUDENT)
        if width == "phone":
            assert seen["scrolled"] > 100 and seen["names"] == [0, 0], seen
        else:
            assert seen["width"][0] <= seen["width"][1], seen
        words = Renderer({}, "teacher")
        shown = [k["kind"] for k in summary["misconceptions"] if k["students"]]
        assert len(shown) >= 8, shown  # the class of 30 shows most of them
        assert seen["heads"] == [
            [
                words.render(Message(f"misconception-{kind}", {}), "head"),
                words.render(Message(f"misconception-{kind}", {})),
            ]
            for kind in shown
        ]
        page.get_by_role("region", name="How often each misconception").evaluate("(t) => t.scrollIntoView()")
        screenshot(page, f"per-student-{where}-{width}")
    finally:
        context.close()


# The key to the table of each student's misconceptions, as it is seen: each heading and sentence shown, against the
# table's headings and their titles, where the key is against the table and the page, and the table against its box.
MISCONCEPTION_KEY = """() => {
  const table = [...document.querySelectorAll("table")]
    .find((t) => /^How often/.test(t.closest("[aria-label]").ariaLabel));
  const key = table.closest("details").querySelector(".mcr-key, .key");
  const shown = (e) => e.checkVisibility() && e.getBoundingClientRect().height > 0;
  const pairs = key ? [...key.querySelectorAll("dt")].map((dt) => [dt, dt.nextElementSibling]) : [];
  return {
    lead: key && shown(key.querySelector("p")) ? key.querySelector("p").textContent : null,
    key: pairs.filter((pair) => pair.every(shown)).map((pair) => pair.map((e) => e.textContent)),
    heads: [...table.querySelectorAll("th abbr")].map((abbr) => [abbr.textContent, abbr.title]),
    underlined: [...new Set([...table.querySelectorAll("th abbr")]
      .map((abbr) => `${getComputedStyle(abbr).textDecorationLine} ${getComputedStyle(abbr).borderBottomStyle}`))],
    above: key ? key.getBoundingClientRect().bottom <= table.getBoundingClientRect().top : false,
    right: key ? Math.max(...[...key.querySelectorAll("*")].map((e) => e.getBoundingClientRect().right)) : 0,
    page: [document.documentElement.scrollWidth, innerWidth],
    table: [table.scrollWidth, table.parentElement.clientWidth],
  };
}"""


@pytest.mark.parametrize("width", [1280, "phone", "A4"])
@pytest.mark.parametrize("where", ["page", "report.html"])
def test_each_misconceptions_short_heading_is_keyed_in_full_on_a_touch_screen_and_on_paper(
    browser, book_server, class_of_30, where, width
):
    """The table of each student's misconceptions is headed in a few words ("Trap", "Plain verb"), the whole sentence
    only in each heading's title, which shows under a mouse: on a phone's touch screen and on paper what a column
    counts was lost. Above the table a key gives each column shown its heading and its whole sentence, the same words
    as the titles, on a laptop, on a phone (opened with a tap, then the key with another) and printed on A4 (folded
    away, unopened), in the page's width, the table still fitting a laptop's column. On screen a heading's dotted
    underline says it has more to say under the mouse (the book's theme drew a second dotted line under it, a border);
    on paper, where nothing does, both were printed all the same: the headings are plain words under the key."""
    from medialit.classroom.tables import MISCONCEPTION_KEY as LEAD
    from medialit.classroom.tables import MISCONCEPTION_KEY_SUMMARY as KEY_SUMMARY

    options = {"phone": PHONE, "A4": {"viewport": A4_IN_MARGINS}}.get(
        width, {"viewport": {"width": 1280, "height": 900}}
    )
    context = browser.new_context(base_url=book_server, **options)
    try:
        page = context.new_page()
        if where == "page":
            page.goto(PAGE)
            report_on(page, "kremlin-drone|", sorted(str(p) for p in (class_of_30 / "hand-ins").iterdir()))
        else:
            page.goto((class_of_30 / "report.html").as_uri())
        summary = page.locator("summary", has_text="Misconceptions per student")
        if width == "A4":
            page.emulate_media(media="print")
        elif width == "phone":
            summary.tap()
            page.locator("summary", has_text=KEY_SUMMARY).tap()
        else:
            summary.click()
        seen = page.evaluate(MISCONCEPTION_KEY)
        assert len(seen["heads"]) >= 8 and all(title for _, title in seen["heads"]), seen["heads"]
        assert seen["underlined"] == (["none none"] if width == "A4" else ["underline none"]), seen["underlined"]
        assert seen["lead"] == LEAD and seen["key"] == seen["heads"] and seen["above"], seen
        assert seen["page"][0] <= seen["page"][1] and seen["right"] <= seen["page"][1], seen
        if width == 1280:
            assert seen["table"][0] <= seen["table"][1], seen["table"]
        if width != "A4":  # the summary under the book's bar at the top
            summary.evaluate("(s) => { s.scrollIntoView(); scrollBy(0, -70); }")
            screenshot(page, f"misconception-key-{where}-{width}")
    finally:
        context.close()


# Where the table of each student's misconceptions starts below the summary that opens it, and the key's summary as
# shown (null where it is not).
KEY_FOLDED = """() => {
  const table = [...document.querySelectorAll("table")]
    .find((t) => /^How often/.test(t.closest("[aria-label]").ariaLabel));
  const details = table.closest("details");
  const key = details.querySelector(".mcr-key, .key");
  const summary = key.querySelector("summary");
  const shown = (e) => e.checkVisibility() && e.getBoundingClientRect().height > 0;
  return {
    gap: Math.round(
      table.getBoundingClientRect().top -
        details.querySelector("summary").getBoundingClientRect().bottom,
    ),
    summary: summary && shown(summary) ? summary.textContent : null,
    sentences: [...key.querySelectorAll("dd")].filter(shown).length,
  };
}"""


@pytest.mark.parametrize("where", ["page", "report.html"])
def test_on_a_phone_the_key_is_folded_and_the_table_of_each_students_misconceptions_follows_its_summary(
    browser, book_server, class_of_30, where
):
    """On a phone the key to the table of each student's misconceptions, each heading over its sentence, took about a
    screen and a half (918 px on the page, 839 in report.html) between the summary a teacher taps and the table. There
    it is folded under "What each column counts", the table just below it, and a tap opens it; a screen reader hears a
    button that says so. On a wider screen the key is open without a tap, and a screen reader reads it whole."""
    from browser_helpers import accessible_names, text_heard

    from medialit.classroom.tables import MISCONCEPTION_KEY_SUMMARY as KEY_SUMMARY

    for screen in ("phone", 1024):
        options = PHONE if screen == "phone" else {"viewport": {"width": screen, "height": 900}}
        context = browser.new_context(base_url=book_server, **options)
        try:
            page = context.new_page()
            root = open_class(page, where, class_of_30, roster=False)
            summary = page.locator("summary", has_text="Misconceptions per student")
            summary.tap() if screen == "phone" else summary.click()
            seen = page.evaluate(KEY_FOLDED)
            key = f"{root} {'.mcr-key' if where == 'page' else '.key'}"
            if screen == "phone":
                assert seen["summary"] == KEY_SUMMARY and seen["sentences"] == 0 and seen["gap"] < 100, seen
                assert KEY_SUMMARY in accessible_names(page, "DisclosureTriangle")
                summary.evaluate("(s) => { s.scrollIntoView(); scrollBy(0, -70); }")
                screenshot(page, f"misconception-key-folded-{where}")
                page.locator("summary", has_text=KEY_SUMMARY).tap()
                assert page.evaluate(KEY_FOLDED)["sentences"] >= 8
            else:
                assert seen["summary"] is None and seen["sentences"] >= 8, seen
                assert KEY_SUMMARY not in accessible_names(page, "DisclosureTriangle")
            heard = " ".join(text_heard(page, key))
            assert "Gave a quoted speaker's words the reporter's voice" in heard, heard
        finally:
            context.close()


# The table of notes: its width and its box's, the widths of its name column, of its words and of its notes, and the
# cells whose text runs out of them.
NOTES_TABLE = """(caption) => {
  const table = [...document.querySelectorAll("table")]
    .find((t) => t.closest("[aria-label]").ariaLabel === caption);
  const rows = [...table.tBodies[0].rows];
  const widths = (n) => rows.map((tr) => Math.round(tr.cells[n].getBoundingClientRect().width));
  return {
    table: [table.scrollWidth, table.parentElement.clientWidth],
    names: [...new Set(rows.map((tr) => tr.cells[0].textContent))],
    name: Math.max(...widths(0)),
    words: Math.min(...widths(3)),
    notes: Math.min(...widths(4)),
    out: rows.flatMap((tr) => [...tr.cells]).filter((td) => td.scrollWidth > td.clientWidth + 0.5)
      .map((td) => td.textContent),
  };
}"""


@pytest.mark.parametrize("width", [1024, 1280])
@pytest.mark.parametrize("where", ["page", "report.html"])
def test_each_students_notes_fit_a_laptops_column_the_notes_wrapping_beside_a_capped_name(
    browser, book_server, class_of_long_names, where, width
):
    """The page's table of each student's notes on their tags was 710 px wide in the book's column of 688 at 1280 px:
    its words and its notes each kept 16em beside the name, the line and the label. It fits, the notes and the words
    wrapping in columns still wide enough to read, beside a column of names no wider than the other tables' (a name of
    60 letters wraps in it), and no cell's text runs out of it; report.html's the same."""
    context = browser.new_context(base_url=book_server, viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        open_class(page, where, class_of_long_names, roster=False)
        caption = "Each student's notes on their tags" if where == "page" else "Notes on tags"
        seen = page.evaluate(NOTES_TABLE, caption)
        assert set(LONG_NAMES) <= set(seen["names"]), seen["names"]
        assert seen["table"][0] <= seen["table"][1], seen["table"]
        assert seen["name"] <= 0.25 * seen["table"][1] and min(seen["words"], seen["notes"]) >= 150, seen
        assert seen["out"] == [], seen["out"]
        page.get_by_role("region", name=caption).evaluate("(t) => t.scrollIntoView()")
        screenshot(page, f"notes-{where}-{width}")
    finally:
        context.close()


# On paper (print media, a page as wide as A4 within a browser's default margins): each table as wide as the paper
# lets it be and whether its box cuts it, each row's break-inside, and the break-after of what heads something.
ON_PAPER = """(root) => {
  const tables = [...document.querySelector(root).querySelectorAll("table")].filter((t) => t.checkVisibility());
  const heads = [...document.querySelector(root).querySelectorAll("h2, h3, h4, summary, dt, .legend, .mcr-legend")]
    .filter((e) => e.checkVisibility());
  return {
    page: [document.documentElement.scrollWidth, innerWidth],
    wide: tables.filter((t) => t.getBoundingClientRect().right > innerWidth + 0.5)
      .map((t) => [t.querySelector("th").textContent, t.getBoundingClientRect().right]),
    cut: tables.filter((t) => getComputedStyle(t.parentElement).overflowX !== "visible").length,
    over: tables.filter((t) => t.scrollWidth > t.parentElement.clientWidth)
      .map((t) => [t.querySelector("th").textContent, t.scrollWidth, t.parentElement.clientWidth]),
    rows: [...new Set(tables.flatMap((t) => [...t.rows].map((tr) => getComputedStyle(tr).breakInside)))],
    heads: heads.length,
    loose: heads.filter((e) => getComputedStyle(e).breakAfter !== "avoid").map((e) => e.outerHTML.slice(0, 60)),
  };
}"""
A4_IN_MARGINS = {"width": 718, "height": 1000}  # 210 mm less a browser's default margins of 1 cm, in CSS px


@pytest.mark.parametrize("roster", [False, True], ids=["", "roster"])
@pytest.mark.parametrize("where", ["page", "report.html"])
def test_printed_on_a4_no_table_is_wider_than_the_paper_and_no_row_or_heading_is_left_alone(
    browser, book_server, class_of_long_names, where, roster
):
    """Printed on A4, report.html's table of students of the whole text ran 150 px past the paper's edge (its last
    column cut off), the page's tables were cut at the edge of their scrolling boxes, a row was split over two pages
    (a student's ID on the next one) and a heading ("Misconceptions", "Every key item here") or a heat map's key was
    left at the foot of a page. On paper the tables are in smaller letters and fit, nothing scrolls, no row splits
    and nothing that heads something is left away from it. report.html's table of students, each column as narrow
    as its longest word, was still 688 px wide in a box of 686 (its headings in the cells' letters, "Completion" the
    widest of them): each table fits its box, headed in the smaller letters the page prints its headings in."""
    context = browser.new_context(base_url=book_server, viewport=A4_IN_MARGINS)
    try:
        page = context.new_page()
        root = open_class(page, where, class_of_long_names, roster=roster)
        page.emulate_media(media="print")
        seen = page.evaluate(ON_PAPER, root)
        assert seen["page"][0] <= seen["page"][1] and seen["wide"] == [] and seen["over"] == [], seen
        assert seen["cut"] == 0 and seen["rows"] == ["avoid"], seen
        assert seen["heads"] > 10 and seen["loose"] == [], seen["loose"]
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_the_report_starts_under_the_status_line_and_the_downloads_follow_its_summary(
    browser, book_server, class_of_30, scheme
):
    """On a phone the seven download buttons, before the report, filled most of the first screen under the status
    line (300 px of 844): the report's title and first sentences come right under the status line, and the
    downloads, under a heading of their own, after the class's figures."""
    context = browser.new_context(base_url=book_server, color_scheme=scheme, **PHONE)
    try:
        page = context.new_page()
        page.goto(PAGE)
        report_on(page, "kremlin-drone|", sorted(str(p) for p in (class_of_30 / "hand-ins").iterdir()))
        page.locator(".mcr-status").evaluate("(status) => status.scrollIntoView({ block: 'start' })")
        places = page.evaluate(
            """() => Object.fromEntries(Object.entries({ status: ".mcr-status", title: "#mcr-report-title",
              lead: ".mcr-lead", downloads: ".mcr-download", students: "#mcr-students" })
              .map(([name, where]) => [name, [...document.querySelectorAll(where)]])
              .map(([name, all]) => [name, (name === "lead" ? all.at(-1) : all[0])?.getBoundingClientRect()])
              .map(([name, box]) => [name, box && { top: box.top, bottom: box.bottom }]))"""
        )
        assert places["title"]["top"] - places["status"]["bottom"] < 60, places
        assert places["lead"]["bottom"] <= places["downloads"]["top"] <= places["students"]["top"], places
        downloads = page.get_by_role("region", name="Downloads")
        expect(downloads.get_by_role("heading", name="Downloads")).to_be_visible()
        expect(downloads.get_by_role("button")).to_have_count(7)
        screenshot(page, f"class-of-30-page-phone-{scheme}")
        downloads.scroll_into_view_if_needed()
        screenshot(page, f"class-of-30-page-phone-downloads-{scheme}")
    finally:
        context.close()


def test_report_html_on_a_phone_leaves_most_of_the_first_screen_to_the_report(browser, class_of_30):
    """report.html's title, as big on a phone as on a laptop, took 40% of the first screen (five lines of 32 px
    letters): on a phone it takes less than a fifth, and the class's figures start in the first screen."""
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.goto((class_of_30 / "report.html").as_uri())
        title, first = page.evaluate(
            "[document.querySelector('h1'), document.querySelector('main > p')].map((e) => e.getBoundingClientRect())"
        )
        assert title["bottom"] < 0.2 * PHONE["viewport"]["height"], title
        assert first["top"] < 0.25 * PHONE["viewport"]["height"], first
        screenshot(page, "class-of-30-report-html-phone")
    finally:
        context.close()


def test_a_zip_a_name_given_twice_and_a_roster_quote_never_closed_are_told_with_the_fix(page, tmp_path):
    """The files a teacher meets: the class as a zip (to be unzipped first), a hand-in giving "tags" twice (named,
    with both lines), and a roster whose quote is never closed (its line); the report is made from the rest."""
    page.goto(PAGE)
    expect(page.locator("[data-medialit-class-report]")).to_have_attribute("data-state", "ready")
    packed = tmp_path / "class.zip"
    with zipfile.ZipFile(packed, "w") as archive:
        archive.write(SAMPLE / "fox-07.json", "fox-07.json")
    whole = (SAMPLE / "fox-07.json").read_text(encoding="utf-8")
    twice = tmp_path / "owl-twice.json"
    twice.write_text(whole[: whole.rindex("}")] + ',\n "tags": []\n}', encoding="utf-8")
    report_on(page, "kremlin-drone|", [str(SAMPLE / "fox-07.json"), str(packed), str(twice)])
    expect(page.locator(".mcr-status")).to_have_text(
        "Report ready: 1 student's hand-in used, 2 files left out. It is below."
    )
    problems = page.locator("section[aria-labelledby='mcr-problems']")
    expect(problems).to_contain_text("this is a zip file (files packed into one), not a hand-in file.")
    expect(problems).to_contain_text("unzip it first")
    expect(problems).to_contain_text("the name “tags” is given twice in the same object (first on line")
    roster = tmp_path / "roster.csv"
    roster.write_text('Pseudonym,Student ID\nfox-07,"S1007\nowl-09,S1009\n', encoding="utf-8")
    page.set_input_files("#mcr-roster", str(roster))
    expect(page.locator(".mcr-status")).to_have_text(
        'The roster roster.csv could not be used: line 2: a quotation mark (") opens a cell on this line and is never '
        "closed, so every line after it would be read as part of that one cell. Fix: add the closing quotation mark "
        "at the end of that cell (or delete the opening one), then use the file again."
    )
    assert page.errors == [] and page.offsite_requests == []


# A folder dropped on the page, as the browser hands it over (FileSystem entries), with a folder and a file in it
# that the browser may not open: their entries fail as Chromium's do when the system refuses it the folder or file
# (a test runs as root, who may read anything, so the entries are made here, each with a reader that fails), or, for
# a folder given as "moved", as Chromium's do for a folder moved since it was dropped (NotFoundError).
DROP_FOLDER = """([top, files, target]) => {
  const refused = (fail, name) => fail(new DOMException("The browser could not read it", name));
  const fileEntry = (name, text) => ({ isFile: true, isDirectory: false, name,
    file: (ok, fail) => (text === null ? refused(fail, "NotReadableError")
      : ok(new File([text], name, { type: "application/json" }))) });
  const folderEntry = (name, children, why = "NoModificationAllowedError") => ({ isFile: false, isDirectory: true,
    name, createReader: () => {
    let given = false;
    return { readEntries: (ok, fail) => {
      if (children === null) return refused(fail, why);
      ok(given ? [] : children);
      given = true;
    } };
  } });
  const entries = files.map(([name, text]) => name.endsWith("/")
    ? folderEntry(name.slice(0, -1), null, text === "moved" ? "NotFoundError" : undefined) : fileEntry(name, text));
  const data = { items: [{ webkitGetAsEntry: () => folderEntry(top, entries) }], files: [] };
  const zone = document.querySelector(target);
  const drop = new Event("drop", { bubbles: true, cancelable: true });
  Object.defineProperty(drop, "dataTransfer", { value: data });
  zone.dispatchEvent(drop);
}"""


def test_a_dropped_folder_with_a_folder_and_a_file_the_browser_may_not_open_is_reported_from_the_rest(page):
    """A folder in the class's folder that the browser may not open made the page do nothing at all (the reading
    failed without a word): the report is made from the rest, and the folder and the file are listed with why and
    what to do, as `medialit report` lists them; the status line counts a file and a folder apart."""
    page.goto(PAGE)
    expect(page.locator("[data-medialit-class-report]")).to_have_attribute("data-state", "ready")
    page.select_option("#mcr-chapter", "kremlin-drone|03-claims")
    handin = (SAMPLE / "fox-07.json").read_text(encoding="utf-8")
    files = [["fox-07.json", handin], ["locked/", None], ["secret.json", None], ["notes.txt", "on paper"]]
    page.evaluate(DROP_FOLDER, ["class", files, ".mcr-drop"])
    page.wait_for_function("window.medialitClassReport.reports > 0", timeout=60_000)
    expect(page.locator(".mcr-status")).to_have_text(
        "Report ready: 1 student's hand-in used, 2 files and 1 folder left out. It is below."
    )
    expect(page.locator(".mcr-report .mcr-lead").first).to_have_text(
        "Hand-ins used: 1. Left out: 2 files and 1 folder."
    )
    problems = page.locator("section[aria-labelledby='mcr-problems'] table >> nth=0")
    expect(problems.locator("caption")).to_have_text("Files and folders left out")
    expect(problems.locator("th").first).to_have_text("File or folder")
    rows = problems.locator("tbody tr")
    expect(rows.locator("td:first-child")).to_have_text(["locked/", "notes.txt", "secret.json"])  # as medialit report
    expect(rows.nth(0)).to_contain_text(
        "this folder cannot be opened (this browser may not read it), so the files in it were left out."
    )
    expect(rows.nth(0)).to_contain_text("chmod -R u+rX")
    expect(rows.nth(2)).to_contain_text("the hand-in file cannot be read (this browser may not read it).")
    expect(page.locator("section[aria-labelledby='mcr-students'] table >> nth=0 >> tbody tr")).to_have_count(1)
    # the dropped folder itself refused: nothing to report, and the folder listed with what to do
    page.evaluate(
        DROP_FOLDER.replace("folderEntry(top, entries)", "folderEntry(top, null)"), ["class", [], ".mcr-drop"]
    )
    page.wait_for_function("window.medialitClassReport.reports > 1", timeout=60_000)
    expect(page.locator(".mcr-report .mcr-lead")).to_have_text(
        "Nothing to report yet: no hand-in for this exercise could be used (1 folder left out)."
    )
    expect(page.locator("section[aria-labelledby='mcr-problems'] td:first-child")).to_have_text(["class/"])
    screenshot(page, "class-report-folder-not-opened")
    assert page.errors == [] and page.offsite_requests == []


def test_a_dropped_folder_listed_only_in_part_says_so_in_the_words_of_medialit_report(page):
    """A folder whose listing the browser broke off after some of its files was said not opened at all, "so the files
    in it were left out", over a report that counted them: it is said to be read in part, with what to do, in the
    words `medialit report` gives (messages.json)."""
    from medialit.core.messages import Message, Renderer

    page.goto(PAGE)
    expect(page.locator("[data-medialit-class-report]")).to_have_attribute("data-state", "ready")
    page.select_option("#mcr-chapter", "kremlin-drone|03-claims")
    handin = (SAMPLE / "fox-07.json").read_text(encoding="utf-8")
    broken_off = DROP_FOLDER.replace(
        "ok(given ? [] : children);", "if (given) return refused(fail, why); ok(children);"
    )
    page.evaluate(broken_off, ["class", [["fox-07.json", handin]], ".mcr-drop"])
    page.wait_for_function("window.medialitClassReport.reports > 0", timeout=60_000)
    told = Message("class-partly-read-folder", {"reason": "this browser may not read it"})
    words = Renderer({}, "teacher")
    problems = page.locator("section[aria-labelledby='mcr-problems'] table >> nth=0 >> tbody tr")
    expect(problems.locator("td")).to_have_text(["class/", words.render(told), words.render(told, "fix")])
    expect(page.locator("section[aria-labelledby='mcr-students'] table >> nth=0 >> tbody tr")).to_have_count(1)
    # the first line and the status line counted it as "1 folder left out", over the hand-in they used from it, then
    # said "Left out: 0 files." beside it, over a table titled "Files and folders left out"
    expect(page.locator(".mcr-report .mcr-lead").first).to_have_text("Hand-ins used: 1. Read only in part: 1 folder.")
    expect(page.locator(".mcr-status")).to_have_text(
        "Report ready: 1 student's hand-in used, 1 folder read only in part. It is below."
    )
    table = page.locator("section[aria-labelledby='mcr-problems'] table >> nth=0")
    expect(table.locator("caption")).to_have_text("Folders read only in part")
    expect(table.locator("th").first).to_have_text("Folder")
    assert page.errors == [] and page.offsite_requests == []


def test_a_folder_in_the_dropped_folder_moved_before_it_was_listed_is_told_moved(page):
    """A folder inside the class's folder moved or renamed between the drop and its listing: told moved, with what to
    do, not "cannot be opened" with a fix about permissions."""
    page.goto(PAGE)
    expect(page.locator("[data-medialit-class-report]")).to_have_attribute("data-state", "ready")
    page.select_option("#mcr-chapter", "kremlin-drone|03-claims")
    handin = (SAMPLE / "fox-07.json").read_text(encoding="utf-8")
    page.evaluate(DROP_FOLDER, ["class", [["fox-07.json", handin], ["group-b/", "moved"]], ".mcr-drop"])
    page.wait_for_function("window.medialitClassReport.reports > 0", timeout=60_000)
    problems = page.locator("section[aria-labelledby='mcr-problems'] table >> nth=0 >> tbody tr")
    expect(problems.locator("td")).to_have_text(
        [
            "group-b/",
            "this folder was moved, renamed or deleted after it was dropped here, so the files in it were left out.",
            "drop it again from where it is now.",
        ]
    )
    assert page.errors == [] and page.offsite_requests == []


def test_a_dropped_folder_moved_after_the_drop_is_told_moved_with_drop_it_again(page, tmp_path):
    """A class's folder dropped, then moved or renamed before its files were read again (another chapter chosen), was
    told "this browser may not read it" with a fix about the computer's permissions. Chromium says what happened
    (NotFoundError): each file is told moved, with what to do, and a file that moved alone among those chosen too."""
    from medialit.core.messages import Renderer, problem_message

    folder = tmp_path / "class"
    folder.mkdir()
    for name in ("fox-07.json", "otter-01.json"):
        shutil.copyfile(SAMPLE / name, folder / name)
    page.goto(PAGE)
    expect(page.locator("[data-medialit-class-report]")).to_have_attribute("data-state", "ready")
    page.select_option("#mcr-chapter", "kremlin-drone|03-claims")
    box = page.locator(".mcr-drop").bounding_box()
    cdp = page.context.new_cdp_session(page)
    data = {"items": [], "files": [str(folder)], "dragOperationsMask": 1}  # a folder dragged from a folder window
    for kind in ("dragEnter", "dragOver", "drop"):
        cdp.send("Input.dispatchDragEvent", {"type": kind, "x": box["x"] + 20, "y": box["y"] + 20, "data": data})
    page.wait_for_function("window.medialitClassReport.reports > 0", timeout=60_000)
    expect(page.locator(".mcr-status")).to_contain_text("Report ready: 2 students' hand-ins used")
    folder.rename(tmp_path / "class-of-2026")
    page.select_option("#mcr-chapter", "kremlin-drone|")  # the files are read again, from where they were
    page.wait_for_function("window.medialitClassReport.reports > 1", timeout=60_000)
    words = Renderer({}, "teacher")
    moved = problem_message("unreadable", {"moved": True})
    told = [words.render(moved), words.render(moved, "fix")]
    assert told == [
        "this file was moved, renamed or deleted after it was dropped or chosen here, so it could not be read.",
        "drop the folder again, or choose the files again, from where they are now.",
    ]
    problems = page.locator("section[aria-labelledby='mcr-problems'] table >> nth=0 >> tbody tr")
    expect(problems.locator("td")).to_have_text(["fox-07.json", *told, "otter-01.json", *told])
    screenshot(page, "class-report-folder-moved")
    # files chosen, one of them renamed before they are read again: that one is told moved, the other is used
    now = tmp_path / "class-of-2026"
    page.set_input_files("#mcr-files", [str(now / name) for name in ("fox-07.json", "otter-01.json")])
    page.wait_for_function("window.medialitClassReport.reports > 2", timeout=60_000)
    (now / "otter-01.json").rename(now / "otter.json")
    page.select_option("#mcr-chapter", "kremlin-drone|03-claims")
    page.wait_for_function("window.medialitClassReport.reports > 3", timeout=60_000)
    expect(problems.locator("td")).to_have_text(["otter-01.json", *told])
    expect(page.locator(".mcr-status")).to_have_text(
        "Report ready: 1 student's hand-in used, 1 file left out. It is below."
    )
    assert page.errors == [] and page.offsite_requests == []


# Chromium as the user nobody (a test runs as root, who may open any folder): the launcher Playwright starts hands
# nobody the profile folder Playwright made, then becomes nobody and starts Chromium.
AS_NOBODY = """#!/bin/sh
for arg in "$@"; do
  case "$arg" in --user-data-dir=*) chown -R nobody "${arg#--user-data-dir=}";; esac
done
export HOME="$(dirname "$0")/home"
exec setpriv --reuid=nobody --regid=nogroup --clear-groups "%(chromium)s" "$@"
"""


@pytest.fixture
def refused_class(browser):
    """A class's folder with a hand-in and a folder in it that the browser may not open, and a Chromium that may not:
    run as nobody when the tests run as root (the folder is root's alone), else the folder is closed to everyone."""
    import os
    import shutil
    import tempfile

    place = Path(tempfile.mkdtemp(prefix="medialit-refused-"))
    place.chmod(0o755)
    (place / "class" / "locked").mkdir(parents=True)
    shutil.copyfile(SAMPLE / "fox-07.json", place / "class" / "fox-07.json")
    shutil.copyfile(SAMPLE / "otter-01.json", place / "class" / "locked" / "otter-01.json")
    (place / "class").chmod(0o755)
    (place / "class" / "fox-07.json").chmod(0o644)
    launcher = None
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("setpriv is needed to run Chromium as another user than root")
        (place / "class" / "locked").chmod(0o700)
        (place / "home").mkdir()
        shutil.chown(place / "home", "nobody")
        launcher = place / "chromium-as-nobody.sh"
        launcher.write_text(AS_NOBODY % {"chromium": chromium_path()}, encoding="utf-8")
        launcher.chmod(0o755)
    else:
        (place / "class" / "locked").chmod(0)
    from browser_helpers import CHROMIUM_ARGS

    refused = browser.browser_type.launch(executable_path=str(launcher or chromium_path()), args=CHROMIUM_ARGS)
    yield refused, place / "class"
    refused.close()
    (place / "class" / "locked").chmod(0o755)
    shutil.rmtree(place)


def test_a_real_folder_chromium_may_not_open_is_listed_from_a_drop_and_skipped_by_the_folder_picker(
    refused_class, book_server
):
    """What Chromium does with a folder it may not open, in a real class folder: dropped, the folder's reader fails
    (NoModificationAllowedError), and the page lists the folder with what to do and reports on the rest (it did
    nothing at all); chosen with the folder picker, Chromium leaves the folder out without a word, so the page can
    only report on what it was given."""
    refused, folder = refused_class
    context = refused.new_context(base_url=book_server, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(PAGE)
        expect(page.locator("[data-medialit-class-report]")).to_have_attribute("data-state", "ready")
        page.select_option("#mcr-chapter", "kremlin-drone|03-claims")
        box = page.locator(".mcr-drop").bounding_box()
        cdp = context.new_cdp_session(page)
        data = {"items": [], "files": [str(folder)], "dragOperationsMask": 1}  # a folder dragged from a folder window
        for kind in ("dragEnter", "dragOver", "drop"):
            cdp.send("Input.dispatchDragEvent", {"type": kind, "x": box["x"] + 20, "y": box["y"] + 20, "data": data})
        page.wait_for_function("window.medialitClassReport.reports > 0", timeout=60_000)
        expect(page.locator(".mcr-status")).to_have_text(
            "Report ready: 1 student's hand-in used, 1 folder left out. It is below."
        )
        problems = page.locator("section[aria-labelledby='mcr-problems'] table >> nth=0 >> tbody tr")
        expect(problems.locator("td:first-child")).to_have_text(["locked/"])
        expect(problems).to_contain_text("this folder cannot be opened (this browser may not read it)")
        # the folder picker: Chromium gives the files it could open, and says nothing of the folder
        page.set_input_files("#mcr-folder", str(folder))
        page.wait_for_function("window.medialitClassReport.reports > 1", timeout=60_000)
        assert [s["student"] for s in page.evaluate("window.medialitClassReport.summary.students")] == ["fox-07"]
        assert page.evaluate("window.medialitClassReport.summary.skipped") == []
    finally:
        context.close()


# Each problems table as a teacher reads it: what it is called, its headings and its cells.
PROBLEM_TABLES = """(boxes) => boxes.map((box) => [
  box.ariaLabel,
  [...box.querySelectorAll("th")].map((th) => th.textContent),
  [...box.querySelectorAll("tbody tr")].map((tr) => [...tr.cells].map((td) => td.textContent)),
])"""


def test_the_problems_tables_have_the_same_headings_and_cells_on_the_page_and_in_report_html(
    browser, book_server, tmp_path
):
    """The page headed the problems "Why" and "What to do", report.html "Problem" and "Fix" (with the place in a
    column of its own): a teacher who reads one and then the other meets one table, with the same words in it."""
    from medialit import load_exercise
    from medialit.classroom.class_report import class_report

    folder = tmp_path / "class"
    shutil.copytree(SAMPLE, folder)
    again = json.loads((SAMPLE / "fox-07.json").read_text(encoding="utf-8"))
    again["created"] = "2026-11-26T09:00:00Z"  # started another day: a name two hand-ins use
    (folder / "fox-07-again.json").write_text(json.dumps(again), encoding="utf-8")
    kremlin = load_exercise(ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml")
    (tmp_path / "report.html").write_text(class_report(folder, kremlin).to_html(), encoding="utf-8")
    context = browser.new_context(base_url=book_server, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(PAGE)
        report_on(page, "kremlin-drone|", sorted(str(p) for p in folder.iterdir()))
        boxes = page.locator("section[aria-labelledby='mcr-problems'] .mcr-table-wrap")
        on_page = boxes.evaluate_all(PROBLEM_TABLES)
        page.goto((tmp_path / "report.html").as_uri())
        names = [label for label, _, _ in on_page]
        in_html = page.locator("div.scroll").evaluate_all(PROBLEM_TABLES)
        assert [t for t in in_html if t[0] in names] == on_page
        assert [headings[-2:] for _, headings, _ in on_page] == [["Why", "What to do"]] * 3
    finally:
        context.close()


LEFT_OUT = "Tags and answers left out of hand-ins that were used"


@pytest.mark.parametrize(("screen", "scheme"), [("laptop", "light"), ("phone", "dark")])
def test_a_hand_in_with_thousands_of_broken_tags_is_one_row_a_reason_on_the_page_and_in_report_html(
    browser, book_server, tmp_path, screen, scheme
):
    """One hand-in with 100,000 broken tags made a table of 100,000 rows on the page and in report.html, all saying
    the same: each reason is one row, the first one's place and words with how many more are like it, and the table
    keeps to a laptop's book column; problems.csv keeps a row for each tag."""
    from medialit import load_exercise
    from medialit.classroom.class_report import class_report

    folder = tmp_path / "class"
    shutil.copytree(SAMPLE, folder)
    many = json.loads((SAMPLE / "fox-07.json").read_text(encoding="utf-8"))
    kept = len(many["tags"])
    moved = [{**many["tags"][0], "id": f"m{n}", "quote": f"words {n}"} for n in range(3)]  # each quotes other words
    many.update(student="ermine-30", created="2026-11-26T09:00:00Z", tags=[*many["tags"], *[{}] * 100_000, *moved])
    (folder / "ermine-30.json").write_text(json.dumps(many), encoding="utf-8")
    kremlin = load_exercise(ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml")
    (tmp_path / "report.html").write_text(class_report(folder, kremlin).to_html(), encoding="utf-8")
    size = PHONE if screen == "phone" else {"viewport": {"width": 1280, "height": 900}}
    context = browser.new_context(base_url=book_server, accept_downloads=True, color_scheme=scheme, **size)
    try:
        page = context.new_page()
        page.goto(PAGE)
        report_on(page, "kremlin-drone|", sorted(str(p) for p in folder.iterdir()))
        box = page.get_by_role("region", name=LEFT_OUT)
        [(_, _, on_page)] = box.evaluate_all(PROBLEM_TABLES)
        mine = [row for row in on_page if row[0] == "ermine-30"]
        assert [row[1] for row in mine] == [
            f"tag {kept + 1} and 99,999 more like it",
            f"tag {kept + 100_001} (m0) and 2 more like it",
        ]
        assert "no usable id" in mine[0][2] and "“words 0”" in mine[1][2]  # the first one's words
        if screen == "laptop":  # "tag 324 and 99,999 more like it", 16em wide as a long text, made it 830 px wide
            wide, room = box.evaluate("(box) => [box.scrollWidth, box.clientWidth]")
            assert wide <= room, "the table scrolls sideways in a laptop's book column"
        problems = download(page, "problems.csv")
        assert problems.count("\r\nermine-30,part,") == 100_003  # a row for each tag in the spreadsheet
        page.get_by_role("heading", name="Problems with files").scroll_into_view_if_needed()
        screenshot(page, f"left-out-many-{screen}-{scheme}")
        box.scroll_into_view_if_needed()
        screenshot(page, f"left-out-many-table-{screen}-{scheme}")
        page.goto((tmp_path / "report.html").as_uri())
        in_html = page.locator("div.scroll").evaluate_all(PROBLEM_TABLES)
        assert [rows for name, _, rows in in_html if name == LEFT_OUT] == [on_page]
        page.get_by_role("region", name=LEFT_OUT).scroll_into_view_if_needed()
        screenshot(page, f"left-out-many-report-html-{screen}-{scheme}")
    finally:
        context.close()
