"""The message table: every template renders, and Python and JavaScript say the same words.

The vectors hold the checker's data; this test holds the two renderers (core/messages.py and
src/js/core/messages.js) to identical sentences for every code the vectors give, for both readers,
plus a sample of each template no vector reaches.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from helpers import node_lines
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit import HandIn, Tag, check, load_exercise
from medialit.core.contract import CHIPS_FOUND, CHIPS_LOOK, MISCONCEPTIONS, QUOTE_MARKS
from medialit.core.handin import ANSWER_PROBLEMS, TAG_PROBLEMS
from medialit.core.labels import DEFAULT_LABELS
from medialit.core.messages import (
    AUDIENCES,
    COUNTS,
    FIELD,
    FIELD_WORDS,
    TABLE,
    Message,
    Renderer,
    hint_messages,
    included_message,
    item_codes,
    needs_messages,
    number,
    percent,
    problem_message,
    quoted,
    tag_codes,
    why_message,
)
from medialit.core.voices import quotations, sums_up, values

ROOT = Path(__file__).resolve().parent.parent
VECTORS = ROOT / "tests" / "vectors"
MESSAGES_JS = ROOT / "src" / "js" / "core" / "messages.js"
NODE = shutil.which("node")
sys.path.insert(0, str(VECTORS))
from make_vectors import EXERCISES, reports  # noqa: E402

# Templates no vector reaches, with arguments a report could give them.
SAMPLES = [
    Message("item-hint", {"hint": "Which word in L3 is slang?"}),
    # a source named before a chapter's part, asked for in it (parts.py)
    Message(
        "part-first-mention",
        {"quote": "Medvedev", "line": 100, "named": "former president Dmitry Medvedev", "claim": 100},
    ),
    Message(
        "part-first-mention-hint",
        {"quote": "Medvedev", "line": 100, "named": "former president Dmitry Medvedev", "claim": 100},
    ),
    Message("item-answer", {"quote": "UK spooks", "line": 3}),
    # long quotations, cut after a whole word: astral characters count as one, a comma before the cut goes
    Message("item-answer", {"quote": "\U0001f600" * 31 + " Kremlin spokesperson Dmitry Peskov insisted", "line": 3}),
    Message(
        "item-answer", {"quote": "the United States masterminded a kamikaze drone strike, onthekremlin", "line": 8}
    ),
    Message("item-answer", {"quote": "x" * 70, "line": 8}),
    # words in quotation marks of their own: no second pair, unless cut
    Message("item-answer", {"quote": "“ludicrous”", "line": 11}),
    Message("item-answer", {"quote": "‘" + "very long scare quotes " * 3 + "’", "line": 11}),
    Message(
        "scores-label",
        {
            "label": "loaded",
            "found": 6,
            "required": 10,
            "tagged": 7,
            "tagged_in_key": 5,
            "precision": 0.7143,
            "recall": 0.6,
            "f1": 0.65217,
        },
    ),
    Message("attr-wrong:voice:quoted", {"name": "voice", "expected": ["quoted"], "given": "reporter"}),
    Message("attr-wrong:voice:reporter", {"name": "voice", "expected": ["reporter"], "given": "quoted"}),
    Message("attr-wrong:type:scare-quotes", {"name": "type", "expected": ["scare-quotes"], "given": "quoted-words"}),
    Message("attr-wrong:type:quoted-words", {"name": "type", "expected": ["quoted-words"], "given": "scare-quotes"}),
    Message("attr-wrong:kind:fact", {"name": "kind", "expected": ["fact"], "given": "judgement"}),
    Message(
        "attr-wrong:evidence:stated-without-evidence",
        {"name": "evidence", "expected": ["stated-without-evidence"], "given": "none"},
    ),
    Message("attr-wrong", {"name": "role", "expected": ["interested-party", "official"], "given": "social-media"}),
    Message("attr-free:neutral:planned", {"name": "neutral", "expected": ["planned"], "given": "organised"}),
    Message("attr-free-blank:neutral:planned", {"name": "neutral", "expected": ["planned"], "given": None}),
    Message("attribution-none-given", {"sources": []}),
    Message(
        "attribution-wrong",
        {"sources": [["Kremlin spokesperson Dmitry Peskov", "L28"], ["UK security officials", "L6"]]},
    ),
    Message("summary-found", {"label": "loaded", "found": 6, "required": 10}),
    Message("summary-found-lines", {"label": "claim", "found": 1, "required": 20, "first": 1, "last": 28}),
    Message("summary-tags", {"tagged_in_key": 5, "tagged": 7}),
    Message("summary-over-tagged", {"tagged_in_key": 5, "tagged": 45, "required": 20}),
    Message("summary-no-tags", {}),
    Message("summary-all-found", {}),
    Message("summary-lines", {"first": 1, "last": 28}),
    Message("summary-nothing-to-find", {"label": "cue"}),
    Message("summary-stale", {}),
    Message("group-missed", {"count": 4}),
    Message("group-look", {"count": 3}),
    Message("group-found", {"count": 5}),
    Message("group-optional", {"count": 2}),
    Message("coach-item", {"n": 1, "count": 4, "label": "loaded", "line": 10, "quote": "despot"}),
    Message("coach-option", {"label": "loaded", "line": 10, "quote": "despot", "n": 2}),
    Message("coach-no-hint", {"line": 10}),
    *(Message(f"chip-{verdict}", {}) for verdict in (*CHIPS_LOOK, *CHIPS_FOUND)),
    # the class report's, for teachers
    Message("class-students", {"students": 25, "skipped": 4}),
    # counts past a thousand, by lines past a thousand: the counts' thousands apart, the lines' digits as they are
    Message("class-students", {"students": 100_000, "skipped": 1234}),
    Message("coach-item", {"n": 1200, "count": 4000, "label": "loaded", "line": 1234, "quote": "despot"}),
    Message("summary-found-lines", {"label": "claim", "found": 1500, "required": 2000, "first": 1001, "last": 2805}),
    Message("class-scope", {"labels": "claims, sources and loaded words"}),
    Message("class-nothing", {"files": 3}),
    Message("class-nothing:one", {"files": 1}),
    Message("class-students:folders", {"students": 25, "skipped": 2, "left": "1 file and 1 folder"}),
    Message("class-nothing:folders", {"files": 1, "left": "1 folder"}),
    Message("class-students:partly", {"students": 3, "skipped": 2, "left": "1 file", "partly": "1 folder"}),
    Message("class-students:partly-only", {"students": 3, "skipped": 1, "left": "0 files", "partly": "1 folder"}),
    Message("class-nothing:partly", {"files": 2, "left": "1 file", "partly": "1 folder"}),
    Message("class-nothing:partly-only", {"files": 1, "left": "0 files", "partly": "1 folder"}),
    Message("class-left-out", {"left": "2 files and 1 folder"}),
    Message("class-left-out:partly", {"left": "1 file", "partly": "1 folder"}),
    Message("class-left-out:partly-only", {"left": "0 files", "partly": "1 folder"}),
    *(Message(f"class-left-out-title{variant}", {}) for variant in ("", ":folders", ":partly", ":partly-only")),
    Message("class-unreadable-folder", {"reason": "Permission denied"}),
    Message("class-partly-read-folder", {"reason": "Input/output error"}),
    # a folder a browser was given, moved since (class_report_page.js, core/handin.js's notReadArgs)
    Message("class-unreadable-folder:moved", {"moved": True}),
    Message("class-partly-read-folder:moved", {"moved": True}),
    Message("class-scope-lines", {"first": 1, "last": 18, "labels": "claims"}),
    Message("class-scope-lines:chosen", {"first": 1, "last": 18, "labels": "claims"}),
    Message(
        "class-label-found",
        {"label": "claim", "found": 241, "asked": 450, "share": 241 / 450, "students": 25, "each": 18},
    ),
    Message(
        "class-label-found:one", {"label": "claim", "found": 8, "asked": 18, "share": 8 / 18, "students": 1, "each": 18}
    ),
    Message("class-found-by", {"found": 8, "students": 25, "share": 8 / 25}),
    Message("class-older-copy", {"student": "fox-07", "newer": "again/fox-07.json"}),
    Message("class-spreadsheet", {}),
    Message(
        "class-same-name", {"count": 2, "student": "fox", "counted": [["fox", "a/fox.json"], ["fox (2)", "b/fox.json"]]}
    ),
    *(Message(f"misconception-{rule['kind']}", {}) for rule in MISCONCEPTIONS),
    # author mode's, for instructors
    included_message(1),
    included_message(3),
    *needs_messages(
        [
            {"label": "loaded", "quote": "tyrant", "line": 4, "name": "technique"},
            {"label": "source", "quote": "a spokesperson for the council", "line": 12, "name": "identity"},
        ]
    ),
    *needs_messages([{"label": "claim", "quote": "“We will not stop”", "line": 9, "name": "kind"}]),
]


HOSTILE = json.loads((ROOT / "tests" / "hostile" / "handins" / "expected.json").read_text(encoding="utf-8"))
# The class report's own notes on a file left out (a spreadsheet's, say) or a name used twice, and on a report with
# no hand-in used: they have a fix too.
CLASS_NOTES = (
    "class-older-copy",
    "class-same-name",
    "class-spreadsheet",
    "class-nothing",
    "class-nothing:one",
    "class-nothing:folders",
    "class-nothing:partly",
    "class-nothing:partly-only",
    "class-unreadable-folder",
    "class-unreadable-folder:moved",
    "class-partly-read-folder",
    "class-partly-read-folder:moved",
)

# Every hand-in problem the hostile files give (tests/hostile/handins), and a file too big (none is kept).
PROBLEMS = [
    p
    for want in HOSTILE.values()
    for p in ([want["refusal"]] if "refusal" in want else want["orphans"] + want["answer_problems"])
]
PROBLEMS += [
    {"code": "too-big", "place": "", "args": {"size_mb": "5.3", "limit_mb": 5}},
    {"code": "outside-article", "place": "", "args": {"start": 18500, "end": 18600, "length": 18449}},
    {"code": "answer-too-long", "place": "", "args": {"length": 12345, "limit": 10000}},
    {"code": "unreadable", "place": "", "args": {"reason": "Permission denied"}},  # a repository keeps no such file
    {"code": "unreadable", "place": "", "args": {"moved": True}},  # a file a browser was given, moved since
]


def python_sentences(audience: str) -> dict:
    """Per case, the sentences of every item and tag entry, and of the samples; every hand-in problem
    with its fix."""
    out = {}
    for name, (ex_name, _, _, report) in reports().items():
        words = Renderer(load_exercise(EXERCISES[ex_name]).labels, audience)
        out[name] = [words.sentences(item_codes(i)) for i in report.items] + [
            words.sentences(tag_codes(t)) for t in report.tags
        ]
    words = Renderer(load_exercise(EXERCISES["kremlin-mini"]).labels, audience)
    out["samples"] = [words.render(m) for m in SAMPLES]
    problems = [problem_message(p["code"], p["args"]) for p in PROBLEMS]
    out["problems"] = [[words.render(m), words.render(m, "fix")] for m in problems]
    return out


def js_sentences(audience: str) -> dict:
    script = f"""
