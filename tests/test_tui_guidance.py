"""The practice app's guidance and comfort features, driven by keys and clicks (Textual Pilot) on a
real SQLite demo office: language switch, footer per role, drafts that survive a restart, F1 help,
field hints, the guided banner, the high-contrast theme, the command palette, the Matriks Peran
Hasil screen and the ekspektasi khusus form. Each test ends by checking the file it wrote to
(database or preferences); visible texts are compared with the message catalog."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Markdown, Select, Static
from textual.widgets._markdown import MarkdownH1

from sandbox.i18n import message
from sandbox.store.drafts import drafts
from sandbox.tui.app import SandboxApp
from sandbox.tui.commands import SandboxCommands
from sandbox.tui.dialogs.bantuan import BantuanDialog
from sandbox.tui.keybar import KeyBar
from sandbox.tui.office import open_office
from sandbox.tui.prefs import PREFS_ENV, Prefs, load_prefs
from sandbox.tui.screens.beranda import BerandaScreen
from sandbox.tui.screens.matriks import MatriksScreen
from sandbox.tui.screens.persona import PersonaScreen
from sandbox.tui.screens.skp import SkpScreen
from sandbox.tui.screens.skp_bawahan import SkpBawahanScreen
from sandbox.workflow import (
    WorkflowRefused,
    ajukan,
    buat_skp,
    isi_lampiran,
    tambah_indikator,
    tambah_rhk,
)
from sandbox.workflow.langkah import langkah_pegawai
from sandbox.workflow.matriks import matriks_peran_hasil
from sandbox.workflow.views import parent_rhk_options
from tests.test_tui_practice import KASI, PEGAWAI, choose_first, click, db_rows, text, type_into
from tests.test_workflow_matriks_langkah import give_kasi_a_second_rhk

KABID = "197510172011101001"  # KASI's pejabat penilai
SILVIA = "199009152021042001"  # under KASI, like Ade
YEAR = 2026
SIZE = (110, 40)


async def become(pilot, who: str) -> None:
    """Back to the persona list, then log in as `who` (a NIP, or "Pelatih"): the search is filled at
    once and Enter takes the one match (typing the NIP key by key is covered in test_tui_practice)."""
    while not isinstance(pilot.app.screen, PersonaScreen):
        await pilot.press("escape")
        await pilot.pause()
    pilot.app.screen.query_one("#cari", Input).value = who
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, BerandaScreen)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """The demo office, made once for the module (the app would make the same one on first run)."""
    path = tmp_path_factory.mktemp("tpl") / "kantor.db"
    store = open_office(path)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path


@pytest.fixture
def db(template, tmp_path) -> Path:
    """A private copy of the demo office for one test."""
    target = tmp_path / "kelas.db"
    shutil.copy(template, target)
    return target


def prefs_file() -> dict:
    return json.loads(Path(os.environ[PREFS_ENV]).read_text(encoding="utf-8"))


def footer(app) -> str:
    """The key line at the bottom of the screen as shown (the app's KeyBar: "F2 SKP Saya  F7 …")."""
    return str(app.screen.query_one(KeyBar).render())


async def footer_shows(pilot, key: str, label: str) -> str:
    """Wait (≤ 2 s) until the key line offers `key` labelled `label`; returns the line."""
    shown = ""
    for _ in range(40):
        shown = footer(pilot.app)
        if f"{key} {label}" in shown:
            return shown
        await pilot.pause(0.05)
    raise AssertionError(f"{key} {label!r} not in the key line {shown!r}")


def with_skp(db: Path, nip: str = PEGAWAI) -> int:
    """The demo office with `nip`'s empty DRAFT SKP of the year (made through the workflow)."""
    store = open_office(db)
    try:
        return buat_skp(store, nip, YEAR)
    finally:
        store.close()


async def open_skp(pilot) -> SkpScreen:
    await pilot.press("f2")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SkpScreen)
    return pilot.app.screen


