"""`ekinerja rules check FILE` on deliberately broken rule packs.

Each file in tests/fixtures/broken/ is broken in exactly one way (its first comment says how); most
are one edit away from tests/fixtures/valid/kecil.yaml or kuadran.yaml, which are checked to be
valid below. For every broken file the command must exit 1 and print
`<path>:<line>: <what is wrong> — <what to write instead>` for the line a user should look at,
in Indonesian by default and in English with `--lang en` or `LANG=en_*`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from sandbox.i18n.catalog import MESSAGES
from sandbox.rules import check_pack

ROOT = Path(__file__).parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
BROKEN = FIXTURES / "broken"
VALID = FIXTURES / "valid"
BROKEN_SHOWN = "tests/fixtures/broken"  # how the checker shows the path, relative to the cwd
DASH = " — "

# Variables that choose the language or the rules folder; every run starts without them.
_CLEARED = ("EKINERJA_LANG", "LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE", "EKINERJA_RULES",
            "EKINERJA_TEST_MARKER")


def run_cli(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Run the real command line in a fresh interpreter, from the repository root."""
    environment = {k: v for k, v in os.environ.items() if k not in _CLEARED}
    environment["PYTHONIOENCODING"] = "utf-8"
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "sandbox.cli", *args], cwd=ROOT, env=environment,
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )


def check(path: str | Path, *extra: str, **env: str) -> subprocess.CompletedProcess:
    """`ekinerja rules check PATH` in Indonesian unless told otherwise."""
    env.setdefault("EKINERJA_LANG", "id")
    return run_cli("rules", "check", *extra, str(path), **env)


def assert_no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stdout, result.stdout
    assert "Traceback" not in result.stderr, result.stderr


# --------------------------------------------------------------------------- the table

# Every checker bug these tests first found (empty files, crashes on odd YAML, gaps hidden by
# de-duplication, reform lines, cascades) is fixed (see git history).


@dataclass(frozen=True)
class Case:
    """One broken fixture: where the checker must point and what it must say there.

    `code` may be a tuple of acceptable codes, or None when only the place matters (for bugs
    where the checker says nothing today); `line` may be a tuple of acceptable lines.
    """

    fixture: str
    line: int | tuple[int, ...]
    code: str | tuple[str, ...] | None
    fragment: str | None  # a distinctive piece of the Indonesian message

    @property
    def path(self) -> Path:
        return BROKEN / f"{self.fixture}.yaml"

    @property
    def shown(self) -> str:
        return f"{BROKEN_SHOWN}/{self.fixture}.yaml"

    @property
    def lines(self) -> tuple[int, ...]:
        return self.line if isinstance(self.line, tuple) else (self.line,)

    @property
    def codes(self) -> tuple[str, ...] | None:
        return (self.code,) if isinstance(self.code, str) else self.code


