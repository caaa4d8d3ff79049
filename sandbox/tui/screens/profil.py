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

from sandbox.store import StoreError
from sandbox.tui.keybar import KeyBar
from sandbox.tui.screens.base import MenuScreen
from sandbox.tui.widgets import TextSelect
from sandbox.workflow import WorkflowRefused
from sandbox.workflow.pendampingan import mulai_pendampingan, open_session, selesai_pendampingan
from sandbox.workflow.profil import buat_tiket, sinkron_siasn, sync_state


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
        db = session.store.conn
        me = db.execute(
            "SELECT p.nip, p.nama, p.jabatan, coalesce(u.nama, '-'), a.nama FROM pegawai p"
            " LEFT JOIN unor u ON u.id = p.unor_id LEFT JOIN pegawai a ON a.nip = p.atasan_nip"
            " WHERE p.nip = ?",
            [session.actor],
        ).fetchone()
        state = sync_state(db, session.actor) or "READY"
        self.query_one("#profil-isi", Static).update(
            self._m(
                "tui.profil.isi",
                nip=me[0],
                nama=me[1],
                jabatan=me[2],
                unit=me[3],
                atasan=me[4] or self._m("tui.kepala_daerah"),
                state=self._m(f"tui.profil.state.{state}"),
            )
        )
        last = db.execute(
            "SELECT payload FROM audit_log WHERE action = 'sinkron.gagal' AND session_nip = ?"
            " ORDER BY id DESC LIMIT 1",
            [session.actor],
        ).fetchone()
        self._refresh_coaching()
        kode = self.query_one("#lapor-kode", Input)
        if last and not kode.value:
            import json

            kode.value = json.loads(last[0]).get("kode", "")

    def _error(self, text: str) -> None:
        self.query_one("#profil-error", Static).update(text)

    @on(Button.Pressed, "#sinkron")
    def _sync(self) -> None:
        session = self.app.session
        try:
            sinkron_siasn(session.store, session.actor)
        except (WorkflowRefused, StoreError) as refused:  # StoreError: an outage, a busy file
            self._error(refused.render(session.lang))
            self.refresh_view()
            return
        self._error("")
        row = session.store.conn.execute(
            "SELECT p.jabatan, coalesce(u.nama, '-') FROM pegawai p LEFT JOIN unor u"
            " ON u.id = p.unor_id WHERE p.nip = ?",
            [session.actor],
        ).fetchone()
        session.jabatan, session.unit = row
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
        except (WorkflowRefused, StoreError) as refused:
            self._error(refused.render(session.lang))
            return
        self._error("")
        pesan.value = ""
        self.notify(self._m("tui.profil.terkirim"), markup=False)
        self.refresh_view()

    # -- assisted session ------------------------------------------------------------------------------
    def _refresh_coaching(self) -> None:
        session = self.app.session
        db = session.store.conn
        colleagues = db.execute(
            "SELECT p.nip, p.nama, p.jabatan FROM pegawai p WHERE p.aktif = 1 AND p.nip <> ? AND p.unor_id ="
            " (SELECT unor_id FROM pegawai WHERE nip = ?) ORDER BY p.nama",
            [session.actor, session.actor],
        ).fetchall()
        select = self.query_one("#pendamping", Select)
        select.set_options([(f"{nama} — {jabatan}", nip) for nip, nama, jabatan in colleagues])
        current = open_session(db, session.actor)
        if current is None:
            text = self._m("tui.dampingi.tidak")
        else:
            coach = db.execute(
                "SELECT nama FROM pegawai WHERE nip = ?", [current["pendamping_nip"]]
            ).fetchone()
            text = self._m(
                "tui.dampingi.aktif",
                nama=coach[0] if coach else current["pendamping_nip"],
                mulai=current["mulai"][:16].replace("T", " "),
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
        except (WorkflowRefused, StoreError) as refused:
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
        except (WorkflowRefused, StoreError) as refused:
            self._error(refused.render(session.lang))
            return
        self._error("")
        self._refresh_coaching()
