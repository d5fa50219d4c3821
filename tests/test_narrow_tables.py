"""The build marks each table a phone shows as blocks: every body cell carries its column's name, and an empty
cell is a place to write (its whole row or column is empty) or a blank (it says "as above")."""

from __future__ import annotations

import io
import re

from docutils import nodes
from hypothesis import given
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from medialit.web.narrow_tables import BLANK, CONTINUES, STACKS, WRITE_IN, mark_table


def tgroup_of(head: list[str], rows: list[list[str]]) -> nodes.tgroup:
    """A docutils table group as MyST makes one from a markdown table: one header row, one body."""
    group = nodes.tgroup(cols=len(head))
    group += [nodes.colspec(colwidth=1) for _ in head]

    def row_of(texts: list[str]) -> nodes.row:
        row = nodes.row()
        for text in texts:
            row += nodes.entry("", nodes.paragraph(text=text))
        return row

    group += nodes.thead("", row_of(head))
    group += nodes.tbody("", *[row_of(texts) for texts in rows])
    return group


def body_cells(group: nodes.tgroup) -> list[list[nodes.entry]]:
    return [list(row.findall(nodes.entry)) for row in group.findall(nodes.row) if isinstance(row.parent, nodes.tbody)]


grids = st.integers(3, 6).flatmap(
    lambda width: st.lists(st.lists(st.sampled_from(["", "words"]), min_size=width, max_size=width), min_size=1)
)


@given(grids)
def test_every_cell_has_its_column_name_and_an_empty_one_is_a_place_to_write_only_in_an_empty_row_or_column(grid):
    head = [f"column {c}" for c in range(len(grid[0]))]
    group = tgroup_of(head, grid)
    assert mark_table(group)
    cells = body_cells(group)
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            cell = cells[r][c]
            assert cell["column_name"] == head[c]
            empty_line = not any(row) or not any(other[c] for other in grid)
            expected = [] if text else [WRITE_IN] if empty_line else [BLANK]
            assert cell["classes"] == expected, (r, c, grid)
        continues = CONTINUES in list(group.findall(nodes.row))[r + 1]["classes"]
        assert continues == (not row[0] and any(row)), (r, grid)


def test_the_comparison_in_chapter_9_keeps_its_last_column_as_places_to_write():
    rows = [["Where Putin was", "not in the building (L66)", "not in the Kremlin (A5)", ""]] * 3
    group = tgroup_of(["Fact", "The tabloid", "The report", "What is different?"], rows)
    assert mark_table(group)
    assert [row[3]["classes"] for row in body_cells(group)] == [[WRITE_IN]] * 3
    assert [row[3]["column_name"] for row in body_cells(group)] == ["What is different?"] * 3


def test_a_table_of_two_columns_or_with_a_cell_spanning_two_is_left_as_it_is():
    assert not mark_table(tgroup_of(["Word", "What it means"], [["spooks", "spies"]]))
    group = tgroup_of(["a", "b", "c"], [["1", "2", "3"]])
    body_cells(group)[0][0]["morecols"] = 1
    assert not mark_table(group)
    assert all("column_name" not in cell for row in body_cells(group) for cell in row)


PAGE = """# Tables

| Fact | The tabloid | The report | What is different? |
|---|---|---|---|
| The video | "In footage shared" (L66) | "A video posted" (A7) | |

| label | attribute | values |
|---|---|---|
| `claim` | `kind` | `fact` |
| | `voice` | `reporter`, `quoted` |

| Word (line) | What it means here |
|---|---|
| "spooks" (L3) | spies |
"""


def test_the_built_page_writes_the_column_names_and_the_classes_into_the_html(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["myst_parser", "medialit.web.sphinxext"]\n')
    (src / "index.md").write_text(PAGE, encoding="utf-8")
    app = SphinxTestApp("html", srcdir=src, builddir=tmp_path / "build", status=io.StringIO(), warningiserror=True)
    try:
        app.build()
    finally:
        app.cleanup()
    html = (tmp_path / "build" / "html" / "index.html").read_text(encoding="utf-8")
    tables = re.findall(r"<table[^>]*>.*?</table>", html, re.S)
    assert len(tables) == 3
    comparison, formats, words = tables
    assert STACKS in re.match(r"<table[^>]*>", comparison).group(0)
    assert re.findall(r"<td[^>]*>", comparison) == [
        '<td data-label="Fact">',
        '<td data-label="The tabloid">',
        '<td data-label="The report">',
        f'<td class="{WRITE_IN}" data-label="What is different?">',
    ]
    assert f'<tr class="{CONTINUES} ' in formats
    assert f'<td class="{BLANK}" data-label="label">' in formats
    assert STACKS not in words and "data-label" not in words
