"""A regulator's rule-change test (WORKFLOW.md §5 T20): change one parameter, replay, compare, and
leave the recorded data alone.

The regulator works in the seat's own folder (`World.workdir`): the reform pack is a YAML file
there (written by hand or with `sandbox.sim.reform.write_parameter_reform`), and the comparison is
a `sandbox.sim.compare.run` whose `out` is also there (its `hasil.sqlite`). Only files changed
since the attempt started count, so a seat's folder reused by a second attempt starts empty in
effect. The checks:

- `reformasi_di_folder`: a pack file in the folder that checks clean (`rules check`, lint included)
  and differs from its base in at least one parameter value (or rule) in force when it takes effect;
- `perbandingan_dijalankan`: a finished comparison in the folder naming a clean reform of the folder
  and its base, with per-unit curve results of both (so pass/fail deltas per unit exist) and TPP of
  both (TPP deltas); it does not judge the reform itself (the task above does);
- `data_kelas_utuh`: the class's recorded data is unchanged since setup.

Why not `content_hash` of the whole class file: other seats are staged after this one (their casts
are new `unor`/`pegawai` rows), the trainer moves the clock, and the attempt's own bookkeeping
(hints, help, the attempt row) is written while the trainee works, so the whole-file hash changes
whatever the regulator does. The setup step `sidik_data_kelas` therefore hashes, table by table,
everything except the classroom's own tables (`audit_log`, `clock`, `kelas`, `kursi`, `penugasan`,
`percobaan`, `gangguan`, `peristiwa_terjadwal`, `pendampingan`, and `draf_isian`, which
`content_hash` leaves out too), the append-only logs other seats add to (`evaluation_trace`,
`rule_pack`: a stored pack version is not a pack choice), and the casts' units and people
(`unor`/`pegawai` rows under the class's `LAT<kelas>.` units, and every row linked to them: their
SKP, periods, evidence...); it keeps the hashes in the audit payload of the attempt. The check
hashes the same way and names every table that changed: the SKP, periods, ratings, evidence, pack
choices of the office, its people and units. A trainer who moves the class clock during T20 may
open or lock periods (`skp_periode` changes) and so fails this check; T20 needs no clock move.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from pathlib import Path

from sandbox.rules.loader import check_pack
from sandbox.rules.model import Decision, RulePack
from sandbox.store.integrity import NOT_CONTENT, table_names, table_rows
from sandbox.training.vocab.registry import Verdict, check, define_messages, step
from sandbox.training.vocab.world import World
from sandbox.workflow.actors import TRAINER
from sandbox.workflow.rulebook import DEFAULT_PACKS, load_cached

SIDIK = "latihan.hash"
# The classroom's own tables: written by staging, progress and the trainer, never "the data".
CLASSROOM_TABLES = frozenset(
    {"audit_log", "clock", "kelas", "kursi", "penugasan", "percobaan", "gangguan", "peristiwa_terjadwal",
     "pendampingan"}
) | NOT_CONTENT
# Append-only logs that other seats write while this one works: `evaluation_trace` (every curve
# check or rating of any seat adds one, some with no period to tie them to a cast) and `rule_pack`
# (the registry of pack sources by version; adding a version changes no choice in force).
APPEND_ONLY_LOGS = frozenset({"evaluation_trace", "rule_pack"})
RESULTS_FILE = "hasil.sqlite"


# -- the class data, hashed per table ----------------------------------------------------------------
def _class_prefix(world: World) -> str | None:
    """`LAT<kelas>.`: the start of every unit id of the class's casts (see `training.attempt`)."""
    badan = world.cast.units.get("badan")
    return badan.split(".", 1)[0] + "." if badan and "." in badan else None


def data_hashes(conn: sqlite3.Connection, prefix: str | None) -> dict[str, str]:
    """SHA-256 per table of the class's recorded data (see the module docstring for what is left out)."""
    out = {}
    for table in table_names(conn):
        if table in CLASSROOM_TABLES or table in APPEND_ONLY_LOGS:
            continue
        names = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
        where, args = _outside_casts(table, names, prefix)
        columns, rows = table_rows(conn, table, where, args)
        digest = hashlib.sha256(json.dumps([table, columns]).encode())
        for row in rows:
            digest.update(row + b"\n")
        out[table] = digest.hexdigest()
    return out


