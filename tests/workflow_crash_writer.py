"""The writer and the checker of the workflow crash test (`tests/test_workflow_crash.py`).

`build_template` prepares an office once: the kadis → kabid → kasi → pelaksana chain with approved
SKPs, the 2026 periods, and a second pelaksana (STAFF) whose SKP is still a DRAFT.

`run` is the writer the test forks and kills: it runs the real workflow commands (never raw SQL) in a
random order, forever, each chosen from what the file holds now, so a writer restarted after a kill
carries on where the last one stopped:

- the pelaksana's Triwulan I period: rencana aksi, realisasi, bukti dukung;
- the kasi rates the pelaksana's Final period again and again (`nilai`: state, trace and log rows in
  one transaction) and gives umpan balik; the kabid sets the seksi's capaian organisasi and rates
  the kasi, a unit head, whose Rating HK the rule pack derives from it (two trace rows);
- STAFF's SKP goes round DRAFT → DIAJUKAN → DIKEMBALIKAN/DISETUJUI → REVISI_DIAJUKAN → ..., gaining
  RHK and indikator; its first approval attaches five assessment periods in the same transaction;
- the trainer's clock moves an hour; an operator tries to act as the pelaksana (refused, but the
  attempt is committed as evidence).

Each command's free text carries `[n]`, where n is the id its audit row will get (one writer, ids
only grow), so every effect row names the command that made it. After a command returned the writer
writes `n action` to the pipe it shares with the test: a line on the pipe is a confirmed command.

`check` is the test's verdict on a file after a kill: every confirmed command is there, every audit
row since the template has all its effects, and every effect row since the template belongs to an
audit row (replaying the audit log through the workflow's state machines).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import traceback
from collections import Counter, defaultdict
from typing import Any

from sandbox.store import Store, open_store
from sandbox.synth.office import demo_office
from sandbox.synth.persist import save_office
from sandbox.workflow import (
    ADMIN_INSTANSI,
    KEPALA_DAERAH,
    TRAINER,
    WorkflowRefused,
    ajukan,
    ajukan_revisi,
    atur_jam,
    beri_umpan_balik,
    buat_periode_triwulan,
    buat_skp,
    isi_lampiran,
    isi_realisasi,
    kembalikan,
    nilai,
    setujui,
    setujui_revisi,
    tambah_bukti,
    tambah_indikator,
    tambah_rencana_aksi,
    tambah_rhk,
    tetapkan_capaian_organisasi,
    tolak_revisi,
)
from sandbox.workflow.penilaian import normalise_rating

KADIS = "197403192003012001"      # Kepala Dinas (JPT Pratama), rated by KEPALA_DAERAH
KABID = "197510172011101001"      # Kepala Bidang Lalu Lintas, head of BIDANG
KASI = "198112092000061001"       # Kepala Seksi Manajemen dan Rekayasa Lalu Lintas, head of SEKSI
PELAKSANA = "199704292023112001"  # under KASI: evidence in Triwulan I, rated in Final
STAFF = "199009152021042001"      # also under KASI: the SKP that cycles through planning states
BIDANG = "U.01.B1"
SEKSI = "U.01.B1.S1"
CLOCK_LIMIT = "2026-03-31"        # the clock stays in Triwulan I: no period opens or locks by time
CAPAIAN = ("istimewa", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")
RATINGS = ("di_atas", "sesuai", "di_bawah", "Di Atas Ekspektasi", "Sesuai Ekspektasi", "di-bawah")
PERILAKU = ("berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif")
PLANNING = ("skp.rhk.tambah", "skp.indikator.tambah", "skp.lampiran.isi", "skp.ajukan", "skp.kembalikan",
            "skp.setujui", "skp.revisi.ajukan", "skp.revisi.setujui", "skp.revisi.tolak")
ACTIONS = (*PLANNING, "periode.rencana_aksi", "periode.realisasi", "periode.bukti", "periode.umpan_balik",
           "periode.nilai", "unor.capaian", "clock.set", "integrity.acting_as")
# Tables the writer's commands add rows to; every other table must keep the template's row count.
GROWING = ("audit_log", "rhk", "indikator", "skp_status_log", "skp_periode", "periode_status_log",
           "rencana_aksi", "realisasi", "bukti_dukung", "umpan_balik", "evaluation_trace",
           "capaian_organisasi", "lampiran")
TAG = re.compile(r"\[(\d+)\]")


# -- the template --------------------------------------------------------------------------------------
def _full_skp(store: Store, nip: str, induk_rhk_id: int | None, jpt: bool) -> tuple[int, int]:
    skp_id = buat_skp(store, nip, 2026, "kuantitatif")
    rhk_id = tambah_rhk(store, nip, skp_id, f"Terlaksananya layanan unit {nip[-4:]}", "utama",
                        induk_rhk_id=induk_rhk_id, klasifikasi="organisasi" if jpt else None)
    tambah_indikator(store, nip, rhk_id, "Persentase layanan tepat waktu", aspek="kuantitas",
                     target_nilai=95, target_satuan="persen",
                     perspektif="penerima layanan" if jpt else None)
    isi_lampiran(store, nip, skp_id, dukungan_sd="1 PC", skema_pj="Laporan bulanan", konsekuensi="Teguran")
    ajukan(store, nip, skp_id)
    return skp_id, rhk_id


def _period(store: Store, skp_id: int, master_id: int) -> int:
    return store.conn.execute("SELECT id FROM skp_periode WHERE skp_id = ? AND master_id = ?",
                              [skp_id, master_id]).fetchone()[0]


def build_template(store: Store) -> dict[str, Any]:
    """Prepare the office (through the workflow commands too); returns the ids the writer and the
    checker need, with the template's high-water marks."""
    save_office(store, demo_office())
    skps: dict[str, tuple[int, int]] = {}
    induk = None
    for nip, approver in ((KADIS, KEPALA_DAERAH), (KABID, KADIS), (KASI, KABID), (PELAKSANA, KASI)):
        skps[nip] = _full_skp(store, nip, induk, jpt=nip == KADIS)
        setujui(store, approver, skps[nip][0])
        induk = skps[nip][1]
    masters = buat_periode_triwulan(store, ADMIN_INSTANSI, 2026)
    q1, final = masters[0], masters[-1]
    # Rate the kabid once: loads and compiles both rule-pack decisions before the test forks.
    tetapkan_capaian_organisasi(store, KADIS, BIDANG, q1, "baik")
    nilai(store, KADIS, _period(store, skps[KABID][0], q1), rating_pk="sesuai")
    staff_skp = buat_skp(store, STAFF, 2026, "kuantitatif")
    staff_rhk = tambah_rhk(store, STAFF, staff_skp, "Tersusunnya data lalu lintas", "utama",
                           induk_rhk_id=skps[KASI][1])
    tambah_indikator(store, STAFF, staff_rhk, "Jumlah data", aspek="kuantitas", target_nilai=12,
                     target_satuan="laporan")
    pel_skp, pel_rhk = skps[PELAKSANA]
    conn = store.conn
    (pel_ind,) = conn.execute("SELECT i.id FROM indikator i JOIN rhk ON rhk.id = i.rhk_id"
                              " WHERE rhk.skp_id = ?", [pel_skp]).fetchall()  # exactly one
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                         " AND name NOT LIKE 'sqlite_%'")]
    return {
        "q1": q1, "final": final, "masters": masters,
        "pel_skp": pel_skp, "pel_rhk": pel_rhk, "pel_ind": pel_ind[0],
        "kasi_skp": skps[KASI][0], "kasi_rhk": skps[KASI][1], "staff_skp": staff_skp,
        "evidence": _period(store, pel_skp, q1),          # the pelaksana's entries
        "rated": _period(store, pel_skp, final),          # the kasi rates the pelaksana
        "head": _period(store, skps[KASI][0], q1),        # the kabid rates the kasi (unit head)
        "marks": {t: conn.execute(f'SELECT coalesce(max(rowid), 0) FROM "{t}"').fetchone()[0]
                  for t in tables},
        "counts": {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables},
        "sp_state": {f"{s}/{m}": st for s, m, st in conn.execute(
            "SELECT skp_id, master_id, state FROM skp_periode")},
        "staff_log": [list(r) for r in conn.execute(
            "SELECT from_status, to_status, actor_nip, catatan, virtual_ts FROM skp_status_log"
            " WHERE skp_id = ? ORDER BY id", [staff_skp])],
        "clock": store.virtual_now(),
    }


