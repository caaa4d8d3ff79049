"""Assessment periods and the virtual clock (WORKFLOW.md §1.2, §1.3-D, §1.4 step 0).

The admin instansi defines periods (`buat_periode`): name, dates, batas pengisian, jenis, year. An
approved SKP gets one `skp_periode` row for every period of its year, in BELUM_DIBUKA. Time then
moves only when the trainer moves the clock (`atur_jam`), and moving it applies every transition
that time alone causes, in the same transaction:

- BELUM_DIBUKA → TERBUKA once the clock reaches the period's start;
- DINILAI → TERKUNCI once the clock passes its batas pengisian (entries are refused after it
  whatever the state: see `penilaian`);
- DOKUMEN_TERBIT → FINAL once the keberatan window of the pack in force has passed;
- an SKP whose tahunan (Final) period is FINAL → DITUTUP.

The clock only moves forward: rewinding would leave states that the new time cannot explain. A
trainer who wants an earlier day starts a new sandbox from the scenario.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sandbox.domain.status import PERIODE_LOCKED, PERIODE_OPEN, PeriodeState
from sandbox.formatting import iso_date
from sandbox.store import Store
from sandbox.workflow.actors import ADMIN_INSTANSI, TRAINER
from sandbox.workflow.errors import WorkflowRefused
from sandbox.workflow.rulebook import decide
from sandbox.workflow.support import (
    MAKS_NAMA,
    TAHUN_MAKS,
    TAHUN_MIN,
    check_text,
    check_texts,
    check_year,
    parse_date,
    row,
    rows,
    shown,
)

WIB = dt.timezone(dt.timedelta(hours=7))
JENIS_PERIODE = ("bulanan", "triwulanan", "semesteran", "tahunan")
# The one periodic jenis a year may use (W15: bulanan *or* triwulanan); tahunan is the Final one.
PERIODIC = ("bulanan", "triwulanan", "semesteran")

# The states are named once, in sandbox.domain.status; these names stay for the commands below.
BELUM_DIBUKA = PeriodeState.BELUM_DIBUKA
TERBUKA = PeriodeState.TERBUKA
RENCANA_AKSI_ADA = PeriodeState.RENCANA_AKSI_ADA
EVIDEN_LENGKAP = PeriodeState.EVIDEN_LENGKAP
DINILAI = PeriodeState.DINILAI
DIKEMBALIKAN_KURVA = PeriodeState.DIKEMBALIKAN_KURVA
TERKUNCI = PeriodeState.TERKUNCI
DOKUMEN_TERBIT = PeriodeState.DOKUMEN_TERBIT
KEBERATAN = PeriodeState.KEBERATAN
FINAL = PeriodeState.FINAL
# Before rating: the pegawai may still enter evidence.
OPEN_STATES = PERIODE_OPEN
# The result is fixed: nothing but the document, keberatan and allowances may follow.
LOCKED_STATES = PERIODE_LOCKED


def log_state(db, store: Store, period: dict[str, Any], to_state: str, actor: str | None,
              catatan: str | None = None) -> None:
    """Move one skp_periode to `to_state` and keep the move in `periode_status_log`."""
    db.execute("UPDATE skp_periode SET state = ? WHERE id = ?", [to_state, period["id"]])
    db.execute("INSERT INTO periode_status_log (skp_periode_id, from_state, to_state, actor_nip, catatan,"
               " virtual_ts) VALUES (?, ?, ?, ?, ?, ?)",
               [period["id"], period["state"], to_state, actor, catatan, store.current.virtual_now])
    period["state"] = to_state


def _require_admin(actor: str, perintah: str) -> None:
    if actor not in (ADMIN_INSTANSI, TRAINER):
        raise WorkflowRefused("workflow.hak.trainer_admin", actor=actor, perintah=perintah)


def _parse_date(text: str, field: str) -> dt.date:
    return parse_date(field, text)


def attach_periods(db, store: Store, skp: dict[str, Any]) -> int:
    """Give an approved SKP a row for every period of its year (or of every year); returns how many."""
    year = int(skp["periode_awal"][:4])
    masters = rows(db, "SELECT * FROM periode_penilaian_master WHERE (tahun = ? OR tahun IS NULL)"
                       " AND awal <= ? AND akhir >= ? ORDER BY awal, id",
                   [year, skp["periode_akhir"], skp["periode_awal"]])
    today = store.current.virtual_now[:10]
    made = 0
    for master in masters:
        if row(db, "SELECT id FROM skp_periode WHERE skp_id = ? AND master_id = ?",
               [skp["id"], master["id"]]):
            continue
        cursor = db.execute("INSERT INTO skp_periode (skp_id, master_id, state) VALUES (?, ?, ?)",
                            [skp["id"], master["id"], BELUM_DIBUKA])
        period = {"id": cursor.lastrowid, "state": None}
        log_state(db, store, period, BELUM_DIBUKA, None)
        if master["awal"] <= today:
            log_state(db, store, period, TERBUKA, None)
        made += 1
    return made


def buat_periode(store: Store, actor: str, nama: str, awal: str, akhir: str, batas_pengisian: str,
                 jenis: str, tahun: int | None = None) -> int:
    """Define one assessment period (§1.2); attaches it to every approved SKP of that year."""
    _require_admin(actor, "buat periode")
    check_texts(("Nama periode", nama, MAKS_NAMA), ("Jenis periode", jenis, MAKS_NAMA))
    if tahun is not None:
        check_year("Tahun", tahun)
    start, end = _parse_date(awal, "awal"), _parse_date(akhir, "akhir")
    deadline = _parse_date(batas_pengisian, "batas_pengisian")
    jenis_key = (jenis or "").strip().lower()

    def fn(db) -> int:
        if not (nama or "").strip():
            raise WorkflowRefused("workflow.periode.nama_kosong")
        if jenis_key not in JENIS_PERIODE:
            raise WorkflowRefused("workflow.periode.jenis", jenis=jenis, boleh=", ".join(JENIS_PERIODE))
        if end < start:
            raise WorkflowRefused("workflow.periode.terbalik", awal=awal, akhir=akhir)
        if deadline < end:
            raise WorkflowRefused("workflow.periode.batas_sebelum_akhir", batas=batas_pengisian, akhir=akhir)
        if tahun is not None and (start.year != tahun or end.year != tahun):
            raise WorkflowRefused("workflow.periode.beda_tahun", tahun=tahun, awal=awal, akhir=akhir)
        same_year = rows(db, "SELECT * FROM periode_penilaian_master WHERE (tahun IS ? OR tahun IS NULL"
                             " OR ? IS NULL)", [tahun, tahun])
        if jenis_key in PERIODIC:
            other = next((m for m in same_year if m["jenis"] in PERIODIC and m["jenis"] != jenis_key), None)
            if other:
                raise WorkflowRefused("workflow.periode.jenis_campur", jenis=jenis_key, lain=other["jenis"],
                                      nama_lain=other["nama"])
        for m in same_year:
            if m["nama"].strip().lower() == nama.strip().lower():
                raise WorkflowRefused("workflow.periode.nama_ganda", nama=nama)
            if m["jenis"] == jenis_key and m["awal"] <= end.isoformat() and m["akhir"] >= start.isoformat():
                raise WorkflowRefused("workflow.periode.tumpang_tindih", nama=nama, lain=m["nama"])
        cursor = db.execute("INSERT INTO periode_penilaian_master (nama, awal, akhir, batas_pengisian, jenis,"
                            " tahun) VALUES (?, ?, ?, ?, ?, ?)",
                            [nama.strip(), start.isoformat(), end.isoformat(), deadline.isoformat(),
                             jenis_key, tahun])
        master_id = cursor.lastrowid
        for skp in rows(db, "SELECT * FROM skp WHERE status IN ('DISETUJUI', 'REVISI_DIAJUKAN')"
                            " AND periode_awal <= ? AND periode_akhir >= ?",
                        [end.isoformat(), start.isoformat()]):
            if tahun is None or int(skp["periode_awal"][:4]) == tahun:
                attach_periods(db, store, skp)
        return master_id

    payload = {"nama": nama, "awal": awal, "akhir": akhir, "batas_pengisian": batas_pengisian,
               "jenis": jenis, "tahun": tahun}
    return store.apply(actor, None, "periode.buat", "periode_penilaian_master", None, payload, fn)


def buat_periode_triwulan(store: Store, actor: str, tahun: int, batas_hari: int = 10) -> list[int]:
    """The four quarters plus the Final (tahunan) period of a year, each due `batas_hari` days after
    it ends: the common Pemda set-up (§1.2, P5). One command per period, as an admin would."""
    quarters = [("Triwulan I", "01-01", "03-31"), ("Triwulan II", "04-01", "06-30"),
                ("Triwulan III", "07-01", "09-30"), ("Triwulan IV", "10-01", "12-31")]
    made = []
    for nama, awal, akhir in quarters:
        end = dt.date.fromisoformat(f"{tahun}-{akhir}")
        made.append(buat_periode(store, actor, f"{nama} {tahun}", f"{tahun}-{awal}", end.isoformat(),
                                 (end + dt.timedelta(days=batas_hari)).isoformat(), "triwulanan", tahun))
    end = dt.date(tahun, 12, 31)
    made.append(buat_periode(store, actor, f"Final {tahun}", f"{tahun}-01-01", end.isoformat(),
                             (end + dt.timedelta(days=batas_hari)).isoformat(), "tahunan", tahun))
    return made


# -- the clock ---------------------------------------------------------------------------------------
def _days_between(start_iso: str, end_iso: str) -> int:
    return (dt.date.fromisoformat(end_iso[:10]) - dt.date.fromisoformat(start_iso[:10])).days


def keberatan_window_open(store: Store, db, period: dict[str, Any], record: bool = False):
    """The pack's verdict on whether a keberatan may still be filed for this period today."""
    days = _days_between(period["dokumen_terbit_at"], store.current.virtual_now)
    return decide(store, db, "keberatan", {"hari_sejak_hasil_diterima": max(days, 0)},
                  skp_periode_id=period["id"], record=record)


