"""Step bindings for the executable specification in features/*.feature (Indonesian Gherkin).

Every scenario runs against the real rule engine and the real packs in rules/: nothing is mocked.
Inputs are passed as the strings a regulator would type on the command line ("89.99", "ya"), so
the engine's own input parsing is part of what is specified.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pytest_bdd import given, parsers, scenarios, then, when

from sandbox.rules import Engine, EvaluationError, load_pack
from sandbox.rules.engine import Evaluation
from sandbox.rules.model import RulePack

ROOT = Path(__file__).resolve().parents[1]

# Every feature file in features/ runs: discovered, not listed, so a regulator's new .feature is part
# of the suite the moment it is saved (a step it uses that no binding knows fails it, by name).
FEATURE_FILES = tuple(sorted(path.name for path in (ROOT / "features").glob("*.feature")))

scenarios(*FEATURE_FILES)


def test_every_feature_file_is_collected():
    """The discovery above found the specification (an empty glob would pass silently otherwise)."""
    assert {"predikat_kuadran.feature", "kurva_distribusi.feature", "tpp.feature",
            "reformasi.feature"} <= set(FEATURE_FILES)

ENGINE = Engine()  # one engine for every scenario: packs are evaluated side by side in-process

BENAR = {"true", "ya", "benar", "yes"}
SALAH = {"false", "tidak", "salah", "no"}
TOLERANSI = 1e-6  # exact figures: only binary floating-point noise is forgiven
TOLERANSI_KIRA = 0.01  # "kira-kira": figures written with two decimals

LABEL_PAKET = ("dasar", "reformasi")


# -- helpers ---------------------------------------------------------------------------------


def pola(template: str, **jenis: str):
    """A step pattern: `"{name}"` takes any quoted text, `{name:d}` a whole number."""
    regex = ""
    for part in re.split(r"(\{\w+(?::d)?\})", template):
        if part.startswith("{") and part.endswith("}"):
            name, _, kind = part[1:-1].partition(":")
            regex += rf"(?P<{name}>-?\d+)" if kind == "d" else rf'(?P<{name}>[^"]*)'
        else:
            regex += re.escape(part)
    return parsers.re(regex)


@functools.cache
def paket(reference: str) -> RulePack:
    """Load a pack once per test session (packs are read-only once loaded)."""
    return load_pack(reference)


def angka(teks: str) -> float:
    """A number as written in a scenario; 'Rp 4.920.000' uses Indonesian thousands separators."""
    bersih = teks.strip()
    if bersih.lower().startswith("rp"):
        bersih = bersih[2:].strip().replace(".", "").replace(",", ".")
    return float(bersih)


def cocok(aktual: object, diharapkan: str, toleransi: float = TOLERANSI) -> bool:
    """Compare an output with the text of a scenario, by the output's own type."""
    teks = diharapkan.strip()
    if isinstance(aktual, bool):
        kata = teks.lower()
        assert kata in BENAR | SALAH, f"'{diharapkan}' bukan nilai benar/salah"
        return aktual is (kata in BENAR)
    if isinstance(aktual, int | float):
        return math.isclose(aktual, angka(teks), rel_tol=0, abs_tol=toleransi)
    return str(aktual) == teks


def baris_tabel(datatable: list[list[str]], kepala: tuple[str, ...]) -> list[list[str]]:
    """The rows of a step's data table, without its header row."""
    assert datatable, "tabel data kosong"
    assert tuple(c.strip() for c in datatable[0]) == kepala, (
        f"kepala tabel harus {' | '.join(kepala)}, tertulis {' | '.join(datatable[0])}"
    )
    return [[c.strip() for c in row] for row in datatable[1:]]


def masukan_dari_tabel(datatable: list[list[str]]) -> dict[str, str]:
    return {nama: nilai for nama, nilai in baris_tabel(datatable, ("masukan", "nilai"))}


def aturan_menyala(hasil: Evaluation) -> list[dict]:
    return [entry for entry in hasil.trace if entry.get("kind") == "rule"]


def entri_jejak(hasil: Evaluation, kind: str, name: str) -> dict:
    entries = [e for e in hasil.trace if e.get("kind") == kind and e.get("name") == name]
    assert entries, f"jejak tidak mencatat {kind} '{name}'"
    assert len(entries) == 1, f"jejak mencatat {kind} '{name}' {len(entries)} kali"
    return entries[0]


