"""The comparison a regulator reads: the same tables as Markdown, HTML (with charts) and CSV.

Every figure comes from `Summary` (counts and sums over the stored per-person rows), laid out once
as `Table`s; each format only renders them. Headings are Indonesian first, English second. With
several replications (`--seeds K`) the headline figures come first as the mean over the replications
with a 90 % interval: the replications' 5th and 95th percentiles taken as order statistics rounded
outward (ranks ⌊0,05·(K−1)⌋ and ⌈0,95·(K−1)⌉ of the sorted values), so with K ≤ 20 it is the range
of the replications; the detailed tables are those of the first replication. Every report ends with
the assumptions it ran on, each value with its source.
"""

from __future__ import annotations

import csv
import html
import math
import re
from dataclasses import dataclass
from pathlib import Path

from sandbox.sim.behaviour import PREDIKAT
from sandbox.sim.compare import Outcome
from sandbox.sim.results import GROUPS
from sandbox.sim.year import AGE_BANDS, ANNUAL, PERIODS
from sandbox.usertext import csv_cell, markdown_literal

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
    if kind == "dec1":
        return _number(value, 1)
    if kind == "dec2":
        return _number(value, 2)
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


HEADLINE_LABEL = {
    **{f"predikat_{p}": f"Pegawai {PREDIKAT_LABEL[p]} / Staff rated {PREDIKAT_LABEL[p]}" for p in PREDIKAT},
    "tpp": "TPP setahun (Rp) / TPP for the year",
    "angka_kredit": "Angka kredit JF / Credit points",
    "nilai_kinerja": "Nilai kinerja rata-rata / Mean nilai kinerja",
    "kurva_melanggar_awal": "Unit melanggar kurva, pemeriksaan pertama (tahunan) / Units breaking the curve "
                            "at first check (annual)",
    "kurva_melanggar_akhir": "Unit masih melanggar setelah penyesuaian (tahunan) / Units still breaking it "
                             "after adjustment (annual)",
    "dipindah_kurva": "Pegawai dipindah oleh kurva (tahunan) / Staff moved by the curve (annual)",
    "berpindah": "Pegawai berpindah predikat A → B / Staff whose predikat differs A → B",
}
HEADLINE_KIND = {"tpp": "rp", "angka_kredit": "ak", "nilai_kinerja": "dec2"}


def interval(values: list) -> tuple:
    """(mean, low, high): the 90 % percentile interval over replications, order statistics rounded
    outward (so with 20 replications or fewer, their range)."""
    ordered = sorted(values)
    k = len(ordered)
    low, high = ordered[math.floor(0.05 * (k - 1))], ordered[math.ceil(0.95 * (k - 1))]
    return sum(ordered) / k, low, high


def headline_table(outcome: Outcome) -> Table | None:
    """Every headline figure as mean [low – high] per pack and, paired, of the change B − A."""
    replications = outcome.replications
    if len(replications) < 2:
        return None
    labels = outcome.labels
    paired = len(labels) == 2
    short = letters(labels)
    columns, kinds = ["Angka / Figure"], ["text"]
    for letter in short + (["Δ"] if paired else []):
        name = "Selisih B − A" if letter == "Δ" else letter
        columns += [f"{name} rata-rata / mean", f"{name} 5 %", f"{name} 95 %"]
        kinds += ["dec1", "dec1", "dec1"] if letter != "Δ" else ["d_dec1", "d_dec1", "d_dec1"]
    rows, row_kinds = [], []
    figures = [dict((key, values) for key, _, values in summary.headline()) for summary in replications]
    for key in figures[0]:
        if key == "berpindah" and not paired:
            continue
        per_pack = [[f[key][j] for f in figures] for j in range(len(labels))]
        if any(v is None for values in per_pack for v in values):
            continue
        row = [HEADLINE_LABEL[key]]
        for values in per_pack:
            row += [round(v, 3) for v in interval(values)]
        if paired:
            if key == "berpindah":
                row += [None, None, None]
            else:
                row += [round(v, 3) for v in interval([b - a for a, b in zip(*per_pack, strict=True)])]
        rows.append(row)
        row_kinds.append(HEADLINE_KIND.get(key, "dec1"))
    title = (f"Angka utama: rata-rata dan interval 90 % dari {len(replications)} replikasi (seed "
             f"{replications[0].seed}–{replications[-1].seed}) / Headline figures: mean and 90 % interval "
             f"over {len(replications)} replications")
    table = Table("utama", title, columns, kinds, rows)
    table.row_kinds = row_kinds
    return table


