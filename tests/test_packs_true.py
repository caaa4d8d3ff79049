"""Packs that stay true (issue #19 items 7 and 8).

- Prose quotes numbers from parameters (`{param:…}`), so a reform's explanation quotes the reform's
  number, on the date evaluated; a number typed where a placeholder belongs is a warning of
  `rules check`, an unknown placeholder an error at its file and line.
- A reform that changes a value does not inherit the base's `uncertain:` note for it.
- Citations name regulations, never our notes (`REGULATIONS.md §4`): the checker refuses them.
- Declared constraints are proven on every effective date (TPP 70/40 is refused at the reform's
  line); outcomes no input reaches are reported (PP 30 weights that rule out Sangat Baik); the curve
  table says which ratings small units can never give.
- tpp-contoh cites what it encodes; synthetic offices are named after invented kabupaten.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from faker.providers.address.id_ID import Provider as AlamatIndonesia

from sandbox.cli import main
from sandbox.rules import Engine, PackError, check_pack, load_pack
from sandbox.rules.diff import diff_packs
from sandbox.rules.explain import render_evaluation
from sandbox.rules.proofs import curve_table, pack_notes
from sandbox.rules.texts import FILE_CITED, angka_id, render
from sandbox.synth.catalog import KABUPATEN_FIKTIF
from sandbox.synth.office import demo_office, generate_office

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules"
BASE = RULES / "permenpanrb-6-2022.yaml"
KUOTA = RULES / "reforms" / "kuota-sangat-baik-60.yaml"
SHIPPED = sorted(RULES.glob("*.yaml")) + [KUOTA, RULES / "reforms" / "sel-hasil-di-atas-perilaku-sesuai.yaml"]
ON = dt.date(2027, 1, 1)


@pytest.fixture(autouse=True)
def _at_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    for name in ("EKINERJA_LANG", "LANG", "LC_ALL", "EKINERJA_RULES"):
        monkeypatch.delenv(name, raising=False)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """The real command line, in this process (the rules it loads are the files on disk)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write_reform(folder: Path, name: str, text: str) -> tuple[Path, str]:
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path, path.read_text(encoding="utf-8")


def line_of(text: str, fragment: str) -> int:
    """The 1-based line of the only line containing `fragment`."""
    lines = [i for i, line in enumerate(text.splitlines(), start=1) if fragment in line]
    assert len(lines) == 1, (fragment, lines)
    return lines[0]


def istimewa(sb: int, others: int) -> dict:
    return {"predikat_organisasi": "istimewa", "jumlah_sangat_baik": sb, "jumlah_baik": others,
            "jumlah_butuh_perbaikan": 0, "jumlah_kurang": 0, "jumlah_sangat_kurang": 0}


def rule_step(result, rule: str) -> dict:
    (step,) = [s for s in result.trace if s["kind"] == "rule" and s["rule"] == rule]
    return step


def parameter_step(result, name: str) -> dict:
    (step,) = [s for s in result.trace if s["kind"] == "parameter" and s["name"] == name]
    return step


# --------------------------------------------------------------------------- numbers from parameters


def test_a_reforms_explanation_quotes_its_own_number_and_its_own_basis():
    base, reform = load_pack(BASE), load_pack(KUOTA)
    engine = Engine()
    was = engine.evaluate(base, "kurva", istimewa(8, 2), on=ON)
    now = engine.evaluate(reform, "kurva", istimewa(8, 2), on=ON)
    rule = "istimewa_sangat_baik_melebihi_batas"
    assert rule_step(was, rule)["cite"] == (
        "SE MenPANRB 3/2023, pola distribusi organisasi Istimewa — Sangat Baik paling banyak 70 %")
    assert rule_step(now, rule)["cite"] == (
        "Rancangan perubahan SE MenPANRB 3/2023, pola distribusi organisasi Istimewa (contoh) — "
        "Sangat Baik paling banyak 60 %")
    # a note of another parameter that quotes this one follows the reform as well
    note = parameter_step(now, "kurva_istimewa_kelompok_terbesar")["uncertain"]
    assert "batas 60 % didahulukan" in note and "70" not in note
    shown = render_evaluation(reform, now, "id")
    assert "Sangat Baik paling banyak 60 %" in shown
    assert "Sangat Baik paling banyak 70 %" not in shown
    # the reform's own title and description quote its value, not a typed one
    assert reform.title.endswith("diturunkan menjadi 60 %")
    assert "paling banyak 60 % pegawai" in reform.description


