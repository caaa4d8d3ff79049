"""Behaviour of the rules engine: packs side by side, long runs, changed packs, traces, dates,
refusals.

durable-rules keeps process-global state (one Host, rulesets that can never be replaced), so most
tests here are about that state never leaking between packs, pack versions or evaluations.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import random
import re
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
import yaml
from kuadran_oracle import KUADRAN

from sandbox.rules import Engine, EvaluationError, load_pack
from sandbox.rules import engine as engine_module

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules"
HELPER = Path(__file__).resolve().parent / "helpers" / "evaluate_fresh.py"
BASE_FILE = RULES / "permenpanrb-6-2022.yaml"
CELL_REFORM_FILE = RULES / "reforms" / "sel-hasil-di-atas-perilaku-sesuai.yaml"
QUOTA_REFORM_FILE = RULES / "reforms" / "kuota-sangat-baik-60.yaml"
PP30_FILE = RULES / "pp-30-2019.yaml"

KUADRAN_REFORM = {**KUADRAN, ("di_atas", "sesuai"): "sangat_baik"}
ISTIMEWA_QUOTA_RULE = "istimewa_sangat_baik_melebihi_batas"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
NOT_IN_FORCE = ("eval.parameter_not_in_force", "eval.pack_not_in_force")


def istimewa_unit(sangat_baik: int, size: int = 10) -> dict:
    return {"predikat_organisasi": "istimewa", "jumlah_sangat_baik": sangat_baik,
            "jumlah_baik": size - sangat_baik, "jumlah_butuh_perbaikan": 0, "jumlah_kurang": 0,
            "jumlah_sangat_kurang": 0}


def predikat_inputs(hasil: str, perilaku: str) -> dict:
    return {"rating_hasil_kerja": hasil, "rating_perilaku": perilaku}


def fired(result) -> list[str]:
    return [step["rule"] for step in result.trace if step["kind"] == "rule"]


def parameter_steps(result) -> dict:
    return {step["name"]: step for step in result.trace if step["kind"] == "parameter"}


def check_render(error: EvaluationError, *needles: str) -> None:
    """Both languages render a complete sentence that names what is wrong."""
    text_id, text_en = error.render("id"), error.render("en")
    for text in (text_id, text_en):
        assert text.strip()
        assert " — " in text  # what is wrong — what to write instead
        assert not PLACEHOLDER.search(text), text
        assert "Traceback" not in text
        for needle in needles:
            assert needle in text, (needle, text)
    assert text_id != text_en


@pytest.fixture(scope="module")
def base():
    return load_pack("permenpanrb-6-2022", rules_dir=RULES)


@pytest.fixture(scope="module")
def cell_reform():
    return load_pack(CELL_REFORM_FILE)


@pytest.fixture(scope="module")
def quota_reform():
    return load_pack(QUOTA_REFORM_FILE)


@pytest.fixture(scope="module")
def pp30():
    return load_pack(PP30_FILE)


# --------------------------------------------------------------------------- side by side


def test_base_and_matrix_reform_side_by_side_never_cross_talk(base, cell_reform):
    assert base.content_hash != cell_reform.content_hash
    shared = Engine()
    own = {base.id: Engine(), cell_reform.id: Engine()}
    expected = {base.id: KUADRAN, cell_reform.id: KUADRAN_REFORM}
    rng = random.Random(6_2022)
    cells = list(KUADRAN)
    for _round in range(40):
        rng.shuffle(cells)
        for hasil, perilaku in cells:
            for pack in (base, cell_reform, base, cell_reform):
                for engine in (shared, own[pack.id], Engine()):
                    result = engine.evaluate(pack, "predikat", predikat_inputs(hasil, perilaku))
                    assert result.pack == pack.id
                    assert result.outputs == {"predikat": expected[pack.id][(hasil, perilaku)]}
                    assert fired(result) == [f"hk_{hasil}_pk_{perilaku}"]
    # the one changed cell also carries the reform's own citation
    reform_step = shared.evaluate(cell_reform, "predikat",
                                  predikat_inputs("di_atas", "sesuai")).trace[-1]
    base_step = shared.evaluate(base, "predikat", predikat_inputs("di_atas", "sesuai")).trace[-1]
    assert reform_step["cite"] != base_step["cite"]
    assert "Rancangan" in reform_step["cite"]


def test_base_and_quota_reform_side_by_side_never_cross_talk(base, quota_reform):
    shared = Engine()
    same_day = dt.date(2027, 6, 1)  # both in force: the difference is the pack, not the date
    for round_ in range(60):
        for on in (None, same_day):
            for engine in (shared, Engine()):
                sangat_baik = (6, 7, 8)[round_ % 3]
                unit = istimewa_unit(sangat_baik)
                base_result = engine.evaluate(base, "kurva", unit, on=on)
                reform_result = engine.evaluate(quota_reform, "kurva", unit, on=on)
                # base: at most floor(0.7 × 10) = 7 Sangat Baik; reform: floor(0.6 × 10) = 6
                assert base_result.outputs["kurva_sesuai"] is (sangat_baik <= 7)
                assert reform_result.outputs["kurva_sesuai"] is (sangat_baik <= 6)
                assert fired(base_result) == ([] if sangat_baik <= 7 else [ISTIMEWA_QUOTA_RULE])
                assert fired(reform_result) == ([] if sangat_baik <= 6 else
                                                [ISTIMEWA_QUOTA_RULE])
                base_quota = parameter_steps(base_result)["kurva_istimewa_maks_sangat_baik"]
                reform_quota = parameter_steps(reform_result)["kurva_istimewa_maks_sangat_baik"]
                assert (base_quota["value"], base_quota["version"]) == (0.7, "2023-01-31")
                assert (reform_quota["value"], reform_quota["version"]) == (0.6, "2027-01-01")
    unit7 = istimewa_unit(7)
    assert shared.evaluate(base, "kurva", unit7).outputs == {"pelanggaran": [],
                                                             "kurva_sesuai": True}
    broken = shared.evaluate(quota_reform, "kurva", unit7).outputs
    assert broken["kurva_sesuai"] is False
    assert [item["rule"] for item in broken["pelanggaran"]] == [ISTIMEWA_QUOTA_RULE]
    assert "7" in broken["pelanggaran"][0]["pesan"] and "6" in broken["pelanggaran"][0]["pesan"]


# --------------------------------------------------------------------------- long runs

PACK_FILES = [
    "rules/pp-30-2019.yaml", "rules/permenpanrb-6-2022.yaml", "rules/permenpanrb-8-2021.yaml",
    "rules/permenpanrb-1-2023.yaml", "rules/tpp-contoh.yaml",
    "rules/reforms/kuota-sangat-baik-60.yaml",
    "rules/reforms/sel-hasil-di-atas-perilaku-sesuai.yaml",
]
# Realistic spans for inputs without a `max` (or with a wide one).
NUMBER_SPANS = {"besaran_tpp": (0, 20_000_000), "target": (0.5, 200), "realisasi": (0, 300),
                "target_atas": (0, 250), "angka_kredit_tahun_ini": (0, 80)}
# Half of the draws for these land near the predikat thresholds (90, 110) and the 100 % target.
HOT_SPANS = {"nilai_skp": (85, 120), "nilai_perilaku": (85, 120), "realisasi": (80, 120)}
INTEGER_SPANS = {"hari_sejak_hasil_diterima": 40}
TRUE_TEXT, FALSE_TEXT = ("true", "ya", "TRUE", " ya "), ("false", "tidak", "False")


def draw_value(rng: random.Random, spec) -> object:
    """A valid value for one input, sometimes written as the command line would (text)."""
    as_text = rng.random() < 0.3
    if spec.type == "enum":
        return rng.choice(spec.values)
    if spec.type == "boolean":
        value = rng.random() < 0.5
        return rng.choice(TRUE_TEXT if value else FALSE_TEXT) if as_text else value
    if spec.type == "integer":
        low = int(spec.minimum or 0)
        high = (int(spec.maximum) if spec.maximum is not None
                else low + INTEGER_SPANS.get(spec.name, 12))
        value = low if rng.random() < 0.4 else rng.randint(low, high)  # many zero counts
        return str(value) if as_text else value
    default_high = (spec.minimum or 0) + 200 if spec.maximum is None else spec.maximum
    low, high = NUMBER_SPANS.get(spec.name, (spec.minimum or 0, default_high))
    if spec.name in HOT_SPANS and rng.random() < 0.5:
        low, high = HOT_SPANS[spec.name]
    if spec.minimum is not None:
        low = max(low, spec.minimum)
    if spec.maximum is not None:
        high = min(high, spec.maximum)
    if rng.random() < 0.25:
        value: float | int = rng.randint(math.ceil(low), math.floor(high))  # hits the bounds
    else:
        value = min(max(round(rng.uniform(low, high), rng.choice((0, 1, 2, 3))), low), high)
    return str(value) if as_text else value


def draw_case(rng: random.Random, packs: dict) -> dict:
    pack_file = rng.choice(PACK_FILES)
    pack = packs[pack_file]
    decision = pack.decisions[rng.choice(sorted(pack.decisions))]
    inputs = {}
    for name, spec in decision.inputs.items():
        if spec.has_default and rng.random() < 0.4:
            continue
        inputs[name] = draw_value(rng, spec)
    if rng.random() < 0.03:  # now and then a refusal, which must be as stable as a result
        numeric = [s for s in decision.inputs.values() if s.type in ("number", "integer")]
        enums = [s for s in decision.inputs.values() if s.type == "enum"]
        kind = rng.choice(("unknown", "enum", "range", "text"))
        if kind == "enum" and enums:
            inputs[rng.choice(enums).name] = "luar_biasa"
        elif kind == "range" and numeric:
            spec = rng.choice(numeric)
            inputs[spec.name] = (spec.maximum + 1 if spec.maximum is not None
                                 else (spec.minimum or 0) - 1)
        elif kind == "text" and numeric:
            inputs[rng.choice(numeric).name] = rng.choice(("sembilan", "89,99", ""))
        else:
            inputs["bukan_masukan"] = "1"
    on = None
    if rng.random() < 0.15:  # an explicit date within the pack's validity
        if pack.effective_to is None:
            day = pack.default_date() + dt.timedelta(days=rng.randint(0, 900))
        else:
            day = max(pack.effective_to - dt.timedelta(days=rng.randint(0, 300)),
                      pack.effective_from)
        on = day.isoformat()
    return json.loads(json.dumps({"pack": pack_file, "decision": decision.name,
                                  "inputs": inputs, "on": on}))


def record(engine: Engine, pack, case: dict) -> dict:
    """The same shape as tests/helpers/evaluate_fresh.py, frozen through JSON at once."""
    on = dt.date.fromisoformat(case["on"]) if case["on"] else None
    try:
        result = engine.evaluate(pack, case["decision"], case["inputs"], on=on)
    except EvaluationError as error:
        return {"error": {"code": error.code, "en": error.render("en")}}
    return json.loads(json.dumps({"ok": {"outputs": result.outputs,
                                         "trace": result.trace}}))


def as_bool(value: object) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() in ("true", "ya"))


def check_oracle(case: dict, outcome: dict) -> None:
    """Independent checks of two tables, so durable-rules' matching itself is under test."""
    if "ok" not in outcome:
        return
    outputs, trace = outcome["ok"]["outputs"], outcome["ok"]["trace"]
    if case["decision"] == "predikat":
        table = KUADRAN_REFORM if "sel-hasil" in case["pack"] else KUADRAN
        cell = (case["inputs"]["rating_hasil_kerja"], case["inputs"]["rating_perilaku"])
        assert outputs["predikat"] == table[cell], case
    if case["decision"] == "nilai_kinerja":
        params = {s["name"]: s["value"] for s in trace if s["kind"] == "parameter"}
        derived = {s["name"]: s["value"] for s in trace if s["kind"] == "derive"}
        nilai = derived["nilai_kinerja"]
        assert outputs["nilai_kinerja"] == nilai
        inovasi = as_bool(case["inputs"].get("inovasi", False))
        if nilai >= params["batas_sangat_baik"] and inovasi:
            expected = "sangat_baik"
        elif nilai >= params["batas_baik"]:
            expected = "baik"
        elif nilai >= params["batas_cukup"]:
            expected = "cukup"
        elif nilai >= params["batas_kurang"]:
            expected = "kurang"
        else:
            expected = "sangat_kurang"
        assert outputs["predikat"] == expected, case