def entri_aturan(hasil: Evaluation, rule: str) -> dict:
    entries = [e for e in aturan_menyala(hasil) if e["rule"] == rule]
    fired = [e["rule"] for e in aturan_menyala(hasil)]
    assert entries, f"aturan '{rule}' tidak ada di jejak; yang menyala: {fired}"
    assert len(entries) == 1, f"aturan '{rule}' tercatat {len(entries)} kali di jejak"
    return entries[0]


def daftar_aturan(items: list[dict]) -> list[str]:
    return [item["rule"] for item in items]


@dataclass
class Konteks:
    """What one scenario has set up and computed so far."""

    pack: RulePack | None = None
    packs: dict[str, RulePack] = field(default_factory=dict)
    on: dt.date | None = None
    masukan: dict[str, str] = field(default_factory=dict)
    keputusan: str | None = None
    masukan_terakhir: dict[str, str] = field(default_factory=dict)
    hasil: Evaluation | None = None
    hasil_per_paket: dict[str, Evaluation] = field(default_factory=dict)
    galat: EvaluationError | None = None
    rangkaian: list[Evaluation] = field(default_factory=list)

    def paket_utama(self) -> RulePack:
        assert self.pack is not None, "belum ada paket: tulis dulu 'Dengan paket \"...\"'"
        return self.pack

    def hitung(self, keputusan: str, masukan: dict) -> None:
        """Evaluate on the scenario's pack; an input the engine refuses is kept for a Then step."""
        pack = self.paket_utama()
        assert keputusan in pack.decisions, (
            f"paket {pack.id} tidak punya keputusan '{keputusan}' ({', '.join(pack.decisions)})"
        )
        gabungan = {**self.masukan, **masukan}
        self.keputusan, self.masukan_terakhir = keputusan, gabungan
        try:
            self.hasil = ENGINE.evaluate(pack, keputusan, gabungan, on=self.on)
        except EvaluationError as error:
            self.galat = error
            return
        assert self.hasil.decision == keputusan and self.hasil.pack == pack.id
        if self.on is not None:
            assert self.hasil.on == self.on

    def hitung_berdampingan(self, keputusan: str, masukan: dict) -> None:
        """Evaluate the same inputs on the base pack and on the reform, on the same date."""
        for label in LABEL_PAKET:
            assert label in self.packs, f"belum ada paket {label}"
        for label in LABEL_PAKET:
            pack = self.packs[label]
            hasil = ENGINE.evaluate(pack, keputusan, masukan, on=self.on)
            assert hasil.pack == pack.id
            self.hasil_per_paket[label] = hasil
        self.keputusan, self.masukan_terakhir = keputusan, dict(masukan)

    def hasil_berhasil(self, label: str | None = None) -> Evaluation:
        if label is not None:
            assert label in self.hasil_per_paket, f"belum dihitung pada paket {label}"
            return self.hasil_per_paket[label]
        if self.galat is not None:
            pytest.fail(f"perhitungan ditolak: {self.galat.render('id')}")
        assert self.hasil is not None, "belum ada perhitungan"
        return self.hasil


def masukan_kurva(organisasi, sb, b, bp, k, sk) -> dict:
    return {
        "predikat_organisasi": organisasi,
        "jumlah_sangat_baik": int(sb),
        "jumlah_baik": int(b),
        "jumlah_butuh_perbaikan": int(bp),
        "jumlah_kurang": int(k),
        "jumlah_sangat_kurang": int(sk),
    }


KURVA = (
    '"{organisasi}" berisi {sb:d} Sangat Baik, {b:d} Baik, {bp:d} Butuh Perbaikan, '
    "{k:d} Kurang dan {sk:d} Sangat Kurang"
)
KE_INT = {name: int for name in ("sb", "b", "bp", "k", "sk", "n", "bulan")}


# -- fixtures --------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _di_akar_repositori(monkeypatch):
    """Pack ids and relative pack paths resolve from the repository root, like the CLI."""
    monkeypatch.chdir(ROOT)


@pytest.fixture
def konteks() -> Konteks:
    return Konteks()


