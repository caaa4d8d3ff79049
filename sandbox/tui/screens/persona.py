"""Pilih peran: choose who you are in the office; what follows shows only what that role may do."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Header, Input, Label

from sandbox.i18n import message
from sandbox.tui.keybar import KeyBar
from sandbox.tui.screens.base import AppScreen
from sandbox.tui.session import REGULATOR
from sandbox.tui.widgets import TextTable
from sandbox.workflow.actors import PENGELOLA_KINERJA, TRAINER
from sandbox.workflow.views import people


class PersonaScreen(AppScreen):
    """A searchable list of the office's people, the trainer first."""

    HELP_TOPIC = "persona"

    def compose(self) -> ComposeResult:
        lang = self.app.session.lang
        yield Header()
        yield Label(message("tui.persona.title", lang), classes="title", markup=False)
        yield Input(placeholder=message("tui.persona.search", lang), id="cari", classes="no-draft")
        yield TextTable(id="orang", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        lang = self.app.session.lang
        self.sub_title = message("tui.persona.subtitle", lang)
        table = self.query_one("#orang", DataTable)
        table.add_columns(
            *(message(f"tui.persona.col.{c}", lang) for c in ("nama", "jabatan", "unit", "peran"))
        )
        self.everyone = people(self.app.session.store)
        self._fill("")
        self.query_one("#cari", Input).focus()

    def on_screen_resume(self) -> None:
        """Back from a persona: an empty search, ready for the next person."""
        search = self.query_one("#cari", Input)
        self.app.session.actor = None
        search.value = ""
        search.focus()

    def _rows(self, needle: str):
        lang = self.app.session.lang
        needle = needle.strip().lower()
        for key, kind in ((TRAINER, "trainer"), (PENGELOLA_KINERJA, "operator"), (REGULATOR, "regulator")):
            cells = (message(f"tui.persona.{kind}", lang), message(f"tui.persona.{kind}_job", lang), "-",
                     message(f"tui.role.{kind}", lang))
            if not needle or needle in " ".join(cells).lower():
                yield key, cells
        for p in self.everyone:
            role = message("tui.role.pejabat" if p["memimpin"] else "tui.role.pegawai", lang)
            cells = (p["nama"], p["jabatan"], p["unit"] or "-", role)
            if not needle or needle in " ".join((p["nip"], *cells)).lower():
                yield p["nip"], cells

    def _fill(self, needle: str) -> None:
        table = self.query_one("#orang", DataTable)
        table.clear()
        for key, cells in self._rows(needle):
            table.add_row(*cells, key=key)

    @on(Input.Changed, "#cari")
    def _search(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#cari")
    def _enter(self) -> None:
        table = self.query_one("#orang", DataTable)
        if table.row_count == 1:
            self.choose(str(table.coordinate_to_cell_key((0, 0)).row_key.value))
        elif table.row_count:
            table.focus()

    @on(DataTable.RowSelected, "#orang")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.choose(str(event.row_key.value))

    def choose(self, key: str):
        """Become this persona and open their Beranda (awaitable, for a rebuild after a language switch)."""
        session = self.app.session
        session.actor = key
        if key == REGULATOR:
            from sandbox.tui.screens.workbench import WorkbenchScreen

            session.nama = message("tui.persona.regulator", session.lang)
            session.jabatan, session.unit, session.memimpin = "-", "-", False
            return self.app.push_screen(WorkbenchScreen())
        if key in (TRAINER, PENGELOLA_KINERJA):
            kind = "trainer" if key == TRAINER else "operator"
            session.nama = message(f"tui.persona.{kind}", session.lang)
            session.jabatan, session.unit, session.memimpin = (
                message(f"tui.persona.{kind}_job", session.lang),
                "-",
                False,
            )
        else:
            everyone = getattr(self, "everyone", None) or people(session.store)
            chosen = next(p for p in everyone if p["nip"] == key)
            session.nama, session.jabatan = chosen["nama"], chosen["jabatan"]
            session.unit, session.memimpin = chosen["unit"] or "-", bool(chosen["memimpin"])
        from sandbox.tui.screens.beranda import BerandaScreen

        return self.app.push_screen(BerandaScreen())