import {{ readFileSync, readdirSync }} from "node:fs";
import {{ renderer, itemCodes, tagCodes, problemMessage }} from {json.dumps(MESSAGES_JS.as_uri())};
const vectors = {json.dumps(str(VECTORS))};
const read = (p) => JSON.parse(readFileSync(p, "utf8"));
const {{ samples, problems }} = JSON.parse(readFileSync(0, "utf8"));
const out = {{}};
for (const file of readdirSync(vectors).filter((f) => /^case-.*\\.json$/.test(f))) {{
  const v = read(`${{vectors}}/${{file}}`);
  const words = renderer(read(`${{vectors}}/exercises/${{v.exercise}}.json`).labels, {json.dumps(audience)});
  out[v.name] = [...v.report.items.map((i) => words.sentences(itemCodes(i))),
                 ...v.report.tags.map((t) => words.sentences(tagCodes(t)))];
}}
const words = renderer(read(`${{vectors}}/exercises/kremlin-mini.json`).labels, {json.dumps(audience)});
out.samples = samples.map((m) => words.render(m));
out.problems = problems.map((p) => {{
  const m = problemMessage(p.code, p.args);
  return [words.render(m), words.render(m, "fix")];
}});
process.stdout.write(JSON.stringify(out));
"""
    data = {"samples": [{"code": m.code, "args": m.args} for m in SAMPLES], "problems": PROBLEMS}
    done = subprocess.run(
        [NODE, "--input-type=module", "-e", script], input=json.dumps(data), capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@pytest.mark.parametrize("audience", AUDIENCES)
def test_python_and_javascript_render_the_same_sentences(audience):
    assert js_sentences(audience) == python_sentences(audience)


def test_every_template_is_used_and_every_code_reaches_a_template():
    used = {m.code for m in SAMPLES} | {problem_message(p["code"], p["args"]).code for p in PROBLEMS}
    for _, (_, _, _, report) in reports().items():
        used |= {m.code for i in report.items for m in item_codes(i)}
        used |= {m.code for t in report.tags for m in tag_codes(t)}
        # every reason and hint shown with a key item is a message too (the key's own words, or the checker's)
        used |= {why_message(r).code for r in (*report.items, *report.tags)}
        used |= {m.code for i in report.items for m in hint_messages(i)}
    reached = set()
    for code in used:
        parts = code.split(":")
        reached |= {":".join(parts[:n]) for n in range(1, len(parts) + 1) if ":".join(parts[:n]) in TABLE}
        assert reached & {":".join(parts[:n]) for n in range(1, len(parts) + 1)}, f"{code} has no template"
    assert set(TABLE) <= reached, f"templates no report or sample reaches: {sorted(set(TABLE) - reached)}"


def test_the_table_words_the_chips_a_tag_can_show_and_no_other():
    """A chip is a tag's verdict after Check (contract.json's chips); the words of a chip no tag shows would
    ride in every student's widget (its code builds `chip-<chip>`) for nothing."""
    assert {c for c in TABLE if c.startswith("chip-")} == {f"chip-{chip}" for chip in (*CHIPS_LOOK, *CHIPS_FOUND)}