def close_skp_if_final(db, store: Store, skp_id: int, actor: str | None) -> None:
    """§1.3-B: the SKP is closed once its Final (tahunan) period is FINAL."""
    final = row(db, "SELECT sp.state FROM skp_periode sp JOIN periode_penilaian_master m"
                    " ON m.id = sp.master_id WHERE sp.skp_id = ? AND m.jenis = 'tahunan'"
                    " ORDER BY m.akhir DESC LIMIT 1", [skp_id])
    skp = row(db, "SELECT id, status FROM skp WHERE id = ?", [skp_id])
    if final and final["state"] == FINAL and skp["status"] == "DISETUJUI":
        db.execute("UPDATE skp SET status = 'DITUTUP' WHERE id = ?", [skp_id])
        db.execute("INSERT INTO skp_status_log (skp_id, from_status, to_status, actor_nip, catatan,"
                   " virtual_ts) VALUES (?, ?, 'DITUTUP', ?, ?, ?)",
                   [skp_id, skp["status"], actor, "periode Final selesai", store.current.virtual_now])


def _sweep(db, store: Store) -> dict[str, int]:
    today = store.current.virtual_now[:10]
    moved = {"dibuka": 0, "dikunci": 0, "final": 0}
    cols = "sp.id, sp.skp_id, sp.state, sp.dokumen_terbit_at"
    for period in rows(db, f"SELECT {cols} FROM skp_periode sp JOIN periode_penilaian_master m"
                           " ON m.id = sp.master_id WHERE sp.state = ? AND m.awal <= ?",
                       [BELUM_DIBUKA, today]):
        log_state(db, store, period, TERBUKA, TRAINER, "jam virtual mencapai awal periode")
        moved["dibuka"] += 1
    for period in rows(db, f"SELECT {cols} FROM skp_periode sp JOIN periode_penilaian_master m"
                           " ON m.id = sp.master_id WHERE sp.state = ? AND m.batas_pengisian < ?",
                       [DINILAI, today]):
        log_state(db, store, period, TERKUNCI, TRAINER, "batas pengisian lewat")
        db.execute("UPDATE skp_periode SET locked_at = ? WHERE id = ?",
                   [store.current.virtual_now, period["id"]])
        moved["dikunci"] += 1
    for period in rows(db, f"SELECT {cols} FROM skp_periode sp WHERE sp.state = ?", [DOKUMEN_TERBIT]):
        verdict = keberatan_window_open(store, db, period)
        if not verdict.outputs["keberatan_dapat_diajukan"]:
            log_state(db, store, period, FINAL, TRAINER, "masa keberatan lewat")
            close_skp_if_final(db, store, period["skp_id"], TRAINER)
            moved["final"] += 1
    return moved


