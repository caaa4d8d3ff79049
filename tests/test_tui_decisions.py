"""Issue #17: the practice app's decisions, driven by keys at 80×24 over a real demo office file.

1. A selection never changes under the user: after an umpan balik reloads Penilaian Bawahan, the
   rating is saved for the person whose row was chosen (row 7), not for row 1.
2. Enter, Enter never approves: every irreversible decision opens a confirmation that names the
   person and the period, with Batal focused; the database is unchanged until "Ya" is pressed.
3. Messages are seen: an empty required note keeps its dialog open with the message inside it, and
   a refusal is shown as a notification inside the 80×24 screen.
After each decision the test checks that the database row that changed is the one the screen showed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Select, Static
from textual.widgets._toast import Toast

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
    atur_jam,
    buat_skp,
    isi_lampiran,
    setujui,
    tambah_indikator,
    tambah_rhk,
)
from sandbox.workflow.views import parent_rhk_options, people, periods_to_rate, skp_to_decide
from tests.test_tui_practice import KASI, become, db_rows

SIZE = (80, 24)


def _submit_all(store) -> dict[str, int]:
    """Each of KASI's five subordinates drafts and submits an SKP 2026: {nip: skp id}."""
    parent = parent_rhk_options(store, "199704292023112001", 2026)[0]["id"]
    skps = {}
    for p in sorted((p for p in people(store) if p["atasan_nip"] == KASI), key=lambda p: p["nama"]):
        skp = buat_skp(store, p["nip"], 2026)
        rhk = tambah_rhk(store, p["nip"], skp, f"Terselesaikannya layanan {p['nama']}", induk_rhk_id=parent)
        tambah_indikator(store, p["nip"], rhk, "Jumlah berkas selesai", aspek="kuantitas", target_nilai=30,
                         target_satuan="berkas")
        isi_lampiran(store, p["nip"], skp, dukungan_sd="PC", skema_pj="Laporan", konsekuensi="Teguran")
        ajukan(store, p["nip"], skp)
        skps[p["nip"]] = skp
    return skps


@pytest.fixture(scope="module")
def submitted(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("diajukan") / "kantor.db"
    with open_office(path) as store:
        _submit_all(store)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture(scope="module")
def quarter_two(tmp_path_factory) -> Path:
    """The five SKPs approved and the clock on 2 April 2026: Triwulan I and II open for each
    (Penilaian Bawahan lists five Triwulan I, five Triwulan II, then five Final)."""
    path = tmp_path_factory.mktemp("tw2") / "kantor.db"
    with open_office(path) as store:
        for skp in _submit_all(store).values():
            setujui(store, KASI, skp)
        atur_jam(store, TRAINER, "2026-04-02")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def copy_of(tmp_path):
    def make(template: Path) -> Path:
        db = tmp_path / "kelas.db"
        shutil.copy(template, db)
        return db

    return make


def toasts(app) -> list[tuple[str, object]]:
    """The notices on view: their text and where they are drawn."""
    return [(str(t.render()), t.region) for t in app.screen.walk_children() if isinstance(t, Toast)]


def seen(app, fragment: str) -> bool:
    """A notice holding `fragment` is drawn whole inside the 80×24 screen."""
    return any(fragment in text and region.right <= SIZE[0] and region.bottom <= SIZE[1] and region.area
               for text, region in toasts(app))


def question(app) -> str:
    assert isinstance(app.screen, KonfirmasiDialog)
    return str(app.screen.query_one("#konfirmasi-tanya", Static).render())


async def press_button(pilot, selector: str) -> None:
    """Press a button as a keyboard user does: focus it (scrolling it into view) and press Enter."""
    button = pilot.app.screen.query_one(selector)
    button.focus()
    button.scroll_visible(animate=False)
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def choose(pilot, selector: str, downs: int) -> None:
    """Open a Select with Enter, move down `downs` times from the prompt, and take it (by keys)."""
    select = pilot.app.screen.query_one(selector, Select)
    select.focus()
    select.scroll_visible(animate=False)
    await pilot.pause()
    await pilot.press("enter", *(["down"] * downs), "enter")
    await pilot.pause()
    assert not select.is_blank()


def cursor_key(app, selector: str) -> int:
    table = app.screen.query_one(selector, DataTable)
    return int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)


