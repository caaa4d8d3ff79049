"""A classroom seat: which seat am I, what situation am I in, and which of its people am I now.

A seat sees only its own attempt's cast (the roles the scenario lets it play), never the rest of
the office or another seat's people: the session refuses any other persona (`Session.allowed`).
The seat is fixed before this screen opens (`ekinerja serve` from the browser's session token, or
`--kursi` at a terminal) or taken here with the join code, like a browser (`training.access.join`);
it is never typed as a number, so nobody walks into another seat. A new round the trainer starts
brings the seat back here by itself (the app follows the class, `SandboxApp._follow_class`); before
the first round the screen waits and opens by itself. The first time a seat opens in a process, it
goes back to where the trainee was (persona and menu, `training.access.place_of`): a closed tab or a
slept laptop resumes. F5 starts the seat's own attempt again, after a confirmation that names the
scenario (`classroom.restart_own`): an attempt lost by a wrong step is never lost for good.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Input, Label, Markdown, Static

from sandbox.formatting import long_date
from sandbox.i18n import message
from sandbox.store import StoreError
from sandbox.training import access
from sandbox.training.attempt import record_error, scenario_of, world_of
from sandbox.training.classroom import (
    ClassError,
    class_info,
    current_attempt,
    name_seat,
    restart_own,
    seat_dir,
    seat_name,
)
from sandbox.training.scenario import ScenarioError
from sandbox.tui.dialogs.konfirmasi import ask
from sandbox.tui.keybar import KeyBar
from sandbox.tui.screens.base import AppScreen
from sandbox.tui.session import REGULATOR
from sandbox.tui.widgets import TextTable
from sandbox.usertext import literal, markdown_literal
from sandbox.workflow.actors import PENGELOLA_KINERJA
from sandbox.workflow.errors import WorkflowRefused
from sandbox.workflow.views import person_card

# The screens a seat comes back to after a restart, and the Beranda action that opens each (the
# action checks the persona's rights again, so a remembered place never opens what it may not).
RESUMABLE = {
    "SkpScreen": "skp",
    "SkpBawahanScreen": "bawahan",
    "EvaluasiScreen": "evaluasi",
    "MatriksScreen": "matriks",
    "PenilaianScreen": "penilaian",
    "MonitoringScreen": "monitoring",
    "KeberatanScreen": "keberatan",
    "ProfilScreen": "profil",
    "RuleExplorer": "aturan",
    "BerandaScreen": None,
    "WorkbenchScreen": None,
    "SeatScreen": None,
}


class SeatScreen(AppScreen):
    HELP_TOPIC = "kursi"
    BINDINGS = [Binding("f5", "ulang", "Ulangi skenario", id="kursi.ulang")]
    # set before any handler can run: attach() may come from a resume or a clock move before on_mount
    _seen_once = False

    def compose(self) -> ComposeResult:
        lang = self.app.session.lang
        yield Header()
        yield Label(message("tui.kursi.judul", lang), classes="title", markup=False)
        yield Input(placeholder=message("tui.akses.kode", lang), id="kode-gabung", classes="no-draft")
        yield Markdown("", id="kursi-skenario")
        yield Input(placeholder=message("tui.kursi.nama", lang), id="nama-peserta", classes="no-draft")
        yield Static("", id="nama-di-papan", markup=False)
        yield TextTable(id="peran", cursor_type="row")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#peran", DataTable)
        lang = self.app.session.lang
        table.add_columns(
            *(message(f"tui.persona.col.{c}", lang) for c in ("nama", "jabatan", "unit", "peran"))
        )
        self.query_one("#nama-peserta", Input).display = False
        self.query_one("#nama-di-papan", Static).display = False
        self._seen_once = False
        seat = self.app.session.seat
        if seat is not None:
            self.query_one("#kode-gabung", Input).display = False
            self.attach(seat)
        else:
            self.query_one("#kode-gabung", Input).focus()

    def on_screen_resume(self) -> None:
        self.app.session.actor = None
        if self.app.session.seat is not None:
            self.attach(self.app.session.seat)

    def refresh_clock(self) -> None:
        """The class clock moved: the date shown here is read again (the persona stays unchosen)."""
        if self.app.session.seat is not None:
            self.attach(self.app.session.seat)

    # -- starting the seat's own attempt again -----------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "ulang":  # only an attempt still open (a finished one stays as recorded)
            return self._open_attempt() is not None
        return True

    def _open_attempt(self) -> dict | None:
        session = self.app.session
        if session.seat is None or session.attempt_id is None:
            return None
        try:
            attempt = current_attempt(session.store, session.kelas_id, session.seat)
        except StoreError:
            return None
        if attempt is None or attempt["id"] != session.attempt_id or attempt["selesai_wall_ts"]:
            return None
        return attempt

    def action_ulang(self) -> None:
        session = self.app.session
        attempt = self._open_attempt()
        if attempt is None or session.scenario is None:
            return
        judul = session.scenario.judul.get(session.lang)
        question = (f"{message('tui.kursi.ulang_judul', session.lang, judul=judul)}\n\n"
                    f"{message('tui.kursi.ulang_isi', session.lang, ke=attempt['ke'])}")
        ask(self, question, message("tui.kursi.ulang_ya", session.lang), lambda: self._restart(judul))

    def _restart(self, judul: str) -> None:
        session = self.app.session
        try:
            restart_own(session.store, session.kelas_id, session.seat, getattr(self.app, "workdir", None))
        except (ClassError, ScenarioError, StoreError, WorkflowRefused) as error:
            self.notify(error.render(session.lang), severity="error", markup=False)
            return
        self.attach(session.seat)
        ke = current_attempt(session.store, session.kelas_id, session.seat)["ke"]
        self.notify(message("tui.kursi.ulang_mulai", session.lang, judul=judul, ke=ke), markup=False)

    @on(Input.Submitted, "#kode-gabung")
    def _code_given(self, event: Input.Submitted) -> None:
        """A terminal seat enters with the join code, like a browser: the next free seat, or this
        user's own seat back when their earlier terminal is gone."""
        session, app = self.app.session, self.app
        text = self.query_one("#kursi-skenario", Markdown)
        if session.seat is not None:  # already seated: never a second seat in one process
            return
        field = self.query_one("#kode-gabung", Input)
        wait = app.join_throttle.wait("kode")
        try:
            if wait:
                raise access.AccessRefused("akses.terlalu_sering", detik=wait)
            entry = access.join(session.store, session.kelas_id, event.value, holder=access.holder_id())
        except (access.AccessRefused, StoreError) as error:
            wrong = isinstance(error, access.AccessRefused) and error.code in ("akses.kode_salah",
                                                                                "akses.kode_kosong")
            if wrong:
                wait = app.join_throttle.fail("kode")
                if wait:
                    error = access.AccessRefused("akses.terlalu_sering", detik=wait)
            text.update(markdown_literal(error.render(session.lang)))
            field.value = ""
            field.focus()
            return
        app.join_throttle.clear("kode")
        session.seat = entry.seat
        app.hold_seat(entry.token)
        field.display = False
        self.attach(entry.seat)

    def attach(self, seat: int) -> None:
        session = self.app.session
        lang = session.lang
        text = self.query_one("#kursi-skenario", Markdown)
        table = self.query_one("#peran", DataTable)
        table.clear()
        session.allowed = frozenset()  # nobody until this seat's attempt says who
        self._mark_seen(seat)
        try:
            info = class_info(session.store, session.kelas_id)
            if not 1 <= seat <= info.kursi:
                raise ClassError("kelas.kursi_salah", kursi=seat, jumlah=info.kursi)
            attempt = current_attempt(session.store, info.id, seat)
            if attempt is None:
                raise ClassError("kelas.belum_mulai", kursi=seat)
            scenario = scenario_of(attempt)
        except (ClassError, ScenarioError) as error:
            waiting = isinstance(error, ClassError) and error.code == "kelas.belum_mulai"
            said = markdown_literal(error.render(lang))
            text.update(f"## {message('tui.kursi.anda', lang, kursi=seat)}\n\n{said}"
                        + (f"\n\n{message('tui.akses.menunggu', lang)}" if waiting else ""))
            return
        session.seat, session.kelas_id, session.attempt_id, session.scenario = (
            seat,
            info.id,
            attempt["id"],
            scenario,
        )
        session.allowed = access.seat_people(session.store, info.id, seat)
        folder = seat_dir(getattr(self.app, "workdir", None), seat)
        session.workdir = str(folder) if folder else None
        cast = world_of(session.store, attempt["id"]).cast
        nips = set(cast.roles.values())

        def count_refusal(actor: str | None, code: str, attempt_id: int = attempt["id"]) -> None:
            if actor in nips:
                record_error(session.store, actor, attempt_id, code)

        session.store.refusal_listener = count_refusal
        self.query_one("#kode-gabung", Input).display = False
        name = self.query_one("#nama-peserta", Input)
        name.display = True
        if not name.value:
            name.value = seat_name(session.store, info.id, seat) or ""
        self._show_name(info.id, seat)
        done = message("tui.kursi.selesai", lang) if attempt["selesai_wall_ts"] else ""
        # the class date in words (it follows the trainer's clock); F5 restarts, as the key bar says
        today = message("tui.kursi.tanggal", lang, tanggal=long_date(session.store.virtual_now(), lang))
        text.update(
            f"## {message('tui.kursi.anda', lang, kursi=seat)} · {scenario.id} — {scenario.judul.get(lang)}"
            f"\n\n{scenario.ringkasan.get(lang)}\n\n{done}{message('tui.kursi.pilih', lang)} {today}."
        )
        self.refresh_bindings()
        for role in scenario.peran:
            if role in ("regulator", "pengelola"):
                kind = "regulator" if role == "regulator" else "operator"
                table.add_row(
                    literal(message(f"tui.persona.{kind}", lang)),
                    literal(message(f"tui.persona.{kind}_job", lang)),
                    "-",
                    role,
                    key=REGULATOR if role == "regulator" else PENGELOLA_KINERJA,
                )
                continue
            person = person_card(session.store, cast.nip(role))
            table.add_row(literal(person.nama), literal(person.jabatan), literal(person.unit or "-"), role,
                          key=cast.nip(role))
        # The prompt asks for the name first: a trainee types where the cursor is (Enter with none
        # typed goes on to the roles); a seat already named starts on its roles.
        (table if name.value else name).focus()
        self._maybe_resume(info.id, seat, attempt["id"])

    def _mark_seen(self, seat: int) -> None:
        """Once per screen: the board learns a person is at this seat (a seat opened with --kursi
        claims nothing, and an empty seat is never called stuck)."""
        if self._seen_once:
            return
        try:
            access.seen(self.app.session.store, self.app.session.kelas_id, seat)
        except StoreError:  # a busy file: the next attach says it
            return
        self._seen_once = True

    def _show_name(self, kelas_id: int, seat: int) -> None:
        """The name as the trainer's board shows it, rendered as typed (never as markup)."""
        nama = seat_name(self.app.session.store, kelas_id, seat)
        shown = self.query_one("#nama-di-papan", Static)
        shown.display = bool(nama)
        if nama:
            shown.update(Text.assemble(message("tui.kursi.di_papan", self.app.session.lang), literal(nama)))

    def _maybe_resume(self, kelas_id: int, seat: int, attempt_id: int) -> None:
        """Once per process: back to the remembered persona and menu of this attempt."""
        app = self.app
        if app.place_restored:
            return
        place = access.place_of(app.session.store, kelas_id, seat)
        app.place_restored = True  # from now on every move is remembered
        if not place or place.get("percobaan") != attempt_id or place.get("peran") is None:
            return
        self.call_after_refresh(self._resume, place["peran"], place.get("layar"))

    async def _resume(self, actor: str, layar: str | None) -> None:
        from sandbox.tui.screens.beranda import BerandaScreen

        pushed = self.choose(actor)
        if pushed is None:
            return
        await pushed
        action = RESUMABLE.get(layar or "")
        if action and isinstance(self.app.screen, BerandaScreen):
            getattr(self.app.screen, f"action_{action}")()

    @on(Input.Submitted, "#nama-peserta")
    def _name_given(self, event: Input.Submitted) -> None:
        """The trainee's own name, for the trainer's board (optional)."""
        session = self.app.session
        if not event.value.strip():  # Enter past the name: keep any name the trainer typed meanwhile
            self.query_one("#peran", DataTable).focus()
            return
        try:
            name_seat(session.store, session.kelas_id, session.seat, event.value, actor=None)
        except (ClassError, StoreError, WorkflowRefused) as error:
            self.notify(error.render(session.lang), severity="error", markup=False)
            return
        self.notify(message("tui.kursi.nama_disimpan", session.lang), markup=False)
        self._show_name(session.kelas_id, session.seat)
        self.query_one("#peran", DataTable).focus()

    @on(DataTable.RowSelected, "#peran")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        self.choose(str(event.row_key.value))

    def choose(self, key: str):
        """Play this role of the seat's cast (awaitable, for a rebuild after a language switch);
        anyone outside the seat's own roles is refused."""
        session = self.app.session
        table = self.query_one("#peran", DataTable)
        if key not in {str(k.value) for k in table.rows} or key not in (session.allowed or ()):
            return None
        session.actor = key
        if key == REGULATOR:
            from sandbox.tui.screens.workbench import WorkbenchScreen

            session.nama = message("tui.persona.regulator", session.lang)
            session.jabatan, session.unit, session.memimpin = "-", "-", False
            return self.app.push_screen(WorkbenchScreen())
        if key == PENGELOLA_KINERJA:
            session.nama = message("tui.persona.operator", session.lang)
            session.jabatan, session.unit, session.memimpin = (
                message("tui.persona.operator_job", session.lang),
                "-",
                False,
            )
            from sandbox.tui.screens.beranda import BerandaScreen

            return self.app.push_screen(BerandaScreen())
        me = person_card(session.store, key)
        session.nama, session.jabatan, session.unit, session.memimpin = (me.nama, me.jabatan, me.unit or "-",
                                                                         me.memimpin)
        from sandbox.tui.screens.beranda import BerandaScreen

        return self.app.push_screen(BerandaScreen())
