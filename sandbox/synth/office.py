"""Synthetic Pemda offices: unor tree, jabatan mix, golongan, NIP, names and behaviour, all from one seed.

Shape. The instansi is a Pemerintah Kabupaten (as in SIASN); the root unor is the kabupaten, led by
the Bupati, who is not an ASN pegawai (so its `pimpinan_nip` is None and kepala dinas have no
`atasan_nip`: WORKFLOW §1.1 says the head of region rates a JPT Pratama). Under it sit perangkat
daerah (dinas/badan) of up to CORE_MAX staff each, one more per CORE_MAX staff, at most one of each
kind in `catalog.PERANGKAT_DAERAH`. Staff beyond that go to UPTD units (led by a pengawas, under a
bidang) of up to UPTD_MAX staff, which is how large dinas (schools, puskesmas) really grow. So 1 staff
is a lone kepala dinas, 26 a small Dinas Perhubungan, 100,000 twelve dinas with many UPTD.

Who rates whom follows WORKFLOW §1.1: a pegawai's `atasan_nip` is the head of the unit they sit in,
and units are chosen so that the level is right (pelaksana under a pengawas, JF Ahli Muda under an
administrator, JF Ahli Madya under the kepala dinas, a unit head under the head of the parent unit).

Reproducibility: one `random.Random(seed)` and one local Faker seeded with the same seed; nothing
global is touched, and the call order never depends on dict or set iteration order.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Mapping
from dataclasses import dataclass

from faker import Faker

from sandbox.domain import (
    BehaviourProfile,
    Golongan,
    Instansi,
    Jabatan,
    JenisAsn,
    JenisJabatan,
    JenisKelamin,
    Jenjang,
    Office,
    Pegawai,
    UnitKerja,
)
from sandbox.synth import catalog
from sandbox.synth.nip import NipPns, NiPppk

CORE_MAX = 150  # staff of one dinas before UPTD units are added
UPTD_MAX = 40  # staff of one UPTD, its kepala included
REFERENCE_DATE = dt.date(2026, 1, 1)  # "today" for ages and TMT unless the caller says otherwise

DEFAULT_PROFILE_SHARES: dict[BehaviourProfile, float] = {
    BehaviourProfile.DILIGENT: 0.35,
    BehaviourProfile.LATE_FILER: 0.20,
    BehaviourProfile.DELEGATES_TO_OPERATOR: 0.20,
    BehaviourProfile.LOW_DIGITAL_LITERACY: 0.10,
    BehaviourProfile.OVERLOADED: 0.10,
    BehaviourProfile.UNDERLOADED: 0.05,
}

G = Golongan
# Golongan a holder of each position plausibly has. JF rows: REGULATIONS §7(b) "typical gol. ruang"
# (Terampil II/b–II/d as the brief's table; Pemula II/a UNCERTAIN). Structural and pelaksana rows
# are common practice for eselon II/III/IV and staff, not a cited rule: UNCERTAIN.
PNS_GOLONGAN: dict[tuple[JenisJabatan, Jenjang | None], tuple[Golongan, ...]] = {
    (JenisJabatan.JPT, Jenjang.PRATAMA): (G.IV_C, G.IV_D),
    (JenisJabatan.ADMINISTRATOR, None): (G.III_D, G.IV_A, G.IV_B),
    (JenisJabatan.PENGAWAS, None): (G.III_B, G.III_C, G.III_D),
    (JenisJabatan.PELAKSANA, None): (G.II_A, G.II_B, G.II_C, G.II_D, G.III_A, G.III_B, G.III_C),
    (JenisJabatan.FUNGSIONAL, Jenjang.AHLI_PERTAMA): (G.III_A, G.III_B),
    (JenisJabatan.FUNGSIONAL, Jenjang.AHLI_MUDA): (G.III_C, G.III_D),
    (JenisJabatan.FUNGSIONAL, Jenjang.AHLI_MADYA): (G.IV_A, G.IV_B, G.IV_C),
    (JenisJabatan.FUNGSIONAL, Jenjang.PEMULA): (G.II_A,),
    (JenisJabatan.FUNGSIONAL, Jenjang.TERAMPIL): (G.II_B, G.II_C, G.II_D),
    (JenisJabatan.FUNGSIONAL, Jenjang.MAHIR): (G.III_A, G.III_B),
    (JenisJabatan.FUNGSIONAL, Jenjang.PENYELIA): (G.III_C, G.III_D),
}
# PPPK hold only pelaksana and JF here. Grades per jenjang (Perpres 98/2020 practice): UNCERTAIN (§9.5).
PPPK_GOLONGAN: dict[tuple[JenisJabatan, Jenjang | None], tuple[Golongan, ...]] = {
    (JenisJabatan.PELAKSANA, None): (G.PPPK_V, G.PPPK_VII, G.PPPK_IX),
    (JenisJabatan.FUNGSIONAL, Jenjang.AHLI_PERTAMA): (G.PPPK_IX,),
    (JenisJabatan.FUNGSIONAL, Jenjang.AHLI_MUDA): (G.PPPK_XI,),
    (JenisJabatan.FUNGSIONAL, Jenjang.AHLI_MADYA): (G.PPPK_XIII,),
    (JenisJabatan.FUNGSIONAL, Jenjang.PEMULA): (G.PPPK_V,),
    (JenisJabatan.FUNGSIONAL, Jenjang.TERAMPIL): (G.PPPK_VII,),
    (JenisJabatan.FUNGSIONAL, Jenjang.MAHIR): (G.PPPK_VIII,),
    (JenisJabatan.FUNGSIONAL, Jenjang.PENYELIA): (G.PPPK_IX,),
}

# How a PNS enters: golongan by education, entry-age range, academic titles (REGULATIONS §9.3 entry
# golongan by education: UNCERTAIN). Promotion every YEARS_PER_GOLONGAN years (kenaikan pangkat
# reguler) turns a golongan into a minimum length of service.
ENTRY = ((G.II_A, 18, 27, ()), (G.II_C, 21, 30, catalog.GELAR_D3), (G.III_A, 22, 35, catalog.GELAR_S1),
         (G.III_B, 25, 35, catalog.GELAR_S2))
YEARS_PER_GOLONGAN = 4
# Batas usia pensiun (UU ASN practice): 60 for JPT and Ahli Madya, 58 for the rest generated here.
BUP = {JenisJabatan.JPT: 60, Jenjang.AHLI_MADYA: 60}
BUP_DEFAULT = 58

# JF jenjang mix in a dinas core and in a UPTD (UPTD heads are pengawas, who may rate only these).
JF_MIX_CORE = ((Jenjang.AHLI_PERTAMA, 35), (Jenjang.AHLI_MUDA, 25), (Jenjang.AHLI_MADYA, 5),
               (Jenjang.PEMULA, 5), (Jenjang.TERAMPIL, 15), (Jenjang.MAHIR, 10), (Jenjang.PENYELIA, 5))
JF_MIX_UPTD = ((Jenjang.AHLI_PERTAMA, 45), (Jenjang.PEMULA, 5), (Jenjang.TERAMPIL, 25), (Jenjang.MAHIR, 15),
               (Jenjang.PENYELIA, 10))
# PPPK two-digit code (opaque, UNCERTAIN per §9.2): 24 marks the 2025 paruh waktu cohort.
PPPK_PARUH_WAKTU_SHARE = 0.15
FEMALE_SHARE = {True: 0.35, False: 0.55}  # structural heads / other staff: plausible, not sourced


@dataclass
class _Unit:
    id: str
    nama: str
    parent_id: str | None
    head: Jabatan | None  # None for the kabupaten root, led by the Bupati
    pimpinan_nip: str | None = None


@dataclass(frozen=True)
class _Slot:
    jabatan: Jabatan
    unit_id: str
    heads_unit: bool


def _profile_quota(shares: Mapping[BehaviourProfile | str, float] | None, n: int) -> list[BehaviourProfile]:
    """Exactly round(share × n) of each profile (largest remainder), in profile order, unshuffled."""
    given = DEFAULT_PROFILE_SHARES if shares is None else shares
    clean: dict[BehaviourProfile, float] = {}
    for key, share in given.items():
        profile = key if isinstance(key, BehaviourProfile) else BehaviourProfile(key)
        if share < 0:
            raise ValueError(f"profil {profile.value}: porsi tidak boleh negatif ({share})")
        clean[profile] = float(share)
    total = sum(clean.values())
    if not math.isclose(total, 1.0, abs_tol=1e-6):
        raise ValueError(f"jumlah porsi profil harus 1, bukan {total}")
    exact = [(p, clean.get(p, 0.0) * n) for p in BehaviourProfile]
    counts = {p: int(x) for p, x in exact}
    leftover = n - sum(counts.values())
    for p, _x in sorted(exact, key=lambda item: item[1] - int(item[1]), reverse=True)[:leftover]:
        counts[p] += 1
    return [p for p in BehaviourProfile for _ in range(counts[p])]


def _split(total: int, parts: int) -> list[int]:
    base, extra = divmod(total, parts)
    return [base + (i < extra) for i in range(parts)]


class _Builder:
    def __init__(self, seed: int, pppk_share: float, fungsional_share: float, pada: dt.date):
        self.rng = random.Random(seed)
        self.fake = Faker("id_ID")
        self.fake.seed_instance(seed)
        self.pppk_share = pppk_share
        self.fungsional_share = fungsional_share
        self.pada = pada
        self.units: list[_Unit] = []
        self.slots: list[_Slot] = []
        self.serials: dict[str, int] = {}

    # -- structure -------------------------------------------------------------------------------
    def unit(self, uid: str, nama: str, parent: str | None, head: Jabatan | None) -> str:
        self.units.append(_Unit(uid, nama, parent, head))
        if head is not None:
            self.slots.append(_Slot(head, uid, True))
        return uid

    def staff_jabatan(self, pd: catalog.PerangkatDaerah, mix) -> Jabatan:
        rng = self.rng
        if rng.random() >= self.fungsional_share:
            return Jabatan(rng.choice(catalog.PELAKSANA), JenisJabatan.PELAKSANA)
        jenjang = rng.choices([j for j, _ in mix], [w for _, w in mix])[0]
        names = (pd.jf_keahlian + catalog.JF_KEAHLIAN_UMUM if jenjang.is_keahlian
                 else pd.jf_keterampilan + catalog.JF_KETERAMPILAN_UMUM)
        return Jabatan(rng.choice(names), JenisJabatan.FUNGSIONAL, jenjang)

    def perangkat_daerah(self, index: int, pd: catalog.PerangkatDaerah, n: int, root: str) -> None:
        rng = self.rng
        kind = "Badan" if pd.is_badan else "Dinas"
        uid = f"{root}.{index + 1:02d}"
        self.unit(uid, pd.nama, root, Jabatan(f"Kepala {pd.nama}", JenisJabatan.JPT, Jenjang.PRATAMA))
        core = min(n, CORE_MAX)
        if core >= 2:
            self.unit(f"{uid}.SEK", f"Sekretariat {kind}", uid,
                      Jabatan(f"Sekretaris {kind}", JenisJabatan.ADMINISTRATOR))
        n_subbag = 0 if core < 3 else 1 if core < 12 else 2 if core < 60 else 3
        n_bidang = 0 if core < 8 else min(len(pd.bidang), max(1, core // 8))
        structural = 1 + (core >= 2) + n_subbag + n_bidang
        n_seksi = 0 if n_bidang == 0 else min(3 * n_bidang, max(n_bidang, int(0.4 * core) - structural))
        administrator_units = [f"{uid}.SEK"] if core >= 2 else []
        pengawas_units = []
        for i, nama in enumerate(catalog.SUBBAGIAN.get(n_subbag, ())):
            pengawas_units.append(self.unit(f"{uid}.SEK.{i + 1}", f"Subbagian {nama}", f"{uid}.SEK",
                                            Jabatan(f"Kepala Subbagian {nama}", JenisJabatan.PENGAWAS)))
        bidang_units = []
        for b, seksi_count in enumerate(_split(n_seksi, n_bidang) if n_bidang else []):
            nama, seksi_names = pd.bidang[b]
            bid = self.unit(f"{uid}.B{b + 1}", f"Bidang {nama}", uid,
                            Jabatan(f"Kepala Bidang {nama}", JenisJabatan.ADMINISTRATOR))
            bidang_units.append(bid)
            for s in range(seksi_count):
                kasi = Jabatan(f"Kepala Seksi {seksi_names[s]}", JenisJabatan.PENGAWAS)
                pengawas_units.append(self.unit(f"{bid}.S{s + 1}", f"Seksi {seksi_names[s]}", bid, kasi))
        administrator_units += bidang_units
        for _ in range(core - structural - n_seksi):
            jabatan = self.staff_jabatan(pd, JF_MIX_CORE)
            if jabatan.jenjang is Jenjang.AHLI_MADYA or not administrator_units:
                unit_id = uid
            elif jabatan.jenjang is Jenjang.AHLI_MUDA or not pengawas_units:
                unit_id = rng.choice(administrator_units)
            else:
                unit_id = rng.choice(pengawas_units)
            self.slots.append(_Slot(jabatan, unit_id, False))
        rest = n - core
        if rest <= 0:
            return
        parents = bidang_units or [uid]
        for u, size in enumerate(_split(rest, math.ceil(rest / UPTD_MAX))):
            nama = f"{pd.uptd} {u + 1}"
            upt = self.unit(f"{uid}.U{u + 1}", nama, parents[u % len(parents)],
                            Jabatan(f"Kepala {nama}", JenisJabatan.PENGAWAS))
            for _ in range(size - 1):
                self.slots.append(_Slot(self.staff_jabatan(pd, JF_MIX_UPTD), upt, False))

    # -- people ----------------------------------------------------------------------------------
    def person(self, slot: _Slot, profile: BehaviourProfile, atasan_nip: str | None) -> Pegawai:
        rng, jabatan = self.rng, slot.jabatan
        pppk = not slot.heads_unit and rng.random() < self.pppk_share
        female = rng.random() < FEMALE_SHARE[slot.heads_unit]
        sex = JenisKelamin.PEREMPUAN if female else JenisKelamin.LAKI_LAKI
        bup = BUP.get(jabatan.jenjang, BUP.get(jabatan.jenis, BUP_DEFAULT))
        if pppk:
            golongan = rng.choice(PPPK_GOLONGAN[jabatan.posisi])
            paruh_waktu = rng.random() < PPPK_PARUH_WAKTU_SHARE
            year = 2025 if paruh_waktu else rng.randint(2021, 2025)
            age = rng.randint(21, min(56, bup - 1 - (self.pada.year - year)))
            tmt = dt.date(year, rng.randint(1, 12), 1)
            gelar = (catalog.GELAR_S1 if golongan.urutan >= 9
                     else catalog.GELAR_D3 if golongan.urutan >= 7 else ())
            kode = "24" if paruh_waktu else "21"
        else:
            golongan = rng.choice(PNS_GOLONGAN[jabatan.posisi])
            entries = [e for e in ENTRY if e[0].urutan <= golongan.urutan
                       and e[1] + YEARS_PER_GOLONGAN * (golongan.urutan - e[0].urutan + 1) < bup - 1]
            entry, age_lo, age_hi, gelar = entries[-1] if rng.random() < 0.6 else rng.choice(entries)
            steps = golongan.urutan - entry.urutan
            service = YEARS_PER_GOLONGAN * steps + rng.randint(0, YEARS_PER_GOLONGAN - 1)
            age = rng.randint(age_lo, max(age_lo, min(age_hi, bup - 2 - service)))
            tmt = dt.date(self.pada.year - 1 - service, rng.randint(1, 12), 1)
        while True:
            lahir = tmt.replace(year=tmt.year - age) - dt.timedelta(days=rng.randrange(365))
            if pppk:
                lahir = dt.date(year - age, 1, 1) + dt.timedelta(days=rng.randrange(365))
                nip = NiPppk(lahir, year, kode, sex, 1)
            else:
                nip = NipPns(lahir, tmt, sex, 1)
            serial = self.serials.get(nip.prefix, 0) + 1
            if serial <= 999:  # else: a 1000th twin of this prefix; draw another birthday
                break
        self.serials[nip.prefix] = serial
        if female:
            nama = f"{self.fake.first_name_female()} {self.fake.last_name_female()}"
        else:
            nama = f"{self.fake.first_name_male()} {self.fake.last_name_male()}"
        if gelar is catalog.GELAR_S2:
            nama = f"{nama}, {rng.choice(catalog.GELAR_S1)}, {rng.choice(gelar)}"
        elif gelar:
            nama = f"{nama}, {rng.choice(gelar)}"
        umur = self.pada.year - lahir.year
        literacy = 0.9 - 0.012 * (umur - 25) + rng.gauss(0, 0.12)
        if profile is BehaviourProfile.LOW_DIGITAL_LITERACY:
            literacy = min(literacy, rng.uniform(0.05, 0.3))
        elif profile is BehaviourProfile.DELEGATES_TO_OPERATOR:
            literacy *= 0.7
        return Pegawai(
            nip=f"{nip.prefix}{serial:03d}", nama=nama, jenis_asn=JenisAsn.PPPK if pppk else JenisAsn.PNS,
            golongan=golongan, jabatan=jabatan, unor_id=slot.unit_id, atasan_nip=atasan_nip,
            tanggal_lahir=lahir, tmt=tmt, jenis_kelamin=sex, behaviour_profile=profile,
            digital_literacy=round(min(1.0, max(0.0, literacy)), 2),
        )


def generate_office(
    seed: int,
    staff: int,
    profile_shares: Mapping[BehaviourProfile | str, float] | None = None,
    *,
    pppk_share: float = 0.2,
    fungsional_share: float = 0.3,
    pada: dt.date = REFERENCE_DATE,
    instansi_nama: str | None = None,
) -> Office:
    """A reproducible synthetic Pemda office with `staff` pegawai (1 … 100,000 and more).

    `profile_shares` maps each behaviour profile (enum or its value) to a share summing to 1; missing
    profiles get 0; each profile is given to exactly round(share × staff) people. `pppk_share` is
    the share of PPPK among non-leading staff (PPPK never lead a unit here); `fungsional_share` the
    share of JF among them. `pada` is the date ages and TMT are consistent with.
    """
    if staff < 1:
        raise ValueError(f"jumlah pegawai minimal 1, bukan {staff}")
    builder = _Builder(seed, pppk_share, fungsional_share, pada)
    profiles = _profile_quota(profile_shares, staff)
    builder.rng.shuffle(profiles)
    # Faker's city is a real one (Bandung, Sleman…): it is still drawn, so every seed keeps the people
    # it always had, but the office is named after an invented kabupaten (catalog.KABUPATEN_FIKTIF).
    builder.fake.city()
    kabupaten = catalog.kabupaten_fiktif(seed)
    instansi = Instansi(id=f"PEMKAB-{seed}", nama=instansi_nama or f"Pemerintah Kabupaten {kabupaten}")
    root = builder.unit("U", instansi.nama, None, None)
    n_pd = max(1, min(len(catalog.PERANGKAT_DAERAH), math.ceil(staff / CORE_MAX)))
    for index, size in enumerate(_split(staff, n_pd)):
        builder.perangkat_daerah(index, catalog.PERANGKAT_DAERAH[index], size, root)

    unit_of = {u.id: u for u in builder.units}
    pegawai = []
    for slot, profile in zip(builder.slots, profiles, strict=True):
        unit = unit_of[slot.unit_id]
        leader = unit_of[unit.parent_id] if slot.heads_unit and unit.parent_id else unit
        person = builder.person(slot, profile, leader.pimpinan_nip)
        if slot.heads_unit:
            unit.pimpinan_nip = person.nip
        pegawai.append(person)
    units = tuple(UnitKerja(u.id, u.nama, u.parent_id, u.pimpinan_nip) for u in builder.units)
    return Office(instansi, units, tuple(pegawai))


DEMO_SEED = 20230426
# Field study 004: in 2023, 16 of the 26 PNS of a kabupaten Dinas Perhubungan did not fill e-Kinerja
# themselves; the other ten did. How those ten spread over the remaining profiles is our choice.
DEMO_PROFILE_SHARES = {
    BehaviourProfile.DELEGATES_TO_OPERATOR: 16 / 26,
    BehaviourProfile.DILIGENT: 5 / 26,
    BehaviourProfile.LATE_FILER: 3 / 26,
    BehaviourProfile.OVERLOADED: 1 / 26,
    BehaviourProfile.UNDERLOADED: 1 / 26,
}


def demo_office() -> Office:
    """The fixed practice office: a 26-person Dinas Perhubungan of a fictional kabupaten, all PNS.

    Modelled on the Dinas Perhubungan of field study 004 (26 PNS, 16 of whom let someone else fill
    their e-Kinerja); the kabupaten and every person are invented.
    """
    return generate_office(DEMO_SEED, 26, DEMO_PROFILE_SHARES, pppk_share=0.0,
                           instansi_nama="Pemerintah Kabupaten Banua Raya")