# -- language ------------------------------------------------------------------------------------------
async def test_ctrl_b_switches_to_english_on_the_same_persona_and_menu_and_is_remembered(db):
    with_skp(db)
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await become(pilot, PEGAWAI)
        await footer_shows(pilot, "F2", message("tui.key.beranda.skp", "id"))
        await open_skp(pilot)
        await type_into(pilot, "#rhk-teks", "Izin")
        await pilot.press("ctrl+b")
        await pilot.pause()
        await pilot.pause()

        assert app.lang == "en" and app.session.lang == "en"
        assert isinstance(app.screen, SkpScreen)  # the same menu …
        assert app.session.actor == PEGAWAI  # … of the same persona
        assert app.screen.query_one("#rhk-teks", Input).value == "Izin"  # typed text is back
        assert app.screen.sub_title == message("tui.skp.subtitle", "en")
        await footer_shows(pilot, "Esc", message("tui.key.menu.back", "en"))
        # remembered at once in the user's preferences file, which the next start reads
        assert prefs_file()["lang"] == "en"
        assert load_prefs().lang == "en"

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BerandaScreen)
        shown = await footer_shows(pilot, "F2", message("tui.key.beranda.skp", "en"))
        assert "F2 My SKP" in shown
        assert f"F7 {message('tui.key.beranda.evaluasi', 'en')}" in shown
        assert f"Ctrl+B {message('tui.key.app.bahasa', 'en')}" in shown
        assert message("tui.key.beranda.skp", "id") not in shown
        bindings = app.screen.active_bindings
        assert bindings["f2"].binding.description == message("tui.key.beranda.skp", "en")
        assert app.screen.sub_title == message("tui.beranda.subtitle", "en")

        await pilot.press("ctrl+b")  # and back, from the Beranda
        await pilot.pause()
        assert app.lang == "id" and isinstance(app.screen, BerandaScreen)
        assert app.session.actor == PEGAWAI
        await footer_shows(pilot, "F2", message("tui.key.beranda.skp", "id"))
    assert prefs_file()["lang"] == "id"


# -- the footer per role ----------------------------------------------------------------------------------
async def test_beranda_offers_only_the_menus_of_the_role(db):
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await become(pilot, PEGAWAI)  # leads nobody
        screen = app.screen
        assert screen.check_action("bawahan", ()) is False
        assert screen.check_action("matriks", ()) is False
        assert screen.check_action("skp", ()) is True
        keys = set(screen.active_bindings)
        assert {"f2", "f7", "f6"} <= keys and not keys & {"f3", "f4", "f8", "f9"}
        shown = await footer_shows(pilot, "F2", message("tui.key.beranda.skp", "id"))
        assert "F3" not in shown and "F8" not in shown and "F4" not in shown
        await pilot.press("f3")
        await pilot.pause()
        assert app.screen is screen
        assert not any(isinstance(s, SkpBawahanScreen) for s in app.screen_stack)

        await become(pilot, KASI)
        screen = app.screen
        assert screen.check_action("bawahan", ()) is True
        assert {"f2", "f3", "f7", "f8", "f9"} <= set(screen.active_bindings)
        shown = await footer_shows(pilot, "F8", message("tui.key.beranda.matriks", "id"))
        assert f"F3 {message('tui.key.beranda.bawahan', 'id')}" in shown
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, SkpBawahanScreen)

        await become(pilot, "Pelatih")  # the trainer: the clock, no SKP of their own
        screen = app.screen
        assert screen.check_action("jam", ()) is True
        assert screen.check_action("skp", ()) is False
        keys = set(screen.active_bindings)
        assert "f4" in keys and not keys & {"f2", "f3", "f7"}
        shown = await footer_shows(pilot, "F4", message("tui.key.beranda.jam", "id"))
        assert "F2" not in shown and "F3" not in shown


