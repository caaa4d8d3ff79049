"""The footer line: every key the screen offers with its label, one clickable line of text.

Textual's own Footer rebuilds a widget per key on every screen switch; on this machine that was
three quarters of the time a switch took (bench/bench_tui.py: 215 ms → 53 ms without it). This bar
renders the same active bindings as one Static, so a switch costs one text update. A click on a key
presses it (`app.simulate_key`), so mouse users keep what the Footer gave them.
"""

from __future__ import annotations

from textual.markup import escape
from textual.widgets import Static

from sandbox.i18n import message
from sandbox.i18n.catalog import MESSAGES
from sandbox.tui import messages_arah  # noqa: F401 - Textual's built-in key labels

NAMES = {"escape": "Esc", "enter": "Enter", "tab": "Tab", "space": "Spasi"}


def label(binding, lang: str) -> str:
    """The binding's label in `lang`: ours are localised by id (screens/base.py); Textual's own
    (e.g. an open Select's Esc, "Dismiss menu") by action, as `tui.arah.kunci.<action>`."""
    key = f"tui.arah.kunci.{binding.action.rsplit('.', 1)[-1]}"
    if binding.id is None and key in MESSAGES:
        return message(key, lang)
    return binding.description


def key_name(key: str) -> str:
    """Keys as printed on a keyboard: F2, Esc, Ctrl+B (older users read "^b" as noise)."""
    key = key.split(",")[0].strip()
    if key in NAMES:
        return NAMES[key]
    return "+".join(part.upper() if len(part) <= 3 else part.capitalize() for part in key.split("+"))


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-description-foreground;
        padding: 0 1;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._show()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen) -> None:
        if self.is_attached and screen is self.screen:
            self._show()

    def _show(self) -> None:
        """Help and language first (what a lost newcomer needs), the screen's keys, quit last: on a
        narrow terminal the line is cut from the right."""
        seen: set[str] = set()
        parts = []
        order = {"app.bantuan": 0, "app.bahasa": 1, "app.quit": 3}
        ranked = sorted(self.screen.active_bindings.items(), key=lambda kv: order.get(kv[1].binding.id, 2))
        for key, active in ranked:
            binding = active.binding
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            display = escape(key_name(binding.key))
            text = escape(label(binding, self.app.lang))
            style = "b $footer-key-foreground" if active.enabled else "dim"
            parts.append(f"[@click=app.simulate_key({key!r})][{style}]{display}[/] {text}[/]")
        if self.app.ENABLE_COMMAND_PALETTE:
            text = escape(message("tui.key.palette", self.app.lang))
            parts.append(f"[@click=app.command_palette][b $footer-key-foreground]Ctrl+P[/] {text}[/]")
        self.update("  ".join(parts))
