"""report.html: the class summary as one page a teacher opens in any browser (no script, prints well).

Every string that came from a student or a file is escaped, with control characters written out.
The class-report page in the book (src/js/classroom/) shows the same sections from the same summary.
"""

from __future__ import annotations

import html
import re
from importlib import resources
from typing import NamedTuple

from ..core.contract import MISCONCEPTIONS
from ..core.errors import visible
from ..core.messages import Message, percent
from . import tables
from .heat_words import measured_tokens, word_count, written_words
from .spreadsheet_ids import changed_ids, changed_ids_words

COLOURS = {"claim": (31, 119, 180), "source": (44, 160, 44), "loaded": (214, 39, 40), "cue": (148, 103, 189)}
OTHER_COLOUR = (90, 90, 90)
_MARKUP = re.compile("[&<>\"']")  # what html.escape(quote=True) changes
LONG = 30  # characters: a cell with more text than this wraps (report_view.js's LONG)
_SHARE = re.compile(r" (?=\()")  # where a count's share starts: "7 of 24 (29%)"
# the class-report page's colours, light and dark (the system's), shared with its style sheet
COLOURS_CSS = resources.files("medialit.data").joinpath("class_report_colours.css").read_text(encoding="utf-8")
# the heat map is a light sheet in the dark too, its "Show the counts" box drawn light (drawn dark, unticked, it
# looks ticked); a row's first cell, short, is what the row is about (a pseudonym, a file, a line) and never wraps:
# a laptop's table broke "Fox-River" after its hyphen; a count ("80 of 137") never wraps either, a cell of pieces
# breaking only between them ("232 of 244" over "(95%)") and only in a box narrower than a laptop's (as on the
# page). The title, as big as a laptop's, took 40% of a phone's first screen. On paper nothing is there to click: no
# disclosure triangle, no "Show the counts" box, and nothing scrolls: tables in smaller letters (the table of students
# of the whole text was 60 px wider than A4), no row split over two pages, no heading, student's name or heat map's key
# left at the foot of a page away from what it heads. A first cell too long for one line (a pseudonym of 60 letters)
# wraps between its words in a column at most 10em wide (7em on a phone, where it took most of the table's width
# from the figures), or it made the table of students wider than a laptop's screen; it breaks inside a word only
# where the word is wider than that (a column free to be narrower than its longest word broke a name mid-word on A4).
# A table wider than its box shows a shadow at the edge it scrolls to, as on the page (class_report.css).
# The table of each student's misconceptions keeps the student's name in view where it scrolls (a phone): the cells
# have borders of their own, as a collapsed border stays with the table and the counts showed through the name's.
# Its headings are in smaller letters than its figures: each column as wide as its heading's longest word, it was
# wider than a laptop's book column at its narrowest (as on the page, class_report.css).
# Above it, a key gives each of its short headings its whole sentence (a title shows under a mouse only), beside it,
# or under it on a phone, where it is folded under a summary a tap opens (it took a screen and a half before the
# table); open on a wider screen and on paper, where the headings' dotted underline (more under a mouse) is not
# printed. On paper every table's headings are in smaller letters, as the page prints them: the table of students,
# each column as narrow as its longest word, was 2 px wider than its box, its heading "Completion" the widest.
# The table of notes wraps its words and notes (its fourth and fifth columns) at any length, each at least 12em wide:
# the note, squeezed beside the words, was 146 px wide on a laptop.
STYLE = """
:root{color-scheme:light dark}@media print{:root{color-scheme:light}}
body{font-family:system-ui,sans-serif;max-width:62rem;margin:auto;padding:1rem;line-height:1.5;color:var(--mcr-text);
background:var(--mcr-page);overflow-wrap:break-word}h1{font-size:clamp(1.4rem,1rem + 2.5vw,2rem);line-height:1.25;
margin:.5rem 0 1rem}.pieces span{white-space:nowrap}.scroll{container-type:inline-size}
@container (min-width:48rem){td.pieces{white-space:nowrap}}
.scroll{overflow-x:auto;margin:.5rem 0 1.5rem;background:linear-gradient(to right,var(--mcr-page) 40%,transparent)
left/2.5rem 100% no-repeat local,linear-gradient(to left,var(--mcr-page) 40%,transparent) right/2.5rem 100% no-repeat
local,radial-gradient(farthest-side at 0 50%,var(--mcr-shadow),transparent) left/1rem 100% no-repeat scroll,
radial-gradient(farthest-side at 100% 50%,var(--mcr-shadow),transparent) right/1rem 100% no-repeat scroll}
.scroll:focus-visible{outline:3px solid var(--mcr-focus);outline-offset:2px}
table{border-collapse:collapse}td,th{border:1px solid var(--mcr-border);padding:.2rem .4rem;text-align:left;
vertical-align:top}th{background:var(--mcr-surface)}td:first-child:not(.long){white-space:nowrap}
@media (max-width:40rem){td:not(.long){white-space:nowrap}td.long:not(:first-child){min-width:70vw}}
td.long .name{display:block;max-width:10em;overflow-wrap:break-word}
.per-student{border-collapse:separate;border-spacing:0}.per-student :is(th,td){border-width:0 1px 1px 0;
padding-inline:.25rem}.per-student :is(th,td):first-child{position:sticky;left:0;background:var(--mcr-page);
border-left-width:1px}.per-student th{border-top-width:1px;font-size:.85em}
.per-student th:first-child{background:var(--mcr-surface)}abbr[title]{text-decoration:underline dotted;cursor:help}
.key p{margin:.5rem 0 .25rem}.key summary{margin:.25rem 0;cursor:pointer}@supports selector(::details-content){
@media (min-width:40rem),print{.key::details-content{content-visibility:visible}.key summary{display:none}}}
.key dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .75rem;margin:0 0 .5rem}.key dt{font-weight:600}
.key dd{margin:0}
@media (max-width:40rem){.key dl{display:block}.key dd{margin:0 0 .3rem 1rem}}
@media (max-width:40rem){td.long .name{max-width:7em}}
.notes td:nth-child(n+4){white-space:normal;min-width:min(12em,70vw)}
.who .id{display:block;font-size:.9em;color:var(--mcr-muted);white-space:normal}
.article p{margin:.4rem 0}.lineno{color:var(--mcr-muted);font-size:.8em;margin-right:.4rem}
.heat{padding:.5rem 1rem;color:var(--mcr-sheet-text);background:var(--mcr-sheet);border-radius:6px;color-scheme:light}
.heat .lineno{color:var(--mcr-sheet-muted)}.heat .k{outline:2px solid currentColor;outline-offset:1px;border-radius:2px;
margin:0 3px}.legend .swatch{display:inline-block;padding:0 .5rem;margin-right:.3rem;border:1px solid var(--mcr-border)}
.answer{white-space:pre-wrap;margin:.2rem 0 .8rem 1rem}
@media print{.heat span{-webkit-print-color-adjust:exact;print-color-adjust:exact}.scroll{overflow:visible}
table{font-size:.85em}th{font-size:.85em}abbr[title]{text-decoration:none}tr{break-inside:avoid}
:is(h1,h2,h3,summary,dt,.legend,.key p,p:has(+.answer)){break-after:avoid}
details::details-content{content-visibility:visible}summary{list-style:none;font-weight:600}
summary::-webkit-details-marker{display:none}.show-n,.show-n+label,.tick{display:none}}
"""