# -- the writer ----------------------------------------------------------------------------------------
def _one(store: Store, sql: str, params: list[Any]) -> Any:
    found = store.conn.execute(sql, params).fetchone()
    return None if found is None else found[0]


def _planning(store: Store, ids: dict[str, Any], rng: random.Random, tag: str) -> str:
    """The next step of STAFF's SKP, given its status now."""
    skp_id = ids["staff_skp"]
    status = _one(store, "SELECT status FROM skp WHERE id = ?", [skp_id])
    if status in ("DRAFT", "DIKEMBALIKAN"):
        bare = _one(store, "SELECT id FROM rhk WHERE skp_id = ? AND NOT EXISTS (SELECT 1 FROM indikator i"
                           " WHERE i.rhk_id = rhk.id) ORDER BY id LIMIT 1", [skp_id])
        if bare is not None:  # an RHK the last writer added but did not measure yet
            tambah_indikator(store, STAFF, bare, f"Jumlah laporan {tag}",
                             aspek=rng.choice(["kuantitas", "waktu"]), target_nilai=rng.randint(1, 24),
                             target_satuan="laporan")
            return "skp.indikator.tambah"
        step = rng.choice(["rhk", "rhk", "lampiran", "ajukan", "ajukan"])
        if step == "rhk":
            tambah_rhk(store, STAFF, skp_id, f"Tersusunnya laporan {tag}", rng.choice(["utama", "tambahan"]),
                       induk_rhk_id=ids["kasi_rhk"])
            return "skp.rhk.tambah"
        if step == "lampiran":
            isi_lampiran(store, STAFF, skp_id, dukungan_sd=f"Dukungan {tag}", skema_pj="Laporan bulanan",
                         konsekuensi="Teguran")
            return "skp.lampiran.isi"
        ajukan(store, STAFF, skp_id)
        return "skp.ajukan"
    if status == "DIAJUKAN":
        if rng.random() < 0.5:
            kembalikan(store, KASI, skp_id, f"Perbaiki RHK {tag}")
            return "skp.kembalikan"
        setujui(store, KASI, skp_id, rng.choice([None, f"Disetujui {tag}"]))
        return "skp.setujui"
    if status == "DISETUJUI":
        ajukan_revisi(store, STAFF, skp_id, f"Tugas berubah {tag}")
        return "skp.revisi.ajukan"
    if status == "REVISI_DIAJUKAN":
        if rng.random() < 0.5:
            setujui_revisi(store, KASI, skp_id, rng.choice([None, f"Silakan {tag}"]))
            return "skp.revisi.setujui"
        tolak_revisi(store, KASI, skp_id, f"Tetap {tag}")
        return "skp.revisi.tolak"
    raise AssertionError(f"STAFF's SKP in unexpected status {status}")


