"""Setup steps and checks of the rating area (see `sandbox.training.vocab`): the distribution curve
and who checks it (T05), broken or private evidence links (T13), keberatan (T17), a unit head's
Rating HK from capaian organisasi (T18) and behaviour-specific feedback (T21).

Steps act through `sandbox.workflow` only, except `tautan_bukti_bermasalah`, which stages a link
that went private or broke with one audited store command per link (`latihan.bukti_rusak`): the
workflow always saves a link as working, and the real app cannot know when a Drive file stops
being shared. Checks only read: the store, the audit log (what the trainee did after setup, in
order) and the rule packs in force (the same decisions the workflow asked).
"""

from __future__ import annotations

import datetime as dt
import json

from sandbox.training.vocab.registry import Verdict, check, define_messages, step
from sandbox.training.vocab.wording import content_roots as _content
from sandbox.training.vocab.wording import share_a_word as _shares
from sandbox.training.vocab.wording import words as _words
from sandbox.training.vocab.world import World
from sandbox.workflow import (
    PENGELOLA_KINERJA,
    finalkan,
    isi_ekspektasi_khusus,
    terbitkan_dokumen,
    tetapkan_capaian_organisasi,
)
from sandbox.workflow.kurva import population
from sandbox.workflow.penilaian import normalise_rating, who_sets_capaian
from sandbox.workflow.periode import FINAL, LOCKED_STATES
from sandbox.workflow.rulebook import ENGINE, pack_for

LINK_STATES = ("PRIVATE", "BROKEN")
CATATAN_MIN = 20  # characters of a keberatan decision note (the same bar as T02's return note)
TEXT_MIN_WORDS = 4  # a free-text justification or correction
BEHAVIOUR_MIN_WORDS = 6  # a free-text behaviour feedback (T21)

# -- reading helpers ---------------------------------------------------------------------------------
def _name(world: World, nip: str | None) -> str:
    if not nip:
        return "-"
    found = world.one("SELECT nama FROM pegawai WHERE nip = ?", [nip])
    return found["nama"] if found else nip


def _led_unit(world: World, role: str) -> dict | None:
    return world.one(
        "SELECT * FROM unor WHERE pimpinan_nip = ? AND aktif = 1 ORDER BY id LIMIT 1", [world.nip(role)]
    )


def _polarity(world: World) -> dict[int, str]:
    return {r["id"]: r["polaritas"] for r in world.all("SELECT id, polaritas FROM umpan_balik_master", [])}


def _feedback(world: World, period_id: int, oleh: str) -> list[dict]:
    """The umpan balik `oleh` gave on one period after setup, from the audit log, in order."""
    out = []
    for audit in world.all(
        "SELECT id, payload FROM audit_log WHERE id > ? AND action = 'periode.umpan_balik'"
        " AND entity_id = ? AND session_nip = ? ORDER BY id",
        [world.audit_start, str(period_id), world.nip(oleh)],
    ):
        payload = json.loads(audit["payload"])
        kind = str(payload.get("target_type") or "").strip().lower()
        target = payload.get("target_id")
        if kind == "perilaku":
            target = str(target or "").strip().lower().replace(" ", "_")
        out.append(
            {
                "audit_id": audit["id"],
                "kind": kind,
                "target": target,
                "pilihan": list(payload.get("pilihan") or []),
                "tambahan": (payload.get("tambahan") or "").strip(),
            }
        )
    return out


def _first_rating(world: World, period_id: int) -> int | None:
    """The audit id of the first rating of this period after setup (by anyone), or None."""
    return world.one(
        "SELECT min(id) AS id FROM audit_log WHERE id > ? AND action = 'periode.nilai' AND entity_id = ?",
        [world.audit_start, str(period_id)],
    )["id"]


def _corrective(fb: dict, polarity: dict[int, str]) -> bool:
    """A feedback that says something: a standard item that is not generic praise, or a free text of
    a few words with at least one content word (not only "bagus, pertahankan")."""
    if any(polarity.get(c) not in (None, "pujian_umum") for c in fb["pilihan"]):
        return True
    return len(_words(fb["tambahan"])) >= TEXT_MIN_WORDS and bool(_content(fb["tambahan"]))


