"""The assessment half of the workflow (WORKFLOW.md §1.3-D, §1.4 steps 11-17).

Per assessment period the pegawai fills rencana aksi, realisasi and bukti dukung; the pejabat
penilai gives umpan balik, sets Rating Hasil Kerja and Rating Perilaku, and the predikat comes from
the rule pack in force (its trace stored); a unit head's Rating HK comes from the unit's capaian
organisasi through the pack too. The rater finalises (or the clock passes batas pengisian), then
the dokumen evaluasi is issued.

Rights: only the owner enters evidence; only the SKP's pejabat penilai (KEPALA_DAERAH for the head
of office) gives feedback and ratings, never for their own SKP. Nothing is written after the
period's batas pengisian (§1.2 "entries lock").
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlparse

from sandbox.domain.status import PERIODE_RATEABLE, SKP_ACTIVE, SkpStatus
from sandbox.store import Store
from sandbox.workflow.actors import KEPALA_DAERAH, PSEUDO_ACTORS
from sandbox.workflow.errors import WorkflowRefused
from sandbox.workflow.periode import (
    BELUM_DIBUKA,
    DINILAI,
    EVIDEN_LENGKAP,
    LOCKED_STATES,
    OPEN_STATES,
    RENCANA_AKSI_ADA,
    TERBUKA,
    TERKUNCI,
    log_state,
)
from sandbox.workflow.rulebook import decide, pack_for
from sandbox.workflow.support import (
    MAKS_NAMA,
    MAKS_PANJANG,
    MAKS_TEKS,
    MAKS_URL,
    check_acting_as,
    check_number,
    check_texts,
    pegawai,
    row,
    shown,
    today,
)

RATINGS = ("di_atas", "sesuai", "di_bawah")
TARGET_TYPES = ("indikator", "rhk", "perilaku")
RATEABLE_STATES = PERIODE_RATEABLE


# -- lookups and guards ------------------------------------------------------------------------------
def period_row(db, skp_periode_id: int) -> dict[str, Any]:
    """One skp_periode joined with its SKP and master period, or a refusal."""
    found = row(db, "SELECT sp.*, s.nip, s.pejabat_nip, s.atasan_pp_nip, s.status AS skp_status,"
                    " s.pendekatan, m.nama AS periode_nama, m.awal, m.akhir, m.batas_pengisian, m.jenis"
                    " FROM skp_periode sp JOIN skp s ON s.id = sp.skp_id"
                    " JOIN periode_penilaian_master m ON m.id = sp.master_id WHERE sp.id = ?",
                [skp_periode_id])
    if found is None:
        raise WorkflowRefused("workflow.periode_skp_tidak_ada", skp_periode_id=skp_periode_id)
    return found


def _check_time(store: Store, period: dict[str, Any]) -> None:
    if period["state"] == BELUM_DIBUKA:
        raise WorkflowRefused("workflow.periode.belum_dibuka", periode=period["periode_nama"],
                              awal=period["awal"])
    if today(store) > period["batas_pengisian"]:
        raise WorkflowRefused("workflow.periode.lewat_batas", periode=period["periode_nama"],
                              batas=period["batas_pengisian"])


def entries_open(period: dict[str, Any], today_iso: str) -> bool:
    """Whether the pegawai may still enter evidence in this period today (the rule `_own_open_period`
    enforces, for screens that want to show or hide the forms)."""
    return (period["state"] in OPEN_STATES and period["skp_status"] in SKP_ACTIVE
            and today_iso <= period["batas_pengisian"])


def is_late(period: dict[str, Any], today_iso: str) -> bool:
    """The entry deadline has passed while the period is still waiting for entries or a rating."""
    return period["state"] in OPEN_STATES and today_iso > period["batas_pengisian"]


def _own_open_period(db, store: Store, actor: str, skp_periode_id: int) -> dict[str, Any]:
    """The pegawai's own period, open for evidence (§1.4 steps 11-13)."""
    pegawai(db, actor)
    period = period_row(db, skp_periode_id)
    if period["nip"] != actor:
        raise WorkflowRefused("workflow.periode.bukan_pemilik", skp_periode_id=skp_periode_id,
                              pemilik=period["nip"], actor=actor)
    if period["skp_status"] not in SKP_ACTIVE:
        raise WorkflowRefused("workflow.periode.skp_tidak_aktif", status=period["skp_status"])
    _check_time(store, period)
    if period["state"] not in OPEN_STATES:
        raise WorkflowRefused("workflow.periode.sudah_dinilai", periode=period["periode_nama"],
                              state=period["state"])
    return period


