"""The 18-digit NIP of a PNS and NI of a PPPK: read, build, and refuse naming the digits that are wrong.

NIP PNS (Perka BKN 22/2007 and 43/2007, REGULATIONS.md §9.1):
    YYYYMMDD lahir · YYYYMM TMT CPNS · jenis kelamin (1/2) · nomor urut 001–999
NI PPPK (REGULATIONS.md §9.2, sources partly conflict):
    YYYYMMDD lahir · YYYY pengangkatan · kode 2 digit · jenis kelamin (1/2) · nomor urut 001–999

Reading chosen for the PPPK two-digit code: it is kept opaque. One source reads it as the number of work
agreements, another as a cohort code (24 = paruh waktu); the numbers seen in the sources carry 21
(full-time cohorts) and 24 (paruh waktu), which can never be a month. So digits 13–14 = 21 or 24 make a
number an NI PPPK, 01–12 a NIP PNS, and anything else is refused unless the caller says the number is a
PPPK's (then any two digits are accepted as the code, e.g. an agreement count "01").

Reading is domain knowledge used by the importer, the generator and `ekinerja nip`; it lives here and
`sandbox.synth.nip` re-exports it. Errors carry a message code and language-neutral parameters (the
catalog renders `code` and `code.fix`), and `digits`, the 1-based span of the NIP they are about.
"""

from __future__ import annotations

import calendar
import datetime as dt
import unicodedata
from dataclasses import dataclass

from sandbox.domain import messages_nip  # noqa: F401 - registers the nip.* messages
from sandbox.domain.asn import JenisAsn, JenisKelamin
from sandbox.errors import SandboxError
from sandbox.formatting import MONTHS, long_date

NIP_LENGTH = 18
GROUPS = (8, 6, 1, 3)  # how a NIP is written: 19860926 201505 1 001
SEPARATORS = frozenset(".-")  # typed between groups, with any white space; dropped before reading

# Policy choice, not a verified rule (REGULATIONS §9.1 "≥ birth + ~18 y (UNCERTAIN policy)"): the
# youngest age at TMT CPNS, or in the year of first PPPK appointment, that we accept as plausible.
MIN_AGE_AT_APPOINTMENT = 18
# Nobody born before this year holds a NIP in the 18-digit scheme (introduced in 2007).
EARLIEST_BIRTH_YEAR = 1900

# PPPK codes that let `parse_nip` tell an NI PPPK from a NIP PNS without being told (they are never a
# month). UNCERTAIN (§9.2): 21 is seen on full-time cohorts, 24 on paruh waktu.
KNOWN_PPPK_CODES = frozenset({"21", "24"})

# Each part of the number: first and last digit (1-based), Indonesian and English name.
PARTS = (
    (1, 8, "tanggal lahir", "birth date"),
    (9, 14, "TMT CPNS, atau tahun pengangkatan dan kode PPPK",
     "TMT CPNS, or PPPK appointment year and code"),
    (15, 15, "jenis kelamin", "sex"),
    (16, 18, "nomor urut", "serial number"),
)


class NipError(SandboxError, ValueError):
    """A NIP or NI PPPK that cannot be right; `str()` is the Indonesian message and its fix."""

    def __init__(self, code: str, digits: tuple[int, int] | None = None, **params: object):
        super().__init__(code, **params)
        self.digits = digits
        self.args = (self.render("id"),)


def _both(name: str, day: dt.date) -> dict[str, str]:
    """A date as words in both languages, as `name` and `name_en` (messages are rendered later)."""
    return {name: long_date(day.isoformat(), "id"), f"{name}_en": long_date(day.isoformat(), "en")}


def _month_both(name: str, year: int, month: int) -> dict[str, str]:
    return {name: f"{MONTHS['id'][month - 1]} {year:04d}",
            f"{name}_en": f"{MONTHS['en'][month - 1]} {year:04d}"}


