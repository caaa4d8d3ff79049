"""NIP PNS and NI PPPK: every generated number reads back to what it encodes; bad numbers are refused."""

from __future__ import annotations

import datetime as dt
import random

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


@pytest.mark.parametrize(("text", "code", "words"), [
    ("19860926201505100", "nip.length", "18 digit"),
    ("1986092620150510011", "nip.length", "18 digit"),
    ("", "nip.length", "18 digit"),
    ("19860926201505100A", "nip.not_digits", "hanya boleh berisi angka"),
    ("1986O9262015051001", "nip.not_digits", "hanya boleh berisi angka"),
    ("198602302015051001", "nip.birth_date", "bukan tanggal"),
    ("198613012015051001", "nip.birth_date", "bukan tanggal"),
    ("198609262015131001", "nip.tmt_month", "bulan TMT"),
    ("198609262015001001", "nip.tmt_month", "bulan TMT"),
    ("198609262015053001", "nip.sex", "jenis kelamin"),
    ("198609262015051000", "nip.serial", "nomor urut"),
    ("198609262000051001", "nip.too_young", "minimal 18"),
    ("198609260000051001", "nip.too_young", "minimal 18"),
    ("199009132005242014", "nip.too_young", "pengangkatan PPPK"),
])
def test_malformed_numbers_are_refused_with_an_indonesian_message(text, code, words):
    with pytest.raises(NipError) as caught:
        parse_nip(text)
    assert caught.value.code == code
    assert words in str(caught.value)
    assert caught.value.render("en") != caught.value.render("id")


def test_tmt_must_be_at_least_the_policy_age_after_birth():
    lahir = dt.date(2000, 6, 15)
    NipPns(lahir, dt.date(2000 + MIN_AGE_AT_APPOINTMENT, 6, 1), JenisKelamin.PEREMPUAN, 5)
    with pytest.raises(NipError):
        NipPns(lahir, dt.date(2000 + MIN_AGE_AT_APPOINTMENT, 5, 1), JenisKelamin.PEREMPUAN, 5)


def test_a_pppk_number_with_an_unknown_code_parses_when_the_caller_says_it_is_pppk():
    text = NiPppk(dt.date(1990, 1, 2), 2022, "01", JenisKelamin.LAKI_LAKI, 3).text
    assert isinstance(parse_nip(text), NipPns)  # digits 13–14 = 01 read as a TMT month by default
    assert parse_nip(text, JenisAsn.PPPK).kode == "01"
