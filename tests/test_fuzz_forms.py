"""Generated bad inputs for every form field a user fills (issue #7, family "form fields").

Each field below names one workflow command a screen calls and the value a user types into it.
Hypothesis draws hostile values (tests/fuzz_forms_support.py): 100k-character pastes, empty and
blank text, RTL, emoji, combining marks, NUL and other control characters, lone surrogates, NaN,
infinities, negatives, huge numbers, impossible dates and dates in other calendars. Every example
runs the real command on a fresh copy of a practice office and must either

- be accepted, with the value stored as given (or normalised as documented: whitespace stripped,
  enum choices lower-cased) and within the documented limits (no control characters, a length cap,
  a finite number between 0 and 10^12, a Masehi year 2000–2100); or
- be refused with `WorkflowRefused`/`StoreError`/`ClassError`, the message Indonesian first with
  an English twin and saying what to do, and the file's content hash unchanged.

Anything else (another exception, a changed file on refusal, a stored NUL) is a failure. The
examples that found bugs are kept as explicit `@example`s / regression tests at the end.

`run_family(n)` drives the same property without pytest, for bench/reliability.py.
"""

from __future__ import annotations

import math
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sandbox.workflow.support import MAKS_NAMA, MAKS_PANJANG, MAKS_TEKS, MAKS_URL
from tests.fuzz_forms_support import (
    KABID,
    KASI,
    PEL,
    PEL_BARU,
    PEL_DRAFT,
    PEL_KUAL,
    UNIT_SEKSI,
    OfficeTemplate,
    Outcome,
    build_class_template,
    build_office_template,
    copy_db,
    hostile_date,
    hostile_number,
    hostile_text,
    hostile_time,
    number_problem,
    refusal_problem,
    scratch_dir,
    spread,
    text_problem,
)

EXAMPLES_PER_FIELD = 30


# -- what each field is -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Field:
    """One form field: the values to try, how to submit one, and how to check an accepted one.

    `run(store, ids, value)` submits the form; `stored(store, ids, value, result)` returns why the
    stored row is wrong (None if right) after an accepted submission.
    """

    name: str
    values: st.SearchStrategy
    run: Callable[[Any, dict, Any], Any]
    stored: Callable[[Any, dict, Any, Any], str | None]
    on: str = "office"  # "office" or "class": which template the form works on


def _q(store, sql: str, params: list) -> Any:
    found = store.conn.execute(sql, params).fetchone()
    return found[0] if found else None


def _same_text(stored_value: Any, given: Any, maks: int, *, strip: bool = True,
               empty_is_none: bool = False) -> str | None:
    """The stored text is the given one (stripped) and within the limits."""
    expected = given.strip() if strip and isinstance(given, str) else given
    if empty_is_none and not expected:
        expected = None
    if stored_value != expected:
        return f"stored {str(stored_value)[:80]!r} for {str(given)[:80]!r}"
    return text_problem(stored_value, maks) if isinstance(stored_value, str) else None


def _enum(stored_value: Any, given: Any, allowed: tuple[str, ...]) -> str | None:
    if stored_value not in allowed:
        return f"stored {str(stored_value)[:80]!r}, not one of {allowed}"
    if str(given).strip().lower().replace(" ", "_") != stored_value.replace(" ", "_"):
        return f"stored {stored_value!r} for {str(given)[:80]!r}"
    return None


def _enum_values(*choices: str) -> st.SearchStrategy:
    """A known choice as a user might type it (case, padding), or hostile text."""
    variants = []
    for choice in choices:
        variants += [choice, choice.upper(), f"  {choice.title()} ", f"{choice}\x00", f"{choice}\u200b",
                     choice.replace(" ", "_"), f"{choice}\ud800", choice * 5000]
    return st.one_of(st.sampled_from(variants), hostile_text)


def _number_stored(stored_value: Any, given: Any) -> str | None:
    problem = number_problem(given)
    if problem:
        return f"accepted: {problem}"
    if stored_value is None and given is None:
        return None
    if stored_value is None or not math.isclose(stored_value, float(given), rel_tol=1e-12):
        return f"stored {stored_value!r} for {given!r}"
    return None


def _wf():
    import sandbox.workflow as wf
    return wf


def _ok(*_args) -> str | None:
    return None


# -- the SKP forms (pegawai) -----------------------------------------------------------------------------
def _buat_skp_tahun(store, ids, value):
    return _wf().buat_skp(store, PEL_BARU, value, "kuantitatif")


def _buat_skp_tahun_stored(store, ids, value, skp_id):
    awal, akhir = store.conn.execute("SELECT periode_awal, periode_akhir FROM skp WHERE id = ?",
                                     [skp_id]).fetchone()
    if isinstance(value, bool) or not isinstance(value, int) or not 2000 <= value <= 2100:
        return f"an SKP for year {value!r} was made ({awal}..{akhir})"
    if (awal, akhir) != (f"{value}-01-01", f"{value}-12-31"):
        return f"stored {awal}..{akhir} for {value}"
    return None


def _buat_skp_periode(store, ids, value):
    awal, akhir = value
    return _wf().buat_skp(store, PEL_BARU, 2026, "kuantitatif", periode_awal=awal, periode_akhir=akhir)