def test_prose_is_rendered_for_the_date_evaluated(tmp_path):
    path, _ = write_reform(tmp_path, "dua-versi", f"""\
pack: uji-kuota-dua-versi
title: Uji — kuota Sangat Baik berubah dua kali
extends: {BASE}
legal_basis: [Contoh untuk pengujian]
effective_from: 2027-01-01
parameters:
  kurva_istimewa_maks_sangat_baik:
    cite: Rancangan perubahan SE MenPANRB 3/2023 (contoh bertahap)
    values: {{2027-01-01: 0.65, 2028-01-01: 0.5}}
""")
    pack = load_pack(path)
    engine = Engine()
    rule = "istimewa_sangat_baik_melebihi_batas"
    first = engine.evaluate(pack, "kurva", istimewa(9, 1), on=dt.date(2027, 6, 1))
    later = engine.evaluate(pack, "kurva", istimewa(9, 1), on=dt.date(2028, 6, 1))
    assert rule_step(first, rule)["cite"].endswith("paling banyak 65 %")
    assert rule_step(later, rule)["cite"].endswith("paling banyak 50 %")


def test_indonesian_notation_and_units():
    assert [angka_id(v) for v in (0.5, 12.5, 3.75, 1000, 1234567.5, 70.00000000000001)] == [
        "0,5", "12,5", "3,75", "1.000", "1.234.567,5", "70"]
    kredit, pp30, tpp = load_pack("permenpanrb-1-2023"), load_pack("pp-30-2019"), load_pack("tpp-contoh")
    on = dt.date(2024, 6, 1)
    assert render("{param:koefisien[pemula]}", kredit.parameters, on) == "3,75"
    assert render("{param:persentase_predikat[baik]}", kredit.parameters, on) == "100 %"
    assert render("{param:bobot_skp:angka}/{param:bobot_perilaku:angka}", pp30.parameters, on) == "70/30"
    assert render("{param:batas_hari_keberatan}", pp30.parameters, on) == "14 hari"
    assert render("TL1 {param:potongan_tl1}", tpp.parameters, on) == "TL1 0,5 % per kejadian"
    assert render("{param:dasar_potongan_kehadiran}", tpp.parameters, on) == "porsi disiplin"
    assert render("{param:bobot_disiplin:cite}", tpp.parameters, on).startswith("Praktik daerah")


def test_an_unknown_placeholder_is_refused_at_its_file_and_line(tmp_path, capsys):
    path, text = write_reform(tmp_path, "salah-nama", f"""\
pack: uji-placeholder-salah
title: Uji — placeholder yang salah
extends: {BASE}
legal_basis: [Contoh untuk pengujian]
effective_from: 2027-01-01
parameters:
  kurva_istimewa_maks_sangat_baik:
    cite: Rancangan perubahan — paling banyak {{param:kurva_istimewa_maks_sangat_bayik}}
    values: {{2027-01-01: 0.6}}
""")
    with pytest.raises(PackError) as refused:
        load_pack(path)
    codes = {p.code for p in refused.value.problems}
    assert codes == {"text.unknown_placeholder"}
    code, out, _ = run(capsys, "rules", "check", str(path))
    assert code == 1
    line = line_of(text, "bayik")
    assert f"{path}:{line}: `cite` menyebut {{param:kurva_istimewa_maks_sangat_bayik}}" in out
    assert "kurva_istimewa_maks_sangat_baik" in out  # the name it probably meant


