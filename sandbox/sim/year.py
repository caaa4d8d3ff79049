"""One office through one year under several rulebooks, all on the same draws (a paired run).

Everything random is drawn once per office from the run's seed and the office's index (`Draws`),
so the packs compared see the same people, the same ratings and the same attendance; only the
rules differ. Each rulebook then turns the draws into results with its decisions: the leaders'
rating hasil kerja from their unit's capaian organisasi, every person's predikat per quarter and
for the year, the curve check of every led unit, TPP per month and angka kredit for the year.
Decisions are taken on distinct inputs only (a population repeats them a lot), as arrays.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from sandbox.sim.behaviour import (
    ATTENDANCE,
    CAPAIAN,
    HUKUMAN,
    PREDIKAT,
    PROFILES,
    RATINGS,
    WORKING_DAYS,
    Assumptions,
)
from sandbox.sim.population import OfficeRows
from sandbox.sim.rulebook import SimRulebook, period_ends

PERIODS = ("tw1", "tw2", "tw3", "tw4", "tahunan")
ANNUAL = 4
AGE_BANDS = ("<30", "30-39", "40-49", "50-59", "60+")
_RADIX = WORKING_DAYS + 1


@dataclass
class People:
    """The office's people as arrays, plus what the report groups them by."""

    nip: list
    unit: np.ndarray  # index into units, -1 when the unit is not active
    atasan: np.ndarray  # index of the rater, -1 when outside the office (e.g. the Bupati)
    leads: np.ndarray  # index of the unit the person heads, -1 if none
    profile: np.ndarray
    besaran: np.ndarray  # monthly TPP base (rupiah)
    jenis_jabatan: list
    jenjang: list
    golongan: list  # PNS: I–IV; PPPK: "PPPK <golongan>"
    gender: list  # "L" / "P"
    age_band: list


@dataclass
class Draws:
    hasil: np.ndarray  # (n, 5) rating codes, after filing effects and rater tendency
    perilaku: np.ndarray  # (n, 5)
    capaian: np.ndarray  # (units, 5)
    attendance: np.ndarray  # (n, 12, 9) events per month
    hukuman: np.ndarray  # (n, 12) HUKUMAN code per month
    late: np.ndarray  # (n,) quarters filed late
    weak: np.ndarray  # (n,) quarters with weak evidence
    delegated: np.ndarray  # (n,) quarters filled in by an operator


@dataclass
class PackOutcome:
    predikat: np.ndarray  # (n, 5) PREDIKAT codes
    hasil: np.ndarray  # (n, 5) rating hasil kerja codes used (a leader's comes from the capaian)
    tpp: np.ndarray  # (n,) TPP received over the year
    angka_kredit: np.ndarray  # (n,) NaN when not a jabatan fungsional
    curves: list = field(default_factory=list)  # (unit index, period, capaian, size, sesuai, rule ids)


@dataclass
class OfficeOutcome:
    index: int
    instansi_id: str
    nama: str
    unit_ids: list
    unit_names: list
    people: People
    draws: Draws
    outcomes: dict  # rulebook label -> PackOutcome
    seconds: dict = field(default_factory=dict)  # time spent per phase (load, run), for bench/