def rater_of(period: dict[str, Any]) -> str:
    return period["pejabat_nip"] or KEPALA_DAERAH


def _rater_period(db, store: Store, actor: str, skp_periode_id: int, states: tuple[str, ...],
                  perintah: str) -> dict[str, Any]:
    """A subordinate's period the actor may judge: only its pejabat penilai, never one's own."""
    if actor not in PSEUDO_ACTORS:
        pegawai(db, actor)
    period = period_row(db, skp_periode_id)
    if actor == period["nip"]:
        raise WorkflowRefused("workflow.nilai.diri_sendiri", actor=actor, pejabat=rater_of(period))
    if actor != rater_of(period):
        raise WorkflowRefused("workflow.nilai.bukan_pejabat_penilai", actor=actor, nip=period["nip"],
                              pejabat=rater_of(period))
    if period["skp_status"] not in SKP_ACTIVE:  # a revision reopened the SKP: re-approve first
        raise WorkflowRefused("workflow.periode.skp_tidak_aktif", status=period["skp_status"])
    _check_time(store, period)
    if period["state"] not in states:
        raise WorkflowRefused("workflow.periode.status_salah", periode=period["periode_nama"],
                              state=period["state"], perintah=perintah, boleh="/".join(states))
    return period


def _indikator_of(db, period: dict[str, Any], indikator_id: int) -> dict[str, Any]:
    found = row(db, "SELECT i.* FROM indikator i JOIN rhk ON rhk.id = i.rhk_id"
                    " WHERE i.id = ? AND rhk.skp_id = ?", [indikator_id, period["skp_id"]])
    if found is None:
        raise WorkflowRefused("workflow.indikator.bukan_skp_ini", indikator_id=indikator_id,
                              skp_id=period["skp_id"])
    return found


def _rhk_of(db, period: dict[str, Any], rhk_id: int) -> dict[str, Any]:
    found = row(db, "SELECT * FROM rhk WHERE id = ? AND skp_id = ?", [rhk_id, period["skp_id"]])
    if found is None:
        raise WorkflowRefused("workflow.rhk.bukan_skp_ini", rhk_id=rhk_id, skp_id=period["skp_id"])
    return found


def evidence_gaps(db, period: dict[str, Any]) -> list[int]:
    """Indikator ids of the SKP still lacking a realisasi or a working bukti dukung link."""
    return [r[0] for r in db.execute(
        "SELECT i.id FROM indikator i JOIN rhk ON rhk.id = i.rhk_id WHERE rhk.skp_id = ? AND ("
        " NOT EXISTS (SELECT 1 FROM realisasi r WHERE r.indikator_id = i.id AND r.skp_periode_id = ?)"
        " OR NOT EXISTS (SELECT 1 FROM bukti_dukung b WHERE b.indikator_id = i.id"
        "  AND b.skp_periode_id = ? AND b.link_status = 'OK')) ORDER BY i.id",
        [period["skp_id"], period["id"], period["id"]]).fetchall()]


def _refresh_evidence(db, store: Store, period: dict[str, Any], actor: str) -> None:
    """EVIDEN_LENGKAP is derived (§1.3-D): every indikator has realisasi and ≥ 1 working link."""
    if period["state"] not in (RENCANA_AKSI_ADA, EVIDEN_LENGKAP):
        return
    complete = not evidence_gaps(db, period)
    if complete and period["state"] == RENCANA_AKSI_ADA:
        log_state(db, store, period, EVIDEN_LENGKAP, actor)
    elif not complete and period["state"] == EVIDEN_LENGKAP:
        log_state(db, store, period, RENCANA_AKSI_ADA, actor)


