"""Checks on the reference keys of the Kremlin drone article and of the course's agency-style text.

A key is written by hand, so these tests guard what a person can get wrong: a quote that points at
the wrong line, a claim linked to a missing source, two required items fighting over the same words,
a `voice` that contradicts the quotation marks, explanations too hard for a 15-year-old, hints that
give the answer away, a cue left out of the hedges layer, and a key that cannot score itself perfectly.
Tests that take `key` hold for both keys; tests that take `exercise` are about the Kremlin article.
The checks follow the lists in issues 4 and 14.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
import textstat
from hypothesis import given
from hypothesis import strategies as st
from key_rules import PAPERS_WORDS, required_entities, speaks, tags_linked_by_entity
from ruamel.yaml import YAML

from medialit import HandIn, Tag, check, load_exercise
from medialit.core.article import Article
from medialit.core.contract import QUOTE_MARKS
from medialit.core.errors import InputError
from medialit.core.exercise import Span
from medialit.core.key_checks import coverage_findings, voice_findings
from medialit.core.voices import Quotation, classify, expected_voice, quotations, values, word_owners
from medialit.interchange.export import tags_of_items

EXERCISES = Path(__file__).resolve().parent.parent / "book" / "exercises"
EXERCISE = EXERCISES / "kremlin-drone" / "exercise.yml"
KEYS = ["kremlin-drone", "kremlin-agency"]
# Entities with more than one required mention, and why: the lesson is in the repetition.
REPEATED_ON_PURPOSE = {"kremlin-drone": {"uk-officials", "romanenko"}, "kremlin-agency": set()}
MAX_GRADE = 10.0
MAX_WORDS = 60
LINE_IN_ID = re.compile(r"-l(\d+)$")
CITED_LINE = re.compile(r"\bL(\d+)\b")
# Issue 4: "on the order of 60+ claims, 40+ source mentions and 50+ loaded items", "at least 15" distractors.
FLOOR = {"claim": 60, "source": 40, "loaded": 50}
MIN_DISTRACTORS = 15
# Reporting verbs and hedges the hedges chapter is about: every one in the article is a cue item or a
# cue distractor, so a student who tags one always gets an explanation.
CUE_WORDS = re.compile(
    r"\b(said|says|say|saying|told|insisted|claim|claims|claimed|claiming|denied|denies|"
    r"dismissed|ranted|decried|rages|admitted|alleged|allegedly|alleging|allegations|"
    r"purported|purportedly|reportedly|supposedly|apparent|understood|thought)\b"
)


@pytest.fixture(scope="module")
def exercise():
    return load_exercise(EXERCISE)


@pytest.fixture(scope="module", params=KEYS)
def key(request):
    return load_exercise(EXERCISES / request.param / "exercise.yml")


# --- helpers ---------------------------------------------------------------------------------------


def handin(exercise, tags) -> HandIn:
    return HandIn(exercise.id, exercise.article.sha256, tags, student="key-test")


def readable(text: str) -> bool:
    return textstat.flesch_kincaid_grade(text) <= MAX_GRADE and len(text.split()) <= MAX_WORDS


# --- the quotation-mark rule itself ----------------------------------------------------------------

words = st.lists(
    st.sampled_from(["Putin’s", "didn’t", "drone", "Kyiv", "said", "we", "O’Brien"]), min_size=1, max_size=6
).map(" ".join)


@given(before=words, inside=words, after=words, marks=st.sampled_from(["‘’", "“”", "''", '""']))
def test_quotations_are_found_and_apostrophes_ignored(before, inside, after, marks):
    text = f"{before} {marks[0]}{inside}{marks[1]} {after}."
    found = quotations(Article.from_text(text))
    start = len(before) + 1
    assert found == [Quotation(start, start + len(inside) + 2)]


def test_a_speech_runs_over_paragraphs_and_nested_marks_are_found():
    text = "He said: ‘First part.\n\n‘Second, with our ‘friends’ in it.’\n\nThen the reporter."
    found = quotations(Article.from_text(text))
    first = text.index("‘First")
    second = text.index("‘Second")
    friends = text.index("‘friends")
    assert found == [
        Quotation(first, text.index("\n")),
        Quotation(second, text.index("it.’") + 4),
        Quotation(friends, friends + len("‘friends’")),
    ]


def test_whose_words_follows_the_marks_and_their_cue():
    # One speaker's quote, one pair of scare quotes and one pair that can be read either way.
    speaker, scare, either = "‘We did not do it, and we never would,’", "‘attack’", "‘revenge’"
    text = f"Blitzed in {either} after the {scare}. She said {speaker} on Monday."
    article = Article.from_text(text)

    class Cue:
        def __init__(self, quote, kind):
            start = text.index(quote)
            self.label, self.spans, self.attrs = "cue", [Span(start, start + len(quote), quote)], {"type": kind}

    class Ex:
        key = [Cue(scare, "scare-quotes"), Cue(either, ["scare-quotes", "quoted-words"])]
        distractors = []

    Ex.article = article
    owners = word_owners(Ex)

    def voice(part):
        at = text.index(part)
        return expected_voice(text, owners, at, at + len(part))

    assert voice("We did not do it") == {"quoted"}
    assert voice(scare) == {"reporter"}
    assert voice(either) == {"reporter", "quoted"}
    assert voice("She said ‘We did not") == {"reporter", "quoted"}  # partly a speaker's words
    assert voice("after the ‘attack’") == {"reporter"}  # scare quotes are the reporter's own


# --- the key ---------------------------------------------------------------------------------------


def test_every_quote_resolves_to_the_line_its_id_names(key):
    # load_exercise has already refused missing or ambiguous quotes; here each span must also be
    # the article's own words, on whole tokens, and on the line the item's id promises ("-l12").
    text = key.article.text
    starts = {t.start for t in key.article.tokens}
    ends = {t.end for t in key.article.tokens}
    wrong = []
    for item in key.key:
        for span in item.spans:
            if text[span.start : span.end] != span.quote or span.start not in starts or span.end not in ends:
                wrong.append(f"{item.id}: {span.quote!r}")
        named = LINE_IN_ID.search(item.id)
        if named and int(named.group(1)) != item.line:
            wrong.append(f"{item.id}: resolves to L{item.line}")
        if any(not (s.start < item.end and item.start < s.end) for s in item.accept):
            wrong.append(f"{item.id}: an accept variant does not overlap the main quote")
    for item in [*key.key, *key.distractors]:
        if key.article.line_of(item.start) != item.line:
            wrong.append(f"{item.id}: starts on L{key.article.line_of(item.start)}, not L{item.line}")
        named = LINE_IN_ID.search(item.id)
        if named and int(named.group(1)) != item.line:
            wrong.append(f"{item.id}: resolves to L{item.line}")
    assert not wrong, "\n".join(wrong)


def test_a_repeated_quote_without_occurrence_is_refused(tmp_path):
    # "Exactly one place": the loader must refuse a quote that occurs more than once rather than pick
    # one. Take this key, drop the `occurrence` of the first source ("Russia", L1) and load it again.
    copy = tmp_path / "kremlin-drone"
    shutil.copytree(EXERCISE.parent, copy)
    yaml = YAML(typ="rt")
    sources = copy / "key" / "sources.yml"
    data = yaml.load(sources.read_text(encoding="utf-8"))
    entry = next(e for e in data["key"] if e["id"] == "src-russia-l1")
    del entry["occurrence"]
    with sources.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    with pytest.raises(InputError) as err:
        load_exercise(copy / "exercise.yml")
    message = str(err.value)
    assert "src-russia-l1" in message and "occurs" in message
    assert "L1," in message and "L3" in message  # every occurrence is listed with its line


def test_no_two_items_of_one_label_share_a_span(key):
    # The same label on the same range is not allowed (DESIGN.md), optional items included.
    spans = Counter((k.label, k.start, k.end) for k in key.key)
    twice = [
        f"{label} {key.article.text[s:e]!r} (L{key.article.line_of(s)})" for (label, s, e), n in spans.items() if n > 1
    ]
    assert not twice, twice


def test_sources_and_claims_carry_their_attributes(key):
    missing = []
    for item in key.key:
        if item.label == "source" and (not item.entity or {"identity", "role"} - set(item.attrs)):
            missing.append(item.id)
        if item.label == "claim" and ({"kind", "evidence", "voice"} - set(item.attrs) or item.source_ids is None):
            missing.append(item.id)
    assert not missing, missing


def test_loaded_and_cue_items_carry_their_attributes(key):
    missing = []
    for item in key.key:
        if item.label == "loaded" and (
            {"technique", "voice"} - set(item.attrs) or not str(item.attrs.get("neutral", "")).strip()
        ):
            missing.append(item.id)
        if item.label == "cue" and "type" not in item.attrs:
            missing.append(item.id)
    assert not missing, missing


def test_the_key_is_as_large_as_the_article_needs(exercise):
    counts = Counter(k.label for k in exercise.key)
    required = Counter(k.label for k in exercise.key if not k.optional)
    for label, floor in FLOOR.items():
        assert counts[label] >= floor, (label, counts[label])
        assert required[label] >= floor // 2, (label, "required", required[label])
    assert len(exercise.distractors) >= MIN_DISTRACTORS
    # Distractors cover more than one kind of mistake: at least the loaded and cue layers.
    assert {"loaded", "cue"} <= {label for d in exercise.distractors for label in d.labels}


def test_every_label_for_the_uk_officials_is_one_anonymous_source(exercise):
    # The headline's counter-claim rests on one unnamed group under four labels; all five mentions are
    # tagged, as one entity, so the checker can tell a student that repeating them is not corroboration.
    wanted = [
        ("UK spooks", 3),
        ("UK security officials", 6),
        ("British security officials", 18),
        ("UK security officials", 40),
        ("UK officials", 56),
    ]
    sources = {(k.quote, k.line): k for k in exercise.key if k.label == "source"}
    found = [sources.get(w) for w in wanted]
    assert all(found), [w for w, k in zip(wanted, found) if k is None]
    assert len({k.entity for k in found}) == 1
    assert all(values(k.attrs["identity"]) == {"anonymous"} and not k.optional for k in found)


def test_sentences_with_the_name_taken_out_are_hidden_sources(exercise):
    wanted = [
        ("It is understood", 24),
        ("it was also thought", 74),
        ("it was claimed", 192),
        ("is considered", 54),
        ("were understood", 182),
    ]
    sources = {(k.quote, k.line): k for k in exercise.key if k.label == "source"}
    for quote, line in wanted:
        item = sources.get((quote, line))
        assert item is not None, (quote, line)
        assert values(item.attrs["identity"]) == {"hidden"} and not item.optional, item.id
    # and the claims they carry are linked to them, not left without a source
    linked = {ref for k in exercise.key if k.label == "claim" for ref in k.source_ids or []}
    assert all(sources[w].id in linked for w in wanted)


def test_source_ids_point_at_sources_whose_source_is_required_somewhere(key):
    # Attribution is checked by entity, so a claim may be linked to any mention of its source; every
    # source a required claim names has one required mention, so a hand-in of required tags can link it.
    wanted = required_entities(key)
    bad = []
    for item in key.key:
        for ref in item.source_ids or []:
            target = key.item(ref)
            if target is None or target.label != "source":
                bad.append(f"{item.id} -> {ref}")
            elif not item.optional and (target.entity or target.id) not in wanted:
                bad.append(f"{item.id} -> {ref}: no required mention of {target.entity}")
    assert not bad, bad


def test_every_paragraph_has_a_key_item_or_is_listed_untagged(key):
    assert coverage_findings(key) == []


def test_required_items_of_one_label_never_overlap(key):
    clashes = []
    for label in key.labels:
        required = sorted((k for k in key.key if k.label == label and not k.optional), key=lambda k: k.start)
        for a, b in zip(required, required[1:]):
            if b.start < a.end:
                clashes.append(f"{a.id} / {b.id}")
    assert not clashes, clashes


def test_every_short_quotation_says_whose_marks_it_has(key):
    # The voice rule needs to know whose marks each short quotation has: a speaker's, nobody's, or either.
    text = key.article.text
    unknown = [
        f"L{key.article.line_of(q.start)}: {text[q.start : q.end]}"
        for q in quotations(key.article)
        if classify(key, q) is None
    ]
    assert not unknown, "short quotations with no cue item or cue distractor:\n" + "\n".join(unknown)


def test_voice_follows_the_quotation_marks_unless_explained(key):
    # Chapter 3's and chapter 5's rule: inside a speaker's quotation marks = quoted; outside them = reporter,
    # even when the words sum up what someone said; partly inside, or marks that read either way = both.
    assert voice_findings(key) == []


def test_reported_speech_is_explained_as_the_papers_words(key):
    # Check says only "Voice: you chose quoted; the key has reporter." The why that comes with it must
    # say why: a claim someone made, told without quotation marks, is in the paper's words.
    text = key.article.text
    owners = word_owners(key)
    silent = [
        f"{k.id}: {k.why}"
        for k in key.key
        if k.label == "claim"
        and speaks(key, k)
        and expected_voice(text, owners, k.start, k.end) == {"reporter"}
        and not any(phrase in k.why for phrase in PAPERS_WORDS)
    ]
    assert not silent, "\n".join(silent)


def test_a_speakers_quoted_words_are_not_scare_quotes(key):
    # Scare quotes are marks no speaker owns (chapter 6). Marks round words the key gives to a speaker,
    # or inside a claim the key attributes to someone who speaks, cannot be scare quotes alone.
    text = key.article.text
    wrong = []
    for cue in key.key:
        if cue.label != "cue" or values(cue.attrs.get("type")) != {"scare-quotes"}:
            continue
        inside = [k for k in key.key if k.start <= cue.start and cue.end <= k.end and k is not cue]
        owned = [
            k.id
            for k in inside
            if "quoted" in values(k.attrs.get("voice", "reporter")) or (k.label == "claim" and speaks(key, k))
        ]
        if owned:
            wrong.append(f"{cue.id} {text[cue.start : cue.end]} (L{cue.line}) sits in {owned}")
    assert not wrong, "\n".join(wrong)


def test_the_marks_issue_14_named_are_quoted_words(exercise):
    for cue_id in [
        "cue-lies-l12",
        "cue-undoubtedly-l12",
        "cue-undoubtedly-l26",
        "cue-undoubtedly-l28",
        "cue-false-flag-l6",
        "cue-false-flag-l18",
        "cue-false-flag-l56",
        "cue-criminal-acts-l30",
        "cue-physically-eliminate-l42",
        "cue-terrorist-l106",
    ]:
        assert "quoted-words" in values(exercise.item(cue_id).attrs["type"]), cue_id


def test_headline_marks_read_either_way_alike(exercise):
    # UK headlines put marks round the words of people they do not name; L3 and L108 are read alike.
    for cue_id in ["cue-revenge-l3", "cue-attack-l3", "cue-ukrainian-drone-attack-l108"]:
        item = exercise.item(cue_id)
        assert values(item.attrs["type"]) == {"scare-quotes", "quoted-words"}, cue_id
        assert not item.optional, cue_id
    for loaded_id in ["ld-revenge-scare-l3", "ld-attack-scare-l3"]:
        assert values(exercise.item(loaded_id).attrs["voice"]) == {"reporter", "quoted"}, loaded_id


def test_quoted_loaded_words_keep_the_quote(key):
    # Chapter 8: a plain account keeps a speaker's loaded words in quotation marks and names the speaker.
    wrong = [
        f"{k.id}: {k.attrs['neutral']}"
        for k in key.key
        if k.label == "loaded"
        and ("quoted" in values(k.attrs["voice"])) != ("keep the quote" in k.attrs["neutral"].lower())
    ]
    assert not wrong, "\n".join(wrong)


# Words that, first in "A plainer way to say it: the key suggests “…”", read as the key's verdict on the tag
VERDICT_WORDS = {"wrong", "right", "correct", "incorrect"}


def test_a_plainer_word_never_reads_as_a_verdict_on_the_students_tag(key):
    # "the key suggests “wrong (or keep the quote …)”" under a tag reads as "your tag is wrong"
    verdicts = [
        f"{k.id}: {neutral}"
        for k in key.key
        for neutral in values(k.attrs.get("neutral") or [])
        if re.split(r"\W+", neutral.strip("( ").lower(), maxsplit=1)[0] in VERDICT_WORDS
    ]
    assert not verdicts, "\n".join(verdicts)


def test_each_source_is_required_once(key):
    # Repeat mentions ("Moscow" again, Peskov a fourth time) are optional: a class report led by "Moscow"
    # (L74) tells a teacher nothing. The exceptions are the lessons: the unnamed UK officials' five labels,
    # and the tweet and its writer as two links of the Bild chain.
    required = Counter(k.entity or k.id for k in key.key if k.label == "source" and not k.optional)
    assert {entity for entity, n in required.items() if n > 1} == REPEATED_ON_PURPOSE[key.id]
    # Chapter 4 says "tag the first mention": the required one is the first, unless the first is only
    # the channel a named speaker used ("a statement posted on Telegram").
    first = {}
    for k in sorted((k for k in key.key if k.label == "source"), key=lambda k: k.start):
        first.setdefault(k.entity or k.id, k)
    late = [
        k.id
        for entity, k in first.items()
        if entity in required and k.optional and not values(k.attrs["role"]) <= {"media", "social-media"}
    ]
    assert not late, f"the first mention of these sources is optional: {late}"


def test_distractors_trap_every_label(exercise):
    # Claims and sources need traps too (issue 14): at least eight for each label.
    counts = Counter(label for d in exercise.distractors for label in d.labels)
    assert all(counts[label] >= 8 for label in ("claim", "source", "loaded", "cue")), counts


def test_optional_techniques_are_used_where_the_article_plainly_uses_them(exercise):
    used = {
        (technique, k.line)
        for k in exercise.key
        if k.label == "loaded" and k.optional
        for technique in values(k.attrs["technique"])
    }
    assert {
        ("repetition", 56),
        ("whataboutism", 180),
        ("appeal-to-authority", 168),
        ("black-and-white", 100),
        ("flag-waving", 176),
    } <= used


def test_reporter_and_speaker_words_are_told_apart(exercise):
    # Issue 4's own pair: "terrorist attacks" (L32) is Peskov's, "despot" (L10) is the paper's.
    peskov = next(k for k in exercise.key if k.label == "loaded" and k.quote == "terrorist attacks")
    paper = next(k for k in exercise.key if k.label == "loaded" and k.quote == "despot" and k.line == 10)
    assert (peskov.line, values(peskov.attrs["voice"])) == (32, {"quoted"})
    assert values(paper.attrs["voice"]) == {"reporter"}
    # A student who swaps the two voices is told so.
    tags = tags_of_items([peskov, paper])
    tags[0].attrs["voice"], tags[1].attrs["voice"] = "reporter", "quoted"
    report = check(handin(exercise, tags), exercise, labels=["loaded"])
    verdicts = {e.key_id: e.attrs["voice"].verdict for e in report.items if e.key_id in (peskov.id, paper.id)}
    assert verdicts == {peskov.id: "wrong", paper.id: "wrong"}


def test_every_why_cites_its_own_line(key):
    missing = [
        f"{item.id} (L{item.line}): {item.why}"
        for item in [*key.key, *key.distractors]
        if item.line not in {int(n) for n in CITED_LINE.findall(item.why)}
    ]
    missing += [
        f"untagged L{e['line']}"
        for e in key.untagged
        if e["line"] not in {int(n) for n in CITED_LINE.findall(e["why"])}
    ]
    assert not missing, "\n".join(missing)


def test_hints_lead_without_naming_the_answer(key):
    # A hint may point at the place, but must not spell out the words to tag.
    def said_in(words: str, text: str) -> bool:
        words = words.strip("".join(QUOTE_MARKS) + " ").lower()
        return bool(words) and re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text.lower()) is not None

    telling = [
        f"{item.id}: {hint}"
        for item in key.key
        for hint in item.hints
        if any(said_in(span.quote, hint) for span in item.spans)
    ]
    assert not telling, "\n".join(telling)


def test_the_cue_layer_covers_every_reporting_verb_and_hedge(key):
    text = key.article.text
    cues = [s for k in key.key if k.label == "cue" for s in k.spans]
    traps = [d for d in key.distractors if "cue" in d.labels]
    uncovered = [
        f"L{key.article.line_of(m.start())}: {m.group(0)}"
        for m in CUE_WORDS.finditer(text)
        if not any(s.start < m.end() and m.start() < s.end for s in [*cues, *traps])
    ]
    assert not uncovered, uncovered


def test_every_why_and_hint_is_plain_and_short(key):
    hard = []
    for item in [*key.key, *key.distractors]:
        if not item.why:
            hard.append(f"{item.id}: no why")
        for text in [item.why, *getattr(item, "hints", [])]:
            if text and not readable(text):
                hard.append(
                    f"{item.id}: grade {textstat.flesch_kincaid_grade(text)}, {len(text.split())} words: {text}"
                )
    assert not hard, "\n".join(hard)


def test_required_items_have_one_or_two_hints(key):
    wrong = [k.id for k in key.key if not k.optional and not 1 <= len(k.hints) <= 2]
    assert not wrong, wrong


def test_a_handin_of_the_required_key_scores_one(key):
    required = [k for k in key.key if not k.optional]
    report = check(handin(key, tags_linked_by_entity(key, required)), key)
    for label, score in report.scores.items():
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0), (label, score)
    for entry in report.items:
        if entry.optional:
            continue
        assert entry.verdict == "hit", entry.key_id
        for name, attr in entry.attrs.items():
            assert attr.verdict in ("right", "free"), (entry.key_id, name, attr)
        if entry.attribution is not None:
            assert entry.attribution.verdict == "right", (entry.key_id, entry.attribution)
    assert {t.verdict for t in report.tags} == {"matched"}


def test_a_handin_of_the_whole_key_loses_nothing_for_the_optional_items(key):
    # Optional items are defensible: tagging them as well must not cost precision.
    report = check(handin(key, tags_of_items(key.key)), key)
    for label, score in report.scores.items():
        assert (score.precision, score.recall) == (1.0, 1.0), (label, score)
    optional = {k.id for k in key.key if k.optional}
    verdicts = {t.tag_id: t.verdict for t in report.tags}
    assert {verdicts[i] for i in optional} == {"defensible"}


def test_distractors_keep_clear_of_the_items_they_are_traps_for(key):
    clashes = [
        f"{d.id} / {k.id}"
        for d in key.distractors
        for k in key.key
        if k.label in d.labels and any(s.start < d.end and d.start < s.end for s in k.spans)
    ]
    assert not clashes, clashes


def test_a_wrong_attribute_or_source_link_is_caught(exercise):
    # The perfect score above must come from the key's values, not from a checker that agrees with anything.
    claim = next(k for k in exercise.key if k.id == "clm-us-behind-l12")
    other = next(k for k in exercise.key if k.id == "src-uk-officials-l6")
    tags = tags_of_items([claim, other])
    tags[0].attrs["kind"] = "prediction"
    tags[0].source_ids = [other.id]
    report = check(handin(exercise, tags), exercise)
    entry = next(e for e in report.items if e.key_id == claim.id)
    assert entry.attrs["kind"].verdict == "wrong"
    assert entry.attribution.verdict == "wrong"


def test_a_handin_of_distractors_scores_nothing_and_names_them(key):
    # Each distractor is a trap for some labels: tagged with one of them, it must match no key item.
    labels = sorted({label for d in key.distractors for label in d.labels})
    assert labels, "the key has no distractors"
    for label in labels:
        traps = [d for d in key.distractors if label in d.labels]
        tags = [Tag(f"d{n}", label, d.start, d.end, d.quote, {}) for n, d in enumerate(traps)]
        report = check(handin(key, tags), key, labels=[label])
        assert report.scores[label].recall == 0.0, label
        for tag, trap in zip(report.tags, traps):
            assert (tag.verdict, tag.key_id, tag.why) == ("distractor", trap.id, trap.why), tag
