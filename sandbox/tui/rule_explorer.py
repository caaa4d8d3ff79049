"""Penjelajah Aturan: pick a decision, set its inputs, read the outcome and why (the trace).

Opened from an office, it evaluates on the office's virtual date (the practice clock), so the
parameters and packs in force are those of the trainee's year, never of the real calendar; alone
(`--rules`), on today's date within each pack's validity."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input, Label, ListItem, ListView, Select, Static

from sandbox.formatting import long_date
from sandbox.i18n import message
from sandbox.rules import Engine, EvaluationError, RulePack
from sandbox.rules.explain import render_evaluation
from sandbox.tui import messages_kantor  # noqa: F401 - the office date and the help text
from sandbox.tui.dialogs.bantuan import BantuanDialog
from sandbox.tui.keybar import KeyBar
from sandbox.tui.screens.base import localise_bindings
from sandbox.tui.widgets import TextSelect


class DecisionItem(ListItem):
    """One decision of one pack in the list on the left."""

    def __init__(self, pack: RulePack, decision: str) -> None:
        super().__init__(Label(f"{pack.id}\n  {decision}", markup=False))
        self.pack = pack
        self.decision = decision


class AturanBantuan(BantuanDialog):
    """F1's help dialog with its text under another key than `tui.help.<topic>` (the explorer's and
    the capaian screen's help live with their area's messages)."""

    def __init__(self, topic: str, lang: str = "id", *, key: str = "tui.ktr.help.aturan") -> None:
        super().__init__(topic, lang)
        self.key = key

    def compose(self) -> ComposeResult:
        from textual.widgets import Button, Markdown

        with Vertical(id="bantuan"):
            with VerticalScroll():
                yield Markdown(message(self.key, self.lang), id="bantuan-teks")
            yield Button(message("tui.tutup", self.lang), id="tutup", variant="primary")


class RuleExplorer(Screen):
    """Inputs on the left of the outcome; every change re-evaluates through the engine."""

    HELP_TOPIC = "aturan"
    BINDINGS = [Binding("escape", "back", "Kembali", id="rules.back"),
                Binding("f1", "bantuan", "Bantuan", id="app.bantuan")]

    def __init__(self, packs: list[RulePack], lang: str = "id") -> None:
        super().__init__()
        localise_bindings(self, lang)  # the footer's F1 and Esc in the user's language
        self.packs = packs
        self.lang = lang
        self.engine = Engine()
        self.current: DecisionItem | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="decisions"):
                yield Label(message("tui.decisions", self.lang), classes="title", markup=False)
                yield ListView(*(DecisionItem(p, d) for p in self.packs for d in p.decisions),
                               id="decision-list")
            with VerticalScroll(id="form") as form:
                form.can_focus = False  # Tab goes from the list straight to the first field
                yield Label(message("tui.pick_decision", self.lang), id="form-title",
                            classes="title", markup=False)
                yield Label("", id="tanggal-kantor", markup=False)
                yield Vertical(id="inputs")
                yield Label(message("tui.result", self.lang), classes="title", markup=False)
                yield Static("", id="result", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = "e-Kinerja Sandbox"
        self.sub_title = message("tui.subtitle", self.lang)
        self.query_one("#decision-list", ListView).focus()
        self._show_date()

    def on_screen_resume(self) -> None:
        """Back from help, or the clock moved meanwhile: the shown date and outcome follow it."""
        self._show_date()
        self.evaluate()

    def _show_date(self) -> None:
        on = self.office_date()
        label = self.query_one("#tanggal-kantor", Label)
        label.display = on is not None
        if on is not None:
            tanggal = long_date(on.isoformat(), self.lang)
            label.update(message("tui.ktr.atr.tanggal", self.lang, tanggal=tanggal))

    def office_date(self) -> dt.date | None:
        """The office's virtual date; None when the explorer runs alone, with no office open."""
        session = getattr(self.app, "session", None)
        if session is None:
            return None
        return dt.date.fromisoformat(session.virtual_today())

    def action_bantuan(self) -> None:
        self.app.push_screen(AturanBantuan(self.HELP_TOPIC, self.lang))

    @on(ListView.Selected, "#decision-list")
    @on(ListView.Highlighted, "#decision-list")
    async def _choose(self, event: ListView.Selected | ListView.Highlighted) -> None:
        item = event.item
        if isinstance(item, DecisionItem) and item is not self.current:
            self.current = item
            await self._build_form(item)

    async def _build_form(self, item: DecisionItem) -> None:
        """Replace the form; awaited, so a fast walk down the list never mounts two forms."""
        decision = item.pack.decisions[item.decision]
        self.query_one("#form-title", Label).update(
            f"{item.pack.id} — {decision.title}\n{message('tui.basis', self.lang)}: "
            f"{decision.cite}")
        box = self.query_one("#inputs", Vertical)
        await box.remove_children()
        widgets = []
        for name, spec in decision.inputs.items():
            widgets.append(Label(name, classes="field-label", markup=False))
            if spec.type == "enum":
                options = [(spec.labels.get(v, v), v) for v in spec.values]
                start = spec.default if spec.has_default else spec.values[0]
                widgets.append(TextSelect(options, value=start, allow_blank=False, id=f"in-{name}"))
            elif spec.type == "boolean":
                options = [(message("tui.no", self.lang), "false"),
                           (message("tui.yes", self.lang), "true")]
                start = "true" if spec.has_default and spec.default else "false"
                widgets.append(TextSelect(options, value=start, allow_blank=False, id=f"in-{name}"))
            else:
                start = spec.default if spec.has_default else (spec.minimum or 0)
                widgets.append(Input(str(start), id=f"in-{name}",
                                     type="integer" if spec.type == "integer" else "number"))
        await box.mount_all(widgets)
        self.evaluate()

    @on(Select.Changed)
    @on(Input.Changed)
    def _changed(self) -> None:
        self.evaluate()

    def evaluate(self) -> None:
        """Read the form, ask the engine, show outcome and trace (or the refusal, in words)."""
        if self.current is None:
            return
        decision = self.current.pack.decisions[self.current.decision]
        inputs = {}
        for name in decision.inputs:
            found = self.query(f"#in-{name}")
            if not found:
                return
            widget = found.first()
            inputs[name] = str(widget.value)
        result_box = self.query_one("#result", Static)
        on = self.office_date()
        outside = self._not_in_force(self.current.pack, on)
        if outside:
            result_box.update(Text(outside, style="bold"))
            return
        try:
            result = self.engine.evaluate(self.current.pack, self.current.decision, inputs, on=on)
        except EvaluationError as error:
            result_box.update(Text(error.render(self.lang), style="bold red"))
            return
        text = render_evaluation(self.current.pack, result, self.lang)
        # the evaluation date as people write it, not its ISO code (the header's only date)
        text = text.replace(result.on.isoformat(), long_date(result.on.isoformat(), self.lang), 1)
        result_box.update(Text(text))

    def _not_in_force(self, pack: RulePack, on: dt.date | None) -> str:
        """Why a pack cannot be evaluated on the office date, in words; "" when it can."""
        if on is None:
            return ""
        words = {"pack": pack.id, "tanggal": long_date(on.isoformat(), self.lang)}
        if on < pack.effective_from:
            return message("tui.ktr.atr.belum_berlaku", self.lang, **words,
                           mulai=long_date(pack.effective_from.isoformat(), self.lang))
        if pack.effective_to and on > pack.effective_to:
            return message("tui.ktr.atr.berakhir", self.lang, **words,
                           sampai=long_date(pack.effective_to.isoformat(), self.lang))
        return ""

    def action_back(self) -> None:
        """Back to the office when opened from it; alone, there is nothing underneath."""
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