def test_a_number_typed_where_a_placeholder_belongs_is_a_warning(tmp_path, capsys):
    path, text = write_reform(tmp_path, "angka-diketik", f"""\
pack: uji-angka-diketik
title: Uji — kuota Sangat Baik 55 %
extends: {BASE}
legal_basis: [Contoh untuk pengujian]
effective_from: 2027-01-01
parameters:
  kurva_istimewa_maks_sangat_baik:
    cite: Rancangan perubahan SE MenPANRB 3/2023 (contoh)
    values: {{2027-01-01: 0.55}}
""")
    code, out, _ = run(capsys, "rules", "check", str(path))
    assert code == 0, out
    line = line_of(text, "title:")
    assert f"{path}:{line}: peringatan: `title` mengetik 55 %" in out
    assert "{param:kurva_istimewa_maks_sangat_baik}" in out
    code, _, err = run(capsys, "rules", "check", "--strict", str(path))
    assert code == 1 and err.strip()


def test_shipped_packs_type_no_number_and_reach_every_outcome():
    for path in SHIPPED:
        pack, problems = check_pack(path)
        assert problems == [], [p.render("en") for p in problems]
        warnings = [n.render("id") for n in pack_notes(pack) if n.severity == "warning"]
        assert warnings == [], (path, warnings)


# --------------------------------------------------------------------------- uncertain notes


def test_a_reform_does_not_inherit_the_uncertain_note_of_the_value_it_changes():
    base, reform = load_pack(BASE), load_pack(KUOTA)
    name = "kurva_istimewa_maks_sangat_baik"
    assert base.parameters[name].uncertain
    assert reform.parameters[name].uncertain is None
    result = Engine().evaluate(reform, "kurva", istimewa(6, 4), on=ON)
    assert "uncertain" not in parameter_step(result, name)
    # parameters the reform leaves alone keep their notes
    assert parameter_step(result, "kurva_baik_maks_baik")["uncertain"]


def test_a_reform_may_write_its_own_note_and_a_copy_keeps_the_bases(tmp_path):
    name = "kurva_istimewa_maks_sangat_baik"
    own, _ = write_reform(tmp_path, "catatan-sendiri", f"""\
pack: uji-catatan-sendiri
title: Uji — catatan sendiri
extends: {BASE}
legal_basis: [Contoh untuk pengujian]
effective_from: 2027-01-01
parameters:
  {name}:
    cite: Rancangan perubahan SE MenPANRB 3/2023 (contoh)
    uncertain: Angka usulan, belum dibahas.
    values: {{2027-01-01: 0.5}}
""")
    copy, _ = write_reform(tmp_path, "salinan", f"""\
pack: uji-salinan
title: Uji — salinan nilai paket dasar
extends: {BASE}
legal_basis: [Contoh untuk pengujian]
effective_from: 2027-01-01
parameters:
  {name}:
    values: {{2027-01-01: 0.70}}
""")
    assert load_pack(own).parameters[name].uncertain == "Angka usulan, belum dibahas."
    assert load_pack(copy).parameters[name].uncertain == load_pack(BASE).parameters[name].uncertain


# --------------------------------------------------------------------------- regulations, not files


def test_no_shipped_pack_cites_a_file():
    for path in SHIPPED:
        text = path.read_text(encoding="utf-8")
        for word in ("REGULATIONS", "WORKFLOW", ".md", "§", "shared/domain"):
            assert word not in text, (path.name, word)
        pack = load_pack(path)
        for prose in pack.prose:
            assert not FILE_CITED.search(prose.text), (prose.where, prose.text)


