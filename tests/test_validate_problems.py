"""`medialit validate` (and every reader of an exercise file) reports every problem of a key in one run, each
with its file, line and fix, and refuses a quote that cuts a word, as the book build does (test_sphinxext)."""

from __future__ import annotations

import re
import textwrap
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medialit import load_exercise
from medialit.cli.main import main
from medialit.core.article import Article
from medialit.core.errors import SHOWN_PROBLEMS, InputError, problems_of

ARTICLE = (
    "Bins left for a week in Eastfield\n"
    "\n"
    "Local MP Richard Hales said the council had “failed” the town.\n"
    "\n"
    "One resident said the smell was unbearable and the streets a disgrace.\n"
)
HEAD = "id: bins\ntitle: Bins\narticle: article.txt\nkey:\n"


def write(tmp_path, key: str, article: str = ARTICLE):
    (tmp_path / "article.txt").write_text(article, encoding="utf-8")
    path = tmp_path / "exercise.yml"
    path.write_text(HEAD + textwrap.dedent(key), encoding="utf-8")
    return path


def refused(path) -> list[InputError]:
    with pytest.raises(InputError) as err:
        load_exercise(path)
    return problems_of(err.value)


def validate(path, capsys) -> tuple[int, str]:
    code = main(["validate", str(path)])
    return code, capsys.readouterr().err


def test_a_quote_found_only_inside_a_longer_word_is_refused_with_its_line_item_and_fix(tmp_path):
    path = write(
        tmp_path,
        """\
          - id: src-hale
            label: source
            quote: Local MP Richard Hale
            why: A named MP.
            hints: [Who speaks?]
        """,
    )
    (problem,) = refused(path)
    assert problem.file == str(path) and problem.place == "line 7 (item src-hale, `quote`)"
    assert problem.code == "cuts-a-word" and "L3" in problem.problem
    assert "“Local MP Richard Hales”" in problem.fix


def test_a_quote_of_whole_words_beside_the_same_letters_inside_a_word_is_read(tmp_path):
    path = write(tmp_path, "  - {id: s, label: source, quote: Local MP Richard Hales, why: w, hints: [h]}\n")
    assert load_exercise(path).key[0].quote == "Local MP Richard Hales"


@pytest.mark.parametrize(
    "entry, words",
    [
        ("- {id: a, label: claim, quote: said the council had “failed” the tow, why: w, hints: [h]}", "town"),
        ("- {id: a, label: loaded, quote: smell, why: w, hints: [h], accept: [bearable]}", "unbearable"),
        ("- {id: a, label: loaded, quote: disgrac, why: w, hints: [h]}", "disgrace"),
    ],
)
def test_an_accepted_quote_or_a_cut_end_is_refused_too(tmp_path, entry, words):
    (problem,) = refused(write(tmp_path, f"  {entry}\n"))
    assert problem.code == "cuts-a-word" and words in problem.fix


def test_a_distractor_that_cuts_a_word_is_refused(tmp_path):
    path = write(
        tmp_path,
        "  - {id: a, label: loaded, quote: disgrace, why: w, hints: [h]}\n"
        "distractors:\n  - {id: d, quote: Hale, labels: [source], why: w}\n",
    )
    (problem,) = refused(path)
    assert problem.place == "line 7 (distractor d, `quote`)" and "Hales" in problem.fix


def test_a_quote_with_a_space_at_its_end_is_refused_with_that_fix(tmp_path):
    (problem,) = refused(write(tmp_path, '  - {id: a, label: loaded, quote: "disgrace ", why: w, hints: [h]}\n'))
    assert "starts or ends with a space" in problem.problem


# An instructor's key after the article was edited, with the usual slips, one on each item.
SLIPS = """\
  - id: src-hales
    label: source
    quote: Local MP Richard Hales
    why: A named MP.
    hints: [Who speaks?]
  - id: clm-failed
    label: claim
    quote: the council had “failed” the twon
    source_ids: [src-hales]
    why: His view.
    hints: [What does he say?]
  - id: ld-disgrace
    label: loadded
    quote: disgrace
    why: A strong word.
    hints: [Which word?]
  - id: src-hales
    label: source
    quote: One resident
    why: Not named.
    hints: [Who else?]
  - id: clm-smell
    label: claim
    quote: the smell was unbearable
    source_ids: [src-resident]
    why: A view.
    hints: [What is said?]
"""