# The heat map's counts, hidden until "Show the counts" is ticked: with the map, so that it works wherever
# heat_html is shown (report.html, a notebook's output), as class_report.css does on the page; a word joiner
# keeps a count on its word's line after punctuation (residence,[1]).
COUNTS_STYLE = (
    ".show-n{margin:0 .3rem 0 0}.heat .n{display:none;margin-left:.1em;font-size:.8em;font-weight:600}"
    '.heat .n::before{content:"\\2060"}.show-n:checked~.text .n{display:inline}'
)


def _e(value) -> str:
    """Text for the page: markup escaped, and control characters written out (`\\u001b`) so that a
    crafted pseudonym or quote shows what it holds."""
    text = visible(str(value), keep="\t\n")
    return html.escape(text, quote=True) if _MARKUP.search(text) else text


class WithId(NamedTuple):
    """A student's pseudonym with their student ID under it (a roster's), in one cell, as on the class-report page:
    a column of its own for the ID made the table of students scroll sideways on a laptop."""

    student: str
    student_id: str


# the cells that are not plain text, and how each opens
_OPENS = {tuple: '<td class="pieces">', WithId: '<td class="who">'}


def pieces(text: str) -> tuple[str, ...]:
    """A count and its share as the pieces of a cell, ("7 of 24", "(29%)"), as report_view.js's countAndShare."""
    return tuple(_SHARE.split(text))


