"""Issue #16 at a seat and on the board: an open seat follows the trainer (a new round, a moved clock)
within two seconds and says so, without a key; a seat restarts its own attempt after a confirmation;
the board and the export do not count seats nobody sat at; names are shown as typed, refused with
invisible characters, and never run as a spreadsheet formula. Real parts: a class SQLite file, a second
connection standing for the trainer's console (another process, as `data_version` sees it), the real
app under Pilot at 80×24."""

from __future__ import annotations

import csv
import time
from datetime import UTC, datetime, timedelta

import pytest
from textual.widgets import DataTable, Input, Select, Static
from textual.widgets._toast import Toast

from sandbox.formatting import long_date
from sandbox.i18n import message
from sandbox.store import open_store
from sandbox.training.access import join
from sandbox.training.attempt import world_of
from sandbox.training.classroom import (
    ClassError,
    board,
    close_round,
    create_class,
    current_attempt,
    move_clock,
    name_seat,
    restart_own,
    start_round,
)
from sandbox.training.scenario import load_scenario
from sandbox.training.summary import export
from sandbox.tui.app import SandboxApp
from sandbox.tui.dialogs.konfirmasi import KonfirmasiDialog
from sandbox.tui.screens.beranda import BerandaScreen
from sandbox.tui.screens.kursi import SeatScreen

DEADLINE = 30.0  # generous: the seat polls every second; a loaded CI machine may be slow


@pytest.fixture
def kelas(tmp_path):
    path = tmp_path / "kelas.db"
    with open_store(path) as store:
        info = create_class(store, "Kelas Uji", 2)
        start_round(store, info.id, load_scenario("T01"))
    return path


async def wait_for(pilot, condition) -> bool:
    """Let the app run (no key pressed) until `condition()` holds or the deadline passes."""
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        if condition():
            return True
        await pilot.pause(0.2)
    return condition()


def toasts(app) -> list[tuple[str, object]]:
    """The notices on view: their text and where they are drawn."""
    return [(str(t.render()), t.region) for t in app.screen.walk_children() if isinstance(t, Toast)]


async def as_pegawai(app, pilot) -> None:
    """Enter past the name, Enter on the seat's one role: the Beranda of the trainee."""
    await pilot.pause()
    await pilot.press("enter")
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, BerandaScreen)


def test_long_date_is_words_not_codes():
    assert long_date("2026-04-11T09:00:00+07:00", "id") == "11 April 2026"
    assert long_date("2026-08-17", "en") == "17 August 2026"
    assert long_date("2026-08-17", "id") == "17 Agustus 2026"


async def test_a_new_round_reaches_an_open_seat_without_a_key(kelas):
    app = SandboxApp("id", str(kelas), start="kursi", seat=1)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await as_pegawai(app, pilot)
        old = app.session.actor
        await pilot.press("f2")  # deep in the old attempt: the SKP screen of its pegawai
        await pilot.pause()
        assert type(app.screen).__name__ == "SkpScreen"
        with open_store(kelas) as console:  # the trainer's console: another connection
            new = start_round(console, 1, load_scenario("T03"))
        assert await wait_for(pilot, lambda: app.session.attempt_id == new[0] and toasts(app))
        await pilot.pause()
        # back on the seat screen of the new round, nothing of the old persona kept
        assert isinstance(app.screen, SeatScreen) and len(app.screen_stack) == 2
        assert app.session.actor is None and old not in (app.session.allowed or ())
        cast = world_of(app.session.store, new[0]).cast
        keys = {str(k.value) for k in app.screen.query_one("#peran", DataTable).rows}
        assert keys and keys <= set(cast.roles.values())
        # the notice names the new scenario and its date in words, whole, inside an 80×24 screen
        judul = load_scenario("T03").judul.id
        text, region = toasts(app)[-1]
        assert judul in text and "8 April 2026" in text
        assert region.right <= 80 and region.bottom <= 24
        assert "8 April 2026" in str(app.screen.query_one("#kursi-skenario").source)


async def test_a_clock_move_refreshes_the_date_on_screen_and_says_it(kelas):
    app = SandboxApp("en", str(kelas), start="kursi", seat=1)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await as_pegawai(app, pilot)
        attempt = app.session.attempt_id
        jam = app.screen.query_one("#jam", Static)
        assert "8 January 2026" in str(jam.render())
        with open_store(kelas) as console:
            move_clock(console, 1, "2026-04-11T09:00")
        assert await wait_for(pilot, lambda: "11 April 2026" in str(jam.render()) and toasts(app))
        text, region = toasts(app)[-1]
        assert "11 April 2026" in text and "2026-04-11" not in text
        assert region.right <= 80 and region.bottom <= 24
        # the same attempt and persona: a clock move is not a new round
        assert isinstance(app.screen, BerandaScreen) and app.session.attempt_id == attempt