# -- Dengan (Given) --------------------------------------------------------------------------


@given(pola('paket "{ref}"'))
def dengan_paket(konteks: Konteks, ref: str):
    pack = paket(ref)
    assert pack.decisions, f"paket {ref} tidak punya keputusan"
    konteks.pack = pack


@given(pola('paket dasar "{ref}"'))
def dengan_paket_dasar(konteks: Konteks, ref: str):
    pack = paket(ref)
    assert pack.extends is None, f"{ref} adalah reformasi, bukan paket dasar"
    konteks.packs["dasar"] = pack


@given(pola('paket reformasi "{ref}"'))
def dengan_paket_reformasi(konteks: Konteks, ref: str):
    pack = paket(ref)
    dasar = konteks.packs.get("dasar")
    assert dasar is not None, "tulis paket dasar sebelum paket reformasi"
    assert pack.base is not None and pack.base.id == dasar.id, (
        f"{ref} bukan reformasi atas {dasar.id} (extends: {pack.extends})"
    )
    konteks.packs["reformasi"] = pack


@given(pola('tanggal evaluasi "{tanggal}"'))
def dengan_tanggal(konteks: Konteks, tanggal: str):
    konteks.on = dt.date.fromisoformat(tanggal)


@given("masukan:")
def dengan_masukan(konteks: Konteks, datatable):
    masukan = masukan_dari_tabel(datatable)
    dikenal = {n for d in konteks.paket_utama().decisions.values() for n in d.inputs}
    for nama in masukan:
        assert nama in dikenal, f"'{nama}' bukan masukan paket {konteks.paket_utama().id}"
    konteks.masukan.update(masukan)


@given("paket sementara berikut:")
def dengan_paket_sementara(konteks: Konteks, docstring: str, tmp_path: Path):
    berkas = tmp_path / "paket-sementara.yaml"
    berkas.write_text(docstring, encoding="utf-8")
    pack = load_pack(berkas)
    assert pack.base is not None, "paket sementara harus sebuah reformasi (extends)"
    konteks.pack = pack


# -- Ketika (When) ---------------------------------------------------------------------------


@when(pola('keputusan "{keputusan}" dihitung dengan:'))
def ketika_dihitung_dengan(konteks: Konteks, keputusan: str, datatable):
    konteks.hitung(keputusan, masukan_dari_tabel(datatable))


@when(pola('keputusan "{keputusan}" dihitung'))
def ketika_dihitung(konteks: Konteks, keputusan: str):
    konteks.hitung(keputusan, {})


@when(pola('rating hasil kerja "{hk}" dan rating perilaku "{pk}"'))
def ketika_rating(konteks: Konteks, hk: str, pk: str):
    konteks.hitung("predikat", {"rating_hasil_kerja": hk, "rating_perilaku": pk})


@when(pola(
    'rating hasil kerja "{hk}" dan rating perilaku "{pk}" menurut paket dasar dan paket reformasi'
))
def ketika_rating_berdampingan(konteks: Konteks, hk: str, pk: str):
    konteks.hitung_berdampingan("predikat", {"rating_hasil_kerja": hk, "rating_perilaku": pk})


@when(pola("unit berpredikat " + KURVA), converters=KE_INT)
def ketika_kurva(konteks: Konteks, organisasi: str, sb: int, b: int, bp: int, k: int, sk: int):
    konteks.hitung("kurva", masukan_kurva(organisasi, sb, b, bp, k, sk))


@when(pola("unit berpredikat " + KURVA + " menurut paket dasar dan paket reformasi"),
      converters=KE_INT)
def ketika_kurva_berdampingan(konteks: Konteks, organisasi: str, sb: int, b: int, bp: int,
                              k: int, sk: int):
    konteks.hitung_berdampingan("kurva", masukan_kurva(organisasi, sb, b, bp, k, sk))


