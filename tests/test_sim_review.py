"""What the review of the workbench found, kept as tests: a remembered TPP answer that belonged to
another office, a batch path the differential test did not take, and refusals that reached the
last guard or closed the app."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from sandbox.cli import main
from sandbox.rules.batch import BatchEvaluator
from sandbox.rules.engine import Engine
from sandbox.rules.loader import load_pack
from sandbox.sim import population, rulebook
from sandbox.sim.compare import Request, run

ROOT = Path(__file__).resolve().parents[1]
REFORM = str(ROOT / "rules" / "reforms" / "sel-hasil-di-atas-perilaku-sesuai.yaml")


def _rows(path: Path) -> list:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT paket, kantor, nip, predikat_tahunan, tpp_setahun, angka_kredit"
                            " FROM hasil_pegawai ORDER BY paket, kantor, nip").fetchall()


def test_many_small_offices_give_the_same_rows_whatever_the_workers_and_the_memo(tmp_path, monkeypatch):
    """Offices differ in which TPP amounts they have; a remembered TPP answer must not cross them."""
    monkeypatch.setattr(population, "OFFICE_MAX", 40)
    rulebook._MEMO.clear()
    one = run(Request(["permenpanrb-6-2022", REFORM], staff=400, seed=1, out=tmp_path / "a", workers=1))
    rulebook._MEMO.clear()  # forked workers would inherit the answers remembered above
    two = run(Request(["permenpanrb-6-2022", REFORM], staff=400, seed=1, out=tmp_path / "b", workers=2))
    assert one.summary.offices == 10
    assert _rows(one.database) == _rows(two.database)
    totals = [{k: t.tpp for k, t in outcome.summary.totals.items()} for outcome in (one, two)]
    assert totals[0] == totals[1]
    small_after = run(Request(["permenpanrb-6-2022"], staff=40, seed=1, out=tmp_path / "c", workers=1))
    rulebook._MEMO.clear()
    small_fresh = run(Request(["permenpanrb-6-2022"], staff=40, seed=1, out=tmp_path / "d", workers=1))
    assert _rows(small_after.database) == _rows(small_fresh.database)


@pytest.mark.parametrize("reference, decision, wanted", [
    ("tpp-contoh", "tpp", ("tpp_diterima",)),
    ("permenpanrb-6-2022", "kurva", ("pelanggaran", "kurva_sesuai")),
    ("permenpanrb-1-2023", "angka_kredit", ("angka_kredit",)),
])
def test_the_outputs_a_run_reads_equal_the_engine(reference, decision, wanted):
    """The simulator asks only for some outputs (`wanted`); those must still be the engine's."""
    import datetime as dt

    pack = load_pack(reference)
    on = dt.date(2027, 3, 31)
    batch, engine = BatchEvaluator(pack, decision, on), Engine()
    spec = pack.decisions[decision].inputs
    draw = random.Random(7)
    for _ in range(300):
        given = {}
        for name, item in spec.items():
            if item.type == "enum":
                given[name] = draw.choice(item.values)
            elif item.type == "integer":
                given[name] = draw.randint(int(item.minimum or 0), int(item.maximum or 40))
            else:
                given[name] = round(draw.uniform(0, 9_000_000), 2)
        expected = engine.evaluate(pack, decision, given, on=on).outputs
        got = batch.evaluate(given, wanted=frozenset(wanted))
        assert {k: got[k] for k in wanted} == {k: expected[k] for k in wanted}, given


def test_an_equals_constant_with_many_decimals_is_compared_as_the_engine_does(tmp_path):
    pack_file = tmp_path / "presisi.yaml"
    pack_file.write_text(
        "pack: uji-presisi\ntitle: Uji presisi\nlegal_basis: [Contoh untuk pengujian]\n"
        "effective_from: 2023-01-01\ndecisions:\n  d:\n    title: Satu angka\n    cite: Contoh\n"
        "    inputs:\n      x: {type: number, min: 0, max: 1}\n    outputs:\n      y: {type: integer}\n"
        "    hit_policy: first\n    rules:\n"
        "      - {id: tepat, when: {x: 0.123456789012}, then: {y: 1}, cite: Contoh}\n"
        "      - {id: lain, when: {}, then: {y: 0}, cite: Contoh}\n", encoding="utf-8")
    pack = load_pack(str(pack_file))
    import datetime as dt

    on = dt.date(2024, 1, 1)
    for x in (0.123456789012, 0.1234567890, 0.5):
        assert BatchEvaluator(pack, "d", on).evaluate({"x": x}) == Engine().evaluate(pack, "d", {"x": x},
                                                                                     on=on).outputs