def test_a_citation_of_a_file_is_refused(tmp_path, capsys):
    path, text = write_reform(tmp_path, "berkas", f"""\
pack: uji-rujukan-berkas
title: Uji — rujukan berkas
extends: {BASE}
legal_basis: [Contoh untuk pengujian]
effective_from: 2027-01-01
parameters:
  kurva_istimewa_maks_sangat_baik:
    cite: SE MenPANRB 3/2023 (REGULATIONS.md §4(b))
    values: {{2027-01-01: 0.6}}
""")
    code, out, _ = run(capsys, "rules", "check", str(path))
    assert code == 1
    assert f"{path}:{line_of(text, 'REGULATIONS.md')}: `cite` merujuk berkas 'REGULATIONS.md'" in out


# --------------------------------------------------------------------------- constraints


TPP_70_40 = """\
pack: uji-tpp-70-40
title: Uji — porsi produktivitas dinaikkan, porsi disiplin tetap
extends: {base}
legal_basis: [Contoh untuk pengujian]
effective_from: 2027-01-01
parameters:
  bobot_produktivitas:
    cite: Rancangan Peraturan Kepala Daerah (contoh)
    values: {{2027-01-01: 70}}
"""


def test_a_tpp_reform_paying_110_percent_is_refused_at_its_line(tmp_path, capsys):
    path, text = write_reform(tmp_path, "tpp-70-40", TPP_70_40.format(base=RULES / "tpp-contoh.yaml"))
    with pytest.raises(PackError) as refused:
        load_pack(path)
    (problem,) = refused.value.problems
    assert problem.code == "lint.constraint_failed"
    assert (problem.file, problem.line) == (str(path), line_of(text, "2027-01-01: 70"))
    code, out, err = run(capsys, "rules", "check", str(path))
    assert code == 1 and err.strip()
    assert f"{path}:{problem.line}: batasan 'bobot_tpp_utuh' tidak terpenuhi pada 2027-01-01" in out
    assert "bobot_disiplin=40, bobot_produktivitas=70" in out
    code, out, _ = run(capsys, "rules", "check", "--lang", "en", str(path))
    assert "constraint 'bobot_tpp_utuh' does not hold on 2027-01-01" in out


def test_constraints_are_proven_on_every_effective_date(tmp_path):
    path, text = write_reform(tmp_path, "tpp-bertahap", f"""\
pack: uji-tpp-bertahap
title: Uji — pembagian TPP berubah dua kali
extends: {RULES / "tpp-contoh.yaml"}
legal_basis: [Contoh untuk pengujian]
effective_from: 2027-01-01
parameters:
  bobot_produktivitas:
    cite: Rancangan Peraturan Kepala Daerah (contoh)
    values:
      2027-01-01: 65
      2028-01-01: 70
  bobot_disiplin:
    cite: Rancangan Peraturan Kepala Daerah (contoh)
    values:
      2027-01-01: 35
""")
    _, problems = check_pack(path)
    assert [(p.code, p.line, p.params["on"]) for p in problems] == [
        ("lint.constraint_failed", line_of(text, "2028-01-01: 70"), "2028-01-01")]


def test_a_reform_may_replace_a_constraint_by_id_but_not_invent_one_silently(tmp_path):
    bonus, _ = write_reform(tmp_path, "bonus", TPP_70_40.format(base=RULES / "tpp-contoh.yaml") + """\
constraints:
  - id: bobot_tpp_utuh
    description: Uji — porsi bersama-sama paling banyak 110 persen (bonus produktivitas)
    expr: bobot_produktivitas + bobot_disiplin <= 110
""")
    relaxed = load_pack(bonus)
    assert relaxed.constraints[0].expression.source.endswith("<= 110")
    said = diff_packs(load_pack("tpp-contoh"), relaxed, "id")
    assert any(line.startswith("Batasan bobot_tpp_utuh: ") and line.endswith("<= 110") for line in said)
    typo, text = write_reform(tmp_path, "salah-id", TPP_70_40.format(base=RULES / "tpp-contoh.yaml") + """\
constraints:
  - id: bobot_tpp_utuuh
    description: Salah ketik
    expr: bobot_produktivitas >= 0
""")
    _, problems = check_pack(typo)
    assert "reform.unknown_constraint" in {p.code for p in problems}


