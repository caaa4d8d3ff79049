"""NIP PNS and NI PPPK: every generated number reads back to what it encodes; bad numbers are refused."""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest

from sandbox.domain import JenisAsn, JenisKelamin
from sandbox.synth.nip import MIN_AGE_AT_APPOINTMENT, NipError, NipPns, NiPppk, parse_nip


def _random_birth(rng: random.Random) -> dt.date:
    return dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(365 * 55))


def test_ten_thousand_generated_numbers_parse_back_to_what_they_encode():
    rng = random.Random(7)
    for _ in range(6000):
        lahir = _random_birth(rng)
        tmt = dt.date(lahir.year + rng.randint(19, 40), rng.randint(1, 12), 1)
        sex = rng.choice(list(JenisKelamin))
        nip = NipPns(lahir, tmt, sex, rng.randint(1, 999))
        parsed = parse_nip(nip.text)
        assert isinstance(parsed, NipPns)
        assert (parsed.tanggal_lahir, parsed.tmt_cpns, parsed.jenis_kelamin) == (lahir, tmt, sex)
        assert parsed == nip and len(nip.text) == 18
    for _ in range(6000):
        lahir = _random_birth(rng)
        year = lahir.year + rng.randint(19, 40)
        sex = rng.choice(list(JenisKelamin))
        kode = rng.choice(["21", "24", "01", "02"])
        ni = NiPppk(lahir, year, kode, sex, rng.randint(1, 999))
        parsed = parse_nip(ni.text, JenisAsn.PPPK if kode not in ("21", "24") else None)
        assert isinstance(parsed, NiPppk)
        assert (parsed.tanggal_lahir, parsed.tahun_pengangkatan, parsed.jenis_kelamin) == (lahir, year, sex)
        assert parsed == ni


def test_the_regulation_example_and_spaced_writing():
    nip = parse_nip("19860926 201505 1 001")
    assert nip == NipPns(dt.date(1986, 9, 26), dt.date(2015, 5, 1), JenisKelamin.LAKI_LAKI, 1)
    ni = parse_nip("199009132025242014")  # the paruh waktu example of REGULATIONS §9.2
    assert isinstance(ni, NiPppk) and ni.kode == "24" and ni.jenis_kelamin is JenisKelamin.PEREMPUAN
    assert ni.tahun_pengangkatan == 2025 and ni.nomor_urut == 14


@pytest.mark.parametrize(("text", "code", "digits", "words"), [
    ("19860926201505100", "nip.kurang", None, "kurang 1"),
    ("1986092620150510011", "nip.lebih", None, "lebih 1"),
    ("19860926 20150 1 001", "nip.kelompok", None, "Kelompok ke-2"),
    ("", "nip.kosong", None, "belum ditulis"),
    ("19860926201505100A", "nip.bukan_angka", (18, 18), "Karakter ke-18"),
    ("1986O9262015051001", "nip.bukan_angka", (5, 5), "'O'"),
    ("1986092620150510019x", "nip.bukan_angka.lebih", None, "lewat digit ke-18"),
    ("198602302015051001", "nip.lahir.hari", (7, 8), "hari 30 (digit 7–8) tidak ada di Februari 1986"),
    ("198613012015051001", "nip.lahir.bulan", (5, 6), "bulan 13 (digit 5–6)"),
    ("000009262015051001", "nip.lahir.tahun", (1, 4), "tahun 0000"),
    ("198609262015131001", "nip.tmt.bulan", (13, 14), "bulan 13 (digit 13–14)"),
    ("198609262015001001", "nip.tmt.bulan", (13, 14), "bulan 00"),
    ("198609262015053001", "nip.kelamin", (15, 15), "Digit 15 (jenis kelamin): 3"),
    ("198609262015051000", "nip.urut", (16, 18), "000"),
    ("198609262000051001", "nip.tmt.muda", (9, 14), "usia 13 tahun"),
    ("198609262004081001", "nip.tmt.muda", (9, 14), "Agustus 2004 jatuh saat usia 17 tahun"),
    ("198609261980051001", "nip.tmt.sebelum_lahir", (9, 14),
     "Mei 1980 lebih awal dari tanggal lahir 26 September 1986"),
    ("198609260000051001", "nip.tmt.sebelum_lahir", (9, 14), "Mei 0000"),
    ("199009132005242014", "nip.pppk.muda", (9, 12), "pengangkatan PPPK"),
    ("199009131989242014", "nip.pppk.sebelum_lahir", (9, 12), "1989 lebih awal"),
])
def test_malformed_numbers_are_refused_naming_the_digits(text, code, digits, words):
    with pytest.raises(NipError) as caught:
        parse_nip(text)
    assert caught.value.code == code
    assert caught.value.digits == digits
    assert words in str(caught.value)
    english = caught.value.render("en")
    assert english != caught.value.render("id")
    assert "{" not in english and "{" not in str(caught.value)  # every parameter filled in


def test_spaces_dots_and_hyphens_between_groups_are_accepted():
    expected = parse_nip("198609262015051001")
    for text in ("19860926 201505 1 001", "19860926.201505.1.001", "19860926-201505-1-001",
                 " 19860926\u00a0201505 1 001 ", "19860926\u200b2015051001"):
        assert parse_nip(text) == expected


def test_tmt_must_be_at_least_the_policy_age_after_birth():
    lahir = dt.date(2000, 6, 15)
    NipPns(lahir, dt.date(2000 + MIN_AGE_AT_APPOINTMENT, 6, 1), JenisKelamin.PEREMPUAN, 5)
    with pytest.raises(NipError):
        NipPns(lahir, dt.date(2000 + MIN_AGE_AT_APPOINTMENT, 5, 1), JenisKelamin.PEREMPUAN, 5)


def test_a_pppk_number_with_an_unknown_code_parses_when_the_caller_says_it_is_pppk():
    text = NiPppk(dt.date(1990, 1, 2), 2022, "01", JenisKelamin.LAKI_LAKI, 3).text
    assert isinstance(parse_nip(text), NipPns)  # digits 13–14 = 01 read as a TMT month by default
    assert parse_nip(text, JenisAsn.PPPK).kode == "01"


def test_any_typed_text_is_read_or_refused_in_words():
    """Whatever is typed, the answer is a number or a NipError whose message is filled in."""
    rng = random.Random(11)
    alphabet = "0123456789" * 6 + " .-Ol[]/{}\u00a0\u200b１é"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        try:
            assert len(parse_nip(text).text) == 18
        except NipError as error:
            for lang in ("id", "en"):
                assert not re.search(r"\{[a-z_]+\}", error.render(lang))  # every placeholder filled