# -- the pegawai's entries ---------------------------------------------------------------------------
def tambah_rencana_aksi(store: Store, actor: str, skp_periode_id: int, rhk_id: int, deskripsi: str, *,
                        target_nilai: float | None = None, target_satuan: str | None = None,
                        acting_as_nip: str | None = None) -> int:
    """*Rencana Aksi* for one RHK in one period (§1.4 step 11); TERBUKA → RENCANA_AKSI_ADA."""
    check_acting_as(store, actor, acting_as_nip, "periode.rencana_aksi", "skp_periode", skp_periode_id)
    check_texts(("Rencana aksi", deskripsi, MAKS_TEKS), ("Satuan target", target_satuan, MAKS_NAMA))

    def fn(db) -> int:
        period = _own_open_period(db, store, actor, skp_periode_id)
        _rhk_of(db, period, rhk_id)
        if not (deskripsi or "").strip():
            raise WorkflowRefused("workflow.rencana_aksi.kosong")
        _check_number(target_nilai, "target")
        cursor = db.execute("INSERT INTO rencana_aksi (skp_periode_id, rhk_id, deskripsi, target_nilai,"
                            " target_satuan) VALUES (?, ?, ?, ?, ?)",
                            [skp_periode_id, rhk_id, deskripsi.strip(),
                             None if target_nilai is None else float(target_nilai),
                             (target_satuan or "").strip() or None])
        if period["state"] == TERBUKA:
            log_state(db, store, period, RENCANA_AKSI_ADA, actor)
        _refresh_evidence(db, store, period, actor)
        return cursor.lastrowid

    payload = {"skp_periode_id": skp_periode_id, "rhk_id": rhk_id, "deskripsi": deskripsi,
               "target_nilai": target_nilai, "target_satuan": target_satuan}
    return store.apply(actor, acting_as_nip, "periode.rencana_aksi", "skp_periode", skp_periode_id,
                       payload, fn)


def _check_number(value: object, kolom: str) -> None:
    check_number(kolom, value)


def isi_realisasi(store: Store, actor: str, skp_periode_id: int, indikator_id: int, *,
                  nilai: float | None = None, uraian: str | None = None, sumber: str | None = None,
                  acting_as_nip: str | None = None) -> None:
    """*Realisasi* of one indikator in one period (§1.4 step 13); replaces an earlier entry.

    Kuantitatif SKP: a number is required. Kualitatif: a number or a narrative.
    """
    check_acting_as(store, actor, acting_as_nip, "periode.realisasi", "skp_periode", skp_periode_id)
    check_texts(("Uraian realisasi", uraian, MAKS_PANJANG), ("Sumber", sumber, MAKS_NAMA))

    def fn(db) -> None:
        period = _own_open_period(db, store, actor, skp_periode_id)
        _indikator_of(db, period, indikator_id)
        _check_number(nilai, "realisasi")
        text = (uraian or "").strip() or None
        if period["pendekatan"] == "kuantitatif" and nilai is None:
            raise WorkflowRefused("workflow.realisasi.angka_wajib")
        if nilai is None and text is None:
            raise WorkflowRefused("workflow.realisasi.kosong")
        db["realisasi"].upsert({"indikator_id": indikator_id, "skp_periode_id": skp_periode_id,
                                "nilai": None if nilai is None else float(nilai), "uraian": text,
                                "sumber": (sumber or "").strip() or None},
                               pk=("indikator_id", "skp_periode_id"))
        _refresh_evidence(db, store, period, actor)

    payload = {"skp_periode_id": skp_periode_id, "indikator_id": indikator_id, "nilai": nilai,
               "uraian": uraian, "sumber": sumber}
    store.apply(actor, acting_as_nip, "periode.realisasi", "skp_periode", skp_periode_id, payload, fn)


