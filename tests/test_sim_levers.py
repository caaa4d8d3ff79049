"""The regulator's levers (issue #19 items 1–3), recounted from the stored rows of `hasil.sqlite`.

- The curve as a lever: the simulated year brings every unit into its curve (the step `finalkan`
  enforces), so a curve reform changes predikat, TPP and angka kredit; the organisation's capaian
  follows its staff, so the first check breaks far less often than when it was drawn apart.
- Every pack simulable: PP 30/2019's numeric model (nilai SKP and perilaku → nilai kinerja →
  predikat) and PermenPANRB 8/2021's capaian IKI run; a weight reform changes nilai and predikat.
- Assumptions as data: a broken assumptions file is refused at its line; `--seeds K` gives every
  headline figure as a mean with a 90 % interval that holds every single seed's figure.
- `CurveCheck` (the simulator's quick curve decision) answers as `BatchEvaluator` does.

Populations are small (a few thousand staff); every figure is counted again with plain SQL.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import re
import sqlite3
from pathlib import Path

import pytest

from sandbox.cli import main
from sandbox.rules.batch import BatchEvaluator
from sandbox.rules.engine import Engine
from sandbox.rules.loader import load_pack
from sandbox.rules.registry import pack_files

ROOT = Path(__file__).resolve().parents[1]
BASE = "permenpanrb-6-2022"
CURVE_REFORM = "rules/reforms/kuota-baik-60.yaml"
CURVE_REFORM_ID = "reformasi-kuota-baik-60"
PP30 = "pp-30-2019"
PP30_REFORM = "rules/reforms/pp30-bobot-60-40.yaml"
PP30_REFORM_ID = "reformasi-pp30-bobot-60-40"
PREDIKAT = ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")
SHIPPED = ROOT / "sandbox" / "sim" / "asumsi.yaml"


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


def _run(argv: list, tmp: Path) -> tuple[int, str, str]:
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        patch.setenv("EKINERJA_LANG", "id")
        patch.setenv("EKINERJA_PREFS", str(tmp / "prefs.json"))
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    return code, out.getvalue(), err.getvalue()


def _counts(db: Path, label: str, seed: int | None = None) -> dict:
    where, params = "paket = ?", [label]
    if seed is not None:
        where, params = where + " AND seed = ?", [label, seed]
    return dict(
        _sql(
            db,
            f"SELECT predikat_tahunan, count(*) FROM hasil_pegawai WHERE {where} GROUP BY 1",
            tuple(params),
        )
    )


# ------------------------------------------------------------------------------ 1. the curve as a lever


@pytest.fixture(scope="module")
def curve_run(tmp_path_factory):
    """`compare permenpanrb-6-2022 kuota-baik-60 --staff 3000 --seed 2`: Baik at most 60 % in a Baik unit."""
    out = tmp_path_factory.mktemp("kurva")
    code, stdout, stderr = _run(
        [
            "compare",
            BASE,
            CURVE_REFORM,
            "--staff",
            "3000",
            "--seed",
            "2",
            "--out",
            str(out),
            "--workers",
            "1",
        ],
        out,
    )
    return {"code": code, "out": stdout, "err": stderr, "folder": out, "db": out / "hasil.sqlite"}


def test_a_curve_reform_changes_predikat_tpp_and_angka_kredit(curve_run) -> None:
    assert curve_run["code"] == 0, curve_run["err"]
    db = curve_run["db"]
    base, reform = _counts(db, BASE), _counts(db, CURVE_REFORM_ID)
    assert sum(base.values()) == sum(reform.values()) == 3000
    assert reform["baik"] < base["baik"]  # a tighter Baik quota leaves fewer staff Baik …
    assert reform["sangat_baik"] + reform["butuh_perbaikan"] > base["sangat_baik"] + base["butuh_perbaikan"]
    tpp = dict(_sql(db, "SELECT paket, sum(tpp_setahun) FROM hasil_pegawai GROUP BY 1"))
    credit = dict(_sql(db, "SELECT paket, sum(angka_kredit) FROM hasil_pegawai GROUP BY 1"))
    assert tpp[BASE] != tpp[CURVE_REFORM_ID]  # … and that reaches TPP and angka kredit
    assert credit[BASE] != credit[CURVE_REFORM_ID]
    # the curve, not the kuadran, made the difference: the same people are first rated alike
    first = dict(
        _sql(
            db,
            "SELECT paket, group_concat(predikat_tw1, '') FROM (SELECT * FROM hasil_pegawai "
            "ORDER BY kantor, nip) GROUP BY paket",
        )
    )
    assert first[BASE] != first[CURVE_REFORM_ID]
    moved = dict(
        _sql(db, "SELECT paket, sum(predikat_tahunan != predikat_tahunan_awal) FROM hasil_pegawai GROUP BY 1")
    )
    assert moved[CURVE_REFORM_ID] > moved[BASE] > 0
    # the report's tables are these counts
    _, rows = _csv(curve_run["folder"], "predikat")
    assert [(int(r[1]), int(r[3])) for r in rows] == [(base.get(p, 0), reform.get(p, 0)) for p in PREDIKAT]
    _, totals = _csv(curve_run["folder"], "total")
    assert abs(float(totals[0][1]) - tpp[BASE]) <= 1 and abs(float(totals[0][2]) - tpp[CURVE_REFORM_ID]) <= 1


def test_every_stored_predikat_follows_its_stored_ratings(curve_run) -> None:
    """The adjustment re-rates people; the row keeps the ratings the predikat was decided from."""
    db = curve_run["db"]
    engine, on = Engine(), dt.date(2027, 12, 31)
    for label, reference in ((BASE, BASE), (CURVE_REFORM_ID, ROOT / CURVE_REFORM)):
        pack = load_pack(reference)
        cells = {
            (h, p): engine.evaluate(
                pack, "predikat", {"rating_hasil_kerja": h, "rating_perilaku": p}, on=on
            ).outputs["predikat"]
            for h in ("di_atas", "sesuai", "di_bawah")
            for p in ("di_atas", "sesuai", "di_bawah")
        }
        rows = _sql(
            db,
            "SELECT rating_hasil_kerja, rating_perilaku, predikat_tahunan, dipindah_kurva "
            "FROM hasil_pegawai WHERE paket = ?",
            (label,),
        )
        assert all(cells[(h, p)] == predikat for h, p, predikat, _ in rows)
        assert any(moved for *_, moved in rows)


def test_the_base_curve_break_share_is_plausible_and_the_adjustment_is_reported(curve_run) -> None:
    db, out = curve_run["db"], curve_run["out"]
    ((checked, broken, still),) = _sql(
        db,
        "SELECT count(*), sum(sesuai = 0), sum(sesuai_akhir = 0) FROM hasil_kurva "
        "WHERE paket = ? AND periode = 'tahunan'",
        (BASE,),
    )
    # capaian drawn apart from the staff broke the curve in 81 % of units (208 of 209 rated Butuh
    # Perbaikan); following the staff it breaks less, and after the adjustment few units remain out
    assert broken / checked < 0.7, (broken, checked)
    # the capaian follows the staff: the worse a unit is rated, the more of its staff are first rated low
    share = dict(
        _sql(
            db,
            "SELECT capaian, 1.0 * sum(awal_butuh_perbaikan + awal_kurang + awal_sangat_kurang) "
            "/ sum(jumlah_pegawai) FROM hasil_kurva WHERE paket = ? GROUP BY 1",
            (BASE,),
        )
    )
    assert share["istimewa"] < share["baik"] < share["butuh_perbaikan"], share
    assert _sql(
        db,
        "SELECT count(*) FROM hasil_kurva WHERE awal_sangat_baik + awal_baik + awal_butuh_perbaikan "
        "+ awal_kurang + awal_sangat_kurang != jumlah_pegawai",
    ) == [(0,)]
    assert still / checked < 0.1, (still, checked)
    assert _sql(
        db, "SELECT count(*) FROM hasil_kurva WHERE (sesuai_akhir = 1) = (aturan_dilanggar_akhir != '')"
    ) == [(0,)]
    # the report counts who the curve moved: per period, from the rows
    header, rows = _csv(curve_run["folder"], "penyesuaian")
    assert header[1:3] == [f"{BASE} unit disesuaikan / units adjusted", f"{BASE} dipindah / moved"]
    for row, period in zip(rows, ("tw1", "tw2", "tw3", "tw4", "tahunan"), strict=True):
        awal = f"predikat_{period}" if period != "tahunan" else "predikat_tahunan_awal"
        ((units,),) = _sql(
            db,
            "SELECT count(*) FROM hasil_kurva WHERE paket = ? AND periode = ? AND dipindah > 0",
            (BASE, period),
        )
        ((final,),) = _sql(
            db,
            "SELECT sum(sesuai_akhir = 0) FROM hasil_kurva WHERE paket = ? AND periode = ?",
            (BASE, period),
        )
        assert int(row[1]) == units and int(row[5]) == final, period
        if period == "tahunan":
            ((moved,),) = _sql(
                db, f"SELECT sum(predikat_tahunan != {awal}) FROM hasil_pegawai WHERE paket = ?", (BASE,)
            )
            assert int(row[2]) == moved > 0
            assert f"A {moved:,}".replace(",", ".") in out.split("## Penyesuaian kurva")[1].splitlines()[0]
    assert "## Asumsi (sandbox/sim/asumsi.yaml) / Assumptions" in out


def test_without_the_adjustment_a_curve_reform_changes_only_the_breaks(tmp_path) -> None:
    """The old behaviour, as a stated assumption: `penyesuaian_kurva.aktif: false`."""
    text = SHIPPED.read_text(encoding="utf-8").replace("aktif: {nilai: true,", "aktif: {nilai: false,")
    assert "aktif: {nilai: false," in text
    (tmp_path / "tanpa.yaml").write_text(text, encoding="utf-8")
    code, out, err = _run(
        [
            "compare",
            BASE,
            CURVE_REFORM,
            "--staff",
            "800",
            "--seed",
            "3",
            "--out",
            str(tmp_path / "h"),
            "--asumsi",
            str(tmp_path / "tanpa.yaml"),
            "--workers",
            "1",
        ],
        tmp_path,
    )
    assert code == 0, err
    db = tmp_path / "h" / "hasil.sqlite"
    assert _counts(db, BASE) == _counts(db, CURVE_REFORM_ID)
    assert _sql(db, "SELECT count(*) FROM hasil_pegawai WHERE dipindah_kurva > 0") == [(0,)]
    broken = dict(_sql(db, "SELECT paket, sum(sesuai = 0) FROM hasil_kurva GROUP BY 1"))
    assert broken[CURVE_REFORM_ID] > broken[BASE]
    assert "penyesuaian kurva / curve adjustment: tidak" in out


# -------------------------------------------------------------------------- 2. every pack simulable


@pytest.fixture(scope="module")
def pp30_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("pp30")
    code, stdout, stderr = _run(
        ["compare", PP30, PP30_REFORM, "--staff", "2000", "--seed", "1", "--out", str(out), "--workers", "1"],
        out,
    )
    return {"code": code, "out": stdout, "err": stderr, "folder": out, "db": out / "hasil.sqlite"}


def test_a_pp30_weight_reform_changes_nilai_kinerja_and_predikat(pp30_run) -> None:
    assert pp30_run["code"] == 0, pp30_run["err"]
    db = pp30_run["db"]
    assert "model nilai" in pp30_run["out"]
    mean = dict(_sql(db, "SELECT paket, avg(nilai_kinerja) FROM hasil_pegawai GROUP BY 1"))
    assert mean[PP30_REFORM_ID] != pytest.approx(mean[PP30], abs=0.01)
    assert _counts(db, PP30) != _counts(db, PP30_REFORM_ID)
    # paired: the same nilai SKP and perilaku for people the curve left alone; only the weights differ
    rows = _sql(
        db,
        "SELECT a.nilai_skp, a.nilai_perilaku, a.nilai_kinerja, b.nilai_skp, b.nilai_perilaku, "
        "b.nilai_kinerja FROM hasil_pegawai a JOIN hasil_pegawai b ON a.kantor = b.kantor AND "
        "a.nip = b.nip WHERE a.paket = ? AND b.paket = ? AND a.dipindah_kurva = 0 AND "
        "b.dipindah_kurva = 0",
        (PP30, PP30_REFORM_ID),
    )
    assert len(rows) > 500
    alike = [row for row in rows if row[:2] == row[3:5]]
    assert len(alike) > 0.95 * len(rows)
    changed = 0
    for skp, perilaku, nilai, skp_b, perilaku_b, nilai_b in rows:
        assert nilai == pytest.approx(0.7 * skp + 0.3 * perilaku, abs=0.011)
        assert nilai_b == pytest.approx(0.6 * skp_b + 0.4 * perilaku_b, abs=0.011)
        changed += nilai != nilai_b
    assert changed > len(rows) / 2
    _, table = _csv(pp30_run["folder"], "nilai")
    assert float(table[2][1]) == pytest.approx(mean[PP30], abs=0.001)
    assert float(table[2][2]) == pytest.approx(mean[PP30_REFORM_ID], abs=0.001)


def test_pp30_rows_agree_with_the_engine_of_record(pp30_run) -> None:
    db = pp30_run["db"]
    engine, on, chooser = Engine(), dt.date(2027, 12, 31), random.Random(30)
    for label, reference in ((PP30, PP30), (PP30_REFORM_ID, ROOT / PP30_REFORM)):
        pack = load_pack(reference)
        rows = _sql(
            db,
            "SELECT nilai_skp, nilai_perilaku, nilai_kinerja, predikat_tahunan FROM hasil_pegawai "
            "WHERE paket = ? ORDER BY kantor, nip",
            (label,),
        )
        for skp, perilaku, nilai, predikat in chooser.sample(rows, 60):
            for inovasi in (False, True):  # the row does not keep the inovasi flag: one of the two holds
                got = engine.evaluate(
                    pack,
                    "nilai_kinerja",
                    {"nilai_skp": skp, "nilai_perilaku": perilaku, "inovasi": inovasi},
                    on=on,
                ).outputs
                shown = {"cukup": "butuh_perbaikan"}.get(got["predikat"], got["predikat"])
                if shown == predikat:
                    break
            assert shown == predikat and got["nilai_kinerja"] == pytest.approx(nilai, abs=0.001), (label, skp)


def test_permenpanrb_8_2021_runs_in_its_year_without_the_later_rules(tmp_path) -> None:
    code, out, err = _run(
        [
            "simulate",
            "permenpanrb-8-2021",
            "--staff",
            "400",
            "--seed",
            "1",
            "--out",
            str(tmp_path / "h"),
            "--workers",
            "1",
        ],
        tmp_path,
    )
    assert code == 0, err
    assert "tahun / year 2021" in out and "(model iki)" in out
    assert "kurva: — (permenpanrb-6-2022 tidak berlaku pada 2021" in out  # the SE 3/2023 curve came later
    db = tmp_path / "h" / "hasil.sqlite"
    assert sum(_counts(db, "permenpanrb-8-2021").values()) == 400
    assert _sql(
        db, "SELECT count(*) FROM hasil_pegawai WHERE tpp_setahun IS NOT NULL OR nilai_skp IS NULL"
    ) == [(0,)]
    assert _sql(db, "SELECT count(*) FROM hasil_kurva") == [(0,)]
    assert "| TPP setahun (Rp) / TPP for the year | – |" in out


def test_the_pp30_weight_reform_passes_the_pack_check() -> None:
    from sandbox.rules.loader import check_pack

    for reform in (PP30_REFORM, CURVE_REFORM):
        pack, problems = check_pack(ROOT / reform)
        assert pack is not None and problems == [], [p.render("en") for p in problems]


# ------------------------------------------------------------------- 3. assumptions as data, and --seeds


def test_the_shipped_assumptions_name_a_source_for_every_value_and_weigh_hukuman() -> None:
    from sandbox.sim.assumptions import check_file

    assumptions, problems = check_file(SHIPPED)
    assert problems == []
    assert all(source for _, _, source in assumptions.listing) and len(assumptions.listing) > 50
    weights = dict(
        zip(
            ("teguran_lisan", "pemberhentian_dalam_proses"),
            (assumptions.hukuman_weights[0], assumptions.hukuman_weights[-1]),
            strict=True,
        )
    )
    assert weights["teguran_lisan"] > 10 * weights["pemberhentian_dalam_proses"]  # not uniform any more


BAD = """asumsi: rusak
judul: contoh rusak
profil:
  diligent:
    hasil: {nilai: [0.3, 0.65, 0.05], sumber: asumsi}
    perilaku: {nilai: [0.25, 0.73, 0.02], sumber: asumsi}
    terlambat: {nilai: 1.5, sumber: asumsi}
    bukti_lemah: {nilai: sedikit, sumber: asumsi}
    dikerjakan_operator: {nilai: 0.02}
    warna: {nilai: 1, sumber: asumsi}
