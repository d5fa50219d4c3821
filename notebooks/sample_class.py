"""Make a sample class of hand-in files from an exercise's key, with the mistakes real students make.

Deterministic for a given seed. Each student finds some key items (harder ones less often), draws
some boundaries too wide or too narrow, blames quoted words on the reporter, tags distractors,
adds extra tags and now and then tags a whole sentence; some write notes on their tags and answer
some of the book's questions. A few broken files are added on request (not JSON, another exercise,
another article version, a tag whose quote does not match).

    python notebooks/sample_class.py --exercise book/exercises/kremlin-drone/exercise.yml \
        --out notebooks/sample-class --students 24 --seed 7
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from medialit import load_exercise
from medialit.cli.options import FullOptionParser

ANIMALS = ["otter", "heron", "lynx", "badger", "wren", "newt", "fox", "hare", "owl", "stoat", "finch", "vole"]
# Written answers a student might give to three of the book's questions (ids as in the chapters). The first
# reactions may be wrong; the look-back answers cite the article correctly, each cited line holding the words
# quoted before it (the mistakes this file makes on purpose are in the tags).
ANSWERS = {
    "02-what-happened": (
        "In one sentence: what do you think happened?",
        [
            "Ukraine tried to kill Putin with two drones.",
            "Russia says Ukraine and the US attacked the Kremlin with drones, but I don't know if it's true.",
            "Somebody flew drones at the Kremlin and Russia blamed Ukraine.",
            "Maybe Russia did it itself to have an excuse.",
            "There was an attack on the Kremlin.",
        ],
    ),
    "02-one-word": (
        "In one word: how does the top of the page make you feel?",
        ["Scared", "Confused", "Curious", "Shocked", "Suspicious", "Worried"],
    ),
    "08-look-back-happened": (
        'Rewrite your one-sentence answer to "What do you think happened?" so that it says who '
        "claims what, with line numbers.",
        [
            'Russia says the drone strike was "masterminded" (L8) by the US, and Zelensky "denied Russia’s claims" '
            "(L18).",
            'Moscow says two drones were "disabled" (L74); UK officials think it was a "false flag" (L6).',
            'Peskov says the US was "undoubtedly" (L12) behind it, but he gives no evidence.',
            'Something flew "towards the Kremlin" (L66). Who sent it is only claimed: the Kremlin "blamed Ukraine" '
            "(L10).",
        ],
    ),
}
NOTES = [
    "The reporter chose this word, not a speaker.",
    "Quoted: these are Peskov's words.",
    "No source is given for this.",
    "I was not sure about the label here.",
]


def _pick(value):
    return value[0] if isinstance(value, list) else value


def _widen(article, start: int, end: int, rng: random.Random) -> tuple[int, int]:
    """Grow a span by a few words, or to its whole sentence (over-tagging)."""
    if rng.random() < 0.3:
        sentence = next((s for s in article.sentences if s.start <= start < s.end), None)
        if sentence is not None:
            return sentence.start, max(end, sentence.end)
    tokens = article.tokens
    first = article.token_at(start)
    last = article.token_at(end - 1)
    first = max(0, first - rng.randint(1, 3))
    last = min(len(tokens) - 1, last + rng.randint(1, 3))
    return tokens[first].start, tokens[last].end


def _narrow(article, start: int, end: int) -> tuple[int, int]:
    inside = article.tokens_in(start, end)
    if len(inside) < 3:
        return start, end
    keep = inside[len(inside) // 3 : len(inside) - len(inside) // 3] or inside
    return keep[0].start, keep[-1].end


def _attrs(item, exercise, rng: random.Random, careless: float) -> dict:
    attrs = {}
    spec = exercise.labels[item.label].attrs
    for name, value in item.attrs.items():
        if spec.get(name) == "text":
            attrs[name] = "a plainer word" if rng.random() < 0.5 else ""
            continue
        right = _pick(value)
        if name == "voice" and right == "quoted" and item.label == "loaded" and rng.random() < 0.35:
            attrs[name] = "reporter"  # the classic mistake: a speaker's word blamed on the paper
        elif rng.random() < careless:
            attrs[name] = rng.choice(spec[name])
        else:
            attrs[name] = right
    return attrs


def make_student(exercise, n: int, rng: random.Random) -> dict:
    """One hand-in as a dict (`medialit.handin/1`)."""
    article = exercise.article
    skill = rng.betavariate(5, 3)
    careless = 0.25 * (1 - skill)
    tags, ids = [], {}
    for item in exercise.key:
        chance = skill * (0.5 if item.optional else 1.0) * (0.8 if item.label == "source" else 1.0)
        if rng.random() > chance:
            continue
        start, end = item.start, item.end
        roll = rng.random()
        if roll < 0.12:
            start, end = _widen(article, start, end, rng)
        elif roll < 0.2:
            start, end = _narrow(article, start, end)
        label = item.label
        if rng.random() < 0.04:
            label = rng.choice([name for name in exercise.labels if name != item.label] or [label])
        tag_id = f"t{len(tags) + 1}"
        ids[item.id] = tag_id
        tags.append(
            {
                "id": tag_id,
                "label": label,
                "start": start,
                "end": end,
                "quote": article.text[start:end],
                "attrs": _attrs(item, exercise, rng, careless) if label == item.label else {},
                "source_ids": [],
                "note": "",
                "_key": item,
            }
        )
    for tag in tags:
        item = tag.pop("_key")
        if tag["label"] == "claim" and item.source_ids:
            tag["source_ids"] = [
                ids[s]
                for s in item.source_ids
                if s in ids and any(t["id"] == ids[s] and t["label"] == "source" for t in tags)
            ]
    for dis in exercise.distractors:
        if rng.random() < 0.3 * (1.2 - skill):
            tags.append(
                {
                    "id": f"t{len(tags) + 1}",
                    "label": rng.choice(dis.labels),
                    "start": dis.start,
                    "end": dis.end,
                    "quote": dis.quote,
                    "attrs": {},
                    "source_ids": [],
                    "note": "",
                }
            )
    words = [t for t in article.tokens if t.text.isalpha() and len(t.text) > 5]
    for _ in range(rng.randint(0, 4)):
        tok = rng.choice(words)
        tags.append(
            {
                "id": f"t{len(tags) + 1}",
                "label": rng.choice(list(exercise.labels)),
                "start": tok.start,
                "end": tok.end,
                "quote": tok.text,
                "attrs": {},
                "source_ids": [],
                "note": "<b>I think</b> this is one" if rng.random() < 0.1 else "",
            }
        )
    written = random.Random(f"answers-{n}")  # its own stream, so that the tags stay as they were
    for tag in tags:
        if not tag["note"] and written.random() < 0.08:
            tag["note"] = written.choice(NOTES)
    answers = {
        answer_id: {"question": question, "text": written.choice(texts)}
        for answer_id, (question, texts) in ANSWERS.items()
        if written.random() < 0.7
    }
    return {
        "format": "medialit.handin/1",
        "exercise": exercise.id,
        "article_sha256": article.sha256,
        "student": f"{ANIMALS[n % len(ANIMALS)]}-{n + 1:02d}",
        "created": "2026-11-25T09:00:00Z",
        "updated": "2026-11-25T09:40:00Z",
        "tags": tags,
        **({"answers": answers} if answers else {}),
    }


def make_class(exercise, students: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    return [make_student(exercise, n, rng) for n in range(students)]


def broken_files(exercise, good: dict) -> dict[str, str]:
    """File name -> contents of the kinds of bad file a teacher really gets."""
    other_exercise = {**good, "exercise": "another-exercise", "student": "moved-in"}
    other_version = {**good, "article_sha256": "0" * 64, "student": "old-copy"}
    orphan = json.loads(json.dumps(good))
    orphan["student"] = "edited-by-hand"
    if orphan["tags"]:
        orphan["tags"][0]["quote"] = orphan["tags"][0]["quote"] + " (edited)"
    return {
        "notes.txt": "I did the exercise on paper, sorry!\n",
        "broken.json": '{"format": "medialit.handin/1", "tags": [',
        "wrong-exercise.json": json.dumps(other_exercise, ensure_ascii=False),
        "old-article.json": json.dumps(other_version, ensure_ascii=False),
        "orphan-tag.json": json.dumps(orphan, ensure_ascii=False),
    }


def write_class(exercise, folder: str | Path, students: int, seed: int, broken: bool = True) -> list[Path]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    handins = make_class(exercise, students, seed)
    for data in handins:
        path = folder / f"{data['student']}.json"
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(path)
    if broken and handins:
        for name, text in broken_files(exercise, handins[0]).items():
            (folder / name).write_text(text, encoding="utf-8")
            written.append(folder / name)
    return written


def build_parser() -> FullOptionParser:
    """The script's options, typed in full as medialit's are: "--stu" is refused with the option meant, not taken
    for --students."""
    parser = FullOptionParser(prog="sample_class.py", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--exercise",
        default="book/exercises/kremlin-drone/exercise.yml",
        help="the exercise.yml whose key the class tags",
    )
    parser.add_argument("--out", default="notebooks/sample-class", help="the folder the hand-in files are written to")
    parser.add_argument("--students", type=int, default=24, help="how many students' hand-ins to make")
    parser.add_argument(
        "--seed", type=int, default=7, help="the seed of the made-up mistakes: the same seed, the same class"
    )
    parser.add_argument("--no-broken", action="store_true", help="leave out the broken files")
    return parser


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    written = write_class(load_exercise(args.exercise), args.out, args.students, args.seed, not args.no_broken)
    print(f"wrote {len(written)} files to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