def _kurva_history(world: World, unor_id: str, master_id: int) -> list[dict]:
    """Every curve check of a unit and period, oldest first, with the audit row of its command and
    the capaian the pack was given (from the stored trace)."""
    checks = world.all(
        "SELECT * FROM distribusi_check WHERE unor_id = ? AND periode_master_id = ? ORDER BY id",
        [unor_id, master_id],
    )
    audits = world.all(
        "SELECT a.id, a.session_nip, t.trace FROM audit_log a LEFT JOIN evaluation_trace t"
        " ON t.audit_id = a.id AND t.decision = 'kurva' WHERE a.action = 'unor.kurva' AND a.entity_id = ?"
        " AND json_extract(a.payload, '$.master_id') = ? ORDER BY a.id",
        [unor_id, master_id],
    )
    # One command writes one audit row and one distribusi_check row (or neither): pair them in order,
    # from the newest, so a row written outside the workflow cannot shift the recent ones.
    history = []
    for check_row, audit in zip(reversed(checks), reversed(audits), strict=False):
        trace = json.loads(audit["trace"]) if audit["trace"] else {}
        history.append(
            {
                "audit_id": audit["id"],
                "result": check_row["result"],
                "checked_by": check_row["checked_by"],
                "violations": json.loads(check_row["violations"] or "[]"),
                "capaian": (trace.get("inputs") or {}).get("predikat_organisasi"),
            }
        )
    return list(reversed(history))


def _staged_capaian(world: World, unor_id: str, master_id: int) -> str | None:
    """The capaian organisasi the setup set (the last one before the trainee's first action)."""
    found = world.one(
        "SELECT payload FROM audit_log WHERE id <= ? AND action = 'unor.capaian' AND entity_id = ?"
        " AND json_extract(payload, '$.master_id') = ? ORDER BY id DESC LIMIT 1",
        [world.audit_start, unor_id, master_id],
    )
    if found is None:
        return None
    return (json.loads(found["payload"]).get("predikat_org") or "").strip().lower().replace(" ", "_")


def _violations(history_entry: dict) -> str:
    """The broken quotas of one check as text (each stored as {rule, pesan})."""
    return "; ".join(
        (v.get("pesan") or v.get("rule") or "") if isinstance(v, dict) else str(v)
        for v in history_entry["violations"]
    )


def _today(world: World) -> dt.date:
    return dt.date.fromisoformat(world.store.virtual_now()[:10])


# -- setup steps ---------------------------------------------------------------------------------------
@step("capaian_organisasi_ditetapkan", pimpinan="peran", triwulan="triwulan", capaian="teks")
def capaian_organisasi_ditetapkan(world: World, pimpinan: str, triwulan: int | str, capaian: str) -> None:
    """The unit led by `pimpinan` gets its capaian organisasi for the period, set by the superior
    organisation (the unit head's own atasan, W9): istimewa, baik, butuh_perbaikan, kurang or
    sangat_kurang."""
    unit = _led_unit(world, pimpinan)
    setter = who_sets_capaian(world.store.conn, unit)
    tetapkan_capaian_organisasi(world.store, setter, unit["id"], world.master_id(triwulan), capaian)


@step("tautan_bukti_bermasalah", untuk="peran", triwulan="triwulan", privat="int?", rusak="int?")
def tautan_bukti_bermasalah(
    world: World, untuk: str, triwulan: int | str, privat: int = 1, rusak: int = 0
) -> None:
    """The role's first `privat` evidence links of the period went PRIVATE and the next `rusak` are
    BROKEN (staged with one audited store command per link; the workflow saves links as OK)."""
    period = world.period(untuk, triwulan)
    links = world.all(
        "SELECT id, url FROM bukti_dukung WHERE skp_periode_id = ? AND link_status = 'OK' ORDER BY id",
        [period["id"]],
    )
    wanted = ["PRIVATE"] * privat + ["BROKEN"] * rusak
    if len(wanted) > len(links):
        raise ValueError(f"tautan_bukti_bermasalah: {untuk} has {len(links)} links, {len(wanted)} asked")
    for link, status in zip(links, wanted, strict=False):
        world.store.apply(
            None,
            None,
            "latihan.bukti_rusak",
            "bukti_dukung",
            link["id"],
            {"link_status": status, "url": link["url"]},
            lambda db, s=status, i=link["id"]: db.execute(
                "UPDATE bukti_dukung SET link_status = ? WHERE id = ?", [s, i]
            ),
        )


@step("dokumen_diterbitkan", oleh="peran", untuk="peran_list", triwulan="triwulan")
def dokumen_diterbitkan(world: World, oleh: str, untuk: list[str], triwulan: int | str) -> None:
    """`oleh` (the pejabat penilai) finalises each role's rated period and issues its dokumen
    evaluasi: the keberatan window starts now."""
    for role in untuk:
        period = world.period(role, triwulan)
        finalkan(world.store, world.nip(oleh), period["id"])
        terbitkan_dokumen(world.store, world.nip(oleh), period["id"])


@step("ekspektasi_khusus_diisi", oleh="peran", untuk="peran_list", perilaku="map")
def ekspektasi_khusus_diisi(world: World, oleh: str, untuk: list[str], perilaku: dict) -> None:
    """`oleh` writes ekspektasi khusus pimpinan on each role's SKP: `perilaku` maps a BerAKHLAK value
    (akuntabel, kolaboratif, ...) to the expectation text."""
    for role in untuk:
        skp = world.skp(role)
        for kode, teks in perilaku.items():
            isi_ekspektasi_khusus(world.store, world.nip(oleh), skp["id"], str(kode), str(teks))