def _valid_url(url: str) -> bool:
    parts = urlparse(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in url


def tambah_bukti(store: Store, actor: str, skp_periode_id: int, indikator_id: int, nama: str, url: str,
                 *, acting_as_nip: str | None = None) -> int:
    """*Bukti Dukung*: a named link to the evidence of one indikator (§1.4 step 13, S13)."""
    check_acting_as(store, actor, acting_as_nip, "periode.bukti", "skp_periode", skp_periode_id)
    check_texts(("Nama bukti dukung", nama, MAKS_NAMA), ("Tautan", url, MAKS_URL))
    link = (url or "").strip()

    def fn(db) -> int:
        period = _own_open_period(db, store, actor, skp_periode_id)
        _indikator_of(db, period, indikator_id)
        if not (nama or "").strip():
            raise WorkflowRefused("workflow.bukti.nama_kosong")
        if not _valid_url(link):
            raise WorkflowRefused("workflow.bukti.url", url=shown(url))
        cursor = db.execute("INSERT INTO bukti_dukung (indikator_id, skp_periode_id, nama, url, link_status)"
                            " VALUES (?, ?, ?, ?, 'OK')", [indikator_id, skp_periode_id, nama.strip(), link])
        _refresh_evidence(db, store, period, actor)
        return cursor.lastrowid

    payload = {"skp_periode_id": skp_periode_id, "indikator_id": indikator_id, "nama": nama, "url": url}
    return store.apply(actor, acting_as_nip, "periode.bukti", "skp_periode", skp_periode_id, payload, fn)


# -- the pejabat penilai -----------------------------------------------------------------------------
def isi_ekspektasi_khusus(store: Store, actor: str, skp_id: int, kode: str, teks: str, *,
                          acting_as_nip: str | None = None) -> None:
    """*Ekspektasi khusus pimpinan* on one BerAKHLAK value (§1.4 step 9), by the pejabat penilai."""
    check_acting_as(store, actor, acting_as_nip, "skp.ekspektasi_khusus", "skp", skp_id)
    check_texts(("Perilaku", kode, MAKS_NAMA), ("Ekspektasi khusus", teks, MAKS_TEKS))
    kode_key = (kode or "").strip().lower().replace(" ", "_")

    def fn(db) -> None:
        skp = row(db, "SELECT * FROM skp WHERE id = ?", [skp_id])
        if skp is None:
            raise WorkflowRefused("workflow.skp_tidak_ada", skp_id=skp_id)
        pejabat = skp["pejabat_nip"] or KEPALA_DAERAH
        if actor == skp["nip"]:
            raise WorkflowRefused("workflow.nilai.diri_sendiri", actor=actor, pejabat=pejabat)
        if actor != pejabat:
            raise WorkflowRefused("workflow.nilai.bukan_pejabat_penilai", actor=actor, nip=skp["nip"],
                                  pejabat=pejabat)
        if skp["status"] not in (SkpStatus.DIAJUKAN, *SKP_ACTIVE):
            raise WorkflowRefused("workflow.skp.status_salah", skp_id=skp_id, status=skp["status"],
                                  perintah="ekspektasi khusus", boleh="DIAJUKAN/DISETUJUI")
        if row(db, "SELECT kode FROM perilaku_master WHERE kode = ?", [kode_key]) is None:
            raise WorkflowRefused("workflow.perilaku.tidak_dikenal", kode=kode)
        if not (teks or "").strip():
            raise WorkflowRefused("workflow.perilaku.ekspektasi_kosong")
        db["perilaku_skp"].upsert({"skp_id": skp_id, "kode": kode_key, "ekspektasi_khusus": teks.strip()},
                                  pk=("skp_id", "kode"))

    store.apply(actor, acting_as_nip, "skp.ekspektasi_khusus", "skp", skp_id,
                {"skp_id": skp_id, "kode": kode, "teks": teks}, fn)


def beri_umpan_balik(store: Store, actor: str, skp_periode_id: int, target_type: str, target_id: object,
                     *, pilihan: list[int] | tuple[int, ...] = (), tambahan: str | None = None,
                     acting_as_nip: str | None = None) -> int:
    """*Umpan balik berkelanjutan* on an indikator, RHK or behaviour (§1.4 step 14, S14)."""
    check_acting_as(store, actor, acting_as_nip, "periode.umpan_balik", "skp_periode", skp_periode_id)
    check_texts(("Jenis umpan balik", target_type, MAKS_NAMA),
                ("Umpan balik tambahan", tambahan, MAKS_PANJANG),
                ("Perilaku", target_id if isinstance(target_id, str) else None, MAKS_NAMA))
    if pilihan is not None and not isinstance(pilihan, list | tuple):
        raise WorkflowRefused("workflow.umpan_balik.pilihan", pilihan=shown(pilihan))
    kind = (target_type or "").strip().lower()
    chosen = list(pilihan or ())

    def fn(db) -> int:
        period = _rater_period(db, store, actor, skp_periode_id, RATEABLE_STATES, "umpan balik")
        if kind not in TARGET_TYPES:
            raise WorkflowRefused("workflow.umpan_balik.jenis", jenis=target_type)
        target = target_id
        if kind in ("indikator", "rhk") and _as_id(target_id) is None:
            code = "workflow.indikator.bukan_skp_ini" if kind == "indikator" else "workflow.rhk.bukan_skp_ini"
            raise WorkflowRefused(code, indikator_id=shown(target_id), rhk_id=shown(target_id),
                                  skp_id=period["skp_id"])
        if kind == "indikator":
            _indikator_of(db, period, target_id)
        elif kind == "rhk":
            _rhk_of(db, period, target_id)
        else:
            target = str(target_id or "").strip().lower().replace(" ", "_")
            if row(db, "SELECT kode FROM perilaku_master WHERE kode = ?", [target]) is None:
                raise WorkflowRefused("workflow.perilaku.tidak_dikenal", kode=target_id)
        known = {r[0] for r in db.execute("SELECT id FROM umpan_balik_master")}
        unknown = [c for c in chosen if isinstance(c, bool) or not isinstance(c, int) or c not in known]
        if unknown:
            raise WorkflowRefused("workflow.umpan_balik.pilihan", pilihan=shown(unknown))
        text = (tambahan or "").strip() or None
        if not chosen and text is None:
            raise WorkflowRefused("workflow.umpan_balik.kosong")
        cursor = db.execute("INSERT INTO umpan_balik (skp_periode_id, target_type, target_id, pilihan,"
                            " tambahan, by_nip, virtual_ts) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            [skp_periode_id, kind, target, json.dumps(chosen), text,
                             None if actor in PSEUDO_ACTORS else actor, store.current.virtual_now])
        return cursor.lastrowid

    payload = {"skp_periode_id": skp_periode_id, "target_type": target_type, "target_id": target_id,
               "pilihan": chosen, "tambahan": tambahan}
    return store.apply(actor, acting_as_nip, "periode.umpan_balik", "skp_periode", skp_periode_id,
                       payload, fn)


