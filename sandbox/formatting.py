"""Numbers, money and dates as an Indonesian reader writes them, in both languages of the app: thousands
with a dot and decimals with a comma (`1.234.567,5`), money as `Rp 4.840.000`, dates as `11 April 2026`.
Never `1e+11` (Python's `:g`), `4840000` or `2026-04-11`: a trainee reads those as errors, or as other
numbers. The one place a screen, a report or an explanation formats a number or a date."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

MAKS_DESIMAL = 6  # more than any realisasi or target needs; float noise beyond it is not shown


def angka(value: object, desimal: int | None = None) -> str:
    """`1234567.5` → `1.234.567,5`; `1e11` → `100.000.000.000`; `32.0` → `32`. `desimal` fixes the
    number of decimals; without it the needed ones are shown (at most MAKS_DESIMAL). None → `-`;
    anything that is not a number is shown as it is."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return str(value)
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    if not number.is_finite():
        return str(value)
    places = MAKS_DESIMAL if desimal is None else desimal
    text = f"{number:,.{places}f}"
    if desimal is None and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", "-0.0"):
        text = text[1:]
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def rupiah(value: object) -> str:
    """`4840000` → `Rp 4.840.000` (whole rupiah; a negative amount as `-Rp 1.000`)."""
    if value is None:
        return "-"
    try:
        number = Decimal(str(value)).quantize(Decimal(1))
    except (InvalidOperation, ValueError):
        return str(value)
    sign = "-" if number < 0 else ""
    return f"{sign}Rp {angka(abs(number), 0)}"


MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}


def long_date(iso: str, lang: str = "id") -> str:
    """A date as people write it ("11 April 2026"), never the ISO code; the text as given when it is
    not a date."""
    from datetime import date

    try:
        day = date.fromisoformat((iso or "")[:10])
    except ValueError:
        return iso
    return f"{day.day} {MONTHS.get(lang, MONTHS['id'])[day.month - 1]} {day.year}"


def long_datetime(iso: str, lang: str = "id") -> str:
    """A class clock as people say it ("8 Januari 2026 pukul 08.00 WIB"), never the ISO code; the
    text as given when it is not a date-time."""
    from datetime import datetime, timedelta

    try:
        moment = datetime.fromisoformat(iso or "")
    except ValueError:
        return iso
    zone = {timedelta(hours=7): "WIB", timedelta(hours=8): "WITA", timedelta(hours=9): "WIT"}.get(
        moment.utcoffset() or timedelta(0), moment.strftime("UTC%z") if moment.tzinfo else "")
    if lang == "en":
        return f"{long_date(iso, lang)}, {moment:%H:%M} {zone}".rstrip()
    return f"{long_date(iso, lang)} pukul {moment:%H.%M} {zone}".rstrip()


def state_word(code: object, lang: str = "id") -> str:
    """A period's state (`EVIDEN_LENGKAP`) or an SKP's status (`DIAJUKAN`) as words, the one table
    for every screen and export; an unknown code spelled out rather than shown raw."""
    from sandbox.i18n import message
    from sandbox.i18n.catalog import MESSAGES

    for key in (f"periode.state.{code}", f"skp.status.{code}"):
        if key in MESSAGES:
            return message(key, lang)
    return str(code).replace("_", " ").lower()


def iso_date(text: str) -> str:
    """A date as people write it ("1 April 2026", "1 april 2026", "1 Mei 2026", "1 May 2026") as
    ISO, for a command that takes ISO; anything else returned as typed, for the command to refuse
    in its own words."""
    parts = (text or "").strip().split()
    if len(parts) != 3 or not parts[0].isdigit() or not parts[2].isdigit():
        return (text or "").strip()
    names = {name.lower(): number for months in MONTHS.values() for number, name in enumerate(months, 1)}
    month = names.get(parts[1].lower())
    if month is None:
        return (text or "").strip()
    return f"{int(parts[2]):04d}-{month:02d}-{int(parts[0]):02d}"