# -- checks: the curve (T05, T18) ----------------------------------------------------------------------
@check("kurva_melanggar_lalu_sesuai", pimpinan="peran", triwulan="triwulan")
def kurva_melanggar_lalu_sesuai(world: World, pimpinan: str, triwulan: int | str) -> Verdict:
    """T05: the unit's `distribusi_check` for the period went from MELANGGAR to SESUAI during the
    attempt (§5 T05, §1.3-F). The staged spread breaks the curve, so a first check must record the
    violation; the latest check must be SESUAI. Which rules break comes from the pack in force."""
    unit = _led_unit(world, pimpinan)
    history = [
        h
        for h in _kurva_history(world, unit["id"], world.master_id(triwulan))
        if h["audit_id"] > world.audit_start
    ]
    if not history:
        return Verdict.failed("cek.rating.kurva.belum_dicek", unit=unit["nama"])
    latest = history[-1]
    if latest["result"] != "SESUAI":
        return Verdict.failed(
            "cek.rating.kurva.melanggar", unit=unit["nama"], pelanggaran=_violations(latest)
        )
    first_bad = next((h for h in history if h["result"] == "MELANGGAR"), None)
    if first_bad is None:
        return Verdict.failed("cek.rating.kurva.tanpa_melanggar", unit=unit["nama"])
    return Verdict.passed(
        "cek.rating.kurva.diperbaiki", unit=unit["nama"], pelanggaran=_violations(first_bad)
    )


@check("kurva_sesuai_capaian", pimpinan="peran", triwulan="triwulan")
def kurva_sesuai_capaian(world: World, pimpinan: str, triwulan: int | str) -> Verdict:
    """T18: the unit's curve was checked during the attempt against the capaian organisasi the
    superior set (from the check's stored trace: e.g. the Butuh Perbaikan rules of §1.7), and the
    latest check is SESUAI. `cek_kurva` reads the capaian itself; this shows it was not raised."""
    unit = _led_unit(world, pimpinan)
    master = world.master_id(triwulan)
    history = [h for h in _kurva_history(world, unit["id"], master) if h["audit_id"] > world.audit_start]
    if not history:
        return Verdict.failed("cek.rating.kurva.belum_dicek", unit=unit["nama"])
    latest = history[-1]
    expected = _staged_capaian(world, unit["id"], master) or latest["capaian"]
    if latest["capaian"] != expected:
        return Verdict.failed(
            "cek.rating.kurva.capaian_lain", unit=unit["nama"], dipakai=latest["capaian"], harus=expected
        )
    if latest["result"] != "SESUAI":
        return Verdict.failed(
            "cek.rating.kurva.melanggar", unit=unit["nama"], pelanggaran=_violations(latest)
        )
    return Verdict.passed("cek.rating.kurva.sesuai", unit=unit["nama"], capaian=expected)


def _lock_audit_id(world: World, period: dict) -> int | None:
    """When a locked period was locked, as an audit id: its `finalkan`, or the clock move that
    passed batas pengisian (the sweep stamps `locked_at` with the new clock time)."""
    found = world.one(
        "SELECT min(id) AS id FROM audit_log WHERE action = 'periode.finalkan' AND entity_id = ?",
        [str(period["id"])],
    )["id"]
    if found is not None:
        return found
    locked = world.one("SELECT locked_at FROM skp_periode WHERE id = ?", [period["id"]])["locked_at"]
    return world.one(  # this attempt's clock move (an earlier round may have moved to the same time)
        "SELECT min(id) AS id FROM audit_log WHERE id > ? AND action = 'clock.set'"
        " AND json_extract(payload, '$.virtual_now') = ?",
        [world.audit_start, locked],
    )["id"]


@check("kunci_setelah_cek_pengelola", pimpinan="peran", triwulan="triwulan")
def kunci_setelah_cek_pengelola(world: World, pimpinan: str, triwulan: int | str) -> Verdict:
    """T05: every rated person of the unit is locked, and at each lock the check standing was a
    SESUAI check run by the pengelola kinerja (`checked_by` = PENGELOLA_KINERJA, §5 T05). `finalkan`
    refuses while the latest check is MELANGGAR but not when nobody checked: that gap is this check."""
    unit = _led_unit(world, pimpinan)
    master = world.master_id(triwulan)
    people = population(world.store.conn, unit["id"], master)
    history = _kurva_history(world, unit["id"], master)
    unlocked = [p for p in people if p["state"] not in LOCKED_STATES]
    if not people or unlocked:
        return Verdict.failed("cek.rating.kunci.belum", n=len(unlocked), total=len(people))
    for period in people:
        lock_id = _lock_audit_id(world, period)
        standing = [h for h in history if lock_id is not None and h["audit_id"] < lock_id]
        if not standing:
            return Verdict.failed("cek.rating.kunci.tanpa_cek", nama=_name(world, period["nip"]))
        last = standing[-1]
        if last["result"] != "SESUAI":
            return Verdict.failed("cek.rating.kunci.melanggar", nama=_name(world, period["nip"]))
        if last["checked_by"] != PENGELOLA_KINERJA:
            return Verdict.failed(
                "cek.rating.kunci.bukan_pengelola",
                nama=_name(world, period["nip"]),
                oleh=_name(world, last["checked_by"]),
            )
    return Verdict.passed("cek.rating.kunci.ok", n=len(people))


