"""Jabatan kinds and levels, and who may be a pejabat penilai for whom.

Sources: REGULATIONS.md §9.4 (JPT, jabatan administrasi, jabatan fungsional keahlian and
keterampilan) and WORKFLOW.md §1.1, the "who rates whom" table for Pemda [W10].
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class KelompokJabatan(Enum):
    """The three families the real `jenis_jabatan` field stores (WORKFLOW §3.3)."""

    JPT = "JPT"
    JA = "JA"
    JF = "JF"


class JenisJabatan(Enum):
    JPT = "jpt"
    ADMINISTRATOR = "administrator"
    PENGAWAS = "pengawas"
    PELAKSANA = "pelaksana"
    FUNGSIONAL = "fungsional"

    @property
    def kelompok(self) -> KelompokJabatan:
        if self is JenisJabatan.JPT:
            return KelompokJabatan.JPT
        if self is JenisJabatan.FUNGSIONAL:
            return KelompokJabatan.JF
        return KelompokJabatan.JA

    @property
    def is_struktural(self) -> bool:
        """Leads a unor and rates its staff; a pelaksana or fungsional never leads one."""
        return self in (JenisJabatan.JPT, JenisJabatan.ADMINISTRATOR, JenisJabatan.PENGAWAS)


class Jenjang(Enum):
    """Level within a JPT or a jabatan fungsional; administrasi jabatan have none."""

    UTAMA = "utama"
    MADYA = "madya"
    PRATAMA = "pratama"
    AHLI_UTAMA = "ahli_utama"
    AHLI_MADYA = "ahli_madya"
    AHLI_MUDA = "ahli_muda"
    AHLI_PERTAMA = "ahli_pertama"
    PENYELIA = "penyelia"
    MAHIR = "mahir"
    TERAMPIL = "terampil"
    PEMULA = "pemula"

    @property
    def jenis_jabatan(self) -> JenisJabatan:
        if self in (Jenjang.UTAMA, Jenjang.MADYA, Jenjang.PRATAMA):
            return JenisJabatan.JPT
        return JenisJabatan.FUNGSIONAL

    @property
    def is_keahlian(self) -> bool:
        return self.value.startswith("ahli_")

    @property
    def is_keterampilan(self) -> bool:
        return self in (Jenjang.PEMULA, Jenjang.TERAMPIL, Jenjang.MAHIR, Jenjang.PENYELIA)

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").title()


@dataclass(frozen=True)
class Jabatan:
    """A position as a pegawai holds it: its name in Indonesian, its kind and, for JPT/JF, its jenjang."""

    nama: str
    jenis: JenisJabatan
    jenjang: Jenjang | None = None

    def __post_init__(self) -> None:
        needs_jenjang = self.jenis in (JenisJabatan.JPT, JenisJabatan.FUNGSIONAL)
        if needs_jenjang and (self.jenjang is None or self.jenjang.jenis_jabatan is not self.jenis):
            raise ValueError(f"jabatan {self.nama!r} ({self.jenis.value}) memerlukan jenjang "
                             f"{self.jenis.value}, bukan {self.jenjang}")
        if not needs_jenjang and self.jenjang is not None:
            raise ValueError(f"jabatan {self.nama!r} ({self.jenis.value}) tidak berjenjang")

    @property
    def posisi(self) -> Posisi:
        return (self.jenis, self.jenjang)

    @property
    def label(self) -> str:
        return self.nama if self.jenjang is None else f"{self.nama} {self.jenjang.label}"


# A rung of the ladder as the rater table speaks of it: kind plus jenjang (None for JA).
Posisi = tuple[JenisJabatan, Jenjang | None]

_JPT_PRATAMA: Posisi = (JenisJabatan.JPT, Jenjang.PRATAMA)
_ADMINISTRATOR: Posisi = (JenisJabatan.ADMINISTRATOR, None)
_PENGAWAS: Posisi = (JenisJabatan.PENGAWAS, None)
_NEAREST_STRUCTURAL = frozenset({_PENGAWAS, _ADMINISTRATOR, _JPT_PRATAMA})

# Who may be the pejabat penilai of each position, among ASN of the same instansi (WORKFLOW §1.1,
# [W10], Pemda). An empty set means the rater is not an ASN pegawai: a JPT Pratama is rated by the
# head of region (Gubernur/Bupati/Walikota), a political office outside the pegawai table.
# Ahli Madya and Ahli Utama are not in the [W10] table: rated by a JPT here — UNCERTAIN.
PEJABAT_PENILAI: dict[Posisi, frozenset[Posisi]] = {
    (JenisJabatan.JPT, Jenjang.UTAMA): frozenset(),
    (JenisJabatan.JPT, Jenjang.MADYA): frozenset(),
    _JPT_PRATAMA: frozenset(),
    _ADMINISTRATOR: frozenset({_JPT_PRATAMA}),
    _PENGAWAS: frozenset({_ADMINISTRATOR}),
    (JenisJabatan.PELAKSANA, None): frozenset({_PENGAWAS}),
    (JenisJabatan.FUNGSIONAL, Jenjang.AHLI_UTAMA): frozenset({(JenisJabatan.JPT, Jenjang.MADYA),
                                                             _JPT_PRATAMA}),
    (JenisJabatan.FUNGSIONAL, Jenjang.AHLI_MADYA): frozenset({_JPT_PRATAMA}),
    (JenisJabatan.FUNGSIONAL, Jenjang.AHLI_MUDA): frozenset({_ADMINISTRATOR, _JPT_PRATAMA}),
    (JenisJabatan.FUNGSIONAL, Jenjang.AHLI_PERTAMA): _NEAREST_STRUCTURAL,
    (JenisJabatan.FUNGSIONAL, Jenjang.PENYELIA): _NEAREST_STRUCTURAL,
    (JenisJabatan.FUNGSIONAL, Jenjang.MAHIR): _NEAREST_STRUCTURAL,
    (JenisJabatan.FUNGSIONAL, Jenjang.TERAMPIL): _NEAREST_STRUCTURAL,
    (JenisJabatan.FUNGSIONAL, Jenjang.PEMULA): _NEAREST_STRUCTURAL,
}


def rater_kinds(jabatan: Jabatan) -> frozenset[Posisi]:
    """The positions that may rate the holder of `jabatan`; empty when the rater is not an ASN."""
    return PEJABAT_PENILAI[jabatan.posisi]


def may_rate(penilai: Jabatan, dinilai: Jabatan) -> bool:
    """Whether a holder of `penilai` is at the right level to be pejabat penilai of `dinilai`."""
    return penilai.posisi in rater_kinds(dinilai)
