import difflib
import json
import re
import textwrap

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from medialit import load_exercise
from medialit.core.errors import InputError
from medialit.core.exercise_file import validation_findings

ARTICLE = "Peskov said the US did it. Kirby said the claims were false. Peskov said it again.\n"


def write(tmp_path, body: str):
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "exercise.yml"
    path.write_text("id: t\narticle: article.txt\n" + textwrap.dedent(body), encoding="utf-8")
    return path


def test_quote_with_after_and_occurrence(tmp_path):
    ex = load_exercise(
        write(
            tmp_path,
            """
        key:
          - {id: a, label: source, quote: Peskov, occurrence: 2, why: w, hints: [h]}
          - {id: b, label: cue, quote: said, after: Kirby, why: w, hints: [h]}
    """,
        )
    )
    a, b = ex.key
    assert ex.article.text[a.start : a.end] == "Peskov" and a.start == ARTICLE.rindex("Peskov")
    assert b.start == ARTICLE.index("said", ARTICLE.index("Kirby"))


def test_missing_quote_shows_closest_passages_with_lines(tmp_path):
    path = write(
        tmp_path,
        """
        key:
          - {id: a, label: claim, quote: "the claim were false"}
    """,
    )
    with pytest.raises(InputError) as err:
        load_exercise(path)
    message = str(err.value)
    assert "not in the article" in message and "closest" in message and "L1" in message
    assert "line 5" in message and "exercise.yml" in message


def _passages(message: str) -> list[tuple[str, int]]:
    """The closest passages a missing quote's message offers, with their line numbers."""
    offered = message.partition("closest passages: ")[2].rpartition(". Fix:")[0]
    return [(text, int(line)) for text, line in re.findall(r"“(.*?)” \(L(\d+)\)", offered)]


def _missing_quote_message(tmp_path, article: str, quote: str) -> str:
    (tmp_path / "article.txt").write_text(article, encoding="utf-8")
    path = tmp_path / "exercise.yml"
    path.write_text(f"id: t\narticle: article.txt\nkey:\n  - {{id: a, label: claim, quote: {json.dumps(quote)}}}\n")
    with pytest.raises(InputError) as err:
        load_exercise(path)
    return str(err.value)


def test_a_quote_over_a_line_break_is_told_so_with_each_line_s_part(tmp_path):
    """A quote that runs over two paragraphs (an article whose lines were joined while the key was written) is
    told so, with the part of each line, with its line and without the sentence's full stop, which an
    instructor can copy as it stands."""
    article = "The pool vote\n\nThe council said the pool was unsafe.\n\nThe mayor said it would stay open.\n"
    message = _missing_quote_message(tmp_path, article, "the pool was unsafe. The mayor said")
    assert "runs over a line break (L3 to L5)" in message
    assert "“the pool was unsafe” (L3) or “The mayor said” (L5)" in message.partition("Fix:")[2]


def test_a_one_word_typo_offers_only_the_word_it_was_meant_to_be(tmp_path):
    """'strandid' was offered 'stranded', 'said' and 'and': two of three were noise that sent an instructor
    looking in vain."""
    article = "Ferry stranded\n\nThe ferry was stranded and the captain said sorry.\n"
    assert _passages(_missing_quote_message(tmp_path, article, "strandid")) == [("stranded", 1)]


def test_a_quote_nothing_comes_close_to_says_so_and_where_to_look(tmp_path):
    message = _missing_quote_message(tmp_path, "The ferry sailed.\n", "council budget")
    assert "is not in the article, and no passage in it comes close" in message and "closest" not in message
    assert "find the words in article.txt" in message.partition("Fix:")[2]


