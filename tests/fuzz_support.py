"""Shared machinery of the parser fuzzers (tests/test_fuzz_rule_packs.py, tests/test_fuzz_scenarios.py).

A generated case is a plain, printable value — the real file it starts from and a tuple of edits —
so a failing case can be pasted into an `@example(...)` as it is. `apply_case` turns it into file
text; `run_cli` drives the real command in-process; `judge_cli` and `judge_problems` say what is
wrong with the outcome (None when nothing is).

The property, for every generated input: accepted, or refused with exit 1/2 and a message that names
the file (with a line) and is read from the catalog (Indonesian first, English second, both
rendering with their parameters) — never a traceback, never `kesalahan internal`, never Python
executed from YAML (a tag that would create a marker file must not create it), never a hang.
"""

from __future__ import annotations

import atexit
import contextlib
import copy
import datetime as dt
import functools
import io
import math
import re
import shutil
import signal
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

import yaml
from hypothesis import strategies as st

from sandbox.i18n.catalog import MESSAGES
from sandbox.rules.problems import shown_params

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules"

# Where a `!!python/...` tag would create a file if it were ever executed; checked after each case.
MARKER_NAME = "DIJALANKAN-DARI-YAML"
# One problem line may quote a value, but never a whole file: the checker shortens long values.
MAX_LINE = 2000
# A parser that takes longer than this on one small file is treated as hanging.
HANG_SECONDS = 20


class Case(NamedTuple):
    """A real file (relative to the repository) and the edits made to it, in order."""

    source: str
    edits: tuple = ()


class Raw(NamedTuple):
    """YAML text written as it is in place of a value (dates YAML misreads, tags, anchors...)."""

    text: str


# --------------------------------------------------------------------------- bad values

_NESTED = [[[[[["dalam"]]]]]]
# "billion laughs": nine lines of aliases that stand for a list of 10^9 items
BAD_VALUES_BILLION = Raw("[&a0 [x,x,x,x,x,x,x,x,x,x], " + ", ".join(
    f"&a{level} [" + ",".join([f"*a{level - 1}"] * 10) + "]" for level in range(1, 9)) + "]")
