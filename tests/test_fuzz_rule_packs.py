"""Generated bad rule packs (issue #7): `ekinerja rules check FILE` refuses clearly or accepts.

Four families, each at least 200 generated inputs (the Hypothesis profile of tests/conftest.py):

- structure: the real packs (rules/, reforms, tests/fixtures/valid/) with keys dropped, renamed,
  copied, wrapped in lists, and values replaced by wrong types, huge or non-finite numbers, control
  characters, long texts, deep nesting, dates in wrong formats or calendars, YAML tags and anchors;
- text: the real files' own text with characters and lines edited, other encodings, random text,
  YAML-looking token soup and random bytes;
- expressions: `derive`, `result` and `then` formulas with names, operators and calls in and out of
  the language, Python escapes (`__import__`, attributes, lambdas), huge powers and deep nesting;
- base: a reform checked against a base pack that is itself edited as in `structure`.

For each: the command exits 0, or 1/2 with `FILE:LINE: what — what to do` from the catalog; never a
traceback, an internal error, a hang or a marker file created by a `!!python` tag. An accepted pack
is then evaluated (engine and bulk evaluator) with inputs from its own specs: a result or an
EvaluationError, nothing else. `run_family(n)` runs the same property without pytest for
bench/reliability.py.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from sandbox.rules import loader
from sandbox.rules.problems import EvaluationError
from tests.fuzz_support import (
    BAD_VALUES_BILLION,
    ROOT,
    Case,
    Hang,
    Raw,
    Workspace,
    judge_cli,
    judge_problems,
    load_tree,
    mutated_file,
    random_text,
    run_cli,
    run_property,
    summary,
    text_mutated_file,
    time_limit,
)

PACKS = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "rules").rglob("*.yaml"))]
FIXTURES = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "tests/fixtures/valid").glob("*.yaml"))]
SOURCES = PACKS + FIXTURES
# Base packs and a reform of each that `extends:` it by a relative path (so the edited copy is used).
REFORM_OF = {
    "rules/permenpanrb-6-2022.yaml": "rules/reforms/sel-hasil-di-atas-perilaku-sesuai.yaml",
    "tests/fixtures/valid/kuadran.yaml": "tests/fixtures/valid/reformasi-kuadran.yaml",
}
# the small base is drawn more often: it is quick to check, the large one is the real thing
BASES = ["tests/fixtures/valid/kuadran.yaml", "tests/fixtures/valid/kuadran.yaml",
         "rules/permenpanrb-6-2022.yaml"]
# Files with formulas, and the decisions in them whose `derive`/`result`/`then` can take one.
FORMULA_SOURCES = [s for s in SOURCES if "reform" not in s and "derive" in (ROOT / s).read_text()]



@functools.cache
def workspace() -> Workspace:
    """One temporary workspace per module, made on first use (Hypothesis runs many examples in it)."""
    return Workspace()


@contextlib.contextmanager
def recording_check_pack():
    """Let the real CLI run while keeping what the outermost `check_pack` returned."""
    original = loader.check_pack
    calls: list = []
    depth = [0]

    def wrapper(*args, **kwargs):
        depth[0] += 1
        try:
            result = original(*args, **kwargs)
        finally:
            depth[0] -= 1
        if depth[0] == 0:
            calls.append(result)
        return result

    loader.check_pack = wrapper
    try:
        yield calls
    finally:
        loader.check_pack = original


# --------------------------------------------------------------------------- the property


def sample_inputs(decision, high: bool = False) -> dict:
    """A plausible input set from a decision's own specs: first enum values and each number's
    minimum (or, with `high`, last enum values and each maximum)."""
    values = {}
    for name, spec in decision.inputs.items():
        if spec.type == "enum":
            values[name] = (spec.values[-1] if high else spec.values[0]) if spec.values else ""
        elif spec.type == "boolean":
            values[name] = not high
        else:
            first, second = (spec.maximum, spec.minimum) if high else (spec.minimum, spec.maximum)
            values[name] = first if first is not None else (second if second is not None else 7)
    return values


def evaluate_everything(pack) -> str | None:
    """Evaluate every decision of an accepted pack: a result or an EvaluationError, nothing else."""
    from sandbox.rules.batch import BatchEvaluator
    from sandbox.rules.engine import Engine

    for name, decision in pack.decisions.items():
        for inputs in (sample_inputs(decision), sample_inputs(decision, high=True)):
            runs = (("engine", lambda n=name, i=inputs: Engine().evaluate(pack, n, i)),
                    ("batch", lambda n=name, i=inputs: BatchEvaluator(pack, n).evaluate(i)))
            for label, run in runs:
                try:
                    with time_limit():
                        run()
                except EvaluationError as error:
                    error.render("id")
                except Hang:
                    return f"{label} evaluation of {name} hangs"
                except Exception as error:  # noqa: BLE001 - what the property looks for
                    return f"{label} evaluation of {name}: {type(error).__name__}: {str(error)[:150]}"
    return None


def check_file(ws: Workspace, path: Path, evaluate: list[str] | None = None) -> tuple[bool, str | None]:
    """`ekinerja rules check PATH`, or `ekinerja rules eval PATH DECISION NAME=VALUE...` when
    `evaluate` gives the decision and inputs; returns (refused, what went wrong or None)."""
    shown = loader.display_path(path)
    command = ["rules", "check", "--lang", "id", str(path)] if evaluate is None else [
        "rules", "eval", "--lang", "id", str(path), *evaluate]
    with recording_check_pack() as calls:
        rc, out, err, escaped = run_cli(command)
    pack, problems = calls[-1] if calls else (None, [])
    pack_refused = bool(problems) or pack is None
    # `rules eval` of a sound pack may refuse the inputs: a sentence, but about them, not the file
    failure = judge_cli(rc, out, err, escaped, shown, ws.marker, names_file=pack_refused)
    if failure is None and calls:
        failure = judge_problems(problems)
        if failure is None and not pack_refused:
            failure = evaluate_everything(pack)
    return pack_refused, failure


def check_case(case: Case) -> tuple[bool, str | None]:
    ws = workspace()
    return check_file(ws, ws.write(case))


def eval_case(case: Case) -> tuple[bool, str | None]:
    """A formula case through `ekinerja rules eval` (load the pack, then evaluate its decision)."""
    ws = workspace()
    decision, inputs = case.edits[0][1][1], _inputs_from_tree(load_tree(case.source), case.edits[0][1][1])
    return check_file(ws, ws.write(case), [decision, *inputs])


def _inputs_from_tree(tree: dict, decision: str) -> list[str]:
    """NAME=VALUE for each input of a decision, as a user would type them (first value, minimum)."""
    pairs = []
    for name, spec in ((tree.get("decisions") or {}).get(decision, {}).get("inputs") or {}).items():
        if spec.get("type") == "enum":
            value = (spec.get("values") or [""])[0]
        elif spec.get("type") == "boolean":
            value = "ya"
        else:
            value = spec.get("min", spec.get("max", 7))
        pairs.append(f"{name}={value}")
    return pairs


def check_base_case(case: Case) -> tuple[bool, str | None]:
    """The real reform over an edited base pack (written over the workspace's copy, then restored)."""
    ws = workspace()
    ws.write(case, name=case.source)
    try:
        return check_file(ws, ws.root / REFORM_OF[case.source])
    finally:
        ws.restore(case.source)


# --------------------------------------------------------------------------- expressions

ALLOWED_CALLS = ["min", "max", "abs", "round", "floor", "ceil", "len", "bulatkan"]
OTHER_CALLS = ["pow", "open", "exec", "eval", "getattr", "globals", "vars", "__import__", "range", "print"]
OPERATORS = ["+", "-", "*", "/", "//", "%", "==", "!=", "<", "<=", ">", ">=", "and", "or",
             "**", "@", "^", "|", "&", "<<", ">>", "is", "in", "not in", "is not"]
NUMBERS = ["0", "1", "-1", "0.5", "100", "1e308", "1e-308", "1e309", "99999999999999999999",
           "10000000000000000", "0.1", "-0.0", "3", "7"]
DANGEROUS = [
    "__import__('os').system('touch MARKER')", "open('MARKER', 'w')", "exec('1')", "eval('1')",
    "globals()", "vars()", "getattr(1, 'real')", "().__class__.__bases__[0].__subclasses__()",
    "x.__class__", "(1).real", "lambda: 1", "[i for i in range(10**9)]", "{i: i for i in [1]}",
    "{1, 2}", "[1, 2]", "(1, 2)", "{'a': 1}", "f'{1}'", "'a'[0]", "'abc'[:]", "'abc'[::-1]", "*x",
    "(y := 1)", "9**9**9", "2**10000", "'a' * 999999999", "len('a' * 99999)", "round()", "min()",
    "max(1)", "floor('a')", "bulatkan(1, 'x')", "bulatkan(1e308 * 10)", "round(1, 10**9)",
    "round(1, 999999)", "round(1e308, -400)", "1/0", "1//0", "1%0", "ceil(1e308 * 10)",
    "floor(-1e308 * 10)", "min(1, 'a')", "abs('x')", "len(1)", "1 if 1 else", "1 +", "not",
    "a b", "(", ")", "1..2", "0x1F", "1_000", "1j", "b'x'", "...", "None", "'\\N{BOGUS}'", "\\x00",
    "# komentar", "1e309 - 1e309", "1e308 * 10 * 0", "(1e308 * 10) - (1e308 * 10)", "-(1e308 * 10)",
    "max(1e308 * 10, 1)", "round(1e308 * 10, 2)", "len('x' * 100000)", "'9' * 5000", "1 < 2 < 3",
    "min(*[1])", "max(x=1)", "floor(1, 2, 3)", "bulatkan(2.5, 'floor', 3)", "1 if None else 'a'",
    "'" + "a" * 3000 + "'", "9" * 5000, "1" + " + 1" * 3000, "x" * 3000,
]
DEEP = ["({0})", "-{0}", "not {0}", "abs({0})", "({0} + 1)", "[{0}]", "{0}[0]", "max({0}, 1)"]


def expressions(scope: list[str]) -> st.SearchStrategy:
    names = st.sampled_from(scope + ["nama_asing", "x", "_row", "__builtins__", "True", "False"])
    atoms = st.one_of(names, st.sampled_from(NUMBERS), st.integers().map(str),
                      st.floats().map(repr), st.sampled_from(["'teks'", "''", "'{x}'"]))

    def grow(inner):
        return st.one_of(
            st.tuples(inner, st.sampled_from(OPERATORS), inner).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
            st.tuples(st.sampled_from(ALLOWED_CALLS + ALLOWED_CALLS + OTHER_CALLS),
                      st.lists(inner, max_size=3)).map(lambda t: f"{t[0]}({', '.join(t[1])})"),
            st.tuples(inner, inner, inner).map(lambda t: f"({t[0]} if {t[1]} else {t[2]})"),
            inner.map(lambda e: f"-{e}"),
            inner.map(lambda e: f"not {e}"),
            st.tuples(inner, inner).map(lambda t: f"{t[0]}[{t[1]}]"),
        )

    deep = st.tuples(st.sampled_from(DEEP), st.sampled_from([50, 99, 100, 101, 200, 1000, 5000, 100_000]),
                     names).map(lambda t: _nest(*t))
    return st.one_of(st.recursive(atoms, grow, max_leaves=8), st.sampled_from(DANGEROUS), deep,
                     st.text(max_size=30))


def _nest(template: str, depth: int, core: str) -> str:
    """`template` applied `depth` times around `core`, built without recursion."""
    left, right = template.split("{0}")
    return left * depth + core + right * depth


@st.composite
def formula_case(draw) -> Case:
    """A real pack with one formula replaced (or a new `derive` added) by a generated one."""
    source = draw(st.sampled_from(FORMULA_SOURCES))
    tree = load_tree(source)
    decisions = tree.get("decisions") or {}
    name = draw(st.sampled_from(sorted(decisions)))
    decision = decisions[name]
    scope = sorted(set(decision.get("inputs") or {}) | set(tree.get("parameters") or {})
                   | set(decision.get("derive") or {}))
    expression = draw(expressions(scope))
    numeric = [o for o, spec in (decision.get("outputs") or {}).items()
               if isinstance(spec, dict) and spec.get("type") in ("number", "integer")]
    places = ["derive_new", "derive_new"]
    if decision.get("derive"):
        places.append("derive")
    if decision.get("result"):
        places.append("result")
    if numeric and decision.get("rules"):
        places.append("then")
    place = draw(st.sampled_from(places))
    if place == "derive_new":
        derive = dict(decision.get("derive") or {})
        position = draw(st.integers(0, len(derive)))
        items = list(derive.items())
        items.insert(position, ("fz_baru", expression))
        return Case(source, (("set", ("decisions", name, "derive"), dict(items)),))
    if place == "derive":
        target = draw(st.sampled_from(sorted(decision["derive"])))
        value = decision["derive"][target]
        if isinstance(value, dict):
            return Case(source, (("set", ("decisions", name, "derive", target, "expr"), expression),))
        return Case(source, (("set", ("decisions", name, "derive", target), expression),))
    if place == "result":
        target = draw(st.sampled_from(sorted(decision["result"])))
        return Case(source, (("set", ("decisions", name, "result", target), expression),))
    index = draw(st.integers(0, len(decision["rules"]) - 1))
    output = draw(st.sampled_from(numeric))
    return Case(source, (("set", ("decisions", name, "rules", index, "then", output), expression),))


# --------------------------------------------------------------------------- families as tests


# Each @example is a generated input that once failed (kept as a regression test), or a case the
# issue names. KECIL etc. are small valid fixtures one edit away from the case.
KECIL = "tests/fixtures/valid/kecil.yaml"
KUADRAN = "tests/fixtures/valid/kuadran.yaml"
POTONGAN = "tests/fixtures/valid/potongan.yaml"
RULES_8 = "rules/permenpanrb-8-2021.yaml"
NILAI_AKHIR = ("decisions", "predikat", "derive", "nilai_akhir", "expr")
NEW_DERIVE = ("decisions", "predikat", "derive", "fz_baru")
HARI_MIN = ("decisions", "potongan", "inputs", "hari_tidak_masuk", "min")


@given(mutated_file(SOURCES))
@example(Case(KECIL, (("set", ("effective_from",), Raw("2023-02-30")),)))
@example(Case(KECIL, (("set", ("effective_from",), Raw("1445-07-10 H")),)))
@example(Case(KECIL, (("set", ("effective_from",), "31/01/2023"),)))
@example(Case(KECIL, (("set", ("title",), Raw("!!python/object/apply:os.system ['touch MARKER']")),)))
# was: OverflowError (int too large to convert to float) in the loader and the gap checker
@example(Case(RULES_8, (("set", ("parameters", "pembulatan_capaian", "values", dt.date(2021, 1, 1)),
                         10**400),)))
@example(Case(POTONGAN, (("set", HARI_MIN, -(10**400)),)))
# was: OverflowError (cannot convert float infinity to integer) in the gap checker
@example(Case(POTONGAN, (("set", HARI_MIN, Raw("-.inf")),)))
@example(Case(POTONGAN, (("set", HARI_MIN, Raw(".nan")),)))
# was: AttributeError ('tuple' object has no attribute 'tag') for a tag that does not fit its node
@example(Case("rules/permenpanrb-6-2022.yaml", (("set", ("decisions", "kurva", "rules", 12, "id"),
                                                 Raw("!!seq {a: 1}")),)))
@example(Case(KECIL, (("set", ("title",), Raw("!!map [a]")),)))
# was: RecursionError in PyYAML's composer
@example(Case(KECIL, (("set", ("decisions", "predikat", "cite"), Raw("{a: " * 1500 + "1" + "}" * 1500)),)))
@example(Case(KECIL, (("set", ("title",), Raw("[" * 3000 + "]" * 3000)),)))
# was: a message line of 3,000+ characters quoting a key; a hundred-million-item alias list
@example(Case(RULES_8, (("rename", ("title",), "x" * 3000),)))
@example(Case(KECIL, (("set", ("legal_basis",), BAD_VALUES_BILLION),)))
# was: ValueError (int of 4,300+ digits cannot be printed) for a hex literal as a derived formula
@example(Case("rules/permenpanrb-6-2022.yaml", (("set", ("decisions", "kurva", "derive", "batas_sk_maks_sb"),
                                                 Raw("0x" + "f" * 4000)),)))
# was: a reform's empty `legal_basis:` reported as missing at line 2 of its base
@example(Case("tests/fixtures/valid/reformasi-kuadran.yaml", (("set", ("legal_basis",), None),)))
def test_structure_mutations_are_refused_clearly(case):
    refused, failure = check_case(case)
    assert failure is None, f"{case!r}: {failure}"


@given(st.one_of(text_mutated_file(SOURCES), random_text("rules/acak.yaml")))
@example(Case("rules/acak.yaml", (("bytes", b"pack: !!python/object/apply:os.system ['touch MARKER']\n"),)))
@example(Case("rules/acak.yaml", (("bytes", b"!!python/name:os.system\n"),)))
@example(Case("rules/acak.yaml", (("bytes", b"pack: a\x00b\n"),)))
@example(Case("rules/acak.yaml", (("bytes", b"\xff\xfe p\x00a\x00"),)))
@example(Case(KECIL, (("text.dup_line", 1),)))  # `pack:` written twice
@example(Case(KECIL, (("text.tab", 3),)))
@example(Case(KECIL, (("encoding", "utf-16"),)))
def test_text_mutations_are_refused_clearly(case):
    refused, failure = check_case(case)
    assert failure is None, f"{case!r}: {failure}"


@given(formula_case())
@example(Case(KECIL, (("set", NEW_DERIVE, "__import__('os').system('touch MARKER')"),)))
@example(Case(KECIL, (("set", NEW_DERIVE, "9**9**9"),)))
@example(Case(KECIL, (("set", NEW_DERIVE, "'a' * 999999999"),)))
# was: MemoryError and RecursionError inside Python's parser (an internal error)
@example(Case(KECIL, (("set", NEW_DERIVE, "-" * 100_000 + "nilai"),)))
@example(Case(KECIL, (("set", NEW_DERIVE, "1" + " + 1" * 100_000),)))
# was: RecursionError in the bulk evaluator for a formula nested a thousand calls deep
@example(Case(KECIL, (("set", NEW_DERIVE, "max(" * 1000 + "nilai" + ", 1)" * 1000),)))
# was: TypeError in the bulk evaluator: a text where the rules compare a number
@example(Case(KECIL, (("set", NILAI_AKHIR, "'9' * 5000"),)))
# was: NaN posted to durable-rules ("Could not assert event, error code: 202")
@example(Case(KECIL, (("set", NILAI_AKHIR, "(nilai * 1e308 * 10) - (nilai * 1e308 * 10)"),
                      ("delete", ("decisions", "predikat", "derive", "nilai_akhir", "range")))))
# was: a 5,000-character message quoting the formula
@example(Case(KECIL, (("set", NEW_DERIVE, "9" * 5000),)))
def test_formula_mutations_are_refused_or_evaluated_clearly(case):
    refused, failure = eval_case(case)
    assert failure is None, f"{case!r}: {failure}"


@given(mutated_file(BASES, max_tree=2, max_text=1))
# was: TypeError (argument of type 'NoneType' is not iterable) merging into a base's empty `parameters:`
@example(Case(KUADRAN, (("set", ("parameters",), None),)))
# was: the reform refused only with problems of its base, never naming the reform itself
@example(Case(KUADRAN, (("delete", ("decisions", "predikat", "rules", 5, "when", "hasil")),)))
def test_reform_over_a_broken_base_is_refused_clearly(case):
    refused, failure = check_base_case(case)
    assert failure is None, f"{case!r}: {failure}"


# --------------------------------------------------------------------------- for bench/reliability.py


def run_family(n: int = 200) -> dict:
    """The rule-pack families without pytest: n generated inputs each, with their figures."""
    parts = {
        "structure": run_property(mutated_file(SOURCES), check_case, n),
        "text": run_property(st.one_of(text_mutated_file(SOURCES), random_text("rules/acak.yaml")),
                             check_case, n),
        "expressions": run_property(formula_case(), eval_case, n),
        "base": run_property(mutated_file(BASES, max_tree=2, max_text=1), check_base_case, n),
    }
    result = summary("rule-packs", [o for outcomes in parts.values() for o in outcomes])
    result["parts"] = {name: summary(f"rule-packs/{name}", outcomes) for name, outcomes in parts.items()}
    return result


if __name__ == "__main__":  # python -m tests.test_fuzz_rule_packs [N]
    import json
    import sys

    print(json.dumps(run_family(int(sys.argv[1]) if len(sys.argv) > 1 else 200), indent=1, default=str))