def _closeness(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


WORDS = ["the", "harbour", "ferry", "sailed", "council", "said", "repairs", "late", "island", "and"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8), min_size=1, max_size=4), st.data())
def test_offered_passages_are_really_close_and_a_typo_finds_its_word(tmp_path, lines, data):
    """Every passage offered for a missing quote is really close to it (three quarters of their letters match,
    in order); a word of the article with one letter changed is offered that word."""
    article = "\n\n".join(" ".join(words) for words in lines) + "\n"
    word = data.draw(st.sampled_from([w for words in lines for w in words if len(w) >= 4] or ["harbour"]))
    at = data.draw(st.integers(0, len(word) - 1))
    typo = data.draw(
        st.sampled_from([word[:at] + "q" + word[at + 1 :], word[:at] + word[at + 1 :], word[:at] + "q" + word[at:]])
    )
    assume(typo not in article)
    offered = _passages(_missing_quote_message(tmp_path, article, typo))
    assert all(_closeness(typo, text) >= 0.75 for text, _ in offered), (typo, offered)
    assert word not in article or any(text == word for text, _ in offered), (typo, offered)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.lists(st.sampled_from(["the", "pool", "mayor", "said", "open", "vote"]), min_size=1, max_size=8),
        min_size=1,
        max_size=5,
    ),
    st.lists(st.sampled_from(["the", "pool", "mayor", "sad", "opened", "vote"]), min_size=1, max_size=5),
)
def test_closest_passages_are_in_their_line_and_apart(tmp_path, lines, quote_words):
    """Every passage offered for a missing quote stands in the line it names, and no two overlap."""
    article = "\n\n".join(" ".join(words) for words in lines) + "\n"
    quote = " ".join(quote_words) + " x"  # never in the article
    by_line = article.split("\n")
    message = _missing_quote_message(tmp_path, article, quote)
    assert message.partition("closest passages: ")[2].count("“") == len(_passages(message))
    taken: dict[int, list[tuple[int, int]]] = {}
    for text, line in _passages(message):
        at = by_line[line - 1].find(text)
        assert at >= 0, (text, line)
        assert all(at + len(text) <= a or b <= at for a, b in taken.get(line, [])), (text, line)
        taken.setdefault(line, []).append((at, at + len(text)))


YAML_ITEM = "key:\n  - id: a\n    label: source\n    quote: Peskov\n    occurrence: 1\n    why: Named.\n"


@pytest.mark.parametrize(
    ("mistake", "mistaken", "line", "words"),
    [
        ("a field indented less", "   quote: Peskov", 6, "indented less than the line above"),
        ("a field indented more", "     quote: Peskov", 6, "indented more than the line above"),
        ("a colon in a why", "    why: Note: named.", 8, "a text holds a colon"),
        ("a value with no space", "    quote:Peskov", 7, "missing its colon and space"),
        ("a quotation mark never closed", '    quote: "Peskov', 6, "never closed"),
    ],
)
def test_a_yaml_mistake_is_told_in_plain_words_at_its_line(tmp_path, mistake, mistaken, line, words):
    """The parser's own words ('expected <block end>, but found ...') told an instructor nothing they could act on."""
    field = mistaken.strip().split(":")[0]
    body = "\n".join(mistaken if row.strip().startswith(f"{field}:") else row for row in YAML_ITEM.split("\n"))
    with pytest.raises(InputError) as err:
        load_exercise(write(tmp_path, body))
    message = str(err.value)
    assert f"line {line}," in message and words in message and "Fix:" in message, mistake
    assert "<block" not in message and "mapping values" not in message and "expected ':'" not in message


def test_ambiguous_quote_lists_occurrences(tmp_path):
    with pytest.raises(InputError, match=r"occurs 2 times .*L1, L1.*occurrence"):
        load_exercise(write(tmp_path, "key:\n  - {id: a, label: source, quote: Peskov}\n"))


def test_occurrence_out_of_range(tmp_path):
    with pytest.raises(InputError, match="not between 1 and 2"):
        load_exercise(write(tmp_path, "key:\n  - {id: a, label: source, quote: Peskov, occurrence: 3}\n"))


@pytest.mark.parametrize(
    "body, expected",
    [
        ("key:\n  - {id: a, label: opinion, quote: Kirby}\n", "unknown label “opinion”"),
        ("key:\n  - {id: a, label: source, quote: Kirby, attrs: {identity: secret}}\n", "identity: secret"),
        ("key:\n  - {id: a, label: source, quote: Kirby}\n  - {id: a, label: source, quote: US}\n", "used twice"),
        (
            "key:\n  - &k {id: a, label: source, quote: Kirby}\n  - *k\n",
            "line 4 (item a): the item `a` is listed twice",
        ),
        (
            "key:\n  - {id: a, label: claim, quote: US, source_ids: [zz]}\n",
            "line 4 (item a, `source_ids`): `source_ids` names `zz`",
        ),
        (
            "key:\n  - {id: a, label: claim, quote: US}\n  - {id: b, label: claim, quote: Kirby, source_ids: [a]}\n",
            "a claim, not a source",
        ),
        ("key:\n  - {id: a, label: claim, quote: US, colour: red}\n", "no field “colour” here"),
        ("key:\n  - {id: a, label: claim, quote: US, after: Nobody}\n", "`after:` text"),
        ("key: [\n", "line"),
        ("task: {difficulty: hard}\n", "not one of: guided, standard, challenge"),
    ],
)
def test_bad_exercise_files_give_one_clear_message(tmp_path, body, expected):
    with pytest.raises(InputError) as err:
        load_exercise(write(tmp_path, body))
    assert expected in str(err.value) and "Fix:" in str(err.value)


