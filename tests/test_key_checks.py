"""The rules `medialit validate` holds a finished key to: every paragraph has a key item or an `untagged`
note, `voice` follows the quotation marks unless `voice_exception` says why, an item's source is
named where a reader can tell it is theirs, and a `why` that names a line names one of the item's."""

from __future__ import annotations

import tempfile
import textwrap
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from medialit import load_exercise
from medialit.core.exercise_file import validation_findings
from medialit.core.key_checks import coverage_findings, line_findings, speaker_findings, voice_findings

ARTICLE = (
    "Peskov said: “The drones were launched on orders from Washington.”\n\n"
    "Kirby called the claim “ludicrous”.\n\n"
    "The weather in Moscow was mild.\n"
)
QUOTED = "The drones were launched on orders from Washington."


def exercise(tmp_path, body: str):
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "exercise.yml"
    path.write_text("id: t\narticle: article.txt\n" + textwrap.dedent(body), encoding="utf-8")
    return load_exercise(path)


def test_a_paragraph_with_nothing_in_a_whole_key_is_named_until_a_note_says_why(tmp_path):
    key = "key:\n  - {id: a, label: source, quote: Peskov, why: w, hints: [h]}\n"
    assert coverage_findings(exercise(tmp_path, key)) == []  # a key for part of the article: no rule
    whole = exercise(tmp_path, key + "untagged: []\n")
    assert [f.split(":")[0] for f in coverage_findings(whole)] == ["L3", "L5"]
    assert any(f.startswith("L3: a paragraph with no key item") for f in validation_findings(whole))
    noted = exercise(
        tmp_path, key + "untagged:\n  - {line: 3, why: Only a reaction (L3).}\n  - {line: 5, why: The weather (L5).}\n"
    )
    assert coverage_findings(noted) == []


def test_an_untagged_note_must_fit_its_line(tmp_path):
    ex = exercise(
        tmp_path,
        """
        key:
          - {id: a, label: source, quote: Peskov, why: w, hints: [h]}
          - {id: b, label: source, quote: Kirby, why: w, hints: [h]}
          - {id: c, label: source, quote: Moscow, why: w, hints: [h]}
        untagged:
          - {line: 1, why: Nothing here (L1).}
          - {line: 4, why: Nothing here (L4).}
    """,
    )
    findings = coverage_findings(ex)
    assert len(findings) == 2
    assert "L1" in findings[0] and "has key items after all" in findings[0]
    assert "L4 is not the first line of a paragraph" in findings[1]


def test_a_voice_against_the_quotation_marks_is_named_unless_explained(tmp_path):
    def item(voice: str, exception: str = "") -> str:
        extra = f", voice_exception: {exception}" if exception else ""
        return (
            f"key:\n  - {{id: q, label: claim, quote: {QUOTED}, attrs: {{voice: {voice}}}, "
            f"why: w, hints: [h]{extra}}}\n"
        )

    assert voice_findings(exercise(tmp_path, item("quoted"))) == []
    wrong = voice_findings(exercise(tmp_path, item("reporter")))
    assert len(wrong) == 1 and "`voice` is reporter" in wrong[0] and "set `voice: quoted`" in wrong[0]
    assert voice_findings(exercise(tmp_path, item("reporter", "Explained here."))) == []
    needless = voice_findings(exercise(tmp_path, item("quoted", "Explained here.")))
    assert len(needless) == 1 and "follows the rule" in needless[0]


def test_a_short_quotation_counts_only_once_the_key_says_whose_marks_they_are(tmp_path):
    loaded = "  - {id: l, label: loaded, quote: ludicrous, attrs: {voice: reporter}, why: w, hints: [h]}\n"
    assert voice_findings(exercise(tmp_path, "key:\n" + loaded)) == []  # nobody has said whose marks
    speaker = "  - {id: c, label: cue, quote: “ludicrous”, attrs: {type: quoted-words}, why: w, hints: [h]}\n"
    assert len(voice_findings(exercise(tmp_path, "key:\n" + loaded + speaker))) == 1
    nobody = speaker.replace("quoted-words", "scare-quotes")
    assert voice_findings(exercise(tmp_path, "key:\n" + loaded + nobody)) == []


