"""The comparison a regulator reads: the same tables as Markdown, HTML (with charts) and CSV.

Every figure comes from `Summary` (counts and sums over the stored per-person rows), laid out once
as `Table`s; each format only renders them. Headings are Indonesian first, English second. With
several replications (`--seeds K`) the headline figures come first as the mean over the replications
with a 90 % interval: the replications' 5th and 95th percentiles taken as order statistics rounded
outward (ranks ⌊0,05·(K−1)⌋ and ⌈0,95·(K−1)⌉ of the sorted values), so with K ≤ 20 it is the range
of the replications; the detailed tables are those of the first replication. Every report ends with
the assumptions it ran on, each value with its source.

Packs are lettered A (the base), B, C, …. With one reform the layout is the two-pack one. With several
(`compare DASAR R1 R2 …`) the tables over packs get a column per pack and a change column per reform
(`Selisih C − A`), the headline table a mean and interval per reform's change, and each reform's own
tables (transitions, TPP winners and losers, deciles, largest changes, by OPD, unit and group) come
once per reform, keyed `<table>_<letter>` (`transisi_c`: a CSV, and a sheet of the workbook) and
titled `C = <pack>: …`.
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
from sandbox.sim.results import CHANGE_GROUPS, GROUPS
from sandbox.sim.year import AGE_BANDS, ANNUAL, PERIODS
from sandbox.usertext import csv_cell, markdown_literal

PREDIKAT_LABEL = {"sangat_baik": "Sangat Baik", "baik": "Baik", "butuh_perbaikan": "Butuh Perbaikan",
                  "kurang": "Kurang/Misconduct", "sangat_kurang": "Sangat Kurang"}
PERIOD_LABEL = {"tw1": "TW I", "tw2": "TW II", "tw3": "TW III", "tw4": "TW IV", "tahunan": "Tahunan / Annual"}
GROUP_LABEL = {"jenis_jabatan": "Jenis jabatan / Position kind", "golongan": "Golongan / Grade",
               "kelompok_umur": "Kelompok umur / Age band", "jenis_kelamin": "Jenis kelamin / Gender",
               "instansi": "Instansi (OPD) / Office", "unit": "Unit kerja / Unit"}
CHANGE_KEYS = {"instansi": ["Instansi (OPD) / Office id", "Nama instansi / Office name"],
               "unit": ["Instansi (OPD) / Office id", "unor_id", "Unit kerja / Unit"]}
PREVIEW = 20  # rows of a long table (units) shown in Markdown and HTML; CSV and .xlsx hold them all


_B = re.compile(r"\bB\b")  # the reform's letter in a two-pack change table's names


@dataclass
class Table:
    """Raw values (CSV gets them as they are) and a kind per column saying how people read them."""

    key: str  # file name of its CSV
    title: str
    columns: list
    kinds: list  # text, int, pct (0..100), rp, ak, d_int, d_rp, d_ak (d_: a signed change)
    rows: list
    chart: tuple | None = None  # (label column, value columns) drawn as bars in HTML
    preview: int | None = None  # Markdown and HTML show only the first rows (the file keeps all)


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
    """A, B, C, … for the packs in wide tables (the header says which is which); A is the base."""
    return [chr(ord("A") + k) for k in range(len(labels))]


def _letter_pattern(labels: list) -> re.Pattern:
    """A pack's letter in a column name (CSV spells the pack out): `[AB]` for two packs."""
    return re.compile(rf"\b[A-{letters(labels)[-1]}]\b")


def _many(labels: list) -> bool:
    """More than one reform: every change names its reform (two packs read as they always have)."""
    return len(labels) > 2


def _change(letter: str, many: bool) -> str:
    return f"Selisih {letter} − A / Change {letter} − A" if many else "Selisih / Change"


