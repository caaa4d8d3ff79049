# language: id
Fitur: Nilai SKP dengan kinerja tambahan menurut PermenPANRB 8/2021 (model warisan 2021)
  Lampiran BAB VI hlm. 95–96 PermenPANRB 8/2021: nilai tertimbang satu rencana kinerja tambahan =
  pengali kategori capaian IKI-nya (Sangat Baik 100, Baik 80, Cukup 60, Kurang 40, Sangat Kurang
  20) / 100 × bobot lingkup penugasan × nilai capaian IKI-nya / 100. Jumlah nilai tertimbang kinerja
  tambahan yang melebihi 10 dikonversi menjadi 10. Nilai SKP = Nilai KU (jumlah nilai tertimbang
  kinerja utama) + Nilai KT. Nilai dibulatkan dua desimal.

  Latar Belakang:
    Dengan paket "permenpanrb-8-2021"

  Skenario: Contoh resmi — Nilai KU 59,2 + 43,6 tanpa kinerja tambahan: nilai akhir SKP 102,8
    Ketika keputusan "nilai_skp" dihitung dengan:
      | masukan             | nilai |
      | nilai_kinerja_utama | 102.8 |
    Maka keluaran "nilai_kinerja_tambahan" bernilai "0"
    Dan keluaran "nilai_skp" bernilai "102.8"
    Dan jejak menyebut aturan "tanpa_kinerja_tambahan" dengan dasar hukum yang memuat "PermenPANRB 8/2021"

  Skenario konsep: Kinerja tambahan berkategori <kategori> dengan nilai <nilai>, bobot 5
    Ketika keputusan "nilai_skp" dihitung dengan:
      | masukan                 | nilai      |
      | nilai_kinerja_utama     | 100        |
      | kategori_tambahan       | <kategori> |
      | nilai_tambahan          | <nilai>    |
      | bobot_lingkup_penugasan | 5          |
    Maka keluaran "nilai_tertimbang_tambahan" bernilai "<tertimbang>"
    Dan keluaran "nilai_kinerja_tambahan" bernilai "<tertimbang>"
    Dan keluaran "nilai_skp" bernilai "<nilai_skp>"
    Dan jejak menyebut aturan "<aturan>" dengan dasar hukum yang memuat "PermenPANRB 8/2021 Lampiran BAB VI, hlm. 95"

    Contoh: pengali 100, 80, 60, 40, 20
      | kategori      | nilai | tertimbang | nilai_skp | aturan                 |
      | sangat_baik   | 110   | 5.5        | 105.5     | tambahan_sangat_baik   |
      | baik          | 109   | 4.36       | 104.36    | tambahan_baik          |
      | cukup         | 88    | 2.64       | 102.64    | tambahan_cukup         |
      | kurang        | 69    | 1.38       | 101.38    | tambahan_kurang        |
      | sangat_kurang | 49    | 0.49       | 100.49    | tambahan_sangat_kurang |

  Skenario konsep: Jumlah nilai tertimbang kinerja tambahan <jumlah> menjadi <nilai_kt>
    Ketika keputusan "nilai_skp" dihitung dengan:
      | masukan                        | nilai       |
      | nilai_kinerja_utama            | 100         |
      | kategori_tambahan              | sangat_baik |
      | nilai_tambahan                 | 100         |
      | bobot_lingkup_penugasan        | 5           |
      | nilai_tertimbang_tambahan_lain | <lain>      |
    Maka keluaran "nilai_tertimbang_tambahan" bernilai "5"
    Dan keluaran "nilai_kinerja_tambahan" bernilai "<nilai_kt>"
    Dan keluaran "nilai_skp" bernilai "<nilai_skp>"

    Contoh: batas 10 dan kedua sisinya
      | lain | jumlah | nilai_kt | nilai_skp |
      | 0    | 5      | 5        | 105       |
      | 4.99 | 9.99   | 9.99     | 109.99    |
      | 5    | 10     | 10       | 110       |
      | 5.01 | 10.01  | 10       | 110       |
      | 20   | 25     | 10       | 110       |

  Skenario: Satu kinerja tambahan Sangat Baik bernilai 120 dengan bobot 10 tetap dihitung 10
    Ketika keputusan "nilai_skp" dihitung dengan:
      | masukan                 | nilai       |
      | nilai_kinerja_utama     | 109         |
      | kategori_tambahan       | sangat_baik |
      | nilai_tambahan          | 120         |
      | bobot_lingkup_penugasan | 10          |
    Maka keluaran "nilai_tertimbang_tambahan" bernilai "12"
    Dan keluaran "nilai_kinerja_tambahan" bernilai "10"
    Dan keluaran "nilai_skp" bernilai "119"
    Dan jejak mencatat parameter "batas_nilai_tambahan" bernilai "10" sejak "2021-01-01"

  Skenario: Kinerja tambahan Cukup bernilai 70 dengan bobot 10: 60 / 100 × 10 × 70 / 100 = 4,2
    Ketika keputusan "nilai_skp" dihitung dengan:
      | masukan                 | nilai |
      | nilai_kinerja_utama     | 90    |
      | kategori_tambahan       | cukup |
      | nilai_tambahan          | 70    |
      | bobot_lingkup_penugasan | 10    |
    Maka keluaran "nilai_tertimbang_tambahan" bernilai "4.2"
    Dan keluaran "nilai_skp" bernilai "94.2"
    Dan jejak mencatat parameter "pembulatan_nilai_skp" bernilai "2" sejak "2021-01-01"

  Skenario: Tanpa kategori kinerja tambahan, nilai dan bobot yang terisi tidak dihitung
    Ketika keputusan "nilai_skp" dihitung dengan:
      | masukan                 | nilai |
      | nilai_kinerja_utama     | 95    |
      | nilai_tambahan          | 110   |
      | bobot_lingkup_penugasan | 5     |
    Maka keluaran "nilai_tertimbang_tambahan" bernilai "0"
    Dan keluaran "nilai_skp" bernilai "95"
    Dan jejak menyebut aturan "tanpa_kinerja_tambahan"

  Skenario: Capaian IKI tetap dihitung seperti sebelumnya
    Ketika keputusan "capaian_iki" dihitung dengan:
      | masukan   | nilai |
      | target    | 85    |
      | realisasi | 85    |
    Maka keluaran "nilai" bernilai "109"
    Dan jejak menyebut aturan "baik_100"

  Skenario konsep: Masukan yang tidak sah ditolak (<masukan> = <nilai>)
    # Baris terakhir tabel menggantikan nilai masukan yang sama di atasnya.
    Ketika keputusan "nilai_skp" dihitung dengan:
      | masukan             | nilai   |
      | nilai_kinerja_utama | 100     |
      | <masukan>           | <nilai> |
    Maka perhitungan ditolak dengan kode "<kode>"

    Contoh:
      | masukan                 | nilai    | kode               |
      | nilai_kinerja_utama     | 121      | eval.above_maximum |
      | nilai_tambahan          | 121      | eval.above_maximum |
      | bobot_lingkup_penugasan | -1       | eval.below_minimum |
      | kategori_tambahan       | istimewa | eval.bad_enum      |

  Skenario: Setelah PermenPANRB 6/2022 berlaku, paket ini tidak dipakai lagi
    Dengan tanggal evaluasi "2022-02-03"
    Ketika keputusan "nilai_skp" dihitung dengan:
      | masukan             | nilai |
      | nilai_kinerja_utama | 100   |
    Maka perhitungan ditolak dengan kode "eval.pack_not_in_force"
