"""Read-only views of the office for screens: who is who, one's SKP, the atasan's RHK to intervene,
the SKPs waiting for one's decision. Screens read through these and write only through commands.

A view of one SKP's content (its RHK, notes, periods, entries, ekspektasi khusus) takes the `reader`
and refuses anyone who may not see it (`check_reader`): the owner, their pejabat penilai and atasan
pejabat penilai, anyone above them in the office, and the sandbox's pseudo-actors (kepala daerah,
admin, pengelola kinerja, trainer). A colleague beside them may not, under any entry path."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sandbox.domain.status import SkpStatus
from sandbox.store import Store
from sandbox.workflow.actors import KEPALA_DAERAH, PSEUDO_ACTORS
from sandbox.workflow.errors import WorkflowRefused
from sandbox.workflow.support import row, rows

# the SKP of a person's year: any but a refused revision request (its approved SKP stays the one)
LIVE = (SkpStatus.DRAFT, SkpStatus.DIAJUKAN, SkpStatus.DIKEMBALIKAN, SkpStatus.DISETUJUI,
        SkpStatus.REVISI_DIAJUKAN, SkpStatus.DITUTUP)


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


def check_reader(store: Store, reader: str, skp_id: int) -> dict[str, Any]:
    """The SKP row if `reader` may see this SKP's content (see the module's note); refuses otherwise."""
    skp = row(store.db, "SELECT * FROM skp WHERE id = ?", [skp_id])
    if skp is None:
        raise WorkflowRefused("workflow.skp_tidak_ada", skp_id=skp_id)
    if reader in PSEUDO_ACTORS or reader in (skp["nip"], skp["pejabat_nip"], skp["atasan_pp_nip"]):
        return skp
    above = store.conn.execute("""
        WITH RECURSIVE up(nip, depth) AS (
            SELECT atasan_nip, 1 FROM pegawai WHERE nip = ?
            UNION ALL SELECT p.atasan_nip, u.depth + 1 FROM pegawai p JOIN up u ON p.nip = u.nip
            WHERE u.depth < 64)
        SELECT 1 FROM up WHERE nip = ? LIMIT 1""", [skp["nip"], reader]).fetchone()
    if above is None:
        raise WorkflowRefused("workflow.baca.bukan_hak", skp_id=skp_id, pemilik=skp["nip"], actor=reader)
    return skp


def skp_detail(store: Store, skp_id: int, *, reader: str) -> dict[str, Any]:
    """The SKP with its RHK (each with indikator and the intervened RHK's text) and lampiran."""
    skp = check_reader(store, reader, skp_id)
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
                          " JOIN pegawai p ON p.atasan_nip = s.nip WHERE p.nip = ? AND s.status = ?"
                          " AND substr(s.periode_awal, 1, 4) = ? ORDER BY r.id",
                [nip, SkpStatus.DISETUJUI, str(year)])


def skp_to_decide(store: Store, actor: str) -> list[dict[str, Any]]:
    """SKPs this actor decides (as pejabat penilai), those waiting first."""
    if actor == KEPALA_DAERAH:
        where, params = "s.pejabat_nip IS NULL", []
    else:
        where, params = "s.pejabat_nip = ?", [actor]
    return rows(store.db, f"SELECT s.id, s.nip, s.status, s.version, p.nama, p.jabatan FROM skp s"
                          f" JOIN pegawai p ON p.nip = s.nip WHERE {where}"
                          " ORDER BY s.status <> ?, p.nama", [*params, SkpStatus.DIAJUKAN])


def last_note(store: Store, skp_id: int, *, reader: str) -> str | None:
    """The latest note a decision left on this SKP (e.g. why it was returned)."""
    check_reader(store, reader, skp_id)
    found = row(store.db, "SELECT catatan FROM skp_status_log WHERE skp_id = ? AND catatan IS NOT NULL"
                          " ORDER BY id DESC LIMIT 1", [skp_id])
    return found["catatan"] if found else None


