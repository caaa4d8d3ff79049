"""Steps and checks most scenarios share: approved SKPs down the cast's chain, entries and ratings
staged through the workflow, and the checks of scenarios T01 (first SKP), T03 (evidence before the
deadline) and T06 (an outage near the deadline)."""

from __future__ import annotations

import datetime as dt
import json

from sandbox.synth.ready import RHK_BY_LEVEL
from sandbox.training.vocab.registry import Verdict, check, define_messages, step
from sandbox.training.vocab.world import YEAR, World
from sandbox.workflow import (
    KEPALA_DAERAH,
    TRAINER,
    ajukan,
    buat_skp,
    checklist,
    isi_lampiran,
    isi_realisasi,
    nilai,
    setujui,
    tambah_bukti,
    tambah_indikator,
    tambah_rhk,
)
from sandbox.workflow.rulebook import ENGINE, pack_for
from sandbox.workflow.skp import wajibkan_syarat

STAFF_RHK = (
    "Terlaksananya layanan {n} sesuai standar",
    "Jumlah layanan {n} yang diselesaikan",
    24,
    "layanan",
)


def _plan(level: str, count: int, unit: str) -> list[tuple[str, str, float, str, str | None]]:
    """`count` RHK (text, indikator, target, satuan, perspektif) for a jabatan level."""
    base = RHK_BY_LEVEL.get(level)
    out = []
    for n in range(1, count + 1):
        if base:
            rhk, ind, target, satuan, persp = base[(n - 1) % len(base)]
            suffix = "" if n <= len(base) else f" (sasaran {n})"
            out.append(
                (rhk.format(unit=unit) + suffix, ind.format(unit=unit) + suffix, target, satuan, persp)
            )
        else:
            rhk, ind, target, satuan = STAFF_RHK
            out.append((rhk.format(n=n), ind.format(n=n), target, satuan, None))
    return out


def draft_skp(world: World, role: str, rhk: int, pendekatan: str = "kuantitatif") -> int:
    """A complete SKP for `role` (RHK under the atasan's first RHK, indikator, lampiran), in DRAFT."""
    store, nip = world.store, world.nip(role)
    person = world.one(
        "SELECT p.jenis_jabatan, u.nama AS unit, p.atasan_nip FROM pegawai p"
        " LEFT JOIN unor u ON u.pimpinan_nip = p.nip WHERE p.nip = ?",
        [nip],
    )
    level = person["jenis_jabatan"] if person["unit"] else "staf"
    parent_rhk = None
    if person["atasan_nip"]:
        found = world.one(
            "SELECT rhk.id FROM rhk JOIN skp ON skp.id = rhk.skp_id WHERE skp.nip = ?"
            " AND skp.status = 'DISETUJUI' ORDER BY rhk.id LIMIT 1",
            [person["atasan_nip"]],
        )
        parent_rhk = found["id"] if found else None
    skp_id = buat_skp(store, nip, YEAR, pendekatan)
    for rhk_text, ind_text, target, satuan, persp in _plan(level, rhk, person["unit"] or "unit kerja"):
        rhk_id = tambah_rhk(
            store,
            nip,
            skp_id,
            rhk_text,
            "utama",
            induk_rhk_id=parent_rhk,
            klasifikasi="organisasi" if person["unit"] else None,
        )
        if pendekatan == "kualitatif":
            tambah_indikator(
                store, nip, rhk_id, ind_text + " tepat waktu dan sesuai standar layanan", aspek="kualitas"
            )
        else:
            tambah_indikator(
                store,
                nip,
                rhk_id,
                ind_text,
                aspek="kuantitas",
                target_nilai=target,
                target_satuan=satuan,
                perspektif=persp,
            )
    isi_lampiran(
        store,
        nip,
        skp_id,
        dukungan_sd="Anggaran DPA dan staf unit",
        skema_pj="Laporan kinerja triwulanan kepada atasan",
        konsekuensi="Predikat kinerja menjadi dasar TPP",
    )
    return skp_id


def approve_skp(world: World, role: str, skp_id: int) -> None:
    atasan = world.one("SELECT atasan_nip FROM pegawai WHERE nip = ?", [world.nip(role)])["atasan_nip"]
    setujui(world.store, atasan or KEPALA_DAERAH, skp_id)


