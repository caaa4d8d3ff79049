"""Generated bad arguments for every `ekinerja` subcommand (issue #7, family "CLI arguments").

`sandbox.cli.main(argv)` runs in-process on generated argument lists: wrong types, numbers out of
range (negative seats, 10^30, NaN), impossible or foreign-calendar dates and times, paths that do not
exist, are folders, are not databases, hold no class, sit under a file or are too long, YAML that
asks for Python objects, Unicode, control characters, undecodable bytes (lone surrogates, as Python
passes them) and 100k-character pastes. Output goes to a strict UTF-8 stdout, as on a real terminal.
Every example must end with

- an int exit code (argparse's `--help`/`--version` exit 0 is fine), never an exception escaping
  `main`, never the "internal error" last guard (exit 70), never "Traceback" in the output;
- a refusal (exit code != 0) that says something on stderr, and leaves every file named on the
  command line as it was (SQLite files compared by content hash, others byte for byte) and creates
  no database file;
- no Python object ever built from YAML (a tagged file would create a marker file);
- launchers (`seat`, `serve`, `class console`, the bare app) replaced by stubs: they may only be
  reached with arguments they can use (a seat the class has, a port 1..65535, a host name).

`run_family(n)` drives the same property without pytest, for bench/reliability.py.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fuzz_forms_support import (
    Outcome,
    build_class_template,
    hostile_date,
    hostile_text,
    hostile_time,
    scratch_dir,
    spread,
)

EXAMPLES_PER_COMMAND = 30

# -- the files a command line can name ------------------------------------------------------------------
# Tokens in a generated argv; `Sandbox.resolve` turns each into a real path for one example.
CLASS, OFFICE, NEW, DIR, TEXT, EMPTY, UNDER_FILE, BINARY, FOREIGN, LONG_NAME, DEEP_NEW = (
    "<class>", "<office>", "<new>", "<dir>", "<text>", "<empty>", "<under-file>", "<binary>", "<foreign>",
    "<long-name>", "<deep-new>")
YAML_PYTHON_PACK, YAML_PYTHON_SCENARIO = "<yaml-python-pack>", "<yaml-python-scenario>"
YAML_BROKEN = "<yaml-broken>"
BAD_DBS = [NEW, DIR, TEXT, EMPTY, UNDER_FILE, BINARY, FOREIGN, LONG_NAME, OFFICE]
ANY_DB = [CLASS, CLASS, CLASS, *BAD_DBS]

_PYTHON_TAG = "!!python/object/apply:os.system"


class Sandbox:
    """Template files made once; every example gets its own folder with fresh copies."""

    def __init__(self, folder: Path):
        from sandbox.store import open_store
        from sandbox.synth.office import demo_office
        from sandbox.synth.persist import save_office

        self.folder = folder
        self.marker = folder / "PYTHON-RAN"
        self.class_template = build_class_template(folder)
        self.office_template = folder / "office-template.db"
        with open_store(self.office_template) as store:
            save_office(store, demo_office())
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.counter = 0
        self.current: Path | None = None

    def new_example(self) -> Path:
        if self.current is not None:
            shutil.rmtree(self.current, ignore_errors=True)
        self.counter += 1
        self.current = self.folder / f"ex{self.counter}"
        self.current.mkdir()
        return self.current

    def resolve(self, token: str, ex: Path) -> str:
        """The path (or text) a token stands for in example folder `ex`."""
        if token == CLASS:
            return _copy(self.class_template, ex / "kelas.db")
        if token == OFFICE:
            return _copy(self.office_template, ex / "kantor.db")
        if token == NEW:
            return str(ex / "baru.db")
        if token == DEEP_NEW:
            return str(ex / "a" / "b" / "baru.db")
        if token == DIR:
            (ex / "folder").mkdir(exist_ok=True)
            return str(ex / "folder")
        if token == TEXT:
            (ex / "catatan.txt").write_text("Catatan rapat: SKP diajukan Senin.\n", encoding="utf-8")
            return str(ex / "catatan.txt")
        if token == EMPTY:
            (ex / "kosong.db").write_bytes(b"")
            return str(ex / "kosong.db")
        if token == UNDER_FILE:
            (ex / "berkas").write_text("x", encoding="utf-8")
            return str(ex / "berkas" / "kelas.db")
        if token == BINARY:
            (ex / "acak.db").write_bytes(bytes(range(256)) * 40)
            return str(ex / "acak.db")
        if token == FOREIGN:
            with contextlib.closing(sqlite3.connect(ex / "lain.db")) as conn:
                conn.execute("CREATE TABLE pelanggan (id INTEGER PRIMARY KEY, nama TEXT)")
                conn.execute("INSERT INTO pelanggan VALUES (1, 'Toko Sinar')")
                conn.commit()
            return str(ex / "lain.db")
        if token == LONG_NAME:
            return str(ex / ("k" * 300 + ".db"))
        if token == YAML_PYTHON_PACK:
            path = ex / "paket-jahat.yaml"
            path.write_text(f"pack: jahat\ntitle: {_PYTHON_TAG} ['touch {self.marker}']\n"
                            f"decisions: {{}}\n", encoding="utf-8")
            return str(path)
        if token == YAML_PYTHON_SCENARIO:
            path = ex / "T99-jahat.yaml"
            path.write_text(f"id: T99\njudul:\n  id: {_PYTHON_TAG} ['touch {self.marker}']\n",
                            encoding="utf-8")
            return str(path)
        if token == YAML_BROKEN:
            path = ex / "rusak.yaml"
            path.write_text("pack: [tidak ditutup\n\tdecisions: : :\n", encoding="utf-8")
            return str(path)
        return token


def _copy(template: Path, target: Path) -> str:
    shutil.copyfile(template, target)
    return str(target)


# -- fingerprints: did a refused command change a file? ------------------------------------------------
def _exists(path: str) -> bool:
    try:
        return os.path.lexists(path)
    except (OSError, ValueError):
        return False


def fingerprint(path: str) -> str:
    """A SQLite file's content hash (as `sandbox.store.integrity`), else a hash of its bytes."""
    from sandbox.store.integrity import NOT_CONTENT, table_names, table_rows

    p = Path(path)
    if p.is_dir():
        return "dir:" + ",".join(sorted(os.listdir(p)))
    data = p.read_bytes()
    if data.startswith(b"SQLite format 3\x00"):
        try:
            with contextlib.closing(sqlite3.connect(f"file:{p}?mode=ro", uri=True)) as conn:
                digest = hashlib.sha256()
                for table in table_names(conn):
                    if table in NOT_CONTENT:
                        continue
                    columns, rows = table_rows(conn, table)
                    digest.update(repr((table, columns)).encode())
                    for row in rows:
                        digest.update(row)
                return "sqlite:" + digest.hexdigest()
        except sqlite3.DatabaseError:  # a damaged file: compare its bytes instead
            return "bytes:" + hashlib.sha256(data).hexdigest()
    return "bytes:" + hashlib.sha256(data).hexdigest()


