"""The {tagger} directive: a small Sphinx project built with warnings as errors."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sphinx.errors import SphinxError
from sphinx.testing.util import SphinxTestApp

from medialit import load_exercise
from medialit.core.chapters import parse_labels
from medialit.core.errors import InputError
from medialit.web.page_data import pack_exercise
from medialit.web.sphinxext import NOT_STARTED, draft_banner, script_json, unfinished_items

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "kremlin-mini.yml"
ARTICLE = ROOT / "book" / "exercises" / "kremlin-drone" / "article.txt"
UNICODE = ROOT / "tests" / "fixtures" / "unicode" / "exercise.yml"
PAGE_DATA_JS = ROOT / "src" / "js" / "hosts" / "page_data.js"
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed")


def unpack(packed: list[dict]) -> list[dict]:
    """What the book page's script (page_data.js) makes of packed exercises."""
    script = (
        f"import {{ unpackExercise }} from {json.dumps(PAGE_DATA_JS.as_uri())};\n"
        "let raw = ''; for await (const c of process.stdin) raw += c;\n"
        "process.stdout.write(JSON.stringify(JSON.parse(raw).map(unpackExercise)));\n"
    )
    done = subprocess.run(
        [NODE, "--input-type=module", "-e", script],
        input=json.dumps(packed),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def make_project(tmp_path: Path, page: str, title: str = "Kremlin drone, a dozen items") -> Path:
    src = tmp_path / "src"
    (src / "book" / "ex").mkdir(parents=True)
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "medialit.web.sphinxext"]\n'
        'myst_enable_extensions = ["colon_fence"]\nexclude_patterns = ["_build"]\n'
    )
    (src / "index.md").write_text("# Home\n\n```{toctree}\nbook/page\n```\n")
    (src / "book" / "page.md").write_text(page)
    shutil.copy(ARTICLE, src / "book" / "ex" / "article.txt")
    text = FIXTURE.read_text(encoding="utf-8")
    text = re.sub(r"^article: .*$", "article: article.txt", text, flags=re.M)
    text = re.sub(r"^title: .*$", f"title: {json.dumps(title)}", text, flags=re.M)
    (src / "book" / "ex" / "exercise.yml").write_text(text, encoding="utf-8")
    return src


def build(src: Path, tmp_path: Path) -> tuple[dict, str]:
    """Build with warnings as errors; returns the page dependencies and the warning text."""
    warnings = io.StringIO()
    app = SphinxTestApp(
        "html",
        srcdir=src,
        builddir=tmp_path / "build",
        status=io.StringIO(),
        warning=warnings,
        warningiserror=True,
        freshenv=True,
    )
    try:
        app.build()
        return {doc: set(deps) for doc, deps in app.env.dependencies.items()}, warnings.getvalue()
    finally:
        app.cleanup()


PAGE = "# Tag it\n\n```{tagger} ex/exercise.yml\n:labels: claim, source\n:difficulty: guided\n```\n"


def config_of(html: str) -> dict:
    found = re.search(r'<script type="application/json" id="([^"]+)">(.*?)</script>', html, re.S)
    assert found, "no JSON config script on the page"
    return json.loads(found.group(2))