@step("skp_disetujui", untuk="peran_list", rhk="int?", pendekatan="teks?")
def skp_disetujui(world: World, untuk: list[str], rhk: int = 1, pendekatan: str = "kuantitatif") -> None:
    """Each role in order gets a complete SKP, submitted and approved by its pejabat penilai."""
    for role in untuk:
        skp_id = draft_skp(world, role, rhk, pendekatan)
        ajukan(world.store, world.nip(role), skp_id)
        approve_skp(world, role, skp_id)


@step("skp_diajukan", untuk="peran_list", rhk="int?")
def skp_diajukan(world: World, untuk: list[str], rhk: int = 1) -> None:
    """Each role gets a complete SKP, submitted and waiting for the pejabat penilai."""
    for role in untuk:
        ajukan(world.store, world.nip(role), draft_skp(world, role, rhk))


@step("lampiran_wajib", untuk="peran_list")
def lampiran_wajib(world: World, untuk: list[str]) -> None:
    """The lampiran, only recommended for Ajukan in the office (§1.3-B guard 5), is required of these
    roles in this exercise: their SKP checklist marks it required and Ajukan refuses without it, so
    `skp_diajukan_lengkap` and the screen ask the same (a scenario whose goal is "fill lampiran")."""
    for role in untuk:
        wajibkan_syarat(world.store, TRAINER, world.nip(role), ["lampiran"])


@step("skp_draf", untuk="peran_list", rhk="int?")
def skp_draf(world: World, untuk: list[str], rhk: int = 1) -> None:
    """Each role gets a complete SKP left in DRAFT (never submitted)."""
    for role in untuk:
        draft_skp(world, role, rhk)


@step("entri", untuk="peran_list", triwulan="triwulan", realisasi="int?", bukti="int?", nilai="float?")
def entri(
    world: World,
    untuk: list[str],
    triwulan: int | str,
    realisasi: int = 999,
    bukti: int = 999,
    nilai: float = 20.0,
) -> None:
    """The first `realisasi` indikator get a realisation and the first `bukti` a working link."""
    for role in untuk:
        period = world.period(role, triwulan)
        indikator = world.all(
            "SELECT i.id FROM indikator i JOIN rhk ON rhk.id = i.rhk_id WHERE rhk.skp_id = ? ORDER BY i.id",
            [period["skp_id"]],
        )
        for index, ind in enumerate(indikator):
            if index < realisasi:
                isi_realisasi(world.store, world.nip(role), period["id"], ind["id"], nilai=nilai)
            if index < bukti:
                tambah_bukti(
                    world.store,
                    world.nip(role),
                    period["id"],
                    ind["id"],
                    "Laporan kegiatan",
                    f"https://drive.example.go.id/bukti/{period['id']}/{ind['id']}",
                )


@step(
    "dinilai", oleh="peran", untuk="peran_list", triwulan="triwulan", rating_hk="rating?", rating_pk="rating"
)
def dinilai(
    world: World,
    oleh: str,
    untuk: list[str],
    triwulan: int | str,
    rating_pk: str,
    rating_hk: str | None = None,
) -> None:
    """`oleh` rates each role in the period (a unit head's Rating HK comes from capaian organisasi)."""
    for role in untuk:
        period = world.period(role, triwulan)
        nilai(world.store, world.nip(oleh), period["id"], rating_pk=rating_pk, rating_hk=rating_hk)