def test_ten_thousand_evaluations_equal_a_fresh_process(tmp_path):
    packs = {name: load_pack(ROOT / name) for name in PACK_FILES}
    rng = random.Random(20261123)
    cases = [draw_case(rng, packs) for _ in range(10_000)]
    engine = Engine()  # one engine, one process-wide durable Host, 10,000 evaluations in a row
    outcomes = []
    first_seen: dict = {}
    for case in cases:
        outcome = record(engine, packs[case["pack"]], case)
        check_oracle(case, outcome)
        key = json.dumps(case, sort_keys=True)
        if key in first_seen:  # a repeated case answers exactly as it did the first time
            assert outcome == first_seen[key], case
        else:
            first_seen[key] = outcome
        outcomes.append(outcome)
    assert sum("error" in o for o in outcomes) > 100  # refusals were exercised too
    assert sum("ok" in o for o in outcomes) > 9000
    every = {(name, decision) for name, pack in packs.items() for decision in pack.decisions}
    assert {(c["pack"], c["decision"]) for c in cases} == every  # every decision of those packs drawn

    # 400 cases from late in the run, evaluated again in a fresh interpreter. One subprocess
    # evaluates the whole sample (each case with its own new Engine): it carries none of this
    # process's history, and its own history differs since the sample is in shuffled order.
    late = rng.sample(range(7_000, 10_000), 400)
    sample_file = tmp_path / "cases.json"
    sample_file.write_text(json.dumps([cases[i] for i in late]), encoding="utf-8")
    done = subprocess.run([sys.executable, str(HELPER), str(sample_file), str(ROOT)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    fresh = json.loads(done.stdout)
    assert len(fresh) == len(late)
    different = [(cases[i], outcomes[i], again) for i, again in zip(late, fresh, strict=True)
                 if outcomes[i] != again]
    assert not different, different[:3]
    assert {cases[i]["decision"] for i in late} == {c["decision"] for c in cases}


def test_evaluate_many_equals_evaluate_one_by_one(base, cell_reform, pp30):
    rng = random.Random(8)
    engine = Engine()
    nilai = [{"nilai_skp": round(rng.uniform(40, 120), rng.choice((0, 2))),
              "nilai_perilaku": round(rng.uniform(40, 120), 2), "inovasi": rng.random() < 0.5}
             for _ in range(450)]
    cells = [predikat_inputs(*cell) for cell in KUADRAN] * 30
    rng.shuffle(cells)
    for pack, decision, many in ((pp30, "nilai_kinerja", nilai), (base, "predikat", cells),
                                 (cell_reform, "predikat", cells)):
        together = [r.to_json() for r in engine.evaluate_many(pack, decision, many)]
        alone = [Engine().evaluate(pack, decision, inputs).to_json() for inputs in many]
        assert together == alone


# --------------------------------------------------------------------------- changed packs


def rewrite(path: Path, change) -> None:
    """Edit a pack as data (comments and layout are not needed by the loader)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def set_cell(predikat: str):
    def change(data: dict) -> None:
        rules = data["decisions"]["predikat"]["rules"]
        (rule,) = [r for r in rules if r["id"] == "hk_di_atas_pk_sesuai"]
        rule["then"] = {"predikat": predikat}
    return change


def test_changed_matrix_cell_gives_a_new_result_and_the_old_pack_keeps_the_old(tmp_path):
    path = tmp_path / "permenpanrb-6-2022.yaml"
    original = BASE_FILE.read_bytes()
    path.write_bytes(original)
    cell = predikat_inputs("di_atas", "sesuai")
    engine = Engine()
    old = load_pack(path)
    assert engine.evaluate(old, "predikat", cell).outputs["predikat"] == "baik"

    rewrite(path, set_cell("sangat_baik"))
    new = load_pack(path)
    assert new.id == old.id and new.content_hash != old.content_hash
    for _ in range(20):  # interleaved, on one engine and on fresh ones
        for eng in (engine, Engine()):
            assert eng.evaluate(new, "predikat", cell).outputs["predikat"] == "sangat_baik"
            assert eng.evaluate(old, "predikat", cell).outputs["predikat"] == "baik"
            for other, expected in KUADRAN.items():
                if other != ("di_atas", "sesuai"):
                    assert eng.evaluate(new, "predikat",
                                        predikat_inputs(*other)).outputs["predikat"] == expected

    # and back again: the original content reuses the original compiled ruleset
    path.write_bytes(original)
    again = load_pack(path)
    assert again.content_hash == old.content_hash
    assert engine.evaluate(again, "predikat", cell).outputs["predikat"] == "baik"
    assert engine.evaluate(new, "predikat", cell).outputs["predikat"] == "sangat_baik"


def test_changed_parameter_value_gives_a_new_result_and_the_old_pack_keeps_the_old(tmp_path):
    path = tmp_path / "pp-30-2019.yaml"
    path.write_bytes(PP30_FILE.read_bytes())
    inputs = {"nilai_skp": 87, "nilai_perilaku": 87}
    engine = Engine()
    old = load_pack(path)
    assert engine.evaluate(old, "nilai_kinerja", inputs).outputs["predikat"] == "cukup"

    def lower_baik(data: dict) -> None:
        data["parameters"]["batas_baik"]["values"] = {dt.date(2019, 5, 20): 85}

    rewrite(path, lower_baik)
    new = load_pack(path)
    for _ in range(20):
        for eng in (engine, Engine()):
            new_result = eng.evaluate(new, "nilai_kinerja", inputs)
            old_result = eng.evaluate(old, "nilai_kinerja", inputs)
            assert new_result.outputs["predikat"] == "baik"
            assert old_result.outputs["predikat"] == "cukup"
            assert parameter_steps(new_result)["batas_baik"]["value"] == 85
            assert parameter_steps(old_result)["batas_baik"]["value"] == 90


def test_reform_follows_a_change_of_its_base_file(tmp_path):
    base_path = tmp_path / "permenpanrb-6-2022.yaml"
    base_path.write_bytes(BASE_FILE.read_bytes())
    (tmp_path / "reforms").mkdir()
    reform_path = tmp_path / "reforms" / "kuota.yaml"
    text = QUOTA_REFORM_FILE.read_text(encoding="utf-8")
    text, count = re.subn(r"(?m)^extends: .*$", "extends: ../permenpanrb-6-2022.yaml", text)
    assert count == 1
    reform_path.write_text(text, encoding="utf-8")
    cell = predikat_inputs("di_atas", "sesuai")
    old_reform = load_pack(reform_path)
    assert Engine().evaluate(old_reform, "predikat", cell).outputs["predikat"] == "baik"

    rewrite(base_path, set_cell("sangat_baik"))
    new_reform = load_pack(reform_path)
    assert new_reform.content_hash != old_reform.content_hash
    engine = Engine()
    for _ in range(10):
        assert engine.evaluate(new_reform, "predikat", cell).outputs["predikat"] == "sangat_baik"
        assert engine.evaluate(old_reform, "predikat", cell).outputs["predikat"] == "baik"
        # the reform's own change still applies on top of the changed base
        assert engine.evaluate(new_reform, "kurva",
                               istimewa_unit(7)).outputs["kurva_sesuai"] is False


def test_unchanged_pack_loaded_twice_reuses_its_compiled_ruleset(tmp_path):
    # White-box: engine._COMPILED holds one entry per (content hash, pack, decision), and each
    # entry is a ruleset registered for good on the process-global durable Host.
    compiled = engine_module._COMPILED
    path = tmp_path / "pp-30-2019.yaml"
    path.write_bytes(PP30_FILE.read_bytes())
    inputs = {"nilai_skp": 95, "nilai_perilaku": 95}
    first = load_pack(path)
    Engine().evaluate(first, "nilai_kinerja", inputs)
    size = len(compiled)
    for _ in range(5):
        again = load_pack(path)
        assert again is not first and again.content_hash == first.content_hash
        Engine().evaluate(again, "nilai_kinerja", inputs)
        assert len(compiled) == size
        assert (engine_module.compile_decision(again, "nilai_kinerja")
                is engine_module.compile_decision(first, "nilai_kinerja"))

    def lower_baik(data: dict) -> None:  # a value no other test writes: content not seen yet
        data["parameters"]["batas_baik"]["values"] = {dt.date(2019, 5, 20): 88.5}

    rewrite(path, lower_baik)
    changed = load_pack(path)
    Engine().evaluate(changed, "nilai_kinerja", inputs)
    assert len(compiled) == size + 1
    assert (engine_module.compile_decision(changed, "nilai_kinerja").ruleset
            != engine_module.compile_decision(first, "nilai_kinerja").ruleset)


# --------------------------------------------------------------------------- the trace


def test_trace_of_nilai_kinerja_shows_parameters_derivation_rule_and_citations(pp30):
    inputs = {"nilai_skp": 115, "nilai_perilaku": 112, "inovasi": True}
    result = Engine().evaluate(pp30, "nilai_kinerja", inputs, on=dt.date(2026, 6, 1))
    assert result.outputs == {"predikat": "sangat_baik", "nilai_kinerja": 114.1}
    kinds = [step["kind"] for step in result.trace]
    # in order: parameters, derived values, the rule
    assert kinds == sorted(kinds, key=["parameter", "derive", "rule", "result"].index)

    params = parameter_steps(result)
    for name in ("batas_sangat_baik", "batas_baik", "batas_cukup", "batas_kurang", "bobot_skp",
                 "bobot_perilaku", "pembulatan_nilai"):
        step = params[name]
        value, since = pp30.parameters[name].value_on(dt.date(2026, 6, 1))
        assert step["value"] == value
        assert step["version"] == since.isoformat() == "2019-05-20"
        assert isinstance(step["version"], str)
        assert step["cite"] == pp30.parameters[name].cite and step["cite"].strip()
    for name, step in params.items():
        assert ("uncertain" in step) == (pp30.parameters[name].uncertain is not None), name
    assert "sekunder" in params["batas_kurang"]["uncertain"]
    assert "uncertain" not in params["batas_baik"]

    derived = {step["name"]: step for step in result.trace if step["kind"] == "derive"}
    nilai = derived["nilai_kinerja"]
    assert nilai["value"] == 114.1
    assert "nilai_skp" in nilai["expr"] and "nilai_perilaku" in nilai["expr"]
    assert "Pasal 41" in nilai["cite"]

    (rule,) = [step for step in result.trace if step["kind"] == "rule"]
    assert rule["rule"] == "sangat_baik_dengan_inovasi"
    assert rule["decision"] == "nilai_kinerja"
    assert rule["reads"]["nilai_kinerja"] == 114.1
    assert rule["reads"]["inovasi"] is True
    assert rule["reads"]["batas_sangat_baik"] == 110
    assert rule["sets"]["predikat"] == "sangat_baik"
    assert "Pasal 41 ayat (5) huruf a" in rule["cite"]
    assert json.loads(json.dumps(result.to_json())) == result.to_json()


def test_trace_of_a_first_table_names_the_rule_that_won(pp30):
    # 115 without inovasi: `sangat_baik_dengan_inovasi` comes first but does not match
    result = Engine().evaluate(pp30, "nilai_kinerja",
                               {"nilai_skp": 115, "nilai_perilaku": 115, "inovasi": "tidak"})
    assert result.outputs["predikat"] == "baik"
    assert fired(result) == ["baik"]


def test_trace_of_collect_lists_each_deduction_with_its_parameter():
    tpp = load_pack(RULES / "tpp-contoh.yaml")
    inputs = {"besaran_tpp": 5_000_000, "predikat": "kurang", "hari_tanpa_keterangan": 1,
              "tl1": 2, "psw3": 1, "hukuman_disiplin": "teguran_lisan"}
    result = Engine().evaluate(tpp, "tpp", inputs)
    assert fired(result) == ["tanpa_keterangan", "tl1", "psw3", "predikat_kurang",
                             "hukdis_teguran_lisan"]
    params = parameter_steps(result)
    for name in ("potongan_tk_per_hari", "potongan_tl1", "potongan_psw3",
                 "potongan_predikat_kurang", "potongan_hukdis_teguran_lisan"):
        assert params[name]["version"] == "2024-01-01"
    assert "potongan_tl2" not in params  # only what was read
    (final,) = [step for step in result.trace if step["kind"] == "result"]
    assert final["value"] == result.outputs["tpp_diterima"]
    # 3,000,000 × (1 − 15 %) + 2,000,000 × (1 − 6.5 %), then × (1 − 20 %)
    assert result.outputs["tpp_diterima"] == 3_536_000


# --------------------------------------------------------------------------- dates


def test_reform_defaults_to_its_effective_date_and_refuses_earlier_quota_dates(quota_reform):
    engine = Engine()
    effective = dt.date(2027, 1, 1)
    assert quota_reform.effective_from == effective
    result = engine.evaluate(quota_reform, "kurva", istimewa_unit(7))
    assert result.on == max(dt.date.today(), effective)
    assert result.outputs["kurva_sesuai"] is False

    # Before the reform takes effect there is no 60 % quota yet: a loud refusal naming the date
    # asked and the date the reform (or its quota) starts, never a silent fall-back to the
    # base's 70 %. Either the quota parameter or the whole pack may be the one reported.
    with pytest.raises(EvaluationError) as refused:
        engine.evaluate(quota_reform, "kurva", istimewa_unit(7), on=dt.date(2026, 6, 1))
    error = refused.value
    assert error.code in NOT_IN_FORCE
    if error.code == "eval.parameter_not_in_force":
        assert error.params["name"] == "kurva_istimewa_maks_sangat_baik"
    check_render(error, "2026-06-01", "2027-01-01")
    assert "berlaku" in error.render("id") and "in force" in error.render("en")

    on_day = engine.evaluate(quota_reform, "kurva", istimewa_unit(7), on=effective)
    quota = parameter_steps(on_day)["kurva_istimewa_maks_sangat_baik"]
    assert (quota["value"], quota["version"]) == (0.6, "2027-01-01")


def test_base_before_the_quotas_exist(base):
    engine = Engine()
    with pytest.raises(EvaluationError) as refused:
        engine.evaluate(base, "kurva", istimewa_unit(7), on=dt.date(2022, 6, 1))
    assert refused.value.code == "eval.parameter_not_in_force"
    assert refused.value.params["first"] == "2023-01-31"
    check_render(refused.value, "2022-06-01", "2023-01-31")
    with pytest.raises(EvaluationError) as day_before:
        engine.evaluate(base, "kurva", istimewa_unit(7), on=dt.date(2023, 1, 30))
    assert day_before.value.code == "eval.parameter_not_in_force"
    first_day = engine.evaluate(base, "kurva", istimewa_unit(7), on=dt.date(2023, 1, 31))
    assert first_day.outputs["kurva_sesuai"] is True
    # a rule whose outcome is a parameter is refused the same way
    with pytest.raises(EvaluationError) as pimpinan:
        engine.evaluate(base, "rating_hasil_kerja_pimpinan", {"predikat_organisasi": "baik"},
                        on=dt.date(2022, 6, 1))
    assert pimpinan.value.code == "eval.parameter_not_in_force"
    # the kuadran reads no parameter, so it evaluates on any date
    early = engine.evaluate(base, "predikat", predikat_inputs("sesuai", "sesuai"),
                            on=dt.date(2022, 6, 1))
    assert early.outputs["predikat"] == "baik"


def test_parameter_versions_by_date_on_one_engine(tmp_path):
    path = tmp_path / "pp-30-2019.yaml"
    path.write_bytes(PP30_FILE.read_bytes())

    def two_versions(data: dict) -> None:
        data["parameters"]["batas_baik"]["values"] = {dt.date(2019, 5, 20): 90,
                                                      dt.date(2025, 1, 1): 85}

    rewrite(path, two_versions)
    pack = load_pack(path)
    engine = Engine()
    inputs = {"nilai_skp": 87, "nilai_perilaku": 87}
    days = [dt.date(2024, 12, 31), dt.date(2025, 1, 1), dt.date(2019, 5, 20), dt.date(2030, 1, 1)]
    for _ in range(10):
        for day in days:
            result = engine.evaluate(pack, "nilai_kinerja", inputs, on=day)
            step = parameter_steps(result)["batas_baik"]
            if day < dt.date(2025, 1, 1):
                assert (step["value"], step["version"], result.outputs["predikat"]) == (
                    90, "2019-05-20", "cukup")
            else:
                assert (step["value"], step["version"], result.outputs["predikat"]) == (
                    85, "2025-01-01", "baik")
    with pytest.raises(EvaluationError) as refused:  # before the pack and its parameters
        engine.evaluate(pack, "nilai_kinerja", inputs, on=dt.date(2019, 5, 19))
    assert refused.value.code in NOT_IN_FORCE
    check_render(refused.value, "2019-05-19", "2019-05-20")


# --------------------------------------------------------------------------- refusals

PREDIKAT_OK = predikat_inputs("sesuai", "sesuai")
NILAI_OK = {"nilai_skp": 90, "nilai_perilaku": 90}

REFUSALS = [
    # (pack, decision, inputs, code, words both renderings contain)
    ("permenpanrb-6-2022", "predikat", {**PREDIKAT_OK, "rating_hasil_kerja": "luar_biasa"},
     "eval.bad_enum", ["luar_biasa", "rating_hasil_kerja", "di_atas, sesuai, di_bawah"]),
    ("permenpanrb-6-2022", "predikat", {"rating_hasil_kerja": "di_atas"},
     "eval.missing_input", ["rating_perilaku", "di_atas, sesuai, di_bawah"]),
    ("permenpanrb-6-2022", "predikat", {**PREDIKAT_OK, "rating_kerja": "sesuai"},
     "eval.unknown_input", ["rating_kerja", "rating_hasil_kerja, rating_perilaku"]),
    ("pp-30-2019", "nilai_kinerja", {**NILAI_OK, "nilai_skp": "sembilan"},
     "eval.bad_number", ["sembilan", "nilai_skp", "89.99"]),
    ("pp-30-2019", "nilai_kinerja", {**NILAI_OK, "nilai_skp": "89,99"},
     "eval.bad_number", ["89,99", "nilai_skp"]),
    ("pp-30-2019", "nilai_kinerja", {**NILAI_OK, "inovasi": "mungkin"},
     "eval.bad_boolean", ["mungkin", "inovasi"]),
    ("pp-30-2019", "nilai_kinerja", {**NILAI_OK, "nilai_skp": -0.01},
     "eval.below_minimum", ["-0.01", "nilai_skp"]),
    ("pp-30-2019", "nilai_kinerja", {**NILAI_OK, "nilai_skp": 121},
     "eval.above_maximum", ["121", "nilai_skp", "120"]),
    ("pp-30-2019", "nilai_kinerja", {**NILAI_OK, "nilai_skp": "120.01"},
     "eval.above_maximum", ["120.01", "nilai_skp"]),
    ("pp-30-2019", "keberatan", {"hari_sejak_hasil_diterima": 1.5},
     "eval.not_integer", ["1.5", "hari_sejak_hasil_diterima"]),
    ("pp-30-2019", "penilaian", NILAI_OK,
     "eval.unknown_decision", ["penilaian", "pp-30-2019", "nilai_kinerja, keberatan"]),
]


@pytest.mark.parametrize(("pack", "decision", "inputs", "code", "needles"), REFUSALS,
                         ids=[f"{r[3]}-{i}" for i, r in enumerate(REFUSALS)])
def test_refusal_codes_render_in_both_languages(pack, decision, inputs, code, needles):
    loaded = load_pack(pack, rules_dir=RULES)
    with pytest.raises(EvaluationError) as refused:
        Engine().evaluate(loaded, decision, inputs)
    assert refused.value.code == code
    check_render(refused.value, *needles)


def test_absurd_amounts_are_refused_in_words():
    tpp = load_pack(RULES / "tpp-contoh.yaml")
    for amount in (1e308, "1e308", 10**400):
        with pytest.raises(EvaluationError) as refused:
            Engine().evaluate(tpp, "tpp", {"besaran_tpp": amount, "predikat": "baik"})
        check_render(refused.value)


# For each kind of input, odd values a caller might pass: each is either accepted or refused with
# an EvaluationError; nothing else may escape.
TARGETS = {
    "number_bounded": ("pp-30-2019", "nilai_kinerja", NILAI_OK, "nilai_skp"),
    "boolean": ("pp-30-2019", "nilai_kinerja", NILAI_OK, "inovasi"),
    "enum": ("permenpanrb-6-2022", "predikat", PREDIKAT_OK, "rating_perilaku"),
    "integer_open": ("pp-30-2019", "keberatan", {"hari_sejak_hasil_diterima": 3},
                     "hari_sejak_hasil_diterima"),
    "integer_bounded": ("permenpanrb-1-2023", "angka_kredit",
                        {"jenjang": "ahli_muda", "predikat": "baik"}, "bulan"),
    "number_open": ("tpp-contoh", "tpp", {"besaran_tpp": 1000, "predikat": "baik"},
                    "besaran_tpp"),
    "integer_event": ("tpp-contoh", "tpp", {"besaran_tpp": 1000, "predikat": "baik"}, "tl2"),
    "number_divisor": ("permenpanrb-8-2021", "capaian_iki", {"target": 10, "realisasi": 10},
                       "target"),
}
ODD_VALUES = {
    "None": None, "empty_list": [], "list": [90], "dict": {"a": 1}, "tuple": (90,),
    "nan": float("nan"), "inf": float("inf"), "-inf": float("-inf"), "True": True,
    "False": False, "empty_text": "", "blank_text": "   ", "text_nan": "nan", "text_inf": "inf",
    "text_1e400": "1e400", "hex": "0x5A", "comma": "90,5", "spaced": "9 0", "bytes": b"90",
    "complex": 1j, "decimal": Decimal("90"), "fraction": Fraction(1, 3), "object": object(),
    "huge_negative": -10**30, "float_1e300": 1e300, "float_-1e300": -1e300,
    "digits_5000": "1" * 5000, "negative_zero": -0.0, "huge_int": 10**400,
}
def odd_cases():
    for target, (pack, decision, inputs, name) in TARGETS.items():
        for label, value in ODD_VALUES.items():
            yield pytest.param(pack, decision, inputs, name, value, id=f"{target}-{label}")


@pytest.fixture(scope="module")
def loaded_packs():
    return {}


@pytest.mark.parametrize(("pack", "decision", "inputs", "name", "value"), list(odd_cases()))
def test_odd_values_are_accepted_or_refused_never_crash(loaded_packs, pack, decision, inputs,
                                                         name, value):
    if pack not in loaded_packs:
        loaded_packs[pack] = load_pack(pack, rules_dir=RULES)
    spec = loaded_packs[pack].decisions[decision].inputs[name]
    try:
        result = Engine().evaluate(loaded_packs[pack], decision, {**inputs, name: value})
    except EvaluationError as error:
        check_render(error)
        if not isinstance(value, str | int | float):  # None, containers, bytes, Decimal, ...
            expected = {"enum": "eval.bad_enum", "boolean": "eval.bad_boolean"}.get(
                spec.type, "eval.bad_number")
            assert error.code == expected
        return
    json.dumps(result.to_json())
    # what was accepted is sensible: no NaN/inf, no bool as a number, no text as an enum
    if isinstance(value, float) and not math.isfinite(value):
        pytest.fail(f"{value!r} accepted for {name}")
    if spec.type in ("number", "integer"):
        assert not isinstance(value, bool | type(None) | list | dict | bytes)
    if spec.type == "boolean":
        assert isinstance(value, bool)


def test_odd_input_names_are_refused():
    pack = load_pack("permenpanrb-6-2022", rules_dir=RULES)
    for name in (None, 1, "", "RATING_PERILAKU", "rating perilaku"):
        with pytest.raises(EvaluationError) as refused:
            Engine().evaluate(pack, "predikat", {**PREDIKAT_OK, name: "sesuai"})
        assert refused.value.code == "eval.unknown_input"
        check_render(refused.value)


# --------------------------------------------------------------------------- gaps

# The checker proves tables whole over the declared `range` of a derived value, but that range is
# not enforced when evaluating: nilai > 20 gives skor > 10, which no rule covers. That is how a
# checked pack reaches the engine's `eval.no_rule` (durable-rules' MessageNotHandledException).
GAP_PACK = (Path(__file__).parent / "fixtures" / "valid" / "rentang-turunan.yaml").read_text(
    encoding="utf-8").replace("hit_policy: first", "hit_policy: HIT")


@pytest.mark.parametrize("hit_policy", ["first", "unique"])
def test_a_gap_is_a_loud_error_not_a_silent_answer(tmp_path, hit_policy):
    from sandbox.rules import check_pack

    path = tmp_path / "celah.yaml"
    path.write_text(GAP_PACK.replace("HIT", hit_policy), encoding="utf-8")
    pack, problems = check_pack(path)
    if problems:  # a stricter checker closes this road to eval.no_rule, which is fine too
        pytest.skip("the checker now refuses the pack: " + problems[0].render("en"))
    assert pack is not None
    engine = Engine()
    assert engine.evaluate(pack, "kelas", {"nilai": 4}).outputs == {"kelas": "rendah"}
    assert engine.evaluate(pack, "kelas", {"nilai": 20}).outputs == {"kelas": "tinggi"}
    for _ in range(3):  # and it stays loud, and the engine stays usable after it
        with pytest.raises(EvaluationError) as refused:
            engine.evaluate(pack, "kelas", {"nilai": 100})
        # the derived value left its declared range: refused by name before any rule is tried
        assert refused.value.code == "eval.derived_out_of_range"
        assert refused.value.params["name"] == "skor"
        check_render(refused.value, "skor", "50")
        assert engine.evaluate(pack, "kelas", {"nilai": 12}).outputs == {"kelas": "tinggi"}


# --------------------------------------------------------------------------- engine bugs
# Each test below caught a bug while this file was written. The first six were fixed by the
# engine change that added eval.too_large / eval.pack_not_in_force and copies trace entries;
# they stay as regression tests, as does the last (tiny numbers written as 7e-05).


def test_huge_whole_number_for_an_integer_input_is_refused():
    """Was: inputs.coerce_input called float(number).is_integer() on 10**400 (OverflowError)."""
    tpp = load_pack(RULES / "tpp-contoh.yaml")
    try:
        result = Engine().evaluate(tpp, "tpp", {"besaran_tpp": 1000, "predikat": "baik",
                                                "tl1": 10**400})
    except EvaluationError as error:
        check_render(error)
        return
    assert result.outputs["tpp_diterima"] < 1000


def test_large_derived_number_reaching_durable_rules():
    """Was: capaian 1e16 went to durable-rules as JSON `1e+16`, which it cannot parse; its
    `durable_rules_engine.error` (code 204) escaped instead of a result or an EvaluationError."""
    capaian = load_pack(RULES / "permenpanrb-8-2021.yaml")
    for realisasi in (1e14, 1e18, 10**14):
        try:
            result = Engine().evaluate(capaian, "capaian_iki",
                                       {"target": 1, "realisasi": realisasi})
        except EvaluationError as error:
            check_render(error)
            continue
        assert result.outputs["kategori"] == "sangat_baik"


def test_huge_counts_do_not_silently_pass_the_curve(base):
    """Was: integers beyond 64 bits lost their value inside durable-rules, so 2**64 Sangat Baik
    in a unit of 2**64 passed the 70 % quota (kurva_sesuai true)."""
    for size in (2**64, 10**20):
        try:
            result = Engine().evaluate(base, "kurva", istimewa_unit(size, size=size))
        except EvaluationError as error:
            check_render(error)
            continue
        assert result.outputs["kurva_sesuai"] is False


def test_editing_a_result_does_not_change_the_next_result(pp30):
    """Was: Engine._parameters cached the trace entries and every Evaluation.trace held the
    same dicts, so editing one result's trace changed the next result's trace."""
    engine = Engine()
    first = engine.evaluate(pp30, "nilai_kinerja", NILAI_OK)
    pristine = copy.deepcopy(first.trace)
    for step in first.trace:
        step["value"] = "diubah"
    second = engine.evaluate(pp30, "nilai_kinerja", NILAI_OK)
    assert second.trace == pristine


def test_editing_a_trace_does_not_change_the_pack():
    """Was: a table parameter's value in the trace was the pack's own dict; editing the trace
    rewrote the loaded pack for every later evaluation on every Engine."""
    kredit = load_pack(RULES / "permenpanrb-1-2023.yaml")
    inputs = {"jenjang": "ahli_pertama", "predikat": "baik"}
    first = Engine().evaluate(kredit, "angka_kredit", inputs)
    assert first.outputs["angka_kredit"] == 12.5
    parameter_steps(first)["koefisien"]["value"]["ahli_pertama"] = 0
    assert Engine().evaluate(kredit, "angka_kredit", inputs).outputs["angka_kredit"] == 12.5


def test_on_as_a_datetime(base):
    """Was: a datetime.datetime `on` (a date subclass) raised TypeError against the versions."""
    result = Engine().evaluate(base, "kurva", istimewa_unit(7), on=dt.datetime(2026, 6, 1, 9))
    assert result.outputs["kurva_sesuai"] is True
    assert result.on == dt.date(2026, 6, 1)


# A reform asking for five decimals instead of two; checked and valid.
FIVE_DECIMALS = """\
pack: uji-pembulatan-lima-desimal
title: Uji nilai kinerja dengan lima desimal
extends: {base}
legal_basis: [Contoh untuk pengujian]
effective_from: 2019-05-20
parameters:
  pembulatan_nilai:
    cite: Contoh untuk pengujian
    values: {{2019-05-20: 5}}
"""


def test_tiny_derived_number_reaching_durable_rules(tmp_path):
    path = tmp_path / "lima-desimal.yaml"
    path.write_text(FIVE_DECIMALS.format(base=PP30_FILE), encoding="utf-8")
    pack = load_pack(path)
    engine = Engine()
    tiny = engine.evaluate(pack, "nilai_kinerja", {"nilai_skp": 0.0002, "nilai_perilaku": 0})
    assert tiny.outputs == {"predikat": "sangat_kurang", "nilai_kinerja": 0.00014}
    try:
        result = engine.evaluate(pack, "nilai_kinerja", {"nilai_skp": 0.0001, "nilai_perilaku": 0})
    except EvaluationError as error:
        check_render(error)
        return
    assert result.outputs == {"predikat": "sangat_kurang", "nilai_kinerja": 0.00007}
