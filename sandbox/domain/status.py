"""The states a record of the e-Kinerja year goes through, as enums: one place names them, so a status
changes in one file and a misspelt one fails at import rather than matching nothing.

They are `StrEnum`s: each member *is* its stored text (`SkpStatus.DRAFT == "DRAFT"`), so the
SQLite column, the audit log's JSON and the catalog keys (`skp.status.DRAFT`) are unchanged. What a
person reads is never the member: screens word it through the catalog (`skp.status.*`,
`periode.state.*`)."""

from __future__ import annotations

from enum import StrEnum


class SkpStatus(StrEnum):
    """An SKP from its draft to its close (PermenPANRB 6/2022 Pasal 8–12; revision by request)."""

    BELUM_DIBUAT = "BELUM_DIBUAT"  # a person's year without an SKP (never stored: a view's answer)
    DRAFT = "DRAFT"
    DIAJUKAN = "DIAJUKAN"
    DIKEMBALIKAN = "DIKEMBALIKAN"
    DISETUJUI = "DISETUJUI"
    REVISI_DIAJUKAN = "REVISI_DIAJUKAN"
    REVISI_DITOLAK = "REVISI_DITOLAK"
    DITUTUP = "DITUTUP"


class PeriodeState(StrEnum):
    """One assessment period of an SKP, from opening to the final result after any keberatan."""

    BELUM_DIBUKA = "BELUM_DIBUKA"
    TERBUKA = "TERBUKA"
    RENCANA_AKSI_ADA = "RENCANA_AKSI_ADA"
    EVIDEN_LENGKAP = "EVIDEN_LENGKAP"
    DINILAI = "DINILAI"
    DIKEMBALIKAN_KURVA = "DIKEMBALIKAN_KURVA"
    TERKUNCI = "TERKUNCI"
    DOKUMEN_TERBIT = "DOKUMEN_TERBIT"
    KEBERATAN = "KEBERATAN"
    FINAL = "FINAL"


# An SKP a person still works on: the states that block a second SKP over the same dates.
SKP_LIVE = (SkpStatus.DRAFT, SkpStatus.DIAJUKAN, SkpStatus.DIKEMBALIKAN, SkpStatus.DISETUJUI,
            SkpStatus.REVISI_DIAJUKAN, SkpStatus.REVISI_DITOLAK)
# Its owner may change its RHK and indikator, and submit it.
SKP_EDITABLE = (SkpStatus.DRAFT, SkpStatus.DIKEMBALIKAN)
# Approved: its periods run and are rated; closed ones keep their periods.
SKP_ACTIVE = (SkpStatus.DISETUJUI, SkpStatus.REVISI_DIAJUKAN)
SKP_WITH_PERIODS = (*SKP_ACTIVE, SkpStatus.DITUTUP)
# The pejabat penilai may write ekspektasi khusus from submission until the SKP closes.
SKP_EKSPEKTASI = (SkpStatus.DIAJUKAN, SkpStatus.DISETUJUI, SkpStatus.REVISI_DIAJUKAN)

# A period its pegawai still fills in.
PERIODE_OPEN = (PeriodeState.TERBUKA, PeriodeState.RENCANA_AKSI_ADA, PeriodeState.EVIDEN_LENGKAP)
# A period its pejabat penilai may still rate (and return to after a curve check).
PERIODE_RATEABLE = (*PERIODE_OPEN, PeriodeState.DINILAI, PeriodeState.DIKEMBALIKAN_KURVA)
# A period whose result is fixed (a keberatan may still change it through its own path).
PERIODE_LOCKED = (PeriodeState.TERKUNCI, PeriodeState.DOKUMEN_TERBIT, PeriodeState.KEBERATAN,
                  PeriodeState.FINAL)