def _section(key: str, title: str, letter: str, label: str, many: bool) -> tuple[str, str]:
    """A reform's own table: with several reforms, keyed and titled by the reform."""
    if not many:
        return key, title
    return f"{key}_{letter.lower()}", f"{letter} = {label}: {title}"


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
MOVED_MANY = "Pegawai yang predikatnya berbeda dari A / Staff whose predikat differs from A"
HEADLINE_KIND = {"tpp": "rp", "angka_kredit": "ak", "nilai_kinerja": "dec2"}


def interval(values: list) -> tuple:
    """(mean, low, high): the 90 % percentile interval over replications, order statistics rounded
    outward (so with 20 replications or fewer, their range)."""
    ordered = sorted(values)
    k = len(ordered)
    low, high = ordered[math.floor(0.05 * (k - 1))], ordered[math.ceil(0.95 * (k - 1))]
    return sum(ordered) / k, low, high


def headline_table(outcome: Outcome) -> Table | None:
    """Every headline figure as mean [low – high] per pack and, paired, of each reform's change
    against the base (B − A, C − A, …), each interval over that reform's own paired replications."""
    replications = outcome.replications
    if len(replications) < 2:
        return None
    labels = outcome.labels
    short = letters(labels)
    columns, kinds = ["Angka / Figure"], ["text"]
    for letter in short:
        columns += [f"{letter} rata-rata / mean", f"{letter} 5 %", f"{letter} 95 %"]
        kinds += ["dec1", "dec1", "dec1"]
    for letter in short[1:]:
        name = f"Selisih {letter} − A"
        columns += [f"{name} rata-rata / mean", f"{name} 5 %", f"{name} 95 %"]
        kinds += ["d_dec1", "d_dec1", "d_dec1"]
    rows, row_kinds = [], []
    figures = [dict((key, values) for key, _, values in summary.headline()) for summary in replications]
    for key in figures[0]:
        per_pack = [[f[key][j] for f in figures] for j in range(len(labels))]
        if key == "berpindah":  # a count of each reform against the base: no change of its own
            row = [MOVED_MANY if _many(labels) else HEADLINE_LABEL[key]]
            for values in per_pack:
                row += [None] * 3 if None in values else [round(v, 3) for v in interval(values)]
            row += [None] * 3 * (len(labels) - 1)
        elif any(v is None for values in per_pack for v in values):
            continue
        else:
            row = [HEADLINE_LABEL[key]]
            for values in per_pack:
                row += [round(v, 3) for v in interval(values)]
            for values in per_pack[1:]:
                changes = [b - a for a, b in zip(per_pack[0], values, strict=True)]
                row += [round(v, 3) for v in interval(changes)]
        rows.append(row)
        row_kinds.append(HEADLINE_KIND.get(key, "dec1"))
    title = (f"Angka utama: rata-rata dan interval 90 % dari {len(replications)} replikasi (seed "
             f"{replications[0].seed}–{replications[-1].seed}) / Headline figures: mean and 90 % interval "
             f"over {len(replications)} replications")
    table = Table("utama", title, columns, kinds, rows)
    table.row_kinds = row_kinds
    return table


def _transition(summary, labels: list, j: int) -> Table:
    """Annual predikat under the base (rows) against reform j (columns)."""
    letter, many = letters(labels)[j], _many(labels)
    matrix = summary.pairs[labels[j]].transition
    columns = [f"A ↓ / {letter} →", *(PREDIKAT_LABEL[p] for p in PREDIKAT), "Jumlah / Total"]
    rows = [[PREDIKAT_LABEL[p], *map(int, matrix[k]), int(matrix[k].sum())] for k, p in enumerate(PREDIKAT)]
    moved = int(matrix.sum() - matrix.trace())
    key, title = _section("transisi", f"Perpindahan predikat: {_number(moved)} orang berpindah / Predikat "
                          f"transitions: {_number(moved)} people moved", letter, labels[j], many)
    return Table(key, title, columns, ["text"] + ["int"] * 6, rows)


