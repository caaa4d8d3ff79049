"""The 18-digit NIP of a PNS and NI of a PPPK: build, parse and refuse with a message a clerk understands.

NIP PNS (Perka BKN 22/2007 and 43/2007, REGULATIONS.md §9.1):
    YYYYMMDD lahir · YYYYMM TMT CPNS · jenis kelamin (1/2) · nomor urut 001–999
NI PPPK (REGULATIONS.md §9.2, sources partly conflict):
    YYYYMMDD lahir · YYYY pengangkatan · kode 2 digit · jenis kelamin (1/2) · nomor urut 001–999
The PPPK two-digit code is kept opaque: one source reads it as the number of work agreements, another
as a cohort code (24 = paruh waktu). Real NIPs are often written with spaces; spaces are accepted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sandbox.domain.asn import JenisAsn, JenisKelamin
from sandbox.i18n import message

NIP_LENGTH = 18

# Policy choice, not a verified rule (REGULATIONS §9.1 "≥ birth + ~18 y (UNCERTAIN policy)"): the
# youngest age at TMT CPNS, or in the year of first PPPK appointment, that we accept as plausible.
MIN_AGE_AT_APPOINTMENT = 18

# PPPK codes that let `parse_nip` tell an NI PPPK from a NIP PNS without being told (they are never a
# month). UNCERTAIN (§9.2): 21 is seen on full-time cohorts, 24 on paruh waktu; others parse only
# when the caller says the number is a PPPK's.
KNOWN_PPPK_CODES = frozenset({"21", "24"})

# Messages as the catalog would hold them (sandbox/i18n/catalog.py is edited by others right now):
# Indonesian first, English second; `.fix` says what to do.


class NipError(ValueError):
    """A NIP or NI PPPK that cannot be right; `str()` is the Indonesian message."""

    def __init__(self, code: str, **params: object):
        self.code = code
        self.params = params
        super().__init__(self.render("id"))

    def render(self, lang: str = "id") -> str:
        return (f"{message(self.code, lang, **self.params)} — "
                f"{message(f'{self.code}.fix', lang, **self.params)}")


def _check_age(tanggal_lahir: dt.date, year: int, month: int, event: str, event_en: str) -> None:
    age = year - tanggal_lahir.year - (month < tanggal_lahir.month)
    if age < MIN_AGE_AT_APPOINTMENT:
        raise NipError("nip.too_young", event=event, event_en=event_en, year=year, age=age,
                       minimum=MIN_AGE_AT_APPOINTMENT)


def _check_serial(nomor_urut: int) -> None:
    if not 1 <= nomor_urut <= 999:
        raise NipError("nip.serial", serial=f"{nomor_urut:03d}")


@dataclass(frozen=True)
class NipPns:
    """A NIP PNS, checked on construction; `text` is its 18 digits."""

    tanggal_lahir: dt.date
    tmt_cpns: dt.date  # always the first of a month: the NIP records year and month only
    jenis_kelamin: JenisKelamin
    nomor_urut: int

    def __post_init__(self) -> None:
        if self.tmt_cpns.day != 1:
            object.__setattr__(self, "tmt_cpns", self.tmt_cpns.replace(day=1))
        _check_age(self.tanggal_lahir, self.tmt_cpns.year, self.tmt_cpns.month, "TMT CPNS", "TMT CPNS")
        _check_serial(self.nomor_urut)

    jenis_asn = JenisAsn.PNS

    @property
    def prefix(self) -> str:
        """The first 15 digits; the nomor urut counts from 001 within each distinct prefix."""
        return (f"{self.tanggal_lahir:%Y%m%d}{self.tmt_cpns:%Y%m}{self.jenis_kelamin.value}")

    @property
    def text(self) -> str:
        return f"{self.prefix}{self.nomor_urut:03d}"


@dataclass(frozen=True)
class NiPppk:
    """An NI PPPK, checked on construction; `kode` is the opaque two-digit field (UNCERTAIN, §9.2)."""

    tanggal_lahir: dt.date
    tahun_pengangkatan: int
    kode: str
    jenis_kelamin: JenisKelamin
    nomor_urut: int

    def __post_init__(self) -> None:
        if len(self.kode) != 2 or not self.kode.isdigit():
            raise NipError("nip.pppk_code", code=self.kode)
        # Only the year is recorded, so compare with the birthday already passed in that year (month 12).
        _check_age(self.tanggal_lahir, self.tahun_pengangkatan, 12, "pengangkatan PPPK",
                   "PPPK appointment")
        _check_serial(self.nomor_urut)

    jenis_asn = JenisAsn.PPPK

    @property
    def prefix(self) -> str:
        lahir = f"{self.tanggal_lahir:%Y%m%d}"
        return f"{lahir}{self.tahun_pengangkatan:04d}{self.kode}{self.jenis_kelamin.value}"

    @property
    def text(self) -> str:
        return f"{self.prefix}{self.nomor_urut:03d}"


def _digits(text: str) -> str:
    compact = text.replace(" ", "")
    for position, char in enumerate(compact, start=1):
        if not char.isascii() or not char.isdigit():
            raise NipError("nip.not_digits", char=char, position=position)
    if len(compact) != NIP_LENGTH:
        raise NipError("nip.length", length=len(compact))
    return compact


def parse_nip(text: str, jenis_asn: JenisAsn | None = None) -> NipPns | NiPppk:
    """Read an 18-digit NIP PNS or NI PPPK, or raise NipError saying what is wrong.

    Without `jenis_asn`, a number whose digits 13–14 are a known PPPK code (never a month) is read as
    an NI PPPK and anything else as a NIP PNS; pass `jenis_asn` for PPPK numbers with other codes.
    """
    digits = _digits(text)
    try:
        tanggal_lahir = dt.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise NipError("nip.birth_date", text=digits[0:8]) from None
    if digits[14] not in ("1", "2"):
        raise NipError("nip.sex", digit=digits[14])
    jenis_kelamin = JenisKelamin(digits[14])
    nomor_urut = int(digits[15:18])
    if jenis_asn is None:
        jenis_asn = JenisAsn.PPPK if digits[12:14] in KNOWN_PPPK_CODES else JenisAsn.PNS
    if jenis_asn is JenisAsn.PPPK:
        return NiPppk(tanggal_lahir, int(digits[8:12]), digits[12:14], jenis_kelamin, nomor_urut)
    year, month = int(digits[8:12]), int(digits[12:14])
    if not 1 <= month <= 12:
        raise NipError("nip.tmt_month", month=digits[12:14])
    _check_age(tanggal_lahir, year, month, "TMT CPNS", "TMT CPNS")  # before dt.date: year 0000 exists here
    tmt = dt.date(year, month, 1)
    return NipPns(tanggal_lahir, tmt, jenis_kelamin, nomor_urut)
