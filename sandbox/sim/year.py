"""One office through one year under several rulebooks, all on the same draws (a paired run).

Everything random is drawn once per office from the run's seed and the office's index (`Draws`),
so the packs compared see the same people, the same ratings, the same numeric positions and the
same attendance; only the rules differ. Each unit's capaian organisasi follows its staff's ratings
(`_capaian`). Each rulebook then turns the draws into results with its model (`Kuadran`, `Nilai`,
`Iki`): per period a predikat for everyone, the curve check of every led unit and the adjustment
step bringing broken units into it (`sandbox.sim.adjust`), then TPP per month and angka kredit for
the year. A month's TPP is cut by the predikat of the money pack's period (`bulan_per_periode`): the
quarter's (3, the default), the year's (12) or the month's own (1: `monthly_ratings` draws a rating
per month around the quarter's, from a generator of its own, so every quarterly draw stays as it was).
Decisions are taken on distinct inputs only (a population repeats them a lot), as arrays.
An imported office's given values (`population.Given`) replace the drawn ones after every draw is
made, so the draws of whatever is not given stay exactly those of an office with nothing given.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from statistics import NormalDist

import numpy as np

from sandbox.sim.adjust import Tree, curve_period, tree_of
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
from sandbox.sim.population import Given, OfficeRows
from sandbox.sim.rulebook import SimRulebook, period_ends

PERIODS = ("tw1", "tw2", "tw3", "tw4", "tahunan")
ANNUAL = 4
AGE_BANDS = ("<30", "30-39", "40-49", "50-59", "60+")
_RADIX = WORKING_DAYS + 1
_GRID = 100  # numeric models: nilai in hundredths (PP 30/2019 nilai carry two decimals)


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
    latent: np.ndarray  # (n,) the person's level draw in [0, 1): lower is better (ranks within a predikat)
    capaian: np.ndarray  # (units, 5)
    attendance: np.ndarray  # (n, 12, 9) events per month
    hukuman: np.ndarray  # (n, 12) HUKUMAN code per month
    late: np.ndarray  # (n,) quarters filed late
    weak: np.ndarray  # (n,) quarters with weak evidence
    delegated: np.ndarray  # (n,) quarters filled in by an operator
    prefer_up: np.ndarray  # (units,) the unit head moves people up when either way fits the curve
    position_skp: np.ndarray  # (n, 4) place in the nilai SKP band of the quarter's rating, 0..1
    position_perilaku: np.ndarray  # (n, 4)
    inovasi: np.ndarray  # (n,) created a new idea or way this year (PP 30/2019 Pasal 41(5)a)
    penilaian_360: bool  # the instansi uses peer and subordinate input (PP 30/2019 Pasal 41(4))
    position_iki: np.ndarray  # (n, 4, IKI) place in the realisasi band of the quarter's rating
    stream: tuple = ()  # (seed, office index): seeds the monthly draws, made only when a pack needs them
    monthly: dict = field(default_factory=dict)  # the monthly draws once made (shared by every pack)


@dataclass
class PackOutcome:
    predikat: np.ndarray  # (n, 5) PREDIKAT codes, after the curve adjustment
    awal: np.ndarray  # (n, 5) PREDIKAT codes before it (as first rated)
    hasil: np.ndarray  # (n, 5) rating hasil kerja codes used (a leader's comes from the capaian)
    perilaku: np.ndarray  # (n, 5) rating perilaku codes used
    tpp: np.ndarray  # (n,) TPP received over the year; NaN when TPP is not simulated
    angka_kredit: np.ndarray  # (n,) NaN when not a jabatan fungsional
    curves: list = field(default_factory=list)  # adjust.UnitCheck per led unit and period
    nilai: np.ndarray | None = None  # (n, 3) annual nilai SKP, perilaku, kinerja (numeric models)
    simulated: frozenset = frozenset()  # decisions simulated (a fill-in not in force is not)
    bulanan: np.ndarray | None = None  # (n, 12) PREDIKAT codes of each month (money pack monthly only)


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
    besaran = np.array(besaran, dtype=np.int64)
    if office.given is not None and office.given.besaran is not None:
        besaran = np.where(office.given.besaran >= 0, office.given.besaran, besaran)
    return People(
        nip=[p["nip"] for p in rows],
        unit=np.array([unit_index.get(p["unor_id"], -1) for p in rows], dtype=np.int32),
        atasan=np.array([position.get(p["atasan_nip"], -1) for p in rows], dtype=np.int32),
        leads=leads,
        profile=np.array([PROFILES.index(p["behaviour_profile"]) for p in rows], dtype=np.int8),
        besaran=besaran,
        jenis_jabatan=[p["jenis_jabatan"] for p in rows],
        jenjang=[p["jenjang"] for p in rows],
        golongan=golongan,
        gender=["L" if p["jenis_kelamin"] == "1" else "P" for p in rows],
        age_band=bands,
    )


def _ordinal(rng, cumulative: np.ndarray, size) -> np.ndarray:
    """Draw 0/1/2 from per-row cumulative probabilities (cumulative[:, 0], cumulative[:, 1])."""
    return _codes(rng.random(size), cumulative)


def _codes(u: np.ndarray, cumulative: np.ndarray) -> np.ndarray:
    if u.ndim == 1:
        return (u >= cumulative[:, 0]).astype(np.int8) + (u >= cumulative[:, 1]).astype(np.int8)
    return (u >= cumulative[:, :1]).astype(np.int8) + (u >= cumulative[:, 1:2]).astype(np.int8)


def _persistent(rng, cumulative: np.ndarray, n: int, consistency: float) -> tuple[np.ndarray, np.ndarray]:
    """Quarterly codes around a level each person keeps all year (people differ more than quarters),
    and the uniform draw of that level (lower is better: it ranks people within a level)."""
    u = rng.random(n)
    level = _codes(u, cumulative)[:, None] if n else np.zeros((0, 1), dtype=np.int8)
    fresh = _ordinal(rng, cumulative, (n, 4))
    return np.where(rng.random((n, 4)) < consistency, level, fresh).astype(np.int8), u


def _annual(quarters: np.ndarray) -> np.ndarray:
    """The rounded mean of four quarterly codes (half rounds towards the worse outcome)."""
    return np.floor(quarters.mean(axis=1) + 0.5).astype(np.int8)


def _given(drawn: np.ndarray, given: np.ndarray | None) -> np.ndarray:
    """The drawn values with each given one (>= 0) in its place."""
    return drawn if given is None else np.where(given >= 0, given, drawn).astype(drawn.dtype)


def draw(people: People, tree: Tree, units: int, seed: int, index: int, a: Assumptions,
         given: Given | None = None) -> Draws:
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

    hasil, latent = _persistent(rng, hasil_p, n, a.consistency)
    hasil += (late & (rng.random((n, 4)) < a.late_penalty)).astype(np.int8)
    hasil += (weak & (rng.random((n, 4)) < a.evidence_penalty)).astype(np.int8)
    hasil += (rater_lean * (rng.random((n, 4)) < a.rater_shift)).astype(np.int8)
    hasil = np.clip(hasil, 0, 2)
    if given is not None:
        hasil = _given(hasil, given.hasil)
    perilaku, latent_perilaku = _persistent(rng, perilaku_p, n, a.consistency)
    perilaku += (rater_lean * (rng.random((n, 4)) < a.rater_shift)).astype(np.int8)
    perilaku = np.clip(perilaku, 0, 2)
    if given is not None:
        perilaku = _given(perilaku, given.perilaku)

    capaian = _capaian(tree, units, hasil, rng.standard_normal((units, 4)), a)
    rates = np.array([p.attendance for p in profiles])[people.profile]  # (n, 9)
    attendance = np.minimum(rng.poisson(rates[:, None, :], size=(n, 12, len(ATTENDANCE))), WORKING_DAYS)
    if given is not None:
        capaian = _given(capaian, given.capaian)
        attendance = _given(attendance, given.attendance)

    serves = rng.random(n) < a.hukuman_per_year
    weights = np.array(a.hukuman_weights, dtype=float)
    kind = rng.choice(np.arange(1, len(HUKUMAN)), size=n, p=weights / weights.sum())
    start = rng.integers(0, 12, n)
    months = np.array(a.hukuman_months)[kind]
    month = np.arange(12)[None, :]
    active = serves[:, None] & (month >= start[:, None]) & (month < (start + months)[:, None])
    hukuman = np.where(active, kind[:, None], 0).astype(np.int8)

    annual_hasil = _annual(hasil)
    prefer_up = rng.random(units) < a.adjust_up_share
    k = a.consistency  # a place in a band follows the person's level as much as the ratings do
    position_skp = k * (1 - latent)[:, None] + (1 - k) * rng.random((n, 4))
    position_perilaku = k * (1 - latent_perilaku)[:, None] + (1 - k) * rng.random((n, 4))
    inovasi = rng.random(n) < np.array(a.inovasi)[annual_hasil]
    penilaian_360 = bool(rng.random() < a.penilaian_360)
    position_iki = k * (1 - latent)[:, None, None] + (1 - k) * rng.random((n, 4, a.iki_per_person))

    return Draws(
        hasil=np.column_stack([hasil, annual_hasil]),
        perilaku=np.column_stack([perilaku, _annual(perilaku)]), latent=latent,
        capaian=np.column_stack([capaian, _annual(capaian)]).astype(np.int8),
        attendance=attendance.astype(np.int16), hukuman=hukuman,
        late=late.sum(axis=1).astype(np.int8), weak=weak.sum(axis=1).astype(np.int8),
        delegated=delegated.sum(axis=1).astype(np.int8), prefer_up=prefer_up,
        position_skp=position_skp, position_perilaku=position_perilaku, inovasi=inovasi,
        penilaian_360=penilaian_360, position_iki=position_iki, stream=(seed, index))


MONTHLY_STREAM = 0x62756C  # "bul": the monthly draws' own generator, apart from the quarterly one


def monthly_ratings(people: People, draws: Draws, a: Assumptions) -> dict:
    """Per person and month: does the rating hasil kerja (perilaku) keep the quarter's, and the fresh
    draw from the profile's distribution when it does not (probability 1 − consistency, as a quarter
    departs from the person's level). Drawn once per office from a generator seeded apart from the
    quarterly draws, so runs without a monthly pack draw exactly what they always did; every pack of a
    paired run reads the same months."""
    if not draws.monthly:
        rng = np.random.default_rng([*draws.stream, MONTHLY_STREAM])
        n = len(people.nip)
        profiles = [a.profiles[name] for name in PROFILES]
        hasil_p = np.cumsum(np.array([p.hasil for p in profiles]), axis=1)[people.profile]
        perilaku_p = np.cumsum(np.array([p.perilaku for p in profiles]), axis=1)[people.profile]
        draws.monthly.update(
            keep_hasil=rng.random((n, 12)) < a.consistency, hasil=_ordinal(rng, hasil_p, (n, 12)),
            keep_perilaku=rng.random((n, 12)) < a.consistency, perilaku=_ordinal(rng, perilaku_p, (n, 12)))
    return draws.monthly


def _monthly_predikat(people: People, draws: Draws, model, book: SimRulebook, a: Assumptions) -> np.ndarray:
    """Each month's predikat: the month's ratings (the quarter's as finally rated, or the month's own
    draw) through the pack's predikat decision, taken on the quarter's last day as the quarter's was
    (the packs are checked in force on those days). A unit head's rating hasil kerja follows the
    unit's quarterly capaian, so it stays the quarter's."""
    months = monthly_ratings(people, draws, a)
    head = people.leads >= 0
    out = np.zeros((len(people.nip), 12), dtype=np.int8)
    ends = period_ends(book.year)
    for month in range(12):
        q, on = month // 3, ends[month // 3]
        h = np.where(months["keep_hasil"][:, month] | head, model.hasil[:, q], months["hasil"][:, month])
        p = np.where(months["keep_perilaku"][:, month], model.perilaku[:, q], months["perilaku"][:, month])
        table = np.array([book.code(PREDIKAT, "predikat", "predikat", book.evaluate(
            "predikat", on, (i, j), {"rating_hasil_kerja": RATINGS[i], "rating_perilaku": RATINGS[j]}))
            for i in range(3) for j in range(3)], dtype=np.int8)
        out[:, month] = table[h * 3 + p]
    return out


def _capaian(tree: Tree, units: int, hasil: np.ndarray, noise: np.ndarray, a: Assumptions) -> np.ndarray:
    """Capaian organisasi per unit and quarter, following the unit's staff and the unit above it.

    A unit's staff score is the mean rating hasil kerja of its subtree (its head excluded),
    standardised over the office's units. Its own latent capaian is −s·score + √(1−s²)·noise
    (s = `ikut_staf`); a unit under a led unit takes p·(the parent's latent) + √(1−p²)·(its own)
    (p = `ikut_induk`: the performance agreement cascades). The latent is cut at the standard normal
    quantiles of the stated shares, so the shares stay as stated, the units whose staff are rated
    best tend to be Istimewa, and a unit seldom lands far from the unit above it.
    """
    sums = np.zeros((units, 4))
    np.add.at(sums, tree.pair_unit, hasil[tree.pair_person])
    sizes = np.bincount(tree.pair_unit, minlength=units)
    score = np.zeros((units, 4))
    has = sizes > 0
    if has.any():
        mean = sums[has] / sizes[has, None]
        spread = mean.std(axis=0)
        score[has] = np.where(spread > 0, (mean - mean.mean(axis=0)) / np.where(spread > 0, spread, 1), 0)
    s, p = a.capaian_follows_staff, a.capaian_follows_parent
    own = -s * score + math.sqrt(max(0.0, 1 - s * s)) * noise
    latent = own.copy()
    for k in tree.top_down:  # parents first
        up = tree.parent[k]
        if up >= 0 and tree.head[up] >= 0:
            latent[k] = p * latent[up] + math.sqrt(max(0.0, 1 - p * p)) * own[k]
    cumulative = np.cumsum(a.capaian)[:-1]
    normal = NormalDist()
    cuts = [normal.inv_cdf(1 - c) if 0 < c < 1 else (-math.inf if c >= 1 else math.inf) for c in cumulative]
    return sum((latent < cut).astype(np.int8) for cut in cuts).astype(np.int8)


# -- the models: how a pack turns the draws into a predikat, and how a moved person is re-rated ----


class Kuadran:
    """PermenPANRB 6/2022: rating hasil kerja × rating perilaku → predikat (the pack's table)."""

    vectorised = True  # re-rates many people at once (`rerate_many`)

    def __init__(self, people: People, draws: Draws, book: SimRulebook, ends: tuple):
        self.book, self.ends, self.draws, self.people = book, ends, draws, people
        self.hasil, self.perilaku = draws.hasil.copy(), draws.perilaku.copy()
        self.is_head = people.leads >= 0
        self.key = np.zeros(self.hasil.shape)
        self.moves: dict = {}

    def decide(self, q: int) -> np.ndarray:
        on, book = self.ends[q], self.book
        if q == ANNUAL:  # the year's ratings follow the quarters as (re-)rated
            self.hasil[:, q] = _annual(self.hasil[:, :ANNUAL])
            self.perilaku[:, q] = _annual(self.perilaku[:, :ANNUAL])
        led = self.is_head
        if book.has("rating_hasil_kerja_pimpinan") and led.any():
            leader = np.array([book.code(RATINGS, "rating_hasil_kerja_pimpinan", "rating_hasil_kerja",
                                         book.evaluate("rating_hasil_kerja_pimpinan", on, c,
                                                       {"predikat_organisasi": CAPAIAN[c]}))
                               for c in range(len(CAPAIAN))], dtype=np.int8)
            self.hasil[led, q] = leader[self.draws.capaian[self.people.leads[led], q]]
        table = np.array([book.code(PREDIKAT, "predikat", "predikat", book.evaluate(
            "predikat", on, (h, p), {"rating_hasil_kerja": RATINGS[h], "rating_perilaku": RATINGS[p]}))
            for h in range(3) for p in range(3)], dtype=np.int8)
        self.moves[q] = _nearest_cells(table)
        self._rekey(slice(None), q)
        return table[self.hasil[:, q] * 3 + self.perilaku[:, q]]

    def _rekey(self, who, q: int) -> None:
        """Higher is better: hasil kerja first, then perilaku, then the person's latent level."""
        self.key[who, q] = (3 * (2 - self.hasil[who, q]) + (2 - self.perilaku[who, q])
                            + 0.9 * (1 - self.draws.latent[who]))

    def rerate(self, candidates: np.ndarray, q: int, target: int, wanted: int, accept=None) -> np.ndarray:
        """Re-rate up to `wanted` candidates (in order, each only if `accept(person)` when given)
        to the nearest cell giving `target`."""
        cells = self.moves[q][self.hasil[candidates, q], self.perilaku[candidates, q],
                              self.is_head[candidates].astype(np.int8), target]
        ok = cells >= 0
        chosen, cells = candidates[ok], cells[ok]
        if accept is None:
            chosen, cells = chosen[:wanted], cells[:wanted]
        else:
            keep = []
            for r in np.flatnonzero(ok).tolist():
                if len(keep) == wanted:
                    break
                if accept(r):
                    keep.append(r)
            chosen = candidates[keep]
            cells = self.moves[q][self.hasil[chosen, q], self.perilaku[chosen, q],
                                  self.is_head[chosen].astype(np.int8), target]
        self.hasil[chosen, q] = cells // 3
        self.perilaku[chosen, q] = cells % 3
        self._rekey(chosen, q)
        return chosen


    def rerate_many(self, people: np.ndarray, q: int, targets: np.ndarray) -> np.ndarray:
        """Re-rate each person to the nearest cell giving their target; a mask of who could be."""
        cells = self.moves[q][self.hasil[people, q], self.perilaku[people, q],
                              self.is_head[people].astype(np.int8), targets]
        ok = cells >= 0
        who, cells = people[ok], cells[ok]
        self.hasil[who, q] = cells // 3
        self.perilaku[who, q] = cells % 3
        self._rekey(who, q)
        return ok


def _nearest_cells(table: np.ndarray) -> np.ndarray:
    """[hasil, perilaku, is head, target predikat] -> the nearest cell (h*3+p) with that predikat, or
    -1; a head keeps the rating hasil kerja the capaian gives (W9), so only perilaku may change.
    Nearest: fewest steps, then the fewest in perilaku (the curve is about results)."""
    out = np.full((3, 3, 2, len(PREDIKAT)), -1, dtype=np.int16)
    for h in range(3):
        for p in range(3):
            for head in (0, 1):
                for target in range(len(PREDIKAT)):
                    best = None
                    for h2 in range(3):
                        for p2 in range(3):
                            if table[h2 * 3 + p2] != target or (head and h2 != h):
                                continue
                            cost = (abs(h2 - h) + abs(p2 - p), abs(p2 - p))
                            if best is None or cost < best[0]:
                                best = (cost, h2 * 3 + p2)
                    if best is not None:
                        out[h, p, head, target] = best[1]
    return out


class Nilai:
    """PP 30/2019's numeric model: nilai SKP and nilai perilaku (0–120) → nilai kinerja → predikat.

    Nilai are drawn in the stated band of each person's rating for the quarter, at a place that
    follows the person's level; the year's nilai is the mean of the quarters (as re-rated). A person
    the curve moves gets the nilai SKP nearest their own that gives the new predikat.
    """

    def __init__(self, people: People, draws: Draws, book: SimRulebook, ends: tuple, a: Assumptions):
        self.book, self.ends, self.draws = book, ends, draws
        n = len(people.nip)
        self.is_head = people.leads >= 0
        self.skp = np.zeros((n, 5), dtype=np.int64)  # hundredths
        self.perilaku = np.zeros((n, 5), dtype=np.int64)
        self.kinerja = np.zeros((n, 5))
        self.key = np.zeros((n, 5))
        self.skp[:, :ANNUAL] = self._quarterly_skp(a)
        self.perilaku[:, :ANNUAL] = _in_band(a.nilai_perilaku, draws.perilaku[:, :ANNUAL],
                                             draws.position_perilaku)
        self.inovasi = draws.inovasi

    def _quarterly_skp(self, a: Assumptions) -> np.ndarray:
        return _in_band(a.nilai_skp, self.draws.hasil[:, :ANNUAL], self.draws.position_skp)

    def decide(self, q: int) -> np.ndarray:
        if q == ANNUAL:
            self.skp[:, q] = np.floor(self.skp[:, :ANNUAL].mean(axis=1) + 0.5)
            self.perilaku[:, q] = np.floor(self.perilaku[:, :ANNUAL].mean(axis=1) + 0.5)
        keys = (self.skp[:, q] * (120 * _GRID + 1) + self.perilaku[:, q]) * 2 + self.inovasi
        distinct, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        codes = np.empty(len(distinct), dtype=np.int8)
        values = np.empty(len(distinct))
        for j, person in enumerate(first.tolist()):
            codes[j], values[j] = self._decide(q, int(self.skp[person, q]), int(self.perilaku[person, q]),
                                               bool(self.inovasi[person]))
        inverse = inverse.reshape(-1)
        self.kinerja[:, q] = values[inverse]
        self.key[:, q] = self.kinerja[:, q] + 1e-3 * (1 - self.draws.latent)
        return codes[inverse]

    def _decide(self, q: int, skp: int, perilaku: int, inovasi: bool) -> tuple[int, float]:
        book, p360 = self.book, self.draws.penilaian_360
        outputs = book.evaluate("nilai_kinerja", self.ends[q], (skp, perilaku, inovasi, p360), lambda: {
            "nilai_skp": skp / _GRID, "nilai_perilaku": perilaku / _GRID, "penilaian_360": p360,
            "inovasi": inovasi}, wanted=("predikat", "nilai_kinerja"))
        return book.code(PREDIKAT, "nilai_kinerja", "predikat", outputs), float(outputs["nilai_kinerja"])

    def rerate(self, candidates: np.ndarray, q: int, target: int, wanted: int, accept=None) -> np.ndarray:
        chosen = []
        for r, person in enumerate(candidates.tolist()):
            if len(chosen) == wanted:
                break
            found = self._nearest_skp(person, q, target)
            if found is not None and (accept is None or accept(r)):
                self.skp[person, q] = found
                _, self.kinerja[person, q] = self._decide(q, found, int(self.perilaku[person, q]),
                                                          bool(self.inovasi[person]))
                self.key[person, q] = self.kinerja[person, q] + 1e-3 * (1 - self.draws.latent[person])
                chosen.append(person)
        return np.array(chosen, dtype=np.int64)

    def _nearest_skp(self, person: int, q: int, target: int) -> int | None:
        """The nilai SKP (hundredths) nearest the person's that gives `target`; None if none does.
        The predikat only gets better as nilai SKP rises, so a binary search finds the boundary."""
        perilaku, inovasi = int(self.perilaku[person, q]), bool(self.inovasi[person])

        def code(x: int) -> int:
            return self._decide(q, x, perilaku, inovasi)[0]

        now = int(self.skp[person, q])
        if target > code(now):  # worse: the highest nilai below that is rated `target` or worse
            low, high = 0, now
            if code(low) < target:
                return None
            while high - low > 1:
                middle = (low + high) // 2
                low, high = (middle, high) if code(middle) >= target else (low, middle)
            return low if code(low) == target else None
        low, high = now, 120 * _GRID  # better: the lowest nilai above that is rated `target` or better
        if code(high) > target:
            return None
        while high - low > 1:
            middle = (low + high) // 2
            low, high = (low, middle) if code(middle) <= target else (middle, high)
        return high if code(high) == target else None


class Iki(Nilai):
    """PermenPANRB 8/2021: nilai SKP is the mean nilai capaian of the person's IKI (`capaian_iki`,
    realisasi drawn as a share of target in the band of the quarter's rating); then as `Nilai`."""

    def _quarterly_skp(self, a: Assumptions) -> np.ndarray:
        bands = np.array(a.iki_realisasi)
        codes = np.repeat(self.draws.hasil[:, :ANNUAL, None], a.iki_per_person, axis=2)
        low, high = bands[codes, 0], bands[codes, 1]
        tenths = (low + (high - low) * self.draws.position_iki) * 10
        realisasi = np.floor(tenths + 0.5).astype(np.int64)  # realisasi in tenths of a per cent
        distinct, inverse = np.unique(realisasi, return_inverse=True)
        nilai = np.empty((len(distinct), ANNUAL))
        for q in range(ANNUAL):
            for j, value in enumerate(distinct.tolist()):
                outputs = self.book.evaluate("capaian_iki", self.ends[q], value, lambda v=value: {
                    "target": 100, "realisasi": v / 10}, wanted=("nilai",))
                nilai[j, q] = float(outputs["nilai"])
        per_iki = nilai[inverse.reshape(realisasi.shape), np.arange(ANNUAL)[None, :, None]]
        return np.floor(per_iki.mean(axis=2) * _GRID + 0.5).astype(np.int64)


def _in_band(bands: tuple, codes: np.ndarray, position: np.ndarray) -> np.ndarray:
    """Nilai in hundredths: low + (high − low) × position within the band of each code."""
    table = np.array(bands, dtype=float)
    low, high = table[codes, 0], table[codes, 1]
    return np.floor((low + (high - low) * np.clip(position, 0, 1)) * _GRID + 0.5).astype(np.int64)


def evaluate(office: OfficeRows, people: People, draws: Draws, tree: Tree, book: SimRulebook,
             assumptions: Assumptions) -> PackOutcome:
    """Turn one office's draws into results under one rulebook."""
    ends = period_ends(book.year)
    n = len(people.nip)
    if book.model == "kuadran":
        model = Kuadran(people, draws, book, ends)
    else:
        model = (Iki if book.model == "iki" else Nilai)(people, draws, book, ends, assumptions)
    predikat = np.zeros((n, 5), dtype=np.int8)
    awal = np.zeros((n, 5), dtype=np.int8)
    curves = []
    for q, on in enumerate(ends):
        decided = model.decide(q).astype(np.int8)
        awal[:, q] = decided
        if book.has("kurva"):
            curves += curve_period(tree, len(office.units), decided, model, q, book, on, draws.capaian[:, q],
                                   draws.prefer_up, assumptions)
        predikat[:, q] = decided
    if book.model == "kuadran":
        hasil, perilaku, nilai = model.hasil, model.perilaku, None
    else:
        hasil, perilaku = draws.hasil, draws.perilaku
        nilai = np.column_stack([model.skp[:, ANNUAL] / _GRID, model.perilaku[:, ANNUAL] / _GRID,
                                 model.kinerja[:, ANNUAL]])
    bulanan = None
    if book.has("tpp"):
        plan = book.money
        if plan.bulan == 1 and plan.predikat and book.model == "kuadran":
            bulanan = _monthly_predikat(people, draws, model, book, assumptions)
        tpp = _tpp(people, draws, predikat, book, ends, plan, bulanan)
    else:
        tpp = np.full(n, np.nan)
    credit = (_angka_kredit(people, predikat, book, ends[ANNUAL]) if book.has("angka_kredit")
              else np.full(n, np.nan))
    return PackOutcome(predikat=predikat, awal=awal, hasil=hasil, perilaku=perilaku, tpp=tpp,
                       angka_kredit=credit, curves=curves, nilai=nilai, simulated=frozenset(book.packs),
                       bulanan=bulanan)


def _tpp(people, draws, predikat, book, ends, plan=None, bulanan=None) -> np.ndarray:
    """TPP received per month, summed over the year. The month's predikat is its quarter's (the
    money pack's `bulan_per_periode` 3), the year's (12: decided on the year's last day) or its own
    (1: `bulanan`); otherwise a month is decided on its quarter's last day. Only the inputs the pack
    reads enter the key (the original TPP decision's key is built exactly as it always was)."""
    plan = plan or book.money
    besaran_values = sorted(set(people.besaran.tolist()))
    besaran_code = np.searchsorted(np.array(besaran_values), people.besaran)
    total = np.zeros(len(people.nip), dtype=np.float64)
    decode = _tpp_inputs if plan.classic else _money_inputs(plan, book.year)
    for month in range(12):
        q = month // 3
        if bulanan is not None:
            column, on = bulanan[:, month], ends[q]
        elif plan.bulan == 12:
            column, on = predikat[:, ANNUAL], ends[ANNUAL]
        else:
            column, on = predikat[:, q], ends[q]
        key = besaran_code.astype(np.int64)
        if plan.classic:
            key = key * len(PREDIKAT) + column
            key = key * len(HUKUMAN) + draws.hukuman[:, month]
            for kind in range(len(ATTENDANCE)):
                key = key * _RADIX + draws.attendance[:, month, kind]
        else:
            if plan.predikat:
                key = key * len(PREDIKAT) + column
            if plan.hukuman:
                key = key * len(HUKUMAN) + draws.hukuman[:, month]
            for _, kinds, most in plan.counts:
                count = draws.attendance[:, month, kinds[0]].astype(np.int64)
                for kind in kinds[1:]:
                    count = count + draws.attendance[:, month, kind]
                if most is not None:
                    count = np.minimum(count, most)
                key = key * (len(kinds) * WORKING_DAYS + 1) + count
        distinct, inverse = np.unique(key, return_inverse=True)
        received = np.empty(len(distinct), dtype=np.float64)
        amounts = tuple(besaran_values)  # the code's first digit indexes this office's amounts
        for j, code in enumerate(distinct.tolist()):
            received[j] = book.evaluate("tpp", on, (amounts, code), lambda code=code: decode(
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


def _money_inputs(plan, year: int):
    """The decoder of a money pack's key (built in `_tpp`): its inputs by their regulation names."""

    def decode(code: int, besaran_values: list) -> dict:
        counted = {}
        for name, kinds, _ in reversed(plan.counts):
            code, counted[name] = divmod(code, len(kinds) * WORKING_DAYS + 1)
        hukuman = predikat = 0
        if plan.hukuman:
            code, hukuman = divmod(code, len(HUKUMAN))
        if plan.predikat:
            code, predikat = divmod(code, len(PREDIKAT))
        return plan.inputs(besaran_values[code], predikat, HUKUMAN[hukuman],
                           {name: counted[name] for name, _, _ in plan.counts}, year)

    return decode


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
    tree = tree_of(office.units, people.unit, people.leads)
    draws = draw(people, tree, len(office.units), seed, index, assumptions, office.given)
    outcomes = {book.label: evaluate(office, people, draws, tree, book, assumptions) for book in books}
    return OfficeOutcome(index, office.instansi_id, office.nama, [u["id"] for u in office.units],
                         [u["nama"] for u in office.units], people, draws, outcomes)
