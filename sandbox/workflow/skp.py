"""SKP planning commands (WORKFLOW.md §1.3-B, §1.4 steps 3-9): create, RHK, indikator, lampiran,
submit, approve, return.

Every command is one `store.apply` call: the checks run *inside* the transaction (under the write
lock, so two trainees cannot race past a guard) and a refusal raises `WorkflowRefused`, which rolls
back the whole transaction, audit row included. A refused command therefore leaves the file
byte-for-byte unchanged in content (`content_hash`), with one documented exception:

- Acting as someone else (`acting_as_nip` given and different from `actor_nip`, §1.1
  `operator_unit`, scenario T04) is refused, but the attempt is evidence, so it is first recorded
  as its own audit row (`integrity.acting_as`, a no-op command) in a separate, committed
  transaction; then `WorkflowRefused("workflow.acting_as")` is raised. Nothing else is written.

Head of office: the JPT Pratama has no pejabat penilai inside the instansi (§1.1: rated by the head
of region, who is not an ASN pegawai in the store). Their SKP keeps `pejabat_nip` NULL and is
decided by the pseudo-actor `KEPALA_DAERAH` (played by the trainer): `setujui(store, KEPALA_DAERAH,
skp_id)`. The decision is audited and logged like any other, with `KEPALA_DAERAH` as actor.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sandbox.domain.status import SKP_EDITABLE, SKP_LIVE, SkpStatus
from sandbox.store import Store
from sandbox.workflow.actors import ADMIN_INSTANSI, KEPALA_DAERAH, TRAINER
from sandbox.workflow.errors import WorkflowRefused
from sandbox.workflow.periode import attach_periods
from sandbox.workflow.profil import require_synced
from sandbox.workflow.support import (
    MAKS_NAMA,
    MAKS_PANJANG,
    MAKS_TEKS,
    check_acting_as,
    check_number,
    check_texts,
    check_year,
    parse_date,
    row,
)
from sandbox.workflow.support import pegawai as _pegawai
from sandbox.workflow.support import skp as _skp

# The states are named once, in sandbox.domain.status; these names stay for the commands below.
BELUM_DIBUAT = SkpStatus.BELUM_DIBUAT
DRAFT = SkpStatus.DRAFT
DIAJUKAN = SkpStatus.DIAJUKAN
DIKEMBALIKAN = SkpStatus.DIKEMBALIKAN
DISETUJUI = SkpStatus.DISETUJUI
REVISI_DIAJUKAN = SkpStatus.REVISI_DIAJUKAN
REVISI_DITOLAK = SkpStatus.REVISI_DITOLAK
DITUTUP = SkpStatus.DITUTUP
# States whose period still blocks a new SKP of the same NIP (§1.2: ranges must not overlap).
LIVE_STATES = SKP_LIVE
EDITABLE_STATES = SKP_EDITABLE

PENDEKATAN = ("kuantitatif", "kualitatif")
JENIS_RHK = ("utama", "tambahan")
KLASIFIKASI_RHK = ("organisasi", "individu")
ASPEK = ("kuantitas", "kualitas", "waktu", "biaya")
PERSPEKTIF = ("penerima layanan", "penguatan internal", "proses bisnis", "anggaran")
LAMPIRAN_FIELDS = ("dukungan_sd", "skema_pj", "konsekuensi")

# What *Ajukan* asks of an SKP (§1.3-B guards 1-6): the one definition the workflow's refusal, the SKP
# screen's checklist (✗ required, ! recommended) and the training checks (`skp_diajukan_lengkap`) all
# read. WAJIB blocks Ajukan; DISARANKAN only warns — guard 5, the lampiran: "recommended; the
# sandbox should warn, not block". A training scenario whose goal is a recommended part (T01: "fill
# lampiran") makes it required for its own trainee only (`wajibkan_syarat`, a setting of that NIP):
# the trainee's checklist then marks it ✗ and Ajukan refuses without it, so an SKP the scenario
# would fail can never be submitted (and locked) by mistake.
WAJIB, DISARANKAN = "wajib", "disarankan"
SYARAT_AJUKAN: dict[str, str] = {
    "pejabat_penilai": WAJIB,
    "induk": WAJIB,
    "rhk_utama_kosong": WAJIB,
    "rhk_tanpa_induk": WAJIB,
    "rhk_tanpa_indikator": WAJIB,
    "target_kosong": WAJIB,
    "perspektif_kosong": WAJIB,
    "lampiran": DISARANKAN,
    "ganda": WAJIB,
}


# -- helpers -----------------------------------------------------------------------------------------
def _owned_editable(db, actor_nip: str, skp_id: int) -> dict[str, Any]:
    _pegawai(db, actor_nip)
    skp = _skp(db, skp_id)
    if skp["nip"] != actor_nip:
        raise WorkflowRefused("workflow.bukan_pemilik", skp_id=skp_id, pemilik=skp["nip"], actor=actor_nip)
    if skp["status"] not in EDITABLE_STATES:
        raise WorkflowRefused("workflow.skp.terkunci", skp_id=skp_id, status=skp["status"])
    return skp


def _log(db, store: Store, skp_id: int, from_status: str, to_status: str, actor: str,
         catatan: str | None = None) -> None:
    db.execute("INSERT INTO skp_status_log (skp_id, from_status, to_status, actor_nip, catatan, virtual_ts)"
               " VALUES (?, ?, ?, ?, ?, ?)",
               [skp_id, from_status, to_status, actor, catatan, store.current.virtual_now])


def _set_status(db, store: Store, skp: dict[str, Any], to_status: str, actor: str,
                catatan: str | None = None) -> None:
    db.execute("UPDATE skp SET status = ? WHERE id = ?", [to_status, skp["id"]])
    _log(db, store, skp["id"], skp["status"], to_status, actor, catatan)
    skp["status"] = to_status


def _reopen_if_returned(db, store: Store, skp: dict[str, Any], actor: str) -> None:
    """§1.3-B: DIKEMBALIKAN → DRAFT when the pegawai starts editing with the note in hand."""
    if skp["status"] == DIKEMBALIKAN:
        _set_status(db, store, skp, DRAFT, actor)


def _overlapping(db, nip: str, awal: str, akhir: str, states: tuple[str, ...],
                 exclude_id: int | None = None) -> dict[str, Any] | None:
    marks = ", ".join("?" for _ in states)
    return row(db, f"SELECT id, status FROM skp WHERE nip = ? AND status IN ({marks})"
                    " AND periode_awal <= ? AND periode_akhir >= ? AND id IS NOT ? ORDER BY id LIMIT 1",
                [nip, *states, akhir, awal, exclude_id])


def _approved_parent(db, atasan_nip: str, awal: str, akhir: str) -> dict[str, Any] | None:
    return row(db, "SELECT * FROM skp WHERE nip = ? AND status = ? AND periode_awal <= ?"
                    " AND periode_akhir >= ? ORDER BY id LIMIT 1", [atasan_nip, DISETUJUI, akhir, awal])


def _needs_induk(pegawai: dict[str, Any]) -> bool:
    """§1.3-B guard 3 / S4: every non-JPT RHK intervenes a superior's RHK; JPT (top) has none."""
    return pegawai["jenis_jabatan"] != "jpt"