CASES = [
    # ---- YAML and file level
    Case("duplicate_key", 12, "yaml.duplicate_key",
         "kunci 'cite' ditulis dua kali (pertama di baris 10)"),
    Case("python_tag", 4, "yaml.tag_refused", "python/object/apply:os.system ditolak"),
    Case("yaml_tab", 10, "yaml.syntax", "found character '\\t' that cannot start any token"),
    Case("yaml_bad_indent", 10, "yaml.syntax", "YAML tidak dapat dibaca"),
    Case("list_not_mapping", 1, "pack.not_mapping", "isi berkas bukan pemetaan kunci: nilai"),
    Case("empty", 1, "pack.empty", "berkas kosong: tidak ada paket di dalamnya"),
    Case("latin1", 3, "file.not_utf8", "berkas bukan teks UTF-8"),
    Case("yaml_bad_int_tag", 11, "yaml.bad_value", "nilai YAML tidak dapat dibangun"),
    # ---- pack header
    Case("missing_pack", 2, "schema.missing", "kunci wajib 'pack' tidak ada"),
    Case("unknown_top_key", 25, "schema.unknown_key", "kunci 'decision' tidak dikenal"),
    Case("bad_pack_id", 2, "schema.bad_pack_id", "id paket 'Contoh_Kecil' tidak sah"),
    Case("bad_date_effective_from", 6, "schema.bad_date",
         "'effective_from': '2023-02-30' bukan tanggal yang sah"),
    Case("dates_reversed", 7, "schema.dates_reversed",
         "`effective_to` (2022-12-31) lebih awal dari `effective_from` (2023-01-01)"),
    # ---- parameters
    Case("bad_date_parameter_value", 11, "schema.bad_date",
         "'batas_baik.values': '2023-02-30' bukan tanggal yang sah"),
    Case("parameter_missing_cite", 9, "schema.missing", "kunci wajib 'cite' tidak ada"),
    Case("parameter_wrong_type", 11, "schema.bad_parameter_value",
         "nilai 'sembilan puluh' untuk parameter 'batas_baik' tidak sesuai tipenya"),
    Case("table_missing_key", 24, "schema.table_keys",
         "tabel 'koefisien' tidak sesuai `keys` (kurang: muda"),
    Case("choice_outside", 17, "schema.bad_parameter_value",
         "nilai 'trunc' untuk parameter 'cara_bulat' tidak sesuai tipenya"),
    Case("choices_not_list", 16, "schema.scalar_list",
         "'choices' harus berupa daftar nilai biasa"),
    # ---- decisions, inputs, outputs, rules
    Case("bad_hit_policy", 38, "schema.bad_choice", "'hit_policy: priority' tidak dikenal"),
    Case("rule_missing_cite", 44, "schema.missing", "kunci wajib 'cite' tidak ada"),
    Case("duplicate_rule_id", 44, "schema.rule_id_repeated",
         "id aturan 'baik' sudah dipakai di baris 40"),
    Case("bad_comparator", 41, "schema.bad_comparator", "pembanding 'greater' tidak dikenal"),
    Case("comma_in_flow", 30, "schema.comma_in_flow",
         "'skala nol sampai 120' tidak punya nilai dan bukan kunci yang dikenal; mungkin teks "
         "terpotong oleh koma di dalam { }"),
    Case("comma_in_flow_one_word", 30, "schema.comma_in_flow",
         "mungkin teks terpotong oleh koma di dalam { }"),
    Case("when_unknown_input", 45, "ref.unknown_field", "syarat menyebut 'nilai_ahir'"),
    Case("then_unknown_output", 46, "ref.unknown_output",
         "'predikat_akhir' bukan keluaran keputusan ini"),
    Case("then_bad_enum_value", 46, "ref.bad_value", "nilai 'cukup' tidak sah untuk 'predikat'"),
    Case("when_bad_enum_value", 26, "ref.bad_value",
         "nilai 'luar_biasa' tidak sah untuk 'hasil'"),
    Case("field_bound_in_unique", 45, "schema.field_bound_needs_collect",
         "batas 'nilai' adalah nilai masukan"),
    Case("bounds_on_enum", 26, "schema.bounds_on_enum",
         "'hasil' bukan angka, jadi tidak dapat diberi batas"),
    Case("enum_values_not_list", 17, "schema.scalar_list",
         "'values' harus berupa daftar nilai biasa"),
    Case("then_enum_from_number_param", 46, "ref.parameter_type",
         "parameter 'batas_baik' bertipe number, tidak cocok untuk keluaran 'predikat'"),
    Case("input_min_above_max", 30, "schema.min_above_max",
         "'nilai': min 120 lebih besar dari max 0"),
    # ---- expressions
    Case("derive_unknown_name", 32, "ref.unknown_name", "nama 'nilai_skp' tidak dikenal"),
    Case("expr_import", 32, "expr.unknown_function", "fungsi '__import__' tidak diizinkan"),
    Case("expr_open", 32, "expr.unknown_function", "fungsi 'open' tidak diizinkan"),
    Case("expr_attribute", 32, "expr.not_allowed",
         "ekspresi 'nilai.__class__' memakai sesuatu yang tidak diizinkan (Attribute)"),
    Case("expr_syntax", 32, "expr.syntax", "tidak dapat dibaca ('(' was never closed)"),
    # ---- lint: completeness of decision tables
    Case("gap_matrix", 13, "lint.gap",
         "keputusan 'predikat' tidak punya aturan untuk hasil=sesuai, perilaku=di_bawah"),
    Case("gap_two_cells", 14, "lint.gap", "tidak punya aturan untuk hasil=di_bawah, "
         "perilaku=di_atas"),
    Case("overlap_unique", 49, "lint.overlap",
         "aturan 'hasil_sesuai_perilaku_sesuai_lagi' dan 'hasil_sesuai_perilaku_sesuai' "
         "sama-sama berlaku untuk hasil=sesuai, perilaku=sesuai"),
    Case("shadowed_first", 21, "lint.shadowed",
         "aturan 'baik' tak terjangkau: aturan sebelumnya selalu lebih dulu cocok"),
    Case("range_gap", 8, "lint.gap",
         "keputusan 'predikat' tidak punya aturan untuk 70 ≤ nilai < 80"),
    Case("collect_contradictory", 17, "lint.unreachable",
         "aturan 'terlalu_sering_tidak_masuk' tidak pernah dapat berlaku"),
    # ---- reforms and extends
    Case("reform_unknown_parameter", 9, "reform.unknown_parameter",
         "reformasi mengubah parameter 'kuota_sangat_baikk', yang tidak ada di paket dasar"),
    Case("reform_unknown_rule", 15, "reform.unknown_rule",
         "reformasi mengubah aturan 'hasil_di_atas_perilaku_sesuaii'"),
    Case("reform_unknown_decision", 13, "reform.unknown_decision",
         "reformasi mengubah keputusan 'predikat_kinerja'"),
    Case("extends_not_found", 4, "pack.extends_not_found",
         "paket dasar '../valid/kuadran-tidak-ada.yaml' tidak ditemukan"),
    Case("extends_cycle", 4, "pack.extends_cycle",
         "`extends: extends_cycle.yaml` membuat lingkaran"),
    Case("reform_overlap", (15, 16), "lint.overlap", "'hasil_di_atas_perilaku_sesuai'"),
]


