"""The profile before the SKP (scenario T08, WORKFLOW.md §1.3-A and §4 rank 2): a profile still
showing the former superior after a reshuffle, a SIASN sync that fails with a code, and the
report to the admin instansi."""

from __future__ import annotations

import json

from sandbox.training.vocab.registry import Verdict, check, define_messages, step
from sandbox.training.vocab.world import World
from sandbox.workflow.actors import ADMIN_INSTANSI
from sandbox.workflow.profil import NEEDS_SYNC, READY


@step("profil_usang", untuk="peran", atasan_lama="peran")
def profil_usang(world: World, untuk: str, atasan_lama: str) -> None:
    """SIASN holds the cast as it is; `untuk`'s own profile still names `atasan_lama` as superior and
    waits for a sync (one audited staging command, like a reshuffle SIASN knows and the profile not)."""
    nip, old = world.nip(untuk), world.nip(atasan_lama)
    cast = list(world.cast.roles.values())

    def fn(db) -> None:
        marks = ",".join("?" * len(cast))
        db.execute(
            "INSERT OR REPLACE INTO siasn_profil (nip, atasan_nip, unor_id, jabatan)"
            f" SELECT nip, atasan_nip, unor_id, jabatan FROM pegawai WHERE nip IN ({marks})",
            cast,
        )
        db.execute("UPDATE pegawai SET atasan_nip = ? WHERE nip = ?", [old, nip])
        db["akun"].upsert({"nip": nip, "sync_state": NEEDS_SYNC}, pk="nip")

    world.store.apply(None, None, "latihan.profil_usang", "pegawai", nip, {"atasan_lama": old}, fn)


@check("profil_sinkron", untuk="peran")
def profil_sinkron(world: World, untuk: str) -> Verdict:
    """The profile is READY with SIASN's superior, and the SKP (if made) names that superior."""
    nip = world.nip(untuk)
    akun = world.one("SELECT sync_state FROM akun WHERE nip = ?", [nip])
    if akun is None or akun["sync_state"] != READY:
        return Verdict.failed("cek.profil.belum", state=akun["sync_state"] if akun else "-")
    siasn = world.one("SELECT atasan_nip FROM siasn_profil WHERE nip = ?", [nip])
    person = world.one("SELECT atasan_nip FROM pegawai WHERE nip = ?", [nip])
    if siasn is None or person["atasan_nip"] != siasn["atasan_nip"]:
        return Verdict.failed("cek.profil.atasan")
    skp = world.skp(untuk)
    if skp is not None and skp["pejabat_nip"] != siasn["atasan_nip"]:
        return Verdict.failed("cek.profil.skp_pejabat")
    return Verdict.passed("cek.profil.ok")


@check("galat_dilaporkan", untuk="peran")
def galat_dilaporkan(world: World, untuk: str) -> Verdict:
    """A sync error the trainee met was reported to the admin instansi quoting its code, after it
    happened. No error met: nothing to report."""
    nip = world.nip(untuk)
    failures = world.actions("sinkron.gagal", session=nip)
    if not failures:
        return Verdict.passed("cek.profil.tanpa_galat")
    code = json.loads(failures[0]["payload"]).get("kode", "")
    token = code.split()[0] if code else ""
    for ticket in world.all(
        "SELECT t.kode_galat, t.pesan FROM tiket t WHERE t.dari_nip = ? AND t.kepada = ?"
        " AND t.virtual_ts >= ? ORDER BY t.id",
        [nip, ADMIN_INSTANSI, failures[0]["virtual_ts"]],
    ):
        # Case-blind: a trainee who types "siasn-503" for "SIASN-503" did report the error.
        wanted = token.casefold()
        quoted = f"{ticket['kode_galat'] or ''} {ticket['pesan']}".casefold()
        if wanted and wanted in quoted:
            return Verdict.passed("cek.profil.dilaporkan", kode=token)
    return Verdict.failed("cek.profil.tidak_dilaporkan", kode=token or "-", n=len(failures))


define_messages(
    {
        "cek.profil.belum": (
            "profil belum sinkron dengan SIASN (status {state})",
            "the profile is not in sync with SIASN (state {state})",
        ),
        "cek.profil.atasan": (
            "atasan di profil belum sama dengan SIASN",
            "the superior in the profile differs from SIASN",
        ),
        "cek.profil.skp_pejabat": (
            "SKP menyebut pejabat penilai yang salah (atasan lama)",
            "the SKP names the wrong rater (the former superior)",
        ),
        "cek.profil.ok": (
            "profil sinkron; SKP memakai atasan yang benar",
            "profile in sync; the SKP uses the right superior",
        ),
        "cek.profil.tanpa_galat": (
            "tidak ada galat sinkron yang perlu dilaporkan",
            "no sync error to report",
        ),
        "cek.profil.dilaporkan": (
            "galat {kode} dilaporkan ke admin instansi",
            "error {kode} reported to the admin instansi",
        ),
        "cek.profil.tidak_dilaporkan": (
            "galat sinkron {kode} ({n} kali) tidak dilaporkan ke admin dengan kodenya",
            "sync error {kode} ({n} times) was not reported to the admin with its code",
        ),
    }
)
