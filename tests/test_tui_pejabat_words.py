"""Issue #17 items 3, 5 and 7 on the pejabat's screens (SKP Bawahan, Penilaian Bawahan, Keberatan),
driven at 80×24 over a real office file with a period that has realisasi and bukti dukung:

- no raw code in front of a person, in Indonesian or English: no `di_atas`, no `_`-joined codes, no
  `1e+11`, no quoted Python reprs, no state codes in capitals, no internal ids; ratings and predikat
  as words, numbers as `100.000.000.000`;
- the pejabat opens the bukti dukung link chosen while rating (App.open_url gets that URL), and a
  link that does not work is said so in words;
- Keberatan shows the last day of the window as a date in words;
- refusals are notices inside 80×24 and beside the action; an empty decision note decides nothing.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from textual.widgets import Button, DataTable, Input, Label, Select, Static

from sandbox.formatting import angka, rupiah
from sandbox.store import open_store
from sandbox.tui.app import SandboxApp
from sandbox.tui.dialogs.catatan import CatatanDialog
from sandbox.tui.dialogs.konfirmasi import KonfirmasiDialog
from sandbox.tui.office import open_office
from sandbox.tui.screens.keberatan import KeberatanScreen
from sandbox.tui.screens.penilaian import PenilaianScreen
from sandbox.tui.screens.skp_bawahan import SkpBawahanScreen
from sandbox.workflow import (
    TRAINER,
    ajukan,
    ajukan_keberatan,
    atur_jam,
    buat_skp,
    finalkan,
    isi_lampiran,
    isi_realisasi,
    nilai,
    setujui,
    tambah_bukti,
    tambah_indikator,
    tambah_rencana_aksi,
    tambah_rhk,
    terbitkan_dokumen,
)
from sandbox.workflow.views import parent_rhk_options, people, periods_to_rate
from tests.test_tui_decisions import press_button, question, seen, toasts
from tests.test_tui_practice import KASI, PEGAWAI, become, db_rows

SIZE = (80, 24)
REKAP = "https://drive.example.go.id/rekap-triwulan"
FOTO = "https://drive.example.go.id/foto-loket"
CODES = ("BELUM_DIBUKA", "TERBUKA", "RENCANA_AKSI_ADA", "EVIDEN_LENGKAP", "DINILAI", "DIKEMBALIKAN_KURVA",
         "TERKUNCI", "DOKUMEN_TERBIT", "KEBERATAN", "FINAL", "DRAFT", "DIAJUKAN", "DIKEMBALIKAN",
         "DISETUJUI", "REVISI_DIAJUKAN", "REVISI_DITOLAK", "DITUTUP", "PRIVATE", "BROKEN")
RAW = [
    (re.compile(r"\b\w+_\w+\b"), "a _-joined code"),
    (re.compile(r"\d[eE][+-]?\d"), "a number in e-notation"),
    (re.compile(r"'-?[\d.]+'|\b(True|False|None)\b"), "a Python repr"),
    (re.compile(r"\b(" + "|".join(CODES) + r")\b"), "a state code"),
    (re.compile(r"\[\d+\]|\b\d{18}\b"), "an internal id or a NIP"),
    (re.compile(r"\b\d{4}-\d{2}-\d{2}\b"), "an ISO date"),
]


def _texts(app) -> list[str]:
    """Every text the current screen shows (hidden parts excepted): labels, buttons, table cells,
    options, inputs' placeholders, and the notices."""
    out = []
    for widget in app.screen.walk_children():
        if not all(node.display for node in widget.ancestors_with_self if hasattr(node, "display")):
            continue
        if isinstance(widget, DataTable):
            out += [str(column.label) for column in widget.columns.values()]
            out += [str(cell) for key in widget.rows for cell in widget.get_row(key)]
        elif isinstance(widget, Select):
            out += [str(prompt) for prompt, _ in widget._options]
        elif isinstance(widget, Input):
            out += [widget.placeholder, widget.value]
        elif isinstance(widget, Static | Label | Button):
            out.append(str(widget.render()))
    return out + [text for text, _ in toasts(app)]


async def shown(pilot, fragment: str) -> bool:
    """A notice holding `fragment` is drawn inside 80×24 within a few frames (a second notice is
    laid out a frame after the first)."""
    for _ in range(10):
        if seen(pilot.app, fragment):
            return True
        await pilot.pause(0.05)
    return False


