"""The regulation's Indonesian terms, defined once: code uses these words, screens show the labels."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    term: str
    label_id: str
    label_en: str
    meaning: str


TERMS: dict[str, Term] = {t.term: t for t in (
    Term("asn", "ASN", "civil servant", "Aparatur Sipil Negara: PNS dan PPPK"),
    Term("pns", "PNS", "permanent civil servant", "Pegawai Negeri Sipil"),
    Term("pppk", "PPPK", "contract civil servant", "Pegawai Pemerintah dengan Perjanjian Kerja"),
    Term("skp", "SKP", "performance plan", "Sasaran Kinerja Pegawai: rencana kinerja tahunan"),
    Term("rhk", "RHK", "planned work result",
         "Rencana Hasil Kerja; utama atau tambahan, mengintervensi RHK atasan"),
    Term("iki", "IKI", "individual performance indicator", "Indikator Kinerja Individu"),
    Term("rating_hasil_kerja", "Rating Hasil Kerja", "work-result rating",
         "Di Atas / Sesuai / Di Bawah Ekspektasi"),
    Term("rating_perilaku", "Rating Perilaku Kerja", "work-behaviour rating",
         "Di Atas / Sesuai / Di Bawah Ekspektasi, atas tujuh nilai BerAKHLAK"),
    Term("predikat", "Predikat Kinerja", "performance rating",
         "Sangat Baik, Baik, Butuh Perbaikan, Kurang/Misconduct, Sangat Kurang"),
    Term("predikat_organisasi", "Capaian Kinerja Organisasi", "organisation performance",
         "Istimewa, Baik, Butuh Perbaikan, Kurang, Sangat Kurang; menentukan kurva"),
    Term("kurva", "Kurva Distribusi", "distribution curve",
         "Pola sebaran predikat pegawai yang diizinkan menurut capaian organisasi"),
    Term("berakhlak", "BerAKHLAK", "core values",
         "Berorientasi Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif"),
    Term("pejabat_penilai", "Pejabat Penilai Kinerja", "appraising official",
         "Atasan langsung yang menilai"),
    Term("atasan_pejabat_penilai", "Atasan Pejabat Penilai Kinerja", "appraiser's superior",
         "Atasan dari pejabat penilai; memutus keberatan dan ditandai pada dokumen evaluasi"),
    Term("kepala_daerah", "Kepala Daerah", "head of region",
         "Bupati/Wali Kota/Gubernur; pejabat penilai kepala perangkat daerah, bukan ASN di Sandbox"),
    Term("pendekatan", "Pendekatan", "approach", "Kuantitatif (target angka) atau kualitatif (uraian)"),
    Term("intervensi", "RHK atasan yang diintervensi", "superior's result supported",
         "RHK atasan yang didukung oleh RHK pegawai; menautkan SKP bawahan ke SKP atasan"),
    Term("lampiran", "Lampiran SKP", "SKP annex",
         "Dukungan Sumber Daya, Skema Pertanggungjawaban, Konsekuensi"),
    Term("ekspektasi_khusus", "Ekspektasi Khusus Pimpinan", "leader's specific expectation",
         "Harapan atasan pada satu nilai BerAKHLAK, diisi saat menyetujui SKP"),
    Term("periode_penilaian", "Periode Penilaian", "assessment period",
         "Bulanan, triwulanan, semesteran atau tahunan (Final), ditetapkan admin instansi"),
    Term("batas_pengisian", "Batas Pengisian", "filling deadline",
         "Tanggal terakhir isian periode; sesudahnya isian terkunci"),
    Term("rencana_aksi", "Rencana Aksi", "action plan", "Langkah kerja per RHK dalam satu periode"),
    Term("realisasi", "Realisasi", "realisation", "Capaian indikator dalam satu periode"),
    Term("bukti_dukung", "Bukti Dukung", "evidence", "Tautan ke dokumen yang membuktikan realisasi"),
    Term("umpan_balik", "Umpan Balik Berkelanjutan", "continuous feedback",
         "Tanggapan atasan atas indikator, RHK atau perilaku: pilihan standar dan teks bebas"),
    Term("dokumen_evaluasi", "Dokumen Evaluasi Kinerja", "performance evaluation document",
         "Hasil penilaian satu periode; diterima pegawai dan menjadi awal masa keberatan"),
    Term("revisi", "Revisi SKP", "SKP revision",
         "Perubahan SKP yang sudah disetujui, atas persetujuan pejabat penilai"),
    Term("keberatan", "Keberatan", "appeal",
         "Diajukan kepada atasan pejabat penilai paling lama 14 hari"),
    Term("angka_kredit", "Angka Kredit", "credit points",
         "Konversi predikat × koefisien jenjang jabatan fungsional"),
    Term("tpp", "TPP", "regional performance allowance", "Tambahan Penghasilan Pegawai"),
    Term("tukin", "Tukin", "central performance allowance", "Tunjangan Kinerja"),
    Term("paket_aturan", "Paket Aturan", "rule pack",
         "Satu peraturan sebagai data YAML di rules/"),
    Term("reformasi", "Reformasi", "reform", "Paket yang memperluas paket dasar dengan perubahan"),
)}


def label(term: str, lang: str = "id") -> str:
    """The display label of a term in a language; the term itself if unknown."""
    entry = TERMS.get(term)
    if entry is None:
        return term
    return entry.label_en if lang == "en" else entry.label_id
