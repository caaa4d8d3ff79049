"""`ekinerja compare` / `ekinerja simulate`: every figure of the report recounted from `hasil.sqlite`.

The acceptance case (10 000 synthetic staff, the rules in force against the one-cell kuadran reform)
runs once per module through `sandbox.cli.main`; its report, CSV exports and per-person rows are then
checked against one another with plain SQL, against what the reform is known to do, and against the
engine of record. Smaller runs (hundreds of staff) cover pairing, determinism, `--db`, refusals and
`simulate` of one pack.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import random
import re
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from sandbox.cli import main
from sandbox.rules.engine import Engine
from sandbox.rules.loader import load_pack

ROOT = Path(__file__).resolve().parents[1]
BASE = "permenpanrb-6-2022"
BASE_FILE = ROOT / "rules" / "permenpanrb-6-2022.yaml"
REFORM = "rules/reforms/sel-hasil-di-atas-perilaku-sesuai.yaml"
REFORM_ID = "reformasi-sel-hasil-di-atas"
KUOTA = "rules/reforms/kuota-sangat-baik-60.yaml"
PREDIKAT = ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")
PERIODS = ("tw1", "tw2", "tw3", "tw4", "tahunan")
GROUPS = ("jenis_jabatan", "golongan", "kelompok_umur", "jenis_kelamin")


# ---------------------------------------------------------------------------------------------- helpers


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


def _md_table(report: str, heading: str) -> list[list[str]]:
    """The body rows of the Markdown table under the `## heading…` line."""
    lines = report.splitlines()
    start = next(k for k, line in enumerate(lines) if line.startswith(f"## {heading}"))
    rows = []
    for line in lines[start + 4:]:  # heading, blank, header, rule
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def _id_int(text: str) -> int:
    """An Indonesian-formatted whole number as the report prints it ("7.298", "−987", "±0")."""
    sign = -1 if text.startswith("−") else 1
    return sign * int(text.lstrip("+−±").replace(".", ""))


def _pct(part: int, whole: int) -> float:
    return round(100 * part / whole, 2)


def _people(db: Path, label: str, columns: str = "nip, predikat_tahunan") -> dict:
    """(kantor, nip) -> the row's other columns, for one pack."""
    rows = _sql(db, f"SELECT kantor, {columns} FROM hasil_pegawai WHERE paket = ?", (label,))
    return {(r[0], r[1]): r[2:] for r in rows}


def _cli(argv: list, capsys) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("EKINERJA_LANG", "id")


# ------------------------------------------------------------------------------ the acceptance run (10k)


@pytest.fixture(scope="module")
def accepted(tmp_path_factory):
    """`ekinerja compare permenpanrb-6-2022 <reform> --staff 10000 --seed 1 --out DIR`, run once."""
    out = tmp_path_factory.mktemp("compare10k")
    stdout, stderr = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        patch.setenv("EKINERJA_LANG", "id")
        patch.setenv("EKINERJA_PREFS", str(tmp_path_factory.mktemp("prefs") / "prefs.json"))
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = main(["compare", BASE, REFORM, "--staff", "10000", "--seed", "1", "--out", str(out)])
    db = out / "hasil.sqlite"
    labels = tuple(_sql(db, "SELECT DISTINCT paket FROM hasil_pegawai ORDER BY rowid")) if db.exists() else ()
    return {"code": code, "out": stdout.getvalue(), "err": stderr.getvalue(), "folder": out, "db": db,
            "labels": tuple(label for (label,) in labels)}


