"""Workflow commands over the store; today only SKP planning (WORKFLOW.md §1.3-B)."""

from sandbox.workflow.errors import WorkflowRefused, workflow_message
from sandbox.workflow.skp import (
    KEPALA_DAERAH,
    Guard,
    ajukan,
    buat_skp,
    checklist,
    isi_lampiran,
    kembalikan,
    setujui,
    status_log,
    tambah_indikator,
    tambah_rhk,
)

__all__ = [
    "KEPALA_DAERAH", "Guard", "WorkflowRefused", "ajukan", "buat_skp", "checklist",
    "isi_lampiran", "kembalikan", "setujui", "status_log", "tambah_indikator", "tambah_rhk",
    "workflow_message",
]