def test_every_slip_of_a_key_is_reported_in_one_run_in_line_order(tmp_path, capsys):
    path = write(tmp_path, SLIPS)
    problems = refused(path)
    places = [p.place for p in problems]
    assert places == [
        "line 12 (item clm-failed, `quote`)",
        "line 17 (item ld-disgrace, `label`)",
        "line 21 (item src-hales)",
        "line 29 (item clm-smell, `source_ids`)",
    ]
    assert all(p.file == str(path) and p.fix for p in problems)
    assert "closest passages: “the council had “failed” the town”" in problems[0].problem
    assert "“loadded”" in problems[1].problem
    assert problems[1].fix == "did you mean `loaded`? Otherwise use one of: claim, source, loaded, cue."
    assert problems[2].problem == "the id `src-hales` is used twice (also at line 5 (item src-hales))."
    assert "`src-resident`, which is no such item" in problems[3].problem and "src-hales" in problems[3].fix
    code, err = validate(path, capsys)
    assert code == 2 and "Traceback" not in err
    lines = err.strip().splitlines()
    assert lines[0] == f"medialit: 4 problems in {path}; each with its line and fix:"
    assert [line.split(": ", 2)[1] for line in lines[1:]] == [p.place for p in problems]
    assert all(line.startswith(f"  - {path}: line ") and " Fix: " in line for line in lines[1:])


def test_a_source_id_naming_an_item_with_its_own_problem_is_not_a_second_problem(tmp_path):
    path = write(
        tmp_path,
        """\
          - {id: src-hale, label: source, quote: Richard Hale, why: w, hints: [h]}
          - {id: clm, label: claim, quote: the smell was unbearable, source_ids: [src-hale], why: w, hints: [h]}
          - {id: ld, label: loaded, quote: disgrace, source_ids: [clm], why: w, hints: [h]}
        """,
    )
    problems = refused(path)
    assert [p.place for p in problems] == ["line 5 (item src-hale, `quote`)", "line 7 (item ld, `source_ids`)"]
    assert "`clm`, which is a claim, not a source" in problems[1].problem


def test_an_entry_the_schema_refuses_does_not_stop_the_others_from_being_checked(tmp_path):
    path = write(
        tmp_path,
        """\
          - {id: a, label: loaded, qoute: disgrace, why: w, hints: [h]}
          - {id: b, label: loaded, quote: disgrase, why: w, hints: [h]}
          - {id: c, label: 7, quote: smell, why: w, hints: [h]}
        """,
    )
    problems = refused(path)
    assert [p.place.split(" (")[0] for p in problems] == ["line 5", "line 5", "line 6", "line 7"]
    assert {"`quote` is missing.", "there is no field “qoute” here."} == {p.problem for p in problems[:2]}
    assert "not in the article" in problems[2].problem and "must be text" in problems[3].problem


@pytest.mark.parametrize("written", ["1962", "2023-05-04", "true"])
def test_a_quote_yaml_reads_as_a_number_a_date_or_true_is_shown_in_quotation_marks_as_the_fix(tmp_path, written):
    """An instructor who quotes the year a library opened (`quote: 1962`) is shown that very line in quotes."""
    article = ARTICLE.replace("the town.", f"the town in {written}.")
    path = write(tmp_path, f"  - {{id: a, label: claim, quote: {written}, why: w, hints: [h]}}\n", article)
    [problem] = refused(path)
    assert problem.place == "line 5 (key item a, `quote`)" and "must be text" in problem.problem
    assert problem.fix == f'put it in quotation marks, so that it is text: `quote: "{written}"`.'
    fixed = write(tmp_path, f'  - {{id: a, label: claim, quote: "{written}", why: w, hints: [h]}}\n', article)
    assert load_exercise(fixed).key[0].quote == written  # the fix as shown works


