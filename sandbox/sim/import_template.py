"""The import template, documented column by column, and an office exported in its shape.

`write_templates(folder)` writes what ships in `sandbox/sim/templates/`: `templat-impor.xlsx` (sheet
*Pegawai* with a small example office, sheet *Petunjuk* describing every column), `templat-impor.csv`
(the same rows for an Indonesian Excel: UTF-8 with BOM, `;` between cells) and `templat-impor.md`
(the column guide for the CSV). `export_office` writes a stored office in the same shape, and with
`seed` also the year the simulator would draw for it (ratings, capaian, attendance, TPP bases): so
export → `ekinerja import` → `ekinerja compare` can be checked to give the very same figures.
"""

from __future__ import annotations

import csv
from pathlib import Path

from sandbox.sim.behaviour import ATTENDANCE, PROFILES
from sandbox.sim.importer import (
    ASN_WORDS,
    ATTENDANCE_COLUMNS,
    CAPAIAN_WORDS,
    COLUMNS,
    IDENTITY,
    JABATAN_WORDS,
    JENJANG_WORDS,
    PROFILE_WORDS,
    QUARTERS,
    RATING_WORDS,
    REQUIRED,
    _choices,
    written,
)
from sandbox.sim.workbook import set_text
from sandbox.usertext import csv_cell

TEMPLATES = Path(__file__).with_name("templates")
NAME = "templat-impor"
_RATING = ", ".join(_choices(RATING_WORDS)) + " (juga / also di_atas, sesuai, di_bawah)"
_CAPAIAN = ", ".join(_choices(CAPAIAN_WORDS))
NOTE = ("Kata boleh huruf besar atau kecil; spasi, _ dan - sama saja (Ahli Pertama = ahli_pertama). "
        "Sel kosong pada kolom tahun berjalan diambil acak oleh simulator. / Words in any case; spaces, _ "
        "and - alike (Ahli Pertama = ahli_pertama). Empty cells of the year's columns are drawn by the "
        "simulator.")