def _row(row: list) -> str:
    """One table row: blank for nothing, yes or no, numbers and text; a cell of long text (a quote, a reason)
    keeps a readable width on a phone, the others stay on one line on a phone, as on the class-report page; a
    tuple is a cell of pieces (a count, "13 of 18", and its share), each on one line everywhere; a WithId is a
    pseudonym with a student ID under it.
    A big class has thousands of rows, so each row's text is looked at whole, and only one that needs it is
    escaped cell by cell."""
    cells = [
        "" if v is None else ("yes" if v else "no") if v is True or v is False else v if type(v) in _OPENS else str(v)
        for v in row
    ]
    opens = [
        '<td class="who long">'
        if type(cell) is WithId and len(cell.student) > LONG
        else _OPENS.get(type(cell)) or ('<td class="long">' if len(cell) > LONG else "<td>")
        for cell in cells
    ]
    whole = "".join(cell if type(cell) is str else " ".join(cell) for cell in cells)
    escape = _e if not whole.isprintable() or _MARKUP.search(whole) else str
    cells = [
        escape(cell)
        if type(cell) is str
        else f'<span class="name">{escape(cell.student)}</span> <span class="id">{escape(cell.student_id)}</span>'
        if type(cell) is WithId
        else " ".join(f"<span>{escape(piece)}</span>" for piece in cell)
        for cell in cells
    ]
    if opens[0] == '<td class="long">':  # a row's first cell is what it is about: a name, wrapped as one (STYLE)
        cells[0] = f'<span class="name">{cells[0]}</span>'
    return f"<tr>{'</td>'.join(map(''.join, zip(opens, cells)))}</td></tr>"


class Abbr(NamedTuple):
    """A column's heading in a few words, with what it means in full as its title (a misconception's)."""

    text: str
    title: str


def _table(label: str, header: list, rows: list[list], empty: str = "None.", kind: str = "") -> str:
    """A table in a box of its own that scrolls sideways when the table is wider than the screen (a phone),
    so that the page keeps the screen's width; the keyboard can reach the box and scroll it (`label` names
    it for a screen reader). A heading is text or an Abbr; `kind` is a class of the table's own (its layout)."""
    if not rows:
        return f"<p>{_e(empty)}</p>"
    head = "".join(
        f'<th scope="col"><abbr title="{_e(h.title)}">{_e(h.text)}</abbr></th>'
        if type(h) is Abbr
        else f'<th scope="col">{_e(h)}</th>'
        for h in header
    )
    table = f'<table class="{kind}">' if kind else "<table>"
    return (
        f'<div class="scroll" tabindex="0" role="region" aria-label="{_e(label)}">{table}<thead><tr>{head}</tr>'
        f"</thead><tbody>{''.join(map(_row, rows))}</tbody></table></div>"
    )