def _params(cases: list[Case]) -> list:
    """pytest params, each named by its fixture."""
    return [pytest.param(case, id=case.fixture) for case in cases]


def test_every_broken_fixture_is_in_the_table():
    on_disk = {p.stem for p in BROKEN.glob("*.yaml")}
    listed = [c.fixture for c in CASES]
    assert len(listed) == len(set(listed))
    assert on_disk == set(listed)
    assert len(on_disk) >= 30


def test_every_fixture_says_what_is_broken():
    for path in sorted(BROKEN.glob("*.yaml")):
        first = path.read_bytes().split(b"\n", 1)[0]
        assert first.startswith(b"# RUSAK: "), path.name


# --------------------------------------------------------------------------- the command line

PROBLEM_LINE = re.compile(r"^(?P<file>[^\s:]+\.yaml):(?P<line>\d+): (?P<what>.+?) — (?P<fix>.+)$")


def _fix_prefix(code: str) -> str:
    """The fixed start of a code's "what to write instead" text in Indonesian."""
    return MESSAGES[f"{code}.fix"]["id"].split("{", 1)[0]


@pytest.mark.parametrize("case", _params(CASES))
def test_check_reports_file_line_and_fix(case: Case):
    result = check(case.path.relative_to(ROOT))
    assert_no_traceback(result)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines, result.stderr
    for printed in lines:  # stdout holds problem lines only; the count goes to stderr
        assert DASH in printed, printed
        assert PROBLEM_LINE.match(printed), printed
    here = [m for m in map(PROBLEM_LINE.match, lines)
            if m["file"] == case.shown and int(m["line"]) in case.lines]
    assert here, f"nothing at {case.shown}:{case.lines}:\n{result.stdout}"
    if case.fragment is not None:
        assert any(case.fragment in m["what"] for m in here), result.stdout
    if case.codes is not None:
        prefixes = [_fix_prefix(code) for code in case.codes]
        assert any(m["fix"].startswith(p) for m in here for p in prefixes), result.stdout
    assert "masalah ditemukan" in result.stderr


