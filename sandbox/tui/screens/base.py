"""What every screen shares once a persona is chosen.

- messages in the session's language, footer labels included (bindings are declared with an `id`;
  `tui.key.<id>` names them in each language);
- F1: the screen's help (the FAQ topics of WORKFLOW.md §4), and a hint line that explains the
  focused field, with the usual mistakes (`tui.hint.<field id>`);
- guided mode: a banner with the next step of §1.4 on every screen, followed after any write to the
  office (a key, a button, a dialog's answer), so it never names a step just done;
- drafts: what is typed in a form is saved as it is typed and put back when the screen opens again
  (per person, screen and field), so closing the window mid-entry loses nothing.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from textual import on
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.events import DescendantFocus
from textual.screen import Screen
from textual.widgets import Input, Static

from sandbox.i18n import message
from sandbox.i18n.catalog import MESSAGES
from sandbox.tui import messages_arah  # noqa: F401 - the header's tooltip
from sandbox.tui.keybar import KeyBar


def localise_bindings(node, lang: str) -> None:
    """Give every binding with an id its footer label in `lang` (`tui.key.<id>` in the catalog)."""
    table = node._bindings.key_to_bindings
    for key, bindings in list(table.items()):
        table[key] = [
            replace(b, description=message(f"tui.key.{b.id}", lang)) if f"tui.key.{b.id}" in MESSAGES else b
            for b in bindings
        ]


class AppScreen(Screen):
    HELP_TOPIC = "beranda"  # tui.help.<topic>
    BINDINGS = [Binding("f1", "bantuan", "Bantuan", id="app.bantuan")]

    def __init__(self) -> None:
        super().__init__()
        localise_bindings(self, self.app.lang)

    def _m(self, key: str, **params) -> str:
        return message(key, self.app.session.lang, **params)

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = False) -> None:
        """A notification shows its text as it is: messages carry what people typed (a name, a
        refused value), and Textual would parse `[…]` in them as markup (sandbox.usertext)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    # -- chrome: guided banner at the top, field hint at the bottom ----------------------------------
    def on_mount(self) -> None:
        footer = self.query(KeyBar)
        hint = Static("", markup=False, id="petunjuk", classes="hint")
        banner = Static("", markup=False, id="panduan", classes="guided")
        if footer:
            self.mount(hint, before=footer.first())
        else:
            self.mount(hint)
        self.mount(banner, after=self.query_one("Header")) if self.query("Header") else self.mount(banner)
        self.call_after_refresh(self._restore_drafts)
        self.call_after_refresh(self.refresh_guide)
        self.call_after_refresh(self._hint_for_focused)
        self.call_after_refresh(self._localise_header)

    def _localise_header(self) -> None:
        """The header's icon opens the command palette; its tooltip (hover, e.g. in a browser seat)
        says so in the user's language instead of Textual's English."""
        for icon in self.query("HeaderIcon"):
            icon.tooltip = self._m("tui.arah.ikon")

    def _hint_for_focused(self) -> None:
        if self.focused is not None:
            self._hint_for(self.focused)

    def on_screen_resume(self) -> None:
        self._follow_office()

    def refresh_guide(self, arah=None) -> None:
        """Show the next step (`arah`, or the persona's current one) in the guided banner."""
        self._guide_stamp = self._office_stamp()
        try:
            banner = self.query_one("#panduan", Static)
        except NoMatches:
            return
        text = self.app.guide_text(arah) if self.app.prefs.guided else ""
        banner.update(text)
        banner.display = bool(text)

    def _office_stamp(self) -> int | None:
        """How many rows this app has written so far: a step can only be done by a write."""
        session = self.app.session
        try:
            return session.store.conn.total_changes if session is not None else None
        except sqlite3.ProgrammingError:  # the app is closing: the office file is closed already
            return None

    def on_idle(self) -> None:
        self._follow_office()

    def _follow_office(self) -> None:
        """Whatever wrote to the office — a key, a button, a dialog's answer, another screen — the
        guide follows before the next frame, so it never names a step that was just done."""
        stamp = self._office_stamp()
        if stamp is not None and stamp != getattr(self, "_guide_stamp", None):
            self.refresh_guide()

    @on(DescendantFocus)
    def _show_hint(self, event: DescendantFocus) -> None:
        self._hint_for(event.widget)

    def _hint_for(self, widget, retry: bool = True) -> None:
        try:
            hint = self.query_one("#petunjuk", Static)
        except NoMatches:  # focus came before the hint line was mounted: try once more after it is
            if retry:
                self.call_after_refresh(lambda: self._hint_for(widget, retry=False))
            return
        key = f"tui.hint.{widget.id}"
        # the line keeps its height either way: a layout that moved when focus moved would make a
        # click (press here, release there) miss the button it was aimed at
        hint.update("💡 " + self._m(key) if widget.id and key in MESSAGES else "")

    def action_bantuan(self) -> None:
        from sandbox.tui.dialogs.bantuan import BantuanDialog

        session = self.app.session
        if session.attempt_id is not None and session.actor and session.actor.isdigit():
            from sandbox.training.attempt import record_help

            # a classroom seat's progress counts the help pages opened
            record_help(session.store, session.actor, self.HELP_TOPIC, session.attempt_id)
        self.app.push_screen(BantuanDialog(self.HELP_TOPIC, session.lang))

    # -- drafts --------------------------------------------------------------------------------------
    def _draft_key(self) -> str:
        return type(self).__name__

    def _restore_drafts(self) -> None:
        session = self.app.session
        if session is None or session.actor is None:
            return
        from sandbox.store.drafts import drafts

        for field, text in drafts(session.store, session.actor, self._draft_key()).items():
            try:
                widget = self.query_one(f"#{field}", Input)
            except NoMatches:
                continue
            if not widget.value:
                widget.value = text

    @on(Input.Changed)
    def _keep_draft(self, event: Input.Changed) -> None:
        session = self.app.session
        widget = event.input
        if session is None or session.actor is None or not widget.id or widget.has_class("no-draft"):
            return
        from sandbox.store.drafts import save_draft

        save_draft(session.store, session.actor, self._draft_key(), widget.id, widget.value)


class MenuScreen(AppScreen):
    """A menu opened from the Beranda: Esc goes back to it."""

    BINDINGS = [Binding("escape", "back", "Kembali", id="menu.back")]

    def action_back(self) -> None:
        self.app.pop_screen()
