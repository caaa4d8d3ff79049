"""Is a file's schema exactly the one this code builds? (issue #16)

A backup is a whole database, triggers and views included: a file with one extra trigger looks
whole to `integrity_check` and restores fine, then clears every seat's token on the next ordinary
command. So `ekinerja restore` and `ekinerja periksa` compare the whole schema of a file — tables,
their columns (type, NOT NULL, default, primary key, position), foreign keys, UNIQUE
constraints and the clauses no PRAGMA shows (CHECK, ON CONFLICT, COLLATE, AUTOINCREMENT: counted in
the CREATE TABLE text, whose layout may differ between sqlite-utils versions and is otherwise not
compared), indexes, triggers and views — with the schema of a fresh database built in memory by
this code's own migrations (`expected_schema`), never with a list copied by hand: a new migration
changes both sides at once. A file at an older version is compared with the fresh database at
that version, because the migrations bring exactly that schema up to date on open.

SQLite's own objects are not differences: `sqlite_sequence`, `sqlite_stat*`, and the automatic
indexes of PRIMARY KEY / UNIQUE (those are compared as the constraints they stand for).
Text that is not valid UTF-8 is reported with its table, column and row (`integrity.invalid_text`).
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sqlite_utils import Database

import sandbox.store.schema_messages  # noqa: F401 (registers the messages)
from sandbox.store.errors import StoreError, store_message
from sandbox.store.integrity import invalid_text
from sandbox.store.migrations import MIGRATIONS, Migration, upgrade

SHOWN = 8  # differences spelled out in one message; the rest are counted
_KINDS = ("table", "view", "index", "trigger")


# -- differences, said in the reader's language ------------------------------------------------------------
@dataclass(frozen=True)
class Word:
    """A catalog word (a kind of object, "none") inside a difference, rendered in the reader's language."""

    code: str


@dataclass(frozen=True)
class Difference:
    """One way a file differs from the expected schema: a catalog key and its parameters."""

    code: str
    params: tuple[tuple[str, object], ...]

    def render(self, lang: str = "id") -> str:
        params = {k: store_message(v.code, lang) if isinstance(v, Word) else v for k, v in self.params}
        return store_message(self.code, lang, **params)

    def __str__(self) -> str:
        return self.render("id")


def _diff(code: str, **params: object) -> Difference:
    return Difference("store.skema." + code, tuple(params.items()))


def _kind(kind: str) -> Word:
    return Word(f"store.skema.jenis.{kind if kind in _KINDS else 'lain'}")


def render_list(differences: Sequence[Difference], lang: str = "id", shown: int = SHOWN) -> str:
    parts = [d.render(lang) for d in differences[:shown]]
    if len(differences) > shown:
        parts.append(store_message("store.skema.lainnya", lang, jumlah=len(differences) - shown))
    return "; ".join(parts)


class SchemaMismatchError(StoreError):
    """A file whose schema or text is not what this code makes; nothing was changed."""

    code = "store.skema"

    def __init__(self, *, path: object, versi: int, perbedaan: Sequence[Difference], cadangan: object = None):
        self.differences = tuple(perbedaan)
        params: dict[str, object] = {"path": path, "versi": versi}
        if cadangan is not None:
            params["cadangan"] = cadangan
        super().__init__(**params)

    def reason(self, lang: str = "id") -> str:
        return store_message(self.code, lang, perbedaan=render_list(self.differences, lang), **self.params)

    def render(self, lang: str = "id") -> str:
        fix = "store.skema.fix_cadangan" if self.params.get("cadangan") else "store.skema.fix"
        return f"{self.reason(lang)} — {store_message(fix, lang, **self.params)}"


# -- reading a schema ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    name: str
    type: str
    notnull: bool
    default: str | None
    pk: int
    hidden: int


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    foreign_keys: frozenset[str]
    uniques: frozenset[str]
    shape: tuple[str, ...]  # "VIRTUAL TABLE", "WITHOUT ROWID", "STRICT"; empty for an ordinary table
    clauses: tuple[tuple[str, int], ...]  # constraint clauses no PRAGMA shows, with how often they occur


@dataclass(frozen=True)
class Index:
    table: str
    unique: bool
    columns: tuple[str, ...]
    where: str | None  # a partial index's condition

    def describe(self) -> str:
        text = f"{'UNIQUE ' if self.unique else ''}{self.table}({', '.join(self.columns)})"
        return f"{text} WHERE {self.where}" if self.where else text