def test_acceptance_run_prints_the_report_and_writes_every_export(accepted) -> None:
    assert accepted["code"] == 0, accepted["err"]
    out, err, folder = accepted["out"], accepted["err"], accepted["folder"]
    assert "Traceback" not in out + err
    for heading in ("# Simulasi e-Kinerja / e-Kinerja simulation",
                    "## Sebaran predikat tahunan / Annual predikat distribution",
                    "## Perpindahan predikat:", "## Unit yang melanggar kurva",
                    "## Aturan kurva yang dilanggar, tahunan", "## TPP dan angka kredit",
                    "## Menurut jenis kelamin / By gender"):
        assert heading in out
    assert f"A = {BASE}; B = {REFORM_ID}" in out
    assert "10.000 pegawai" in out and "tahun / year 2027" in out
    assert f"hasil tersimpan di {folder}" in out
    assert "10.000 dari 10.000 pegawai (100 %)" in err  # progress goes to stderr, not into the report
    assert "simulasi:" not in out
    expected = {"hasil.sqlite", "ringkasan.md", "ringkasan.html", "predikat.csv", "transisi.csv", "kurva.csv",
                "kurva_aturan.csv", "kurva_aturan_akhir.csv", "penyesuaian.csv", "total.csv", "asumsi.csv",
                *(f"kelompok_{g}.csv" for g in GROUPS)}
    assert expected <= {p.name for p in folder.iterdir()}
    # 21 tables (12, and 9 of TPP winners and losers), each as a CSV for tools and one for Excel
    assert "42 berkas CSV" in out
    # what was printed is what was saved
    assert out.startswith((folder / "ringkasan.md").read_text(encoding="utf-8"))
    page = (folder / "ringkasan.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "Sebaran predikat tahunan" in page
    # the stored run says what ran
    (tahun, pegawai, seed), = _sql(accepted["db"], "SELECT tahun, pegawai, seed FROM run")
    assert (tahun, pegawai, seed) == (2027, 10000, 1)
    assert accepted["labels"] == (BASE, REFORM_ID)
    per_pack = _sql(accepted["db"], "SELECT paket, count(*), count(DISTINCT kantor || '/' || nip) "
                                    "FROM hasil_pegawai GROUP BY paket ORDER BY paket")
    assert per_pack == [(BASE, 10000, 10000), (REFORM_ID, 10000, 10000)]


def test_predikat_distribution_is_a_count_of_the_rows(accepted) -> None:
    db, labels, folder = accepted["db"], accepted["labels"], accepted["folder"]
    counted = {label: dict(_sql(db, "SELECT predikat_tahunan, count(*) FROM hasil_pegawai WHERE paket = ? "
                                    "GROUP BY predikat_tahunan", (label,))) for label in labels}
    header, rows = _csv(folder, "predikat")
    assert header == ["Predikat", labels[0], f"{labels[0]} %", labels[1], f"{labels[1]} %",
                      "Selisih / Change"]
    assert len(rows) == 5
    shown = _md_table(accepted["out"], "Sebaran predikat tahunan")
    for k, name in enumerate(PREDIKAT):
        a, b = counted[labels[0]].get(name, 0), counted[labels[1]].get(name, 0)
        row = rows[k]
        assert [int(row[1]), int(row[3]), int(row[5])] == [a, b, b - a], name
        assert [float(row[2]), float(row[4])] == [_pct(a, 10000), _pct(b, 10000)], name
        assert [_id_int(shown[k][1]), _id_int(shown[k][3]), _id_int(shown[k][5])] == [a, b, b - a], name
    assert sum(counted[labels[0]].values()) == sum(counted[labels[1]].values()) == 10000


def test_transition_matrix_is_a_self_join_of_the_rows(accepted) -> None:
    db, labels, folder = accepted["db"], accepted["labels"], accepted["folder"]
    pairs = Counter(dict(((a, b), n) for a, b, n in _sql(
        db, "SELECT x.predikat_tahunan, y.predikat_tahunan, count(*) FROM hasil_pegawai x "
            "JOIN hasil_pegawai y ON x.kantor = y.kantor AND x.nip = y.nip "
            "WHERE x.paket = ? AND y.paket = ? GROUP BY 1, 2", labels)))
    assert sum(pairs.values()) == 10000  # everybody is in both packs, once
    _, rows = _csv(folder, "transisi")
    shown = _md_table(accepted["out"], "Perpindahan predikat")
    for k, base in enumerate(PREDIKAT):
        expected = [pairs[(base, reform)] for reform in PREDIKAT]
        assert [int(v) for v in rows[k][1:6]] == expected, base
        assert int(rows[k][6]) == sum(expected), base
        assert [_id_int(v) for v in shown[k][1:7]] == [*expected, sum(expected)], base
    moved = sum(n for (a, b), n in pairs.items() if a != b)
    assert moved > 0
    assert f"{moved:,}".replace(",", ".") + " orang berpindah" in accepted["out"]


def test_transition_csv_names_both_packs(accepted) -> None:
    """Each CSV carries the pack labels in its column names, so the file reads on its own."""
    labels = accepted["labels"]
    header, _ = _csv(accepted["folder"], "transisi")
    assert labels[0] in header[0]
    assert labels[1] in header[0], f"transisi.csv does not say which pack the columns are: {header[0]!r}"


def test_tpp_and_angka_kredit_totals_are_sums_of_the_rows(accepted) -> None:
    db, labels, folder = accepted["db"], accepted["labels"], accepted["folder"]
    sums = {label: _sql(db, "SELECT sum(tpp_setahun), sum(angka_kredit), count(angka_kredit), "
                            "sum(predikat_tahunan = 'sangat_baik') FROM hasil_pegawai WHERE paket = ?",
                        (label,))[0] for label in labels}
    jf = _sql(db, "SELECT paket, count(*) FROM hasil_pegawai WHERE jenis_jabatan = 'fungsional' "
                  "AND angka_kredit IS NULL GROUP BY paket")
    assert jf == [] or all(n < 100 for _, n in jf)  # angka kredit is there for (nearly) every JF
    assert _sql(db, "SELECT count(*) FROM hasil_pegawai WHERE jenis_jabatan != 'fungsional' "
                    "AND angka_kredit IS NOT NULL") == [(0,)]
    header, rows = _csv(folder, "total")
    assert header == ["Besaran / Amount", labels[0], labels[1], "Selisih / Change"]
    tpp, ak, sb = rows
    for j, label in enumerate(labels, start=1):
        assert abs(float(tpp[j]) - sums[label][0]) <= 1, label
        assert abs(float(ak[j]) - sums[label][1]) <= 0.01, label
        assert int(sb[j]) == sums[label][3], label
    assert abs(float(tpp[3]) - (sums[labels[1]][0] - sums[labels[0]][0])) <= 1
    assert abs(float(ak[3]) - (sums[labels[1]][1] - sums[labels[0]][1])) <= 0.01
    assert int(sb[3]) == sums[labels[1]][3] - sums[labels[0]][3]
    assert sums[labels[0]][2] == sums[labels[1]][2] > 0  # the same people hold angka kredit


def test_units_breaking_the_curve_are_a_count_of_the_checks(accepted) -> None:
    db, labels, folder = accepted["db"], accepted["labels"], accepted["folder"]
    header, rows = _csv(folder, "kurva")
    assert header[1:] == [f"{labels[0]} melanggar / broken", f"{labels[0]} %",
                          f"{labels[1]} melanggar / broken", f"{labels[1]} %"]
    assert len(rows) == 5
    for q, period in enumerate(PERIODS):
        for j, label in enumerate(labels):
            (checked, broken), = _sql(db, "SELECT count(*), sum(sesuai = 0) FROM hasil_kurva "
                                          "WHERE paket = ? AND periode = ?", (label, period))
            assert checked > 0
            assert int(rows[q][1 + 2 * j]) == broken, (period, label)
            assert float(rows[q][2 + 2 * j]) == _pct(broken, checked), (period, label)
    (annual_units,), = _sql(db, "SELECT count(*) FROM hasil_kurva WHERE paket = ? AND periode = 'tahunan'",
                            (labels[0],))
    assert f"dari {annual_units:,} unit".replace(",", ".") in accepted["out"]
    # a check either passes with no rule broken or fails naming at least one
    mixed = "SELECT count(*) FROM hasil_kurva WHERE (sesuai = 1) = (aturan_dilanggar != '')"
    assert _sql(db, mixed) == [(0,)]


def test_curve_rules_broken_are_a_count_of_the_annual_checks(accepted) -> None:
    db, labels, folder = accepted["db"], accepted["labels"], accepted["folder"]
    counted = {label: Counter() for label in labels}
    for label, rules in _sql(db, "SELECT paket, aturan_dilanggar FROM hasil_kurva "
                                 "WHERE periode = 'tahunan' AND aturan_dilanggar != ''"):
        counted[label].update(rules.split(","))
    header, rows = _csv(folder, "kurva_aturan")
    assert header == ["Aturan / Rule", labels[0], labels[1], "Selisih / Change"]
    table = {row[0]: [int(v) for v in row[1:]] for row in rows}
    assert set(table) == set(counted[labels[0]]) | set(counted[labels[1]])
    for rule, (a, b, change) in table.items():
        assert [a, b, change] == [counted[labels[0]][rule], counted[labels[1]][rule],
                                  counted[labels[1]][rule] - counted[labels[0]][rule]], rule


@pytest.mark.parametrize("group", GROUPS)
def test_breakdown_by_group_is_a_count_of_the_rows(accepted, group) -> None:
    db, labels, folder = accepted["db"], accepted["labels"], accepted["folder"]
    header, rows = _csv(folder, f"kelompok_{group}")
    assert header[1] == "Pegawai / Staff"
    assert header[2:6] == [f"{labels[0]} % SB", f"{labels[0]} % BP/K/SK", f"{labels[0]} TPP (Rp)",
                           f"{labels[0]} AK"]
    counted = {}
    for label in labels:
        for value, n, sb, low, tpp, ak in _sql(
                db, f"SELECT {group}, count(*), sum(predikat_tahunan = 'sangat_baik'), "
                    "sum(predikat_tahunan IN ('butuh_perbaikan', 'kurang', 'sangat_kurang')), "
                    f"sum(tpp_setahun), total(angka_kredit) FROM hasil_pegawai WHERE paket = ? GROUP BY 1",
                (label,)):
            counted[(label, value)] = (n, sb, low, tpp, ak)
    assert {row[0] for row in rows} == {value for (_, value) in counted}
    assert sum(int(row[1]) for row in rows) == 10000
    for row in rows:
        value = row[0]
        n = counted[(labels[0], value)][0]
        assert int(row[1]) == n == counted[(labels[1], value)][0], value
        for j, label in enumerate(labels):
            _, sb, low, tpp, ak = counted[(label, value)]
            pct_sb, pct_low, shown_tpp, shown_ak = row[2 + 4 * j: 6 + 4 * j]
            assert float(pct_sb) == _pct(sb, n), (value, label)
            assert float(pct_low) == _pct(low, n), (value, label)
            assert abs(float(shown_tpp) - tpp) <= 1, (value, label)
            assert abs(float(shown_ak) - ak) <= 0.01, (value, label)


# --------------------------------------------------------------------------- what this reform must do


def test_the_reform_only_lifts_baik_to_sangat_baik_in_its_one_cell(accepted) -> None:
    """Paired draws: people the curve adjustment left with the same ratings under both packs differ
    only by the one cell (in force Baik, in the reform Sangat Baik). The reform changes the spread
    each unit starts from, so the adjustment re-rates some people differently under each pack: they
    are counted, and their predikat still follows their own ratings under each pack."""
    db, labels = accepted["db"], accepted["labels"]
    base = _people(db, labels[0], "nip, predikat_tahunan, rating_hasil_kerja, rating_perilaku")
    reform = _people(db, labels[1], "nip, predikat_tahunan, rating_hasil_kerja, rating_perilaku")
    assert base.keys() == reform.keys()
    alike = [k for k in base if base[k][1:] == reform[k][1:]]
    assert len(alike) > 0.8 * len(base)  # most people end with the same ratings under both packs
    moves = Counter((base[k][0], reform[k][0]) for k in alike if base[k][0] != reform[k][0])
    assert set(moves) == {("baik", "sangat_baik")}, moves
    for key in alike:
        was, now = base[key], reform[key]
        if was[0] != now[0]:
            assert now[1:] == ("di_atas", "sesuai"), key
        if now[1:] == ("di_atas", "sesuai"):
            assert now[0] == "sangat_baik", key
            assert was[0] == "baik", key  # in force, the cell is Baik
    lifted = sum(1 for k in alike if reform[k][1:] == ("di_atas", "sesuai"))
    assert moves[("baik", "sangat_baik")] == lifted > 0
    rerated = [k for k in base if base[k][1:] != reform[k][1:]]  # re-rated differently by the adjustment
    assert rerated
    engine, on = Engine(), dt.date(2027, 12, 31)
    for rows, pack in ((base, load_pack(BASE_FILE)), (reform, load_pack(ROOT / REFORM))):
        cells = {}
        for key in rerated:
            predikat, hasil, perilaku = rows[key]
            if (hasil, perilaku) not in cells:
                cells[(hasil, perilaku)] = engine.evaluate(pack, "predikat", {
                    "rating_hasil_kerja": hasil, "rating_perilaku": perilaku}, on=on).outputs["predikat"]
            assert predikat == cells[(hasil, perilaku)], (pack.id, key)


def test_engine_of_record_agrees_with_sampled_rows(accepted) -> None:
    db, labels = accepted["db"], accepted["labels"]
    (year,), = _sql(db, "SELECT tahun FROM run")
    packs = {labels[0]: load_pack(BASE_FILE), labels[1]: load_pack(ROOT / REFORM)}
    assert packs[labels[1]].id == labels[1]
    engine, chooser = Engine(), random.Random(20270101)
    for label, pack in packs.items():
        rows = _sql(db, "SELECT nip, rating_hasil_kerja, rating_perilaku, predikat_tahunan "
                        "FROM hasil_pegawai WHERE paket = ? ORDER BY kantor, nip", (label,))
        sample = chooser.sample(rows, 50)
        sample += list({(r[1], r[2]): r for r in rows}.values())  # and one person of every kuadran cell
        assert {(r[1], r[2]) for r in sample} >= {("di_atas", "sesuai"), ("sesuai", "sesuai")}
        for nip, hasil, perilaku, predikat in sample:
            ratings = {"rating_hasil_kerja": hasil, "rating_perilaku": perilaku}
            result = engine.evaluate(pack, "predikat", ratings, on=dt.date(year, 12, 31))
            assert result.outputs["predikat"] == predikat, (label, nip, hasil, perilaku)


# ------------------------------------------------------------------------- paired, deterministic runs


def _compare_rows(argv: list, out: Path, capsys) -> list:
    code, stdout, stderr = _cli([*argv, "--out", str(out)], capsys)
    assert code == 0, stderr
    return _sql(out / "hasil.sqlite", "SELECT * FROM hasil_pegawai ORDER BY paket, kantor, nip")


def test_the_same_command_gives_the_same_rows_and_another_seed_does_not(tmp_path, capsys, at_root) -> None:
    command = ["compare", BASE, REFORM, "--staff", "800", "--seed", "5"]
    first = _compare_rows(command, tmp_path / "a", capsys)
    again = _compare_rows(command, tmp_path / "b", capsys)
    assert len(first) == 1600
    assert first == again
    assert _sql(tmp_path / "a" / "hasil.sqlite", "SELECT * FROM hasil_kurva ORDER BY rowid") == _sql(
        tmp_path / "b" / "hasil.sqlite", "SELECT * FROM hasil_kurva ORDER BY rowid")
    other = _compare_rows(["compare", BASE, REFORM, "--staff", "800", "--seed", "6"], tmp_path / "c", capsys)
    assert len(other) == 1600
    assert other != first
    drop_names = lambda rows: [row[:3] + row[4:] for row in rows]  # noqa: E731 - compare more than NIPs
    assert drop_names(other) != drop_names(first)


def test_a_pack_compared_with_itself_moves_nobody(tmp_path, capsys, at_root) -> None:
    code, out, err = _cli(["compare", BASE, BASE, "--staff", "800", "--seed", "2", "--out", str(tmp_path)],
                          capsys)
    assert code == 0, err
    assert "0 orang berpindah" in out
    _, rows = _csv(tmp_path, "transisi")
    for k, row in enumerate(rows):
        numbers = [int(v) for v in row[1:6]]
        assert all(v == 0 for j, v in enumerate(numbers) if j != k), row
    assert sum(int(row[6]) for row in rows) == 800
    _, totals = _csv(tmp_path, "total")
    for row in totals:
        assert row[1] == row[2] and float(row[3]) == 0, row
    distinct = "SELECT DISTINCT paket FROM hasil_pegawai ORDER BY rowid"
    labels = [label for (label,) in _sql(tmp_path / "hasil.sqlite", distinct)]
    assert len(labels) == 2  # the two sides stay apart in the rows
    a, b = (_people(tmp_path / "hasil.sqlite", label, "nip, predikat_tw1, predikat_tw2, predikat_tw3, "
                    "predikat_tw4, predikat_tahunan, tpp_setahun, angka_kredit") for label in labels)
    assert a == b


def test_outcome_summary_matches_its_own_database(tmp_path) -> None:
    """The in-process API: `compare.run` folds the same counts it stores (here the quota reform)."""
    from sandbox.sim.compare import Request, run
    from sandbox.sim.report import tables

    seen = []
    outcome = run(Request([BASE_FILE, str(ROOT / KUOTA)], staff=700, seed=4, out=tmp_path),
                  lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 700) and seen[-1] == (700, 700)
    assert outcome.database == tmp_path / "hasil.sqlite"
    assert outcome.year == _sql(outcome.database, "SELECT tahun FROM run")[0][0]
    for label in outcome.labels:
        total = outcome.summary.totals[label]
        counted = dict(_sql(outcome.database, "SELECT predikat_tahunan, count(*) FROM hasil_pegawai "
                                              "WHERE paket = ? GROUP BY 1", (label,)))
        assert [int(v) for v in total.predikat[4]] == [counted.get(p, 0) for p in PREDIKAT], label
        (broken,), = _sql(outcome.database, "SELECT count(*) FROM hasil_kurva WHERE paket = ? AND "
                                            "periode = 'tahunan' AND sesuai = 0", (label,))
        assert int(total.units_broken[4]) == broken, label
    predikat = next(t for t in tables(outcome) if t.key == "predikat")
    assert sum(row[1] for row in predikat.rows) == sum(row[3] for row in predikat.rows) == 700


# ------------------------------------------------------------------------------------------------ --db


def test_a_stored_office_simulates_like_the_synthetic_one(tmp_path, capsys, at_root) -> None:
    """`seed --staff N --seed S` stores the office `--staff N --seed S` simulates: same people, same year."""
    db = tmp_path / "kantor.sqlite"
    code, out, err = _cli(["seed", "--staff", "600", "--seed", "3", "--db", str(db)], capsys)
    assert code == 0, err
    code, _, err = _cli(["simulate", BASE, "--db", str(db), "--seed", "3", "--out", str(tmp_path / "db")],
                        capsys)
    assert code == 0, err
    code, _, err = _cli(["simulate", BASE, "--staff", "600", "--seed", "3", "--out", str(tmp_path / "syn")],
                        capsys)
    assert code == 0, err
    columns = "nip, unor_id, jenis_jabatan, golongan, kelompok_umur, jenis_kelamin, profil"
    stored = _sql(tmp_path / "db" / "hasil.sqlite", f"SELECT {columns} FROM hasil_pegawai ORDER BY nip")
    synthetic = _sql(tmp_path / "syn" / "hasil.sqlite", f"SELECT {columns} FROM hasil_pegawai ORDER BY nip")
    assert len(stored) == 600
    assert stored == synthetic  # the same population, person by person
    query = "SELECT nip, predikat_tahunan FROM hasil_pegawai"
    from_db = dict(_sql(tmp_path / "db" / "hasil.sqlite", query))
    from_synth = dict(_sql(tmp_path / "syn" / "hasil.sqlite", query))
    differ = sorted(nip for nip in from_db if from_db[nip] != from_synth[nip])
    assert differ == [], (f"{len(differ)} of {len(from_db)} staff get another annual predikat from --db "
                          f"than from --staff 600 --seed 3, e.g. {differ[:3]}")


# ---------------------------------------------------------------------------------------------- refusals


def _broken_yaml(tmp_path: Path) -> Path:
    path = tmp_path / "rusak.yaml"
    path.write_text("pack: rusak\ntitle: Paket rusak\neffective_from: 2024-01-01\n"
                    "decisions:\n  predikat: [\n    rules: {\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("argv", "code", "needles"), [
    pytest.param(["compare", BASE, "tidak-ada-paket", "--staff", "50"], 1,
                 ["tidak-ada-paket", "`ekinerja rules list`"], id="unknown-pack"),
    pytest.param(["simulate", BASE, "--staff", "0"], 2, ["--staff"], id="no-staff"),
    pytest.param(["simulate", BASE, "--staff", "5", "--db", "x.sqlite"], 2, ["--staff", "--db"],
                 id="staff-and-db"),
    pytest.param(["simulate", BASE, "--db", "{tmp}/tidak-ada.sqlite"], 1, ["tidak-ada.sqlite",
                                                                          "ekinerja seed"], id="missing-db"),
    pytest.param(["compare", BASE, REFORM, "--staff", "50", "--year", "2023"], 1, ["2023"], id="year-2023"),
    pytest.param(["compare", BASE, REFORM, "--staff", "50", "--year", "2026"], 1,
                 ["2026", REFORM_ID, "2027-01-01"], id="year-before-reform"),
    pytest.param(["simulate", BASE, "--staff", "banyak"], 2, ["--staff"], id="staff-not-a-number"),
])
def test_a_bad_request_is_one_sentence_and_an_exit_code(tmp_path, capsys, at_root, argv, code,
                                                        needles) -> None:
    argv = [arg.replace("{tmp}", str(tmp_path)) for arg in argv] + ["--out", str(tmp_path / "hasil")]
    got, out, err = _cli(argv, capsys)
    assert got == code, err
    assert "Traceback" not in out + err
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert " — " in lines[0]
    for needle in needles:
        assert needle in lines[0]
    assert not (tmp_path / "hasil" / "hasil.sqlite").exists()