# column (or a pattern of columns) -> (meaning in Indonesian, in English, values accepted, example)
GUIDE: list[tuple[str, str, str, str, str]] = [
    ("nip", "NIP PNS atau NI PPPK, 18 digit (spasi boleh); tanggal lahir, jenis kelamin dan TMT dibaca "
     "darinya. Kosong: baris ini hanya menyebut unit tanpa pegawai.",
     "NIP of a PNS or NI of a PPPK, 18 digits (spaces allowed); birth date, sex and TMT are read from it. "
     "Empty: the row only names a unit without staff.", "18 digit yang sah / 18 valid digits",
     "198503122010011001"),
    ("nama", "Nama atau samaran (data boleh dianonimkan). Kosong: 'Pegawai' dan 6 digit akhir NIP.",
     "Name or pseudonym (the data may be anonymised). Empty: 'Pegawai' and the NIP's last 6 digits.",
     "teks / text", "Pegawai A"),
    ("jenis_asn", "PNS atau PPPK.", "PNS or PPPK.", ", ".join(_choices(ASN_WORDS)), "PNS"),
    ("golongan", "Golongan ruang PNS atau golongan PPPK.", "PNS golongan ruang or PPPK golongan.",
     "PNS: I/a … IV/e; PPPK: I … XVII (atau / or 1 … 17)", "III/a"),
    ("jenis_jabatan", "Jenis jabatan.", "Kind of position.", ", ".join(_choices(JABATAN_WORDS)),
     "Fungsional"),
    ("jenjang", "Jenjang JPT atau jabatan fungsional; kosong untuk Administrator, Pengawas, Pelaksana.",
     "Level of a JPT or jabatan fungsional; empty for Administrator, Pengawas, Pelaksana.",
     ", ".join(_choices(JENJANG_WORDS)), "Ahli Pertama"),
    ("jabatan", "Nama jabatan. Kosong: jenis dan jenjangnya.", "Name of the position. Empty: its kind "
     "and level.", "teks / text", "Analis Kebijakan Ahli Pertama"),
    ("unit_id", "Kode unit kerja (unor) tempat pegawai; sama untuk semua baris unit itu.",
     "Code of the person's work unit (unor); the same on every row of that unit.", "teks / text",
     "DISHUB.SEK"),
    ("unit_nama", "Nama unit; cukup di satu baris unit itu, bila diulang harus sama.",
     "Name of the unit; one row of the unit is enough, repeated it must be the same.", "teks / text",
     "Sekretariat Dinas"),
    ("unit_induk_id", "Kode unit di atasnya; kosong untuk unit teratas. Unit induk tanpa pegawai "
     "ditulis di baris tanpa NIP.", "Code of the unit above; empty for the top unit. A parent unit "
     "without staff gets a row without a NIP.", "unit_id lain / another unit_id", "DISHUB"),
    ("pimpinan_unit", "Ya bila pegawai memimpin unitnya (atau kode unit lain yang dipimpinnya).",
     "Ya if the person heads their unit (or the code of another unit they head).",
     "Ya, Tidak, unit_id", "Ya"),
    ("atasan_nip", "NIP pejabat penilai; kosong bila penilai di luar kantor ini (mis. Bupati).",
     "NIP of the rater; empty if the rater is outside this office (e.g. the Bupati).",
     "nip pegawai lain di berkas / another nip in the file", "197803042005011002"),
    ("profil_perilaku", "Kebiasaan memakai e-Kinerja (asumsi simulator). Kosong: diambil acak saat "
     "impor.", "How the person uses e-Kinerja (a simulator assumption). Empty: drawn at import.",
     ", ".join(_choices(PROFILE_WORDS)[:len(PROFILES)]), "Rajin"),
    ("literasi_digital", "Literasi digital 0 sampai 1 (boleh kosong).",
     "Digital literacy from 0 to 1 (may be empty).", "0 … 1, mis. / e.g. 0,5", "0,75"),
    ("tmt", "TMT (boleh kosong: PNS dari NIP, PPPK 1 Januari tahun pengangkatan).",
     "TMT (may be empty: PNS from the NIP, PPPK 1 January of the year of appointment).",
     "01/03/2015, 2015-03-01", "01/03/2010"),
    ("besaran_tpp", "Besaran TPP per bulan (rupiah). Kosong: dari tabel Asumsi menurut jabatan.",
     "Monthly TPP base (rupiah). Empty: from the Assumptions table by position.",
     "4840000, 4.840.000, Rp 4.840.000", "4.840.000"),
    ("rating_hasil_kerja_tw1 … tw4", "Rating hasil kerja triwulan I–IV seperti pertama dinilai atasan "
     "(sebelum penyesuaian kurva). Kosong: diambil acak. Untuk pimpinan unit, aturan menurunkannya dari "
     "capaian organisasi.", "Rating of results in quarters I–IV as the rater first gave it (before the "
     "curve adjustment). Empty: drawn. For a unit head the rules derive it from the capaian organisasi.",
     _RATING, "Sesuai Ekspektasi"),
    ("rating_perilaku_tw1 … tw4", "Rating perilaku triwulan I–IV. Kosong: diambil acak.",
     "Rating of behaviour in quarters I–IV. Empty: drawn.", _RATING, "Di Atas Ekspektasi"),
    ("capaian_organisasi_tw1 … tw4", "Capaian organisasi unit pegawai (unit_id) triwulan I–IV; sama di "
     "setiap baris unit itu. Kosong: diambil acak mengikuti rating stafnya.",
     "Capaian organisasi of the person's unit (unit_id) in quarters I–IV; the same on each row of that "
     "unit. Empty: drawn following its staff's ratings.", _CAPAIAN, "Baik"),
    ("tk_01 … tk_12", "Hari tanpa keterangan pada bulan 01 (Januari) … 12 (Desember). Kosong: diambil "
     "acak.", "Days absent without leave in month 01 (January) … 12 (December). Empty: drawn.",
     "0 … 22", "0"),
    ("tl1_01 … tl4_12", "Kejadian terlambat masuk kategori TL1–TL4 per bulan. Kosong: diambil acak.",
     "Late arrivals of category TL1–TL4 per month. Empty: drawn.", "0 … 22", "1"),
    ("psw1_01 … psw4_12", "Kejadian pulang sebelum waktu kategori PSW1–PSW4 per bulan. Kosong: diambil "
     "acak.", "Early departures of category PSW1–PSW4 per month. Empty: drawn.", "0 … 22", "0"),
]