# -- checks ------------------------------------------------------------------------------------------
@check("skp_diajukan_lengkap", untuk="peran")
def skp_diajukan_lengkap(world: World, untuk: str) -> Verdict:
    """T01: a yearly SKP under the superior's, every RHK intervening one, indikator with targets,
    every condition Ajukan requires of this pegawai (`workflow.skp.checklist`, the SKP screen's own
    list: the lampiran when the scenario made it required, `lampiran_wajib`), submitted."""
    skp = world.skp(untuk)
    if skp is None:
        return Verdict.failed("cek.skp.tidak_ada")
    if (skp["periode_awal"], skp["periode_akhir"]) != (f"{YEAR}-01-01", f"{YEAR}-12-31") or not skp[
        "pendekatan"
    ]:
        return Verdict.failed("cek.skp.periode", awal=skp["periode_awal"], akhir=skp["periode_akhir"])
    atasan = world.one("SELECT atasan_nip FROM pegawai WHERE nip = ?", [world.nip(untuk)])["atasan_nip"]
    parent = (
        world.one("SELECT id FROM skp WHERE nip = ? AND status = 'DISETUJUI' ORDER BY id LIMIT 1", [atasan])
        if atasan
        else None
    )
    if parent is not None and skp["induk_skp_id"] != parent["id"]:
        return Verdict.failed("cek.skp.induk")
    rhks = world.all("SELECT * FROM rhk WHERE skp_id = ? ORDER BY id", [skp["id"]])
    if not any(r["jenis"] == "utama" for r in rhks):
        return Verdict.failed("cek.skp.tanpa_utama")
    for rhk in rhks:
        if parent is not None and rhk["induk_rhk_id"] is None:
            return Verdict.failed("cek.skp.rhk_tanpa_induk", rhk=rhk["teks"])
        targets = world.all("SELECT target_nilai, teks FROM indikator WHERE rhk_id = ?", [rhk["id"]])
        if not targets or (
            skp["pendekatan"] == "kuantitatif" and any(t["target_nilai"] is None for t in targets)
        ):
            return Verdict.failed("cek.skp.indikator_target", rhk=rhk["teks"])
    # the rest is what the SKP screen's checklist marks required (✗) for this pegawai: one definition
    for guard in checklist(world.store, skp["id"]):
        if guard.blocking and not guard.ok:
            if guard.name == "lampiran":
                return Verdict.failed("cek.skp.lampiran")
            return Verdict.failed(guard.code, **{k: ", ".join(map(str, v)) if isinstance(v, list) else v
                                                 for k, v in guard.params.items()})
    if skp["status"] not in ("DIAJUKAN", "DISETUJUI"):
        return Verdict.failed("cek.skp.belum_diajukan", status=skp["status"])
    return Verdict.passed("cek.skp.lengkap", rhk=len(rhks))


@check("tanpa_atas_nama", untuk="peran")
def tanpa_atas_nama(world: World, untuk: str) -> Verdict:
    """No write for this person made by another session, and no attempt at one (§1.1, T04)."""
    nip = world.nip(untuk)
    others = world.one(
        "SELECT count(*) AS n FROM audit_log WHERE id > ? AND acting_as_nip = ?"
        " AND session_nip IS NOT acting_as_nip",
        [world.audit_start, nip],
    )["n"]
    if others:
        return Verdict.failed("cek.atas_nama", n=others)
    return Verdict.passed("cek.atas_nama.bersih")


def _indikator(world: World, skp_id: int) -> list[dict]:
    return world.all(
        "SELECT i.id, i.teks, rhk.id AS rhk_id FROM indikator i JOIN rhk ON rhk.id = i.rhk_id"
        " WHERE rhk.skp_id = ? ORDER BY i.id",
        [skp_id],
    )


@check("bukti_lengkap", untuk="peran", triwulan="triwulan")
def bukti_lengkap(world: World, untuk: str, triwulan: int | str) -> Verdict:
    """T03: every indikator of the period has a realisation and a working evidence link; entries are
    refused after batas pengisian, so a complete period was completed in time."""
    period = world.period(untuk, triwulan)
    if period is None:
        return Verdict.failed("cek.periode.tidak_ada", triwulan=triwulan)
    missing = []
    for ind in _indikator(world, period["skp_id"]):
        has_real = world.one(
            "SELECT 1 AS x FROM realisasi WHERE indikator_id = ? AND skp_periode_id = ?",
            [ind["id"], period["id"]],
        )
        has_link = world.one(
            "SELECT 1 AS x FROM bukti_dukung WHERE indikator_id = ? AND skp_periode_id = ?"
            " AND link_status = 'OK'",
            [ind["id"], period["id"]],
        )
        if not (has_real and has_link):
            missing.append(ind["teks"])
    if missing:
        return Verdict.failed(
            "cek.bukti.kurang", n=len(missing), contoh=missing[0], batas=period["batas_pengisian"]
        )
    return Verdict.passed("cek.bukti.lengkap", periode=period["periode_nama"])


