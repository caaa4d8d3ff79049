"""Units on a decision's inputs and outputs (`unit:`): served by the API, shown by explanations.

Money reads as `Rp 7.850.000`, a count with its unit, an output no rule set as "not applicable" —
never `7850000` or `None` in front of a person; a unit where it cannot mean anything is refused at
its line."""

from __future__ import annotations

import textwrap

from sandbox.rules import Engine, load_pack
from sandbox.rules.explain import render_evaluation
from sandbox.rules.loader import check_pack

ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]


def test_money_and_counts_read_in_words_in_both_languages():
    pack = load_pack(ROOT / "rules" / "tpp-dki-2020.yaml")
    result = Engine().evaluate(pack, "tpp", {
        "besaran_tpp": "10000000", "capaian_rencana_kinerja": "80", "capaian_aktivitas_menit": "4800",
        "hari_kerja": "20", "iuran_bpjs": "100000", "potongan_lain": "50000"})
    assert result.outputs["tpp_diterima"] == 7_850_000  # the value itself stays a number
    for lang in ("id", "en"):
        outcome = render_evaluation(pack, result, lang).split("\n  • ")[0]  # before the trace
        assert "tpp_diterima = Rp 7.850.000" in outcome and "7850000" not in outcome
        assert "potongan_sah_rupiah = Rp 150.000" in outcome


def test_an_output_no_rule_set_is_not_applicable_in_words():
    pack = load_pack(ROOT / "rules" / "permenpanrb-1-2023.yaml")
    result = Engine().evaluate(pack, "kenaikan_pangkat", {
        "jenjang": "penyelia", "predikat": "baik", "angka_kredit_dimiliki": "60"})
    assert result.outputs["ak_kumulatif_jenjang"] is None
    assert "ak_kumulatif_jenjang = — (tidak berlaku)" in render_evaluation(pack, result, "id")
    english = render_evaluation(pack, result, "en")
    assert "ak_kumulatif_jenjang = — (not applicable)" in english and "None" not in english
    assert "tahun_menuju_pangkat = 2 tahun" in english


def test_a_unit_on_an_enum_is_refused_at_its_line(tmp_path):
    path = tmp_path / "satuan.yaml"
    path.write_text(textwrap.dedent("""\
        pack: satuan-salah
        title: Satuan salah
        legal_basis: [Contoh]
        effective_from: 2024-01-01
        decisions:
          d:
            title: D
            cite: Contoh
            hit_policy: unique
            inputs:
              x: {type: enum, values: [a, b], unit: rupiah}
            outputs:
              y: {type: number, unit: rupiah}
            rules:
              - {id: a, when: {x: a}, then: {y: 1}, cite: Contoh}
              - {id: b, when: {x: b}, then: {y: 2}, cite: Contoh}
        """), encoding="utf-8")
    pack, problems = check_pack(path)
    assert [p.code for p in problems] == ["schema.bad_unit"]
    assert problems[0].line == 11
    assert "unit: rupiah" in problems[0].render("id") and "only a number" in problems[0].render("en")


def test_the_api_serves_each_input_and_output_unit():
    from sandbox.api.packs import pack_detail

    detail = pack_detail(load_pack(ROOT / "rules" / "tukin-bgn-2025.yaml"))
    tpp = detail["decisions"]["tpp"]
    assert tpp["inputs"]["tunjangan_kinerja_kelas_jabatan"]["unit"] == "rupiah"
    assert tpp["outputs"]["tpp_diterima"]["unit"] == "rupiah"
    assert detail["decisions"]["keterlambatan"]["inputs"]["menit_terlambat"]["unit"] == "menit"
