"""SKP Bawahan: the pejabat penilai's list of subordinates' SKPs; read one, approve it, or return it
with a note (the note is required, and the pegawai sees it on their SKP screen); and write the
ekspektasi khusus pimpinan per BerAKHLAK value (§1.4 step 9)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, DataTable, Header, Input, Label, Select, Static

from sandbox.store import StoreError
from sandbox.store.schema import BERAKHLAK
from sandbox.tui.dialogs.catatan import CatatanDialog
from sandbox.tui.keybar import KeyBar
from sandbox.tui.screens.base import MenuScreen
from sandbox.tui.widgets import TextSelect, TextTable
from sandbox.workflow import WorkflowRefused, isi_ekspektasi_khusus, kembalikan, setujui
from sandbox.workflow.views import ekspektasi_khusus, skp_detail, skp_to_decide


class SkpBawahanScreen(MenuScreen):
    HELP_TOPIC = "skp_bawahan"

    def __init__(self) -> None:
        super().__init__()
        self.selected: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield TextTable(id="bawahan", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="bawahan-detail"):
            yield Static("", markup=False, id="detail")
            with Horizontal(classes="buttons"):
                yield Button(self._m("tui.bawahan.setujui"), id="setujui", variant="success")
                yield Button(self._m("tui.bawahan.kembalikan"), id="kembalikan", variant="warning")
            yield Static("", markup=False, id="putus-error", classes="error")
            with Vertical(id="bagian-ek", classes="section"):
                yield Label(self._m("tui.bawahan.ek_judul"), classes="title", markup=False)
                yield TextSelect([(nama, kode) for kode, nama, _ in BERAKHLAK], value=BERAKHLAK[0][0],
                             allow_blank=False, id="ek-kode")
                yield Input(placeholder=self._m("tui.bawahan.ek_contoh"), id="ek-teks")
                yield Button(self._m("tui.bawahan.ek_simpan"), id="simpan-ek")
                yield Static("", markup=False, id="ek-error", classes="error")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = self._m("tui.bawahan.subtitle")
        table = self.query_one("#bawahan", DataTable)
        table.add_columns(*(self._m(f"tui.bawahan.col.{c}") for c in ("nama", "jabatan", "status")))

    def on_screen_resume(self) -> None:
        self.refresh_view()
        self.query_one("#bawahan", DataTable).focus()

    def refresh_view(self) -> None:
        table = self.query_one("#bawahan", DataTable)
        table.clear()
        rows = skp_to_decide(self.app.session.store, self.app.session.actor)
        for r in rows:
            table.add_row(r["nama"], r["jabatan"], r["status"], key=str(r["id"]))
        if self.selected not in {r["id"] for r in rows}:  # moved away meanwhile (a new atasan after a sync)
            self.selected = None
        if not rows:
            self.query_one("#detail", Static).update(self._m("tui.bawahan.kosong"))
        self._show_detail()

    @on(DataTable.RowHighlighted, "#bawahan")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.selected = int(event.row_key.value)
        self._show_detail()

    @on(DataTable.RowSelected, "#bawahan")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.selected = int(event.row_key.value)
        self._show_detail()
        self.query_one("#setujui", Button).focus()

    def _show_detail(self) -> None:
        decide = self.query_one("#setujui"), self.query_one("#kembalikan")
        if self.selected is None:
            for button in decide:
                button.display = False
            self.query_one("#bagian-ek").display = False
            return
        session = self.app.session
        try:
            detail = skp_detail(session.store, self.selected, reader=session.actor)
            expected = ekspektasi_khusus(session.store, self.selected, reader=session.actor)
        except (WorkflowRefused, StoreError) as refused:  # no longer this pejabat's to see; an outage
            self.query_one("#detail", Static).update(refused.render(session.lang))
            for button in decide:
                button.display = False
            self.query_one("#bagian-ek").display = False
            return
        skp = detail["skp"]
        lines = [
            self._m("tui.bawahan.judul", skp_id=skp["id"], status=skp["status"], pendekatan=skp["pendekatan"])
        ]
        for number, rhk in enumerate(detail["rhk"], start=1):
            lines.append(f"RHK {number} ({rhk['jenis']}): {rhk['teks']}")
            for ind in rhk["indikator"]:
                target = (
                    ""
                    if ind["target_nilai"] is None
                    else f" — {ind['target_nilai']:g} {ind['target_satuan'] or ''}"
                )
                lines.append(f"   • {ind['teks']}{target}")
        names = {kode: nama for kode, nama, _ in BERAKHLAK}
        for ek in expected:
            lines.append(self._m("tui.bawahan.ek_baris", nilai=names.get(ek["kode"], ek["kode"]),
                                 teks=ek["ekspektasi_khusus"]))
        self.query_one("#detail", Static).update("\n".join(lines))
        for button in decide:
            button.display = skp["status"] == "DIAJUKAN"
        self.query_one("#bagian-ek").display = skp["status"] in ("DIAJUKAN", "DISETUJUI", "REVISI_DIAJUKAN")

    def _decide(self, command, *args) -> None:
        try:
            command(self.app.session.store, self.app.session.actor, self.selected, *args)
        except (WorkflowRefused, StoreError) as refused:  # StoreError: an outage, a busy file
            self.query_one("#putus-error", Static).update(refused.render(self.app.session.lang))
            return
        self.query_one("#putus-error", Static).update("")
        self.notify(self._m("tui.bawahan.tersimpan"), markup=False)
        self.refresh_view()

    @on(Button.Pressed, "#setujui")
    def _setujui(self) -> None:
        if self.selected is not None:
            self._decide(setujui)

    @on(Button.Pressed, "#kembalikan")
    def _kembalikan(self) -> None:
        if self.selected is None:
            return

        def send(note: str | None) -> None:
            if note is not None:
                self._decide(kembalikan, note)

        self.app.push_screen(CatatanDialog(self._m("tui.bawahan.tanya_catatan"), self.app.session.lang), send)


    @on(Button.Pressed, "#simpan-ek")
    @on(Input.Submitted, "#ek-teks")
    def _simpan_ek(self) -> None:
        if self.selected is None:
            return
        session = self.app.session
        kode = str(self.query_one("#ek-kode", Select).value)
        teks = self.query_one("#ek-teks", Input)
        try:
            isi_ekspektasi_khusus(session.store, session.actor, self.selected, kode, teks.value)
        except (WorkflowRefused, StoreError) as refused:  # StoreError: an outage, a busy file
            self.query_one("#ek-error", Static).update(refused.render(session.lang))
            return
        self.query_one("#ek-error", Static).update("")
        teks.value = ""
        self.notify(self._m("tui.bawahan.tersimpan"), markup=False)
        self._show_detail()