def test_every_template_has_both_readers_and_names_only_known_filters():
    filters = {
        None,
        "q",
        "pct",
        "or",
        "choice",
        "choices",
        "qlist",
        "qpairs",
        "list",
        "cap",
        "noun",
        "nouns",
        "Title",
        "help",
        "test",
        "field",
    }
    for code, entry in TABLE.items():
        has_fix = code.startswith("handin-") or code in CLASS_NOTES
        extra = {"fix"} if has_fix else {"short", "head"} if code.startswith("misconception-") else set()
        extra |= {"short"} if code.startswith("class-left-out-title") else set()
        assert set(entry) == set(AUDIENCES) | extra, code
        for text in entry.values():
            assert {m.group(2) for m in FIELD.finditer(text)} <= filters, code
            assert "{" not in FIELD.sub("", text), f"{code}: a brace that is not a field"


def test_students_never_read_precision_recall_or_f1():
    for code, entry in TABLE.items():
        assert not {"precision", "recall", "F1", "f1"} & set(entry["student"].replace("|", " ").split()), code


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab ,;:\U0001f600"), max_size=80) | st.text(max_size=80))
def test_a_quotation_is_cut_at_sixty_code_points_after_a_whole_word(text):
    if len(text) <= 60:  # whole, in a pair of its own unless it has one ("``" opens and closes with one)
        marked = len(text) > 1 and text[0] in QUOTE_MARKS and text[-1] in QUOTE_MARKS
        assert quoted(text) == (text if marked else f"“{text}”")
        return
    shown = quoted(text)[1:-1]
    kept = shown[:-1]
    assert shown.endswith("…") and len(shown) <= 60 and text.startswith(kept)
    if " " in text[30:59]:  # a space in the second half: the cut falls before it, never inside a word
        assert text[len(kept)] in " ,;:" and len(kept) <= text[:59].rindex(" ")
    else:
        assert kept == text[:59].rstrip(" ,;:")


