"""The printable Dokumen Evaluasi's labels (Indonesian, English), added with `sandbox.i18n.add_messages`
so the export needs no screen module."""

from __future__ import annotations

from sandbox.i18n import add_messages

add_messages({
    "dok.html.judul": ("DOKUMEN EVALUASI KINERJA PEGAWAI", "EMPLOYEE PERFORMANCE EVALUATION DOCUMENT"),
    "dok.html.periode": ("Periode penilaian", "Assessment period"),
    "dok.html.pegawai": ("Pegawai yang dinilai", "Employee rated"),
    "dok.html.pejabat": ("Pejabat penilai kinerja", "Appraising official"),
    "dok.html.atasan": ("Atasan pejabat penilai kinerja", "Appraiser's superior"),
    "dok.html.nama": ("Nama", "Name"),
    "dok.html.nip": ("NIP", "NIP"),
    "dok.html.pangkat": ("Pangkat/golongan", "Rank/grade"),
    "dok.html.jabatan": ("Jabatan", "Position"),
    "dok.html.unit": ("Unit kerja", "Work unit"),
    "dok.html.capaian": ("Capaian kinerja organisasi", "Organisation performance result"),
    "dok.html.hasil_kerja": ("Hasil kerja", "Work results"),
    "dok.html.no": ("No", "No"),
    "dok.html.rhk": ("Rencana hasil kerja", "Planned work result"),
    "dok.html.indikator": ("Indikator kinerja individu", "Individual performance indicator"),
    "dok.html.target": ("Target", "Target"),
    "dok.html.realisasi": ("Realisasi", "Realisation"),
    "dok.html.umpan_balik": ("Umpan balik", "Feedback"),
    "dok.html.utama": ("Utama", "Main"),
    "dok.html.tambahan": ("Tambahan", "Additional"),
    "dok.html.perilaku_kerja": ("Perilaku kerja", "Work behaviour"),
    "dok.html.perilaku": ("Perilaku", "Behaviour"),
    "dok.html.ekspektasi": ("Ekspektasi khusus pimpinan", "Leader's specific expectation"),
    "dok.html.rating_hk": ("Rating hasil kerja", "Work-result rating"),
    "dok.html.rating_pk": ("Rating perilaku kerja", "Work-behaviour rating"),
    "dok.html.predikat": ("Predikat kinerja pegawai", "Employee performance rating"),
    "dok.html.tanggal": ("{tempat}, {tanggal}", "{tempat}, {tanggal}"),
    "dok.html.ttd_kosong": ("(tanda tangan)", "(signature)"),
    "dok.html.latihan": ("Dokumen latihan e-Kinerja Sandbox; bukan dokumen resmi.",
                             "A practice document of the e-Kinerja Sandbox; not an official document."),
})
