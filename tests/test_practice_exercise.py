"""The practice exercise (invented council story): it loads, is complete, and its key scores 1.0."""

from __future__ import annotations

from pathlib import Path

from helpers import handin_of, key_tags

from medialit import Tag, check, load_exercise
from medialit.core.exercise_file import validation_findings
from medialit.core.messages import Renderer, tag_codes
from medialit.core.voices import values

ROOT = Path(__file__).resolve().parent.parent
PRACTICE = ROOT / "book" / "exercises" / "practice-council" / "exercise.yml"


def test_practice_exercise_loads_without_findings():
    exercise = load_exercise(PRACTICE)
    assert validation_findings(exercise) == []
    assert {item.label for item in exercise.key} == {"claim", "source", "loaded"}
    words = len(exercise.article.text.split())
    assert 300 <= words <= 400


def test_required_key_handin_scores_one():
    exercise = load_exercise(PRACTICE)
    report = check(handin_of(exercise, key_tags(exercise)), exercise)
    for label in ("claim", "source", "loaded", "all"):
        assert report.scores[label].f1 == 1.0, label
    assert all(item.verdict == "hit" for item in report.items if not item.optional)


def test_chapter_says_the_text_is_invented_and_uses_the_tagger():
    page = (ROOT / "book" / "practice.md").read_text(encoding="utf-8")
    assert "invented" in page.lower()
    assert "```{tagger} exercises/practice-council/exercise.yml" in page


def test_neutral_rewrites_keep_quotes():
    # A plain account keeps a speaker's loaded words in quotation marks and says whose they are.
    exercise = load_exercise(PRACTICE)
    for item in exercise.key:
        if item.label == "loaded":
            quoted = item.attrs["voice"] == "quoted"
            assert quoted == ("keep the quote" in item.attrs["neutral"]), item.id


def test_a_claim_partly_in_quotation_marks_takes_either_voice():
    # The book's rule (Claims chapter): when only part of a claim is inside a speaker's marks, either voice
    # counts. The practice key has no cues, so `medialit validate` cannot tell whose marks these are.
    exercise = load_exercise(PRACTICE)
    for item in exercise.key:
        if item.label == "claim" and '"' in item.quote.strip('"'):
            assert values(item.attrs["voice"]) == {"reporter", "quoted"}, item.id


def test_a_source_tag_near_an_accepted_form_names_the_key_words_once():
    # "Kerr, stormed" is nearest the accepted "Dave Kerr": one sentence on both edges, and the key's own
    # words ("councillor Dave Kerr") named as the key's, not the shorter form it accepts.
    exercise = load_exercise(PRACTICE)
    start = exercise.article.text.index("Kerr, stormed")
    tag = Tag("t1", "source", start, start + len("Kerr, stormed"), "Kerr, stormed")
    (result,) = check(handin_of(exercise, [tag]), exercise).tags
    sentences = Renderer(exercise.labels).sentences(tag_codes(result))
    assert sentences[1:] == [
        "The key has “councillor Dave Kerr”, and accepts “Dave Kerr” too. Compared with that, your tag also"
        " covers “stormed” and leaves out “Dave”."
    ]