@when(parsers.re(
    r'nilai kinerja dihitung dari nilai SKP "(?P<skp>[^"]*)" dan nilai perilaku '
    r'"(?P<perilaku>[^"]*)"(?:, penilaian 360 derajat "(?P<p360>[^"]*)")?'
    r'(?:, inovasi "(?P<inovasi>[^"]*)")?'
))
def ketika_nilai_kinerja(konteks: Konteks, skp: str, perilaku: str, p360: str | None,
                         inovasi: str | None):
    masukan = {"nilai_skp": skp, "nilai_perilaku": perilaku}
    if p360 is not None:
        masukan["penilaian_360"] = p360
    if inovasi is not None:
        masukan["inovasi"] = inovasi
    konteks.hitung("nilai_kinerja", masukan)


@when(pola("keberatan diajukan {hari:d} hari setelah hasil penilaian diterima"))
def ketika_keberatan(konteks: Konteks, hari: str):
    konteks.hitung("keberatan", {"hari_sejak_hasil_diterima": hari})


@when(parsers.re(
    r'angka kredit dihitung untuk jenjang "(?P<jenjang>[^"]*)" dengan predikat '
    r'"(?P<predikat>[^"]*)"(?: selama "(?P<bulan>[^"]*)" bulan)?'
    r'(?:, angka kredit tahun ini "(?P<sudah>[^"]*)")?'
))
def ketika_angka_kredit(konteks: Konteks, jenjang: str, predikat: str, bulan: str | None,
                        sudah: str | None):
    masukan = {"jenjang": jenjang, "predikat": predikat}
    if bulan is not None:
        masukan["bulan"] = bulan
    if sudah is not None:
        masukan["angka_kredit_tahun_ini"] = sudah
    konteks.hitung("angka_kredit", masukan)


@when(pola(
    'jenjang "{jenjang}" berpredikat "{predikat}" pada {n:d} periode berturut-turut '
    "masing-masing {bulan:d} bulan"
), converters=KE_INT)
def ketika_beberapa_periode(konteks: Konteks, jenjang: str, predikat: str, n: int, bulan: int):
    """Consecutive periods; a period that does not fit in the current year starts a new year."""
    pack = konteks.paket_utama()
    bulan_tahun_ini, ak_tahun_ini = 0, 0.0
    for _ in range(n):
        if bulan_tahun_ini + bulan > 12:
            bulan_tahun_ini, ak_tahun_ini = 0, 0.0
        hasil = ENGINE.evaluate(pack, "angka_kredit", {
            "jenjang": jenjang, "predikat": predikat, "bulan": bulan,
            "angka_kredit_tahun_ini": ak_tahun_ini,
        }, on=konteks.on)
        konteks.rangkaian.append(hasil)
        bulan_tahun_ini += bulan
        ak_tahun_ini += hasil.outputs["angka_kredit"]
    assert len(konteks.rangkaian) == n


# -- Maka (Then) -----------------------------------------------------------------------------


@then(pola('perhitungan ditolak dengan kode "{kode}"'))
def maka_ditolak(konteks: Konteks, kode: str):
    assert konteks.galat is not None, (
        f"perhitungan tidak ditolak; hasilnya {konteks.hasil.outputs if konteks.hasil else None}"
    )
    assert konteks.galat.code == kode, f"ditolak dengan kode {konteks.galat.code}, bukan {kode}"
    assert konteks.galat.render("id").strip(), "pesan penolakan kosong"


@then(pola('predikatnya "{nilai}"'))
def maka_predikat(konteks: Konteks, nilai: str):
    aktual = konteks.hasil_berhasil().outputs["predikat"]
    assert aktual == nilai, f"predikat {aktual}, bukan {nilai}"


@then(pola('keluaran "{nama}" bernilai "{nilai}"'))
def maka_keluaran(konteks: Konteks, nama: str, nilai: str):
    outputs = konteks.hasil_berhasil().outputs
    assert nama in outputs, f"tidak ada keluaran '{nama}' ({', '.join(outputs)})"
    assert cocok(outputs[nama], nilai), f"keluaran {nama} = {outputs[nama]!r}, bukan {nilai}"


@then(pola('keluaran "{nama}" bernilai kira-kira "{nilai}"'))
def maka_keluaran_kira(konteks: Konteks, nama: str, nilai: str):
    outputs = konteks.hasil_berhasil().outputs
    assert nama in outputs, f"tidak ada keluaran '{nama}' ({', '.join(outputs)})"
    assert cocok(outputs[nama], nilai, TOLERANSI_KIRA), (
        f"keluaran {nama} = {outputs[nama]!r}, bukan kira-kira {nilai}"
    )


