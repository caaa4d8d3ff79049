"""`ekinerja import`: an office's own data from the shipped template, used by `compare --db`.

A small office seeded with `ekinerja seed` is exported in the template's shape (staff only, and staff
with the year the simulator draws for it), imported into fresh databases from CSV and from .xlsx,
and compared: every stored row must equal the original's (direct SQL over `hasil.sqlite`). A given
rating must move its person's predikat; a bad cell must be refused at its row and column with
nothing written; the report must say what was given and what was drawn.
"""

from __future__ import annotations

import csv
import html
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sandbox.cli import main
from sandbox.sim.import_template import TEMPLATES, export_office, guide_markdown, write_templates
from sandbox.sim.importer import letter

ROOT = Path(__file__).resolve().parents[1]
BASE = "permenpanrb-6-2022"
REFORM = "rules/reforms/sel-hasil-di-atas-perilaku-sesuai.yaml"
SEED = "3"


def _sql(path: Path, query: str, params: tuple = ()) -> list:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def _cli(argv: list, capsys) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _compare(db: Path, out: Path, capsys, *extra) -> str:
    code, text, err = _cli(["compare", BASE, REFORM, "--db", db, "--seed", SEED, "--out", out,
                            "--workers", "1", *extra], capsys)
    assert code == 0, err
    return text


def _figures(out: Path) -> dict:
    """Every stored figure of a run, without the office's own id and name (an import names it anew)."""
    db = out / "hasil.sqlite"
    own = ("instansi_id", "instansi")
    columns = [r[1] for r in _sql(db, "PRAGMA table_info(hasil_pegawai)") if r[1] not in own]
    return {"pegawai": _sql(db, f"SELECT {', '.join(columns)} FROM hasil_pegawai ORDER BY paket, nip"),
            "kurva": _sql(db, "SELECT * FROM hasil_kurva ORDER BY paket, unor_id, periode"),
            "total": (out / "total.csv").read_text(encoding="utf-8")}


def _read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    return path


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """A 300-person office (`ekinerja seed`), its exports and its own compare run."""
    folder = tmp_path_factory.mktemp("impor")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        patch.setenv("EKINERJA_LANG", "id")
        db = folder / "asli.sqlite"
        assert main(["seed", "--staff", "300", "--seed", SEED, "--db", str(db)]) == 0
        assert main(["compare", BASE, REFORM, "--db", str(db), "--seed", SEED, "--out",
                     str(folder / "asli"), "--workers", "1"]) == 0
    return {"folder": folder, "db": db, "figures": _figures(folder / "asli"),
            "staff_csv": export_office(db, folder / "staf.csv"),
            "year_csv": export_office(db, folder / "tahun.csv", seed=int(SEED)),
            "year_xlsx": export_office(db, folder / "tahun.xlsx", seed=int(SEED))}


@pytest.fixture
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("EKINERJA_LANG", "id")


# ------------------------------------------------------------------------------------------ round trip


def test_staff_only_round_trip_gives_the_same_figures_and_says_what_was_drawn(office, tmp_path, capsys,
                                                                             at_root) -> None:
    db = tmp_path / "impor.sqlite"
    code, out, err = _cli(["import", office["staff_csv"], "--db", db], capsys)
    assert code == 0, err
    assert "300 pegawai" in out
    assert _sql(db, "SELECT count(*) FROM pegawai") == _sql(office["db"], "SELECT count(*) FROM pegawai")
    report = _compare(db, tmp_path / "hasil", capsys)
    assert _figures(tmp_path / "hasil") == office["figures"]
    line = next(line.removeprefix("- ") for line in report.splitlines() if "Data diberikan" in line)
    given, drawn = line.split("Diambil acak oleh simulator:")
    assert given.strip() == "Data diberikan: pegawai dan unit."
    for part in ("rating hasil kerja per triwulan", "rating perilaku per triwulan", "capaian organisasi",
                 "kehadiran per bulan", "besaran TPP", "hukuman disiplin"):
        assert part in drawn, part
    assert line in (tmp_path / "hasil" / "ringkasan.md").read_text(encoding="utf-8")
    assert html.escape(line) in (tmp_path / "hasil" / "ringkasan.html").read_text(encoding="utf-8")
    assert "Angka sintetis" not in report  # the closing note says the figures rest on the data given


