"""The regulator's workbench in the real app: change one parameter into a reform, run, read a result.

Driven by Pilot like a user: persona search "regulator", a parameter, a value, F6 to save, F5 to run.
The reform file lands in a copy of rules/ (EKINERJA_RULES), passes the real checker, and the numbers
on the screen equal a direct count over the run's stored per-person rows.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from textual.widgets import DataTable, Select, Static

from sandbox.cli import main
from sandbox.rules.loader import check_pack
from sandbox.tui.app import SandboxApp

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def bench(tmp_path, monkeypatch):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    monkeypatch.setenv("EKINERJA_RULES", str(rules))
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "kantor.db"
    assert main(["demo", "--db", str(db)]) == 0
    return tmp_path, db


async def _open_workbench(pilot, app):
    await pilot.pause()
    app.screen.query_one("#cari").value = "regulator"
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert type(app.screen).__name__ == "WorkbenchScreen"
    return app.screen


async def _wait(pilot, screen):
    for _ in range(300):
        await pilot.pause(0.1)
        if not screen.running:
            return
    raise AssertionError("the run did not finish")


async def test_change_one_parameter_run_and_read_the_result(bench):
    folder, db = bench
    app = SandboxApp(lang="id", db_path=str(db))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_workbench(pilot, app)
        screen.query_one("#wb-parameter", Select).value = "kurva_baik_maks_baik"
        await pilot.pause()
        assert "Sekarang: 0,7" in str(screen.query_one("#wb-parameter-info", Static).content)  # today
        assert screen.query_one("#wb-nilai").value == "0,7"  # ready to edit
        screen.query_one("#wb-nilai").value = ""
        await pilot.click("#wb-nilai")
        await pilot.press(*"0,5")
        screen.query_one("#wb-nama").value = "kuota-baik-50"
        await pilot.press("f6")
        await pilot.pause()
        written = folder / "rules" / "reforms" / "kuota-baik-50.yaml"
        assert written.is_file(), screen.query_one("#wb-pesan", Static).content
        pack, problems = check_pack(written)
        assert problems == [] and pack.parameters["kurva_baik_maks_baik"].values[-1][1] == 0.5
        assert screen.query_one("#wb-reformasi", Select).value == "kuota-baik-50"

        screen.query_one("#wb-pegawai").value = "1200"
        await pilot.press("f5")
        await _wait(pilot, screen)
        assert "1.200 pegawai" in str(screen.query_one("#wb-pesan", Static).content)
        table = screen.query_one("#wb-tabel-kurva_aturan", DataTable)
        rows = {str(table.get_row_at(r)[0]): table.get_row_at(r) for r in range(table.row_count)}
        shown_a, shown_b = (int(str(v).replace(".", "")) for v in rows["baik_baik_melebihi_batas"][1:3])

    stored = next((folder / "hasil-simulasi").glob("*/hasil.sqlite"))
    with sqlite3.connect(stored) as conn:
        def broken(pack: str) -> int:
            return conn.execute(
                "SELECT count(*) FROM hasil_kurva WHERE paket = ? AND periode = 'tahunan'"
                " AND ',' || aturan_dilanggar || ',' LIKE '%,baik_baik_melebihi_batas,%'",
                [pack]).fetchone()[0]
        assert (shown_a, shown_b) == (broken("permenpanrb-6-2022"), broken("kuota-baik-50"))
        people = conn.execute("SELECT count(DISTINCT nip) FROM hasil_pegawai").fetchone()[0]
    assert people == 1200
    assert shown_b > shown_a  # a lower cap on Baik can only break more units, and here it does


async def test_a_bad_value_is_refused_in_words_and_writes_nothing(bench):
    folder, db = bench
    app = SandboxApp(lang="en", db_path=str(db))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_workbench(pilot, app)
        screen.query_one("#wb-parameter", Select).value = "pembulatan_batas_atas"
        await pilot.pause()
        screen.query_one("#wb-nilai").value = "sometimes"
        screen.query_one("#wb-nama").value = "pembulatan-aneh"
        await pilot.press("f6")
        await pilot.pause()
        said = str(screen.query_one("#wb-pesan", Static).content)
        assert "not one of the choices" in said and "floor, ceil, round" in said
        assert not (folder / "rules" / "reforms" / "pembulatan-aneh.yaml").exists()
        await pilot.press("f8")
        await pilot.pause()
        assert "run first" in str(screen.query_one("#wb-pesan", Static).content)