@dataclass(frozen=True)
class Schema:
    kinds: dict[str, tuple[str, str]]  # every object that is not SQLite's own: name -> (type, table)
    tables: dict[str, Table]
    indexes: dict[str, Index]
    triggers: dict[str, tuple[str, str]]  # name -> (table, SQL with whitespace collapsed)
    views: dict[str, str]


def _squash(sql: str | None) -> str:
    return " ".join((sql or "").split())


def _internal(kind: str, name: str, sql: str | None) -> bool:
    if kind == "table":
        return name == "sqlite_sequence" or re.fullmatch(r"sqlite_stat\d", name) is not None
    return kind == "index" and name.startswith("sqlite_autoindex_") and sql is None


@contextmanager
def _lenient_text(conn: sqlite3.Connection) -> Iterator[None]:
    """Names and SQL read with undecodable bytes replaced: a damaged name is a difference, not a crash."""
    old = conn.text_factory
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        yield
    finally:
        conn.text_factory = old


def _index_columns(conn: sqlite3.Connection, name: str) -> tuple[str, ...]:
    columns = []
    for _seqno, cid, column, desc, coll, key in conn.execute(
            "SELECT seqno, cid, name, desc, coll, key FROM pragma_index_xinfo(?) ORDER BY seqno", [name]):
        if not key:
            continue
        text = "<ekspresi>" if cid == -2 else ("rowid" if cid == -1 else column)
        if coll and coll.upper() != "BINARY":
            text += f" COLLATE {coll}"
        columns.append(text + (" DESC" if desc else ""))
    return tuple(columns)


# Clauses of a CREATE TABLE that no PRAGMA reports, each able to change what a write does: a CHECK
# refuses rows, ON CONFLICT REPLACE silently deletes the row in the way, COLLATE changes what counts
# as equal, AUTOINCREMENT changes how ids are given.
_CLAUSES = {"CHECK": r"\bCHECK\b", "ON CONFLICT": r"\bON\s+CONFLICT\b", "COLLATE": r"\bCOLLATE\b",
            "AUTOINCREMENT": r"\bAUTOINCREMENT\b"}
