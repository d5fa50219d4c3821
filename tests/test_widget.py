"""The Jupyter Tagger (widget.py) and the contract its JavaScript shares with the Python library."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from helpers import drafted_exercise, handin_of, key_tags
from hypothesis import given, settings
from hypothesis import strategies as st

import medialit
from medialit import InputError, Tagger, check, load_exercise, load_handin
from medialit.authoring.keyfile import key_yaml, write_key
from medialit.core.article import Article
from medialit.core.contract import MODES
from medialit.core.messages import Renderer, included_message
from medialit.core.voices import expected_voice, word_owners
from medialit.web.widget import FRONT_ENDS

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "kremlin-mini.yml"
WIDGET_BUNDLE = ROOT / "src" / "medialit" / "web" / "static" / "tagger.js"
JS = ROOT / "src" / "js"
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed")


@pytest.fixture(scope="module")
def exercise():
    return load_exercise(FIXTURE)


def tag_for(exercise, quote: str, label: str, tag_id: str, nth: int = 0, **extra) -> dict:
    start = exercise.article.find_all(quote)[nth]
    return {
        "id": tag_id,
        "label": label,
        "start": start,
        "end": start + len(quote),
        "quote": quote,
        "attrs": {},
        "source_ids": [],
        "note": "",
        **extra,
    }


def run_js(code: str, data, module: Path = JS / "core" / "handin.js") -> object:
    """Run `code` (an async function body with `m` = the front end's hand-in and span functions, or
    `module`, and `data`) in node; return its JSON result."""
    script = (
        f"import * as spans from {json.dumps((JS / 'core' / 'spans.js').as_uri())};\n"
        f"import * as other from {json.dumps(module.as_uri())};\n"
        "const m = {...spans, ...other};\n"
        "let raw = ''; for await (const c of process.stdin) raw += c;\n"
        "const data = JSON.parse(raw);\n"
        f"const result = await (async () => {{ {code} }})();\n"
        "process.stdout.write(JSON.stringify(result));\n"
    )
    done = subprocess.run(
        [NODE, "--input-type=module", "-e", script], input=json.dumps(data), capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_tagger_accepts_a_path_or_an_exercise_and_limits_labels(exercise):
    by_path = Tagger(FIXTURE, labels=["loaded"], difficulty="guided")
    assert by_path.exercise["format"] == "medialit.exercise/1"
    assert by_path.labels == ["loaded"]
    assert [label["name"] for label in by_path.exercise["labels"]] == ["loaded"]
    assert {item["label"] for item in by_path.exercise["key"]} == {"loaded"}
    assert by_path.difficulty == "guided"
    by_object = Tagger(exercise, mode="author")
    assert by_object.mode == "author"
    assert by_object.difficulty == exercise.difficulty
    assert by_object.labels == []
    assert len(by_object.exercise["key"]) == len(exercise.key)
    assert medialit.Tagger is Tagger


@pytest.mark.parametrize(
    "kwargs, word",
    [({"mode": "teacher"}, "teacher"), ({"difficulty": "easy"}, "easy"), ({"labels": ["opinion"]}, "opinion")],
)
def test_bad_options_give_one_clear_input_error(exercise, kwargs, word):
    with pytest.raises(InputError) as err:
        Tagger(exercise, **kwargs)
    assert word in str(err.value) and "Fix:" in str(err.value)


def test_check_runs_the_python_checker_on_the_current_tags_and_shows_the_report(exercise):
    widget = Tagger(exercise, labels=["loaded", "source"])
    widget.tags = [
        tag_for(exercise, "despot", "loaded", "t1"),
        tag_for(exercise, "bizarre claim", "loaded", "t2"),
        tag_for(exercise, "the US was ‘undoubtedly’ behind the strike", "claim", "t3"),
    ]
    report = widget.check()
    assert widget.report == report.to_json()
    verdicts = {i.key_id: i.verdict for i in report.items}
    assert verdicts["ld-despot-l10"] == "hit"
    assert verdicts["ld-seething-l28"] == "missed"
    assert {t.tag_id for t in report.tags} == {"t1", "t2"}  # the claim is not on this widget's labels
    assert report.scores["loaded"].tags == 1  # t2 matched the optional "bizarre" item
    assert "claim" not in report.scores


def test_the_front_end_check_message_runs_check_and_a_bad_tag_is_reported_not_raised(exercise):
    widget = Tagger(exercise, labels=["loaded"])
    sent = []
    widget.send = sent.append
    widget.tags = [
        tag_for(exercise, "despot", "loaded", "t1"),
        {**tag_for(exercise, "seething", "loaded", "t2"), "quote": "calm"},
    ]
    widget._on_message(widget, {"type": "check"}, [])
    assert widget.report["items"]
    assert [o["place"] for o in widget.report["orphans"]] == ["tag 2 (t2)"]
    widget._on_message(widget, {"type": "something else"}, [])
    assert sent == []


def test_handin_carries_the_tags_student_and_article_hash(exercise, tmp_path):
    widget = Tagger(exercise)
    widget.student = "Fox"
    widget.tags = [
        tag_for(exercise, "Kremlin spokesperson Dmitry Peskov", "source", "t1"),
        tag_for(exercise, "the US was ‘undoubtedly’ behind the strike", "claim", "t2", source_ids=["t1"]),
    ]
    handin = widget.handin()
    assert handin.article_sha256 == exercise.article.sha256
    assert handin.student == "Fox"
    assert [t.source_ids for t in handin.tags] == [[], ["t1"]]
    handin.save(tmp_path / "h.json")
    assert load_handin(tmp_path / "h.json", exercise).findings == []


@needs_node
@pytest.mark.parametrize("bundle", ["tagger.js", "tagger-author.js"])
def test_jupyter_loads_a_built_widget_module_whose_default_export_renders(bundle):
    module = WIDGET_BUNDLE.parent / bundle
    assert run_js("return Object.keys(other).sort();", None, module=module) == ["default"]
    assert run_js("return typeof other.default.render;", None, module=module) == "function"


def test_each_mode_loads_its_own_front_end_and_a_student_gets_no_author_tools(exercise):
    assert set(FRONT_ENDS) == set(MODES)
    static = WIDGET_BUNDLE.parent
    read = lambda name: (static / name).read_text(encoding="utf-8")
    student = Tagger(exercise)
    assert str(student._esm) == read("tagger.js") and str(student._css) == read("tagger.css")
    author = Tagger(exercise, mode="author")
    assert author._esm == read("tagger-author.js")
    assert author._css == read("tagger.css") + "\n" + read("tagger-author.css")
    student.mode = "author"  # a Tagger switched to author mode loads the author tools
    assert student._esm == read("tagger-author.js")
    author.mode = "student"
    assert author._esm == read("tagger.js") and author._css == read("tagger.css")


@needs_node
@settings(max_examples=8, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3421), st.integers(0, 40), st.booleans()), min_size=30, max_size=60))
def test_js_snapping_matches_article_snap_on_the_real_article(cases):
    article = Article.from_file(ROOT / "book" / "exercises" / "kremlin-drone" / "article.txt")
    tokens = [t.to_json() for t in article.tokens]
    cases = [(a, min(a + n, len(tokens) - 1), keep) for a, n, keep in cases]
    got = run_js(
        "return data.cases.map(([a, b, keep]) => { const s = m.selectionToSpan(data.tokens, b, a, keep);"
        " return s && [s.start, s.end]; });",
        {"tokens": tokens, "cases": cases},
    )
    expected = [article.snap(tokens[a]["start"], tokens[b]["end"], keep_quotes=keep) for a, b, keep in cases]
    assert [tuple(g) if g else None for g in got] == expected


@pytest.fixture(scope="module")
def kremlin():
    return load_exercise(ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml")


@needs_node
@settings(max_examples=6, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 200), st.integers(-30, 30), st.integers(1, 80)), min_size=40, max_size=80))
def test_js_voice_rule_is_the_python_rule_of_validate(kremlin, cases):
    text = kremlin.article.text
    edges = sorted({edge for start, end, _ in kremlin.voice_runs for edge in (start, end)})
    # each run, and each run with a word before it: a speaker's words, either, and a mix
    runs = [(start, end) for start, end, _ in kremlin.voice_runs] + [
        (start - 8, end) for start, end, _ in kremlin.voice_runs
    ]
    spans = list(runs)
    for pick, shift, length in cases:  # and spans near the quotation marks, where the voices differ
        start = min(max(edges[pick % len(edges)] + shift, 0), len(text) - 1)
        spans.append((start, min(start + length, len(text))))
    got = run_js(
        "return data.spans.map(([s, e]) => other.expectedVoice(data.runs, Array.from(data.text), s, e));",
        {"runs": kremlin.voice_runs, "text": text, "spans": spans},
        module=JS / "core" / "voices.js",
    )
    owners = word_owners(kremlin)
    assert got == [sorted(expected_voice(text, owners, s, e)) for s, e in spans]
    assert {tuple(g) for g in got[: len(runs)]} == {("quoted",), ("quoted", "reporter")}


@needs_node
def test_a_handin_made_in_javascript_loads_in_python_without_findings(exercise, tmp_path):
    compiled = exercise.compile()
    tags = [
        tag_for(exercise, "Dmitry Peskov", "source", "t1", attrs={"identity": "named"}),
        tag_for(
            exercise,
            "the US was ‘undoubtedly’ behind the strike",
            "claim",
            "t2",
            source_ids=["t1"],
            note="<b>why</b> “quoted”",
        ),
    ]
    doc = run_js("return m.makeHandin(data.ex, data.tags, {student: 'Ada'});", {"ex": compiled, "tags": tags})
    (tmp_path / "h.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    handin = load_handin(tmp_path / "h.json", exercise)
    assert handin.findings == []
    assert [t.to_json() for t in handin.tags] == tags
    back = run_js(
        "const r = m.readHandin(JSON.stringify(data.doc), data.ex, m.codePoints(data.ex.article.text));"
        " return [r.ok, r.tags, r.orphans];",
        {"doc": doc, "ex": compiled},
    )
    assert back == [True, tags, []]


@needs_node
def test_key_yaml_from_author_mode_resolves_to_the_same_spans(exercise, tmp_path):
    compiled = exercise.compile()
    tags = [
        tag_for(
            exercise,
            "Kremlin spokesperson Dmitry Peskov",
            "source",
            "t1",
            nth=1,
            attrs={"identity": "named", "role": "official"},
            why='He speaks for "the Kremlin" (L20).',
            hints=["Who insisted?", ""],
            optional=False,
        ),
        tag_for(
            exercise,
            "the US was ‘undoubtedly’ behind the strike",
            "claim",
            "t2",
            nth=1,
            source_ids=["t1"],
            attrs={"kind": "accusation"},
            why="Peskov's accusation: no evidence given.\nSecond line.",
            hints=["Look at L20.", "What is ‘undoubtedly’?"],
            optional=True,
        ),
        tag_for(
            exercise,
            "despot",
            "loaded",
            "t3",
            attrs={"neutral": "Putin: \\ 'the president'"},
            why="Name-calling.",
            hints=[],
        ),
    ]
    author_js = json.dumps((JS / "authoring" / "keyfile.js").as_uri())
    yaml_text = run_js(
        f"const a = await import({author_js});"
        " return a.keyYaml(data.ex, data.tags, m.codePoints(data.ex.article.text));",
        {"ex": compiled, "tags": tags},
    )
    assert Tagger(exercise, mode="author").key_yaml(tags) == yaml_text  # Jupyter writes the same file
    folder = tmp_path / "ex"
    folder.mkdir()
    shutil.copy(ROOT / "book" / "exercises" / "kremlin-drone" / "article.txt", folder / "article.txt")
    (folder / "exercise.yml").write_text(
        "id: made-here\ntitle: Made in author mode\narticle: article.txt\ntask:\n  instructions: Tag.\n" + yaml_text,
        encoding="utf-8",
    )
    made = load_exercise(folder / "exercise.yml")
    spans = sorted((k.label, k.start, k.end, k.optional) for k in made.key)
    assert spans == sorted((t["label"], t["start"], t["end"], t.get("optional", False)) for t in tags)
    by_label = {k.label: k for k in made.key}
    assert by_label["claim"].why == tags[1]["why"]
    assert list(by_label["claim"].hints) == tags[1]["hints"]
    assert by_label["claim"].source_ids == [by_label["source"].id]
    assert by_label["loaded"].attrs["neutral"] == "Putin: \\ 'the president'"
    assert by_label["source"].hints == ("Who insisted?",)


@needs_node
def test_a_part_of_the_article_is_compiled_shown_and_checked_alike_in_python_and_javascript(exercise):
    widget = Tagger(exercise, lines=(8, 14))
    compiled = widget.exercise
    part = compiled["article"]["part"]
    assert part["lines"] == [8, 14]
    assert {t["line"] for t in compiled["article"]["tokens"]} <= set(range(8, 15))
    assert compiled["key"] and all(part["start"] <= k["start"] and k["end"] <= part["end"] for k in compiled["key"])
    assert "lines 8 to 14" in compiled["instructions"]
    inside = [t for t in key_tags(exercise) if 8 <= exercise.article.line_of(t.start) <= 14]
    outside = [t for t in key_tags(exercise) if exercise.article.line_of(t.start) > 14]
    assert inside and outside
    handin = handin_of(exercise, inside + outside)
    python = check(handin, exercise, lines=(8, 14)).to_json()
    assert python["lines"] == [8, 14] and python["scores"]["all"]["f1"] == 1.0
    assert {t["tag_id"] for t in python["tags"]} == {t.id for t in inside}  # tags elsewhere are left out
    script = (
        "const c = await import(" + json.dumps((JS / "core" / "check.js").as_uri()) + ");"
        " return c.check(data.exercise, data.handin);"
    )
    assert run_js(script, {"exercise": compiled, "handin": handin.to_json()}) == python


def test_lines_outside_the_article_are_one_clear_input_error(exercise):
    with pytest.raises(InputError, match="lines 300-400 are not in the article"):
        Tagger(exercise, lines=(300, 400))


def test_author_mode_download_asks_the_kernel_for_the_key_file(exercise):
    widget = Tagger(exercise, mode="author")
    sent = []
    widget.send = sent.append
    tag = tag_for(exercise, "despot", "loaded", "t1", why="Name-calling (L10).", hints=["Which word judges Putin?"])
    widget._on_message(widget, {"type": "key-yaml", "tags": [tag]}, [])
    assert sent and sent[0]["type"] == "key-yaml" and sent[0]["count"] == 1
    assert "- id: ld-despot-l10\n" in sent[0]["text"] and "why: Name-calling (L10).\n" in sent[0]["text"]


draft_fields = st.one_of(
    st.just({}),
    st.fixed_dictionaries(
        {
            "draft": st.booleans(),
            "reason": st.text(max_size=30),
            "confidence": st.one_of(st.floats(0, 1), st.sampled_from([0, 1, 0.125, 0.375, 0.5, 0.995, 0.005])),
        }
    ),
)


@needs_node
@settings(max_examples=12, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 11), st.text(max_size=40), st.text(max_size=20), st.booleans(), draft_fields),
        min_size=1,
        max_size=12,
    ),
    st.lists(st.tuples(st.integers(0, 400), st.text(max_size=20), st.booleans(), st.booleans()), max_size=4),
    st.booleans(),
)
def test_python_and_javascript_write_the_same_key_file(exercise, picks, traps, include_first):
    items = exercise.key
    tags = []
    for n, (k, why, hint, optional, draft) in enumerate(picks):
        item = items[k % len(items)]
        tags.append(
            {
                "id": f"t{n + 1}",
                "label": item.label,
                "start": item.start,
                "end": item.end,
                "quote": item.quote,
                "attrs": {a: (v[0] if isinstance(v, list) else v) for a, v in item.attrs.items()},
                "source_ids": [],
                "note": "",
                "why": why,
                "hints": [hint, ""],
                "optional": optional,
                "entity": item.entity or "",
                **draft,
            }
        )
    tokens = [t for t in exercise.article.tokens if t.text.isalnum()]
    distractors = [
        {
            "id": f"d{n + 1}" if fresh else f"dis-kept-{n}",
            "start": tokens[k].start,
            "end": tokens[k].end,
            "quote": tokens[k].text,
            "labels": ["loaded"],
            "why": why,
            "draft": draft,
        }
        for n, (k, why, draft, fresh) in enumerate(traps)
    ]
    included = [tags[0]["id"]] if include_first else []
    author_js = json.dumps((JS / "authoring" / "keyfile.js").as_uri())
    from_js = run_js(
        f"const a = await import({author_js});"
        " return a.keyYaml(data.ex, data.tags, m.codePoints(data.ex.article.text), data.traps, data.inc);",
        {"ex": exercise.compile(), "tags": tags, "traps": distractors, "inc": included},
    )
    assert key_yaml(exercise, tags, distractors, included) == from_js
    drafts = sum(1 for t in tags if t.get("draft") and t["id"] not in included)
    assert from_js.count("    draft: true\n") == drafts + sum(1 for d in distractors if d["draft"])


@needs_node
def test_a_book_page_downloads_the_whole_exercise_file_with_drafts_kept(tmp_path):
    (tmp_path / "book").mkdir()
    made = drafted_exercise(tmp_path / "book")
    source = made.exercise_file.read_text(encoding="utf-8").replace(
        "task:", "# the task, as the teacher wrote it\ntask:"
    )
    made.exercise_file.write_text(source, encoding="utf-8")
    exercise = load_exercise(made.exercise_file)
    compiled = exercise.compile()
    keep, drop = compiled["key"][0], compiled["key"][1]
    tags = [dict(k, note="", draft=k is not keep) for k in compiled["key"] if k is not drop]
    traps = [dict(d) for d in compiled["distractors"][1:]] + [
        {
            "id": "d1",
            "start": compiled["key"][2]["start"],
            "end": compiled["key"][2]["end"],
            "quote": compiled["key"][2]["quote"],
            "labels": ["source"],
            "why": "A trap made in author mode.",
        }
    ]
    author_js = json.dumps((JS / "authoring" / "keyfile.js").as_uri())
    text = run_js(
        f"const a = await import({author_js});"
        " return a.exerciseYaml(data.src, data.ex, data.tags, m.codePoints(data.ex.article.text), data.traps);",
        {"src": source, "ex": compiled, "tags": tags, "traps": traps},
    )
    assert text.startswith("# Drafted by `medialit new`") and "# the task, as the teacher wrote it\ntask:" in text
    (made.exercise_file).write_text(text, encoding="utf-8")
    saved = load_exercise(made.exercise_file)
    assert {k.id for k in saved.key} == {t["id"] for t in tags} and drop["id"] not in {k.id for k in saved.key}
    assert not saved.item(keep["id"]).draft and not saved.item(keep["id"]).reason
    others = [k for k in saved.key if k.id != keep["id"]]
    assert all(k.draft and k.reason and k.confidence is not None for k in others)  # drafts stay drafts
    made_here = next(d for d in saved.distractors if d.why == "A trap made in author mode.")
    assert made_here.id.startswith("dis-")  # in reading order among the others, which keep their ids
    assert [d.id for d in saved.distractors if d is not made_here] == [d["id"] for d in compiled["distractors"][1:]]


def test_author_mode_saves_into_the_exercise_file_keeping_comments_order_and_draft_flags(tmp_path):
    (tmp_path / "book").mkdir()
    made = drafted_exercise(tmp_path / "book")
    before = made.exercise_file.read_text(encoding="utf-8").replace(
        "key:\n", "key:\n  # checked against the minutes\n", 1
    )
    made.exercise_file.write_text(before, encoding="utf-8")
    exercise = load_exercise(made.exercise_file)
    widget = Tagger(made.exercise_file, mode="author")
    keep, drop = exercise.key[0], exercise.key[1]
    tags = [dict(k.to_json(), draft=k is not keep) for k in exercise.key if k is not drop]
    tags[0]["why"] = "Reviewed: a plain reason."
    tags.append(tag_for(exercise, exercise.key[-1].quote, "loaded", "t1", why="Added by hand.", hints=[]))
    sent = []
    widget.send = sent.append
    widget._on_message(widget, {"type": "save-key", "tags": tags}, [])
    # good news, which author mode shows calmly, not as a warning
    assert sent[-1]["type"] == "key-saved" and "Saved" in sent[-1]["message"]
    after = made.exercise_file.read_text(encoding="utf-8")
    assert after.splitlines()[0] == before.splitlines()[0]  # the header comment stays
    assert "# checked against the minutes" in after  # so does a comment above an item
    saved = load_exercise(made.exercise_file)
    ids = [k.id for k in saved.key]
    assert drop.id not in ids and ids[:2] == [keep.id, exercise.key[2].id]  # order kept, rejected gone
    assert not saved.item(keep.id).draft and saved.item(keep.id).why == "Reviewed: a plain reason."
    assert all(k.draft for k in saved.key if k.id not in {keep.id} and k.why != "Added by hand.")
    assert any(k.why == "Added by hand." and not k.draft for k in saved.key)


def without_needed_values(tags: list[dict]) -> list[dict]:
    """The tags with the first loaded item's technique, the first claim's kind and the first source's identity
    left out: key items validate names, as an author adds them before choosing."""
    tags = [dict(t, attrs=dict(t["attrs"])) for t in tags]
    for label, name in (("loaded", "technique"), ("claim", "kind"), ("source", "identity")):
        first = next(t for t in tags if t["label"] == label)
        first["attrs"].pop(name, None)
    return tags


def test_a_save_names_the_key_items_without_the_value_validate_asks_for_and_writes_them_all_the_same(tmp_path):
    """Author mode's Save into exercise.yml said nothing of a loaded word added without a technique (validate
    then named it): it names each key item without the kind, identity or technique, one a line, and saves it."""
    (tmp_path / "book").mkdir()
    made = drafted_exercise(tmp_path / "book")
    exercise = load_exercise(made.exercise_file)
    widget = Tagger(made.exercise_file, mode="author")
    tags = [k.to_json() for k in exercise.key]
    bare = next(t for t in tags if t["label"] == "loaded")
    bare["attrs"] = {k: v for k, v in bare["attrs"].items() if k != "technique"}
    sent = []
    widget.send = sent.append
    widget._on_message(widget, {"type": "save-key", "tags": tags}, [])
    message = sent[-1]["message"]
    assert sent[-1]["type"] == "key-saved" and message.startswith(f"Saved {len(tags)} key items into")
    assert message.endswith(" 1 key item still needs a value Check judges students by; validate names it too:")
    line = exercise.article.line_of(bare["start"])
    assert sent[-1]["lines"] == [f"Loaded “{bare['quote']}”, line {line}: choose its technique."]
    assert "technique" not in load_exercise(made.exercise_file).item(bare["id"]).attrs  # saved all the same
    widget._on_message(widget, {"type": "save-key", "tags": [k.to_json() for k in exercise.key]}, [])
    assert "still" not in sent[-1]["message"] and sent[-1]["lines"] == []


@needs_node
def test_a_book_pages_download_names_the_items_to_choose_in_the_words_of_jupyters_save_and_download(tmp_path):
    """The sentence and the list naming the key items still to choose were written twice, in widget.py and in
    the book page's script; both fill the same templates now, and say the same for the same tags."""
    (tmp_path / "book").mkdir()
    made = drafted_exercise(tmp_path / "book")
    exercise = load_exercise(made.exercise_file)
    tags = without_needed_values([k.to_json() for k in exercise.key])
    sent = []
    widget = Tagger(made.exercise_file, mode="author")
    widget.send = sent.append
    widget._on_message(widget, {"type": "save-key", "tags": tags}, [])
    saved = sent[-1]
    in_memory = Tagger(exercise, mode="author")  # an exercise read from no file: Jupyter downloads it
    in_memory.send = sent.append
    in_memory._on_message(in_memory, {"type": "exercise-yaml", "tags": tags}, [])
    downloaded = sent[-1]
    page_js = json.dumps((JS / "hosts" / "book_page.js").as_uri())
    page = run_js(
        f"const p = await import({page_js}); let said = null;"
        " const model = {get: (k) => ({exercise: data.ex, authoring: {}})[k], emit: (_, msg) => { said = msg; }};"
        " p.writeExercise(model, data.tags, []); return said;",
        {"ex": exercise.compile(), "tags": tags},
    )
    assert page["type"] == "exercise-yaml", page
    assert len(page["lines"]) == 3 and page["said"].startswith("3 key items still need")
    assert [page["said"], page["lines"]] == [downloaded["said"], downloaded["lines"]]
    assert saved["message"].endswith(f" {page['said']}") and saved["lines"] == page["lines"]


