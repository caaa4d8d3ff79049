"""The Dokumen Evaluasi screen (§1.4 steps 17–20) driven with Textual Pilot on a real SQLite demo
office: the period is prepared through the workflow service (fast), then the pegawai previews the
document, issues it, exports it to a file, files a keberatan, and — once the result is FINAL —
computes TPP, whose stored trace is checked against the rule engine evaluated apart."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from textual.widgets import Input, Markdown

from sandbox.export.dokumen import dokumen_markdown
from sandbox.i18n import message
from sandbox.rules.engine import Engine
from sandbox.rules.loader import load_pack
from sandbox.rules.mengapa import hitungan
from sandbox.store import open_store
from sandbox.tui.app import SandboxApp
from sandbox.tui.dialogs.catatan import CatatanDialog
from sandbox.tui.office import open_office
from sandbox.tui.screens.beranda import BerandaScreen
from sandbox.tui.screens.dokumen import DokumenScreen
from sandbox.tui.screens.evaluasi import EvaluasiScreen
from sandbox.tui.screens.persona import PersonaScreen
from sandbox.workflow import (
    TRAINER,
    ajukan,
    atur_jam,
    beri_umpan_balik,
    buat_skp,
    dokumen_evaluasi,
    isi_lampiran,
    isi_realisasi,
    nilai,
    setujui,
    tambah_bukti,
    tambah_indikator,
    tambah_rencana_aksi,
    tambah_rhk,
    terbitkan_dokumen,
    traces,
)
from sandbox.workflow.keberatan import batas_keberatan
from sandbox.workflow.tunjangan import ATTENDANCE_FIELDS
from sandbox.workflow.views import parent_rhk_options, periods_of
from tests.test_tui_practice import KASI, PEGAWAI, click, db_rows, text, type_into

RHK_TEKS = "Terverifikasinya berkas izin trayek angkutan"
SIZE = (110, 44)


@pytest.fixture(scope="module")
def locked(tmp_path_factory) -> tuple[Path, int]:
    """Ade's Triwulan I: filled, rated Sangat Baik by KASI, then locked by the clock passing its
    batas pengisian (10 April). Built once; each test works on a copy."""
    path = tmp_path_factory.mktemp("tpl") / "kantor.db"
    store = open_office(path)
    parent = parent_rhk_options(store, PEGAWAI, 2026)[0]["id"]
    skp_id = buat_skp(store, PEGAWAI, 2026)
    rhk = tambah_rhk(store, PEGAWAI, skp_id, RHK_TEKS, induk_rhk_id=parent)
    ind = tambah_indikator(store, PEGAWAI, rhk, "Jumlah berkas terverifikasi", aspek="kuantitas",
                           target_nilai=30, target_satuan="berkas")
    isi_lampiran(store, PEGAWAI, skp_id, dukungan_sd="PC", skema_pj="Laporan", konsekuensi="Teguran")
    ajukan(store, PEGAWAI, skp_id)
    setujui(store, KASI, skp_id)
    q1 = next(p["id"] for p in periods_of(store, skp_id, reader=TRAINER) if p["nama"] == "Triwulan I 2026")
    atur_jam(store, TRAINER, "2026-03-20")
    tambah_rencana_aksi(store, PEGAWAI, q1, rhk, "Memverifikasi 10 berkas per bulan")
    isi_realisasi(store, PEGAWAI, q1, ind, nilai=34)
    tambah_bukti(store, PEGAWAI, q1, ind, "Rekap verifikasi", "https://drive.google.com/rekap-q1")
    beri_umpan_balik(store, KASI, q1, "indikator", ind, pilihan=[2], tambahan="Pertahankan ketelitian")
    atur_jam(store, TRAINER, "2026-04-02")
    assert nilai(store, KASI, q1, rating_hk="di_atas", rating_pk="di_atas") == "sangat_baik"
    moved = atur_jam(store, TRAINER, "2026-04-11")  # past batas pengisian 2026-04-10
    assert moved["dikunci"] >= 1
    assert store.conn.execute("SELECT state FROM skp_periode WHERE id = ?", [q1]).fetchone() == ("TERKUNCI",)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path, q1


@pytest.fixture
def office(locked, tmp_path) -> tuple[Path, int]:
    template, q1 = locked
    db = tmp_path / "kelas.db"
    shutil.copy(template, db)
    return db, q1


def state(db: Path, q1: int) -> str:
    return db_rows(db, "SELECT state FROM skp_periode WHERE id = ?", [q1])[0][0]


async def open_dokumen(pilot, q1: int) -> DokumenScreen:
    """As Ade: Beranda → Evaluasi (F7), Triwulan I chosen → Dokumen (F8)."""
    app = pilot.app
    assert isinstance(app.screen, PersonaScreen)
    app.screen.query_one("#cari", Input).value = PEGAWAI
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, BerandaScreen)
    await pilot.press("f7")
    await pilot.pause()
    assert isinstance(app.screen, EvaluasiScreen)
    assert app.screen.period_id == q1  # the earliest opened period: Triwulan I
    await pilot.press("f8")
    await pilot.pause()
    assert isinstance(app.screen, DokumenScreen) and app.screen.period_id == q1
    return app.screen


def preview(app) -> str:
    return app.screen.query_one("#dokumen", Markdown).source


async def answer(pilot, selector: str, reply: str) -> None:
    """Press a button that asks for a note, type `reply` (maybe nothing) and send it with Enter."""
    await click(pilot, selector)
    assert isinstance(pilot.app.screen, CatatanDialog)
    if reply:
        await pilot.press(*reply)
    await pilot.press("enter")
    await pilot.pause()


async def test_preview_issue_export_and_keberatan(office):
    db, q1 = office
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_dokumen(pilot, q1)
        store = app.session.store

        # a locked period: preview with the predikat, ready to be issued, no keberatan or TPP yet
        assert text(app, "#dokumen-status") == message("tui.dok.state.terkunci", "id")
        assert preview(app) == dokumen_markdown(dokumen_evaluasi(store, q1, reader=TRAINER), "id")
        assert f"{message('dok.predikat', 'id')}: **Sangat Baik**" in preview(app)
        assert RHK_TEKS in preview(app) and "Pertahankan ketelitian" in preview(app)
        assert screen.query_one("#terbitkan").display
        assert not screen.query_one("#keberatan").display
        assert not screen.query_one("#bagian-tpp").display

        await click(pilot, "#terbitkan")
        asked = text(app, "#konfirmasi-tanya")
        assert "Ade Haryanti" in asked and "Triwulan I 2026" in asked and PEGAWAI not in asked
        assert state(db, q1) == "TERKUNCI"  # nothing issued before "Ya"
        await click(pilot, "#ya")
        assert state(db, q1) == "DOKUMEN_TERBIT"
        assert db_rows(db, "SELECT dokumen_terbit_at FROM skp_periode WHERE id = ?", [q1]) == [
            ("2026-04-11T08:00:00+07:00",)]
        # the last day to object as a date, from the pack in force (14 days after the issue)
        assert batas_keberatan(store, q1) == "2026-04-25"
        assert text(app, "#dokumen-status") == message("tui.pjb.dok.batas_keberatan", "id",
                                                       tanggal="25 April 2026")
        assert "diterbitkan: 11 April 2026" in preview(app) and "DOKUMEN_TERBIT" not in preview(app)
        assert not screen.query_one("#terbitkan").display
        assert screen.query_one("#keberatan").display

        # export: a Markdown file beside the sandbox, the same document the screen shows
        await click(pilot, "#ekspor")
        folder = db.parent / "dokumen-evaluasi"
        files = sorted(folder.iterdir())
        assert [f.name for f in files] == [f"dokumen-evaluasi-{PEGAWAI}-triwulan-i-2026.md"]
        exported = files[0].read_text(encoding="utf-8")
        assert exported == dokumen_markdown(dokumen_evaluasi(store, q1, reader=TRAINER), "id") == preview(app)
        assert PEGAWAI in exported and KASI in exported
        assert RHK_TEKS in exported and "**Sangat Baik**" in exported
        assert "https://drive.google.com/rekap-q1" in exported
        assert text(app, "#dokumen-error") == ""

        # a keberatan without a reason is refused inside the dialog, which stays open; nothing changes
        await answer(pilot, "#keberatan", "")
        assert isinstance(app.screen, CatatanDialog)
        assert text(app, "#catatan-error") == message("tui.catatan.keberatan_wajib", "id")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DokumenScreen)
        assert state(db, q1) == "DOKUMEN_TERBIT"
        assert db_rows(db, "SELECT count(*) FROM keberatan") == [(0,)]

        alasan = "Realisasi Maret belum dihitung"
        await answer(pilot, "#keberatan", alasan)
        assert state(db, q1) == "KEBERATAN"
        assert text(app, "#dokumen-error") == ""
        assert text(app, "#dokumen-status") == message("tui.dok.state.keberatan", "id")
        assert not screen.query_one("#keberatan").display
    assert db_rows(db, "SELECT skp_periode_id, alasan, filed_at FROM keberatan") == [
        (q1, alasan, "2026-04-11T08:00:00+07:00")]
    assert db_rows(db, "SELECT from_state, to_state, actor_nip FROM periode_status_log"
                       " WHERE skp_periode_id = ? ORDER BY id DESC LIMIT 2", [q1]) == [
        ("DOKUMEN_TERBIT", "KEBERATAN", PEGAWAI), ("TERKUNCI", "DOKUMEN_TERBIT", PEGAWAI)]


async def test_final_result_computes_tpp_with_the_engines_answer(office):
    db, q1 = office
    store = open_store(db)
    terbitkan_dokumen(store, PEGAWAI, q1)  # issued on 11 April …
    atur_jam(store, TRAINER, "2026-04-26")  # … 15 days later the keberatan window has passed
    store.close()
    assert state(db, q1) == "FINAL"

    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_dokumen(pilot, q1)
        assert text(app, "#dokumen-status") == message("tui.dok.state.final", "id")
        assert screen.query_one("#bagian-tpp").display
        assert not screen.query_one("#terbitkan").display
        assert not screen.query_one("#keberatan").display
        assert text(app, "#tunjangan") == ""

        # no amount, then words: explained, nothing computed
        await click(pilot, "#hitung-tpp")
        assert text(app, "#dokumen-error") == message("tui.dok.besaran_wajib", "id")
        await type_into(pilot, "#tpp-besaran", "lima juta")
        await click(pilot, "#hitung-tpp")
        assert text(app, "#dokumen-error") == message("tui.dok.angka_salah", "id")
        assert [t for t in traces(app.session.store, q1) if t["decision"] == "tpp"] == []

        screen.query_one("#tpp-besaran", Input).value = ""
        await type_into(pilot, "#tpp-besaran", "5.000.000")
        await type_into(pilot, "#tpp-tk", "2")
        await click(pilot, "#hitung-tpp")
        assert text(app, "#dokumen-error") == ""
        shown = text(app, "#tunjangan")
        stored = [t for t in traces(app.session.store, q1) if t["decision"] == "tpp"]
        assert len(stored) == 1

    inputs = {"besaran_tpp": 5_000_000.0, "predikat": "sangat_baik", "hukuman_disiplin": "tidak_ada",
              **{f: 0 for f in ATTENDANCE_FIELDS}, "hari_tanpa_keterangan": 2}
    expected = Engine().evaluate(load_pack("tpp-contoh"), "tpp", inputs, on=dt.date(2026, 4, 26))
    (tpp,) = stored
    assert tpp["inputs"] == inputs
    assert tpp["outputs"] == expected.outputs
    assert tpp["rule_pack_version"].startswith("tpp-contoh@")
    # 60 % productivity untouched (Sangat Baik), 40 % discipline less 2 days × 4 %
    assert expected.outputs["tpp_diterima"] == pytest.approx(5_000_000 * (0.6 + 0.4 * (1 - 0.08)))
    assert db_rows(db, "SELECT count(*) FROM audit_log WHERE action = 'tunjangan.tpp' AND session_nip = ?",
                   [PEGAWAI]) == [(1,)]

    # the "Mengapa?" shown is the stored result in words: money as rupiah, the reasons the rules gave,
    # the regulation; never the output's code or a bare number (#17 item 5)
    assert shown == hitungan(tpp, "id")
    assert "Rp 4.840.000" in shown and "Tidak masuk tanpa keterangan 2 hari" in shown
    assert "tpp_diterima" not in shown and "4840000" not in shown and "_" not in shown