# -- drafts -------------------------------------------------------------------------------------------------
async def test_half_typed_rhk_survives_closing_the_app_and_goes_once_saved(db):
    skp_id = with_skp(db)
    typed = "Izin trayek terverifikasi"
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await become(pilot, PEGAWAI)
        await open_skp(pilot)
        await type_into(pilot, "#rhk-teks", typed)
        await pilot.pause()
    # the window closed without saving the RHK: the text is a draft row, not an RHK
    assert db_rows(db, "SELECT actor, layar, kolom, nilai FROM draf_isian") == [
        (PEGAWAI, "SkpScreen", "rhk-teks", typed)]
    assert db_rows(db, "SELECT count(*) FROM rhk WHERE skp_id = ?", [skp_id]) == [(0,)]

    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await become(pilot, PEGAWAI)
        await open_skp(pilot)
        await pilot.pause()
        assert app.screen.query_one("#rhk-teks", Input).value == typed
        # another person's SKP screen does not get Ade's draft
        assert drafts(app.session.store, SILVIA, "SkpScreen") == {}
        await choose_first(pilot, "#induk")
        await click(pilot, "#tambah-rhk")
        assert text(app, "#rhk-error") == ""
        assert app.screen.query_one("#rhk-teks", Input).value == ""
    assert db_rows(db, "SELECT teks FROM rhk WHERE skp_id = ?", [skp_id]) == [(typed,)]
    assert db_rows(db, "SELECT count(*) FROM draf_isian") == [(0,)]


# -- F1 help and hints ------------------------------------------------------------------------------------
async def test_f1_opens_the_screens_help_and_a_focused_field_shows_its_hint(db):
    with_skp(db)
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await become(pilot, PEGAWAI)
        skp = await open_skp(pilot)

        await click(pilot, "#rhk-teks")
        hint = skp.query_one("#petunjuk", Static)
        assert hint.display
        assert str(hint.render()) == "💡 " + message("tui.hint.rhk-teks", "id")
        await click(pilot, "#target")
        assert str(hint.render()) == "💡 " + message("tui.hint.target", "id")
        region = hint.region
        await click(pilot, "#tambah-rhk")  # a button has no hint: the line empties but keeps its place,
        assert str(hint.render()) == ""  # so nothing moves between pressing and releasing a click
        assert hint.display and hint.region == region

        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, BantuanDialog)
        help_text = message("tui.help.skp", "id")
        heading = help_text.splitlines()[0].lstrip("# ")
        assert heading == "SKP Saya"
        markdown = app.screen.query_one("#bantuan-teks", Markdown)
        assert markdown.source == help_text
        assert any(heading in h.source for h in markdown.query(MarkdownH1))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is skp


# -- guided mode ------------------------------------------------------------------------------------------
def banner(nomor: str, selesai: int, kunci: str) -> str:
    return message("tui.guide.banner", "id", nomor=nomor, selesai=selesai, total=11,
                   langkah=message(f"tui.step.{kunci}", "id"), cara=message(f"tui.step.{kunci}.cara", "id"))


async def test_guided_banner_shows_the_next_step_and_ctrl_g_hides_it(db):
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await become(pilot, PEGAWAI)
        await pilot.pause()
        store = app.session.store
        assert len(langkah_pegawai(store, PEGAWAI, YEAR)) == 11
        guide = app.screen.query_one("#panduan", Static)
        assert guide.display
        assert str(guide.render()) == banner("4", 0, "buat_skp")

        skp = await open_skp(pilot)
        assert str(skp.query_one("#panduan", Static).render()) == banner("4", 0, "buat_skp")
        await click(pilot, "#buat")
        await pilot.pause()
        assert db_rows(db, "SELECT status FROM skp WHERE nip = ?", [PEGAWAI]) == [("DRAFT",)]
        assert str(skp.query_one("#panduan", Static).render()) == banner("5", 1, "rhk")

        await pilot.press("ctrl+g")
        await pilot.pause()
        assert not skp.query_one("#panduan", Static).display
        assert prefs_file()["guided"] is False
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query_one("#panduan", Static).display  # the Beranda too

        await pilot.press("ctrl+g")
        await pilot.pause()
        guide = app.screen.query_one("#panduan", Static)
        assert guide.display and str(guide.render()) == banner("5", 1, "rhk")
    assert prefs_file()["guided"] is True


async def test_ctrl_t_toggles_the_high_contrast_theme_and_saved_prefs_apply_at_start(db):
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.theme == "ekinerja-kontras" and app.has_class("-kontras")
        assert prefs_file()["theme"] == "kontras"
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.theme == "textual-dark" and not app.has_class("-kontras")
        assert prefs_file()["theme"] == "standar"

    # choices saved earlier are applied at start: contrast on, no guided banner
    again = SandboxApp("id", db_path=str(db), prefs=Prefs(theme="kontras", guided=False))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "ekinerja-kontras"
        await become(pilot, PEGAWAI)
        await pilot.pause()
        assert not again.screen.query_one("#panduan", Static).display


