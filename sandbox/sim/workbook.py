"""The report for spreadsheets: an .xlsx workbook and CSVs an Indonesian Excel reads as they are.

The plain `<table>.csv` files stay as they were (UTF-8, `,` between cells, a decimal point): tools
(pandas, R, sqlite) read them. Beside each one `<table>-excel.csv` is the same table for an Excel set
to Indonesian: UTF-8 with a byte-order mark (so Excel does not guess another encoding), `;` between
cells (Indonesian Excel uses the comma as its decimal separator and so expects `;` as the list
separator) and decimal commas, no thousands separator (a `.` would be read as one, `1.234` as 1234).

`ringkasan.xlsx` (openpyxl) has a sheet *Ringkasan* with the report's header lines, then one sheet per
table of the report, holding the very values of the CSV: numbers are stored as numbers, each with a
number format by what it is (rupiah, per cent, angka kredit, a signed change), which Excel shows
with the separators of the reader's locale (1.234.567 and 8,4 % in an Indonesian Excel).
"""

from __future__ import annotations

import csv
from pathlib import Path

from sandbox.usertext import csv_cell

# number formats by column kind (report.Table.kinds); written in Excel's own (en-US) notation,
# which every Excel shows in the reader's locale; a signed change carries its sign as the report does
# (− and ± quoted, as a format takes only a few ASCII signs unquoted; + is one of them)
NUMBER_FORMAT = {
    "int": "#,##0",
    "pct": '0.0" %"',
    "rp": '"Rp "#,##0',
    "ak": "#,##0.000",
    "dec1": "#,##0.0",
    "dec2": "#,##0.00",
    "d_int": '+#,##0;"−"#,##0;"±"0',
    "d_rp": '+"Rp "#,##0;"−Rp "#,##0;"±Rp "0',
    "d_ak": '+#,##0.000;"−"#,##0.000;"±"0',
    "d_dec1": '+#,##0.0;"−"#,##0.0;"±"0',
    "d_dec2": '+#,##0.00;"−"#,##0.00;"±"0',
}


def excel_number(value) -> str:
    """A number as an Indonesian Excel reads it: decimal comma, no thousands separator."""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    text = f"{value:.10f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace(".", ",")


def write_excel_csv(path: Path, columns: list, rows: list) -> Path:
    """`;`-separated, UTF-8 with BOM, decimal commas; text cells guarded as in the plain CSV."""
    with Path(path).open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if value is None else excel_number(value)
                             if isinstance(value, int | float) and not isinstance(value, bool)
                             else csv_cell(value) for value in row])
    return Path(path)


def set_text(cell, text: str) -> None:
    """Text in a workbook cell as typed: stored as a string even when it starts with '=' (openpyxl
    would store a formula), so nothing runs and no apostrophe shows."""
    cell.value = text
    cell.data_type = "s"


def _text_row(sheet, texts: list) -> None:
    """A row of text cells (titles, header lines), each set as text."""
    sheet.append([None] * len(texts))
    for c, text in enumerate(texts):
        if text is not None:
            set_text(sheet.cell(row=sheet.max_row, column=c + 1), str(text))


def _cell_kind(table, r: int, c: int) -> str:
    kind = table.kinds[c]
    row_kinds = getattr(table, "row_kinds", None)
    if row_kinds and c > 0:
        kind = ("d_" if kind.startswith("d_") else "") + row_kinds[r]
    return kind


def _sheet_name(key: str, used: set) -> str:
    name = key[:31]
    k = 2
    while name in used:
        name = f"{key[:28]}~{k}"
        k += 1
    used.add(name)
    return name


def write_workbook(path: Path, header: list[str], tables: list, columns_of) -> Path:
    """One sheet per table (title in row 1, column names in row 2, values from row 3), numbers as
    numbers; `columns_of(table)` gives the column names as the CSV spells them."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    summary = book.active
    summary.title = "Ringkasan"
    summary.append(["Simulasi e-Kinerja / e-Kinerja simulation"])
    summary["A1"].font = Font(bold=True, size=14)
    for line in header:
        _text_row(summary, [line])
    summary.append([])
    summary.append(["Lembar / Sheet", "Tabel / Table"])
    used = {"Ringkasan"}
    names = [_sheet_name(table.key, used) for table in tables]
    for name, table in zip(names, tables, strict=True):
        _text_row(summary, [name, table.title])
    summary.column_dimensions["A"].width = 28
    summary.column_dimensions["B"].width = 110
    for name, table in zip(names, tables, strict=True):
        sheet = book.create_sheet(name)
        _text_row(sheet, [table.title])
        sheet["A1"].font = Font(bold=True)
        sheet.append(columns_of(table))
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for r, row in enumerate(table.rows):
            sheet.append([None if isinstance(v, str) else v for v in row])
            for c, value in enumerate(row):  # text is set as text, never read as a formula
                if isinstance(value, str):
                    set_text(sheet.cell(row=sheet.max_row, column=c + 1), value)
            for c, value in enumerate(row):
                if isinstance(value, int | float) and not isinstance(value, bool):
                    fmt = NUMBER_FORMAT.get(_cell_kind(table, r, c))
                    if fmt:
                        sheet.cell(row=r + 3, column=c + 1).number_format = fmt
        for c, column in enumerate(table.columns):
            letter = sheet.cell(row=2, column=c + 1).column_letter
            sheet.column_dimensions[letter].width = max(12, min(45, len(str(column)) + 2))
        sheet.freeze_panes = "A3"
    book.save(path)
    return Path(path)
