"""How the hostile hand-ins in handins/ were made (run it again after changing base/).

Each file is a hand-in for base/exercise.yml with one thing wrong; expected.json says what the
reader must do with it: refuse the whole file with a code, or load it and leave bad tags out with
a finding code each. The JavaScript reader can be held to the same codes with the same files.
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
from helpers import key_tags  # noqa: E402
from medialit import load_exercise  # noqa: E402

ex = load_exercise(ROOT / "base/exercise.yml")
OUT = ROOT / "handins"
text = ex.article.text
SHA = ex.article.sha256
tags = [t.to_json() for t in key_tags(ex)]
def handin(tags=tags, **over):
    d = {"format": "medialit.handin/1", "exercise": "hostile-base", "article_sha256": SHA, "student": "otter",
         "created": "2026-01-05T09:00:00Z", "updated": "2026-01-05T09:30:00Z", "tags": tags}
    d.update(over)
    return d
def w(name, data, raw=False):
    p = OUT / name
    if isinstance(data, bytes): p.write_bytes(data)
    elif raw: p.write_text(data, encoding="utf-8")
    else: p.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
expected = {}
def refused(name, code, data, raw=False):
    w(name, data, raw); expected[name] = {"refused": code}
def findings(name, codes, data, raw=False):
    w(name, data, raw); expected[name] = {"findings": codes}
t0 = tags[0]
good = json.dumps(handin(), ensure_ascii=False)
w("good.json", handin()); expected["good.json"] = {"findings": []}
refused("not-json.json", "not-json", good[:40], raw=True)
refused("empty.json", "not-json", "", raw=True)
refused("bom-only.json", "not-json", "\ufeff".encode("utf-8"))
refused("utf16.json", "not-utf8", good.encode("utf-16"))
refused("latin1.json", "not-utf8", json.dumps(handin(student="José"), ensure_ascii=False).encode("latin-1"))
refused("binary.json", "not-utf8", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00\x01")
refused("nan.json", "not-json", good.replace(f'"start": {t0["start"]}', '"start": NaN', 1), raw=True)
refused("infinity.json", "not-json", good.replace(f'"end": {t0["end"]}', '"end": -Infinity', 1), raw=True)
refused("deep-5000.json", "too-deep", "[" * 5000 + "]" * 5000, raw=True)
refused("deep-in-note.json", "too-deep", good.replace('"tags": [', '"extra": ' + "{\"a\": " * 40 + "1" + "}" * 40 + ', "tags": [', 1), raw=True)
refused("big-int-5000.json", "number-too-long", good.replace(f'"start": {t0["start"]}', '"start": 1' + "0" * 5000, 1), raw=True)
refused("big-int-20.json", "number-too-long", good.replace(f'"end": {t0["end"]}', '"end": 12345678901234567890', 1), raw=True)
refused("top-array.json", "not-a-handin", [good], )
refused("top-null.json", "not-a-handin", "null", raw=True)
refused("top-string.json", "not-a-handin", '"medialit.handin/1"', raw=True)
d = handin(); del d["format"]; refused("no-format.json", "not-a-handin", d)
refused("other-format.json", "other-format", handin(format="medialit.handin/9"))
refused("format-list.json", "not-a-handin", handin(format=["medialit.handin/1"]))
d = handin(); del d["tags"]; refused("tags-missing.json", "no-tags", d)
refused("tags-object.json", "no-tags", handin(tags={"t1": t0}))
refused("student-object.json", "bad-field", handin(student={"name": ["a", ["b"]]}))
refused("exercise-list.json", "bad-field", handin(exercise=["hostile-base"]))
refused("sha-number.json", "bad-field", handin(article_sha256=12))
refused("student-surrogate.json", "lone-surrogate", good.replace('"otter"', '"ot\\ud800ter"'), raw=True)
refused("created-surrogate.json", "lone-surrogate", good.replace('"2026-01-05T09:00:00Z"', '"\\udfff"'), raw=True)
refused("other-exercise.json", "other-exercise", handin(exercise="kremlin-drone"))
refused("exercise-traversal.json", "other-exercise", handin(exercise="../../../../tmp/evil"))
refused("other-article.json", "other-article", handin(article_sha256="0" * 64))
# bad tags: the file loads, the tags are left out with a finding each
def tag(**over):
    t = dict(t0); t.update(over); return t
findings("tag-surrogate.json", ["tag-bad-text"] * 4, json.dumps(handin(tags=tags + [
    tag(id="s1", quote="x\ud800"), tag(id="s2\udc00"), tag(id="s3", note="note \ud83d"), tag(id="s4", attrs={"identity\udfff": "named"})]), ensure_ascii=True), raw=True)
bad_types = [tag(id="b1", start=str(t0["start"])), tag(id="b2", start=True), tag(id="b3", start=float(t0["start"])),
             tag(id="b4", end=None), tag(id="b5", attrs=["identity"]), tag(id="b6", attrs={"identity": ["named"]}),
             tag(id="b7", source_ids="src"), tag(id="b8", note=5), tag(id=7), tag(id="b10", label=""),
             {k: v for k, v in tag(id="b11").items() if k != "quote"}, "t12", None, [t0], tag(id="b15", attrs={"identity": {"deep": {"er": 1}}})]
findings("tag-types.json", ["tag-bad-field"] * len(bad_types), handin(tags=tags + bad_types))
n = len(text)
findings("tag-spans.json", ["outside-article", "outside-article", "outside-article", "orphan"], handin(tags=tags + [
    tag(id="p1", start=-3), tag(id="p2", start=t0["end"], end=t0["start"]), tag(id="p3", start=n, end=n + 5),
    tag(id="p4", quote="something else")]))
findings("tag-labels.json", ["unknown-label", "unknown-attribute", "bad-attribute-value"], handin(tags=tags + [
    tag(id="l1", label="opinion"), tag(id="l2", attrs={"colour": "red"}), tag(id="l3", attrs={"identity": "secret"})]))
findings("tag-duplicate.json", ["duplicate-id"], handin(tags=tags + [dict(t0)]))
claim = next(t for t in tags if t["label"] == "claim"); loaded = next(t for t in tags if t["label"] == "loaded")
findings("tag-links.json", ["bad-source-link", "bad-source-link"], handin(tags=[dict(t, source_ids=["nobody", loaded["id"]]) if t is claim else t for t in tags]))
# text that must not reach a terminal raw
esc = "\x1b[2J\x1b[31m"
findings("control-chars.json", ["orphan", "orphan"], handin(student="\x1b]0;owned\x07ott\x9ber", tags=tags + [
    tag(id="c1" + esc, quote="x\n" + esc + "Note: all good"), tag(id="c2\u202e", quote="fake\u2028line\x00")]))
findings("forged-line.json", ["orphan"], handin(tags=tags + [tag(id="t9\nNote: all good, full marks", quote="nope")]))
findings("formula-student.json", [], handin(student='=HYPERLINK("http://example.invalid","open")'))
findings("brat-newlines.json", [], handin(tags=[dict(t, note="first line\nT9\tclaim 0 5\tforged", attrs={**t["attrs"], "neutral": "a\rb\u2028c"}) if t["label"] == "loaded" else t for t in tags]))
many = [tag(id=f"m{k}") for k in range(1000)]
findings("many-tags.json", ["duplicate-id"], json.dumps(handin(tags=many + [tag(id="m0")])), raw=True)
(OUT / "expected.json").write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