def step(store: Store, ids: dict[str, Any], rng: random.Random, aid: int) -> str:
    """Run one workflow command chosen at random among those the file allows now; returns its action."""
    tag = f"[{aid}]"
    kinds = ["skp", "rencana_aksi", "realisasi", "bukti", "umpan_balik", "nilai", "nilai_head", "capaian",
             "clock", "acting_as"]
    kind = rng.choices(kinds, weights=[6, 3, 2, 2, 3, 3, 2, 1, 1, 0.5])[0]
    evidence, rated, head = ids["evidence"], ids["rated"], ids["head"]
    capaian = _one(store, "SELECT predikat_org FROM capaian_organisasi WHERE unor_id = ?"
                          " AND periode_master_id = ?", [SEKSI, ids["q1"]])
    if kind == "nilai_head" and capaian is None:
        kind = "capaian"
    if kind == "clock":
        now = dt.datetime.fromisoformat(store.virtual_now())
        if (now + dt.timedelta(hours=1)).date().isoformat() > CLOCK_LIMIT:
            kind = "skp"
        else:
            atur_jam(store, TRAINER, (now + dt.timedelta(hours=1)).isoformat())
            return "clock.set"
    if kind == "skp":
        return _planning(store, ids, rng, tag)
    if kind == "rencana_aksi":
        tambah_rencana_aksi(store, PELAKSANA, evidence, ids["pel_rhk"], f"Rencana aksi {tag}",
                            target_nilai=rng.randint(1, 10), target_satuan="dokumen")
        return "periode.rencana_aksi"
    if kind == "realisasi":
        isi_realisasi(store, PELAKSANA, evidence, ids["pel_ind"], nilai=float(aid), uraian=f"Realisasi {tag}",
                      sumber="laporan bulanan")
        return "periode.realisasi"
    if kind == "bukti":
        tambah_bukti(store, PELAKSANA, evidence, ids["pel_ind"], f"Bukti {tag}",
                     f"https://arsip.example.id/bukti/{aid}")
        return "periode.bukti"
    if kind == "umpan_balik":
        target = rng.choice([("indikator", ids["pel_ind"]), ("rhk", ids["pel_rhk"]),
                             ("perilaku", rng.choice(PERILAKU))])
        beri_umpan_balik(store, KASI, rng.choice([evidence, rated]), *target,
                         pilihan=rng.sample(range(1, 9), rng.randint(0, 2)), tambahan=f"Umpan balik {tag}")
        return "periode.umpan_balik"
    if kind == "nilai":
        nilai(store, KASI, rated, rating_hk=rng.choice(RATINGS), rating_pk=rng.choice(RATINGS))
        return "periode.nilai"
    if kind == "nilai_head":
        nilai(store, KABID, head, rating_pk=rng.choice(RATINGS))
        return "periode.nilai"
    if kind == "capaian":
        tetapkan_capaian_organisasi(store, KABID, SEKSI, ids["q1"], rng.choice(CAPAIAN))
        return "unor.capaian"
    try:  # an operator entering the pelaksana's evidence under their own login
        tambah_bukti(store, KASI, evidence, ids["pel_ind"], f"Bukti {tag}", "https://arsip.example.id/x",
                     acting_as_nip=PELAKSANA)
    except WorkflowRefused as exc:
        if exc.code != "workflow.acting_as":
            raise
        return "integrity.acting_as"
    raise AssertionError("acting as someone else was not refused")