@given(st.floats(0, 1))
def test_a_share_is_the_nearest_whole_percentage(share):
    assert abs(int(percent(share)[:-1]) - share * 100) <= 0.5


def test_an_exact_half_percent_rounds_up_not_to_even():
    assert [percent(x) for x in (0.125, 0.625, 0.005, 1.0)] == ["13%", "63%", "1%", "100%"]


def test_a_choice_reads_as_words_not_as_its_value():
    """Values such as `interested-party` are names in a file; a reader sees "interested party"."""
    message = Message(
        "attr-wrong", {"name": "role", "expected": ["interested-party", "official"], "given": "social-media"}
    )
    assert Renderer(load_exercise(EXERCISES["kremlin-mini"]).labels, "student").render(message) == (
        "Role: you chose social media; the key has interested party or official."
    )


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_author_mode_picks_the_same_include_note_in_both_languages():
    """The Jupyter save (widget.py) and the book page's download (review_panel.js) say the same
    sentence about the items that live in `include:` files: the same code for every count."""
    script = f"""
import {{ includedMessage }} from {json.dumps(MESSAGES_JS.as_uri())};
process.stdout.write(JSON.stringify([0, 1, 2, 17].map(includedMessage)));
"""
    done = subprocess.run([NODE, "--input-type=module", "-e", script], capture_output=True, text=True, check=True)
    python = [{"code": m.code, "args": m.args} for m in map(included_message, [0, 1, 2, 17])]
    assert json.loads(done.stdout) == python


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_author_mode_names_the_items_to_choose_with_the_same_codes_in_both_languages():
    """Jupyter's save (widget.py) and the book page's download (book_page.js) name the key items still to
    choose with the same codes: none for none, one sentence for one, another for more, then one an item."""
    needing = [{"label": "loaded", "quote": "tyrant", "line": 4, "name": "technique"}] * 3
    script = f"""
import {{ needsMessages }} from {json.dumps(MESSAGES_JS.as_uri())};
const needing = {json.dumps(needing)};
process.stdout.write(JSON.stringify([0, 1, 2, 3].map((n) => needsMessages(needing.slice(0, n)))));
"""
    done = subprocess.run([NODE, "--input-type=module", "-e", script], capture_output=True, text=True, check=True)
    python = [[{"code": m.code, "args": m.args} for m in needs_messages(needing[:n])] for n in range(4)]
    assert json.loads(done.stdout) == python
    assert [m[0]["code"] for m in python[1:]] == ["author-needs:one", "author-needs", "author-needs"]


COUNTED_LOOP = """
import { createInterface } from "node:readline";
import { counted } from "%s";
for await (const line of createInterface({ input: process.stdin })) {
  const [n, one, many] = JSON.parse(line);
  process.stdout.write(JSON.stringify(many === null ? counted(n, one) : counted(n, one, many)) + "\\n");
}
"""


