"""Indonesian names of perangkat daerah, units and jabatan that the office generator draws from.

Names follow common Pemda nomenclature (Permendagri-style dinas and bidang, PermenPANRB 45/2022-style
pelaksana titles); they are plausible, not a verified official list.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PerangkatDaerah:
    """One kind of dinas or badan: its bidang (each with seksi names), its own JF, its UPTD name."""

    nama: str
    bidang: tuple[tuple[str, tuple[str, ...]], ...]
    jf_keahlian: tuple[str, ...] = ()
    jf_keterampilan: tuple[str, ...] = ()
    uptd: str = "UPTD"

    @property
    def is_badan(self) -> bool:
        return self.nama.startswith("Badan")


def _generic(*bidang: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Bidang whose seksi follow the plan / carry out / control split most dinas use."""
    return tuple((b, (f"Perencanaan {b}", f"Pelaksanaan {b}", f"Pengendalian {b}")) for b in bidang)


PERANGKAT_DAERAH: tuple[PerangkatDaerah, ...] = (
    PerangkatDaerah(
        "Dinas Perhubungan",
        (("Lalu Lintas", ("Manajemen dan Rekayasa Lalu Lintas", "Pengendalian dan Operasional",
                          "Perlengkapan Jalan")),
         ("Angkutan", ("Angkutan Orang", "Angkutan Barang", "Terminal")),
         ("Sarana dan Prasarana", ("Pengujian Kendaraan Bermotor", "Perparkiran",
                                   "Keselamatan Transportasi")),
         ("Pelayaran", ("Angkutan Sungai dan Penyeberangan", "Kepelabuhanan", "Keselamatan Pelayaran"))),
        jf_keahlian=("Penguji Kendaraan Bermotor",),
        jf_keterampilan=("Penguji Kendaraan Bermotor",),
        uptd="UPTD Pengujian Kendaraan Bermotor",
    ),
    PerangkatDaerah(
        "Dinas Kesehatan",
        _generic("Kesehatan Masyarakat", "Pencegahan dan Pengendalian Penyakit", "Pelayanan Kesehatan",
                 "Sumber Daya Kesehatan"),
        jf_keahlian=("Epidemiolog Kesehatan", "Sanitarian", "Perawat", "Bidan", "Dokter"),
        jf_keterampilan=("Sanitarian", "Perawat", "Bidan"),
        uptd="UPTD Puskesmas",
    ),
    PerangkatDaerah(
        "Dinas Pendidikan",
        _generic("Pembinaan Sekolah Dasar", "Pembinaan Sekolah Menengah Pertama",
                 "Pendidikan Anak Usia Dini dan Nonformal", "Ketenagaan"),
        jf_keahlian=("Guru", "Pengawas Sekolah", "Pamong Belajar"),
        uptd="UPTD Satuan Pendidikan",
    ),
    PerangkatDaerah(
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        _generic("Bina Marga", "Sumber Daya Air", "Cipta Karya", "Penataan Ruang"),
        jf_keahlian=("Teknik Jalan dan Jembatan", "Teknik Pengairan", "Penata Ruang"),
        jf_keterampilan=("Teknik Jalan dan Jembatan", "Teknik Pengairan"),
        uptd="UPTD Peralatan dan Perbengkelan",
    ),
    PerangkatDaerah(
        "Dinas Sosial",
        _generic("Rehabilitasi Sosial", "Perlindungan dan Jaminan Sosial", "Pemberdayaan Sosial"),
        jf_keahlian=("Pekerja Sosial", "Penyuluh Sosial"),
        jf_keterampilan=("Pekerja Sosial",),
    ),
    PerangkatDaerah(
        "Dinas Pertanian",
        _generic("Tanaman Pangan", "Hortikultura", "Peternakan", "Penyuluhan"),
        jf_keahlian=("Penyuluh Pertanian", "Medik Veteriner"),
        jf_keterampilan=("Penyuluh Pertanian", "Paramedik Veteriner"),
        uptd="UPTD Balai Penyuluhan Pertanian",
    ),
    PerangkatDaerah(
        "Dinas Lingkungan Hidup",
        _generic("Tata Lingkungan", "Pengelolaan Sampah", "Pengendalian Pencemaran"),
        jf_keahlian=("Pengendali Dampak Lingkungan",),
        jf_keterampilan=("Pengendali Dampak Lingkungan",),
        uptd="UPTD Tempat Pemrosesan Akhir",
    ),
    PerangkatDaerah(
        "Dinas Kependudukan dan Pencatatan Sipil",
        _generic("Pelayanan Pendaftaran Penduduk", "Pelayanan Pencatatan Sipil",
                 "Pengelolaan Informasi Administrasi Kependudukan"),
        jf_keahlian=("Administrator Database Kependudukan",),
        jf_keterampilan=("Administrator Database Kependudukan",),
    ),
    PerangkatDaerah(
        "Dinas Komunikasi dan Informatika",
        _generic("Informasi dan Komunikasi Publik", "Aplikasi Informatika", "Persandian dan Statistik"),
        jf_keahlian=("Pranata Hubungan Masyarakat", "Sandiman", "Statistisi"),
        jf_keterampilan=("Pranata Hubungan Masyarakat",),
    ),
    PerangkatDaerah(
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        _generic("Pengadaan dan Informasi Kepegawaian", "Mutasi dan Promosi",
                 "Pengembangan Kompetensi Aparatur"),
        jf_keahlian=("Asesor Sumber Daya Manusia Aparatur",),
    ),
    PerangkatDaerah(
        "Badan Perencanaan Pembangunan Daerah",
        _generic("Perencanaan Pemerintahan dan Pembangunan Manusia", "Perencanaan Perekonomian",
                 "Perencanaan Infrastruktur dan Kewilayahan"),
        jf_keahlian=("Perencana",),
    ),
    PerangkatDaerah(
        "Badan Pengelolaan Keuangan dan Aset Daerah",
        _generic("Anggaran", "Perbendaharaan", "Akuntansi", "Aset"),
        jf_keahlian=("Analis Keuangan Pusat dan Daerah",),
        jf_keterampilan=("Pranata Keuangan Anggaran Pendapatan dan Belanja Daerah",),
        uptd="UPTD Pengelolaan Pendapatan",
    ),
)