def _as_id(value: object) -> int | None:
    """A row id as a screen passes it (an int, or its digits as text), or None if it cannot be one."""
    if isinstance(value, str) and value.isascii() and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 2**63:
        return None
    return value


def normalise_rating(value: object) -> str | None:
    """'Di Atas Ekspektasi', 'di atas', 'DI_ATAS' → 'di_atas'; None stays None; else unchanged."""
    if value is None:
        return None
    key = str(value).strip().lower().replace("-", " ").replace("_", " ")
    key = key.removesuffix(" ekspektasi").strip().replace(" ", "_")
    return key


def unit_led_by(db, nip: str) -> dict[str, Any] | None:
    return row(db, "SELECT * FROM unor WHERE pimpinan_nip = ? AND aktif = 1 ORDER BY id LIMIT 1", [nip])


def nilai(store: Store, actor: str, skp_periode_id: int, *, rating_pk: str, rating_hk: str | None = None,
          acting_as_nip: str | None = None) -> str:
    """Set Rating HK and Rating PK; the predikat comes from the pack (§1.4 step 15). Returns it.

    A unit head's Rating HK is the unit's capaian organisasi through the pack's
    `rating_hasil_kerja_pimpinan` (W9); giving a different one is refused.
    """
    check_acting_as(store, actor, acting_as_nip, "periode.nilai", "skp_periode", skp_periode_id)
    check_texts(("Rating Perilaku", rating_pk if isinstance(rating_pk, str) else None, MAKS_NAMA),
                ("Rating Hasil Kerja", rating_hk if isinstance(rating_hk, str) else None, MAKS_NAMA))
    hk_given, pk = normalise_rating(rating_hk), normalise_rating(rating_pk)

    def fn(db) -> str:
        period = _rater_period(db, store, actor, skp_periode_id, RATEABLE_STATES, "nilai")
        if pk not in RATINGS:
            raise WorkflowRefused("workflow.nilai.rating_salah", jenis="Rating Perilaku", nilai=rating_pk)
        if hk_given is not None and hk_given not in RATINGS:
            raise WorkflowRefused("workflow.nilai.rating_salah", jenis="Rating Hasil Kerja", nilai=rating_hk)
        unit = unit_led_by(db, period["nip"])
        capaian = None
        if unit is not None:
            found = row(db, "SELECT predikat_org FROM capaian_organisasi WHERE unor_id = ? AND"
                            " periode_master_id = ?", [unit["id"], period["master_id"]])
            if found is None:
                raise WorkflowRefused("workflow.nilai.capaian_belum_ada", unit=unit["nama"],
                                      periode=period["periode_nama"])
            capaian = found["predikat_org"]
            derived = decide(store, db, "rating_hasil_kerja_pimpinan", {"predikat_organisasi": capaian},
                             skp_periode_id=skp_periode_id).outputs["rating_hasil_kerja"]
            if hk_given is not None and hk_given != derived:
                raise WorkflowRefused("workflow.nilai.hk_pimpinan", unit=unit["nama"], capaian=capaian,
                                      turunan=derived, diberikan=hk_given)
            hk = derived
        elif hk_given is None:
            raise WorkflowRefused("workflow.nilai.hk_wajib")
        else:
            hk = hk_given
        predikat = decide(store, db, "predikat", {"rating_hasil_kerja": hk, "rating_perilaku": pk},
                          skp_periode_id=skp_periode_id).outputs["predikat"]
        db.execute("UPDATE skp_periode SET rating_hk = ?, rating_pk = ?, predikat = ?, capaian_org = ?,"
                   " dinilai_oleh = ?, dinilai_at = ? WHERE id = ?",
                   [hk, pk, predikat, capaian, None if actor in PSEUDO_ACTORS else actor,
                    store.current.virtual_now, skp_periode_id])
        log_state(db, store, period, DINILAI, actor, f"predikat {predikat}")
        return predikat

    payload = {"skp_periode_id": skp_periode_id, "rating_hk": rating_hk, "rating_pk": rating_pk}
    return store.apply(actor, acting_as_nip, "periode.nilai", "skp_periode", skp_periode_id, payload, fn)


