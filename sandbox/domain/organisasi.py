"""Instansi, unit kerja (unor) and pegawai as WORKFLOW.md §3.3 names them, plus an office that holds them.

The simulation attributes (behaviour profile, digital literacy) live on Pegawai because the
simulator reads them per person; nothing in workflow or rules may depend on them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cached_property

from sandbox.domain.asn import Golongan, JenisAsn, JenisKelamin
from sandbox.domain.jabatan import Jabatan, JenisJabatan, Jenjang


class BehaviourProfile(Enum):
    """How a synthetic pegawai tends to use e-Kinerja (sim only; field studies 000–004, WORKFLOW §4)."""

    DILIGENT = "diligent"
    LATE_FILER = "late_filer"
    DELEGATES_TO_OPERATOR = "delegates_to_operator"
    LOW_DIGITAL_LITERACY = "low_digital_literacy"
    OVERLOADED = "overloaded"
    UNDERLOADED = "underloaded"


@dataclass(frozen=True)
class Instansi:
    """The employing body as BKN knows it, e.g. a Pemerintah Kabupaten."""

    id: str
    nama: str


@dataclass(frozen=True)
class UnitKerja:
    """One node of the unor tree; `pimpinan_nip` is None where the head is not an ASN pegawai."""

    id: str
    nama: str
    parent_id: str | None
    pimpinan_nip: str | None
    aktif: bool = True
    # Default capaian kinerja organisasi; its vocabulary belongs to the rule pack, hence a plain str.
    capaian_org_default: str | None = None


@dataclass(frozen=True)
class Pegawai:
    """One ASN. `tmt` is TMT CPNS for a PNS and the first appointment as PPPK for a PPPK."""

    nip: str
    nama: str
    jenis_asn: JenisAsn
    golongan: Golongan
    jabatan: Jabatan
    unor_id: str
    atasan_nip: str | None
    tanggal_lahir: dt.date
    tmt: dt.date
    jenis_kelamin: JenisKelamin
    behaviour_profile: BehaviourProfile
    digital_literacy: float  # 0 (cannot use the app unaided) .. 1 (fluent); sim only
    aktif: bool = True

    def __post_init__(self) -> None:
        if self.golongan.jenis_asn is not self.jenis_asn:
            raise ValueError(f"{self.nip}: golongan {self.golongan.kode} bukan golongan "
                             f"{self.jenis_asn.value}")
        if not 0.0 <= self.digital_literacy <= 1.0:
            raise ValueError(f"{self.nip}: digital_literacy harus 0..1, bukan {self.digital_literacy}")
        if self.atasan_nip == self.nip:
            raise ValueError(f"{self.nip}: pegawai tidak dapat menjadi atasannya sendiri")

    @property
    def jenis_jabatan(self) -> JenisJabatan:
        return self.jabatan.jenis

    @property
    def jenjang(self) -> Jenjang | None:
        return self.jabatan.jenjang

    def umur(self, pada: dt.date) -> int:
        """Age in whole years on a date."""
        lahir = self.tanggal_lahir
        return pada.year - lahir.year - ((pada.month, pada.day) < (lahir.month, lahir.day))


@dataclass(frozen=True)
class Office:
    """An instansi with its unor tree and its pegawai; the unit of synthesis and of simulation."""

    instansi: Instansi
    units: tuple[UnitKerja, ...]
    pegawai: tuple[Pegawai, ...]

    @cached_property
    def by_nip(self) -> dict[str, Pegawai]:
        return {p.nip: p for p in self.pegawai}

    @cached_property
    def unit_by_id(self) -> dict[str, UnitKerja]:
        return {u.id: u for u in self.units}

    def atasan(self, pegawai: Pegawai) -> Pegawai | None:
        """The pejabat penilai: the direct structural superior, None for a head rated outside ASN."""
        return None if pegawai.atasan_nip is None else self.by_nip[pegawai.atasan_nip]

    def chain(self, pegawai: Pegawai) -> Iterator[Pegawai]:
        """The superiors of a pegawai, nearest first; stops (rather than loops) on a cycle."""
        seen = {pegawai.nip}
        current = self.atasan(pegawai)
        while current is not None and current.nip not in seen:
            seen.add(current.nip)
            yield current
            current = self.atasan(current)

    def bawahan(self, atasan: Pegawai) -> list[Pegawai]:
        """Direct subordinates of a pegawai, in office order."""
        return [p for p in self.pegawai if p.atasan_nip == atasan.nip]
