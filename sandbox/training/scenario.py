"""The scenario file (`scenarios/*.yaml`): its schema, loading, and `ekinerja scenario check`.

A scenario is data — where the trainee starts, what goes wrong, what they must achieve and how a
machine can tell — so trainers can write their own without a developer. The format is documented
in `scenarios/README.md`; every problem is reported with its file and line and what to write
instead, and nothing in the file is ever executed (YAML `safe_load` rules, plus only the registered
words of `sandbox.training.vocab`).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from sandbox.errors import ProblemsError
from sandbox.rules.problems import Problem
from sandbox.rules.yaml_source import LineDict, LineList, line_of, load_yaml
from sandbox.training import messages  # noqa: F401  (registers the checker's messages)
from sandbox.training.cast import FIXED_ROLES, Team
from sandbox.training.vocab import CHECKS, STEPS, Word

SCENARIOS_ENV = "EKINERJA_SCENARIOS"
TOP_KEYS = {
    "id",
    "judul",
    "ringkasan",
    "peran",
    "sumber",
    "persiapan",
    "gangguan",
    "peristiwa",
    "tugas",
    "pembahasan",
}
REQUIRED_TOP = ("id", "judul", "ringkasan", "peran", "persiapan", "tugas", "pembahasan")
FAULT_KINDS = ("pemeliharaan", "gagal_simpan", "tanpa_jawaban", "sinkron_gagal")
EVENT_KINDS = ("batas_digeser", "skp_dikembalikan")
RATINGS = ("di_atas", "sesuai", "di_bawah")
PREDIKAT = ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")
TRIWULAN = (1, 2, 3, 4, "final")
LANGS = ("id", "en")
# Roles a seat may play that are not people of its cast: the regulator's workbench (T20) and the
# pengelola kinerja, who checks the units' curves (T05). Both act under a fixed pseudo-actor name.
SEAT_ONLY_ROLES = ("regulator", "pengelola")


@dataclass(frozen=True)
class Text:
    id: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.id


@dataclass(frozen=True)
class Use:
    """One use of a registered word with its parameters, and where it is written."""

    word: Word
    params: dict
    line: int


@dataclass(frozen=True)
class Fault:
    jenis: str
    mulai: str
    selesai: str
    porsi: float
    untuk: tuple[str, ...]
    kode: str


@dataclass(frozen=True)
class Event:
    jenis: str
    pada: str
    params: dict


@dataclass(frozen=True)
class Task:
    id: str
    judul: Text
    periksa: tuple[Use, ...]
    petunjuk: tuple[Text, ...]
    pembahasan: Text


@dataclass(frozen=True)
class Scenario:
    id: str
    judul: Text
    ringkasan: Text
    peran: tuple[str, ...]  # roles the seat may play; the first is the trainee's own
    sumber: str
    jam: str
    team: Team
    langkah: tuple[Use, ...]
    gangguan: tuple[Fault, ...]
    peristiwa: tuple[Event, ...]
    tugas: tuple[Task, ...]
    pembahasan: Text
    file: str = ""
    roles: tuple[str, ...] = field(default=())

    @property
    def trainee_role(self) -> str:
        return self.peran[0]

    def task(self, task_id: str) -> Task:
        return next(t for t in self.tugas if t.id == task_id)


# -- where scenario files are ------------------------------------------------------------------------
def default_scenarios_dir() -> Path:
    """`$EKINERJA_SCENARIOS`, else `scenarios/` beside the package (a source checkout)."""
    override = os.environ.get(SCENARIOS_ENV)
    if override:
        return Path(override).expanduser()
    return Path(__file__).resolve().parents[2] / "scenarios"


def scenario_files(folder: Path | None = None) -> list[Path]:
    folder = folder or default_scenarios_dir()
    return sorted(p for p in folder.glob("*.yaml") if p.is_file()) if folder.is_dir() else []


def find_scenario(reference: str, folder: Path | None = None) -> Path | None:
    """A scenario by file path, or by id (`T01`, case-insensitive) among the shipped files."""
    path = Path(reference).expanduser()
    if path.suffix in (".yaml", ".yml") or path.exists():
        return path
    wanted = reference.strip().upper()
    for candidate in scenario_files(folder):
        if candidate.name.upper().startswith(wanted + "-") or candidate.stem.upper() == wanted:
            return candidate
    return None


# -- checking ------------------------------------------------------------------------------------------
class _Checker:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def add(self, line: int, code: str, **params: object) -> None:
        self.problems.append(Problem(self.file, line, code, params))

    def text(self, node: object, key: str, parent: object) -> Text | None:
        line = line_of(parent, key)
        if not isinstance(node, dict):
            self.add(line, "skenario.teks", kolom=key)
            return None
        values = {}
        for lang in LANGS:
            value = node.get(lang)
            if not isinstance(value, str) or not value.strip():
                self.add(line_of(node, lang, line), "skenario.teks", kolom=f"{key}.{lang}")
                return None
            values[lang] = value.strip()
        for extra in sorted(set(node) - set(LANGS), key=str):
            self.add(
                line_of(node, extra, line),
                "skenario.kunci_asing",
                kunci=extra,
                bagian=key,
                boleh=", ".join(LANGS),
            )
        return Text(**values)

    def when(self, value: object, line: int, kolom: str) -> str | None:
        if isinstance(value, dt.datetime):
            when = value
        elif isinstance(value, dt.date):
            when = dt.datetime.combine(value, dt.time(8, 0))
        elif isinstance(value, str):
            text = value.strip()
            try:
                when = dt.datetime.fromisoformat(f"{text}T08:00:00" if len(text) == 10 else text)
            except ValueError:
                self.add(line, "skenario.jam", kolom=kolom, nilai=value)
                return None
        else:
            self.add(line, "skenario.jam", kolom=kolom, nilai=value)
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.timezone(dt.timedelta(hours=7)))
        if not 2000 <= when.year <= 2100:
            self.add(line, "skenario.jam", kolom=kolom, nilai=value)
            return None
        # stored and compared in WIB, like the class clock (a time written in UTC means the same moment)
        return when.astimezone(dt.timezone(dt.timedelta(hours=7))).isoformat()

    def role(self, value: object, line: int, roles: tuple[str, ...], kolom: str) -> str | None:
        if not isinstance(value, str) or value not in roles:
            self.add(line, "skenario.peran", nilai=value, kolom=kolom, boleh=", ".join(roles))
            return None
        return value

    def uses(
        self, node: object, key: str, parent: object, table: dict[str, Word], roles: tuple[str, ...]
    ) -> tuple[Use, ...]:
        line = line_of(parent, key)
        if not isinstance(node, list):
            self.add(line, "skenario.daftar", kolom=key)
            return ()
        found = []
        for index, item in enumerate(node):
            item_line = line_of(node, index, line)
            if not isinstance(item, dict) or len(item) != 1:
                self.add(item_line, "skenario.satu_kata", kolom=key)
                continue
            ((name, params),) = item.items()
            word = table.get(name)
            if word is None:
                self.add(
                    item_line, "skenario.kata_asing", kata=name, kolom=key, boleh=", ".join(sorted(table))
                )
                continue
            params = {} if params is None else params
            if not isinstance(params, dict):
                self.add(item_line, "skenario.parameter_peta", kata=name)
                continue
            checked = self.params(word, params, item_line, roles)
            if checked is not None:
                found.append(Use(word, checked, item_line))
        return tuple(found)

    def params(self, word: Word, params: dict, line: int, roles: tuple[str, ...]) -> dict | None:
        ok = True
        out = {}
        for name in sorted(set(params) - set(word.params), key=str):
            self.add(
                line_of(params, name, line),
                "skenario.parameter_asing",
                kata=word.name,
                parameter=name,
                boleh=", ".join(word.params) or "-",
            )
            ok = False
        for name in word.required():
            if name not in params:
                self.add(line, "skenario.parameter_wajib", kata=word.name, parameter=name)
                ok = False
        for name, spec in word.params.items():
            if name not in params:
                continue
            value = params[name]
            where = line_of(params, name, line)
            converted = self.value(spec.rstrip("?"), value, where, roles, f"{word.name}.{name}")
            if converted is _BAD:
                ok = False
            else:
                out[name] = converted
        return out if ok else None

    def value(self, kind: str, value: object, line: int, roles: tuple[str, ...], kolom: str) -> object:
        def bad(code: str = "skenario.nilai", **extra: object):
            self.add(line, code, kolom=kolom, nilai=value, jenis=kind, **extra)
            return _BAD

        if kind == "peran":
            return self.role(value, line, roles, kolom) or _BAD
        if kind == "peran_list":
            values = [value] if isinstance(value, str) else value
            if not isinstance(values, list) or not values:
                return bad()
            checked = [self.role(v, line, roles, kolom) for v in values]
            return _BAD if None in checked else checked
        if kind == "int":
            return (
                value
                if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10_000
                else bad()
            )
        if kind == "float":
            ok = isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1e6
            return float(value) if ok else bad()
        if kind == "bool":
            return value if isinstance(value, bool) else bad()
        if kind == "teks":
            return value.strip() if isinstance(value, str) and value.strip() else bad()
        if kind == "rating":
            return value if value in RATINGS else bad("skenario.pilihan", boleh=", ".join(RATINGS))
        if kind == "predikat":
            return value if value in PREDIKAT else bad("skenario.pilihan", boleh=", ".join(PREDIKAT))
        if kind == "triwulan":
            return value if value in TRIWULAN else bad("skenario.pilihan", boleh="1, 2, 3, 4, final")
        if kind == "list":  # plain values only: a list inside a list is no column number or name
            plain = isinstance(value, list) and all(isinstance(v, str | int | float) for v in value)
            return list(value) if plain else bad()
        if kind == "map":
            return dict(value) if isinstance(value, dict) else bad()
        return bad()


class _Bad:
    pass


_BAD = _Bad()


def check_scenario(reference: str | os.PathLike[str]) -> tuple[Scenario | None, list[Problem]]:
    """Load and check one scenario file; the scenario is returned only when there is no problem."""
    path = Path(reference)
    shown = str(reference)
    data, problems = load_yaml(path, shown)
    if data is None:
        # an empty file (or a lone `null`) is no scenario: say so instead of passing it silently
        return None, problems or [Problem(shown, 1, "skenario.kosong", {})]
    checker = _Checker(shown)
    checker.problems.extend(problems)
    if not isinstance(data, LineDict):
        checker.add(1, "skenario.bukan_peta")
        return None, checker.problems
    for key in sorted(set(data) - TOP_KEYS, key=str):
        checker.add(
            line_of(data, key),
            "skenario.kunci_asing",
            kunci=key,
            bagian="(atas)",
            boleh=", ".join(sorted(TOP_KEYS)),
        )
    for key in REQUIRED_TOP:
        if key not in data:
            checker.add(1, "skenario.kunci_wajib", kunci=key)
    if checker.problems:
        return None, checker.problems
    scenario = _build(checker, data, shown)
    if checker.problems:
        return None, checker.problems
    return scenario, []


def _build(c: _Checker, data: LineDict, shown: str) -> Scenario | None:
    sid = data["id"]
    if not isinstance(sid, str) or not sid.strip() or not sid.replace("-", "").replace("_", "").isalnum():
        c.add(line_of(data, "id"), "skenario.id", nilai=sid)
        sid = "?"
    judul = c.text(data["judul"], "judul", data)
    ringkasan = c.text(data["ringkasan"], "ringkasan", data)
    pembahasan = c.text(data["pembahasan"], "pembahasan", data)
    sumber = data.get("sumber", "")
    if not isinstance(sumber, str):
        c.add(line_of(data, "sumber"), "skenario.nilai", kolom="sumber", nilai=sumber, jenis="teks")
        sumber = ""

    setup = data["persiapan"]
    if not isinstance(setup, LineDict):
        c.add(line_of(data, "persiapan"), "skenario.bagian_peta", bagian="persiapan")
        return None
    for key in sorted(set(setup) - {"jam", "tim", "langkah"}, key=str):
        c.add(
            line_of(setup, key),
            "skenario.kunci_asing",
            kunci=key,
            bagian="persiapan",
            boleh="jam, tim, langkah",
        )
    if "jam" not in setup:
        c.add(setup.line, "skenario.kunci_wajib", kunci="persiapan.jam")
    jam = c.when(setup.get("jam"), line_of(setup, "jam"), "persiapan.jam") if "jam" in setup else None
    team = _team(c, setup.get("tim") or LineDict(), line_of(setup, "tim"))
    roles = (
        FIXED_ROLES[:4]
        + tuple(f"rekan{i}" for i in range(1, team.anggota))
        + (("operator",) if team.operator else ())
    )

    peran_raw = data["peran"]
    peran_list = [peran_raw] if isinstance(peran_raw, str) else peran_raw
    if not isinstance(peran_list, list) or not peran_list:
        c.add(
            line_of(data, "peran"), "skenario.peran", nilai=peran_raw, kolom="peran", boleh=", ".join(roles)
        )
        peran: tuple[str, ...] = ()
    else:
        peran = tuple(
            r
            for r in (c.role(v, line_of(data, "peran"), roles + SEAT_ONLY_ROLES, "peran") for v in peran_list)
            if r
        )

    langkah = c.uses(setup.get("langkah", LineList()), "langkah", setup, STEPS, roles)
    faults = tuple(_faults(c, data.get("gangguan") or [], line_of(data, "gangguan"), roles))
    events = tuple(_events(c, data.get("peristiwa") or [], line_of(data, "peristiwa"), roles))
    tasks = _tasks(c, data["tugas"], line_of(data, "tugas"), roles)
    if c.problems or None in (judul, ringkasan, pembahasan, jam):
        return None
    return Scenario(
        sid,
        judul,
        ringkasan,
        peran,
        sumber,
        jam,
        team,
        langkah,
        faults,
        events,
        tasks,
        pembahasan,
        shown,
        roles,
    )


def _team(c: _Checker, node: object, line: int) -> Team:
    if not isinstance(node, dict):
        c.add(line, "skenario.bagian_peta", bagian="persiapan.tim")
        return Team()
    spec = {
        "anggota": "int",
        "operator": "bool",
        "usia_pegawai": "int",
        "literasi_pegawai": "float",
        "jabatan_pegawai": "teks",
    }
    values = {}
    for key in sorted(set(node) - set(spec), key=str):
        c.add(
            line_of(node, key, line),
            "skenario.kunci_asing",
            kunci=key,
            bagian="persiapan.tim",
            boleh=", ".join(spec),
        )
    for key, kind in spec.items():
        if key in node:
            value = c.value(kind, node[key], line_of(node, key, line), (), f"tim.{key}")
            if value is not _BAD:
                values[key] = value
    anggota = values.get("anggota", 3)
    if not 1 <= anggota <= 40:
        c.add(line_of(node, "anggota", line), "skenario.anggota", nilai=anggota)
        values["anggota"] = 3
    if "literasi_pegawai" in values and not 0 <= values["literasi_pegawai"] <= 1:
        c.add(
            line_of(node, "literasi_pegawai", line),
            "skenario.nilai",
            kolom="tim.literasi_pegawai",
            nilai=values["literasi_pegawai"],
            jenis="0..1",
        )
        values.pop("literasi_pegawai")
    return Team(**values)


def _faults(c: _Checker, node: object, line: int, roles: tuple[str, ...]):
    if not isinstance(node, list):
        c.add(line, "skenario.daftar", kolom="gangguan")
        return
    for index, item in enumerate(node):
        where = line_of(node, index, line)
        if not isinstance(item, dict):
            c.add(where, "skenario.bagian_peta", bagian="gangguan")
            continue
        allowed = {"jenis", "mulai", "selesai", "porsi", "untuk", "kode"}
        for key in sorted(set(item) - allowed, key=str):
            c.add(
                line_of(item, key, where),
                "skenario.kunci_asing",
                kunci=key,
                bagian="gangguan",
                boleh=", ".join(sorted(allowed)),
            )
        jenis = item.get("jenis")
        if jenis not in FAULT_KINDS:
            c.add(
                line_of(item, "jenis", where),
                "skenario.pilihan",
                kolom="gangguan.jenis",
                nilai=jenis,
                boleh=", ".join(FAULT_KINDS),
            )
        mulai = c.when(item.get("mulai"), line_of(item, "mulai", where), "gangguan.mulai")
        selesai = c.when(item.get("selesai"), line_of(item, "selesai", where), "gangguan.selesai")
        if mulai and selesai and selesai <= mulai:
            c.add(
                line_of(item, "selesai", where),
                "skenario.selesai_sebelum_mulai",
                mulai=mulai,
                selesai=selesai,
            )
        porsi = item.get("porsi", None if jenis in ("gagal_simpan", "tanpa_jawaban") else 1.0)
        if not isinstance(porsi, int | float) or isinstance(porsi, bool) or not 0 < porsi <= 1:
            c.add(line_of(item, "porsi", where), "skenario.porsi", nilai=porsi)
            porsi = 1.0
        untuk = c.value(
            "peran_list",
            item.get("untuk", [roles[3]]),
            line_of(item, "untuk", where),
            roles,
            "gangguan.untuk",
        )
        kode = item.get("kode", "503")
        if jenis in FAULT_KINDS and mulai and selesai and untuk is not _BAD:
            yield Fault(jenis, mulai, selesai, float(porsi), tuple(untuk), str(kode))


def _events(c: _Checker, node: object, line: int, roles: tuple[str, ...]):
    if not isinstance(node, list):
        c.add(line, "skenario.daftar", kolom="peristiwa")
        return
    for index, item in enumerate(node):
        where = line_of(node, index, line)
        if not isinstance(item, dict):
            c.add(where, "skenario.bagian_peta", bagian="peristiwa")
            continue
        jenis = item.get("jenis")
        if jenis not in EVENT_KINDS:
            c.add(
                line_of(item, "jenis", where),
                "skenario.pilihan",
                kolom="peristiwa.jenis",
                nilai=jenis,
                boleh=", ".join(EVENT_KINDS),
            )
            continue
        pada = c.when(item.get("pada"), line_of(item, "pada", where), "peristiwa.pada")
        params = {k: v for k, v in item.items() if k not in ("jenis", "pada")}
        if jenis == "batas_digeser":
            batas = params.get("batas")
            if not (isinstance(batas, dt.date) or isinstance(batas, str) and len(batas) == 10):
                c.add(
                    line_of(item, "batas", where),
                    "skenario.nilai",
                    kolom="peristiwa.batas",
                    nilai=batas,
                    jenis="YYYY-MM-DD",
                )
                continue
            triwulan = c.value(
                "triwulan",
                params.get("triwulan", 1),
                line_of(item, "triwulan", where),
                roles,
                "peristiwa.triwulan",
            )
            if triwulan is _BAD:
                continue
            params = {"batas": str(batas), "triwulan": triwulan}
        else:  # skp_dikembalikan: who returns whose SKP, with what note
            allowed = {"oleh", "untuk", "catatan"}
            unknown = sorted(set(params) - allowed, key=str)
            for key in unknown:
                c.add(
                    line_of(item, key, where),
                    "skenario.kunci_asing",
                    kunci=key,
                    bagian="peristiwa",
                    boleh="jenis, pada, " + ", ".join(sorted(allowed)),
                )
            oleh = c.value(
                "peran", params.get("oleh", "kasi"), line_of(item, "oleh", where), roles, "peristiwa.oleh"
            )
            untuk = c.value(
                "peran",
                params.get("untuk", "pegawai"),
                line_of(item, "untuk", where),
                roles,
                "peristiwa.untuk",
            )
            catatan = params.get("catatan")
            if catatan is not None and not (isinstance(catatan, str) and catatan.strip()):
                c.add(
                    line_of(item, "catatan", where),
                    "skenario.nilai",
                    kolom="peristiwa.catatan",
                    nilai=catatan,
                    jenis="teks",
                )
                continue
            if unknown or _BAD in (oleh, untuk):
                continue
            params = {"oleh": oleh, "untuk": untuk, "catatan": catatan}
        if pada:
            yield Event(jenis, pada, params)


def _tasks(c: _Checker, node: object, line: int, roles: tuple[str, ...]) -> tuple[Task, ...]:
    if not isinstance(node, list) or not node:
        c.add(line, "skenario.daftar", kolom="tugas")
        return ()
    tasks, seen = [], set()
    for index, item in enumerate(node):
        where = line_of(node, index, line)
        if not isinstance(item, LineDict):
            c.add(where, "skenario.bagian_peta", bagian="tugas")
            continue
        allowed = {"id", "judul", "periksa", "petunjuk", "pembahasan"}
        for key in sorted(set(item) - allowed, key=str):
            c.add(
                line_of(item, key, where),
                "skenario.kunci_asing",
                kunci=key,
                bagian="tugas",
                boleh=", ".join(sorted(allowed)),
            )
        tid = item.get("id")
        if not isinstance(tid, str) or not tid.strip():
            c.add(line_of(item, "id", where), "skenario.id", nilai=tid)
            continue
        if tid in seen:
            c.add(line_of(item, "id", where), "skenario.tugas_ganda", id=tid)
        seen.add(tid)
        judul = c.text(item.get("judul"), "judul", item)
        pembahasan = c.text(item.get("pembahasan"), "pembahasan", item)
        checks = c.uses(item.get("periksa"), "periksa", item, CHECKS, roles)
        if "periksa" in item and isinstance(item["periksa"], list) and not item["periksa"]:
            c.add(line_of(item, "periksa", where), "skenario.daftar", kolom="periksa")
        hints_raw = item.get("petunjuk") or []
        hints = []
        if not isinstance(hints_raw, list):
            c.add(line_of(item, "petunjuk", where), "skenario.daftar", kolom="petunjuk")
        else:
            for h_index, hint in enumerate(hints_raw):
                text = c.text(
                    hint,
                    "petunjuk",
                    LineDict({"petunjuk": None})
                    if not isinstance(hints_raw, LineList)
                    else _at(hints_raw, h_index),
                )
                if text:
                    hints.append(text)
        if judul and pembahasan:
            tasks.append(Task(tid, judul, checks, tuple(hints), pembahasan))
    return tuple(tasks)


def _at(items: LineList, index: int) -> LineDict:
    """A one-key mapping whose key line is the item's line (so `text()` reports it)."""
    holder = LineDict({"petunjuk": items[index]})
    holder.key_lines = {"petunjuk": items.line_of(index)}
    holder.line = items.line_of(index)
    return holder


def load_scenario(reference: str) -> Scenario:
    """A checked scenario by id or path; raises ScenarioError carrying every problem."""
    path = find_scenario(reference)
    if path is None:
        raise ScenarioError(
            [Problem(reference, 1, "skenario.tidak_ada", {"ref": reference, "dir": default_scenarios_dir()})]
        )
    scenario, problems = check_scenario(path)
    if scenario is None:
        raise ScenarioError(problems)
    return scenario


class ScenarioError(ProblemsError):
    """A scenario file refused, with every problem at its line."""
