"""`ekinerja nip NIP`: a valid number read aloud in words, an invalid one refused naming its digits and
what to write instead, in Indonesian and English. Runs `run_nip` on a parser built the way
`sandbox.cli._parser` builds its commands, plus one call through `sandbox.cli.main`."""

from __future__ import annotations

import argparse
import json

import pytest

from sandbox import cli
from sandbox.cli_nip import add_nip_parser, run_nip


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=["id", "en"], default=None)
    parser = argparse.ArgumentParser(prog="ekinerja", parents=[common])
    commands = parser.add_subparsers(dest="command")
    add_nip_parser(commands, common)
    args = parser.parse_args(["nip", *argv])
    assert args.command == "nip"
    code = run_nip(args, args.lang or "id")
    out, err = capsys.readouterr()
    return code, out, err


def test_a_pns_nip_is_read_in_indonesian_words(capsys):
    code, out, err = _run(capsys, "198503122010011002")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "NIP 19850312 201001 1 002 sah:",
        "  Jenis: PNS",
        "  Tanggal lahir: 12 Maret 1985 (digit 1–8)",
        "  TMT CPNS: Januari 2010 (digit 9–14)",
        "  Jenis kelamin: laki-laki (digit 15)",
        "  Nomor urut: 2 (digit 16–18)",
    ]


def test_a_pppk_ni_is_read_with_its_appointment_year_and_code(capsys):
    code, out, _ = _run(capsys, "199009132025242014")  # the paruh waktu example (REGULATIONS §9.2)
    assert code == 0
    assert "Jenis: PPPK" in out
    assert "Tanggal lahir: 13 September 1990" in out
    assert "Tahun pengangkatan PPPK: 2025" in out
    assert "Kode NI PPPK: 24" in out and "paruh waktu" in out
    assert "Jenis kelamin: perempuan" in out and "Nomor urut: 14" in out
    assert "TMT CPNS" not in out


def test_a_pppk_number_with_an_unknown_code_is_read_only_when_told(capsys):
    code, _, err = _run(capsys, "199001022022151003")
    assert code == 1 and "bulan 15 (digit 13–14) tidak ada" in err and "--jenis pppk" in err
    code, out, _ = _run(capsys, "199001022022151003", "--jenis", "pppk")
    assert code == 0 and "Kode NI PPPK: 15" in out and "belum pasti" in out


def test_spaces_typed_between_groups_in_one_word_or_several(capsys):
    quoted = _run(capsys, "19850312 201001 1 002")
    unquoted = _run(capsys, "19850312", "201001", "1", "002")
    dotted = _run(capsys, "19850312.201001.1.002")
    assert quoted == unquoted == dotted == _run(capsys, "198503122010011002")
    assert quoted[0] == 0


def test_english(capsys):
    code, out, _ = _run(capsys, "198503122010011002", "--lang", "en")
    assert code == 0
    assert "Birth date: 12 March 1985" in out and "TMT CPNS: January 2010" in out
    assert "Sex: male" in out and "Serial number: 2" in out
    code, _, err = _run(capsys, "19851340 201001 1 002", "--lang", "en")
    assert code == 1
    assert "Digits 1–8 (birth date): 19851340 is not a date, there is no month 13 (digits 5–6)" in err
    assert "tanggal" not in err and "bukan" not in err