BAD_VALUES: list = [
    None, True, False, 0, -1, 1, 0.5, -0.0, 2**63, -(2**63) - 1, 10**400, -(10**30), 1e308, -1e-308,
    math.nan, math.inf, -math.inf,
    "", " ", "\t", "x" * 5000, "ü ñ 中文 🙂", "\u202eterbalik", "a\x00b", "\x1b[2Jlayar", "a\nb",
    "{nilai}", "{0}", "{", "%s", "'; DROP TABLE kelas; --", "../../etc/passwd", "None", "null", "NaN",
    "yes", "no", "on", "off", "Y", "n", "1,5", "1.000,50", "٩٠", "1_000", "1e999",
    dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.datetime(2023, 1, 31, 25 % 24, 0),
    [], [None], [[]], [1, "a", None], _NESTED, {}, {"a": None}, {"id": 1, "en": []}, {1: 2},
    {"": ""}, {"x" * 300: 1},
    Raw("2023-02-30"), Raw("31/01/2023"), Raw("1445-07-10 H"), Raw("2023-13-45"), Raw("0000-01-01"),
    Raw("2023-1-5"), Raw("20230131"), Raw("2023-01-31T25:61:00"), Raw("2023-01-31 10:00:00 +25:00"),
    Raw("01-31-2023"), Raw("2023/01/31"), Raw("Senin, 31 Januari 2023"), Raw("1 Muharram 1445"),
    Raw("!!python/object/apply:os.system ['touch MARKER']"),
    Raw("!!python/object/apply:builtins.eval [\"open('MARKER', 'w')\"]"),
    Raw("!!python/object/apply:subprocess.call [[touch, MARKER]]"),
    Raw("!!python/object/new:pathlib.Path [MARKER]"),
    Raw("!!python/name:os.system"), Raw("!!python/module:os"), Raw("!!python/tuple [1, 2]"),
    Raw("!!python/object:argparse.Namespace {a: 1}"),
    Raw("!<tag:yaml.org,2002:python/object/apply:os.system> ['touch MARKER']"),
    Raw("!!binary aGVsbG8="), Raw("!!binary ???"), Raw("!!int sembilan"), Raw("!!float x"),
    Raw("!!bool mungkin"), Raw("!!timestamp 2023-02-30"), Raw("!!set {a, b}"), Raw("!!omap [a: 1]"),
    Raw("!!pairs [a: 1]"), Raw("!!null x"), Raw("!lokal nilai"), Raw("!!map [a]"), Raw("!!seq {a: 1}"),
    Raw("!!str"), Raw("&a [*a]"), Raw("&b {k: *b}"), Raw("*tidak_ada"), Raw("{<<: 5}"), Raw("{<<: [1]}"),
    Raw("{[a, b]: c}"), Raw("{{a: 1}: b}"), Raw("{.nan: 1}"), Raw("{null: 1}"), Raw("{1: a, 1.0: b}"),
    Raw("{true: a, 1: b}"), Raw("0x" + "f" * 4000), Raw("1" * 5000), Raw("1" + "0" * 400),
    Raw("-" + "9" * 400 + ".5"), Raw("1e999"), Raw("-.inf"), Raw(".NaN"), Raw("0o777"), Raw("0b101"),
    Raw("1_000"), Raw("+12"), Raw("~"), Raw("[" * 3000 + "]" * 3000), Raw("{a: " * 1500 + "1" + "}" * 1500),
    Raw("[" * 120 + "]" * 120),
    BAD_VALUES_BILLION,
    Raw("{a: 1, a: 2}"), Raw("'tak ditutup"), Raw('"\\xZZ"'), Raw("[1, 2"), Raw("{a: 1"), Raw("@awal"),
    Raw("`awal"), Raw("%TAG ! tag:x,2000:"), Raw("- a\n- b"), Raw("|\n  teks"), Raw("? a"),
]

BAD_KEYS: list = [
    "", " ", "Pack", "pack ", "PACK", "__class__", "__init__", "x" * 3000, "a\x00b", "ü", "values ",
    "when", "then", "rules", "id", "en", "judul", 1, 0, -1, 1.5, True, False, None,
    dt.date(2024, 1, 1), "2024-01-01", "{x}", "x-y", "x.y", "1abc",
]

_leaf = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=40),
    st.dates(min_value=dt.date(1, 1, 1)),
)


def bad_values() -> st.SearchStrategy:
    """Values a user might write by mistake, or on purpose to break things."""
    return st.one_of(
        st.sampled_from(BAD_VALUES),
        st.sampled_from(BAD_VALUES),  # the curated list is drawn more often than noise
        _leaf,
        st.recursive(_leaf, lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
            max_leaves=12),
    )


def bad_keys() -> st.SearchStrategy:
    return st.one_of(st.sampled_from(BAD_KEYS), st.text(max_size=20))


# --------------------------------------------------------------------------- tree edits


def load_tree(source: str) -> object:
    """A fresh copy of a real file's parsed content (parsed once per run: edits change the copy)."""
    return copy.deepcopy(_parsed(source))


@functools.cache
def _parsed(source: str) -> object:
    return yaml.safe_load((ROOT / source).read_text(encoding="utf-8"))


