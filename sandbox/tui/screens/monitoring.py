"""Monitoring (operator: the pengelola kinerja): per period, each unit's rating progress, capaian
organisasi and curve; run the curve check (§1.4 step 16) and read why it passed or failed."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Header, Label, Select, Static

from sandbox.store import StoreError
from sandbox.tui.keybar import KeyBar
from sandbox.tui.screens.base import MenuScreen
from sandbox.tui.widgets import TextSelect, TextTable
from sandbox.workflow import PENGELOLA_KINERJA, WorkflowRefused, cek_kurva
from sandbox.workflow.kurva import monitoring
from sandbox.workflow.views import period_masters


class MonitoringScreen(MenuScreen):
    HELP_TOPIC = "monitoring"
    BINDINGS = [Binding("f8", "cek", "Cek kurva", id="monitoring.cek")]

    def __init__(self) -> None:
        super().__init__()
        self.master_id: int | None = None
        self.unit: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(self._m("tui.mon.periode"), classes="field-label", markup=False)
        yield TextSelect([], prompt=self._m("tui.eval.pilih_periode"), id="mon-periode")
        yield TextTable(id="mon-unit", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="mon-bawah"):
            yield Static("", markup=False, id="mon-hasil")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = self._m("tui.mon.subtitle")
        table = self.query_one("#mon-unit", DataTable)
        table.add_columns(*(self._m(f"tui.mon.col.{c}") for c in ("unit", "dinilai", "capaian", "kurva")))
        masters = period_masters(self.app.session.store)
        select = self.query_one("#mon-periode", Select)
        select.set_options([(m["nama"], m["id"]) for m in masters])
        if masters:
            select.value = masters[0]["id"]

    def on_screen_resume(self) -> None:
        self.refresh_view()

    @on(Select.Changed, "#mon-periode")
    def _period(self, event: Select.Changed) -> None:
        self.master_id = event.value if isinstance(event.value, int) else None
        self.refresh_view()

    def refresh_view(self) -> None:
        table = self.query_one("#mon-unit", DataTable)
        table.clear()
        if self.master_id is None:
            return
        for unit in monitoring(self.app.session.store, self.master_id, self._within()):
            table.add_row(unit["nama"], f"{unit['dinilai']}/{unit['jumlah']}", unit["capaian"] or "-",
                          unit["cek"] or "-", key=unit["unor_id"])

    def _within(self) -> str | None:
        """A classroom seat's pengelola sees only the seat's own units, never another seat's."""
        session = self.app.session
        if session.attempt_id is None:
            return None
        from sandbox.training.attempt import attempt_row

        return attempt_row(session.store, session.attempt_id)["unor_id"]

    @on(DataTable.RowHighlighted, "#mon-unit")
    def _unit(self, event: DataTable.RowHighlighted) -> None:
        self.unit = event.row_key.value if event.row_key is not None else None

    @on(DataTable.RowSelected, "#mon-unit")
    def action_cek(self) -> None:
        session = self.app.session
        if self.unit is None or self.master_id is None:
            return
        try:
            result = cek_kurva(session.store, PENGELOLA_KINERJA, self.unit, self.master_id)
        except (WorkflowRefused, StoreError) as refused:  # StoreError: an outage, a busy file
            self.query_one("#mon-hasil", Static).update(refused.render(session.lang))
            return
        counts = ", ".join(f"{k}: {v}" for k, v in result.jumlah.items())
        key = "tui.mon.sesuai" if result.sesuai else "tui.mon.melanggar"
        text = self._m(key, capaian=result.capaian, jumlah=counts)
        if result.pelanggaran:
            text += "\n" + "\n".join(f"  • {v}" for v in result.pelanggaran)
        self.query_one("#mon-hasil", Static).update(text)
        self.refresh_view()
