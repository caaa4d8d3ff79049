"""Beranda: who you are, the virtual date, and what is due next, with the menus you may open."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.widgets import Button, Header, Static

from sandbox.errors import SandboxError
from sandbox.formatting import iso_date, long_date
from sandbox.i18n import message
from sandbox.tui import messages_arah  # noqa: F401 - the state line's messages
from sandbox.tui.keybar import KeyBar
from sandbox.tui.screens.base import AppScreen
from sandbox.tui.session import YEAR
from sandbox.workflow import TRAINER, atur_jam
from sandbox.workflow.actions import skp_actions, waiting_for_decision
from sandbox.workflow.langkah import Arah
from sandbox.workflow.views import current_skp, keberatan_to_decide, last_note, person, skp_to_decide


def _m(key: str, lang: str, **params) -> str:
    return message(key, lang, **params)


class BerandaScreen(AppScreen):
    HELP_TOPIC = "beranda"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("f2", "skp", "SKP Saya", id="beranda.skp"),
        Binding("f3", "bawahan", "SKP Bawahan", id="beranda.bawahan"),
        Binding("f4", "jam", "Jam", id="beranda.jam"),
        Binding("f5", "monitoring", "Monitoring", id="beranda.monitoring"),
        Binding("f7", "evaluasi", "Evaluasi", id="beranda.evaluasi"),
        Binding("f8", "matriks", "Matriks", id="beranda.matriks"),
        Binding("f9", "penilaian", "Penilaian", id="beranda.penilaian"),
        Binding("f6", "aturan", "Aturan", id="beranda.aturan"),
        Binding("k", "keberatan", "Keberatan", id="beranda.keberatan"),
        Binding("c", "capaian", "Capaian organisasi", id="beranda.capaian"),
        Binding("p", "profil", "Profil", id="beranda.profil", show=False),
        Binding("escape", "ganti", "Ganti peran", id="beranda.ganti"),
    ]
    # which menus each kind of persona may open; the footer offers only those
    FOR_STAFF = {"skp", "evaluasi", "profil"}
    FOR_LEADERS = {"bawahan", "matriks", "penilaian"}
    FOR_TRAINER = {"jam"}
    FOR_OPERATOR = {"monitoring"}

    def compose(self) -> ComposeResult:
        lang = self.app.session.lang
        yield Header()
        with VerticalScroll(id="beranda"):
            yield Static("", markup=False, id="siapa")
            yield Static("", markup=False, id="jam")
            yield Static("", markup=False, id="langkah")
            with Grid(id="menu"):
                yield Button(_m("tui.menu.skp", lang), id="ke-skp", variant="primary", compact=True)
                yield Button(_m("tui.menu.evaluasi", lang), id="ke-evaluasi", compact=True)
                yield Button(_m("tui.menu.bawahan", lang), id="ke-bawahan", compact=True)
                yield Button(_m("tui.menu.matriks", lang), id="ke-matriks", compact=True)
                yield Button(_m("tui.menu.penilaian", lang), id="ke-penilaian", compact=True)
                yield Button(_m("tui.menu.jam", lang), id="ke-jam", compact=True)
                yield Button(_m("tui.menu.monitoring", lang), id="ke-monitoring", compact=True)
                yield Button(_m("tui.menu.capaian", lang), id="ke-capaian", compact=True)
                yield Button(_m("tui.menu.aturan", lang), id="ke-aturan", compact=True)
                yield Button(_m("tui.menu.keberatan", lang), id="ke-keberatan", compact=True)
                yield Button(_m("tui.menu.profil", lang), id="ke-profil", compact=True)
                yield Button(_m("tui.menu.ganti", lang), id="ganti", compact=True)
            yield Static("", markup=False, id="daftar-langkah")
        yield KeyBar()

    def on_mount(self) -> None:
        self._installed: dict[type, str] = {}
        self.refresh_view()
        self.call_after_refresh(self._focus_menu)

    def _focus_menu(self) -> None:
        """The cursor starts on the first menu this persona may open: visible, and Enter opens it
        (Textual would focus the scrolling page, which shows no cursor at all)."""
        first = next((b for b in self.query("#menu Button") if b.display), None)
        if first is not None:
            first.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the menus this persona may not use from the footer (the actions still explain why
        if reached another way)."""
        session = self.app.session
        if session is None or session.actor is None:
            return True
        if action in self.FOR_STAFF:
            return session.has_own_skp
        if action in self.FOR_LEADERS:
            return session.memimpin
        if action in self.FOR_TRAINER:
            return session.is_trainer
        if action in self.FOR_OPERATOR:
            return session.is_operator
        if action == "capaian":
            return self._sets_capaian()
        if action == "keberatan":  # only while an objection waits for this atasan pejabat penilai
            return self._keberatan_waiting()
        return True

    def _profile_needs_sync(self) -> bool:
        """The Profil button shows while the profile waits for a sync (P works always)."""
        from sandbox.workflow.profil import BLOCKING, sync_state

        return sync_state(self.app.session.store.conn, self.app.session.actor) in BLOCKING

    def _sets_capaian(self) -> bool:
        """Capaian organisasi: leaders set their units', the trainer plays the kepala daerah, the
        operator sees who sets each unit (the screen refuses others in words)."""
        session = self.app.session
        return session.memimpin or session.is_trainer or session.is_operator

    def _keberatan_waiting(self) -> bool:
        session = self.app.session
        return session.has_own_skp and bool(keberatan_to_decide(session.store, session.actor))

    def open_menu_screen(self, screen_class: type) -> None:
        self._open(screen_class)

    def _open(self, screen_class: type) -> None:
        """Open a menu's screen, built once per persona: composing a form costs far more than
        refreshing it, so going back and forth stays fast. The screen refreshes on resume."""
        name = self._installed.get(screen_class)
        if name is None:
            name = f"{screen_class.__name__}-{id(self)}"
            self.app.install_screen(screen_class(), name)
            self._installed[screen_class] = name
        self.app.push_screen(name)

    def on_unmount(self) -> None:
        """Leaving this persona: forget its screens, so the next persona starts fresh."""
        from textual.app import ScreenStackError

        for name in self._installed.values():
            try:
                self.app.uninstall_screen(name)
            except ScreenStackError:  # the app is closing with that screen still open
                pass

    def on_screen_resume(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        session = self.app.session
        lang = session.lang
        self.sub_title = _m("tui.beranda.subtitle", lang)
        self.query_one("#siapa", Static).update(
            _m("tui.beranda.siapa", lang, nama=session.nama, jabatan=session.jabatan, unit=session.unit)
        )
        today = long_date(session.virtual_today(), lang)
        self.query_one("#jam", Static).update(_m("tui.beranda.jam", lang, tanggal=today))
        trainer = session.is_trainer
        self.query_one("#ke-skp").display = session.has_own_skp
        self.query_one("#ke-evaluasi").display = session.has_own_skp
        self.query_one("#ke-monitoring").display = session.is_operator
        self.query_one("#ke-capaian").display = self._sets_capaian()
        self.query_one("#ke-bawahan").display = session.memimpin
        self.query_one("#ke-penilaian").display = session.memimpin
        self.query_one("#ke-matriks").display = session.memimpin
        self.query_one("#ke-jam").display = trainer
        self.query_one("#ke-keberatan").display = self._keberatan_waiting()
        self.query_one("#ke-profil").display = session.has_own_skp and self._profile_needs_sync()
        self.refresh_bindings()
        self.refresh_guide()

    def refresh_guide(self, arah: Arah | None = None) -> None:
        """The banner, the "what next" line and the step list render one Arah (app.arah()), so
        they name the same step; this runs on every write to the office (see AppScreen)."""
        arah = arah or self.app.arah()
        super().refresh_guide(arah)
        self.query_one("#langkah", Static).update(self._next_step(arah))
        checklist = self._checklist(arah)
        self.query_one("#daftar-langkah", Static).update(checklist)
        self.query_one("#daftar-langkah").display = bool(checklist)

    def _checklist(self, arah: Arah | None) -> str:
        """The §1.4 steps for this persona, ticked from the database; ▶ marks the step due next."""
        if arah is None:
            return ""
        lang = self.app.session.lang
        lines = [_m("tui.langkah.judul", lang)]
        for step in arah.langkah:
            mark = "✓" if step.selesai else ("▶" if step is arah.berikut else "·")
            lines.append(f" {mark} {step.nomor:>2}. {_m(f'tui.step.{step.kunci}', lang)}")
        return "\n".join(lines)

    def _next_step(self, arah: Arah | None) -> str:
        """Where the SKP stands, then the step due next (how to do it too, unless the banner says so)."""
        session = self.app.session
        lang, store = session.lang, session.store
        if session.is_trainer:
            return _m("tui.langkah.trainer", lang)
        if session.is_operator:
            return _m("tui.langkah.operator", lang)
        lines = []
        skp = current_skp(store, session.actor, YEAR)
        if skp is None:
            lines.append(_m("tui.arah.status.belum", lang, tahun=YEAR))
        else:
            pejabat = person(store, skp["pejabat_nip"]) if skp["pejabat_nip"] else None
            lines.append(_m(
                f"tui.arah.status.{skp['status'].lower()}", lang, tahun=YEAR,
                pejabat=pejabat["nama"] if pejabat else _m("tui.kepala_daerah", lang),
                catatan=last_note(store, skp["id"], reader=session.actor) or "-"))
        if arah is not None:
            step = arah.berikut
            if step is None:
                lines.append(_m("tui.guide.selesai", lang))
            else:
                key = "tui.arah.berikut" if self.app.prefs.guided else "tui.arah.berikut.cara"
                lines.append(_m(key, lang, nomor=step.nomor, langkah=self.app.step_name(step),
                                cara=_m(f"tui.step.{step.kunci}.cara", lang)))
        if session.memimpin:
            waiting = [s for s in skp_to_decide(store, session.actor) if waiting_for_decision(s["status"])]
            lines.append(_m("tui.langkah.bawahan", lang, jumlah=len(waiting)))
        return "\n".join(lines)

    # -- menus -------------------------------------------------------------------------------------
    @on(Button.Pressed, "#ke-skp")
    def action_skp(self) -> None:
        if not self.app.session.has_own_skp:
            return
        from sandbox.tui.screens.skp import SkpScreen

        self._open(SkpScreen)

    @on(Button.Pressed, "#ke-bawahan")
    def action_bawahan(self) -> None:
        if not self.app.session.memimpin:
            self.notify(_m("tui.bukan_pejabat", self.app.session.lang), severity="warning", markup=False)
            return
        from sandbox.tui.screens.skp_bawahan import SkpBawahanScreen

        self._open(SkpBawahanScreen)

    @on(Button.Pressed, "#ke-evaluasi")
    def action_evaluasi(self) -> None:
        session = self.app.session
        if not session.has_own_skp:
            return
        skp = current_skp(session.store, session.actor, YEAR)
        if not skp_actions(skp["status"] if skp else None, owner=True).evaluasi:
            self.notify(_m("tui.eval.skp_belum_disetujui", session.lang), severity="warning", markup=False)
            return
        from sandbox.tui.screens.evaluasi import EvaluasiScreen

        self._open(EvaluasiScreen)

    @on(Button.Pressed, "#ke-profil")
    def action_profil(self) -> None:
        if not self.app.session.has_own_skp:
            return
        from sandbox.tui.screens.profil import ProfilScreen

        self._open(ProfilScreen)

    @on(Button.Pressed, "#ke-keberatan")
    def action_keberatan(self) -> None:
        from sandbox.tui.screens.keberatan import KeberatanScreen

        self._open(KeberatanScreen)

    @on(Button.Pressed, "#ke-monitoring")
    def action_monitoring(self) -> None:
        if not self.app.session.is_operator:
            return
        from sandbox.tui.screens.monitoring import MonitoringScreen

        self._open(MonitoringScreen)

    @on(Button.Pressed, "#ke-capaian")
    def action_capaian(self) -> None:
        if not self._sets_capaian():
            return
        from sandbox.tui.screens.capaian import CapaianScreen

        self._open(CapaianScreen)

    @on(Button.Pressed, "#ke-matriks")
    def action_matriks(self) -> None:
        if not self.app.session.memimpin:
            self.notify(_m("tui.bukan_pejabat", self.app.session.lang), severity="warning", markup=False)
            return
        from sandbox.tui.screens.matriks import MatriksScreen

        self._open(MatriksScreen)

    @on(Button.Pressed, "#ke-penilaian")
    def action_penilaian(self) -> None:
        if not self.app.session.memimpin:
            self.notify(_m("tui.bukan_pejabat", self.app.session.lang), severity="warning", markup=False)
            return
        from sandbox.tui.screens.penilaian import PenilaianScreen

        self._open(PenilaianScreen)

    @on(Button.Pressed, "#ke-aturan")
    def action_aturan(self) -> None:
        self.app.open_rule_explorer()

    @on(Button.Pressed, "#ke-jam")
    def action_jam(self) -> None:
        session = self.app.session
        if not session.is_trainer:
            self.notify(message("workflow.hak.trainer", session.lang, actor=session.nama), severity="warning",
                        markup=False)
            return
        from sandbox.tui.dialogs.catatan import CatatanDialog

        def move(answer: str) -> str | None:
            """Move the clock; the refusal keeps the dialog open, with the reason shown in it."""
            try:
                moved = atur_jam(session.store, TRAINER, iso_date(answer))  # "1 April 2026" too
            except SandboxError as refused:  # StoreError: an outage, a busy file
                return refused.render(session.lang)
            today = long_date(session.virtual_today(), session.lang)
            self.notify(_m("tui.jam.dipindah", session.lang, tanggal=today, **moved),
                        markup=False)
            self.refresh_view()
            return None

        self.app.push_screen(CatatanDialog(_m("tui.jam.tanya", session.lang), session.lang,
                                           wajib=_m("tui.catatan.jam_wajib", session.lang), check=move))

    @on(Button.Pressed, "#ganti")
    def action_ganti(self) -> None:
        self.app.session.actor = None
        self.app.clear_notifications()  # one person's messages are not shown to the next
        self.app.pop_screen()