def test_a_save_of_one_key_item_says_one(tmp_path):
    """A Save of a single key item said "Saved 1 key items": the count agrees with its noun."""
    (tmp_path / "book").mkdir()
    made = drafted_exercise(tmp_path / "book")
    widget = Tagger(made.exercise_file, mode="author", labels=["source"])
    one = [dict(widget.exercise["key"][0], note="", draft=False)]
    sent = []
    widget.send = sent.append
    widget._on_message(widget, {"type": "save-key", "tags": one, "distractors": []}, [])
    assert sent[-1]["message"].startswith("Saved 1 key item and 0 distractors into"), sent[-1]["message"]


def test_saving_from_a_tagger_of_one_label_keeps_the_other_labels_and_writes_the_distractors(tmp_path):
    (tmp_path / "book").mkdir()
    made = drafted_exercise(tmp_path / "book")
    before = load_exercise(made.exercise_file)
    widget = Tagger(made.exercise_file, mode="author", labels=["source"])
    assert widget.authoring == {"saves": "file", "file": "exercise.yml"}
    assert widget.exercise["distractors"] == [] and before.distractors  # this Tagger shows none of them
    sources = [dict(k, note="", draft=False) for k in widget.exercise["key"]]
    traps = [
        {
            "id": "d1",
            "start": sources[0]["start"],
            "end": sources[0]["end"],
            "quote": sources[0]["quote"],
            "labels": ["claim"],
            "why": "Who speaks, not what is said.",
        }
    ]
    sent = []
    widget.send = sent.append
    widget._on_message(widget, {"type": "save-key", "tags": sources, "distractors": traps}, [])
    assert sent[-1]["message"].startswith(f"Saved {len(sources)} key items and 1 distractor into")
    after = load_exercise(made.exercise_file)
    others = [k.id for k in before.key if k.label != "source"]
    assert others and all(after.item(i) and after.item(i).draft for i in others)  # not shown: kept as they were
    assert all(not after.item(k["id"]).draft for k in sources)
    kept = {d.id: d for d in after.distractors}
    assert all(kept[d.id].why == d.why and kept[d.id].draft for d in before.distractors)  # not shown: kept
    assert len(after.distractors) == len(before.distractors) + 1 and after.distractors[-1].why.startswith("Who speaks")


