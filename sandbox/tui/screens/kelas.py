"""The trainer's console: the live board of every seat, start a round, move the class clock, close
the round and export the results, release a seat. The board re-reads the database whenever another
process commits (SQLite's `data_version`), so thirty seats typing show up within two seconds.

A class with a trainer's PIN opens on `PinScreen`: nothing of the console (board, join code,
commands) is built before the PIN is right, and wrong PINs are throttled (`training.access`).

Seat names are typed by trainees: the board, the messages and the release question show them as
typed (`TextTable`, `markup=False`), never as markup that could crash the console or run an action."""

from __future__ import annotations

import functools
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Header, Input, Label, Static

from sandbox.formatting import long_datetime
from sandbox.i18n import message
from sandbox.store import StoreError, open_store
from sandbox.training import access
from sandbox.training.classroom import (
    ClassError,
    assigned,
    board,
    class_info,
    close_round,
    move_clock,
    start_round,
)
from sandbox.training.scenario import ScenarioError, find_scenario, load_scenario, scenario_files
from sandbox.tui import messages_usertext  # noqa: F401 - the console's messages
from sandbox.tui.keybar import KeyBar
from sandbox.tui.screens.base import AppScreen
from sandbox.tui.widgets import TextSelect, TextTable
from sandbox.workflow import WorkflowRefused

COLUMNS = (
    "kursi",
    "peserta",
    "skenario",
    "tugas",
    "petunjuk",
    "galat",
    "bantuan",
    "ditolak",
    "integritas",
    "hasil",
    "masuk",
)


def scenario_choices(ids: list[str], lang: str) -> list[tuple[str, str]]:
    """The picker's options, "T01 — <title>" in the session's language; a scenario that cannot be
    read keeps its bare id (starting it then says what is wrong with the file)."""
    choices = []
    for scenario_id in ids:
        title = _title(scenario_id)
        label = scenario_id if title is None else message(
            "tui.kelas.skenario_pilihan", lang, id=scenario_id, judul=title.get(lang))
        choices.append((label, scenario_id))
    return choices


def _title(scenario_id: str):
    """A scenario's title, read once per version of its file (reading all of them takes most of a
    second; the console is rebuilt on every language switch)."""
    path = find_scenario(scenario_id)
    try:
        stamp = path.stat().st_mtime_ns if path is not None else None
    except OSError:
        return None
    return _title_of(scenario_id, str(path), stamp) if stamp is not None else None


@functools.lru_cache(maxsize=256)
def _title_of(scenario_id: str, _path: str, _stamp: int):
    try:
        return load_scenario(scenario_id).judul
    except (ScenarioError, OSError):
        return None