@then(pola('keluaran "{nama}" memuat "{teks}"'))
def maka_keluaran_memuat(konteks: Konteks, nama: str, teks: str):
    aktual = konteks.hasil_berhasil().outputs[nama]
    assert isinstance(aktual, str) and teks in aktual, f"keluaran {nama} = {aktual!r}"


@then(pola('jejak menyebut aturan "{aturan}" dengan dasar hukum yang memuat "{teks}"'))
def maka_jejak_aturan(konteks: Konteks, aturan: str, teks: str):
    entry = entri_aturan(konteks.hasil_berhasil(), aturan)
    assert teks in entry["cite"], f"dasar hukum aturan {aturan}: {entry['cite']!r}"


@then(pola('jejak menyebut aturan "{aturan}"'))
def maka_jejak_menyebut(konteks: Konteks, aturan: str):
    entri_aturan(konteks.hasil_berhasil(), aturan)


@then("jejak tidak mencatat aturan yang menyala")
def maka_jejak_tanpa_aturan(konteks: Konteks):
    fired = daftar_aturan(aturan_menyala(konteks.hasil_berhasil()))
    assert fired == [], f"aturan yang menyala: {fired}"


def _periksa_parameter(hasil: Evaluation, nama: str, nilai: str, sejak: str) -> None:
    entry = entri_jejak(hasil, "parameter", nama)
    assert cocok(entry["value"], nilai), f"parameter {nama} = {entry['value']!r}, bukan {nilai}"
    assert entry["version"] == sejak, f"parameter {nama} berlaku sejak {entry['version']}"
    assert entry["cite"], f"parameter {nama} tanpa dasar hukum"


@then(pola('jejak mencatat parameter "{nama}" bernilai "{nilai}" sejak "{sejak}"'))
def maka_jejak_parameter(konteks: Konteks, nama: str, nilai: str, sejak: str):
    _periksa_parameter(konteks.hasil_berhasil(), nama, nilai, sejak)


@then(pola('jejak mencatat turunan "{nama}" bernilai "{nilai}"'))
def maka_jejak_turunan(konteks: Konteks, nama: str, nilai: str):
    entry = entri_jejak(konteks.hasil_berhasil(), "derive", nama)
    assert cocok(entry["value"], nilai), f"turunan {nama} = {entry['value']!r}, bukan {nilai}"


# kurva


def _periksa_kurva(hasil: Evaluation, sesuai: bool) -> None:
    outputs = hasil.outputs
    pelanggaran = daftar_aturan(outputs["pelanggaran"])
    assert outputs["kurva_sesuai"] is sesuai, (
        f"kurva_sesuai = {outputs['kurva_sesuai']}; pelanggaran: {pelanggaran}"
    )
    # kurva_sesuai and the list of violations must tell the same story
    assert (pelanggaran == []) is sesuai, f"pelanggaran: {pelanggaran}"


def _periksa_hanya(hasil: Evaluation, aturan: str) -> None:
    pelanggaran = daftar_aturan(hasil.outputs["pelanggaran"])
    assert pelanggaran == [aturan], f"pelanggaran: {pelanggaran}, bukan hanya {aturan}"
    assert daftar_aturan(aturan_menyala(hasil)) == [aturan]


def _pesan(items: list[dict], aturan: str) -> str:
    pesan = [item["pesan"] for item in items if item["rule"] == aturan]
    assert len(pesan) == 1, f"aturan {aturan} muncul {len(pesan)} kali: {daftar_aturan(items)}"
    return pesan[0]


@then(parsers.re(r"kurva (?P<hasil>sesuai|tidak sesuai)"))
def maka_kurva(konteks: Konteks, hasil: str):
    _periksa_kurva(konteks.hasil_berhasil(), hasil == "sesuai")


@then("tidak ada pelanggaran")
def maka_tanpa_pelanggaran(konteks: Konteks):
    pelanggaran = konteks.hasil_berhasil().outputs["pelanggaran"]
    assert pelanggaran == [], f"pelanggaran: {pelanggaran}"


