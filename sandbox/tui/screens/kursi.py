"""A classroom seat: which seat am I, what situation am I in, and which of its people am I now.

A seat sees only its own attempt's cast (the roles the scenario lets it play), never the rest of
the office or another seat's people. Coming back here (Esc from the Beranda) picks up a new round
the trainer has started since.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Header, Input, Label, Markdown

from sandbox.i18n import message
from sandbox.store import StoreError
from sandbox.training.attempt import record_error, scenario_of, world_of
from sandbox.training.classroom import ClassError, class_info, current_attempt, name_seat, seat_dir
from sandbox.training.scenario import ScenarioError
from sandbox.tui.keybar import KeyBar
from sandbox.tui.screens.base import AppScreen
from sandbox.tui.session import REGULATOR
from sandbox.workflow.actors import PENGELOLA_KINERJA


class SeatScreen(AppScreen):
    HELP_TOPIC = "kursi"

    def compose(self) -> ComposeResult:
        lang = self.app.session.lang
        yield Header()
        yield Label(message("tui.kursi.judul", lang), classes="title")
        yield Input(
            placeholder=message("tui.kursi.nomor", lang), id="nomor-kursi", classes="no-draft", type="integer"
        )
        yield Markdown("", id="kursi-skenario")
        yield Input(placeholder=message("tui.kursi.nama", lang), id="nama-peserta", classes="no-draft")
        yield DataTable(id="peran", cursor_type="row")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#peran", DataTable)
        lang = self.app.session.lang
        table.add_columns(
            *(message(f"tui.persona.col.{c}", lang) for c in ("nama", "jabatan", "unit", "peran"))
        )
        self.query_one("#nama-peserta", Input).display = False
        seat = self.app.session.seat
        if seat is not None:
            self.query_one("#nomor-kursi", Input).display = False
            self.attach(seat)
        else:
            self.query_one("#nomor-kursi", Input).focus()

    def on_screen_resume(self) -> None:
        self.app.session.actor = None
        if self.app.session.seat is not None:
            self.attach(self.app.session.seat)

    @on(Input.Submitted, "#nomor-kursi")
    def _seat_given(self, event: Input.Submitted) -> None:
        try:
            seat = int(event.value)
        except ValueError:
            seat = 0
        self.attach(seat)

    def attach(self, seat: int) -> None:
        session = self.app.session
        lang = session.lang
        text = self.query_one("#kursi-skenario", Markdown)
        table = self.query_one("#peran", DataTable)
        table.clear()
        try:
            info = class_info(session.store, session.kelas_id)
            if not 1 <= seat <= info.kursi:
                raise ClassError("kelas.kursi_salah", kursi=seat, jumlah=info.kursi)
            attempt = current_attempt(session.store, info.id, seat)
            if attempt is None:
                raise ClassError("kelas.belum_mulai", kursi=seat)
            scenario = scenario_of(attempt)
        except (ClassError, ScenarioError) as error:
            text.update(error.render(lang))
            number = self.query_one("#nomor-kursi", Input)
            number.display = True  # a wrong number or a round not started yet: let them try again
            number.focus()
            return
        session.seat, session.kelas_id, session.attempt_id, session.scenario = (
            seat,
            info.id,
            attempt["id"],
            scenario,
        )
        folder = seat_dir(getattr(self.app, "workdir", None), seat)
        session.workdir = str(folder) if folder else None
        cast = world_of(session.store, attempt["id"]).cast
        nips = set(cast.roles.values())

        def count_refusal(actor: str | None, code: str, attempt_id: int = attempt["id"]) -> None:
            if actor in nips:
                record_error(session.store, actor, attempt_id, code)

        session.store.refusal_listener = count_refusal
        self.query_one("#nomor-kursi", Input).display = False
        name = self.query_one("#nama-peserta", Input)
        name.display = True
        if not name.value:
            found = session.store.conn.execute(
                "SELECT nama_peserta FROM kursi WHERE kelas_id = ? AND no = ?", [info.id, seat]
            ).fetchone()
            name.value = (found[0] or "") if found else ""
        done = message("tui.kursi.selesai", lang) if attempt["selesai_wall_ts"] else ""
        text.update(
            f"## {message('tui.kursi.anda', lang, kursi=seat)} · {scenario.id} — {scenario.judul.get(lang)}"
            f"\n\n{scenario.ringkasan.get(lang)}\n\n{done}{message('tui.kursi.pilih', lang)}"
        )
        for role in scenario.peran:
            if role in ("regulator", "pengelola"):
                kind = "regulator" if role == "regulator" else "operator"
                table.add_row(
                    message(f"tui.persona.{kind}", lang),
                    message(f"tui.persona.{kind}_job", lang),
                    "-",
                    role,
                    key=REGULATOR if role == "regulator" else PENGELOLA_KINERJA,
                )
                continue
            person = session.store.conn.execute(
                "SELECT p.nama, p.jabatan, u.nama FROM pegawai p LEFT JOIN unor u ON u.id = p.unor_id"
                " WHERE p.nip = ?",
                [cast.nip(role)],
            ).fetchone()
            table.add_row(person[0], person[1], person[2] or "-", role, key=cast.nip(role))
        table.focus()

    @on(Input.Submitted, "#nama-peserta")
    def _name_given(self, event: Input.Submitted) -> None:
        """The trainee's own name, for the trainer's board (optional)."""
        session = self.app.session
        try:
            name_seat(session.store, session.kelas_id, session.seat, event.value, actor=None)
        except (ClassError, StoreError) as error:
            self.notify(error.render(session.lang), severity="error")
            return
        self.notify(message("tui.kursi.nama_disimpan", session.lang))
        self.query_one("#peran", DataTable).focus()

    @on(DataTable.RowSelected, "#peran")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        self.choose(str(event.row_key.value))

    def choose(self, key: str):
        """Play this role of the seat's cast (awaitable, for a rebuild after a language switch);
        anyone outside the seat's own roles is refused."""
        session = self.app.session
        table = self.query_one("#peran", DataTable)
        if key not in {str(k.value) for k in table.rows}:
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
        row = session.store.conn.execute(
            "SELECT p.nama, p.jabatan, coalesce(u.nama, '-'),"
            " EXISTS (SELECT 1 FROM pegawai s WHERE s.atasan_nip = p.nip AND s.aktif = 1)"
            " FROM pegawai p LEFT JOIN unor u ON u.id = p.unor_id WHERE p.nip = ?",
            [key],
        ).fetchone()
        session.nama, session.jabatan, session.unit, session.memimpin = row[0], row[1], row[2], bool(row[3])
        from sandbox.tui.screens.beranda import BerandaScreen

        return self.app.push_screen(BerandaScreen())
