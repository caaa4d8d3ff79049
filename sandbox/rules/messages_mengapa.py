"""Words of the plain-language "Mengapa?" and of the Evaluasi screen (Indonesian, English)."""

from __future__ import annotations

from sandbox.i18n import add_messages

add_messages({
    # layer 1: one sentence per decision
    "mengapa.predikat.anda": ("Predikat Anda {predikat} karena Hasil Kerja {hk} dan Perilaku {pk}{dasar}.",
                              "Your predikat is {predikat} because your work results were {hk} and your"
                              " behaviour was {pk}{dasar}."),
    "mengapa.predikat.nama": ("Predikat {nama}: {predikat}, karena Hasil Kerja {hk} dan Perilaku"
                              " {pk}{dasar}.",
                              "The predikat of {nama} is {predikat} because the work results were {hk}"
                              " and the behaviour was {pk}{dasar}."),
    "mengapa.pimpinan.anda": ("Rating Hasil Kerja Anda {rating} karena capaian kinerja organisasi yang Anda"
                              " pimpin {capaian}{dasar}.",
                              "Your work-result rating is {rating} because the organisation you lead"
                              " achieved {capaian}{dasar}."),
    "mengapa.pimpinan.nama": ("Rating Hasil Kerja {nama}: {rating}, karena capaian kinerja organisasi yang"
                              " dipimpinnya {capaian}{dasar}.",
                              "The work-result rating of {nama} is {rating} because the organisation"
                              " they lead achieved {capaian}{dasar}."),
    "mengapa.dasar": (" — {cite}", " — {cite}"),
    "mengapa.belum": ("Belum dinilai.", "Not rated yet."),
    # a computed entitlement (TPP, angka kredit) on the Dokumen
    "mengapa.hitungan.judul": ("{judul} (dihitung {tanggal}):", "{judul} (computed on {tanggal}):"),
    "mengapa.hitungan.dasar": ("  Dasar: {cite}", "  Basis: {cite}"),
    # layer 2: what decided it
    "mengapa.penentu": ("Yang menentukan (dinilai {tanggal} menurut {paket}):",
                        "What decided it (rated on {tanggal} under {paket}):"),
    "mengapa.nilai": ("  • {nama}: {nilai}", "  • {nama}: {nilai}"),
    "mengapa.ketentuan": ("  • Ketentuan: {uraian} → {nilai} (berlaku sejak {sejak}; {cite})",
                          "  • Provision: {uraian} → {nilai} (in force since {sejak}; {cite})"),
    "mengapa.belum_pasti": ("    Belum pasti: {catatan}", "    Not settled: {catatan}"),
    "mengapa.ya": ("ya", "yes"),
    "mengapa.tidak": ("tidak", "no"),
    # layer 3: the technical trace, on request
    "mengapa.jejak_judul": ("Jejak teknis (untuk pelatih dan regulator):",
                            "Technical trace (for trainers and regulators):"),
    "mengapa.jejak_tampil": ("Tampilkan jejak teknis", "Show the technical trace"),
    "mengapa.jejak_sembunyi": ("Sembunyikan jejak teknis", "Hide the technical trace"),
    # English words for the pack's values (Indonesian takes the pack's own labels)
    "mengapa.kata.di_atas": ("di atas ekspektasi", "above expectations"),
    "mengapa.kata.sesuai": ("sesuai ekspektasi", "as expected"),
    "mengapa.kata.di_bawah": ("di bawah ekspektasi", "below expectations"),
    "mengapa.kata.sangat_baik": ("Sangat Baik", "Very Good"),
    "mengapa.kata.baik": ("Baik", "Good"),
    "mengapa.kata.butuh_perbaikan": ("Butuh Perbaikan", "Needs Improvement"),
    "mengapa.kata.kurang": ("Kurang", "Poor"),
    "mengapa.kata.predikat.kurang": ("Kurang/Misconduct", "Poor/Misconduct"),
    "mengapa.kata.sangat_kurang": ("Sangat Kurang", "Very Poor"),
    "mengapa.kata.istimewa": ("Istimewa", "Outstanding"),
    # the Evaluasi screen without codes
    "mengapa.eval.info": ("{periode} · {state} · batas pengisian {batas}",
                          "{periode} · {state} · filling deadline {batas}"),
    "mengapa.eval.terlambat": ("⚠ lewat batas {batas}, belum dinilai",
                               "⚠ past the {batas} deadline, not rated"),
    "mengapa.eval.umpan_balik": ("Umpan balik ({sasaran}): {teks}", "Feedback ({sasaran}): {teks}"),
    "mengapa.sasaran.indikator": ("indikator", "indikator"),
    "mengapa.sasaran.rhk": ("RHK", "RHK"),
    "mengapa.sasaran.perilaku": ("perilaku kerja", "work behaviour"),
})