# Rows that belong to the class's casts, reached through the column a table links them by: other
# seats keep working in their own casts while a regulator replays, and that is not "the data".
_CAST_NIPS = "SELECT nip FROM pegawai WHERE substr(unor_id, 1, ?) = ?"
_CAST_SKP = f"SELECT id FROM skp WHERE nip IN ({_CAST_NIPS})"
_CAST_LINKS = (
    ("nip", _CAST_NIPS),
    ("dari_nip", _CAST_NIPS),
    ("skp_id", _CAST_SKP),
    ("skp_periode_id", f"SELECT id FROM skp_periode WHERE skp_id IN ({_CAST_SKP})"),
    ("rhk_id", f"SELECT id FROM rhk WHERE skp_id IN ({_CAST_SKP})"),
    ("indikator_id", "SELECT i.id FROM indikator i JOIN rhk ON rhk.id = i.rhk_id"
                     f" WHERE rhk.skp_id IN ({_CAST_SKP})"),
    ("rencana_aksi_id", "SELECT ra.id FROM rencana_aksi ra JOIN skp_periode sp ON sp.id = ra.skp_periode_id"
                        f" WHERE sp.skp_id IN ({_CAST_SKP})"),
)


def _outside_casts(table: str, columns: set[str], prefix: str | None) -> tuple[str, list]:
    """A WHERE clause keeping only the office's own rows of `table` (none of any seat's cast)."""
    if not prefix:
        return "", []
    if table == "unor":
        return " WHERE substr(id, 1, ?) IS NOT ?", [len(prefix), prefix]
    if "unor_id" in columns:
        return " WHERE unor_id IS NULL OR substr(unor_id, 1, ?) IS NOT ?", [len(prefix), prefix]
    for column, subquery in _CAST_LINKS:
        if column in columns:
            return f' WHERE "{column}" IS NULL OR "{column}" NOT IN ({subquery})', [len(prefix), prefix]
    return "", []


def _fingerprint(world: World) -> dict | None:
    found = world.one(
        "SELECT payload FROM audit_log WHERE action = ? AND entity = 'percobaan' AND entity_id = ?"
        " ORDER BY id DESC LIMIT 1",
        [SIDIK, str(world.attempt_id)],
    )
    return json.loads(found["payload"]) if found else None


@step("sidik_data_kelas")
def sidik_data_kelas(world: World) -> None:
    """Record, in the attempt's audit trail, a hash per table of the class's data (and the seat's
    folder), so `data_kelas_utuh` can tell whether the replay changed anything."""
    prefix = _class_prefix(world)
    tables = data_hashes(world.store.conn, prefix)
    whole = hashlib.sha256(json.dumps(tables, sort_keys=True).encode()).hexdigest()
    payload = {"hash": whole, "tabel": tables, "awalan": prefix, "folder": world.workdir}
    world.store.apply(TRAINER, None, SIDIK, "percobaan", world.attempt_id, payload, lambda db: None)


@check("data_kelas_utuh")
def data_kelas_utuh(world: World) -> Verdict:
    """T20: the class's recorded data is as it was at setup (the replay only read it)."""
    recorded = _fingerprint(world)
    if recorded is None:
        return Verdict.failed("cek.data.tanpa_sidik")
    now = data_hashes(world.store.conn, recorded.get("awalan"))
    before = recorded["tabel"]
    changed = sorted(t for t in set(before) | set(now) if before.get(t) != now.get(t))
    if changed:
        return Verdict.failed("cek.data.berubah", n=len(changed), tabel=", ".join(changed))
    return Verdict.passed("cek.data.utuh", n=len(now))


# -- the seat's folder -------------------------------------------------------------------------------
def _folder(world: World) -> Path | None:
    """The seat's folder: the one the caller gives, else the one recorded at setup."""
    if world.workdir:
        return Path(world.workdir)
    recorded = _fingerprint(world)
    return Path(recorded["folder"]) if recorded and recorded.get("folder") else None


def _started(world: World) -> float:
    """The attempt's start as a POSIX time (its wall clock is kept to the second)."""
    found = world.one("SELECT mulai_wall_ts FROM percobaan WHERE id = ?", [world.attempt_id])
    if not found or not found["mulai_wall_ts"]:
        return 0.0
    return dt.datetime.fromisoformat(found["mulai_wall_ts"]).timestamp()