@pytest.fixture(scope="module")
def node_counted():
    """messages.js's counted, in one Node process for all the examples."""
    yield from node_lines(COUNTED_LOOP % MESSAGES_JS.as_uri())


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@settings(max_examples=200, deadline=None)
@given(
    st.integers(0, 10**12) | st.sampled_from([999, 1000, 9999, 10_000, 100_000, 1_000_000]),
    st.sampled_from([("tag", None), ("tag or answer", "tags or answers"), ("student's hand-in", "students' hand-ins")]),
)
def test_a_count_for_people_reads_with_its_thousands_apart_in_both_languages(node_counted, n, noun):
    """One rule in two languages (messages.counted, messages.js's counted): a sentence said "100000 tags", which a
    reader has to count the digits of; it says "100,000 tags", a comma before each group of three digits."""
    from medialit.core.messages import counted

    one, many = noun
    said = counted(n, one, many)
    assert node_counted([n, one, many]) == said
    digits, words = said.split(" ", 1)
    groups = digits.split(",")
    assert "".join(groups) == str(n) and 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    assert words == (one if n == 1 else many or f"{one}s")


def test_none_against_stated_without_evidence_says_what_tells_them_apart():
    """Both mean no evidence to a reader: the sentence says the article itself saying so is the difference."""
    words = Renderer(load_exercise(EXERCISES["kremlin-mini"]).labels, "student")
    args = {"name": "evidence", "expected": ["stated-without-evidence"], "given": "none"}
    said = words.render(Message("attr-wrong:evidence:stated-without-evidence", args))
    assert "the article itself says that no evidence was given" in said
    assert "Choose none only when the article says nothing about evidence" in said


def test_words_in_quotation_marks_of_their_own_get_no_second_pair():
    words = Renderer(load_exercise(EXERCISES["kremlin-mini"]).labels, "student")
    assert (
        words.render(Message("item-answer", {"quote": "“ludicrous”", "line": 11})) == "The answer: “ludicrous” (L11)."
    )
    assert words.render(Message("item-answer", {"quote": "‘revenge’", "line": 3})) == "The answer: ‘revenge’ (L3)."
    assert words.render(Message("item-answer", {"quote": "“x", "line": 3})) == "The answer: ““x” (L3)."


def test_a_student_sentence_on_a_hand_in_file_names_no_page():
    """A file is opened in the Tagger on a book page and in a Jupyter notebook alike (and a student's
    sentence may be read out of its place): it says "here", never "this page"."""
    sentences = {code: entry["student"] for code, entry in TABLE.items() if code.startswith("handin-")}
    assert sentences["handin-other-article"].endswith("would not fit the article here.")
    assert [code for code, said in sentences.items() if "this page" in said] == []


def test_a_student_sentence_on_a_tag_or_written_answer_left_out_never_says_where_it_is_nor_how_it_got_so():
    """The same checks leave a tag or a written answer out of a loaded file and out of this browser's save, and
    both readers show the one sentence: it says what is wrong, and the words around it say where it is
    ("Loaded … from alex.json", "Some of the saved work in this browser could not be restored: …", "Your answer
    saved in this browser: …"). One that said "in the file" would be wrong under work saved in this browser, and
    one that said "changed by hand" would tell a student their browser's save was edited, which nobody knows.
    Every field a tag is left out for is tried, in each sentence that names a field."""
    student = Renderer({}, "student")
    problems = [p for p in PROBLEMS if p["code"] in TAG_PROBLEMS + ANSWER_PROBLEMS]
    assert {p["code"] for p in problems} == set(TAG_PROBLEMS + ANSWER_PROBLEMS)
    problems += [
        {"code": code, "args": {"field": name}}
        for code in ("tag-bad-field", "tag-bad-text")
        for name in ("id", "label", "quote", "start", "end", "attrs", "source_ids", "note")
    ]
    for p in problems:
        said = student.render(problem_message(p["code"], p["args"]))
        assert not re.search(r"\b(files?|browser|page|here)\b", said), said
        assert "by hand" not in said, said
    said = student.render(problem_message("tag-bad-field", {"field": "id"}))
    assert said == "Part of a tag is missing or wrong (its number), so it was left out."


def test_every_field_a_tag_or_answer_problem_names_is_in_words_that_keep_its_name():
    """A teacher reads "start position (start)", not `start`: each field a left-out tag or answer is named by
    has words in the table, and they keep the field's name (as the words, or in brackets after them) for the
    instructor who fixes the file."""
    named = {p["args"]["field"] for p in PROBLEMS if p["code"].startswith(("tag-", "answer-")) and "field" in p["args"]}
    assert {"start", "end", "attrs", "source_ids", "quote", "id", "label", "note", "text"} <= named
    assert named <= {name for name, words in FIELD_WORDS.items() if "teacher" in words}
    for name, words in FIELD_WORDS.items():
        teacher = words.get("teacher", name)
        assert teacher == name or teacher.endswith(f" ({name})"), name
    teacher = Renderer({}, "teacher")
    said = teacher.render(problem_message("tag-bad-field", {"field": "source_ids"}))
    assert said == "this tag has no usable links to sources (source_ids); it was left out."


