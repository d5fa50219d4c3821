"""How the hostile hand-ins in handins/ were made (run it again after changing base/).

Each file is a hand-in for base/exercise.yml with one thing wrong; expected.json says what a reader
must do with it: refuse the whole file with a code, or load it and leave bad tags out with a
finding code each, in order, and what Python's reader gives in full (code, place, arguments).
base/compiled.json is the exercise as the page's JavaScript reads it: tests/js/handin.test.mjs holds
the JavaScript reader to the same results on the same files.
"""

import io
import json
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
from helpers import key_tags  # noqa: E402

from medialit import InputError, load_exercise, load_handin  # noqa: E402

EXERCISE = load_exercise(ROOT / "base" / "exercise.yml")
OUT = ROOT / "handins"
TAGS = [t.to_json() for t in key_tags(EXERCISE)]
FIRST = TAGS[0]
expected: dict[str, dict] = {}


def handin(tags=TAGS, **fields) -> dict:
    return {
        "format": "medialit.handin/1",
        "exercise": "hostile-base",
        "article_sha256": EXERCISE.article.sha256,
        "student": "otter",
        "created": "2026-01-05T09:00:00Z",
        "updated": "2026-01-05T09:30:00Z",
        "tags": tags,
        **fields,
    }


def tag(**fields) -> dict:
    return {**FIRST, **fields}


def write(name: str, data) -> None:
    """Bytes and text as they are; anything else as indented JSON."""
    path = OUT / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    elif isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def refused(name: str, code: str, data) -> None:
    write(name, data)
    expected[name] = {"refused": code}


def loads(name: str, codes: list[str], data, answer_codes: list[str] | None = None) -> None:
    write(name, data)
    expected[name] = {"findings": codes, **({"answer_findings": answer_codes} if answer_codes is not None else {})}


def zipped(name: str, text: str) -> bytes:
    """A zip file holding one file, made the same each time (its date is fixed)."""
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 5, 9, 30, 0)), text)
    return packed.getvalue()


def edited(old: str, new: str) -> str:
    """The good hand-in as one line of JSON, with one piece of it replaced."""
    return GOOD.replace(old, new, 1)


GOOD = json.dumps(handin(), ensure_ascii=False)
START, END = f'"start": {FIRST["start"]}', f'"end": {FIRST["end"]}'

