"""What a person may do *now* with an SKP or a period they see, decided once from its state: a screen shows or
hides a part from this answer instead of comparing status texts itself, so the screen and the
command that will check the same rule cannot drift apart (the commands in `skp.py` refuse by the same
tables, `sandbox.domain.status`)."""

from __future__ import annotations

from dataclasses import dataclass

from sandbox.domain.status import (
    PERIODE_RATEABLE,
    SKP_EDITABLE,
    SKP_EKSPEKTASI,
    SKP_WITH_PERIODS,
    PeriodeState,
    SkpStatus,
)


@dataclass(frozen=True)
class SkpActions:
    """The owner's and the pejabat penilai's actions on one SKP in its current state."""

    ubah: bool = False  # owner: RHK, indikator, lampiran, perspektif and Ajukan
    koreksi: bool = False  # owner: the numbered correction list of a returned SKP
    minta_revisi: bool = False  # owner: ask the pejabat penilai to reopen an approved SKP
    evaluasi: bool = False  # owner: its periods are open to realisasi (read-only once closed)
    putuskan: bool = False  # pejabat penilai: setujui or kembalikan a submitted SKP
    ekspektasi: bool = False  # pejabat penilai: ekspektasi khusus on BerAKHLAK


def skp_actions(status: str | None, *, owner: bool) -> SkpActions:
    """The actions open on an SKP in `status` (None: no SKP yet) for its owner or its pejabat."""
    if status is None:
        return SkpActions()
    state = SkpStatus(status)
    if owner:
        return SkpActions(ubah=state in SKP_EDITABLE, koreksi=state is SkpStatus.DIKEMBALIKAN,
                          minta_revisi=state is SkpStatus.DISETUJUI, evaluasi=state in SKP_WITH_PERIODS)
    return SkpActions(putuskan=state is SkpStatus.DIAJUKAN, ekspektasi=state in SKP_EKSPEKTASI)


def waiting_for_decision(status: str) -> bool:
    """A subordinate's SKP the pejabat penilai has to approve or return."""
    return SkpStatus(status) is SkpStatus.DIAJUKAN


def period_opened(state: str) -> bool:
    """A period its pegawai can see into: opened by the admin's schedule."""
    return PeriodeState(state) is not PeriodeState.BELUM_DIBUKA


def period_deadline(state: str) -> str | None:
    """Which last day matters now for a period: `pengisian` (enter and rate) while it can be rated,
    `keberatan` (the window to object) once its document is issued, `keberatan_diajukan` while an
    objection is decided; None when no date is pending."""
    period = PeriodeState(state)
    if period in PERIODE_RATEABLE:
        return "pengisian"
    return {PeriodeState.DOKUMEN_TERBIT: "keberatan",
            PeriodeState.KEBERATAN: "keberatan_diajukan"}.get(period)
