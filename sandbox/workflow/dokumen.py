"""The *Dokumen Evaluasi Kinerja* (§1.4 step 17; REGULATIONS.md "Dokumen evaluasi kinerja").

`terbitkan_dokumen` issues it (TERKUNCI → DOKUMEN_TERBIT) and stamps the virtual time the pegawai
received the result, from which the keberatan window counts. `dokumen_evaluasi` gathers its content
for a screen or a print: identities, capaian organisasi, the Hasil Kerja table (RHK, indikator,
target, perspektif, realisasi, bukti dukung, umpan balik), the Perilaku Kerja table (7 BerAKHLAK,
ekspektasi khusus, umpan balik), the two ratings and the predikat. The exact annual-document fields
are UNCERTAIN in the sources; this is the structure they agree on.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from sandbox.store import Store
from sandbox.workflow.errors import WorkflowRefused
from sandbox.workflow.penilaian import period_row, rater_of
from sandbox.workflow.periode import DINILAI, LOCKED_STATES, TERKUNCI, log_state
from sandbox.workflow.rulebook import pack_for
from sandbox.workflow.support import check_acting_as, row, rows
from sandbox.workflow.views import check_reader


@dataclass(frozen=True)
class DokumenEvaluasi:
    skp_periode_id: int
    periode: str
    state: str
    pegawai: dict
    pejabat_penilai: dict
    atasan_pejabat_penilai: dict
    capaian_organisasi: str | None
    hasil_kerja: list = field(default_factory=list)
    perilaku_kerja: list = field(default_factory=list)
    rating_hasil_kerja: str | None = None
    rating_perilaku: str | None = None
    predikat: str | None = None
    diterbitkan: str | None = None
    unit: str | None = None  # the unit kerja of the pegawai rated
    tempat: str | None = None  # where it is signed: the region of the instansi
    kata: dict = field(default_factory=dict)  # the pack's words for ratings, predikat and capaian


def _person(db, nip: str | None, fallback: str) -> dict:
    """Who signs: the identity block of the official form (nama, NIP, pangkat/golongan, jabatan,
    unit kerja)."""
    if not nip:
        return {"nip": None, "nama": fallback, "jabatan": fallback, "pangkat": None, "unit": None}
    found = row(db, "SELECT p.nip, p.nama, p.jabatan, p.golru, p.jenis_asn, u.nama AS unit FROM pegawai p"
                    " LEFT JOIN unor u ON u.id = p.unor_id WHERE p.nip = ?", [nip])
    if found is None:
        return {"nip": nip, "nama": nip, "jabatan": "-", "pangkat": None, "unit": None}
    return {**found, "pangkat": _pangkat(found["golru"], found["jenis_asn"])}


def _pangkat(golru: str | None, jenis_asn: str | None) -> str | None:
    """'Penata Muda (III/a)' for a PNS, 'Golongan IX' for a PPPK; the golongan as written if unknown."""
    from sandbox.domain.asn import Golongan, JenisAsn

    for jenis in JenisAsn:
        if jenis_asn in (None, jenis.value):
            try:
                return Golongan.of(jenis, golru).label
            except ValueError:
                pass
    return golru


def _tempat(db) -> str | None:
    """The place a document is signed: the region in the instansi's name ('Pemerintah Kabupaten
    Banua Raya' → 'Banua Raya')."""
    found = row(db, "SELECT nama FROM instansi ORDER BY id LIMIT 1", [])
    if not found or not found["nama"]:
        return None
    region = re.sub(r"^(Pemerintah\s+)?(Kabupaten|Kota|Provinsi)\s+", "", found["nama"]).strip()
    return region or found["nama"]


def kata_aturan(db) -> dict:
    """The pack's own words for the coded values a document prints: {value: word}."""
    decision = pack_for(db, "predikat").decisions["predikat"]
    words = {}
    for spec in (*decision.inputs.values(), *decision.outputs.values()):
        words.update(getattr(spec, "labels", {}) or {})
    kurva = pack_for(db, "kurva").decisions["kurva"].inputs.get("predikat_organisasi")
    if kurva is not None:
        words.update({f"org:{k}": v for k, v in kurva.labels.items()})
    return words


def _feedback(db, skp_periode_id: int, kind: str, target: object) -> list[str]:
    texts = {r["id"]: r["teks"] for r in rows(db, "SELECT id, teks FROM umpan_balik_master", [])}
    out = []
    for fb in rows(db, "SELECT pilihan, tambahan FROM umpan_balik WHERE skp_periode_id = ?"
                       " AND target_type = ? AND target_id = ? ORDER BY id", [skp_periode_id, kind, target]):
        out.extend(texts.get(i, str(i)) for i in json.loads(fb["pilihan"] or "[]"))
        if fb["tambahan"]:
            out.append(fb["tambahan"])
    return out


