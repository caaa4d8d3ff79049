"""SKP Saya: create the year's SKP, add RHK (choosing the atasan's RHK to intervene), indikator and
lampiran, correct or delete them while the SKP is a draft or returned, see every submit guard as a
checklist, Ajukan, and ask for a revision once approved. The screen only calls the workflow and shows
its refusals beside the form that caused them and as a notification, keeping what was typed. RHK and
indikator are named as the list numbers them ("RHK 2", "indikator 2.1"), never by an internal id."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Header, Input, Label, Select, Static

from sandbox.errors import SandboxError
from sandbox.formatting import angka
from sandbox.i18n import message
from sandbox.store import StoreError
from sandbox.tui.dialogs.catatan import CatatanDialog
from sandbox.tui.dialogs.konfirmasi import ask
from sandbox.tui.forms import selected_int, short
from sandbox.tui.keybar import KeyBar
from sandbox.tui.messages_skp import fix_text, problem_text, refusal_text
from sandbox.tui.screens.base import MenuScreen
from sandbox.tui.screens.skp_koreksi import IndikatorDialog, RhkDialog
from sandbox.tui.session import YEAR
from sandbox.tui.widgets import TextSelect
from sandbox.workflow import (
    WorkflowRefused,
    ajukan,
    buat_skp,
    checklist,
    isi_lampiran,
    tambah_indikator,
    tambah_rhk,
)
from sandbox.workflow.actions import SkpActions, skp_actions
from sandbox.workflow.skp import (
    ASPEK,
    PERSPEKTIF,
    ajukan_revisi,
    hapus_indikator,
    hapus_rhk,
    syarat_skp,
    ubah_indikator,
    ubah_rhk,
)
from sandbox.workflow.views import current_skp, last_note, parent_rhk_options, person, skp_detail


class SkpScreen(MenuScreen):
    HELP_TOPIC = "skp"
    BINDINGS = [
        Binding("f8", "ajukan", "Ajukan", id="skp.ajukan"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.skp: dict | None = None
        self._detail: dict | None = None
        # ("rhk" | "ind", id) -> (kind, number as listed, text, record): what "RHK 2" means right now
        self._records: dict[tuple[str, int], tuple[str, str, str, dict]] = {}
        self._pilihan: tuple[str, int] | None = None  # the record chosen to correct, kept by id
        self._untuk_rhk: int | None = None  # "Untuk RHK": the RHK in focus, chosen or last added

    def compose(self) -> ComposeResult:
        m = self._m
        yield Header()
        with VerticalScroll(id="skp-form"):
            yield Static("", markup=False, id="ringkasan")
            with Vertical(id="bagian-buat", classes="section"):
                yield Label(m("tui.skp.buat_judul", tahun=YEAR), classes="title", markup=False)
                yield Label(m("tui.skp.pendekatan"), classes="field-label", markup=False)
                yield TextSelect(
                    [(m("tui.skp.kuantitatif"), "kuantitatif"), (m("tui.skp.kualitatif"), "kualitatif")],
                    value="kuantitatif",
                    allow_blank=False,
                    id="pendekatan",
                )
                yield Button(m("tui.skp.buat", tahun=YEAR), id="buat", variant="primary")
                yield Static("", markup=False, id="buat-error", classes="error")
            yield Static("", markup=False, id="daftar")
            with Vertical(id="bagian-revisi", classes="section"):
                yield Static(m("tui.skpk.revisi_info"), markup=False)
                yield Button(m("tui.skpk.revisi_tombol"), id="minta-revisi")
                yield Static("", markup=False, id="revisi-error", classes="error")
            with Vertical(id="bagian-koreksi", classes="section"):
                yield Label(m("tui.skpk.koreksi_judul"), classes="title", markup=False)
                yield TextSelect([], prompt=m("tui.skpk.pilih_prompt"), id="pilih")
                with Horizontal(classes="buttons"):
                    yield Button(m("tui.skpk.ubah"), id="ubah")
                    yield Button(m("tui.skpk.hapus"), id="hapus", variant="error")
                yield Static("", markup=False, id="koreksi-error", classes="error")
            with Vertical(id="bagian-rhk", classes="section"):
                yield Label(m("tui.skp.rhk_judul"), classes="title", markup=False)
                yield Label(m("tui.skp.induk"), classes="field-label", markup=False)
                yield TextSelect([], prompt=m("tui.skp.induk_prompt"), id="induk")
                yield Label(m("tui.skp.jenis"), classes="field-label", markup=False)
                yield TextSelect(
                    [("Utama", "utama"), ("Tambahan", "tambahan")],
                    value="utama",
                    allow_blank=False,
                    id="jenis",
                )
                yield Label(m("tui.skp.rhk_teks"), classes="field-label", markup=False)
                yield Input(placeholder=m("tui.skp.rhk_contoh"), id="rhk-teks")
                yield Button(m("tui.skp.tambah_rhk"), id="tambah-rhk")
                yield Static("", markup=False, id="rhk-error", classes="error")
            with Vertical(id="bagian-indikator", classes="section"):
                yield Label(m("tui.skp.ind_judul"), classes="title", markup=False)
                yield Label(m("tui.skp.ind_rhk"), classes="field-label", markup=False)
                yield TextSelect([], prompt=m("tui.skp.ind_rhk_prompt"), id="ind-rhk")
                yield Label(m("tui.skp.ind_teks"), classes="field-label", markup=False)
                yield Input(placeholder=m("tui.skp.ind_contoh"), id="ind-teks")
                yield Label(m("tui.skp.aspek"), classes="field-label", markup=False)
                yield TextSelect(
                    [(a.title(), a) for a in ASPEK], value="kuantitas", allow_blank=False, id="aspek"
                )
                with Vertical(id="bagian-perspektif"):  # JPT only (§1.4 step 6)
                    yield Label(m("tui.skp.perspektif"), classes="field-label", markup=False)
                    yield TextSelect([(p.title(), p) for p in PERSPEKTIF],
                                     prompt=m("tui.skp.perspektif_prompt"), id="perspektif")
                with Horizontal(classes="pair"):
                    yield Input(placeholder=m("tui.skp.target"), id="target")
                    yield Input(placeholder=m("tui.skp.satuan"), id="satuan")
                yield Button(m("tui.skp.tambah_ind"), id="tambah-ind")
                yield Static("", markup=False, id="ind-error", classes="error")
            with Vertical(id="bagian-lampiran", classes="section"):
                yield Label(m("tui.skp.lampiran_judul"), classes="title", markup=False, id="lampiran-judul")
                yield Input(placeholder=m("tui.skp.lamp_sd"), id="lamp-sd")
                yield Input(placeholder=m("tui.skp.lamp_pj"), id="lamp-pj")
                yield Input(placeholder=m("tui.skp.lamp_kon"), id="lamp-kon")
                yield Button(m("tui.skp.simpan_lampiran"), id="simpan-lampiran")
                yield Static("", markup=False, id="lamp-error", classes="error")
            with Vertical(id="bagian-ajukan", classes="section"):
                yield Label(m("tui.skp.checklist_judul"), classes="title", markup=False)
                yield Static("", markup=False, id="checklist")
                yield Button(m("tui.skp.ajukan"), id="ajukan", variant="success")
                yield Static("", markup=False, id="ajukan-error", classes="error")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = self._m("tui.skp.subtitle")

    def on_screen_resume(self) -> None:
        """Built once per persona (see Beranda); each visit shows the current state."""
        self.refresh_view()
        self._focus_next_step()

    def _can(self) -> SkpActions:
        """What the owner may do with the SKP on screen now: the workflow decides, not this screen."""
        return skp_actions(self.skp["status"] if self.skp else None, owner=True)

    def _focus_next_step(self) -> None:
        """Put the cursor where a first-timer's next step is: create; the correction list of a returned
        SKP (its RHK listed just above); the RHK form of a draft; "Minta revisi" once approved."""
        if self.skp is None:
            self.query_one("#buat", Button).focus()
        elif self._can().koreksi and self._records:
            self.query_one("#pilih", Select).focus()
        elif self._can().ubah:
            self.query_one("#induk", Select).focus()
        elif self._can().minta_revisi:
            self.query_one("#minta-revisi", Button).focus()

    # -- view --------------------------------------------------------------------------------------
    def refresh_view(self) -> None:
        session = self.app.session
        store = session.store
        self.skp = current_skp(store, session.actor, YEAR)
        has_skp = self.skp is not None
        editable = self._can().ubah
        self.query_one("#bagian-buat").display = not has_skp
        for part in ("#bagian-rhk", "#bagian-indikator", "#bagian-lampiran", "#bagian-ajukan"):
            self.query_one(part).display = editable
        self.query_one("#bagian-revisi").display = self._can().minta_revisi
        self.query_one("#daftar").display = has_skp
        me = person(store, session.actor)
        self.query_one("#bagian-perspektif").display = bool(me) and me["jenis_jabatan"] == "jpt"
        if not has_skp:
            self.query_one("#bagian-koreksi").display = False
            self.query_one("#ringkasan", Static).update(self._m("tui.skp.belum", tahun=YEAR))
            return
        # required or recommended for this pegawai: the same table Ajukan and the scenario checks read
        level = syarat_skp(store, self.skp["id"])["lampiran"]
        self.query_one("#lampiran-judul", Label).update(
            f'{self._m("tui.skp.lampiran_judul")} ({self._m("tui.syarat." + level)})')
        status = self.skp["status"]
        status_word = self._m(f"skp.status.{status}")
        summary = self._m(
            "tui.skp.ringkasan",
            tahun=YEAR,
            status=status_word,
            pendekatan=self._m(f"tui.skp.{self.skp['pendekatan']}"),
            versi=self.skp["version"],
        )
        note = last_note(store, self.skp["id"], reader=session.actor)
        if self._can().koreksi and note:
            summary += "\n" + self._m("tui.skp.catatan_atasan", catatan=note)
        elif not editable:
            summary += "\n" + self._m("tui.skp.terkunci", status=status_word)
        self.query_one("#ringkasan", Static).update(summary)
        self._detail = skp_detail(store, self.skp["id"], reader=session.actor)
        self._number_records()
        self.query_one("#bagian-koreksi").display = editable and bool(self._records)
        self._refresh_pilih()
        self.query_one("#daftar", Static).update(self._render_list())
        parents = parent_rhk_options(store, session.actor, YEAR)
        self.query_one("#induk", Select).set_options([(short(p["teks"]), p["id"]) for p in parents])
        self._refresh_untuk_rhk()
        lamp = self._detail["lampiran"]
        for field, key in (
            ("#lamp-sd", "dukungan_sd"),
            ("#lamp-pj", "skema_pj"),
            ("#lamp-kon", "konsekuensi"),
        ):
            widget = self.query_one(field, Input)
            if not widget.value and lamp.get(key):
                widget.value = lamp[key]
        if editable:
            self.query_one("#checklist", Static).update(self._render_checklist())

    def _number_records(self) -> None:
        """Number RHK and indikator as the list shows them, so every message can say "RHK 2"."""
        self._records = {}
        for n, rhk in enumerate(self._detail["rhk"], start=1):
            self._records[("rhk", rhk["id"])] = ("RHK", str(n), rhk["teks"], rhk)
            for k, ind in enumerate(rhk["indikator"], start=1):
                self._records[("ind", ind["id"])] = ("Indikator", f"{n}.{k}", ind["teks"],
                                                     dict(ind, rhk_no=n))

    def _refresh_pilih(self) -> None:
        """The correction list; the chosen record stays chosen across reloads (by id), or none."""
        pilih = self.query_one("#pilih", Select)
        options = [(self._m(f"tui.skpk.opsi_{key[0]}", nomor=nomor, teks=short(teks)), key)
                   for key, (_, nomor, teks, _r) in self._records.items()]
        pilih.set_options(options)
        if self._pilihan in self._records:
            pilih.value = self._pilihan
        else:
            self._pilihan = None

    def _refresh_untuk_rhk(self) -> None:
        """"Untuk RHK" follows the RHK in focus (chosen, or last added); the last RHK otherwise."""
        own = [(short(r["teks"]), r["id"]) for r in self._detail["rhk"]]
        ind_rhk = self.query_one("#ind-rhk", Select)
        ind_rhk.set_options(own)
        if own:
            ids = {v for _, v in own}
            self._untuk_rhk = self._untuk_rhk if self._untuk_rhk in ids else own[-1][1]
            ind_rhk.value = self._untuk_rhk

    def _render_list(self) -> str:
        if not self._detail["rhk"]:
            return self._m("tui.skp.rhk_kosong")
        lines = []

        def mark(key: tuple[str, int]) -> str:
            return "▶ " if key == self._pilihan else "  "

        for rhk in self._detail["rhk"]:
            _, nomor, _, _ = self._records[("rhk", rhk["id"])]
            lines.append(f"{mark(('rhk', rhk['id']))}RHK {nomor} ({rhk['jenis'].title()}): {rhk['teks']}")
            if rhk["induk_teks"]:
                lines.append("     ↳ " + self._m("tui.skp.intervensi", teks=rhk["induk_teks"]))
            for ind in rhk["indikator"]:
                _, nomor, _, _ = self._records[("ind", ind["id"])]
                parts = [p.title() for p in (ind["aspek"], ind["perspektif"]) if p]
                kind = f" ({', '.join(parts)})" if parts else ""
                target = (
                    ""
                    if ind["target_nilai"] is None
                    else f" — target {angka(ind['target_nilai'])} {ind['target_satuan'] or ''}".rstrip()
                )
                lines.append(f"{mark(('ind', ind['id']))}   {nomor} {ind['teks']}{kind}{target}")
            if not rhk["indikator"]:
                lines.append("     • " + self._m("tui.skp.ind_kosong"))
        return "\n".join(lines)

    def _render_checklist(self) -> str:
        lang = self.app.session.lang
        lines = []
        for guard in checklist(self.app.session.store, self.skp["id"]):
            label = message(f"tui.guard.{guard.name}", lang)
            if guard.ok:
                lines.append(f"✓ {label}")
                continue
            mark = "✗" if guard.blocking else "!"
            level = "" if guard.blocking else f" ({message('tui.syarat.disarankan', lang)})"
            problem = problem_text(guard.code, guard.params, lang)
            lines.append(f"{mark} {label}{level} — {problem}: {fix_text(guard.code, guard.params, lang)}")
        return "\n".join(lines)

    def _say(self, target: str, text: str) -> None:
        """A refusal where the eye is: beside the form (scrolled into view) and as a notification."""
        widget = self.query_one(target, Static)
        widget.update(text)
        if text:
            widget.scroll_visible(animate=False)
            self.notify(text, severity="warning", timeout=10, markup=False)

    def _refusal(self, refused: WorkflowRefused | StoreError, apa: str = "") -> str:
        lang = self.app.session.lang
        if isinstance(refused, WorkflowRefused):
            return refusal_text(refused, lang, apa)
        return refused.render(lang)

    # -- commands ----------------------------------------------------------------------------------
    def _run(self, error_target: str, command, *args, clear: tuple[str, ...] = (), then=None,
             **kwargs) -> bool:
        """Run one workflow command; on refusal show why and keep what was typed. `then` gets the
        command's result before the screen reloads (the new RHK's id, to keep it in focus)."""
        try:
            result = command(self.app.session.store, self.app.session.actor, *args, **kwargs)
        except SandboxError as refused:  # StoreError: an outage, a busy file
            self._say(error_target, self._refusal(refused))
            return False
        self._say(error_target, "")
        for field in clear:
            self.query_one(field, Input).value = ""
        if then is not None:
            then(result)
        self.refresh_view()
        return True

    @on(Button.Pressed, "#buat")
    def _buat(self) -> None:
        pendekatan = self.query_one("#pendekatan", Select).value
        if self._run("#buat-error", buat_skp, YEAR, str(pendekatan)):
            self._focus_next_step()

    @on(Button.Pressed, "#tambah-rhk")
    @on(Input.Submitted, "#rhk-teks")
    def _tambah_rhk(self) -> None:
        induk_select = self.query_one("#induk", Select)
        induk = selected_int(induk_select)
        self._run(
            "#rhk-error",
            tambah_rhk,
            self.skp["id"],
            self.query_one("#rhk-teks", Input).value,
            str(self.query_one("#jenis", Select).value),
            induk_rhk_id=induk,
            clear=("#rhk-teks",),
            then=lambda rhk_id: self._focus_on(("rhk", rhk_id)),
        )

    @on(Button.Pressed, "#tambah-ind")
    def _tambah_ind(self) -> None:
        rhk = selected_int(self.query_one("#ind-rhk", Select))
        if rhk is None:
            self._say("#ind-error", self._m("tui.skp.pilih_rhk_dulu"))
            return
        raw = self.query_one("#target", Input).value.strip().replace(",", ".")
        try:
            target = float(raw) if raw else None
        except ValueError:
            self._say("#ind-error", self._m("tui.skp.target_angka", nilai=raw))
            return
        perspektif = self.query_one("#perspektif", Select)
        self._run(
            "#ind-error",
            tambah_indikator,
            rhk,
            self.query_one("#ind-teks", Input).value,
            aspek=str(self.query_one("#aspek", Select).value),
            target_nilai=target,
            target_satuan=self.query_one("#satuan", Input).value,
            perspektif=None if perspektif.is_blank() else str(perspektif.value),
            clear=("#ind-teks", "#target", "#satuan"),
            then=lambda ind_id: self._focus_on(("ind", ind_id), rhk),
        )

    @on(Button.Pressed, "#simpan-lampiran")
    def _lampiran(self) -> None:
        if self._run(
            "#lamp-error",
            isi_lampiran,
            self.skp["id"],
            dukungan_sd=self.query_one("#lamp-sd", Input).value,
            skema_pj=self.query_one("#lamp-pj", Input).value,
            konsekuensi=self.query_one("#lamp-kon", Input).value,
        ):
            self.notify(self._m("tui.skp.lampiran_tersimpan"), markup=False)

    @on(Button.Pressed, "#ajukan")
    def action_ajukan(self) -> None:
        if self.skp is None:
            self._say("#buat-error", self._m("tui.skpk.f8_belum", tahun=YEAR))
            return
        if not self._can().ubah:
            self.notify(self._m("tui.skpk.f8_status", tahun=YEAR,
                                status=self._m(f"skp.status.{self.skp['status']}")),
                        severity="warning", timeout=10, markup=False)
            return
        try:
            ajukan(self.app.session.store, self.app.session.actor, self.skp["id"])
        except SandboxError as refused:
            self._say("#ajukan-error", self._m("tui.skpk.ajukan_gagal", alasan=self._refusal(refused)))
            self.refresh_view()  # the checklist shows every guard still missing
            return
        self._say("#ajukan-error", "")
        self.refresh_view()
        self.notify(self._m("tui.skp.diajukan"), markup=False)

    # -- correcting an RHK or indikator ------------------------------------------------------------
    def _focus_on(self, key: tuple[str, int], rhk_id: int | None = None) -> None:
        """Keep a record in focus: chosen for correction, and its RHK as "Untuk RHK"."""
        self._pilihan = key
        self._untuk_rhk = rhk_id if rhk_id is not None else key[1]

    @on(Select.Changed, "#pilih")
    def _pilih_changed(self, event: Select.Changed) -> None:
        if event.value == Select.BLANK or event.value not in self._records:
            return
        kind, _, _, record = self._records[event.value]
        self._focus_on(event.value, record["id"] if kind == "RHK" else record["rhk_id"])
        ind_rhk = self.query_one("#ind-rhk", Select)
        if ind_rhk.value != self._untuk_rhk:
            ind_rhk.value = self._untuk_rhk
        self.query_one("#koreksi-error", Static).update("")
        self.query_one("#daftar", Static).update(self._render_list())

    @on(Select.Changed, "#ind-rhk")
    def _untuk_rhk_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, int):
            self._untuk_rhk = event.value

    def _chosen(self) -> tuple[tuple[str, int], tuple[str, str, str, dict]] | None:
        """The record chosen in the list the person sees, or None (said beside the list)."""
        key = self.query_one("#pilih", Select).value
        if key == Select.BLANK:
            self._say("#koreksi-error", self._m("tui.skpk.pilih_dulu"))
            return None
        if key not in self._records:
            self._say("#koreksi-error", self._m("tui.skpk.hilang"))
            return None
        return key, self._records[key]

    def _koreksi(self, command, record_id: int, apa: str, **values) -> str | None:
        """Run an edit or delete; the refusal in the screen's words, or None once done."""
        try:
            command(self.app.session.store, self.app.session.actor, record_id, **values)
        except SandboxError as refused:
            return self._refusal(refused, apa)
        return None

    @on(Button.Pressed, "#ubah")
    def _ubah(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        (kind, record_id), (apa, nomor, _, record) = chosen
        lang = self.app.session.lang

        def done(saved: bool | None) -> None:
            if saved:
                self._say("#koreksi-error", "")
                self.refresh_view()
                self.notify(self._m("tui.skpk.diubah", apa=apa, nomor=nomor), markup=False)

        if kind == "rhk":
            dialog = RhkDialog(self._m("tui.skpk.ubah_rhk_judul", nomor=nomor), lang,
                               lambda v: self._koreksi(ubah_rhk, record_id, f"RHK {nomor}", **v),
                               teks=record["teks"], jenis=record["jenis"])
        else:
            me = person(self.app.session.store, self.app.session.actor) or {}
            dialog = IndikatorDialog(
                self._m("tui.skpk.ubah_ind_judul", nomor=nomor, rhk=record["rhk_no"]), lang,
                lambda v: self._koreksi(ubah_indikator, record_id, f"{apa} {nomor}", **v),
                indikator=record, kuantitatif=self.skp["pendekatan"] == "kuantitatif",
                jpt=me.get("jenis_jabatan") == "jpt")
        self.app.push_screen(dialog, done)

    @on(Button.Pressed, "#hapus")
    def _hapus(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        (kind, record_id), (apa, nomor, teks, record) = chosen
        if kind == "rhk":
            question = self._m("tui.skpk.hapus_rhk_tanya", nomor=nomor, teks=teks,
                               jumlah=len(record["indikator"]), tahun=YEAR)
            command = hapus_rhk
        else:
            question = self._m("tui.skpk.hapus_ind_tanya", nomor=nomor, teks=teks, rhk=record["rhk_no"],
                               tahun=YEAR)
            command = hapus_indikator

        def delete() -> None:
            refusal = self._koreksi(command, record_id, f"{apa} {nomor}")
            if refusal:
                self._say("#koreksi-error", refusal)
                return
            self._say("#koreksi-error", "")
            self.refresh_view()
            self.notify(self._m("tui.skpk.dihapus", apa=apa, nomor=nomor, teks=teks), markup=False)

        ask(self, question, self._m("tui.skpk.hapus_ya"), delete)

    # -- revision of an approved SKP ---------------------------------------------------------------
    @on(Button.Pressed, "#minta-revisi")
    def _minta_revisi(self) -> None:
        if not self._can().minta_revisi:
            return
        store, lang = self.app.session.store, self.app.session.lang
        pejabat = person(store, self.skp["pejabat_nip"]) if self.skp["pejabat_nip"] else None
        nama = pejabat["nama"] if pejabat else self._m("tui.skpk.pejabat_penilai")
        skp_id = self.skp["id"]

        def send(alasan: str) -> None:
            refusal = self._koreksi(ajukan_revisi, skp_id, "", alasan=alasan)
            if refusal:
                self._say("#revisi-error", refusal)
                return
            self._say("#revisi-error", "")
            self.refresh_view()
            self.notify(self._m("tui.skpk.revisi_terkirim", tahun=YEAR, pejabat=nama), markup=False)

        def written(alasan: str | None) -> None:
            if alasan is None:
                return
            ask(self, self._m("tui.skpk.revisi_tanya", tahun=YEAR, pejabat=nama, alasan=alasan.strip()),
                self._m("tui.skpk.revisi_ya"), lambda: send(alasan))

        self.app.push_screen(CatatanDialog(self._m("tui.skpk.revisi_prompt", tahun=YEAR), lang,
                                           wajib=self._m("tui.skpk.revisi_wajib")), written)