def test_a_save_that_cannot_be_made_is_a_warning(tmp_path, monkeypatch):
    (tmp_path / "book").mkdir()
    made = drafted_exercise(tmp_path / "book")
    widget = Tagger(made.exercise_file, mode="author")

    def refuse(*_args):
        raise InputError("exercise.yml", "", "the file is read-only.", "save it somewhere else.")

    monkeypatch.setattr(widget, "save_key", refuse)
    sent = []
    widget.send = sent.append
    widget._on_message(widget, {"type": "save-key", "tags": []}, [])
    assert sent[-1]["type"] == "status" and sent[-1]["kind"] == "warning"
    assert "read-only" in sent[-1]["message"]


def practice_copy(tmp_path: Path) -> Path:
    """A copy of the practice exercise, whose key and distractors begin under comments, to save into."""
    shutil.copytree(ROOT / "book" / "exercises" / "practice-council", tmp_path / "practice")
    return tmp_path / "practice" / "exercise.yml"


def test_a_save_with_every_key_item_and_distractor_rejected_writes_a_file_that_loads(tmp_path):
    """With a comment above its first item, an emptied key was written `[]` under the comment and the distractors'
    first entry on the `distractors:` line: a file no YAML reader could read, after a Save that said it saved."""
    path = practice_copy(tmp_path)
    assert "key:\n  # ---" in path.read_text(encoding="utf-8")
    widget = Tagger(path, mode="author")
    sent = []
    widget.send = sent.append
    widget._on_message(widget, {"type": "save-key", "tags": []}, [])
    assert sent[-1]["type"] == "key-saved", sent[-1]
    after = load_exercise(path)
    assert after.key == [] and after.distractors  # the distractors, not shown to this save, kept
    widget._on_message(widget, {"type": "save-key", "tags": [], "distractors": []}, [])
    assert load_exercise(path).distractors == []


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        (lambda text: text.replace("key:", "key:\n  - [oops", 1), "line 16, column 3: expected ',' or ']'"),
        (lambda _text: "- a list\n- of words\n", "the file no longer holds an exercise"),
        (lambda _text: "", "the file no longer holds an exercise"),
        (lambda _text: "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: [" + ", ".join(["*a"] * 600) + "]\n", "aliases"),
        (None, "does not exist"),
    ],
    ids=["broken", "a-list", "emptied", "alias-bomb", "deleted"],
)
def test_a_save_into_a_file_changed_since_the_tagger_read_it_is_a_warning_that_changes_nothing(tmp_path, edit, said):
    """The Tagger reads exercise.yml when it opens; a Save reads it again. Edited in the meantime into something
    that is no exercise, or deleted, the Save raised a traceback in the kernel and the page said nothing."""
    path = practice_copy(tmp_path)
    widget = Tagger(path, mode="author")
    if edit is None:
        path.unlink()
    else:
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    edited = path.read_bytes() if path.exists() else None
    sent = []
    widget.send = sent.append
    widget._on_message(widget, {"type": "save-key", "tags": list(widget.exercise["key"])}, [])
    assert [m["type"] for m in sent] == ["status"] and sent[0]["kind"] == "warning"
    assert said in sent[0]["message"] and sent[0]["message"].startswith(str(path)), sent[0]["message"]
    assert sent[0]["message"].endswith("Nothing was saved: your tags are still in the Tagger."), sent[0]["message"]
    assert (path.read_bytes() if path.exists() else None) == edited


