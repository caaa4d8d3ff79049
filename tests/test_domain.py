"""Domain objects: golongan scales, jabatan kinds and jenjang, and the who-rates-whom table."""

from __future__ import annotations

import datetime as dt

import pytest

from sandbox.domain import (
    PEJABAT_PENILAI,
    BehaviourProfile,
    Golongan,
    Jabatan,
    JenisAsn,
    JenisJabatan,
    JenisKelamin,
    Jenjang,
    KelompokJabatan,
    Pegawai,
    may_rate,
)


def test_golongan_scales_and_pangkat():
    pns = Golongan.scale(JenisAsn.PNS)
    assert [g.kode for g in pns][:2] == ["I/a", "I/b"] and pns[-1].kode == "IV/e" and len(pns) == 17
    assert Golongan.of(JenisAsn.PNS, "III/a").pangkat == "Penata Muda"
    assert Golongan.IV_E.label == "Pembina Utama (IV/e)"
    pppk = Golongan.scale(JenisAsn.PPPK)
    assert [g.kode for g in pppk][0] == "I" and pppk[-1].kode == "XVII" and len(pppk) == 17
    assert Golongan.of(JenisAsn.PPPK, "IX").pangkat is None
    with pytest.raises(ValueError):
        Golongan.of(JenisAsn.PPPK, "III/a")


def test_jabatan_needs_the_right_jenjang():
    assert Jabatan("Kepala Dinas", JenisJabatan.JPT, Jenjang.PRATAMA).label == "Kepala Dinas Pratama"
    assert JenisJabatan.PELAKSANA.kelompok is KelompokJabatan.JA
    assert JenisJabatan.FUNGSIONAL.kelompok is KelompokJabatan.JF
    assert Jenjang.MAHIR.is_keterampilan and Jenjang.AHLI_MUDA.is_keahlian
    with pytest.raises(ValueError):
        Jabatan("Perencana", JenisJabatan.FUNGSIONAL)
    with pytest.raises(ValueError):
        Jabatan("Perencana", JenisJabatan.FUNGSIONAL, Jenjang.MADYA)
    with pytest.raises(ValueError):
        Jabatan("Kepala Seksi", JenisJabatan.PENGAWAS, Jenjang.AHLI_MUDA)


def test_rater_table_as_workflow_1_1_states_it():
    kadis = Jabatan("Kepala Dinas", JenisJabatan.JPT, Jenjang.PRATAMA)
    kabid = Jabatan("Kepala Bidang", JenisJabatan.ADMINISTRATOR)
    kasi = Jabatan("Kepala Seksi", JenisJabatan.PENGAWAS)
    staf = Jabatan("Pengadministrasi Perkantoran", JenisJabatan.PELAKSANA)
    muda = Jabatan("Perencana", JenisJabatan.FUNGSIONAL, Jenjang.AHLI_MUDA)
    terampil = Jabatan("Arsiparis", JenisJabatan.FUNGSIONAL, Jenjang.TERAMPIL)
    assert may_rate(kasi, staf) and not may_rate(kabid, staf)
    assert may_rate(kabid, kasi) and not may_rate(kadis, kasi)
    assert may_rate(kadis, kabid)
    assert may_rate(kabid, muda) and may_rate(kadis, muda) and not may_rate(kasi, muda)
    assert all(may_rate(r, terampil) for r in (kasi, kabid, kadis)) and not may_rate(staf, terampil)
    assert PEJABAT_PENILAI[kadis.posisi] == frozenset()  # the head of region, not an ASN pegawai
    every_posisi = {(j.jenis_jabatan, j) for j in Jenjang} | {(k, None) for k in JenisJabatan
                                                             if k not in (JenisJabatan.JPT,
                                                                          JenisJabatan.FUNGSIONAL)}
    assert every_posisi == set(PEJABAT_PENILAI)


def test_pegawai_refuses_a_golongan_of_the_other_scale():
    fields = dict(nip="198609262015051001", nama="Budi Santoso",
                  jabatan=Jabatan("Staf", JenisJabatan.PELAKSANA), unor_id="U", atasan_nip=None,
                  tanggal_lahir=dt.date(1986, 9, 26), tmt=dt.date(2015, 5, 1),
                  jenis_kelamin=JenisKelamin.LAKI_LAKI, behaviour_profile=BehaviourProfile.DILIGENT,
                  digital_literacy=0.5)
    assert Pegawai(jenis_asn=JenisAsn.PNS, golongan=Golongan.III_A, **fields).umur(dt.date(2026, 9, 25)) == 39
    with pytest.raises(ValueError):
        Pegawai(jenis_asn=JenisAsn.PPPK, golongan=Golongan.III_A, **fields)
    with pytest.raises(ValueError):
        Pegawai(jenis_asn=JenisAsn.PNS, golongan=Golongan.III_A, **{**fields, "digital_literacy": 1.5})