# -- commands ----------------------------------------------------------------------------------------
def buat_skp(store: Store, actor_nip: str, tahun: int, pendekatan: str = "kuantitatif", *,
             periode_awal: str | None = None, periode_akhir: str | None = None,
             acting_as_nip: str | None = None) -> int:
    """*Tambah SKP* (§1.4 step 4): a yearly DRAFT SKP for the actor; returns its id."""
    check_acting_as(store, actor_nip, acting_as_nip, "skp.buat", "skp", None)
    check_texts(("Pendekatan", pendekatan, MAKS_NAMA), ("Periode Awal", periode_awal, MAKS_NAMA),
                ("Periode Akhir", periode_akhir, MAKS_NAMA))
    check_year("Tahun SKP", tahun)  # a Masehi year: never an SKP for Hijri 1447 or Buddhist 2569
    start = parse_date("Periode Awal", periode_awal) if periode_awal else date(tahun, 1, 1)
    end = parse_date("Periode Akhir", periode_akhir) if periode_akhir else date(tahun, 12, 31)
    awal, akhir = start.isoformat(), end.isoformat()  # stored as YYYY-MM-DD whatever ISO form was typed
    pendekatan_key = (pendekatan or "").strip().lower()

    def fn(db) -> int:
        pegawai = _pegawai(db, actor_nip)
        require_synced(db, actor_nip)  # the SKP takes its pejabat penilai from the profile (§1.3-A)
        if pendekatan_key not in PENDEKATAN:
            raise WorkflowRefused("workflow.skp.pendekatan", pendekatan=pendekatan)
        # §1.2 / §4 rank 5: the SKP period is the calendar year, never a month or a quarter.
        if (start.month, start.day, end.month, end.day) != (1, 1, 12, 31) or start.year != end.year:
            raise WorkflowRefused("workflow.skp.periode_bukan_tahunan", awal=awal, akhir=akhir)
        if start.year != tahun:
            raise WorkflowRefused("workflow.periode.beda_tahun", tahun=tahun, awal=awal, akhir=akhir)
        clash = _overlapping(db, actor_nip, awal, akhir, LIVE_STATES)
        if clash:
            raise WorkflowRefused("workflow.skp.periode_tumpang_tindih", awal=awal, akhir=akhir,
                                  lain=clash["id"], status=clash["status"])
        pejabat = pegawai["atasan_nip"]
        atasan_pp = None
        if pejabat:
            atasan_pp = _pegawai(db, pejabat)["atasan_nip"]
        parent = _approved_parent(db, pejabat, awal, akhir) if pejabat else None
        unor = row(db, "SELECT nama FROM unor WHERE id = ?", [pegawai["unor_id"]])
        cursor = db.execute(
            "INSERT INTO skp (nip, induk_skp_id, pejabat_nip, atasan_pp_nip, unor_snapshot, jabatan_snapshot,"
            " periode_awal, periode_akhir, pendekatan, status, is_plt_plh, version)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1)",
            [actor_nip, parent["id"] if parent else None, pejabat, atasan_pp,
             unor["nama"] if unor else None, pegawai["jabatan"], awal, akhir, pendekatan_key, DRAFT])
        skp_id = cursor.lastrowid
        _log(db, store, skp_id, BELUM_DIBUAT, DRAFT, actor_nip)
        return skp_id

    payload = {"tahun": tahun, "pendekatan": pendekatan, "periode_awal": awal, "periode_akhir": akhir}
    return store.apply(actor_nip, acting_as_nip, "skp.buat", "skp", None, payload, fn)