# -- the launchers, stubbed ------------------------------------------------------------------------------
@dataclass
class Launches:
    calls: list[tuple[str, dict]] = field(default_factory=list)


@contextlib.contextmanager
def stubbed_launchers(launches: Launches) -> Iterator[None]:
    """Replace the app and the web server with recorders (nothing starts)."""
    import sandbox.training.serve as serve_module
    import sandbox.tui.app as app_module

    saved = app_module.run, serve_module.serve

    def run_app(lang=None, **kwargs):
        launches.calls.append(("app", {"lang": lang, **kwargs}))

    def serve(db, host="0.0.0.0", port=8000, lang="id", per_device=1):
        launches.calls.append(("serve", {"db": db, "host": host, "port": port, "per_device": per_device}))

    app_module.run, serve_module.serve = run_app, serve
    try:
        yield
    finally:
        app_module.run, serve_module.serve = saved


def launch_problem(kind: str, kwargs: dict) -> str | None:
    """Why a stubbed launcher must not have been reached with these arguments."""
    if kind == "serve":
        port, host = kwargs["port"], kwargs["host"]
        if not isinstance(port, int) or not 1 <= port <= 65535:
            return f"the server was started on port {port!r}"
        if not host.strip() or any(ch.isspace() for ch in host.strip()):
            return f"the server was started on host {host!r}"
        if not isinstance(kwargs["per_device"], int) or kwargs["per_device"] < 1:
            return f"the server was started with {kwargs['per_device']!r} seats per device"
        return None
    seat, db = kwargs.get("seat"), kwargs.get("db_path")
    if seat is not None:
        with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
            kursi = conn.execute("SELECT kursi FROM kelas ORDER BY id DESC LIMIT 1").fetchone()[0]
        if not 1 <= seat <= kursi:
            return f"the app was opened for seat {seat!r} of a {kursi}-seat class"
    return None