def tables(outcome: Outcome) -> list[Table]:
    summary, labels = outcome.summary, outcome.labels
    totals = [summary.totals[label] for label in labels]
    short = letters(labels)
    many = _many(labels)
    reforms = range(1, len(labels))  # each reform's index; its changes are against the base (0)
    changes = [_change(short[j], many) for j in reforms]
    out = []
    headline = headline_table(outcome)
    if headline is not None:
        out.append(headline)

    columns, kinds = ["Predikat"], ["text"]
    for letter in short:
        columns += [letter, f"{letter} %"]
        kinds += ["int", "pct"]
    columns += changes
    kinds += ["d_int"] * len(changes)
    rows = []
    for k, name in enumerate(PREDIKAT):
        row = [PREDIKAT_LABEL[name]]
        for total in totals:
            row += [int(total.predikat[ANNUAL][k]), _pct(int(total.predikat[ANNUAL][k]), total.pegawai)]
        row += [int(totals[j].predikat[ANNUAL][k] - totals[0].predikat[ANNUAL][k]) for j in reforms]
        rows.append(row)
    out.append(Table("predikat", "Sebaran predikat tahunan / Annual predikat distribution", columns, kinds,
                     rows, chart=(0, [1 + 2 * j for j in range(len(labels))])))

    out += [_transition(summary, labels, j) for j in reforms]

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
        columns = ["Aturan / Rule", *short, *changes]
        kinds = ["text"] + ["int"] * len(short) + ["d_int"] * len(changes)
        rows = [[rule, *(c.get(rule, 0) for c in counted),
                 *(counted[j].get(rule, 0) - counted[0].get(rule, 0) for j in reforms)]
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

    columns = ["Besaran / Amount", *short, *changes]
    rows = [["TPP setahun (Rp) / TPP for the year",
             *(round(t.tpp) if "tpp" in t.simulated else None for t in totals)],
            ["Angka kredit JF / Credit points",
             *(round(t.angka_kredit, 3) if "angka_kredit" in t.simulated else None for t in totals)],
            ["Pegawai Sangat Baik / Staff rated Sangat Baik", *(int(t.predikat[ANNUAL][0]) for t in totals)]]
    kinds_per_row = ["rp", "ak", "int"]
    for row in rows:
        base = row[1]
        row += [None if base is None or row[1 + j] is None else
                row[1 + j] - base if isinstance(base, int) else round(row[1 + j] - base, 3) for j in reforms]
    table = Table("total", "TPP dan angka kredit / TPP and credit points", columns,
                  ["text"] + ["rp"] * len(short) + ["d_rp"] * len(changes), rows)
    table.row_kinds = kinds_per_row
    out.append(table)

    if any(t.pegawai_nilai for t in totals):
        columns = ["Nilai (rata-rata tahunan) / Score (annual mean)", *short, *changes]
        rows = []
        for k, name in enumerate(("Nilai SKP / SKP score", "Nilai perilaku / Behaviour score",
                                  "Nilai kinerja / Performance score")):
            values = [round(t.nilai[k] / t.pegawai_nilai, 3) if t.pegawai_nilai else None for t in totals]
            values += [None if None in (values[0], values[j]) else round(values[j] - values[0], 3)
                       for j in reforms]
            rows.append([name, *values])
        out.append(Table("nilai", "Nilai kinerja (model nilai PP 30/2019) / Performance score (PP 30/2019 "
                         "numeric model)", columns,
                         ["text"] + ["dec2"] * len(short) + ["d_dec2"] * len(changes), rows))

    for group in GROUPS:
        values = _ordered(group, {value for (g, value) in totals[0].groups if g == group})
        columns, kinds = [GROUP_LABEL[group], "Pegawai / Staff"], ["text", "int"]
        for letter in short:
            columns += [f"{letter} % SB", f"{letter} % BP/K/SK", f"{letter} TPP (Rp)", f"{letter} AK"]
            kinds += ["pct", "pct", "rp", "ak"]
        for j in reforms:
            named = f" {short[j]} − A" if many else ""
            columns += [f"Δ TPP{named} (Rp)", f"Δ AK{named}"]
            kinds += ["d_rp", "d_ak"]
        rows = []
        for value in values:
            cells = [totals[j].groups[(group, value)] for j in range(len(labels))]
            n = cells[0]["pegawai"]
            row = [value, n]
            for cell in cells:
                row += [_pct(int(cell["predikat"][0]), n), _pct(int(cell["predikat"][2:].sum()), n),
                        round(cell["tpp"]), round(cell["angka_kredit"], 3)]
            for j in reforms:
                row += [round(cells[j]["tpp"] - cells[0]["tpp"]),
                        round(cells[j]["angka_kredit"] - cells[0]["angka_kredit"], 3)]
            rows.append(row)
        out.append(Table(f"kelompok_{group}", f"Menurut {GROUP_LABEL[group].split(' / ')[0].lower()} / "
                         f"By {GROUP_LABEL[group].split(' / ')[1].lower()}", columns, kinds, rows))
    for j in reforms:
        if summary.pairs[labels[j]].deltas:
            out += change_tables(summary.pairs[labels[j]], short[j], labels[j], many)
    assumptions = outcome.assumptions
    if assumptions is not None:
        out.append(Table("asumsi", f"Asumsi ({assumptions.source}) / Assumptions",
                         ["Kunci / Key", "Nilai / Value", "Sumber / Source"], ["text", "text", "text"],
                         [list(item) for item in assumptions.listing]))
    return out


_CHANGE_COLUMNS = ["Pegawai / Staff", "Naik / Gain", "Turun / Lose", "Tetap / Unchanged", "A TPP (Rp)",
                   "B TPP (Rp)", "Selisih / Change TPP (Rp)", "Selisih rata-rata / Mean change (Rp)"]
_CHANGE_KINDS = ["int", "int", "int", "int", "rp", "rp", "d_rp", "d_rp"]


def _change_cells(cell: dict) -> list:
    n = cell["pegawai"]
    delta = round(cell["tpp_b"] - cell["tpp_a"])
    return [n, cell["naik"], cell["turun"], cell["tetap"], round(cell["tpp_a"]), round(cell["tpp_b"]), delta,
            round((cell["tpp_b"] - cell["tpp_a"]) / n) if n else None]


def deciles(deltas) -> list[tuple]:
    """(decile 1–10, people, lowest, highest, mean, sum) of the TPP change: everyone ranked by their
    change (stable, lowest first) and cut into ten groups as equal as whole people allow."""
    import numpy as np

    values = np.sort(np.concatenate(deltas), kind="stable") if deltas else np.zeros(0)
    out = []
    for k, part in enumerate(np.array_split(values, 10)):
        if len(part):
            out.append((k + 1, len(part), float(part[0]), float(part[-1]), float(part.mean()),
                        float(part.sum())))
        else:
            out.append((k + 1, 0, None, None, None, 0.0))
    return out


def change_tables(pair, letter: str = "B", label: str = "", many: bool = False) -> list[Table]:
    """Who wins and who loses TPP under one reform (its `results.Pair`, letter and label): overall, by
    decile of the change, the largest changes, and by office (OPD), unit and group. Naik/turun/tetap
    compare each person's stored (cent-rounded) TPP under the reform with theirs under A. With several
    reforms each table is keyed `<key>_<letter>` and titled by its reform."""
    out = []

    def table(key: str, title: str, columns: list, kinds: list, rows: list, **options) -> Table:
        key, title = _section(key, _B.sub(letter, title), letter, label, many)
        return Table(key, title, [_B.sub(letter, c) for c in columns], kinds, rows, **options)

    overall = {"pegawai": 0, "naik": 0, "turun": 0, "tetap": 0, "tpp_a": 0.0, "tpp_b": 0.0}
    for (group, _), cell in pair.change.items():
        if group == "instansi":
            for name in overall:
                overall[name] += cell[name]
    out.append(table("tpp_perubahan", "Untung dan rugi TPP, B dibanding A / TPP winners and losers, "
                     "B against A", ["Kelompok / Group", *_CHANGE_COLUMNS], ["text", *_CHANGE_KINDS],
                     [["Semua / All", *_change_cells(overall)]], chart=(0, [2, 3, 4])))
    rows = [[f"Desil / Decile {k}", n, low, high, None if mean is None else round(mean, 2), round(total, 2)]
            for k, n, low, high, mean, total in deciles(pair.deltas)]
    out.append(table("tpp_desil", "Desil perubahan TPP per pegawai (B − A, terendah dulu) / Deciles of "
                     "each person's TPP change (B − A, lowest first)",
                     ["Desil / Decile", "Pegawai / Staff", "Terendah / Lowest (Rp)",
                      "Tertinggi / Highest (Rp)", "Rata-rata / Mean (Rp)", "Jumlah / Sum (Rp)"],
                     ["text", "int", "d_rp", "d_rp", "d_rp", "d_rp"], rows, chart=(0, [4])))
    rows = [["Naik / Gain" if t[0] > 0 else "Turun / Lose", t[1], t[2], t[3], t[4], round(t[5]), round(t[6]),
             round(t[0])] for t in pair.top]
    out.append(table("tpp_terbesar", "Perubahan TPP terbesar / Largest TPP changes",
                     ["Arah / Direction", "NIP", "Instansi / Office", "Unit", "Jenis jabatan / Position kind",
                      "A TPP (Rp)", "B TPP (Rp)", "Selisih / Change (Rp)"],
                     ["text", "text", "text", "text", "text", "rp", "rp", "d_rp"], rows))
    for group in CHANGE_GROUPS:
        cells = {value: cell for (g, value), cell in pair.change.items() if g == group}
        if group == "unit":  # the biggest changes first: the preview shows the units that matter
            values = sorted(cells, key=lambda v: (-abs(cells[v]["tpp_b"] - cells[v]["tpp_a"]),
                                                  str(v[0]), str(v[1])))
        elif group == "instansi":
            values = sorted(cells)
        else:
            values = [(v,) for v in _ordered(group, {v[0] for v in cells})]
        keys = CHANGE_KEYS.get(group, [GROUP_LABEL[group]])
        rows = [[*("" if v is None else v for v in value), *_change_cells(cells[value])] for value in values]
        indonesian, english = GROUP_LABEL[group].split(" / ")
        grouped = table(f"tpp_{group}", f"Untung dan rugi TPP menurut {indonesian[0].lower()}"
                        f"{indonesian[1:]} / TPP winners and losers by {english.lower()}",
                        [*keys, *_CHANGE_COLUMNS], ["text"] * len(keys) + _CHANGE_KINDS, rows)
        if group == "unit" and len(rows) > PREVIEW:
            grouped.preview = PREVIEW
            grouped.title += (f" — {PREVIEW} dengan selisih terbesar dari {_number(len(rows))}; semua di "
                              f"{grouped.key}.csv / the {PREVIEW} with the largest change of "
                              f"{_number(len(rows))}; all in {grouped.key}.csv")
        out.append(grouped)
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
        f"Waktu / Time: {_number(outcome.seconds, 1)} detik / s",
    ]
    for letter, label in zip(letters(labels), labels, strict=True):
        used = ", ".join(f"{decision}: {pack}" for decision, pack in outcome.sources[label].items())
        model = outcome.models.get(label)
        lines.append(f"{letter}: {used}" + (f" (model {model})" if model else ""))
    lines += money_lines(outcome)
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
    lines += outcome.given  # what an imported office's data gave and what was drawn, id then en
    return lines


