"""The simulator's assumptions file: read safely, checked like a pack, turned into `Assumptions`.

`sandbox/sim/asumsi.yaml` ships the defaults; `--asumsi FILE` reads another. The file is parsed by
the packs' own safe YAML reader (PyYAML's SafeLoader, which builds no Python objects, keeping the
line of every key), then checked against `SCHEMA`: every value is `{nilai: …, sumber: …}` with an
optional `keterangan`; an unknown key, a missing one, a wrong type, a value out of range, shares that
do not add up to 1 or a value without its source are each a `Problem` — `file:line: what is wrong —
what to write instead`, Indonesian first — and nothing runs. Only a clean file becomes
`Assumptions`, which also lists every value with its source for the report.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml

import sandbox.sim.messages  # noqa: F401 (registers the messages)
from sandbox.errors import ProblemsError
from sandbox.rules.problems import Problem
from sandbox.rules.yaml_source import LineDict, LineList, line_of, load_yaml
from sandbox.sim.behaviour import (
    ATTENDANCE,
    CAPAIAN,
    HUKUMAN,
    POSITIONS,
    PROFILES,
    RATINGS,
    Assumptions,
    Profile,
)

SHIPPED = Path(__file__).with_name("asumsi.yaml")
_LEAF_KEYS = ("nilai", "sumber", "keterangan")


def _as_written(value: object) -> str:
    """A refused value as YAML spells it (true, [1, 2], "x"), never Python's repr (True, ['x'])."""
    return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=200).strip() \
        .removesuffix("...").strip()


class AssumptionsRefused(ProblemsError):
    """An assumptions file that cannot be used; carries every problem found."""


# -- what a value may be -------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """A check of one `nilai`: returns the typed value, or adds problems and returns None."""

    check: Callable
    example: str


def _number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


class _Checker:
    def __init__(self, shown: str):
        self.shown = shown
        self.problems: list[Problem] = []

    def add(self, line: int, code: str, **params) -> None:
        self.problems.append(Problem(self.shown, line, code, params))

    # each kind: (checker, key path, value, line of the value) -> typed value or None
    def number(self, key, value, line, low, high, whole=False):
        if not _number(value) or (whole and not isinstance(value, int)):
            self.add(
                line,
                "sim.asumsi.bukan_bulat" if whole else "sim.asumsi.bukan_angka",
                kunci=key,
                nilai=_as_written(value),
                bawah=low,
                atas=high,
            )
            return None
        if not low <= value <= high:
            self.add(line, "sim.asumsi.rentang", kunci=key, nilai=_as_written(value), bawah=low, atas=high)
            return None
        return value

    def boolean(self, key, value, line):
        if not isinstance(value, bool):
            self.add(line, "sim.asumsi.bukan_ya_tidak", kunci=key, nilai=_as_written(value))
            return None
        return value

    def mapping(self, key, value, line, names, each):
        """A mapping with exactly `names` as keys, each value checked by `each`."""
        if not isinstance(value, dict):
            self.add(line, "sim.asumsi.bukan_pemetaan_nama", kunci=key, nilai=_as_written(value),
                     nama=", ".join(names))
            return None
        result, ok = {}, True
        for name in value:
            if name not in names:
                self.add(
                    line_of(value, name, line),
                    "sim.asumsi.kunci_asing",
                    kunci=f"{key}.{name}",
                    boleh=", ".join(names),
                )
                ok = False
        for name in names:
            if name not in value:
                self.add(line_of(value, None, line), "sim.asumsi.kunci_hilang", kunci=f"{key}.{name}")
                ok = False
                continue
            got = each(f"{key}.{name}", value[name], line_of(value, name, line))
            ok = ok and got is not None
            result[name] = got
        return result if ok else None

    def shares(self, key, value, line, names):
        """Shares over `names`: a mapping by name, or a list in that order, adding up to 1."""
        if isinstance(value, list):
            if len(value) != len(names):
                self.add(line, "sim.asumsi.panjang", kunci=key, jumlah=len(names), nama=", ".join(names))
                return None
            values = {}
            for k, name in enumerate(names):
                values[name] = self.number(f"{key}[{k + 1}]", value[k], line_of(value, k, line), 0, 1)
            if any(v is None for v in values.values()):
                return None
        else:
            values = self.mapping(key, value, line, names, lambda k, v, at: self.number(k, v, at, 0, 1))
            if values is None:
                return None
        total = sum(values.values())
        if abs(total - 1) > 1e-6:
            self.add(line, "sim.asumsi.jumlah", kunci=key, jumlah=round(total, 6))
            return None
        return tuple(values[name] for name in names)

    def bands(self, key, value, line, low, high):
        def band(k, v, at):
            if not isinstance(v, list) or len(v) != 2 or not all(_number(x) for x in v):
                self.add(at, "sim.asumsi.bukan_rentang", kunci=k, nilai=v, bawah=low, atas=high)
                return None
            if not (low <= v[0] <= v[1] <= high):
                self.add(at, "sim.asumsi.rentang_urut", kunci=k, nilai=v, bawah=low, atas=high)
                return None
            return (float(v[0]), float(v[1]))

        result = self.mapping(key, value, line, RATINGS, band)
        return None if result is None else tuple(result[r] for r in RATINGS)


