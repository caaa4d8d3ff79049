"""Who wins and who loses under a reform, one person's path, and the report for spreadsheets.

One paired run of 3 000 synthetic staff (the rules in force against `kuota-baik-60`, a curve reform
that moves predikat and so TPP both ways) goes through `sandbox.cli.main`; its winners and losers
tables (overall, by decile, by OPD, unit and group), the workbook and the Excel CSVs are recounted
from `hasil.sqlite` with plain SQL. `--explain NIP` is checked against the stored rows and the engine
of record.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from sandbox.cli import main
from sandbox.rules.engine import Engine
from sandbox.sim.behaviour import ATTENDANCE
from sandbox.sim.rulebook import SimRulebook, period_ends

ROOT = Path(__file__).resolve().parents[1]
BASE = "permenpanrb-6-2022"
REFORM = "rules/reforms/kuota-baik-60.yaml"
STAFF = 3000
GROUPS = ("jenis_jabatan", "golongan", "kelompok_umur", "jenis_kelamin")


def _sql(path: Path, query: str, params: tuple = ()) -> list:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def _csv(folder: Path, name: str) -> tuple[list, list]:
    with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def _run(argv: list, tmp_env) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        patch.setenv("EKINERJA_LANG", "id")
        patch.setenv("EKINERJA_PREFS", str(tmp_env / "prefs.json"))
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = main(argv)
    return code, stdout.getvalue(), stderr.getvalue()


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("distribution")
    code, stdout, stderr = _run(["compare", BASE, REFORM, "--staff", str(STAFF), "--seed", "3", "--out",
                                 str(out)], tmp_path_factory.mktemp("prefs"))
    db = out / "hasil.sqlite"
    labels = [label for (label,) in _sql(db, "SELECT DISTINCT paket FROM hasil_pegawai ORDER BY rowid")]
    return {"code": code, "out": stdout, "err": stderr, "folder": out, "db": db, "labels": labels,
            "prefs": tmp_path_factory.mktemp("prefs2")}


def _changes(run) -> dict:
    """(kantor, nip) -> (tpp A, tpp B, change B − A) from the stored rows."""
    a, b = run["labels"]
    rows = _sql(run["db"], "SELECT x.kantor, x.nip, x.tpp_setahun, y.tpp_setahun, round(y.tpp_setahun - "
                "x.tpp_setahun, 2) FROM hasil_pegawai x JOIN hasil_pegawai y ON x.kantor = y.kantor AND "
                "x.nip = y.nip WHERE x.paket = ? AND y.paket = ?", (a, b))
    return {(r[0], r[1]): r[2:] for r in rows}


def test_the_run_writes_the_new_tables_workbook_and_excel_csvs(run) -> None:
    assert run["code"] == 0, run["err"]
    assert "Traceback" not in run["out"] + run["err"]
    names = {p.name for p in run["folder"].iterdir()}
    for key in ("tpp_perubahan", "tpp_desil", "tpp_terbesar", "tpp_instansi", "tpp_unit",
                *(f"tpp_{g}" for g in GROUPS), "predikat", "total"):
        assert f"{key}.csv" in names and f"{key}-excel.csv" in names, key
    assert "ringkasan.xlsx" in names
    assert "## Untung dan rugi TPP, B dibanding A" in run["out"]
    assert "## Desil perubahan TPP" in run["out"]
    assert "## Untung dan rugi TPP menurut unit kerja" in run["out"]


def test_winners_losers_and_unchanged_add_up_to_the_staff(run) -> None:
    changes = _changes(run)
    assert len(changes) == STAFF
    gain = sum(1 for *_, d in changes.values() if d > 0)
    lose = sum(1 for *_, d in changes.values() if d < 0)
    same = sum(1 for *_, d in changes.values() if d == 0)
    assert gain > 0 and lose > 0, "the curve reform should move TPP both ways"
    header, rows = _csv(run["folder"], "tpp_perubahan")
    assert header[1:5] == ["Pegawai / Staff", "Naik / Gain", "Turun / Lose", "Tetap / Unchanged"]
    (row,) = rows
    staff, naik, turun, tetap = map(int, row[1:5])
    assert naik + turun + tetap == staff == STAFF
    assert (naik, turun, tetap) == (gain, lose, same)
    total_a = sum(a for a, _, _ in changes.values())
    total_b = sum(b for _, b, _ in changes.values())
    assert abs(float(row[5]) - total_a) <= 1 and abs(float(row[6]) - total_b) <= 1
    assert abs(float(row[7]) - (total_b - total_a)) <= 1


def test_the_decile_table_adds_up_and_is_the_ranked_changes(run) -> None:
    changes = sorted(d for *_, d in _changes(run).values())
    _, rows = _csv(run["folder"], "tpp_desil")
    assert len(rows) == 10
    counts = [int(r[1]) for r in rows]
    assert sum(counts) == STAFF and max(counts) - min(counts) <= 1
    start = 0
    for row, n in zip(rows, counts, strict=True):
        part = changes[start:start + n]
        start += n
        assert float(row[2]) == pytest.approx(part[0]) and float(row[3]) == pytest.approx(part[-1])
        assert float(row[5]) == pytest.approx(sum(part), abs=0.05)
    assert float(rows[0][2]) <= float(rows[-1][3])
    assert sum(float(r[5]) for r in rows) == pytest.approx(sum(changes), abs=0.5)


def test_largest_changes_are_the_extremes_of_the_rows(run) -> None:
    changes = _changes(run)
    _, rows = _csv(run["folder"], "tpp_terbesar")
    gains = [r for r in rows if r[0].startswith("Naik")]
    losses = [r for r in rows if r[0].startswith("Turun")]
    assert gains and losses
    assert float(gains[0][7]) == pytest.approx(max(d for *_, d in changes.values()), abs=1)
    assert float(losses[0][7]) == pytest.approx(min(d for *_, d in changes.values()), abs=1)
    by_nip = {nip: v for (_, nip), v in changes.items()}
    for row in rows:
        assert float(row[7]) == pytest.approx(by_nip[row[1]][2], abs=1), row[1]


def test_per_unit_and_per_opd_sums_equal_the_totals(run) -> None:
    a, b = run["labels"]
    folder, db = run["folder"], run["db"]
    _, overall = _csv(folder, "tpp_perubahan")
    totals = [float(v) for v in overall[0][1:8]]
    recount = {}
    assert _sql(db, "SELECT count(DISTINCT kantor) FROM hasil_pegawai") == [(1,)]  # unor_id is unique
    for _, unor, n, gain, lose, same, tpp_a, tpp_b in _sql(
            db, "SELECT x.kantor, coalesce(x.unor_id, ''), count(*), sum(y.tpp_setahun > x.tpp_setahun), "
                "sum(y.tpp_setahun < x.tpp_setahun), sum(y.tpp_setahun = x.tpp_setahun), sum(x.tpp_setahun), "
                "sum(y.tpp_setahun) FROM hasil_pegawai x JOIN hasil_pegawai y ON x.kantor = y.kantor "
                "AND x.nip = y.nip WHERE x.paket = ? AND y.paket = ? GROUP BY 1, 2", (a, b)):
        recount[unor] = (n, gain, lose, same, tpp_a, tpp_b)
    for key, label_columns in (("tpp_unit", 3), ("tpp_instansi", 2), *((f"tpp_{g}", 1) for g in GROUPS)):
        header, rows = _csv(folder, key)
        assert header[label_columns] == "Pegawai / Staff", key
        numbers = [[float(v) for v in row[label_columns:label_columns + 7]] for row in rows]
        sums = [sum(column) for column in zip(*numbers, strict=True)]
        for j in range(4):
            assert sums[j] == totals[j], (key, j)
        for j in range(4, 7):
            assert abs(sums[j] - totals[j]) <= len(rows), (key, j)  # each row's rupiah rounded once
    _, units = _csv(folder, "tpp_unit")
    assert len(units) == len(recount)
    for row in units:
        n, gain, lose, same, tpp_a, tpp_b = recount[row[1]]
        assert [int(v) for v in row[3:7]] == [n, gain, lose, same], row[2]
        assert abs(float(row[7]) - tpp_a) <= 1 and abs(float(row[8]) - tpp_b) <= 1, row[2]
    # the Markdown shows the units with the largest change first, and says the file has them all
    assert "semua di tpp_unit.csv" in run["out"]


def test_each_row_carries_what_explains_its_tpp(run) -> None:
    """The stored explanatory columns alone give the stored TPP back through the engine of record."""
    db = run["db"]
    columns = [c for (_, c, *_) in _sql(db, "PRAGMA table_info(hasil_pegawai)")]
    for name in ("instansi", "unit", "jenjang", "besaran_tpp", "hukuman_disiplin", "bulan_hukuman",
                 *(f"hadir_{k}" for k in ATTENDANCE), "kehadiran_bulanan", "hukuman_bulanan"):
        assert name in columns, name
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = [dict(r) for r in conn.execute(
        "SELECT * FROM hasil_pegawai WHERE paket = ? AND (hukuman_disiplin != 'tidak_ada' "
        "OR rowid % 397 = 0) ORDER BY rowid LIMIT 12", (run["labels"][0],))]
    conn.close()
    assert any(r["hukuman_disiplin"] != "tidak_ada" for r in rows)
    book = SimRulebook(BASE, 2027)
    ends = period_ends(2027)
    engine = Engine()
    for row in rows:
        monthly = json.loads(row["kehadiran_bulanan"])
        served = json.loads(row["hukuman_bulanan"])
        assert len(served) == row["bulan_hukuman"]
        for k, kind in enumerate(ATTENDANCE):
            assert sum(month[k] for month in monthly) == row[f"hadir_{kind}"]
        total = 0.0
        for month in range(12):
            q = month // 3
            inputs = {"besaran_tpp": row["besaran_tpp"], "predikat": row[f"predikat_tw{q + 1}"],
                      "hukuman_disiplin": served.get(str(month + 1), "tidak_ada"),
                      **dict(zip(ATTENDANCE, monthly[month], strict=True))}
            result = engine.evaluate(book.packs["tpp"], "tpp", inputs, on=ends[q])
            total += float(result.outputs["tpp_diterima"])
        assert total == pytest.approx(row["tpp_setahun"], abs=0.01), row["nip"]


def test_explain_prints_both_packs_with_the_rules_fired(run) -> None:
    _, rows = _csv(run["folder"], "tpp_terbesar")
    nip = next(r[1] for r in rows if r[0].startswith("Turun"))
    code, out, err = _run(["compare", BASE, REFORM, "--staff", str(STAFF), "--seed", "3", "--out",
                           str(run["folder"] / "explain"), "--explain", nip], run["prefs"])
    assert code == 0, err
    assert "Traceback" not in out + err
    a, b = run["labels"]
    query = ("SELECT predikat_tahunan, tpp_setahun, rating_hasil_kerja, rating_perilaku FROM hasil_pegawai "
             "WHERE nip = ? AND paket = ?")
    stored = {label: _sql(run["db"], query, (nip, label))[0] for label in (a, b)}
    assert f"NIP {nip}" in out
    assert f"Paket A = {a}" in out and f"Paket B = {b}" in out
    engine = Engine()
    for letter, label in (("A", a), ("B", b)):
        predikat, tpp, hasil, perilaku = stored[label]
        rupiah = "Rp " + f"{tpp:,.0f}".replace(",", ".")
        assert f"Paket {letter}: predikat tahunan {predikat}, TPP setahun {rupiah}" in out
        book = SimRulebook(REFORM if letter == "B" else BASE, 2027)
        result = engine.evaluate(book.packs["predikat"], "predikat", {"rating_hasil_kerja": hasil,
                                                                      "rating_perilaku": perilaku},
                                 on=period_ends(2027)[4])
        fired = [s["rule"] for s in result.trace if s["kind"] == "rule"]
        assert fired and f"aturan yang berlaku: {', '.join(fired)}" in out
        assert f"mesin aturan: {predikat} = tersimpan: {predikat}" in out
    assert out.count("TPP setahun menurut mesin aturan") == 2 and "PERHATIAN" not in out
    assert "Selisih TPP B − A: −Rp" in out
    assert "Mengapa:" in out and "keputusan tpp" in out


def test_explain_in_english(run) -> None:
    _, rows = _csv(run["folder"], "tpp_terbesar")
    nip = rows[0][1]
    code, out, err = _run(["compare", BASE, REFORM, "--staff", str(STAFF), "--seed", "3", "--out",
                           str(run["folder"] / "explain-en"), "--explain", nip, "--lang", "en"], run["prefs"])
    assert code == 0, err
    assert "Pack A = " in out and "Pack B = " in out and "rules fired:" in out
    assert "TPP for the year by the rules engine" in out and "TPP change B − A: +Rp" in out


def test_explain_refuses_an_unknown_nip_in_words(run) -> None:
    code, out, err = _run(["compare", BASE, REFORM, "--staff", "200", "--seed", "3", "--out",
                           str(run["folder"] / "unknown"), "--explain", "199999999999999999"], run["prefs"])
    assert code == 1
    assert "Traceback" not in out + err
    assert "NIP 199999999999999999 tidak ada dalam populasi yang disimulasikan (200 pegawai)" in err
    assert "salin satu NIP" in err


def _excel_number(text: str) -> float:
    assert "." not in text, f"{text!r}: an Indonesian Excel reads '.' as a thousands separator"
    return float(text.replace(",", "."))


def test_the_excel_csv_parses_with_semicolons_and_decimal_commas_to_the_same_numbers(run) -> None:
    folder = run["folder"]
    for key in ("predikat", "total", "tpp_desil", "tpp_unit", "kelompok_golongan", "kurva"):
        raw = (folder / f"{key}-excel.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), key  # UTF-8 with BOM
        with (folder / f"{key}-excel.csv").open(encoding="utf-8-sig", newline="") as handle:
            excel = list(csv.reader(handle, delimiter=";"))
        plain_header, plain = _csv(folder, key)
        assert excel[0] == plain_header and len(excel) - 1 == len(plain), key
        numeric = 0
        for excel_row, plain_row in zip(excel[1:], plain, strict=True):
            assert len(excel_row) == len(plain_row), key
            for e, p in zip(excel_row, plain_row, strict=True):
                try:
                    expected = float(p)
                except ValueError:
                    assert e == p, key
                    continue
                assert _excel_number(e) == pytest.approx(expected), (key, e, p)
                numeric += 1
        assert numeric > 0, key
    # a decimal figure is written with a comma
    with (folder / "predikat-excel.csv").open(encoding="utf-8-sig", newline="") as handle:
        cells = [c for row in list(csv.reader(handle, delimiter=";"))[1:] for c in row]
    assert any("," in c for c in cells)


def test_the_workbook_holds_the_reports_figures_as_numbers(run) -> None:
    from openpyxl import load_workbook

    folder, db = run["folder"], run["db"]
    book = load_workbook(folder / "ringkasan.xlsx")
    assert book.sheetnames[0] == "Ringkasan"
    for key in ("predikat", "transisi", "total", "tpp_perubahan", "tpp_desil", "tpp_unit", "asumsi"):
        assert key in book.sheetnames, key
    for key in ("predikat", "total", "tpp_perubahan", "tpp_desil", "tpp_unit", "kelompok_jenis_jabatan"):
        sheet = book[key]
        header, rows = _csv(folder, key)
        cells = [list(r) for r in sheet.iter_rows(min_row=2, values_only=True)]
        assert [str(c) for c in cells[0]] == header, key
        assert len(cells) - 1 == len(rows), key
        for got, want in zip(cells[1:], rows, strict=True):
            for g, w in zip(got, want, strict=True):
                if w == "":
                    assert g is None, key
                elif isinstance(g, int | float):
                    assert g == pytest.approx(float(w)), (key, g, w)
                else:
                    assert str(g) == w, key
    # recounted from the rows
    a, b = run["labels"]
    sheet = book["predikat"]
    values = {row[0]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
    counted = dict(_sql(db, "SELECT predikat_tahunan, count(*) FROM hasil_pegawai WHERE paket = ? GROUP BY 1",
                        (a,)))
    assert values["Sangat Baik"][1] == counted.get("sangat_baik", 0)
    assert values["Baik"][1] == counted.get("baik", 0)
    assert isinstance(values["Baik"][1], int)
    total_sheet = book["total"]
    tpp_row = next(r for r in total_sheet.iter_rows(min_row=3) if str(r[0].value).startswith("TPP"))
    (tpp_a,), (tpp_b,) = (_sql(db, "SELECT sum(tpp_setahun) FROM hasil_pegawai WHERE paket = ?", (label,))[0]
                          for label in (a, b))
    assert abs(tpp_row[1].value - tpp_a) <= 1 and abs(tpp_row[2].value - tpp_b) <= 1
    assert "Rp" in tpp_row[1].number_format and "#,##0" in tpp_row[1].number_format
    pct_cell = book["predikat"].cell(row=3, column=3)
    assert isinstance(pct_cell.value, float) and "%" in pct_cell.number_format


def test_every_headline_figure_has_a_chart_tpp_included(run) -> None:
    page = (run["folder"] / "ringkasan.html").read_text(encoding="utf-8")
    charts = page.split("<h2>Angka utama / Headline figures</h2>", 1)[1].split("<h2>", 1)[0]
    for caption in ("TPP setahun (Rp) / TPP for the year", "Pegawai Sangat Baik", "Pegawai Baik",
                    "Angka kredit JF", "Unit melanggar kurva", "Pegawai dipindah oleh kurva"):
        assert f"<figcaption>{caption}" in charts, caption
    assert charts.count("<svg") >= 8
    # the TPP chart labels each pack's figure in the Indonesian way
    a_total = _sql(run["db"], "SELECT sum(tpp_setahun) FROM hasil_pegawai WHERE paket = ?",
                   (run["labels"][0],))[0][0]
    assert ("Rp " + f"{round(a_total):,}".replace(",", ".")) in charts
