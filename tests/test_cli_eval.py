"""The `ekinerja rules eval|list|diff` contract other teams build on.

Most cases call `sandbox.cli.main` in-process (the same code `ekinerja` runs, with stdout and
stderr captured) to stay fast; a representative set, marked `real=True`, runs the real command as
a subprocess (about 0.3 s each) with EKINERJA_LANG=id. No output of either may hold a traceback.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import pytest
from kuadran_oracle import KUADRAN

from sandbox import cli
from sandbox.rules import check_pack, load_pack

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules"
BASE = "permenpanrb-6-2022"


# Indonesian words the refusal messages use; an English message contains none of them.
INDONESIAN = re.compile(r"\b(bukan|wajib|terlalu|tidak|pilih|tulis|tambahkan|belum|paket)\b")
ENGLISH = re.compile(r"\b(is not|is required|too (small|large)|choose|write|add|has no)\b")


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, lang: str = "id", real: bool = False) -> Run:
    """Run `ekinerja ARGS`: as a real process when `real`, else through `sandbox.cli.main`.

    Both ways, no output may ever carry a Python traceback.
    """
    if real:
        env = dict(os.environ)
        env["EKINERJA_LANG"] = lang
        env.pop("EKINERJA_RULES", None)
        done = subprocess.run([sys.executable, "-m", "sandbox.cli", *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=60)
        run = Run(done.returncode, done.stdout, done.stderr)
    else:
        out, err = io.StringIO(), io.StringIO()
        with (mock.patch.dict(os.environ, {"EKINERJA_LANG": lang}),
              contextlib.redirect_stdout(out), contextlib.redirect_stderr(err)):
            os.environ.pop("EKINERJA_RULES", None)
            code = cli.main(list(args))
        run = Run(code, out.getvalue(), err.getvalue())
    assert "Traceback" not in run.stdout + run.stderr, run.stdout + run.stderr
    return run


@functools.cache
def _eval_json_text(args: tuple, real: bool) -> str:
    done = run_cli("rules", "eval", *args, "--json", real=real)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout


def eval_json(*args: str, real: bool = False) -> dict:
    """The JSON result of one evaluation (memoised: the same command runs once per session)."""
    return json.loads(_eval_json_text(args, real))  # the whole of stdout is one JSON document


def rules_fired(result: dict) -> list[str]:
    return [step["rule"] for step in result["trace"] if step["kind"] == "rule"]


def check_shape(result: dict, pack: str, decision: str) -> None:
    assert isinstance(result, dict)
    assert set(result) == {"pack", "decision", "outputs", "trace"}
    assert result["pack"] == pack
    assert result["decision"] == decision
    assert isinstance(result["outputs"], dict) and result["outputs"]
    assert isinstance(result["trace"], list) and result["trace"]
    for step in result["trace"]:
        if step["kind"] == "rule":
            assert isinstance(step["cite"], str) and step["cite"].strip()
            assert step["rule"]


def is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


# --------------------------------------------------------------------------- the kuadran


@pytest.mark.parametrize(("hasil", "perilaku"), list(KUADRAN))
def test_kuadran_all_nine_cells_in_process(hasil, perilaku):
    done = run_cli("rules", "eval", BASE, "predikat", f"rating_hasil_kerja={hasil}",
                   f"rating_perilaku={perilaku}", "--json")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    result = json.loads(done.stdout)
    check_shape(result, BASE, "predikat")
    assert result["outputs"]["predikat"] == KUADRAN[(hasil, perilaku)]
    rule_steps = [step for step in result["trace"] if step["kind"] == "rule"]
    assert len(rule_steps) == 1
    step = rule_steps[0]
    assert step["rule"] == f"hk_{hasil}_pk_{perilaku}"
    assert step["cite"].strip()
    assert step["reads"] == {"rating_hasil_kerja": hasil, "rating_perilaku": perilaku}
    assert step["sets"] == {"predikat": KUADRAN[(hasil, perilaku)]}


@pytest.mark.parametrize(("hasil", "perilaku"), [("di_atas", "di_atas"), ("di_bawah", "sesuai")])
def test_kuadran_cells_as_real_command(hasil, perilaku):
    result = eval_json(BASE, "predikat", f"rating_hasil_kerja={hasil}",
                       f"rating_perilaku={perilaku}", real=True)
    check_shape(result, BASE, "predikat")
    assert result["outputs"]["predikat"] == KUADRAN[(hasil, perilaku)]
    assert rules_fired(result) == [f"hk_{hasil}_pk_{perilaku}"]


def test_text_output_without_json_names_the_predikat_and_citation():
    done = run_cli("rules", "eval", BASE, "predikat", "rating_hasil_kerja=di_atas",
                   "rating_perilaku=sesuai", real=True)
    assert done.returncode == 0, done.stderr
    assert "baik" in done.stdout
    assert "hk_di_atas_pk_sesuai" in done.stdout
    assert "PermenPANRB 6/2022" in done.stdout


# --------------------------------------------------------------------------- every decision

# One valid input set per (pack, decision); the test below proves this covers every decision.
VALID = {
    ("pp-30-2019", "nilai_kinerja"): ["nilai_skp=89.99", "nilai_perilaku=90",
                                      "penilaian_360=false", "inovasi=true"],
    ("pp-30-2019", "keberatan"): ["hari_sejak_hasil_diterima=3"],
    ("permenpanrb-6-2022", "predikat"): ["rating_hasil_kerja=sesuai", "rating_perilaku=sesuai"],
    ("permenpanrb-6-2022", "kurva"): [
        "predikat_organisasi=istimewa", "jumlah_sangat_baik=7", "jumlah_baik=3",
        "jumlah_butuh_perbaikan=0", "jumlah_kurang=0", "jumlah_sangat_kurang=0"],
    ("permenpanrb-6-2022", "rating_hasil_kerja_pimpinan"): ["predikat_organisasi=istimewa"],
    ("permenpanrb-8-2021", "capaian_iki"): ["target=100", "realisasi=120"],
    ("permenpanrb-1-2023", "angka_kredit"): ["jenjang=ahli_pertama", "predikat=baik"],
    ("tpp-contoh", "tpp"): [
        "besaran_tpp=5000000", "predikat=kurang", "hari_tanpa_keterangan=1", "tl1=2", "psw3=1",
        "hukuman_disiplin=teguran_lisan"],
    ("reformasi-kuota-sangat-baik-60", "predikat"): [
        "rating_hasil_kerja=di_atas", "rating_perilaku=di_atas"],
    ("reformasi-kuota-sangat-baik-60", "kurva"): [
        "predikat_organisasi=istimewa", "jumlah_sangat_baik=7", "jumlah_baik=3",
        "jumlah_butuh_perbaikan=0", "jumlah_kurang=0", "jumlah_sangat_kurang=0"],
    ("reformasi-kuota-sangat-baik-60", "rating_hasil_kerja_pimpinan"): [
        "predikat_organisasi=baik"],
    ("reformasi-kuota-baik-60", "predikat"): ["rating_hasil_kerja=sesuai", "rating_perilaku=sesuai"],
    ("reformasi-kuota-baik-60", "kurva"): [
        "predikat_organisasi=baik", "jumlah_sangat_baik=1", "jumlah_baik=6",
        "jumlah_butuh_perbaikan=2", "jumlah_kurang=1", "jumlah_sangat_kurang=0"],
    ("reformasi-kuota-baik-60", "rating_hasil_kerja_pimpinan"): ["predikat_organisasi=baik"],
    ("reformasi-pp30-bobot-60-40", "nilai_kinerja"): ["nilai_skp=89.99", "nilai_perilaku=90",
                                       "penilaian_360=false", "inovasi=true"],
    ("reformasi-pp30-bobot-60-40", "keberatan"): ["hari_sejak_hasil_diterima=3"],
    ("reformasi-sel-hasil-di-atas", "predikat"): [
        "rating_hasil_kerja=di_atas", "rating_perilaku=sesuai"],
    ("reformasi-sel-hasil-di-atas", "kurva"): [
        "predikat_organisasi=baik", "jumlah_sangat_baik=1", "jumlah_baik=6",
        "jumlah_butuh_perbaikan=2", "jumlah_kurang=1", "jumlah_sangat_kurang=0"],
    ("reformasi-sel-hasil-di-atas", "rating_hasil_kerja_pimpinan"): [
        "predikat_organisasi=kurang"],
    ("permenpanrb-1-2023", "kenaikan_pangkat"): [
        "jenjang=ahli_pertama", "predikat=baik", "angka_kredit_dimiliki=20"],
    ("pp-30-2019", "tindak_lanjut"): ["jenis_jabatan=administrator", "predikat=kurang"],
    ("reformasi-pp30-bobot-60-40", "tindak_lanjut"): ["jenis_jabatan=jpt", "predikat=cukup"],
    ("tpp-dki-2020", "tpp"): [
        "besaran_tpp=10000000", "capaian_rencana_kinerja=80", "capaian_aktivitas_menit=4800",
        "hari_kerja=20", "iuran_bpjs=100000", "potongan_lain=50000"],
    ("tukin-lhk-2024", "tpp"): [
        "tunjangan_kinerja_kelas_jabatan=5079200", "predikat=kurang", "tahun_penilaian=2025"],
    ("tukin-kemenag-2016", "tpp"): [
        "tunjangan_kinerja_kelas_jabatan=4000000", "nilai_prestasi_kerja=cukup", "tahun_penilaian=2016"],
    ("tukin-bakamla-2023", "tpp"): ["tunjangan_kinerja_kelas_jabatan=8000000", "predikat=sangat_kurang"],
    ("tukin-bgn-2025", "tpp"): [
        "tunjangan_kinerja_kelas_jabatan=6000000", "terlambat_sampai_60_menit=3",
        "terlambat_lebih_60_menit=1"],
    ("tukin-bgn-2025", "keterlambatan"): ["menit_terlambat=61"],
    ("pp-46-2011", "nilai_skp"): [
        "kuantitas_target=12", "kuantitas_realisasi=12", "kualitas_realisasi=90", "waktu_target=12",
        "waktu_realisasi=12", "biaya_target=5000000", "biaya_realisasi=5000000"],
    ("pp-46-2011", "nilai_prestasi_kerja"): ["nilai_skp=85.5", "nilai_perilaku=80"],
    ("permenpanrb-8-2021", "nilai_skp"): [
        "nilai_kinerja_utama=102.8", "kategori_tambahan=baik", "nilai_tambahan=109",
        "bobot_lingkup_penugasan=5"],
    ("tukin-klh-2025", "tpp"): [
        "tunjangan_kinerja_kelas_jabatan=10000000", "cpns=ya", "laporan_harian_tidak_sesuai_ekspektasi=11",
        "laporan_bulanan_disampaikan=tidak"],
}


def test_every_decision_of_every_pack_has_a_valid_input_set_here():
    packs = all_packs()
    assert packs, "no packs in rules/"
    every = {(pack.id, decision) for pack in packs for decision in pack.decisions}
    missing = sorted(every - set(VALID))
    assert not missing, f"add a valid input set to VALID for {missing}"


@pytest.mark.parametrize(("pack", "decision"), list(VALID))
def test_every_decision_evaluates_with_json(pack, decision):
    result = eval_json(pack, decision, *VALID[(pack, decision)])
    check_shape(result, pack, decision)
    assert rules_fired(result) or decision == "kurva"
    json.dumps(result)  # and it survives a second trip


def test_nilai_kinerja_numbers_and_booleans_are_typed_in_json():
    result = eval_json("pp-30-2019", "nilai_kinerja", "nilai_skp=89.99", "nilai_perilaku=90",
                       "penilaian_360=false", "inovasi=true", real=True)
    outputs = result["outputs"]
    assert is_number(outputs["nilai_kinerja"])
    assert outputs["nilai_kinerja"] == pytest.approx(89.99)  # 0.7 × 89.99 + 0.3 × 90, 2 decimals
    assert outputs["predikat"] == "cukup"
    derived = {s["name"]: s["value"] for s in result["trace"] if s["kind"] == "derive"}
    assert is_number(derived["nilai_kinerja"])

    # ya/tidak mean the same as true/false; booleans come back as JSON booleans
    sangat_baik = eval_json("pp-30-2019", "nilai_kinerja", "nilai_skp=115", "nilai_perilaku=115",
                            "penilaian_360=tidak", "inovasi=ya")
    assert sangat_baik["outputs"]["predikat"] == "sangat_baik"
    assert is_number(sangat_baik["outputs"]["nilai_kinerja"])
    (step,) = [s for s in sangat_baik["trace"] if s["kind"] == "rule"]
    assert step["reads"]["inovasi"] is True
    same = eval_json("pp-30-2019", "nilai_kinerja", "nilai_skp=115", "nilai_perilaku=115",
                     "penilaian_360=false", "inovasi=true")
    assert same == sangat_baik
    tanpa_inovasi = eval_json("pp-30-2019", "nilai_kinerja", "nilai_skp=115",
                              "nilai_perilaku=115", "inovasi=tidak")
    assert tanpa_inovasi["outputs"]["predikat"] == "baik"


def test_keberatan_boolean_output_is_json_boolean():
    within = eval_json("pp-30-2019", "keberatan", "hari_sejak_hasil_diterima=3")
    assert within["outputs"]["keberatan_dapat_diajukan"] is True
    assert isinstance(within["outputs"]["keterangan"], str) and within["outputs"]["keterangan"]
    late = eval_json("pp-30-2019", "keberatan", "hari_sejak_hasil_diterima=30")
    assert late["outputs"]["keberatan_dapat_diajukan"] is False


def test_kurva_and_rating_pimpinan():
    conform = eval_json(BASE, "kurva", *VALID[(BASE, "kurva")])
    assert conform["outputs"]["kurva_sesuai"] is True
    assert conform["outputs"]["pelanggaran"] == []
    broken = eval_json("reformasi-kuota-sangat-baik-60", "kurva", *VALID[(BASE, "kurva")])
    assert broken["outputs"]["kurva_sesuai"] is False
    assert [p["rule"] for p in broken["outputs"]["pelanggaran"]] == [
        "istimewa_sangat_baik_melebihi_batas"]
    assert rules_fired(broken) == ["istimewa_sangat_baik_melebihi_batas"]
    pimpinan = eval_json(BASE, "rating_hasil_kerja_pimpinan", "predikat_organisasi=istimewa")
    assert pimpinan["outputs"]["rating_hasil_kerja"] in {"di_atas", "sesuai", "di_bawah"}
    assert rules_fired(pimpinan) == ["organisasi_istimewa"]
    # the rule's outcome is a parameter: its value and version are in the trace
    params = [s for s in pimpinan["trace"] if s["kind"] == "parameter"]
    assert [p["name"] for p in params] == ["rating_pimpinan_istimewa"]
    assert params[0]["value"] == pimpinan["outputs"]["rating_hasil_kerja"]


def test_capaian_iki_and_angka_kredit():
    capaian = eval_json("permenpanrb-8-2021", "capaian_iki", "target=100", "realisasi=120")
    assert capaian["outputs"]["capaian"] == 120
    assert capaian["outputs"]["kategori"] == "sangat_baik"
    assert is_number(capaian["outputs"]["nilai"])
    kredit = eval_json("permenpanrb-1-2023", "angka_kredit", "jenjang=ahli_pertama",
                       "predikat=baik")
    # PerBKN 3/2023: Baik = 100 % of the Ahli Pertama coefficient 12.5
    assert kredit["outputs"]["angka_kredit"] == pytest.approx(12.5)
    assert is_number(kredit["outputs"]["persentase"])
    assert rules_fired(kredit) == ["baik"]


def test_tpp_is_a_number_and_every_deduction_is_in_the_trace():
    result = eval_json("tpp-contoh", "tpp", *VALID[("tpp-contoh", "tpp")], real=True)
    outputs = result["outputs"]
    assert is_number(outputs["tpp_diterima"])
    assert 0 <= outputs["tpp_diterima"] < 5_000_000
    expected = {"tanpa_keterangan", "tl1", "psw3", "predikat_kurang", "hukdis_teguran_lisan"}
    assert set(rules_fired(result)) == expected
    assert {item["rule"] for item in outputs["rincian"]} == expected
    for step in result["trace"]:
        if step["kind"] == "rule":
            assert step["sets"], step
    (final,) = [s for s in result["trace"] if s["kind"] == "result"]
    assert final["name"] == "tpp_diterima" and final["value"] == outputs["tpp_diterima"]

    untouched = eval_json("tpp-contoh", "tpp", "besaran_tpp=5000000", "predikat=baik")
    assert untouched["outputs"]["tpp_diterima"] == 5_000_000
    assert untouched["outputs"]["rincian"] == []
    assert rules_fired(untouched) == []


# --------------------------------------------------------------------------- refusals

PREDIKAT_OK = ["rating_hasil_kerja=di_atas", "rating_perilaku=sesuai"]
NILAI = ["pp-30-2019", "nilai_kinerja"]

REFUSALS = {
    # name: (arguments after `rules eval`, exit code, words stderr must contain)
    "bad_enum": ([BASE, "predikat", "rating_hasil_kerja=luar_biasa", "rating_perilaku=sesuai"],
                 1, ["luar_biasa", "rating_hasil_kerja", "di_atas", "sesuai", "di_bawah"]),
    "missing_input": ([BASE, "predikat", "rating_hasil_kerja=di_atas"],
                      1, ["rating_perilaku", "wajib"]),
    "unknown_input": ([BASE, "predikat", *PREDIKAT_OK, "rating_kerja=sesuai"],
                      1, ["rating_kerja", "rating_hasil_kerja", "rating_perilaku"]),
    "not_a_number": ([*NILAI, "nilai_skp=sembilan", "nilai_perilaku=90"],
                     1, ["sembilan", "nilai_skp", "89.99"]),
    "decimal_comma": ([*NILAI, "nilai_skp=89,99", "nilai_perilaku=90"],
                      1, ["89,99", "nilai_skp", "89.99"]),
    "nan": ([*NILAI, "nilai_skp=nan", "nilai_perilaku=90"], 1, ["nilai_skp"]),
    "infinity": ([*NILAI, "nilai_skp=inf", "nilai_perilaku=90"], 1, ["nilai_skp"]),
    "empty_value": ([*NILAI, "nilai_skp=", "nilai_perilaku=90"], 1, ["nilai_skp"]),
    "above_maximum": ([*NILAI, "nilai_skp=121", "nilai_perilaku=90"],
                      1, ["121", "nilai_skp", "120"]),
    "below_minimum": ([*NILAI, "nilai_skp=-1", "nilai_perilaku=90"], 1, ["nilai_skp", "0"]),
    "bad_boolean": ([*NILAI, "nilai_skp=90", "nilai_perilaku=90", "inovasi=mungkin"],
                    1, ["mungkin", "inovasi", "ya/tidak"]),
    "not_integer": (["pp-30-2019", "keberatan", "hari_sejak_hasil_diterima=1.5"],
                    1, ["1.5", "hari_sejak_hasil_diterima"]),
    "unknown_decision": ([BASE, "predikat_pegawai", *PREDIKAT_OK],
                         1, ["predikat_pegawai", "predikat", "kurva"]),
    "unknown_pack": (["permenpanrb-99-2099", "predikat", *PREDIKAT_OK],
                     1, ["permenpanrb-99-2099", "rules list"]),
    "parameter_not_in_force": ([BASE, "kurva", *VALID[(BASE, "kurva")], "--on", "2022-06-01"],
                               1, ["2022-06-01", "2023-01-31", "belum berlaku"]),
    "broken_pack": ([str(ROOT / "tests" / "fixtures" / "broken" / "gap_matrix.yaml"),
                     "predikat", *PREDIKAT_OK], 1, ["gap_matrix.yaml"]),
    "pair_without_equals": ([BASE, "predikat", "rating_hasil_kerja", "rating_perilaku=sesuai"],
                            2, ["rating_hasil_kerja", "nama=nilai"]),
    "bad_on_date": ([BASE, "predikat", *PREDIKAT_OK, "--on", "2026-13-01"],
                    2, ["2026-13-01", "YYYY-MM-DD"]),
    "on_not_iso": ([BASE, "predikat", *PREDIKAT_OK, "--on", "23/11/2026"],
                   2, ["23/11/2026", "YYYY-MM-DD"]),
}


def check_refusal(name: str, done: Run) -> None:
    args, code, needles = REFUSALS[name]
    assert done.returncode == code, (done.returncode, done.stderr)
    assert done.stdout == ""  # no half-written JSON on stdout
    assert done.stderr.strip()
    for needle in needles:
        assert needle in done.stderr, (needle, done.stderr)
    if name != "broken_pack":  # a broken pack prints one line per problem
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert INDONESIAN.search(done.stderr), done.stderr
        assert not ENGLISH.search(done.stderr), done.stderr


@pytest.mark.parametrize("name", list(REFUSALS))
def test_refusals_are_one_indonesian_sentence_and_a_nonzero_exit(name):
    check_refusal(name, run_cli("rules", "eval", *REFUSALS[name][0], "--json"))


@pytest.mark.parametrize("name", ["bad_enum", "decimal_comma", "unknown_pack",
                                  "pair_without_equals", "bad_on_date"])
def test_refusals_as_real_command(name):
    check_refusal(name, run_cli("rules", "eval", *REFUSALS[name][0], "--json", real=True))


@pytest.mark.parametrize("name", ["bad_enum", "missing_input", "decimal_comma", "above_maximum",
                                  "unknown_decision", "pair_without_equals", "bad_on_date"])
def test_refusals_in_english_with_lang_en(name):
    args, code, needles = REFUSALS[name]
    done = run_cli("rules", "eval", *args, "--lang", "en")
    assert done.returncode == code
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert ENGLISH.search(done.stderr), done.stderr
    assert not INDONESIAN.search(done.stderr), done.stderr
    assert needles[0] in done.stderr


def test_english_also_from_the_environment():
    done = run_cli("rules", "eval", *REFUSALS["bad_enum"][0], lang="en", real=True)
    assert done.returncode == 1
    assert "is not an allowed value" in done.stderr
    assert "di_atas, sesuai, di_bawah" in done.stderr


def test_gap_in_a_checked_pack_is_a_loud_refusal(tmp_path):
    pack = tmp_path / "celah.yaml"
    pack.write_text(GAP_PACK, encoding="utf-8")
    if check_pack(pack)[1]:  # see tests/test_engine.py: a stricter checker closes this road
        pytest.skip("the checker now refuses the gap pack")
    done = run_cli("rules", "eval", str(pack), "kelas", "nilai=100", "--json", real=True)
    assert done.returncode == 1
    assert done.stdout == ""
    # the derived value left its declared range: said by name, before any rule is tried
    assert "'skor' = 50 di luar rentang yang dinyatakan paket" in done.stderr


# A pack the checker accepts: it trusts the declared `range` of `skor`, which nilai > 20 exceeds.
GAP_PACK = (ROOT / "tests" / "fixtures" / "valid" / "rentang-turunan.yaml").read_text(encoding="utf-8")


def test_huge_whole_number_is_refused_not_an_internal_error():
    """Regression: this was OverflowError inside the engine, shown as exit 70."""
    done = run_cli("rules", "eval", "tpp-contoh", "tpp", "besaran_tpp=1000", "predikat=baik",
                   "tl1=1" + "0" * 400, "--json", real=True)
    assert done.returncode in (0, 1), done.stderr
    assert "kesalahan internal" not in done.stderr


def test_large_capaian_is_evaluated_not_an_internal_error():
    """Regression: capaian 1e16 reached durable-rules as `1e+16` (error 204, exit 70)."""
    done = run_cli("rules", "eval", "permenpanrb-8-2021", "capaian_iki", "target=1",
                   "realisasi=100000000000000", "--json", real=True)
    assert done.returncode in (0, 1), done.stderr
    assert "kesalahan internal" not in done.stderr


def test_tiny_nilai_kinerja_is_evaluated_not_an_internal_error(tmp_path):
    reform = tmp_path / "lima-desimal.yaml"
    reform.write_text(f"""\