def test_directive_emits_mount_config_and_one_classic_script_in_the_head(tmp_path):
    src = make_project(tmp_path, PAGE)
    _, warnings = build(src, tmp_path)
    assert warnings == ""
    html = (tmp_path / "build" / "html" / "book" / "page.html").read_text(encoding="utf-8")
    mount = re.search(
        r'<div class="medialit-tagger-mount" id="([^"]+)" data-medialit-tagger="" data-config="([^"]+)">', html
    )
    assert mount
    config = config_of(html)
    assert config["labels"] == ["claim", "source"]
    assert config["difficulty"] == "guided"
    assert [label["name"] for label in config["exercise"]["labels"]] == ["claim", "source"]
    assert {item["label"] for item in config["exercise"]["key"]} == {"claim", "source"}
    assert len(config["exercise"]["article"]["sha256"]) == 64
    assert config["exercise"]["article"]["packed"]["format"] == "medialit.packed/1"
    assert f'id="{mount.group(2)}"' in html
    # the page sits in a subfolder, so the script is one level up; a classic deferred script in the
    # head, before the theme's scripts: no module is loaded across files, so file:// works
    head = html.split("</head>")[0]
    script = '<script defer="defer" src="../_static/medialit/book-page.js'
    assert head.index(script) == head.index("<script")
    assert 'type="module"' not in html
    assert '<link rel="stylesheet" type="text/css" href="../_static/medialit/tagger.css' in html
    # what the page says when its script never ran, and with JavaScript off
    assert json.dumps(NOT_STARTED) in html and "<noscript>" in html
    for name in ("book-page.js", "tagger.css"):
        assert (tmp_path / "build" / "html" / "_static" / "medialit" / name).is_file()
    index = (tmp_path / "build" / "html" / "index.html").read_text(encoding="utf-8")
    assert "book-page.js" not in index  # a page without a Tagger does not load it


def test_exercise_files_are_dependencies_so_edits_rebuild(tmp_path):
    src = make_project(tmp_path, PAGE)
    dependencies, _ = build(src, tmp_path)
    deps = {Path(d).name for d in dependencies["book/page"]}
    assert {"exercise.yml", "article.txt"} <= deps