def assert_no_codes(app, where: str) -> str:
    text = "\n".join(_texts(app))
    for pattern, what in RAW:
        found = pattern.search(text)
        assert found is None, f"{where}: {what} {found.group(0)!r} shown in:\n{text}"
    return text


def _make_office(path: Path) -> dict:
    """Ade's SKP (targets of 30 berkas and Rp 150.000.000.000) approved; on 2 April 2026 her
    Triwulan I is filled, rated, locked, issued and objected to; her Triwulan II has a realisasi of
    1e11 and two links, the second one found broken. Another subordinate's SKP waits for approval."""
    with open_office(path) as store:
        parent = parent_rhk_options(store, PEGAWAI, 2026)[0]["id"]
        skp = buat_skp(store, PEGAWAI, 2026)
        rhk = tambah_rhk(store, PEGAWAI, skp, "Terverifikasinya berkas izin trayek", induk_rhk_id=parent)
        berkas = tambah_indikator(store, PEGAWAI, rhk, "Jumlah berkas terverifikasi", aspek="kuantitas",
                                  target_nilai=30, target_satuan="berkas")
        retribusi = tambah_indikator(store, PEGAWAI, rhk, "Retribusi terkumpul", aspek="kuantitas",
                                     target_nilai=1.5e11, target_satuan="rupiah")
        isi_lampiran(store, PEGAWAI, skp, dukungan_sd="PC", skema_pj="Laporan", konsekuensi="Teguran")
        ajukan(store, PEGAWAI, skp)
        setujui(store, KASI, skp)
        other = next(p for p in people(store) if p["atasan_nip"] == KASI and p["nip"] != PEGAWAI)
        skp2 = buat_skp(store, other["nip"], 2026)
        rhk2 = tambah_rhk(store, other["nip"], skp2, "Terlayaninya loket", induk_rhk_id=parent)
        tambah_indikator(store, other["nip"], rhk2, "Nilai layanan", aspek="kualitas", target_nilai=87.5,
                         target_satuan="persen")
        isi_lampiran(store, other["nip"], skp2, dukungan_sd="PC", skema_pj="Laporan", konsekuensi="Teguran")
        ajukan(store, other["nip"], skp2)
        atur_jam(store, TRAINER, "2026-04-02")
        mine = {r["periode"]: r["id"] for r in periods_to_rate(store, KASI) if r["nip"] == PEGAWAI}
        tw1, tw2 = mine["Triwulan I 2026"], mine["Triwulan II 2026"]
        for period, value in ((tw1, 32), (tw2, 1e11)):
            tambah_rencana_aksi(store, PEGAWAI, period, rhk, "Memverifikasi 10 berkas per bulan")
            isi_realisasi(store, PEGAWAI, period, berkas, nilai=value)
            isi_realisasi(store, PEGAWAI, period, retribusi, nilai=1234567.5)
            tambah_bukti(store, PEGAWAI, period, berkas, "Rekap verifikasi", REKAP)
            tambah_bukti(store, PEGAWAI, period, retribusi, "Foto loket", FOTO)
        nilai(store, KASI, tw1, rating_hk="di_atas", rating_pk="di_atas")
        finalkan(store, KASI, tw1)
        terbitkan_dokumen(store, PEGAWAI, tw1)
        ajukan_keberatan(store, PEGAWAI, tw1, "Retribusi belum dihitung seluruhnya")
        atasan = store.conn.execute("SELECT atasan_nip FROM pegawai WHERE nip = ?", [KASI]).fetchone()[0]
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with closing(sqlite3.connect(path)) as conn, conn:  # the link check found the Triwulan II photo broken
        conn.execute("UPDATE bukti_dukung SET link_status = 'BROKEN' WHERE skp_periode_id = ? AND url = ?",
                     [tw2, FOTO])
    return {"tw1": tw1, "tw2": tw2, "atasan": atasan, "skp2": skp2}


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> tuple[Path, dict]:
    path = tmp_path_factory.mktemp("pejabat") / "kantor.db"
    return path, _make_office(path)


@pytest.fixture
def kantor(office, tmp_path) -> tuple[Path, dict]:
    db = tmp_path / "kelas.db"
    shutil.copy(office[0], db)
    return db, office[1]


