"""Reads and checks every workflow command shares; they run inside the command's transaction.

What a form field may hold (issue #7, checked *before* the command's transaction, so a refusal
writes nothing, not even its audit row):

- text: no control characters other than tab and line breaks (a pasted NUL or terminal escape
  would be stored and replayed on every screen), no lone surrogates (undecodable bytes, which SQLite
  cannot store), and at most `MAKS_*` characters once surrounding whitespace is stripped;
- numbers: an int or float, finite, from 0 to `MAKS_ANGKA` (never NaN, infinity, a bool or a string);
- years and dates: Masehi (Gregorian) years `TAHUN_MIN`–`TAHUN_MAKS`, so a Hijri 1447 or a Buddhist
  2569 typed by habit is refused instead of creating an SKP, a period or a clock nobody can undo.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from sandbox.formatting import angka
from sandbox.store import Store
from sandbox.workflow.errors import WorkflowRefused

# Longest text a form field keeps (characters, after stripping surrounding whitespace).
MAKS_NAMA = 200      # a name or a short label: bukti dukung, satuan, periode, sumber, kode galat, choices
MAKS_TEKS = 1000     # one statement: RHK, indikator, rencana aksi, ekspektasi khusus
MAKS_PANJANG = 4000  # a note: lampiran blocks, catatan, alasan, umpan balik, uraian, tiket
MAKS_URL = 2000      # a link (browsers and Drive links stay far below)
MAKS_ANGKA = 1e12    # the largest target or realisasi a form accepts
TAHUN_MIN, TAHUN_MAKS = 2000, 2100

# C0 and C1 control characters except tab, line feed and carriage return; lone surrogates.
_BAD_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def shown(value: object, limit: int = 60) -> str:
    """A user's value as a refusal quotes it: short enough to read in one line."""
    text = str(value)
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} karakter)"


def check_text(kolom: str, value: object, maks: int) -> None:
    """Refuse a text field that cannot be kept as typed (see the module docstring); None passes."""
    if value is None:
        return
    if not isinstance(value, str):
        raise WorkflowRefused("workflow.teks.bukan_teks", kolom=kolom, nilai=shown(repr(value)))
    length = len(value.strip())
    if length > maks:
        raise WorkflowRefused("workflow.teks.terlalu_panjang", kolom=kolom, panjang=length, maks=maks)
    bad = _BAD_CHARACTER.search(value)
    if bad is not None:
        raise WorkflowRefused("workflow.teks.karakter", kolom=kolom, kode=f"U+{ord(bad.group()):04X}",
                              posisi=bad.start() + 1)


def check_texts(*fields: tuple[str, object, int]) -> None:
    """`check_text` for each (kolom, value, maks), in form order."""
    for kolom, value, maks in fields:
        check_text(kolom, value, maks)


def check_number(kolom: str, value: object) -> None:
    """Refuse a number a form must not store: not a number, NaN, infinite, negative or too large."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) \
            or (isinstance(value, float) and not math.isfinite(value)) or value < 0 or value > MAKS_ANGKA:
        number = (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and math.isfinite(value))
        raise WorkflowRefused("workflow.angka_salah", kolom=kolom,
                              nilai=shown(angka(value) if number else value, 24))  # -5, never '-5.0'


def check_year(kolom: str, value: object) -> int:
    """A Masehi year as an int in TAHUN_MIN..TAHUN_MAKS, or a refusal that says so."""
    if isinstance(value, bool) or not isinstance(value, int) or not TAHUN_MIN <= value <= TAHUN_MAKS:
        raise WorkflowRefused("workflow.tahun_salah", kolom=kolom, nilai=shown(value, 24),
                              min=TAHUN_MIN, maks=TAHUN_MAKS)
    return value


def parse_date(kolom: str, text: object) -> dt.date:
    """A date typed as YYYY-MM-DD (any ISO 8601 form Python reads), in a Masehi year TAHUN_MIN..
    TAHUN_MAKS; callers store its `isoformat()`, never the text as typed."""
    check_text(kolom, text, MAKS_NAMA)
    try:
        day = dt.date.fromisoformat(str(text))
    except ValueError as exc:
        raise WorkflowRefused("workflow.periode.tanggal", kolom=kolom, nilai=shown(text)) from exc
    if not TAHUN_MIN <= day.year <= TAHUN_MAKS:
        raise WorkflowRefused("workflow.tanggal.rentang", kolom=kolom, nilai=shown(text), min=TAHUN_MIN,
                              maks=TAHUN_MAKS)
    return day


def row(db, sql: str, params: list[Any]) -> dict[str, Any] | None:
    """The first row of a query as a dict, or None."""
    cursor = db.execute(sql, params)
    found = cursor.fetchone()
    if found is None:
        return None
    return dict(zip([d[0] for d in cursor.description], found, strict=True))


def rows(db, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, found, strict=True)) for found in cursor.fetchall()]


def pegawai(db, nip: str) -> dict[str, Any]:
    """The active pegawai with this NIP, or a refusal that names it."""
    found = row(db, "SELECT * FROM pegawai WHERE nip = ? AND aktif = 1", [nip])
    if found is None:
        raise WorkflowRefused("workflow.pegawai_tidak_dikenal", nip=nip)
    return found


def skp(db, skp_id: int) -> dict[str, Any]:
    found = row(db, "SELECT * FROM skp WHERE id = ?", [skp_id])
    if found is None:
        raise WorkflowRefused("workflow.skp_tidak_ada", skp_id=skp_id)
    return found


def today(store: Store) -> str:
    """The virtual date (YYYY-MM-DD) the running command happens on."""
    return store.current.virtual_now[:10]


def check_acting_as(store: Store, actor_nip: str, acting_as_nip: str | None, action: str,
                    entity: str, entity_id: object) -> None:
    """Refuse a write made "as" someone else, recording the attempt first (§1.1, scenario T04).

    The attempt is evidence, so it is committed as its own audit row (`integrity.acting_as`, a no-op
    command) before the refusal; nothing else is written.
    """
    if acting_as_nip is None or acting_as_nip == actor_nip:
        return
    store.apply(actor_nip, acting_as_nip, "integrity.acting_as", entity, entity_id,
                {"attempted": action}, lambda db: None)
    raise WorkflowRefused("workflow.acting_as", actor=actor_nip, acting_as=acting_as_nip)