# -- one example -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    """A generated command line: tokens (see `Sandbox.resolve`) and whether it must be refused."""

    tokens: tuple[str, ...]
    must_refuse: bool = False


def run_cli(case: Case, sandbox: Sandbox) -> Outcome:
    """Run `ekinerja <argv>` in-process on fresh files and classify the result (module docstring)."""
    from sandbox.cli import main

    ex = sandbox.new_example()
    argv = [sandbox.resolve(token, ex) for token in case.tokens]
    watched = {a: fingerprint(a) for a in dict.fromkeys(argv) if _exists(a) and a.startswith(str(ex))}
    db_args = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--db"]
    missing = [a for a in db_args if not _exists(a)]
    launches = Launches()
    out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
    # like a terminal: stdout refuses what UTF-8 cannot encode, stderr escapes it
    stdout = io.TextIOWrapper(out_bytes, encoding="utf-8", errors="strict", write_through=True)
    stderr = io.TextIOWrapper(err_bytes, encoding="utf-8", errors="backslashreplace", write_through=True)
    cwd = os.getcwd()
    try:
        os.chdir(ex)
        with stubbed_launchers(launches), contextlib.redirect_stdout(stdout), \
                contextlib.redirect_stderr(stderr):
            try:
                rc: Any = main(argv)
            except SystemExit as exit_:
                rc = ("exit", exit_.code)
            except BaseException as error:  # noqa: BLE001 - escaping main is the failure we look for
                return Outcome("failure", f"{type(error).__name__} escaped main: {str(error)[:200]}")
    finally:
        os.chdir(cwd)
        stdout.flush()
        stderr.flush()
    out = out_bytes.getvalue().decode("utf-8", "replace")
    err = err_bytes.getvalue().decode("utf-8", "replace")
    said = (out + err)[:300].replace("\n", " | ")
    if sandbox.marker.exists():
        sandbox.marker.unlink()
        return Outcome("failure", "Python code ran from a YAML file")
    if "Traceback" in out + err:
        return Outcome("failure", f"traceback printed: {said}")
    if isinstance(rc, tuple):
        if rc[1] in (0, None):
            return Outcome("accepted", "help/version")
        return Outcome("failure", f"SystemExit({rc[1]!r}) instead of a return code: {said}")
    if not isinstance(rc, int) or isinstance(rc, bool):
        return Outcome("failure", f"main returned {rc!r}")
    if rc == 70 or "kesalahan internal" in err or "internal error" in err:
        return Outcome("failure", f"internal error (exit {rc}): {said}")
    for kind, kwargs in launches.calls:
        problem = launch_problem(kind, kwargs)
        if problem:
            return Outcome("failure", problem)
    if rc == 0:
        if case.must_refuse:
            return Outcome("failure", f"accepted although it must be refused: {said}")
        return Outcome("accepted")
    if not err.strip():
        return Outcome("failure", f"refused (exit {rc}) without a message on stderr: {said}")
    for path, before in watched.items():
        if not _exists(path):
            return Outcome("failure", f"refusal deleted {path}")
        if fingerprint(path) != before:
            return Outcome("failure", f"refusal changed {Path(path).name}: {said}")
    for path in missing:
        if _exists(path):
            return Outcome("failure", f"refusal created {Path(path).name}: {said}")
    return Outcome("refused", err.strip().splitlines()[-1][:200])


# -- generated command lines ------------------------------------------------------------------------------
def _not_option(text: str) -> bool:
    return not text.startswith("-")


word = hostile_text.filter(_not_option)
# What is typed where a whole number belongs: words, decimals, other digits, huge and negative values.
int_text = st.one_of(
    st.sampled_from(["0", "-1", "201", "99999999999999999999999999999", "NaN", "nan", "inf", "-inf", "abc",
                     "3.5", "", " ", "１", "٣", "1e3", "0x10", "+5", "3_0", "٣٠", "10**30", "2,5", "½"]),
    st.integers(-(10**40), 10**40).map(str),
    word,
)
seat_list = st.one_of(st.sampled_from(["1,2", "0", "4", "1,,2", "a", "1;2", "-1", "1-3", " , ", "1,1,1", "١",
                                       "99999999999999999999"]), word)
path = st.sampled_from(ANY_DB)
bad_path = st.sampled_from(BAD_DBS)
scenario_ref = st.one_of(st.sampled_from(["T01", "T02", "T99", "t01", "T01-skp-pertama.yaml", "T01.yaml",
                                          YAML_PYTHON_SCENARIO, YAML_BROKEN, DIR, TEXT, BINARY, LONG_NAME]),
                         word)