def _buat_skp_periode_stored(store, ids, value, skp_id):
    awal, akhir = store.conn.execute("SELECT periode_awal, periode_akhir FROM skp WHERE id = ?",
                                     [skp_id]).fetchone()
    if (awal[4:], akhir[4:]) != ("-01-01", "-12-31") or awal[:4] != akhir[:4]:
        return f"stored a non-calendar-year period {awal!r}..{akhir!r} for {value!r}"
    if not 2000 <= int(awal[:4]) <= 2100:
        return f"stored a period in year {awal[:4]} for {value!r}"
    return None


def _tambah_rhk(**kwargs):
    def run(store, ids, value):
        args = {"teks": "Terlaksananya layanan", "jenis": "utama", "induk_rhk_id": ids["rhk_kasi"]}
        args.update({k: (value if v is None else v) for k, v in kwargs.items()})
        teks, jenis = args.pop("teks"), args.pop("jenis")
        return _wf().tambah_rhk(store, PEL_DRAFT, ids["skp_draft"], teks, jenis, **args)
    return run


def _rhk_row(store, rhk_id) -> dict:
    cursor = store.conn.execute("SELECT * FROM rhk WHERE id = ?", [rhk_id])
    return dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))


def _tambah_indikator(store, ids, value, *, rhk="rhk_draft", nip=PEL_DRAFT, **override):
    args = {"teks": "Jumlah berkas terverifikasi", "aspek": "kuantitas", "target_nilai": 10,
            "target_satuan": "berkas", "perspektif": None}
    args.update({k: (value if v is None else v) for k, v in override.items()})
    teks = args.pop("teks")
    return _wf().tambah_indikator(store, nip, ids[rhk], teks, **args)


def _ind_row(store, ind_id) -> dict:
    cursor = store.conn.execute("SELECT * FROM indikator WHERE id = ?", [ind_id])
    return dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))


def _lampiran(block: str):
    def run(store, ids, value):
        blocks = {"dukungan_sd": "1 PC", "skema_pj": "Laporan", "konsekuensi": "Teguran", block: value}
        return _wf().isi_lampiran(store, PEL_DRAFT, ids["skp_draft"], **blocks)

    def stored(store, ids, value, _result):
        got = _q(store, f"SELECT {block} FROM lampiran WHERE skp_id = ?", [ids["skp_draft"]])
        return _same_text(got, value, MAKS_PANJANG, strip=False)  # kept as typed
    return run, stored


def _last_status_note(store, skp_id) -> Any:
    return _q(store, "SELECT catatan FROM skp_status_log WHERE skp_id = ? ORDER BY id DESC LIMIT 1", [skp_id])


# -- the assessment forms -----------------------------------------------------------------------------
def _rencana_aksi(store, ids, value, **override):
    args = {"deskripsi": "Verifikasi berkas", "target_nilai": 5, "target_satuan": "berkas"}
    args.update({k: (value if v is None else v) for k, v in override.items()})
    deskripsi = args.pop("deskripsi")
    return _wf().tambah_rencana_aksi(store, PEL, ids["p_pel"], ids["rhk_pel"], deskripsi, **args)


def _ra_row(store, ra_id) -> dict:
    cursor = store.conn.execute("SELECT * FROM rencana_aksi WHERE id = ?", [ra_id])
    return dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))


def _realisasi(store, ids, value, **override):
    args = {"nilai": 3, "uraian": None, "sumber": None}
    args.update({k: (value if v is None else v) for k, v in override.items()})
    return _wf().isi_realisasi(store, PEL, ids["p_pel"], ids["ind_pel"], **args)


def _realisasi_row(store, ids) -> dict:
    cursor = store.conn.execute("SELECT * FROM realisasi WHERE skp_periode_id = ? AND indikator_id = ?",
                                [ids["p_pel"], ids["ind_pel"]])
    return dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))


def _bukti(store, ids, value, **override):
    args = {"nama": "Rekap layanan", "url": "https://drive.example.go.id/rekap"}
    args.update({k: (value if v is None else v) for k, v in override.items()})
    return _wf().tambah_bukti(store, PEL, ids["p_pel"], ids["ind_pel"], args["nama"], args["url"])


def _bukti_row(store, bukti_id) -> dict:
    cursor = store.conn.execute("SELECT * FROM bukti_dukung WHERE id = ?", [bukti_id])
    return dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))


def _url_values() -> st.SearchStrategy:
    good = "https://drive.example.go.id/berkas"
    return st.one_of(
        hostile_text,
        st.sampled_from([
            good, f" {good} ", f"{good}\x00", f"{good}\n", "http://", "https://", "ftp://x.go.id/a",
            "javascript:alert(1)", "file:///etc/passwd", "https://exa mple.go.id", "https://contoh.id/ب",
            "https://[::1]:99999/", "https://user:pass@host/", "https://host/" + "a" * 100_000,
            "https://xn--80ak6aa92e.com/", "https://例え.jp/パス", "HTTPS://DRIVE.EXAMPLE.GO.ID/A",
            "https://drive.example.go.id/\ud800", "//drive.example.go.id/x", "https:\\\\host\\x",
        ]),
        st.text(max_size=40).map(lambda t: "https://drive.example.go.id/" + t),
    )


