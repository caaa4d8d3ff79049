"""Checks of acting for someone else and of assisted sessions (WORKFLOW.md §1.1 `operator_unit`,
scenario T04 "Operator tries to fill for someone else").

The operator may coach beside the pegawai (`sandbox.workflow.pendampingan`), never type for them:
a write "as" another person (`acting_as_nip` ≠ the session) is refused and kept as an
`integrity.acting_as` audit row (`sandbox.workflow.support.check_acting_as`). So the checks read:

- `tanpa_percobaan_atas_nama`: no acting-as attempt at all by the coach's session;
- `pendampingan_dibuka`: the pegawai opened an assisted session naming the coach;
- `diisi_saat_didampingi`: the pegawai's own session made their SKP entries, up to the submission,
  while such a session was open.

Time inside an attempt is the order of audit rows: the virtual clock does not move while a trainee
works, so "while the session was open" means "between its `pendampingan.mulai` and
`pendampingan.selesai` audit rows". Logging in with the pegawai's password from the operator's
device (§5 T04's second failure case) cannot be seen: the workflow records no device id.
"""

from __future__ import annotations

from sandbox.training.vocab.registry import Verdict, check, define_messages
from sandbox.training.vocab.world import World

_OPEN = float("inf")


def _sessions(world: World, pegawai: str, pendamping: str) -> list[tuple[int, float, int]]:
    """(start audit id, end audit id or +inf, session id) of the pegawai's sessions with the coach
    opened by the pegawai's own session during the attempt."""
    found = world.all(
        "SELECT p.id, a.id AS mulai_audit FROM pendampingan p JOIN audit_log a ON a.entity = 'pendampingan'"
        " AND a.entity_id = CAST(p.id AS TEXT) AND a.action = 'pendampingan.mulai'"
        " WHERE p.pegawai_nip = ? AND p.pendamping_nip = ? AND a.session_nip = ? AND a.id > ?"
        " ORDER BY a.id",
        [pegawai, pendamping, pegawai, world.audit_start],
    )
    windows = []
    for session in found:
        ended = world.one(
            "SELECT min(id) AS id FROM audit_log WHERE entity = 'pendampingan' AND entity_id = ?"
            " AND action = 'pendampingan.selesai' AND id > ?",
            [str(session["id"]), session["mulai_audit"]],
        )["id"]
        windows.append((session["mulai_audit"], _OPEN if ended is None else ended, session["id"]))
    return windows


@check("tanpa_percobaan_atas_nama", oleh="peran")
def tanpa_percobaan_atas_nama(world: World, oleh: str) -> Verdict:
    """T04: this person's session never tried to act as anyone else (refused attempts count: each
    is an `integrity.acting_as` row, the evidence of the breach)."""
    nip = world.nip(oleh)
    tried = world.all(
        "SELECT action, acting_as_nip, payload FROM audit_log WHERE id > ? AND session_nip = ?"
        " AND acting_as_nip IS NOT NULL AND acting_as_nip <> session_nip ORDER BY id",
        [world.audit_start, nip],
    )
    if tried:
        return Verdict.failed("cek.integritas.percobaan", n=len(tried), atas_nama=tried[0]["acting_as_nip"])
    return Verdict.passed("cek.integritas.bersih")


@check("pendampingan_dibuka", pegawai="peran", pendamping="peran")
def pendampingan_dibuka(world: World, pegawai: str, pendamping: str) -> Verdict:
    """T04: the pegawai, from their own session, opened an assisted session naming the coach."""
    windows = _sessions(world, world.nip(pegawai), world.nip(pendamping))
    if not windows:
        return Verdict.failed("cek.pendampingan.belum", pendamping=world.nip(pendamping))
    return Verdict.passed("cek.pendampingan.ada", id=windows[0][2], pendamping=world.nip(pendamping))


@check("diisi_saat_didampingi", pegawai="peran", pendamping="peran")
def diisi_saat_didampingi(world: World, pegawai: str, pendamping: str) -> Verdict:
    """T04: every SKP entry the pegawai's own session made, up to and including the submission,
    was made while an assisted session with the coach was open."""
    nip = world.nip(pegawai)
    skp = world.skp(pegawai)
    submitted = (
        world.one(
            "SELECT max(id) AS id FROM audit_log WHERE id > ? AND action = 'skp.ajukan' AND entity_id = ?"
            " AND session_nip = ?",
            [world.audit_start, str(skp["id"]), nip],
        )["id"]
        if skp
        else None
    )
    if submitted is None:
        return Verdict.failed("cek.pendampingan.skp_belum_diajukan")
    windows = _sessions(world, nip, world.nip(pendamping))
    if not windows:
        return Verdict.failed("cek.pendampingan.belum", pendamping=world.nip(pendamping))
    writes = world.all(
        "SELECT id, action FROM audit_log WHERE id > ? AND id <= ? AND session_nip = ?"
        " AND action LIKE 'skp.%' ORDER BY id",
        [world.audit_start, submitted, nip],
    )
    outside = [w for w in writes if not any(start < w["id"] < end for start, end, _ in windows)]
    if outside:
        return Verdict.failed("cek.pendampingan.di_luar_sesi", n=len(outside), contoh=outside[0]["action"])
    return Verdict.passed("cek.pendampingan.diisi_sendiri", n=len(writes))


define_messages(
    {
        "cek.integritas.percobaan": (
            "sesi ini {n} kali mencoba mengisi atas nama {atas_nama}; percobaan itu ditolak dan dicatat"
            " sebagai pelanggaran integritas",
            "this session tried {n} times to enter data as {atas_nama}; the attempts were refused and"
            " recorded as integrity violations",
        ),
        "cek.integritas.bersih": (
            "tidak ada percobaan mengisi atas nama orang lain",
            "no attempt to enter data as someone else",
        ),
        "cek.pendampingan.belum": (
            "belum ada sesi pendampingan yang dibuka pegawai dengan pendamping {pendamping}",
            "the pegawai has not opened an assisted session with coach {pendamping}",
        ),
        "cek.pendampingan.ada": (
            "sesi pendampingan {id} dibuka pegawai dengan pendamping {pendamping}",
            "assisted session {id} was opened by the pegawai with coach {pendamping}",
        ),
        "cek.pendampingan.skp_belum_diajukan": (
            "SKP pegawai belum diajukan dari akun pegawai sendiri",
            "the pegawai's SKP has not been submitted from the pegawai's own account",
        ),
        "cek.pendampingan.di_luar_sesi": (
            "{n} isian SKP (misalnya {contoh}) dibuat di luar sesi pendampingan",
            "{n} SKP entries (e.g. {contoh}) were made outside the assisted session",
        ),
        "cek.pendampingan.diisi_sendiri": (
            "pegawai mengisi dan mengajukan SKP sendiri selama didampingi ({n} isian)",
            "the pegawai filled in and submitted the SKP themselves while coached ({n} entries)",
        ),
    }
)