def money_lines(outcome: Outcome) -> list[str]:
    """What a money pack not cut by the quarter's predikat does, and what the simulator simplifies
    for it; nothing for the original quarterly TPP (its report stays as it was)."""
    lines = []
    summary = outcome.summary
    for letter, label in zip(letters(outcome.labels), outcome.labels, strict=True):
        found = outcome.money.get(label)
        if found is None:
            continue
        plan, paid = found
        pack = outcome.sources[label].get("tpp", label)
        parts_id, parts_en = [], []
        if plan.bulan == 1 and plan.predikat and outcome.models.get(label, "kuadran") != "kuadran":
            parts_id.append("predikat bulanan belum disimulasikan untuk model nilai: setiap bulan memakai "
                            "predikat triwulannya")
            parts_en.append("monthly predikat is not simulated for the numeric models: each month takes "
                            "its quarter's predikat")
        elif plan.bulan == 1 and plan.predikat:
            total = summary.totals[label]
            share = shown(_pct(total.bulan_berbeda, total.bulan_pegawai), "pct")
            parts_id.append(f"dipotong menurut predikat bulanan (bulan_per_periode 1): rating hasil "
                            f"kerja dan perilaku tiap bulan mengikuti rating triwulannya, menyimpang "
                            f"dengan peluang 1 − konsistensi (diambil dari sebaran profil); rating hasil "
                            f"kerja pimpinan unit tetap triwulanan; kurva diperiksa per triwulan, tidak per "
                            f"bulan; predikat bulan berbeda dari triwulannya pada {share} bulan-pegawai")
            parts_en.append(f"cut by the monthly predikat (bulan_per_periode 1): each month's ratings follow "
                            f"the quarter's, departing with probability 1 − consistency (drawn from the "
                            f"profile's distribution); a unit head's rating hasil kerja stays quarterly; the "
                            f"curve is checked per quarter, not per month; the month's predikat differs from "
                            f"its quarter's in {share} of staff-months")
        elif plan.bulan == 12 and plan.predikat:
            paid_id = f"; dibayar pada tahun {paid} (tahun_dibayar)" if paid else ""
            paid_en = f"; paid in {paid} (tahun_dibayar)" if paid else ""
            parts_id.append(f"dipotong menurut predikat tahunan {outcome.year} (bulan_per_periode 12)"
                            f"{paid_id}")
            parts_en.append(f"cut by the annual predikat of {outcome.year} (bulan_per_periode 12){paid_en}")
        elif plan.bulan != 3 or not plan.predikat:
            parts_id.append(f"tidak membaca predikat (bulan_per_periode {plan.bulan})")
            parts_en.append(f"reads no predikat (bulan_per_periode {plan.bulan})")
        if plan.predikat == "nilai_prestasi_kerja":
            parts_id.append("nilai_prestasi_kerja dari predikat: Sangat Baik → Sangat Baik, Baik → Baik, "
                            "Butuh Perbaikan → Cukup, Kurang → Kurang, Sangat Kurang → Buruk")
            parts_en.append("nilai_prestasi_kerja from the predikat: Sangat Baik → Sangat Baik, Baik → Baik, "
                            "Butuh Perbaikan → Cukup, Kurang → Kurang, Sangat Kurang → Buruk")
        lateness = ("terlambat_sampai_60_menit", "terlambat_lebih_60_menit")
        if any(name in lateness for name, _, _ in plan.counts):
            parts_id.append("terlambat s.d. 60 menit = TL1 + TL2, lebih dari 60 menit = TL3 + TL4")
            parts_en.append("late up to 60 minutes = TL1 + TL2, more than 60 minutes = TL3 + TL4")
        if plan.defaults:
            names = ", ".join(plan.defaults)
            parts_id.append(f"masukan dengan nilai bawaan paket (tidak diketahui simulator): {names}")
            parts_en.append(f"inputs left at the pack's default (unknown to the simulator): {names}")
        if parts_id:
            lines.append(f"{letter}: TPP/tunjangan kinerja {pack} " + "; ".join(parts_id) + " / "
                         + "; ".join(parts_en))
    return lines