def tambah_rhk(store: Store, actor_nip: str, skp_id: int, teks: str, jenis: str = "utama", *,
               induk_rhk_id: int | None = None, klasifikasi: str | None = None,
               penugasan_dari: str | None = None, acting_as_nip: str | None = None) -> int:
    """*Tambah RHK* (§1.4 step 5); returns the new RHK's id."""
    check_acting_as(store, actor_nip, acting_as_nip, "skp.rhk.tambah", "skp", skp_id)
    check_texts(("Rencana Hasil Kerja", teks, MAKS_TEKS), ("Jenis RHK", jenis, MAKS_NAMA),
                ("Klasifikasi RHK", klasifikasi, MAKS_NAMA), ("Penugasan dari", penugasan_dari, MAKS_NAMA))
    jenis_key = (jenis or "").strip().lower()
    klas_key = klasifikasi.strip().lower() if klasifikasi else None

    def fn(db) -> int:
        skp = _owned_editable(db, actor_nip, skp_id)
        pegawai = _pegawai(db, actor_nip)
        if jenis_key not in JENIS_RHK:
            raise WorkflowRefused("workflow.rhk.jenis", jenis=jenis)
        if klas_key is not None and klas_key not in KLASIFIKASI_RHK:
            raise WorkflowRefused("workflow.rhk.klasifikasi", klasifikasi=klasifikasi)
        if not (teks or "").strip():
            raise WorkflowRefused("workflow.rhk.teks_kosong")
        atasan = skp["pejabat_nip"]
        if induk_rhk_id is None and _needs_induk(pegawai):
            if atasan and _approved_parent(db, atasan, skp["periode_awal"], skp["periode_akhir"]) is None:
                raise WorkflowRefused("workflow.rhk.induk_belum_disetujui", atasan=atasan)
            raise WorkflowRefused("workflow.rhk.induk_wajib")
        if induk_rhk_id is not None:
            induk = row(db, "SELECT rhk.id, skp.id AS skp_id, skp.nip, skp.status, skp.periode_awal,"
                             " skp.periode_akhir FROM rhk JOIN skp ON skp.id = rhk.skp_id WHERE rhk.id = ?",
                         [induk_rhk_id])
            if induk is None:
                raise WorkflowRefused("workflow.rhk_tidak_ada", rhk_id=induk_rhk_id)
            if atasan and _approved_parent(db, atasan, skp["periode_awal"], skp["periode_akhir"]) is None:
                raise WorkflowRefused("workflow.rhk.induk_belum_disetujui", atasan=atasan)
            if (induk["nip"] != atasan or induk["status"] != DISETUJUI
                    or induk["periode_awal"] > skp["periode_akhir"]
                    or induk["periode_akhir"] < skp["periode_awal"]):
                raise WorkflowRefused("workflow.rhk.induk_bukan_atasan", induk_rhk_id=induk_rhk_id,
                                      atasan=atasan or "-")
            if skp["induk_skp_id"] is not None and skp["induk_skp_id"] != induk["skp_id"]:
                raise WorkflowRefused("workflow.rhk.induk_lain", induk_skp_id=skp["induk_skp_id"],
                                      induk_rhk_id=induk_rhk_id)
            if skp["induk_skp_id"] is None:
                db.execute("UPDATE skp SET induk_skp_id = ? WHERE id = ?", [induk["skp_id"], skp_id])
        _reopen_if_returned(db, store, skp, actor_nip)
        cursor = db.execute(
            "INSERT INTO rhk (skp_id, induk_rhk_id, jenis, klasifikasi, teks, penugasan_dari)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [skp_id, induk_rhk_id, jenis_key, klas_key, teks.strip(), penugasan_dari])
        return cursor.lastrowid

    payload = {"skp_id": skp_id, "teks": teks, "jenis": jenis, "induk_rhk_id": induk_rhk_id,
               "klasifikasi": klasifikasi, "penugasan_dari": penugasan_dari}
    return store.apply(actor_nip, acting_as_nip, "skp.rhk.tambah", "skp", skp_id, payload, fn)


def tambah_indikator(store: Store, actor_nip: str, rhk_id: int, teks: str, *, aspek: str | None = None,
                     target_nilai: float | None = None, target_satuan: str | None = None,
                     perspektif: str | None = None, acting_as_nip: str | None = None) -> int:
    """*Tambah Indikator* (§1.4 step 6, S5); returns the new indikator's id.

    Kuantitatif: aspek (kuantitas/kualitas/waktu/biaya), numeric target and satuan are required.
    Kualitatif: the narrative measure carries the expectation; aspek and target are optional.
    """
    check_acting_as(store, actor_nip, acting_as_nip, "skp.indikator.tambah", "skp", rhk_id)
    check_texts(("Indikator", teks, MAKS_TEKS), ("Aspek", aspek, MAKS_NAMA),
                ("Satuan target", target_satuan, MAKS_NAMA), ("Perspektif", perspektif, MAKS_NAMA))
    check_number("Target", target_nilai)
    aspek_key = aspek.strip().lower() if aspek else None
    persp_key = perspektif.strip().lower() if perspektif else None
    satuan = target_satuan.strip() if target_satuan else None

    def fn(db) -> int:
        _pegawai(db, actor_nip)
        rhk = row(db, "SELECT * FROM rhk WHERE id = ?", [rhk_id])
        if rhk is None:
            raise WorkflowRefused("workflow.rhk_tidak_ada", rhk_id=rhk_id)
        skp = _owned_editable(db, actor_nip, rhk["skp_id"])
        if not (teks or "").strip():
            raise WorkflowRefused("workflow.indikator.teks_kosong")
        if persp_key is not None and persp_key not in PERSPEKTIF:
            raise WorkflowRefused("workflow.indikator.perspektif", perspektif=perspektif)
        if skp["pendekatan"] == "kuantitatif":
            if aspek_key not in ASPEK:
                raise WorkflowRefused("workflow.indikator.aspek", aspek=aspek or "")
            if target_nilai is None or not satuan:
                raise WorkflowRefused("workflow.indikator.target_wajib")
        elif aspek_key is not None and aspek_key not in ASPEK:
            raise WorkflowRefused("workflow.indikator.aspek", aspek=aspek)
        _reopen_if_returned(db, store, skp, actor_nip)
        cursor = db.execute(
            "INSERT INTO indikator (rhk_id, aspek, teks, target_nilai, target_satuan, perspektif)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [rhk_id, aspek_key, teks.strip(), None if target_nilai is None else float(target_nilai),
             satuan, persp_key])
        return cursor.lastrowid

    payload = {"rhk_id": rhk_id, "teks": teks, "aspek": aspek, "target_nilai": target_nilai,
               "target_satuan": target_satuan, "perspektif": perspektif}
    return store.apply(actor_nip, acting_as_nip, "skp.indikator.tambah", "rhk", rhk_id, payload, fn)