def atur_jam(store: Store, actor: str, virtual_now: str) -> dict[str, int]:
    """Move the virtual clock forward (trainer only) and apply what time alone changes.

    `virtual_now` is a date (`1 April 2026` or `2026-04-01`, taken as 08:00 WIB) or an ISO date-time
    with offset.
    Returns how many periods were opened, locked and made final.
    """
    if actor != TRAINER:
        raise WorkflowRefused("workflow.hak.trainer", actor=actor)
    check_text("Jam virtual", virtual_now, MAKS_NAMA)
    text = iso_date(virtual_now)  # "1 April 2026" as a person writes it, or ISO
    if len(text) == 10:
        text = f"{text}T08:00:00+07:00"
    try:
        when = dt.datetime.fromisoformat(text)
        # every virtual time is stored in WIB: times are compared as text (deadlines, outage windows)
        in_wib = when.astimezone(WIB) if when.tzinfo is not None else None
    except (ValueError, OverflowError) as exc:  # OverflowError: 9999-12-31T23:00-05:00 is year 10000 in WIB
        raise WorkflowRefused("workflow.jam.format", nilai=shown(virtual_now)) from exc
    if in_wib is None:
        raise WorkflowRefused("workflow.jam.format", nilai=shown(virtual_now))
    # the clock never goes back, so a Hijri or Buddhist year typed by habit could not be undone
    if not TAHUN_MIN <= in_wib.year <= TAHUN_MAKS:
        raise WorkflowRefused("workflow.tanggal.rentang", kolom="Jam virtual", nilai=shown(virtual_now),
                              min=TAHUN_MIN, maks=TAHUN_MAKS)
    text = in_wib.isoformat()

    def fn(db) -> dict[str, int]:
        now = dt.datetime.fromisoformat(store.current.virtual_now)
        if when < now:
            raise WorkflowRefused("workflow.jam.mundur", sekarang=store.current.virtual_now, diminta=text)
        db.execute("UPDATE clock SET virtual_now = ? WHERE id = 1", [text])
        store.current = dataclasses.replace(store.current, virtual_now=text)
        return _sweep(db, store)

    return store.apply(actor, None, "clock.set", "clock", 1, {"virtual_now": text}, fn)