def closing_note(outcome: Outcome) -> str:
    """The report's last words: how far its figures rest on the simulator's assumptions."""
    if outcome.given and "sintetis" not in outcome.given[0]:
        return ("Angka dari data yang diberikan; yang tidak diberikan diambil acak menurut asumsi simulator "
                "(tabel Asumsi). / Figures from the data given; what was not given is drawn from the "
                "simulator's assumptions (table Assumptions).")
    return ("Angka sintetis: perilaku pegawai adalah asumsi simulator (tabel Asumsi), bukan data nyata. / "
            "Synthetic figures: staff behaviour is the simulator's assumption (table Assumptions).")


# Tables whose text cells come from people, not from this code: an assumptions file's values and
# sources, and the names of offices and units (a --db office names its own)
TYPED_TEXT_TABLES = frozenset({"asumsi", "tpp_instansi", "tpp_unit", "tpp_terbesar"})
_REFORM_SUFFIX = re.compile(r"_[b-j]$")  # a reform's own table among several (`_section`)


def markdown(outcome: Outcome) -> str:
    parts = ["# Simulasi e-Kinerja / e-Kinerja simulation", ""]
    parts += [f"- {line}" for line in header_lines(outcome)]
    for table in tables(outcome):
        parts += ["", f"## {table.title}", "", "| " + " | ".join(map(str, table.columns)) + " |",
                  "|" + "|".join("---" for _ in table.columns) + "|"]
        rows = rendered_rows(table)[:table.preview]
        if _REFORM_SUFFIX.sub("", table.key) in TYPED_TEXT_TABLES:  # typed by someone: shown as typed
            rows = [[markdown_literal(c) if table.kinds[i] == "text" else c for i, c in enumerate(row)]
                    for row in rows]
        parts += ["| " + " | ".join(row) + " |" for row in rows]
    parts += ["", closing_note(outcome)]
    return "\n".join(parts) + "\n"