def isi_lampiran(store: Store, actor_nip: str, skp_id: int, *, dukungan_sd: str | None = None,
                 skema_pj: str | None = None, konsekuensi: str | None = None,
                 acting_as_nip: str | None = None) -> None:
    """Fill the three lampiran blocks (§1.4 step 7, S6); replaces what was there."""
    check_acting_as(store, actor_nip, acting_as_nip, "skp.lampiran.isi", "skp", skp_id)
    check_texts(("Dukungan Sumber Daya", dukungan_sd, MAKS_PANJANG),
                ("Skema Pertanggungjawaban", skema_pj, MAKS_PANJANG),
                ("Konsekuensi", konsekuensi, MAKS_PANJANG))

    def fn(db) -> None:
        skp = _owned_editable(db, actor_nip, skp_id)
        _reopen_if_returned(db, store, skp, actor_nip)
        db["lampiran"].upsert({"skp_id": skp_id, "dukungan_sd": dukungan_sd, "skema_pj": skema_pj,
                               "konsekuensi": konsekuensi}, pk="skp_id")

    payload = {"skp_id": skp_id, "dukungan_sd": dukungan_sd, "skema_pj": skema_pj, "konsekuensi": konsekuensi}
    store.apply(actor_nip, acting_as_nip, "skp.lampiran.isi", "skp", skp_id, payload, fn)


# -- submit guards -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Guard:
    """One §1.3-B guard as a screen shows it: `code` is a `workflow.ajukan.*` message code;
    `blocking` says whether Ajukan refuses without it (`SYARAT_AJUKAN`, raised per pegawai)."""

    code: str
    ok: bool
    blocking: bool = True
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The guard's key in `SYARAT_AJUKAN` (and its `tui.guard.<name>` label)."""
        return self.code.rsplit(".", 1)[-1]


def _numbered(kind: str, ids: list[int], numbers: dict[int, str]) -> dict[str, Any]:
    """A guard's records: their ids (for code), their numbers as the SKP lists them (for screens), and
    those numbers joined ("1, 3") for a message a person reads, never the internal ids."""
    shown = [numbers[i] for i in ids]
    return {f"{kind}_ids": ids, f"{kind}_nomor": shown, "nomor": ", ".join(str(n) for n in shown)}


def _setting_key(nip: str) -> str:
    return f"syarat_wajib.{nip}"


def required_extra(db, nip: str) -> frozenset[str]:
    """The recommended guards made required for this pegawai (`wajibkan_syarat`)."""
    found = row(db, "SELECT nilai FROM pengaturan WHERE kunci = ?", [_setting_key(nip)])
    try:
        return frozenset(json.loads(found["nilai"])) if found else frozenset()
    except (ValueError, TypeError):
        return frozenset()


def syarat_skp(store: Store, skp_id: int) -> dict[str, str]:
    """Every guard's level (WAJIB or DISARANKAN) for this SKP's owner, for a screen's labels."""
    nip = _skp(store.db, skp_id)["nip"]
    extra = required_extra(store.db, nip)
    return {name: WAJIB if level == WAJIB or name in extra else DISARANKAN
            for name, level in SYARAT_AJUKAN.items()}


def wajibkan_syarat(store: Store, actor: str, nip: str, names: list[str]) -> None:
    """Make recommended guards required for one pegawai (a training scenario's goal, e.g. T01's
    lampiran); trainer or admin only. Other pegawai keep §1.3-B as it is."""
    if actor not in (TRAINER, ADMIN_INSTANSI):
        raise WorkflowRefused("workflow.hak.trainer_admin", actor=actor, perintah="wajibkan syarat")
    unknown = [n for n in names if SYARAT_AJUKAN.get(n) != DISARANKAN]
    if unknown:  # a programming error of the caller: only a recommended guard can be raised
        raise ValueError(f"not a recommended guard: {unknown}")

    def fn(db) -> None:
        chosen = sorted(required_extra(db, nip) | set(names))
        db["pengaturan"].upsert({"kunci": _setting_key(nip), "nilai": json.dumps(chosen)}, pk="kunci")

    store.apply(actor, None, "pengaturan.syarat", "pengaturan", _setting_key(nip), {"syarat": list(names)},
                fn)