def _fresh(folder: Path, pattern: str, since: float) -> tuple[list[Path], list[Path]]:
    """Files under `folder` matching `pattern`, split into (changed since `since`, older)."""
    if not folder.is_dir():
        return [], []
    files = sorted((p for p in folder.rglob(pattern) if p.is_file()), key=lambda p: -p.stat().st_mtime)
    return [p for p in files if p.stat().st_mtime >= since], [p for p in files if p.stat().st_mtime < since]


_PACKS: dict[tuple, tuple] = {}


def _checked(path: Path) -> tuple[RulePack | None, list]:
    """`check_pack` of a file, remembered while the file is unchanged (the board asks often)."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if key not in _PACKS:
        _PACKS[key] = check_pack(path)
    return _PACKS[key]


def _base_of(pack: RulePack) -> RulePack | None:
    """What a pack changes: the pack it extends, else the pack in force for its first decision."""
    if pack.base is not None:
        return pack.base
    for decision in pack.decisions:
        if decision in DEFAULT_PACKS:
            return load_cached(DEFAULT_PACKS[decision])
    return None


def _value(pack: RulePack, name: str, on: dt.date) -> object:
    parameter = pack.parameters.get(name)
    if parameter is None:
        return ("tidak ada",)
    found = parameter.value_on(on)
    return found[0] if found else None


def _decision_key(decision: Decision) -> tuple:
    def outcome(o) -> tuple:
        return (o.output, repr(o.constant), o.parameter, o.expression.source if o.expression else None,
                o.template)

    rules = tuple(
        (r.id, tuple((c.name, c.equals, c.bounds) for c in r.when), tuple(outcome(o) for o in r.then))
        for r in decision.rules)
    derive = tuple((k, d.expression.source) for k, d in decision.derive.items())
    result = tuple((k, e.source) for k, (e, _) in decision.result.items())
    return decision.hit_policy, rules, derive, result


def changes(base: RulePack, pack: RulePack) -> list[str]:
    """Parameters of `pack` whose value in force when it takes effect (or at the end of that year)
    differs from `base`'s, then decisions whose rules or formulas differ."""
    days = (pack.effective_from, dt.date(pack.effective_from.year, 12, 31))
    out = [name for name in pack.parameters
           if any(_value(base, name, d) != _value(pack, name, d) for d in days)]
    for name, decision in pack.decisions.items():
        old = base.decisions.get(name)
        if old is None or _decision_key(old) != _decision_key(decision):
            out.append(f"{name} (aturan/rules)")
    return out


def _reforms(folder: Path, since: float) -> tuple[list[tuple], list[Path]]:
    """[(path, pack, base, changes, problems)] of the pack files changed since the start; and the
    older pack files."""
    fresh, old = _fresh(folder, "*.yaml", since)
    more_fresh, more_old = _fresh(folder, "*.yml", since)
    found = []
    for path in fresh + more_fresh:
        pack, problems = _checked(path)
        base = _base_of(pack) if pack is not None else None
        changed = changes(base, pack) if pack is not None and base is not None else []
        found.append((path, pack, base, changed, problems))
    return found, old + more_old


def _where(folder: Path, path: Path) -> str:
    try:
        return str(path.relative_to(folder))
    except ValueError:
        return str(path)


@check("reformasi_di_folder")
def reformasi_di_folder(world: World) -> Verdict:
    """T20: a reform pack in the seat's folder that checks clean and changes ≥1 parameter of its base."""
    folder = _folder(world)
    if folder is None:
        return Verdict.failed("cek.folder.tidak_ada")
    found, old = _reforms(folder, _started(world))
    clean = [f for f in found if f[1] is not None and not f[4] and f[2] is not None]
    for path, pack, base, changed, _ in clean:
        if changed:
            return Verdict.passed("cek.reformasi.ok", paket=pack.id, berkas=_where(folder, path),
                                  dasar=base.id, n=len(changed), contoh=changed[0])
    if clean:
        path, pack, base, _, _ = clean[0]
        return Verdict.failed("cek.reformasi.sama", paket=pack.id, berkas=_where(folder, path), dasar=base.id)
    broken = [f for f in found if f[1] is None or f[4]]
    if broken:
        path, _, _, _, problems = broken[0]
        first = problems[0] if problems else None
        shown = f"{first.file}:{first.line} ({first.code})" if first else "-"
        return Verdict.failed("cek.reformasi.rusak", berkas=_where(folder, path), masalah=shown,
                              n=len(problems))
    if old:
        return Verdict.failed("cek.reformasi.lama", folder=str(folder), n=len(old))
    return Verdict.failed("cek.reformasi.tidak_ada", folder=str(folder))