@then(pola('pelanggaran hanya aturan "{aturan}"'))
def maka_hanya_pelanggaran(konteks: Konteks, aturan: str):
    _periksa_hanya(konteks.hasil_berhasil(), aturan)


@then(pola('pelanggaran memuat aturan "{aturan}"'))
def maka_pelanggaran_memuat(konteks: Konteks, aturan: str):
    hasil = konteks.hasil_berhasil()
    assert aturan in daftar_aturan(hasil.outputs["pelanggaran"])
    entri_aturan(hasil, aturan)


@then(pola('pesan pelanggaran "{aturan}" berbunyi "{pesan}"'))
def maka_pesan_pelanggaran(konteks: Konteks, aturan: str, pesan: str):
    aktual = _pesan(konteks.hasil_berhasil().outputs["pelanggaran"], aturan)
    assert aktual == pesan, f"pesan: {aktual!r}"


# TPP


@then(pola('TPP yang diterima "{rupiah}"'))
def maka_tpp(konteks: Konteks, rupiah: str):
    aktual = konteks.hasil_berhasil().outputs["tpp_diterima"]
    assert cocok(aktual, rupiah), f"TPP diterima {aktual!r}, bukan {rupiah}"


@then("rincian potongan kosong")
def maka_rincian_kosong(konteks: Konteks):
    rincian = konteks.hasil_berhasil().outputs["rincian"]
    assert rincian == [], f"rincian: {rincian}"


@then(pola('rincian potongan hanya aturan "{aturan}"'))
def maka_rincian_hanya(konteks: Konteks, aturan: str):
    hasil = konteks.hasil_berhasil()
    assert daftar_aturan(hasil.outputs["rincian"]) == [aturan], hasil.outputs["rincian"]
    assert _pesan(hasil.outputs["rincian"], aturan).strip(), f"rincian {aturan} tanpa pesan"


@then("rincian potongan berisi tepat aturan:")
def maka_rincian_tepat(konteks: Konteks, datatable):
    diharapkan = sorted(row[0] for row in baris_tabel(datatable, ("aturan",)))
    aktual = sorted(daftar_aturan(konteks.hasil_berhasil().outputs["rincian"]))
    assert aktual == diharapkan, f"rincian: {aktual}"


@then("setiap potongan dalam rincian tercatat dalam jejak")
def maka_rincian_di_jejak(konteks: Konteks):
    hasil = konteks.hasil_berhasil()
    rincian = daftar_aturan(hasil.outputs["rincian"])
    assert rincian, "rincian kosong"
    for aturan in rincian:
        entry = entri_aturan(hasil, aturan)
        assert entry["cite"], f"aturan {aturan} tanpa dasar hukum"
        assert "rincian" in entry["sets"], f"jejak aturan {aturan} tidak mencatat rinciannya"
    assert sorted(daftar_aturan(aturan_menyala(hasil))) == sorted(rincian)


@then(pola('pesan rincian "{aturan}" berbunyi "{pesan}"'))
def maka_pesan_rincian(konteks: Konteks, aturan: str, pesan: str):
    aktual = _pesan(konteks.hasil_berhasil().outputs["rincian"], aturan)
    assert aktual == pesan, f"pesan: {aktual!r}"


# angka kredit over several periods


@then(pola('angka kredit per periode "{daftar}"'))
def maka_ak_per_periode(konteks: Konteks, daftar: str):
    diharapkan = [x.strip() for x in daftar.split(",")]
    aktual = [h.outputs["angka_kredit"] for h in konteks.rangkaian]
    assert len(aktual) == len(diharapkan), f"angka kredit per periode: {aktual}"
    for nilai, teks in zip(aktual, diharapkan, strict=True):
        assert cocok(nilai, teks), f"angka kredit per periode: {aktual}"


@then(pola('jumlah angka kredit semua periode "{jumlah}"'))
def maka_ak_jumlah(konteks: Konteks, jumlah: str):
    assert konteks.rangkaian, "belum ada periode yang dihitung"
    total = sum(h.outputs["angka_kredit"] for h in konteks.rangkaian)
    assert cocok(total, jumlah), f"jumlah angka kredit {total}, bukan {jumlah}"


# base pack and reform side by side

PADA = r"pada paket (?P<label>dasar|reformasi) "


