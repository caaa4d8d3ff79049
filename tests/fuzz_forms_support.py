"""Shared by the generated-bad-input tests (tests/test_fuzz_forms.py, tests/test_fuzz_cli.py) and by
bench/reliability.py: the sandbox files they start from, the hostile values they draw from, and
the one property every form field and CLI argument must keep.

The property (issue #7): a bad value is either accepted and stored as given (or normalised the way
the workflow documents: surrounding whitespace stripped, names and enums lower-cased), or refused
with the project's refusal (`WorkflowRefused`, a `StoreError`, a `ClassError`) whose message is
Indonesian, English second, and says what to do — and a refusal leaves the file's content
(`content_hash`, which already leaves out wall-clock columns) byte-for-byte unchanged. Never another
exception type, never a traceback.

Templates are built once per process (a demo office made ready to practise, then a few SKPs and
periods in the states the commands need) and copied per example, so every example starts from the
same file and examples cannot influence each other.
"""

from __future__ import annotations

import math
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

# The demo office's Bidang Lalu Lintas chain (as in tests/test_workflow_refusals.py).
KADIS = "197403192003012001"        # Kepala Dinas, leads U.01, rated by KEPALA_DAERAH
KABID = "197510172011101001"        # Kepala Bidang Lalu Lintas, leads U.01.B1, rated by KADIS
KASI = "198112092000061001"         # Kepala Seksi, leads U.01.B1.S1, rated by KABID
PEL = "199704292023112001"          # pelaksana: approved SKP, Triwulan I open (evidence, ratings)
PEL_DRAFT = "199009152021042001"    # pelaksana: kuantitatif DRAFT (RHK, indikator, lampiran)
PEL_KUAL = "199308072021101001"     # pelaksana: kualitatif DRAFT
PEL_AJU = "198103312007042001"      # pelaksana: SKP DIAJUKAN, waiting for KASI (return note)
PEL_BARU = "199611132022042001"     # pelaksana: no SKP yet (Tambah SKP)
UNIT_SEKSI = "U.01.B1.S1"
UNIT_BIDANG = "U.01.B1"

# What a text field may hold, as the workflow documents it (sandbox.workflow.support).
TEXT_CONTROLS_ALLOWED = "\t\n\r"