_HEAD = {"nip": "197803042005011002", "nama": "Pegawai A", "jenis_asn": "PNS", "golongan": "IV/a",
         "jenis_jabatan": "Administrator", "jabatan": "Sekretaris Dinas", "unit_id": "DISHUB.SEK",
         "unit_nama": "Sekretariat Dinas", "unit_induk_id": "DISHUB", "pimpinan_unit": "Ya",
         "profil_perilaku": "Rajin", "besaran_tpp": "9.500.000"}
EXAMPLE = [
    {"unit_id": "DISHUB", "unit_nama": "Dinas Perhubungan Kabupaten Contoh"},
    _HEAD,
    {"nip": "198503122010011001", "nama": "Pegawai B", "jenis_asn": "PNS", "golongan": "III/a",
     "jenis_jabatan": "Fungsional", "jenjang": "Ahli Pertama", "jabatan": "Analis Kebijakan Ahli Pertama",
     "unit_id": "DISHUB.SEK", "atasan_nip": "197803042005011002", "profil_perilaku": "Sering Terlambat",
     "literasi_digital": "0,75", "besaran_tpp": "4.840.000",
     **{f"rating_hasil_kerja_{q}": "Sesuai Ekspektasi" for q in QUARTERS},
     **{f"rating_perilaku_{q}": "Di Atas Ekspektasi" for q in QUARTERS},
     **{f"capaian_organisasi_{q}": "Baik" for q in QUARTERS}, "tl1_03": "1"},
    {"nip": "199601152022212001", "nama": "Pegawai C", "jenis_asn": "PPPK", "golongan": "IX",
     "jenis_jabatan": "Pelaksana", "unit_id": "DISHUB.SEK", "atasan_nip": "197803042005011002"},
]


def write_csv(path: Path, rows: list[dict]) -> Path:
    """For an Indonesian Excel: UTF-8 with BOM, `;` between cells; typed text guarded (`csv_cell`)."""
    with Path(path).open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(COLUMNS)
        writer.writerows([[csv_cell(_cell(row.get(c))) for c in COLUMNS] for row in rows])
    return Path(path)


def _cell(value) -> str:
    return "" if value is None else str(value)


