"""SKP Saya: create the year's SKP, add RHK (choosing the atasan's RHK to intervene), indikator and
lampiran, see every submit guard as a checklist, and Ajukan. The screen only calls the workflow and
shows its refusals beside the form that caused them, keeping what was typed."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Header, Input, Label, Select, Static

from sandbox.i18n import message
from sandbox.store import StoreError
from sandbox.tui.forms import selected_int, short
from sandbox.tui.keybar import KeyBar
from sandbox.tui.screens.base import MenuScreen
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
from sandbox.workflow.skp import ASPEK, EDITABLE_STATES, PERSPEKTIF, syarat_skp
from sandbox.workflow.views import current_skp, last_note, parent_rhk_options, person, skp_detail


class SkpScreen(MenuScreen):
    HELP_TOPIC = "skp"
    BINDINGS = [
        Binding("f8", "ajukan", "Ajukan", id="skp.ajukan"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.skp: dict | None = None

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

    def _focus_next_step(self) -> None:
        """Put the cursor where a first-timer's next step is: create, else the RHK form."""
        if self.skp is None:
            self.query_one("#buat", Button).focus()
        elif self.skp["status"] in EDITABLE_STATES:
            self.query_one("#induk", Select).focus()

    # -- view --------------------------------------------------------------------------------------
    def refresh_view(self) -> None:
        session = self.app.session
        store = session.store
        self.skp = current_skp(store, session.actor, YEAR)
        has_skp = self.skp is not None
        editable = has_skp and self.skp["status"] in EDITABLE_STATES
        self.query_one("#bagian-buat").display = not has_skp
        for part in ("#bagian-rhk", "#bagian-indikator", "#bagian-lampiran", "#bagian-ajukan"):
            self.query_one(part).display = editable
        self.query_one("#daftar").display = has_skp
        me = person(store, session.actor)
        self.query_one("#bagian-perspektif").display = bool(me) and me["jenis_jabatan"] == "jpt"
        if not has_skp:
            self.query_one("#ringkasan", Static).update(self._m("tui.skp.belum", tahun=YEAR))
            return
        # required or recommended for this pegawai: the same table Ajukan and the scenario checks read
        level = syarat_skp(store, self.skp["id"])["lampiran"]
        self.query_one("#lampiran-judul", Label).update(
            f'{self._m("tui.skp.lampiran_judul")} ({self._m("tui.syarat." + level)})')
        status = self.skp["status"]
        summary = self._m(
            "tui.skp.ringkasan",
            tahun=YEAR,
            status=self._m(f"skp.status.{status}"),
            pendekatan=self.skp["pendekatan"],
            versi=self.skp["version"],
        )
        note = last_note(store, self.skp["id"], reader=session.actor)
        if status == "DIKEMBALIKAN" and note:
            summary += "\n" + self._m("tui.skp.catatan_atasan", catatan=note)
        elif not editable:
            summary += "\n" + self._m("tui.skp.terkunci", status=status)
        self.query_one("#ringkasan", Static).update(summary)
        detail = skp_detail(store, self.skp["id"], reader=session.actor)
        self.query_one("#daftar", Static).update(self._render_list(detail))
        parents = parent_rhk_options(store, session.actor, YEAR)
        self.query_one("#induk", Select).set_options([(short(p["teks"]), p["id"]) for p in parents])
        own = [(short(r["teks"]), r["id"]) for r in detail["rhk"]]
        ind_rhk = self.query_one("#ind-rhk", Select)
        keep = ind_rhk.value
        ind_rhk.set_options(own)
        if own:
            ind_rhk.value = keep if keep in {v for _, v in own} else own[-1][1]
        lamp = detail["lampiran"]
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

    def _render_list(self, detail: dict) -> str:
        if not detail["rhk"]:
            return self._m("tui.skp.rhk_kosong")
        lines = []
        for number, rhk in enumerate(detail["rhk"], start=1):
            lines.append(f"RHK {number} ({rhk['jenis']}): {rhk['teks']}")
            if rhk["induk_teks"]:
                lines.append("   ↳ " + self._m("tui.skp.intervensi", teks=rhk["induk_teks"]))
            for ind in rhk["indikator"]:
                target = (
                    ""
                    if ind["target_nilai"] is None
                    else f" — target {ind['target_nilai']:g} {ind['target_satuan'] or ''}"
                )
                lines.append(f"   • {ind['teks']} [{ind['aspek'] or '-'}]{target}")
            if not rhk["indikator"]:
                lines.append("   • " + self._m("tui.skp.ind_kosong"))
        return "\n".join(lines)

    def _render_checklist(self) -> str:
        lang = self.app.session.lang
        lines = []
        for guard in checklist(self.app.session.store, self.skp["id"]):
            name = guard.code.rsplit(".", 1)[-1]
            label = message(f"tui.guard.{name}", lang)
            if guard.ok:
                lines.append(f"✓ {label}")
                continue
            params = {
                k: ", ".join(map(str, v)) if isinstance(v, list) else v for k, v in guard.params.items()
            }
            mark = "✗" if guard.blocking else "!"
            level = "" if guard.blocking else f" ({message('tui.syarat.disarankan', lang)})"
            lines.append(f"{mark} {label}{level} — {message(guard.code + '.fix', lang, **params)}")
        return "\n".join(lines)

    def _show(self, target: str, refused: WorkflowRefused | StoreError | None) -> None:
        widget = self.query_one(target, Static)
        widget.update(refused.render(self.app.session.lang) if refused else "")

    # -- commands ----------------------------------------------------------------------------------
    def _run(self, error_target: str, command, *args, clear: tuple[str, ...] = (), **kwargs) -> bool:
        """Run one workflow command; on refusal show why and keep what was typed."""
        try:
            command(self.app.session.store, self.app.session.actor, *args, **kwargs)
        except (WorkflowRefused, StoreError) as refused:  # StoreError: an outage, a busy file
            self._show(error_target, refused)
            return False
        self._show(error_target, None)
        for field in clear:
            self.query_one(field, Input).value = ""
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
        )

    @on(Button.Pressed, "#tambah-ind")
    def _tambah_ind(self) -> None:
        rhk = selected_int(self.query_one("#ind-rhk", Select))
        if rhk is None:
            self.query_one("#ind-error", Static).update(self._m("tui.skp.pilih_rhk_dulu"))
            return
        raw = self.query_one("#target", Input).value.strip().replace(",", ".")
        try:
            target = float(raw) if raw else None
        except ValueError:
            self.query_one("#ind-error", Static).update(self._m("tui.skp.target_angka", nilai=raw))
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
        if self.skp is None or self.skp["status"] not in EDITABLE_STATES:
            return
        if self._run("#ajukan-error", ajukan, self.skp["id"]):
            self.notify(self._m("tui.skp.diajukan"), markup=False)