# The hand-in's own fields that must hold text, where a file changed by hand can put something else
# (handin.TEXT_FIELDS, less those with a sentence of their own).
OWN_TEXT_FIELDS = ("student", "created", "updated")


def test_a_student_reads_what_a_field_changed_by_hand_holds_not_its_name_in_the_file():
    """A student whose file was changed by hand reads "the list of its sources", not "its source_ids": every
    field a problem names to a student is said in a student's words, which name nothing the way the file
    spells it."""
    student = Renderer({}, "student")
    said = student.render(problem_message("tag-bad-field", {"field": "source_ids"}))
    assert said == "Part of a tag is missing or wrong (the list of its sources), so it was left out."
    problems = PROBLEMS + [{"code": "bad-field", "args": {"field": name}} for name in OWN_TEXT_FIELDS]
    named = 0
    for p in problems:
        message = problem_message(p["code"], p["args"])
        if "{field" not in student.template(message.code):
            continue
        named += 1
        said = student.render(message)
        assert FIELD_WORDS[p["args"]["field"]]["student"] in said, said
        assert "_" not in said and "{" not in said, said
    assert named >= len(OWN_TEXT_FIELDS) + 10


@pytest.mark.parametrize("folder", ["kremlin-drone", "kremlin-agency", "practice-council"])
def test_the_reporter_voice_sentence_never_denies_quotation_marks_the_words_hold(folder):
    """Marks no speaker owns (scare quotes, the words on a drone, a speech's title) leave words the
    reporter's, so the key gives such words the reporter's voice. A student who chose quoted there has
    seen the marks: the sentence must not tell them there are none."""
    exercise = load_exercise(ROOT / "book" / "exercises" / folder / "exercise.yml")
    marks = quotations(exercise.article)
    items = [
        item
        for item in exercise.key
        if values(item.attrs.get("voice", [])) == {"reporter"}
        and any(q.start < item.end and item.start < q.end for q in marks)
    ]
    tags = [
        Tag(f"t{n}", item.label, item.start, item.end, item.quote, {"voice": "quoted"}) for n, item in enumerate(items)
    ]
    report = check(HandIn(exercise.id, exercise.article.sha256, tags), exercise)
    words = Renderer(exercise.labels, "student")
    asked = {item.id for item in items}
    said = [
        words.render(message)
        for result in report.items
        if result.key_id in asked
        for message in item_codes(result)
        if message.code.startswith("attr-wrong:voice")
    ]
    assert len(said) == len(items)
    assert [sentence for sentence in said if re.search(r"\bno quotation marks\b", sentence, re.I)] == []
    if folder == "kremlin-drone":
        assert len(items) >= 5  # the drones' 'for Moscow', the speech's title, the paper's ‘drone attack’


KREMLIN = ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml"
kremlin = cache(lambda: load_exercise(KREMLIN))  # loaded once: property tests ask for it again and again


@pytest.mark.parametrize(
    ("tagged", "label", "keep"),
    [
        # the key accepts "A seething Peskov"; the loaded word is "seething"
        ("A seething Peskov dismissed", "loaded", "seething"),
        # the key accepts "of course, absolutely ridiculous"; a tag over Peskov's whole quote and more
        ("are, of course, absolutely ridiculous.’\n\nPeskov’s extraordinary", "loaded", "absolutely ridiculous"),
        # a whole sentence round a claim the key also accepts with "that he said was carried out by Ukraine"
        (
            "Kremlin spokesperson Dmitry Peskov insisted – without providing evidence – the US was ‘undoubtedly’"
            " behind the strike that he said was carried out by Ukraine",
            "claim",
            "the US was ‘undoubtedly’ behind the strike",
        ),
    ],
)
def test_a_tag_holding_a_longer_accepted_form_is_told_to_keep_the_keys_own_words(tagged, label, keep):
    """Told which words to keep, a student keeps the fewest that count: the key's own, not the longer form
    it also accepts (which would teach that "A" and "Peskov" are part of the loaded word)."""
    exercise = load_exercise(KREMLIN)
    start = exercise.article.text.index(tagged)
    tag = Tag("t1", label, start, start + len(tagged), tagged)
    report = check(HandIn(exercise.id, exercise.article.sha256, [tag]), exercise, [label])
    (result,) = report.tags
    first = Renderer(exercise.labels).render(tag_codes(result)[0])
    assert f"Keep only {quoted(keep)}: take the other words out of this tag." in first, first


