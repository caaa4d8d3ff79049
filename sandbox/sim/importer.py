"""`ekinerja import`: an office's own (anonymised) staff, and what it knows of their year, from the
template (`sandbox/sim/templates/`, documented column by column in `sandbox.sim.import_template`).

One row per person; a row without a NIP names a unit that has no staff of its own (e.g. the top
unit). The unit columns repeat on every row of a unit and must agree. Beside who the staff are, a
row may give the quarters' ratings, its unit's capaian organisasi, the month-by-month attendance and
the monthly TPP base: each cell given is used by `ekinerja compare --db`, each cell left blank is
drawn as for a synthetic office (`sandbox.sim.population.Given`).

Everything is read and checked before anything is written: a bad cell is refused as `file row N,
column X (name): what is wrong — what to write`, and one refused cell means nothing is written.
The office goes into the sandbox database as one audited command: `instansi`, `unor` and `pegawai`
rows as `ekinerja seed` writes them, and the given year as JSON in `pengaturan` (`impor.<instansi>`),
so the database keeps the schema every other command expects.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import sandbox.sim.import_messages  # noqa: F401 (registers the messages)
from sandbox.domain.asn import Golongan, JenisAsn
from sandbox.domain.jabatan import Jabatan, JenisJabatan, Jenjang
from sandbox.errors import SandboxError
from sandbox.i18n import message
from sandbox.sim.behaviour import ATTENDANCE, PROFILES, WORKING_DAYS
from sandbox.synth.nip import NipError, NiPppk, parse_nip
from sandbox.usertext import CONTROL, FORMULA_START, name_problem

QUARTERS = ("tw1", "tw2", "tw3", "tw4")
ATTENDANCE_COLUMNS = ("tk", "tl1", "tl2", "tl3", "tl4", "psw1", "psw2", "psw3", "psw4")  # ATTENDANCE order
IDENTITY = ("nip", "nama", "jenis_asn", "golongan", "jenis_jabatan", "jenjang", "jabatan", "unit_id",
            "unit_nama", "unit_induk_id", "pimpinan_unit", "atasan_nip", "profil_perilaku",
            "literasi_digital", "tmt")
GIVEN = ("besaran_tpp", *(f"rating_hasil_kerja_{q}" for q in QUARTERS),
         *(f"rating_perilaku_{q}" for q in QUARTERS), *(f"capaian_organisasi_{q}" for q in QUARTERS),
         *(f"{kind}_{month:02d}" for kind in ATTENDANCE_COLUMNS for month in range(1, 13)))
COLUMNS = IDENTITY + GIVEN
REQUIRED = ("nip", "jenis_asn", "golongan", "jenis_jabatan", "unit_id")  # as columns of the header
PARTS = ("hasil", "perilaku", "capaian", "kehadiran", "besaran")  # what a file may give of the year
SETTING = "impor."  # pengaturan key prefix: impor.<instansi_id>
MAX_TEXT = 200
MAX_BESARAN = 1_000_000_000  # a monthly TPP base above a billion rupiah is a typing slip
assert len(ATTENDANCE_COLUMNS) == len(ATTENDANCE)


def _key(text: str) -> str:
    return " ".join(text.lower().replace("_", " ").replace("-", " ").split())


def _words(table: dict) -> dict:
    return {_key(word): value for word, value in table.items()}


# Words a cell may hold (any case; "_", "-" and spaces alike) -> the code stored. The first word of
# each code is how the template and the exporter write it.
RATING_WORDS = _words({"Di Atas Ekspektasi": 0, "di atas": 0, "above expectations": 0, "above": 0,
                       "Sesuai Ekspektasi": 1, "sesuai": 1, "as expected": 1,
                       "Di Bawah Ekspektasi": 2, "di bawah": 2, "below expectations": 2, "below": 2})
CAPAIAN_WORDS = _words({"Istimewa": 0, "Baik": 1, "Butuh Perbaikan": 2, "Kurang": 3, "Sangat Kurang": 4})
ASN_WORDS = _words({"PNS": "PNS", "PPPK": "PPPK"})
JABATAN_WORDS = _words({"JPT": "jpt", "jabatan pimpinan tinggi": "jpt", "Administrator": "administrator",
                        "Pengawas": "pengawas", "Pelaksana": "pelaksana", "Fungsional": "fungsional",
                        "jabatan fungsional": "fungsional", "JF": "fungsional"})
JENJANG_WORDS = _words({j.value: j.value for j in Jenjang})
PROFILE_WORDS = _words({"Rajin": "diligent", "Sering Terlambat": "late_filer",
                        "Diisikan Operator": "delegates_to_operator",
                        "Literasi Digital Rendah": "low_digital_literacy", "Beban Berlebih": "overloaded",
                        "Beban Ringan": "underloaded", **{p: p for p in PROFILES}})
YES_WORDS = _words({"ya": True, "y": True, "yes": True, "tidak": False, "no": False})
# profile shares of a synthetic office, used for a person whose profile the file leaves blank
PROFILE_SHARES = (0.35, 0.20, 0.20, 0.10, 0.10, 0.05)


def written(table: dict, code) -> str:
    """How the template writes a code: the first word given for it."""
    word = next(w for w, c in table.items() if c == code)
    return " ".join(part.upper() if part in ("pns", "pppk", "jpt") else part.capitalize()
                    for part in word.split())


@dataclass
class Problem:
    """One refused cell (or the file itself when `row` is 0)."""

    row: int
    column: str  # a letter ("C"); "" for the whole file or row
    name: str  # the column's header
    code: str
    params: dict = field(default_factory=dict)

    def render(self, lang: str, source: str) -> str:
        what = (message(self.code, lang, **self.params) + " — "
                + message(self.code + ".fix", lang, **self.params))
        if not self.row:
            return f"{source}: {what}"
        if not self.column:
            return message("sim.impor.di_baris", lang, berkas=source, baris=self.row) + f": {what}"
        return message("sim.impor.di_sel", lang, berkas=source, baris=self.row, kolom=self.column,
                       nama=self.name) + f": {what}"


class ImportRefused(SandboxError):
    """A filled template refused: every bad cell at its row and column, nothing written."""

    code = "sim.impor.tidak_ditulis"

    def __init__(self, problems: list[Problem], source: str):
        super().__init__(jumlah=len(problems))
        self.problems, self.source = problems, source
        self.args = (f"{len(problems)} problems in {source}",)

    def render(self, lang: str = "id") -> str:
        return "\n".join(self.lines(lang))

    def lines(self, lang: str, shown: int = 40) -> list[str]:
        out = [p.render(lang, self.source) for p in self.problems[:shown]]
        if len(self.problems) > shown:
            out.append(message("sim.impor.lainnya", lang, jumlah=len(self.problems) - shown))
        out.append(message("sim.impor.tidak_ditulis", lang, jumlah=len(self.problems)))
        return out


@dataclass
class Office:
    """A checked file: the rows to store and what it gives of the year."""

    units: list  # unor rows (without instansi_id)
    people: list  # pegawai rows
    given: dict  # the JSON kept in pengaturan (parts, counts, values by NIP / unit id)


# -- reading the cells ------------------------------------------------------------------------------


def letter(index: int) -> str:
    """A 0-based column index as a spreadsheet letter (0 -> A, 26 -> AA)."""
    out, index = "", index + 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


def read_table(path: Path) -> tuple[list, list]:
    """(header, rows) of a .csv (UTF-8 with or without BOM, ';' or ',') or an .xlsx (sheet Pegawai)."""
    from sandbox.sim.rulebook import SimError

    path = Path(path)
    if not path.is_file():
        raise SimError("sim.impor.berkas_tidak_ada", path=str(path))
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        import zipfile

        from openpyxl import load_workbook

        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
            raise SimError("sim.impor.xlsx_rusak", path=str(path), detail=str(error)) from None
        try:
            sheet = book["Pegawai"] if "Pegawai" in book.sheetnames else book.worksheets[0]
            rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        finally:
            book.close()
    elif suffix == ".csv":
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise SimError("sim.impor.bukan_utf8", path=str(path)) from None
        first = text.split("\n", 1)[0]
        delimiter = ";" if first.count(";") >= first.count(",") and ";" in first else ","
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    else:
        raise SimError("sim.impor.jenis_berkas", path=str(path))
    while rows and all(_blank(v) for v in rows[-1]):
        rows.pop()
    if not rows:
        return [], []
    return rows[0], rows[1:]


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value) -> str:
    """A cell as text: a CSV guard apostrophe (`usertext.csv_cell`) taken off again."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    text = str(value).strip()
    if text.startswith("'") and text[1:].lstrip(" ").startswith(FORMULA_START):
        text = text[1:]
    return text