@needs_node
def test_a_file_saved_unchanged_from_author_mode_is_the_file_medialit_new_wrote(tmp_path):
    """An instructor who keeps the file in git sees only what they changed: the drafted file, downloaded
    from a book page or saved from Jupyter with nothing changed, comes back the same text."""
    (tmp_path / "book").mkdir()
    made = drafted_exercise(tmp_path / "book")
    source = made.exercise_file.read_text(encoding="utf-8")
    exercise = load_exercise(made.exercise_file)
    compiled = exercise.compile()
    tags = [dict(k, note="") for k in compiled["key"]]
    traps = [dict(d) for d in compiled["distractors"]]
    author_js = json.dumps((JS / "authoring" / "keyfile.js").as_uri())
    downloaded = run_js(
        f"const a = await import({author_js});"
        " return a.exerciseYaml(data.src, data.ex, data.tags, m.codePoints(data.ex.article.text), data.traps);",
        {"src": source, "ex": compiled, "tags": tags, "traps": traps},
    )
    assert downloaded == source
    write_key(made.exercise_file, exercise, tags, traps)
    assert made.exercise_file.read_text(encoding="utf-8") == source


def key_yaml_in_both_languages(exercise, tags) -> str:
    """The key file author mode writes from `tags`, from Python, after checking JavaScript writes the same."""
    from_python = key_yaml(exercise, tags)
    author_js = json.dumps((JS / "authoring" / "keyfile.js").as_uri())
    from_js = run_js(
        f"const a = await import({author_js});"
        " return a.keyYaml(data.ex, data.tags, m.codePoints(data.ex.article.text));",
        {"ex": exercise.compile(), "tags": tags},
    )
    assert from_python == from_js
    return from_python


