"""The e-Kinerja Sandbox app. Today it opens the rule explorer; the office screens come next."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from sandbox.i18n import message, resolve_language
from sandbox.rules import check_pack
from sandbox.rules.registry import pack_files
from sandbox.tui.rule_explorer import RuleExplorer


class SandboxApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "e-Kinerja Sandbox"
    BINDINGS = [
        Binding("ctrl+q", "quit", message("tui.quit", resolve_language()), id="quit",
                show=True, priority=True),
    ]

    def __init__(self, lang: str = "id") -> None:
        super().__init__()
        self.lang = lang
        self.packs = []
        for path in pack_files():
            pack, problems = check_pack(path)
            if pack is not None and not problems:
                self.packs.append(pack)
        # the rules in force first, the core regulation at the top, reforms last
        self.packs.sort(key=lambda p: (p.extends is not None, p.id != "permenpanrb-6-2022", p.id))

    def on_mount(self) -> None:
        self.push_screen(RuleExplorer(self.packs, self.lang))
        if not self.packs:
            self.notify(message("tui.no_packs", self.lang), severity="error")


def run(lang: str = "id") -> None:
    SandboxApp(lang).run()
