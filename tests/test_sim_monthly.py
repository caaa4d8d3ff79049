"""Money packs cut by a monthly or yearly predikat (issue #23): `bulan_per_periode` in the simulator.

- A quarterly run gives exactly what it gave before monthly predikat existed: the figures below were
  counted by the simulator before the change (same seed, staff and year), not by the code under test.
- `compare tpp-contoh tukin-bakamla-2023`: the money pack alongside the predikat pack in force; each
  month gets its own predikat (some differ from their quarter's), stored per person, and every
  person's TPP is recounted from the stored rows with the rules engine.
- bulan_per_periode 12: the year's predikat cuts every month (LHK pays it the next year).
- A money pack whose required input the simulator cannot supply is refused before the run, in words,
  in both languages; so is a period the simulator does not know.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from sandbox.rules.engine import Engine
from sandbox.rules.loader import load_pack
from sandbox.sim.compare import Request, run
from sandbox.sim.explain import explain
from sandbox.sim.rulebook import SimError, money_plan
from sandbox.sim.year import ANNUAL, period_ends

PREDIKAT = ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")
QUARTERS = ("tw1", "tw2", "tw3", "tw4")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Counted by the simulator before monthly predikat existed (staff 400, seed 11, one worker, 2027):
# per pack, TPP for the year, annual predikat counts and quarterly predikat counts summed over TW I–IV.
BEFORE = {
    ("permenpanrb-6-2022", "rules/reforms/kuota-sangat-baik-60.yaml"): {
        "permenpanrb-6-2022": (18915612800.0, [29, 229, 121, 11, 10], [247, 825, 391, 100, 37]),
        "reformasi-kuota-sangat-baik-60": (18915612800.0, [28, 229, 122, 11, 10], [247, 825, 391, 100, 37]),
    },
    ("tpp-contoh", "rules/reforms/kuota-baik-60.yaml"): {
        "tpp-contoh": (18915612800.0, [29, 229, 121, 11, 10], [247, 825, 391, 100, 37]),
        "reformasi-kuota-baik-60": (18896442800.0, [39, 213, 128, 10, 10], [263, 775, 425, 100, 37]),
    },
}


def _sql(path: Path, query: str, params: tuple = ()) -> list:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def _figures(outcome, label: str) -> tuple:
    total = outcome.summary.totals[label]
    return (round(total.tpp, 2), total.predikat[ANNUAL].tolist(),
            total.predikat[:ANNUAL].sum(axis=0).tolist())


@pytest.fixture(scope="module")
def bakamla(tmp_path_factory):
    """tpp-contoh (quarterly) against tukin-bakamla-2023 (monthly) on the BEFORE population."""
    out = tmp_path_factory.mktemp("bakamla")
    outcome = run(Request(["tpp-contoh", "tukin-bakamla-2023"], staff=400, seed=11, year=2027, out=out,
                          workers=1))
    return outcome, out / "hasil.sqlite"


@pytest.mark.parametrize("packs", list(BEFORE))
def test_a_quarterly_run_gives_what_it_gave_before(packs, tmp_path):
    outcome = run(Request(list(packs), staff=400, seed=11, workers=1, out=tmp_path))
    assert outcome.year == 2027
    assert {label: _figures(outcome, label) for label in outcome.labels} == BEFORE[packs]
    assert _sql(outcome.database, "SELECT count(*) FROM predikat_bulanan")[0][0] == 0
    assert all(plan.bulan == 3 and plan.classic for plan, _ in outcome.money.values())


def test_monthly_draws_leave_the_quarterly_run_alone(bakamla):
    """The base pack beside a monthly one sees the same people and quarters as beside a quarterly one."""
    outcome, _ = bakamla
    before = BEFORE[("tpp-contoh", "rules/reforms/kuota-baik-60.yaml")]["tpp-contoh"]
    assert _figures(outcome, "tpp-contoh") == before
    assert _figures(outcome, "tukin-bakamla-2023")[1:] == before[1:]  # the same predikat, other pay


def test_each_month_has_its_own_predikat_and_the_tpp_recounts_from_the_rows(bakamla):
    outcome, db = bakamla
    rows = {r["nip"]: r for r in _sql(db, "SELECT * FROM hasil_pegawai WHERE paket = 'tukin-bakamla-2023'")}
    months = {r["nip"]: json.loads(r["predikat_bulanan"]) for r in _sql(
        db, "SELECT nip, predikat_bulanan FROM predikat_bulanan WHERE paket = 'tukin-bakamla-2023'")}
    assert set(months) == set(rows) and len(rows) == 400
    assert not _sql(db, "SELECT 1 FROM predikat_bulanan WHERE paket = 'tpp-contoh'")
    differs = [nip for nip, twelve in months.items()
               if any(twelve[m] != rows[nip][f"predikat_{QUARTERS[m // 3]}"] for m in range(12))]
    assert 0 < len(differs) < 400  # a month departs from its quarter for some people, not for all
    total = outcome.summary.totals["tukin-bakamla-2023"]
    assert total.bulan_pegawai == 4800 and 0 < total.bulan_berbeda < 4800
    assert any(p in ("kurang", "sangat_kurang") for twelve in months.values() for p in twelve)

    pack, engine, ends, asked = load_pack("tukin-bakamla-2023"), Engine(), period_ends(2027), {}

    def received(besaran: int, predikat: str, month: int) -> float:
        key = (besaran, predikat, month)
        if key not in asked:
            asked[key] = float(engine.evaluate(pack, "tpp", {"tunjangan_kinerja_kelas_jabatan": besaran,
                                                             "predikat": predikat}, on=ends[month // 3])
                               .outputs["tpp_diterima"])
        return asked[key]

    monthly = quarterly = 0.0
    for nip, row in rows.items():
        own = sum(received(row["besaran_tpp"], months[nip][m], m) for m in range(12))
        assert abs(own - row["tpp_setahun"]) < 0.01, nip
        monthly += own
        quarterly += sum(received(row["besaran_tpp"], row[f"predikat_{QUARTERS[m // 3]}"], m)
                         for m in range(12))
    assert abs(monthly - total.tpp) < 1
    assert monthly != quarterly  # the month's own predikat changes the pay
    header = "\n".join(_header(outcome))
    assert "predikat bulanan (bulan_per_periode 1)" in header and "kurva diperiksa per triwulan" in header


def _header(outcome) -> list:
    from sandbox.sim.report import header_lines

    return header_lines(outcome)


def test_explain_shows_each_month_of_a_monthly_pack(bakamla):
    outcome, db = bakamla
    nip = next(r["nip"] for r in _sql(db, "SELECT nip, predikat_bulanan FROM predikat_bulanan WHERE "
                                          "predikat_bulanan LIKE '%kurang%'"))
    text = explain(db, nip, [("tpp-contoh", "tpp-contoh"), ("tukin-bakamla-2023", "tukin-bakamla-2023")],
                   2027, "en")
    part = text.split("Pack B = tukin-bakamla-2023")[1]
    assert "the month's own predikat" in part
    shown = [line.split(":")[0].strip().split(", ") for line in part.splitlines()
             if line.startswith("  ") and " a month (predikat " in line]
    assert sorted(month for months in shown for month in months) == sorted(MONTHS)
    stored = json.loads(_sql(db, "SELECT predikat_bulanan FROM predikat_bulanan WHERE nip = ?", (nip,))[0][0])
    assert [line.split("(predikat ")[1].split(",")[0] for line in part.splitlines()
            if " a month (predikat " in line] == [stored[MONTHS.index(m[0])] for m in shown]
    assert "TPP for the year by the rules engine" in part and "WARNING" not in text


def test_the_years_predikat_cuts_every_month_and_lhk_pays_it_next_year(tmp_path):
    outcome = run(Request(["tpp-contoh", "tukin-lhk-2024"], staff=300, seed=5, year=2027, out=tmp_path,
                          workers=1))
    plan, paid = outcome.money["tukin-lhk-2024"]
    assert (plan.bulan, paid) == (12, 2028)
    paid_share = {"sangat_baik": 100, "baik": 100, "butuh_perbaikan": 90, "kurang": 85, "sangat_kurang": 80}
    rows = _sql(outcome.database, "SELECT * FROM hasil_pegawai WHERE paket = 'tukin-lhk-2024'")
    for row in rows:
        month = round(row["besaran_tpp"] * paid_share[row["predikat_tahunan"]] / 100)
        assert row["tpp_setahun"] == 12 * month, row["nip"]
    # the year's predikat, not the quarters': someone with a worse quarter is paid in full
    worse = ("butuh_perbaikan", "kurang", "sangat_kurang")
    assert any(row["predikat_tahunan"] in ("sangat_baik", "baik")
               and row["tpp_setahun"] == 12 * row["besaran_tpp"]
               and any(row[f"predikat_{q}"] in worse for q in QUARTERS) for row in rows)
    assert "dibayar pada tahun 2028 (tahun_dibayar)" in "\n".join(_header(outcome))


def test_kemenag_reads_the_predikat_as_pp_46_labels(tmp_path):
    outcome = run(Request(["tpp-contoh", "tukin-kemenag-2016"], staff=200, seed=2, year=2027, out=tmp_path,
                          workers=1))
    # Butuh Perbaikan is read as Cukup (25 %), Sangat Kurang as Buruk (75 %)
    cut = {"sangat_baik": 0, "baik": 0, "butuh_perbaikan": 25, "kurang": 50, "sangat_kurang": 75}
    rows = _sql(outcome.database, "SELECT * FROM hasil_pegawai WHERE paket = 'tukin-kemenag-2016'")
    assert {row["predikat_tahunan"] for row in rows} >= {"baik", "butuh_perbaikan"}
    for row in rows:
        paid = round(row["besaran_tpp"] * (100 - cut[row["predikat_tahunan"]]) / 100)
        assert row["tpp_setahun"] == 12 * paid


def _reform(tmp_path: Path, bulan: int) -> Path:
    path = tmp_path / f"bakamla-{bulan}.yaml"
    path.write_text(
        f"pack: reformasi-bakamla-{bulan}\ntitle: Contoh — predikat per {bulan} bulan\n"
        "extends: tukin-bakamla-2023\n"
        "legal_basis:\n  - Contoh untuk uji\neffective_from: 2027-01-01\nparameters:\n  bulan_per_periode:\n"
        f"    cite: Contoh untuk uji\n    values: {{2027-01-01: {bulan}}}\n", encoding="utf-8")
    return path


def test_a_reform_may_make_bakamla_yearly(tmp_path):
    outcome = run(Request(["tpp-contoh", str(_reform(tmp_path, 12))], staff=200, seed=4, out=tmp_path / "o",
                          workers=1))
    cut = {"sangat_baik": 0, "baik": 0, "butuh_perbaikan": 0, "kurang": 1, "sangat_kurang": 2}
    rows = _sql(outcome.database, "SELECT * FROM hasil_pegawai WHERE paket = 'reformasi-bakamla-12'")
    assert any(row["predikat_tahunan"] in ("kurang", "sangat_kurang") for row in rows)
    for row in rows:
        paid = round(row["besaran_tpp"] * (100 - cut[row["predikat_tahunan"]]) / 100)
        assert row["tpp_setahun"] == 12 * paid


def test_an_input_the_simulator_does_not_know_is_refused_before_the_run(tmp_path):
    with pytest.raises(SimError) as refused:
        run(Request(["tpp-contoh", "tpp-dki-2020"], staff=50, seed=1, out=tmp_path, workers=1))
    indonesian, english = refused.value.render("id"), refused.value.render("en")
    assert "paket tpp-dki-2020 memerlukan masukan capaian_rencana_kinerja" in indonesian
    assert "simulator mengetahui: besaran_tpp, tunjangan_kinerja_kelas_jabatan, predikat" in indonesian
    assert "pack tpp-dki-2020 requires input capaian_rencana_kinerja" in english
    assert "default" in english and "Traceback" not in english
    assert not (tmp_path / "hasil.sqlite").exists()


def test_a_period_the_simulator_does_not_know_is_refused(tmp_path):
    with pytest.raises(SimError) as refused:
        run(Request(["tpp-contoh", str(_reform(tmp_path, 6))], staff=50, seed=1, workers=1))
    assert "bulan_per_periode = 6; simulator hanya mengenal 1, 3, 12" in refused.value.render("id")
    assert "write 1 (monthly predikat), 3 (quarterly) or 12 (yearly)" in refused.value.render("en")


def test_bgn_lateness_comes_from_the_tl_tiers():
    plan = money_plan(load_pack("tukin-bgn-2025"), 2027)
    assert plan.bulan == 1 and plan.predikat is None and plan.base == "tunjangan_kinerja_kelas_jabatan"
    # hari_tanpa_keterangan, tl1, tl2, tl3, tl4, psw1…4
    assert plan.counted([3, 4, 2, 1, 5, 0, 0, 0, 0]) == {"terlambat_sampai_60_menit": 6,
                                                          "terlambat_lebih_60_menit": 6}
    assert plan.counted([0, 22, 22, 0, 0, 0, 0, 0, 0])["terlambat_sampai_60_menit"] == 31  # the input's max


def test_a_predikat_choice_the_pack_lacks_is_refused_before_the_run(tmp_path):
    """A money pack reading predikat without one of the five (here Sangat Kurang) cannot take them all."""
    path = tmp_path / "tanpa-sk.yaml"
    source = (Path(__file__).resolve().parents[1] / "rules" / "tukin-bakamla-2023.yaml").read_text("utf-8")
    source = source.replace("pack: tukin-bakamla-2023", "pack: tukin-tanpa-sangat-kurang").replace(
        "values: [sangat_baik, baik, butuh_perbaikan, kurang, sangat_kurang]",
        "values: [sangat_baik, baik, butuh_perbaikan, kurang]")
    source = source.replace(", sangat_kurang: Sangat Kurang}", "}")
    rule = source.index("      - id: predikat_sangat_kurang")
    source = source[:rule] + source[source.index("      - id: predikat_kurang"):]
    path.write_text(source, encoding="utf-8")
    with pytest.raises(SimError) as refused:
        run(Request(["tpp-contoh", str(path)], staff=50, seed=1, workers=1))
    assert "masukan predikat keputusan tpp tidak memuat pilihan sangat_kurang" in refused.value.render("id")
    assert "input predikat of decision tpp lacks the choice sangat_kurang" in refused.value.render("en")