def periods_of(store: Store, skp_id: int, *, reader: str) -> list[dict[str, Any]]:
    """The assessment periods of one SKP in calendar order, with their state and result."""
    check_reader(store, reader, skp_id)
    return rows(store.db, "SELECT sp.*, m.nama, m.awal, m.akhir, m.batas_pengisian, m.jenis,"
                          " s.status AS skp_status FROM skp_periode sp"
                          " JOIN periode_penilaian_master m ON m.id = sp.master_id"
                          " JOIN skp s ON s.id = sp.skp_id"
                          " WHERE sp.skp_id = ? ORDER BY m.jenis = 'tahunan', m.awal, m.id", [skp_id])


def period_entries(store: Store, skp_periode_id: int, *, reader: str) -> dict[str, Any]:
    """What was entered in one period: rencana aksi, each indikator's realisasi and links, feedback."""
    owner = row(store.db, "SELECT skp_id FROM skp_periode WHERE id = ?", [skp_periode_id])
    if owner is None:
        raise WorkflowRefused("workflow.periode_skp_tidak_ada", skp_periode_id=skp_periode_id)
    check_reader(store, reader, owner["skp_id"])
    period = row(store.db, "SELECT sp.*, m.nama, m.batas_pengisian, s.nip, s.pejabat_nip,"
                           " s.status AS skp_status FROM skp_periode sp"
                           " JOIN periode_penilaian_master m ON m.id = sp.master_id"
                           " JOIN skp s ON s.id = sp.skp_id WHERE sp.id = ?", [skp_periode_id])
    indikator = rows(store.db, "SELECT i.*, r.teks AS rhk_teks FROM indikator i JOIN rhk r ON r.id = i.rhk_id"
                               " WHERE r.skp_id = ? ORDER BY r.id, i.id", [period["skp_id"]])
    for ind in indikator:
        ind["realisasi"] = row(store.db, "SELECT nilai, uraian, sumber FROM realisasi WHERE indikator_id = ?"
                                         " AND skp_periode_id = ?", [ind["id"], skp_periode_id])
        ind["bukti"] = rows(store.db, "SELECT nama, url, link_status FROM bukti_dukung WHERE indikator_id = ?"
                                      " AND skp_periode_id = ? ORDER BY id", [ind["id"], skp_periode_id])
    texts = {r["id"]: r["teks"] for r in rows(store.db, "SELECT id, teks FROM umpan_balik_master", [])}
    feedback = rows(store.db, "SELECT target_type, target_id, pilihan, tambahan FROM umpan_balik"
                              " WHERE skp_periode_id = ? ORDER BY id", [skp_periode_id])
    for fb in feedback:
        fb["teks"] = [texts.get(i, str(i)) for i in json.loads(fb["pilihan"] or "[]")]
        if fb["tambahan"]:
            fb["teks"].append(fb["tambahan"])
    rencana = rows(store.db, "SELECT ra.*, r.teks AS rhk_teks FROM rencana_aksi ra"
                             " JOIN rhk r ON r.id = ra.rhk_id WHERE ra.skp_periode_id = ? ORDER BY ra.id",
                   [skp_periode_id])
    return {"period": period, "indikator": indikator, "umpan_balik": feedback, "rencana_aksi": rencana}


def periods_to_rate(store: Store, actor: str) -> list[dict[str, Any]]:
    """Subordinates' opened periods this actor rates, earliest first."""
    if actor == KEPALA_DAERAH:
        where, params = "s.pejabat_nip IS NULL", []
    else:
        where, params = "s.pejabat_nip = ?", [actor]
    return rows(store.db, f"SELECT sp.id, sp.state, sp.predikat, m.nama AS periode, p.nama, p.nip"
                          f" FROM skp_periode sp JOIN skp s ON s.id = sp.skp_id"
                          f" JOIN periode_penilaian_master m ON m.id = sp.master_id"
                          f" JOIN pegawai p ON p.nip = s.nip"
                          f" WHERE {where} AND sp.state <> 'BELUM_DIBUKA'"
                          f" ORDER BY m.jenis = 'tahunan', m.awal, p.nama", params)


def period_masters(store: Store) -> list[dict[str, Any]]:
    """The office's assessment periods, periodic ones in calendar order, the annual one last."""
    return rows(store.db, "SELECT id, nama FROM periode_penilaian_master"
                          " ORDER BY jenis = 'tahunan', awal", [])