class _Cells:
    """Parses the cells of one row; each refusal becomes a Problem at its row and column."""

    def __init__(self, row: int, values: dict, where: dict, problems: list):
        self.row, self.values, self.where, self.problems = row, values, where, problems

    def refuse(self, name: str, code: str, **params) -> None:
        self.problems.append(Problem(self.row, self.where.get(name, ""), name, code,
                                     {"nilai": _shown(self.values.get(name)), **params}))

    def raw(self, name: str):
        return self.values.get(name)

    def text(self, name: str, required: bool = False) -> str | None:
        text = _text(self.values.get(name))
        if not text:
            if required:
                self.refuse(name, "sim.impor.wajib")
            return None
        bad = name_problem(text)
        if bad or len(text) > MAX_TEXT:
            self.refuse(name, "sim.impor.teks", maks=MAX_TEXT)
            return None
        return text

    def word(self, name: str, table: dict, required: bool = False):
        text = _text(self.values.get(name))
        if not text:
            if required:
                self.refuse(name, "sim.impor.wajib")
            return None
        found = table.get(_key(text))
        if found is None:
            self.refuse(name, "sim.impor.kata", boleh=", ".join(_choices(table)))
        return found

    def whole(self, name: str, low: int, high: int) -> int | None:
        value = self.values.get(name)
        if _blank(value):
            return None
        number = whole_number(value)
        if number is None or not low <= number <= high:
            self.refuse(name, "sim.impor.bilangan", rendah=low, tinggi=f"{high:,}".replace(",", "."))
            return None
        return number

    def share(self, name: str) -> float | None:
        value = self.values.get(name)
        if _blank(value):
            return None
        number = decimal(value)
        if number is None or not 0 <= number <= 1:
            self.refuse(name, "sim.impor.desimal")
            return None
        return number

    def date(self, name: str) -> dt.date | None:
        value = self.values.get(name)
        if _blank(value):
            return None
        if isinstance(value, dt.datetime | dt.date):
            return value if type(value) is dt.date else value.date()
        text = _text(value)
        for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
            try:
                return dt.datetime.strptime(text, pattern).date()
            except ValueError:
                continue
        self.refuse(name, "sim.impor.tanggal")
        return None


