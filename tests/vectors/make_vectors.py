"""Write the shared checker test vectors from the Python checker.

Each case is a hand-in plus options and the Report `check.py` gives for it (data only: codes and
numbers); `check.js` must give the same Report. Run after changing the checking rules:
`python tests/vectors/make_vectors.py`.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from types import SimpleNamespace

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from helpers import handin_of, key_tags  # noqa: E402

from medialit import Tag, check, load_exercise  # noqa: E402
from medialit.authoring.yaml_text import yaml_text  # noqa: E402
from medialit.core.article import Article  # noqa: E402
from medialit.core.contract import FREE_TEXT, KEY_NEEDS  # noqa: E402
from medialit.core.exercise_file import missing_attribute  # noqa: E402
from medialit.core.handin import parse_handin  # noqa: E402
from medialit.core.labels import DEFAULT_LABELS  # noqa: E402

EXERCISES = {
    "kremlin-mini": ROOT / "tests/fixtures/kremlin-mini.yml",
    "unicode-mini": ROOT / "tests/fixtures/unicode/exercise.yml",
    "parts-mini": ROOT / "tests/fixtures/parts-mini.yml",
}


def at(ex, quote, label, tid, occurrence=1, **kw) -> Tag:
    start = ex.article.find_all(quote)[occurrence - 1]
    return Tag(tid, label, start, start + len(quote), quote, **kw)


def at_after(ex, quote, after, label, tid) -> Tag:
    start = ex.article.text.index(quote, ex.article.text.index(after) + len(after))
    return Tag(tid, label, start, start + len(quote), quote)


def widen(ex, tag: Tag, left: int, right: int, tid: str) -> Tag:
    """The tag grown or shrunk by whole tokens, then snapped like the widget does."""
    first = ex.article.token_at(tag.start) - left
    last = ex.article.token_at(tag.end - 1) + right
    first, last = max(0, first), min(len(ex.article.tokens) - 1, max(first, last))
    snapped = ex.article.snap(
        ex.article.tokens[first].start, ex.article.tokens[last].end, keep_quotes=tag.label == "claim"
    )
    if snapped is None:
        return tag
    s, e = snapped
    return Tag(tid, tag.label, s, e, ex.article.text[s:e], dict(tag.attrs), list(tag.source_ids))


def cases() -> list[tuple[str, str, list[Tag], dict]]:
    mini = load_exercise(EXERCISES["kremlin-mini"])
    uni = load_exercise(EXERCISES["unicode-mini"])
    parts = load_exercise(EXERCISES["parts-mini"])
    out = [
        ("key-equals-handin", "kremlin-mini", key_tags(mini), {}),
        ("key-with-optional", "kremlin-mini", key_tags(mini, include_optional=True), {}),
        ("empty", "kremlin-mini", [], {}),
        ("empty-challenge", "kremlin-mini", [], {"difficulty": "challenge"}),
        (
            "mixed-verdicts",
            "kremlin-mini",
            [
                at(mini, "the despot’s furious officials", "loaded", "t1"),
                at(mini, "ranted", "claim", "t2"),
                at_after(mini, "said", "a furious Peskov", "loaded", "t3"),
                at(mini, "Moscow", "loaded", "t4"),
                at(mini, "bizarre", "loaded", "t5"),
                at(mini, "A seething Peskov", "loaded", "t6"),
            ],
            {},
        ),
        (
            "challenge-attrs-attribution",
            "kremlin-mini",
            [
                at(
                    mini,
                    "Kremlin spokesperson Dmitry Peskov",
                    "source",
                    "s1",
                    attrs={"identity": "anonymous", "role": "official"},
                ),
                at(mini, "UK spooks", "source", "s2", attrs={"identity": "anonymous"}),
                at(
                    mini,
                    "the US was ‘undoubtedly’ behind the strike",
                    "claim",
                    "c1",
                    source_ids=["s1"],
                    attrs={"kind": "accusation"},
                ),
                at(mini, "the attack was ‘false flag’ operation by Russia", "claim", "c2", source_ids=["s1", "s2"]),
                at(
                    mini,
                    "There were no casualties",
                    "claim",
                    "c3",
                    source_ids=["s2"],
                    attrs={"kind": "judgement", "voice": "quoted"},
                ),
                at(
                    mini,
                    "terrorist attacks",
                    "loaded",
                    "l1",
                    attrs={"technique": "fear", "voice": "reporter", "neutral": "attacks"},
                ),
            ],
            {"difficulty": "challenge"},
        ),
        ("labels-loaded-only", "kremlin-mini", key_tags(mini), {"labels": ["loaded"]}),
        (
            "lines-part",
            "kremlin-mini",
            key_tags(mini) + [at(mini, "Washington", "source", "x1", occurrence=4)],
            {"lines": [8, 14]},
        ),
        # a part that starts after a source's first mention asks for its first mention in the part
        # that a required claim there comes from (Peskov in L14; Russia in L5, not L3)
        ("part-source-named-before", "parts-mini", key_tags(parts), {"lines": [13, 18], "difficulty": "challenge"}),
        ("part-source-named-before-found", "parts-mini", key_tags(parts, include_optional=True), {"lines": [3, 10]}),
        # a tag on another mention of that source in the part counts for it (Russia in L3 for L5): Found, or
        # Close by that mention's edges; a claim linked to it is linked to the right source
        (
            "part-other-mention-of-the-source",
            "parts-mini",
            [at(parts, "Russia", "source", "s1", occurrence=2)],
            {"lines": [3, 10]},
        ),
        (
            "part-other-mention-of-the-source-close",
            "parts-mini",
            [
                at(parts, "Russia accuses the US", "source", "s1"),
                at(parts, "attempting to assassinate Putin with drone strike", "claim", "c1", source_ids=["s1"]),
            ],
            {"lines": [3, 6], "difficulty": "challenge"},
        ),
        # a mention the key gives no reason: the checker's, on why it counts (the Kremlin in L10 for Russia in L5)
        (
            "part-other-mention-with-no-reason",
            "parts-mini",
            [at(parts, "the Kremlin", "source", "s1", occurrence=2)],
            {"lines": [3, 10]},
        ),
        (  # Close there, edges off at both ends: it counts, and the edges are that mention's
            "part-other-mention-edges-off",
            "parts-mini",
            [at(parts, "Kremlin blamed", "source", "s1")],
            {"lines": [3, 10]},
        ),
        (
            "labels-claim-only-challenge",
            "kremlin-mini",
            key_tags(mini),
            {"labels": ["claim"], "difficulty": "challenge"},
        ),
        (
            "over-tagging",
            "kremlin-mini",
            [
                at(
                    mini,
                    "A seething Peskov dismissed Ukraine’s denials and ranted that the United States was"
                    " ‘undoubtedly’ involved",
                    "loaded",
                    "t1",
                ),
                at(
                    mini,
                    "Kremlin spokesperson Dmitry Peskov insisted – without providing evidence – the US was"
                    " ‘undoubtedly’ behind the strike that he said was carried out by Ukraine – claims the White"
                    " House dismissed as ‘lies’",
                    "claim",
                    "t2",
                ),
            ],
            {},
        ),
        (
            "many-tags",  # every long word of L8 to L12 as loaded: more tags than the key asks for, most off it
            "kremlin-mini",
            [
                Tag(f"w{t.i}", "loaded", t.start, t.end, t.text)
                for t in mini.article.tokens
                if t.text.isalpha() and len(t.text) > 7 and 8 <= mini.article.line_of(t.start) <= 12
            ],
            {},
        ),
        (
            "wrong-tag-reasons",
            "kremlin-mini",
            [
                at(mini, "Kremlin spokesperson Dmitry Peskov", "source", "s1"),
                at(mini, "Kremlin spokesperson Dmitry Peskov", "claim", "c1"),
                at_after(mini, "said", "ranted", "claim", "c2"),
                at(mini, "despot", "loaded", "l0"),
                at(mini, "despot", "claim", "c3"),
                at(mini, "Moscow", "loaded", "l1"),
                at(mini, "Dmitry Peskov", "source", "s2"),
                at(mini, "Kremlin spokesperson", "source", "s3"),
                at_after(mini, "strike", "‘undoubtedly’ behind the ", "loaded", "l2"),  # a word inside a claim
            ],
            {},
        ),
        (
            "reasons-on-found-tags",
            "kremlin-mini",
            [
                at_after(mini, "said", "strike that he", "claim", "c1"),  # close, and a plain reporting verb
                at(mini, "Kremlin spokesperson Dmitry Peskov", "claim", "c2"),  # the key's source: who speaks
                at(mini, "A seething Peskov", "loaded", "l1"),  # accepted, but longer than the key's word
                at(mini, "despot", "loaded", "l2"),
            ],
            {},
        ),
        (
            "claims-page-speaker",
            "kremlin-mini",
            [at(mini, "Kremlin spokesperson Dmitry Peskov", "claim", "c1"), at(mini, "despot", "claim", "c2")],
            {"labels": ["claim"]},
        ),
        (
            "voice-against-quotes",
            "kremlin-mini",
            [
                at(mini, "Decisions on such attacks", "loaded", "l1", attrs={"voice": "reporter"}),
                at(mini, "Moscow", "loaded", "l2", attrs={"voice": "quoted"}),
                at(mini, "Decisions on such attacks", "claim", "c1", attrs={"voice": "quoted"}),
            ],
            {},
        ),
        (
            # the reporter's words: "even where it sums up what someone said" only on words in a claim with a source
            "voice-reporter-summing-up-or-not",
            "kremlin-mini",
            [
                at(mini, "the attack was ‘false flag’ operation by Russia", "claim", "c1", attrs={"voice": "quoted"}),
                at(mini, "There were no casualties", "claim", "c2", attrs={"voice": "quoted"}),
                at(mini, "despot", "loaded", "l1", attrs={"voice": "quoted"}),
                at(mini, "operation by Russia", "loaded", "l2", attrs={"voice": "quoted"}),  # inside the claim
                at(mini, "Moscow", "loaded", "l3", attrs={"voice": "quoted"}),
            ],
            {},
        ),
        (
            "part-of-other-label",  # too little of another label's item to be it: that label, and the edges
            "kremlin-mini",
            [
                at(mini, "Kremlin spokesperson", "loaded", "l1"),  # more than half of a source
                at(mini, "UK", "loaded", "l2"),  # inside a source
                at(mini, "terrorist", "claim", "c1"),  # half of a loaded phrase
            ],
            {},
        ),
        (
            "edges-of-an-accepted-form",  # nearest an accepted form: one sentence on both edges, naming the key's words
            "kremlin-mini",
            [
                at(mini, "Peskov insisted", "source", "s1"),  # the key accepts "Dmitry Peskov"
                at(mini, "Dmitry Peskov insisted", "claim", "c1"),  # a source and more: Other label
                at(mini, "Kremlin spokesperson Dmitry Peskov insisted", "claim", "c2"),
            ],
            {},
        ),
        (
            "part-of-an-optional-item",  # edges off as a Close tag's would be on a required item: Close too
            "kremlin-mini",
            [at(mini, "understood", "source", "s1")],  # 10 of the 16 characters of "It is understood"
            {},
        ),
        (
            "near-enough-to-an-optional-item",  # within the tolerance: Fair choice, and the word left out
            "kremlin-mini",
            [at(mini, "is understood", "source", "s1")],
            {},
        ),
        (
            "longer-than-the-key",  # tags holding a key item and more: which words to keep, required or optional
            "kremlin-mini",
            [
                # a whole sentence round a claim and the longer form the key accepts: keep the key's own words
                at(
                    mini,
                    "Kremlin spokesperson Dmitry Peskov insisted – without providing evidence – the US was"
                    " ‘undoubtedly’ behind the strike that he said was carried out by Ukraine",
                    "claim",
                    "c1",
                ),
                at(
                    mini,
                    "But UK security officials believe the attack was ‘false flag’ operation by Russia",
                    "claim",
                    "c2",
                ),
                at(mini, "the bizarre claim", "loaded", "l1"),  # round an optional item
                at(mini, "A seething Peskov dismissed", "loaded", "l2"),  # matched through a longer accepted span
            ],
            {},
        ),
        (
            # a tag round a claim of the key's own too long to show whole: the words it starts and ends with
            "longer-than-a-long-claim",
            "parts-mini",
            [
                at(
                    parts,
                    "Decisions on such attacks are not made in Kyiv, but in Washington,’ a furious Peskov said",
                    "claim",
                    "c1",
                )
            ],
            {},
        ),
        (
            "claim-on-part-of-a-source",  # sources asked for: another label, with the edges
            "kremlin-mini",
            [at(mini, "UK", "claim", "c1"), at(mini, "Kremlin spokesperson", "claim", "c2")],
            {},
        ),
        (
            "claim-on-part-of-a-source-not-asked",  # sources not asked for: the tag comes off
            "kremlin-mini",
            [at(mini, "UK", "claim", "c1"), at(mini, "Kremlin spokesperson", "claim", "c2")],
            {"labels": ["claim"]},
        ),
        ("unicode-key", "unicode-mini", key_tags(uni, include_optional=True), {"difficulty": "challenge"}),
        (
            "unicode-near",
            "unicode-mini",
            [
                at(uni, "A furious spokesman", "loaded", "t1"),
                at(uni, "spokesman 👍🏽 insisted", "source", "t2"),
                at(uni, "officials ‘undoubtedly’ knew", "claim", "t3", source_ids=["t2"]),
                at(uni, "small", "loaded", "t4"),
                at(uni, "Kyiv", "claim", "t5"),
            ],
            {"difficulty": "challenge"},
        ),
    ]
    rng = random.Random(2026)
    for n in range(12):
        ex_name = "kremlin-mini" if n % 3 else "unicode-mini"
        ex = mini if ex_name == "kremlin-mini" else uni
        pool = key_tags(ex, include_optional=True)
        chosen = []
        for i, tag in enumerate(rng.sample(pool, rng.randint(0, len(pool)))):
            tag = widen(ex, tag, rng.randint(-1, 2), rng.randint(-1, 2), f"r{i}")
            if rng.random() < 0.2:
                tag.label = rng.choice(list(ex.labels))
                tag.attrs, tag.source_ids = {}, []
            chosen.append(tag)
        ids = [t.id for t in chosen if t.label == "source"]
        for tag in chosen:
            tag.source_ids = [s for s in tag.source_ids if s in ids] if tag.label == "claim" else []
        options = {"difficulty": rng.choice(["standard", "challenge"])}
        out.append((f"random-{n:02d}", ex_name, chosen, options))
    return out


def raw_with_bad_tags(ex) -> dict:
    """A hand-in as a student's file might hold it, with tags the loader must report and skip."""
    data = handin_of(ex, key_tags(ex)).to_json()
    first, claim = data["tags"][0], next(t for t in data["tags"] if t["label"] == "claim")
    loaded = next(t for t in data["tags"] if t["label"] == "loaded")
    data["tags"] += [
        dict(first),  # duplicate id
        {**first, "id": "orphan", "quote": "not these words"},  # quote mismatch
        {**first, "id": "far", "start": 10**6, "end": 10**6 + 4},  # out of range
        {**first, "id": "badlabel", "label": "opinion"},
        {**loaded, "id": "badattr", "attrs": {"technique": "shouting"}},
        {"id": "shape", "label": "claim"},  # no span at all
        {**claim, "id": "linked", "source_ids": [loaded["id"], "ghost"]},
    ]
    return data