pack_ref = st.one_of(st.sampled_from(["permenpanrb-6-2022", "tidak-ada", YAML_PYTHON_PACK, YAML_BROKEN, DIR,
                                      TEXT, BINARY, EMPTY, LONG_NAME, "rules/", "/dev/null"]), word)
cli_date = st.one_of(hostile_date, hostile_time).filter(_not_option)


def _opt(name: str, values: st.SearchStrategy) -> st.SearchStrategy:
    """An optional `--name value`, as a tuple of 0 or 2 tokens."""
    return st.one_of(st.just(()), values.map(lambda v: (name, v)))


def _kursi_is_valid(text: str) -> bool:
    try:
        return 1 <= int(text) <= 200
    except ValueError:
        return False


bad_kursi = int_text.filter(lambda t: not _kursi_is_valid(t))
bad_staff = st.sampled_from(["0", "-5", "5000001", "10" * 20, "abc", "1.5", "NaN", ""])


def _create(db: str, kursi: str, *rest: str) -> Case:
    return Case(("class", "create", "--db", db, "--kursi", kursi, *rest), True)


def _class_create() -> st.SearchStrategy:
    bad_seats = st.builds(lambda db, k, nama, staff: _create(db, k, "--nama", nama, *staff),
                          path, bad_kursi, word, _opt("--staff", bad_staff))
    blank_name = st.builds(lambda db, nama: _create(db, "3", "--nama", nama),
                           path, st.sampled_from(["", " ", "\u3000", "\t"]))
    bad_staff_case = st.builds(lambda db, s: _create(db, "2", "--staff", s), path, bad_staff)
    bad_file = st.builds(lambda db, nama: _create(db, "2", "--nama", nama),
                         st.sampled_from([CLASS, DIR, TEXT, UNDER_FILE, BINARY, FOREIGN, LONG_NAME]), word)
    return st.one_of(bad_seats, blank_name, bad_staff_case, bad_file)


def _on_class(*rest: st.SearchStrategy, command: str, must_refuse_bad_db: bool = True) -> st.SearchStrategy:
    """`class <command> --db <path> <rest…>`; refused whenever the file holds no class."""
    def build(db, *parts):
        tokens = ("class", command, "--db", db, *[t for part in parts for t in
                                                  (part if isinstance(part, tuple) else (part,))])
        return Case(tokens, must_refuse_bad_db and db != CLASS)
    return st.builds(build, path, *rest)


# Values each simulation option refuses (a valid one would start a 10,000-person simulation).
SIM_OUT_OF_RANGE = {"--staff": ["0", "-1", "5000001", "abc", "NaN", "", "1e4", "10" * 25],
                    "--year": ["1447", "2569", "1999", "2101", "0", "abc", "２０２６x"],
                    "--workers": ["65", "-1", "abc", "1e3", "10" * 25],
                    "--seed": ["-1", "abc", "NaN", "10" * 25, "1.5"]}