_QUOTED = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|`[^`]*`|\[[^\]]*\]")


def _clauses(sql: str | None) -> tuple[tuple[str, int], ...]:
    """How often each clause of `_CLAUSES` occurs in a CREATE TABLE, literals and quoted names left out."""
    bare = _QUOTED.sub(" ", sql or "")
    counts = ((clause, len(re.findall(pattern, bare, re.IGNORECASE))) for clause, pattern in _CLAUSES.items())
    return tuple((clause, n) for clause, n in counts if n)


def _table(conn: sqlite3.Connection, name: str, sql: str | None) -> Table:
    columns = tuple(
        Column(r[1], _squash(r[2]).upper(), bool(r[3]), r[4], int(r[5]), int(r[6]))
        for r in conn.execute("SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden"
                              " FROM pragma_table_xinfo(?) ORDER BY cid", [name]))
    keys: dict[int, list[tuple]] = {}
    for row in conn.execute('SELECT id, seq, "table", "from", "to", on_update, on_delete, match'
                            " FROM pragma_foreign_key_list(?) ORDER BY id, seq", [name]):
        keys.setdefault(row[0], []).append(row)
    foreign_keys = set()
    for parts in keys.values():
        target, on_update, on_delete, match = parts[0][2], parts[0][5], parts[0][6], parts[0][7]
        text = (f"({', '.join(str(p[3]) for p in parts)}) → {target}"
                f"({', '.join(str(p[4]) if p[4] is not None else '' for p in parts)})")
        for clause, action in (("ON UPDATE", on_update), ("ON DELETE", on_delete)):
            if action and action.upper() != "NO ACTION":
                text += f" {clause} {action}"
        if match and match.upper() != "NONE":
            text += f" MATCH {match}"
        foreign_keys.add(text)
    uniques = {", ".join(_index_columns(conn, index)) for index, origin in conn.execute(
        "SELECT name, origin FROM pragma_index_list(?)", [name]) if origin == "u"}
    shape: tuple[str, ...] = ()
    try:
        row = conn.execute("SELECT wr, strict FROM pragma_table_list(?) WHERE schema = 'main'", [name]
                           ).fetchone()
    except sqlite3.OperationalError:  # SQLite before 3.37 has no table_list: such a file has neither
        row = None
    if row:
        shape = tuple(word for word, on in (("WITHOUT ROWID", row[0]), ("STRICT", row[1])) if on)
    if re.match(r"\s*CREATE\s+VIRTUAL\b", sql or "", re.IGNORECASE):
        shape = ("VIRTUAL TABLE", *shape)
    return Table(columns, frozenset(foreign_keys), frozenset(uniques), shape, _clauses(sql))


def read_schema(conn: sqlite3.Connection) -> Schema:
    """Everything of a file's schema that this code relies on, from sqlite_master and the PRAGMAs."""
    with _lenient_text(conn):
        rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid").fetchall()
        kinds: dict[str, tuple[str, str]] = {}
        tables: dict[str, Table] = {}
        indexes: dict[str, Index] = {}
        triggers: dict[str, tuple[str, str]] = {}
        views: dict[str, str] = {}
        for kind, name, table, sql in rows:
            if _internal(kind, name, sql):
                continue
            kinds[name] = (kind, table)
            if kind == "table":
                tables[name] = _table(conn, name, sql)
            elif kind == "index":
                listed = conn.execute("SELECT \"unique\", partial FROM pragma_index_list(?) WHERE name = ?",
                                      [table, name]).fetchone() or (0, 0)
                where = None
                if listed[1]:
                    found = re.search(r"\bWHERE\b(.*)$", _squash(sql), re.IGNORECASE)
                    where = found.group(1).strip() if found else "?"
                indexes[name] = Index(table, bool(listed[0]), _index_columns(conn, name), where)
            elif kind == "trigger":
                triggers[name] = (table, _squash(sql))
            elif kind == "view":
                views[name] = _squash(sql)
    return Schema(kinds, tables, indexes, triggers, views)


@functools.lru_cache(maxsize=16)
def expected_schema(migrations: tuple[Migration, ...]) -> Schema:
    """The schema a fresh file gets from these migrations, built in memory by the code itself."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.execute("BEGIN")
        upgrade(Database(conn), ":memory:", migrations)
        conn.execute("COMMIT")
        return read_schema(conn)
    finally:
        conn.close()


def expected_at(version: int, migrations: Sequence[Migration] = MIGRATIONS) -> Schema:
    """The schema of a file at `version` (an older file is compared before its migrations run)."""
    return expected_schema(tuple(migrations[:version]))


# -- comparing ----------------------------------------------------------------------------------------------
def _wrong_kind(name: str, kind: str, actual: Schema) -> Difference:
    return _diff("jenis_beda", nama=name, harus=_kind(kind), ada=_kind(actual.kinds[name][0]))


def compare(expected: Schema, actual: Schema) -> list[Difference]:
    """Every way `actual` differs from `expected`, named; empty when they are the same."""
    found: list[Difference] = []
    core = [name for name in expected.tables if name != "schema_version"]
    empty = bool(core) and not any(name in actual.kinds for name in core)
    if empty:
        found.append(_diff("kosong", jumlah=len(core)))
    for name, table in expected.tables.items():
        if name in actual.tables:
            found.extend(_compare_table(name, table, actual.tables[name]))
        elif name in actual.kinds:
            found.append(_wrong_kind(name, "table", actual))
        elif not (empty and name in core):
            found.append(_diff("tabel_hilang", nama=name))
    gone = {name for name in expected.tables if name not in actual.tables}
    for name, index in expected.indexes.items():
        if index.table in gone:
            continue  # said with its table
        if name in actual.indexes:
            if actual.indexes[name] != index:
                found.append(_diff("indeks_beda", nama=name, ada=actual.indexes[name].describe(),
                                   harus=index.describe()))
        elif name in actual.kinds:
            found.append(_wrong_kind(name, "index", actual))
        else:
            found.append(_diff("indeks_hilang", nama=name, tabel=index.table))
    for name, (table, sql) in expected.triggers.items():
        if table in gone:
            continue
        if name in actual.triggers:
            if actual.triggers[name] != (table, sql):
                found.append(_diff("pemicu_beda", nama=name, tabel=actual.triggers[name][0]))
        elif name in actual.kinds:
            found.append(_wrong_kind(name, "trigger", actual))
        else:
            found.append(_diff("pemicu_hilang", nama=name, tabel=table))
    for name, sql in expected.views.items():
        if name in actual.views:
            if actual.views[name] != sql:
                found.append(_diff("view_beda", nama=name))
        elif name in actual.kinds:
            found.append(_wrong_kind(name, "view", actual))
        else:
            found.append(_diff("view_hilang", nama=name))
    for name, (kind, table) in actual.kinds.items():
        if name in expected.kinds:
            continue
        if kind == "table":
            found.append(_diff("tabel_tambahan", nama=name))
        elif kind == "index":
            found.append(_diff("indeks_tambahan", nama=name, tabel=table))
        elif kind == "trigger":
            found.append(_diff("pemicu_tambahan", nama=name, tabel=table))
        elif kind == "view":
            found.append(_diff("view_tambahan", nama=name))
        else:
            found.append(_diff("objek_tambahan", nama=name, jenis=_kind(kind)))
    return found


def _or_none(value: str | None) -> object:
    return Word("store.skema.tanpa") if value is None or value == "" else value


def _compare_table(name: str, expected: Table, actual: Table) -> list[Difference]:
    found: list[Difference] = []
    if actual.shape != expected.shape:
        ordinary = Word("store.skema.biasa")
        found.append(_diff("tabel_bentuk", tabel=name, ada=" ".join(actual.shape) or ordinary,
                           harus=" ".join(expected.shape) or ordinary))
    want = {c.name: c for c in expected.columns}
    have = {c.name: c for c in actual.columns}
    for column in want:
        if column not in have:
            found.append(_diff("kolom_hilang", kolom=column, tabel=name))
    for column in have:
        if column not in want:
            found.append(_diff("kolom_tambahan", kolom=column, tabel=name))
    for column, ours in want.items():
        theirs = have.get(column)
        if theirs is None:
            continue
        if theirs.type != ours.type:
            found.append(_diff("kolom_tipe", kolom=column, tabel=name, ada=theirs.type or "-",
                               harus=ours.type or "-"))
        if theirs.notnull != ours.notnull:
            code = "kolom_wajib" if theirs.notnull else "kolom_boleh_kosong"
            found.append(_diff(code, kolom=column, tabel=name))
        if theirs.default != ours.default:
            found.append(_diff("kolom_bawaan", kolom=column, tabel=name, ada=_or_none(theirs.default),
                               harus=_or_none(ours.default)))
        if theirs.hidden != ours.hidden:
            found.append(_diff("kolom_terhitung", kolom=column, tabel=name))
    common_want = [c for c in want if c in have]
    common_have = [c for c in have if c in want]
    if common_want != common_have:
        found.append(_diff("kolom_urutan", tabel=name, ada=", ".join(common_have),
                           harus=", ".join(common_want)))
    pk_want = [c.name for c in sorted(expected.columns, key=lambda c: c.pk) if c.pk]
    pk_have = [c.name for c in sorted(actual.columns, key=lambda c: c.pk) if c.pk]
    if pk_want != pk_have:
        found.append(_diff("kunci_utama", tabel=name, ada=_or_none(", ".join(pk_have)),
                           harus=_or_none(", ".join(pk_want))))
    for key in sorted(actual.foreign_keys - expected.foreign_keys):
        found.append(_diff("kunci_asing_tambahan", tabel=name, kunci=key))
    for key in sorted(expected.foreign_keys - actual.foreign_keys):
        found.append(_diff("kunci_asing_hilang", tabel=name, kunci=key))
    for columns in sorted(actual.uniques - expected.uniques):
        found.append(_diff("unik_tambahan", tabel=name, kolom=columns))
    for columns in sorted(expected.uniques - actual.uniques):
        found.append(_diff("unik_hilang", tabel=name, kolom=columns))
    want_clauses, have_clauses = dict(expected.clauses), dict(actual.clauses)
    for clause in _CLAUSES:
        if have_clauses.get(clause, 0) > want_clauses.get(clause, 0):
            found.append(_diff("klausa_tambahan", tabel=name, klausa=clause))
        elif have_clauses.get(clause, 0) < want_clauses.get(clause, 0):
            found.append(_diff("klausa_hilang", tabel=name, klausa=clause))
    return found


def differences(conn: sqlite3.Connection, version: int,
                migrations: Sequence[Migration] = MIGRATIONS) -> list[Difference]:
    """Schema differences from what this code makes at `version`, then text that is not UTF-8."""
    found = compare(expected_at(version, migrations), read_schema(conn))
    for table, column, ids, count in invalid_text(conn):
        rows = ", ".join(str(i) for i in ids) + (", …" if count > len(ids) else "")
        found.append(_diff("teks_rusak", tabel=table, kolom=column, baris=rows))
    return found