@check("umpan_balik_sebelum_nilai", oleh="peran", untuk="peran", triwulan="triwulan")
def umpan_balik_sebelum_nilai(world: World, oleh: str, untuk: str, triwulan: int | str) -> Verdict:
    """T03: the pejabat gave feedback on every RHK (or one of its indikator) before rating."""
    period = world.period(untuk, triwulan)
    if period is None:
        return Verdict.failed("cek.periode.tidak_ada", triwulan=triwulan)
    rated = world.one(
        "SELECT min(id) AS id FROM audit_log WHERE id > ? AND action = 'periode.nilai'"
        " AND entity_id = ? AND session_nip = ?",
        [world.audit_start, str(period["id"]), world.nip(oleh)],
    )["id"]
    if rated is None:
        return Verdict.failed("cek.nilai.belum")
    indikator = {i["id"]: i["rhk_id"] for i in _indikator(world, period["skp_id"])}
    covered = set()
    for audit in world.all(
        "SELECT payload FROM audit_log WHERE id > ? AND id < ? AND action = ?"
        " AND entity_id = ? AND session_nip = ?",
        [world.audit_start, rated, "periode.umpan_balik", str(period["id"]), world.nip(oleh)],
    ):
        payload = json.loads(audit["payload"])
        kind, target = str(payload.get("target_type", "")).lower(), payload.get("target_id")
        if kind == "rhk":
            covered.add(target)
        elif kind == "indikator" and target in indikator:
            covered.add(indikator[target])
    rhks = world.all("SELECT id, teks FROM rhk WHERE skp_id = ? ORDER BY id", [period["skp_id"]])
    lacking = [r["teks"] for r in rhks if r["id"] not in covered]
    if lacking:
        return Verdict.failed("cek.umpan_balik.kurang", n=len(lacking), contoh=lacking[0])
    return Verdict.passed("cek.umpan_balik.lengkap", n=len(rhks))


@check("dinilai_sesuai_matriks", untuk="peran", triwulan="triwulan")
def dinilai_sesuai_matriks(world: World, untuk: str, triwulan: int | str) -> Verdict:
    """Both ratings are set and the predikat is what the rule pack in force gives (§1.6)."""
    period = world.period(untuk, triwulan)
    if period is None or not period["rating_hk"] or not period["rating_pk"]:
        return Verdict.failed("cek.nilai.belum")
    pack = pack_for(world.store.conn, "predikat")
    on = dt.date.fromisoformat(world.store.virtual_now()[:10])
    expected = ENGINE.evaluate(
        pack,
        "predikat",
        {"rating_hasil_kerja": period["rating_hk"], "rating_perilaku": period["rating_pk"]},
        on=on,
    ).outputs["predikat"]
    if period["predikat"] != expected:
        return Verdict.failed("cek.nilai.matriks", ada=period["predikat"], harus=expected)
    return Verdict.passed("cek.nilai.ok", predikat=period["predikat"])


@check("entri_sekali", untuk="peran", triwulan="triwulan")
def entri_sekali(world: World, untuk: str, triwulan: int | str) -> Verdict:
    """T06: no entry twice — the same evidence link or rencana aksi saved again by a blind retry."""
    period = world.period(untuk, triwulan)
    if period is None:
        return Verdict.failed("cek.periode.tidak_ada", triwulan=triwulan)
    twice = world.one(
        "SELECT (SELECT count(*) FROM (SELECT 1 FROM bukti_dukung WHERE skp_periode_id = ?"
        "  GROUP BY indikator_id, url HAVING count(*) > 1))"
        " + (SELECT count(*) FROM (SELECT 1 FROM rencana_aksi WHERE skp_periode_id = ?"
        "  GROUP BY rhk_id, deskripsi HAVING count(*) > 1)) AS n",
        [period["id"], period["id"]],
    )["n"]
    if twice:
        return Verdict.failed("cek.entri.ganda", n=twice)
    return Verdict.passed("cek.entri.sekali")


@check("bantuan_dibuka", untuk="peran", topik="teks?")
def bantuan_dibuka(world: World, untuk: str, topik: str | None = None) -> Verdict:
    """T06: the trainee sought help during the attempt (§5 T06: "opened the status panel or
    contacted the admin") — looked at the named help page (any, without `topik`) or wrote a ticket."""
    nip = world.nip(untuk)
    opened = world.actions("bantuan.dibuka", session=nip)
    if topik:
        opened = [a for a in opened if json.loads(a["payload"]).get("topik") == topik]
    opened += world.actions("tiket.buat", session=nip)
    if not opened:
        return Verdict.failed("cek.bantuan.belum", topik=topik or "-")
    return Verdict.passed("cek.bantuan.ok", n=len(opened))