def who_sets_capaian(db, unit: dict[str, Any]) -> str:
    """The superior organisation sets a unit's capaian (W9): the unit head's own superior, or the
    head of region for the top unit."""
    if not unit["pimpinan_nip"]:
        return KEPALA_DAERAH
    head = row(db, "SELECT atasan_nip FROM pegawai WHERE nip = ?", [unit["pimpinan_nip"]])
    return (head or {}).get("atasan_nip") or KEPALA_DAERAH


def tetapkan_capaian_organisasi(store: Store, actor: str, unor_id: str, master_id: int, predikat_org: str,
                                *, acting_as_nip: str | None = None) -> None:
    """Set a unit's *capaian kinerja organisasi* for one period (§1.4 step 15-16, W9)."""
    check_acting_as(store, actor, acting_as_nip, "unor.capaian", "unor", unor_id)
    check_texts(("Capaian organisasi", predikat_org, MAKS_NAMA))
    value = (predikat_org or "").strip().lower().replace(" ", "_")

    def fn(db) -> None:
        unit = row(db, "SELECT * FROM unor WHERE id = ?", [unor_id])
        if unit is None:
            raise WorkflowRefused("workflow.unor_tidak_ada", unor_id=unor_id)
        if row(db, "SELECT id FROM periode_penilaian_master WHERE id = ?", [master_id]) is None:
            raise WorkflowRefused("workflow.periode.tidak_ada", master_id=master_id)
        setter = who_sets_capaian(db, unit)
        if actor != setter:
            raise WorkflowRefused("workflow.capaian.bukan_atasan", actor=actor, unit=unit["nama"],
                                  penetap=setter)
        allowed = pack_for(db, "rating_hasil_kerja_pimpinan").decisions[
            "rating_hasil_kerja_pimpinan"].inputs["predikat_organisasi"].values
        if value not in allowed:
            raise WorkflowRefused("workflow.capaian.nilai", nilai=predikat_org, boleh=", ".join(allowed))
        if unit["pimpinan_nip"]:
            locked = row(db, "SELECT sp.state FROM skp_periode sp JOIN skp s ON s.id = sp.skp_id"
                             " WHERE s.nip = ? AND sp.master_id = ? AND sp.state IN (?, ?, ?, ?)",
                         [unit["pimpinan_nip"], master_id, *LOCKED_STATES])
            if locked:
                raise WorkflowRefused("workflow.capaian.terkunci", unit=unit["nama"], state=locked["state"])
        db["capaian_organisasi"].upsert({"unor_id": unor_id, "periode_master_id": master_id,
                                         "predikat_org": value, "ditetapkan_oleh": actor},
                                        pk=("unor_id", "periode_master_id"))

    store.apply(actor, acting_as_nip, "unor.capaian", "unor", unor_id,
                {"unor_id": unor_id, "master_id": master_id, "predikat_org": predikat_org}, fn)