def write_xlsx(path: Path, rows: list[dict]) -> Path:
    """Sheet Pegawai (every cell text, so NIPs keep their 18 digits) and sheet Petunjuk (the guide)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Pegawai"
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([_cell(row.get(c)) or None for c in COLUMNS])
    for cells in sheet.iter_rows():
        for cell in cells:
            cell.number_format = "@"  # text: Excel keeps "0,5" and 18-digit NIPs as typed
            if isinstance(cell.value, str):
                set_text(cell, cell.value)  # a typed "=…" stays text, never a formula
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "B2"
    guide = book.create_sheet("Petunjuk")
    guide.append(["kolom / column", "wajib / required", "arti", "meaning", "isi yang diterima / accepted",
                  "contoh / example"])
    for name, arti, meaning, accepted, example in GUIDE:
        guide.append([name, "ya / yes" if name in REQUIRED else "", arti, meaning, accepted, example])
    guide.append([])
    guide.append([NOTE])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEF", (30, 16, 60, 60, 40, 30), strict=True):
        guide.column_dimensions[letter].width = width
    book.save(path)
    return Path(path)


def guide_markdown() -> str:
    """The CSV's companion: what each column holds, Indonesian first."""
    lines = ["# Templat impor data kantor / Office data import template", "",
             "Satu baris per pegawai; baris tanpa NIP menyebut unit tanpa pegawai. Sel kosong pada kolom "
             "tahun berjalan (rating, capaian, kehadiran, besaran TPP) diambil acak oleh simulator, dan "
             "laporan `ekinerja compare` menyebut mana yang diberikan dan mana yang diambil acak. "
             "Impor: `ekinerja import templat-impor.csv --db kantor.sqlite`.", "",
             "One row per person; a row without a NIP names a unit without staff. Empty cells of the "
             "year's columns (ratings, capaian, attendance, TPP base) are drawn by the simulator, and the "
             "`ekinerja compare` report says which parts were given and which were drawn.", "",
             "CSV: UTF-8 (BOM boleh / allowed), pemisah `;` atau `,` / `;` or `,` delimited; angka "
             "`4.840.000` dan `0,5` diterima / accepted. " + NOTE, "",
             "| kolom / column | wajib / required | arti | meaning | isi yang diterima / accepted | "
             "contoh / example |", "|---|---|---|---|---|---|"]
    for name, arti, meaning, accepted, example in GUIDE:
        cells = [name, "ya / yes" if name in REQUIRED else "", arti, meaning, accepted, example]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def write_templates(folder: Path = TEMPLATES) -> list[Path]:
    """The shipped template files (regenerate them with this after changing a column)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{NAME}.md").write_text(guide_markdown(), encoding="utf-8")
    return [write_csv(folder / f"{NAME}.csv", EXAMPLE), write_xlsx(folder / f"{NAME}.xlsx", EXAMPLE),
            folder / f"{NAME}.md"]


# -- an office in the template's shape --------------------------------------------------------------


def office_rows(db: str | Path, index: int = 0, seed: int | None = None, year: int = 2026,
                assumptions=None) -> list[dict]:
    """The `index`-th office of a sandbox database (instansi by id, as `compare --db` numbers them)
    as template rows; with `seed`, also the year `compare --db … --seed S` would draw for it."""
    from sandbox.sim.adjust import tree_of
    from sandbox.sim.assumptions import default_assumptions
    from sandbox.sim.population import database_units, load
    from sandbox.sim.year import draw, people_of

    office = load(database_units(db)[index])
    with_people = {p["unor_id"] for p in office.people}
    leads = {u["pimpinan_nip"]: u["id"] for u in office.units if u["pimpinan_nip"]}
    rows = [{"unit_id": u["id"], "unit_nama": u["nama"], "unit_induk_id": u["parent_id"]}
            for u in office.units if u["id"] not in with_people]
    names = {u["id"]: u for u in office.units}
    for p in office.people:
        unit = names[p["unor_id"]]
        led = leads.get(p["nip"])
        rows.append({
            "nip": p["nip"], "nama": p["nama"], "jenis_asn": p["jenis_asn"], "golongan": p["golru"],
            "jenis_jabatan": written(JABATAN_WORDS, p["jenis_jabatan"]),
            "jenjang": written(JENJANG_WORDS, p["jenjang"]) if p["jenjang"] else None,
            "jabatan": p["jabatan"], "unit_id": unit["id"], "unit_nama": unit["nama"],
            "unit_induk_id": unit["parent_id"], "pimpinan_unit": None if led is None else
            "Ya" if led == p["unor_id"] else led, "atasan_nip": p["atasan_nip"],
            "profil_perilaku": written(PROFILE_WORDS, p["behaviour_profile"]),
            "literasi_digital": None if p["digital_literacy"] is None else
            str(p["digital_literacy"]).replace(".", ","), "tmt": p["tmt"]})
    if seed is None:
        return rows
    a = assumptions or default_assumptions()
    people = people_of(office, year, a)
    tree = tree_of(office.units, people.unit, people.leads)
    drawn = draw(people, tree, len(office.units), seed, index, a, office.given)
    position = {nip: k for k, nip in enumerate(people.nip)}
    unit_at = {u["id"]: k for k, u in enumerate(office.units)}
    for row in rows:
        u = unit_at[row["unit_id"]]
        row.update({f"capaian_organisasi_{q}": written(CAPAIAN_WORDS, int(drawn.capaian[u, j]))
                    for j, q in enumerate(QUARTERS)})
        k = position.get(row.get("nip"))
        if k is None:
            continue
        row["besaran_tpp"] = f"{int(people.besaran[k]):,}".replace(",", ".")
        for j, q in enumerate(QUARTERS):
            row[f"rating_hasil_kerja_{q}"] = written(RATING_WORDS, int(drawn.hasil[k, j]))
            row[f"rating_perilaku_{q}"] = written(RATING_WORDS, int(drawn.perilaku[k, j]))
        for kind, column in enumerate(ATTENDANCE_COLUMNS):
            for month in range(12):
                row[f"{column}_{month + 1:02d}"] = str(int(drawn.attendance[k, month, kind]))
    return rows


def export_office(db: str | Path, path: Path, index: int = 0, seed: int | None = None,
                  year: int = 2026) -> Path:
    """Write an office of a sandbox database as a template file (.csv or .xlsx, by the suffix)."""
    rows = office_rows(db, index, seed, year)
    return (write_xlsx if Path(path).suffix.lower() == ".xlsx" else write_csv)(path, rows)


assert len(ATTENDANCE_COLUMNS) == len(ATTENDANCE) and set(IDENTITY) <= set(COLUMNS)