@pytest.mark.parametrize("kind", ["year_csv", "year_xlsx"])
def test_the_given_year_round_trips_from_csv_and_xlsx(office, tmp_path, capsys, at_root, kind) -> None:
    """Everything the simulator would draw for the office, given instead: the very same rows."""
    db = tmp_path / "impor.sqlite"
    code, out, err = _cli(["import", office[kind], "--db", db], capsys)
    assert code == 0, err
    stored = _sql(db, "SELECT nilai FROM pengaturan WHERE kunci LIKE 'impor.%'")
    assert len(stored) == 1 and '"kehadiran"' in stored[0][0]
    report = _compare(db, tmp_path / "hasil", capsys)
    assert _figures(tmp_path / "hasil") == office["figures"]
    line = next(line.removeprefix("- ") for line in report.splitlines() if "Data diberikan" in line)
    assert ("Data diberikan: pegawai dan unit; rating hasil kerja per triwulan; rating perilaku per "
            "triwulan; capaian organisasi; kehadiran per bulan; besaran TPP. Diambil acak oleh simulator: "
            "hukuman disiplin") in line


def test_given_values_move_their_persons_results(office, tmp_path, capsys, at_root) -> None:
    """With the curve adjustment off, each changed cell moves its own person's row and nobody else's:
    ratings → predikat, TPP base → TPP, attendance → TPP, a unit's capaian → its head's rating."""
    asumsi = tmp_path / "tanpa-kurva.yaml"
    text = (ROOT / "sandbox" / "sim" / "asumsi.yaml").read_text(encoding="utf-8")
    asumsi.write_text(text.replace("aktif: {nilai: true", "aktif: {nilai: false"), encoding="utf-8")
    rows = _read_csv(office["year_csv"])
    col = {name: k for k, name in enumerate(rows[0])}
    staff = [r for r in rows[1:] if r[col["nip"]] and not r[col["pimpinan_unit"]]]
    low, high, rich, absent = staff[:4]
    for q in ("tw1", "tw2", "tw3", "tw4"):
        low[col[f"rating_hasil_kerja_{q}"]] = low[col[f"rating_perilaku_{q}"]] = "di bawah"
        high[col[f"rating_hasil_kerja_{q}"]] = high[col[f"rating_perilaku_{q}"]] = "DI_ATAS"
    base = int(rich[col["besaran_tpp"]].replace(".", ""))
    rich[col["besaran_tpp"]] = f"Rp {2 * base:,}".replace(",", ".")
    for month in range(1, 13):
        absent[col[f"tk_{month:02d}"]] = "22"
    head = next(r for r in rows[1:] if r[col["pimpinan_unit"]] == "Ya"
                and r[col["capaian_organisasi_tw1"]] in ("Baik", "Istimewa"))
    for row in rows[1:]:
        if row[col["unit_id"]] == head[col["unit_id"]]:
            for q in ("tw1", "tw2", "tw3", "tw4"):
                row[col[f"capaian_organisasi_{q}"]] = "sangat_kurang"
    changed = _write_csv(tmp_path / "diubah.csv", rows)
    results = {}
    for name, source in (("asli", office["year_csv"]), ("diubah", changed)):
        db = tmp_path / f"{name}.sqlite"
        assert _cli(["import", source, "--db", db], capsys)[0] == 0
        _compare(db, tmp_path / name, capsys, "--asumsi", asumsi)
        results[name] = {r[0]: r[1:] for r in _sql(
            tmp_path / name / "hasil.sqlite", "SELECT nip, predikat_tahunan, tpp_setahun, rating_hasil_kerja "
            "FROM hasil_pegawai WHERE paket = ?", (BASE,))}
    asli, diubah = results["asli"], results["diubah"]
    nip = {who: row[col["nip"]] for who, row in (("low", low), ("high", high), ("rich", rich),
                                                  ("absent", absent), ("head", head))}
    assert diubah[nip["low"]][0] == "sangat_kurang" and diubah[nip["high"]][0] == "sangat_baik"
    assert (asli[nip["low"]][0], asli[nip["high"]][0]) != ("sangat_kurang", "sangat_baik")
    assert asli[nip["rich"]][1] > 0 and diubah[nip["rich"]][1] == pytest.approx(2 * asli[nip["rich"]][1])
    assert diubah[nip["absent"]][1] < asli[nip["absent"]][1]
    assert diubah[nip["head"]][2] == "di_bawah" != asli[nip["head"]][2]
    others = set(asli) - set(nip.values())
    assert {n: asli[n] for n in others} == {n: diubah[n] for n in others}


# ------------------------------------------------------------------------------------------- refusals