def ratings(db) -> dict[int, tuple]:
    return {r[0]: r[1:] for r in db_rows(db, "SELECT id, rating_hk, rating_pk, predikat FROM skp_periode"
                                             " WHERE rating_pk IS NOT NULL")}


# -- 1. the rating lands on the row that was chosen ----------------------------------------------------
async def test_after_feedback_on_row_7_the_rating_is_saved_for_row_7(quarter_two, copy_of):
    db = copy_of(quarter_two)
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await become(pilot, KASI)
        rows = periods_to_rate(app.session.store, KASI)
        assert len(rows) == 15 and rows[6]["periode"] == "Triwulan II 2026"
        seventh, first = rows[6], rows[0]
        assert seventh["nip"] != first["nip"]
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, PenilaianScreen)
        await pilot.press(*["down"] * 6, "enter")  # the 7th row: another person's Triwulan II
        await pilot.pause()
        assert app.screen.period_id == seventh["id"]

        # umpan balik on a BerAKHLAK value: the table reloads
        await choose(pilot, "#sasaran", 2)  # Perilaku: Berorientasi Pelayanan
        await choose(pilot, "#pilihan", 2)
        await press_button(pilot, "#kirim-ub")
        assert db_rows(db, "SELECT skp_periode_id FROM umpan_balik") == [(seventh["id"],)]
        assert app.screen.period_id == seventh["id"]
        assert cursor_key(app, "#periode-bawahan") == seventh["id"]  # the cursor stayed on row 7

        await choose(pilot, "#hk", 2)  # Sesuai Ekspektasi
        await choose(pilot, "#pk", 1)  # Di Atas Ekspektasi
        await press_button(pilot, "#nilai")
        asked = question(app)
        assert seventh["nama"] in asked and "Triwulan II 2026" in asked and seventh["nip"] not in asked
        assert first["nama"] not in asked
        assert ratings(db) == {}  # nothing is saved before "Ya"
        await pilot.click("#ya")
        await pilot.pause()
        assert isinstance(app.screen, PenilaianScreen)
        assert cursor_key(app, "#periode-bawahan") == seventh["id"] == app.screen.period_id
    assert ratings(db) == {seventh["id"]: ("sesuai", "di_atas", "baik")}


async def test_finalkan_asks_names_the_person_and_changes_only_that_row(quarter_two, copy_of):
    from sandbox.store import open_store
    from sandbox.workflow import nilai

    db = copy_of(quarter_two)
    with open_store(db) as store:
        rows = periods_to_rate(store, KASI)
        target = rows[2]
        nilai(store, KASI, target["id"], rating_hk="sesuai", rating_pk="sesuai")
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await become(pilot, KASI)
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        await press_button(pilot, "#finalkan")
        asked = question(app)
        assert target["nama"] in asked and "Triwulan I 2026" in asked
        await pilot.press("enter")  # Enter by habit: Batal has the focus
        await pilot.pause()
        assert isinstance(app.screen, PenilaianScreen)
        assert seen(app, "tidak ada yang diubah")
        assert db_rows(db, "SELECT state FROM skp_periode WHERE id = ?", [target["id"]]) == [("DINILAI",)]
        await press_button(pilot, "#finalkan")
        await pilot.click("#ya")
        await pilot.pause()
        assert cursor_key(app, "#periode-bawahan") == target["id"]
    assert db_rows(db, "SELECT id FROM skp_periode WHERE state = 'TERKUNCI'") == [(target["id"],)]


# -- 2. Enter, Enter does not approve -------------------------------------------------------------------
def statuses(db) -> dict[int, str]:
    return dict(db_rows(db, "SELECT id, status FROM skp WHERE nip IN (SELECT nip FROM pegawai"
                            " WHERE atasan_nip = ?)", [KASI]))