def _bars(table: Table) -> str:
    """A grouped horizontal bar chart as inline SVG (no script, prints and emails as it is); a
    negative value is drawn as long as its size, in red, and labelled with its sign."""
    label_col, value_cols = table.chart
    rows = table.rows[:table.preview]
    values = [[float(row[c] or 0) for c in value_cols] for row in rows]
    biggest = max((abs(v) for row in values for v in row), default=0) or 1
    colours = ("#1f4e79", "#c55a11", "#548235")
    bar, gap, left, width = 14, 10, 190, 420
    height = len(values) * (len(value_cols) * bar + gap) + 30
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 140}" height="{height}" '
           f'role="img" aria-label="{html.escape(table.title)}">']
    y = 10
    for row, numbers in zip(rows, values, strict=True):
        out.append(f'<text x="0" y="{y + bar}" font-size="12">{html.escape(str(row[label_col]))}</text>')
        for j, number in enumerate(numbers):
            w = width * abs(number) / biggest
            colour = "#c00000" if number < 0 else colours[j % 3]
            kind = table.kinds[value_cols[j]]
            out.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar - 2}" fill="{colour}"/>')
            out.append(f'<text x="{left + w + 4:.1f}" y="{y + bar - 3}" font-size="11">'
                       f'{html.escape(shown(number, kind if kind != "text" else "int"))}</text>')
            y += bar
        y += gap
    legend = [table.columns[c] for c in value_cols]
    for j, name in enumerate(legend):
        out.append(f'<rect x="{left + 130 * j}" y="{y}" width="10" height="10" fill="{colours[j % 3]}"/>'
                   f'<text x="{left + 130 * j + 14}" y="{y + 10}" font-size="11">{html.escape(name)}</text>')
    out.append("</svg>")
    return "".join(out)