def _check_tmt(tanggal_lahir: dt.date, year: int, month: int) -> None:
    """TMT CPNS (a year and month) after birth, at the policy's youngest age or older."""
    if (year, month) < (tanggal_lahir.year, tanggal_lahir.month):
        raise NipError("nip.tmt.sebelum_lahir", (9, 14), **_month_both("tmt", year, month),
                       **_both("lahir", tanggal_lahir))
    age = year - tanggal_lahir.year - (month < tanggal_lahir.month)
    if age < MIN_AGE_AT_APPOINTMENT:
        raise NipError("nip.tmt.muda", (9, 14), usia=age, minimal=MIN_AGE_AT_APPOINTMENT,
                       **_month_both("tmt", year, month), **_both("lahir", tanggal_lahir))


def _check_pppk_year(tanggal_lahir: dt.date, year: int) -> None:
    # Only the year is recorded: the age reached by the end of that year is the most it can be.
    if year < tanggal_lahir.year:
        raise NipError("nip.pppk.sebelum_lahir", (9, 12), tahun=f"{year:04d}",
                       **_both("lahir", tanggal_lahir))
    age = year - tanggal_lahir.year
    if age < MIN_AGE_AT_APPOINTMENT:
        raise NipError("nip.pppk.muda", (9, 12), tahun=f"{year:04d}", usia=age,
                       minimal=MIN_AGE_AT_APPOINTMENT, **_both("lahir", tanggal_lahir))


def _check_serial(nomor_urut: int) -> None:
    if not 1 <= nomor_urut <= 999:
        raise NipError("nip.urut", (16, 18), urut=f"{nomor_urut:03d}")


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
        _check_tmt(self.tanggal_lahir, self.tmt_cpns.year, self.tmt_cpns.month)
        _check_serial(self.nomor_urut)

    jenis_asn = JenisAsn.PNS

    @property
    def prefix(self) -> str:
        """The first 15 digits; the nomor urut counts from 001 within each distinct prefix."""
        return f"{self.tanggal_lahir:%Y%m%d}{self.tmt_cpns:%Y%m}{self.jenis_kelamin.value}"

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
        if len(self.kode) != 2 or not (self.kode.isascii() and self.kode.isdigit()):
            raise NipError("nip.kode", (13, 14), kode=self.kode)
        _check_pppk_year(self.tanggal_lahir, self.tahun_pengangkatan)
        _check_serial(self.nomor_urut)

    jenis_asn = JenisAsn.PPPK

    @property
    def prefix(self) -> str:
        lahir = f"{self.tanggal_lahir:%Y%m%d}"
        return f"{lahir}{self.tahun_pengangkatan:04d}{self.kode}{self.jenis_kelamin.value}"

    @property
    def text(self) -> str:
        return f"{self.prefix}{self.nomor_urut:03d}"


def _part(digit: int) -> dict[str, str]:
    for first, last, name, name_en in PARTS:
        if first <= digit <= last:
            return {"bagian": name, "bagian_en": name_en}
    return {"bagian": "", "bagian_en": ""}


def _shown_char(char: str) -> str:
    return f"'{char}'" if char.isprintable() and not char.isspace() else f"U+{ord(char):04X}"


def is_separator(char: str) -> bool:
    """White space, a dot or a hyphen between groups, or an invisible format character (a zero-width
    space copied from a PDF or a web page): dropped before the digits are read."""
    return char.isspace() or char in SEPARATORS or unicodedata.category(char) == "Cf"