@check("nilai_ulang_beralasan", oleh="peran", pimpinan="peran", triwulan="triwulan")
def nilai_ulang_beralasan(world: World, oleh: str, pimpinan: str, triwulan: int | str) -> Verdict:
    """T05: every rating of the unit that differs from the staged one has an umpan balik from `oleh`
    during the attempt that says something (a non-praise standard item, or a free text with content),
    §5 T05 "each changed rating has an umpan_balik entry". At least one rating must have changed."""
    unit = _led_unit(world, pimpinan)
    polarity = _polarity(world)
    changed, silent = [], []
    for period in population(world.store.conn, unit["id"], world.master_id(triwulan)):
        staged = world.one(
            "SELECT payload FROM audit_log WHERE id <= ? AND action = 'periode.nilai' AND entity_id = ?"
            " ORDER BY id DESC LIMIT 1",
            [world.audit_start, str(period["id"])],
        )
        if staged is None:
            continue
        before = json.loads(staged["payload"])
        now = world.one("SELECT rating_hk, rating_pk FROM skp_periode WHERE id = ?", [period["id"]])
        was = (normalise_rating(before.get("rating_hk")), normalise_rating(before.get("rating_pk")))
        if (was[0] is None or was[0] == now["rating_hk"]) and was[1] == now["rating_pk"]:
            continue
        changed.append(period)
        if not any(_corrective(fb, polarity) for fb in _feedback(world, period["id"], oleh)):
            silent.append(period)
    if not changed:
        return Verdict.failed("cek.rating.ubah.belum", unit=unit["nama"])
    if silent:
        return Verdict.failed(
            "cek.rating.ubah.tanpa_alasan",
            n=len(silent),
            total=len(changed),
            nama=_name(world, silent[0]["nip"]),
        )
    return Verdict.passed("cek.rating.ubah.ok", n=len(changed))


# -- checks: evidence links (T13) ----------------------------------------------------------------------
def _bad_links(world: World, period_id: int) -> list[dict]:
    return world.all(
        "SELECT b.*, i.teks AS indikator FROM bukti_dukung b JOIN indikator i ON i.id = b.indikator_id"
        f" WHERE b.skp_periode_id = ? AND b.link_status IN ({', '.join('?' * len(LINK_STATES))})"
        " ORDER BY b.id",
        [period_id, *LINK_STATES],
    )


@check("umpan_balik_tautan_rusak", oleh="peran", untuk="peran_list", triwulan="triwulan")
def umpan_balik_tautan_rusak(world: World, oleh: str, untuk: list[str], triwulan: int | str) -> Verdict:
    """T13: for each PRIVATE or BROKEN link, `oleh` gave an umpan balik of type INDIKATOR on its
    indikator before the period was rated (§5 T13), and it is corrective: a non-praise standard item
    (e.g. "Bukti dukung ... tidak dapat dibuka") or a free text with content, not "bagus"."""
    polarity = _polarity(world)
    total = 0
    for role in untuk:
        period = world.period(role, triwulan)
        rated = _first_rating(world, period["id"])
        feedback = [f for f in _feedback(world, period["id"], oleh) if f["kind"] == "indikator"]
        for link in _bad_links(world, period["id"]):
            total += 1
            on_it = [
                f
                for f in feedback
                if str(f["target"]) == str(link["indikator_id"]) and _corrective(f, polarity)
            ]
            if not on_it:
                return Verdict.failed(
                    "cek.rating.tautan.tanpa_umpan_balik",
                    nama=_name(world, world.nip(role)),
                    indikator=link["indikator"],
                    status=link["link_status"],
                )
            if rated is not None and on_it[0]["audit_id"] > rated:
                return Verdict.failed(
                    "cek.rating.tautan.sesudah_nilai",
                    nama=_name(world, world.nip(role)),
                    indikator=link["indikator"],
                )
    if not total:
        return Verdict.failed("cek.rating.tautan.tidak_ada")
    return Verdict.passed("cek.rating.tautan.umpan_balik_ok", n=total)