def test_problems_past_the_limit_are_counted(tmp_path, capsys):
    extra = 3
    key = "".join(
        f"  - {{id: a{n}, label: loaded, quote: missing words {n}, why: w, hints: [h]}}\n"
        for n in range(SHOWN_PROBLEMS + extra)
    )
    code, err = validate(write(tmp_path, key), capsys)
    lines = err.strip().splitlines()
    assert code == 2 and lines[0].startswith(f"medialit: {SHOWN_PROBLEMS + extra} problems in ")
    assert len(lines) == 1 + SHOWN_PROBLEMS + 1
    assert lines[-1] == f"  - … and {extra} more problems: fix these first and run it again."


def test_problems_in_an_include_file_come_after_the_exercise_files_with_their_own_file(tmp_path, capsys):
    path = write(tmp_path, "  - {id: a, label: loaded, quote: disgrase, why: w, hints: [h]}\n")
    path.write_text(path.read_text(encoding="utf-8").replace("key:\n", "include: [more.yml]\nkey:\n"))
    (tmp_path / "more.yml").write_text(
        "key:\n  - {id: b, label: loaded, quote: unbearabel, why: w, hints: [h]}\n", encoding="utf-8"
    )
    problems = refused(path)
    assert [(p.file, p.place) for p in problems] == [
        (str(path), "line 6 (item a, `quote`)"),
        (str(tmp_path / "more.yml"), "line 2 (item b, `quote`)"),
    ]
    _, err = validate(path, capsys)
    assert f"2 problems in {path} and {tmp_path / 'more.yml'};" in err


# --- for all quotes: a key item is whole words, or the file is refused with its place and fix -----------

words = st.sampled_from(["Hale", "Hales", "dis", "grace", "disgrace", "well-known", "known", "MP", "the", "a"])
articles = st.lists(words, min_size=1, max_size=12).map(lambda ws: " ".join(ws) + ".\n")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(articles, st.data())
def test_a_key_span_is_whole_words_or_the_file_is_refused(tmp_path_factory, article, data):
    """Any stretch of an article quoted as a key item: the loader reads it only where it is whole words (the
    rule the Tagger's tokens need), and otherwise refuses it with the item's line and a fix."""
    start = data.draw(st.integers(0, len(article) - 2))
    end = data.draw(st.integers(start + 1, len(article) - 1))
    quote = article[start:end]
    folder = tmp_path_factory.mktemp("key")
    path = write(folder, f'  - {{id: a, label: loaded, quote: "{quote}", why: w, hints: [h]}}\n', article)
    try:
        item = load_exercise(path).key[0]
    except InputError as err:
        (problem,) = problems_of(err)
        assert problem.place == "line 5 (item a, `quote`)" and problem.fix
        if quote.strip() == quote and len(Article.from_text(article).find_all(quote)) == 1:
            assert problem.code == "cuts-a-word"
            assert (start, end) != Article.from_text(article).whole_words(start, end)
        return
    assert Article.from_text(article).whole_words(item.start, item.end) == (item.start, item.end)
    assert re.fullmatch(r"\S(.*\S)?", item.quote)


def test_an_include_file_validated_on_its_own_is_named_as_one(tmp_path, capsys):
    """`medialit validate key/claims.yml` on an include file said "`id` is missing. Fix: add it, like `id:
    council-vote`", which makes a second exercise of it; the fix is to validate the file that includes it."""
    (tmp_path / "claims.yml").write_text("key:\n  - {id: a, label: loaded, quote: disgrace}\n", encoding="utf-8")
    code, err = validate(tmp_path / "claims.yml", capsys)
    assert code == 2 and "this looks like an include file" in err
    assert "Fix: validate (or name in a page) the exercise file whose `include:` lists this file" in err
    (tmp_path / "other.yml").write_text("title: T\n", encoding="utf-8")  # no key: an exercise file missing its id
    assert "`id` is missing" in validate(tmp_path / "other.yml", capsys)[1]