def _prob(c, key, value, line):
    return c.number(key, value, line, 0, 1)


def _rate(c, key, value, line):
    return c.mapping(key, value, line, ATTENDANCE, lambda k, v, at: c.number(k, v, at, 0, 22))


def _dist3(c, key, value, line):
    return c.shares(key, value, line, RATINGS)


_PROFILE = {
    "hasil": Kind(_dist3, "[0.15, 0.70, 0.15]"),
    "perilaku": Kind(_dist3, "[0.12, 0.83, 0.05]"),
    "terlambat": Kind(_prob, "0.2"),
    "bukti_lemah": Kind(_prob, "0.2"),
    "dikerjakan_operator": Kind(_prob, "0.05"),
    "kehadiran": Kind(_rate, "{hari_tanpa_keterangan: 0.03, tl1: 0.25, …}"),
}

SCHEMA: dict = {
    "profil": {name: _PROFILE for name in PROFILES},
    "penilaian": {
        "konsistensi": Kind(_prob, "0.75"),
        "penalti_terlambat": Kind(_prob, "0.35"),
        "penalti_bukti_lemah": Kind(_prob, "0.35"),
        "penilai_longgar": Kind(_prob, "0.2"),
        "penilai_ketat": Kind(_prob, "0.15"),
        "geser_penilai": Kind(_prob, "0.3"),
    },
    "capaian_organisasi": {
        "sebaran": Kind(lambda c, k, v, at: c.shares(k, v, at, CAPAIAN), "{istimewa: 0.15, baik: 0.6, …}"),
        "ikut_staf": Kind(_prob, "0.7"),
        "ikut_induk": Kind(_prob, "0.8"),
    },
    "penyesuaian_kurva": {
        "aktif": Kind(lambda c, k, v, at: c.boolean(k, v, at), "true"),
        "naik": Kind(_prob, "0.5"),
        "putaran": Kind(lambda c, k, v, at: c.number(k, v, at, 1, 10, whole=True), "3"),
    },
    "hukuman": {
        "per_tahun": Kind(_prob, "0.01"),
        "jenis": Kind(lambda c, k, v, at: c.shares(k, v, at, HUKUMAN[1:]), "{teguran_lisan: 0.3, …}"),
        "lama_bulan": Kind(
            lambda c, k, v, at: c.mapping(
                k, v, at, HUKUMAN[1:], lambda k2, v2, at2: c.number(k2, v2, at2, 0, 12, whole=True)
            ),
            "{teguran_lisan: 1, …}",
        ),
    },
    "besaran_tpp": Kind(
        lambda c, k, v, at: c.mapping(
            k, v, at, POSITIONS, lambda k2, v2, at2: c.number(k2, v2, at2, 0, 10**9)
        ),
        "{jpt: 15000000, …}",
    ),
    "nilai_pp30": {
        "skp": Kind(lambda c, k, v, at: c.bands(k, v, at, 0, 120), "{di_atas: [105, 120], …}"),
        "perilaku": Kind(lambda c, k, v, at: c.bands(k, v, at, 0, 120), "{di_atas: [105, 120], …}"),
        "inovasi": Kind(
            lambda c, k, v, at: c.mapping(k, v, at, RATINGS, lambda k2, v2, at2: _prob(c, k2, v2, at2)),
            "{di_atas: 0.3, sesuai: 0.05, di_bawah: 0}",
        ),
        "penilaian_360": Kind(_prob, "0.0"),
    },
    "iki_2021": {
        "per_pegawai": Kind(lambda c, k, v, at: c.number(k, v, at, 1, 10, whole=True), "3"),
        "realisasi_persen": Kind(lambda c, k, v, at: c.bands(k, v, at, 0, 200), "{di_atas: [101, 115], …}"),
    },
}
_TEXT_KEYS = ("asumsi", "judul")