def test_bad_cells_are_refused_at_their_row_and_column_and_nothing_is_written(tmp_path, capsys,
                                                                              at_root) -> None:
    rows = _read_csv(TEMPLATES / "templat-impor.csv")
    col = {name: k for k, name in enumerate(rows[0])}
    rows[3][col["golongan"]] = "III/z"  # row 4
    rows[3][col["rating_hasil_kerja_tw2"]] = "lumayan"
    rows[3][col["atasan_nip"]] = "196001011990031001"  # not in the file
    rows[4][col["nip"]] = "19960115202221200X"  # row 5
    rows[4][col["tk_05"]] = "40"
    path = tmp_path / "rusak.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:  # no BOM, ',' between cells
        csv.writer(handle).writerows(rows)
    db = tmp_path / "kantor.sqlite"
    code, out, err = _cli(["import", path, "--db", db], capsys)
    assert code == 1
    assert "Traceback" not in err and out == ""
    lines = err.splitlines()
    for needle in ("rusak.csv baris 5, kolom A (nip)", "rusak.csv baris 4, kolom D (golongan)",
                   "rusak.csv baris 4, kolom R (rating_hasil_kerja_tw2): 'lumayan' tidak dikenal",
                   "rusak.csv baris 4, kolom L (atasan_nip)",
                   f"rusak.csv baris 5, kolom {letter(col['tk_05'])} (tk_05)"):
        assert any(line.startswith(needle) for line in lines), (needle, err)
    assert "tulis salah satu dari: Di Atas Ekspektasi, Sesuai Ekspektasi, Di Bawah Ekspektasi" in err
    assert "bukan bilangan bulat 0 sampai 22" in err
    assert lines[-1].startswith("5 masalah: tidak ada yang ditulis")
    assert not db.exists()  # checked before the database is even opened
    code, _, err = _cli(["--lang", "en", "import", path, "--db", db], capsys)
    assert code == 1 and "rusak.csv row 4, column D (golongan): 'III/z' is not a PNS golongan" in err


def test_a_clash_with_the_database_writes_nothing(office, tmp_path, capsys, at_root) -> None:
    db = tmp_path / "kantor.sqlite"
    assert _cli(["import", TEMPLATES / "templat-impor.csv", "--db", db], capsys)[0] == 0
    before = _sql(db, "SELECT count(*) FROM pegawai"), _sql(db, "SELECT count(*) FROM audit_log")
    code, _, err = _cli(["import", TEMPLATES / "templat-impor.xlsx", "--db", db, "--id", "LAIN"], capsys)
    assert code == 1 and "3 NIP sudah ada di basis data" in err
    assert (_sql(db, "SELECT count(*) FROM pegawai"), _sql(db, "SELECT count(*) FROM audit_log")) == before


# ------------------------------------------------------------------------------------------- template


def test_the_shipped_template_is_what_the_code_writes_and_imports(tmp_path, capsys, at_root) -> None:
    fresh = write_templates(tmp_path)
    for path in fresh:
        shipped = TEMPLATES / path.name
        if path.suffix == ".xlsx":
            read = [[[c.value for c in row] for row in load_workbook(p)[sheet].iter_rows()]
                    for p in (path, shipped) for sheet in ("Pegawai", "Petunjuk")]
            assert read[:2] == read[2:]
        else:
            assert shipped.read_bytes() == path.read_bytes(), path.name
    guide = guide_markdown()
    for column in ("nip", "besaran_tpp", "rating_hasil_kerja_tw1 … tw4", "tk_01 … tk_12",
                   "psw1_01 … psw4_12"):
        assert f"| {column} |" in guide
    db = tmp_path / "contoh.sqlite"
    code, out, err = _cli(["import", TEMPLATES / "templat-impor.csv", "--db", db], capsys)
    assert code == 0, err
    # '4.840.000' and '0,75' as an Indonesian Excel writes them
    assert _sql(db, "SELECT digital_literacy FROM pegawai WHERE nip = '198503122010011001'") == [(0.75,)]
    (stored,), = _sql(db, "SELECT nilai FROM pengaturan WHERE kunci = 'impor.IMPOR-TEMPLAT-IMPOR'")
    assert '"198503122010011001": 4840000' in stored
    assert "besaran TPP (2 dari 3 nilai)" in out


def test_typed_text_in_the_exported_template_stays_text(tmp_path) -> None:
    """A name typed as a spreadsheet formula is written to the xlsx as text, never a formula."""
    from openpyxl import load_workbook

    from sandbox.sim.import_template import COLUMNS, write_xlsx

    row = dict.fromkeys(COLUMNS, "")
    row[COLUMNS[0]] = '=HYPERLINK("http://x","y")'
    write_xlsx(tmp_path / "t.xlsx", [row])
    cell = load_workbook(tmp_path / "t.xlsx")["Pegawai"].cell(row=2, column=1)
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x","y")', "s")