# -- command palette ----------------------------------------------------------------------------------------
async def test_palette_opens_my_skp_and_offers_only_the_roles_menus(db):
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await become(pilot, PEGAWAI)
        labels = [label for label, _, _ in SandboxCommands(app.screen)._entries()]
        assert message("tui.cmd.skp", "id") in labels
        assert message("tui.cmd.matriks", "id") not in labels
        assert message("tui.cmd.bawahan", "id") not in labels
        assert message("tui.cmd.jam", "id") not in labels

        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"SKP Saya")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        if not isinstance(app.screen, SkpScreen):  # the first Enter only highlighted the best hit
            await pilot.press("enter")
            await pilot.pause(0.3)
        assert isinstance(app.screen, SkpScreen)

        await become(pilot, KASI)
        labels = [label for label, _, _ in SandboxCommands(app.screen)._entries()]
        menus = ("skp", "bawahan", "matriks", "penilaian")
        assert {message(f"tui.cmd.{m}", "id") for m in menus} <= set(labels)
        # a palette entry opens a Beranda menu from anywhere
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, SkpBawahanScreen)
        app.open_menu("matriks")
        await pilot.pause()
        assert isinstance(app.screen, MatriksScreen)


async def test_palette_offers_help_for_the_screen_it_was_opened_on(db):
    """"Bantuan: layar ini" (F1) is offered in the palette on a screen that has help.

    Shows a bug: `SandboxCommands._entries` (sandbox/tui/commands.py) tests `app.screen`, which is
    the CommandPalette itself while the palette is open, instead of the provider's `self.screen` (the
    screen the palette was opened from), so the help entry never appears in the palette.
    """
    from textual.command import CommandList, CommandPalette

    with_skp(db)
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await become(pilot, PEGAWAI)
        skp = await open_skp(pilot)
        help_label = message("tui.cmd.bantuan", "id")
        # asked while the SKP screen is the current one, the provider does list it …
        assert help_label in [label for label, _, _ in SandboxCommands(skp)._entries()]
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CommandPalette)
        options = app.screen.query_one(CommandList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any(line.startswith(message("tui.cmd.skp", "id")) for line in shown)
        # … and the palette opened on that screen should offer it too
        assert any(line.startswith(help_label) for line in shown), shown


# -- Matriks Peran Hasil ------------------------------------------------------------------------------------
def uneven_office(db: Path) -> None:
    """KASI revises the SKP to carry two RHK; Ade intervenes both, Silvia one, three nobody."""
    store = open_office(db)
    try:
        first, second = give_kasi_a_second_rhk(store)
        for nip, plan in ((PEGAWAI, [first, second]), (SILVIA, [second])):
            skp_id = buat_skp(store, nip, YEAR)
            for n, induk in enumerate(plan, start=1):
                rhk = tambah_rhk(store, nip, skp_id, f"Hasil {n} dari {nip[-4:]}", induk_rhk_id=induk)
                tambah_indikator(store, nip, rhk, "Jumlah dokumen", aspek="kuantitas", target_nilai=4,
                                 target_satuan="dokumen")
    finally:
        store.close()


async def test_matriks_screen_shows_one_row_per_subordinate_and_the_uneven_signal(db):
    uneven_office(db)
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await become(pilot, KASI)
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, MatriksScreen)
        expected = matriks_peran_hasil(app.session.store, KASI, YEAR)
        assert len(expected.kolom) == 2 and expected.tidak_merata
        table = app.screen.query_one("#matriks", DataTable)
        assert table.row_count == len(expected.baris) == 5
        assert len(table.columns) == 1 + 2 + 1
        for baris in expected.baris:
            row = [str(c) for c in table.get_row(baris.nip)]  # cells are Text (typed text is data)
            assert row[-1].lstrip("⚠ ") == str(baris.keterlibatan), baris.nama
            assert row[1:-1] == [str(len(baris.sel[k["id"]]) or "·") for k in expected.kolom]
            assert row[-1].startswith("⚠") == (baris.keterlibatan != 1)
        spread = expected.sebaran()
        assert spread == {"0": 3, "1": 1, "2+": 1}
        signal = text(app, "#matriks-sinyal")
        assert message("tui.matriks.sebaran", "id", state=expected.state, nol=3, satu=1, banyak=1) in signal
        assert message("tui.matriks.tidak_merata", "id", nol=3, banyak=1) in signal
        legend = text(app, "#matriks-legenda")
        assert all(k["teks"] in legend for k in expected.kolom)

        # the highlighted row explains who carries what
        ade_index = [b.nip for b in expected.baris].index(PEGAWAI)
        table.move_cursor(row=ade_index)
        await pilot.pause()
        detail = text(app, "#matriks-detail")
        assert "Hasil 1 dari 2001" in detail and "Hasil 2 dari 2001" in detail