def _read_run(path: Path) -> dict | None:
    """The comparison in a results file: its packs, whether it finished, per-unit and TPP figures."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        run = conn.execute("SELECT paket, ringkasan FROM run LIMIT 1").fetchone()
        if run is None:
            conn.close()
            return None
        labels = json.loads(run[0]) if run[0] else []
        labels = [labels] if isinstance(labels, str) else list(labels)
        return {"paket": labels, "selesai": bool(run[1]), "conn": conn}
    except (sqlite3.Error, ValueError):
        conn.close()
        return None


def _deltas(conn: sqlite3.Connection, base: str, reform: str) -> tuple[int, int, int, float | None]:
    """(units compared, units whose curve verdict changes, of which now failing, TPP reform − base)."""
    units, changed, broken = conn.execute(
        "SELECT count(*), coalesce(sum(a.sesuai <> b.sesuai), 0), coalesce(sum(a.sesuai > b.sesuai), 0)"
        " FROM hasil_kurva a JOIN hasil_kurva b ON b.kantor = a.kantor AND b.unor_id = a.unor_id"
        " AND b.periode = a.periode AND b.paket = ? WHERE a.paket = ?",
        [reform, base],
    ).fetchone()
    tpp = dict(conn.execute(
        "SELECT paket, sum(tpp_setahun) FROM hasil_pegawai WHERE paket IN (?, ?) GROUP BY paket",
        [base, reform],
    ).fetchall())
    delta = None if tpp.get(base) is None or tpp.get(reform) is None else tpp[reform] - tpp[base]
    return units, changed, broken, delta


def _judge_run(folder: Path, path: Path, reforms: dict) -> Verdict:
    """One results file: does it compare a clean reform of the folder with its base, finished, with
    per-unit curve results and TPP of both packs?"""
    where = _where(folder, path)
    run = _read_run(path)
    if run is None:
        return Verdict.failed("cek.perbandingan.tak_terbaca", berkas=where)
    try:
        named = [label for label in run["paket"] if label in reforms]
        if not named:
            return Verdict.failed("cek.perbandingan.tanpa_reformasi", berkas=where,
                                  paket=", ".join(run["paket"]) or "-")
        _, pack, base, _, _ = reforms[named[0]]
        if base.id not in run["paket"]:
            return Verdict.failed("cek.perbandingan.bukan_dasar", berkas=where, reformasi=pack.id,
                                  dasar=base.id, paket=", ".join(run["paket"]))
        if not run["selesai"]:
            return Verdict.failed("cek.perbandingan.belum_selesai", berkas=where)
        units, changed, broken, tpp = _deltas(run["conn"], base.id, pack.id)
        if not units or tpp is None:
            return Verdict.failed("cek.perbandingan.tanpa_unit", berkas=where)
        return Verdict.passed("cek.perbandingan.ok", reformasi=pack.id, dasar=base.id, unit=units,
                              berubah=changed, melanggar=broken, tpp=f"{tpp:+,.0f}".replace(",", "."),
                              berkas=where)
    finally:
        run["conn"].close()


@check("perbandingan_dijalankan")
def perbandingan_dijalankan(world: World) -> Verdict:
    """T20: a finished base-vs-reform comparison in the seat's folder, with per-unit curve results
    and TPP for both packs (so per-unit pass/fail deltas and TPP deltas can be read). The newest
    file that passes counts; otherwise the newest file's reason is given."""
    folder = _folder(world)
    if folder is None:
        return Verdict.failed("cek.folder.tidak_ada")
    since = _started(world)
    found, _ = _reforms(folder, since)
    reforms = {f[1].id: f for f in found if f[1] is not None and not f[4] and f[2] is not None}
    results, _ = _fresh(folder, RESULTS_FILE, since)
    if not results:
        return Verdict.failed("cek.perbandingan.tidak_ada", folder=str(folder))
    verdicts = [_judge_run(folder, path, reforms) for path in results]
    return next((v for v in verdicts if v.ok), verdicts[0])


