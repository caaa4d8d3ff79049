"""The e-Kinerja Sandbox app: choose who you are in the demo office, then practise e-Kinerja's steps.

`SandboxApp(start="rules")` opens the rule explorer alone (no office needed).
"""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from sandbox.i18n import message, resolve_language
from sandbox.tui.session import Session


def _packs() -> list:
    from sandbox.rules import check_pack
    from sandbox.rules.registry import pack_files

    packs = []
    for path in pack_files():
        pack, problems = check_pack(path)
        if pack is not None and not problems:
            packs.append(pack)
    # the rules in force first, the core regulation at the top, reforms last
    packs.sort(key=lambda p: (p.extends is not None, p.id != "permenpanrb-6-2022", p.id))
    return packs


class SandboxApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "e-Kinerja Sandbox"
    BINDINGS = [
        Binding(
            "ctrl+q", "quit", message("tui.quit", resolve_language()), id="quit", show=True, priority=True
        ),
    ]

    def __init__(self, lang: str = "id", db_path: str | None = None, start: str = "office") -> None:
        super().__init__()
        self.lang = lang
        self.db_path = db_path
        self.start = start
        self.session: Session | None = None
        self._packs: list | None = None

    @property
    def packs(self) -> list:
        if self._packs is None:
            self._packs = _packs()
        return self._packs

    def on_mount(self) -> None:
        if self.start == "rules":
            self.open_rule_explorer()
            return
        from sandbox.store import StoreError
        from sandbox.tui.office import open_office
        from sandbox.tui.screens.persona import PersonaScreen

        try:
            store = open_office(self.db_path)
        except StoreError as error:  # a damaged or foreign file: say so, offer the rule explorer
            self.notify(error.render(self.lang), severity="error", timeout=30)
            self.open_rule_explorer()
            return
        self.session = Session(store, self.lang)
        self.sub_title = str(store.path)
        self.push_screen(PersonaScreen())

    def open_rule_explorer(self) -> None:
        from sandbox.tui.rule_explorer import RuleExplorer

        self.push_screen(RuleExplorer(self.packs, self.lang))
        if not self.packs:
            self.notify(message("tui.no_packs", self.lang), severity="error")

    def on_unmount(self) -> None:
        if self.session is not None:
            self.session.store.close()


def run(lang: str = "id", db_path: str | None = None) -> None:
    SandboxApp(lang, db_path).run()