def perpanjang_batas(store: Store, actor: str, master_id: int, batas_pengisian: str) -> None:
    """Extend (or set) a period's batas pengisian; admin or trainer. Moving it earlier than the
    virtual today is refused: it would lock entries retroactively."""
    _require_admin(actor, "ubah batas pengisian")
    deadline = _parse_date(batas_pengisian, "batas_pengisian")

    def fn(db) -> None:
        master = row(db, "SELECT * FROM periode_penilaian_master WHERE id = ?", [master_id])
        if master is None:
            raise WorkflowRefused("workflow.periode.tidak_ada", master_id=master_id)
        if deadline.isoformat() < master["akhir"]:
            raise WorkflowRefused("workflow.periode.batas_sebelum_akhir", batas=batas_pengisian,
                                  akhir=master["akhir"])
        if deadline.isoformat() < store.current.virtual_now[:10]:
            raise WorkflowRefused("workflow.periode.batas_lampau", batas=batas_pengisian,
                                  hari_ini=store.current.virtual_now[:10])
        db.execute("UPDATE periode_penilaian_master SET batas_pengisian = ? WHERE id = ?",
                   [deadline.isoformat(), master_id])

    store.apply(actor, None, "periode.batas", "periode_penilaian_master", master_id,
                {"batas_pengisian": batas_pengisian}, fn)
