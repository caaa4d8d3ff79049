"""The pejabat's screens in words (issue #17): SKP Bawahan, Penilaian Bawahan and Keberatan show
states, ratings, predikat, dates and numbers as a person reads them, never the workflow's codes
(`EVIDEN_LENGKAP`, `di_atas`, `2026-04-16`, `1e+11`). Messages (Indonesian first, English second)
and the few functions that turn a stored code into its words."""

from __future__ import annotations

from sandbox.formatting import long_date, state_word
from sandbox.i18n import add_messages, message
from sandbox.i18n.catalog import MESSAGES
from sandbox.workflow.errors import WorkflowRefused

add_messages({
    # predikat (PermenPANRB 6/2022): the Indonesian name stays, English adds its meaning
    "tui.pjb.predikat.sangat_baik": ("Sangat Baik", "Sangat Baik (very good)"),
    "tui.pjb.predikat.baik": ("Baik", "Baik (good)"),
    "tui.pjb.predikat.butuh_perbaikan": ("Butuh Perbaikan", "Butuh Perbaikan (needs improvement)"),
    "tui.pjb.predikat.cukup": ("Butuh Perbaikan", "Butuh Perbaikan (needs improvement)"),
    "tui.pjb.predikat.kurang": ("Kurang/Misconduct", "Kurang/Misconduct (poor)"),
    "tui.pjb.predikat.sangat_kurang": ("Sangat Kurang", "Sangat Kurang (very poor)"),
    "tui.pjb.jenis.utama": ("utama", "main"),
    "tui.pjb.jenis.tambahan": ("tambahan", "additional"),
    "tui.pjb.pendekatan.kuantitatif": ("kuantitatif", "quantitative"),
    "tui.pjb.pendekatan.kualitatif": ("kualitatif", "qualitative"),
    # a bukti dukung link the check found not working
    "tui.pjb.tautan.PRIVATE": ("tidak dapat dibuka: akses dibatasi pemiliknya",
                               "cannot be opened: access restricted by its owner"),
    "tui.pjb.tautan.BROKEN": ("tautan rusak: halaman tidak ditemukan", "broken link: page not found"),
    "tui.pjb.tautan.lain": ("tautan bermasalah", "the link has a problem"),
    # Penilaian Bawahan: the period's entries, bukti dukung and deadlines
    "tui.pjb.batas_nilai": ("Batas pengisian dan penilaian: {tanggal}",
                            "Deadline for entries and rating: {tanggal}"),
    "tui.pjb.batas_lewat": ("Batas pengisian dan penilaian {tanggal} sudah lewat.",
                            "The deadline for entries and rating, {tanggal}, has passed."),
    "tui.pjb.batas_keberatan": ("Keberatan dapat diajukan pegawai sampai {tanggal} (PP 30/2019 Pasal 59).",
                                "The pegawai may object until {tanggal} (PP 30/2019 Pasal 59)."),
    "tui.pjb.keberatan_diajukan": (
        "Pegawai mengajukan keberatan (batas pengajuan {tanggal}); menunggu keputusan atasan pejabat"
        " penilai.",
        "The pegawai has objected (the last day was {tanggal}); waiting for the appraiser's superior."),
    # for the Dokumen screen (replaces tui.dok.state.dokumen_terbit, which says no date)
    "tui.pjb.dok.batas_keberatan": (
        "Dokumen terbit. Anda dapat mengajukan keberatan sampai {tanggal} (PP 30/2019 Pasal 59).",
        "Document issued. You may object until {tanggal} (PP 30/2019 Pasal 59)."),
    "tui.pjb.status": ("Status: {status}", "State: {status}"),
    "tui.pjb.status_predikat": ("{status} · predikat {predikat}", "{status} · predikat {predikat}"),
    "tui.pjb.ind": ("Indikator {nomor}: {teks}", "Indikator {nomor}: {teks}"),
    "tui.pjb.realisasi": ("   Realisasi {realisasi} dari target {target}",
                          "   Realised {realisasi} of target {target}"),
    "tui.pjb.realisasi_belum": ("   Realisasi belum diisi (target {target})",
                                "   No realisation yet (target {target})"),
    "tui.pjb.bukti_belum": ("   Belum ada bukti dukung", "   No bukti dukung yet"),
    "tui.pjb.bukti_baris": ("   Bukti {nomor}: {nama} — {url}", "   Evidence {nomor}: {nama} — {url}"),
    "tui.pjb.bukti_rusak": ("      ⚠ {keadaan}", "      ⚠ {keadaan}"),
    "tui.pjb.ub_indikator": ("Umpan balik untuk indikator {nomor}: {teks}",
                             "Feedback on indikator {nomor}: {teks}"),
    "tui.pjb.ub_perilaku": ("Umpan balik untuk perilaku {nilai}: {teks}",
                            "Feedback on behaviour {nilai}: {teks}"),
    "tui.pjb.ub_lain": ("Umpan balik: {teks}", "Feedback: {teks}"),
    "tui.pjb.bukti_judul": ("Bukti dukung (buka tautan sambil menilai)",
                            "Bukti dukung (open a link while rating)"),
    "tui.pjb.bukti_pilih": ("Pilih bukti dukung", "Choose a bukti dukung"),
    "tui.pjb.bukti_tidak_ada": ("Periode ini belum punya bukti dukung.",
                                "This period has no bukti dukung yet."),
    "tui.pjb.bukti_opsi": ("Indikator {nomor} · {nama} — {url}", "Indikator {nomor} · {nama} — {url}"),
    "tui.pjb.bukti_opsi_rusak": ("Indikator {nomor} · {nama} — {url} ({keadaan})",
                                 "Indikator {nomor} · {nama} — {url} ({keadaan})"),
    "tui.pjb.buka": ("Buka tautan", "Open the link"),
    "tui.pjb.buka_dulu": ("Pilih dulu bukti dukung yang akan dibuka.",
                          "First choose the bukti dukung to open."),
    "tui.pjb.dibuka": ("Membuka di peramban: {url}", "Opening in the browser: {url}"),
    "tui.pjb.dibuka_rusak": ("Membuka di peramban: {url} — tautan ini tercatat {keadaan}.",
                             "Opening in the browser: {url} — this link is recorded as: {keadaan}."),
    "tui.pjb.bukti_hilang": ("Bukti dukung itu sudah tidak ada di periode ini; pilih lagi.",
                             "That bukti dukung is no longer in this period; choose again."),
    "tui.pjb.skp_judul": ("SKP {tahun} {nama} · {status} · {pendekatan}\nPeriode SKP: {awal} – {akhir}",
                          "SKP {tahun} of {nama} · {status} · {pendekatan}\nSKP period: {awal} – {akhir}"),
    "tui.pjb.rhk": ("RHK {nomor} ({jenis}): {teks}", "RHK {nomor} ({jenis}): {teks}"),
    "tui.pjb.ek_pilih_skp": ("Pilih dulu SKP bawahan di daftar (Enter).",
                             "First choose a subordinate's SKP in the list (Enter)."),
    # Keberatan (atasan pejabat penilai)
    "tui.pjb.kbr.isi": (
        "{nama} · {periode}\nPredikat sekarang: {predikat} (Rating Hasil Kerja {hk}, Rating Perilaku {pk})\n"
        "Diajukan {diajukan}; batas pengajuan keberatan {batas} (PP 30/2019 Pasal 59).\n"
        "Alasan keberatan: {alasan}",
        "{nama} · {periode}\nCurrent predikat: {predikat} (Rating Hasil Kerja {hk}, Rating Perilaku {pk})\n"
        "Filed on {diajukan}; the last day to object was {batas} (PP 30/2019 Pasal 59).\n"
        "Reason given: {alasan}"),
    "tui.pjb.kbr.catatan_wajib": (
        "Tulis catatan keputusan dulu: pertimbangan dari pegawai dan pejabat penilai.",
        "Write the decision note first: what the pegawai and the appraiser said."),
    "tui.pjb.kbr.rating_wajib": (
        "Untuk menerima keberatan, pilih Rating Hasil Kerja dan Rating Perilaku yang baru.",
        "To accept the objection, choose the new Rating Hasil Kerja and Rating Perilaku."),
})