def tables(outcome: Outcome) -> list[Table]:
    summary, labels = outcome.summary, outcome.labels
    totals = [summary.totals[label] for label in labels]
    paired = len(labels) == 2
    short = letters(labels)
    out = []
    headline = headline_table(outcome)
    if headline is not None:
        out.append(headline)

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
    out.append(Table("kurva", f"Unit yang melanggar kurva pada pemeriksaan pertama (dari {_number(checked)} "
                     f"unit) / Units breaking the curve at the first check (of {_number(checked)} units)",
                     columns, kinds, rows, chart=(0, [1 + 2 * j for j in range(len(labels))])))

    for key, attribute, title in (
            ("kurva_aturan", "rules", "Aturan kurva yang dilanggar, tahunan, pada pemeriksaan pertama "
                                      "(unit) / Curve rules broken, annual, at the first check (units)"),
            ("kurva_aturan_akhir", "rules_final", "Aturan kurva yang masih dilanggar setelah penyesuaian, "
                                                  "tahunan (unit) / Curve rules still broken after the "
                                                  "adjustment, annual (units)")):
        counted = [getattr(total, attribute) for total in totals]
        rule_ids = sorted(set().union(*counted))
        columns = ["Aturan / Rule", *short] + (["Selisih / Change"] if paired else [])
        kinds = ["text"] + ["int"] * len(short) + (["d_int"] if paired else [])
        rows = [[rule, *(c.get(rule, 0) for c in counted)]
                + ([counted[1].get(rule, 0) - counted[0].get(rule, 0)] if paired else [])
                for rule in rule_ids]
        out.append(Table(key, title, columns, kinds, rows))

    columns, kinds = ["Periode / Period"], ["text"]
    for letter in short:
        columns += [f"{letter} unit disesuaikan / units adjusted", f"{letter} dipindah / moved",
                    f"{letter} naik / up", f"{letter} turun / down",
                    f"{letter} masih melanggar / still broken", f"{letter} masih %"]
        kinds += ["int", "int", "int", "int", "int", "pct"]
    rows = []
    for q, period in enumerate(PERIODS):
        row = [PERIOD_LABEL[period]]
        for total in totals:
            row += [int(total.units_adjusted[q]), int(total.moved[q]), int(total.moved_up[q]),
                    int(total.moved_down[q]), int(total.units_broken_final[q]),
                    _pct(int(total.units_broken_final[q]), int(total.units_checked[q]))]
        rows.append(row)
    moved = " ; ".join(f"{letter} {_number(int(total.moved[ANNUAL]))}" for letter, total in zip(short, totals,
                                                                                                strict=True))
    out.append(Table("penyesuaian", f"Penyesuaian kurva: pegawai dipindah (tahunan) {moved} / Curve "
                     f"adjustment: staff moved (annual) {moved}", columns, kinds, rows))

    columns = ["Besaran / Amount", *short] + (["Selisih / Change"] if paired else [])
    rows = [["TPP setahun (Rp) / TPP for the year",
             *(round(t.tpp) if "tpp" in t.simulated else None for t in totals)],
            ["Angka kredit JF / Credit points",
             *(round(t.angka_kredit, 3) if "angka_kredit" in t.simulated else None for t in totals)],
            ["Pegawai Sangat Baik / Staff rated Sangat Baik", *(int(t.predikat[ANNUAL][0]) for t in totals)]]
    kinds_per_row = ["rp", "ak", "int"]
    if paired:
        for row in rows:
            if row[1] is None or row[2] is None:
                row.append(None)
            else:
                row.append(row[2] - row[1] if isinstance(row[1], int) else round(row[2] - row[1], 3))
    table = Table("total", "TPP dan angka kredit / TPP and credit points", columns,
                  ["text"] + ["rp"] * len(short) + (["d_rp"] if paired else []), rows)
    table.row_kinds = kinds_per_row
    out.append(table)

    if any(t.pegawai_nilai for t in totals):
        columns = ["Nilai (rata-rata tahunan) / Score (annual mean)", *short]
        columns += ["Selisih / Change"] if paired else []
        rows = []
        for k, name in enumerate(("Nilai SKP / SKP score", "Nilai perilaku / Behaviour score",
                                  "Nilai kinerja / Performance score")):
            values = [round(t.nilai[k] / t.pegawai_nilai, 3) if t.pegawai_nilai else None for t in totals]
            if paired:
                values.append(None if None in values else round(values[1] - values[0], 3))
            rows.append([name, *values])
        out.append(Table("nilai", "Nilai kinerja (model nilai PP 30/2019) / Performance score (PP 30/2019 "
                         "numeric model)", columns,
                         ["text"] + ["dec2"] * len(short) + (["d_dec2"] if paired else []), rows))

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
    assumptions = outcome.assumptions
    if assumptions is not None:
        out.append(Table("asumsi", f"Asumsi ({assumptions.source}) / Assumptions",
                         ["Kunci / Key", "Nilai / Value", "Sumber / Source"], ["text", "text", "text"],
                         [list(item) for item in assumptions.listing]))
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
        model = outcome.models.get(label)
        lines.append(f"{letter}: {used}" + (f" (model {model})" if model else ""))
    if len(outcome.replications) > 1:
        seeds = [r.seed for r in outcome.replications]
        lines.append(f"Replikasi / Replications: {len(seeds)} (seed {seeds[0]}–{seeds[-1]}); tabel rinci "
                     f"dari seed {seeds[0]} / detailed tables from seed {seeds[0]}")
    if outcome.assumptions is not None:
        a = outcome.assumptions
        lines.append(f"Asumsi / Assumptions: {a.source} ({len(a.listing)} nilai, tabel Asumsi di akhir / "
                     f"{len(a.listing)} values, listed at the end); penyesuaian kurva / curve adjustment: "
                     f"{'ya' if a.adjust_curve else 'tidak'}")
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
        rows = rendered_rows(table)
        if table.key == "asumsi":  # written by whoever wrote the assumptions file: shown as typed
            rows = [[markdown_literal(c) for c in row] for row in rows]
        parts += ["| " + " | ".join(row) + " |" for row in rows]
    parts += ["", "Angka sintetis: perilaku pegawai adalah asumsi simulator (tabel Asumsi), bukan data "
              "nyata. / Synthetic figures: staff behaviour is the simulator's assumption (table "
              "Assumptions)."]
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
            writer.writerows([[csv_cell(c) for c in row] for row in table.rows])
        written.append(path)
    return written
