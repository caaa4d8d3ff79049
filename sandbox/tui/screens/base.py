"""What every menu screen shares: messages in the session's language and Esc back to the Beranda."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen

from sandbox.i18n import message


class MenuScreen(Screen):
    BINDINGS = [Binding("escape", "back", "Kembali", id="menu.back")]

    def _m(self, key: str, **params) -> str:
        return message(key, self.app.session.lang, **params)

    def action_back(self) -> None:
        self.app.pop_screen()
