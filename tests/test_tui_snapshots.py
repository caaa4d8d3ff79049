"""SVG snapshots of the main practice screens at 80×24 and 120×40, in Indonesian and English.

Update deliberately after a reviewed change: `python -m pytest tests/test_tui_snapshots.py
--snapshot-update`. Textual is pinned exactly in pyproject.toml so an upgrade is such a change.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sandbox.tui.app import SandboxApp
from sandbox.tui.office import open_office
from sandbox.workflow.actors import TRAINER

PEGAWAI = "199704292023112001"
KASI = "198112092000061001"
SIZES = [(80, 24), (120, 40)]
LANGS = ["id", "en"]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("snap") / "demo.db"
    open_office(path).close()
    return path


def _app(demo_db: Path, tmp_path: Path, lang: str) -> SandboxApp:
    db = tmp_path / "kelas.db"
    shutil.copy(demo_db, db)
    return SandboxApp(lang, db_path=str(db))


async def _as(pilot, nip: str) -> None:
    await pilot.pause()
    await pilot.press(*nip, "enter")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
def test_persona_screen(snap_compare, demo_db, tmp_path, lang, size):
    assert snap_compare(_app(demo_db, tmp_path, lang), terminal_size=size, run_before=lambda p: p.pause())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
def test_beranda_of_a_pejabat(snap_compare, demo_db, tmp_path, lang, size):
    assert snap_compare(_app(demo_db, tmp_path, lang), terminal_size=size,
                        run_before=lambda pilot: _as(pilot, KASI))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
def test_skp_screen_of_a_new_draft(snap_compare, demo_db, tmp_path, lang, size):
    async def draft(pilot):
        await _as(pilot, PEGAWAI)
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("enter")  # Buat SKP 2026 has the focus
        await pilot.pause()

    assert snap_compare(_app(demo_db, tmp_path, lang), terminal_size=size, run_before=draft)


def _rated_office(demo_db: Path, tmp_path: Path) -> Path:
    """A copy of the demo where the pegawai's SKP is approved and Triwulan I is filled and rated,
    built through the workflow service (the screens under test only read it)."""
    from sandbox.store import open_store
    from sandbox.workflow import (
        ajukan,
        buat_skp,
        isi_lampiran,
        isi_realisasi,
        nilai,
        setujui,
        tambah_bukti,
        tambah_indikator,
        tambah_rencana_aksi,
        tambah_rhk,
    )
    from sandbox.workflow.views import parent_rhk_options, periods_of

    db = tmp_path / "dinilai.db"
    shutil.copy(demo_db, db)
    with open_store(db) as store:
        skp = buat_skp(store, PEGAWAI, 2026)
        induk = parent_rhk_options(store, PEGAWAI, 2026)[0]["id"]
        rhk = tambah_rhk(store, PEGAWAI, skp, "Terlayaninya permohonan izin operasional tepat waktu",
                         induk_rhk_id=induk)
        ind = tambah_indikator(store, PEGAWAI, rhk, "Jumlah permohonan yang diselesaikan", aspek="kuantitas",
                               target_nilai=120, target_satuan="berkas")
        isi_lampiran(store, PEGAWAI, skp, dukungan_sd="Komputer dan aplikasi layanan",
                     skema_pj="Laporan bulanan ke Kepala Seksi", konsekuensi="Sesuai ketentuan")
        ajukan(store, PEGAWAI, skp)
        setujui(store, KASI, skp)
        q1 = periods_of(store, skp, reader=TRAINER)[0]["id"]
        tambah_rencana_aksi(store, PEGAWAI, q1, rhk, "Memproses permohonan izin setiap hari kerja")
        isi_realisasi(store, PEGAWAI, q1, ind, nilai=32)
        tambah_bukti(store, PEGAWAI, q1, ind, "Rekap layanan Q1", "https://drive.example.go.id/q1")
        nilai(store, KASI, q1, rating_hk="di_atas", rating_pk="sesuai")
    return db


async def _evaluasi(pilot):
    await _as(pilot, PEGAWAI)
    await pilot.press("f7")
    await pilot.pause()
    pilot.app.screen.query_one("#hasil").scroll_visible(animate=False)
    await pilot.pause()


async def _matriks(pilot):
    await _as(pilot, KASI)
    await pilot.press("f8")
    await pilot.pause()


async def _dokumen(pilot):
    await _as(pilot, PEGAWAI)
    for key in ("f7", "f8"):
        await pilot.press(key)
        await pilot.pause()


RATED_SCREENS = {"evaluasi_with_hasil_and_mengapa": _evaluasi, "matriks_peran_hasil": _matriks,
                 "dokumen_preview": _dokumen}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", RATED_SCREENS)
def test_screens_of_a_rated_period(snap_compare, demo_db, tmp_path, screen, lang, size):
    db = _rated_office(demo_db, tmp_path)
    assert snap_compare(SandboxApp(lang, db_path=str(db)), terminal_size=size,
                        run_before=RATED_SCREENS[screen])