def _shown(value) -> str:
    text = CONTROL.sub(" ", _text(value))
    return text if len(text) <= 40 else text[:40] + "…"


def _choices(table: dict) -> list:
    seen, out = set(), []
    for code in table.values():
        if code not in seen:
            seen.add(code)
            out.append(written(table, code))
    return out


def whole_number(value) -> int | None:
    """A whole number as an Indonesian spreadsheet writes it: 4840000, 4.840.000, Rp 4.840.000,
    4 840 000, 4.840.000,00; None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = _text(value).replace("\u00a0", " ")
    text = re.sub(r"^rp\.?\s*", "", text, flags=re.IGNORECASE).replace(" ", "")
    text = re.sub(r",0+$", "", text)
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", "")
    return int(text) if re.fullmatch(r"\d+", text) else None


def decimal(value) -> float | None:
    """A decimal written with a comma (0,5) or a point (0.5)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    text = _text(value).replace(",", ".")
    return float(text) if re.fullmatch(r"\d+(\.\d+)?", text) else None


def golongan_of(text: str, jenis: JenisAsn) -> Golongan | None:
    """III/a, iii a, IIIa, III-A (PNS); IX or 9 (PPPK)."""
    squashed = text.upper().replace(" ", "").replace("-", "/")
    if jenis is JenisAsn.PNS:
        found = re.fullmatch(r"(IV|III|II|I)/?([A-E])", squashed)
        kode = f"{found.group(1)}/{found.group(2).lower()}" if found else None
    else:
        kode = squashed
        if squashed.isdigit() and 1 <= int(squashed) <= 17:
            kode = Golongan.scale(JenisAsn.PPPK)[int(squashed) - 1].kode
    try:
        return Golongan.of(jenis, kode) if kode else None
    except ValueError:
        return None