def reports():
    """Each case's exercise, hand-in and the Python Report for it, by case name."""
    exercises = {name: load_exercise(path) for name, path in EXERCISES.items()}
    mini = exercises["kremlin-mini"]
    raw = raw_with_bad_tags(mini)
    raw["created"] = raw["updated"] = "2026-01-01T00:00:00Z"
    out = {"bad-tags-reported": ("kremlin-mini", {}, raw, check(parse_handin(raw, "handin.json", mini), mini))}
    for name, ex_name, tags, options in cases():
        ex = exercises[ex_name]
        handin = handin_of(ex, tags)
        handin.created = handin.updated = "2026-01-01T00:00:00Z"
        out[name] = (ex_name, options, handin.to_json(), check(handin, ex, **options))
    return out


def build() -> dict[str, dict]:
    return {
        name: {"name": name, "exercise": ex_name, "options": options, "handin": handin, "report": report.to_json()}
        for name, (ex_name, options, handin, report) in reports().items()
    }


# Made-up words joined by hyphens in every way the rule must tell apart: letters and digits of other scripts,
# a hyphen at a word's edge, two hyphens, a spaced dash, a quotation mark beside a hyphen.
WHOLE_WORDS_TEXT = (
    "A deal-breaker, said the 32-year-old ex-présidente of a Zürich-based co-op. Well-known re-runs: "
    "not a - spaced dash, nor -lead or trail- ones. Ωmega-٣ and x--y and “anti-war”-ish. end-"
)
WHOLE_WORDS_LONGEST = 14  # every span of up to this many code points is a case