@pytest.mark.parametrize("case", _params(CASES))
def test_check_pack_gives_the_code_at_the_line(case: Case, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(ROOT)
    pack, problems = check_pack(case.path)
    assert problems, "no problem reported"
    here = [p for p in problems if p.file == case.shown and p.line in case.lines]
    assert here, [p.render("en") for p in problems]
    if case.codes is not None:
        assert any(p.code in case.codes for p in here), [p.code for p in here]
    if case.fragment is not None:
        rendered = [p.render("id") for p in here]
        assert any(case.fragment in text and DASH in text for text in rendered), rendered


MULTIPLE = {"gap_two_cells": 2, "reform_overlap": 2}


@pytest.mark.parametrize("case", _params(CASES))
def test_one_defect_gives_one_problem(case: Case, monkeypatch: pytest.MonkeyPatch):
    """Each fixture is broken in one way, so the checker should report exactly that one thing."""
    monkeypatch.chdir(ROOT)
    _, problems = check_pack(case.path)
    expected = [(line, case.code) for line in case.lines]
    found = [(p.line, p.code) for p in problems]
    # one defect, one kind of problem in one place; several cells of one gap or overlap may each
    # be named (gap_two_cells misses two cells, reform_overlap's widened rule meets two rules)
    assert found and set(found) <= set(expected), [p.render("en") for p in problems]
    assert len(found) == MULTIPLE.get(case.fixture, 1), [p.render("en") for p in problems]


# --------------------------------------------------------------------------- specific promises

def test_python_tag_is_refused_and_its_payload_never_runs(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch):
    fixture = BROKEN / "python_tag.yaml"
    # Control: the payload is live — an unsafe YAML loader really does run it.
    control = tmp_path / "control-marker"
    monkeypatch.setenv("EKINERJA_TEST_MARKER", str(control))
    yaml.load(fixture.read_text(encoding="utf-8"), Loader=yaml.UnsafeLoader)
    assert control.exists(), "the fixture's payload should create the marker when executed"

    marker = tmp_path / "cli-marker"
    result = check(fixture.relative_to(ROOT), EKINERJA_TEST_MARKER=str(marker))
    assert_no_traceback(result)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{BROKEN_SHOWN}/python_tag.yaml:4: tag YAML ")
    assert "ditolak" in result.stdout
    assert not marker.exists(), "rules check executed the !!python payload"

    in_process = tmp_path / "in-process-marker"
    monkeypatch.setenv("EKINERJA_TEST_MARKER", str(in_process))
    pack, problems = check_pack(fixture)
    assert pack is None
    assert [p.code for p in problems] == ["yaml.tag_refused"]
    assert not in_process.exists(), "check_pack executed the !!python payload"


def test_not_utf8_is_reported_without_traceback():
    """A Latin-1 file is refused in words, with its code and exit status."""
    result = check("tests/fixtures/broken/latin1.yaml")
    assert_no_traceback(result)
    assert result.returncode == 1
    assert re.match(rf"^{BROKEN_SHOWN}/latin1\.yaml:\d+: berkas bukan teks UTF-8 \(.+\) — "
                    r"simpan ulang berkas sebagai UTF-8$", result.stdout.strip())


def test_zero_byte_file_is_a_problem(tmp_path: Path):
    empty = tmp_path / "kosong.yaml"
    empty.write_bytes(b"")
    result = check(empty)
    assert_no_traceback(result)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{empty}:1: ")
    assert DASH in result.stdout


def test_control_character_is_a_problem(tmp_path: Path):
    text = (VALID / "kecil.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "kendali.yaml"
    bad.write_text(text.replace("uji pemeriksa", "uji\x00pemeriksa", 1), encoding="utf-8")
    result = check(bad)
    assert_no_traceback(result)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{bad}:3: ")


def test_gap_message_names_the_missing_cell():
    result = check("tests/fixtures/broken/gap_matrix.yaml")
    assert result.stdout.strip() == (
        f"{BROKEN_SHOWN}/gap_matrix.yaml:13: keputusan 'predikat' tidak punya aturan untuk "
        "hasil=sesuai, perilaku=di_bawah — tambahkan aturan yang `when`-nya mencakup "
        "kombinasi ini")
    assert result.stderr.strip() == "1 masalah ditemukan"


# --------------------------------------------------------------------------- languages

def test_lang_option_gives_english():
    result = check("tests/fixtures/broken/duplicate_key.yaml", "--lang", "en",
                   EKINERJA_LANG="id")
    assert_no_traceback(result)
    assert result.returncode == 1
    assert result.stdout.strip() == (
        f"{BROKEN_SHOWN}/duplicate_key.yaml:12: key 'cite' is written twice (first on line 10); "
        "YAML would silently keep only the last — delete one of them or merge their contents")
    assert result.stderr.strip() == "1 problems found"


def test_lang_environment_gives_english():
    result = run_cli("rules", "check", "tests/fixtures/broken/gap_matrix.yaml",
                     LANG="en_US.UTF-8")
    assert_no_traceback(result)
    assert result.returncode == 1
    assert result.stdout.startswith(
        f"{BROKEN_SHOWN}/gap_matrix.yaml:13: decision 'predikat' has no rule for "
        "hasil=sesuai, perilaku=di_bawah — add a rule whose `when` covers this combination")
    assert "tidak punya aturan" not in result.stdout


def test_ekinerja_lang_wins_over_lang():
    result = run_cli("rules", "check", "tests/fixtures/broken/missing_pack.yaml",
                     LANG="en_US.UTF-8", EKINERJA_LANG="id")
    assert result.returncode == 1
    assert f"{BROKEN_SHOWN}/missing_pack.yaml:2: kunci wajib 'pack' tidak ada — " in result.stdout


# --------------------------------------------------------------------------- valid packs

def test_every_pack_in_rules_passes():
    result = run_cli("rules", "check", EKINERJA_LANG="id")
    assert_no_traceback(result)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""
    packs = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "rules").rglob("*.yaml"))
    assert packs
    for shown in packs:
        assert re.search(rf"^{re.escape(shown)}: paket '[a-z0-9-]+' sah \(", result.stdout,
                         re.MULTILINE), f"{shown} not reported valid:\n{result.stdout}"


@pytest.mark.parametrize("path", sorted(VALID.glob("*.yaml")), ids=lambda p: p.stem)
def test_valid_fixtures_pass(path: Path):
    """The packs the broken fixtures are derived from are themselves valid."""
    result = check(path.relative_to(ROOT))
    assert_no_traceback(result)
    assert result.returncode == 0, result.stdout
    assert " sah (" in result.stdout


@pytest.mark.parametrize("reference", ["a" * 5000, "kecil\0.yaml", "rules/" + "b" * 300 + ".yaml"])
def test_a_name_the_system_cannot_look_up_is_a_pack_not_found(reference: str):
    """Too long for a file name, or a NUL byte: every caller of the registry hears 'not found'
    (it used to raise, and each caller had to remember to catch it)."""
    from sandbox.rules.registry import find_pack_file
    from sandbox.sim.compare import resolve
    from sandbox.sim.rulebook import SimError

    assert find_pack_file(reference) is None
    assert find_pack_file("kecil.yaml", relative_to=Path(reference)) is None
    pack, problems = check_pack(reference)
    assert pack is None and [p.code for p in problems] == ["pack.not_found"]
    with pytest.raises(SimError):
        resolve(reference)