def test_json_gives_machine_fields(capsys):
    code, out, err = _run(capsys, "19850312 201001 1 002", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {"sah": True, "ditulis": "19850312 201001 1 002", "nip": "198503122010011002",
                               "jenis_asn": "PNS", "tanggal_lahir": "1985-03-12", "tmt_cpns": "2010-01-01",
                               "jenis_kelamin": "laki_laki", "nomor_urut": 2}
    code, out, _ = _run(capsys, "199009132025242014", "--json")
    data = json.loads(out)
    assert (data["jenis_asn"], data["tahun_pengangkatan"], data["kode"]) == ("PPPK", 2025, "24")
    assert data["jenis_kelamin"] == "perempuan" and "tmt_cpns" not in data
    code, out, err = _run(capsys, "198503122010011000", "--json", "--lang", "en")
    data = json.loads(out)
    assert (code, err, data["sah"], data["kesalahan"], data["digit"]) == (1, "", False, "nip.urut", [16, 18])
    assert data["pesan"].startswith("Digits 16–18 (serial number): 000")


# Each refusal names the wrong digits and says what to write instead (the part after " — ").
@pytest.mark.parametrize(("argv", "where", "instead"), [
    (["19850312201001100"], "NIP harus 18 digit; yang ditulis hanya 17 digit, kurang 1",
     "salin ulang NIP dari SK atau MyASN lengkap"),
    (["1985031220100110021"], "yang ditulis 19 digit, lebih 1", "8 tanggal lahir, 6 TMT CPNS"),
    (["19850312 20101 1 002"], "Kelompok ke-2 yang ditulis, 20101, berisi 5 digit; di situ seharusnya 6",
     "mis. 19850312 201001 1 002"),
    (["19850312201001l002"],
     "Karakter ke-15 yang ditulis, 'l', bukan angka; di situ letak digit 15 (jenis kelamin)",
     "huruf O dan l sering tertukar"),
    (["198502292010011002"], "hari 29 (digit 7–8) tidak ada di Februari 1985, yang berhari 01–28",
     "tulis tanggal lahir sebagai TTTTBBHH"),
    (["198503121984011002"],
     "Digit 9–14 (TMT CPNS): Januari 1984 lebih awal dari tanggal lahir 12 Maret 1985",
     "periksa tahun lahir (digit 1–4) dan tahun TMT (digit 9–12)"),
    (["198503122001011002"], "Digit 9–14 (TMT CPNS): Januari 2001 jatuh saat usia 15 tahun",
     "periksa tahun lahir"),
    (["198503122010019002"], "Digit 15 (jenis kelamin): 9 tidak dipakai, hanya 1 (laki-laki) atau 2",
     "digit 15 adalah 1 atau 2"),
    (["198503122010011000"], "Digit 16–18 (nomor urut): 000 tidak dipakai", "mis. 002"),
])
def test_an_invalid_number_is_refused_saying_where_and_what_to_write(capsys, argv, where, instead):
    code, out, err = _run(capsys, *argv)
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[0] == f"NIP yang ditulis tidak sah: {' '.join(argv)}"
    what, fix = lines[1].split(" — ", 1)
    assert where in what
    assert instead in fix
    assert "Traceback" not in err


def test_nothing_typed_is_refused_with_the_layout_to_write(capsys):
    code, out, err = _run(capsys, " ")
    assert (code, out) == (1, "")
    assert err.splitlines() == ["NIP belum ditulis — tulis 18 digit: 8 tanggal lahir, 6 TMT CPNS, 1 jenis "
                                "kelamin, 3 nomor urut, mis. 19850312 201001 1 002"]


def test_the_wrong_digits_are_pointed_at(capsys):
    _, _, err = _run(capsys, "19851340 201001 1 002")
    assert err.splitlines()[-2:] == ["    19851340 201001 1 002", "        ^^"]
    _, _, err = _run(capsys, "198503122010011000")
    assert err.splitlines()[-2:] == ["    19850312 201001 1 000", "                      ^^^"]
    _, _, err = _run(capsys, "1985O312 201001 1 002")
    assert err.splitlines()[-2:] == ["    1985O312 201001 1 002", "        ^"]


def test_huge_or_markup_looking_input_is_shown_literally_and_shortened(capsys):
    markup = "[bold red]1985[/] <b>0312</b> $(rm -rf ~)"
    code, _, err = _run(capsys, markup)
    assert code == 1
    assert err.splitlines()[0] == f"NIP yang ditulis tidak sah: {markup}"
    assert "Karakter ke-1 yang ditulis, '[', bukan angka" in err
    huge = "1" * 3000
    code, _, err = _run(capsys, huge)
    first = err.splitlines()[0]
    assert code == 1 and first == f"NIP yang ditulis tidak sah: {'1' * 80}… (3000)"
    assert "yang ditulis 3000 digit, lebih 2982" in err
    assert len(err) < 600


def test_the_real_command_answers_in_both_languages(capsys):
    assert cli.main(["nip", "19850312", "201001", "1", "002"]) == 0
    assert "Tanggal lahir: 12 Maret 1985" in capsys.readouterr().out
    assert cli.main(["nip", "198503122010011000", "--lang", "en"]) == 1
    assert "Digits 16–18 (serial number): 000" in capsys.readouterr().err