def _checklist(db, skp: dict[str, Any]) -> list[Guard]:
    extra = required_extra(db, skp["nip"])
    return [replace(g, blocking=SYARAT_AJUKAN[g.name] == WAJIB or g.name in extra) for g in _guards(db, skp)]


def _guards(db, skp: dict[str, Any]) -> list[Guard]:
    skp_id = skp["id"]
    owner = row(db, "SELECT * FROM pegawai WHERE nip = ?", [skp["nip"]]) or {}
    rhks = [dict(zip(("id", "jenis", "induk_rhk_id"), r, strict=True)) for r in db.execute(
        "SELECT id, jenis, induk_rhk_id FROM rhk WHERE skp_id = ? ORDER BY id", [skp_id]).fetchall()]
    ind_cols = ("id", "rhk_id", "aspek", "target_nilai", "target_satuan", "perspektif")
    inds = [dict(zip(ind_cols, r, strict=True)) for r in db.execute(
        "SELECT i.id, i.rhk_id, i.aspek, i.target_nilai, i.target_satuan, i.perspektif FROM indikator i"
        " JOIN rhk ON rhk.id = i.rhk_id WHERE rhk.skp_id = ? ORDER BY i.id", [skp_id]).fetchall()]
    # The numbers the SKP screen shows ("RHK 2", "indikator 2.1"): RHK and indikator by id, as listed.
    rhk_no = {r["id"]: n for n, r in enumerate(rhks, start=1)}
    ind_no: dict[int, str] = {}
    for i in inds:
        within = sum(1 for j in inds if j["rhk_id"] == i["rhk_id"] and j["id"] <= i["id"])
        ind_no[i["id"]] = f'{rhk_no[i["rhk_id"]]}.{within}'
    guards: list[Guard] = []
    # 1. the pejabat penilai on the SKP is still the superior in the profile.
    guards.append(Guard("workflow.ajukan.pejabat_penilai", owner.get("atasan_nip") == skp["pejabat_nip"],
                        params={"tercatat": skp["pejabat_nip"] or "-",
                                "profil": owner.get("atasan_nip") or "-"}))
    # 2. linked to the superior's approved SKP (not for the top leader, who has no ASN superior).
    if skp["pejabat_nip"]:
        parent = row(db, "SELECT status, nip FROM skp WHERE id = ?", [skp["induk_skp_id"]]) \
            if skp["induk_skp_id"] else None
        guards.append(Guard("workflow.ajukan.induk", bool(parent and parent["status"] == DISETUJUI
                                                          and parent["nip"] == skp["pejabat_nip"])))
    # 3. at least one RHK Utama; every non-JPT RHK intervenes a superior's RHK.
    guards.append(Guard("workflow.ajukan.rhk_utama_kosong", any(r["jenis"] == "utama" for r in rhks)))
    if _needs_induk(owner):
        missing = [r["id"] for r in rhks if r["induk_rhk_id"] is None]
        guards.append(Guard("workflow.ajukan.rhk_tanpa_induk", not missing,
                            params=_numbered("rhk", missing, rhk_no)))
    # 4. every RHK has an indicator; kuantitatif: aspect, target and unit; JPT: a perspektif.
    with_ind = {i["rhk_id"] for i in inds}
    bare = [r["id"] for r in rhks if r["id"] not in with_ind]
    guards.append(Guard("workflow.ajukan.rhk_tanpa_indikator", not bare,
                        params=_numbered("rhk", bare, rhk_no)))
    if skp["pendekatan"] == "kuantitatif":
        weak = [i["id"] for i in inds
                if i["aspek"] not in ASPEK or i["target_nilai"] is None or not i["target_satuan"]]
        guards.append(Guard("workflow.ajukan.target_kosong", not weak,
                            params=_numbered("indikator", weak, ind_no)))
    if owner.get("jenis_jabatan") == "jpt":
        nop = [i["id"] for i in inds if not i["perspektif"]]
        guards.append(Guard("workflow.ajukan.perspektif_kosong", not nop,
                            params=_numbered("indikator", nop, ind_no)))
    # 5. lampiran: recommended, so it warns and does not block (M in §1.3-B) unless made required.
    lamp = row(db, "SELECT * FROM lampiran WHERE skp_id = ?", [skp_id]) or {}
    empty = [f for f in LAMPIRAN_FIELDS if not (lamp.get(f) or "").strip()]
    guards.append(Guard("workflow.ajukan.lampiran", not empty, params={"kosong": ", ".join(empty)}))
    # 6. no other overlapping SKP of this pegawai already submitted.
    twin = _overlapping(db, skp["nip"], skp["periode_awal"], skp["periode_akhir"], (DIAJUKAN,),
                        exclude_id=skp_id)
    guards.append(Guard("workflow.ajukan.ganda", twin is None,
                        params={"lain": twin["id"] if twin else "-", "status": DIAJUKAN}))
    return guards


def checklist(store: Store, skp_id: int) -> list[Guard]:
    """Every §1.3-B submit guard for this SKP with pass/fail, for a screen; reads only."""
    skp = _skp(store.db, skp_id)
    return _checklist(store.db, skp)


