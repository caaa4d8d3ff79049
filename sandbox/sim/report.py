"""The comparison a regulator reads: the same tables as Markdown, HTML (with charts) and CSV.

Every figure comes from `Summary` (counts and sums over the stored per-person rows), laid out once
as `Table`s; each format only renders them. Headings are Indonesian first, English second.
"""

from __future__ import annotations

import csv
import html
import re
from dataclasses import dataclass
from pathlib import Path

from sandbox.sim.behaviour import PREDIKAT
from sandbox.sim.compare import Outcome
from sandbox.sim.results import GROUPS
from sandbox.sim.year import AGE_BANDS, ANNUAL, PERIODS

PREDIKAT_LABEL = {"sangat_baik": "Sangat Baik", "baik": "Baik", "butuh_perbaikan": "Butuh Perbaikan",
                  "kurang": "Kurang/Misconduct", "sangat_kurang": "Sangat Kurang"}
PERIOD_LABEL = {"tw1": "TW I", "tw2": "TW II", "tw3": "TW III", "tw4": "TW IV", "tahunan": "Tahunan / Annual"}
GROUP_LABEL = {"jenis_jabatan": "Jenis jabatan / Position kind", "golongan": "Golongan / Grade",
               "kelompok_umur": "Kelompok umur / Age band", "jenis_kelamin": "Jenis kelamin / Gender"}


_LETTER = re.compile(r"\b[AB]\b")  # a pack's letter in a column name (CSV spells the pack out)


@dataclass
class Table:
    """Raw values (CSV gets them as they are) and a kind per column saying how people read them."""

    key: str  # file name of its CSV
    title: str
    columns: list
    kinds: list  # text, int, pct (0..100), rp, ak, d_int, d_rp, d_ak (d_: a signed change)
    rows: list
    chart: tuple | None = None  # (label column, value columns) drawn as bars in HTML


def _number(value: float, digits: int = 0) -> str:
    text = f"{value:,.{digits}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def shown(value, kind: str) -> str:
    """A cell as a person reads it (Indonesian number format)."""
    if value is None:
        return "–"
    if kind == "text":
        return str(value)
    if kind.startswith("d_"):
        sign = "+" if value > 0 else ("−" if value < 0 else "±")
        return sign + shown(abs(value), kind[2:])
    if kind == "int":
        return _number(value)
    if kind == "pct":
        return _number(value, 1) + " %"
    if kind == "rp":
        return "Rp " + _number(value)
    if kind == "ak":
        return _number(value, 3)
    return str(value)


def _pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 2) if whole else None


def _ordered(group: str, values) -> list:
    if group == "kelompok_umur":
        return sorted(values, key=AGE_BANDS.index)
    if group == "golongan":
        roman = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
                 "XV", "XVI", "XVII")
        return sorted(values, key=lambda v: (v.startswith("PPPK"), roman.index(v.split()[-1])
                                             if v.split()[-1] in roman else 99, v))
    return sorted(values)


def letters(labels: list) -> list:
    """A, B for the packs in wide tables (the header says which is which)."""
    return [chr(ord("A") + k) for k in range(len(labels))]


