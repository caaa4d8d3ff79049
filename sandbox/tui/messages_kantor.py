"""Messages of the office's missing steps (issue #17 item 7): capaian organisasi, Monitoring by
status, the rule explorer on the office date, the printable Dokumen Evaluasi."""

from __future__ import annotations

from sandbox.i18n import add_messages

add_messages({
    # -- capaian organisasi -----------------------------------------------------------------------
    "tui.ktr.cap.subtitle": ("Capaian Kinerja Organisasi", "Organisation performance result"),
    "tui.ktr.cap.col.unit": ("Unit", "Unit"),
    "tui.ktr.cap.col.capaian": ("Capaian", "Result"),
    "tui.ktr.cap.col.penetap": ("Ditetapkan oleh", "Set by"),
    "tui.ktr.cap.nilai": ("Capaian unit yang dipilih:", "Result for the chosen unit:"),
    "tui.ktr.cap.pilih_nilai": ("Pilih capaian", "Choose a result"),
    "tui.ktr.cap.tetapkan": ("Tetapkan", "Set"),
    "tui.ktr.cap.belum": ("belum ditetapkan", "not set yet"),
    "tui.ktr.cap.anda": ("Anda", "You"),
    "tui.ktr.cap.kepala_daerah": ("Kepala Daerah (diperankan pelatih)",
                                  "Head of region (played by the trainer)"),
    "tui.ktr.cap.perlu_unit": ("Pilih dulu unitnya di tabel (panah atas/bawah).",
                               "First choose the unit in the table (up/down arrows)."),
    "tui.ktr.cap.perlu_nilai": ("Pilih dulu capaiannya (Istimewa, Baik, …).",
                                "First choose the result (Istimewa, Baik, …)."),
    "tui.ktr.cap.tanya": (
        "Tetapkan capaian kinerja organisasi {unit} untuk {periode} menjadi {nilai}?\n"
        "Ditetapkan oleh: {oleh}. Capaian ini menjadi Rating Hasil Kerja pimpinan unit dan menentukan"
        " pola kurva distribusi predikat unit itu.",
        "Set the organisation result of {unit} for {periode} to {nilai}?\n"
        "Set by: {oleh}. This result becomes the unit head's work-result rating and decides the unit's"
        " distribution curve."),
    "tui.ktr.cap.ya": ("Ya, tetapkan {nilai}", "Yes, set {nilai}"),
    "tui.ktr.cap.ok": ("Capaian {unit} untuk {periode} kini {nilai}.",
                       "The result of {unit} for {periode} is now {nilai}."),
    "tui.ktr.cap.bukan_anda": (
        "Anda tidak dapat menetapkan capaian {unit}: yang menetapkannya {penetap}, atasan pimpinan"
        " unit itu. Pengelola kinerja hanya dapat mengusulkan nilainya.",
        "You cannot set the result of {unit}: it is set by {penetap}, the unit head's superior. The"
        " performance unit may only recommend a value."),
    "tui.ktr.cap.ditolak": ("Capaian {unit} tidak diubah: {alasan}",
                            "The result of {unit} was not changed: {alasan}"),
    "tui.ktr.cap.petunjuk": (
        "Anda menetapkan capaian unit bertanda ✎. Unit lain ditetapkan oleh orang yang tertulis.",
        "You set the result of the units marked ✎. The others are set by the person shown."),
    "tui.ktr.cap.petunjuk_kosong": (
        "Tidak ada unit yang capaiannya Anda tetapkan; tabel menunjukkan siapa yang menetapkan.",
        "There is no unit whose result you set; the table shows who sets each."),
    "tui.ktr.key.capaian": ("Capaian organisasi", "Organisation result"),
    "tui.ktr.help.capaian": (
        "# Capaian Kinerja Organisasi\n\n"
        "Capaian organisasi (Istimewa, Baik, Butuh Perbaikan, Kurang, Sangat Kurang) ditetapkan per"
        " periode oleh organisasi di atas unit: atasan pimpinan unit, atau Kepala Daerah untuk kepala"
        " perangkat daerah. Pengelola kinerja dapat mengusulkan, tidak menetapkan.\n\n"
        "- Capaian menjadi **Rating Hasil Kerja pimpinan unit**.\n"
        "- Capaian menentukan **pola kurva** predikat pegawai unit itu; cek kurva di Monitoring"
        " memerlukannya.\n"
        "- Setelah penilaian pimpinan unit terkunci, capaian tidak dapat diubah.\n\n"
        "Pilih periode, pilih unit di tabel, pilih capaian, lalu **Tetapkan**; Anda diminta"
        " memastikan dulu.",
        "# Organisation performance result\n\n"
        "The organisation result (Istimewa, Baik, Butuh Perbaikan, Kurang, Sangat Kurang) is set per"
        " period by the organisation above the unit: the unit head's superior, or the head of region for"
        " the head of the office. The performance unit may recommend it, not set it.\n\n"
        "- It becomes the **unit head's work-result rating**.\n"
        "- It decides the **curve** of the unit's predikat; the curve check in Monitoring needs it.\n"
        "- Once the unit head's rating is locked, it cannot be changed.\n\n"
        "Choose the period, the unit in the table and the result, then **Set**; you are asked to"
        " confirm first."),
    # -- monitoring by status -----------------------------------------------------------------------
    "tui.ktr.mon.col.sudah": ("Sudah dinilai", "Rated"),
    "tui.ktr.mon.status": ("{unit} — SKP: {skp}. {periode}: {status}.",
                           "{unit} — SKP: {skp}. {periode}: {status}."),
    "tui.ktr.mon.capaian": ("Capaian organisasi… (F7)", "Organisation result… (F7)"),
    "tui.ktr.skp.BELUM_DIBUAT": ("Belum dibuat", "Not made"),
    "tui.ktr.skp.DRAFT": ("Draf", "Draft"),
    "tui.ktr.skp.DIAJUKAN": ("Diajukan", "Submitted"),
    "tui.ktr.skp.DIKEMBALIKAN": ("Dikembalikan", "Returned"),
    "tui.ktr.skp.DISETUJUI": ("Disetujui", "Approved"),
    "tui.ktr.per.BELUM_DIBUKA": ("Belum dibuka", "Not open"),
    "tui.ktr.per.DIISI": ("Sedang diisi", "Being filled"),
    "tui.ktr.per.DINILAI": ("Dinilai", "Rated"),
    "tui.ktr.per.DIKEMBALIKAN_KURVA": ("Dinilai ulang (kurva)", "Re-rating (curve)"),
    "tui.ktr.per.TERKUNCI": ("Terkunci", "Locked"),
    "tui.ktr.per.DOKUMEN_TERBIT": ("Dokumen terbit", "Document issued"),
    "tui.ktr.per.KEBERATAN": ("Keberatan", "Objection"),
    "tui.ktr.per.FINAL": ("Final", "Final"),
    "tui.ktr.cek.SESUAI": ("Sesuai", "Within"),
    "tui.ktr.cek.MELANGGAR": ("Melanggar", "Breached"),
    "tui.ktr.mon.sesuai": ("✓ Kurva {unit} sesuai untuk capaian {capaian} ({jumlah}).",
                           "✓ The curve of {unit} is within the pattern for {capaian} ({jumlah})."),
    "tui.ktr.mon.melanggar": (
        "✗ Kurva {unit} melanggar pola capaian {capaian} ({jumlah}). Penilaian yang sudah dinilai"
        " dikembalikan ke pejabat penilai untuk dinilai ulang:",
        "✗ The curve of {unit} breaks the pattern for {capaian} ({jumlah}). Rated periods go back to"
        " the appraisers for re-rating:"),
    # -- rule explorer ------------------------------------------------------------------------------
    "tui.ktr.atr.tanggal": ("Tanggal kantor: {tanggal}", "Office date: {tanggal}"),
    "tui.ktr.atr.belum_berlaku": (
        "{pack} belum berlaku pada tanggal kantor ({tanggal}); mulai berlaku {mulai}. Pelatih dapat"
        " memajukan jam kantor untuk mencobanya.",
        "{pack} is not yet in force on the office date ({tanggal}); it takes effect on {mulai}. The"
        " trainer can move the office clock forward to try it."),
    "tui.ktr.atr.berakhir": (
        "{pack} tidak berlaku lagi pada tanggal kantor ({tanggal}); berlaku sampai {sampai}.",
        "{pack} is no longer in force on the office date ({tanggal}); it was in force until {sampai}."),
    "tui.ktr.help.aturan": (
        "# Penjelajah Aturan\n\n"
        "Kiri: setiap keputusan dari setiap paket aturan (peraturan sebagai data). Pilih satu, ubah"
        " masukannya di kanan, dan baca hasilnya beserta alasannya.\n\n"
        "- Evaluasi memakai **tanggal kantor** (jam latihan), bukan tanggal hari ini: parameter dan"
        " paket yang berlaku mengikuti tanggal itu.\n"
        "- Paket reformasi (contoh perubahan aturan) baru berlaku pada tanggal berlakunya; sebelum itu"
        " penjelajah mengatakannya.\n"
        "- Angka salah ketik dijelaskan di bawah, tidak ada yang tersimpan.\n\n"
        "Tab: dari daftar ke isian. Esc: kembali.",
        "# Rule explorer\n\n"
        "Left: every decision of every rule pack (regulations as data). Choose one, change its inputs"
        " on the right, and read the outcome and why.\n\n"
        "- It evaluates on the **office date** (the practice clock), not today's date: the parameters"
        " and packs in force follow that date.\n"
        "- A reform pack (an example rule change) applies from its effective date; before that the"
        " explorer says so.\n"
        "- A mistyped number is explained below; nothing is saved.\n\n"
        "Tab: from the list to the fields. Esc: back."),
    # -- dokumen evaluasi ---------------------------------------------------------------------------
    "tui.ktr.dok.ekspor_md": ("Simpan Markdown", "Save as Markdown"),
    "tui.ktr.dok.ekspor_html": ("Simpan HTML untuk cetak", "Save HTML to print"),
    "tui.ktr.dok.md_ok": ("Dokumen (Markdown) disimpan di:\n{path}", "Document (Markdown) saved at:\n{path}"),
    "tui.ktr.dok.html_ok": (
        "Dokumen siap cetak disimpan di:\n{path}\nBuka dengan peramban, lalu Ctrl+P (kertas A4).",
        "Printable document saved at:\n{path}\nOpen it in a browser, then Ctrl+P (A4 paper)."),
})
