"""Command palette (Ctrl+P) entries as "area: action", in the user's language, for the role at hand.

They open the same Beranda menus and toggles the keys do, so a user who forgets a key can type
"skp" or "bahasa" instead. A menu the persona may not use is not offered. A search that matches
nothing offers Help instead of Textual's English "No matches found".
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from sandbox.i18n import message
from sandbox.tui import messages_arah  # noqa: F401 - the no-match entry


class SandboxCommands(Provider):
    def _entries(self) -> list[tuple[str, object, str]]:
        app = self.app
        lang = app.lang
        entries = [
            (message("tui.cmd.bahasa", lang), app.action_bahasa, message("tui.cmd.bahasa.help", lang)),
            (message("tui.cmd.tema", lang), app.action_tema, message("tui.cmd.tema.help", lang)),
            (message("tui.cmd.panduan", lang), app.action_panduan, message("tui.cmd.panduan.help", lang)),
        ]
        screen = self.screen  # the screen the palette was opened from (app.screen is the palette)
        if hasattr(screen, "action_bantuan"):
            entries.append((message("tui.cmd.bantuan", lang), screen.action_bantuan,
                            message("tui.cmd.bantuan.help", lang)))
        session = app.session
        if session is None or session.actor is None:
            return entries
        menus = []
        if session.has_own_skp:
            menus += ["skp", "evaluasi"]
        if session.memimpin:
            menus += ["bawahan", "matriks", "penilaian"]
        if session.is_trainer:
            menus.append("jam")
        if session.is_operator:
            menus.append("monitoring")
        menus += ["aturan", "ganti"]
        for name in menus:
            entries.append((message(f"tui.cmd.{name}", lang), partial(app.open_menu, name),
                            message(f"tui.cmd.{name}.help", lang)))
        return entries

    async def discover(self) -> Hits:
        for label, callback, help_text in self._entries():
            yield DiscoveryHit(label, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        found = False
        for label, callback, help_text in self._entries():
            score = matcher.match(f"{label} {help_text}")
            if score > 0:
                found = True
                yield Hit(score, matcher.highlight(label), callback, help=help_text)
        # Textual's own entries (App.get_system_commands) are matched on their title by its provider
        system = self.app.get_system_commands(self.screen)
        if not found and not any(matcher.match(c.title) > 0 for c in system):
            lang = self.app.lang
            help_page = getattr(self.screen, "action_bantuan", None) or (lambda: None)
            yield Hit(0.01, message("tui.arah.palette.kosong", lang), help_page,
                      help=message("tui.arah.palette.kosong.help", lang))
