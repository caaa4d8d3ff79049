"""The e-Kinerja Sandbox app: choose who you are in the demo office, then practise e-Kinerja's steps.

`SandboxApp(start="rules")` opens the rule explorer alone (no office needed). Language, theme and
guided mode are one key away (Ctrl+B, Ctrl+T, Ctrl+G, and the command palette, Ctrl+P) and are
remembered in the user's preferences file.
"""

from __future__ import annotations

from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.theme import Theme

from sandbox.errors import SandboxError
from sandbox.i18n import message
from sandbox.tui import messages_arah  # noqa: F401 - Textual's own texts, in the user's language
from sandbox.tui.commands import SandboxCommands
from sandbox.tui.prefs import Prefs, load_prefs, save_prefs
from sandbox.tui.screens.base import localise_bindings
from sandbox.tui.session import YEAR, Session
from sandbox.usertext import single_line

HIGH_CONTRAST = Theme(
    name="ekinerja-kontras",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#202020",
    boost="#303030",
    warning="#FFAA00",
    error="#FF6060",
    success="#00FF00",
    dark=True,
)
THEME_NAMES = {"standar": "textual-dark", "kontras": HIGH_CONTRAST.name}
FOLLOW_SECONDS = 1.0  # how often a seat looks for the trainer's new round or clock (well within 2 s)


def _packs(extra_folder: str | None = None) -> list:
    """Every clean pack of rules/ (and, for a classroom seat, the reforms in its own folder)."""
    from pathlib import Path

    from sandbox.rules import check_pack
    from sandbox.rules.registry import pack_files

    packs = []
    extra = sorted(Path(extra_folder).glob("*.yaml")) if extra_folder and Path(extra_folder).is_dir() else []
    for path in [*pack_files(), *extra]:
        pack, problems = check_pack(path)
        if pack is not None and not problems:
            packs.append(pack)
    # the rules in force first, the core regulation at the top, reforms last
    packs.sort(key=lambda p: (p.extends is not None, p.id != "permenpanrb-6-2022", p.id))
    return packs


class SandboxApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "e-Kinerja Sandbox"
    COMMANDS = App.COMMANDS | {SandboxCommands}
    BINDINGS = [
        Binding("ctrl+b", "bahasa", "English", id="app.bahasa", show=True, priority=True),
        Binding("ctrl+t", "tema", "Kontras", id="app.tema", show=False, priority=True),
        Binding("ctrl+g", "panduan", "Panduan", id="app.panduan", show=False, priority=True),
        Binding("ctrl+q", "quit", "Keluar", id="app.quit", show=True, priority=True),
        Binding("f10,ctrl+o", "status", "Status layanan", id="app.status", show=True),
        Binding("f12,ctrl+l", "latihan", "Latihan", id="app.latihan", show=True),
    ]

    def __init__(self, lang: str = "id", db_path: str | None = None, start: str = "office",
                 prefs: Prefs | None = None, seat: int | None = None, token: str | None = None) -> None:
        super().__init__()
        self.lang = lang
        self.db_path = db_path
        self.start = start  # "office", "rules", "kursi" (a classroom seat) or "kelas" (trainer's console)
        self.seat = seat
        self.seat_token = token  # the session token that holds the seat (from `ekinerja serve`, or joined)
        self.workdir = None
        # the classroom's doors (sandbox.training.access): failed tries counted per process
        self.join_throttle = None
        self.pin_throttle = None
        self.console_unlocked = False  # the trainer's PIN was given (or the class has none)
        self.place_restored = False  # a seat went back to its remembered place (once per process)
        self._last_place: dict | None = None
        self.prefs = prefs if prefs is not None else load_prefs()
        self.session: Session | None = None
        self._packs: list | None = None
        self._arah: tuple | None = None  # (what it was computed from, Arah): see arah()
        localise_bindings(self, lang)
        self.register_theme(HIGH_CONTRAST)
        self.theme = THEME_NAMES.get(self.prefs.theme, "textual-dark")
        self.set_class(self.prefs.theme == "kontras", "-kontras")

    @property
    def packs(self) -> list:
        if self._packs is None:
            self._packs = _packs(self.session.workdir if self.session is not None else None)
        return self._packs

    def on_mount(self) -> None:
        if self.start == "rules":
            self.open_rule_explorer()
            return
        from sandbox.store import StoreError
        from sandbox.tui.office import open_office
        from sandbox.tui.screens.persona import PersonaScreen

        if self.start in ("kursi", "kelas"):
            self._open_class()
            return
        try:
            store = open_office(self.db_path)
        except StoreError as error:  # a damaged or foreign file: say so, offer the rule explorer
            self.notify(error.render(self.lang), severity="error", timeout=30, markup=False)
            self.open_rule_explorer()
            return
        self.session = Session(store, self.lang)
        self.sub_title = str(store.path)
        self.push_screen(PersonaScreen())
        self._say_repair(store)

    def _say_repair(self, store) -> None:
        """A file repaired on open: the user hears what was rebuilt and where the damaged copy is."""
        if store.repaired is not None:
            self.notify(store.repaired.render(self.lang), severity="warning", timeout=30, markup=False)

    def _open_class(self) -> None:
        """A classroom: a seat's own people only, or the trainer's console."""
        from sandbox.store import StoreError
        from sandbox.training.classroom import ClassError, open_class, workdir_for

        try:
            store, info = open_class(self.db_path)
        except (ClassError, StoreError) as error:
            self.notify(error.render(self.lang), severity="error", timeout=30, markup=False)
            self.open_rule_explorer()
            return
        from sandbox.training.access import Throttle, has_pin

        self.join_throttle, self.pin_throttle = Throttle(), Throttle()
        self.workdir = workdir_for(self.db_path)
        self.session = Session(store, self.lang, kelas_id=info.id, seat=self.seat)
        # the class's name only: a seat is no place for the trainer's file paths (the console knows them)
        self.sub_title = single_line(info.nama)
        self._say_repair(store)
        if self.start == "kelas":
            if not has_pin(store, info.id):  # a class made before PINs: open, and say how to set one
                self.notify(message("tui.akses.tanpa_pin", self.lang, db=self.db_path), severity="warning",
                            timeout=15, markup=False)
                self.unlock_console()
            self.push_screen(self._console_screen())
            return
        from sandbox.tui.screens.kursi import SeatScreen

        self.session.allowed = frozenset()  # nobody until the seat's attempt says who
        if self.seat_token:
            self.hold_seat(self.seat_token)
        self.push_screen(SeatScreen())
        self._seen_version = store.data_version()
        self._seen_clock = store.virtual_now()
        self._following = False
        self.set_interval(FOLLOW_SECONDS, self._follow_class)

    # -- a seat follows the trainer ------------------------------------------------------------------
    async def _follow_class(self) -> None:
        """A new round or a clock move from the console (or `ekinerja class start` / `class clock`)
        reaches this seat by itself: SQLite's `data_version` changes only when another process
        commits, so an idle class costs one pragma per tick; then two small reads say what changed."""
        from sandbox.store import StoreError
        from sandbox.training.classroom import current_attempt

        session = self.session
        if session is None or session.seat is None or self._following:
            return
        store = session.store
        try:
            version = store.data_version()
            if version == self._seen_version:
                return
            attempt = current_attempt(store, session.kelas_id, session.seat)
            now = store.virtual_now()
        except (StoreError, OSError):  # a busy file: look again at the next tick
            return
        self._seen_version = version
        moved, self._seen_clock = now != self._seen_clock, now
        self._following = True  # one change at a time: a round change awaits its screens
        try:
            if attempt is not None and attempt["id"] != session.attempt_id:
                await self._new_round(attempt, now)
            elif moved:
                self._clock_moved(now)
        finally:
            self._following = False

    async def _new_round(self, attempt: dict, now: str) -> None:
        """Back to the seat screen for the new attempt: the old attempt's persona, menus and dialogs
        go (the Beranda forgets its screens when it closes); the seat screen attaches the new cast."""
        from sandbox.formatting import long_date
        from sandbox.training.attempt import scenario_of
        from sandbox.training.scenario import ScenarioError
        from sandbox.tui.screens.kursi import SeatScreen

        session = self.session
        first = session.attempt_id is None
        session.actor = None
        session.nama, session.jabatan, session.unit, session.memimpin = "", "", "", False
        while len(self.screen_stack) > 1 and not isinstance(self.screen, SeatScreen):
            await self.pop_screen()
        if isinstance(self.screen, SeatScreen):
            self.screen.attach(session.seat)
        if first:  # the seat was waiting for its first round: its own screen says it all
            return
        try:
            judul = scenario_of(attempt).judul.get(self.lang)
        except ScenarioError:
            judul = attempt["skenario_id"]
        text = message("tui.kursi.putaran_baru", self.lang, judul=judul, tanggal=long_date(now, self.lang))
        self.notify(text, title=message("tui.kursi.judul", self.lang), timeout=12, markup=False)

    def _clock_moved(self, now: str) -> None:
        """The trainer moved the clock: every screen showing the date or periods reads them again
        (a screen's own `refresh_clock`, else what it does when it comes back to the front), and a
        notice says the new date in words."""
        from sandbox.formatting import long_date

        for screen in self._showing():
            focused = screen.focused
            try:
                hook = getattr(screen, "refresh_clock", None)
                if hook is not None:
                    hook()
                elif "on_screen_resume" in vars(type(screen)):
                    screen.on_screen_resume()
                if hasattr(screen, "refresh_guide"):
                    screen.refresh_guide()
            except SandboxError:  # an outage or a busy file: the next visit shows it
                pass
            if focused is not None:  # a trainee typing keeps their place (after any focus the refresh asked)
                self.call_after_refresh(self._refocus, screen, focused)
        self.notify(message("tui.kursi.jam_maju", self.lang, tanggal=long_date(now, self.lang)),
                    title=message("tui.kursi.judul", self.lang), timeout=12, markup=False)

    @staticmethod
    def _refocus(screen, widget) -> None:
        if widget.is_attached and screen.focused is not widget:
            screen.set_focus(widget)

    def _showing(self) -> list:
        """The screens on view: the top one, and those under a dialog up to the first full screen."""
        from textual.screen import ModalScreen

        shown = []
        for screen in reversed(self.screen_stack):
            shown.append(screen)
            if not isinstance(screen, ModalScreen):
                break
        return shown

    # -- the classroom's doors -------------------------------------------------------------------------
    def _console_screen(self):
        """The trainer's console once the PIN was given; the PIN prompt before."""
        from sandbox.tui.screens.kelas import ClassConsoleScreen, PinScreen

        return ClassConsoleScreen() if self.console_unlocked else PinScreen()

    def unlock_console(self) -> None:
        from sandbox.workflow.actors import TRAINER

        self.console_unlocked = True
        self.session.actor, self.session.nama = TRAINER, message("tui.persona.trainer", self.lang)

    def hold_seat(self, token: str) -> None:
        """This process holds its seat by `token`; when the trainer releases the seat, it closes."""
        self.seat_token = token
        self.set_interval(5.0, self._check_seat_held)

    def _check_seat_held(self) -> None:
        from sandbox.store import StoreError
        from sandbox.training.access import seat_of_token

        session = self.session
        try:
            held = seat_of_token(session.store, session.kelas_id, self.seat_token)
        except (StoreError, OSError):  # a busy file: look again next time
            return
        if held is None or held != session.seat:
            session.allowed = frozenset()
            session.actor = None
            self.exit(message("tui.akses.dilepas", self.lang), return_code=3)

    def push_screen(self, *args, **kwargs):
        result = super().push_screen(*args, **kwargs)
        self._place_changed()
        return result

    def pop_screen(self):
        result = super().pop_screen()
        self._place_changed()
        return result

    def switch_screen(self, screen):
        result = super().switch_screen(screen)
        self._place_changed()
        return result

    def _place_changed(self) -> None:
        if self.start == "kursi" and self.place_restored:
            self.call_after_refresh(self._note_place)

    def _note_place(self) -> None:
        """Remember the seat's persona and menu (kursi.posisi), so a new process resumes there."""
        from sandbox.store import StoreError
        from sandbox.training.access import remember_place
        from sandbox.tui.screens.kursi import RESUMABLE

        session = self.session
        if session is None or session.seat is None or session.attempt_id is None:
            return
        if not self.is_running or getattr(self, "_exit", False):  # closing: where it was stays remembered
            return
        layar = next((type(s).__name__ for s in reversed(self.screen_stack) if type(s).__name__ in RESUMABLE),
                     None)
        place = {"percobaan": session.attempt_id, "peran": session.actor, "layar": layar}
        if place == self._last_place:
            return
        try:
            remember_place(session.store, session.kelas_id, session.seat, place)
        except StoreError:  # a busy file: the next move writes it
            return
        self._last_place = place

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("latihan", "status"):
            # outages only happen in a classroom scenario: elsewhere both keys stay out of the way
            return self.session is not None and self.session.attempt_id is not None
        return True

    def action_status(self) -> None:
        """The service status panel; in a classroom seat, opening it is recorded (T06)."""
        from sandbox.training.attempt import record_help
        from sandbox.tui.dialogs.status import StatusDialog, status_text

        session = self.session
        if session is None:
            return
        if session.attempt_id is not None and session.actor and session.actor.isdigit():
            record_help(session.store, session.actor, "status", session.attempt_id)
        self.push_screen(StatusDialog(status_text(session.store, session.actor, self.lang), self.lang))

    def action_latihan(self) -> None:
        from sandbox.tui.dialogs.latihan import LatihanDialog

        if self.session is not None and self.session.attempt_id is not None:
            self.push_screen(LatihanDialog(self.lang))

    def open_rule_explorer(self) -> None:
        from sandbox.tui.rule_explorer import RuleExplorer

        self.push_screen(RuleExplorer(self.packs, self.lang))
        if not self.packs:
            self.notify(message("tui.no_packs", self.lang), severity="error", markup=False)

    def on_unmount(self) -> None:
        if self.session is not None:
            self.session.store.close()

    # -- what the user chose once ----------------------------------------------------------------------
    def _remember(self) -> None:
        if not save_prefs(self.prefs):
            self.notify(message("tui.prefs.gagal", self.lang), severity="warning", markup=False)

    async def action_bahasa(self) -> None:
        """Switch Indonesian ↔ English, remember it, and rebuild the screens in the new language,
        back on the same persona and menu (typed text comes back from the drafts)."""
        self.lang = "en" if self.lang == "id" else "id"
        self.prefs.lang = self.lang
        self._remember()
        localise_bindings(self, self.lang)
        self.refresh_bindings()
        current = type(self.screen)
        actor = self.session.actor if self.session else None  # popping to the persona list forgets it
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        if self.session is None:
            self.open_rule_explorer()
        else:
            await self._reopen(current, actor)
        self.notify(message("tui.bahasa.diganti", self.lang), markup=False)

    async def _reopen(self, current: type, actor: str | None) -> None:
        from sandbox.tui.rule_explorer import RuleExplorer
        from sandbox.tui.screens.base import MenuScreen
        from sandbox.tui.screens.persona import PersonaScreen

        session = self.session
        session.lang = self.lang
        if session.kelas_id is not None:  # a classroom: never the office's persona list
            await self._reopen_class(current, actor)
            return
        persona = PersonaScreen()
        await self.push_screen(persona)
        if actor is None:
            return
        await persona.choose(actor)
        if issubclass(current, MenuScreen):
            self.screen.open_menu_screen(current)
        elif current is RuleExplorer:
            self.open_rule_explorer()

    async def _reopen_class(self, current: type, actor: str | None) -> None:
        """After a language switch in a classroom: the console, or the seat with the same role."""
        from sandbox.tui.screens.base import MenuScreen

        if self.start == "kelas":  # the console, or its PIN prompt still (never around it)
            await self.push_screen(self._console_screen())
            return
        from sandbox.tui.screens.kursi import SeatScreen

        seat_screen = SeatScreen()
        await self.push_screen(seat_screen)
        if actor is None or self.session.attempt_id is None:
            return
        pushed = seat_screen.choose(actor)
        if pushed is None:  # not one of this seat's roles (cannot happen; never a way out of the seat)
            return
        await pushed
        if issubclass(current, MenuScreen):
            self.screen.open_menu_screen(current)

    def action_tema(self) -> None:
        self.prefs.theme = "standar" if self.prefs.theme == "kontras" else "kontras"
        self._remember()
        self.theme = THEME_NAMES[self.prefs.theme]
        self.set_class(self.prefs.theme == "kontras", "-kontras")
        self.notify(message(f"tui.tema.{self.prefs.theme}", self.lang), markup=False)

    def action_panduan(self) -> None:
        self.prefs.guided = not self.prefs.guided
        self._remember()
        for screen in self.screen_stack:
            if hasattr(screen, "refresh_guide"):
                screen.refresh_guide()
        self.notify(message("tui.panduan.nyala" if self.prefs.guided else "tui.panduan.mati", self.lang),
                    markup=False)

    def arah(self):
        """The persona's steps and the one due next (sandbox.workflow.langkah.Arah), or None for a
        persona without an SKP of their own. The banner and the Beranda both render this one value;
        it is computed again only once the office changed (a write here, or by another process)."""
        from sandbox.workflow.langkah import arah_untuk

        session = self.session
        if session is None or session.actor is None or not session.has_own_skp:
            return None
        store = session.store
        key = (session.actor, session.memimpin, store.conn.total_changes, store.data_version())
        if self._arah is None or self._arah[0] != key:
            self._arah = (key, arah_untuk(store, session.actor, YEAR, session.memimpin))
        return self._arah[1]

    def guide_text(self, arah=None) -> str:
        """The guided-mode banner: the next §1.4 step for the persona at the keyboard."""
        arah = arah or self.arah()
        if arah is None:
            return ""
        step = arah.berikut
        if step is None:
            return message("tui.guide.selesai", self.lang)
        return message("tui.guide.banner", self.lang, nomor=step.nomor, selesai=arah.selesai,
                       total=len(arah.langkah), langkah=self.step_name(step),
                       cara=message(f"tui.step.{step.kunci}.cara", self.lang))

    def step_name(self, step) -> str:
        """A step as the banner and the Beranda name it: a period step names its period too."""
        name = message(f"tui.step.{step.kunci}", self.lang)
        return f"{name} ({step.periode})" if step.periode else name

    # -- Textual's own texts in the user's language ----------------------------------------------------
    def action_command_palette(self) -> None:
        """Textual's palette, its search field labelled in the user's language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette",
                                            placeholder=message("tui.arah.palette.cari", self.lang)))

    def get_system_commands(self, screen):
        """Textual's own palette entries, in the user's language. Its theme list, key panel and
        maximise are left out: Ctrl+T (remembered), F1 with the key bar, and a maximised view with
        no key bar and no way back a newcomer can see would only add English and dead ends."""
        for name, run in (("keluar", self.action_quit),
                          ("tangkapan", lambda: self.set_timer(0.1, self.tangkapan_layar))):
            yield SystemCommand(message(f"tui.arah.cmd.{name}", self.lang),
                                message(f"tui.arah.cmd.{name}.help", self.lang), run)

    def tangkapan_layar(self) -> None:
        """Save (or, in a browser seat, send) an SVG picture of the screen, said in the user's language:
        in Downloads, else beside the office file (a computer without a Downloads folder)."""
        import datetime as dt
        import io
        from pathlib import Path

        from platformdirs import user_downloads_path

        folder = user_downloads_path()
        if not folder.is_dir():
            folder = Path(self.session.store.path).parent if self.session is not None else Path.cwd()
        name = f"e-kinerja-{dt.datetime.now():%Y%m%d-%H%M%S}.svg"
        self.deliver_text(io.StringIO(self.export_screenshot()), save_directory=folder, save_filename=name,
                          open_method="browser", mime_type="image/svg+xml", name="tangkapan-layar")

    @on(events.DeliveryComplete)
    def _tangkapan_tersimpan(self, event: events.DeliveryComplete) -> None:
        if event.name == "tangkapan-layar":
            text = (message("tui.arah.tangkapan.unduh", self.lang) if event.path is None
                    else message("tui.arah.tangkapan.ok", self.lang, path=str(event.path)))
            self.notify(text, title=message("tui.arah.tangkapan.judul", self.lang), markup=False)

    @on(events.DeliveryFailed)
    def _tangkapan_gagal(self, event: events.DeliveryFailed) -> None:
        if event.name == "tangkapan-layar":
            self.notify(message("tui.arah.tangkapan.gagal", self.lang), severity="error", markup=False,
                        title=message("tui.arah.tangkapan.judul", self.lang))

    def action_help_quit(self) -> None:
        """Ctrl+C (pressed by habit) does not quit: say which key does, in the user's language."""
        self.notify(message("tui.arah.keluar.tanya", self.lang, tombol="Ctrl+Q"),
                    title=message("tui.arah.keluar.judul", self.lang), markup=False)

    def open_menu(self, name: str) -> None:
        """Open a Beranda menu from anywhere (the command palette): back to the Beranda, then its action."""
        from sandbox.tui.screens.beranda import BerandaScreen

        beranda = next((s for s in self.screen_stack if isinstance(s, BerandaScreen)), None)
        if beranda is None:
            return
        while self.screen is not beranda:
            self.pop_screen()
        getattr(beranda, f"action_{name}")()


def run(lang: str | None = None, db_path: str | None = None, start: str = "office",
        seat: int | None = None, token: str | None = None) -> None:
    """Start the app: an explicit --lang or $EKINERJA_LANG wins, then the remembered choice, then
    Bahasa Indonesia (the system's LANG is not asked: most office computers say English)."""
    import os
    import sys

    prefs = load_prefs()
    chosen = lang or os.environ.get("EKINERJA_LANG", "").strip().lower()[:2] or prefs.lang or "id"
    app = SandboxApp(chosen if chosen in ("id", "en") else "id", db_path, start=start, prefs=prefs, seat=seat,
                     token=token)
    result = app.run()
    if isinstance(result, str):  # why a seat closed (the trainer released it)
        print(result, file=sys.stderr)
