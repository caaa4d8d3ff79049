"""Capaian Kinerja Organisasi: per period, each unit's result and who sets it; the one who sets it
(the unit head's superior, or the Kepala Daerah — played by the trainer — for the head of the
office) chooses a unit and a value and confirms. The pengelola kinerja opens it from Monitoring to
see what the curve check waits for; the workflow does not let anyone set it for someone else."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Header, Select, Static

from sandbox.errors import SandboxError
from sandbox.tui import messages_kantor  # noqa: F401 - this screen's messages
from sandbox.tui.dialogs.konfirmasi import ask
from sandbox.tui.keybar import KeyBar
from sandbox.tui.screens.base import MenuScreen
from sandbox.tui.widgets import TextSelect, TextTable
from sandbox.workflow import KEPALA_DAERAH
from sandbox.workflow.kurva import capaian_choices, capaian_units
from sandbox.workflow.penilaian import tetapkan_capaian_organisasi
from sandbox.workflow.views import period_masters, person


class CapaianScreen(MenuScreen):
    HELP_TOPIC = "capaian"
    # at 80×24 the table gives way, so the value, the button and the message stay on screen
    DEFAULT_CSS = """
    CapaianScreen #cap-unit { height: 1fr; min-height: 4; }
    CapaianScreen #cap-baris { height: auto; margin-top: 0; }
    CapaianScreen #cap-pesan { height: auto; max-height: 4; }
    """

    def __init__(self, master_id: int | None = None, unor_id: str | None = None) -> None:
        super().__init__()
        self.master_id = master_id
        self.unit = unor_id
        self.units: dict[str, dict] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield TextSelect([], prompt=self._m("tui.eval.pilih_periode"), id="cap-periode")
        yield TextTable(id="cap-unit", cursor_type="row", zebra_stripes=True)
        yield Static("", markup=False, id="cap-petunjuk")
        with Horizontal(classes="buttons", id="cap-baris"):
            yield TextSelect([], prompt=self._m("tui.ktr.cap.pilih_nilai"), id="cap-nilai")
            yield Button(self._m("tui.ktr.cap.tetapkan"), id="cap-tetapkan", variant="primary", compact=True)
        yield Static("", markup=False, id="cap-pesan", classes="error")
        yield KeyBar()

    def on_mount(self) -> None:
        session = self.app.session
        self.sub_title = self._m("tui.ktr.cap.subtitle")
        self.words = dict(capaian_choices(session.store))
        self.query_one("#cap-nilai", Select).set_options([(w, v) for v, w in self.words.items()])
        table = self.query_one("#cap-unit", DataTable)
        table.add_columns(*(self._m(f"tui.ktr.cap.col.{c}") for c in ("unit", "capaian", "penetap")))
        masters = period_masters(session.store)
        select = self.query_one("#cap-periode", Select)
        select.set_options([(m["nama"], m["id"]) for m in masters])
        if self.master_id is None and masters:
            self.master_id = masters[0]["id"]
        if self.master_id is not None:
            select.value = self.master_id
        self.refresh_view()
        table.focus()

    def on_screen_resume(self) -> None:
        self.refresh_view()

    @on(Select.Changed, "#cap-periode")
    def _period(self, event: Select.Changed) -> None:
        if isinstance(event.value, int) and event.value != self.master_id:
            self.master_id = event.value
            self.refresh_view()

    def _within(self) -> str | None:
        """A classroom seat sees only its own units (as on Monitoring)."""
        session = self.app.session
        if session.attempt_id is None:
            return None
        from sandbox.training.attempt import attempt_row

        return attempt_row(session.store, session.attempt_id)["unor_id"]

    def acts_as(self, penetap: str) -> str | None:
        """Under which name this persona sets a unit whose setter is `penetap`, or None: the setter
        themself, or the trainer playing the Kepala Daerah (the sandbox's pseudo-actor)."""
        session = self.app.session
        if session.actor == penetap:
            return penetap
        if penetap == KEPALA_DAERAH and session.is_trainer:
            return KEPALA_DAERAH
        return None

    def setter_name(self, penetap: str) -> str:
        if penetap == KEPALA_DAERAH:
            return self._m("tui.ktr.cap.kepala_daerah")
        found = person(self.app.session.store, penetap)
        return f"{found['nama']} ({found['jabatan']})" if found else penetap

    def refresh_view(self) -> None:
        """Refill the table, keeping the unit in focus on its row (a selection never moves)."""
        table = self.query_one("#cap-unit", DataTable)
        table.clear()
        if self.master_id is None:
            return
        units = capaian_units(self.app.session.store, self.master_id, self._within())
        self.units = {u["id"]: u for u in units}
        mine = 0
        for unit in units:
            value = self.words.get(unit["capaian"], unit["capaian"]) if unit["capaian"] else None
            own = self.acts_as(unit["penetap"]) is not None
            mine += own
            setter = ("✎ " + self._m("tui.ktr.cap.anda")) if own else self.setter_name(unit["penetap"])
            table.add_row(unit["nama"], value or self._m("tui.ktr.cap.belum"), setter, key=unit["id"])
        self.query_one("#cap-petunjuk", Static).update(
            self._m("tui.ktr.cap.petunjuk" if mine else "tui.ktr.cap.petunjuk_kosong"))
        if self.unit in self.units:
            table.move_cursor(row=table.get_row_index(self.unit), animate=False)

    @on(DataTable.RowHighlighted, "#cap-unit")
    def _unit(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key is not None and event.row_key.value in self.units:
            self.unit = event.row_key.value

    @on(DataTable.RowSelected, "#cap-unit")
    def _to_value(self) -> None:
        self.query_one("#cap-nilai", Select).focus()

    def _say(self, text: str, severity: str = "warning") -> None:
        """Beside the value field and as a notification: seen at 80×24 without scrolling."""
        self.query_one("#cap-pesan", Static).update(text)
        self.notify(text, severity=severity, timeout=10, markup=False)

    @on(Button.Pressed, "#cap-tetapkan")
    def action_tetapkan(self) -> None:
        session = self.app.session
        unit = self.units.get(self.unit or "")
        value = self.query_one("#cap-nilai", Select).value
        if unit is None:
            self._say(self._m("tui.ktr.cap.perlu_unit"))
            return
        actor = self.acts_as(unit["penetap"])
        if actor is None:
            self._say(self._m("tui.ktr.cap.bukan_anda", unit=unit["nama"],
                              penetap=self.setter_name(unit["penetap"])))
            return
        if not isinstance(value, str) or value not in self.words:
            self._say(self._m("tui.ktr.cap.perlu_nilai"))
            return
        periode = next((m["nama"] for m in period_masters(session.store) if m["id"] == self.master_id), "-")
        words = {"unit": unit["nama"], "periode": periode, "nilai": self.words[value]}
        unor_id, master_id = unit["id"], self.master_id

        def save() -> None:
            try:
                tetapkan_capaian_organisasi(session.store, actor, unor_id, master_id, value)
            except SandboxError as refused:  # StoreError: an outage, a busy file
                alasan = refused.render(session.lang)
                self._say(self._m("tui.ktr.cap.ditolak", unit=unit["nama"], alasan=alasan))
                return
            self.query_one("#cap-pesan", Static).update("")
            self.notify(self._m("tui.ktr.cap.ok", **words), timeout=10, markup=False)
            self.refresh_view()

        ask(self, self._m("tui.ktr.cap.tanya", oleh=self.setter_name(unit["penetap"]), **words),
            self._m("tui.ktr.cap.ya", nilai=words["nilai"]), save)

    def action_bantuan(self) -> None:
        """F1: this screen's help (its text lives with this area's messages)."""
        from sandbox.tui.rule_explorer import AturanBantuan

        self.app.push_screen(AturanBantuan(self.HELP_TOPIC, self.app.session.lang,
                                           key="tui.ktr.help.capaian"))