def _umpan_balik(store, ids, value, **override):
    args = {"target_type": "indikator", "target_id": ids["ind_pel"], "pilihan": (), "tambahan": "Bagus"}
    args.update({k: (value if v is None else v) for k, v in override.items()})
    kind, target = args.pop("target_type"), args.pop("target_id")
    return _wf().beri_umpan_balik(store, KASI, ids["p_pel"], kind, target, **args)


def _ub_row(store, ub_id) -> dict:
    cursor = store.conn.execute("SELECT * FROM umpan_balik WHERE id = ?", [ub_id])
    return dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))


def _rating_values() -> st.SearchStrategy:
    return st.one_of(_enum_values("di atas", "sesuai", "di bawah"),
                     st.sampled_from(["Di Atas Ekspektasi", "DI-BAWAH", "di__atas", "ekspektasi", " _ "]),
                     st.sampled_from([None, 1, 0.5, ["sesuai"]]))


def _nilai_stored(store, ids, value, predikat):
    hk, pk = store.conn.execute("SELECT rating_hk, rating_pk FROM skp_periode WHERE id = ?",
                                [ids["p_pel"]]).fetchone()
    if hk not in ("di_atas", "sesuai", "di_bawah") or pk not in ("di_atas", "sesuai", "di_bawah"):
        return f"stored ratings {hk!r}/{pk!r} for {str(value)[:80]!r}"
    return None


def _periode(store, ids, value, **override):
    args = {"nama": "Semester Uji 2027", "awal": "2027-01-01", "akhir": "2027-06-30",
            "batas_pengisian": "2027-07-10", "jenis": "semesteran", "tahun": 2027}
    args.update({k: (value if v is None else v) for k, v in override.items()})
    return _wf().buat_periode(store, "ADMIN_INSTANSI", args["nama"], args["awal"], args["akhir"],
                              args["batas_pengisian"], args["jenis"], args["tahun"])


def _periode_stored(store, ids, value, master_id):
    cursor = store.conn.execute("SELECT * FROM periode_penilaian_master WHERE id = ?", [master_id])
    found = dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))
    problem = text_problem(found["nama"], MAKS_NAMA)
    if problem:
        return problem
    for column in ("awal", "akhir", "batas_pengisian"):
        text = found[column]
        if len(text) != 10 or not 2000 <= int(text[:4]) <= 2100:
            return f"stored {column} {text!r} for {str(value)[:80]!r}"
    return None


def _jam_stored(store, ids, value, _result):
    now = store.virtual_now()
    if not now.endswith("+07:00") or not 2000 <= int(now[:4]) <= 2100:
        return f"clock stored as {now!r} for {str(value)[:80]!r}"
    return None


def _class_seat_name(store, ids, value):
    from sandbox.training import classroom
    seat, nama = value
    return classroom.name_seat(store, 1, seat, nama)


def _class_seat_name_stored(store, ids, value, _result):
    seat, nama = value
    got = _q(store, "SELECT nama_peserta FROM kursi WHERE kelas_id = 1 AND no = ?", [seat])
    expected = " ".join((nama or "").split())[:80] or None
    if got != expected:
        return f"seat {seat} named {str(got)[:80]!r} for {str(nama)[:80]!r}"
    return text_problem(got, 80) if got else None


def _class_clock(store, ids, value):
    from sandbox.training import classroom
    return classroom.move_clock(store, 1, value)