SPEECH = (
    "Jo Lee, who chairs the board, said the plan was sound.\n\n"  # para 0
    "‘It will save money,’ she said.\n\n"  # 1: a quotation goes on with her words
    "She added that the work would start in May.\n\n"  # 2: so does "She"
    "The council voted on Tuesday.\n\n"  # 3: the reporter's own words
    "‘We were never asked.’\n"  # 4: after the reporter's paragraph, nobody can tell whose
)


def speech_exercise(tmp_path, claims: str):
    (tmp_path / "article.txt").write_text(SPEECH, encoding="utf-8")
    path = tmp_path / "exercise.yml"
    path.write_text(
        "id: t\narticle: article.txt\nkey:\n  - {id: src-jo, label: source, quote: Jo Lee, why: w, hints: [h]}\n"
        + textwrap.indent(textwrap.dedent(claims), "  "),
        encoding="utf-8",
    )
    return load_exercise(path)


def test_a_source_in_an_earlier_paragraph_is_named_only_where_the_paragraphs_between_leave_the_speaker(tmp_path):
    claims = """\
      - {id: c-save, label: claim, quote: It will save money, source_ids: [src-jo], why: w, hints: [h]}
      - {id: c-may, label: claim, quote: the work would start in May, source_ids: [src-jo], why: w, hints: [h]}
      - {id: c-voted, label: claim, quote: The council voted, source_ids: [src-jo], why: w, hints: [h]}
      - {id: c-asked, label: claim, quote: We were never asked, source_ids: [src-jo], why: w, hints: [h]}
    """
    flagged = {f.split()[6] for f in speaker_findings(speech_exercise(tmp_path, claims))}
    assert flagged == {"c-voted", "c-asked"}


def test_a_why_that_names_the_sources_line_says_the_author_read_who_says_it(tmp_path):
    claims = """\
      - {id: c-asked, label: claim, quote: We were never asked, source_ids: [src-jo], why: "Jo (L1).", hints: [h]}
    """
    assert speaker_findings(speech_exercise(tmp_path, claims)) == []


def test_a_source_named_after_its_claim_in_another_paragraph_is_named(tmp_path):
    (tmp_path / "article.txt").write_text("The plan is sound.\n\nShe said so, said Jo Lee.\n", encoding="utf-8")
    path = tmp_path / "exercise.yml"
    path.write_text(
        "id: t\narticle: article.txt\nkey:\n  - {id: src-jo, label: source, quote: Jo Lee, why: w, hints: [h]}\n"
        "  - {id: c-plan, label: claim, quote: The plan is sound, source_ids: [src-jo], why: w, hints: [h]}\n",
        encoding="utf-8",
    )
    [finding] = speaker_findings(load_exercise(path))
    assert finding.startswith(
        "exercise.yml line 5 (the claim item c-plan on article L1): its source src-jo (L3) is in another paragraph"
    )


# Paragraphs that open with a quotation mark, between Jo Lee's paragraph and a claim given to her. Each
# kind: the paragraph's text and the source item it brings (the key's source outside or inside the marks).
QUOTE_PARAGRAPHS = {
    "pronoun": ("‘It is a good plan,’ she said.", None),
    "same": ("‘It is a fair plan,’ said the chair.", "{id: src-chair-N, label: source, quote: the chair, entity: jo"),
    "other": ("‘It is a poor plan,’ said Lena Ivanova.", "{id: src-lena-N, label: source, quote: Lena Ivanova"),
    "inside": ("‘Lena Ivanova is wrong,’ she said.", "{id: src-lena-N, label: source, quote: Lena Ivanova"),
}