@needs_node
def test_saving_from_author_mode_keeps_a_listed_value_nobody_changed(tmp_path):
    """Author mode shows the first of `voice: [reporter, quoted]`; saving wrote `voice: reporter`,
    marking wrong every student who said "quoted". Unchanged, the list stays; changed, the choice is kept."""
    exercise = load_exercise(ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml")
    listed = [k for k in exercise.key if isinstance(k.attrs.get("voice"), list)][:3]
    tags = [dict(k.to_json(), attrs={**k.attrs, "voice": k.attrs["voice"][0]}) for k in listed]
    tags[-1]["attrs"]["voice"] = listed[-1].attrs["voice"][1]  # the author chose the other one
    from_python = key_yaml_in_both_languages(exercise, tags)
    voices = [item["attrs"]["voice"] for item in yaml.safe_load(from_python)["key"]]
    assert voices == [listed[0].attrs["voice"], listed[1].attrs["voice"], listed[2].attrs["voice"][1]]
    # saving into the file keeps the list too
    for name in ("kremlin-mini.yml", "kremlin-drone.txt"):
        shutil.copy(FIXTURE.parent / name, tmp_path / name)
    path = tmp_path / "kremlin-mini.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("stated-without-evidence, voice: quoted}", "stated-without-evidence, voice: [quoted, reporter]}")
    )
    mini = load_exercise(path)
    shown = [
        dict(k.to_json(), attrs={a: v[0] if isinstance(v, list) else v for a, v in k.attrs.items()}) for k in mini.key
    ]
    write_key(path, mini, shown)
    assert [list(k.attrs["voice"]) for k in load_exercise(path).key if isinstance(k.attrs.get("voice"), list)] == [
        ["quoted", "reporter"]
    ]