@check("tautan_rusak_diganti", untuk="peran_list", triwulan="triwulan")
def tautan_rusak_diganti(world: World, untuk: list[str], triwulan: int | str) -> Verdict:
    """T13: every indikator with a PRIVATE or BROKEN link has a working (OK) link added after it by
    its owner (§5 T13). The workflow has no command to replace or delete a link, so adding a new one
    is the replacement; `tambah_bukti` is refused once the period is rated, so a replacement that
    exists was made before the rating and the lock."""
    total = 0
    for role in untuk:
        period = world.period(role, triwulan)
        owner_links = {
            json.loads(a["payload"]).get("indikator_id")
            for a in world.all(
                "SELECT payload FROM audit_log WHERE id > ? AND action = 'periode.bukti' AND entity_id = ?"
                " AND session_nip = ?",
                [world.audit_start, str(period["id"]), world.nip(role)],
            )
        }
        for link in _bad_links(world, period["id"]):
            total += 1
            newer = world.one(
                "SELECT id FROM bukti_dukung WHERE skp_periode_id = ? AND indikator_id = ? AND id > ?"
                " AND link_status = 'OK' LIMIT 1",
                [period["id"], link["indikator_id"], link["id"]],
            )
            if newer is None or link["indikator_id"] not in owner_links:
                return Verdict.failed(
                    "cek.rating.tautan.belum_diganti",
                    nama=_name(world, world.nip(role)),
                    indikator=link["indikator"],
                    status=link["link_status"],
                )
    if not total:
        return Verdict.failed("cek.rating.tautan.tidak_ada")
    return Verdict.passed("cek.rating.tautan.diganti", n=total)


# -- checks: keberatan (T17) ---------------------------------------------------------------------------
def _case(world: World, period_id: int) -> dict | None:
    return world.one("SELECT * FROM keberatan WHERE skp_periode_id = ? ORDER BY id DESC LIMIT 1", [period_id])


@check("keberatan_tepat_waktu", untuk="peran", triwulan="triwulan")
def keberatan_tepat_waktu(world: World, untuk: str, triwulan: int | str) -> Verdict:
    """T17: a keberatan on the period was filed within the window of the pack in force (14 days after
    the dokumen evaluasi was issued, PP 30/2019 Pasal 59), counted from `dokumen_terbit_at`."""
    period = world.period(untuk, triwulan)
    case = _case(world, period["id"]) if period else None
    if case is None:
        return Verdict.failed("cek.rating.keberatan.belum")
    issued = period["dokumen_terbit_at"] or case["filed_at"]
    days = (dt.date.fromisoformat(case["filed_at"][:10]) - dt.date.fromisoformat(issued[:10])).days
    verdict = ENGINE.evaluate(
        pack_for(world.store.conn, "keberatan"),
        "keberatan",
        {"hari_sejak_hasil_diterima": max(days, 0)},
        on=dt.date.fromisoformat(case["filed_at"][:10]),
    )
    if not verdict.outputs["keberatan_dapat_diajukan"]:
        return Verdict.failed("cek.rating.keberatan.terlambat", hari=days)
    return Verdict.passed("cek.rating.keberatan.diajukan", hari=days)


@check("keberatan_diputus", oleh="peran", untuk="peran", triwulan="triwulan")
def keberatan_diputus(world: World, oleh: str, untuk: str, triwulan: int | str) -> Verdict:
    """T17: the atasan pejabat penilai (`oleh`) decided the keberatan with a note of at least
    20 characters (§5 T17 "records a decision with a note"); the period is FINAL, and when the
    objection was accepted the period's predikat is the new one."""
    period = world.period(untuk, triwulan)
    case = _case(world, period["id"]) if period else None
    if case is None:
        return Verdict.failed("cek.rating.keberatan.belum")
    if case["decision"] is None:
        return Verdict.failed("cek.rating.keberatan.belum_diputus")
    if case["decided_by"] != world.nip(oleh):
        return Verdict.failed("cek.rating.keberatan.bukan_atasan_pp", oleh=_name(world, case["decided_by"]))
    decided = world.one(
        "SELECT payload FROM audit_log WHERE action = 'keberatan.putus' AND entity_id = ?"
        " ORDER BY id DESC LIMIT 1",
        [str(case["id"])],
    )
    note = (json.loads(decided["payload"]).get("catatan") or "").strip() if decided else ""
    if len(note) < CATATAN_MIN:
        return Verdict.failed("cek.rating.keberatan.tanpa_catatan", n=len(note), minimal=CATATAN_MIN)
    if period["state"] != FINAL or (
        case["decision"] == "DITERIMA" and period["predikat"] != case["new_predikat"]
    ):
        return Verdict.failed(
            "cek.rating.keberatan.belum_final", state=period["state"], predikat=period["predikat"]
        )
    return Verdict.passed(
        "cek.rating.keberatan.diputus", keputusan=case["decision"], predikat=period["predikat"]
    )


