"""Plain typed objects of the e-Kinerja world (ASN, jabatan, unor, pegawai); no I/O here."""

from sandbox.domain.asn import Golongan, JenisAsn, JenisKelamin
from sandbox.domain.jabatan import (
    PEJABAT_PENILAI,
    Jabatan,
    JenisJabatan,
    Jenjang,
    KelompokJabatan,
    may_rate,
    rater_kinds,
)
from sandbox.domain.organisasi import BehaviourProfile, Instansi, Office, Pegawai, UnitKerja

__all__ = [
    "PEJABAT_PENILAI",
    "BehaviourProfile",
    "Golongan",
    "Instansi",
    "Jabatan",
    "JenisAsn",
    "JenisJabatan",
    "JenisKelamin",
    "Jenjang",
    "KelompokJabatan",
    "Office",
    "Pegawai",
    "UnitKerja",
    "may_rate",
    "rater_kinds",
]