FIELDS: list[Field] = [
    # Tambah SKP
    Field("buat_skp.tahun", st.one_of(
        st.sampled_from([1447, 2569, 1959, 1999, 2101, 0, -2026, 10**30, 2026.0, "2026", None, True, 9999]),
        st.integers(-(10**6), 10**6)), _buat_skp_tahun, _buat_skp_tahun_stored),
    Field("buat_skp.periode", st.tuples(hostile_date, hostile_date) | st.sampled_from([
        ("20260101", "20261231"), ("2026-W01-4", "2026-W53-4"), ("2026-001", "2026-365"),
        ("1447-01-01", "1447-12-31"), ("2569-01-01", "2569-12-31")]),
        _buat_skp_periode, _buat_skp_periode_stored),
    Field("buat_skp.pendekatan", _enum_values("kuantitatif", "kualitatif"),
          lambda store, ids, v: _wf().buat_skp(store, PEL_BARU, 2026, v),
          lambda store, ids, v, skp_id: _enum(_q(store, "SELECT pendekatan FROM skp WHERE id = ?", [skp_id]),
                                              v, ("kuantitatif", "kualitatif"))),
    # Tambah RHK
    Field("tambah_rhk.teks", hostile_text, _tambah_rhk(teks=None),
          lambda store, ids, v, rid: _same_text(_rhk_row(store, rid)["teks"], v, MAKS_TEKS)),
    Field("tambah_rhk.jenis", _enum_values("utama", "tambahan"), _tambah_rhk(jenis=None),
          lambda store, ids, v, rid: _enum(_rhk_row(store, rid)["jenis"], v, ("utama", "tambahan"))),
    Field("tambah_rhk.klasifikasi", _enum_values("organisasi", "individu"), _tambah_rhk(klasifikasi=None),
          lambda store, ids, v, rid: None if not v and _rhk_row(store, rid)["klasifikasi"] is None
          else _enum(_rhk_row(store, rid)["klasifikasi"], v, ("organisasi", "individu"))),
    Field("tambah_rhk.penugasan_dari", hostile_text, _tambah_rhk(penugasan_dari=None),
          lambda store, ids, v, rid: _same_text(_rhk_row(store, rid)["penugasan_dari"], v, MAKS_NAMA,
                                                strip=False)),  # kept as typed
    Field("ubah_rhk.teks", hostile_text,
          lambda store, ids, v: _wf().ubah_rhk(store, PEL_DRAFT, ids["rhk_draft"], teks=v),
          lambda store, ids, v, _r: _same_text(_rhk_row(store, ids["rhk_draft"])["teks"], v, MAKS_TEKS)),
    # Tambah Indikator
    Field("tambah_indikator.teks", hostile_text, lambda s, i, v: _tambah_indikator(s, i, v, teks=None),
          lambda store, ids, v, iid: _same_text(_ind_row(store, iid)["teks"], v, MAKS_TEKS)),
    Field("tambah_indikator.teks_kualitatif", hostile_text,
          lambda s, i, v: _tambah_indikator(s, i, v, rhk="rhk_kual", nip=PEL_KUAL, teks=None),
          lambda store, ids, v, iid: _same_text(_ind_row(store, iid)["teks"], v, MAKS_TEKS)),
    Field("tambah_indikator.target_nilai", hostile_number,
          lambda s, i, v: _tambah_indikator(s, i, v, target_nilai=None),
          lambda store, ids, v, iid: _number_stored(_ind_row(store, iid)["target_nilai"], v)),
    Field("tambah_indikator.target_nilai_kualitatif", hostile_number,
          lambda s, i, v: _tambah_indikator(s, i, v, rhk="rhk_kual", nip=PEL_KUAL, target_nilai=None),
          lambda store, ids, v, iid: _number_stored(_ind_row(store, iid)["target_nilai"], v)),
    Field("tambah_indikator.target_satuan", hostile_text,
          lambda s, i, v: _tambah_indikator(s, i, v, target_satuan=None),
          lambda store, ids, v, iid: _same_text(_ind_row(store, iid)["target_satuan"], v, MAKS_NAMA)),
    Field("tambah_indikator.aspek", _enum_values("kuantitas", "kualitas", "waktu", "biaya"),
          lambda s, i, v: _tambah_indikator(s, i, v, aspek=None),
          lambda store, ids, v, iid: _enum(_ind_row(store, iid)["aspek"], v,
                                           ("kuantitas", "kualitas", "waktu", "biaya"))),
    Field("tambah_indikator.perspektif", _enum_values("penerima layanan", "anggaran"),
          lambda s, i, v: _tambah_indikator(s, i, v, perspektif=None),
          lambda store, ids, v, iid: None if not v and _ind_row(store, iid)["perspektif"] is None
          else _enum(_ind_row(store, iid)["perspektif"], v,
                     ("penerima layanan", "penguatan internal", "proses bisnis", "anggaran"))),
    Field("ubah_indikator.target_nilai", hostile_number,
          lambda store, ids, v: _wf().ubah_indikator(store, PEL_DRAFT, ids["ind_draft"], target_nilai=v),
          lambda store, ids, v, _r: None if v is None else
          _number_stored(_ind_row(store, ids["ind_draft"])["target_nilai"], v)),
    Field("ubah_indikator.teks", hostile_text,
          lambda store, ids, v: _wf().ubah_indikator(store, PEL_DRAFT, ids["ind_draft"], teks=v),
          lambda store, ids, v, _r: _same_text(_ind_row(store, ids["ind_draft"])["teks"], v, MAKS_TEKS)),
    # Lampiran
    Field("isi_lampiran.dukungan_sd", hostile_text, *_lampiran("dukungan_sd")),
    Field("isi_lampiran.skema_pj", hostile_text, *_lampiran("skema_pj")),
    Field("isi_lampiran.konsekuensi", hostile_text, *_lampiran("konsekuensi")),
    # SKP Bawahan: return with a note, approve with a note; revision reason
    Field("kembalikan.catatan", hostile_text,
          lambda store, ids, v: _wf().kembalikan(store, KASI, ids["skp_aju"], v),
          lambda store, ids, v, _r: _same_text(_last_status_note(store, ids["skp_aju"]), v, MAKS_PANJANG)),
    Field("setujui.catatan", hostile_text,
          lambda store, ids, v: _wf().setujui(store, KASI, ids["skp_aju"], v),
          lambda store, ids, v, _r: _same_text(_last_status_note(store, ids["skp_aju"]), v, MAKS_PANJANG,
                                               empty_is_none=True)),
    Field("ajukan_revisi.alasan", hostile_text,
          lambda store, ids, v: _wf().ajukan_revisi(store, PEL, ids["skp_pel"], v),
          lambda store, ids, v, _r: _same_text(_last_status_note(store, ids["skp_pel"]), v, MAKS_PANJANG)),
    Field("isi_ekspektasi_khusus.teks", hostile_text,
          lambda store, ids, v: _wf().isi_ekspektasi_khusus(store, KASI, ids["skp_pel"], "akuntabel", v),
          lambda store, ids, v, _r: _same_text(
              _q(store, "SELECT ekspektasi_khusus FROM perilaku_skp WHERE skp_id = ? AND kode = 'akuntabel'",
                 [ids["skp_pel"]]), v, MAKS_TEKS)),
    Field("isi_ekspektasi_khusus.kode", _enum_values("akuntabel", "berorientasi pelayanan"),
          lambda store, ids, v: _wf().isi_ekspektasi_khusus(store, KASI, ids["skp_pel"], v, "Tepat waktu"),
          _ok),
    # Rencana aksi, realisasi, bukti dukung
    Field("tambah_rencana_aksi.deskripsi", hostile_text,
          lambda s, i, v: _rencana_aksi(s, i, v, deskripsi=None),
          lambda store, ids, v, rid: _same_text(_ra_row(store, rid)["deskripsi"], v, MAKS_TEKS)),
    Field("tambah_rencana_aksi.target_nilai", hostile_number,
          lambda s, i, v: _rencana_aksi(s, i, v, target_nilai=None),
          lambda store, ids, v, rid: _number_stored(_ra_row(store, rid)["target_nilai"], v)),
    Field("tambah_rencana_aksi.target_satuan", hostile_text,
          lambda s, i, v: _rencana_aksi(s, i, v, target_satuan=None),
          lambda store, ids, v, rid: _same_text(_ra_row(store, rid)["target_satuan"], v, MAKS_NAMA,
                                                empty_is_none=True)),
    Field("isi_realisasi.nilai", hostile_number, lambda s, i, v: _realisasi(s, i, v, nilai=None),
          lambda store, ids, v, _r: _number_stored(_realisasi_row(store, ids)["nilai"], v)),
    Field("isi_realisasi.uraian", hostile_text, lambda s, i, v: _realisasi(s, i, v, uraian=None),
          lambda store, ids, v, _r: _same_text(_realisasi_row(store, ids)["uraian"], v, MAKS_PANJANG,
                                               empty_is_none=True)),
    Field("isi_realisasi.sumber", hostile_text, lambda s, i, v: _realisasi(s, i, v, sumber=None),
          lambda store, ids, v, _r: _same_text(_realisasi_row(store, ids)["sumber"], v, MAKS_NAMA,
                                               empty_is_none=True)),
    Field("tambah_bukti.nama", hostile_text, lambda s, i, v: _bukti(s, i, v, nama=None),
          lambda store, ids, v, bid: _same_text(_bukti_row(store, bid)["nama"], v, MAKS_NAMA)),
    Field("tambah_bukti.url", _url_values(), lambda s, i, v: _bukti(s, i, v, url=None),
          lambda store, ids, v, bid: _same_text(_bukti_row(store, bid)["url"], v, MAKS_URL)),
    # Umpan balik, ratings (pejabat penilai)
    Field("beri_umpan_balik.tambahan", hostile_text, lambda s, i, v: _umpan_balik(s, i, v, tambahan=None),
          lambda store, ids, v, uid: _same_text(_ub_row(store, uid)["tambahan"], v, MAKS_PANJANG,
                                                empty_is_none=True)),
    Field("beri_umpan_balik.pilihan", st.one_of(
        st.lists(st.integers(-(10**30), 10**30), max_size=5), st.lists(st.integers(0, 12), max_size=5),
        st.sampled_from([[True], [1.0], ["1"], [None], [10**400], [math.nan], "12", 7, None])),
        lambda s, i, v: _umpan_balik(s, i, v, pilihan=None, tambahan=""), _ok),
    Field("beri_umpan_balik.perilaku", _enum_values("akuntabel", "kolaboratif"),
          lambda s, i, v: _umpan_balik(s, i, v, target_type="perilaku", target_id=None), _ok),
    Field("beri_umpan_balik.target_type", _enum_values("indikator", "rhk", "perilaku"),
          lambda s, i, v: _umpan_balik(s, i, v, target_type=None), _ok),
    Field("nilai.rating_pk", _rating_values(),
          lambda store, ids, v: _wf().nilai(store, KASI, ids["p_pel"], rating_hk="sesuai", rating_pk=v),
          _nilai_stored),
    Field("nilai.rating_hk", _rating_values(),
          lambda store, ids, v: _wf().nilai(store, KASI, ids["p_pel"], rating_hk=v, rating_pk="sesuai"),
          _nilai_stored),
    Field("ajukan_keberatan.alasan", hostile_text,
          lambda store, ids, v: _wf().ajukan_keberatan(store, KASI, ids["p_kasi"], v),
          lambda store, ids, v, kid: _same_text(_q(store, "SELECT alasan FROM keberatan WHERE id = ?", [kid]),
                                                v, MAKS_PANJANG)),
    Field("tetapkan_capaian_organisasi.predikat", _enum_values("baik", "istimewa", "butuh perbaikan"),
          lambda store, ids, v: _wf().tetapkan_capaian_organisasi(store, KABID, UNIT_SEKSI, ids["m_fin"], v),
          lambda store, ids, v, _r: None if _q(
              store, "SELECT predikat_org FROM capaian_organisasi WHERE unor_id = ? AND"
                     " periode_master_id = ?", [UNIT_SEKSI, ids["m_fin"]])
          in ("istimewa", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")
          else "stored an unknown capaian"),
    # Profile ticket, assisted session
    Field("buat_tiket.pesan", hostile_text,
          lambda store, ids, v: _wf_profil().buat_tiket(store, PEL, v),
          lambda store, ids, v, tid: _same_text(_q(store, "SELECT pesan FROM tiket WHERE id = ?", [tid]), v,
                                                MAKS_PANJANG)),
    Field("buat_tiket.kode_galat", hostile_text,
          lambda store, ids, v: _wf_profil().buat_tiket(store, PEL, "Atasan di profil saya salah",
                                                        kode_galat=v),
          lambda store, ids, v, tid: _same_text(_q(store, "SELECT kode_galat FROM tiket WHERE id = ?", [tid]),
                                                v, MAKS_NAMA, empty_is_none=True)),
    Field("mulai_pendampingan.pendamping", hostile_text | st.just(KASI),
          lambda store, ids, v: _wf_pendampingan().mulai_pendampingan(store, PEL, v), _ok),
    # Admin: periods and deadlines; trainer: the clock; TPP
    Field("buat_periode.nama", hostile_text, lambda s, i, v: _periode(s, i, v, nama=None), _periode_stored),
    Field("buat_periode.awal", hostile_date, lambda s, i, v: _periode(s, i, v, awal=None), _periode_stored),
    Field("buat_periode.batas", hostile_date, lambda s, i, v: _periode(s, i, v, batas_pengisian=None),
          _periode_stored),
    Field("buat_periode.jenis", _enum_values("bulanan", "semesteran", "tahunan"),
          lambda s, i, v: _periode(s, i, v, jenis=None), _periode_stored),
    Field("buat_periode.tahun", st.sampled_from([None, 1447, 2569, 0, -1, 10**30, "2027", 2027.0, True]) |
          st.integers(-(10**5), 10**5), lambda s, i, v: _periode(s, i, v, tahun=None) if v is not None
          else _periode(s, i, v, tahun=0), _periode_stored),
    Field("perpanjang_batas.batas", hostile_date,
          lambda store, ids, v: _wf().perpanjang_batas(store, "ADMIN_INSTANSI", ids["m_fin"], v),
          lambda store, ids, v, _r: None if 2000 <= int(_q(
              store, "SELECT batas_pengisian FROM periode_penilaian_master WHERE id = ?", [ids["m_fin"]])[:4])
          <= 2100 else "stored a deadline outside 2000-2100"),
    Field("atur_jam.waktu", hostile_time, lambda store, ids, v: _wf().atur_jam(store, "TRAINER", v),
          _jam_stored),
    Field("hitung_tpp.besaran", hostile_number,
          lambda store, ids, v: _wf().hitung_tpp(store, "TRAINER", ids["p_kabid"], v), _ok),
    Field("hitung_tpp.kehadiran",
          st.dictionaries(st.sampled_from(["tl1", "psw2", "hari_tanpa_keterangan", "cuti", ""]),
                          hostile_number, max_size=3),
          lambda store, ids, v: _wf().hitung_tpp(store, "TRAINER", ids["p_kabid"], 5_000_000, kehadiran=v),
          _ok),
    Field("pilih_paket.paket", hostile_text | st.sampled_from(["rules/", "/etc/passwd", "/dev/null",
                                                               "bkn-2022-tahunan", "../../../etc/shadow"]),
          lambda store, ids, v: _wf().pilih_paket(store, "TRAINER", "predikat", v), _ok),
    # The class: a seat's name, the class clock
    Field("kelas.nama_peserta", st.tuples(st.sampled_from([1, 2, 3, 0, 4, -1, 10**30]), hostile_text),
          _class_seat_name, _class_seat_name_stored, on="class"),
    Field("kelas.jam", hostile_time, _class_clock, _jam_stored, on="class"),
]


def _wf_profil():
    from sandbox.workflow import profil
    return profil


def _wf_pendampingan():
    from sandbox.workflow import pendampingan
    return pendampingan


FIELD_BY_NAME = {f.name: f for f in FIELDS}


# -- one example --------------------------------------------------------------------------------------
class Templates:
    """The template files, built lazily once per process."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._office: OfficeTemplate | None = None
        self._class: Path | None = None
        self.counter = 0

    def office(self) -> OfficeTemplate:
        if self._office is None:
            self._office = build_office_template(self.folder)
        return self._office

    def klass(self) -> Path:
        if self._class is None:
            self._class = build_class_template(self.folder)
        return self._class

    def fresh(self, on: str) -> tuple[Path, dict]:
        self.counter += 1
        target = self.folder / f"example-{self.counter % 4}.db"
        for suffix in ("-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        if on == "class":
            return copy_db(self.klass(), target), {}
        office = self.office()
        return copy_db(office.path, target), office.ids


def check_field(field: Field, value: Any, templates: Templates) -> Outcome:
    """Submit `value` into `field` on a fresh copy; classify what happened (see the module doc)."""
    from sandbox.store import StoreError, content_hash, open_store
    from sandbox.training.classroom import ClassError
    from sandbox.workflow import WorkflowRefused

    path, ids = templates.fresh(field.on)
    store = open_store(path)
    try:
        before = content_hash(store)
        try:
            result = field.run(store, ids, value)
        except (WorkflowRefused, StoreError, ClassError) as refused:
            problem = refusal_problem(refused)
            if store.conn.in_transaction:
                return Outcome("failure", "transaction left open after a refusal")
            if content_hash(store) != before:
                return Outcome("failure", f"file changed on refusal ({refused.render('en')[:200]})")
            if problem:
                return Outcome("failure", problem)
            return Outcome("refused", refused.render("id")[:200])
        except Exception as error:  # noqa: BLE001 - that is the failure we look for
            return Outcome("failure", f"{type(error).__name__}: {str(error)[:200]}")
        problem = field.stored(store, ids, value, result)
        return Outcome("failure", f"accepted but {problem}") if problem else Outcome("accepted")
    finally:
        store.close()


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 120 else f"{text[:100]}… ({len(text)} chars)"


# -- the tests -----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def templates(tmp_path_factory) -> Templates:
    return Templates(tmp_path_factory.mktemp("fuzz-forms"))


@pytest.mark.parametrize("name", [f.name for f in FIELDS])
def test_form_field_refuses_cleanly_or_stores_as_given(name, templates):
    field = FIELD_BY_NAME[name]

    @settings(max_examples=EXAMPLES_PER_FIELD)
    @given(value=field.values)
    def run(value):
        outcome = check_field(field, value, templates)
        assert outcome.kind != "failure", f"{name} = {_describe(value)}: {outcome.detail}"

    run()


# -- run without pytest (bench/reliability.py) --------------------------------------------------------
def run_family(n: int) -> dict:
    """Try at least `n` generated bad inputs spread over every form field; count the clean outcomes."""
    templates = Templates(scratch_dir())
    tried = clean = 0
    failures: list[str] = []
    try:
        for name, value in spread({f.name: f.values for f in FIELDS}, n):
            tried += 1
            outcome = check_field(FIELD_BY_NAME[name], value, templates)
            if outcome.kind == "failure":
                failures.append(f"{name} = {_describe(value)}: {outcome.detail}")
            else:
                clean += 1
    finally:
        shutil.rmtree(templates.folder, ignore_errors=True)
    return {"family": "form fields", "tried": tried, "clean": clean, "failures": failures}


# -- the cases that found bugs, kept ----------------------------------------------------------------------
REGRESSIONS = [
    # an SKP for a Hijri, Buddhist or far-off year was created (and could block the real one)
    ("buat_skp.tahun", 1447), ("buat_skp.tahun", 2569), ("buat_skp.tahun", 1959), ("buat_skp.tahun", 2101),
    ("buat_skp.tahun", "2026"),
    # ISO forms Python reads were stored as typed ("20260101"), breaking every date comparison
    ("buat_skp.periode", ("20260101", "20261231")), ("buat_skp.periode", ("2026-W01-4", "2026-W53-4")),
    ("buat_skp.periode", ("2569-01-01", "2569-12-31")), ("buat_skp.periode", ("1447-01-01", "1447-12-31")),
    # a lone surrogate in any field reached the audit row: UnicodeEncodeError instead of a refusal
    ("buat_skp.pendekatan", "\ud800"), ("tambah_rhk.jenis", "\ud800"), ("tambah_rhk.klasifikasi", "\ud800"),
    ("beri_umpan_balik.perilaku", "\ud800"), ("beri_umpan_balik.target_type", "\ud837x"),
    ("nilai.rating_pk", "\ud87a"), ("tetapkan_capaian_organisasi.predikat", "\ud800"),
    ("mulai_pendampingan.pendamping", "\ud800"), ("buat_periode.jenis", "\ud800"),
    ("tambah_bukti.url", "https://drive.example.go.id/\ud87a"),
    # control characters and 100k pastes were stored as typed
    ("tambah_rhk.teks", "\x1b[31m"), ("tambah_rhk.teks", "J1s\x8a÷_)\x93"),
    ("tambah_rhk.teks", "RHK " * 25_000),
    ("tambah_rhk.penugasan_dari", "\x1f"), ("tambah_indikator.teks", "x\x00"),
    ("tambah_indikator.target_satuan", "berkas\x00"), ("isi_lampiran.dukungan_sd", "a" * 100_000),
    ("isi_lampiran.konsekuensi", "\x07"), ("kembalikan.catatan", "\x1b[2J"),
    ("ajukan_keberatan.alasan", "\x00"), ("tambah_bukti.url", "https://host/" + "a" * 100_000),
    ("tambah_bukti.url", "https://drive.example.go.id/\x9b"),
    ("buat_tiket.pesan", "a" * 100_000), ("buat_tiket.pesan", "\x01\x1d\x95 laporan sinkron"),
    ("buat_periode.nama", "\x1b[31m"), ("isi_realisasi.uraian", "\x00"),
    ("beri_umpan_balik.tambahan", "\x85"),
    # NaN, infinity, strings and huge or negative targets reached the indikator table (or crashed)
    ("tambah_indikator.target_nilai", math.nan), ("tambah_indikator.target_nilai", math.inf),
    ("tambah_indikator.target_nilai", "12"), ("tambah_indikator.target_nilai", "seratus"),
    ("tambah_indikator.target_nilai", -(10**40)), ("tambah_indikator.target_nilai", 10**400),
    ("tambah_indikator.target_nilai_kualitatif", math.nan), ("ubah_indikator.target_nilai", math.inf),
    ("tambah_rencana_aksi.target_nilai", 10**400), ("isi_realisasi.nilai", 10**400),
    # pilihan that is not a list: TypeError
    ("beri_umpan_balik.pilihan", 7),
    # deadlines and clock times in year 8354 / 9999 / Buddhist 2569 were accepted; the clock cannot go back
    ("buat_periode.batas", "8354-04-25"), ("perpanjang_batas.batas", "8354-04-25"),
    ("atur_jam.waktu", "9999-12-31"),
    ("atur_jam.waktu", "2569-04-01T08:00:00+07:00"), ("atur_jam.waktu", "9999-12-31T23:59:59-12:00"),
    ("atur_jam.waktu", "0001-01-01T00:00:00+14:00"), ("kelas.jam", "4078-09-16"),
    # a pack name longer than the file system allows: OSError
    ("pilih_paket.paket", "é" * 200), ("pilih_paket.paket", "ب" * 1003),
]


@pytest.mark.parametrize(("name", "value"), REGRESSIONS,
                         ids=[f"{n}-{i}" for i, (n, _) in enumerate(REGRESSIONS)])
def test_found_bug_stays_fixed(name, value, templates):
    outcome = check_field(FIELD_BY_NAME[name], value, templates)
    assert outcome.kind != "failure", f"{name} = {_describe(value)}: {outcome.detail}"


def test_refusals_explain_the_limit_in_indonesian(templates):
    """The new refusals say what is wrong and what to do, in Indonesian first."""
    from sandbox.store import open_store
    from sandbox.workflow import WorkflowRefused, tambah_rhk

    path, ids = templates.fresh("office")
    with open_store(path) as store:
        with pytest.raises(WorkflowRefused) as long_text:
            tambah_rhk(store, PEL_DRAFT, ids["skp_draft"], "a" * 100_000, induk_rhk_id=ids["rhk_kasi"])
        with pytest.raises(WorkflowRefused) as control:
            tambah_rhk(store, PEL_DRAFT, ids["skp_draft"], "Tersusunnya\x00laporan",
                       induk_rhk_id=ids["rhk_kasi"])
    assert long_text.value.render("id") == (
        "Rencana Hasil Kerja terlalu panjang: 100000 karakter, paling banyak 1000 — ringkas isinya; rincian"
        " yang panjang simpan sebagai bukti dukung (tautan)")
    assert "U+0000, karakter ke-12" in control.value.render("id")
    assert "character 12" in control.value.render("en")


def test_seat_name_with_control_characters_is_refused(templates):
    outcome = check_field(FIELD_BY_NAME["kelas.nama_peserta"], (1, "Ani\x1b[2J\x00"), templates)
    assert outcome.kind != "failure", outcome.detail


# -- the same through the real app: a pasted 100k text / control characters in an SKP field -------------
PASTES = [("#rhk-teks", "Tersusunnya laporan " * 5_000, "#rhk-error", "terlalu panjang"),
          ("#rhk-teks", "Tersusunnya\x00laporan\x1b[2J", "#rhk-error", "karakter kontrol"),
          ("#ind-teks", "Jumlah\x07berkas", "#ind-error", "karakter kontrol"),
          ("#satuan", "b" * 100_000, "#ind-error", "terlalu panjang"),
          ("#target", "nan", "#ind-error", "bukan angka"),
          ("#target", "1e400", "#ind-error", "bukan angka"),
          ("#lamp-sd", "x" * 100_000, "#lamp-error", "terlalu panjang")]


SUBMIT = {"#rhk-error": "#tambah-rhk", "#ind-error": "#tambah-ind", "#lamp-error": "#simpan-lampiran"}


async def test_pasted_text_in_the_skp_screen_is_refused_beside_the_form(tmp_path, templates):
    """A trainee pastes into the SKP screen; each time the app shows why beside the form, keeps what
    was pasted, writes nothing and keeps running (one app session for every paste)."""
    from textual import events
    from textual.widgets import Input, Select, Static

    from sandbox.tui.app import SandboxApp
    from sandbox.tui.screens.skp import SkpScreen
    from tests.test_tui_practice import become, click

    db = copy_db(templates.office().path, tmp_path / "app.db")
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await become(pilot, PEL_DRAFT)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, SkpScreen)
        screen = app.screen
        for field, pasted, error, says in PASTES:
            screen.query_one("#induk", Select).value = ids_of(templates)["rhk_kasi"]
            screen.query_one("#ind-rhk", Select).value = ids_of(templates)["rhk_draft"]
            for other, typed in (("#rhk-teks", "Tersusunnya laporan"), ("#ind-teks", "Jumlah berkas"),
                                 ("#target", "5"), ("#satuan", "berkas"), ("#lamp-sd", "1 PC")):
                screen.query_one(other, Input).value = "" if other == field else typed
            box = screen.query_one(field, Input)
            box.focus()
            await pilot.pause()
            box.post_message(events.Paste(pasted))  # what a terminal sends for Ctrl+V
            await pilot.pause()
            assert box.value == pasted.splitlines()[0], field
            before = _rows(db)
            await click(pilot, SUBMIT[error])
            shown = str(screen.query_one(error, Static).render())
            assert says in shown and " — " in shown, (field, pasted[:40], shown)  # why, and what to do
            assert app.is_running and app.screen is screen
            assert box.value == pasted.splitlines()[0]  # what was pasted is kept to correct
            assert _rows(db) == before, (field, pasted[:40])


def ids_of(templates: Templates) -> dict:
    return templates.office().ids


def _rows(db: Path) -> tuple:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("rhk", "indikator", "lampiran", "audit_log"))