def people_of(office: OfficeRows, year: int, assumptions: Assumptions) -> People:
    unit_index = {u["id"]: k for k, u in enumerate(office.units)}
    rows = office.people
    position = {p["nip"]: k for k, p in enumerate(rows)}
    leads = np.full(len(rows), -1, dtype=np.int32)
    for k, unit in enumerate(office.units):  # units by id: someone heading two leads the first
        head = position.get(unit["pimpinan_nip"])
        if head is not None and leads[head] < 0:
            leads[head] = k
    end = dt.date(year, 12, 31)
    besaran_of = assumptions.besaran_tpp
    besaran, bands, golongan = [], [], []
    for p in rows:
        kind = p["jenis_jabatan"]
        if kind == "fungsional":
            kind = "fungsional_ahli" if (p["jenjang"] or "").startswith("ahli") else "fungsional_terampil"
        besaran.append(besaran_of[kind])
        born = dt.date.fromisoformat(p["tanggal_lahir"])
        age = end.year - born.year - ((end.month, end.day) < (born.month, born.day))
        bands.append(AGE_BANDS[min(4, max(0, (age - 20) // 10))])
        golongan.append(p["golru"].split("/")[0] if p["jenis_asn"] == "PNS" else f"PPPK {p['golru']}")
    return People(
        nip=[p["nip"] for p in rows],
        unit=np.array([unit_index.get(p["unor_id"], -1) for p in rows], dtype=np.int32),
        atasan=np.array([position.get(p["atasan_nip"], -1) for p in rows], dtype=np.int32),
        leads=leads,
        profile=np.array([PROFILES.index(p["behaviour_profile"]) for p in rows], dtype=np.int8),
        besaran=np.array(besaran, dtype=np.int64),
        jenis_jabatan=[p["jenis_jabatan"] for p in rows],
        jenjang=[p["jenjang"] for p in rows],
        golongan=golongan,
        gender=["L" if p["jenis_kelamin"] == "1" else "P" for p in rows],
        age_band=bands,
    )


def _ordinal(rng, cumulative: np.ndarray, size) -> np.ndarray:
    """Draw 0/1/2 from per-row cumulative probabilities (cumulative[:, 0], cumulative[:, 1])."""
    u = rng.random(size)
    if u.ndim == 1:
        return (u >= cumulative[:, 0]).astype(np.int8) + (u >= cumulative[:, 1]).astype(np.int8)
    return (u >= cumulative[:, :1]).astype(np.int8) + (u >= cumulative[:, 1:2]).astype(np.int8)


def _persistent(rng, cumulative: np.ndarray, n: int, consistency: float) -> np.ndarray:
    """Quarterly codes around a level each person keeps all year (people differ more than quarters)."""
    level = _ordinal(rng, cumulative, n)[:, None] if n else np.zeros((0, 1), dtype=np.int8)
    fresh = _ordinal(rng, cumulative, (n, 4))
    return np.where(rng.random((n, 4)) < consistency, level, fresh).astype(np.int8)


def _annual(quarters: np.ndarray) -> np.ndarray:
    """The rounded mean of four quarterly codes (half rounds towards the worse outcome)."""
    return np.floor(quarters.mean(axis=1) + 0.5).astype(np.int8)


def draw(people: People, units: int, seed: int, index: int, a: Assumptions) -> Draws:
    rng = np.random.default_rng([seed, index])
    n = len(people.nip)
    profiles = [a.profiles[name] for name in PROFILES]
    hasil_p = np.cumsum(np.array([p.hasil for p in profiles]), axis=1)[people.profile]
    perilaku_p = np.cumsum(np.array([p.perilaku for p in profiles]), axis=1)[people.profile]
    late = rng.random((n, 4)) < np.array([p.late for p in profiles])[people.profile][:, None]
    weak = rng.random((n, 4)) < np.array([p.weak_evidence for p in profiles])[people.profile][:, None]
    delegated = rng.random((n, 4)) < np.array([p.delegated for p in profiles])[people.profile][:, None]

    tendency = rng.random(n)  # as a rater: lenient below lenient_share, strict next, else neutral
    lean = np.where(tendency < a.lenient_share, -1,
                    np.where(tendency < a.lenient_share + a.strict_share, 1, 0)).astype(np.int8)
    rater_lean = np.where(people.atasan >= 0, lean[np.maximum(people.atasan, 0)], 0)[:, None]

    hasil = _persistent(rng, hasil_p, n, a.consistency)
    hasil += (late & (rng.random((n, 4)) < a.late_penalty)).astype(np.int8)
    hasil += (weak & (rng.random((n, 4)) < a.evidence_penalty)).astype(np.int8)
    hasil += (rater_lean * (rng.random((n, 4)) < a.rater_shift)).astype(np.int8)
    hasil = np.clip(hasil, 0, 2)
    perilaku = _persistent(rng, perilaku_p, n, a.consistency)
    perilaku += (rater_lean * (rng.random((n, 4)) < a.rater_shift)).astype(np.int8)
    perilaku = np.clip(perilaku, 0, 2)

    capaian = rng.choice(len(CAPAIAN), size=(units, 4), p=np.array(a.capaian) / sum(a.capaian))
    rates = np.array([p.attendance for p in profiles])[people.profile]  # (n, 9)
    attendance = np.minimum(rng.poisson(rates[:, None, :], size=(n, 12, len(ATTENDANCE))), WORKING_DAYS)

    serves = rng.random(n) < a.hukuman_per_year
    kind = rng.integers(1, len(HUKUMAN), n)
    start = rng.integers(0, 12, n)
    months = np.array(a.hukuman_months)[kind]
    month = np.arange(12)[None, :]
    active = serves[:, None] & (month >= start[:, None]) & (month < (start + months)[:, None])
    hukuman = np.where(active, kind[:, None], 0).astype(np.int8)

    return Draws(
        hasil=np.column_stack([hasil, _annual(hasil)]),
        perilaku=np.column_stack([perilaku, _annual(perilaku)]),
        capaian=np.column_stack([capaian, _annual(capaian)]).astype(np.int8),
        attendance=attendance.astype(np.int16), hukuman=hukuman,
        late=late.sum(axis=1).astype(np.int8), weak=weak.sum(axis=1).astype(np.int8),
        delegated=delegated.sum(axis=1).astype(np.int8))


def evaluate(office: OfficeRows, people: People, draws: Draws, book: SimRulebook) -> PackOutcome:
    """Turn one office's draws into results under one rulebook."""
    ends = period_ends(book.year)
    n = len(people.nip)
    hasil = draws.hasil.copy()
    led = people.leads >= 0
    predikat = np.zeros((n, 5), dtype=np.int8)
    for q, on in enumerate(ends):
        leader = np.array([book.code(RATINGS, "rating_hasil_kerja_pimpinan", "rating_hasil_kerja",
                                     book.evaluate("rating_hasil_kerja_pimpinan", on, c,
                                                   {"predikat_organisasi": CAPAIAN[c]}))
                           for c in range(len(CAPAIAN))], dtype=np.int8)
        hasil[led, q] = leader[draws.capaian[people.leads[led], q]]
        table = np.array([book.code(PREDIKAT, "predikat", "predikat", book.evaluate(
            "predikat", on, (h, p), {"rating_hasil_kerja": RATINGS[h], "rating_perilaku": RATINGS[p]}))
            for h in range(3) for p in range(3)], dtype=np.int8)
        predikat[:, q] = table[hasil[:, q] * 3 + draws.perilaku[:, q]]
    return PackOutcome(predikat=predikat, hasil=hasil, tpp=_tpp(people, draws, predikat, book, ends),
                       angka_kredit=_angka_kredit(people, predikat, book, ends[ANNUAL]),
                       curves=_curves(office, people, draws, predikat, book, ends))


def _curves(office, people, draws, predikat, book, ends) -> list:
    """The curve check of every led unit and period: its subtree without its head (workflow.kurva)."""
    units = office.units
    parent = {u["id"]: u["parent_id"] for u in units}
    index = {u["id"]: k for k, u in enumerate(units)}
    depth = {}
    for u in units:
        d, at = 0, u["parent_id"]
        while at in index and d < 64:
            d, at = d + 1, parent[at]
        depth[u["id"]] = d
    order = sorted(range(len(units)), key=lambda k: -depth[units[k]["id"]])
    inside = people.unit >= 0
    head_of = np.full(len(units), -1, dtype=np.int64)
    led = np.flatnonzero(people.leads >= 0)
    head_of[people.leads[led]] = led
    results = []
    for q, on in enumerate(ends):
        counts = np.zeros((len(units), 5), dtype=np.int64)
        np.add.at(counts, (people.unit[inside], predikat[inside, q]), 1)
        for k in order:  # deepest first: add each unit's subtree into its parent
            up = index.get(units[k]["parent_id"])
            if up is not None:
                counts[up] += counts[k]
        for k in range(len(units)):
            head = head_of[k]
            if head < 0:
                continue
            shown = counts[k].copy()
            if _within(people.unit[head], k, units, index):  # the head is counted in the subtree
                shown[predikat[head, q]] -= 1
            size = int(shown.sum())
            if size == 0:
                continue
            c = int(draws.capaian[k, q])
            key = (c, *map(int, shown))
            outputs = book.evaluate("kurva", on, key, lambda c=c, shown=shown: {
                "predikat_organisasi": CAPAIAN[c],
                **{f"jumlah_{name}": int(v) for name, v in zip(PREDIKAT, shown, strict=True)}},
                wanted=("pelanggaran", "kurva_sesuai"))
            rules = tuple(item["rule"] for item in outputs["pelanggaran"] or [])
            results.append((k, q, c, size, bool(outputs["kurva_sesuai"]), rules))
    return results


def _within(unit: int, top: int, units: list, index: dict) -> bool:
    """Whether unit index `unit` is `top` or below it (a head usually sits in the unit they lead)."""
    steps = 0
    while unit is not None and unit >= 0 and steps < 64:
        if unit == top:
            return True
        unit = index.get(units[unit]["parent_id"])
        steps += 1
    return False


def _tpp(people, draws, predikat, book, ends) -> np.ndarray:
    """TPP received per month (the quarter's predikat), summed over the year."""
    besaran_values = sorted(set(people.besaran.tolist()))
    besaran_code = np.searchsorted(np.array(besaran_values), people.besaran)
    total = np.zeros(len(people.nip), dtype=np.float64)
    for month in range(12):
        q = month // 3
        key = besaran_code.astype(np.int64)
        key = key * len(PREDIKAT) + predikat[:, q]
        key = key * len(HUKUMAN) + draws.hukuman[:, month]
        for kind in range(len(ATTENDANCE)):
            key = key * _RADIX + draws.attendance[:, month, kind]
        distinct, inverse = np.unique(key, return_inverse=True)
        received = np.empty(len(distinct), dtype=np.float64)
        amounts = tuple(besaran_values)  # the code's first digit indexes this office's amounts
        for j, code in enumerate(distinct.tolist()):
            received[j] = book.evaluate("tpp", ends[q], (amounts, code), lambda code=code: _tpp_inputs(
                code, besaran_values), wanted=("tpp_diterima",))["tpp_diterima"]
        total += received[inverse.reshape(-1)]
    return total


def _tpp_inputs(code: int, besaran_values: list) -> dict:
    counts = []
    for _ in ATTENDANCE:
        code, count = divmod(code, _RADIX)
        counts.append(count)
    code, hukuman = divmod(code, len(HUKUMAN))
    code, predikat = divmod(code, len(PREDIKAT))
    return {"besaran_tpp": besaran_values[code], "predikat": PREDIKAT[predikat],
            "hukuman_disiplin": HUKUMAN[hukuman],
            **{name: count for name, count in zip(ATTENDANCE, reversed(counts), strict=True)}}


def _angka_kredit(people, predikat, book, on) -> np.ndarray:
    """Angka kredit of the year for jabatan fungsional from the annual predikat; NaN for others."""
    known = set(book.packs["angka_kredit"].decisions["angka_kredit"].inputs["jenjang"].values)
    result = np.full(len(people.nip), np.nan)
    for i, (kind, jenjang) in enumerate(zip(people.jenis_jabatan, people.jenjang, strict=True)):
        if kind != "fungsional" or jenjang not in known:
            continue
        p = int(predikat[i, ANNUAL])
        result[i] = book.evaluate("angka_kredit", on, (jenjang, p), lambda j=jenjang, p=p: {
            "jenjang": j, "predikat": PREDIKAT[p], "bulan": 12}, wanted=("angka_kredit",))["angka_kredit"]
    return result


def run_office(office: OfficeRows, index: int, books: list[SimRulebook], seed: int,
               assumptions: Assumptions) -> OfficeOutcome:
    """The unit of work: one office, one year, every rulebook on the same draws."""
    people = people_of(office, books[0].year, assumptions)
    draws = draw(people, len(office.units), seed, index, assumptions)
    outcomes = {book.label: evaluate(office, people, draws, book) for book in books}
    return OfficeOutcome(index, office.instansi_id, office.nama, [u["id"] for u in office.units],
                         [u["nama"] for u in office.units], people, draws, outcomes)
