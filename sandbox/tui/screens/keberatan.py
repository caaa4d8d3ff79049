"""Keberatan (atasan pejabat penilai): read each objection waiting for you, then accept it with new
ratings or reject it, with a note; the decision is final (PP 30/2019 Pasal 59). The workflow checks
who may decide and computes the new predikat from the rule pack. Ratings, predikat and dates are
said in words, the keberatan window's last day included (sandbox.tui.messages_pejabat)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Header, Input, Label, Select, Static

from sandbox.errors import SandboxError
from sandbox.formatting import long_date
from sandbox.tui.dialogs.konfirmasi import ask
from sandbox.tui.keybar import KeyBar
from sandbox.tui.messages_pejabat import predikat_kata, rating_kata, tolakan
from sandbox.tui.screens.base import MenuScreen
from sandbox.tui.widgets import TextSelect, TextTable
from sandbox.workflow import putuskan_keberatan
from sandbox.workflow.keberatan import batas_keberatan
from sandbox.workflow.views import keberatan_to_decide

RATINGS = ("di_atas", "sesuai", "di_bawah")


class KeberatanScreen(MenuScreen):
    HELP_TOPIC = "keberatan"

    def __init__(self) -> None:
        super().__init__()
        self.case_id: int | None = None
        self.selected_once = False  # the user has chosen a row (before that, row 1 is the choice)
        self._reload_events = 0  # row-1 highlights posted by reloads, not yet handled

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
        """Reload the list and keep the same objection selected, by its id (never by its row
        number): a decision must never move to another person's objection."""
        session = self.app.session
        self.cases = {c["id"]: c for c in keberatan_to_decide(session.store, session.actor)}
        table = self.query_one("#daftar-keberatan", DataTable)
        keep = self.case_id
        table.clear()
        lang = session.lang
        for c in self.cases.values():
            table.add_row(c["nama"], c["periode"], predikat_kata(c["predikat"], lang),
                          long_date(c["filed_at"] or "-", lang), key=str(c["id"]))
        self._reload_events += 1 if self.cases else 0  # a reload posts one highlight of row 1
        if keep in self.cases:
            table.move_cursor(row=table.get_row_index(str(keep)))
        elif keep is not None:  # decided, or gone meanwhile: pick nothing until the user does
            self.case_id = None
            self.selected_once = True
        elif not self.selected_once:  # nothing chosen yet: the first objection is the one shown
            self.case_id = next(iter(self.cases), None)
        self.refresh_detail()

    @on(DataTable.RowHighlighted, "#daftar-keberatan")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value
        if self._reload_events and event.cursor_row == 0:  # posted by a reload, not by the user
            self._reload_events -= 1
            if self.case_id is not None or self.selected_once:  # the selection stays
                return
        self.case_id = int(key)
        self.selected_once = True
        self.refresh_detail()

    def refresh_detail(self) -> None:
        """The objection in words: ratings and predikat as named, the day it was filed and the last
        day of the window (from the rule pack in force), never codes or ISO dates."""
        case = self.cases.get(self.case_id) if self.case_id is not None else None
        if case is None:
            self.query_one("#keberatan-isi", Static).update(self._m("tui.kbr.kosong"))
            return
        session = self.app.session
        lang = session.lang
        batas = batas_keberatan(session.store, case["periode_id"])
        text = self._m(
            "tui.pjb.kbr.isi",
            nama=case["nama"],
            periode=case["periode"],
            predikat=predikat_kata(case["predikat"], lang),
            hk=rating_kata(case["rating_hk"], lang),
            pk=rating_kata(case["rating_pk"], lang),
            diajukan=long_date(case["filed_at"] or "-", lang),
            batas=long_date(batas, lang) if batas else "-",
            alasan=case["alasan"],
        )
        self.query_one("#keberatan-isi", Static).update(text)

    def _refuse(self, text: str, focus: str | None = None) -> None:
        """A refusal: beside the form (scrolled into view) and as a notification (seen at 80×24);
        the field to fix, when there is one, gets the focus."""
        beside = self.query_one("#kbr-error", Static)
        beside.update(text)
        beside.scroll_visible(animate=False)
        self.notify(text, severity="warning", timeout=10, markup=False)
        if focus:
            self.query_one(focus).focus()

    @on(Button.Pressed, "#putuskan")
    def _decide(self) -> None:
        """Ask first, naming whose objection, the period and the decision, read from the workflow
        now; then decide that objection (by its id), whatever row is highlighted by then."""
        session = self.app.session
        choice = self.query_one("#keputusan", Select)
        if self.case_id is None or choice.is_blank():
            self._refuse(self._m("tui.kbr.pilih_dulu"))
            return
        fresh = {c["id"]: c for c in keberatan_to_decide(session.store, session.actor)}
        case = fresh.get(self.case_id)
        if case is None:
            self._refuse(self._m("tui.putus.hilang"))
            self.case_id, self.selected_once = None, True  # nothing is picked in its place
            self.refresh_table()
            return
        hk, pk = self.query_one("#kbr-hk", Select), self.query_one("#kbr-pk", Select)
        rating_hk = None if hk.is_blank() else str(hk.value)
        rating_pk = None if pk.is_blank() else str(pk.value)
        diterima = choice.value == "terima"
        catatan = self.query_one("#kbr-catatan", Input).value
        if diterima and (rating_hk is None or rating_pk is None):
            self._refuse(self._m("tui.pjb.kbr.rating_wajib"), "#kbr-hk" if rating_hk is None else "#kbr-pk")
            return
        if not catatan.strip():  # the field says it is required; the decision is final
            self._refuse(self._m("tui.pjb.kbr.catatan_wajib"), "#kbr-catatan")
            return
        case_id = case["id"]
        if diterima:
            question = self._m(
                "tui.putus.terima_tanya", nama=case["nama"], periode=case["periode"],
                hk=rating_kata(rating_hk, session.lang), pk=rating_kata(rating_pk, session.lang))
        else:
            question = self._m("tui.putus.tolak_tanya", nama=case["nama"], periode=case["periode"],
                               predikat=predikat_kata(case["predikat"], session.lang))

        def decide() -> None:
            try:
                predikat = putuskan_keberatan(
                    session.store, session.actor, case_id, diterima=diterima, catatan=catatan,
                    rating_hk=rating_hk, rating_pk=rating_pk,
                )
            except SandboxError as refused:  # StoreError: an outage, a busy file
                self._refuse(tolakan(refused, session.lang))
                return
            self.query_one("#kbr-error", Static).update("")
            said = self._m("tui.kbr.diputus", predikat=predikat_kata(predikat, session.lang))
            self.query_one("#kbr-hasil", Label).update(said)
            self.notify(said, markup=False)
            self.query_one("#kbr-catatan", Input).value = ""
            self.refresh_table()

        ask(self, question, self._m("tui.putus.keberatan_ya"), decide)