def shade(label: str, share: float) -> tuple[str, str]:
    """Background and text colour for a word `share` (0..1) of the class tagged: the label's colour
    mixed into white, and black or white text, whichever reads better on it."""
    colour = COLOURS.get(label, OTHER_COLOUR)
    alpha = 0.12 + 0.78 * share
    mixed = [round(255 * (1 - alpha) + c * alpha) for c in colour]

    def linear(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    lum = 0.2126 * linear(mixed[0]) + 0.7152 * linear(mixed[1]) + 0.0722 * linear(mixed[2])
    text = "#000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#fff"
    return f"rgb({mixed[0]},{mixed[1]},{mixed[2]})", text


def heat_html(report, label: str) -> str:
    """The article (the lines in scope) with each word shaded by how many students tagged it with
    `label`, and the key's items of that label outlined."""
    summary, article = report.summary, report.exercise.article
    counts, n = summary["heat"][label], max(len(summary["students"]), 1)
    spec = report.exercise.labels[label]
    in_key = set()
    for item in summary["items"]:
        if item["label"] == label:
            key = report.exercise.item(item["key_id"])
            in_key.update(t.i for t in article.tokens_in(key.start, key.end))
    tokens = measured_tokens(article.tokens, summary["lines"])
    paragraphs: list[list[str]] = []
    para = None
    shown = count_places(counts, tokens)
    for k, tok in enumerate(tokens):
        if tok.para != para:
            para = tok.para
            paragraphs.append([f'<span class="lineno">L{tok.line}</span>'])
        count = counts[tok.i]
        word = _e(tok.text)
        if count:
            background, colour = shade(label, count / n)
            word = (
                f'<span style="background:{background};color:{colour}" title="{_e(spec.title)}: {count} of '
                f'{len(summary["students"])} students">{word}</span>'
            )
        opens = tok.i in in_key and (k == 0 or tokens[k - 1].i not in in_key or tokens[k - 1].para != para)
        closes = tok.i in in_key and (
            k + 1 == len(tokens) or tokens[k + 1].i not in in_key or tokens[k + 1].para != para
        )
        if k in shown:
            word += f'<span class="n">[{shown[k]}]</span>'
        piece = ('<span class="k">' if opens else "") + word + ("</span>" if closes else "")
        paragraphs[-1].append(piece + _e(tok.ws.replace("\n", " ")))
    legend = " ".join(
        f'<span class="swatch" style="background:{shade(label, s)[0]};color:{shade(label, s)[1]}">{percent(s)}</span>'
        for s in (0.1, 0.5, 1.0)
    )
    body = "".join(f"<p>{''.join(words)}</p>" for words in paragraphs)
    show = f"show-n-{label}"
    return (
        f'<section class="heat article"><style>{COUNTS_STYLE}</style><h3>{_e(spec.title)}</h3>'
        f'<p class="legend">Darker: more students tagged the word as {_e(spec.noun_or_title)}. '
        f'<span class="tick">{tables.COUNTS_WORDS}</span> Outlined: the words the key has. '
        f"{tables.SHADES_WORDS} {legend}</p>"
        f'<input type="checkbox" class="show-n" id="{show}"><label for="{show}">{tables.SHOW_COUNTS}</label>'
        f'<div class="text">{body}</div></section>'
    )


def count_places(counts: list[int], tokens: list) -> dict[int, int]:
    """Where the heat map shows a count when the teacher asks, and which (`tokens` are the map's, in order): after
    each run of words in one paragraph that the same number of students tagged, so that no count splits a word
    (despot[1]’s, ‘[6]assassination). A word and its count are heat_words' (heat.csv's rows); a word of punctuation
    alone (a dash between spaces) neither ends a run nor breaks one. (heat_view.js's countPlaces.)"""
    places: dict[int, int] = {}
    words = [  # (the word's last position in `tokens`, its count)
        (word[-1], count) for word in written_words(tokens) if (count := word_count(counts, tokens, word)) is not None
    ]
    for n, (k, count) in enumerate(words):
        after = words[n + 1] if n + 1 < len(words) else None
        if count and not (after and tokens[after[0]].para == tokens[k].para and after[1] == count):
            places[k] = count
    return places


def found_by(found: int, students: int) -> Message:
    """How many of the class's students found an item or made a mistake, with the share: `11 of 25 (44%)`, as
    the class-report page has it."""
    return Message("class-found-by", {"found": found, "students": students, "share": found / students})


def report_html(report) -> str:
    summary, words = report.summary, report.words()
    title = summary["title"] + (f" — {summary['chapter']['title']}" if summary["chapter"] else "")
    nothing = tables.nothing_yet(summary)
    body = _nothing_html(report, words.render(nothing, "fix")) if nothing else _report_body(report, words)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1"><title>Class report: {_e(title)}</title>'
        f'<style>{COLOURS_CSS}{STYLE}</style></head><body class="medialit-class-report"><main>'
        f"<h1>Class report: {_e(title)}</h1>{''.join(body)}</main>"
        "</body></html>\n"
    )


def _nothing_html(report, fix: str) -> list[str]:
    """No hand-in could be used: that there is nothing to report yet, what to do, and the files left out."""
    return [
        "".join(f"<p>{_e(text)}</p>" for text in report.sentences()),
        f"<p>What to do: {_e(fix)}</p>",
        f"<h2>{tables.left_out_title(report.summary)[0]}</h2>",
        _skipped_html(report.summary),
    ]


