"""Monitoring (operator: the pengelola kinerja): per period, each unit's rating progress, capaian
organisasi, curve, and completion by status (how many SKP are draf, diajukan, disetujui; how many
periods are being filled, dinilai, terkunci, dokumen terbit, final); run the curve check (§1.4 step
16) and read why it passed or failed; F7 opens Capaian Organisasi for the unit in focus."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, DataTable, Header, Label, Select, Static

from sandbox.errors import SandboxError
from sandbox.tui import messages_kantor  # noqa: F401 - the status words and the capaian key
from sandbox.tui.keybar import KeyBar
from sandbox.tui.screens.base import MenuScreen
from sandbox.tui.widgets import TextSelect, TextTable
from sandbox.workflow import PENGELOLA_KINERJA, cek_kurva
from sandbox.workflow.dokumen import kata_aturan
from sandbox.workflow.kurva import PERIODE_KOLOM, SKP_KOLOM, monitoring
from sandbox.workflow.views import period_masters


class MonitoringScreen(MenuScreen):
    HELP_TOPIC = "monitoring"
    BINDINGS = [Binding("f8", "cek", "Cek kurva", id="monitoring.cek"),
                Binding("f7", "capaian", "Capaian organisasi", id="monitoring.capaian")]

    def __init__(self) -> None:
        super().__init__()
        self.master_id: int | None = None
        self.unit: str | None = None
        self.board: dict[str, dict] = {}
        self.masters: dict[int, str] = {}
        table = self._bindings.key_to_bindings  # the F7 label in the session's language
        table["f7"] = [replace(b, description=self._m("tui.ktr.key.capaian")) for b in table["f7"]]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(self._m("tui.mon.periode"), classes="field-label", markup=False)
        yield TextSelect([], prompt=self._m("tui.eval.pilih_periode"), id="mon-periode")
        yield TextTable(id="mon-unit", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="mon-bawah"):
            yield Static("", markup=False, id="mon-status")
            yield Button(self._m("tui.ktr.mon.capaian"), id="mon-capaian", compact=True)
            yield Static("", markup=False, id="mon-hasil")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = self._m("tui.mon.subtitle")
        table = self.query_one("#mon-unit", DataTable)
        table.add_columns(self._m("tui.mon.col.unit"), self._m("tui.ktr.mon.col.sudah"),
                          self._m("tui.mon.col.capaian"), self._m("tui.mon.col.kurva"),
                          *(self._m(f"tui.ktr.skp.{k}") for k in SKP_KOLOM),
                          *(self._m(f"tui.ktr.per.{k}") for k in PERIODE_KOLOM))
        self.words = kata_aturan(self.app.session.store.db)
        masters = period_masters(self.app.session.store)
        select = self.query_one("#mon-periode", Select)
        self.masters = {m["id"]: m["nama"] for m in masters}
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
        board = monitoring(self.app.session.store, self.master_id, self._within())
        self.board = {unit["unor_id"]: unit for unit in board}
        for unit in board:
            counts = unit["pengisian"]
            table.add_row(unit["nama"], f"{unit['dinilai']}/{unit['jumlah']}", self._capaian(unit["capaian"]),
                          self._m(f"tui.ktr.cek.{unit['cek']}") if unit["cek"] else "-",
                          *(str(counts[k]) for k in (*SKP_KOLOM, *PERIODE_KOLOM)), key=unit["unor_id"])
        if self.unit is not None and self.unit in table.rows:  # the unit in focus stays in focus
            table.move_cursor(row=table.get_row_index(self.unit), animate=False)

    def _capaian(self, value: str | None) -> str:
        """The capaian organisasi as the pack words it (Istimewa, Baik, Butuh Perbaikan (Cukup), …)."""
        if not value:
            return self._m("tui.ktr.cap.belum")
        return self.words.get(f"org:{value}") or value.replace("_", " ").capitalize()

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
        self.query_one("#mon-status", Static).update(self._status_line(self.board.get(self.unit)))

    def _status_line(self, unit: dict | None) -> str:
        """The unit in focus by status, in one line that fits 80 columns (the table's status columns
        lie to the right of the screen): only the states someone is in."""
        if unit is None:
            return ""
        counts = unit["pengisian"]

        def words(kind: str, keys: tuple[str, ...]) -> str:
            said = [f"{self._m(f'tui.ktr.{kind}.{k}')} {counts[k]}" for k in keys if counts[k]]
            return ", ".join(said) or "-"

        return self._m("tui.ktr.mon.status", unit=unit["nama"], skp=words("skp", SKP_KOLOM),
                       periode=self.masters.get(self.master_id, "-"), status=words("per", PERIODE_KOLOM))

    @on(DataTable.RowSelected, "#mon-unit")
    def action_cek(self) -> None:
        session = self.app.session
        if self.unit is None or self.master_id is None:
            return
        try:
            result = cek_kurva(session.store, PENGELOLA_KINERJA, self.unit, self.master_id)
        except SandboxError as refused:  # StoreError: an outage, a busy file
            self.query_one("#mon-hasil", Static).update(refused.render(session.lang))
            self.query_one("#mon-hasil").scroll_visible(animate=False)
            self.notify(refused.render(session.lang), severity="warning", timeout=10, markup=False)
            return
        counts = ", ".join(f"{self.words.get(k, k)} {v}" for k, v in result.jumlah.items())
        key = "tui.ktr.mon.sesuai" if result.sesuai else "tui.ktr.mon.melanggar"
        nama = self.board.get(self.unit, {}).get("nama", "-")
        text = self._m(key, unit=nama, capaian=self._capaian(result.capaian), jumlah=counts)
        if result.pelanggaran:
            text += "\n" + "\n".join(f"  • {v}" for v in result.pelanggaran)
        self.query_one("#mon-hasil", Static).update(text)
        self.query_one("#mon-hasil").scroll_visible(animate=False)
        self.notify(text, severity="information" if result.sesuai else "warning", timeout=10, markup=False)
        self.refresh_view()

    @on(Button.Pressed, "#mon-capaian")
    def action_capaian(self) -> None:
        """Open Capaian Organisasi on this period and the unit in focus."""
        from sandbox.tui.screens.capaian import CapaianScreen

        self.app.push_screen(CapaianScreen(self.master_id, self.unit))