def ajukan(store: Store, actor_nip: str, skp_id: int, *, acting_as_nip: str | None = None) -> None:
    """*Ajukan* (§1.4 step 8): DRAFT or DIKEMBALIKAN → DIAJUKAN when every blocking guard passes.

    Refuses with the first failing guard's code; `params["gagal"]` lists every failing code.
    The top leader's SKP also goes to DIAJUKAN and waits for `KEPALA_DAERAH`.
    """
    check_acting_as(store, actor_nip, acting_as_nip, "skp.ajukan", "skp", skp_id)

    def fn(db) -> None:
        _pegawai(db, actor_nip)
        skp = _skp(db, skp_id)
        if skp["nip"] != actor_nip:
            raise WorkflowRefused("workflow.bukan_pemilik", skp_id=skp_id, pemilik=skp["nip"],
                                  actor=actor_nip)
        if skp["status"] not in EDITABLE_STATES:
            raise WorkflowRefused("workflow.skp.status_salah", skp_id=skp_id, status=skp["status"],
                                  perintah="ajukan", boleh="/".join(EDITABLE_STATES))
        failed = [g for g in _checklist(db, skp) if g.blocking and not g.ok]
        if failed:
            raise WorkflowRefused(failed[0].code, gagal=[g.code for g in failed], **failed[0].params)
        _set_status(db, store, skp, DIAJUKAN, actor_nip)

    store.apply(actor_nip, acting_as_nip, "skp.ajukan", "skp", skp_id, {"skp_id": skp_id}, fn)


def _decided_by(db, actor_nip: str, skp_id: int) -> dict[str, Any]:
    """The SKP, if `actor_nip` is its pejabat penilai (KEPALA_DAERAH for the head of office)."""
    skp = _skp(db, skp_id)
    if actor_nip != KEPALA_DAERAH:
        _pegawai(db, actor_nip)
    pejabat = skp["pejabat_nip"] or KEPALA_DAERAH
    if actor_nip == skp["nip"]:
        raise WorkflowRefused("workflow.putus.diri_sendiri", actor=actor_nip, pejabat=pejabat)
    if actor_nip != pejabat:
        raise WorkflowRefused("workflow.putus.bukan_pejabat_penilai", actor=actor_nip, skp_id=skp_id,
                              pejabat=pejabat)
    return skp


def _decide(store: Store, actor_nip: str, skp_id: int, to_status: str, action: str, catatan: str | None,
            acting_as_nip: str | None) -> None:
    check_acting_as(store, actor_nip, acting_as_nip, action, "skp", skp_id)
    check_texts(("Catatan", catatan, MAKS_PANJANG))

    def fn(db) -> None:
        skp = _decided_by(db, actor_nip, skp_id)
        if skp["status"] != DIAJUKAN:
            raise WorkflowRefused("workflow.skp.status_salah", skp_id=skp_id, status=skp["status"],
                                  perintah=action.split(".")[-1], boleh=DIAJUKAN)
        if to_status == DIKEMBALIKAN and not (catatan or "").strip():
            raise WorkflowRefused("workflow.kembalikan.catatan_wajib")
        _set_status(db, store, skp, to_status, actor_nip, (catatan or "").strip() or None)
        if to_status == DISETUJUI:
            attach_periods(db, store, skp)

    store.apply(actor_nip, acting_as_nip, action, "skp", skp_id, {"skp_id": skp_id, "catatan": catatan}, fn)


def setujui(store: Store, actor_nip: str, skp_id: int, catatan: str | None = None, *,
            acting_as_nip: str | None = None) -> None:
    """*Setujui* (§1.4 step 9): DIAJUKAN → DISETUJUI, only by the SKP's pejabat penilai
    (`KEPALA_DAERAH` for the top leader, whose `pejabat_nip` is NULL)."""
    _decide(store, actor_nip, skp_id, DISETUJUI, "skp.setujui", catatan, acting_as_nip)


def kembalikan(store: Store, actor_nip: str, skp_id: int, catatan: str, *,
               acting_as_nip: str | None = None) -> None:
    """*Tolak/Kembalikan* (§1.4 step 9): DIAJUKAN → DIKEMBALIKAN with a required note."""
    _decide(store, actor_nip, skp_id, DIKEMBALIKAN, "skp.kembalikan", catatan, acting_as_nip)


def status_log(store: Store, skp_id: int) -> list[tuple[str, str, str, str | None]]:
    """(from, to, actor, catatan) of one SKP in order: the history of notes §1.3-B keeps."""
    return [tuple(r) for r in store.conn.execute(
        "SELECT from_status, to_status, actor_nip, catatan FROM skp_status_log WHERE skp_id = ? ORDER BY id",
        [skp_id])]


# -- revision (§1.3-B, C7) ---------------------------------------------------------------------------
def ajukan_revisi(store: Store, actor_nip: str, skp_id: int, alasan: str, *,
                  acting_as_nip: str | None = None) -> None:
    """The pegawai asks to change an approved SKP mid-year: DISETUJUI → REVISI_DIAJUKAN.

    Periods keep running on the approved version while the request waits.
    """
    check_acting_as(store, actor_nip, acting_as_nip, "skp.revisi.ajukan", "skp", skp_id)
    check_texts(("Alasan revisi", alasan, MAKS_PANJANG))

    def fn(db) -> None:
        _pegawai(db, actor_nip)
        skp = _skp(db, skp_id)
        if skp["nip"] != actor_nip:
            raise WorkflowRefused("workflow.bukan_pemilik", skp_id=skp_id, pemilik=skp["nip"],
                                  actor=actor_nip)
        if skp["status"] != DISETUJUI:
            raise WorkflowRefused("workflow.skp.status_salah", skp_id=skp_id, status=skp["status"],
                                  perintah="ajukan revisi", boleh=DISETUJUI)
        if not (alasan or "").strip():
            raise WorkflowRefused("workflow.revisi.alasan_wajib")
        _set_status(db, store, skp, REVISI_DIAJUKAN, actor_nip, alasan.strip())

    store.apply(actor_nip, acting_as_nip, "skp.revisi.ajukan", "skp", skp_id,
                {"skp_id": skp_id, "alasan": alasan}, fn)