COMMANDS: dict[str, st.SearchStrategy] = {
    "class create": _class_create(),
    "class assign": _on_class(st.lists(scenario_ref, min_size=1, max_size=3).map(tuple), command="assign"),
    "class start": _on_class(scenario_ref, _opt("--kursi", seat_list), command="start"),
    "class clock": _on_class(cli_date, command="clock"),
    "class board": _on_class(st.sampled_from([(), ("--json",)]), command="board"),
    "class peserta": _on_class(st.one_of(st.sampled_from(["1", "2", "3"]), int_text), word,
                               command="peserta"),
    "class close": _on_class(command="close"),
    "class export": _on_class(st.sampled_from([("--out", t) for t in (NEW, DEEP_NEW, DIR, TEXT, UNDER_FILE,
                                                                       LONG_NAME, BINARY)]),
                              command="export"),
    "class console": _on_class(command="console"),
    "seat": st.builds(lambda db, k: Case(("seat", "--db", db, *k), db != CLASS), path,
                      _opt("--kursi", st.one_of(st.sampled_from(["1", "3"]), int_text))),
    "serve": st.builds(lambda db, host, port: Case(("serve", "--db", db, *host, *port), db != CLASS), path,
                       _opt("--host", st.one_of(word, st.sampled_from(["", " ", "0.0.0.0 ", "a b",
                                                                         "h" * 300]))),
                       _opt("--port", int_text)),
    "scenario": st.one_of(
        st.lists(scenario_ref, min_size=1, max_size=3).map(lambda fs: Case(("scenario", "check", *fs))),
        st.sampled_from([Case(("scenario",)), Case(("scenario", "list")),
                         Case(("scenario", "hapus"), True)])),
    "rules check": st.lists(pack_ref, min_size=1, max_size=3).map(lambda ps: Case(("rules", "check", *ps))),
    "rules eval": st.builds(
        lambda pack, decision, pairs, on: Case(("rules", "eval", pack, decision, *pairs, *on)),
        pack_ref, st.one_of(st.sampled_from(["predikat", "kurva", "tpp", "keberatan", "tidak_ada"]), word),
        st.lists(st.one_of(
            st.builds(lambda k, v: f"{k}={v}", st.sampled_from(["rating_hasil_kerja", "rating_perilaku",
                                                                 "hari_sejak_hasil_diterima", "besaran_tpp"]),
                      st.one_of(word, int_text)),
            word), max_size=3).map(tuple),
        _opt("--on", cli_date)),
    "rules diff": st.builds(lambda a, b: Case(("rules", "diff", a, b)), pack_ref, pack_ref),
    "demo": st.builds(lambda db: Case(("demo", "--db", db), db not in (OFFICE, CLASS)),  # "already there"
                      st.sampled_from([DIR, TEXT, UNDER_FILE, BINARY, FOREIGN, LONG_NAME, OFFICE, CLASS])),
    "seed": st.builds(lambda staff, seed, db: Case(("seed", "--staff", staff, "--seed", seed, "--db", db),
                                                   True),
                      bad_staff, int_text, path),
    # nothing here is a filled template: every import is refused, and no database is left behind
    "import": st.builds(lambda source, db: Case(("import", source, "--db", db), True),
                        st.sampled_from([DIR, TEXT, UNDER_FILE, BINARY, FOREIGN, LONG_NAME, NEW, OFFICE,
                                         CLASS]),
                        path),
    "compare/simulate": st.one_of(
        st.builds(lambda a, b, opts: Case(("compare", a, b, *opts, "--out", NEW), True),
                  pack_ref.filter(lambda p: p != "permenpanrb-6-2022"), pack_ref, st.just(("--staff", "5"))),
        st.sampled_from([(option, value) for option, values in SIM_OUT_OF_RANGE.items() for value in values])
        .map(lambda ov: Case(("simulate", "permenpanrb-6-2022", *ov, "--out", NEW), True)),
        st.builds(lambda db: Case(("simulate", "permenpanrb-6-2022", "--db", db, "--out", NEW), True),
                  st.sampled_from([DIR, TEXT, UNDER_FILE, BINARY, FOREIGN, LONG_NAME, NEW]))),
    "any": st.one_of(
        st.lists(st.one_of(word, st.sampled_from(["class", "rules", "--db", "--lang", "xx", "seat", "serve",
                                                  "--kursi", "eval", "create", CLASS, "--json"])),
                 min_size=1, max_size=5).map(lambda t: Case(tuple(t))),
        st.sampled_from([Case(("class",)), Case(("rules",)), Case(("seat",), True), Case(("--lang", "jv")),
                         Case(("class", "create", "--kursi"), True), Case(("--versi",), True)])),
}


# -- the tests ----------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sandbox(tmp_path_factory) -> Sandbox:
    return Sandbox(tmp_path_factory.mktemp("fuzz-cli"))


@pytest.fixture(autouse=True)
def _indonesian(monkeypatch):
    monkeypatch.setenv("EKINERJA_LANG", "id")
    monkeypatch.delenv("EKINERJA_DB", raising=False)
    monkeypatch.delenv("EKINERJA_RULES", raising=False)


def _describe(case: Case) -> str:
    shown = [t if len(t) <= 60 else f"{t[:50]}…({len(t)})" for t in case.tokens]
    return repr(shown)


@pytest.mark.parametrize("command", list(COMMANDS))
def test_command_line_refuses_cleanly(command, sandbox):
    @settings(max_examples=EXAMPLES_PER_COMMAND)
    @given(case=COMMANDS[command])
    def run(case):
        outcome = run_cli(case, sandbox)
        assert outcome.kind != "failure", f"ekinerja {_describe(case)}: {outcome.detail}"

    run()