def _ancestors(db, unor_id: str | None) -> list[str]:
    chain = []
    while unor_id and unor_id not in chain:
        chain.append(unor_id)
        parent = row(db, "SELECT parent_id FROM unor WHERE id = ?", [unor_id])
        unor_id = parent["parent_id"] if parent else None
    return chain


def finalkan(store: Store, actor: str, skp_periode_id: int, *, acting_as_nip: str | None = None) -> None:
    """The rater fixes the result before batas pengisian: DINILAI → TERKUNCI (§1.3-D).

    Refused while the latest curve check of the pegawai's unit (or a unit above it) for this period
    is MELANGGAR: the rater must re-rate and have the curve checked again first.
    """
    check_acting_as(store, actor, acting_as_nip, "periode.finalkan", "skp_periode", skp_periode_id)

    def fn(db) -> None:
        period = _rater_period(db, store, actor, skp_periode_id, (DINILAI,), "finalkan")
        owner = row(db, "SELECT unor_id FROM pegawai WHERE nip = ?", [period["nip"]])
        for unit_id in _ancestors(db, owner["unor_id"] if owner else None):
            latest = row(db, "SELECT result FROM distribusi_check WHERE unor_id = ?"
                             " AND periode_master_id = ? ORDER BY id DESC LIMIT 1",
                         [unit_id, period["master_id"]])
            if latest and latest["result"] == "MELANGGAR":
                raise WorkflowRefused("workflow.finalkan.kurva_melanggar", unor_id=unit_id)
        log_state(db, store, period, TERKUNCI, actor, "difinalkan pejabat penilai")
        db.execute("UPDATE skp_periode SET locked_at = ? WHERE id = ?",
                   [store.current.virtual_now, skp_periode_id])

    store.apply(actor, acting_as_nip, "periode.finalkan", "skp_periode", skp_periode_id,
                {"skp_periode_id": skp_periode_id}, fn)