# -- checks: a unit head's Rating HK (T18) ------------------------------------------------------------
@check("hk_pimpinan_dari_capaian", untuk="peran", triwulan="triwulan")
def hk_pimpinan_dari_capaian(world: World, untuk: str, triwulan: int | str) -> Verdict:
    """T18: the unit head's Rating HK is the pack's mapping of their unit's capaian organisasi, and
    that capaian is still the one the superior organisation set before the attempt (§5 T18: "the
    trainee does not override it" — `nilai` refuses a different HK, so raising the capaian is the
    only way round it, and this check catches that)."""
    unit = _led_unit(world, untuk)
    if unit is None:
        return Verdict.failed("cek.rating.pimpinan.bukan_pimpinan", nama=_name(world, world.nip(untuk)))
    master = world.master_id(triwulan)
    found = world.one(
        "SELECT predikat_org FROM capaian_organisasi WHERE unor_id = ? AND periode_master_id = ?",
        [unit["id"], master],
    )
    if found is None:
        return Verdict.failed("cek.rating.pimpinan.capaian_belum", unit=unit["nama"])
    capaian = found["predikat_org"]
    staged = _staged_capaian(world, unit["id"], master)
    if staged and staged != capaian:
        return Verdict.failed(
            "cek.rating.pimpinan.capaian_diubah", unit=unit["nama"], awal=staged, sekarang=capaian
        )
    period = world.period(untuk, triwulan)
    if period is None or not period["rating_hk"] or not period["rating_pk"]:
        return Verdict.failed("cek.rating.pimpinan.belum_dinilai", nama=_name(world, world.nip(untuk)))
    derived = ENGINE.evaluate(
        pack_for(world.store.conn, "rating_hasil_kerja_pimpinan"),
        "rating_hasil_kerja_pimpinan",
        {"predikat_organisasi": capaian},
        on=_today(world),
    ).outputs["rating_hasil_kerja"]
    if period["rating_hk"] != derived or period["capaian_org"] != capaian:
        return Verdict.failed("cek.rating.pimpinan.hk_beda", ada=period["rating_hk"], harus=derived)
    return Verdict.passed("cek.rating.pimpinan.ok", capaian=capaian, hk=derived)


# -- checks: behaviour feedback (T21) ------------------------------------------------------------------
def _behaviour_specific(fb: dict, polarity: dict[int, str], reference: set[str]) -> bool:
    """Not generic praise (§5 T21): a standard item outside the "pujian_umum" list, or a free text
    of at least six words that names something of the expectation set for this value."""
    if any(polarity.get(c) not in (None, "pujian_umum") for c in fb["pilihan"]):
        return True
    text = fb["tambahan"]
    return len(_words(text)) >= BEHAVIOUR_MIN_WORDS and _shares(_content(text), reference)


@check("umpan_balik_perilaku_khusus", oleh="peran", untuk="peran_list", triwulan="triwulan")
def umpan_balik_perilaku_khusus(world: World, oleh: str, untuk: list[str], triwulan: int | str) -> Verdict:
    """T21: every BerAKHLAK value carrying an ekspektasi khusus got, before the rating, an umpan balik
    of type PERILAKU from `oleh` that is not generic praise, and the period is rated (§5 T21).

    "Not generic" is decided by the standard list's polarity (`UMPAN_BALIK_STANDAR`) for a chosen
    item; for a free text it is a heuristic, the nearest honest check: at least six words sharing a
    content word (lightly stemmed) with the ekspektasi khusus (not with the value's name, which
    generic praise repeats)."""
    polarity = _polarity(world)
    total = 0
    for role in untuk:
        nama = _name(world, world.nip(role))
        skp = world.skp(role)
        period = world.period(role, triwulan)
        items = world.all(
            "SELECT ps.kode, ps.ekspektasi_khusus, pm.nama, pm.uraian FROM perilaku_skp ps"
            " JOIN perilaku_master pm ON pm.kode = ps.kode WHERE ps.skp_id = ?"
            " AND trim(coalesce(ps.ekspektasi_khusus, '')) <> '' ORDER BY pm.rowid",
            [skp["id"]],
        )
        rated = _first_rating(world, period["id"])
        feedback = [f for f in _feedback(world, period["id"], oleh) if f["kind"] == "perilaku"]
        for item in items:
            total += 1
            on_it = [f for f in feedback if f["target"] == item["kode"]]
            if not on_it:
                return Verdict.failed("cek.rating.perilaku.belum", perilaku=item["nama"], nama=nama)
            # Only the expectation's own words: the value's name ("akuntabel") is what generic praise
            # repeats ("sudah sangat akuntabel, pertahankan"), so it cannot make a text specific.
            reference = _content(item["ekspektasi_khusus"])
            specific = [f for f in on_it if _behaviour_specific(f, polarity, reference)]
            if not specific:
                return Verdict.failed("cek.rating.perilaku.pujian_umum", perilaku=item["nama"], nama=nama)
            if rated is not None and specific[0]["audit_id"] > rated:
                return Verdict.failed("cek.rating.perilaku.sesudah_nilai", perilaku=item["nama"], nama=nama)
        if items and rated is None:
            return Verdict.failed("cek.rating.perilaku.belum_dinilai", nama=nama)
    if not total:
        return Verdict.failed("cek.rating.perilaku.tanpa_ekspektasi")
    return Verdict.passed("cek.rating.perilaku.ok", n=total)