def _decide_revision(store: Store, actor_nip: str, skp_id: int, approve: bool, catatan: str | None,
                     acting_as_nip: str | None) -> None:
    action = "skp.revisi.setujui" if approve else "skp.revisi.tolak"
    check_acting_as(store, actor_nip, acting_as_nip, action, "skp", skp_id)
    check_texts(("Catatan", catatan, MAKS_PANJANG))

    def fn(db) -> None:
        skp = _decided_by(db, actor_nip, skp_id)
        if skp["status"] != REVISI_DIAJUKAN:
            raise WorkflowRefused("workflow.skp.status_salah", skp_id=skp_id, status=skp["status"],
                                  perintah=action.split(".")[-1] + " revisi", boleh=REVISI_DIAJUKAN)
        note = (catatan or "").strip() or None
        if approve:
            # Open a new version for editing; it goes through Ajukan → Setujui again.
            db.execute("UPDATE skp SET version = version + 1 WHERE id = ?", [skp_id])
            _set_status(db, store, skp, DRAFT, actor_nip, note)
        else:
            if note is None:
                raise WorkflowRefused("workflow.revisi.catatan_wajib")
            _set_status(db, store, skp, DISETUJUI, actor_nip, f"revisi ditolak: {note}")

    store.apply(actor_nip, acting_as_nip, action, "skp", skp_id, {"skp_id": skp_id, "catatan": catatan}, fn)


def setujui_revisi(store: Store, actor_nip: str, skp_id: int, catatan: str | None = None, *,
                   acting_as_nip: str | None = None) -> None:
    """The pejabat penilai accepts the request: the SKP becomes an editable DRAFT of the next
    version, to be submitted and approved again; its periods and evidence stay attached."""
    _decide_revision(store, actor_nip, skp_id, True, catatan, acting_as_nip)


def tolak_revisi(store: Store, actor_nip: str, skp_id: int, catatan: str, *,
                 acting_as_nip: str | None = None) -> None:
    """The pejabat penilai refuses (note required): the approved version stays (DISETUJUI)."""
    _decide_revision(store, actor_nip, skp_id, False, catatan, acting_as_nip)