async def test_enter_enter_opens_a_confirmation_and_changes_nothing(submitted, copy_of):
    db = copy_of(submitted)
    before = statuses(db)
    assert set(before.values()) == {"DIAJUKAN"} and len(before) == 5
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await become(pilot, KASI)
        waiting = skp_to_decide(app.session.store, KASI)
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, SkpBawahanScreen)
        await pilot.press("down", "down", "enter", "enter")  # the habit: Enter on the row, Enter again
        await pilot.pause()
        asked = question(app)
        third = waiting[2]
        assert third["nama"] in asked and "1 Januari 2026" in asked and third["nip"] not in asked
        assert statuses(db) == before
        await pilot.press("enter")  # a third Enter presses Batal, which has the focus
        await pilot.pause()
        assert isinstance(app.screen, SkpBawahanScreen)
        assert statuses(db) == before

        # a Kembalikan with an empty note: the dialog stays open and says why, the SKP is untouched
        await press_button(pilot, "#kembalikan")
        assert isinstance(app.screen, CatatanDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CatatanDialog)
        inside = str(app.screen.query_one("#catatan-error", Static).render())
        assert "Catatan wajib diisi" in inside
        assert seen(app, "Catatan wajib diisi")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter", "enter")  # Enter, Enter after the refused return: still nothing
        await pilot.pause()
        assert statuses(db) == before
        if isinstance(app.screen, KonfirmasiDialog):
            await pilot.press("escape")
            await pilot.pause()

        # approved only with "Ya"; the SKP approved is the one the confirmation named
        app.screen.query_one("#bawahan", DataTable).focus()
        await pilot.press("enter")
        await pilot.pause()
        await press_button(pilot, "#setujui")
        asked = question(app)
        assert third["nama"] in asked
        await pilot.click("#ya")
        await pilot.pause()
        assert isinstance(app.screen, SkpBawahanScreen)
        assert app.screen.selected == third["id"] == cursor_key(app, "#bawahan")  # same SKP, new row
    after = statuses(db)
    assert {k for k in after if after[k] != before[k]} == {third["id"]}
    assert after[third["id"]] == "DISETUJUI"


async def test_kembalikan_with_a_note_is_confirmed_and_returns_that_skp(submitted, copy_of):
    db = copy_of(submitted)
    before = statuses(db)
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await become(pilot, KASI)
        waiting = skp_to_decide(app.session.store, KASI)
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        await press_button(pilot, "#kembalikan")
        await pilot.press(*"RHK masih berupa kegiatan", "enter")
        await pilot.pause()
        asked = question(app)
        assert waiting[1]["nama"] in asked and "RHK masih berupa kegiatan" in asked
        assert statuses(db) == before
        await pilot.click("#ya")
        await pilot.pause()
        assert app.screen.selected == waiting[1]["id"] == cursor_key(app, "#bawahan")
    after = statuses(db)
    assert {k for k in after if after[k] != before[k]} == {waiting[1]["id"]}
    assert after[waiting[1]["id"]] == "DIKEMBALIKAN"
    assert db_rows(db, "SELECT catatan FROM skp_status_log WHERE skp_id = ? AND to_status = 'DIKEMBALIKAN'",
                   [waiting[1]["id"]]) == [("RHK masih berupa kegiatan",)]


async def test_a_record_gone_meanwhile_is_refused_with_a_visible_message(submitted, copy_of):
    """Another terminal approves the highlighted SKP; Setujui here refuses, visibly, and approves no
    other SKP."""
    from sandbox.store import open_store

    db = copy_of(submitted)
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await become(pilot, KASI)
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        chosen = app.screen.selected
        with open_store(db) as other:
            setujui(other, KASI, chosen)
        before = statuses(db)
        await press_button(pilot, "#setujui")
        assert isinstance(app.screen, KonfirmasiDialog)  # the workflow still lists it (decided)
        await pilot.click("#ya")
        await pilot.pause()
        assert isinstance(app.screen, SkpBawahanScreen)
        assert any(region.bottom <= SIZE[1] for _, region in toasts(app))
        assert statuses(db) == before  # nothing else approved


# -- 3. messages are seen -------------------------------------------------------------------------------
async def test_an_empty_clock_date_keeps_the_dialog_open_with_its_message(tmp_path):
    db = tmp_path / "kelas.db"
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press(*"Pelatih", "enter")
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, CatatanDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CatatanDialog)
        assert "Tulis tanggalnya dulu" in str(app.screen.query_one("#catatan-error", Static).render())
        assert seen(app, "Tulis tanggalnya dulu")
        await pilot.press(*"1 April", "enter")  # not a date the clock takes: refused, still open
        await pilot.pause()
        assert isinstance(app.screen, CatatanDialog)
        refusal = str(app.screen.query_one("#catatan-error", Static).render())
        assert refusal and "Tulis tanggalnya dulu" not in refusal and seen(app, refusal.split(" — ")[0])
        app.screen.query_one("#catatan", Input).value = ""
        await pilot.press(*"2026-04-01", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, CatatanDialog)
    assert db_rows(db, "SELECT virtual_now FROM clock") == [("2026-04-01T08:00:00+07:00",)]