define_messages(
    {
        "cek.rating.kurva.belum_dicek": (
            "kurva distribusi {unit} belum dicek pada percobaan ini",
            "the distribution curve of {unit} has not been checked in this attempt",
        ),
        "cek.rating.kurva.melanggar": (
            "cek kurva terakhir {unit} masih MELANGGAR: {pelanggaran}",
            "the latest curve check of {unit} is still MELANGGAR (violated): {pelanggaran}",
        ),
        "cek.rating.kurva.tanpa_melanggar": (
            "riwayat cek kurva {unit} tidak memuat pelanggaran awal: pengelola kinerja harus mengecek"
            " sebaran semula (semua Di Atas) sebelum penilaian diubah",
            "the curve history of {unit} shows no initial violation: the pengelola kinerja must check"
            " the original spread (everyone Di Atas) before ratings change",
        ),
        "cek.rating.kurva.diperbaiki": (
            "kurva {unit} dari MELANGGAR ({pelanggaran}) menjadi SESUAI",
            "the curve of {unit} went from MELANGGAR ({pelanggaran}) to SESUAI",
        ),
        "cek.rating.kurva.capaian_lain": (
            "kurva {unit} dicek dengan capaian organisasi {dipakai}, padahal capaian yang ditetapkan"
            " atasan {harus}",
            "the curve of {unit} was checked with capaian organisasi {dipakai}, but the superior set {harus}",
        ),
        "cek.rating.kurva.sesuai": (
            "kurva {unit} dicek dengan aturan capaian {capaian}: SESUAI",
            "the curve of {unit} was checked with the {capaian} rules: SESUAI",
        ),
        "cek.rating.kunci.belum": (
            "{n} dari {total} penilaian unit belum dikunci (finalkan)",
            "{n} of {total} ratings of the unit are not locked (finalised) yet",
        ),
        "cek.rating.kunci.tanpa_cek": (
            "penilaian {nama} dikunci tanpa cek kurva sebelumnya",
            "the rating of {nama} was locked with no curve check before it",
        ),
        "cek.rating.kunci.melanggar": (
            "penilaian {nama} dikunci saat cek kurva terakhir MELANGGAR",
            "the rating of {nama} was locked while the latest curve check was MELANGGAR",
        ),
        "cek.rating.kunci.bukan_pengelola": (
            "penilaian {nama} dikunci setelah cek kurva oleh {oleh}, bukan oleh pengelola kinerja",
            "the rating of {nama} was locked after a curve check by {oleh}, not by the pengelola kinerja",
        ),
        "cek.rating.kunci.ok": (
            "{n} penilaian dikunci setelah pengelola kinerja menyatakan kurva SESUAI",
            "{n} ratings were locked after the pengelola kinerja found the curve SESUAI",
        ),
        "cek.rating.ubah.belum": (
            "belum ada penilaian di {unit} yang diubah dari sebaran semula",
            "no rating in {unit} has been changed from the original spread",
        ),
        "cek.rating.ubah.tanpa_alasan": (
            "{n} dari {total} penilaian yang diubah tanpa umpan balik yang menjelaskan alasannya"
            " (misalnya {nama})",
            "{n} of {total} changed ratings have no feedback explaining why (e.g. {nama})",
        ),
        "cek.rating.ubah.ok": (
            "setiap penilaian yang diubah ({n}) disertai umpan balik",
            "every changed rating ({n}) came with feedback",
        ),
        "cek.rating.tautan.tidak_ada": (
            "tidak ada tautan bukti dukung bermasalah dalam skenario ini",
            "this scenario has no problem evidence links",
        ),
        "cek.rating.tautan.tanpa_umpan_balik": (
            'tautan bukti {status} pada indikator "{indikator}" ({nama}) belum diberi umpan balik perbaikan',
            'the {status} evidence link on indicator "{indikator}" ({nama}) got no corrective feedback',
        ),
        "cek.rating.tautan.sesudah_nilai": (
            'umpan balik atas tautan bermasalah pada "{indikator}" ({nama}) baru diberikan setelah dinilai',
            'the feedback on the problem link of "{indikator}" ({nama}) came only after the rating',
        ),
        "cek.rating.tautan.umpan_balik_ok": (
            "setiap tautan bermasalah ({n}) diberi umpan balik perbaikan sebelum penilaian",
            "every problem link ({n}) got corrective feedback before the rating",
        ),
        "cek.rating.tautan.belum_diganti": (
            'tautan bukti {status} pada indikator "{indikator}" ({nama}) belum diganti dengan tautan'
            " yang dapat dibuka",
            'the {status} evidence link on indicator "{indikator}" ({nama}) has not been replaced by one'
            " that opens",
        ),
        "cek.rating.tautan.diganti": (
            "setiap tautan bermasalah ({n}) sudah diganti dengan tautan yang dapat dibuka",
            "every problem link ({n}) was replaced by one that opens",
        ),
        "cek.rating.keberatan.belum": (
            "belum ada keberatan yang diajukan atas hasil penilaian ini",
            "no keberatan (objection) has been filed against this result",
        ),
        "cek.rating.keberatan.terlambat": (
            "keberatan diajukan {hari} hari setelah hasil diterima, melewati batas",
            "the keberatan was filed {hari} days after the result was received, past the limit",
        ),
        "cek.rating.keberatan.diajukan": (
            "keberatan diajukan {hari} hari setelah hasil diterima, dalam batas waktu",
            "the keberatan was filed {hari} days after the result was received, in time",
        ),
        "cek.rating.keberatan.belum_diputus": (
            "keberatan belum diputus oleh atasan pejabat penilai",
            "the keberatan has not been decided by the atasan pejabat penilai",
        ),
        "cek.rating.keberatan.bukan_atasan_pp": (
            "keberatan diputus oleh {oleh}, bukan oleh atasan pejabat penilai",
            "the keberatan was decided by {oleh}, not by the atasan pejabat penilai",
        ),
        "cek.rating.keberatan.tanpa_catatan": (
            "keputusan keberatan tanpa catatan yang memadai ({n} karakter; paling sedikit {minimal})",
            "the keberatan decision has no adequate note ({n} characters; at least {minimal})",
        ),
        "cek.rating.keberatan.belum_final": (
            "hasil penilaian belum final setelah keputusan (status {state}, predikat {predikat})",
            "the result is not final after the decision (state {state}, predikat {predikat})",
        ),
        "cek.rating.keberatan.diputus": (
            "keberatan diputus ({keputusan}) dengan catatan; predikat final {predikat}",
            "the keberatan was decided ({keputusan}) with a note; final predikat {predikat}",
        ),
        "cek.rating.pimpinan.bukan_pimpinan": (
            "{nama} tidak memimpin unit kerja",
            "{nama} does not lead a unit",
        ),
        "cek.rating.pimpinan.capaian_belum": (
            "capaian organisasi {unit} belum ditetapkan",
            "the capaian organisasi of {unit} has not been set",
        ),
        "cek.rating.pimpinan.capaian_diubah": (
            "capaian organisasi {unit} diubah dari {awal} menjadi {sekarang}: capaian tidak boleh"
            " dinaikkan untuk mengatrol rating pimpinan",
            "the capaian organisasi of {unit} was changed from {awal} to {sekarang}: it must not be"
            " raised to lift the leader's rating",
        ),
        "cek.rating.pimpinan.belum_dinilai": (
            "{nama} belum dinilai",
            "{nama} has not been rated",
        ),
        "cek.rating.pimpinan.hk_beda": (
            "Rating Hasil Kerja pimpinan {ada} tidak sama dengan turunan capaian organisasi ({harus})",
            "the leader's Rating Hasil Kerja {ada} is not the one derived from capaian organisasi ({harus})",
        ),
        "cek.rating.pimpinan.ok": (
            "Rating Hasil Kerja pimpinan {hk} mengikuti capaian organisasi {capaian}",
            "the leader's Rating Hasil Kerja {hk} follows capaian organisasi {capaian}",
        ),
        "cek.rating.perilaku.tanpa_ekspektasi": (
            "tidak ada ekspektasi khusus pimpinan pada SKP dalam skenario ini",
            "no SKP in this scenario carries an ekspektasi khusus",
        ),
        "cek.rating.perilaku.belum": (
            "perilaku {perilaku} ({nama}) yang punya ekspektasi khusus belum diberi umpan balik",
            "behaviour {perilaku} ({nama}), which has an ekspektasi khusus, got no feedback",
        ),
        "cek.rating.perilaku.pujian_umum": (
            "umpan balik perilaku {perilaku} ({nama}) hanya pujian umum, tidak menyebut perilaku yang"
            " diharapkan",
            "the feedback on {perilaku} ({nama}) is generic praise that names no expected behaviour",
        ),
        "cek.rating.perilaku.sesudah_nilai": (
            "umpan balik spesifik perilaku {perilaku} ({nama}) baru diberikan setelah dinilai",
            "the specific feedback on {perilaku} ({nama}) came only after the rating",
        ),
        "cek.rating.perilaku.belum_dinilai": (
            "{nama} belum dinilai setelah umpan balik perilaku",
            "{nama} has not been rated after the behaviour feedback",
        ),
        "cek.rating.perilaku.ok": (
            "setiap perilaku dengan ekspektasi khusus ({n}) mendapat umpan balik spesifik sebelum dinilai",
            "every behaviour with an ekspektasi khusus ({n}) got specific feedback before the rating",
        ),
    }
)