def test_a_tag_round_a_key_claim_too_long_to_show_whole_hears_the_words_it_starts_and_ends_with():
    _, _, _, report = reports()["longer-than-a-long-claim"]
    (result,) = report.tags
    first = Renderer(load_exercise(EXERCISES["parts-mini"]).labels).render(tag_codes(result)[0])
    assert first.endswith(
        "Keep only the words from “Decisions on such” to “but in Washington”: take the other words out of this tag."
    ), first


def test_a_claim_linked_to_another_source_is_told_to_tag_the_keys_source_and_tick_it():
    """A claim's link counts only to a source the student tagged: the sentence says what to do, not only
    which source the key has ("it was also thought", L74, which a student may not have tagged at all), and
    names that source with its line, as every other sentence of the feedback names words."""
    exercise = load_exercise(KREMLIN)
    text = exercise.article.text
    moscow_at = text.index("Moscow claimed the drones")
    claim_quote = "unlikely that any such object could have reached the Kremlin before being disabled"
    claim_at = text.index(claim_quote)
    tags = [
        Tag("s1", "source", moscow_at, moscow_at + len("Moscow"), "Moscow"),
        Tag("c1", "claim", claim_at, claim_at + len(claim_quote), claim_quote, {}, ["s1"]),
    ]
    report = check(HandIn(exercise.id, exercise.article.sha256, tags), exercise, ["claim", "source"], None, (66, 76))
    (claim,) = [i for i in report.items if i.tag_id == "c1"]
    (said,) = [m for m in item_codes(claim) if m.code.startswith("attribution-")]
    assert Renderer(exercise.labels).render(said) == (
        "Attributed to: the key links this claim to “it was also thought” (L74). A claim can only be linked to a source"
        " you have tagged: tag it if you have not yet, then tick it under Attributed to."
    )


def test_the_reporters_words_sum_up_what_someone_said_only_where_they_do():
    """ "even where it sums up what someone said" is said of words in a claim the key links to a source (the
    UK officials' view, L6; a word inside it), never of words that sum up nobody: a claim with no source
    (L70), the paper's own label "despot" (L10), a word outside every claim ("Moscow")."""
    _, _, _, report = reports()["voice-reporter-summing-up-or-not"]
    words = Renderer(load_exercise(EXERCISES["kremlin-mini"]).labels)
    by_tag = {i.tag_id: item_codes(i)[1:] for i in report.items if i.tag_id}
    said = {t.tag_id: " ".join(words.sentences(tag_codes(t) + by_tag.get(t.tag_id, []))) for t in report.tags}
    summing_up = {tag_id for tag_id, text in said.items() if "sum up what someone said" in text or "sums up" in text}
    assert summing_up == {"c1", "l2"}, said
    assert all("reporter's words" in text for text in said.values()), said


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_words_sum_up_what_someone_said_where_a_claim_with_a_source_holds_them(data):
    """The one rule both checkers read (voices.reported_runs, sums_up): a span inside a key claim linked to
    a source sums up what someone said; a span that does has every code point in such a claim."""
    exercise = kremlin()
    claims = [(k.start, k.end) for k in exercise.key if k.label == "claim" and k.source_ids]
    start = data.draw(st.integers(0, len(exercise.article.text) - 1))
    end = data.draw(st.integers(start + 1, min(len(exercise.article.text), start + 200)))
    inside = sums_up(exercise.reported_runs, start, end)
    if any(s <= start and end <= e for s, e in claims):
        assert inside
    if inside:
        assert all(any(s <= i < e for s, e in claims) for i in range(start, end))


def test_the_book_quotes_the_tag_count_in_the_words_the_tagger_shows():
    """The scores page, chapter 1 and the teacher guide quote the feedback's two counts, as a Tagger of loaded
    words in L1 to L28 gives them: a change to a sentence in messages.json that left the book behind would
    explain words no student sees."""
    render = Renderer({"loaded": DEFAULT_LABELS["loaded"]}, "student").render
    found = render(
        Message("summary-found-lines", {"found": 6, "required": 14, "label": "loaded", "first": 1, "last": 28})
    )
    sentence = render(Message("summary-tags", {"tagged_in_key": 5, "tagged": 7}))
    scores = (ROOT / "book" / "scores.md").read_text(encoding="utf-8")
    assert f"\n## {sentence.removesuffix('.')}\n" in scores
    for page in ("scores.md", "01-how-to-use.md", "teacher-guide.md"):
        text = " ".join((ROOT / "book" / page).read_text(encoding="utf-8").replace("> ", "").split())
        assert f"{found} {sentence}" in text, page
    assert TABLE["summary-tags"]["student"] in TABLE["scores-label"]["student"]


