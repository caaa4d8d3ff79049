"""SKP Saya's words (issue #17): correcting an RHK or indikator, asking for a revision, and the submit
guards and refusals named as the screen names things ("RHK 2", "indikator 2.1", status as a word),
never by an internal id or a code. Indonesian first, English second."""

from __future__ import annotations

from sandbox.i18n import add_messages, message
from sandbox.workflow.errors import WorkflowRefused

add_messages({
    # -- choosing what to correct ------------------------------------------------------------------
    "tui.skpk.koreksi_judul": ("Perbaiki RHK atau indikator", "Correct an RHK or indikator"),
    "tui.skpk.pilih_prompt": ("Pilih RHK atau indikator yang akan diperbaiki",
                              "Choose the RHK or indikator to correct"),
    "tui.skpk.opsi_rhk": ("RHK {nomor}: {teks}", "RHK {nomor}: {teks}"),
    "tui.skpk.opsi_ind": ("Indikator {nomor}: {teks}", "Indikator {nomor}: {teks}"),
    "tui.skpk.ubah": ("Ubah", "Edit"),
    "tui.skpk.hapus": ("Hapus", "Delete"),
    "tui.skpk.pilih_dulu": ("Pilih dulu RHK atau indikator yang akan diubah atau dihapus",
                            "First choose the RHK or indikator to edit or delete"),
    "tui.skpk.hilang": ("Yang dipilih sudah tidak ada di SKP ini; pilih lagi dari daftar",
                        "The chosen item is no longer in this SKP; choose again from the list"),
    # -- the edit dialogs --------------------------------------------------------------------------
    "tui.skpk.ubah_rhk_judul": ("Ubah RHK {nomor}", "Edit RHK {nomor}"),
    "tui.skpk.ubah_ind_judul": ("Ubah indikator {nomor} (RHK {rhk})", "Edit indikator {nomor} (RHK {rhk})"),
    "tui.skpk.teks_rhk": ("Rencana Hasil Kerja", "Rencana Hasil Kerja"),
    "tui.skpk.teks_ind": ("Indikator", "Indikator"),
    "tui.skpk.target": ("Target (angka)", "Target (number)"),
    "tui.skpk.satuan": ("Satuan", "Unit"),
    "tui.skpk.simpan": ("Simpan", "Save"),
    "tui.skpk.diubah": ("{apa} {nomor} diperbarui", "{apa} {nomor} updated"),
    # -- deleting ----------------------------------------------------------------------------------
    "tui.skpk.hapus_rhk_tanya": (
        "Hapus RHK {nomor} \"{teks}\" beserta {jumlah} indikatornya dari SKP {tahun} Anda? Yang dihapus"
        " tidak dapat dikembalikan.",
        "Delete RHK {nomor} \"{teks}\" and its {jumlah} indikator from your {tahun} SKP? What is deleted"
        " cannot be restored."),
    "tui.skpk.hapus_ind_tanya": (
        "Hapus indikator {nomor} \"{teks}\" dari RHK {rhk} SKP {tahun} Anda? Yang dihapus tidak dapat"
        " dikembalikan.",
        "Delete indikator {nomor} \"{teks}\" from RHK {rhk} of your {tahun} SKP? What is deleted cannot"
        " be restored."),
    "tui.skpk.hapus_ya": ("Ya, hapus", "Yes, delete"),
    "tui.skpk.dihapus": ("{apa} {nomor} dihapus: \"{teks}\"", "{apa} {nomor} deleted: \"{teks}\""),
    # -- revision of an approved SKP ---------------------------------------------------------------
    "tui.skpk.revisi_info": (
        "SKP ini sudah disetujui. Bila RHK atau target harus berubah di tengah tahun, minta revisi"
        " kepada pejabat penilai; selama menunggu, SKP yang disetujui tetap berlaku.",
        "This SKP is approved. If an RHK or target must change mid-year, ask your appraiser for a"
        " revision; while it waits, the approved SKP stays in force."),
    "tui.skpk.revisi_tombol": ("Minta revisi", "Request a revision"),
    "tui.skpk.revisi_prompt": (
        "Alasan permintaan revisi SKP {tahun}: RHK mana yang berubah dan mengapa",
        "Why the {tahun} SKP should be revised: which RHK changes and why"),
    "tui.skpk.revisi_wajib": (
        "Alasan wajib diisi: tulis RHK mana yang berubah dan mengapa, mis. 'penugasan baru dari Kepala"
        " Dinas'",
        "A reason is required: write which RHK changes and why, e.g. 'new assignment from the head of"
        " office'"),
    "tui.skpk.revisi_tanya": (
        "Ajukan permintaan revisi SKP {tahun} kepada {pejabat}? Alasan: \"{alasan}\". SKP tidak dapat"
        " diubah sampai {pejabat} memutuskan.",
        "Send a request to revise the {tahun} SKP to {pejabat}? Reason: \"{alasan}\". The SKP cannot be"
        " changed until {pejabat} decides."),
    "tui.skpk.revisi_ya": ("Ya, minta revisi", "Yes, request it"),
    "tui.skpk.revisi_terkirim": ("Permintaan revisi SKP {tahun} dikirim kepada {pejabat}",
                                 "The {tahun} SKP revision request was sent to {pejabat}"),
    "tui.skpk.pejabat_penilai": ("pejabat penilai Anda", "your appraiser"),
    # -- Ajukan (F8) -------------------------------------------------------------------------------
    "tui.skpk.f8_belum": (
        "Belum ada SKP {tahun} untuk diajukan — buat dulu dengan tombol \"Buat SKP {tahun}\"",
        "There is no {tahun} SKP to submit yet — create it first with \"Create the {tahun} SKP\""),
    "tui.skpk.f8_status": (
        "SKP {tahun} berstatus {status}: hanya SKP draf atau yang dikembalikan yang dapat diajukan",
        "The {tahun} SKP is {status}: only a draft or a returned SKP can be submitted"),
    "tui.skpk.ajukan_gagal": ("SKP belum dapat diajukan: {alasan}",
                              "The SKP cannot be submitted yet: {alasan}"),
    # -- submit guards and refusals, as the screen names things ------------------------------------
    "tui.skpk.guard.rhk_tanpa_induk": ("{rhk} belum mengintervensi RHK atasan",
                                       "{rhk} does not intervene a superior's RHK"),
    "tui.skpk.guard.rhk_tanpa_indikator": ("{rhk} belum memiliki indikator", "{rhk} has no indikator yet"),
    "tui.skpk.guard.target_kosong": (
        "{ind} (SKP kuantitatif) belum memiliki aspek, target atau satuan",
        "{ind} (kuantitatif SKP) lacks an aspect, target or unit"),
    "tui.skpk.guard.perspektif_kosong": ("{ind} (JPT) belum memiliki perspektif",
                                         "{ind} (JPT) has no perspective"),
    "tui.skpk.guard.ganda": ("SKP lain Anda dengan periode yang tumpang tindih sudah diajukan",
                             "Another SKP of yours with an overlapping period is already submitted"),
    "tui.skpk.guard.ganda.fix": ("lanjutkan SKP yang sudah diajukan; jangan mengajukan dua SKP untuk"
                                 " periode yang sama",
                                 "continue the SKP already submitted; do not submit two SKPs for one period"),
    "tui.skpk.lamp.dukungan_sd": ("Dukungan Sumber Daya", "resources"),
    "tui.skpk.lamp.skema_pj": ("Skema Pertanggungjawaban", "accountability scheme"),
    "tui.skpk.lamp.konsekuensi": ("Konsekuensi", "consequences"),
    "tui.skpk.tolak.terkunci": ("SKP berstatus {status} sehingga tidak dapat diubah",
                                "The SKP is {status}, so it cannot be changed"),
    "tui.skpk.tolak.diintervensi": (
        "{apa} sudah diintervensi RHK bawahan; tidak dapat dihapus",
        "{apa} is already intervened by a subordinate's RHK; it cannot be deleted"),
    "tui.skpk.tolak.sudah_dipakai": (
        "{apa} sudah dipakai dalam rencana aksi, realisasi atau bukti dukung; tidak dapat dihapus",
        "{apa} is already used by an action plan, realisasi or evidence; it cannot be deleted"),
    "tui.skpk.tolak.tidak_ada": ("{apa} sudah tidak ada di SKP ini", "{apa} is no longer in this SKP"),
    "tui.skpk.tolak.status_salah": ("SKP berstatus {status}", "The SKP is {status}"),
    "tui.skpk.words": ("{a} dan {b}", "{a} and {b}"),
})