# -- the whole file ----------------------------------------------------------------------------------


def check(path: Path) -> Office:
    """Read and check a file; an `Office` to store, or ImportRefused with every problem found."""
    header, rows = read_table(path)
    source = Path(path).name
    problems: list[Problem] = []
    names = [_key(_text(h)).replace(" ", "_") for h in header]
    where: dict[str, str] = {}
    for k, name in enumerate(names):
        if not name:
            if any(not _blank(r[k]) for r in rows if k < len(r)):
                problems.append(Problem(1, letter(k), "", "sim.impor.kolom_tanpa_nama"))
        elif name not in COLUMNS:
            problems.append(Problem(1, letter(k), name, "sim.impor.kolom_asing", {"nilai": _shown(name)}))
        elif name in where:
            problems.append(Problem(1, letter(k), name, "sim.impor.kolom_ganda", {"pertama": where[name]}))
        else:
            where[name] = letter(k)
    missing = [name for name in REQUIRED if name not in where]
    if missing:
        problems.append(Problem(0, "", "", "sim.impor.kolom_hilang", {"kolom": ", ".join(missing)}))
    if not rows and not problems:
        problems.append(Problem(0, "", "", "sim.impor.kosong"))
    if problems:
        raise ImportRefused(problems, source)
    index = {name: names.index(name) for name in where}
    parsed = []
    for number, row in enumerate(rows, start=2):
        values = {name: row[k] if k < len(row) else None for name, k in index.items()}
        if all(_blank(v) for v in values.values()):
            continue
        parsed.append(_row(_Cells(number, values, where, problems)))
    office = _office(parsed, where, problems)
    if problems:
        raise ImportRefused(problems, source)
    office.given["berkas"] = source
    return office


def _row(cells: _Cells) -> dict:
    """One row's values, typed; refusals are added to the problems."""
    out: dict = {"row": cells.row, "cells": cells}
    out["unit_id"] = cells.text("unit_id", required=True)
    out["unit_nama"] = cells.text("unit_nama")
    out["unit_induk_id"] = cells.text("unit_induk_id")
    out["capaian"] = [cells.word(f"capaian_organisasi_{q}", CAPAIAN_WORDS) for q in QUARTERS]
    person = [name for name in COLUMNS if not name.startswith(("unit_", "capaian_"))
              and not _blank(cells.raw(name))]
    if _blank(cells.raw("nip")):
        if person:  # a unit-only row holds unit columns only
            cells.refuse("nip", "sim.impor.nip_kosong", kolom=", ".join(person[:3]))
        return out
    jenis_text = cells.word("jenis_asn", ASN_WORDS, required=True)
    jenis = JenisAsn(jenis_text) if jenis_text else None
    parsed_nip = out["nip"] = None
    if isinstance(cells.raw("nip"), float):  # an 18-digit number Excel kept as a double: digits lost
        cells.refuse("nip", "sim.impor.nip_angka")
    else:
        try:
            parsed_nip = parse_nip(_text(cells.raw("nip")).replace(" ", ""), jenis)
            out["nip"] = parsed_nip.text
        except NipError as error:
            cells.problems.append(Problem(cells.row, cells.where["nip"], "nip", error.code, error.params))
    if jenis is not None:
        text = cells.text("golongan", required=True)
        golongan = golongan_of(text, jenis) if text else None
        if text and golongan is None:
            cells.refuse("golongan", "sim.impor.golongan", jenis=jenis.value)
        out["golru"] = golongan.kode if golongan else None
    kind = cells.word("jenis_jabatan", JABATAN_WORDS, required=True)
    jenjang = cells.word("jenjang", JENJANG_WORDS)
    name = cells.text("jabatan")
    jabatan = None
    if kind:
        try:
            jabatan = Jabatan(name or written(JABATAN_WORDS, kind), JenisJabatan(kind),
                              Jenjang(jenjang) if jenjang else None)
        except ValueError:
            needs = kind in ("jpt", "fungsional")
            cells.refuse("jenjang", "sim.impor.jenjang_perlu" if needs else "sim.impor.jenjang_tidak",
                         jenis=written(JABATAN_WORDS, kind))
    out.update(
        jenis_asn=jenis_text, jabatan=(name if name else jabatan.label if jabatan else None),
        jenis_jabatan=kind, jenjang=jenjang, nama=cells.text("nama"), atasan=_nip_ref(cells, "atasan_nip"),
        pimpinan=_lead(cells), profil=cells.word("profil_perilaku", PROFILE_WORDS),
        literasi=cells.share("literasi_digital"), tmt=cells.date("tmt"), nip_parsed=parsed_nip,
        besaran=cells.whole("besaran_tpp", 0, MAX_BESARAN),
        hasil=[cells.word(f"rating_hasil_kerja_{q}", RATING_WORDS) for q in QUARTERS],
        perilaku=[cells.word(f"rating_perilaku_{q}", RATING_WORDS) for q in QUARTERS],
        kehadiran=[cells.whole(f"{kind_}_{month:02d}", 0, WORKING_DAYS) for kind_ in ATTENDANCE_COLUMNS
                   for month in range(1, 13)])
    return out


