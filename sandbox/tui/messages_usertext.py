"""Messages of the trainer's console added with issue #16 (Indonesian first, English second): the
confirmation before a seat is released, and the scenario picker's "T01 — title" options."""

from sandbox.training.vocab.registry import define_messages

define_messages(
    {
        "tui.kelas.lepas_tanya": (
            "Lepas kursi {kursi} ({nama})? Sesi yang memakai kursi ini berhenti, dan orang berikut yang"
            " bergabung mendapat kursi ini.",
            "Release seat {kursi} ({nama})? The session using this seat stops, and the next person to"
            " join gets this seat.",
        ),
        "tui.kelas.lepas_tanya_tanpa_nama": (
            "Lepas kursi {kursi} (belum bernama)? Sesi yang memakai kursi ini berhenti, dan orang berikut"
            " yang bergabung mendapat kursi ini.",
            "Release seat {kursi} (no name yet)? The session using this seat stops, and the next person"
            " to join gets this seat.",
        ),
        "tui.kelas.lepas_ya": ("Ya, lepas kursi", "Yes, release the seat"),
        "tui.kelas.lepas_batal": ("kursi {kursi} tidak dilepas", "seat {kursi} was not released"),
        "tui.kelas.skenario_pilihan": ("{id} — {judul}", "{id} — {judul}"),
    }
)

# Issue #17: every decision that cannot be undone asks first, naming the person (by name), the period
# and what will happen; the safe answer (Batal) has the focus. Refusals are shown as a notification too.
define_messages(
    {
        "tui.putus.setujui_tanya": (
            "Setujui SKP {nama} ({jabatan}), periode {periode}? SKP menjadi disetujui dan tidak dapat"
            " diubah lagi kecuali lewat revisi.",
            "Approve the SKP of {nama} ({jabatan}), period {periode}? The SKP becomes approved and can"
            " no longer be changed except through a revision.",
        ),
        "tui.putus.setujui_ya": ("Ya, setujui", "Yes, approve"),
        "tui.putus.kembalikan_tanya": (
            "Kembalikan SKP {nama} ({jabatan}), periode {periode}, dengan catatan: {catatan}? Pegawai harus"
            " memperbaikinya dan mengajukannya lagi.",
            "Return the SKP of {nama} ({jabatan}), period {periode}, with the note: {catatan}? The pegawai"
            " must fix it and submit it again.",
        ),
        "tui.putus.kembalikan_ya": ("Ya, kembalikan", "Yes, return it"),
        "tui.putus.nilai_tanya": (
            "Simpan penilaian {nama}, {periode}: Rating Hasil Kerja {hk}, Rating Perilaku {pk}? Predikat"
            " dihitung dan disimpan untuk pegawai ini.",
            "Save the rating of {nama}, {periode}: Rating Hasil Kerja {hk}, Rating Perilaku {pk}? The"
            " predikat is computed and saved for this pegawai.",
        ),
        "tui.putus.nilai_ya": ("Ya, simpan penilaian", "Yes, save the rating"),
        "tui.putus.hk_dari_unit": (
            "belum dipilih (bagi kepala unit: mengikuti capaian organisasi unitnya)",
            "not chosen (for a unit head: follows the unit's capaian organisasi)",
        ),
        "tui.putus.finalkan_tanya": (
            "Finalkan penilaian {nama}, {periode}? Hasilnya dikunci dan tidak dapat diubah lagi.",
            "Finalise the rating of {nama}, {periode}? The result is locked and can no longer be changed.",
        ),
        "tui.putus.finalkan_ya": ("Ya, finalkan", "Yes, finalise"),
        "tui.putus.terbitkan_tanya": (
            "Terbitkan Dokumen Evaluasi {nama}, {periode}? Dokumen tidak dapat ditarik lagi, dan masa"
            " keberatan mulai berjalan.",
            "Issue the Dokumen Evaluasi of {nama}, {periode}? The document cannot be withdrawn, and the"
            " keberatan window starts.",
        ),
        "tui.putus.terbitkan_ya": ("Ya, terbitkan", "Yes, issue it"),
        "tui.putus.terima_tanya": (
            "Terima keberatan {nama}, {periode}, dengan Rating Hasil Kerja {hk} dan Rating Perilaku {pk}?"
            " Keputusan ini final dan tidak dapat diubah.",
            "Accept the keberatan of {nama}, {periode}, with Rating Hasil Kerja {hk} and Rating Perilaku"
            " {pk}? This decision is final and cannot be changed.",
        ),
        "tui.putus.tolak_tanya": (
            "Tolak keberatan {nama}, {periode}? Predikat tetap {predikat}. Keputusan ini final dan tidak"
            " dapat diubah.",
            "Reject the keberatan of {nama}, {periode}? The predikat stays {predikat}. This decision is"
            " final and cannot be changed.",
        ),
        "tui.putus.keberatan_ya": ("Ya, putuskan", "Yes, decide"),
        "tui.putus.tidak_diubah": ("Dibatalkan; tidak ada yang diubah.", "Cancelled; nothing was changed."),
        "tui.putus.hilang": (
            "Baris yang Anda pilih sudah tidak ada di daftar ini; tidak ada yang diubah. Pilih lagi dari"
            " daftar.",
            "The row you had chosen is no longer in this list; nothing was changed. Choose again from the"
            " list.",
        ),
        "tui.putus.belum_pilih": (
            "Pilih dulu satu baris di daftar (panah atas/bawah, lalu Enter).",
            "First choose a row in the list (arrow up/down, then Enter).",
        ),
        "tui.putus.pilih_pk": ("Pilih Rating Perilaku dulu.", "First choose the Rating Perilaku."),
        "tui.catatan.kembalikan_wajib": (
            "Catatan wajib diisi: tulis apa yang harus diperbaiki pegawai, mis. 'RHK 2 masih berupa"
            " kegiatan'. Esc untuk batal.",
            "A note is required: write what the pegawai must fix, e.g. 'RHK 2 is still an activity'. Esc"
            " to cancel.",
        ),
        "tui.catatan.keberatan_wajib": (
            "Alasan wajib diisi: tulis alasan dan bukti yang mendukung. Esc untuk batal.",
            "A reason is required: write the reason and the supporting evidence. Esc to cancel.",
        ),
        "tui.catatan.jam_wajib": (
            "Tulis tanggalnya dulu, mis. 2026-04-01. Esc untuk batal.",
            "Type the date first, e.g. 2026-04-01. Esc to cancel.",
        ),
    }
)