def _report_body(report, words) -> list[str]:
    """The report of a class with hand-ins: its sections, in the order of the class-report page's."""
    summary = report.summary
    n = len(summary["students"])
    missed = [
        [
            f"L{i['line']}",
            i["quote"],
            report.exercise.labels[i["label"]].noun_or_title,
            pieces(words.render(found_by(i["hit"] + i["boundary"], n))),
            i["why"],
        ]
        for i in tables.most_missed(summary)
    ]
    misconceptions = []
    for kind in summary["misconceptions"]:
        if not kind["times"]:
            continue
        where = "; ".join(f"“{p['quote']}” (L{p['line']}): {p['students']}" for p in kind["places"][:3])
        misconceptions.append(
            [
                words.render(Message(f"misconception-{kind['kind']}", {})),
                pieces(words.render(found_by(kind["students"], n))),
                kind["times"],
                where,
            ]
        )
    kinds = [rule["kind"] for rule in MISCONCEPTIONS]
    short = {kind: words.render(Message(f"misconception-{kind}", {}), "short") for kind in kinds}
    students, wrote, keyed = [], [], tables.keyed_labels(summary)  # no column of 0 of 0 for a label without items
    for s in summary["students"]:
        per_label = [(f"{s['found'][label]} of {s['asked'][label]}",) for label in keyed]
        found = sum(s["found"].values())
        asked = sum(s["asked"].values())
        done = tables.completion(found, asked)
        # a no-break space: a count never starts a line, away from what it counts
        mistakes = ", ".join(f"{short[kind]}\u00a0×{times}" for kind in kinds if (times := s["misconceptions"][kind]))
        students.append(
            [
                s["student"]
                if report.roster is None
                else WithId(s["student"], report.roster.get(s["student"], tables.NOT_ON_ROSTER)),
                s["tags"],
                *per_label,
                "" if done is None else f"{done}%",
                (f"{s['on_key']} of {s['tags']}", *([f"({percent(s['on_key'] / s['tags'])})"] if s["tags"] else [])),
            ]
        )
        wrote.append([s["student"], mistakes, s["notes"], s["answers"]])
    return [
        "".join(f"<p>{_e(text)}</p>" for text in report.sentences()),
        "<p>Students are listed by pseudonym in name order, not by score.</p>",
        "<h2>Who handed in what</h2>",
        _table(
            "Who handed in what",
            [
                "Student" if report.roster is None else tables.STUDENT_AND_ID,
                "Tags",
                *(f"{report.plurals[label]} found" for label in keyed),
                "Completion",
                "Tags on the key",
            ],
            students,
        ),
        f"<p>{_e(tables.COMPLETION_WORDS)}</p>" if summary["students"] else "",
        _no_handin_html(summary, report.roster),
        f"<p>{_e(changed_ids_words(changed))}</p>" if (changed := changed_ids(summary, report.roster)) else "",
        # beside the figures, the misconceptions' words squeezed into a narrow column, each row a dozen lines tall
        _table(tables.STUDENT_WORK, ["Student", "Misconceptions", "Notes", "Answers"], wrote),
        "<h2>Most missed</h2>",
        _table("Most missed", ["Line", "Words", "Label", "Found by", "Why"], missed, tables.NONE_MISSED),
        _every_item_html(report, words),
        "<h2>Misconceptions</h2>",
        _table(
            "Misconceptions", ["What students did", "Students", "Times", "Where most often (students)"], misconceptions
        ),
        _per_student_html(summary),
        "<h2>What the class tagged</h2>",
        *(heat_html(report, label) for label in summary["labels"]),
        "<h2>Written answers</h2>",
        _answers_html(summary),
        "<h2>Notes on tags</h2>",
        _table(
            "Notes on tags",
            ["Student", "Line", "Label", "Words", "Note"],
            [[x["student"], f"L{x['line']}", x["label"], x["quote"], x["note"]] for x in summary["notes"]],
            kind="notes",
        ),
        f"<h2>{tables.left_out_title(summary)[0]}</h2>",
        _skipped_html(summary),
        *_same_names_html(summary),
        "<h2>Tags and answers left out of hand-ins that were used</h2>",
        _table(
            "Tags and answers left out of hand-ins that were used",
            ["Student", tables.WHERE, *tables.WHY_AND_FIX],
            tables.left_out_rows(summary),
        ),
    ]