def whole_words_vector() -> dict:
    """Article.whole_words on every short span of a made-up text: author mode's wholeWords (src/js/authoring/
    whole_words.js) must give the same words, so what an author saves is never refused by the loader."""
    article = Article.from_text(WHOLE_WORDS_TEXT)
    size = len(article.text)
    cases = [
        [start, end, *article.whole_words(start, end)]
        for start in range(size)
        for end in range(start + 1, min(size, start + WHOLE_WORDS_LONGEST) + 1)
    ]
    return {"text": article.text, "tokens": [[t.start, t.end] for t in article.tokens], "cases": cases}


def key_needs_vector() -> dict:
    """exercise_file.missing_attribute on an item of every label, default or the exercise's own (whose `loaded` has
    no technique and whose claim's kind is free text), with each attribute given, given as a list, empty or left
    out: author mode's missingAttribute (src/js/authoring/key_needs.js) must mark the items validate names."""
    default = {name: spec.attrs for name, spec in DEFAULT_LABELS.items()}
    own = {**default, "claim": {**default["claim"], "kind": FREE_TEXT}, "loaded": {"voice": ["reporter", "quoted"]}}
    cases = []
    for set_name, attrs_of in {"default": default, "own": own}.items():
        exercise = SimpleNamespace(labels={label: SimpleNamespace(attrs=attrs) for label, attrs in attrs_of.items()})
        for label, attrs in attrs_of.items():
            for name in sorted({*attrs, *KEY_NEEDS.values()}):
                for given in ({name: "fact"}, {name: ["fact"]}, {name: ""}, {}):
                    missing = missing_attribute(exercise, SimpleNamespace(label=label, attrs=given))
                    cases.append([set_name, label, given, missing[0] if missing else ""])
    return {"labels": {"default": default, "own": own}, "cases": cases}