def test_two_problems_of_one_item_on_one_line_each_name_their_field(tmp_path, capsys):
    """An item written on one line (`{label: ..., quote: ...}`) with two slips showed the same line twice and
    nothing more; each problem now names its field, on its own line when the item is written one field a line."""
    path = write(
        tmp_path,
        """\
          - {id: a, label: loadded, quote: disgrase, why: w, hints: [h]}
          - id: b
            label: claim
            quote: the council
            occurrence: 3
            accept: [the council had, the counsil]
            why: w
            hints: [h]
        """,
    )
    assert [p.place for p in refused(path)] == [
        "line 5 (item a, `label`)",
        "line 5 (item a, `quote`)",
        "line 9 (item b, `occurrence`)",
        "line 10 (item b, `accept[1]`)",
    ]
    _, err = validate(path, capsys)
    assert "line 5 (item a, `label`): unknown label “loadded”" in err
    assert "line 5 (item a, `quote`): the quote “disgrase” is not in the article" in err


def test_an_occurrence_of_a_quote_found_once_says_it_is_found_once_and_to_remove_it(tmp_path):
    path = write(tmp_path, "  - {id: a, label: loaded, quote: disgrace, occurrence: 2, why: w, hints: [h]}\n")
    (problem,) = refused(path)
    assert problem.problem == "`occurrence: 2`, but “disgrace” occurs only once (L5)."
    assert problem.fix.startswith("remove `occurrence:`")


def test_an_after_text_with_a_typo_is_offered_the_passages_close_to_it(tmp_path):
    """An `after:` with a typo was told only that it is not in the article, though a quote with one is offered
    the passages a typo away."""
    path = write(tmp_path, "  - {id: a, label: cue, quote: said, after: One resdent, why: w, hints: [h]}\n")
    (problem,) = refused(path)
    assert problem.place == "line 5 (item a, `after`)"
    assert problem.problem == (
        "the `after:` text “One resdent” is not in the article; closest passages: “One resident” (L5)."
    )


@pytest.mark.parametrize(
    "label, name, quotes",
    [
        ("loaded", "technique", [("failed", 3), ("disgrace", 5), ("unbearable", 5)]),
        (
            "claim",
            "kind",
            [("the council had “failed” the town", 3), ("the smell was unbearable", 5), ("Bins left for a week", 1)],
        ),
        ("source", "identity", [("Local MP Richard Hales", 3), ("One resident", 5), ("Eastfield", 1)]),
    ],
)
def test_each_item_without_the_attribute_its_label_asks_for_is_named_with_its_lines_and_the_values(
    tmp_path, capsys, label, name, quotes
):
    """A loaded word added by hand (or in author mode) had no `technique`, and a claim no `kind` or a source no
    `identity`, and validate said nothing: Check then never tells a student whether the technique, kind or
    identity they chose is right. Each is named by its line in exercise.yml (where the author fixes it) and in
    the article. An exercise whose own label offers no such attribute is not asked for one."""
    from medialit.core.labels import DEFAULT_LABELS

    item = """\
      - id: {id}
        label: {label}
        quote: {quote}
        {attrs}
        why: See L{line}.
        hints: [Look again.]
    """
    given = DEFAULT_LABELS[label].attrs[name][0]
    key = "".join(
        textwrap.indent(
            textwrap.dedent(item).format(id=f"i{n}", label=label, quote=quote, line=line, attrs=attrs), "  "
        )
        for n, ((quote, line), attrs) in enumerate(
            zip(quotes, ["attrs: {}", f"attrs: {{{name}: {given}}}", "optional: true"], strict=True)
        )
    )
    code, out = main(["validate", str(write(tmp_path, key))]), capsys.readouterr().out
    values = ", ".join(DEFAULT_LABELS[label].attrs[name])
    missing = [line for line in out.splitlines() if f"no `{name}`" in line]
    assert missing == [
        f"  - exercise.yml line {at} (the {label} item {id} on article L{line}): has no `{name}`, so Check cannot "
        f"tell students whether the {name} they chose is right. Fix: add one under its `attrs` ({name}: one of "
        f"{values})."
        for id, at, line in [("i0", 5, quotes[0][1]), ("i2", 17, quotes[2][1])]
    ]
    assert code != 0
    own = f"labels:\n  {label}:\n    attrs:\n      voice: [reporter, quoted]\n"
    path = write(tmp_path, key.replace(f"{name}: {given}", "voice: reporter"))
    path.write_text(path.read_text(encoding="utf-8").replace("key:\n", f"task:\n{textwrap.indent(own, '  ')}key:\n"))
    main(["validate", str(path)])
    assert f"no `{name}`" not in capsys.readouterr().out