def _every_item_html(report, words) -> str:
    """Every key item measured, folded away as on the class-report page: how many found it and how many tagged it
    under another label, and, where some did, how many tagged it where their tag counted at another mention of
    the same source (with what that means), so that its figures add up to the class."""
    summary = report.summary
    n, elsewhere = len(summary["students"]), tables.counted_elsewhere(summary)
    rows = [
        [
            f"L{i['line']}",
            i["quote"],
            report.exercise.labels[i["label"]].noun_or_title,
            "optional" if i["optional"] else "required",
            pieces(words.render(found_by(i["hit"] + i["boundary"], n))),
            i["wrong_label"],
            *([i["counted_elsewhere"]] if elsewhere else []),
        ]
        for i in summary["items"]
    ]
    header = [*tables.EVERY_ITEM, *([tables.ELSEWHERE_HEADER] if elsewhere else [])]
    return (
        f"<details><summary>Every key item here ({len(rows)})</summary>"
        f"{_table('Every key item in the lines and labels reported on', header, rows)}"
        f"<p>{_e(tables.EVERY_ITEM_WORDS)}</p>"
        + (f"<p>{_e(tables.ELSEWHERE_WORDS)}</p>" if elsewhere else "")
        + "</details>"
    )


def _per_student_html(summary: dict) -> str:
    """How often each misconception showed in each student's tags, folded away as on the class-report page: a
    column for each misconception some student showed, headed in a few words with the whole sentence as its title,
    so that it fits a laptop's screen, the student's name kept in view where it scrolls (a phone); above it, the key
    that gives each heading its sentence where no title shows (a touch screen, paper), folded on a phone (STYLE)."""
    columns = tables.misconception_columns(summary)
    shown = [kind for kind, _, _ in columns]
    rows = [
        [s["student"], *(s["misconceptions"][kind] for kind in shown)]
        for s in summary["students"]
        if any(s["misconceptions"][kind] for kind in shown)
    ]
    if not rows:
        return ""
    heads = [Abbr(head, sentence) for _, head, sentence in columns]
    key = "".join(f"<dt>{_e(head)}</dt><dd>{_e(sentence)}</dd>" for _, head, sentence in columns)
    caption = "How often each misconception showed in each student's tags"
    return (
        f'<details><summary>Misconceptions per student</summary><details class="key">'
        f"<summary>{_e(tables.MISCONCEPTION_KEY_SUMMARY)}</summary><p>{_e(tables.MISCONCEPTION_KEY)}</p><dl>{key}</dl>"
        f"</details>{_table(caption, ['Student', *heads], rows, kind='per-student')}</details>"
    )


def _skipped_html(summary: dict) -> str:
    """The files (and folders) left out, each with the reason (after its place) and the fix, as the page has them."""
    rows = [
        [s["file"], f"{s['place']}: {s['problem']}" if s["place"] else s["problem"], s["fix"]]
        for s in summary["skipped"]
    ]
    title, first = tables.left_out_title(summary)
    return _table(title, [first, *tables.WHY_AND_FIX], rows)


def _no_handin_html(summary: dict, roster: dict[str, str] | None) -> str:
    """The roster's students whose hand-in is not here, and the hand-ins whose name the roster does not have,
    as the class-report page names them."""
    missing, unknown = tables.no_handin(summary, roster), tables.not_on_roster(summary, roster)
    return (f"<p>On the roster, but no hand-in: {_e(', '.join(missing))}.</p>" if missing else "") + (
        f"<p>{_e(tables.NOT_ON_ROSTER_WORDS)} {_e(', '.join(unknown))}.</p>" if unknown else ""
    )


def _same_names_html(summary: dict) -> list[str]:
    """Names more than one hand-in uses, when there are any: each hand-in counts, the teacher checks."""
    if not summary["same_names"]:
        return []
    rows = [[s["student"], s["problem"], s["fix"]] for s in summary["same_names"]]
    return [
        "<h2>Names used by more than one hand-in</h2>",
        _table(tables.SAME_NAMES, ["Name", *tables.WHY_AND_FIX], rows),
    ]


def _answers_html(summary: dict) -> str:
    """Each question once, with every student's answer under it."""
    if not summary["answers"]:
        return "<p>None.</p>"
    out, current = [], None
    for a in summary["answers"]:
        if a["id"] != current:
            current = a["id"]
            out.append(f"<h3>{_e(a['question'] or a['id'])} <small>({_e(a['id'])})</small></h3>")
        out.append(f'<p><strong>{_e(a["student"])}</strong></p><p class="answer">{_e(a["text"])}</p>')
    return "".join(out)