# -- editing a draft (§1.3-B: "Edit, delete (drafts only)") -----------------------------------------
def _owned_rhk(db, actor_nip: str, rhk_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
    rhk = row(db, "SELECT * FROM rhk WHERE id = ?", [rhk_id])
    if rhk is None:
        raise WorkflowRefused("workflow.rhk_tidak_ada", rhk_id=rhk_id)
    return rhk, _owned_editable(db, actor_nip, rhk["skp_id"])


def _owned_indikator(db, actor_nip: str, indikator_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
    ind = row(db, "SELECT * FROM indikator WHERE id = ?", [indikator_id])
    if ind is None:
        raise WorkflowRefused("workflow.indikator_tidak_ada", indikator_id=indikator_id)
    rhk = row(db, "SELECT skp_id FROM rhk WHERE id = ?", [ind["rhk_id"]])
    return ind, _owned_editable(db, actor_nip, rhk["skp_id"])


def ubah_rhk(store: Store, actor_nip: str, rhk_id: int, *, teks: str | None = None, jenis: str | None = None,
             acting_as_nip: str | None = None) -> None:
    """Edit an RHK of one's own DRAFT/DIKEMBALIKAN SKP (text and/or jenis)."""
    check_acting_as(store, actor_nip, acting_as_nip, "skp.rhk.ubah", "rhk", rhk_id)
    check_texts(("Rencana Hasil Kerja", teks, MAKS_TEKS), ("Jenis RHK", jenis, MAKS_NAMA))

    def fn(db) -> None:
        _pegawai(db, actor_nip)
        rhk, skp = _owned_rhk(db, actor_nip, rhk_id)
        new_text = rhk["teks"] if teks is None else teks.strip()
        new_jenis = rhk["jenis"] if jenis is None else jenis.strip().lower()
        if not new_text:
            raise WorkflowRefused("workflow.rhk.teks_kosong")
        if new_jenis not in JENIS_RHK:
            raise WorkflowRefused("workflow.rhk.jenis", jenis=jenis)
        _reopen_if_returned(db, store, skp, actor_nip)
        db.execute("UPDATE rhk SET teks = ?, jenis = ? WHERE id = ?", [new_text, new_jenis, rhk_id])

    store.apply(actor_nip, acting_as_nip, "skp.rhk.ubah", "rhk", rhk_id,
                {"rhk_id": rhk_id, "teks": teks, "jenis": jenis}, fn)


def hapus_rhk(store: Store, actor_nip: str, rhk_id: int, *, acting_as_nip: str | None = None) -> None:
    """Delete an RHK (and its indikator) from one's own draft; refused once a subordinate intervenes it."""
    check_acting_as(store, actor_nip, acting_as_nip, "skp.rhk.hapus", "rhk", rhk_id)

    def fn(db) -> None:
        _pegawai(db, actor_nip)
        _rhk, skp = _owned_rhk(db, actor_nip, rhk_id)
        child = row(db, "SELECT id FROM rhk WHERE induk_rhk_id = ? LIMIT 1", [rhk_id])
        if child:
            raise WorkflowRefused("workflow.rhk.diintervensi", rhk_id=rhk_id, anak=child["id"])
        used = row(db, "SELECT 1 AS x FROM rencana_aksi WHERE rhk_id = ? UNION ALL SELECT 1 FROM realisasi r"
                       " JOIN indikator i ON i.id = r.indikator_id WHERE i.rhk_id = ? UNION ALL SELECT 1"
                       " FROM bukti_dukung b JOIN indikator i ON i.id = b.indikator_id WHERE i.rhk_id = ?"
                       " LIMIT 1", [rhk_id, rhk_id, rhk_id])
        if used:
            raise WorkflowRefused("workflow.hapus.sudah_dipakai", apa="RHK", nomor=rhk_id)
        _reopen_if_returned(db, store, skp, actor_nip)
        db.execute("DELETE FROM indikator WHERE rhk_id = ?", [rhk_id])
        db.execute("DELETE FROM rhk WHERE id = ?", [rhk_id])

    store.apply(actor_nip, acting_as_nip, "skp.rhk.hapus", "rhk", rhk_id, {"rhk_id": rhk_id}, fn)


def ubah_indikator(store: Store, actor_nip: str, indikator_id: int, *, teks: str | None = None,
                   aspek: str | None = None, target_nilai: float | None = None,
                   target_satuan: str | None = None, perspektif: str | None = None,
                   acting_as_nip: str | None = None) -> None:
    """Edit an indikator of one's own draft; only the fields given change."""
    check_acting_as(store, actor_nip, acting_as_nip, "skp.indikator.ubah", "indikator", indikator_id)
    check_texts(("Indikator", teks, MAKS_TEKS), ("Aspek", aspek, MAKS_NAMA),
                ("Satuan target", target_satuan, MAKS_NAMA), ("Perspektif", perspektif, MAKS_NAMA))
    check_number("Target", target_nilai)

    def fn(db) -> None:
        _pegawai(db, actor_nip)
        ind, skp = _owned_indikator(db, actor_nip, indikator_id)
        new = {"teks": ind["teks"] if teks is None else teks.strip(),
               "aspek": ind["aspek"] if aspek is None else aspek.strip().lower(),
               "target_nilai": ind["target_nilai"] if target_nilai is None else target_nilai,
               "target_satuan": ind["target_satuan"] if target_satuan is None else target_satuan.strip(),
               "perspektif": ind["perspektif"] if perspektif is None else perspektif.strip().lower()}
        if not new["teks"]:
            raise WorkflowRefused("workflow.indikator.teks_kosong")
        if new["aspek"] is not None and new["aspek"] not in ASPEK:
            raise WorkflowRefused("workflow.indikator.aspek", aspek=aspek)
        if new["perspektif"] and new["perspektif"] not in PERSPEKTIF:
            raise WorkflowRefused("workflow.indikator.perspektif", perspektif=perspektif)
        target = new["target_nilai"]
        if skp["pendekatan"] == "kuantitatif" and (target is None or not new["target_satuan"]):
            raise WorkflowRefused("workflow.indikator.target_wajib")
        _reopen_if_returned(db, store, skp, actor_nip)
        db.execute("UPDATE indikator SET teks = ?, aspek = ?, target_nilai = ?, target_satuan = ?,"
                   " perspektif = ? WHERE id = ?",
                   [new["teks"], new["aspek"], None if target is None else float(target),
                    new["target_satuan"] or None, new["perspektif"] or None, indikator_id])

    payload = {"indikator_id": indikator_id, "teks": teks, "aspek": aspek, "target_nilai": target_nilai,
               "target_satuan": target_satuan, "perspektif": perspektif}
    store.apply(actor_nip, acting_as_nip, "skp.indikator.ubah", "indikator", indikator_id, payload, fn)


def hapus_indikator(store: Store, actor_nip: str, indikator_id: int, *,
                    acting_as_nip: str | None = None) -> None:
    """Delete an indikator from one's own draft."""
    check_acting_as(store, actor_nip, acting_as_nip, "skp.indikator.hapus", "indikator", indikator_id)

    def fn(db) -> None:
        _pegawai(db, actor_nip)
        _ind, skp = _owned_indikator(db, actor_nip, indikator_id)
        used = row(db, "SELECT 1 AS x FROM realisasi WHERE indikator_id = ? UNION ALL"
                       " SELECT 1 FROM bukti_dukung WHERE indikator_id = ? LIMIT 1",
                   [indikator_id, indikator_id])
        if used:
            raise WorkflowRefused("workflow.hapus.sudah_dipakai", apa="indikator", nomor=indikator_id)
        _reopen_if_returned(db, store, skp, actor_nip)
        db.execute("DELETE FROM indikator WHERE id = ?", [indikator_id])

    store.apply(actor_nip, acting_as_nip, "skp.indikator.hapus", "indikator", indikator_id,
                {"indikator_id": indikator_id}, fn)
