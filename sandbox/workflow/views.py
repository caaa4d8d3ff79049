"""Read-only views of the office for screens: who is who, one's SKP, the atasan's RHK to intervene,
the SKPs waiting for one's decision. Screens read through these and write only through commands."""

from __future__ import annotations

from typing import Any

from sandbox.store import Store
from sandbox.workflow.actors import KEPALA_DAERAH
from sandbox.workflow.support import row, rows

LIVE = ("DRAFT", "DIAJUKAN", "DIKEMBALIKAN", "DISETUJUI", "REVISI_DIAJUKAN", "DITUTUP")


def people(store: Store) -> list[dict[str, Any]]:
    """Every active pegawai with unit name and whether they lead anyone, top of the office first."""
    return rows(store.db, """
        WITH RECURSIVE chain(nip, depth) AS (
            SELECT nip, 0 FROM pegawai WHERE atasan_nip IS NULL AND aktif = 1
            UNION ALL SELECT p.nip, c.depth + 1 FROM pegawai p JOIN chain c ON p.atasan_nip = c.nip
            WHERE p.aktif = 1)
        SELECT p.nip, p.nama, p.jabatan, p.jenis_jabatan, p.atasan_nip, u.nama AS unit, c.depth,
               EXISTS (SELECT 1 FROM pegawai s WHERE s.atasan_nip = p.nip AND s.aktif = 1) AS memimpin
        FROM chain c JOIN pegawai p ON p.nip = c.nip LEFT JOIN unor u ON u.id = p.unor_id
        ORDER BY c.depth, u.id, p.nip""", [])


def person(store: Store, nip: str) -> dict[str, Any] | None:
    return row(store.db, "SELECT p.*, u.nama AS unit FROM pegawai p LEFT JOIN unor u ON u.id = p.unor_id"
                         " WHERE p.nip = ?", [nip])


def current_skp(store: Store, nip: str, year: int) -> dict[str, Any] | None:
    """The pegawai's live SKP of the year (the latest one if a transfer split the year)."""
    marks = ", ".join("?" for _ in LIVE)
    return row(store.db, f"SELECT * FROM skp WHERE nip = ? AND substr(periode_awal, 1, 4) = ?"
                         f" AND status IN ({marks}) ORDER BY periode_akhir DESC, id DESC LIMIT 1",
               [nip, str(year), *LIVE])


def skp_detail(store: Store, skp_id: int) -> dict[str, Any]:
    """The SKP with its RHK (each with indikator and the intervened RHK's text) and lampiran."""
    skp = row(store.db, "SELECT * FROM skp WHERE id = ?", [skp_id])
    rhks = rows(store.db, "SELECT r.*, i.teks AS induk_teks FROM rhk r"
                          " LEFT JOIN rhk i ON i.id = r.induk_rhk_id WHERE r.skp_id = ? ORDER BY r.id",
                [skp_id])
    for rhk in rhks:
        rhk["indikator"] = rows(store.db, "SELECT * FROM indikator WHERE rhk_id = ? ORDER BY id",
                                [rhk["id"]])
    lampiran = row(store.db, "SELECT * FROM lampiran WHERE skp_id = ?", [skp_id]) or {}
    return {"skp": skp, "rhk": rhks, "lampiran": lampiran}


def parent_rhk_options(store: Store, nip: str, year: int) -> list[dict[str, Any]]:
    """The RHK of the atasan's approved SKP for the year: what this pegawai may intervene."""
    return rows(store.db, "SELECT r.id, r.teks, r.jenis FROM rhk r JOIN skp s ON s.id = r.skp_id"
                          " JOIN pegawai p ON p.atasan_nip = s.nip WHERE p.nip = ? AND s.status = 'DISETUJUI'"
                          " AND substr(s.periode_awal, 1, 4) = ? ORDER BY r.id", [nip, str(year)])


def skp_to_decide(store: Store, actor: str) -> list[dict[str, Any]]:
    """SKPs this actor decides (as pejabat penilai), those waiting first."""
    if actor == KEPALA_DAERAH:
        where, params = "s.pejabat_nip IS NULL", []
    else:
        where, params = "s.pejabat_nip = ?", [actor]
    return rows(store.db, f"SELECT s.id, s.nip, s.status, s.version, p.nama, p.jabatan FROM skp s"
                          f" JOIN pegawai p ON p.nip = s.nip WHERE {where}"
                          f" ORDER BY s.status <> 'DIAJUKAN', p.nama", params)


def last_note(store: Store, skp_id: int) -> str | None:
    """The latest note a decision left on this SKP (e.g. why it was returned)."""
    found = row(store.db, "SELECT catatan FROM skp_status_log WHERE skp_id = ? AND catatan IS NOT NULL"
                          " ORDER BY id DESC LIMIT 1", [skp_id])
    return found["catatan"] if found else None