def run(path: str, ids: dict[str, Any], seed: int, out_fd: int) -> None:
    """Open the file and run commands until killed; `n action` goes to `out_fd` after each returned.

    An unexpected exception is reported as an `ERROR` line (the test fails on it), never swallowed.
    """
    try:
        store = open_store(path)
        os.write(out_fd, b"READY\n")
        rng = random.Random(seed)
        while True:
            aid = store.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM audit_log").fetchone()[0]
            action = step(store, ids, rng, aid)
            last = store.conn.execute("SELECT id, action FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
            if tuple(last) != (aid, action):
                raise AssertionError(f"expected audit row {aid} {action}, the last one is {tuple(last)}")
            os.write(out_fd, f"{aid} {action}\n".encode())  # only after the command returned (COMMIT)
    except BaseException:
        os.write(out_fd, ("ERROR " + traceback.format_exc().replace("\n", " | ") + "\n").encode())
        raise


# -- the checker ---------------------------------------------------------------------------------------
def _rows(store: Store, sql: str, params: list[Any] | tuple = ()) -> list[dict[str, Any]]:
    cursor = store.conn.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def _tag(text: str | None) -> int | None:
    found = TAG.search(text or "")
    return int(found.group(1)) if found else None


def _strip(text: str | None) -> str | None:
    return (text or "").strip() or None


# (action, table, tagged column, {column: expected value from the audit row})
TAGGED = (
    ("periode.rencana_aksi", "rencana_aksi", "deskripsi",
     {"skp_periode_id": lambda a: a["p"]["skp_periode_id"], "rhk_id": lambda a: a["p"]["rhk_id"],
      "deskripsi": lambda a: a["p"]["deskripsi"], "target_nilai": lambda a: float(a["p"]["target_nilai"])}),
    ("periode.bukti", "bukti_dukung", "nama",
     {"skp_periode_id": lambda a: a["p"]["skp_periode_id"], "indikator_id": lambda a: a["p"]["indikator_id"],
      "nama": lambda a: a["p"]["nama"], "url": lambda a: a["p"]["url"], "link_status": lambda a: "OK"}),
    ("periode.umpan_balik", "umpan_balik", "tambahan",
     {"skp_periode_id": lambda a: a["p"]["skp_periode_id"], "tambahan": lambda a: a["p"]["tambahan"],
      "target_type": lambda a: a["p"]["target_type"], "pilihan": lambda a: json.dumps(a["p"]["pilihan"]),
      "by_nip": lambda a: a["session_nip"], "virtual_ts": lambda a: a["virtual_ts"]}),
    ("skp.rhk.tambah", "rhk", "teks",
     {"skp_id": lambda a: a["p"]["skp_id"], "teks": lambda a: a["p"]["teks"],
      "jenis": lambda a: a["p"]["jenis"], "induk_rhk_id": lambda a: a["p"]["induk_rhk_id"]}),
    ("skp.indikator.tambah", "indikator", "teks",
     {"rhk_id": lambda a: a["p"]["rhk_id"], "teks": lambda a: a["p"]["teks"],
      "target_nilai": lambda a: float(a["p"]["target_nilai"])}),
)


def _check_tagged(store: Store, ids: dict[str, Any], audits: list[dict[str, Any]],
                  problems: list[str]) -> None:
    """Commands that add one row: exactly one row per audit row, and no row without its audit row."""
    for action, table, column, expect in TAGGED:
        mine = {a["id"]: a for a in audits if a["action"] == action}
        found = _rows(store, f"SELECT * FROM {table} WHERE rowid > ?", [ids["marks"][table]])
        per_tag = Counter(_tag(r[column]) for r in found)
        for aid in mine:
            if per_tag[aid] != 1:
                problems.append(f"{action} audit {aid}: {per_tag[aid]} {table} rows (half-applied)")
        for r in found:
            audit = mine.get(_tag(r[column]))
            if audit is None:
                problems.append(f"{table} row {r} has no {action} audit row (half-applied)")
                continue
            for col, value in expect.items():
                if r[col] != value(audit):
                    problems.append(f"{table} row {r}: {col} is not {value(audit)!r} of audit {audit['id']}")


def _replay_staff(store: Store, ids: dict[str, Any], audits: list[dict[str, Any]],
                  expected_logs: dict[str, list], problems: list[str]) -> None:
    """STAFF's SKP: replay the planning commands through the SKP state machine; compare its status,
    version, history, lampiran and the periods its first approval attached."""
    skp_id = ids["staff_skp"]
    status, version = "DRAFT", 1
    log = [tuple(r) for r in ids["staff_log"]]
    lampiran = None
    approved_at = None
    for a in audits:
        if a["action"] not in PLANNING:
            continue
        p, actor, ts = a["p"], a["session_nip"], a["virtual_ts"]
        if a["action"] in ("skp.rhk.tambah", "skp.indikator.tambah", "skp.lampiran.isi"):
            if status == "DIKEMBALIKAN":
                log.append(("DIKEMBALIKAN", "DRAFT", actor, None, ts))
                status = "DRAFT"
            if a["action"] == "skp.lampiran.isi":
                lampiran = (p["dukungan_sd"], p["skema_pj"], p["konsekuensi"])
            continue
        to, note = {
            "skp.ajukan": ("DIAJUKAN", None),
            "skp.kembalikan": ("DIKEMBALIKAN", _strip(p.get("catatan"))),
            "skp.setujui": ("DISETUJUI", _strip(p.get("catatan"))),
            "skp.revisi.ajukan": ("REVISI_DIAJUKAN", _strip(p.get("alasan"))),
            "skp.revisi.setujui": ("DRAFT", _strip(p.get("catatan"))),
            "skp.revisi.tolak": ("DISETUJUI", f"revisi ditolak: {_strip(p.get('catatan'))}"),
        }[a["action"]]
        log.append((status, to, actor, note, ts))
        status = to
        if a["action"] == "skp.revisi.setujui":
            version += 1
        if a["action"] == "skp.setujui" and approved_at is None:
            approved_at = ts
    got = _rows(store, "SELECT status, version FROM skp WHERE id = ?", [skp_id])[0]
    if (got["status"], got["version"]) != (status, version):
        problems.append(f"STAFF's SKP is {got}, the audit log says {status} v{version}")
    got_log = [tuple(r) for r in store.conn.execute(
        "SELECT from_status, to_status, actor_nip, catatan, virtual_ts FROM skp_status_log"
        " WHERE skp_id = ? ORDER BY id", [skp_id])]
    if got_log != log:
        problems.append(f"STAFF's skp_status_log differs from the audit log's replay:\n{got_log}\n{log}")
    other = _one(store, "SELECT count(*) FROM skp_status_log WHERE id > ? AND skp_id <> ?",
                 [ids["marks"]["skp_status_log"], skp_id])
    if other:
        problems.append(f"{other} skp_status_log rows for SKPs the writer never touched")
    got_lamp = store.conn.execute("SELECT dukungan_sd, skema_pj, konsekuensi FROM lampiran WHERE skp_id = ?",
                                  [skp_id]).fetchone()
    if (tuple(got_lamp) if got_lamp else None) != lampiran:
        problems.append(f"STAFF's lampiran is {got_lamp}, the last isi_lampiran said {lampiran}")
    if approved_at is not None:  # attach_periods: every 2026 master, opened if it has started
        for m in _rows(store, "SELECT id, awal FROM periode_penilaian_master ORDER BY awal, id"):
            rows = [(None, "BELUM_DIBUKA", None, None, approved_at)]
            if m["awal"] <= approved_at[:10]:
                rows.append(("BELUM_DIBUKA", "TERBUKA", None, None, approved_at))
            expected_logs[f"{skp_id}/{m['id']}"] = rows


def _replay_periods(store: Store, ids: dict[str, Any], audits: list[dict[str, Any]],
                    expected_logs: dict[str, list], problems: list[str]) -> None:
    """The assessment periods: evidence state, ratings with their traces, capaian, realisasi."""
    key = {sp: f"{s}/{m}" for sp, s, m in store.conn.execute("SELECT id, skp_id, master_id FROM skp_periode")}
    state = {k: v for k, v in ids["sp_state"].items()}
    traces: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for t in _rows(store, "SELECT * FROM evaluation_trace WHERE id > ? ORDER BY id",
                   [ids["marks"]["evaluation_trace"]]):
        traces[t["audit_id"]].append(t)
    nilai_ids = {a["id"] for a in audits if a["action"] == "periode.nilai"}
    for aid in set(traces) - nilai_ids:
        problems.append(f"evaluation_trace rows {[t['id'] for t in traces[aid]]} belong to no nilai audit "
                        f"(audit {aid})")
    has_real = has_bukti = False
    capaian = None
    realisasi = None
    last_rating: dict[int, tuple] = {}

    def move(sp: int, to: str, actor: str | None, note: str | None, ts: str) -> None:
        k = key.get(sp, f"?{sp}")
        expected_logs.setdefault(k, []).append((state.get(k), to, actor, note, ts))
        state[k] = to

    def refresh(sp: int, actor: str, ts: str) -> None:  # EVIDEN_LENGKAP is derived (one indikator)
        current = state[key[sp]]
        complete = has_real and has_bukti
        if complete and current == "RENCANA_AKSI_ADA":
            move(sp, "EVIDEN_LENGKAP", actor, None, ts)
        elif not complete and current == "EVIDEN_LENGKAP":
            move(sp, "RENCANA_AKSI_ADA", actor, None, ts)

    for a in audits:
        action, p, actor, ts = a["action"], a["p"], a["session_nip"], a["virtual_ts"]
        if action == "periode.rencana_aksi":
            if state[key[p["skp_periode_id"]]] == "TERBUKA":
                move(p["skp_periode_id"], "RENCANA_AKSI_ADA", actor, None, ts)
            refresh(p["skp_periode_id"], actor, ts)
        elif action == "periode.realisasi":
            has_real, realisasi = True, (float(p["nilai"]), _strip(p["uraian"]), _strip(p["sumber"]))
            refresh(p["skp_periode_id"], actor, ts)
        elif action == "periode.bukti":
            has_bukti = True
            refresh(p["skp_periode_id"], actor, ts)
        elif action == "unor.capaian":
            capaian = p["predikat_org"]
        elif action == "periode.nilai":
            sp = p["skp_periode_id"]
            got = sorted(traces.get(a["id"], []), key=lambda t: t["id"])
            decisions = [t["decision"] for t in got]
            head = sp == ids["head"]
            want = ["rating_hasil_kerja_pimpinan", "predikat"] if head else ["predikat"]
            if decisions != want:
                problems.append(f"nilai audit {a['id']}: traces {decisions}, expected {want} (half-applied)")
                continue
            parsed = [json.loads(t["trace"]) for t in got]
            hk = normalise_rating(p["rating_hk"])
            if head:
                if parsed[0]["inputs"] != {"predikat_organisasi": capaian}:
                    problems.append(f"nilai audit {a['id']}: trace read capaian {parsed[0]['inputs']}, "
                                    f"the audit log says {capaian}")
                hk = parsed[0]["outputs"]["rating_hasil_kerja"]
            inputs = {"rating_hasil_kerja": hk, "rating_perilaku": normalise_rating(p["rating_pk"])}
            if parsed[-1]["inputs"] != inputs:
                problems.append(f"nilai audit {a['id']}: predikat trace read {parsed[-1]['inputs']},"
                                f" not {inputs}")
            for t in got:
                if (t["skp_periode_id"], t["virtual_ts"]) != (sp, ts):
                    problems.append(f"trace {t['id']} of audit {a['id']}: wrong period or time")
            predikat = parsed[-1]["outputs"]["predikat"]
            move(sp, "DINILAI", actor, f"predikat {predikat}", ts)
            last_rating[sp] = (hk, inputs["rating_perilaku"], predikat, capaian if head else None, actor, ts)

    for sp in (ids["rated"], ids["head"]):
        got = store.conn.execute("SELECT rating_hk, rating_pk, predikat, capaian_org, dinilai_oleh,"
                                 " dinilai_at FROM skp_periode WHERE id = ?", [sp]).fetchone()
        want = last_rating.get(sp, (None,) * 6)
        if tuple(got) != want:
            problems.append(f"skp_periode {sp} holds rating {tuple(got)}, the last nilai said {want}")
    got = _rows(store, "SELECT predikat_org, ditetapkan_oleh FROM capaian_organisasi WHERE unor_id = ?"
                       " AND periode_master_id = ?", [SEKSI, ids["q1"]])
    if (got[0]["predikat_org"] if got else None) != capaian:
        problems.append(f"capaian organisasi is {got}, the last tetapkan said {capaian}")
    got = store.conn.execute("SELECT nilai, uraian, sumber FROM realisasi WHERE indikator_id = ?"
                             " AND skp_periode_id = ?", [ids["pel_ind"], ids["evidence"]]).fetchone()
    if (tuple(got) if got else None) != realisasi:
        problems.append(f"realisasi is {got}, the last isi_realisasi said {realisasi}")
    for k, st in state.items():
        got = store.conn.execute("SELECT state FROM skp_periode WHERE skp_id = ? AND master_id = ?",
                                 k.split("/")).fetchone()
        if got is None or got[0] != st:
            problems.append(f"skp_periode {k} is {got}, the audit log says {st}")


def check(store: Store, ids: dict[str, Any], confirmed: dict[int, str]) -> list[str]:
    """Everything wrong with the file after a kill, as sentences; empty when it is whole."""
    problems: list[str] = []
    marks = ids["marks"]
    audits = _rows(store, "SELECT id, virtual_ts, session_nip, action, payload FROM audit_log WHERE id > ?"
                          " ORDER BY id", [marks["audit_log"]])
    for a in audits:
        a["p"] = json.loads(a["payload"])
    by_id = {a["id"]: a for a in audits}
    for aid, action in sorted(confirmed.items()):
        if aid not in by_id or by_id[aid]["action"] != action:
            problems.append(f"confirmed command {aid} ({action}) is lost")
    for a in audits:
        if a["action"] not in ACTIONS:
            problems.append(f"audit row {a['id']} is {a['action']}, which the writer never runs")
    for table, count in ids["counts"].items():
        if table not in GROWING:
            now = _one(store, f'SELECT count(*) FROM "{table}"', [])
            if now != count:
                problems.append(f"{table} has {now} rows, the writer never adds any (template: {count})")
    clock = next((a["p"]["virtual_now"] for a in reversed(audits) if a["action"] == "clock.set"),
                 ids["clock"])
    if store.virtual_now() != clock:
        problems.append(f"clock is {store.virtual_now()}, the last clock.set said {clock}")

    _check_tagged(store, ids, audits, problems)
    expected_logs: dict[str, list] = {}
    _replay_staff(store, ids, audits, expected_logs, problems)
    _replay_periods(store, ids, audits, expected_logs, problems)

    periods = {f"{s}/{m}" for s, m in store.conn.execute("SELECT skp_id, master_id FROM skp_periode")}
    staff = {k for k in expected_logs if k.startswith(f"{ids['staff_skp']}/")}
    if periods != set(ids["sp_state"]) | staff:
        problems.append(f"skp_periode rows {sorted(periods ^ (set(ids['sp_state']) | staff))} "
                        "differ from template + STAFF's approval")
    got_logs: dict[str, list] = defaultdict(list)
    for r in store.conn.execute(
            "SELECT sp.skp_id || '/' || sp.master_id, l.from_state, l.to_state, l.actor_nip, l.catatan,"
            " l.virtual_ts FROM periode_status_log l LEFT JOIN skp_periode sp ON sp.id = l.skp_periode_id"
            " WHERE l.id > ? ORDER BY l.id", [marks["periode_status_log"]]):
        got_logs[r[0]].append(tuple(r[1:]))
    for k in sorted(set(got_logs) | set(expected_logs)):
        if got_logs.get(k, []) != expected_logs.get(k, []):
            problems.append(f"periode_status_log of {k} differs from the audit log's replay:\n"
                            f"{got_logs.get(k, [])}\n{expected_logs.get(k, [])}")
    # every history is a chain that ends in the current state
    for table, parent, fk, frm, to, col in (
            ("periode_status_log", "skp_periode", "skp_periode_id", "from_state", "to_state", "state"),
            ("skp_status_log", "skp", "skp_id", "from_status", "to_status", "status")):
        chains: dict[int, list] = defaultdict(list)
        for owner, a, b in store.conn.execute(f"SELECT {fk}, {frm}, {to} FROM {table} ORDER BY id"):
            chains[owner].append((a, b))
        current = dict(store.conn.execute(f"SELECT id, {col} FROM {parent}"))
        for owner, steps in chains.items():
            if any(steps[i][0] != steps[i - 1][1] for i in range(1, len(steps))) \
                    or steps[-1][1] != current.get(owner):
                problems.append(f"{table} of {parent} {owner} is no chain ending in"
                                f" {current.get(owner)}: {steps}")
    dangling = store.conn.execute("PRAGMA foreign_key_check").fetchall()
    if dangling:
        problems.append(f"foreign keys broken: {dangling[:5]}")
    return problems