# A refusal whose catalog text names an internal id or a status code: the screen's own words instead.
_OWN_TEXT = {
    "workflow.skp.terkunci": "tui.skpk.tolak.terkunci",
    "workflow.skp.status_salah": "tui.skpk.tolak.status_salah",
    "workflow.rhk.diintervensi": "tui.skpk.tolak.diintervensi",
    "workflow.hapus.sudah_dipakai": "tui.skpk.tolak.sudah_dipakai",
    "workflow.rhk_tidak_ada": "tui.skpk.tolak.tidak_ada",
    "workflow.indikator_tidak_ada": "tui.skpk.tolak.tidak_ada",
    "workflow.ajukan.rhk_tanpa_induk": "tui.skpk.guard.rhk_tanpa_induk",
    "workflow.ajukan.rhk_tanpa_indikator": "tui.skpk.guard.rhk_tanpa_indikator",
    "workflow.ajukan.target_kosong": "tui.skpk.guard.target_kosong",
    "workflow.ajukan.perspektif_kosong": "tui.skpk.guard.perspektif_kosong",
    "workflow.ajukan.ganda": "tui.skpk.guard.ganda",
}


def _joined(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return message("tui.skpk.words", lang, a=", ".join(items[:-1]), b=items[-1])


def _params(code: str, params: dict, lang: str, apa: str) -> dict:
    """The parameters in the screen's words: numbers as listed, statuses and fields as words."""
    shown = dict(params, apa=apa) if apa else dict(params)
    shown["rhk"] = _joined([f"RHK {n}" for n in params.get("rhk_nomor", [])], lang)
    shown["ind"] = _joined([f"Indikator {n}" for n in params.get("indikator_nomor", [])], lang)
    if "status" in params:
        shown["status"] = message(f"skp.status.{params['status']}", lang)
    if code == "workflow.ajukan.lampiran":
        fields = [f.strip() for f in str(params.get("kosong", "")).split(",") if f.strip()]
        shown["kosong"] = ", ".join(message(f"tui.skpk.lamp.{f}", lang) for f in fields)
    return shown


def problem_text(code: str, params: dict, lang: str, apa: str = "") -> str:
    """What is wrong (a refusal's or guard's first half), naming things as SKP Saya does."""
    shown = _params(code, params, lang, apa)
    return message(_OWN_TEXT.get(code, code), lang, **shown)


def fix_text(code: str, params: dict, lang: str) -> str:
    """What to do about it (the `.fix` half)."""
    key = "tui.skpk.guard.ganda.fix" if code == "workflow.ajukan.ganda" else code + ".fix"
    return message(key, lang, **_params(code, params, lang, ""))


def refusal_text(refused: WorkflowRefused, lang: str, apa: str = "") -> str:
    """A workflow refusal as SKP Saya shows it; `apa` names the record as listed ("RHK 2")."""
    code, params = refused.code, refused.params
    return f"{problem_text(code, params, lang, apa)} — {fix_text(code, params, lang)}"