# Subbagian under the sekretaris, by how many there are.
SUBBAGIAN: dict[int, tuple[str, ...]] = {
    1: ("Umum dan Kepegawaian",),
    2: ("Umum dan Kepegawaian", "Keuangan dan Perencanaan"),
    3: ("Umum dan Kepegawaian", "Keuangan", "Perencanaan dan Pelaporan"),
}

# JF every perangkat daerah may have, besides its own.
JF_KEAHLIAN_UMUM = ("Analis Kebijakan", "Perencana", "Analis Sumber Daya Manusia Aparatur",
                    "Pengelola Pengadaan Barang/Jasa", "Pranata Komputer", "Arsiparis")
JF_KETERAMPILAN_UMUM = ("Pranata Komputer", "Arsiparis")

PELAKSANA = ("Pengadministrasi Perkantoran", "Penata Layanan Operasional", "Pengolah Data dan Informasi",
             "Operator Layanan Operasional", "Pengelola Layanan Operasional", "Penelaah Teknis Kebijakan",
             "Teknisi Sarana dan Prasarana", "Pengadministrasi Keuangan")

# Academic titles by entry education, written after the name as Indonesian civil servants do.
GELAR_D3 = ("A.Md.", "A.Md.Kom.", "A.Md.T.")
GELAR_S1 = ("S.E.", "S.T.", "S.Kom.", "S.Sos.", "S.H.", "S.AP.", "S.Pd.", "S.Si.")
GELAR_S2 = ("M.Si.", "M.M.", "M.T.", "M.AP.", "M.Pd.")

# Kabupaten for synthetic offices: invented, like the demo's "Banua Raya", so no office is mistaken
# for a real Pemda. Each name joins a word for a landscape (wana forest, tirta water, giri mountain,
# lembah valley, banua land, ranu lake, loka place, sekar flower) with a wish; no kabupaten or kota
# of Indonesia bears any of them (real ones such as "Puncak Jaya", "Tanah Datar", "Muara Enim" or
# "Arga Makmur" were avoided on purpose), and "Banua Raya" itself stays the demo's.
_ALAM = ("Wana", "Tirta", "Giri", "Lembah", "Banua", "Ranu", "Loka", "Sekar")
_HARAPAN = ("Lestari", "Permai", "Sentosa", "Asri", "Harapan", "Mulia", "Damai")
KABUPATEN_FIKTIF: tuple[str, ...] = tuple(f"{a} {h}" for a in _ALAM for h in _HARAPAN)


def kabupaten_fiktif(seed: int) -> str:
    """The invented kabupaten of the synthetic office made from `seed` (the same seed, the same name)."""
    import random

    return random.Random(f"kabupaten:{seed}").choice(KABUPATEN_FIKTIF)