define_messages(
    {
        "cek.skp.tidak_ada": ("belum ada SKP tahun ini", "there is no SKP for this year yet"),
        "cek.skp.periode": (
            "periode SKP {awal} s.d. {akhir} bukan satu tahun penuh, atau pendekatan kosong",
            "the SKP period {awal} to {akhir} is not the whole year, or the approach is empty",
        ),
        "cek.skp.induk": (
            "SKP tidak tersambung ke SKP atasan yang disetujui",
            "the SKP is not linked to the superior's approved SKP",
        ),
        "cek.skp.tanpa_utama": ("belum ada RHK utama", "there is no main (utama) RHK"),
        "cek.skp.rhk_tanpa_induk": (
            'RHK "{rhk}" belum mengintervensi RHK atasan',
            'RHK "{rhk}" does not intervene a superior\'s RHK',
        ),
        "cek.skp.indikator_target": (
            'RHK "{rhk}" belum punya indikator dengan target angka',
            'RHK "{rhk}" has no indicator with a numeric target',
        ),
        "cek.skp.lampiran": (
            "lampiran SKP (dukungan sumber daya, skema pertanggungjawaban, konsekuensi) belum lengkap",
            "the SKP annex (resources, accountability scheme, consequences) is not complete",
        ),
        "cek.skp.belum_diajukan": (
            "SKP masih berstatus {status}, belum diajukan",
            "the SKP is still {status}, not submitted",
        ),
        "cek.skp.lengkap": (
            "SKP lengkap dan diajukan ({rhk} RHK)",
            "the SKP is complete and submitted ({rhk} RHK)",
        ),
        "cek.atas_nama": (
            "ada {n} entri yang dibuat atas nama orang lain",
            "{n} entries were made on someone else's behalf",
        ),
        "cek.atas_nama.bersih": (
            "semua entri dibuat oleh pemiliknya sendiri",
            "every entry was made by its owner",
        ),
        "cek.periode.tidak_ada": (
            "periode triwulan {triwulan} belum ada untuk SKP ini",
            "this SKP has no period for quarter {triwulan}",
        ),
        "cek.bukti.kurang": (
            "{n} indikator belum punya realisasi dan bukti dukung yang dapat dibuka (misalnya"
            ' "{contoh}"); batas pengisian {batas}',
            '{n} indicators lack a realisation and a working evidence link (e.g. "{contoh}");'
            " deadline {batas}",
        ),
        "cek.bukti.lengkap": (
            "realisasi dan bukti dukung {periode} lengkap",
            "realisation and evidence for {periode} are complete",
        ),
        "cek.nilai.belum": ("penilaian belum diberikan", "the rating has not been given"),
        "cek.umpan_balik.kurang": (
            '{n} RHK belum mendapat umpan balik sebelum dinilai (misalnya "{contoh}")',
            '{n} RHK got no feedback before the rating (e.g. "{contoh}")',
        ),
        "cek.umpan_balik.lengkap": (
            "setiap RHK ({n}) mendapat umpan balik sebelum dinilai",
            "every RHK ({n}) got feedback before the rating",
        ),
        "cek.nilai.matriks": (
            "predikat {ada} tidak sesuai matriks; seharusnya {harus}",
            "predikat {ada} does not follow the matrix; it should be {harus}",
        ),
        "cek.nilai.ok": ("dinilai, predikat {predikat}", "rated, predikat {predikat}"),
        "cek.entri.ganda": (
            "{n} entri tersimpan dua kali (bukti dukung atau rencana aksi yang sama)",
            "{n} entries were saved twice (the same evidence link or action plan)",
        ),
        "cek.entri.sekali": ("setiap entri tersimpan tepat satu kali", "every entry was saved exactly once"),
        "cek.bantuan.belum": (
            "panel status layanan / bantuan ({topik}) belum dibuka",
            "the service status / help panel ({topik}) was not opened",
        ),
        "cek.bantuan.ok": (
            "panel status / bantuan dibuka {n} kali",
            "the status / help panel was opened {n} times",
        ),
    }
)
