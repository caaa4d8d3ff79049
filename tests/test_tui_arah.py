"""Guidance that agrees with the screen (issue #17, item 6), driven with Textual Pilot at 80×24 on a
real SQLite demo office: the guided banner, the Beranda's "what next" line and its step list name
the same step after every action; Textual's own texts (command palette, footer, quit hint) speak
the app's language; the focused widget is marked."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from rich.console import Console
from textual.color import Color
from textual.widgets import Button, DataTable, Input, Static

from sandbox.i18n import message
from sandbox.tui.app import SandboxApp
from sandbox.tui.dialogs.konfirmasi import KonfirmasiDialog
from sandbox.tui.keybar import KeyBar
from sandbox.tui.office import open_office
from sandbox.tui.screens.beranda import BerandaScreen
from sandbox.tui.screens.persona import PersonaScreen
from sandbox.tui.screens.skp import SkpScreen
from sandbox.workflow import (
    TRAINER,
    ajukan,
    atur_jam,
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
from tests.test_tui_practice import KASI, PEGAWAI, db_rows

SIZE = (80, 24)
ENGLISH = ("Search for commands", "No matches found", "Dismiss menu", "Quit", "Keys", "Screenshot", "Theme",
           "Do you want to quit", "to quit the app", "Exit the command palette")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("tpl") / "kantor.db"
    store = open_office(path)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path


@pytest.fixture
def db(template, tmp_path) -> Path:
    target = tmp_path / "kelas.db"
    shutil.copy(template, target)
    return target


def draft_ready(db: Path) -> tuple[int, int, int]:
    """Ade's SKP, complete but not submitted (the workflow service: fast). Returns skp, rhk, indikator."""
    store = open_office(db)
    parent = parent_rhk_options(store, PEGAWAI, 2026)[0]["id"]
    skp = buat_skp(store, PEGAWAI, 2026)
    rhk = tambah_rhk(store, PEGAWAI, skp, "Terverifikasinya berkas izin trayek", induk_rhk_id=parent)
    ind = tambah_indikator(store, PEGAWAI, rhk, "Jumlah berkas terverifikasi", aspek="kuantitas",
                           target_nilai=30, target_satuan="berkas")
    isi_lampiran(store, PEGAWAI, skp, dukungan_sd="PC", skema_pj="Laporan", konsekuensi="Teguran")
    store.close()
    return skp, rhk, ind


def screen_text(app) -> str:
    """The terminal as a person sees it (dialogs over their screen, notifications), as plain text."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True, color_system=None,
                      record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def banner_step(app) -> str:
    """The step number the guided banner names ("▶ Langkah 9 (5/11 selesai): …")."""
    found = re.match(r"▶ Langkah (\d+) ", shown(app, "#panduan"))
    assert found, shown(app, "#panduan")
    return found.group(1)


def beranda_steps(app) -> tuple[str, str]:
    """The step the Beranda's "what next" line names, and the one its step list marks ▶."""
    line = re.search(r"Berikutnya, langkah (\d+):", shown(app, "#langkah"))
    marked = re.search(r"▶\s+(\d+)\. ", shown(app, "#daftar-langkah"))
    assert line and marked, (shown(app, "#langkah"), shown(app, "#daftar-langkah"))
    return line.group(1), marked.group(1)


async def become(pilot, who: str) -> None:
    while not isinstance(pilot.app.screen, PersonaScreen):
        await pilot.press("escape")
        await pilot.pause()
    pilot.app.screen.query_one("#cari", Input).value = who
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, BerandaScreen)


async def test_after_ajukan_the_banner_moves_on_and_agrees_with_the_beranda(db):
    skp, _, _ = draft_ready(db)
    ajukan_step = message("tui.step.ajukan", "id")
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await become(pilot, PEGAWAI)
        assert banner_step(app) == "8" and ajukan_step in shown(app, "#panduan")
        assert beranda_steps(app) == ("8", "8")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, SkpScreen) and banner_step(app) == "8"

        await pilot.press("f8")  # Ajukan by its key: no button was pressed
        await pilot.pause()
        if isinstance(app.screen, KonfirmasiDialog):  # asked first, if submitting asks
            await pilot.click("#ya")
            await pilot.pause()
        assert db_rows(db, "SELECT status FROM skp WHERE id = ?", [skp]) == [("DIAJUKAN",)]
        assert isinstance(app.screen, SkpScreen)
        assert ajukan_step not in shown(app, "#panduan")
        assert banner_step(app) == "9" and message("tui.step.disetujui", "id") in shown(app, "#panduan")
        assert "Langkah 9" in screen_text(app)  # the banner is on screen at 80×24, not scrolled away

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BerandaScreen)
        assert banner_step(app) == "9" and beranda_steps(app) == ("9", "9")
        assert "sudah diajukan" in shown(app, "#langkah")


