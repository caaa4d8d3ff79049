"""Penilaian Bawahan (pejabat penilai): read a subordinate's period, give umpan balik per indikator or
BerAKHLAK value, open each indikator's bukti dukung links while rating, set Rating Hasil Kerja and
Rating Perilaku (the predikat comes from the rule pack) and finalise. The screen decides nothing: the
workflow refuses what is not allowed. Everything is said in words: states, ratings, predikat, dates
and numbers (sandbox.tui.messages_pejabat, sandbox.tui.angka)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, DataTable, Header, Input, Label, Select, Static

from sandbox.errors import SandboxError
from sandbox.formatting import angka, long_date
from sandbox.store.schema import BERAKHLAK
from sandbox.tui.dialogs.konfirmasi import ask
from sandbox.tui.forms import selected_int, short
from sandbox.tui.keybar import KeyBar
from sandbox.tui.messages_pejabat import predikat_kata, state_kata, tautan_kata, tolakan
from sandbox.tui.screens.base import MenuScreen
from sandbox.tui.screens.evaluasi import hasil_text
from sandbox.tui.widgets import TextSelect, TextTable
from sandbox.workflow import beri_umpan_balik, finalkan, nilai
from sandbox.workflow.actions import period_deadline
from sandbox.workflow.keberatan import batas_keberatan
from sandbox.workflow.views import feedback_choices, period_entries, periods_to_rate, person

RATINGS = ("di_atas", "sesuai", "di_bawah")
PARTS = ("#bagian-bukti", "#bagian-ub", "#bagian-nilai")  # shown only once a period is chosen


class PenilaianScreen(MenuScreen):
    HELP_TOPIC = "penilaian"
    BINDINGS = [Binding("f8", "dokumen", "Dokumen", id="penilaian.dokumen")]

    def __init__(self) -> None:
        super().__init__()
        self.period_id: int | None = None
        self.selected_once = False  # the user has chosen a row (before that, row 1 is the choice)
        self._reload_events = 0  # row-1 highlights posted by reloads, not yet handled
        self._bukti_period: int | None = None  # the period whose links the bukti list shows

    def compose(self) -> ComposeResult:
        m = self._m
        ratings = [(m(f"tui.rating.{r}"), r) for r in RATINGS]
        yield Header()
        yield TextTable(id="periode-bawahan", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="penilaian"):
            yield Static("", markup=False, id="isian")
            with Vertical(id="bagian-bukti", classes="section"):
                yield Label(m("tui.pjb.bukti_judul"), classes="title", markup=False)
                yield TextSelect([], prompt=m("tui.pjb.bukti_pilih"), id="bukti")
                yield Button(m("tui.pjb.buka"), id="buka-bukti")
                yield Static("", markup=False, id="bukti-error", classes="error")
            with Vertical(id="bagian-ub", classes="section"):
                yield Label(m("tui.nilai.ub_judul"), classes="title", markup=False)
                yield TextSelect([], prompt=m("tui.nilai.sasaran"), id="sasaran")
                yield TextSelect([], prompt=m("tui.nilai.pilihan"), id="pilihan")
                yield Input(placeholder=m("tui.nilai.tambahan"), id="tambahan")
                yield Button(m("tui.nilai.kirim_ub"), id="kirim-ub")
                yield Static("", markup=False, id="ub-error", classes="error")
            with Vertical(id="bagian-nilai", classes="section"):
                yield Label(m("tui.nilai.rating_judul"), classes="title", markup=False)
                with Horizontal(classes="pair"):
                    yield TextSelect(ratings, prompt=m("tui.nilai.hk"), id="hk")
                    yield TextSelect(ratings, prompt=m("tui.nilai.pk"), id="pk")
                with Horizontal(classes="buttons"):
                    yield Button(m("tui.nilai.nilai"), id="nilai", variant="primary")
                    yield Button(m("tui.nilai.finalkan"), id="finalkan")
            yield Static("", markup=False, id="nilai-error", classes="error")
            yield Label(m("tui.eval.hasil_judul"), classes="title", markup=False)
            yield Static("", markup=False, id="hasil")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = self._m("tui.nilai.subtitle")
        table = self.query_one("#periode-bawahan", DataTable)
        table.add_columns(*(self._m(f"tui.nilai.col.{c}") for c in ("nama", "periode", "status")))
        self.query_one("#pilihan", Select).set_options(
            [(short(c["teks"]), c["id"]) for c in feedback_choices(self.app.session.store)]
        )

    def on_screen_resume(self) -> None:
        self.refresh_table()
        self.query_one("#periode-bawahan", DataTable).focus()

    def refresh_table(self) -> None:
        """Reload the list and keep the same period entry selected, by its id (never by its row
        number): a reload puts the cursor on row 1, and a rating must never move to another person."""
        table = self.query_one("#periode-bawahan", DataTable)
        keep = self.period_id
        table.clear()
        periods = periods_to_rate(self.app.session.store, self.app.session.actor)
        lang = self.app.session.lang
        for p in periods:
            state = state_kata(p["state"], lang)
            if p["predikat"]:
                state = self._m("tui.pjb.status_predikat", status=state,
                                predikat=predikat_kata(p["predikat"], lang))
            table.add_row(p["nama"], p["periode"], state, key=str(p["id"]))
        self._reload_events += 1 if periods else 0  # a reload posts one highlight of row 1
        if keep in {p["id"] for p in periods}:
            table.move_cursor(row=table.get_row_index(str(keep)))
        elif keep is not None:  # no longer this pejabat's to rate: say so, pick nothing
            self.period_id = None
            self.selected_once = True
            self.notify(self._m("tui.putus.hilang"), severity="warning", markup=False)
        self.refresh_detail()

    @on(DataTable.RowHighlighted, "#periode-bawahan")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value
        if self._reload_events and event.cursor_row == 0:  # posted by a reload, not by the user
            self._reload_events -= 1
            if self.period_id is not None or self.selected_once:  # the selection stays
                return
        self.period_id = int(key)
        self.selected_once = True
        self.refresh_detail()

    @on(DataTable.RowSelected, "#periode-bawahan")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.period_id = int(event.row_key.value)
        self.selected_once = True
        self.refresh_detail()
        self.query_one("#sasaran", Select).focus()

    def refresh_detail(self) -> None:
        session = self.app.session
        for part in PARTS:
            self.query_one(part).display = self.period_id is not None
        if self.period_id is None:
            self.query_one("#isian", Static).update(self._m("tui.nilai.kosong"))
            return
        try:
            data = period_entries(session.store, self.period_id, reader=session.actor)
        except SandboxError as refused:  # moved to another pejabat meanwhile; an outage
            for part in PARTS:
                self.query_one(part).display = False
            self.query_one("#isian", Static).update(tolakan(refused, session.lang))
            return
        self.query_one("#isian", Static).update(self._entries_text(data))
        self._show_bukti(data)
        targets = [
            (short(f"{self._m('tui.nilai.indikator')}: {i['teks']}"), f"indikator:{i['id']}")
            for i in data["indikator"]
        ]
        targets += [
            (f"{self._m('tui.nilai.perilaku')}: {nama}", f"perilaku:{kode}") for kode, nama, _ in BERAKHLAK
        ]
        sasaran = self.query_one("#sasaran", Select)
        keep = None if sasaran.is_blank() else sasaran.value
        sasaran.set_options(targets)
        if keep in {v for _, v in targets}:
            sasaran.value = keep
        self.query_one("#hasil", Static).update(
            hasil_text(session.store, self.period_id, session.lang, reader=session.actor))

    def _entries_text(self, data: dict) -> str:
        """The period as the pejabat reads it before rating: state and deadline as words, each
        indikator's realisasi (numbers as 1.234,5) and its bukti dukung (name and link as typed, a
        link that does not work said so), then the feedback given."""
        lang, period = self.app.session.lang, data["period"]
        status = state_kata(period["state"], lang)
        if period["predikat"]:
            status = self._m("tui.pjb.status_predikat", status=status,
                             predikat=predikat_kata(period["predikat"], lang))
        lines = [self._m("tui.pjb.status", status=status), self._deadline(period)]
        lines.append(self._m("tui.eval.ra_ada", jumlah=len(data["rencana_aksi"])))
        lines += [f"  • {ra['deskripsi']}" for ra in data["rencana_aksi"]]
        numbers = {}
        for nomor, ind in enumerate(data["indikator"], start=1):
            numbers[ind["id"]] = nomor
            lines.append(self._m("tui.pjb.ind", nomor=nomor, teks=ind["teks"]))
            target = "-" if ind["target_nilai"] is None else angka(ind["target_nilai"])
            target = f"{target} {ind['target_satuan'] or ''}".rstrip()
            real = ind["realisasi"]
            if real is None:
                lines.append(self._m("tui.pjb.realisasi_belum", target=target))
            else:
                value = angka(real["nilai"]) if real["nilai"] is not None else real["uraian"]
                lines.append(self._m("tui.pjb.realisasi", realisasi=value, target=target))
            for n, b in enumerate(ind["bukti"], start=1):
                lines.append(self._m("tui.pjb.bukti_baris", nomor=n, nama=b["nama"], url=b["url"]))
                keadaan = tautan_kata(b["link_status"], lang)
                if keadaan:
                    lines.append(self._m("tui.pjb.bukti_rusak", keadaan=keadaan))
            if not ind["bukti"]:
                lines.append(self._m("tui.pjb.bukti_belum"))
        values = {kode: nama for kode, nama, _ in BERAKHLAK}
        for fb in data["umpan_balik"]:
            teks = "; ".join(fb["teks"])
            if fb["target_type"] == "indikator" and fb["target_id"] in numbers:
                lines.append(self._m("tui.pjb.ub_indikator", nomor=numbers[fb["target_id"]], teks=teks))
            elif fb["target_type"] == "perilaku" and fb["target_id"] in values:
                lines.append(self._m("tui.pjb.ub_perilaku", nilai=values[fb["target_id"]], teks=teks))
            else:
                lines.append(self._m("tui.pjb.ub_lain", teks=teks))
        return "\n".join(line for line in lines if line)

    def _deadline(self, period: dict) -> str:
        """The date that matters now, in words: the last day to enter and rate while the period can
        be rated, the last day of the keberatan window once the document is issued."""
        lang = self.app.session.lang
        due = period_deadline(period["state"])
        if due == "pengisian":
            key = "tui.pjb.batas_lewat" if self.app.session.virtual_today() > period["batas_pengisian"] \
                else "tui.pjb.batas_nilai"
            return self._m(key, tanggal=long_date(period["batas_pengisian"], lang))
        if due is not None:
            batas = batas_keberatan(self.app.session.store, period["id"])
            key = "tui.pjb.batas_keberatan" if due == "keberatan" else "tui.pjb.keberatan_diajukan"
            return self._m(key, tanggal=long_date(batas, lang)) if batas else ""
        return ""

    def _bukti_options(self, data: dict) -> list[tuple[str, str]]:
        """Every bukti dukung of the period as an option `indikator id:position` (links are only
        added, never removed, so the position names the same link after a reload)."""
        lang, options = self.app.session.lang, []
        for nomor, ind in enumerate(data["indikator"], start=1):
            for n, b in enumerate(ind["bukti"]):
                keadaan = tautan_kata(b["link_status"], lang)
                key = "tui.pjb.bukti_opsi_rusak" if keadaan else "tui.pjb.bukti_opsi"
                options.append((self._m(key, nomor=nomor, nama=b["nama"], url=b["url"], keadaan=keadaan),
                                f"{ind['id']}:{n}"))
        return options

    def _show_bukti(self, data: dict) -> None:
        """List the period's links; the chosen one stays chosen after a reload of the same period,
        and nothing is chosen in another period (the same indikator has other links there)."""
        select = self.query_one("#bukti", Select)
        same = self._bukti_period == self.period_id
        keep = None if select.is_blank() or not same else select.value
        self._bukti_period = self.period_id
        options = self._bukti_options(data)
        select.set_options(options)
        select.prompt = self._m("tui.pjb.bukti_pilih" if options else "tui.pjb.bukti_tidak_ada")
        if keep in {v for _, v in options}:
            select.value = keep

    @on(Button.Pressed, "#buka-bukti")
    def _buka_bukti(self) -> None:
        """Open the chosen link in the browser, read again from the workflow (the pegawai may have
        added links meanwhile); a link the check found broken opens too, with a warning."""
        session = self.app.session
        select = self.query_one("#bukti", Select)
        if self.period_id is None or select.is_blank():
            self._refuse(self._m("tui.pjb.buka_dulu"), "#bukti-error")
            return
        ind_id, n = (int(part) for part in str(select.value).split(":"))
        try:
            data = period_entries(session.store, self.period_id, reader=session.actor)
        except SandboxError as refused:
            self._refuse(tolakan(refused, session.lang), "#bukti-error")
            return
        links = next((i["bukti"] for i in data["indikator"] if i["id"] == ind_id), [])
        if n >= len(links):
            self._refuse(self._m("tui.pjb.bukti_hilang"), "#bukti-error")
            return
        link = links[n]
        self.app.open_url(link["url"])
        self.query_one("#bukti-error", Static).update("")
        keadaan = tautan_kata(link["link_status"], session.lang)
        if keadaan:
            self.notify(self._m("tui.pjb.dibuka_rusak", url=link["url"], keadaan=keadaan), severity="warning",
                        markup=False)
        else:
            self.notify(self._m("tui.pjb.dibuka", url=link["url"]), markup=False)

    def _refuse(self, text: str, where: str = "#nilai-error") -> None:
        """A refusal: beside the action (scrolled into view) and as a notification (seen at 80×24)."""
        beside = self.query_one(where, Static)
        beside.update(text)
        beside.scroll_visible(animate=False)
        self.notify(text, severity="warning", timeout=10, markup=False)

    def _target(self) -> dict | None:
        """The selected period entry as the workflow has it now (whose, which period), or None with
        a visible refusal when nothing is selected or it is no longer in this pejabat's list."""
        session = self.app.session
        if self.period_id is None:
            self._refuse(self._m("tui.putus.belum_pilih"))
            return None
        if self.period_id not in {p["id"] for p in periods_to_rate(session.store, session.actor)}:
            self._refuse(self._m("tui.putus.hilang"))
            self.period_id, self.selected_once = None, True  # nothing is picked in its place
            self.refresh_table()
            return None
        try:
            period = period_entries(session.store, self.period_id, reader=session.actor)["period"]
        except SandboxError as refused:
            self._refuse(tolakan(refused, session.lang))
            return None
        pegawai = person(session.store, period["nip"]) or {}
        return {"id": self.period_id, "nama": pegawai.get("nama", "-"), "periode": period["nama"]}

    def _run(self, command, *args, period_id: int | None = None, where: str = "#nilai-error",
             **kwargs) -> bool:
        """Run a workflow command on `period_id` (the one a confirmation named), or the selected one;
        a refusal is shown `where` (beside the button pressed)."""
        session = self.app.session
        target = self.period_id if period_id is None else period_id
        try:
            result = command(session.store, session.actor, target, *args, **kwargs)
        except SandboxError as refused:  # StoreError: an outage, a busy file
            self._refuse(tolakan(refused, session.lang), where)
            return False
        self.query_one(where, Static).update("")
        if isinstance(result, str):
            said = self._m("tui.nilai.predikat", predikat=predikat_kata(result, session.lang))
            self.notify(said, markup=False)
        self.period_id = target
        self.refresh_table()
        return True

    @on(Button.Pressed, "#kirim-ub")
    def _kirim(self) -> None:
        sasaran = self.query_one("#sasaran", Select)
        if self.period_id is None or sasaran.is_blank():
            self._refuse(self._m("tui.nilai.pilih_sasaran"), "#ub-error")
            return
        whom = self._target()  # the person the feedback goes to, read from the workflow now
        if whom is None:
            return
        kind, target = str(sasaran.value).split(":", 1)
        pilihan = self.query_one("#pilihan", Select)
        chosen = [] if selected_int(pilihan) is None else [selected_int(pilihan)]
        if self._run(
            beri_umpan_balik,
            kind,
            int(target) if kind == "indikator" else target,
            pilihan=chosen,
            tambahan=self.query_one("#tambahan", Input).value,
            where="#ub-error",
        ):
            self.query_one("#tambahan", Input).value = ""
            self.notify(self._m("tui.nilai.ub_ok", nama=whom["nama"]), timeout=6, markup=False)

    @on(Button.Pressed, "#nilai")
    def _nilai(self) -> None:
        hk, pk = self.query_one("#hk", Select), self.query_one("#pk", Select)
        if pk.is_blank():
            self._refuse(self._m("tui.putus.pilih_pk"))
            return
        target = self._target()
        if target is None:
            return
        rating_hk = None if hk.is_blank() else str(hk.value)
        rating_pk = str(pk.value)
        question = self._m(
            "tui.putus.nilai_tanya",
            hk=self._m("tui.putus.hk_dari_unit") if rating_hk is None else self._m(f"tui.rating.{rating_hk}"),
            pk=self._m(f"tui.rating.{rating_pk}"),
            **target,
        )
        ask(self, question, self._m("tui.putus.nilai_ya"),
            lambda: self._run(nilai, period_id=target["id"], rating_hk=rating_hk, rating_pk=rating_pk))

    @on(Button.Pressed, "#finalkan")
    def _finalkan(self) -> None:
        target = self._target()
        if target is None:
            return
        ask(self, self._m("tui.putus.finalkan_tanya", **target), self._m("tui.putus.finalkan_ya"),
            lambda: self._run(finalkan, period_id=target["id"]))

    def action_dokumen(self) -> None:
        """The period's Dokumen Evaluasi: preview, issue, export, keberatan, TPP."""
        if self.period_id is None:
            self.notify(self._m("tui.dok.pilih_periode"), severity="warning", markup=False)
            return
        from sandbox.tui.screens.dokumen import DokumenScreen

        self.app.push_screen(DokumenScreen(self.period_id))
