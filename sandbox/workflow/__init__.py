"""The e-Kinerja workflow as commands taken by an actor (WORKFLOW.md §1.4).

- `skp`: planning — create, RHK, indikator, lampiran, submit (guards), approve, return, revision;
- `periode`: assessment periods and the trainer's virtual clock;
- `penilaian`: rencana aksi, realisasi, bukti dukung, umpan balik, ratings, capaian organisasi, lock;
- `kurva`: the distribution check; `dokumen`: the evaluation document; `keberatan`: objections;
- `tunjangan`: TPP and angka kredit; `rulebook`: which pack decides what, traces kept.

Every command is one transaction with its audit row; a refusal raises `WorkflowRefused` and writes
nothing (except the evidence row of an acting-as attempt).
"""

from sandbox.workflow.actors import ADMIN_INSTANSI, KEPALA_DAERAH, PENGELOLA_KINERJA, TRAINER
from sandbox.workflow.dokumen import DokumenEvaluasi, dokumen_evaluasi, terbitkan_dokumen
from sandbox.workflow.errors import WorkflowRefused, workflow_message
from sandbox.workflow.keberatan import ajukan_keberatan, putuskan_keberatan
from sandbox.workflow.kurva import KurvaResult, cek_kurva
from sandbox.workflow.penilaian import (
    beri_umpan_balik,
    evidence_gaps,
    finalkan,
    isi_ekspektasi_khusus,
    isi_realisasi,
    nilai,
    tambah_bukti,
    tambah_rencana_aksi,
    tetapkan_capaian_organisasi,
)
from sandbox.workflow.periode import atur_jam, buat_periode, buat_periode_triwulan, perpanjang_batas
from sandbox.workflow.rulebook import pilih_paket, traces
from sandbox.workflow.skp import (
    Guard,
    ajukan,
    ajukan_revisi,
    buat_skp,
    checklist,
    hapus_indikator,
    hapus_rhk,
    isi_lampiran,
    kembalikan,
    setujui,
    setujui_revisi,
    status_log,
    tambah_indikator,
    tambah_rhk,
    tolak_revisi,
    ubah_indikator,
    ubah_rhk,
)
from sandbox.workflow.tunjangan import hitung_angka_kredit, hitung_tpp

__all__ = [
    "ADMIN_INSTANSI", "KEPALA_DAERAH", "PENGELOLA_KINERJA", "TRAINER",
    "DokumenEvaluasi", "Guard", "KurvaResult", "WorkflowRefused",
    "ajukan", "ajukan_keberatan", "ajukan_revisi", "atur_jam", "beri_umpan_balik", "buat_periode",
    "buat_periode_triwulan", "buat_skp", "cek_kurva", "checklist", "dokumen_evaluasi", "evidence_gaps",
    "finalkan", "hitung_angka_kredit", "hitung_tpp", "isi_ekspektasi_khusus", "isi_lampiran",
    "isi_realisasi", "kembalikan", "nilai", "perpanjang_batas", "pilih_paket", "putuskan_keberatan",
    "setujui", "setujui_revisi", "status_log", "tambah_bukti", "tambah_indikator", "tambah_rencana_aksi",
    "tambah_rhk", "terbitkan_dokumen", "tetapkan_capaian_organisasi", "tolak_revisi", "traces",
    "hapus_indikator", "hapus_rhk", "ubah_indikator", "ubah_rhk",
    "workflow_message",
]
