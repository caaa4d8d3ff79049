"""The operator's Monitoring Kurva, the JPT's perspektif field and the late marks, driven with Pilot
on real SQLite offices; each test ends on the database or on what the workflow itself computes."""

from __future__ import annotations

import shutil

from textual.widgets import DataTable, Select

from sandbox.formatting import long_date
from sandbox.i18n import message
from sandbox.store import open_store
from sandbox.synth.office import demo_office
from sandbox.synth.persist import save_office
from sandbox.tui.app import SandboxApp
from sandbox.tui.office import open_office
from sandbox.tui.screens.evaluasi import EvaluasiScreen
from sandbox.tui.screens.monitoring import MonitoringScreen
from sandbox.tui.screens.persona import PersonaScreen
from sandbox.workflow import ADMIN_INSTANSI, TRAINER, WorkflowRefused, atur_jam, buat_periode_triwulan
from sandbox.workflow.kurva import monitoring
from sandbox.workflow.penilaian import tetapkan_capaian_organisasi
from sandbox.workflow.views import periods_of
from tests.test_tui_practice import KASI, PEGAWAI, become, click, db_rows, text, type_into
from tests.test_tui_snapshots import _rated_office

KABID = "197510172011101001"
KADIS = "197403192003012001"


async def _operator(pilot) -> None:
    while not isinstance(pilot.app.screen, PersonaScreen):
        await pilot.press("escape")
        await pilot.pause()
    await pilot.press(*"Pengelola Kinerja", "enter")
    await pilot.pause()


async def test_operator_checks_a_units_curve_from_the_monitoring_board(tmp_path):
    demo = tmp_path / "demo.db"
    open_office(demo).close()
    db = _rated_office(demo, tmp_path)  # Ade's Triwulan I rated by KASI
    with open_store(db) as store:
        unit = store.conn.execute("SELECT id FROM unor WHERE pimpinan_nip = ?", [KASI]).fetchone()[0]
        skp = store.conn.execute("SELECT id FROM skp WHERE nip = ?", [PEGAWAI]).fetchone()[0]
        master = periods_of(store, skp, reader=TRAINER)[0]["master_id"]
        tetapkan_capaian_organisasi(store, KABID, unit, master, "baik")
        board = monitoring(store, master)
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=(110, 40)) as pilot:
        await _operator(pilot)
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, MonitoringScreen)
        table = app.screen.query_one("#mon-unit", DataTable)
        assert table.row_count == len(board)
        row = [b["unor_id"] for b in board].index(unit)
        assert [str(c) for c in table.get_row_at(row)[1:3]] == ["1/1", "Baik"]  # counts, in words
        table.focus()
        table.move_cursor(row=row)
        await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        checks = db_rows(db, "SELECT result, checked_by FROM distribusi_check WHERE unor_id = ?", [unit])
        assert len(checks) == 1 and checks[0][1] == "PENGELOLA_KINERJA"
        shown = text(app, "#mon-hasil")
        assert shown.startswith("✓" if checks[0][0] == "SESUAI" else "✗")
        assert str(table.get_row_at(row)[3]) == {"SESUAI": "Sesuai", "MELANGGAR": "Melanggar"}[checks[0][0]]
        # a unit nobody has rated yet is refused with the workflow's own message, nothing stored
        other = next(i for i, b in enumerate(board) if b["capaian"] is None)
        table.move_cursor(row=other)
        await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        refused = WorkflowRefused("workflow.kurva.capaian_belum_ada", unit=board[other]["nama"])
        assert text(app, "#mon-hasil") == refused.render("id")
        assert len(db_rows(db, "SELECT id FROM distribusi_check", [])) == 1


async def test_only_a_jpt_is_asked_for_perspektif_and_it_is_stored(tmp_path):
    db = tmp_path / "kantor.db"
    with open_store(db) as store:  # not prepared: the head of office has no SKP yet
        save_office(store, demo_office())
        buat_periode_triwulan(store, ADMIN_INSTANSI, 2026)
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=(110, 60)) as pilot:
        await become(pilot, KADIS)
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.query_one("#bagian-perspektif").display
        await click(pilot, "#buat")
        await type_into(pilot, "#rhk-teks", "Meningkatnya keselamatan lalu lintas di kabupaten")
        await click(pilot, "#tambah-rhk")
        await type_into(pilot, "#ind-teks", "Persentase penurunan kecelakaan lalu lintas")
        await type_into(pilot, "#target", "10")
        await type_into(pilot, "#satuan", "persen")
        app.screen.query_one("#perspektif", Select).value = "penerima layanan"
        await pilot.pause()
        await click(pilot, "#tambah-ind")
        assert text(app, "#rhk-error") == "" and text(app, "#ind-error") == "", (
            text(app, "#rhk-error"), text(app, "#ind-error"))
        stored = db_rows(db, "SELECT i.perspektif FROM indikator i JOIN rhk r ON r.id = i.rhk_id"
                             " JOIN skp s ON s.id = r.skp_id WHERE s.nip = ?", [KADIS])
        assert stored == [("penerima layanan",)]
        await become(pilot, PEGAWAI)
        await pilot.press("f2")
        await pilot.pause()
        assert not app.screen.query_one("#bagian-perspektif").display


async def test_a_period_past_its_deadline_is_marked_late(tmp_path):
    demo = tmp_path / "demo.db"
    open_office(demo).close()
    db = tmp_path / "telat.db"
    shutil.copy(_rated_office(demo, tmp_path), db)
    with open_store(db) as store:
        skp = store.conn.execute("SELECT id FROM skp WHERE nip = ?", [PEGAWAI]).fetchone()[0]
        q1 = periods_of(store, skp, reader=TRAINER)[0]
        atur_jam(store, TRAINER, "2026-07-15")  # Q1 rated → locked; Q2 opened and left empty → late
        q2 = next(p for p in periods_of(store, skp, reader=TRAINER) if p["nama"] == "Triwulan II 2026")
    assert q2["state"] == "TERBUKA" and q2["batas_pengisian"] < "2026-07-15"
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=(110, 40)) as pilot:
        await become(pilot, PEGAWAI)
        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(app.screen, EvaluasiScreen)
        labels = {value: str(label) for label, value in app.screen.query_one("#periode", Select)._options}
        late = message("mengapa.eval.terlambat", "id", batas=long_date(q2["batas_pengisian"]))
        assert late in labels[q2["id"]]
        assert late.split(" ")[0] not in labels[q1["id"]]  # the rated, locked quarter is not late