@needs_node
def test_author_mode_can_narrow_a_listed_value_to_its_first(tmp_path):
    """A key item listing `voice: [reporter, quoted]` keeps the list while its tag stands for it (`listed`),
    and can be narrowed to either value, the first too (it could not: the first stood for the list);
    a tag saved before tags kept `listed` still stands for the list. The same in both languages."""
    exercise = load_exercise(ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml")
    listed = [k for k in exercise.key if isinstance(k.attrs.get("voice"), list)][:4]
    first = [k.attrs["voice"][0] for k in listed]
    tags = [dict(k.to_json(), attrs={**k.attrs, "voice": v}) for k, v in zip(listed, first, strict=True)]
    tags[0]["listed"] = {"voice": list(listed[0].attrs["voice"])}  # the list, as author mode starts
    tags[1]["listed"] = {}  # narrowed to the first value
    tags[2]["listed"], tags[2]["attrs"]["voice"] = {}, listed[2].attrs["voice"][1]  # narrowed to the second
    # tags[3] has no `listed`: saved before tags kept it
    from_python = key_yaml_in_both_languages(exercise, tags)
    voices = [item["attrs"]["voice"] for item in yaml.safe_load(from_python)["key"]]
    assert voices == [listed[0].attrs["voice"], first[1], listed[2].attrs["voice"][1], listed[3].attrs["voice"]]


def test_saving_from_author_mode_says_which_items_stay_in_include_files(tmp_path):
    folder = tmp_path / "kremlin-drone"
    shutil.copytree(ROOT / "book" / "exercises" / "kremlin-drone", folder)
    exercise = load_exercise(folder / "exercise.yml")
    widget = Tagger(folder / "exercise.yml", mode="author")
    sent = []
    widget.send = sent.append
    widget._on_message(widget, {"type": "save-key", "tags": [k.to_json() for k in exercise.key[:3]]}, [])
    assert sent[-1]["type"] == "key-saved"
    said = Renderer(exercise.labels, "teacher").render(included_message(3))
    assert said.startswith("3 of these key items come from the exercise's include: files")
    assert sent[-1]["message"].endswith(f" {said}")


def test_every_chip_a_tag_can_show_has_its_colour_and_mark_in_the_tagger_css():
    """A chip without a rule of its own is drawn as bare text in a plain outline, unlike its neighbours."""
    import re

    from medialit.core.contract import CHIPS_FOUND, CHIPS_LOOK

    css = (Path(__file__).resolve().parents[1] / "src" / "js" / "tagger" / "tagger.css").read_text(encoding="utf-8")
    styled = set(re.findall(r"\.mt-chip-([a-z-]+)(?![\w-])", css))
    assert [chip for chip in (*CHIPS_LOOK, *CHIPS_FOUND) if chip not in styled] == []


def test_jupyter_shows_every_problem_of_a_key_file_as_a_list_not_a_traceback(tmp_path, capsys):
    """An instructor opening a key file with several problems in Jupyter reads them as a list: a line that
    counts them, then each numbered with its line and what is wrong, its fix on the line below; no traceback
    (it was a traceback ending in one line that ran every problem on)."""
    from IPython.core.interactiveshell import InteractiveShell

    (tmp_path / "article.txt").write_text(
        "Bins left in Eastfield\n\nLocal MP Richard Hales said the council had failed the town.\n", encoding="utf-8"
    )
    path = tmp_path / "exercise.yml"
    key = [("a", "source", "Richard Hale"), ("b", "loaded", "not in it"), ("c", "loaded", "failed the tow")]
    path.write_text(
        "id: bins\ntitle: Bins\narticle: article.txt\nkey:\n"
        + "".join(f"  - id: {i}\n    label: {label}\n    quote: {quote}\n    why: x\n" for i, label, quote in key),
        encoding="utf-8",
    )
    shell = InteractiveShell.instance()
    shell.run_cell(f"from medialit import Tagger\nTagger({str(path)!r}, mode='author')")
    shown = capsys.readouterr().out.splitlines()
    assert "Traceback" not in "\n".join(shown) and "File " not in "\n".join(shown)
    assert shown[0] == "3 problems to fix, each with its fix:" and shown[1] == f"{path}:"
    items = shown[2:]
    assert [line.split(":")[0] for line in items[::2]] == [
        "  1. line 7 (item a, `quote`)",
        "  2. line 11 (item b, `quote`)",
        "  3. line 15 (item c, `quote`)",
    ]
    assert all(line.startswith("     Fix: ") for line in items[1::2]) and len(items) == 6


def test_lines_past_the_last_line_with_text_are_refused_with_the_last_line_the_tagger_shows():
    """An article saved with a final line break (the practice article) ends on an empty line no one sees: a range
    ending there was taken, and a range past it was told "within 1-24" of an article the Tagger numbers to 23."""
    practice = load_exercise(ROOT / "book" / "exercises" / "practice-council" / "exercise.yml")
    shown = max(t.line for t in practice.article.tokens)  # the last number in the Tagger's margin
    assert practice.article.text.endswith("\n") and practice.article.line_count == shown + 1
    Tagger(practice, lines=(1, shown))
    for lines in [(1, shown + 1), (2, shown + 5)]:
        with pytest.raises(InputError) as told:
            Tagger(practice, lines=lines)
        assert told.value.fix.endswith(f"within 1-{shown}.")