def test_a_broken_pack_file_is_reported_at_its_line(tmp_path, capsys, at_root) -> None:
    broken = _broken_yaml(tmp_path)
    argv = ["compare", BASE, str(broken), "--staff", "50", "--out", str(tmp_path / "h")]
    code, out, err = _cli(argv, capsys)
    assert code == 1
    assert "Traceback" not in out + err and out == ""
    lines = err.strip().splitlines()
    assert lines, err
    for line in lines:  # every problem says where it is and what to do
        assert re.match(re.escape(str(broken)) + r":\d+: .+ — .+", line), line
    assert not (tmp_path / "h" / "hasil.sqlite").exists()


def test_english_on_request(tmp_path, capsys, at_root) -> None:
    code, out, err = _cli(["compare", BASE, "tidak-ada-paket", "--staff", "50", "--lang", "en"], capsys)
    assert code == 1 and "not found" in err and "tidak ditemukan" not in err
    code, out, err = _cli(["--lang", "en", "simulate", BASE, "--staff", "0"], capsys)
    assert code == 2 and "staff" in err and "tidak masuk akal" not in err
    argv = ["compare", BASE, REFORM, "--staff", "50", "--year", "2023", "--lang", "en"]
    code, out, err = _cli(argv, capsys)
    assert code == 1 and "not in force" in err and "2023" in err and "belum berlaku" not in err
    code, out, err = _cli(["simulate", BASE, "--staff", "60", "--out", str(tmp_path), "--lang", "en"], capsys)
    assert code == 0, err
    assert f"results saved in {tmp_path}" in out and "hasil tersimpan" not in out
    assert "60 of 60 staff" in err and "simulasi:" not in err
    assert "Traceback" not in out + err