@pytest.mark.parametrize("extra, code, said", [
    (["--year", "99999"], 2, "--year"),
    (["--seed", "-1"], 2, "--seed"),
    (["--workers", "-3"], 2, "--workers"),
])
def test_numbers_out_of_range_are_refused_in_words(extra, code, said, tmp_path, capsys):
    command = ["simulate", "permenpanrb-6-2022", "--staff", "30", "--out", str(tmp_path / "o"), *extra]
    assert main(command) == code
    err = capsys.readouterr().err
    assert said in err and " — " in err and "Traceback" not in err and "internal" not in err


def test_an_out_that_is_a_file_and_a_db_that_is_not_a_sandbox_are_refused(tmp_path, capsys):
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder")
    assert main(["simulate", "permenpanrb-6-2022", "--staff", "30", "--out", str(blocker)]) == 1
    err = capsys.readouterr().err
    assert str(blocker) in err and " — " in err and "internal" not in err
    other = tmp_path / "lain #2.db"
    sqlite3.connect(other).execute("CREATE TABLE x (a)").connection.close()
    assert main(["simulate", "permenpanrb-6-2022", "--db", str(other), "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert "bukan basis data sandbox" in err and "ekinerja seed" in err and "internal" not in err
    assert not (tmp_path / "lain ").exists()  # the '#' in the path is not read as a URI fragment


def test_a_reform_may_not_take_the_name_of_another_pack(tmp_path):
    from sandbox.sim.reform import ReformRefused, write_parameter_reform

    base = load_pack("permenpanrb-6-2022")
    with pytest.raises(ReformRefused) as refused:
        write_parameter_reform(base, "kurva_baik_maks_baik", 0.5, "tpp-contoh", tmp_path)
    assert refused.value.code == "sim.reform.id_taken"
    assert not (tmp_path / "tpp-contoh.yaml").exists()


async def test_a_failed_run_is_a_message_and_the_app_stays_open(tmp_path, monkeypatch):
    from textual.widgets import Static

    from sandbox.tui.app import SandboxApp

    monkeypatch.chdir(tmp_path)
    (tmp_path / "hasil-simulasi").write_text("a file where the results folder would go")
    db = tmp_path / "kantor.db"
    assert main(["demo", "--db", str(db)]) == 0
    app = SandboxApp(lang="id", db_path=str(db))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one("#cari").value = "regulator"
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#wb-pegawai").value = "50"
        await pilot.press("f5")
        for _ in range(100):
            await pilot.pause(0.1)
            if not screen.running:
                break
        assert "Simulasi gagal" in str(screen.query_one("#wb-pesan", Static).content)
        assert app.is_running and app.screen is screen


def test_typed_inputs_outside_a_packs_limits_get_the_engines_refusal():
    """The quick path for typed callers still refuses what the engine refuses (a reform may narrow
    an input's range or choices)."""
    import datetime as dt

    from sandbox.rules.problems import EvaluationError

    pack = load_pack("tpp-contoh")
    batch = BatchEvaluator(pack, "tpp", dt.date(2027, 3, 31))
    good = {"besaran_tpp": 3_000_000, "predikat": "baik", "hukuman_disiplin": "tidak_ada", "tl1": 2}
    assert batch.evaluate(good, checked=True) == Engine().evaluate(pack, "tpp", good,
                                                                    on=dt.date(2027, 3, 31)).outputs
    for bad, code in (({**good, "tl1": -1}, "eval.below_minimum"), ({**good, "tl1": 1.5}, "eval.not_integer"),
                      ({**good, "predikat": "cukup"}, "eval.bad_enum"),
                      ({k: v for k, v in good.items() if k != "predikat"}, "eval.missing_input"),
                      ({**good, "masa_kerja": 3}, "eval.unknown_input")):
        with pytest.raises(EvaluationError) as refused:
            batch.evaluate(bad, checked=True)
        assert refused.value.code == code