def read_dokumen(db, skp_periode_id: int) -> DokumenEvaluasi:
    period = period_row(db, skp_periode_id)
    if period["state"] not in (DINILAI, *LOCKED_STATES):
        raise WorkflowRefused("workflow.dokumen.belum_dinilai", periode=period["periode_nama"],
                              state=period["state"])
    hasil = []
    for rhk in rows(db, "SELECT * FROM rhk WHERE skp_id = ? ORDER BY id", [period["skp_id"]]):
        indikators = []
        for ind in rows(db, "SELECT * FROM indikator WHERE rhk_id = ? ORDER BY id", [rhk["id"]]):
            real = row(db, "SELECT nilai, uraian, sumber FROM realisasi WHERE indikator_id = ? AND"
                           " skp_periode_id = ?", [ind["id"], skp_periode_id]) or {}
            links = rows(db, "SELECT nama, url, link_status FROM bukti_dukung WHERE indikator_id = ? AND"
                             " skp_periode_id = ? ORDER BY id", [ind["id"], skp_periode_id])
            indikators.append({"id": ind["id"], "teks": ind["teks"], "aspek": ind["aspek"],
                               "target": ind["target_nilai"], "satuan": ind["target_satuan"],
                               "perspektif": ind["perspektif"], "realisasi": real.get("nilai"),
                               "uraian": real.get("uraian"), "bukti_dukung": links,
                               "umpan_balik": _feedback(db, skp_periode_id, "indikator", ind["id"])})
        hasil.append({"id": rhk["id"], "jenis": rhk["jenis"], "teks": rhk["teks"], "indikator": indikators,
                      "umpan_balik": _feedback(db, skp_periode_id, "rhk", rhk["id"])})
    perilaku = []
    for pm in rows(db, "SELECT kode, nama, uraian FROM perilaku_master ORDER BY rowid", []):
        khusus = row(db, "SELECT ekspektasi_khusus FROM perilaku_skp WHERE skp_id = ? AND kode = ?",
                     [period["skp_id"], pm["kode"]])
        perilaku.append({**pm, "ekspektasi_khusus": (khusus or {}).get("ekspektasi_khusus"),
                         "umpan_balik": _feedback(db, skp_periode_id, "perilaku", pm["kode"])})
    return DokumenEvaluasi(
        skp_periode_id=skp_periode_id, periode=period["periode_nama"], state=period["state"],
        pegawai=_person(db, period["nip"], "-"),
        pejabat_penilai=_person(db, period["pejabat_nip"], "Kepala Daerah"),
        atasan_pejabat_penilai=_person(db, period["atasan_pp_nip"], "Kepala Daerah"),
        capaian_organisasi=period["capaian_org"], hasil_kerja=hasil, perilaku_kerja=perilaku,
        rating_hasil_kerja=period["rating_hk"], rating_perilaku=period["rating_pk"],
        predikat=period["predikat"], diterbitkan=period["dokumen_terbit_at"],
        unit=(row(db, "SELECT u.nama FROM pegawai p JOIN unor u ON u.id = p.unor_id WHERE p.nip = ?",
                  [period["nip"]]) or {}).get("nama"),
        tempat=_tempat(db), kata=kata_aturan(db))


def dokumen_evaluasi(store: Store, skp_periode_id: int, *, reader: str) -> DokumenEvaluasi:
    """The document's content (read only): available once the period is rated, to those who may
    see the SKP (`views.check_reader`)."""
    found = row(store.db, "SELECT skp_id FROM skp_periode WHERE id = ?", [skp_periode_id])
    if found is None:
        raise WorkflowRefused("workflow.periode_skp_tidak_ada", skp_periode_id=skp_periode_id)
    check_reader(store, reader, found["skp_id"])
    return read_dokumen(store.db, skp_periode_id)


def terbitkan_dokumen(store: Store, actor: str, skp_periode_id: int, *,
                      acting_as_nip: str | None = None) -> DokumenEvaluasi:
    """Issue the document: TERKUNCI → DOKUMEN_TERBIT; the owner or the rater may do it."""
    check_acting_as(store, actor, acting_as_nip, "periode.dokumen", "skp_periode", skp_periode_id)

    def fn(db) -> DokumenEvaluasi:
        period = period_row(db, skp_periode_id)
        if actor not in (period["nip"], rater_of(period)):
            raise WorkflowRefused("workflow.dokumen.hak", actor=actor, nip=period["nip"],
                                  pejabat=rater_of(period))
        if period["state"] != TERKUNCI:
            raise WorkflowRefused("workflow.periode.status_salah", periode=period["periode_nama"],
                                  state=period["state"], perintah="terbitkan dokumen", boleh=TERKUNCI)
        db.execute("UPDATE skp_periode SET dokumen_terbit_at = ? WHERE id = ?",
                   [store.current.virtual_now, skp_periode_id])
        log_state(db, store, period, "DOKUMEN_TERBIT", actor)
        return read_dokumen(db, skp_periode_id)

    return store.apply(actor, acting_as_nip, "periode.dokumen", "skp_periode", skp_periode_id,
                       {"skp_periode_id": skp_periode_id}, fn)
