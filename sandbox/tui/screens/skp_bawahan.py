"""SKP Bawahan: the pejabat penilai's list of subordinates' SKPs; read one, approve it, or return it
with a note (the note is required, and the pegawai sees it on their SKP screen); and write the
ekspektasi khusus pimpinan per BerAKHLAK value (§1.4 step 9). States, dates and targets are said in
words and numbers as people write them (sandbox.tui.messages_pejabat, sandbox.tui.angka)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, DataTable, Header, Input, Label, Select, Static

from sandbox.errors import SandboxError
from sandbox.formatting import angka, long_date
from sandbox.store.schema import BERAKHLAK
from sandbox.tui.dialogs.catatan import CatatanDialog
from sandbox.tui.dialogs.konfirmasi import ask
from sandbox.tui.keybar import KeyBar
from sandbox.tui.messages_pejabat import kata, state_kata, tolakan
from sandbox.tui.screens.base import MenuScreen
from sandbox.tui.widgets import TextSelect, TextTable
from sandbox.workflow import isi_ekspektasi_khusus, kembalikan, setujui
from sandbox.workflow.actions import skp_actions
from sandbox.workflow.views import ekspektasi_khusus, person, skp_detail, skp_to_decide


class SkpBawahanScreen(MenuScreen):
    HELP_TOPIC = "skp_bawahan"

    def __init__(self) -> None:
        super().__init__()
        self.selected: int | None = None
        self.selected_once = False  # the user has chosen a row (before that, row 1 is the choice)
        self._reload_events = 0  # row-1 highlights posted by reloads, not yet handled

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
        """Reload the list and keep the same SKP selected, by its id (never by its row number): a
        reload puts the cursor on row 1, and a decision must never move to another person's SKP."""
        table = self.query_one("#bawahan", DataTable)
        keep = self.selected
        table.clear()
        rows = skp_to_decide(self.app.session.store, self.app.session.actor)
        for r in rows:
            table.add_row(r["nama"], r["jabatan"], state_kata(r["status"], self.app.session.lang),
                          key=str(r["id"]))
        self._reload_events += 1 if rows else 0  # a reload posts one highlight of row 1
        if keep in {r["id"] for r in rows}:
            table.move_cursor(row=table.get_row_index(str(keep)))
        elif keep is not None:  # moved away meanwhile (a new atasan after a sync): say so, pick nothing
            self.selected = None
            self.selected_once = True
            self.notify(self._m("tui.putus.hilang"), severity="warning", markup=False)
        if not rows:
            self.query_one("#detail", Static).update(self._m("tui.bawahan.kosong"))
        self._show_detail()

    @on(DataTable.RowHighlighted, "#bawahan")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value
        if self._reload_events and event.cursor_row == 0:  # posted by a reload, not by the user
            self._reload_events -= 1
            if self.selected is not None or self.selected_once:  # the selection stays
                return
        self.selected = int(key)
        self.selected_once = True
        self._show_detail()

    @on(DataTable.RowSelected, "#bawahan")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.selected = int(event.row_key.value)
        self.selected_once = True
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
        except SandboxError as refused:  # no longer this pejabat's to see; an outage
            self.query_one("#detail", Static).update(tolakan(refused, session.lang))
            for button in decide:
                button.display = False
            self.query_one("#bagian-ek").display = False
            return
        skp, lang = detail["skp"], session.lang
        lines = [
            self._m("tui.pjb.skp_judul", tahun=(skp["periode_awal"] or "")[:4],
                    nama=(person(session.store, skp["nip"]) or {}).get("nama", "-"),
                    status=state_kata(skp["status"], lang),
                    pendekatan=kata("tui.pjb.pendekatan.", skp["pendekatan"], lang),
                    awal=long_date(skp["periode_awal"], lang), akhir=long_date(skp["periode_akhir"], lang))
        ]
        for number, rhk in enumerate(detail["rhk"], start=1):
            jenis = kata("tui.pjb.jenis.", rhk["jenis"], lang)
            lines.append(self._m("tui.pjb.rhk", nomor=number, jenis=jenis, teks=rhk["teks"]))
            for ind in rhk["indikator"]:
                target = (
                    ""
                    if ind["target_nilai"] is None
                    else f" — {angka(ind['target_nilai'])} {ind['target_satuan'] or ''}".rstrip()
                )
                lines.append(f"   • {ind['teks']}{target}")
        names = {kode: nama for kode, nama, _ in BERAKHLAK}
        for ek in expected:
            lines.append(self._m("tui.bawahan.ek_baris", nilai=names.get(ek["kode"], ek["kode"]),
                                 teks=ek["ekspektasi_khusus"]))
        self.query_one("#detail", Static).update("\n".join(lines))
        can = skp_actions(skp["status"], owner=False)
        for button in decide:
            button.display = can.putuskan
        self.query_one("#bagian-ek").display = can.ekspektasi

    def _refuse(self, text: str, where: str = "#putus-error") -> None:
        """A refusal: beside the action (scrolled into view) and as a notification (seen at 80×24)."""
        beside = self.query_one(where, Static)
        beside.update(text)
        beside.scroll_visible(animate=False)
        self.notify(text, severity="warning", timeout=10, markup=False)

    def _target(self) -> dict | None:
        """The selected SKP as the workflow has it now (who, which period), or None with a visible
        refusal when nothing is selected or it is no longer in this pejabat's list."""
        if self.selected is None:
            self._refuse(self._m("tui.putus.belum_pilih"))
            return None
        session = self.app.session
        if self.selected not in {r["id"] for r in skp_to_decide(session.store, session.actor)}:
            self._refuse(self._m("tui.putus.hilang"))
            self.selected, self.selected_once = None, True  # nothing is picked in its place
            self.refresh_view()
            return None
        try:
            skp = skp_detail(session.store, self.selected, reader=session.actor)["skp"]
        except SandboxError as refused:
            self._refuse(tolakan(refused, session.lang))
            return None
        pegawai = person(session.store, skp["nip"]) or {}
        periode = (f"{long_date(skp['periode_awal'], session.lang)} – "
                   f"{long_date(skp['periode_akhir'], session.lang)}")
        return {"id": skp["id"], "nama": pegawai.get("nama", "-"), "jabatan": pegawai.get("jabatan") or "-",
                "periode": periode}

    def _decide(self, skp_id: int, command, *args) -> None:
        """Apply a confirmed decision to the SKP the confirmation named (`skp_id`), not to whatever
        row is highlighted by now."""
        try:
            command(self.app.session.store, self.app.session.actor, skp_id, *args)
        except SandboxError as refused:  # StoreError: an outage, a busy file
            self._refuse(tolakan(refused, self.app.session.lang))
            return
        self.query_one("#putus-error", Static).update("")
        self.notify(self._m("tui.bawahan.tersimpan"), markup=False)
        self.selected = skp_id
        self.refresh_view()

    @on(Button.Pressed, "#setujui")
    def _setujui(self) -> None:
        target = self._target()
        if target is None:
            return
        ask(self, self._m("tui.putus.setujui_tanya", **target), self._m("tui.putus.setujui_ya"),
            lambda: self._decide(target["id"], setujui))

    @on(Button.Pressed, "#kembalikan")
    def _kembalikan(self) -> None:
        if self._target() is None:
            return

        def send(note: str | None) -> None:
            if note is None:
                return
            target = self._target()  # read again: the list may have changed while the note was typed
            if target is None:
                return
            ask(self, self._m("tui.putus.kembalikan_tanya", catatan=note.strip(), **target),
                self._m("tui.putus.kembalikan_ya"), lambda: self._decide(target["id"], kembalikan, note))

        lang = self.app.session.lang
        self.app.push_screen(CatatanDialog(self._m("tui.bawahan.tanya_catatan"), lang,
                                           wajib=self._m("tui.catatan.kembalikan_wajib")), send)

    @on(Button.Pressed, "#simpan-ek")
    @on(Input.Submitted, "#ek-teks")
    def _simpan_ek(self) -> None:
        if self.selected is None:
            self._refuse(self._m("tui.pjb.ek_pilih_skp"), "#ek-error")
            return
        session = self.app.session
        kode = str(self.query_one("#ek-kode", Select).value)
        teks = self.query_one("#ek-teks", Input)
        try:
            isi_ekspektasi_khusus(session.store, session.actor, self.selected, kode, teks.value)
        except SandboxError as refused:  # StoreError: an outage, a busy file
            self._refuse(tolakan(refused, session.lang), "#ek-error")
            return
        self.query_one("#ek-error", Static).update("")
        teks.value = ""
        self.notify(self._m("tui.bawahan.tersimpan"), markup=False)
        self._show_detail()