# -- reading -------------------------------------------------------------------------------------


def _walk(c: _Checker, node, schema: dict, path: str, line: int, out: dict, listing: list) -> None:
    where = path or "(berkas)"
    if not isinstance(node, dict):
        c.add(line, "sim.asumsi.bukan_pemetaan", kunci=where, nama=", ".join(schema))
        return
    allowed = list(schema) + ([*_TEXT_KEYS] if not path else [])
    for key in node:
        if key not in allowed:
            c.add(
                line_of(node, key, line),
                "sim.asumsi.kunci_asing",
                kunci=f"{path}.{key}" if path else key,
                boleh=", ".join(map(str, allowed)),
            )
    if not path:
        for key in _TEXT_KEYS:
            if key in node and not isinstance(node[key], str):
                c.add(line_of(node, key, line), "sim.asumsi.bukan_teks", kunci=key, nilai=node[key])
    for key, spec in schema.items():
        full = f"{path}.{key}" if path else key
        if key not in node:
            c.add(line_of(node, None, line), "sim.asumsi.kunci_hilang", kunci=full)
            continue
        at = line_of(node, key, line)
        if isinstance(spec, dict):
            out[key] = {}
            _walk(c, node[key], spec, full, at, out[key], listing)
        else:
            out[key] = _leaf(c, node[key], spec, full, at, listing)


def _leaf(c: _Checker, node, kind: Kind, key: str, line: int, listing: list):
    if not isinstance(node, dict) or "nilai" not in node:
        c.add(line, "sim.asumsi.bukan_nilai", kunci=key, contoh=kind.example)
        return None
    for name in node:
        if name not in _LEAF_KEYS:
            c.add(
                line_of(node, name, line),
                "sim.asumsi.kunci_asing",
                kunci=f"{key}.{name}",
                boleh=", ".join(_LEAF_KEYS),
            )
    source = node.get("sumber")
    if not isinstance(source, str) or not source.strip():
        c.add(
            line_of(node, "sumber" if "sumber" in node else None, line), "sim.asumsi.tanpa_sumber", kunci=key
        )
    if "keterangan" in node and not isinstance(node["keterangan"], str):
        c.add(
            line_of(node, "keterangan", line),
            "sim.asumsi.bukan_teks",
            kunci=f"{key}.keterangan",
            nilai=node["keterangan"],
        )
    value = kind.check(c, key, node["nilai"], line_of(node, "nilai", line))
    if value is not None and isinstance(source, str):
        listing.append((key, _text(node["nilai"]), " ".join(source.split())))
    return value


def _text(value) -> str:
    """A value as the report lists it (decimal comma)."""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, int | float):
        return f"{value:,}".replace(",", "_").replace(".", ",").replace("_", ".")
    if isinstance(value, LineList | list):
        return "[" + "; ".join(_text(v) for v in value) + "]"
    if isinstance(value, LineDict | dict):
        return "; ".join(f"{k} {_text(v)}" for k, v in value.items())
    return str(value)