async def test_a_clock_move_relists_the_periods_and_keeps_what_is_typed(tmp_path):
    """T03's Evaluasi: the clock passes the entry deadline while the trainee types a rencana aksi;
    the period list says it is late at once, and the cursor and the typed text stay where they were."""
    path = tmp_path / "kelas.db"
    with open_store(path) as store:
        info = create_class(store, "Kelas Uji", 1)
        start_round(store, info.id, load_scenario("T03"))
    app = SandboxApp("id", str(path), start="kursi", seat=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await as_pegawai(app, pilot)
        await pilot.press("f7")
        await pilot.pause()
        periods = app.screen.query_one("#periode", Select)
        first = periods.value

        def label() -> str:
            return next(str(text) for text, value in periods._options if value == first)

        assert "lewat batas" not in label()
        typed = app.screen.query_one("#ra-teks", Input)
        typed.focus()
        await pilot.press("d", "r", "a", "f")
        with open_store(path) as console:
            move_clock(console, 1, "2026-04-20T09:00")
        assert await wait_for(pilot, lambda: "lewat batas" in label() and app.focused is typed)
        assert typed.value.endswith("draf") and periods.value == first


async def test_a_seat_waiting_for_its_first_round_opens_by_itself(tmp_path):
    path = tmp_path / "kelas.db"
    with open_store(path) as store:
        create_class(store, "Kelas Uji", 1)
    app = SandboxApp("id", str(path), start="kursi", seat=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.session.attempt_id is None
        with open_store(path) as console:
            (first,) = start_round(console, 1, load_scenario("T01"))
        assert await wait_for(pilot, lambda: app.session.attempt_id == first)
        assert app.screen.query_one("#peran", DataTable).row_count == 1


async def test_a_seat_restarts_its_own_attempt_after_a_confirmation(kelas):
    app = SandboxApp("id", str(kelas), start="kursi", seat=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await as_pegawai(app, pilot)
        store = app.session.store
        first = app.session.attempt_id
        from sandbox.workflow import buat_skp

        buat_skp(store, app.session.actor, 2026)  # some work of this attempt
        await pilot.press("escape")  # Ganti peran: back to the seat screen
        await pilot.pause()
        assert isinstance(app.screen, SeatScreen)
        await pilot.press("f5")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, KonfirmasiDialog)
        shown = " ".join(str(w.render()) for w in dialog.query("Label, Static"))
        assert load_scenario("T01").judul.id in shown and "disisihkan" in shown
        await pilot.press("escape")  # No: nothing changes
        await pilot.pause()
        assert isinstance(app.screen, SeatScreen) and app.session.attempt_id == first

        await pilot.press("f5")
        await pilot.pause()
        await pilot.click("#ya")
        assert await wait_for(pilot, lambda: app.session.attempt_id != first)
        again = current_attempt(store, 1, 1)
        assert again["id"] == app.session.attempt_id and again["ke"] == 2 and again["selesai_wall_ts"] is None
        old = store.conn.execute("SELECT hasil, selesai_wall_ts FROM percobaan WHERE id = ?",
                                 [first]).fetchone()
        assert old[0] == "belum_selesai" and old[1]  # set aside with its outcome, still recorded
        assert current_attempt(store, 1, 2)["ke"] == 1  # the other seat goes on untouched
        assert board(store, 1)[0].diulang == 1 and board(store, 1)[1].diulang == 0
        assert app.session.actor is None  # a fresh cast: the role is chosen again


async def test_t01_at_the_seat_marks_the_lampiran_required_and_refuses_to_submit_without_it(kelas):
    """The SKP screen's checklist and T01's check read one definition: the lampiran is ✗ (required)
    for this trainee, and F8 (Ajukan) leaves the SKP a draft the trainee can still complete."""
    from sandbox.workflow import buat_skp, tambah_indikator, tambah_rhk

    app = SandboxApp("id", str(kelas), start="kursi", seat=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await as_pegawai(app, pilot)
        store, nip = app.session.store, app.session.actor
        cast = world_of(store, app.session.attempt_id).cast
        parent = store.conn.execute("SELECT rhk.id FROM rhk JOIN skp ON skp.id = rhk.skp_id WHERE skp.nip = ?"
                                    " ORDER BY rhk.id LIMIT 1", [cast.nip("kasi")]).fetchone()[0]
        skp_id = buat_skp(store, nip, 2026)
        rhk = tambah_rhk(store, nip, skp_id, "Tersusunnya kajian layanan tepat waktu", induk_rhk_id=parent)
        tambah_indikator(store, nip, rhk, "Jumlah kajian", aspek="kuantitas", target_nilai=4,
                         target_satuan="dokumen")
        await pilot.press("f2")
        await pilot.pause()
        listed = str(app.screen.query_one("#checklist", Static).render())
        assert f"✗ {message('tui.guard.lampiran', 'id')}" in listed
        await pilot.press("f8")
        await pilot.pause()
        assert store.conn.execute("SELECT status FROM skp WHERE id = ?", [skp_id]).fetchone()[0] == "DRAFT"
        assert message("workflow.ajukan.lampiran", "id", kosong="")[:20] in str(
            app.screen.query_one("#ajukan-error", Static).render())


def test_a_finished_attempt_is_not_reopened_from_the_seat(kelas):
    with open_store(kelas) as store:
        close_round(store, 1)
        with pytest.raises(ClassError) as refused:
            restart_own(store, 1, 1)
        assert refused.value.code == "kelas.ulang_ditutup"
        assert "minta pelatih" in refused.value.render("id")
        assert "ask the trainer" in refused.value.render("en")


def test_the_board_never_calls_an_empty_seat_stuck(tmp_path):
    path = tmp_path / "kelas.db"
    with open_store(path) as store:
        info = create_class(store, "Kelas Uji", 3)
        start_round(store, info.id, load_scenario("T01"))
        assert join(store, info.id, info.kode_gabung).seat == 1  # seat 1: a trainee joined, then idle
        name_seat(store, info.id, 2, "Rudi")  # seat 2: the trainer named who sits there
        later = datetime.now(UTC) + timedelta(hours=1)
        rows = board(store, info.id, now_wall=later)
        assert [(r.kursi, r.macet, r.kosong) for r in rows] == [(1, True, False), (2, True, False),
                                                                 (3, False, True)]


def test_the_export_leaves_empty_seats_out_and_never_runs_a_name(tmp_path):
    path = tmp_path / "kelas.db"
    with open_store(path) as store:
        info = create_class(store, "Kelas Uji", 3)
        start_round(store, info.id, load_scenario("T01"))
        formula = '=HYPERLINK("http://contoh.invalid/x","Klik")'
        name_seat(store, info.id, 1, formula)
        name_seat(store, info.id, 2, "Siti Aminah")
        close_round(store, info.id)
        paths = export(store, info.id, tmp_path / "hasil")
    raw = paths[0].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with paths[0].open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["kursi"], r["peserta"]) for r in rows] == [("1", "'" + formula), ("2", "Siti Aminah")]
    assert all(r["diulang"] == "0" for r in rows)
    md = paths[1].read_text(encoding="utf-8")
    assert "| T01 | 0% (0/2) |" in md  # two trainees, not three seats
    assert message("kelas.ringkasan.kosong", "id", daftar="3") in md


@pytest.mark.parametrize("nama, posisi", [("Bu\u200bdi", 3), ("\u202eidub", 1), ("Ani\u2066x", 4)])
def test_a_name_with_invisible_or_direction_characters_is_refused(kelas, nama, posisi):
    with open_store(kelas) as store:
        with pytest.raises(ClassError) as refused:
            name_seat(store, 1, 1, nama)
        assert refused.value.code == "kelas.nama_karakter"
        said = refused.value.render("id")
        assert f"posisi ke-{posisi}" in said and "ketik ulang" in said
        assert f"position {posisi}" in refused.value.render("en")
        assert store.conn.execute("SELECT nama_peserta FROM kursi WHERE no = 1").fetchone()[0] is None
        name_seat(store, 1, 1, "Budi\tSantoso\n")  # tabs and line breaks are only spaces
        stored = store.conn.execute("SELECT nama_peserta FROM kursi WHERE no = 1").fetchone()[0]
        assert stored == "Budi Santoso"


async def test_the_seat_shows_the_class_name_and_user_text_as_typed(kelas):
    with open_store(kelas) as store:
        name_seat(store, 1, 1, "[b]Budi[/b] [@click=app.quit]x[/]")
    app = SandboxApp("id", str(kelas), start="kursi", seat=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.sub_title == "Kelas Uji" and str(kelas) not in app.sub_title
        shown = app.screen.query_one("#nama-di-papan", Static)
        assert "[b]Budi[/b] [@click=app.quit]x[/]" in str(shown.render())
        # a name typed at the seat with a zero-width character is refused there, in words
        field = app.screen.query_one("#nama-peserta", Input)
        field.value = "Bu\u200bdi"
        field.focus()
        await pilot.press("enter")
        await pilot.pause()
        stored = app.session.store.conn.execute("SELECT nama_peserta FROM kursi WHERE no = 1").fetchone()[0]
        assert stored == "[b]Budi[/b] [@click=app.quit]x[/]"
        assert any("karakter tak terlihat" in str(n.message) for n in app._notifications)