class PinScreen(AppScreen):
    """The door of the trainer's console: the PIN first."""

    HELP_TOPIC = "kelas"

    def compose(self) -> ComposeResult:
        lang = self.app.session.lang
        yield Header()
        yield Label(message("tui.akses.pin_judul", lang), classes="title", markup=False)
        yield Input(placeholder=message("tui.akses.pin", lang), id="pin-pelatih", classes="no-draft",
                    password=True)
        yield Label("", id="pin-pesan", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#pin-pelatih", Input).focus()

    @on(Input.Submitted, "#pin-pelatih")
    def _pin_given(self, event: Input.Submitted) -> None:
        app, session = self.app, self.app.session
        field = self.query_one("#pin-pelatih", Input)
        said = self.query_one("#pin-pesan", Label)
        wait = app.pin_throttle.wait("pin")
        if wait:
            said.update(access.AccessRefused("akses.terlalu_sering", detik=wait).render(session.lang))
            field.value = ""
            return
        if not access.check_pin(session.store, session.kelas_id, event.value):
            wait = app.pin_throttle.fail("pin")
            refused = (access.AccessRefused("akses.terlalu_sering", detik=wait) if wait
                       else access.AccessRefused("akses.pin_salah"))
            said.update(refused.render(session.lang))
            field.value = ""
            return
        app.pin_throttle.clear("pin")
        app.unlock_console()
        app.switch_screen(ClassConsoleScreen())


class ClassConsoleScreen(AppScreen):
    HELP_TOPIC = "kelas"
    BINDINGS = [
        Binding("f5", "mulai", "Mulai putaran", id="kelas.mulai"),
        Binding("f7", "tutup_putaran", "Tutup putaran", id="kelas.tutup"),
        Binding("f8", "ekspor", "Ekspor", id="kelas.ekspor"),
        Binding("f9", "lepas", "Lepas kursi", id="kelas.lepas"),
    ]

    def compose(self) -> ComposeResult:
        lang = self.app.session.lang
        yield Header()
        yield Static("", id="kelas-info", markup=False)
        with Horizontal(id="kelas-baris"):
            yield TextSelect([], id="pilih-skenario", prompt=message("tui.kelas.skenario", lang),
                             compact=True)
            yield Button(message("tui.kelas.mulai", lang), id="mulai", compact=True, variant="primary")
            yield Input(placeholder=message("tui.kelas.jam", lang), id="jam-kelas", classes="no-draft")
            yield Button(message("tui.kelas.majukan", lang), id="majukan", compact=True)
        yield Label("", id="kelas-pesan", markup=False)
        yield TextTable(id="papan", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        if not self.app.console_unlocked:  # never reached without the PIN; refuse rather than show
            self.app.switch_screen(PinScreen())
            return
        lang = self.app.session.lang
        table = self.query_one("#papan", DataTable)
        table.add_columns(*(message(f"tui.kelas.kol.{c}", lang) for c in COLUMNS))
        store = self.app.session.store
        info = class_info(store)
        ids = assigned(store, info.id) or [p.stem.split("-")[0] for p in scenario_files()]
        self.query_one("#pilih-skenario", TextSelect).set_options(scenario_choices(ids, lang))
        self._version = None
        self._names: dict[int, str | None] = {}
        self.starting = False
        self.refresh_board()
        self.set_interval(2.0, self._poll)

    def _poll(self) -> None:
        version = self.app.session.store.data_version()
        if version != self._version:
            self.refresh_board()

    def refresh_board(self) -> None:
        """Redraw the board; a problem reading it (a scenario file removed mid-class, a busy file)
        is a line on the console, never a closed console."""
        try:
            self._draw_board()
        except (ClassError, ScenarioError, StoreError) as error:
            self._say(error.render(self.app.session.lang))

    def _draw_board(self) -> None:
        session = self.app.session
        store, lang = session.store, session.lang
        self._version = store.data_version()
        info = class_info(store)
        self.query_one("#kelas-info", Static).update(
            message(
                "tui.kelas.info",
                lang,
                nama=info.nama,
                kursi=info.kursi,
                kode=info.kode_gabung,
                jam=long_datetime(store.virtual_now(), lang),
            )
        )
        table = self.query_one("#papan", DataTable)
        cursor = table.cursor_row
        table.clear()
        taken = access.claimed_seats(store, info.id)
        rows = board(store, info.id)
        self._names = {r.kursi: r.peserta for r in rows}
        for r in rows:
            state = message(f"hasil.{r.hasil}", lang) if r.hasil else "–"
            if r.macet:
                state += " ⚠"
            table.add_row(
                str(r.kursi),
                r.peserta or "-",
                f"{r.skenario or '-'} #{r.ke or '-'}",
                f"{r.tugas_lulus}/{r.tugas_total}",
                str(r.petunjuk),
                str(r.galat),
                str(r.bantuan),
                str(r.ditolak),
                str(r.integritas),
                state,
                "✓" if r.kursi in taken else "-",
                key=str(r.kursi),
            )
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))

    def _say(self, text: str) -> None:
        self.query_one("#kelas-pesan", Label).update(text)

    @on(Button.Pressed, "#mulai")
    def action_mulai(self) -> None:
        choice = self.query_one("#pilih-skenario", TextSelect).value
        if not isinstance(choice, str):
            self._say(message("tui.kelas.pilih_dulu", self.app.session.lang))
            return
        if self.starting:
            return
        self.starting = True
        self._say(message("cli.kelas.menyiapkan", self.app.session.lang, n=0, total="…"))
        self._start(choice)

    @work(thread=True, exclusive=True)
    def _start(self, choice: str) -> None:
        """Stage every seat in a worker thread (a second connection: SQLite connections stay in the
        thread that opened them), saying how far it has come, so the board stays alive."""
        lang = self.app.session.lang

        def shown(done: int, total: int) -> None:
            self.app.call_from_thread(self._say, message("cli.kelas.menyiapkan", lang, n=done, total=total))

        try:
            with open_store(self.app.session.store.path) as store:
                info = class_info(store)
                ids = start_round(store, info.id, load_scenario(choice), None, shown, self.app.workdir)
                text = message("cli.kelas.dimulai", lang, id=choice, n=len(ids),
                               jam=long_datetime(store.virtual_now(), lang))
        except (ClassError, ScenarioError, StoreError, WorkflowRefused) as error:
            text = error.render(lang)
        self.app.call_from_thread(self._started, text)

    def _started(self, text: str) -> None:
        self.starting = False
        self._reopen_store()
        self._say(text)
        self.refresh_board()

    def _reopen_store(self) -> None:
        """Open the console's own connection afresh after the worker's second one has closed.

        Opening a second store in this process (the worker's) reads the file's header with a plain
        open/close, which drops every POSIX lock this process holds on the file, SQLite's "still
        using the WAL" lock included; a seat process closing last could then delete the WAL under
        this connection (lost writes, "disk I/O error"). Closed first, so the new connection is this
        process's only one and takes the lock again."""
        session = self.app.session
        path = session.store.path
        session.store.close()
        try:
            session.store = open_store(path)
        except StoreError as error:  # the file went away mid-class: nothing sensible is left to do
            self.app.exit(error.render(session.lang), return_code=1)

    @on(Button.Pressed, "#majukan")
    @on(Input.Submitted, "#jam-kelas")
    def _clock(self) -> None:
        when = self.query_one("#jam-kelas", Input).value
        self._run(
            lambda store, info: message(
                "cli.kelas.jam",
                self.app.session.lang,
                n=len(move_clock(store, info.id, when)),
                jam=long_datetime(store.virtual_now(), self.app.session.lang),
            )
        )

    def action_tutup_putaran(self) -> None:
        self._run(
            lambda store, info: message(
                "cli.kelas.ditutup", self.app.session.lang, n=close_round(store, info.id, self.app.workdir)
            )
        )

    def action_ekspor(self) -> None:
        from sandbox.training.summary import export

        def run(store, info) -> str:
            out = Path(self.app.workdir or store.path.parent) / "hasil-kelas"
            paths = export(store, info.id, out, self.app.session.lang)
            return message("tui.kelas.diekspor", self.app.session.lang, n=len(paths), folder=out)

        self._run(run)

    def action_lepas(self) -> None:
        """Release the highlighted seat, once the trainer confirms: its browser or terminal session
        stops; the next person to join gets this seat (a trainee moving to another laptop). The
        question names the seat and its trainee (as typed), and Batal has the focus."""
        from sandbox.tui.dialogs.konfirmasi import KonfirmasiDialog

        table = self.query_one("#papan", DataTable)
        if not table.row_count:
            return
        seat = int(table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value)
        lang = self.app.session.lang
        name = self._names.get(seat)
        question = (message("tui.kelas.lepas_tanya", lang, kursi=seat, nama=name) if name
                    else message("tui.kelas.lepas_tanya_tanpa_nama", lang, kursi=seat))

        def run(store, info) -> str:
            freed = access.release(store, info.id, [seat])
            return message("tui.kelas.dilepas" if freed else "tui.kelas.tidak_dipakai", lang, kursi=seat)

        def answered(yes: bool | None) -> None:
            if yes:
                self._run(run)
            else:
                self._say(message("tui.kelas.lepas_batal", lang, kursi=seat))

        self.app.push_screen(KonfirmasiDialog(question, message("tui.kelas.lepas_ya", lang), lang), answered)

    def _run(self, fn) -> None:
        store = self.app.session.store
        lang = self.app.session.lang
        try:
            self._say(fn(store, class_info(store)))
        except (ClassError, ScenarioError, StoreError, WorkflowRefused) as error:
            self._say(error.render(lang))
        self.refresh_board()
