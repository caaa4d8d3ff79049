"""Keberatan (atasan pejabat penilai): read each objection waiting for you, then accept it with new
ratings or reject it, with a note; the decision is final (PP 30/2019 Pasal 59). The workflow checks
who may decide and computes the new predikat from the rule pack."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Header, Input, Label, Select, Static

from sandbox.store import StoreError
from sandbox.tui.keybar import KeyBar
from sandbox.tui.screens.base import MenuScreen
from sandbox.tui.widgets import TextSelect, TextTable
from sandbox.workflow import WorkflowRefused, putuskan_keberatan
from sandbox.workflow.views import keberatan_to_decide

RATINGS = ("di_atas", "sesuai", "di_bawah")


class KeberatanScreen(MenuScreen):
    HELP_TOPIC = "keberatan"

    def __init__(self) -> None:
        super().__init__()
        self.case_id: int | None = None

    def compose(self) -> ComposeResult:
        m = self._m
        ratings = [(m(f"tui.rating.{r}"), r) for r in RATINGS]
        yield Header()
        yield TextTable(id="daftar-keberatan", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="keberatan"):
            yield Static("", markup=False, id="keberatan-isi")
            yield TextSelect(
                [(m("tui.kbr.tolak"), "tolak"), (m("tui.kbr.terima"), "terima")],
                prompt=m("tui.kbr.keputusan"),
                id="keputusan",
            )
            with Horizontal(classes="pair"):
                yield TextSelect(ratings, prompt=m("tui.nilai.hk"), id="kbr-hk")
                yield TextSelect(ratings, prompt=m("tui.nilai.pk"), id="kbr-pk")
            yield Input(placeholder=m("tui.kbr.catatan"), id="kbr-catatan")
            yield Button(m("tui.kbr.putuskan"), id="putuskan", variant="primary")
            yield Static("", markup=False, id="kbr-error", classes="error")
            yield Label("", id="kbr-hasil", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = self._m("tui.kbr.subtitle")
        table = self.query_one("#daftar-keberatan", DataTable)
        table.add_columns(*(self._m(f"tui.kbr.col.{c}") for c in ("nama", "periode", "predikat", "diajukan")))

    def on_screen_resume(self) -> None:
        self.refresh_table()
        self.query_one("#daftar-keberatan", DataTable).focus()

    def refresh_table(self) -> None:
        session = self.app.session
        self.cases = {c["id"]: c for c in keberatan_to_decide(session.store, session.actor)}
        table = self.query_one("#daftar-keberatan", DataTable)
        table.clear()
        for c in self.cases.values():
            table.add_row(
                c["nama"], c["periode"], c["predikat"] or "-", (c["filed_at"] or "")[:10], key=str(c["id"])
            )
        if self.case_id not in self.cases:
            self.case_id = next(iter(self.cases), None)
        self.refresh_detail()

    @on(DataTable.RowHighlighted, "#daftar-keberatan")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.case_id = int(event.row_key.value)
        self.refresh_detail()

    def refresh_detail(self) -> None:
        case = self.cases.get(self.case_id) if self.case_id is not None else None
        text = (
            self._m("tui.kbr.kosong")
            if case is None
            else self._m(
                "tui.kbr.isi",
                nama=case["nama"],
                periode=case["periode"],
                predikat=case["predikat"] or "-",
                hk=case["rating_hk"] or "-",
                pk=case["rating_pk"] or "-",
                alasan=case["alasan"],
            )
        )
        self.query_one("#keberatan-isi", Static).update(text)

    @on(Button.Pressed, "#putuskan")
    def _decide(self) -> None:
        session = self.app.session
        error = self.query_one("#kbr-error", Static)
        choice = self.query_one("#keputusan", Select)
        if self.case_id is None or choice.is_blank():
            error.update(self._m("tui.kbr.pilih_dulu"))
            return
        hk, pk = self.query_one("#kbr-hk", Select), self.query_one("#kbr-pk", Select)
        try:
            predikat = putuskan_keberatan(
                session.store,
                session.actor,
                self.case_id,
                diterima=choice.value == "terima",
                catatan=self.query_one("#kbr-catatan", Input).value,
                rating_hk=None if hk.is_blank() else str(hk.value),
                rating_pk=None if pk.is_blank() else str(pk.value),
            )
        except (WorkflowRefused, StoreError) as refused:  # StoreError: an outage, a busy file
            error.update(refused.render(session.lang))
            return
        error.update("")
        self.query_one("#kbr-hasil", Label).update(self._m("tui.kbr.diputus", predikat=predikat))
        self.query_one("#kbr-catatan", Input).value = ""
        self.refresh_table()