@then(parsers.re(PADA + r'predikatnya "(?P<nilai>[^"]*)"'))
def maka_pada_predikat(konteks: Konteks, label: str, nilai: str):
    aktual = konteks.hasil_berhasil(label).outputs["predikat"]
    assert aktual == nilai, f"pada paket {label} predikat {aktual}, bukan {nilai}"


@then(parsers.re(PADA + r"kurva (?P<hasil>sesuai|tidak sesuai)"))
def maka_pada_kurva(konteks: Konteks, label: str, hasil: str):
    _periksa_kurva(konteks.hasil_berhasil(label), hasil == "sesuai")


@then(parsers.re(PADA + r'pelanggaran hanya aturan "(?P<aturan>[^"]*)"'))
def maka_pada_hanya(konteks: Konteks, label: str, aturan: str):
    _periksa_hanya(konteks.hasil_berhasil(label), aturan)


@then(parsers.re(PADA + r'pesan pelanggaran "(?P<aturan>[^"]*)" berbunyi "(?P<pesan>[^"]*)"'))
def maka_pada_pesan(konteks: Konteks, label: str, aturan: str, pesan: str):
    aktual = _pesan(konteks.hasil_berhasil(label).outputs["pelanggaran"], aturan)
    assert aktual == pesan, f"pesan: {aktual!r}"


@then(parsers.re(
    PADA + r'jejak mencatat parameter "(?P<nama>[^"]*)" bernilai "(?P<nilai>[^"]*)" '
    r'sejak "(?P<sejak>[^"]*)"'
))
def maka_pada_parameter(konteks: Konteks, label: str, nama: str, nilai: str, sejak: str):
    _periksa_parameter(konteks.hasil_berhasil(label), nama, nilai, sejak)


@then(parsers.re(
    PADA + r'jejak menyebut aturan "(?P<aturan>[^"]*)" dengan dasar hukum yang memuat '
    r'"(?P<teks>[^"]*)"'
))
def maka_pada_jejak_aturan(konteks: Konteks, label: str, aturan: str, teks: str):
    entry = entri_aturan(konteks.hasil_berhasil(label), aturan)
    assert teks in entry["cite"], f"dasar hukum aturan {aturan} pada paket {label}: {entry['cite']!r}"


@then(parsers.re(
    PADA + r'parameter "(?P<nama>[^"]*)" (?P<tanda>bertanda|tidak bertanda) tidak pasti'
))
def maka_pada_tidak_pasti(konteks: Konteks, label: str, nama: str, tanda: str):
    entry = entri_jejak(konteks.hasil_berhasil(label), "parameter", nama)
    if tanda == "bertanda":
        assert entry.get("uncertain"), f"parameter {nama} pada paket {label} tanpa catatan tidak pasti"
    else:
        assert "uncertain" not in entry, (
            f"parameter {nama} pada paket {label} mewarisi catatan: {entry.get('uncertain')!r}")


@then(parsers.re(
    r'dasar hukum aturan "(?P<aturan>[^"]*)" pada paket reformasi '
    r"(?P<perbandingan>sama dengan|berbeda dari) paket dasar"
))
def maka_dasar_hukum_dibanding(konteks: Konteks, aturan: str, perbandingan: str):
    dasar = entri_aturan(konteks.hasil_berhasil("dasar"), aturan)["cite"]
    reformasi = entri_aturan(konteks.hasil_berhasil("reformasi"), aturan)["cite"]
    if perbandingan == "sama dengan":
        assert reformasi == dasar, f"dasar: {dasar!r}; reformasi: {reformasi!r}"
    else:
        assert reformasi != dasar, f"dasar hukum tidak berubah: {dasar!r}"


@then("perhitungan ulang pada paket dasar memberi hasil yang sama")
def maka_ulang_dasar(konteks: Konteks):
    sebelumnya = konteks.hasil_berhasil("dasar")
    assert "reformasi" in konteks.hasil_per_paket, "reformasi belum dihitung"
    ulang = ENGINE.evaluate(konteks.packs["dasar"], konteks.keputusan, konteks.masukan_terakhir,
                            on=konteks.on)
    assert ulang.outputs == sebelumnya.outputs
    assert ulang.trace == sebelumnya.trace