def quote_chain_findings(kinds: list[str]) -> list[str]:
    """speaker_findings for a claim in a quotation after Jo Lee's paragraph and one paragraph of each kind."""
    paragraphs = ["Jo Lee, who chairs the board, said the plan was sound."]
    items = ["{id: src-jo, label: source, quote: Jo Lee, entity: jo, why: w, hints: [h]}"]
    seen: dict[str, int] = {}
    for n, kind in enumerate(kinds):
        text, source = QUOTE_PARAGRAPHS[kind]
        paragraphs.append(text)
        if source:
            quote = source.split("quote: ")[1].split(",")[0]
            seen[quote] = seen.get(quote, 0) + 1
            items.append(source.replace("-N", f"-{n}") + f", occurrence: {seen[quote]}, why: w, hints: [h]}}")
    paragraphs.append("‘We were never asked.’")
    items.append("{id: c-asked, label: claim, quote: We were never asked, source_ids: [src-jo], why: w, hints: [h]}")
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "article.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        path = Path(folder) / "exercise.yml"
        path.write_text("id: t\narticle: article.txt\nkey:\n" + "".join(f"  - {i}\n" for i in items), encoding="utf-8")
        return speaker_findings(load_exercise(path))


def test_a_quotation_that_another_speaker_is_named_for_gives_the_words_to_them():
    [finding] = quote_chain_findings(["pronoun", "other"])
    assert finding.startswith(
        "exercise.yml line 6 (the claim item c-asked on article L7): its source src-jo (L1) is in another paragraph"
    )
    assert "L5 names another speaker, src-lena-1, outside its quotation marks" in finding
    assert quote_chain_findings(["pronoun", "same", "inside"]) == []


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(sorted(QUOTE_PARAGRAPHS)), max_size=4))
def test_quotations_go_on_with_the_speaker_until_one_names_another(kinds):
    assert bool(quote_chain_findings(kinds)) == ("other" in kinds)


def why_naming(tmp_path, why: str, label: str = "source") -> list[str]:
    """The line findings of a key whose one item, “Kirby” on L3, has this `why`."""
    return line_findings(exercise(tmp_path, f"key:\n  - {{id: k, label: {label}, quote: Kirby, why: '{why}'}}\n"))


def test_a_why_naming_a_line_one_off_from_its_words_is_named_with_the_right_line(tmp_path):
    [finding] = why_naming(tmp_path, "Kirby is named (L4).")
    assert finding == (
        "exercise.yml line 4 (the source item k on article L3): its `why` names L4, but its words are on L3. "
        "Fix: name L3 in the `why`: students look for the words on the line it names."
    )
    assert finding in validation_findings(load_exercise(tmp_path / "exercise.yml"))  # as `medialit validate` lists it
    for right in ("Kirby is named (L3).", "Lines L2-3 say so.", "See L1 and L3.", "No line named.", "L3–L5"):
        assert why_naming(tmp_path, right) == [], right


def test_a_why_may_name_the_line_of_the_items_source_and_a_distractors_is_held_to_its_own(tmp_path):
    ex = exercise(
        tmp_path,
        """
        key:
          - {id: s, label: source, quote: Peskov, why: Named (L1)., hints: [h]}
          - {id: c, label: claim, quote: ludicrous, source_ids: [s], why: Peskov's word from L1., hints: [h]}
        distractors:
          - {id: d, quote: weather, labels: [loaded], why: A plain word (L4).}
    """,
    )
    assert [f.split(":")[0] for f in line_findings(ex)] == ["exercise.yml line 8 (the distractor d on article L5)"]


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=1, max_value=40))
def test_a_why_naming_one_line_is_named_unless_it_is_the_line_of_the_words(line):
    with tempfile.TemporaryDirectory() as folder:
        assert bool(why_naming(Path(folder), f"Look at L{line}.")) == (line != 3)


def test_the_shipped_keys_pass_validate_as_the_readme_runs_it():
    for path in sorted(Path(__file__).parents[1].glob("book/exercises/*/exercise.yml")):
        assert validation_findings(load_exercise(path)) == [], path.parent.name