# --------------------------------------------------------------------------- reachability


def test_pp30_weights_that_rule_out_sangat_baik_are_reported(tmp_path, capsys):
    path, _ = write_reform(tmp_path, "bobot-rendah", f"""\
pack: uji-bobot-rendah
title: Uji — bobot SKP diturunkan pada kedua cara penilaian
extends: {RULES / "pp-30-2019.yaml"}
legal_basis: [Contoh untuk pengujian]
effective_from: 2027-01-01
parameters:
  bobot_skp:
    cite: Rancangan perubahan PP 30/2019 Pasal 41 ayat (3) (contoh)
    values: {{2027-01-01: 0.60}}
  bobot_skp_360:
    cite: Rancangan perubahan PP 30/2019 Pasal 41 ayat (4) (contoh)
    values: {{2027-01-01: 0.50}}
""")
    pack, problems = check_pack(path)
    assert {p.params["constraint"] for p in problems} == {"bobot_utuh", "bobot_360_utuh"}
    unreachable = [n for n in pack_notes(pack) if n.code == "note.output_unreachable"]
    assert [n.params["value"] for n in unreachable] == ["sangat_baik (Sangat Baik)"]
    code, out, _ = run(capsys, "rules", "check", str(path))
    assert code == 1
    assert "predikat = sangat_baik (Sangat Baik) tidak tercapai oleh masukan mana pun" in out


def test_a_weight_lowered_for_one_kind_of_instansi_is_reported_for_that_kind(tmp_path):
    path, _ = write_reform(tmp_path, "bobot-tanpa-360", f"""\
pack: uji-bobot-tanpa-360
title: Uji — bobot SKP diturunkan tanpa penilaian 360 derajat
extends: {RULES / "pp-30-2019.yaml"}
legal_basis: [Contoh untuk pengujian]
effective_from: 2027-01-01
parameters:
  bobot_skp:
    cite: Rancangan perubahan PP 30/2019 Pasal 41 ayat (3) (contoh)
    values: {{2027-01-01: 0.60}}
""")
    pack, _ = check_pack(path)
    notes = [n for n in pack_notes(pack) if n.code == "note.output_unreachable_when"]
    assert [(n.params["value"], n.params["when"]) for n in notes] == [
        ("sangat_baik (Sangat Baik)", "penilaian_360=false")]


# --------------------------------------------------------------------------- the curve in small units


def test_curve_table_for_one_person_units_shows_what_the_rounding_rules_out(capsys):
    base = load_pack(BASE)
    table = curve_table(base, most=1, on=dt.date(2025, 1, 1))
    assert "Sangat Baik" in table.impossible[("istimewa", 1)]
    assert "Baik" not in table.impossible[("istimewa", 1)]
    assert "Baik" in table.impossible[("baik", 1)]
    assert ("istimewa", 1) not in table.none_fits and ("baik", 1) not in table.none_fits
    # the table agrees with durable-rules: each one-person spread, evaluated by the engine
    engine = Engine()
    for org in ("istimewa", "baik"):
        for index, (count, label) in enumerate(table.ratings):
            inputs = {"predikat_organisasi": org, **{c: 0 for c, _ in table.ratings}, count: 1}
            fits = engine.evaluate(base, "kurva", inputs, on=dt.date(2025, 1, 1)).outputs["kurva_sesuai"]
            assert fits == (label not in table.impossible.get((org, 1), ())), (org, label, index)
    code, out, _ = run(capsys, "rules", "kurva", "permenpanrb-6-2022", "--sampai", "1", "--on", "2025-01-01")
    assert code == 0
    assert "Organisasi Istimewa:\n  unit 1 orang: Sangat Baik tidak mungkin" in out
    assert re.search(r"Organisasi Baik:\n  unit 1 orang: [^\n]*\bBaik\b[^\n]* tidak mungkin", out)


