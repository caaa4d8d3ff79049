"""How synthetic people behave over a year: the simulator's assumptions, in one place, as data.

None of these numbers is regulation. They are the sandbox's synthetic assumptions, drawn from the
patterns the field studies report (WORKFLOW.md §4: late filing, weak evidence, operators filling in
for staff, uneven workload, lenient unit heads). A regulator comparing two rule packs runs both on
the *same* draws (paired), so these assumptions shape the population, not the difference the rules
make. They are parameters of `Assumptions`, so a study can change them and say so.

Mechanisms per person and quarter (TW I–IV): a rating of hasil kerja that is the person's own
level for the year (drawn once from the profile's distribution) or, now and then, a fresh draw; a
late realisation or weak evidence may each lower it one step; the rater's tendency (lenient /
neutral / strict, drawn once per atasan) may raise or lower it one step. Rating perilaku is drawn
the same way without the filing effects. The annual rating is the rounded mean of the quarters.
Attendance events per month (TK, TL1–4, PSW1–4) are Poisson draws; a few people serve a hukuman
disiplin. Each unit gets a capaian organisasi per quarter; the annual one is the rounded mean.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


_QUIET = (0.03, 0.25, 0.05, 0.02, 0.03, 0.15, 0.04, 0.01, 0.02)

DEFAULT_PROFILES: dict[str, Profile] = {
    "diligent": Profile((0.30, 0.65, 0.05), (0.25, 0.73, 0.02), 0.03, 0.05, 0.02, _QUIET),
    "late_filer": Profile((0.15, 0.70, 0.15), (0.12, 0.83, 0.05), 0.45, 0.15, 0.05,
                          (0.08, 0.9, 0.3, 0.1, 0.12, 0.3, 0.1, 0.04, 0.06)),
    "delegates_to_operator": Profile((0.15, 0.72, 0.13), (0.12, 0.84, 0.04), 0.15, 0.30, 0.60,
                                     (0.05, 0.4, 0.1, 0.03, 0.05, 0.2, 0.06, 0.02, 0.03)),
    "low_digital_literacy": Profile((0.10, 0.75, 0.15), (0.15, 0.82, 0.03), 0.30, 0.35, 0.40, _QUIET),
    "overloaded": Profile((0.25, 0.58, 0.17), (0.20, 0.75, 0.05), 0.20, 0.20, 0.05,
                          (0.03, 0.3, 0.08, 0.03, 0.04, 0.1, 0.03, 0.01, 0.02)),
    "underloaded": Profile((0.05, 0.75, 0.20), (0.08, 0.85, 0.07), 0.10, 0.20, 0.05,
                           (0.10, 0.6, 0.2, 0.08, 0.1, 0.4, 0.15, 0.05, 0.08)),
}

# Monthly TPP base by position (rupiah). Synthetic: real amounts follow a region's kelas jabatan
# and fiscal capacity (REGULATIONS.md §8(b): UNCERTAIN); these only give the totals a scale.
DEFAULT_BESARAN_TPP: dict[str, int] = {
    "jpt": 15_000_000, "administrator": 9_000_000, "pengawas": 6_000_000,
    "fungsional_ahli": 5_000_000, "fungsional_terampil": 3_500_000, "pelaksana": 3_000_000,
}


@dataclass(frozen=True)
class Assumptions:
    """Everything the simulator assumes about people; change a field to test a different world."""

    profiles: dict = field(default_factory=lambda: dict(DEFAULT_PROFILES))
    consistency: float = 0.75  # P(a quarter's rating is the person's own level, not a fresh draw)
    late_penalty: float = 0.35  # P(a late quarter is rated one step lower: results not recognised)
    evidence_penalty: float = 0.35  # P(weak evidence lowers the rating one step)
    lenient_share: float = 0.20  # share of raters who rate generously
    strict_share: float = 0.15  # share of raters who rate harshly
    rater_shift: float = 0.30  # P(a lenient rater raises / a strict rater lowers a rating one step)
    capaian: tuple = (0.15, 0.60, 0.15, 0.07, 0.03)  # P(capaian organisasi) per unit and quarter
    hukuman_per_year: float = 0.01  # P(a person serves a hukuman disiplin this year)
    hukuman_months: tuple = (0, 1, 2, 3, 6, 8, 10, 12, 12, 12, 12)  # months each HUKUMAN lasts
    besaran_tpp: dict = field(default_factory=lambda: dict(DEFAULT_BESARAN_TPP))