async def test_a_rated_period_names_the_same_next_step_in_banner_and_beranda(db):
    """The seen defect: the banner said step 17 while the Beranda's body said "rencana aksi dan
    realisasi" next. Ade's Triwulan I is filled and rated, its document not issued yet."""
    skp, rhk, ind = draft_ready(db)
    store = open_office(db)
    ajukan(store, PEGAWAI, skp)
    setujui(store, KASI, skp)
    q1 = next(p["id"] for p in periods_of(store, skp, reader=TRAINER) if p["nama"] == "Triwulan I 2026")
    atur_jam(store, TRAINER, "2026-03-20")
    tambah_rencana_aksi(store, PEGAWAI, q1, rhk, "Memverifikasi 10 berkas per bulan")
    isi_realisasi(store, PEGAWAI, q1, ind, nilai=34)
    tambah_bukti(store, PEGAWAI, q1, ind, "Rekap verifikasi", "https://drive.google.com/rekap-q1")
    atur_jam(store, TRAINER, "2026-03-31")
    nilai(store, KASI, q1, rating_hk="di_atas", rating_pk="di_atas")
    store.close()
    rated = db_rows(db, "SELECT state, predikat FROM skp_periode WHERE id = ?", [q1])
    assert rated == [("DINILAI", "sangat_baik")]

    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await become(pilot, PEGAWAI)
        assert banner_step(app) == "17"
        assert beranda_steps(app) == ("17", "17")
        named = message("tui.step.dokumen", "id") + " (Triwulan I 2026)"  # the step, and its period
        assert named in shown(app, "#panduan") and named in shown(app, "#langkah")
        assert "rencana aksi" not in shown(app, "#langkah")

        # and in English, the same step
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert isinstance(app.screen, BerandaScreen)
        assert shown(app, "#panduan").startswith("▶ Step 17 ")
        assert "Next, step 17:" in shown(app, "#langkah")


async def test_the_command_palette_speaks_indonesian(db):
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await become(pilot, PEGAWAI)
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        seen = screen_text(app)
        assert "Cari perintah…" in seen
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert titles == [message("tui.arah.cmd.keluar", "id"), message("tui.arah.cmd.tangkapan", "id")]

        await pilot.press(*"keluar")
        await pilot.pause(0.3)
        seen = screen_text(app)
        assert "Keluar: tutup aplikasi" in seen and "Ctrl+Q" in seen

        for _ in "keluar":
            await pilot.press("backspace")
        await pilot.press(*"tangkapan")
        await pilot.pause(0.3)
        assert "Tangkapan layar: simpan gambar layar ini" in screen_text(app)

        for _ in "tangkapan":
            await pilot.press("backspace")
        await pilot.press(*"qqxz")  # matches nothing: Help is offered, not "No matches found"
        await pilot.pause(0.3)
        seen = screen_text(app)
        assert "Tidak ada perintah yang cocok" in seen
        assert not [word for word in ENGLISH if word in seen]

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BerandaScreen)
        await pilot.press("ctrl+b")  # in English, the English words
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert "Search for commands…" in screen_text(app)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert titles == ["Quit: close the app", "Screenshot: save a picture of this screen"]


async def test_the_footer_and_quit_hint_show_no_english_builtin_text(db):
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await become(pilot, PEGAWAI)
        await pilot.press("f2")
        await pilot.pause()
        select = app.screen.query_one("#pendekatan")
        select.focus()
        await pilot.pause()
        await pilot.press("enter")  # the list opens: Textual adds its own Esc binding
        await pilot.pause()
        footer = str(app.screen.query_one(KeyBar).render())
        assert "Esc Tutup pilihan" in footer
        assert app.screen.query_one("HeaderIcon").tooltip == "Buka daftar perintah (Ctrl+P)"
        assert not [word for word in ENGLISH if word in footer + screen_text(app)]
        await pilot.press("escape", "escape")  # the list closes, then back to the Beranda
        await pilot.pause()
        assert isinstance(app.screen, BerandaScreen)

        await pilot.press("ctrl+c")  # by habit, to quit: the hint says which key, in Indonesian
        await pilot.pause()
        seen = screen_text(app)
        assert "Ingin keluar?" in seen and "Tekan Ctrl+Q untuk keluar" in seen
        assert not [word for word in ENGLISH if word in seen]