pack: uji-pembulatan-lima-desimal
title: Uji nilai kinerja dengan lima desimal
extends: {RULES / "pp-30-2019.yaml"}
legal_basis: [Contoh untuk pengujian]
effective_from: 2019-05-20
parameters:
  pembulatan_nilai:
    cite: Contoh untuk pengujian
    values: {{2019-05-20: 5}}
""", encoding="utf-8")
    done = run_cli("rules", "eval", str(reform), "nilai_kinerja", "nilai_skp=0.0001",
                   "nilai_perilaku=0", "--json", real=True)
    assert done.returncode in (0, 1), done.stderr
    assert "kesalahan internal" not in done.stderr


# --------------------------------------------------------------------------- list and diff


@functools.cache
def all_packs() -> tuple:
    return tuple(load_pack(path) for path in sorted(RULES.rglob("*.yaml")))


def test_rules_list_names_every_pack_with_title_basis_and_dates():
    done = run_cli("rules", "list", real=True)
    assert done.returncode == 0, done.stderr
    packs = all_packs()
    assert {p.id for p in packs} >= {"pp-30-2019", "permenpanrb-6-2022", "permenpanrb-8-2021",
                                     "permenpanrb-1-2023", "tpp-contoh",
                                     "reformasi-kuota-sangat-baik-60",
                                     "reformasi-sel-hasil-di-atas"}
    for pack in packs:
        assert re.search(rf"^\s+{re.escape(pack.id)}\s*$", done.stdout, re.M), pack.id
        assert pack.title in done.stdout
        for basis in pack.legal_basis:
            assert basis in done.stdout
        assert pack.effective_from.isoformat() in done.stdout
        if pack.effective_to:
            assert pack.effective_to.isoformat() in done.stdout
    assert "2022-02-02" in done.stdout  # PermenPANRB 8/2021 ended when 6/2022 took effect


def test_rules_list_json():
    done = run_cli("rules", "list", "--json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    by_id = {row["id"]: row for row in rows}
    packs = all_packs()
    assert len(rows) == len(packs)
    for pack in packs:
        row = by_id[pack.id]
        assert row["title"] == pack.title
        assert row["legal_basis"] == list(pack.legal_basis) and row["legal_basis"]
        assert row["effective_from"] == pack.effective_from.isoformat()
        assert row["effective_to"] == (pack.effective_to.isoformat() if pack.effective_to
                                       else None)
        assert row["decisions"] == list(pack.decisions)
    assert by_id["permenpanrb-8-2021"]["effective_to"] == "2022-02-02"
    assert by_id["reformasi-kuota-sangat-baik-60"]["extends"] == BASE


def test_diff_of_the_quota_reform_names_the_parameter_and_both_values():
    done = run_cli("rules", "diff", BASE, "reformasi-kuota-sangat-baik-60", real=True)
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines()
             if "kurva_istimewa_maks_sangat_baik" in line]
    assert lines, done.stdout
    assert "0.7" in lines[0] and "0.6" in lines[0]
    assert lines[0].index("0.7") < lines[0].index("0.6")  # old value first


def test_diff_of_the_matrix_reform_names_the_rule_and_both_predikat():
    reform = str(RULES / "reforms" / "sel-hasil-di-atas-perilaku-sesuai.yaml")
    for other in (reform, "reformasi-sel-hasil-di-atas"):
        done = run_cli("rules", "diff", BASE, other)
        assert done.returncode == 0, done.stderr
        lines = [line for line in done.stdout.splitlines() if "hk_di_atas_pk_sesuai" in line]
        assert len(lines) == 1, done.stdout
        assert re.search(r"\bbaik\b", lines[0]) and "sangat_baik" in lines[0]
        # no other rule of the kuadran is reported as changed
        assert not re.search(r"hk_(?!di_atas_pk_sesuai)\w+", done.stdout)


def test_diff_in_english():
    done = run_cli("rules", "diff", BASE, "reformasi-kuota-sangat-baik-60", "--lang", "en")
    assert done.returncode == 0
    assert "kurva_istimewa_maks_sangat_baik" in done.stdout
    assert not INDONESIAN.search(done.stdout.split("\n", 1)[0])
