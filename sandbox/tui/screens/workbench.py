"""Meja Kerja Regulator: pick two packs, change one parameter into a new reform, run a synthetic
population through both, and read what changes (predikat, transitions, curve, TPP, angka kredit).

The screen only gathers choices and shows results: `sim.reform` writes and checks the reform file,
`sim.compare` runs the population (in a thread, one process: no fork under a running app), and
`sim.report` lays out the same tables the CLI prints and exports.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Header, Input, Label, ProgressBar, Select, Static

from sandbox.formatting import angka
from sandbox.limits import STAFF_MAX_INTERACTIVE
from sandbox.rules.loader import check_pack
from sandbox.rules.registry import default_rules_dir
from sandbox.sim.behaviour import PREDIKAT
from sandbox.sim.reform import ReformRefused, editable_parameters, parse_value, write_parameter_reform
from sandbox.sim.rulebook import SimError
from sandbox.tui.keybar import KeyBar
from sandbox.tui.screens.base import AppScreen
from sandbox.tui.widgets import TextSelect, TextTable

SHOWN_TABLES = ("predikat", "transisi", "kurva", "kurva_aturan", "total")


class WorkbenchScreen(AppScreen):
    HELP_TOPIC = "workbench"
    BINDINGS = [
        Binding("f5", "jalankan", "Jalankan", id="workbench.jalankan"),
        Binding("f6", "simpan", "Simpan reformasi", id="workbench.simpan"),
        Binding("f8", "ekspor", "Ekspor", id="workbench.ekspor"),
        Binding("escape", "back", "Kembali", id="menu.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.outcome = None
        self.running = False

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="wb"):
            with Horizontal(classes="wb-row"):
                with Vertical():
                    yield Label(self._m("tui.wb.dasar"), classes="field-label", markup=False)
                    yield TextSelect(self._base_options(), id="wb-dasar", prompt=self._m("tui.wb.dasar"))
                with Vertical():
                    yield Label(self._m("tui.wb.reformasi"), classes="field-label", markup=False)
                    yield TextSelect(self._all_options(), id="wb-reformasi",
                                     prompt=self._m("tui.wb.reformasi"))
            yield Label(self._m("tui.wb.ubah"), classes="title", markup=False)
            with Horizontal(classes="wb-row"):
                with Vertical():
                    yield Label(self._m("tui.wb.parameter"), classes="field-label", markup=False)
                    yield TextSelect([], id="wb-parameter", prompt=self._m("tui.wb.pilih_parameter"))
                with Vertical():
                    yield Label(self._m("tui.wb.nilai"), classes="field-label", markup=False)
                    yield Input(id="wb-nilai", classes="no-draft")
                with Vertical():
                    yield Label(self._m("tui.wb.nama"), classes="field-label", markup=False)
                    yield Input(id="wb-nama", classes="no-draft", placeholder="kuota-baik-60")
            yield Static("", markup=False, id="wb-parameter-info")
            yield Button(self._m("tui.wb.tombol_simpan"), id="wb-simpan")
            yield Label(self._m("tui.wb.populasi"), classes="title", markup=False)
            with Horizontal(classes="wb-row"):
                with Vertical():
                    yield Label(self._m("tui.wb.pegawai"), classes="field-label", markup=False)
                    yield Input("2000", id="wb-pegawai", classes="no-draft", type="integer")
                with Vertical():
                    yield Label(self._m("tui.wb.seed"), classes="field-label", markup=False)
                    yield Input("1", id="wb-seed", classes="no-draft", type="integer")
            yield Button(self._m("tui.wb.tombol_jalankan"), id="wb-jalankan", variant="primary")
            yield ProgressBar(id="wb-progres", total=100, show_eta=False)
            yield Static("", markup=False, id="wb-pesan")
            yield Static("", markup=False, id="wb-grafik")
            yield Vertical(id="wb-hasil")
        yield KeyBar()

    def on_mount(self) -> None:  # AppScreen.on_mount runs too (Textual calls each class's handler)
        self.sub_title = self._m("tui.wb.subtitle")
        self._fill_packs()

    def _base_options(self) -> list:
        return [(p.id, p.id) for p in self.app.packs if p.extends is None]

    def _all_options(self) -> list:
        return [(p.id, p.id) for p in self.app.packs]

    def _fill_packs(self, choose_reform: str | None = None) -> None:
        packs = self.app.packs
        bases = [p for p in packs if p.extends is None]
        base_select = self.query_one("#wb-dasar", Select)
        reform_select = self.query_one("#wb-reformasi", Select)
        if choose_reform:
            reform_select.set_options(self._all_options())
        if bases and base_select.value not in [p.id for p in bases]:
            base_select.value = next((p.id for p in bases if p.id == "permenpanrb-6-2022"), bases[0].id)
        reforms = [p for p in packs if p.extends is not None]
        if choose_reform:
            reform_select.value = choose_reform
        elif reforms:
            reform_select.value = reforms[0].id

    def _pack(self, pack_id):
        return next((p for p in self.app.packs if p.id == pack_id), None)

    @on(Select.Changed, "#wb-dasar")
    def _base_changed(self, event: Select.Changed) -> None:
        base = self._pack(event.value)
        names = editable_parameters(base) if base else []
        self.query_one("#wb-parameter", Select).set_options([(name, name) for name in names])

    @on(Select.Changed, "#wb-parameter")
    def _parameter_changed(self, event: Select.Changed) -> None:
        base = self._pack(self.query_one("#wb-dasar", Select).value)
        info = self.query_one("#wb-parameter-info", Static)
        if base is None or not isinstance(event.value, str):
            info.update("")
            return
        parameter = base.parameters[event.value]
        in_force = parameter.value_on(dt.date.today())
        current = in_force[0] if in_force else parameter.values[-1][1]
        choices = f" ({', '.join(parameter.choices)})" if parameter.choices else ""
        shown = str(current)
        if self.app.session.lang == "id" and isinstance(current, float):
            shown = shown.replace(".", ",")
        info.update(self._m("tui.wb.info", deskripsi=parameter.description, nilai=shown,
                            pilihan=choices, sumber=parameter.cite)
                    + (f"\n⚠ {parameter.uncertain.strip()}" if parameter.uncertain else ""))
        self.query_one("#wb-nilai", Input).value = shown

    # -- a new reform from one parameter ---------------------------------------------------------------
    @on(Button.Pressed, "#wb-simpan")
    def action_simpan(self) -> None:
        lang = self.app.session.lang
        message_line = self.query_one("#wb-pesan", Static)
        base = self._pack(self.query_one("#wb-dasar", Select).value)
        name = self.query_one("#wb-parameter", Select).value
        if base is None or not isinstance(name, str):
            message_line.update(self._m("tui.wb.pilih_dulu"))
            return
        try:
            value = parse_value(base, name, self.query_one("#wb-nilai", Input).value)
            reform_id = self.query_one("#wb-nama", Input).value.strip()
            path, pack = write_parameter_reform(base, name, value, reform_id, self._reform_folder())
        except ReformRefused as refused:
            message_line.update(refused.render(lang))
            return
        self.app._packs = None  # the pack list now includes the new reform
        self._fill_packs(choose_reform=pack.id)
        _pack, problems = check_pack(path)
        message_line.update(self._m("tui.wb.tersimpan", path=str(path), pack=pack.id,
                                    masalah=len(problems)))

    def _reform_folder(self) -> Path:
        """rules/reforms/, or a classroom seat's own folder (a seat never writes into the shared rules)."""
        workdir = self.app.session.workdir
        return Path(workdir) if workdir else default_rules_dir() / "reforms"

    def _results_root(self) -> Path:
        workdir = self.app.session.workdir
        return Path(workdir) if workdir else Path.cwd()

    # -- running ----------------------------------------------------------------------------------------
    @on(Button.Pressed, "#wb-jalankan")
    def action_jalankan(self) -> None:
        if self.running:
            return
        message_line = self.query_one("#wb-pesan", Static)
        try:
            staff = int(self.query_one("#wb-pegawai", Input).value)
            seed = int(self.query_one("#wb-seed", Input).value)
        except ValueError:
            message_line.update(self._m("tui.wb.angka"))
            return
        if not 1 <= staff <= STAFF_MAX_INTERACTIVE:
            message_line.update(self._m("tui.wb.batas_pegawai", maks=angka(STAFF_MAX_INTERACTIVE)))
            return
        base = self.query_one("#wb-dasar", Select).value
        reform = self.query_one("#wb-reformasi", Select).value
        packs = [self._pack(base), self._pack(reform)]
        if None in packs:
            message_line.update(self._m("tui.wb.pilih_dulu"))
            return
        self.running = True
        message_line.update(self._m("tui.wb.berjalan", staff=staff))
        self.query_one("#wb-progres", ProgressBar).update(total=staff, progress=0)
        self._run([str(p.files[0]) for p in packs], staff, seed)

    @work(thread=True, exclusive=True)
    def _run(self, references: list, staff: int, seed: int) -> None:
        from sandbox.sim.compare import Request, default_out, run

        out = self._results_root() / default_out(references, str(staff), seed)
        progress = self.query_one("#wb-progres", ProgressBar)
        try:
            outcome = run(Request(references, staff=staff, seed=seed, out=out, workers=1),
                          lambda done, total: self.app.call_from_thread(progress.update, progress=done))
        except SimError as error:
            self.app.call_from_thread(self._failed, error.render(self.app.session.lang))
            return
        except Exception as error:  # noqa: BLE001 - a failed run is a message, never a closed app
            self.app.call_from_thread(self._failed, self._m("tui.wb.gagal", detail=f"{type(error).__name__}: "
                                                                          f"{error}"))
            return
        self.app.call_from_thread(self._show, outcome, out)

    def _failed(self, text: str) -> None:
        self.running = False
        self.query_one("#wb-pesan", Static).update(text)

    def _show(self, outcome, out: Path) -> None:
        from sandbox.sim.report import rendered_rows, tables

        self.running = False
        self.outcome, self.out = outcome, out
        summary = outcome.summary
        a, b = (summary.totals[label] for label in outcome.labels)
        self.query_one("#wb-pesan", Static).update(self._m(
            "tui.wb.selesai", staff=f"{summary.pegawai:,}".replace(",", "."),
            detik=_seconds(outcome.seconds, self.app.session.lang),
            a=outcome.labels[0], b=outcome.labels[1]))
        self.query_one("#wb-grafik", Static).update(_chart(a.predikat[-1], b.predikat[-1], a.pegawai))
        self.call_after_refresh(lambda: self.query_one("#wb-pesan", Static).scroll_visible(top=True))
        area = self.query_one("#wb-hasil", Vertical)
        area.remove_children()
        for table in tables(outcome):
            if table.key not in SHOWN_TABLES:
                continue
            grid = TextTable(id=f"wb-tabel-{table.key}", zebra_stripes=True, cursor_type="row")
            area.mount(Label(table.title, classes="title", markup=False))
            area.mount(grid)
            grid.add_columns(*map(str, table.columns))
            for row in rendered_rows(table):
                grid.add_row(*row)

    def action_ekspor(self) -> None:
        from sandbox.sim.report import write_exports

        if self.outcome is None:
            self.query_one("#wb-pesan", Static).update(self._m("tui.wb.belum"))
            return
        try:
            written = write_exports(self.outcome, self.out)
        except OSError as error:
            self.query_one("#wb-pesan", Static).update(self._m("tui.wb.gagal", detail=error))
            return
        self.query_one("#wb-pesan", Static).update(self._m("tui.wb.diekspor", path=str(self.out),
                                                           jumlah=len(written)))

    def action_back(self) -> None:
        self.app.pop_screen()


def _seconds(value: float, lang: str) -> str:
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "id" else text


def _chart(a, b, total: int, width: int = 30) -> str:
    """Annual predikat of A and B as bars (a chart that works in any terminal and screen reader)."""
    from sandbox.sim.report import PREDIKAT_LABEL as labels

    lines = []
    for k, name in enumerate(PREDIKAT):
        for letter, counts in (("A", a), ("B", b)):
            share = counts[k] / total if total else 0
            bar = "█" * round(share * width)
            lines.append(f"{labels[name] if letter == 'A' else '':<17} {letter} {bar:<{width}} "
                         f"{100 * share:5.1f} %".replace(".", ","))
    return "\n".join(lines)