def _nip_ref(cells: _Cells, name: str) -> str | None:
    text = _text(cells.raw(name)).replace(" ", "")
    if not text:
        return None
    if not re.fullmatch(r"\d{18}", text):
        cells.refuse(name, "sim.impor.atasan_bentuk")
        return None
    return text


def _lead(cells: _Cells):
    """True: heads the row's own unit; a unit id: heads that unit; None: heads none."""
    text = _text(cells.raw("pimpinan_unit"))
    if not text:
        return None
    yes = YES_WORDS.get(_key(text))
    if yes is not None:
        return True if yes else None
    return text


def _office(rows: list, where: dict, problems: list) -> Office:
    """Rows checked against one another: units agree, references resolve, nobody twice."""
    def refuse(row: dict, name: str, code: str, **params) -> None:
        row["cells"].refuse(name, code, **params)

    units: dict[str, dict] = {}
    for row in rows:
        uid = row["unit_id"]
        if uid is None:
            continue
        unit = units.setdefault(uid, {"id": uid, "nama": None, "parent_id": None, "first": row["row"],
                                      "parent_row": None, "capaian": [None] * 4, "pimpinan_nip": None})
        if row["unit_nama"]:
            if unit["nama"] is None:
                unit["nama"] = row["unit_nama"]
            elif unit["nama"] != row["unit_nama"]:
                refuse(row, "unit_nama", "sim.impor.unit_beda", pertama=unit["first"], ada=unit["nama"])
        if row["unit_induk_id"]:
            if unit["parent_row"] is None:
                unit["parent_id"], unit["parent_row"] = row["unit_induk_id"], row
            elif unit["parent_id"] != row["unit_induk_id"]:
                refuse(row, "unit_induk_id", "sim.impor.unit_beda", pertama=unit["first"],
                       ada=unit["parent_id"])
        for q, code in enumerate(row["capaian"]):
            if code is None:
                continue
            if unit["capaian"][q] is None:
                unit["capaian"][q] = code
            elif unit["capaian"][q] != code:
                refuse(row, f"capaian_organisasi_{QUARTERS[q]}", "sim.impor.capaian_beda",
                       pertama=unit["first"], ada=written(CAPAIAN_WORDS, unit["capaian"][q]))
    by_row = {row["row"]: row for row in rows}
    for unit in units.values():
        if unit["nama"] is None:
            refuse(by_row[unit["first"]], "unit_nama", "sim.impor.unit_tanpa_nama", unit=unit["id"])
        parent = unit["parent_id"]
        if parent is not None and parent not in units:
            refuse(unit["parent_row"], "unit_induk_id", "sim.impor.induk_asing")
            unit["parent_id"] = None
    for unit in units.values():  # a unit under itself, however far up
        seen, up = {unit["id"]}, unit["parent_id"]
        while up is not None and up in units:
            if up in seen:
                refuse(unit["parent_row"], "unit_induk_id", "sim.impor.induk_lingkar", unit=unit["id"])
                break
            seen.add(up)
            up = units[up]["parent_id"]
    people = [row for row in rows if row.get("nip")]
    first_of: dict[str, int] = {}
    for row in people:
        if row["nip"] in first_of:
            refuse(row, "nip", "sim.impor.nip_ganda", pertama=first_of[row["nip"]])
        first_of.setdefault(row["nip"], row["row"])
    for row in people:
        if row["atasan"] is not None and (row["atasan"] not in first_of or row["atasan"] == row["nip"]):
            refuse(row, "atasan_nip", "sim.impor.atasan_asing")
            row["atasan"] = None
        lead = row["pimpinan"]
        if lead is None:
            continue
        uid = row["unit_id"] if lead is True else lead
        if uid not in units:
            refuse(row, "pimpinan_unit", "sim.impor.pimpinan_asing")
        elif units[uid]["pimpinan_nip"] is not None:
            refuse(row, "pimpinan_unit", "sim.impor.pimpinan_ganda", pertama=units[uid]["pimpinan_row"])
        else:
            units[uid]["pimpinan_nip"], units[uid]["pimpinan_row"] = row["nip"], row["row"]
    if problems:
        return Office([], [], {})
    return _rows(units, people)


