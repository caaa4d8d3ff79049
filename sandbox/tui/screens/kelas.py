"""The trainer's console: the live board of every seat, start a round, move the class clock, close
the round and export the results. The board re-reads the database whenever another process commits
(SQLite's `data_version`), so thirty seats typing show up within two seconds."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Header, Input, Label, Select, Static

from sandbox.i18n import message
from sandbox.store import StoreError, open_store
from sandbox.training.classroom import (
    ClassError,
    assigned,
    board,
    class_info,
    close_round,
    move_clock,
    start_round,
)
from sandbox.training.scenario import ScenarioError, load_scenario, scenario_files
from sandbox.tui.keybar import KeyBar
from sandbox.tui.screens.base import AppScreen
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
)


class ClassConsoleScreen(AppScreen):
    HELP_TOPIC = "kelas"
    BINDINGS = [
        Binding("f5", "mulai", "Mulai putaran", id="kelas.mulai"),
        Binding("f7", "tutup_putaran", "Tutup putaran", id="kelas.tutup"),
        Binding("f8", "ekspor", "Ekspor", id="kelas.ekspor"),
    ]

    def compose(self) -> ComposeResult:
        lang = self.app.session.lang
        yield Header()
        yield Static("", id="kelas-info", markup=False)
        with Horizontal(id="kelas-baris"):
            yield Select([], id="pilih-skenario", prompt=message("tui.kelas.skenario", lang), compact=True)
            yield Button(message("tui.kelas.mulai", lang), id="mulai", compact=True, variant="primary")
            yield Input(placeholder=message("tui.kelas.jam", lang), id="jam-kelas", classes="no-draft")
            yield Button(message("tui.kelas.majukan", lang), id="majukan", compact=True)
        yield Label("", id="kelas-pesan")
        yield DataTable(id="papan", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        lang = self.app.session.lang
        table = self.query_one("#papan", DataTable)
        table.add_columns(*(message(f"tui.kelas.kol.{c}", lang) for c in COLUMNS))
        store = self.app.session.store
        info = class_info(store)
        ids = assigned(store, info.id) or [p.stem.split("-")[0] for p in scenario_files()]
        self.query_one("#pilih-skenario", Select).set_options([(i, i) for i in ids])
        self._version = None
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
                jam=store.virtual_now()[:16].replace("T", " "),
            )
        )
        table = self.query_one("#papan", DataTable)
        table.clear()
        for r in board(store, info.id):
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
                key=str(r.kursi),
            )

    def _say(self, text: str) -> None:
        self.query_one("#kelas-pesan", Label).update(text)

    @on(Button.Pressed, "#mulai")
    def action_mulai(self) -> None:
        choice = self.query_one("#pilih-skenario", Select).value
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
                text = message("cli.kelas.dimulai", lang, id=choice, n=len(ids), jam=store.virtual_now())
        except (ClassError, ScenarioError, StoreError, WorkflowRefused) as error:
            text = error.render(lang)
        self.app.call_from_thread(self._started, text)

    def _started(self, text: str) -> None:
        self.starting = False
        self._say(text)
        self.refresh_board()

    @on(Button.Pressed, "#majukan")
    @on(Input.Submitted, "#jam-kelas")
    def _clock(self) -> None:
        when = self.query_one("#jam-kelas", Input).value
        self._run(
            lambda store, info: message(
                "cli.kelas.jam",
                self.app.session.lang,
                n=len(move_clock(store, info.id, when)),
                jam=store.virtual_now(),
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

    def _run(self, fn) -> None:
        store = self.app.session.store
        lang = self.app.session.lang
        try:
            self._say(fn(store, class_info(store)))
        except (ClassError, ScenarioError, StoreError, WorkflowRefused) as error:
            self._say(error.render(lang))
        self.refresh_board()