async def _open_row(pilot, screen_type, key: str, table: str, row_id: int) -> None:
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, screen_type)
    grid = pilot.app.screen.query_one(table, DataTable)
    grid.focus()
    await pilot.press(*["down"] * grid.get_row_index(str(row_id)), "enter")
    await pilot.pause()


def test_numbers_and_money_as_people_write_them():
    assert angka(1e11) == "100.000.000.000"
    assert angka(1234567.5) == "1.234.567,5"
    assert angka(-5.0) == "-5" and angka(0.1 + 0.2) == "0,3" and angka(None) == "-"
    assert rupiah(4840000) == "Rp 4.840.000"


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_the_three_screens_show_words_not_codes(kantor, lang):
    db, ids = kantor
    app = SandboxApp(lang, db_path=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await become(pilot, KASI)

        await _open_row(pilot, SkpBawahanScreen, "f3", "#bawahan", ids["skp2"])
        text = assert_no_codes(app, f"SKP Bawahan ({lang})")
        assert ("diajukan, menunggu persetujuan" if lang == "id" else "submitted, awaiting approval") in text
        assert "87,5 persen" in text and ("1 Januari 2026" if lang == "id" else "1 January 2026") in text

        await pilot.press("escape")
        await pilot.pause()
        await _open_row(pilot, PenilaianScreen, "f9", "#periode-bawahan", ids["tw1"])
        text = assert_no_codes(app, f"Penilaian, Triwulan I ({lang})")
        assert "Sangat Baik" in text  # the predikat as a word, in the list and the detail
        assert "16 April 2026" in text
        assert ("mengajukan keberatan" if lang == "id" else "has objected") in text
        grid = app.screen.query_one("#periode-bawahan", DataTable)
        grid.focus()
        await pilot.press("down")  # Ade's Triwulan II: still to be rated
        await pilot.pause()
        assert app.screen.period_id == ids["tw2"]
        text = assert_no_codes(app, f"Penilaian, Triwulan II ({lang})")
        assert "100.000.000.000" in text and "150.000.000.000 rupiah" in text and "1.234.567,5" in text
        assert REKAP in text and FOTO in text
        assert ("tautan rusak" if lang == "id" else "broken link") in text
        assert "10 Juli 2026" in text if lang == "id" else "10 July 2026" in text

        await pilot.press("escape")
        await pilot.pause()
        await become(pilot, ids["atasan"])
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, KeberatanScreen)
        text = assert_no_codes(app, f"Keberatan ({lang})")
        assert "Sangat Baik" in text
        assert ("Di Atas Ekspektasi" if lang == "id" else "Above expectation") in text
        assert "16 April 2026" in text  # the last day of the window (2 April + 14 days, PP 30/2019)
        assert "2 April 2026" in text  # filed


async def test_rating_in_words_and_the_chosen_bukti_opens(kantor, monkeypatch):
    db, ids = kantor
    opened = []
    monkeypatch.setattr(SandboxApp, "open_url", lambda self, url, **kw: opened.append(url))
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await become(pilot, KASI)
        await _open_row(pilot, PenilaianScreen, "f9", "#periode-bawahan", ids["tw2"])
        assert app.screen.period_id == ids["tw2"]

        await press_button(pilot, "#buka-bukti")  # nothing chosen: said beside the button and on view
        assert opened == []
        assert await shown(pilot, "Pilih dulu bukti dukung")
        assert "Pilih dulu bukti dukung" in str(app.screen.query_one("#bukti-error", Static).render())

        bukti = app.screen.query_one("#bukti", Select)
        bukti.focus()
        await pilot.press("enter", "down", "down", "enter")  # the second link: the broken photo
        await pilot.pause(0.3)  # past the button's press effect
        await press_button(pilot, "#buka-bukti")
        assert opened == [FOTO]
        assert await shown(pilot, "tautan rusak")
        bukti.focus()
        await pilot.press("enter", "up", "enter")  # the first: Rekap verifikasi
        await pilot.pause(0.3)  # past the button's press effect
        await press_button(pilot, "#buka-bukti")
        assert opened == [FOTO, REKAP]

        app.screen.query_one("#pk", Select).value = "di_atas"
        app.screen.query_one("#hk", Select).value = "sesuai"
        await press_button(pilot, "#nilai")
        asked = question(app)
        assert "Di Atas Ekspektasi" in asked and "Sesuai Ekspektasi" in asked and "di_atas" not in asked
        await pilot.click("#ya")
        await pilot.pause()
        assert await shown(pilot, "Predikat tersimpan: Baik")
        row = app.screen.query_one("#periode-bawahan", DataTable).get_row(str(ids["tw2"]))
        assert str(row[2]) == "sudah dinilai · predikat Baik"
    assert db_rows(db, "SELECT rating_hk, rating_pk, predikat FROM skp_periode WHERE id = ?",
                   [ids["tw2"]]) == [("sesuai", "di_atas", "baik")]