async def test_the_focused_widget_is_marked_in_the_accent_colour(db):
    draft_ready(db)
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        accent = Color.parse(app.get_css_variables()["accent"])
        await become(pilot, PEGAWAI)
        button = app.screen.focused  # the Beranda starts on its first menu, not on the page
        assert isinstance(button, Button) and button.id == "ke-skp"
        assert button.styles.background == accent
        assert app.screen.query_one("#ke-evaluasi", Button).styles.background != accent

        await pilot.press("f2")
        await pilot.pause()
        field = app.screen.query_one("#rhk-teks", Input)
        field.focus()
        await pilot.pause()
        assert field.styles.border_top[1] == accent
        assert app.screen.query_one("#ind-teks", Input).styles.border_top[1] != accent

        await become(pilot, KASI)
        await pilot.press("f3")
        await pilot.pause()
        table = app.screen.query(DataTable).first()
        table.focus()
        await pilot.pause()
        assert table.styles.outline_left[1] == accent


async def test_a_decision_in_a_dialog_ticks_the_banner_and_the_beranda(db):
    """The write happens in the confirmation's answer, after the screen under it came back: the
    banner still follows (the pejabat's step 9, "decide your staff's SKPs", is now done)."""
    skp, _, _ = draft_ready(db)
    store = open_office(db)
    ajukan(store, PEGAWAI, skp)
    store.close()
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await become(pilot, KASI)
        before = re.search(r"\((\d+)/(\d+) selesai\)", shown(app, "#panduan"))
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("enter")  # the waiting SKP, then Setujui (focused) asks first
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, KonfirmasiDialog)
        await pilot.click("#ya")
        await pilot.pause()
        assert db_rows(db, "SELECT status FROM skp WHERE id = ?", [skp]) == [("DISETUJUI",)]
        after = re.search(r"\((\d+)/(\d+) selesai\)", shown(app, "#panduan"))
        assert int(after.group(1)) == int(before.group(1)) + 1

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BerandaScreen)
        assert shown(app, "#daftar-langkah").count("✓") == int(after.group(1))
        assert "✓  9. " + message("tui.step.putuskan_bawahan", "id") in shown(app, "#daftar-langkah")
        assert banner_step(app) == beranda_steps(app)[0] == beranda_steps(app)[1]


async def test_a_screenshot_from_the_palette_is_saved_and_said_in_indonesian(db, tmp_path, monkeypatch):
    folder = tmp_path / "Unduhan"
    folder.mkdir()
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(folder))
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await become(pilot, PEGAWAI)
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        await pilot.press(*"tangkapan")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.5)
        saved = list(folder.glob("e-kinerja-*.svg"))
        assert len(saved) == 1 and "Haryanti" in saved[0].read_text(encoding="utf-8")
        seen = screen_text(app)
        assert "Tangkapan layar disimpan" in seen
        assert not [word for word in ENGLISH if word in seen]


async def test_in_high_contrast_focus_does_not_move_the_layout(db):
    """A focus border added to a one-line button would push the menu down under the mouse."""
    from sandbox.tui.prefs import Prefs

    app = SandboxApp("id", db_path=str(db), prefs=Prefs(theme="kontras"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await become(pilot, PEGAWAI)
        first, second = app.screen.query_one("#ke-skp", Button), app.screen.query_one("#ke-evaluasi", Button)
        assert app.screen.focused is first
        where = (first.region, second.region)
        second.focus()
        await pilot.pause()
        assert (first.region, second.region) == where and second.region.height == 1
        assert second.styles.background == Color.parse(app.get_css_variables()["accent"])


async def test_one_persons_messages_are_not_shown_to_the_next(db):
    """A notification left by one persona is gone when the next person takes the keyboard."""
    from tests.test_tui_practice import become

    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=(80, 24)) as pilot:
        await become(pilot, KASI)
        app.notify("Keputusan tersimpan untuk Ade Haryanti", markup=False)
        await pilot.pause()
        assert [n.message for n in app._notifications]
        await become(pilot, PEGAWAI)
        assert not list(app._notifications)