def tables(outcome: Outcome) -> list[Table]:
    summary, labels = outcome.summary, outcome.labels
    totals = [summary.totals[label] for label in labels]
    paired = len(labels) == 2
    short = letters(labels)
    out = []

    columns, kinds = ["Predikat"], ["text"]
    for letter in short:
        columns += [letter, f"{letter} %"]
        kinds += ["int", "pct"]
    if paired:
        columns.append("Selisih / Change")
        kinds.append("d_int")
    rows = []
    for k, name in enumerate(PREDIKAT):
        row = [PREDIKAT_LABEL[name]]
        for total in totals:
            row += [int(total.predikat[ANNUAL][k]), _pct(int(total.predikat[ANNUAL][k]), total.pegawai)]
        if paired:
            row.append(int(totals[1].predikat[ANNUAL][k] - totals[0].predikat[ANNUAL][k]))
        rows.append(row)
    out.append(Table("predikat", "Sebaran predikat tahunan / Annual predikat distribution", columns, kinds,
                     rows, chart=(0, [1 + 2 * j for j in range(len(labels))])))

    if paired:
        columns = ["A ↓ / B →", *(PREDIKAT_LABEL[p] for p in PREDIKAT), "Jumlah / Total"]
        rows = [[PREDIKAT_LABEL[p], *map(int, summary.transition[k]), int(summary.transition[k].sum())]
                for k, p in enumerate(PREDIKAT)]
        moved = int(summary.transition.sum() - summary.transition.trace())
        out.append(Table("transisi", f"Perpindahan predikat: {_number(moved)} orang berpindah / Predikat "
                         f"transitions: {_number(moved)} people moved", columns,
                         ["text"] + ["int"] * 6, rows))

    columns, kinds = ["Periode / Period"], ["text"]
    for letter in short:
        columns += [f"{letter} melanggar / broken", f"{letter} %"]
        kinds += ["int", "pct"]
    rows = []
    for q, period in enumerate(PERIODS):
        row = [PERIOD_LABEL[period]]
        for total in totals:
            broken = int(total.units_broken[q])
            row += [broken, _pct(broken, int(total.units_checked[q]))]
        rows.append(row)
    checked = int(totals[0].units_checked[ANNUAL])
    out.append(Table("kurva", f"Unit yang melanggar kurva (dari {_number(checked)} unit) / Units breaking "
                     f"the curve (of {_number(checked)} units)", columns, kinds, rows,
                     chart=(0, [1 + 2 * j for j in range(len(labels))])))

    rule_ids = sorted(set().union(*(total.rules for total in totals)))
    columns = ["Aturan / Rule", *short] + (["Selisih / Change"] if paired else [])
    kinds = ["text"] + ["int"] * len(short) + (["d_int"] if paired else [])
    rows = [[rule, *(total.rules.get(rule, 0) for total in totals)]
            + ([totals[1].rules.get(rule, 0) - totals[0].rules.get(rule, 0)] if paired else [])
            for rule in rule_ids]
    out.append(Table("kurva_aturan", "Aturan kurva yang dilanggar, tahunan (unit) / Curve rules broken, "
                     "annual (units)", columns, kinds, rows))

    columns = ["Besaran / Amount", *short] + (["Selisih / Change"] if paired else [])
    rows = [["TPP setahun (Rp) / TPP for the year", *(round(t.tpp) for t in totals)],
            ["Angka kredit JF / Credit points", *(round(t.angka_kredit, 3) for t in totals)],
            ["Pegawai Sangat Baik / Staff rated Sangat Baik", *(int(t.predikat[ANNUAL][0]) for t in totals)]]
    kinds_per_row = ["rp", "ak", "int"]
    if paired:
        for row in rows:
            row.append(row[2] - row[1] if isinstance(row[1], int) else round(row[2] - row[1], 3))
    table = Table("total", "TPP dan angka kredit / TPP and credit points", columns,
                  ["text"] + ["rp"] * len(short) + (["d_rp"] if paired else []), rows)
    table.row_kinds = kinds_per_row
    out.append(table)

    for group in GROUPS:
        values = _ordered(group, {value for (g, value) in totals[0].groups if g == group})
        columns, kinds = [GROUP_LABEL[group], "Pegawai / Staff"], ["text", "int"]
        for letter in short:
            columns += [f"{letter} % SB", f"{letter} % BP/K/SK", f"{letter} TPP (Rp)", f"{letter} AK"]
            kinds += ["pct", "pct", "rp", "ak"]
        if paired:
            columns += ["Δ TPP (Rp)", "Δ AK"]
            kinds += ["d_rp", "d_ak"]
        rows = []
        for value in values:
            cells = [totals[j].groups[(group, value)] for j in range(len(labels))]
            n = cells[0]["pegawai"]
            row = [value, n]
            for cell in cells:
                row += [_pct(int(cell["predikat"][0]), n), _pct(int(cell["predikat"][2:].sum()), n),
                        round(cell["tpp"]), round(cell["angka_kredit"], 3)]
            if paired:
                row += [round(cells[1]["tpp"] - cells[0]["tpp"]),
                        round(cells[1]["angka_kredit"] - cells[0]["angka_kredit"], 3)]
            rows.append(row)
        out.append(Table(f"kelompok_{group}", f"Menurut {GROUP_LABEL[group].split(' / ')[0].lower()} / "
                         f"By {GROUP_LABEL[group].split(' / ')[1].lower()}", columns, kinds, rows))
    return out


def rendered_rows(table: Table) -> list[list[str]]:
    """Every row as text, each cell read by its column's kind (or its row's, in the totals table)."""
    row_kinds = getattr(table, "row_kinds", None)
    out = []
    for r, row in enumerate(table.rows):
        cells = []
        for c, value in enumerate(row):
            kind = table.kinds[c]
            if row_kinds and c > 0:
                kind = ("d_" if kind.startswith("d_") else "") + row_kinds[r]
            cells.append(shown(value, kind))
        out.append(cells)
    return out


def header_lines(outcome: Outcome) -> list[str]:
    summary, labels = outcome.summary, outcome.labels
    quarters = 4 * summary.pegawai or 1
    share = lambda part: shown(_pct(part, quarters), "pct")  # noqa: E731
    lines = [
        "Paket / Packs: " + "; ".join(f"{letter} = {label}" for letter, label in zip(letters(labels), labels,
                                                                                    strict=True)),
        f"Populasi / Population: {_number(summary.pegawai)} pegawai, {_number(summary.offices)} instansi, "
        f"{_number(summary.units)} unit; tahun / year {outcome.year}",
        f"Waktu / Time: {outcome.seconds:.1f} s",
    ]
    for letter, label in zip(letters(labels), labels, strict=True):
        used = ", ".join(f"{decision}: {pack}" for decision, pack in outcome.sources[label].items())
        lines.append(f"{letter}: {used}")
    lines.append(
        f"Perilaku (sama untuk semua paket) / Behaviour (same for every pack): triwulan terlambat / late "
        f"quarters {share(summary.late)}, bukti lemah / weak evidence {share(summary.weak)}, "
        f"diisi operator / filled in by an operator {share(summary.delegated)}")
    return lines