def test_rules_check_notes_the_small_units(capsys):
    code, out, err = run(capsys, "rules", "check", str(BASE))
    assert code == 0 and err == ""
    (note,) = [line for line in out.splitlines() if ": catatan: kurva" in line]
    assert "organisasi Istimewa: Sangat Baik tidak mungkin pada unit 1 orang" in note
    assert "Baik tidak mungkin pada unit 1 orang" in note.split("organisasi Baik:")[1]
    assert "ekinerja rules kurva permenpanrb-6-2022" in note


def test_kurva_refuses_a_pack_without_a_curve(capsys):
    code, _, err = run(capsys, "rules", "kurva", "pp-30-2019", "--sampai", "2")
    assert code == 1 and "tidak punya keputusan kurva" in err


# --------------------------------------------------------------------------- item 8: tpp-contoh


def test_tpp_cites_what_it_encodes():
    tpp = load_pack("tpp-contoh")
    decision = tpp.decisions["tpp"]
    for rule in decision.rules:
        assert "LHK" not in rule.cite, rule.id  # LHK's rule is about next year's whole tukin
        if rule.id.startswith(("tl", "psw", "tanpa")):
            assert "dari seluruh tunjangan kinerja; paket ini memotongnya dari porsi disiplin" in rule.cite
    assert "LHK" not in tpp.parameters["potongan_predikat_kurang"].cite
    # the cut the pack makes: attendance from the disiplin portion only
    result = Engine().evaluate(tpp, "tpp", {"besaran_tpp": 5_000_000, "predikat": "baik",
                                            "hari_tanpa_keterangan": 2})
    assert result.outputs["tpp_diterima"] == 4_840_000  # 3.000.000 + 2.000.000 × (1 − 8 %)


# --------------------------------------------------------------------------- fictional offices

# Real places the generator must never use: Faker's list of Indonesian cities (where the old name
# came from) and a sample of real kabupaten, including those the field studies and sources name.
REAL = set(AlamatIndonesia.cities) | {
    "Hulu Sungai Utara", "Seluma", "Kepahiang", "Jembrana", "Konawe", "Penajam Paser Utara",
    "Rembang", "Sleman", "Bantul", "Gunungkidul", "Kulon Progo", "Banyumas", "Cilacap", "Garut",
    "Puncak Jaya", "Aceh Jaya", "Tanah Datar", "Muara Enim", "Tanah Laut", "Tanah Bumbu",
    "Mamberamo Raya", "Bengkulu Utara", "Barito Timur", "Kutai Kartanegara", "Lombok Tengah",
    "Sumba Barat", "Bone Bolango", "Teluk Bintuni", "Pulau Morotai", "Karangasem",
}


def test_seed_offices_are_named_after_invented_kabupaten(tmp_path, capsys):
    assert not set(KABUPATEN_FIKTIF) & REAL
    assert "Banua Raya" not in KABUPATEN_FIKTIF  # the demo's own
    names = set()
    for seed in range(1, 41):
        nama = generate_office(seed, 2).instansi.nama
        kabupaten = nama.removeprefix("Pemerintah Kabupaten ")
        assert kabupaten in KABUPATEN_FIKTIF and kabupaten not in REAL, nama
        names.add(kabupaten)
    assert len(names) > 10  # seeds give different offices
    assert generate_office(7, 2).instansi.nama == generate_office(7, 2).instansi.nama
    assert demo_office().instansi.nama == "Pemerintah Kabupaten Banua Raya"
    code, out, _ = run(capsys, "seed", "--staff", "3", "--seed", "7", "--db", str(tmp_path / "k.sqlite"))
    assert code == 0
    assert generate_office(7, 3).instansi.nama in out