def test_script_text_cannot_break_out_of_the_json_element(tmp_path):
    src = make_project(
        tmp_path, "# T\n\n```{tagger} ex/exercise.yml\n```\n", title="</script><script>alert(1)</script> & <!--"
    )
    build(src, tmp_path)
    html = (tmp_path / "build" / "html" / "book" / "page.html").read_text(encoding="utf-8")
    block = re.search(r'<script type="application/json"[^>]*>(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and ">" not in block
    assert config_of(html)["exercise"]["title"] == "</script><script>alert(1)</script> & <!--"
    assert config_of(html)["labels"] == []


@pytest.mark.parametrize(
    "page, expected",
    [
        ("```{tagger} ex/missing.yml\n```\n", "missing.yml"),
        ("```{tagger} ex/exercise.yml\n:labels: claim banana\n```\n", "banana"),
        ("```{tagger} ex/exercise.yml\n:difficulty: hard\n```\n", "hard"),
        ("```{tagger} ex/exercise.yml\n:lines: 18-1\n```\n", "write it like 1-18"),
        ("```{tagger} ex/exercise.yml\n:lines: 500-600\n```\n", "lines 500-600 are not in the article"),
    ],
)
def test_bad_directive_fails_the_build_with_a_clear_message(tmp_path, page, expected):
    src = make_project(tmp_path, "# T\n\n" + page)
    with pytest.raises(SphinxError) as err:
        build(src, tmp_path)
    assert expected in str(err.value)
    assert "page.md" in str(err.value)


def test_a_key_quote_that_cuts_a_word_stops_the_build_as_it_stops_validate(tmp_path):
    """'UK spook' is in the article only inside 'UK spooks': the build refuses it with the loader's own
    message (the file, its line, the item, the fix), so no page ships a span that cuts a word."""
    src = make_project(tmp_path, PAGE)
    exercise = src / "book" / "ex" / "exercise.yml"
    exercise.write_text(exercise.read_text(encoding="utf-8").replace("quote: UK spooks", "quote: UK spook"))
    with pytest.raises(InputError) as refused:
        load_exercise(exercise)
    with pytest.raises(SphinxError) as err:
        build(src, tmp_path)
    message = str(err.value)
    where = "tagger: book/ex/exercise.yml: line 21 (item src-uk-spooks-l3, `quote`)"
    assert f"{where}: the quote “UK spook” cuts a word" in message
    assert "Fix: quote the whole words as the article has them (“UK spooks”)" in message
    assert str(refused.value).replace(f"{src}/", "") in message


def test_the_build_lists_every_problem_of_a_key_at_once(tmp_path):
    src = make_project(tmp_path, PAGE)
    exercise = src / "book" / "ex" / "exercise.yml"
    text = exercise.read_text(encoding="utf-8").replace("quote: UK spooks", "quote: UK spook")
    exercise.write_text(text.replace("quote: seething", "quote: seeting"), encoding="utf-8")
    with pytest.raises(SphinxError) as err:
        build(src, tmp_path)
    message = str(err.value)
    assert "tagger: 2 problems in book/ex/exercise.yml; each with its line and fix" in message
    assert "\n  - book/ex/exercise.yml: line 21 (item src-uk-spooks-l3, `quote`): " in message
    assert "\n  - book/ex/exercise.yml: line 74 (item ld-seething-l28, `quote`): " in message
    assert "“seeting” is not in the article" in message


def test_a_second_page_on_the_same_broken_key_points_to_the_list_instead_of_repeating_it(tmp_path):
    src = make_project(tmp_path, PAGE)
    (src / "index.md").write_text("# Home\n\n```{toctree}\nbook/page\nbook/page2\n```\n")
    (src / "book" / "page2.md").write_text(PAGE.replace("Tag it", "Again"), encoding="utf-8")
    exercise = src / "book" / "ex" / "exercise.yml"
    text = exercise.read_text(encoding="utf-8").replace("quote: UK spooks", "quote: UK spook")
    exercise.write_text(text.replace("quote: seething", "quote: seeting"), encoding="utf-8")
    _, warnings = build_leniently(src, tmp_path)
    assert warnings.count("(item src-uk-spooks-l3, `quote`)") == 1
    assert "page2.md:3: ERROR: tagger: 2 problems in book/ex/exercise.yml, listed for book/page.md" in warnings


def test_script_json_escapes_every_markup_character():
    text = script_json({"a": "</script><!-- & \u2028"})
    assert not set("<>&\u2028") & set(text)
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


@needs_node
def test_a_lines_option_puts_only_that_part_on_the_page(tmp_path):
    src = make_project(tmp_path, "# T\n\n```{tagger} ex/exercise.yml\n:lines: 8–14\n```\n")
    build(src, tmp_path)
    config = config_of((tmp_path / "build" / "html" / "book" / "page.html").read_text(encoding="utf-8"))
    article = unpack([config["exercise"]])[0]["article"]
    assert article["part"]["lines"] == [8, 14]
    assert {t["line"] for t in article["tokens"]} == {8, 10, 12, 14}
    assert all(
        article["part"]["start"] <= k["start"] and k["end"] <= article["part"]["end"] for k in config["exercise"]["key"]
    )


def test_parse_labels_accepts_spaces_and_commas():
    assert parse_labels("claim, source  loaded") == ["claim", "source", "loaded"]
    assert parse_labels(None) == [] == parse_labels("")


@needs_node
@settings(max_examples=6, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 228), st.integers(0, 60)), min_size=1, max_size=6))
def test_packed_page_data_unpacks_to_exactly_the_compiled_exercise(ranges):
    """The page's script gives back the very objects compile() made, for the whole article, parts of it
    and an article of emoji, combining marks and other scripts."""
    kremlin, unicode = load_exercise(FIXTURE), load_exercise(UNICODE)
    lines = kremlin.article.line_count
    compiled = [kremlin.compile(), unicode.compile(), kremlin.compile(labels=["loaded"], lines=(1, 28))]
    compiled += [kremlin.compile(lines=(first, min(lines, first + more))) for first, more in ranges if first <= lines]
    assert unpack([pack_exercise(c) for c in compiled]) == compiled