@pytest.mark.parametrize("reader", ["quick", "ruamel"])
def test_each_finding_about_an_entry_names_its_file_and_line_there_and_its_article_line(tmp_path, capsys, reader):
    """validate named a key item by its article line alone ("item ld-x (L5)"): an instructor fixing the file had
    to search it. Every finding about a key item, a distractor or an untagged note now starts with the file
    (an include file as `include:` names it) and the line the entry is written on, whichever YAML reader read
    it (an anchor leaves the file to ruamel's)."""
    key = """\
      - id: src-hales
        label: source
        quote: Local MP Richard Hales
        attrs: {identity: named}
        why: A named MP.
        hints: [Who speaks?]
        draft: true
    distractors:
      - {id: d-week, quote: week, why: ""}
    untagged:
      - {line: 1, why: ""}
    include: [key/more.yml]
    """
    path = write(tmp_path, key if reader == "quick" else key.replace("why: A named", "why: &w A named"))
    (tmp_path / "key").mkdir()
    (tmp_path / "key" / "more.yml").write_text(
        "# the loaded words\nkey:\n  - {id: ld-disgrace, label: loaded, quote: disgrace, why: See L4., hints: [h]}\n",
        encoding="utf-8",
    )
    code = main(["validate", str(path)])
    findings = [line.removeprefix("  - ") for line in capsys.readouterr().out.splitlines() if line.startswith("  - ")]
    assert code == 1 and [finding.partition("): ")[0] + ")" for finding in findings] == [
        "exercise.yml line 5 (the source item src-hales on article L3)",
        "key/more.yml line 3 (the loaded item ld-disgrace on article L5)",
        "exercise.yml line 13 (the distractor d-week on article L1)",
        "exercise.yml line 15 (the untagged note for article L1)",
        "key/more.yml line 3 (the loaded item ld-disgrace on article L5)",
    ]
    assert [finding.partition("): ")[2][:20] for finding in findings] == [
        "still a draft. Fix: ",
        "has no `technique`, ",
        "has no `why`. Fix: s",
        "has no `why`. Fix: s",
        "its `why` names L4, ",
    ]


UNSEEN = ["\u00a0", "\u202f", "\u2009", "\t", "\u00ad", "\u200b", "\u2060", "\ufeff"]


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=6), min_size=2, max_size=6),
    at=st.integers(min_value=0, max_value=4),
    odd=st.sampled_from(UNSEEN),
    in_article=st.booleans(),
)
def test_a_quote_that_differs_from_the_article_only_unseen_says_which_character_and_where(words, at, odd, in_article):
    """A no-break space, a tab or a soft hyphen from a web page looks like a space or like nothing: the message
    showed the quote and the article's words as the same, and its fix (copy the words exactly) did not help."""
    from medialit.core.quote_resolver import unseen_difference

    at = at % (len(words) - 1)
    typed = " ".join(words)
    shown_as = odd if unicodedata.category(odd) == "Zs" or odd == "\t" else " " + odd
    copied = " ".join(words[: at + 1]) + shown_as + " ".join(words[at + 1 :])
    quote, passage = (typed, copied) if in_article else (copied, typed)
    said = unseen_difference(quote, passage)
    assert said is not None and f"(U+{ord(odd):04X})" in said and f"after “{words[at]}”" in said
    assert said.startswith("the article has" if in_article else "the quote has")
    assert unseen_difference(typed, typed) is None
    assert unseen_difference(typed, typed.replace(words[0][0], "z", 1) if words[0][0] != "z" else "y" + typed) is None


def test_validate_names_the_unseen_character_of_a_typed_quote(tmp_path):
    path = write(
        tmp_path,
        "  - id: c1\n    label: claim\n    quote: the streets a disgrace\n",
        ARTICLE.replace("streets a", "streets\u00a0a"),
    )
    with pytest.raises(InputError) as err:
        load_exercise(path)
    problem = problems_of(err.value)[0].problem
    assert "looks the same as the words on L5, but the article has a no-break space (U+00A0) after “streets”" in problem
