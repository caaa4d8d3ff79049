"""How synthetic people behave over a year: the simulator's assumptions, as data.

None of these numbers is regulation, and none is written here: they are read from a YAML file
(`sandbox/sim/asumsi.yaml` unless `--asumsi FILE`), every value with its source or "asumsi", and
checked like a pack (`sandbox.sim.assumptions`). A regulator comparing two rule packs runs both on
the *same* draws (paired), so these assumptions shape the population, not the difference the rules
make. This module only names the codes the arrays use and the shape of the assumptions.

Mechanisms per person and quarter (TW I–IV): a rating of hasil kerja that is the person's own
level for the year (drawn once from the profile's distribution) or, now and then, a fresh draw; a
late realisation or weak evidence may each lower it one step; the rater's tendency (lenient /
neutral / strict, drawn once per atasan) may raise or lower it one step. Rating perilaku is drawn
the same way without the filing effects. The annual rating is the rounded mean of the quarters.
Attendance events per month (TK, TL1–4, PSW1–4) are Poisson draws; a few people serve a hukuman
disiplin, its kind drawn with the stated weights. Each unit's capaian organisasi per quarter
follows its staff's ratings (`capaian_ikut_staf`); the annual one is the rounded mean. Units
breaking the curve re-rate people until it fits (`sandbox.sim.adjust`).
"""

from __future__ import annotations

from dataclasses import dataclass

# Ordinal codes used by the arrays: 0 is the best outcome.
RATINGS = ("di_atas", "sesuai", "di_bawah")
CAPAIAN = ("istimewa", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")
PREDIKAT = ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")
ATTENDANCE = ("hari_tanpa_keterangan", "tl1", "tl2", "tl3", "tl4", "psw1", "psw2", "psw3", "psw4")
HUKUMAN = ("tidak_ada", "teguran_lisan", "teguran_tertulis", "pernyataan_tidak_puas", "penundaan_kgb",
           "penundaan_kp", "penurunan_pangkat_1_tahun", "penurunan_pangkat_3_tahun", "penurunan_jabatan",
           "pembebasan_jabatan", "pemberhentian_dalam_proses")
PROFILES = ("diligent", "late_filer", "delegates_to_operator", "low_digital_literacy", "overloaded",
            "underloaded")
POSITIONS = ("jpt", "administrator", "pengawas", "fungsional_ahli", "fungsional_terampil", "pelaksana")
WORKING_DAYS = 22  # no month has more attendance events of one kind than working days


@dataclass(frozen=True)
class Profile:
    """One behaviour profile: rating tendencies, filing habits and attendance."""

    hasil: tuple  # P(di_atas, sesuai, di_bawah) of the quarter's results before filing effects
    perilaku: tuple  # P(di_atas, sesuai, di_bawah)
    late: float  # P(realisation entered after the deadline in a quarter)
    weak_evidence: float  # P(evidence that does not show the result in a quarter)
    delegated: float  # P(the quarter's entries are made by an operator, not the person)
    attendance: tuple  # monthly Poisson rate per ATTENDANCE kind


@dataclass(frozen=True)
class Assumptions:
    """Everything the simulator assumes about people (read from a checked YAML file)."""

    profiles: dict  # PROFILES name -> Profile
    consistency: float  # P(a quarter's rating is the person's own level, not a fresh draw)
    late_penalty: float  # P(a late quarter is rated one step lower: results not recognised)
    evidence_penalty: float  # P(weak evidence lowers the rating one step)
    lenient_share: float  # share of raters who rate generously
    strict_share: float  # share of raters who rate harshly
    rater_shift: float  # P(a lenient rater raises / a strict rater lowers a rating one step)
    capaian: tuple  # P(capaian organisasi) per unit and quarter, in CAPAIAN order
    capaian_follows_staff: float  # 0: capaian drawn alone; 1: ranked on the staff's ratings only
    capaian_follows_parent: float  # 0: a unit's capaian apart from its parent unit's; 1: the same
    adjust_curve: bool  # units breaking the curve re-rate people until it fits
    adjust_up_share: float  # share of unit heads who move people up when either way fits
    adjust_passes: int  # times every unit is checked again, deepest first
    hukuman_per_year: float  # P(a person serves a hukuman disiplin this year)
    hukuman_weights: tuple  # P(kind) for HUKUMAN[1:]
    hukuman_months: tuple  # months each HUKUMAN lasts (HUKUMAN order, tidak_ada = 0)
    besaran_tpp: dict  # POSITIONS -> monthly TPP base (rupiah)
    nilai_skp: tuple  # ((low, high) per RATINGS): PP 30/2019 nilai SKP band
    nilai_perilaku: tuple  # ((low, high) per RATINGS)
    inovasi: tuple  # P(inovasi) per annual RATINGS code
    penilaian_360: float  # P(an instansi uses peer and subordinate input)
    iki_per_person: int  # IKI per person (PermenPANRB 8/2021)
    iki_realisasi: tuple  # ((low, high) per RATINGS): realisasi as % of target
    source: str = ""  # the file the assumptions were read from
    listing: tuple = ()  # (key, value as text, sumber) of every value, for the report