_DATE_PARAMS = ("batas", "awal", "akhir", "hari_ini", "tanggal", "sekarang", "diminta")


def kata(prefix: str, code: object, lang: str) -> str:
    """The catalog words for `code`, or the code made readable (never `di_atas`) when unknown."""
    if code is None or code == "":
        return "-"
    key = f"{prefix}{code}"
    return message(key, lang) if key in MESSAGES else str(code).replace("_", " ")


def state_kata(state: object, lang: str) -> str:
    """A period's state (`EVIDEN_LENGKAP`) or an SKP's (`DIAJUKAN`) as words."""
    return state_word(state, lang)


def rating_kata(rating: object, lang: str) -> str:
    """`di_atas` → "Di Atas Ekspektasi" / "Above expectation"."""
    return kata("tui.rating.", rating, lang)


def predikat_kata(predikat: object, lang: str) -> str:
    """`sangat_baik` → "Sangat Baik"."""
    return kata("tui.pjb.predikat.", predikat, lang)


def tautan_kata(status: object, lang: str) -> str | None:
    """What is wrong with a bukti dukung link, in words; None when it works (`OK`)."""
    if status in (None, "OK"):
        return None
    key = f"tui.pjb.tautan.{status}"
    return message(key if key in MESSAGES else "tui.pjb.tautan.lain", lang)


def tolakan(refused, lang: str) -> str:
    """A refusal (WorkflowRefused, or a StoreError: an outage, a busy file) with the codes among its
    values said in words (states, ratings, predikat, dates), so it reads as the screen does."""
    if not isinstance(refused, WorkflowRefused):
        return refused.render(lang)
    either = " atau " if lang == "id" else " or "

    def word(name: str, value: object) -> object:
        if not isinstance(value, str):
            return value
        if name in _DATE_PARAMS and len(value) >= 10 and value[4:5] == "-":
            return long_date(value, lang)
        parts = value.split("/")
        for prefix in ("periode.state.", "skp.status.", "tui.rating.", "tui.pjb.predikat."):
            if all(f"{prefix}{p}" in MESSAGES for p in parts):
                return either.join(message(f"{prefix}{p}", lang) for p in parts)
        return value

    return WorkflowRefused(refused.code, **{k: word(k, v) for k, v in refused.params.items()}).render(lang)