# ---------------------------------------------------------------------------------------- one pack alone


def test_simulating_one_pack_has_no_transitions_and_no_change_columns(tmp_path, capsys, at_root) -> None:
    code, out, err = _cli(["simulate", BASE, "--staff", "300", "--seed", "2", "--out", str(tmp_path)], capsys)
    assert code == 0, err
    assert "Traceback" not in out + err
    assert f"A = {BASE}" in out and "B =" not in out
    assert "## Sebaran predikat tahunan" in out and "## TPP dan angka kredit" in out
    assert "Perpindahan" not in out and "Selisih" not in out and "Δ" not in out
    files = {p.name for p in tmp_path.iterdir()}
    assert "transisi.csv" not in files and "predikat.csv" in files and "hasil.sqlite" in files
    for path in tmp_path.glob("*.csv"):
        header = path.read_text(encoding="utf-8").splitlines()[0]
        assert "Selisih" not in header and "Δ" not in header, path.name
    assert _sql(tmp_path / "hasil.sqlite", "SELECT paket, count(*) FROM hasil_pegawai GROUP BY paket") == [
        (BASE, 300)]
    _, rows = _csv(tmp_path, "predikat")
    counted = dict(_sql(tmp_path / "hasil.sqlite", "SELECT predikat_tahunan, count(*) FROM hasil_pegawai "
                                                   "GROUP BY 1"))
    assert [int(row[1]) for row in rows] == [counted.get(p, 0) for p in PREDIKAT]
