"""Synthetic offices: the rater chain is right, golongan/age/TMT/NIP agree, same seed, same office."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import Counter
from enum import Enum

import pytest

from sandbox.domain import BehaviourProfile, JenisAsn, JenisJabatan, Jenjang, Office
from sandbox.synth import generate_office
from sandbox.synth.nip import MIN_AGE_AT_APPOINTMENT, NipPns, NiPppk, parse_nip
from sandbox.synth.office import REFERENCE_DATE, demo_office

JPT_PRATAMA = (JenisJabatan.JPT, Jenjang.PRATAMA)
ADMINISTRATOR = (JenisJabatan.ADMINISTRATOR, None)
PENGAWAS = (JenisJabatan.PENGAWAS, None)
# WORKFLOW §1.1 "who rates whom" (Pemda), written out again here as the test's own oracle.
EXPECTED_RATER = {
    (JenisJabatan.ADMINISTRATOR, None): {JPT_PRATAMA},
    (JenisJabatan.PENGAWAS, None): {ADMINISTRATOR},
    (JenisJabatan.PELAKSANA, None): {PENGAWAS},
    (JenisJabatan.FUNGSIONAL, Jenjang.AHLI_MADYA): {JPT_PRATAMA},
    (JenisJabatan.FUNGSIONAL, Jenjang.AHLI_MUDA): {ADMINISTRATOR, JPT_PRATAMA},
    **{(JenisJabatan.FUNGSIONAL, j): {PENGAWAS, ADMINISTRATOR, JPT_PRATAMA}
       for j in (Jenjang.AHLI_PERTAMA, Jenjang.PEMULA, Jenjang.TERAMPIL, Jenjang.MAHIR, Jenjang.PENYELIA)},
}


def _serialise(office: Office) -> str:
    def plain(value):
        return value.name if isinstance(value, Enum) else value.isoformat()
    return json.dumps(dataclasses.asdict(office), default=plain, sort_keys=True)


@pytest.fixture(scope="module")
def large() -> Office:
    return generate_office(11, 20_000)


@pytest.fixture(scope="module")
def offices(large) -> list[Office]:
    return [generate_office(seed, n) for seed, n in ((1, 1), (2, 2), (3, 3), (4, 4), (5, 9), (6, 26),
                                                     (7, 151), (8, 700))] + [large, demo_office()]


def test_every_size_has_the_requested_staff_and_one_tree(offices):
    for office in offices:
        ids = {u.id for u in office.units}
        assert len(ids) == len(office.units)
        roots = [u for u in office.units if u.parent_id is None]
        assert len(roots) == 1 and roots[0].pimpinan_nip is None
        assert all(u.parent_id in ids for u in office.units if u.parent_id is not None)
        assert all(p.unor_id in ids for p in office.pegawai)
        assert all(u.pimpinan_nip in office.by_nip for u in office.units if u.parent_id is not None)
    assert [len(o.pegawai) for o in offices[:8]] == [1, 2, 3, 4, 9, 26, 151, 700]


def test_atasan_graph_has_no_cycles_and_levels_follow_the_rater_table(offices):
    for office in offices:
        heads = [p for p in office.pegawai if p.atasan_nip is None]
        assert heads and all(p.jabatan.posisi == JPT_PRATAMA for p in heads)
        for p in office.pegawai:
            steps, current = 0, p
            while current.atasan_nip is not None:
                current = office.by_nip[current.atasan_nip]
                steps += 1
                assert steps <= 10, f"cycle or absurd chain from {p.nip}"
            if p.atasan_nip is None:
                continue
            atasan = office.by_nip[p.atasan_nip]
            assert atasan.jabatan.posisi in EXPECTED_RATER[p.jabatan.posisi], (p.jabatan, atasan.jabatan)
            assert atasan.jenis_jabatan.is_struktural
            # nearest structural superior: the atasan leads the pegawai's own unit, or the parent unit
            unit = office.unit_by_id[p.unor_id]
            expected = unit.parent_id if unit.pimpinan_nip == p.nip else unit.id
            assert office.unit_by_id[expected].pimpinan_nip == atasan.nip


def test_nip_golongan_age_and_tmt_agree(offices):
    for office in offices:
        nips = [p.nip for p in office.pegawai]
        assert len(set(nips)) == len(nips)
        for p in office.pegawai:
            parsed = parse_nip(p.nip, p.jenis_asn)
            assert parsed.tanggal_lahir == p.tanggal_lahir and parsed.jenis_kelamin is p.jenis_kelamin
            assert p.golongan.jenis_asn is p.jenis_asn
            if p.jenis_asn is JenisAsn.PNS:
                assert isinstance(parsed, NipPns) and parsed.tmt_cpns == p.tmt
                service = REFERENCE_DATE.year - p.tmt.year
                # highest entry is III/b (S2); each golongan above it takes 4 years of kenaikan pangkat
                assert service >= 4 * (p.golongan.urutan - 10)
            else:
                assert isinstance(parsed, NiPppk) and parsed.tahun_pengangkatan == p.tmt.year
                assert p.jenis_jabatan in (JenisJabatan.PELAKSANA, JenisJabatan.FUNGSIONAL)
            assert p.umur(p.tmt) >= MIN_AGE_AT_APPOINTMENT
            assert 18 <= p.umur(REFERENCE_DATE) < 60
            assert p.tmt <= REFERENCE_DATE
            assert 0 <= p.digital_literacy <= 1


def test_golongan_fits_jabatan(large):
    for p in large.pegawai:
        if p.jenis_asn is not JenisAsn.PNS:
            continue
        kode = p.golongan.kode
        match p.jabatan.posisi:
            case (JenisJabatan.JPT, _):
                assert kode.startswith("IV/")
            case (JenisJabatan.FUNGSIONAL, Jenjang.AHLI_PERTAMA | Jenjang.MAHIR):
                assert kode in ("III/a", "III/b")
            case (JenisJabatan.FUNGSIONAL, Jenjang.AHLI_MUDA | Jenjang.PENYELIA):
                assert kode in ("III/c", "III/d")
            case (JenisJabatan.FUNGSIONAL, Jenjang.AHLI_MADYA):
                assert kode in ("IV/a", "IV/b", "IV/c")
            case (JenisJabatan.PENGAWAS, None):
                assert kode.startswith("III/")


def test_same_seed_same_office_and_another_seed_differs():
    first, again, other = generate_office(42, 300), generate_office(42, 300), generate_office(43, 300)
    assert _serialise(first) == _serialise(again) and first == again
    assert _serialise(first) != _serialise(other)
    assert _serialise(demo_office()) == _serialise(demo_office())


def test_profile_shares_are_respected(large):
    counts = Counter(p.behaviour_profile for p in large.pegawai)
    assert abs(counts[BehaviourProfile.DILIGENT] / 20_000 - 0.35) < 0.01
    assert abs(counts[BehaviourProfile.UNDERLOADED] / 20_000 - 0.05) < 0.01
    shares = {"late_filer": 0.5, BehaviourProfile.OVERLOADED: 0.25, "low_digital_literacy": 0.25}
    custom = generate_office(3, 2_000, shares)
    counts = Counter(p.behaviour_profile.value for p in custom.pegawai)
    assert counts == {"late_filer": 1000, "overloaded": 500, "low_digital_literacy": 500}
    low = [p.digital_literacy for p in custom.pegawai if p.behaviour_profile.value == "low_digital_literacy"]
    assert max(low) <= 0.3
    with pytest.raises(ValueError):
        generate_office(3, 10, {"diligent": 0.5})
    with pytest.raises(ValueError):
        generate_office(3, 10, {"procrastinator": 1.0})


def test_names_follow_the_gender_of_the_nip(large):
    from faker import Faker
    person = Faker("id_ID").provider("faker.providers.person")
    female_first = set(person.first_names_female)
    male_first = set(person.first_names_male)
    for p in large.pegawai[:2000]:
        first = p.nama.split(",")[0].split(" ")[0]
        assert first in (female_first if p.jenis_kelamin.value == "2" else male_first)


def test_demo_office_is_a_small_dinas_perhubungan():
    office = demo_office()
    assert len(office.pegawai) == 26
    assert all(p.jenis_asn is JenisAsn.PNS for p in office.pegawai)
    titles = [p.jabatan.nama for p in office.pegawai]
    assert "Kepala Dinas Perhubungan" in titles and "Sekretaris Dinas" in titles
    assert sum(t.startswith("Kepala Bidang") for t in titles) >= 2
    kinds = Counter(p.jenis_jabatan for p in office.pegawai)
    assert kinds[JenisJabatan.JPT] == 1 and kinds[JenisJabatan.PENGAWAS] >= 2
    assert kinds[JenisJabatan.PELAKSANA] >= 5 and kinds[JenisJabatan.FUNGSIONAL] >= 1
    delegating = sum(p.behaviour_profile is BehaviourProfile.DELEGATES_TO_OPERATOR for p in office.pegawai)
    assert delegating == 16  # field study 004: 16 of 26 did not fill e-Kinerja themselves
    assert office.instansi.nama == "Pemerintah Kabupaten Banua Raya"
    assert demo_office().pegawai[0].tanggal_lahir == dt.date(1974, 3, 19)
