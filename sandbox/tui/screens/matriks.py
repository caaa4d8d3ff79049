"""Matriks Peran Hasil (pejabat): who among the subordinates carries which of the leader's RHK, with
the keterlibatan count per person and the uneven-workload signal. Read only, like the real menu."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Header, Static

from sandbox.formatting import state_word
from sandbox.tui.forms import short
from sandbox.tui.keybar import KeyBar
from sandbox.tui.screens.base import MenuScreen
from sandbox.tui.session import YEAR
from sandbox.tui.widgets import TextTable
from sandbox.workflow.matriks import Matriks, matriks_peran_hasil


class MatriksScreen(MenuScreen):
    HELP_TOPIC = "matriks"

    def __init__(self) -> None:
        super().__init__()
        self.matriks: Matriks | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", markup=False, id="matriks-sinyal")
        yield TextTable(id="matriks", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="matriks-bawah"):
            yield Static("", markup=False, id="matriks-detail")
            yield Static("", markup=False, id="matriks-legenda")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = self._m("tui.matriks.subtitle")

    def on_screen_resume(self) -> None:
        session = self.app.session
        self.matriks = matriks = matriks_peran_hasil(session.store, session.actor, YEAR)
        table = self.query_one("#matriks", DataTable)
        table.clear(columns=True)
        table.add_column(self._m("tui.matriks.col.nama"), key="nama")
        for index, _ in enumerate(matriks.kolom, start=1):
            table.add_column(f"R{index}", key=f"r{index}")
        table.add_column(self._m("tui.matriks.col.keterlibatan"), key="keterlibatan")
        for baris in matriks.baris:
            cells = [len(baris.sel[k["id"]]) or "·" for k in matriks.kolom]
            flag = "⚠ " if matriks.perlu_perhatian(baris) else ""
            table.add_row(short(baris.nama, 28), *map(str, cells), f"{flag}{baris.keterlibatan}",
                          key=baris.nip)
        spread = matriks.sebaran()
        signal = self._m("tui.matriks.sebaran", state=matriks.state, nol=spread["0"], satu=spread["1"],
                         banyak=spread["2+"])
        if not matriks.kolom:
            signal = self._m("tui.matriks.tanpa_rhk")
        elif matriks.tidak_merata:
            signal += "\n" + self._m("tui.matriks.tidak_merata", nol=spread["0"], banyak=spread["2+"])
        self.query_one("#matriks-sinyal", Static).update(signal)
        legend = [self._m("tui.matriks.legenda")]
        legend += [f"R{i} · {k['teks']}" for i, k in enumerate(matriks.kolom, start=1)]
        self.query_one("#matriks-legenda", Static).update("\n".join(legend))
        self.query_one("#matriks-detail", Static).update("")
        table.focus()

    @on(DataTable.RowHighlighted, "#matriks")
    def _detail(self, event: DataTable.RowHighlighted) -> None:
        if self.matriks is None or event.row_key is None:
            return
        baris = next((b for b in self.matriks.baris if b.nip == event.row_key.value), None)
        if baris is None:
            return
        lines = [self._m("tui.matriks.detail", nama=baris.nama, jabatan=baris.jabatan,
                         status=state_word(baris.skp_status, self.app.session.lang) if baris.skp_status
                         else self._m("tui.matriks.tanpa_skp"))]
        for index, kolom in enumerate(self.matriks.kolom, start=1):
            for teks in baris.sel[kolom["id"]]:
                lines.append(f"  R{index} ← {teks}")
        if baris.keterlibatan == 0:
            lines.append("  " + self._m("tui.matriks.tanpa_peran"))
        self.query_one("#matriks-detail", Static).update("\n".join(lines))
