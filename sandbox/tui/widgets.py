"""The widgets every screen uses for text a person may have typed: the same Textual widgets, except
that a plain `str` is shown as it is, never parsed as Rich/Textual markup.

Textual parses markup in a `str` given to a DataTable cell or column, a Select option, a Label or a
notification: a trainee named `[/x]` closed the trainer's console, and one named
`[@click=app.quit]…[/]` ran an app action when clicked. The table and the select below turn every
`str` into `rich.text.Text` through `sandbox.usertext`, so no call site can forget; Static, Label
and notify take `markup=False`.
tests/test_usertext_fuzz.py checks that sandbox/tui does so everywhere.
"""

from __future__ import annotations

from textual.widgets import DataTable, Select

from sandbox.usertext import cell, literal_options


def _literal_cell(value: object) -> object:
    return cell(value) if isinstance(value, str) else value


class TextTable(DataTable):
    """A DataTable whose text cells, row labels and column labels are literal."""

    def add_column(self, label, *, width=None, key=None, default=None):
        return super().add_column(_literal_cell(label), width=width, key=key, default=default)

    def add_row(self, *cells, height=1, key=None, label=None):
        return super().add_row(*map(_literal_cell, cells), height=height, key=key,
                               label=_literal_cell(label))

    def update_cell(self, row_key, column_key, value, *, update_width=False) -> None:
        super().update_cell(row_key, column_key, _literal_cell(value), update_width=update_width)

    def update_cell_at(self, coordinate, value, *, update_width=False) -> None:
        super().update_cell_at(coordinate, _literal_cell(value), update_width=update_width)


class TextSelect(Select):
    """A Select whose option prompts are literal (its `prompt`, shown when nothing is chosen, is
    the screen's own catalog text)."""

    def __init__(self, options=(), **kwargs) -> None:
        super().__init__(literal_options(options), **kwargs)

    def set_options(self, options) -> None:
        super().set_options(literal_options(options))