def headline_charts(outcome: Outcome) -> list[Table]:
    """One small chart per headline figure (predikat, TPP, angka kredit, nilai kinerja, the curve, people
    moved): each pack's value, the mean over the replications when there are several."""
    figures = [dict((key, values) for key, _, values in summary.headline()) for summary in
               outcome.replications or [outcome.summary]]
    charts = []
    for key in figures[0]:
        if key == "berpindah":
            continue
        per_pack = [[f[key][j] for f in figures] for j in range(len(outcome.labels))]
        if any(v is None for values in per_pack for v in values):
            continue
        kind = HEADLINE_KIND.get(key, "int") if len(figures) == 1 else HEADLINE_KIND.get(key, "dec1")
        rows = [[letter, sum(values) / len(values)] for letter, values in
                zip(letters(outcome.labels), per_pack, strict=True)]
        charts.append(Table(f"grafik_{key}", HEADLINE_LABEL[key], ["Paket / Pack", HEADLINE_LABEL[key]],
                            ["text", kind], rows, chart=(0, [1])))
    return charts


def html_report(outcome: Outcome) -> str:
    body = ["<h1>Simulasi e-Kinerja / e-Kinerja simulation</h1>", "<ul>"]
    body += [f"<li>{html.escape(line)}</li>" for line in header_lines(outcome)]
    body.append("</ul>")
    body.append("<h2>Angka utama / Headline figures</h2><div class=\"charts\">")
    for chart in headline_charts(outcome):
        body.append(f"<figure><figcaption>{html.escape(chart.title)}</figcaption>{_bars(chart)}</figure>")
    body.append("</div>")
    for table in tables(outcome):
        body.append(f"<h2>{html.escape(table.title)}</h2>")
        if table.chart and table.rows:
            body.append(_bars(table))
        body.append("<table><thead><tr>" + "".join(f"<th>{html.escape(str(c))}</th>" for c in table.columns)
                    + "</tr></thead><tbody>")
        for row in rendered_rows(table)[:table.preview]:
            body.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>")
        body.append("</tbody></table>")
    body.append(f"<p><small>{html.escape(closing_note(outcome))}</small></p>")
    style = ("body{font-family:sans-serif;max-width:70em;margin:2em auto;color:#111}"
             "table{border-collapse:collapse;margin:.5em 0 1.5em}"
             "td,th{border:1px solid #999;padding:.25em .6em;text-align:right}"
             "td:first-child,th:first-child{text-align:left}th{background:#eef}")
    return ("<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">"
            f"<title>Simulasi e-Kinerja</title><style>{style}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def write_exports(outcome: Outcome, folder: Path) -> list[Path]:
    """ringkasan.md, ringkasan.html, ringkasan.xlsx and per table a CSV for tools and one for an
    Indonesian Excel (`<table>-excel.csv`, see `sandbox.sim.workbook`), next to the run's hasil.sqlite."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = [folder / "ringkasan.md", folder / "ringkasan.html"]
    written[0].write_text(markdown(outcome), encoding="utf-8")
    written[1].write_text(html_report(outcome), encoding="utf-8")
    named = dict(zip(letters(outcome.labels), outcome.labels, strict=True))
    pattern = _letter_pattern(outcome.labels)

    def spelled(match) -> str:
        return named.get(match.group(0), match.group(0))

    from sandbox.sim.workbook import write_excel_csv, write_workbook

    def columns_of(table: Table) -> list:
        return [pattern.sub(spelled, str(c)) for c in table.columns]

    laid_out = tables(outcome)
    for table in laid_out:
        path = folder / f"{table.key}.csv"
        columns = columns_of(table)
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            writer.writerows([[csv_cell(c) for c in row] for row in table.rows])
        written.append(path)
        written.append(write_excel_csv(folder / f"{table.key}-excel.csv", columns, table.rows))
    written.append(write_workbook(folder / "ringkasan.xlsx", header_lines(outcome), laid_out, columns_of))
    return written