define_messages(
    {
        "cek.folder.tidak_ada": (
            "kursi ini tidak punya folder kerja (kelas dimulai tanpa folder), jadi berkas reformasi dan"
            " hasil perbandingan tidak dapat diperiksa",
            "this seat has no working folder (the class was started without one), so reform files and"
            " comparison results cannot be checked",
        ),
        "cek.reformasi.tidak_ada": (
            "belum ada berkas paket reformasi (.yaml) di folder Anda {folder}",
            "there is no reform pack file (.yaml) in your folder {folder} yet",
        ),
        "cek.reformasi.lama": (
            "{n} berkas paket di folder {folder} dibuat sebelum percobaan ini dimulai; buat reformasi baru",
            "{n} pack files in folder {folder} predate this attempt; write a new reform",
        ),
        "cek.reformasi.rusak": (
            "berkas {berkas} belum lolos pemeriksaan paket ({n} masalah, pertama: {masalah})",
            "file {berkas} does not pass the pack check ({n} problems, first: {masalah})",
        ),
        "cek.reformasi.sama": (
            "reformasi {paket} ({berkas}) tidak mengubah satu pun parameter atau aturan {dasar}",
            "reform {paket} ({berkas}) changes no parameter or rule of {dasar}",
        ),
        "cek.reformasi.ok": (
            "reformasi {paket} ({berkas}) mengubah {n} hal dari {dasar}, misalnya {contoh}",
            "reform {paket} ({berkas}) changes {n} things in {dasar}, e.g. {contoh}",
        ),
        "cek.perbandingan.tidak_ada": (
            "belum ada hasil perbandingan (hasil.sqlite) di folder Anda {folder}",
            "there is no comparison result (hasil.sqlite) in your folder {folder} yet",
        ),
        "cek.perbandingan.tak_terbaca": (
            "hasil perbandingan {berkas} tidak dapat dibaca",
            "comparison result {berkas} cannot be read",
        ),
        "cek.perbandingan.tanpa_reformasi": (
            "perbandingan {berkas} ({paket}) tidak memakai paket reformasi dari folder Anda",
            "comparison {berkas} ({paket}) does not use a reform pack from your folder",
        ),
        "cek.perbandingan.bukan_dasar": (
            "perbandingan {berkas} ({paket}) tidak membandingkan {reformasi} dengan dasarnya {dasar}",
            "comparison {berkas} ({paket}) does not compare {reformasi} with its base {dasar}",
        ),
        "cek.perbandingan.belum_selesai": (
            "perbandingan {berkas} belum selesai dijalankan",
            "comparison {berkas} did not finish",
        ),
        "cek.perbandingan.tanpa_unit": (
            "perbandingan {berkas} tidak memuat hasil kurva per unit dan TPP kedua paket",
            "comparison {berkas} holds no per-unit curve results and TPP for both packs",
        ),
        "cek.perbandingan.ok": (
            "{reformasi} dibandingkan dengan {dasar} ({berkas}): {unit} unit-periode, {berubah} berubah"
            " status kurva ({melanggar} menjadi melanggar), selisih TPP Rp {tpp}",
            "{reformasi} compared with {dasar} ({berkas}): {unit} unit-periods, {berubah} change curve"
            " verdict ({melanggar} now breaking), TPP difference Rp {tpp}",
        ),
        "cek.data.tanpa_sidik": (
            "sidik data kelas tidak dicatat saat persiapan (langkah sidik_data_kelas)",
            "the class data fingerprint was not recorded at setup (step sidik_data_kelas)",
        ),
        "cek.data.berubah": (
            "data kelas berubah sejak persiapan ({n} tabel: {tabel}); simulasi hanya boleh membaca data",
            "the class data changed since setup ({n} tables: {tabel}); a simulation must only read data",
        ),
        "cek.data.utuh": (
            "data kelas tidak berubah ({n} tabel diperiksa)",
            "the class data is unchanged ({n} tables checked)",
        ),
    }
)