def paths_of(node: object, prefix: tuple = ()) -> list[tuple]:
    """Every place in a parsed YAML tree: the paths of all mapping keys and list items."""
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(paths_of(value, prefix + (key,)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(paths_of(value, prefix + (index,)))
    return found


def _parent(tree: object, path: tuple):
    node = tree
    for step in path[:-1]:
        node = node[step]
    return node


def _apply_tree_edit(tree: object, edit: tuple) -> object:
    kind, path = edit[0], edit[1]
    if not path:
        if kind == "set":
            return edit[2]
        if kind == "wrap":
            return [tree]
        return tree
    parent = _parent(tree, path)
    key = path[-1]
    if kind == "delete":
        del parent[key]
    elif kind == "set":
        parent[key] = edit[2]
    elif kind == "wrap":  # a list where a map or value was meant, or the other way round
        value = parent[key]
        parent[key] = [value] if not isinstance(value, list) else {"butir": value}
    elif kind == "rename" and isinstance(parent, dict):
        new = edit[2]
        items = [(new if k == key else k, v) for k, v in parent.items()]
        parent.clear()
        parent.update(items)
    elif kind == "copy" and isinstance(parent, dict):  # another key gets the same content
        parent[edit[2]] = parent[key]
    elif kind == "copy" and isinstance(parent, list):
        parent.insert(key, parent[key])
    return tree


def _resolve(path: tuple, tree: object, leaf: bool = True) -> bool:
    """Whether a path exists (only its parent when `leaf` is False: a new key may be set)."""
    try:
        parent = _parent(tree, path)
        if leaf or not isinstance(parent, dict):
            parent[path[-1]]
    except (KeyError, IndexError, TypeError):
        return False
    return True


def dump(tree: object) -> tuple[str, dict]:
    """YAML text for a tree; each Raw value is written as a token and swapped in afterwards."""
    raws: dict = {}

    def swap(node):
        if isinstance(node, Raw):
            token = f"zzraw{len(raws)}zz"
            raws[token] = node.text
            return token
        if isinstance(node, dict):
            return {swap(k): swap(v) for k, v in node.items()}
        if isinstance(node, list):
            return [swap(v) for v in node]
        return node

    text = yaml.safe_dump(swap(tree), allow_unicode=True, sort_keys=False, width=10**9)
    for token, raw in raws.items():
        if "\n" in raw:  # block text: indent under its key
            raw = raw.replace("\n", "\n" + " " * 40)
        text = text.replace(token, raw)
    return text, raws


def apply_case(case: Case, marker: Path) -> bytes:
    """The bytes of the edited file; `MARKER` in any edit becomes the marker file's path."""
    raw = next((e[1] for e in case.edits if e[0] == "bytes"), None)
    if raw is not None:  # not an edited file: these bytes are the whole file
        return raw.replace(b"MARKER", str(marker).encode())
    tree = load_tree(case.source)
    text = None
    for edit in case.edits:
        kind = edit[0]
        if kind == "encoding":
            continue
        if kind.startswith("text."):
            if text is None:
                text = (ROOT / case.source).read_text(encoding="utf-8") if _pristine(case) else dump(tree)[0]
            text = _apply_text_edit(text, edit)
            continue
        if text is not None:
            raise ValueError("tree edits must come before text edits")
        if edit[1] and not _resolve(edit[1], tree, leaf=kind != "set"):
            continue
        tree = _apply_tree_edit(tree, edit)
    if text is None:
        text = dump(tree)[0]
    text = text.replace("MARKER", str(marker))
    encoding = next((e[1] for e in case.edits if e[0] == "encoding"), "utf-8")
    return text.encode(encoding, errors="replace")


def _pristine(case: Case) -> bool:
    """Only text edits: start from the file's own text (comments, flow style and all)."""
    return all(e[0].startswith("text.") or e[0] == "encoding" for e in case.edits)


def _apply_text_edit(text: str, edit: tuple) -> str:
    kind = edit[0]
    lines = text.split("\n")
    if kind == "text.dup_line" and lines:  # a key written twice, a rule repeated
        index = edit[1] % len(lines)
        lines.insert(index, lines[index])
    elif kind == "text.del_line" and lines:
        del lines[edit[1] % len(lines)]
    elif kind == "text.tab" and lines:
        index = edit[1] % len(lines)
        lines[index] = "\t" + lines[index].lstrip(" ")
    elif kind == "text.truncate":
        return text[: edit[1] % (len(text) + 1)]
    elif kind == "text.insert":
        pos = edit[1] % (len(text) + 1)
        return text[:pos] + edit[2] + text[pos:]
    elif kind == "text.replace_char" and text:
        pos = edit[1] % len(text)
        return text[:pos] + edit[2] + text[pos + 1:]
    elif kind == "text.line" and lines:  # a whole line of junk or a tag
        lines.insert(edit[1] % (len(lines) + 1), edit[2])
    return "\n".join(lines)


EXTREME_NUMBERS = [10**400, -(10**400), 2**63, 2**64 + 1, 10**15 + 1, 10**16, -(10**16), 1e308, -1e308,
                   1e-308, math.inf, -math.inf, math.nan, -0.0, 0, -1, 0.1, 1.5, 123456789.123456789,
                   Raw("0x" + "f" * 400), Raw("1" + "0" * 400), Raw(".nan"), Raw("-.inf")]


@st.composite
def tree_edit(draw, tree: object, keys: st.SearchStrategy | None = None) -> tuple:
    paths = [p for p in paths_of(tree)]
    numbers = [p for p in paths if p and _number_at(tree, p)]
    if numbers and draw(st.integers(0, 3)) == 0:  # a number made extreme keeps the rest valid
        return ("set", draw(st.sampled_from(numbers)), draw(st.one_of(
            st.sampled_from(EXTREME_NUMBERS), st.integers(), st.floats())))
    path = draw(st.sampled_from(paths))
    kind = draw(st.sampled_from(["set", "set", "set", "delete", "rename", "wrap", "copy"]))
    if kind == "set":
        return ("set", path, draw(bad_values()))
    if kind == "rename":
        return ("rename", path, draw(keys or bad_keys()))
    if kind == "copy":
        return ("copy", path, draw(keys or bad_keys()) if path and isinstance(path[-1], str) else 0)
    return (kind, path)


def _number_at(tree: object, path: tuple) -> bool:
    value = _parent(tree, path)[path[-1]]
    return isinstance(value, int | float) and not isinstance(value, bool)


JUNK_LINES = [
    "x: !!python/object/apply:os.system ['touch MARKER']",
    "!!python/object/apply:os.system ['touch MARKER']",
    "- !!python/name:os.system",
    "%YAML 1.1", "---", "...", "  - : :", ":", "? ", "&x", "*x", "\t", "#", "]", "}", "'",
    "pack: !!python/object/new:pathlib.Path [MARKER]", "<<: *x", "x: [", "\x00", "\x07", "\ufeff",
    "\u2028", "\x85", "\ud7ff", "\U0001f600: 1",
]


@st.composite
def text_edit(draw) -> tuple:
    kind = draw(st.sampled_from(["text.dup_line", "text.del_line", "text.tab", "text.truncate",
                                 "text.insert", "text.replace_char", "text.line"]))
    where = draw(st.integers(min_value=0, max_value=10**6))
    if kind in ("text.insert", "text.replace_char"):
        piece = draw(st.one_of(st.sampled_from(list(":-[]{}#&*!|>'\"%@`,?\t\n\x00\x1b\ufeff")),
                               st.text(max_size=5)))
        return (kind, where, piece)
    if kind == "text.line":
        return (kind, where, draw(st.one_of(st.sampled_from(JUNK_LINES), st.text(max_size=30))))
    return (kind, where)


@st.composite
def mutated_file(draw, sources: list[str], max_tree: int = 3, max_text: int = 2) -> Case:
    """A real file with a few tree edits (structure and values) and maybe some text edits."""
    source = draw(st.sampled_from(sources))
    tree = load_tree(source)
    edits = []
    for _ in range(draw(st.integers(min_value=1, max_value=max_tree))):
        edit = draw(tree_edit(tree))
        try:
            tree = _apply_tree_edit(tree, edit)
        except (KeyError, IndexError, TypeError):
            continue
        edits.append(edit)
    for _ in range(draw(st.integers(min_value=0, max_value=max_text))):
        edits.append(draw(text_edit()))
    return Case(source, tuple(edits))


@st.composite
def text_mutated_file(draw, sources: list[str]) -> Case:
    """A real file's own text (comments and all) with a few character- and line-level edits."""
    source = draw(st.sampled_from(sources))
    edits = tuple(draw(st.lists(text_edit(), min_size=1, max_size=4)))
    if draw(st.integers(0, 9)) == 0:
        edits = edits + (("encoding", draw(st.sampled_from(["latin-1", "utf-16", "cp1252"]))),)
    return Case(source, edits)


YAML_TOKENS = [
    "pack", "title", "id", "judul", ":", " ", "\n", "  ", "- ", "[", "]", "{", "}", ",", "'", '"', "#",
    "&a", "*a", "!!python/object/apply:os.system", "['touch MARKER']", "!!binary", "|", ">", "?",
    "2023-02-30", "31/01/2023", "1e999", ".nan", "~", "---", "...", "%YAML 1.2", "<<", "\t", "é", "\x00",
]


@st.composite
def random_text(draw, source: str) -> Case:
    """Not an edited file at all: random text, YAML-looking token soup, or raw bytes."""
    choice = draw(st.integers(0, 2))
    if choice == 0:
        text = draw(st.text(max_size=300))
        data = text.encode("utf-8", errors="replace")
    elif choice == 1:
        data = "".join(draw(st.lists(st.sampled_from(YAML_TOKENS), max_size=60))).encode()
    else:
        data = draw(st.binary(max_size=300))
    return Case(source, (("bytes", data),))


# --------------------------------------------------------------------------- running and judging


class Hang(BaseException):
    """Raised by the alarm; a BaseException so the CLI's last-resort `except Exception` lets it by."""


@contextlib.contextmanager
def time_limit(seconds: float = HANG_SECONDS):
    """Raise Hang if the block runs too long (main thread, POSIX); otherwise just time it."""
    usable = hasattr(signal, "setitimer")
    if usable:
        try:
            previous = signal.signal(signal.SIGALRM, _alarm)
        except ValueError:  # not the main thread
            usable = False
    if usable:
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        if usable:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _alarm(_signum, _frame):
    raise Hang()


def run_cli(argv: list[str]) -> tuple[int | None, str, str, str | None]:
    """`ekinerja ARGV` in this process: exit code, stdout, stderr, and an escaped exception if any."""
    from sandbox.cli import main

    out, err = io.StringIO(), io.StringIO()
    escaped = None
    rc = None
    started = time.monotonic()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), time_limit():
            rc = main(argv)
    except Hang:
        escaped = f"hang: more than {HANG_SECONDS}s"
    except SystemExit as stop:
        rc = stop.code if isinstance(stop.code, int) else 1
    except BaseException as error:  # noqa: BLE001 - this is what the property looks for
        escaped = f"{type(error).__name__}: {str(error)[:200]}"
    if escaped is None and time.monotonic() - started > HANG_SECONDS:
        escaped = f"slow: {time.monotonic() - started:.1f}s"
    return rc, out.getvalue(), err.getvalue(), escaped


_INTERNAL = [MESSAGES["cli.internal_error"][lang].split("{")[0] for lang in ("id", "en")]


def judge_cli(rc, out: str, err: str, escaped: str | None, shown: str, marker: Path,
              names_file: bool = True) -> str | None:
    """None when the command's outcome keeps the property; otherwise what went wrong, briefly.

    `names_file=False` for a refusal that is not about the file's text (a workflow step refused)."""
    text = out + err
    if marker.exists():
        marker.unlink()
        return "Python executed from YAML: the marker file was created"
    if escaped:
        return f"uncaught {escaped}"
    if "Traceback" in text:
        return "traceback printed: " + _tail(text)
    for internal in _INTERNAL:
        if internal in text:
            return "internal error: " + _tail(text)
    if rc == 70:
        return "exit 70: " + _tail(text)
    if rc == 0:
        return None
    if rc not in (1, 2):
        return f"exit {rc}: " + _tail(text)
    if not text.strip():
        return f"exit {rc} without a message"
    for line in text.splitlines():
        if len(line) > MAX_LINE:
            return f"message line of {len(line)} characters: {line[:120]}…"
    if not names_file:
        return None
    if shown not in text:
        return f"refused without naming {shown}: " + _tail(text)
    if not re.search(re.escape(shown) + r":\d+: ", text):
        return f"refused without a line number for {shown}: " + _tail(text)
    return None


def judge_problems(problems: list) -> str | None:
    """Every problem reads from the catalog in both languages, renders with its parameters, and
    points at a line that exists in the file it names."""
    lengths: dict = {}
    for problem in problems:
        for code in (problem.code, problem.code + ".fix"):
            entry = MESSAGES.get(code)
            if entry is None:
                return f"no catalog message {code!r}"
            if not entry.get("id") or not entry.get("en"):
                return f"catalog message {code!r} lacks Indonesian or English"
            for lang in ("id", "en"):
                try:
                    entry[lang].format(**shown_params(problem.params))
                except Exception as error:  # noqa: BLE001
                    return f"{code} ({lang}) does not render: {type(error).__name__}: {error}"
        if problem.file not in lengths:
            lengths[problem.file] = _line_count(problem.file)
        last = lengths[problem.file]
        if not isinstance(problem.line, int) or problem.line < 1 or (
                last is not None and problem.line > last):
            return f"{problem.code}: line {problem.line} outside {problem.file} ({last} lines)"
        for lang in ("id", "en"):
            rendered = problem.render(lang)
            if len(rendered) > MAX_LINE:
                return f"{problem.code}: message of {len(rendered)} characters"
    return None


def _line_count(file: str) -> int | None:
    try:
        data = Path(file).read_bytes()
    except OSError:
        return None
    text = data.decode("utf-8", errors="replace")
    # YAML 1.1 also breaks lines at CR, NEL, LS and PS: count every kind (an upper bound)
    return sum(text.count(mark) for mark in ("\n", "\r", "\x85", "\u2028", "\u2029")) + 1


def _tail(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return (lines[-1] if lines else "")[:300]


class Workspace:
    """A private folder laid out like a checkout (rules/, rules/reforms/, scenarios/) for one run."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="fz-parsers-"))
        atexit.register(self.close)
        shutil.copytree(RULES, self.root / "rules")
        shutil.copytree(ROOT / "tests" / "fixtures" / "valid", self.root / "tests" / "fixtures" / "valid")
        (self.root / "scenarios").mkdir()
        self.marker = self.root / MARKER_NAME

    def write(self, case: Case, name: str | None = None) -> Path:
        """Write a case beside its source as `fz-NAME` (so `extends: ../base.yaml` still resolves
        and the untouched copy stays usable as a base), or over `name` when given."""
        source = Path(case.source)
        target = self.root / (name or source.with_name("fz-" + source.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(apply_case(case, self.marker))
        return target

    def restore(self, source: str) -> None:
        shutil.copyfile(ROOT / source, self.root / source)

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def summary(family: str, outcomes: list[tuple[bool, str | None]]) -> dict:
    """The figures `bench/reliability.py` prints: tried, clean, refused and the failures seen."""
    failures = [f for _, f in outcomes if f]
    return {
        "family": family,
        "tried": len(outcomes),
        "clean": len(outcomes) - len(failures),
        "refused": sum(1 for refused, f in outcomes if refused and not f),
        "failures": failures[:20],
    }


def run_property(strategy, check, n: int) -> list:
    """`check` over n generated cases without pytest (bench/reliability.py): (refused, failure) each."""
    from hypothesis import HealthCheck, given, settings

    outcomes: list = []

    @settings(max_examples=n, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def collect(case):
        refused, failure = check(case)
        outcomes.append((refused, f"{failure} <- {case!r:.300}" if failure else None))

    collect()
    return outcomes