async def test_a_refused_rating_is_a_notice_inside_80x24(quarter_two, copy_of):
    """No Rating Hasil Kerja for a pegawai who leads no unit: refused, beside the form (scrolled far
    below at 80×24) and as a notice on view."""
    db = copy_of(quarter_two)
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await become(pilot, KASI)
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await press_button(pilot, "#nilai")  # no rating chosen at all
        assert isinstance(app.screen, PenilaianScreen)
        assert seen(app, "Rating Perilaku")
        assert "Rating Perilaku" in str(app.screen.query_one("#nilai-error", Static).render())
        await choose(pilot, "#pk", 1)
        await press_button(pilot, "#nilai")
        await pilot.click("#ya")
        await pilot.pause()
        error = str(app.screen.query_one("#nilai-error", Static).render())
        assert error and seen(app, error.split(" — ")[0])
    assert ratings(db) == {}


async def test_deciding_a_keberatan_asks_first_and_decides_that_one(quarter_two, copy_of):
    from sandbox.store import open_store
    from sandbox.workflow import ajukan_keberatan, finalkan, nilai, terbitkan_dokumen

    db = copy_of(quarter_two)
    with open_store(db) as store:
        q1 = [r for r in periods_to_rate(store, KASI) if r["periode"] == "Triwulan I 2026"][:2]
        for r in q1:
            nilai(store, KASI, r["id"], rating_hk="di_bawah", rating_pk="sesuai")
            finalkan(store, KASI, r["id"])
            terbitkan_dokumen(store, r["nip"], r["id"])
            ajukan_keberatan(store, r["nip"], r["id"], "Realisasi belum dihitung")
        atasan = store.conn.execute("SELECT atasan_nip FROM pegawai WHERE nip = ?", [KASI]).fetchone()[0]
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await become(pilot, atasan)
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, KeberatanScreen)
        table = app.screen.query_one("#daftar-keberatan", DataTable)
        table.focus()
        await pilot.press("down")
        await pilot.pause()
        case = app.screen.cases[app.screen.case_id]
        assert case["periode_id"] == q1[1]["id"]
        app.screen.query_one("#keputusan", Select).value = "tolak"
        app.screen.query_one("#kbr-catatan", Input).value = "Bukti dukung tidak menunjukkan realisasi"
        await press_button(pilot, "#putuskan")
        asked = question(app)
        assert case["nama"] in asked and "Triwulan I 2026" in asked
        assert db_rows(db, "SELECT count(*) FROM keberatan WHERE decision IS NOT NULL") == [(0,)]
        await pilot.click("#ya")
        await pilot.pause()
        assert app.screen.case_id is None  # decided: no other objection is picked for the next decision
    assert db_rows(db, "SELECT skp_periode_id, decision FROM keberatan WHERE decision IS NOT NULL") == [
        (q1[1]["id"], "DITOLAK")]


async def test_a_row_moved_to_another_pejabat_is_refused_and_no_other_is_picked(submitted, copy_of):
    """While KASI has the 2nd SKP highlighted, it is moved to another pejabat penilai (written from
    another connection, as a sync would): Setujui asks nothing, says so inside 80×24, and the
    selection is not moved to another person's SKP."""
    import sqlite3

    db = copy_of(submitted)
    before = statuses(db)
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await become(pilot, KASI)
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        chosen = app.screen.selected
        other = next(p["nip"] for p in people(app.session.store) if p["memimpin"] and p["nip"] != KASI)
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE skp SET pejabat_nip = ? WHERE id = ?", [other, chosen])
        await press_button(pilot, "#setujui")
        assert isinstance(app.screen, SkpBawahanScreen)  # no confirmation for a row that is gone
        assert seen(app, "tidak ada di daftar")
        assert "tidak ada di daftar" in str(app.screen.query_one("#putus-error", Static).render())
        assert app.screen.selected is None
        keys = [int(k.value) for k in app.screen.query_one("#bawahan", DataTable).rows]
        assert chosen not in keys and len(keys) == 4
        assert not app.screen.query_one("#setujui").display  # nothing chosen: nothing to decide
    assert statuses(db) == before
