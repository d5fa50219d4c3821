"""Tables a phone can read: on a narrow screen a table of three columns or more shows each row as a block.

A table as wide as chapter 9's comparison (the tabloid, the report, and a column the student fills in)
scrolled sideways on a phone, and its last column started off the screen: a student did not see that
there was a column to fill in. The build marks such a table (`medialit-stacks`) and writes each body
cell's column name into the cell (`data-label`), so that book.css, on a narrow screen and with no script,
shows each row as a block in which every cell is under its column's name. Wide screens and print keep
the table.

An empty cell is a place to write when its whole row or its whole column is empty (`medialit-write-in`:
the block keeps it, as a box); another empty cell only says "as above" or "nothing here"
(`medialit-blank`: the block leaves it out), and a row whose first cell is blank goes on the block above
it (`medialit-continues`).
"""

from __future__ import annotations

import types

from docutils import nodes

STACKS = "medialit-stacks"
WRITE_IN = "medialit-write-in"
BLANK = "medialit-blank"
CONTINUES = "medialit-continues"
# Fewer columns fit a phone side by side (the glossary of words and their meanings).
FEWEST_COLUMNS = 3


def _cells(row: nodes.row) -> list[nodes.entry]:
    return [child for child in row.children if isinstance(child, nodes.entry)]


def _rows(part: nodes.Element) -> list[nodes.row]:
    return [child for child in part.children if isinstance(child, nodes.row)]


def _plain(rows: list[nodes.row], width: int) -> bool:
    """Every row has one cell per column: no cell spans rows or columns, so each has one column name."""
    return all(
        len(_cells(row)) == width and not any("morerows" in c or "morecols" in c for c in _cells(row)) for row in rows
    )


def mark_table(tgroup: nodes.tgroup) -> bool:
    """Mark one table group to be stacked on a narrow screen; False (and nothing marked) for a table with too
    few columns, with no single header row, or with cells that span rows or columns."""
    width = int(tgroup.get("cols", 0))
    heads = [child for child in tgroup.children if isinstance(child, nodes.thead)]
    bodies = [child for child in tgroup.children if isinstance(child, nodes.tbody)]
    if width < FEWEST_COLUMNS or len(heads) != 1 or len(_rows(heads[0])) != 1 or len(bodies) != 1:
        return False
    head, rows = _rows(heads[0])[0], _rows(bodies[0])
    if not _plain([head, *rows], width):
        return False
    names = [" ".join(cell.astext().split()) for cell in _cells(head)]
    empty = [[not cell.astext().strip() for cell in _cells(row)] for row in rows]
    empty_rows = {r for r, cells in enumerate(empty) if all(cells)}
    empty_columns = {c for c in range(width) if all(cells[c] for cells in empty)}
    for r, row in enumerate(rows):
        for c, cell in enumerate(_cells(row)):
            cell["column_name"] = names[c]
            if empty[r][c]:
                cell["classes"].append(WRITE_IN if r in empty_rows or c in empty_columns else BLANK)
        if empty[r][0] and r not in empty_rows:
            row["classes"].append(CONTINUES)
    return True


def mark_tables(app, doctree) -> None:
    for table in doctree.findall(nodes.table):
        groups = [child for child in table.children if isinstance(child, nodes.tgroup)]
        if len(groups) == 1 and mark_table(groups[0]):
            table["classes"].append(STACKS)


class ColumnNamesMixin:
    """Writes a marked cell's column name as its `data-label`, which book.css shows above the cell's words."""

    def starttag(self, node, tagname, suffix="\n", empty=False, **attributes):
        if isinstance(node, nodes.entry) and node.get("column_name"):
            attributes["data-label"] = node["column_name"]
        return super().starttag(node, tagname, suffix, empty, **attributes)


def add_column_names(app) -> None:
    """Put the mixin in front of the HTML builder's translator: the theme's own (which adds its classes the
    same way, and may wrap this one in turn) or Sphinx's."""
    if app.builder.format != "html":
        return
    translator = app.registry.translators.get(app.builder.name) or app.builder.default_translator_class
    if not issubclass(translator, ColumnNamesMixin):
        mixed = types.new_class("ColumnNamesTranslator", (ColumnNamesMixin, translator), {})
        app.set_translator(app.builder.name, mixed, override=True)


def setup(app):
    app.connect("doctree-read", mark_tables)
    app.connect("builder-inited", add_column_names)
    return {"version": "1", "env_version": 1, "parallel_read_safe": True, "parallel_write_safe": True}