# -- hostile values ----------------------------------------------------------------------------------
def _repeat(piece_and_length: tuple[str, int]) -> str:
    piece, length = piece_and_length
    return (piece * (length // max(len(piece), 1) + 1))[:length]


_CONTROL = st.characters(min_codepoint=0, max_codepoint=0x1F) | st.characters(min_codepoint=0x7F,
                                                                                 max_codepoint=0x9F)
_SURROGATE = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
_UNICODE_SAMPLES = [
    "مرحبا بالعالم",                      # RTL (Arabic)
    "שלום עולם",                          # RTL (Hebrew)
    "\u202eLAPORAN\u202c",                # right-to-left override
    "👩‍💻🚀🇮🇩",                            # emoji with ZWJ and a flag
    "e" + "\u0301" * 50,                  # a pile of combining marks
    "Z̵̡̢̛̗̘̙̜̝̞̟̠̀́̂̃̄̅̆̇̈̉̊̋̌̍̎̏̐̑̒̓̔̽̾̿̀́͂̓̈́͆͊͋͌ͅ͏͓͔͕͖͙͚͐͑͒͗͛",
    "ꦲꦏ꧀ꦱꦫꦗꦮ",                          # Javanese script
    "\ufeffBOM di depan",                 # byte-order mark
    "tab\tdan\nbaris baru",               # ordinary whitespace controls
    "\u200b\u200c\u200d",                 # zero-width characters only
    "\u3000\u00a0 ",                      # unicode spaces only
    "１２０ Ｂｅｒｋａｓ",                  # full-width digits and letters
    "NULL", "None", "'; DROP TABLE skp; --", "{nama} {0} %s", "<script>alert(1)</script>",
    "[bold red]markup[/]", "\\x00", "ﷺ", "𝕿𝖊𝖐𝖘",
]

# Text a user can type or paste: empty, blank, control characters, lone surrogates (undecodable bytes),
# huge pastes, awkward Unicode, and ordinary text.
hostile_text = st.one_of(
    st.sampled_from(["", " ", "   \t  ", "\n\n", "\u3000", "\x00", "\x1b[31m", "\x7f", "\ud800"]),
    st.sampled_from(_UNICODE_SAMPLES),
    st.text(alphabet=_CONTROL, min_size=1, max_size=20),
    st.builds(lambda a, c, b: a + c + b, st.text(max_size=20), _CONTROL | _SURROGATE, st.text(max_size=20)),
    st.tuples(st.sampled_from(["a", "RHK ", "🚀", "ب", "e\u0301", "x\x00"]),
              st.sampled_from([201, 1001, 2001, 4001, 10_000, 100_000])).map(_repeat),
    st.text(min_size=1, max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=30),
)

# Numbers typed into a numeric field, as the form hands them over (float) or as a caller passes them.
hostile_number = st.one_of(
    st.sampled_from([math.nan, math.inf, -math.inf, -0.0, -1, -1e-9, 0, 1e12 + 1, 1e308, 10**30, 10**400,
                     True, False, 2**63, -(2**63) - 1]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.sampled_from(["12", "seratus", "", "1e3", "nan", None, [1], {"n": 1}]),
)

# A date as someone types it: impossible days, other calendars (Hijri 1447, Buddhist 2569, Javanese
# 1959), other layouts, words, time-zone junk, out-of-range years.
hostile_date = st.one_of(
    st.sampled_from([
        "2026-02-30", "2026-13-01", "2026-00-10", "2026-04-31", "1447-07-12", "2569-01-01", "1959-05-01",
        "0001-01-01", "9999-12-31", "10000-01-01", "-2026-01-01", "besok", "kemarin", "31/12/2026",
        "12/31/2026", "2026/01/01", "20260101", "2026-W01-4", "2026-001", "２０２６-０１-０１", "2026-1-1",
        " 2026-01-01 ", "2026-01-01T00:00:00", "2026-01-01Z", "2026-01-01+07:00", "", " ", "\x00",
        "2026-01-01\x00", "1 Muharram 1447", "Senin Legi", "2026-02-29", "2024-02-29", "٢٠٢٦-٠١-٠١",
    ]),
    st.dates().map(lambda d: d.isoformat()),
    st.builds(lambda y, m, d: f"{y}-{m:02d}-{d:02d}", st.integers(-50, 12_000), st.integers(0, 99),
              st.integers(0, 99)),
    st.text(max_size=30),
)

# A clock time as a trainer types it.
hostile_time = st.one_of(
    hostile_date,
    st.sampled_from([
        "2026-04-01T08:00:00+07:00", "2026-04-01T25:00:00+07:00", "2026-04-01T08:00:00+25:00",
        "2026-04-01T08:00:00+07:00[Asia/Jakarta]", "2026-04-01T08:00:00 WIB", "2026-04-01 08:00",
        "2026-04-01T08:00:00Z", "2026-04-01T08:00:00-23:59", "9999-12-31T23:59:59-12:00",
        "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59+00:00", "2026-04-01T08:00:00.123456789+07:00",
        "2026-04-01T24:00:00+07:00", "2026-04-01T08:60:00+07:00", "2026-04-01T08:00:00+07:00:30",
        "2569-04-01T08:00:00+07:00", "1447-09-01", "jam 8 pagi", "T08:00", "08:00",
    ]),
    st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
)


# -- the property ------------------------------------------------------------------------------------
def refusal_problem(error: BaseException) -> str | None:
    """Why a refusal's message is not the project's clear one, or None when it is."""
    render = getattr(error, "render", None)
    if render is None:
        return f"no message catalog entry: {type(error).__name__}: {error!r}"[:300]
    id_text, en_text = render("id"), render("en")
    if " — " not in id_text:
        return f"message does not say what to do: {id_text[:200]!r}"
    if "{" in id_text.replace("{}", "") and "{" not in str(getattr(error, "params", "")):
        return f"unfilled placeholder: {id_text[:200]!r}"
    if id_text == en_text:
        return f"message has no Indonesian/English pair: {id_text[:200]!r}"
    if "Traceback" in id_text:
        return "traceback in message"
    if len(id_text) > 1000:
        return f"message of {len(id_text)} characters: it quotes the input instead of explaining"
    return None


def text_problem(value: str, maks: int) -> str | None:
    """Why stored text `value` must not have been accepted, or None if it may be."""
    if len(value.strip()) > maks:
        return f"stored {len(value.strip())} characters, more than {maks}"
    for ch in value:
        if ch in TEXT_CONTROLS_ALLOWED:
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Cs"):
            return f"stored control/surrogate character U+{ord(ch):04X}"
    return None


def number_problem(value: object) -> str | None:
    """Why a stored number must not have been accepted, or None if it may be."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"stored a non-number {value!r}"
    if not math.isfinite(value) or value < 0 or value > 1e12:
        return f"stored an out-of-range number {value!r}"
    return None


@dataclass
class Outcome:
    """What one generated input did: accepted, refused cleanly, or a failure (with why)."""

    kind: str                 # "accepted" | "refused" | "failure"
    detail: str = ""


def draw_examples(strategy: st.SearchStrategy, n: int) -> list:
    """Up to `n` values of `strategy`, the same on every run (for `run_family`, outside pytest)."""
    from hypothesis import HealthCheck, given, settings

    seen: list = []

    @settings(max_examples=n, database=None, derandomize=True, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(value=strategy)
    def collect(value):
        seen.append(value)

    collect()
    return seen


def spread(strategies: dict[str, st.SearchStrategy], n: int) -> list[tuple[str, object]]:
    """At least `n` (name, value) pairs spread evenly over `strategies` (some run out of distinct
    values early, so the others are asked for more until the total is reached)."""
    per = max(1, -(-n // len(strategies)))
    while True:
        drawn = [(name, value) for name, strategy in strategies.items()
                 for value in draw_examples(strategy, per)]
        if len(drawn) >= n or per >= 50 * n:
            return drawn
        per *= 2


def scratch_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="ekinerja-fuzzform-"))


def copy_db(template: Path, target: Path) -> Path:
    shutil.copyfile(template, target)
    return target


# -- the sandbox files examples start from -----------------------------------------------------------
@dataclass(frozen=True)
class OfficeTemplate:
    """A practice office where every fuzzed form has something to act on; ids name what is where."""

    path: Path
    ids: dict


def _one(store, sql: str, params: list) -> int:
    return store.conn.execute(sql, params).fetchone()[0]


def _period(store, nip: str, master_id: int) -> int:
    return _one(store, "SELECT sp.id FROM skp_periode sp JOIN skp s ON s.id = sp.skp_id"
                       " WHERE s.nip = ? AND sp.master_id = ?", [nip, master_id])


def _rhk(store, nip: str) -> int:
    return _one(store, "SELECT rhk.id FROM rhk JOIN skp ON skp.id = rhk.skp_id WHERE skp.nip = ?"
                       " ORDER BY rhk.id LIMIT 1", [nip])


def _indikator(store, nip: str) -> int:
    return _one(store, "SELECT i.id FROM indikator i JOIN rhk ON rhk.id = i.rhk_id JOIN skp ON"
                       " skp.id = rhk.skp_id WHERE skp.nip = ? ORDER BY i.id LIMIT 1", [nip])


def build_office_template(folder: Path) -> OfficeTemplate:
    """The demo office, ready to practise (clock 2026-01-02, leaders' SKPs approved), plus:

    - PEL: approved SKP; Triwulan I open with a rencana aksi (evidence, feedback, ratings);
    - PEL_DRAFT / PEL_KUAL: a kuantitatif / kualitatif DRAFT with one RHK and one indikator;
    - PEL_AJU: a complete SKP DIAJUKAN to KASI; PEL_BARU: no SKP at all;
    - KABID's Triwulan I FINAL (allowances) and KASI's Triwulan I DOKUMEN_TERBIT (keberatan), the
      clock then at 2026-01-20.
    """
    from sandbox.store import open_store
    from sandbox.synth.office import demo_office
    from sandbox.synth.persist import save_office
    from sandbox.synth.ready import prepare_for_practice
    from sandbox.workflow import (
        KEPALA_DAERAH,
        TRAINER,
        ajukan,
        atur_jam,
        buat_skp,
        finalkan,
        isi_lampiran,
        nilai,
        setujui,
        tambah_indikator,
        tambah_rencana_aksi,
        tambah_rhk,
        terbitkan_dokumen,
        tetapkan_capaian_organisasi,
    )

    path = folder / "office-template.db"
    with open_store(path) as store:
        save_office(store, demo_office())
        prepare_for_practice(store)
        masters = [r[0] for r in store.conn.execute("SELECT id FROM periode_penilaian_master ORDER BY id")]
        tw1, fin = masters[0], masters[-1]
        rhk_kasi = _rhk(store, KASI)

        def draft(nip: str, pendekatan: str) -> tuple[int, int]:
            skp_id = buat_skp(store, nip, 2026, pendekatan)
            rhk_id = tambah_rhk(store, nip, skp_id, f"Terlaksananya layanan {nip[-4:]}", "utama",
                                induk_rhk_id=rhk_kasi)
            tambah_indikator(store, nip, rhk_id, "Persentase layanan tepat waktu", aspek="kuantitas",
                             target_nilai=95, target_satuan="persen")
            isi_lampiran(store, nip, skp_id, dukungan_sd="1 PC", skema_pj="Laporan bulanan",
                         konsekuensi="Teguran")
            return skp_id, rhk_id

        ids: dict = {"m_tw1": tw1, "m_fin": fin, "rhk_kasi": rhk_kasi}
        ids["skp_pel"], ids["rhk_pel"] = draft(PEL, "kuantitatif")
        ajukan(store, PEL, ids["skp_pel"])
        setujui(store, KASI, ids["skp_pel"])
        ids["skp_draft"], ids["rhk_draft"] = draft(PEL_DRAFT, "kuantitatif")
        ids["skp_kual"], ids["rhk_kual"] = draft(PEL_KUAL, "kualitatif")
        ids["skp_aju"], _ = draft(PEL_AJU, "kuantitatif")
        ajukan(store, PEL_AJU, ids["skp_aju"])
        ids["ind_pel"] = _indikator(store, PEL)
        ids["ind_draft"] = _indikator(store, PEL_DRAFT)
        ids["p_pel"] = _period(store, PEL, tw1)
        tambah_rencana_aksi(store, PEL, ids["p_pel"], ids["rhk_pel"], "Menyusun jadwal layanan",
                            target_nilai=10, target_satuan="jadwal")

        # KABID's Triwulan I all the way to FINAL (the keberatan window passes), for TPP.
        tetapkan_capaian_organisasi(store, KADIS, UNIT_BIDANG, tw1, "baik")
        ids["p_kabid"] = _period(store, KABID, tw1)
        nilai(store, KADIS, ids["p_kabid"], rating_pk="sesuai")
        finalkan(store, KADIS, ids["p_kabid"])
        terbitkan_dokumen(store, KABID, ids["p_kabid"])
        atur_jam(store, TRAINER, "2026-01-20")
        # KASI's Triwulan I issued today: a keberatan may be filed.
        tetapkan_capaian_organisasi(store, KABID, UNIT_SEKSI, tw1, "baik")
        ids["p_kasi"] = _period(store, KASI, tw1)
        nilai(store, KABID, ids["p_kasi"], rating_pk="sesuai")
        finalkan(store, KABID, ids["p_kasi"])
        terbitkan_dokumen(store, KASI, ids["p_kasi"])
        ids["kepala_daerah"] = KEPALA_DAERAH
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return OfficeTemplate(path, ids)


def build_class_template(folder: Path) -> Path:
    """A class of 3 seats with scenario T01 assigned and a round started: what `ekinerja class …`
    commands act on."""
    from sandbox.store import open_store
    from sandbox.training import classroom
    from sandbox.training.scenario import load_scenario

    path = folder / "class-template.db"
    with open_store(path) as store:
        info = classroom.create_class(store, "Kelas Uji", 3)
        classroom.assign(store, info.id, ["T01"])
        classroom.start_round(store, info.id, load_scenario("T01"), None, None, None)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path