async def test_a_refused_rating_is_in_words_and_on_view(kantor):
    """Triwulan I is already locked: saving a rating is refused by the workflow, and the refusal
    names the states in words, beside the button and as a notice inside 80×24."""
    db, ids = kantor
    app = SandboxApp("en", db_path=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await become(pilot, KASI)
        await _open_row(pilot, PenilaianScreen, "f9", "#periode-bawahan", ids["tw1"])
        app.screen.query_one("#pk", Select).value = "sesuai"
        await press_button(pilot, "#nilai")
        await pilot.click("#ya")
        await pilot.pause()
        error = str(app.screen.query_one("#nilai-error", Static).render())
        assert "under appeal" in error and "KEBERATAN" not in error
        assert seen(app, error.split(" — ")[0])
        assert_no_codes(app, "refused rating (en)")
    assert db_rows(db, "SELECT rating_pk, predikat FROM skp_periode WHERE id = ?", [ids["tw1"]]) == [
        ("di_atas", "sangat_baik")]


async def test_a_keberatan_without_a_note_or_ratings_decides_nothing(kantor):
    db, ids = kantor
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await become(pilot, ids["atasan"])
        await pilot.press("k")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#keputusan", Select).value = "terima"
        await press_button(pilot, "#putuskan")
        assert not isinstance(app.screen, KonfirmasiDialog)
        assert await shown(pilot, "pilih Rating Hasil Kerja dan Rating Perilaku")
        assert screen.focused is screen.query_one("#kbr-hk")
        screen.query_one("#keputusan", Select).value = "tolak"
        await pilot.pause(0.3)  # a button pressed again within its press effect ignores the key
        await press_button(pilot, "#putuskan")
        assert not isinstance(app.screen, KonfirmasiDialog)
        assert await shown(pilot, "Tulis catatan keputusan dulu")
        assert "Tulis catatan keputusan dulu" in str(screen.query_one("#kbr-error", Static).render())
        assert screen.focused is screen.query_one("#kbr-catatan")
        await pilot.press(*"Bukti retribusi sudah lengkap dihitung")
        await pilot.pause(0.3)
        await press_button(pilot, "#putuskan")
        assert "Sangat Baik" in question(app)
        await pilot.click("#ya")
        await pilot.pause()
        assert await shown(pilot, "Predikat yang berlaku: Sangat Baik")
        assert_no_codes(app, "keberatan decided")
    assert db_rows(db, "SELECT decision, new_predikat FROM keberatan") == [("DITOLAK", None)]


async def test_an_empty_keberatan_reason_keeps_its_dialog_open(kantor):
    """Ade's Triwulan II result issued: Ajukan keberatan with no reason keeps the dialog open with
    the message inside it and on view; nothing is filed until a reason is written."""
    from sandbox.tui.screens.dokumen import DokumenScreen

    db, ids = kantor
    with open_store(db) as store:
        nilai(store, KASI, ids["tw2"], rating_hk="di_bawah", rating_pk="sesuai")
        finalkan(store, KASI, ids["tw2"])
        terbitkan_dokumen(store, PEGAWAI, ids["tw2"])
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await become(pilot, PEGAWAI)
        await app.push_screen(DokumenScreen(ids["tw2"]))
        await pilot.pause()
        await press_button(pilot, "#keberatan")
        assert isinstance(app.screen, CatatanDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CatatanDialog)
        assert "Alasan wajib diisi" in str(app.screen.query_one("#catatan-error", Static).render())
        assert await shown(pilot, "Alasan wajib diisi")
        assert db_rows(db, "SELECT count(*) FROM keberatan WHERE skp_periode_id = ?", [ids["tw2"]]) == [(0,)]
        await pilot.press(*"Realisasi retribusi belum dihitung", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, CatatanDialog)
    assert db_rows(db, "SELECT alasan FROM keberatan WHERE skp_periode_id = ?", [ids["tw2"]]) == [
        ("Realisasi retribusi belum dihitung",)]