def _rows(units: dict, people: list) -> Office:
    """The `unor` and `pegawai` rows (as `synth.persist.office_rows` writes them) and the given year."""
    unor = [{"id": u["id"], "nama": u["nama"], "parent_id": u["parent_id"], "aktif": 1,
             "pimpinan_nip": u["pimpinan_nip"], "capaian_org_default": None} for u in units.values()]
    pegawai, given = [], {part: {} for part in PARTS}
    drawn_profiles = 0
    for row in people:
        nip = row["nip_parsed"]
        if row["profil"] is None:
            drawn_profiles += 1
        pppk = isinstance(nip, NiPppk)
        tmt = row["tmt"] or (dt.date(nip.tahun_pengangkatan, 1, 1) if pppk else nip.tmt_cpns)
        pegawai.append({
            "nip": row["nip"], "nama": row["nama"] or f"Pegawai {row['nip'][-6:]}",
            "jenis_asn": row["jenis_asn"], "golru": row["golru"], "jabatan": row["jabatan"],
            "jenis_jabatan": row["jenis_jabatan"], "jenjang": row["jenjang"], "unor_id": row["unit_id"],
            "atasan_nip": row["atasan"], "aktif": 1, "digital_literacy": row["literasi"],
            "jenis_kelamin": nip.jenis_kelamin.value, "tanggal_lahir": nip.tanggal_lahir.isoformat(),
            "tmt": tmt.isoformat(), "behaviour_profile": row["profil"] or drawn_profile(row["nip"])})
        for part in ("hasil", "perilaku", "kehadiran"):
            if any(v is not None for v in row[part]):
                given[part][row["nip"]] = row[part]
        if row["besaran"] is not None:
            given["besaran"][row["nip"]] = row["besaran"]
    for unit in units.values():
        if any(v is not None for v in unit["capaian"]):
            given["capaian"][unit["id"]] = unit["capaian"]
    totals = {"hasil": 4 * len(people), "perilaku": 4 * len(people), "capaian": 4 * len(units),
              "kehadiran": 12 * len(ATTENDANCE) * len(people), "besaran": len(people)}
    counts = {part: [_cells(values), totals[part]] for part, values in given.items()}
    kept = {part: values for part, values in given.items() if values}
    return Office(unor, pegawai, {**kept, "bagian": counts, "profil_diambil": drawn_profiles,
                                  "pegawai": len(people), "unit": len(units)})


def _cells(values: dict) -> int:
    return sum(1 if not isinstance(v, list) else sum(x is not None for x in v) for v in values.values())


def drawn_profile(nip: str) -> str:
    """A behaviour profile for a person the file gives none: drawn with a synthetic office's shares,
    from the NIP (the same file always gets the same profiles)."""
    rng = random.Random(int(hashlib.sha256(nip.encode()).hexdigest()[:16], 16))
    return rng.choices(PROFILES, PROFILE_SHARES)[0]


# -- writing ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Imported:
    instansi_id: str
    nama: str
    path: Path
    given: dict