def _digits(text: str) -> str:
    """The 18 digits of `text`, with the separators between them dropped."""
    groups: list[str] = []
    current = ""
    count = 0
    for position, char in enumerate(text, start=1):
        if is_separator(char):
            if current:
                groups.append(current)
            current = ""
            continue
        count += 1
        if not (char.isascii() and char.isdigit()):
            if count > NIP_LENGTH:
                raise NipError("nip.bukan_angka.lebih", None, char=_shown_char(char), posisi=position)
            raise NipError("nip.bukan_angka", (count, count), char=_shown_char(char), posisi=position,
                           digit=count, **_part(count))
        current += char
    if current:
        groups.append(current)
    compact = "".join(groups)
    if not compact:
        raise NipError("nip.kosong")
    if len(compact) != NIP_LENGTH:
        if len(groups) == len(GROUPS):
            first = 1
            for number, (group, size) in enumerate(zip(groups, GROUPS, strict=True), start=1):
                if len(group) != size:
                    raise NipError("nip.kelompok", None, ke=number, teks=group, panjang=len(group),
                                   harus=size, **_part(first))
                first += size
        code = "nip.kurang" if len(compact) < NIP_LENGTH else "nip.lebih"
        raise NipError(code, None, panjang=len(compact), selisih=abs(len(compact) - NIP_LENGTH))
    return compact


def _birth_date(digits: str) -> dt.date:
    text, year, month, day = digits[0:8], int(digits[0:4]), int(digits[4:6]), int(digits[6:8])
    if year < EARLIEST_BIRTH_YEAR:
        raise NipError("nip.lahir.tahun", (1, 4), teks=text, tahun=digits[0:4],
                       paling_awal=EARLIEST_BIRTH_YEAR)
    if not 1 <= month <= 12:
        raise NipError("nip.lahir.bulan", (5, 6), teks=text, bulan=digits[4:6])
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise NipError("nip.lahir.hari", (7, 8), teks=text, hari=digits[6:8], tahun=year, maks=last,
                       nama_bulan=MONTHS["id"][month - 1], nama_bulan_en=MONTHS["en"][month - 1])
    return dt.date(year, month, day)


def parse_nip(text: str, jenis_asn: JenisAsn | None = None) -> NipPns | NiPppk:
    """Read an 18-digit NIP PNS or NI PPPK (spaces, dots or hyphens between groups allowed), or raise
    NipError naming the digits that are wrong.

    Without `jenis_asn`, digits 13–14 = a known PPPK code (21, 24: never a month) make an NI PPPK and
    01–12 a NIP PNS; pass `jenis_asn` for PPPK numbers with other codes. The checks run left to right,
    then the one across parts (appointment age), so the first wrong part is the one named.
    """
    digits = _digits(text)
    tanggal_lahir = _birth_date(digits)
    middle = digits[12:14]
    auto = jenis_asn is None
    if jenis_asn is None:
        jenis_asn = JenisAsn.PPPK if middle in KNOWN_PPPK_CODES else JenisAsn.PNS
    year = int(digits[8:12])
    if jenis_asn is JenisAsn.PNS and not 1 <= int(middle) <= 12:
        raise NipError("nip.tmt.bulan" if auto else "nip.tmt.bulan_pns", (13, 14), teks=digits[8:14],
                       bulan=middle)
    if digits[14] not in ("1", "2"):
        raise NipError("nip.kelamin", (15, 15), digit=digits[14])
    jenis_kelamin = JenisKelamin(digits[14])
    nomor_urut = int(digits[15:18])
    _check_serial(nomor_urut)
    if jenis_asn is JenisAsn.PPPK:
        return NiPppk(tanggal_lahir, year, middle, jenis_kelamin, nomor_urut)
    _check_tmt(tanggal_lahir, year, int(middle))  # before dt.date: the TMT year may be 0000 here
    return NipPns(tanggal_lahir, dt.date(year, int(middle), 1), jenis_kelamin, nomor_urut)


def grouped(digits: str) -> str:
    """18 digits as people write them: `19860926 201505 1 001`."""
    out, start = [], 0
    for size in GROUPS:
        out.append(digits[start:start + size])
        start += size
    return " ".join(out)


def marker(span: tuple[int, int]) -> str:
    """Carets under digits `span` (1-based, inclusive) of the `grouped` form."""
    def column(digit: int) -> int:  # 0-based digit → column, one space after each group
        return digit + sum(digit >= end for end in (8, 14, 15))

    first, last = column(span[0] - 1), column(span[1] - 1)
    return " " * first + "^" * (last - first + 1)