def ekspektasi_khusus(store: Store, skp_id: int, *, reader: str) -> list[dict[str, Any]]:
    """The pejabat penilai's ekspektasi khusus written on one SKP, per BerAKHLAK value."""
    check_reader(store, reader, skp_id)
    return rows(store.db, "SELECT kode, ekspektasi_khusus FROM perilaku_skp WHERE skp_id = ?"
                          " AND ekspektasi_khusus IS NOT NULL ORDER BY rowid", [skp_id])


def feedback_choices(store: Store) -> list[dict[str, Any]]:
    return rows(store.db, "SELECT id, teks, polaritas FROM umpan_balik_master ORDER BY id", [])


def keberatan_to_decide(store: Store, actor: str) -> list[dict[str, Any]]:
    """Objections waiting for this atasan pejabat penilai (the Kepala Daerah for the top of the office)."""
    if actor == KEPALA_DAERAH:
        where, params = "s.atasan_pp_nip IS NULL", []
    else:
        where, params = "s.atasan_pp_nip = ?", [actor]
    return rows(store.db, "SELECT k.id, k.alasan, k.filed_at, sp.id AS periode_id, sp.predikat, sp.rating_hk,"
                          " sp.rating_pk, m.nama AS periode, p.nama, p.nip FROM keberatan k"
                          " JOIN skp_periode sp ON sp.id = k.skp_periode_id JOIN skp s ON s.id = sp.skp_id"
                          " JOIN periode_penilaian_master m ON m.id = sp.master_id"
                          " JOIN pegawai p ON p.nip = s.nip"
                          f" WHERE {where} AND k.decision IS NULL ORDER BY k.filed_at, k.id", params)


# -- who someone is, for the screens that show a person ---------------------------------------------
@dataclass(frozen=True)
class PersonCard:
    """A person as the Profil, a seat's role list and the Beranda show them."""

    nip: str
    nama: str
    jabatan: str
    unit: str | None
    atasan: str | None  # the superior's name; None at the top of the office
    memimpin: bool  # leads at least one active pegawai


_CARD = ("SELECT p.nip, p.nama, p.jabatan, u.nama, a.nama,"
         " EXISTS (SELECT 1 FROM pegawai s WHERE s.atasan_nip = p.nip AND s.aktif = 1)"
         " FROM pegawai p LEFT JOIN unor u ON u.id = p.unor_id LEFT JOIN pegawai a ON a.nip = p.atasan_nip")


def _card(found: tuple) -> PersonCard:
    return PersonCard(*found[:5], memimpin=bool(found[5]))


def person_card(store: Store, nip: str) -> PersonCard | None:
    found = store.db.execute(_CARD + " WHERE p.nip = ?", [nip]).fetchone()
    return None if found is None else _card(found)


def colleagues(store: Store, nip: str) -> list[PersonCard]:
    """The active people of one's own unit but oneself, by name: whom one may ask to coach."""
    return [_card(found) for found in store.db.execute(
        _CARD + " WHERE p.aktif = 1 AND p.nip <> ?"
                " AND p.unor_id = (SELECT unor_id FROM pegawai WHERE nip = ?) ORDER BY p.nama",
        [nip, nip]).fetchall()]


def office_is_empty(store: Store) -> bool:
    """A new sandbox file: no pegawai yet (the app then makes the demo office)."""
    return store.db.execute("SELECT count(*) FROM pegawai").fetchone()[0] == 0


@dataclass(frozen=True)
class Outage:
    """A server outage of the class's scenario (`gangguan`), as the status panel lists it."""

    jenis: str
    mulai: str
    selesai: str
    porsi: float | None


def outages(store: Store, nip: str | None, now: str) -> list[Outage]:
    """The outages this person meets that have not ended by `now` (virtual time), earliest first."""
    return [Outage(*found) for found in store.db.execute(
        "SELECT jenis, mulai, selesai, porsi FROM gangguan WHERE nip = ? AND selesai > ? ORDER BY mulai",
        [nip or "", now]).fetchall()]