async def test_matriks_of_a_fresh_office_is_kosong_without_the_uneven_warning(db):
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await become(pilot, KASI)
        await pilot.press("f8")
        await pilot.pause()
        table = app.screen.query_one("#matriks", DataTable)
        assert table.row_count == 5
        assert {str(table.get_row(key)[-1]) for key in table.rows} == {"⚠ 0"}
        signal = text(app, "#matriks-sinyal")
        assert signal == message("tui.matriks.sebaran", "id", state="KOSONG", nol=5, satu=0, banyak=0)
    assert db_rows(db, "SELECT count(*) FROM skp WHERE pejabat_nip = ?", [KASI]) == [(0,)]


# -- SKP Bawahan: ekspektasi khusus ------------------------------------------------------------------------
async def test_kasi_writes_an_ekspektasi_khusus_and_an_empty_one_is_refused(db):
    store = open_office(db)
    parent = parent_rhk_options(store, PEGAWAI, YEAR)[0]["id"]
    skp_id = buat_skp(store, PEGAWAI, YEAR)
    rhk = tambah_rhk(store, PEGAWAI, skp_id, "Terverifikasinya berkas izin trayek", induk_rhk_id=parent)
    tambah_indikator(store, PEGAWAI, rhk, "Jumlah berkas", aspek="kuantitas", target_nilai=30,
                     target_satuan="berkas")
    isi_lampiran(store, PEGAWAI, skp_id, dukungan_sd="PC", skema_pj="Laporan", konsekuensi="Teguran")
    ajukan(store, PEGAWAI, skp_id)
    store.close()

    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await become(pilot, KASI)
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, SkpBawahanScreen)
        await pilot.press("enter")  # Ade's DIAJUKAN SKP is listed first
        await pilot.pause()
        assert app.screen.selected == skp_id
        assert app.screen.query_one("#bagian-ek").display

        # an empty text: the workflow's refusal beside the form, nothing kept
        await click(pilot, "#simpan-ek")
        refusal = WorkflowRefused("workflow.perilaku.ekspektasi_kosong").render("id")
        assert text(app, "#ek-error") == refusal
        assert db_rows(db, "SELECT count(*) FROM perilaku_skp WHERE ekspektasi_khusus IS NOT NULL") == [(0,)]

        # Akuntabel (the second BerAKHLAK value), by keys
        select = app.screen.query_one("#ek-kode", Select)
        select.focus()
        await pilot.pause()
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert select.value == "akuntabel"
        teks = "Lapor tiap Jumat"
        await type_into(pilot, "#ek-teks", teks)
        await click(pilot, "#simpan-ek")
        assert text(app, "#ek-error") == ""
        assert app.screen.query_one("#ek-teks", Input).value == ""
        assert message("tui.bawahan.ek_baris", "id", nilai="Akuntabel", teks=teks) in text(app, "#detail")
    assert db_rows(db, "SELECT skp_id, kode, ekspektasi_khusus FROM perilaku_skp"
                       " WHERE ekspektasi_khusus IS NOT NULL") == [(skp_id, "akuntabel", teks)]
    assert db_rows(db, "SELECT status FROM skp WHERE id = ?", [skp_id]) == [("DIAJUKAN",)]
