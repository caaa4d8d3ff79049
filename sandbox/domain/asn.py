"""Who an ASN is by law: PNS or PPPK, sex as the NIP records it, and golongan with pangkat.

Sources: REGULATIONS.md §9.3 (pangkat/golongan ruang PNS, Perka BKN via [S39]) and §9.5 (PPPK
golongan I–XVII, Perpres 98/2020).
"""

from __future__ import annotations

from enum import Enum


class JenisAsn(Enum):
    PNS = "PNS"
    PPPK = "PPPK"


class JenisKelamin(Enum):
    """The value is the digit the NIP uses (15th digit): 1 laki-laki, 2 perempuan."""

    LAKI_LAKI = "1"
    PEREMPUAN = "2"


class Golongan(Enum):
    """Golongan ruang of a PNS (I/a … IV/e, with pangkat) or golongan of a PPPK (I … XVII).

    `urutan` orders golongan within one jenis ASN; the two scales are not comparable with each
    other (a PPPK IX is not a PNS III/a, even where the entry education is the same).
    """

    def __init__(self, kode: str, jenis_asn: JenisAsn, urutan: int, pangkat: str | None):
        self.kode = kode
        self.jenis_asn = jenis_asn
        self.urutan = urutan
        self.pangkat = pangkat

    I_A = ("I/a", JenisAsn.PNS, 1, "Juru Muda")
    I_B = ("I/b", JenisAsn.PNS, 2, "Juru Muda Tingkat I")
    I_C = ("I/c", JenisAsn.PNS, 3, "Juru")
    I_D = ("I/d", JenisAsn.PNS, 4, "Juru Tingkat I")
    II_A = ("II/a", JenisAsn.PNS, 5, "Pengatur Muda")
    II_B = ("II/b", JenisAsn.PNS, 6, "Pengatur Muda Tingkat I")
    II_C = ("II/c", JenisAsn.PNS, 7, "Pengatur")
    II_D = ("II/d", JenisAsn.PNS, 8, "Pengatur Tingkat I")
    III_A = ("III/a", JenisAsn.PNS, 9, "Penata Muda")
    III_B = ("III/b", JenisAsn.PNS, 10, "Penata Muda Tingkat I")
    III_C = ("III/c", JenisAsn.PNS, 11, "Penata")
    III_D = ("III/d", JenisAsn.PNS, 12, "Penata Tingkat I")
    IV_A = ("IV/a", JenisAsn.PNS, 13, "Pembina")
    IV_B = ("IV/b", JenisAsn.PNS, 14, "Pembina Tingkat I")
    IV_C = ("IV/c", JenisAsn.PNS, 15, "Pembina Utama Muda")
    IV_D = ("IV/d", JenisAsn.PNS, 16, "Pembina Utama Madya")
    IV_E = ("IV/e", JenisAsn.PNS, 17, "Pembina Utama")

    PPPK_I = ("I", JenisAsn.PPPK, 1, None)
    PPPK_II = ("II", JenisAsn.PPPK, 2, None)
    PPPK_III = ("III", JenisAsn.PPPK, 3, None)
    PPPK_IV = ("IV", JenisAsn.PPPK, 4, None)
    PPPK_V = ("V", JenisAsn.PPPK, 5, None)
    PPPK_VI = ("VI", JenisAsn.PPPK, 6, None)
    PPPK_VII = ("VII", JenisAsn.PPPK, 7, None)
    PPPK_VIII = ("VIII", JenisAsn.PPPK, 8, None)
    PPPK_IX = ("IX", JenisAsn.PPPK, 9, None)
    PPPK_X = ("X", JenisAsn.PPPK, 10, None)
    PPPK_XI = ("XI", JenisAsn.PPPK, 11, None)
    PPPK_XII = ("XII", JenisAsn.PPPK, 12, None)
    PPPK_XIII = ("XIII", JenisAsn.PPPK, 13, None)
    PPPK_XIV = ("XIV", JenisAsn.PPPK, 14, None)
    PPPK_XV = ("XV", JenisAsn.PPPK, 15, None)
    PPPK_XVI = ("XVI", JenisAsn.PPPK, 16, None)
    PPPK_XVII = ("XVII", JenisAsn.PPPK, 17, None)

    @property
    def label(self) -> str:
        """What a screen shows: 'Penata Muda (III/a)' for a PNS, 'Golongan IX' for a PPPK."""
        if self.pangkat is None:
            return f"Golongan {self.kode}"
        return f"{self.pangkat} ({self.kode})"

    @classmethod
    def of(cls, jenis_asn: JenisAsn, kode: str) -> Golongan:
        """The golongan written `kode` on the scale of `jenis_asn` ('III/a' for PNS, 'IX' for PPPK)."""
        for golongan in cls:
            if golongan.jenis_asn is jenis_asn and golongan.kode == kode:
                return golongan
        raise ValueError(f"golongan {kode!r} tidak dikenal untuk {jenis_asn.value}")

    @classmethod
    def scale(cls, jenis_asn: JenisAsn) -> tuple[Golongan, ...]:
        """Every golongan of one jenis ASN, lowest first."""
        return tuple(sorted((g for g in cls if g.jenis_asn is jenis_asn), key=lambda g: g.urutan))