def import_file(path: Path, db: str | None, instansi_id: str, nama: str) -> Imported:
    """Check the file, then write the office into the sandbox database in one audited command.
    Raises ImportRefused (nothing written) or a StoreError."""
    from sandbox.store import open_store

    office = check(path)
    source = Path(path).name
    with open_store(db) as store:
        conn = store.db.conn
        problems = []
        if conn.execute("SELECT 1 FROM instansi WHERE id = ?", [instansi_id]).fetchone():
            problems.append(Problem(0, "", "", "sim.impor.instansi_ada", {"id": instansi_id}))
        _taken(conn, "unor", "id", [u["id"] for u in office.units], problems, "sim.impor.unit_ada")
        _taken(conn, "pegawai", "nip", [p["nip"] for p in office.people], problems, "sim.impor.nip_ada")
        if problems:
            raise ImportRefused(problems, source)

        def write(db) -> None:
            db.execute("PRAGMA defer_foreign_keys = ON")
            db["instansi"].insert({"id": instansi_id, "nama": nama})
            db["unor"].insert_all([{**u, "instansi_id": instansi_id} for u in office.units], batch_size=1000)
            db["pegawai"].insert_all(office.people, batch_size=1000)
            db["pengaturan"].insert({"kunci": SETTING + instansi_id,
                                     "nilai": json.dumps(office.given, ensure_ascii=False)})

        payload = {"instansi": instansi_id, "berkas": source, "units": len(office.units),
                   "pegawai": len(office.people), "bagian": office.given["bagian"]}
        store.apply(None, None, "sim.impor", "instansi", instansi_id, payload, write)
        return Imported(instansi_id, nama, store.path, office.given)


def _taken(conn, table: str, column: str, values: list, problems: list, code: str) -> None:
    found = []
    for start in range(0, len(values), 500):
        chunk = values[start:start + 500]
        found += [r[0] for r in conn.execute(
            f"SELECT {column} FROM {table} WHERE {column} IN ({','.join('?' * len(chunk))})", chunk)]
    if found:
        problems.append(Problem(0, "", "", code, {"jumlah": len(found), "contoh": ", ".join(found[:3])}))


# -- what was given, for the reports ---------------------------------------------------------------------


def given_in(db: str | Path) -> tuple[dict, int, int]:
    """(instansi id -> the given-year JSON of each imported office, active staff, active units) of a
    sandbox database."""
    import sqlite3

    conn = sqlite3.connect(Path(db).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        staff = conn.execute("SELECT count(*) FROM pegawai WHERE aktif = 1").fetchone()[0]
        units = conn.execute("SELECT count(*) FROM unor WHERE aktif = 1").fetchone()[0]
        rows = conn.execute("SELECT kunci, nilai FROM pengaturan WHERE kunci LIKE ?", [SETTING + "%"])
        return {kunci[len(SETTING):]: json.loads(nilai) for kunci, nilai in rows}, staff, units
    except sqlite3.DatabaseError:
        return {}, 0, 0
    finally:
        conn.close()


def sources_line(db: str | Path | None, lang: str) -> str:
    """One line for a report: which parts of the year the data gave and which the simulator drew
    (an office of the database that was not imported gives none)."""
    if db is None:
        return message("sim.impor.sumber_sintetis", lang)
    imported, staff, units = given_in(db)
    totals = {"hasil": 4 * staff, "perilaku": 4 * staff, "capaian": 4 * units,
              "kehadiran": 12 * len(ATTENDANCE) * staff, "besaran": staff}
    gave, drew = [message("sim.impor.bagian.pegawai", lang)], []
    for part in PARTS:
        name = message(f"sim.impor.bagian.{part}", lang)
        given = sum(data.get("bagian", {}).get(part, [0])[0] for data in imported.values())
        if given and given >= totals[part]:
            gave.append(name)
        elif given:
            gave.append(message("sim.impor.sebagian", lang, bagian=name, ada=_n(given),
                                dari=_n(totals[part])))
            drew.append(message("sim.impor.sisanya", lang, bagian=name))
        else:
            drew.append(name)
    profiles = sum(d.get("profil_diambil", 0) for d in imported.values())
    if profiles:
        drew.append(message("sim.impor.profil_diambil", lang, jumlah=_n(profiles)))
    drew.append(message("sim.impor.bagian.lain", lang))
    return message("sim.impor.sumber", lang, diberi="; ".join(gave), diambil="; ".join(drew))


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")