def test_the_book_names_the_feedbacks_groups_as_the_tagger_heads_them():
    """Chapter 1 and the scores page send a student to the feedback's groups by their headings, which are the
    words before the count ("Not found yet: 3", "Optional, some readers would also tag these: 3")."""
    groups = ["group-missed", "group-look", "group-found", "group-optional"]
    headings = {code: re.split("[:,]", TABLE[code]["student"])[0] for code in groups}
    for page, codes in {"01-how-to-use.md": groups, "scores.md": ["group-missed", "group-look"]}.items():
        text = " ".join((ROOT / "book" / page).read_text(encoding="utf-8").split())
        assert [code for code in codes if f"**{headings[code]}**" not in text] == [], page


# The fields the templates write bare that are not counts, each as it is: line numbers, a span's positions, words.
NOT_COUNTS = {
    "line": "a line number",
    "key_line": "a line number",
    "first": "a line number",
    "last": "a line number",
    "claim": "a line number (the claim in L{claim})",
    "start": "a span's position",
    "end": "a span's position",
    "left": "words with their counts in them (2 files and 1 folder)",
    "partly": "words with their counts in them",
    "size_mb": "a size in MB",
    "limit_mb": "a size in MB",
    "student": "a name",
    "name": "an attribute's name",
    "label": "a label's name",
    "key_id": "an id",
    "ref": "an id",
    "target_label": "a label's name",
    "exercise": "an exercise's id",
    "handin": "an exercise's id",
    "newer": "a file name",
    "reason": "the system's words",
    "why": "the key's words",
    "hint": "the key's words",
    "given": "the student's words",
    "labels": "the labels' names in words",
}
BARE = {
    m.group(1) for entry in TABLE.values() for text in entry.values() for m in FIELD.finditer(text) if not m.group(2)
}


def test_every_field_a_template_writes_bare_is_decided_a_count_or_not():
    """A count reads with its thousands apart (Hand-ins used: 100,000) and a line number or a span does not (L1234):
    the table names its counts (`counts`), and a field new to the table is one or the other, decided here by what
    it is, never by its value."""
    assert COUNTS <= BARE
    assert not COUNTS & set(NOT_COUNTS)
    assert set(NOT_COUNTS) | COUNTS == BARE


def test_a_count_in_a_sentence_has_its_thousands_apart_and_a_line_or_span_its_digits_as_they_are():
    words = Renderer(load_exercise(EXERCISES["kremlin-mini"]).labels, "teacher")
    said = words.render(Message("class-students", {"students": 100_000, "skipped": 1234}))
    assert said == "Hand-ins used: 100,000. Files left out: 1,234."
    said = words.render(problem_message("outside-article", {"start": 18500, "end": 18600, "length": 18449}))
    assert said == "it marks the characters at 18500–18600, outside the article (18,449 characters); it was left out."
    said = words.render(
        Message("coach-item", {"n": 1200, "count": 4000, "label": "loaded", "line": 1234, "quote": "x"})
    )
    assert said.startswith("Missed 1,200 of 4,000: “x” (L1234,")
    student = Renderer(load_exercise(EXERCISES["kremlin-mini"]).labels, "student")
    said = student.render(problem_message("answer-too-long", {"length": 12345, "limit": 10000}))
    assert "(10,000 characters), so only its first 10,000 characters" in said


RENDER_LOOP = """
import { createInterface } from "node:readline";
import { renderer } from "%s";
const words = { student: renderer([], "student"), teacher: renderer([], "teacher") };
for await (const line of createInterface({ input: process.stdin })) {
  const [audience, code, args] = JSON.parse(line);
  process.stdout.write(JSON.stringify(words[audience].render({ code, args })) + "\\n");
}
"""
# the templates whose every field is written bare, each filled with one number
ALL_BARE = sorted(
    (code, audience)
    for code, entry in TABLE.items()
    for audience in AUDIENCES
    if FIELD.search(entry[audience]) and all(not m.group(2) for m in FIELD.finditer(entry[audience]))
)


@pytest.fixture(scope="module")
def node_render():
    """messages.js's renderer, in one Node process for all the examples."""
    yield from node_lines(RENDER_LOOP % MESSAGES_JS.as_uri())


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@settings(max_examples=200, deadline=None)
@given(st.sampled_from(ALL_BARE), st.integers(0, 10**12) | st.sampled_from([999, 1000, 12_345, 100_000]))
def test_every_number_a_template_writes_bare_reads_the_same_in_both_languages(node_render, template, n):
    """One rule in two languages: a field the table names a count has its thousands apart, any other field its
    digits as they are, in every template whose fields are all written bare."""
    code, audience = template
    text = TABLE[code][audience]
    args = {m.group(1): n for m in FIELD.finditer(text)}
    said = Renderer({}, audience).render(Message(code, args))
    assert node_render([audience, code, args]) == said
    assert said == FIELD.sub(lambda m: number(n) if m.group(1) in COUNTS else str(n), text)