def test_compile_has_offsets_hash_tokens_and_respects_labels(mini):
    data = mini.compile(labels=["loaded"])
    assert data["format"] == "medialit.exercise/1"
    assert data["article"]["sha256"] == mini.article.sha256
    assert {k["label"] for k in data["key"]} == {"loaded"}
    assert [label["name"] for label in data["labels"]] == ["loaded"]
    for item in data["key"]:
        assert data["article"]["text"][item["start"] : item["end"]] == item["quote"]
    json.dumps(data)


def test_validation_findings_name_an_entity_on_an_item_that_is_not_a_source(tmp_path):
    body = "key:\n  - {id: a, label: claim, quote: US, entity: us}\n  - {id: b, label: source, quote: Kirby, entity: k}"
    findings = validation_findings(load_exercise(write(tmp_path, body)))
    assert [f for f in findings if "`entity:" in f] == [
        "exercise.yml line 4 (the claim item a on article L1): has `entity: us`, which Check reads on sources only. "
        "Fix: remove it from this claim item."
    ]


def test_validation_findings_name_drafts_and_missing_why(tmp_path):
    ex = load_exercise(write(tmp_path, "key:\n  - {id: a, label: source, quote: Kirby, draft: true}\n"))
    text = "\n".join(validation_findings(ex))
    assert "draft" in text and "no `why`" in text and "no hints" in text


def test_include_files_add_items(tmp_path):
    (tmp_path / "more.yml").write_text("key:\n  - {id: b, label: source, quote: Kirby, why: w, hints: [h]}\n")
    ex = load_exercise(write(tmp_path, "include: [more.yml]\n"))
    assert [k.id for k in ex.key] == ["b"]


def test_article_and_include_files_stay_inside_the_exercise_folder(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("A secret file elsewhere on the computer.\n")
    folder = tmp_path / "ex"
    folder.mkdir()
    (folder / "link.txt").symlink_to(outside)
    for article, include in [
        ("../outside.txt", ""),
        (str(outside), ""),
        ("link.txt", ""),
        ("article.txt", "include: [../outside.txt]\n"),
    ]:
        path = write(folder, include)
        path.write_text(path.read_text().replace("article: article.txt", f"article: {article}"))
        with pytest.raises(InputError) as err:
            load_exercise(path)
        assert err.value.code == "outside-folder" and "secret" not in str(err.value) and "line" in err.value.place
    (folder / "key").mkdir()
    (folder / "key" / "more.yml").write_text("key:\n  - {id: b, label: source, quote: Kirby, why: w, hints: [h]}\n")
    assert [k.id for k in load_exercise(write(folder, "include: [key/more.yml]\n")).key] == ["b"]


def test_yaml_1_1_files_read_yes_and_no_as_yaml_1_1_says(tmp_path):
    path = write(tmp_path, "key:\n  - {id: a, label: source, quote: Kirby, optional: no, draft: yes}\n")
    path.write_text("%YAML 1.1\n---\n" + path.read_text())
    item = load_exercise(path).key[0]
    assert item.optional is False and item.draft is True


def test_a_few_aliases_are_fine_and_a_billion_laughs_is_refused_at_once(tmp_path):
    ok = load_exercise(write(tmp_path, "key:\n  - {id: a, label: source, quote: Kirby, why: &w Why., hints: [*w]}\n"))
    assert ok.key[0].hints == ("Why.",)
    laughs = "".join(f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]\n" for n in range(1, 10))
    with pytest.raises(InputError) as err:
        load_exercise(write(tmp_path, "l0: &l0 lol\n" + laughs + "title: *l9\n"))
    assert "aliases" in err.value.problem and err.value.place.startswith("line ")