# -- the command lines that found bugs, kept -------------------------------------------------------------
REGRESSIONS = [
    # undecodable bytes (a lone surrogate) reached SQLite and stdout: "internal error", exit 70
    Case(("class", "peserta", "--db", CLASS, "1", "Ani\udcff"), True),
    Case(("rules", "check", "\ud800", "/dev/null"), True),
    # NUL and terminal escapes were stored as a seat's name and printed on the board
    Case(("class", "peserta", "--db", CLASS, "1", "Ani\x00"), True),
    Case(("class", "peserta", "--db", CLASS, "1", "Ani\x1b[2J"), True),
    Case(("class", "board", "--db", "kelas\x00.db"), True),
    # a file name longer than the file system allows: OSError, exit 70
    Case(("rules", "check", "a" * 300), True), Case(("class", "assign", "--db", CLASS, "T" * 300), True),
    Case(("rules", "eval", "x" * 5000, "predikat"), True),
    # a refused `class create` left a new database file behind; --staff 0 was a ValueError, exit 70
    Case(("class", "create", "--db", NEW, "--kursi", "0"), True),
    Case(("class", "create", "--db", NEW, "--kursi", "3", "--nama", " "), True),
    Case(("class", "create", "--db", NEW, "--kursi", "2", "--staff", "0"), True),
    # an empty file given as --db was turned into a sandbox database before "no class here"
    Case(("class", "board", "--db", EMPTY), True), Case(("seat", "--db", EMPTY), True),
    # the server and the seat app were started with a port or a seat that cannot work
    Case(("serve", "--db", CLASS, "--port", "70000"), True),
    Case(("serve", "--db", CLASS, "--port", "0"), True),
    Case(("serve", "--db", CLASS, "--host", " "), True),
    Case(("seat", "--db", CLASS, "--kursi", "99"), True),
    Case(("seat", "--db", CLASS, "--kursi", "-1"), True),
    # the class clock: year 10000 in WIB (OverflowError, exit 70), and a Buddhist year accepted for good
    Case(("class", "clock", "--db", CLASS, "9999-12-31T23:59:59-12:00"), True),
    Case(("class", "clock", "--db", CLASS, "2569-01-01"), True),
    # YAML that asks for a Python object is refused, never built
    Case(("rules", "check", YAML_PYTHON_PACK), True), Case(("scenario", "check", YAML_PYTHON_SCENARIO), True),
    Case(("class", "assign", "--db", CLASS, YAML_PYTHON_SCENARIO), True),
    Case(("compare", YAML_PYTHON_PACK, "permenpanrb-6-2022", "--staff", "5", "--out", NEW), True),
]


@pytest.mark.parametrize("case", REGRESSIONS, ids=[f"{i}-{'-'.join(c.tokens[:2])}" for i, c in
                                                   enumerate(REGRESSIONS)])
def test_found_bug_stays_fixed(case, sandbox):
    outcome = run_cli(case, sandbox)
    assert outcome.kind != "failure", f"ekinerja {_describe(case)}: {outcome.detail}"
    assert outcome.kind == "refused"


def test_refusal_names_the_argument_and_what_to_do(sandbox, capsys):
    from sandbox.cli import main

    assert main(["class", "peserta", "--db", "kelas.db", "1", "Ani\x1b[2J"]) == 2
    err = capsys.readouterr().err
    assert "argumen ke-6 berisi karakter yang tidak dapat dipakai (U+001B) — ketik ulang" in err
    assert main(["--lang", "en", "rules", "check", "a" * 5000]) == 2
    assert "argument 5 is too long: 5000 characters, at most 4096" in capsys.readouterr().err


# -- run without pytest (bench/reliability.py) ---------------------------------------------------------
def run_family(n: int) -> dict:
    """Try at least `n` generated bad command lines spread over every subcommand; count the clean ones."""
    sandbox = Sandbox(scratch_dir())
    saved_env = {k: os.environ.get(k) for k in ("EKINERJA_LANG", "EKINERJA_DB", "EKINERJA_RULES")}
    os.environ["EKINERJA_LANG"] = "id"
    os.environ.pop("EKINERJA_DB", None)
    os.environ.pop("EKINERJA_RULES", None)
    tried = clean = 0
    failures: list[str] = []
    try:
        for name, case in spread(COMMANDS, n):
            tried += 1
            outcome = run_cli(case, sandbox)
            if outcome.kind == "failure":
                failures.append(f"{name}: ekinerja {_describe(case)}: {outcome.detail}")
            else:
                clean += 1
    finally:
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        shutil.rmtree(sandbox.folder, ignore_errors=True)
    return {"family": "CLI arguments", "tried": tried, "clean": clean, "failures": failures}