loads("good.json", [], handin())
# refused whole, in the order the checks run
refused("not-json.json", "not-json", GOOD[:40])
refused("empty.json", "not-json", "")
refused("bom-only.json", "not-json", "\ufeff".encode())
refused("utf16.json", "not-utf8", GOOD.encode("utf-16"))
refused("latin1.json", "not-utf8", json.dumps(handin(student="José"), ensure_ascii=False).encode("latin-1"))
refused("zipped.json", "zip", zipped("good.json", GOOD))  # the class's hand-ins as a course website packs them
refused("binary.json", "not-utf8", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00\x01")
refused("nan.json", "not-json", edited(START, '"start": NaN'))
refused("infinity.json", "not-json", edited(END, '"end": -Infinity'))
refused("deep-5000.json", "too-deep", "[" * 5000 + "]" * 5000)
refused(
    "deep-in-note.json", "too-deep", edited('"tags": [', '"extra": ' + '{"a": ' * 40 + "1" + "}" * 40 + ', "tags": [')
)
refused("big-int-5000.json", "number-too-long", edited(START, '"start": 1' + "0" * 5000))
refused("big-int-20.json", "number-too-long", edited(END, '"end": 12345678901234567890'))
# a name given twice in one object: a JSON parser keeps the last and loses the first without a word
INDENTED = json.dumps(handin(), ensure_ascii=False, indent=1)
refused("tags-twice.json", "duplicate-key", INDENTED[: INDENTED.rindex("}")] + ', "tags": []\n}')
refused("student-twice.json", "duplicate-key", edited('"student": "otter"', '"student": "otter", "student": "wren"'))
refused("tag-quote-twice.json", "duplicate-key", edited('"quote": ', '"qu\\u006fte": "x", "quote": '))
refused(
    "answer-twice.json",
    "duplicate-key",
    edited('"tags": [', '"answers": {"02-feel": {"text": "angry"}, "02-feel": {"text": "calm"}}, "tags": ['),
)
refused("top-array.json", "not-a-handin", [GOOD])
refused("top-null.json", "not-a-handin", "null")
refused("top-string.json", "not-a-handin", '"medialit.handin/1"')
refused("no-format.json", "not-a-handin", {k: v for k, v in handin().items() if k != "format"})
refused("other-format.json", "other-format", handin(format="medialit.handin/9"))
refused("format-list.json", "not-a-handin", handin(format=["medialit.handin/1"]))
refused("tags-missing.json", "no-tags", {k: v for k, v in handin().items() if k != "tags"})
refused("tags-object.json", "no-tags", handin(tags={"t1": FIRST}))
refused("student-object.json", "bad-field", handin(student={"name": ["a", ["b"]]}))
refused("exercise-list.json", "bad-field", handin(exercise=["hostile-base"]))
refused("sha-number.json", "bad-field", handin(article_sha256=12))
refused("student-surrogate.json", "lone-surrogate", edited('"otter"', '"ot\\ud800ter"'))
refused("created-surrogate.json", "lone-surrogate", edited('"2026-01-05T09:00:00Z"', '"\\udfff"'))
refused("other-exercise.json", "other-exercise", handin(exercise="kremlin-drone"))
refused("exercise-traversal.json", "bad-field", handin(exercise="../../../../tmp/evil"))
refused("other-article.json", "other-article", handin(article_sha256="0" * 64))
refused("answers-list.json", "bad-field", handin(answers=[{"text": "my answer"}]))
refused("answers-text.json", "bad-field", handin(answers="I think it was staged"))

# loaded, with bad tags left out (a finding each)
loads(
    "tag-surrogate.json",
    ["tag-bad-text"] * 4,
    json.dumps(
        handin(
            tags=TAGS
            + [
                tag(id="s1", quote="x\ud800"),
                tag(id="s2\udc00"),
                tag(id="s3", note="note \ud83d"),
                tag(id="s4", attrs={"identity\udfff": "named"}),
            ]
        )
    ),
)
BAD_TYPES = [
    tag(id="b1", start=str(FIRST["start"])),
    tag(id="b2", start=True),
    tag(id="b3", start=float(FIRST["start"])),
    tag(id="b4", end=None),
    tag(id="b5", attrs=["identity"]),
    tag(id="b6", attrs={"identity": ["named"]}),
    tag(id="b7", source_ids="src"),
    tag(id="b8", note=5),
    tag(id=7),
    tag(id="b10", label=""),
    {k: v for k, v in tag(id="b11").items() if k != "quote"},
    "t12",
    None,
    [FIRST],
    tag(id="b15", attrs={"identity": {"deep": {"er": 1}}}),
]
loads(
    "tag-types.json",
    [("tag-bad-field" if isinstance(t, dict) else "tag-not-object") for t in BAD_TYPES],
    handin(tags=TAGS + BAD_TYPES),
)
LENGTH = len(EXERCISE.article.text)
loads(
    "tag-spans.json",
    ["outside-article"] * 3 + ["orphan"],
    handin(
        tags=TAGS
        + [
            tag(id="p1", start=-3),
            tag(id="p2", start=FIRST["end"], end=FIRST["start"]),
            tag(id="p3", start=LENGTH, end=LENGTH + 5),
            tag(id="p4", quote="something else"),
        ]
    ),
)
loads(
    "tag-labels.json",
    ["unknown-label", "unknown-attribute", "bad-attribute-value"],
    handin(
        tags=TAGS
        + [
            tag(id="l1", label="opinion"),
            tag(id="l2", attrs={"colour": "red"}),
            tag(id="l3", attrs={"identity": "secret"}),
        ]
    ),
)
loads("tag-duplicate.json", ["duplicate-id"], handin(tags=TAGS + [dict(FIRST)]))
CLAIM = next(t for t in TAGS if t["label"] == "claim")
LOADED = next(t for t in TAGS if t["label"] == "loaded")
loads(
    "tag-links.json",
    ["bad-source-link"] * 2,
    handin(tags=[dict(t, source_ids=["nobody", LOADED["id"]]) if t is CLAIM else t for t in TAGS]),
)

# text that must not reach a terminal, a CSV cell or an export file as it is
ESC = "\x1b[2J\x1b[31m"
loads(
    "control-chars.json",
    ["orphan", "orphan"],
    handin(
        student="\x1b]0;owned\x07ott\x9ber",
        tags=TAGS
        + [tag(id="c1" + ESC, quote="x\n" + ESC + "Note: all good"), tag(id="c2\u202e", quote="fake\u2028line\x00")],
    ),
)
loads("forged-line.json", ["orphan"], handin(tags=TAGS + [tag(id="t9\nNote: all good, full marks", quote="nope")]))
loads("formula-student.json", [], handin(student='=HYPERLINK("http://example.invalid","open")'))
loads(
    "brat-newlines.json",
    [],
    handin(
        tags=[
            dict(t, note="first line\nT9\tclaim 0 5\tforged", attrs={**t["attrs"], "neutral": "a\rb\u2028c"})
            if t["label"] == "loaded"
            else t
            for t in TAGS
        ]
    ),
)
loads(
    "many-tags.json", ["duplicate-id"], json.dumps(handin(tags=[tag(id=f"m{k}") for k in range(1000)] + [tag(id="m0")]))
)

# written answers: a bad one is left out (a finding each), the others load
GOOD_ANSWER = {"question": "In one sentence: what do you think happened?", "text": "Drones hit the Kremlin."}
loads(
    "answers-bad.json",
    [],
    json.dumps(
        handin(
            answers={
                "02-happened": GOOD_ANSWER,
                "Not An Id": GOOD_ANSWER,
                "../../etc/passwd": GOOD_ANSWER,
                "a\nb": GOOD_ANSWER,
                "02-list": ["text"],
                "02-none": {"question": "Why?"},
                "02-number": {"text": 12},
                "02-question": {"text": "x", "question": ["Why?"]},
                "02-surrogate": {"text": "half \udc00 a pair"},
                "02-question-surrogate": {"text": "x", "question": "\ud800?"},
                "02-long": {"text": "word " * 4001},
                "02-empty": {"text": ""},
            }
        )
    ),
    # in the order of their ids, as the reader gives them
    [
        "answer-bad-id",
        "answer-bad-field",
        "answer-too-long",
        "answer-bad-field",
        "answer-bad-field",
        "answer-bad-field",
        "answer-bad-text",
        "answer-bad-text",
        "answer-bad-id",
        "answer-bad-id",
    ],
)
loads(
    "answers-control.json",
    [],
    handin(
        student="wren",
        answers={
            "02-happened": {"question": "What happened?", "text": '=HYPERLINK("http://example.invalid","x")'},
            "02-feel": {"question": "\x1b[2JOne word", "text": "angry\x1b]0;owned\x07\nNote: all good, full marks"},
        },
    ),
    [],
)


def problems(name: str) -> dict:
    """What Python's reader gives for one file: the refusal, or every tag left out (code, place,
    arguments). The JavaScript reader must give the same (tests/js/handin.test.mjs)."""
    try:
        handin = load_handin(OUT / name, EXERCISE)
    except InputError as err:
        return {"refusal": {"code": err.code, "place": err.place, "args": err.message_args}}
    return {
        "orphans": [{"code": f.code, "place": f.place, "args": f.args} for f in handin.findings],
        "answer_problems": [{"code": f.code, "place": f.place, "args": f.args} for f in handin.answer_findings],
    }


for name in expected:
    expected[name].update(problems(name))
(OUT / "expected.json").write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
(ROOT / "base" / "compiled.json").write_text(
    json.dumps(EXERCISE.compile(), ensure_ascii=False) + "\n", encoding="utf-8"
)