def markdown(outcome: Outcome) -> str:
    parts = ["# Simulasi e-Kinerja / e-Kinerja simulation", ""]
    parts += [f"- {line}" for line in header_lines(outcome)]
    for table in tables(outcome):
        parts += ["", f"## {table.title}", "", "| " + " | ".join(map(str, table.columns)) + " |",
                  "|" + "|".join("---" for _ in table.columns) + "|"]
        parts += ["| " + " | ".join(row) + " |" for row in rendered_rows(table)]
    parts += ["", "Angka sintetis: perilaku pegawai adalah asumsi simulator (sandbox/sim/behaviour.py), "
              "bukan data nyata. / Synthetic figures: staff behaviour is the simulator's assumption."]
    return "\n".join(parts) + "\n"


def _bars(table: Table) -> str:
    """A grouped horizontal bar chart as inline SVG (no script, prints and emails as it is)."""
    label_col, value_cols = table.chart
    values = [[float(row[c] or 0) for c in value_cols] for row in table.rows]
    biggest = max((v for row in values for v in row), default=0) or 1
    colours = ("#1f4e79", "#c55a11", "#548235")
    bar, gap, left, width = 14, 10, 190, 420
    height = len(values) * (len(value_cols) * bar + gap) + 30
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 120}" height="{height}" '
           f'role="img" aria-label="{html.escape(table.title)}">']
    y = 10
    for row, numbers in zip(table.rows, values, strict=True):
        out.append(f'<text x="0" y="{y + bar}" font-size="12">{html.escape(str(row[label_col]))}</text>')
        for j, number in enumerate(numbers):
            w = width * number / biggest
            out.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar - 2}" '
                       f'fill="{colours[j % 3]}"/>')
            out.append(f'<text x="{left + w + 4:.1f}" y="{y + bar - 3}" font-size="11">'
                       f'{_number(number)}</text>')
            y += bar
        y += gap
    legend = [table.columns[c] for c in value_cols]
    for j, name in enumerate(legend):
        out.append(f'<rect x="{left + 130 * j}" y="{y}" width="10" height="10" fill="{colours[j % 3]}"/>'
                   f'<text x="{left + 130 * j + 14}" y="{y + 10}" font-size="11">{html.escape(name)}</text>')
    out.append("</svg>")
    return "".join(out)


def html_report(outcome: Outcome) -> str:
    body = ["<h1>Simulasi e-Kinerja / e-Kinerja simulation</h1>", "<ul>"]
    body += [f"<li>{html.escape(line)}</li>" for line in header_lines(outcome)]
    body.append("</ul>")
    for table in tables(outcome):
        body.append(f"<h2>{html.escape(table.title)}</h2>")
        if table.chart and table.rows:
            body.append(_bars(table))
        body.append("<table><thead><tr>" + "".join(f"<th>{html.escape(str(c))}</th>" for c in table.columns)
                    + "</tr></thead><tbody>")
        for row in rendered_rows(table):
            body.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>")
        body.append("</tbody></table>")
    body.append("<p><small>Angka sintetis: perilaku pegawai adalah asumsi simulator, bukan data nyata. / "
                "Synthetic figures: staff behaviour is the simulator's assumption.</small></p>")
    style = ("body{font-family:sans-serif;max-width:70em;margin:2em auto;color:#111}"
             "table{border-collapse:collapse;margin:.5em 0 1.5em}"
             "td,th{border:1px solid #999;padding:.25em .6em;text-align:right}"
             "td:first-child,th:first-child{text-align:left}th{background:#eef}")
    return ("<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">"
            f"<title>Simulasi e-Kinerja</title><style>{style}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def write_exports(outcome: Outcome, folder: Path) -> list[Path]:
    """ringkasan.md, ringkasan.html and one CSV per table, next to the run's hasil.sqlite."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = [folder / "ringkasan.md", folder / "ringkasan.html"]
    written[0].write_text(markdown(outcome), encoding="utf-8")
    written[1].write_text(html_report(outcome), encoding="utf-8")
    named = dict(zip(letters(outcome.labels), outcome.labels, strict=True))

    def spelled(match) -> str:
        return named.get(match.group(0), match.group(0))

    for table in tables(outcome):
        path = folder / f"{table.key}.csv"
        columns = [_LETTER.sub(spelled, str(c)) for c in table.columns]
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            writer.writerows(table.rows)
        written.append(path)
    return written