def build_leniently(src: Path, tmp_path: Path) -> tuple[str, str]:
    """Build without -W: (the page's HTML, the warnings)."""
    warnings = io.StringIO()
    app = SphinxTestApp(
        "html", srcdir=src, builddir=tmp_path / "build", status=io.StringIO(), warning=warnings, freshenv=True
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return (tmp_path / "build" / "html" / "book" / "page.html").read_text(encoding="utf-8"), warnings.getvalue()


def test_a_draft_key_is_a_warning_an_error_under_w_and_a_banner_on_the_page(tmp_path):
    src = make_project(tmp_path, PAGE)
    exercise = src / "book" / "ex" / "exercise.yml"
    text = exercise.read_text(encoding="utf-8")
    text = text.replace("    why: The headline rests on", "    draft: true\n    why: The headline rests on", 1)
    exercise.write_text(text, encoding="utf-8")
    html, warnings = build_leniently(src, tmp_path)
    # the count agrees with its noun (messages.counted), as everywhere else: not "1 item(s)"
    assert "still has 1 item in its key and distractors marked draft" in warnings and "medialit validate" in warnings
    assert 'medialit-draft-key admonition"' in html and "Draft key" in html
    assert "still have 1 unreviewed item: Check may mark" in html
    assert "still have 2 unreviewed items: Check may mark" in draft_banner(2).astext()
    with pytest.raises(SphinxError):
        build(src, tmp_path / "strict")


def build_again(src: Path, tmp_path: Path) -> str:
    """Build without -W into a build folder kept from an earlier build, as `make book` run again does: the warnings."""
    warnings = io.StringIO()
    app = SphinxTestApp("html", srcdir=src, builddir=tmp_path / "build", status=io.StringIO(), warning=warnings)
    try:
        app.build()
    finally:
        app.cleanup()
    return warnings.getvalue()


@pytest.mark.parametrize(
    "change, expected",
    [
        (("    why: The headline rests on", "    draft: true\n    why: The headline rests on"), "marked draft"),
        (("label: claim", "label: banana"), "banana"),
    ],
)
def test_a_draft_or_broken_key_warns_at_every_build_not_only_the_first(tmp_path, change, expected):
    """Sphinx reads again only the pages that changed: `make book` failed on a draft key once, and passed when
    run again, with the draft chapter in the book."""
    src = make_project(tmp_path, PAGE)
    exercise = src / "book" / "ex" / "exercise.yml"
    exercise.write_text(exercise.read_text(encoding="utf-8").replace(*change, 1), encoding="utf-8")
    _, first = build_leniently(src, tmp_path)
    assert expected in first
    assert expected in build_again(src, tmp_path)
    exercise.write_text(exercise.read_text(encoding="utf-8").replace(change[1], change[0], 1), encoding="utf-8")
    assert "page.md" not in build_again(src, tmp_path)  # mended: no warning, and read as other pages are


def test_a_finished_key_has_no_banner(tmp_path):
    html, warnings = build_leniently(make_project(tmp_path, PAGE), tmp_path)
    assert warnings == "" and "medialit-draft-key" not in html


def test_a_mention_a_part_asks_for_has_its_reason_from_the_message_table_and_is_no_draft():
    # chapter 7's part asks for Medvedev at L100 with the checker's reason (why_message), not the key's words
    part = load_exercise(ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml").restricted(
        ["source"], (76, 198)
    )
    assert part.item("src-medvedev-l100").why_message and not part.item("src-medvedev-l100").why
    assert unfinished_items(part) == []


def test_an_author_mode_page_listed_for_students_is_a_warning(tmp_path):
    src = make_project(tmp_path, PAGE.replace(":difficulty: guided", ":mode: author"))
    _, warnings = build_leniently(src, tmp_path)
    assert "`:mode: author`" in warnings and "Take it out of _toc.yml" in warnings


@pytest.mark.parametrize("done", ["made a student page", "removed, then a student page of that name added"])
def test_a_page_no_longer_in_author_mode_is_no_longer_warned_of(tmp_path, done):
    """The build kept its list of author-mode pages from one build to the next: an instructor who finished
    reviewing and made the page a student page was still told to take it out of _toc.yml, and `make book`
    (-W) failed whenever a page had changed, until _build was deleted."""
    src = make_project(tmp_path, PAGE.replace(":difficulty: guided", ":mode: author"))
    page, index = src / "book" / "page.md", src / "index.md"
    _, warnings = build_leniently(src, tmp_path)
    assert "book/page uses `:mode: author`" in warnings
    if done.startswith("removed"):
        page.unlink()
        listed = index.read_text()
        index.write_text("# Home\n")
        build_again(src, tmp_path)
        index.write_text(listed)
    page.write_text(PAGE, encoding="utf-8")
    assert build_again(src, tmp_path) == ""  # as `make book` asks: no warning


def test_a_tagger_page_missing_from_the_contents_is_a_warning(tmp_path):
    src = make_project(tmp_path, PAGE)
    (src / "book" / "forgotten.md").write_text(PAGE.replace("Tag it", "Forgotten"), encoding="utf-8")
    (src / "conf.py").write_text(
        (src / "conf.py")
        .read_text()
        .replace('exclude_patterns = ["_build"]', 'exclude_patterns = ["_build", "book/forgotten.md"]')
    )
    _, warnings = build_leniently(src, tmp_path)
    assert "book/forgotten.md has a Tagger but is not in _toc.yml" in warnings and "- file: book/forgotten" in warnings
    # an author-mode page is built on its own and never listed: leaving it out is right
    (src / "book" / "forgotten.md").write_text(PAGE.replace(":difficulty: guided", ":mode: author"), encoding="utf-8")
    _, warnings = build_leniently(src, tmp_path / "again")
    assert "forgotten" not in warnings


def test_an_author_page_carries_the_exercise_file_to_download_whole(tmp_path):
    src = make_project(
        tmp_path, PAGE.replace(":labels: claim, source\n:difficulty: guided", ":mode: author\n:labels: claim")
    )
    html, _ = build_leniently(src, tmp_path)
    authoring = config_of(html)["authoring"]
    source = (src / "book" / "ex" / "exercise.yml").read_text(encoding="utf-8")
    assert authoring["saves"] == "download" and authoring["source"] == source
    shown = {k["id"] for k in config_of(html)["exercise"]["key"]}
    hidden = {k["id"] for k in authoring["hidden"]["key"]}
    assert shown and hidden and not shown & hidden  # the other labels' items go back into the file as they are
    assert all(k["label"] != "claim" for k in authoring["hidden"]["key"])
    student_page = build_leniently(make_project(tmp_path / "s", PAGE), tmp_path / "s")[0]
    assert "authoring" not in config_of(student_page)
    # author mode's style sheet on the author's page only
    assert 'href="../_static/medialit/tagger-author.css' in html
    assert "tagger-author.css" not in student_page
    assert (tmp_path / "build" / "html" / "_static" / "medialit" / "tagger-author.css").is_file()


LAUGHS = "l0: &l0 lol\n" + "".join(f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]\n" for n in range(1, 10))


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda text: LAUGHS + re.sub(r"^title: .*$", "title: *l9", text, flags=re.M), "aliases"),
        (
            lambda text: re.sub(r"^article: .*$", "article: ../../../../../../etc/passwd", text, flags=re.M),
            "outside the exercise's folder",
        ),
    ],
)
def test_a_hostile_exercise_file_stops_the_build_at_once_with_one_message(tmp_path, change, expected):
    """A billion laughs, or an article from outside the exercise's folder, never reaches the page."""
    src = make_project(tmp_path, "# T\n\n```{tagger} ex/exercise.yml\n```\n")
    exercise = src / "book" / "ex" / "exercise.yml"
    exercise.write_text(change(exercise.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(SphinxError) as err:
        build(src, tmp_path)
    assert expected in str(err.value) and "exercise.yml" in str(err.value)


def test_a_page_built_on_its_own_shows_the_exercise_file_as_it_is_now(tmp_path):
    """The instructors' review page is built alone (`jupyter-book build book/x-author.md`); after the
    exercise file is edited, building it again shows the edit (it kept the old key, whose download
    then undid the instructor's work)."""
    jupyter_book = Path(shutil.which("jupyter-book") or Path(sys.executable).parent / "jupyter-book")
    (tmp_path / "ex").mkdir()
    shutil.copy(ARTICLE, tmp_path / "ex" / "article.txt")
    exercise = tmp_path / "ex" / "exercise.yml"
    exercise.write_text(
        re.sub(r"^article: .*$", "article: article.txt", FIXTURE.read_text(encoding="utf-8"), flags=re.M),
        encoding="utf-8",
    )
    (tmp_path / "_config.yml").write_text(
        "title: t\nsphinx:\n  extra_extensions: [medialit.web.sphinxext]\n", encoding="utf-8"
    )
    page = tmp_path / "review.md"
    page.write_text("# Review\n\n```{tagger} ex/exercise.yml\n:mode: author\n```\n", encoding="utf-8")
    html = tmp_path / "_build" / "_page" / "review" / "html" / "review.html"

    def build_page() -> str:
        subprocess.run([str(jupyter_book), "build", str(page)], cwd=tmp_path, check=True, capture_output=True)
        return html.read_text(encoding="utf-8")

    assert "A new reason, written since" not in build_page()
    why = load_exercise(exercise).key[0].why
    exercise.write_text(exercise.read_text(encoding="utf-8").replace(why, "A new reason, written since."))
    assert "A new reason, written since" in build_page()


def test_the_class_report_offers_every_exercise_a_students_tagger_uses(tmp_path):
    """An instructor's new exercise can be reported on once its chapter is in the book: the page's
    directive names the book's own exercises, and it offered only those."""
    practice = ROOT / "book" / "exercises" / "practice-council"
    page = "# Tag it\n\n```{tagger} ex2/exercise.yml\n```\n\n```{class-report} ex/exercise.yml\n```\n"
    src = make_project(tmp_path, page)
    shutil.copytree(practice, src / "book" / "ex2")
    build(src, tmp_path)
    html = (tmp_path / "build" / "html" / "book" / "page.html").read_text(encoding="utf-8")
    found = re.search(r'id="medialit-class-report-config">(.*?)</script>', html, re.S)
    config = json.loads(found.group(1))
    assert [e["id"] for e in unpack(config["exercises"])] == ["kremlin-mini", "practice-council"]
    assert [t["exercise"] for t in config["chapters"][0]["taggers"]] == ["practice-council"]


def test_the_review_page_built_on_its_own_finds_the_books_static_files(tmp_path):
    """`jupyter-book build book/x-author.md`, as instructors are told to run it, builds with the page's
    folder as the source: the book's `book/_static` and favicon in _config.yml were two warnings and
    the page went without the book's style sheet (jupyterbook_fixes gives them from the book root)."""
    jupyter_book = Path(shutil.which("jupyter-book") or Path(sys.executable).parent / "jupyter-book")
    (tmp_path / "book" / "_static").mkdir(parents=True)
    (tmp_path / "book" / "_static" / "book.css").write_text(".own-style {}\n", encoding="utf-8")
    (tmp_path / "book" / "_static" / "favicon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>\n")
    (tmp_path / "_config.yml").write_text(
        "title: t\nsphinx:\n  extra_extensions: [medialit.web.jupyterbook_fixes]\n  config:\n"
        '    html_static_path: ["book/_static"]\n    html_favicon: "book/_static/favicon.svg"\n'
        '    html_css_files: ["book.css"]\n',
        encoding="utf-8",
    )
    (tmp_path / "book" / "review.md").write_text("# Review\n\nThe key, for the instructor.\n", encoding="utf-8")
    done = subprocess.run(
        [str(jupyter_book), "build", "-W", "book/review.md"], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "WARNING" not in done.stdout + done.stderr
    html = tmp_path / "_build" / "_page" / "book-review" / "html"
    assert "_static/book.css" in (html / "review.html").read_text(encoding="utf-8")
    assert (html / "_static" / "book.css").read_text(encoding="utf-8") == ".own-style {}\n"