"""


def test_a_bad_assumptions_file_is_refused_at_its_lines(tmp_path) -> None:
    bad = tmp_path / "asumsi-rusak.yaml"
    # the shipped file with one profile replaced by the broken one above
    shipped = SHIPPED.read_text(encoding="utf-8")
    head, rest = shipped.split("  diligent:\n", 1)
    rest = rest.split("  late_filer:\n", 1)[1]
    broken_profile = BAD.split("  diligent:\n", 1)[1]
    bad.write_text(
        head + "  diligent:\n" + broken_profile + "    kehadiran: {nilai: {hari_tanpa_keterangan: 0.03, "
        "tl1: 0.25, tl2: 0.05, tl3: 0.02, tl4: 0.03, psw1: 0.15, psw2: 0.04, psw3: 0.01, psw4: 0.02}, "
        "sumber: asumsi}\n  late_filer:\n" + rest,
        encoding="utf-8",
    )
    lines = bad.read_text(encoding="utf-8").splitlines()
    where = {
        key: next(n for n, line in enumerate(lines, 1) if line.strip().startswith(key + ":"))
        for key in ("terlambat", "bukti_lemah", "dikerjakan_operator", "warna")
    }
    for lang, words in (
        ("id", ("di luar batas", "bukan angka", "sumber", "tidak dikenal")),
        ("en", ("outside", "not a number", "source", "unknown key")),
    ):
        code, out, err = _run(
            [
                "compare",
                BASE,
                CURVE_REFORM,
                "--staff",
                "50",
                "--out",
                str(tmp_path / "h"),
                "--asumsi",
                str(bad),
                "--lang",
                lang,
            ],
            tmp_path,
        )
        assert code == 1 and out == "" and "Traceback" not in err
        problems = err.strip().splitlines()
        assert len(problems) == 4, err
        for line in problems:
            assert re.match(re.escape(str(bad)) + r":\d+: .+ — .+", line), line
        found = {int(line.split(":")[1]): line for line in problems}
        assert (
            words[0] in found[where["terlambat"]] and "profil.diligent.terlambat" in found[where["terlambat"]]
        )
        assert words[1] in found[where["bukti_lemah"]]
        assert words[2] in found[where["dikerjakan_operator"]]
        assert words[3] in found[where["warna"]] and "profil.diligent.warna" in found[where["warna"]]
        assert not (tmp_path / "h" / "hasil.sqlite").exists()


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("", "(berkas)"),
        ("- a\n- b\n", "(berkas)"),
        ("asumsi: x\n", "'profil' tidak ada"),
    ],
)
def test_an_assumptions_file_of_the_wrong_shape_is_one_problem_per_line(tmp_path, text, needle) -> None:
    bad = tmp_path / "salah.yaml"
    bad.write_text(text, encoding="utf-8")
    code, out, err = _run(
        ["simulate", BASE, "--staff", "20", "--asumsi", str(bad), "--out", str(tmp_path / "h")], tmp_path
    )
    assert code == 1 and out == "" and "Traceback" not in err
    assert needle in err
    assert all(re.match(re.escape(str(bad)) + r":\d+: .+ — .+", line) for line in err.strip().splitlines())
    code, _, err = _run(
        ["simulate", BASE, "--staff", "20", "--asumsi", str(tmp_path / "tidak-ada.yaml")], tmp_path
    )
    assert code == 1 and "tidak-ada.yaml:1:" in err and "Traceback" not in err


def test_seeds_give_intervals_that_hold_every_single_seed(tmp_path) -> None:
    folder = tmp_path / "ulang"
    code, out, err = _run(
        [
            "compare",
            BASE,
            CURVE_REFORM,
            "--staff",
            "1200",
            "--seed",
            "5",
            "--seeds",
            "3",
            "--out",
            str(folder),
            "--workers",
            "1",
        ],
        tmp_path,
    )
    assert code == 0, err
    assert "Replikasi / Replications: 3 (seed 5–7)" in out and "## Angka utama" in out
    db = folder / "hasil.sqlite"
    assert _sql(db, "SELECT seed, count(*) FROM hasil_pegawai GROUP BY 1") == [
        (5, 2400),
        (6, 2400),
        (7, 2400),
    ]
    header, rows = _csv(folder, "utama")
    assert header[1:4] == ["A rata-rata / mean".replace("A", BASE, 1), f"{BASE} 5 %", f"{BASE} 95 %"]
    table = {row[0]: [float(v) if v else None for v in row[1:]] for row in rows}
    figures = {}
    for seed in (5, 6, 7):
        for j, label in enumerate((BASE, CURVE_REFORM_ID)):
            counts = _counts(db, label, seed)
            ((tpp,),) = _sql(
                db, "SELECT sum(tpp_setahun) FROM hasil_pegawai WHERE paket = ? AND seed = ?", (label, seed)
            )
            ((moved,),) = _sql(
                db,
                "SELECT sum(predikat_tahunan != predikat_tahunan_awal) FROM hasil_pegawai WHERE "
                "paket = ? AND seed = ?",
                (label, seed),
            )
            figures.setdefault(seed, {})[j] = {
                **{
                    f"Pegawai {name}": counts.get(key, 0)
                    for key, name in (
                        ("sangat_baik", "Sangat Baik"),
                        ("baik", "Baik"),
                        ("butuh_perbaikan", "Butuh Perbaikan"),
                    )
                },
                "TPP setahun": tpp,
                "Pegawai dipindah oleh kurva": moved,
            }
    for name in (
        "Pegawai Sangat Baik",
        "Pegawai Baik",
        "Pegawai Butuh Perbaikan",
        "TPP setahun",
        "Pegawai dipindah oleh kurva",
    ):
        row = next(values for title, values in table.items() if title.startswith(name))
        for j in (0, 1):
            mean, low, high = row[3 * j : 3 * j + 3]
            values = [figures[seed][j][name] for seed in (5, 6, 7)]
            assert mean == pytest.approx(sum(values) / 3, abs=0.01), name
            assert all(low - 0.5 <= v <= high + 0.5 for v in values), (name, low, high, values)
        changes = [figures[s][1][name] - figures[s][0][name] for s in (5, 6, 7)]
        assert all(row[7] - 0.5 <= c <= row[8] + 0.5 for c in changes), (name, row[6:], changes)
    # a single run of one of those seeds is that replication, and lies inside every interval
    code, _, err = _run(
        [
            "compare",
            BASE,
            CURVE_REFORM,
            "--staff",
            "1200",
            "--seed",
            "6",
            "--out",
            str(tmp_path / "satu"),
            "--workers",
            "1",
        ],
        tmp_path,
    )
    assert code == 0, err
    single = tmp_path / "satu" / "hasil.sqlite"
    for label in (BASE, CURVE_REFORM_ID):
        assert _counts(single, label) == _counts(db, label, 6)
    ((stored,),) = _sql(db, "SELECT angka_utama FROM replikasi WHERE seed = 6")
    assert '"tpp"' in stored


def test_seeds_out_of_range_are_refused_in_words(tmp_path) -> None:
    code, out, err = _run(
        ["simulate", BASE, "--staff", "20", "--seeds", "0", "--out", str(tmp_path)], tmp_path
    )
    assert code == 2 and "--seeds" in err and " — " in err and "Traceback" not in err


# ------------------------------------------------------------------- the quick curve check is exact


def _curve_packs() -> list:
    found = []
    for path in pack_files(ROOT / "rules"):
        pack = load_pack(path)
        if "kurva" in pack.decisions:
            found.append(pack)
    return found


@pytest.mark.parametrize("pack", _curve_packs(), ids=lambda p: p.id)
def test_the_quick_curve_check_answers_as_the_batch_evaluator(pack) -> None:
    from sandbox.sim.behaviour import CAPAIAN
    from sandbox.sim.curve import CurveCheck

    on = max(pack.effective_from, dt.date(2027, 3, 31))
    quick, batch = CurveCheck(pack, on), BatchEvaluator(pack, "kurva", on)
    assert quick.fast
    draw = random.Random(19)
    for n in range(4000):
        size = draw.choice((1, 2, 3, 5, 8, 13, 21, 38, 100, 400))
        cuts = sorted(draw.randint(0, size) for _ in range(4))
        counts = [b - a for a, b in zip([0, *cuts], [*cuts, size], strict=True)]
        draw.shuffle(counts)
        capaian = n % len(CAPAIAN)
        sesuai, fired, _ = quick.evaluate(capaian, counts)
        inputs = {
            "predikat_organisasi": CAPAIAN[capaian],
            **{f"jumlah_{p}": v for p, v in zip(PREDIKAT, counts, strict=True)},
        }
        expected = batch.evaluate(inputs)
        assert sesuai == expected["kurva_sesuai"], (capaian, counts)
        assert quick.broken(fired) == tuple(item["rule"] for item in expected["pelanggaran"]), (
            capaian,
            counts,
        )


def test_a_curve_of_another_shape_is_asked_of_the_batch_evaluator(tmp_path) -> None:
    from sandbox.sim.curve import CurveCheck

    path = tmp_path / "kurva-lain.yaml"
    counts = "".join(f"      jumlah_{p}: {{type: integer, min: 0}}\n" for p in PREDIKAT)
    path.write_text(
        "pack: uji-kurva-lain\ntitle: Kurva lain\nlegal_basis: [Contoh untuk pengujian]\n"
        "effective_from: 2023-01-01\ndecisions:\n  kurva:\n    title: Kurva lain\n    cite: Contoh\n"
        "    inputs:\n      predikat_organisasi:\n        type: enum\n"
        "        values: [istimewa, baik, butuh_perbaikan, kurang, sangat_kurang]\n" + counts +
        "    outputs:\n      kurva_sesuai: {type: boolean}\n    hit_policy: first\n    rules:\n"
        "      - {id: terlalu_banyak_sb, when: {jumlah_sangat_baik: {gt: 2}}, then: {kurva_sesuai: false}, "
        "cite: Contoh}\n      - {id: lain, when: {}, then: {kurva_sesuai: true}, cite: Contoh}\n",
        encoding="utf-8",
    )
    pack = load_pack(str(path))
    quick = CurveCheck(pack, dt.date(2024, 1, 1))
    assert not quick.fast
    assert quick.evaluate(1, (3, 1, 0, 0, 0))[0] is False
    assert quick.evaluate(1, (2, 1, 0, 0, 0))[0] is True