def check_file(path: str | Path) -> tuple[Assumptions | None, list[Problem]]:
    """Read and check an assumptions file; (Assumptions, []) when clean, else (None, problems)."""
    shown = str(path)
    data, problems = load_yaml(Path(path), shown)
    if data is None and problems:
        renamed = {
            "file.missing": "sim.asumsi.berkas_tidak_ada",
            "file.is_directory": "sim.asumsi.berkas_folder",
        }
        return None, [Problem(p.file, p.line, renamed.get(p.code, p.code), p.params) for p in problems]
    checker = _Checker(shown)
    checker.problems.extend(problems)
    values: dict = {}
    listing: list = []
    _walk(checker, data, SCHEMA, "", 1, values, listing)
    if not checker.problems:
        rating = values["penilaian"]
        if rating["penilai_longgar"] + rating["penilai_ketat"] > 1:
            node = data["penilaian"]
            checker.add(
                line_of(node, "penilai_ketat"),
                "sim.asumsi.longgar_ketat",
                jumlah=round(rating["penilai_longgar"] + rating["penilai_ketat"], 6),
            )
    if checker.problems:
        return None, sorted(checker.problems, key=lambda p: p.line)
    return _build(values, shown, listing), []


def _build(v: dict, source: str, listing: list) -> Assumptions:
    profiles = {
        name: Profile(
            hasil=p["hasil"],
            perilaku=p["perilaku"],
            late=p["terlambat"],
            weak_evidence=p["bukti_lemah"],
            delegated=p["dikerjakan_operator"],
            attendance=tuple(p["kehadiran"][k] for k in ATTENDANCE),
        )
        for name, p in v["profil"].items()
    }
    rating, capaian, adjust, hukuman = (
        v["penilaian"],
        v["capaian_organisasi"],
        v["penyesuaian_kurva"],
        v["hukuman"],
    )
    nilai, iki = v["nilai_pp30"], v["iki_2021"]
    return Assumptions(
        profiles=profiles,
        consistency=rating["konsistensi"],
        late_penalty=rating["penalti_terlambat"],
        evidence_penalty=rating["penalti_bukti_lemah"],
        lenient_share=rating["penilai_longgar"],
        strict_share=rating["penilai_ketat"],
        rater_shift=rating["geser_penilai"],
        capaian=capaian["sebaran"],
        capaian_follows_staff=capaian["ikut_staf"],
        capaian_follows_parent=capaian["ikut_induk"],
        adjust_curve=adjust["aktif"],
        adjust_up_share=adjust["naik"],
        adjust_passes=adjust["putaran"],
        hukuman_per_year=hukuman["per_tahun"],
        hukuman_weights=hukuman["jenis"],
        hukuman_months=(0, *(hukuman["lama_bulan"][k] for k in HUKUMAN[1:])),
        besaran_tpp=dict(v["besaran_tpp"]),
        nilai_skp=nilai["skp"],
        nilai_perilaku=nilai["perilaku"],
        inovasi=tuple(nilai["inovasi"][r] for r in RATINGS),
        penilaian_360=nilai["penilaian_360"],
        iki_per_person=iki["per_pegawai"],
        iki_realisasi=iki["realisasi_persen"],
        source=source,
        listing=tuple(listing),
    )


def load(path: str | Path) -> Assumptions:
    """A clean file as `Assumptions`; AssumptionsRefused with every problem otherwise."""
    assumptions, problems = check_file(path)
    if problems:
        raise AssumptionsRefused(problems)
    return assumptions


@lru_cache(maxsize=1)
def default_assumptions() -> Assumptions:
    """The shipped assumptions (sandbox/sim/asumsi.yaml), read once per process."""
    return replace(load(SHIPPED), source="sandbox/sim/asumsi.yaml")