# Texts an exercise.yml writer must quote, or may leave plain, in both languages (tests/test_yaml_text.py).
YAML_TEXTS = [
    *[
        "yes",
        "no",
        "Yes",
        "NO",
        "on",
        "off",
        "y",
        "n",
        "true",
        "False",
        "null",
        "Null",
        "~",
        "1e3",
        "0x1F",
        "0o17",
        "1_000",
        "12:30",
        ".5",
        "+.5",
        "-1",
        ".inf",
        "-.Inf",
        ".NaN",
    ],
    *["2023-05-04", "2001-12-14 21:59:43.10 -5", "<<", "=", "", " ", " lead", "trail ", "tab\there"],
    *["a: b", "ends:", "a #b", "#tag", "- item", "? what", ": x", "&anchor", "*alias", "!tag", "|", ">", "%", "@", "`"],
    *["'single'", '"double"', "line\nbreak", "nel\x85", "ls\u2028", "bom\ufeff", "nul\x00", "del\x7f", "rlo\u202e"],
    *["“fury” (L3) is the reporter's word", "Who says it?", "one, two", "[x]", "{x}", "a:b", "L5", "11,000 books"],
    *["40-year-old", "Dmitry Peskov", "back\\slash", "it's", "naïve café", "Ωmega ٣", "emoji 😀", "x  y", "lone\ud800"],
]
YAML_ALPHABET = "ab Z09.-+:#,?[]{}'\"“”‘’&*!|>%@`~_\t\n\\ä中😀\u00a0\u2028\x85\ufeff\u202e"


