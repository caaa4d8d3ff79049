"""Profil: who the system thinks you are — jabatan, unit and, above all, your superior — and
*Sinkron SIASN* to correct it, with a report to the admin instansi when the sync fails (§1.3-A;
the most frequent complaint of WORKFLOW.md §4). Check it before the SKP: the SKP takes its rater
from here. Also *Pendampingan*: a colleague (the unit's operator) coaches while you type under your
own account — the honest alternative to handing over your password (scenario T04)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Header, Input, Label, Select, Static

from sandbox.errors import SandboxError
from sandbox.formatting import long_datetime
from sandbox.tui.keybar import KeyBar
from sandbox.tui.screens.base import MenuScreen
from sandbox.tui.widgets import TextSelect
from sandbox.workflow.pendampingan import mulai_pendampingan, open_session, selesai_pendampingan
from sandbox.workflow.profil import buat_tiket, last_sync_error, sinkron_siasn, sync_state
from sandbox.workflow.views import colleagues, person_card


class ProfilScreen(MenuScreen):
    HELP_TOPIC = "profil"

    def compose(self) -> ComposeResult:
        m = self._m
        yield Header()
        with VerticalScroll(id="profil"):
            yield Static("", markup=False, id="profil-isi")
            with Horizontal(classes="buttons"):
                yield Button(m("tui.profil.sinkron"), id="sinkron", variant="primary")
            yield Static("", markup=False, id="profil-error", classes="error")
            yield Label(m("tui.profil.lapor_judul"), classes="title", markup=False)
            yield Input(placeholder=m("tui.profil.kode"), id="lapor-kode", classes="no-draft")
            yield Input(placeholder=m("tui.profil.pesan"), id="lapor-pesan")
            yield Button(m("tui.profil.kirim"), id="kirim-laporan")
            yield Label(m("tui.dampingi.judul"), classes="title", markup=False)
            yield Static("", markup=False, id="dampingi-status")
            with Horizontal(classes="buttons"):
                yield TextSelect([], prompt=m("tui.dampingi.pilih"), id="pendamping")
                yield Button(m("tui.dampingi.mulai"), id="mulai-dampingi")
                yield Button(m("tui.dampingi.akhiri"), id="akhiri-dampingi")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = self._m("tui.profil.subtitle")

    def on_screen_resume(self) -> None:
        self.refresh_view()
        self.query_one("#sinkron", Button).focus()

    def refresh_view(self) -> None:
        session = self.app.session
        me = person_card(session.store, session.actor)
        state = sync_state(session.store.conn, session.actor) or "READY"
        self.query_one("#profil-isi", Static).update(
            self._m(
                "tui.profil.isi",
                nip=me.nip,
                nama=me.nama,
                jabatan=me.jabatan,
                unit=me.unit or "-",
                atasan=me.atasan or self._m("tui.kepala_daerah"),
                state=self._m(f"tui.profil.state.{state}"),
            )
        )
        self._refresh_coaching()
        kode = self.query_one("#lapor-kode", Input)
        if not kode.value:
            kode.value = last_sync_error(session.store.conn, session.actor)

    def _error(self, text: str) -> None:
        self.query_one("#profil-error", Static).update(text)

    @on(Button.Pressed, "#sinkron")
    def _sync(self) -> None:
        session = self.app.session
        try:
            sinkron_siasn(session.store, session.actor)
        except SandboxError as refused:  # StoreError: an outage, a busy file
            self._error(refused.render(session.lang))
            self.refresh_view()
            return
        self._error("")
        me = person_card(session.store, session.actor)
        session.jabatan, session.unit = me.jabatan, me.unit or "-"
        self.notify(self._m("tui.profil.tersinkron"), markup=False)
        self.refresh_view()

    @on(Button.Pressed, "#kirim-laporan")
    def _report(self) -> None:
        session = self.app.session
        pesan = self.query_one("#lapor-pesan", Input)
        try:
            buat_tiket(
                session.store,
                session.actor,
                pesan.value,
                kode_galat=self.query_one("#lapor-kode", Input).value,
            )
        except SandboxError as refused:
            self._error(refused.render(session.lang))
            return
        self._error("")
        pesan.value = ""
        self.notify(self._m("tui.profil.terkirim"), markup=False)
        self.refresh_view()

    # -- assisted session ------------------------------------------------------------------------------
    def _refresh_coaching(self) -> None:
        session = self.app.session
        select = self.query_one("#pendamping", Select)
        select.set_options([(f"{other.nama} — {other.jabatan}", other.nip)
                            for other in colleagues(session.store, session.actor)])
        current = open_session(session.store.conn, session.actor)
        if current is None:
            text = self._m("tui.dampingi.tidak")
        else:
            coach = person_card(session.store, current["pendamping_nip"])
            text = self._m(
                "tui.dampingi.aktif",
                nama=coach.nama if coach else current["pendamping_nip"],
                mulai=long_datetime(current["mulai"], session.lang),
            )
        self.query_one("#dampingi-status", Static).update(text)

    @on(Button.Pressed, "#mulai-dampingi")
    def _start_coaching(self) -> None:
        session = self.app.session
        coach = self.query_one("#pendamping", Select)
        if coach.is_blank():
            self._error(self._m("tui.dampingi.pilih_dulu"))
            return
        try:
            mulai_pendampingan(session.store, session.actor, str(coach.value))
        except SandboxError as refused:
            self._error(refused.render(session.lang))
            return
        self._error("")
        self._refresh_coaching()

    @on(Button.Pressed, "#akhiri-dampingi")
    def _end_coaching(self) -> None:
        session = self.app.session
        current = open_session(session.store.conn, session.actor)
        if current is None:
            return
        try:
            selesai_pendampingan(session.store, session.actor, current["id"])
        except SandboxError as refused:
            self._error(refused.render(session.lang))
            return
        self._error("")
        self._refresh_coaching()