def yaml_text_vector() -> list[list[str]]:
    """[text, as written in a block, as written in a flow list] for the hand-picked texts and 400 drawn from
    an alphabet of YAML's special characters: keyfile.js's yamlText must write each the same."""
    draw = random.Random(5)
    drawn = ["".join(draw.choices(YAML_ALPHABET, k=draw.randint(0, 12))) for _ in range(400)]
    return [[text, yaml_text(text), yaml_text(text, flow=True)] for text in [*YAML_TEXTS, *drawn]]


def main() -> None:
    (HERE / "yaml-text.json").write_text(json.dumps(yaml_text_vector()) + "\n", encoding="utf-8")
    (HERE / "whole-words.json").write_text(
        json.dumps(whole_words_vector(), ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (HERE / "key-needs.json").write_text(json.dumps(key_needs_vector(), indent=0) + "\n", encoding="utf-8")
    (HERE / "exercises").mkdir(exist_ok=True)
    for name, path in EXERCISES.items():
        data = load_exercise(path).compile()
        (HERE / "exercises" / f"{name}.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
        )
    for old in HERE.glob("case-*.json"):
        old.unlink()
    for name, vector in build().items():
        (HERE / f"case-{name}.json").write_text(
            json.dumps(vector, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    print(f"wrote {len(EXERCISES)} exercises and {len(build())} cases to {HERE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
