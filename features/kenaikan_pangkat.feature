# language: id
Fitur: Angka kredit kumulatif untuk kenaikan pangkat dan jenjang jabatan fungsional
  PerBKN 3/2023: kenaikan pangkat dan kenaikan jenjang memerlukan angka kredit kumulatif per
  jenjang (Ahli Utama 200 untuk pangkat; Ahli Madya 150 dan 450; Ahli Muda 100 dan 200; Ahli
  Pertama 50 dan 100; Penyelia 100; Mahir 50 dan 100; Terampil 20 dan 60; Pemula 15 dan 15).
  Penyelia dan Ahli Utama adalah jenjang tertinggi. Kekurangan = angka kredit yang dipersyaratkan −
  angka kredit yang sudah dimiliki (tidak kurang dari 0); lama = kekurangan ÷ angka kredit setahun
  (persentase predikat × koefisien), dibulatkan ke atas menjadi tahun penilaian penuh.

  Latar Belakang:
    Dengan paket "permenpanrb-1-2023"

  Skenario konsep: Jenjang <jenjang> berpredikat Baik empat tahun mencapai angka kredit kenaikan pangkat
    Angka kredit kenaikan pangkat ÷ koefisien = 4 tahun berpredikat Baik, untuk setiap jenjang.
    Ketika keputusan "kenaikan_pangkat" dihitung dengan:
      | masukan               | nilai     |
      | jenjang               | <jenjang> |
      | predikat              | baik      |
      | angka_kredit_dimiliki | 0         |
    Maka keluaran "angka_kredit_setahun" bernilai "<koefisien>"
    Dan keluaran "ak_kumulatif_pangkat" bernilai "<ak_pangkat>"
    Dan keluaran "kekurangan_ak_pangkat" bernilai "<ak_pangkat>"
    Dan keluaran "tahun_menuju_pangkat" bernilai "4"
    Dan keluaran "jenjang_berikutnya" bernilai "<berikutnya>"
    Dan jejak menyebut aturan "<jenjang>" dengan dasar hukum yang memuat "kenaikan pangkat <ak_pangkat>"

    Contoh: setiap jenjang
      | jenjang      | koefisien | ak_pangkat | berikutnya |
      | pemula       | 3.75      | 15         | terampil   |
      | terampil     | 5         | 20         | mahir      |
      | mahir        | 12.5      | 50         | penyelia   |
      | penyelia     | 25        | 100        | tidak_ada  |
      | ahli_pertama | 12.5      | 50         | ahli_muda  |
      | ahli_muda    | 25        | 100        | ahli_madya |
      | ahli_madya   | 37.5      | 150        | ahli_utama |
      | ahli_utama   | 50        | 200        | tidak_ada  |

  Skenario konsep: Kenaikan jenjang dari <jenjang> berpredikat Baik
    Ketika keputusan "kenaikan_pangkat" dihitung dengan:
      | masukan               | nilai     |
      | jenjang               | <jenjang> |
      | predikat              | baik      |
      | angka_kredit_dimiliki | 0         |
    Maka keluaran "ak_kumulatif_jenjang" bernilai "<ak_jenjang>"
    Dan keluaran "kekurangan_ak_jenjang" bernilai "<ak_jenjang>"
    Dan keluaran "tahun_menuju_jenjang" bernilai "<tahun>"
    Dan jejak menyebut aturan "<jenjang>" dengan dasar hukum yang memuat "kenaikan jenjang ke <ke> <ak_jenjang> "

    Contoh: setiap jenjang yang masih punya jenjang lebih tinggi
      | jenjang      | ak_jenjang | tahun | ke         |
      | pemula       | 15         | 4     | Terampil   |
      | terampil     | 60         | 12    | Mahir      |
      | mahir        | 100        | 8     | Penyelia   |
      | ahli_pertama | 100        | 8     | Ahli Muda  |
      | ahli_muda    | 200        | 8     | Ahli Madya |
      | ahli_madya   | 450        | 12    | Ahli Utama |

  Skenario konsep: Jenjang tertinggi <jenjang> tidak punya kenaikan jenjang
    Ketika keputusan "kenaikan_pangkat" dihitung dengan:
      | masukan               | nilai     |
      | jenjang               | <jenjang> |
      | predikat              | baik      |
      | angka_kredit_dimiliki | 0         |
    Maka keluaran "jenjang_berikutnya" bernilai "tidak_ada"
    Dan jejak menyebut aturan "<jenjang>" dengan dasar hukum yang memuat "adalah jenjang tertinggi"

    Contoh:
      | jenjang    |
      | penyelia   |
      | ahli_utama |

  Skenario konsep: Ahli Pertama tanpa angka kredit berpredikat <predikat>
    Angka kredit setahun = persentase predikat × 12,5; 50 untuk pangkat dan 100 untuk jenjang.
    Ketika keputusan "kenaikan_pangkat" dihitung dengan:
      | masukan               | nilai        |
      | jenjang               | ahli_pertama |
      | predikat              | <predikat>   |
      | angka_kredit_dimiliki | 0            |
    Maka keluaran "angka_kredit_setahun" bernilai "<setahun>"
    Dan keluaran "tahun_menuju_pangkat" bernilai "<tahun_pangkat>"
    Dan keluaran "tahun_menuju_jenjang" bernilai "<tahun_jenjang>"

    Contoh: setiap predikat (150 %, 100 %, 75 %, 50 %, 25 %)
      | predikat        | setahun | tahun_pangkat | tahun_jenjang |
      | sangat_baik     | 18.75   | 3             | 6             |
      | baik            | 12.5    | 4             | 8             |
      | butuh_perbaikan | 9.375   | 6             | 11            |
      | kurang          | 6.25    | 8             | 16            |
      | sangat_kurang   | 3.125   | 16            | 32            |

  Skenario konsep: Ahli Muda berpredikat Baik sudah memiliki <dimiliki> angka kredit
    Angka kredit setahun 25; kenaikan pangkat 100, kenaikan jenjang 200. Batas tahun penuh ada di
    kekurangan 25 (satu tahun) dan 125 (lima tahun); kekurangan 0 berarti sudah terpenuhi.
    Ketika keputusan "kenaikan_pangkat" dihitung dengan:
      | masukan               | nilai      |
      | jenjang               | ahli_muda  |
      | predikat              | baik       |
      | angka_kredit_dimiliki | <dimiliki> |
    Maka keluaran "kekurangan_ak_pangkat" bernilai "<kurang_pangkat>"
    Dan keluaran "tahun_menuju_pangkat" bernilai "<tahun_pangkat>"
    Dan keluaran "kekurangan_ak_jenjang" bernilai "<kurang_jenjang>"
    Dan keluaran "tahun_menuju_jenjang" bernilai "<tahun_jenjang>"

    Contoh: di sekitar satu tahun terakhir menuju pangkat, dan di sekitar angka kredit pangkat
      | dimiliki | kurang_pangkat | tahun_pangkat | kurang_jenjang | tahun_jenjang |
      | 74.999   | 25.001         | 2             | 125.001        | 6             |
      | 75       | 25             | 1             | 125            | 5             |
      | 75.001   | 24.999         | 1             | 124.999        | 5             |
      | 99.999   | 0.001          | 1             | 100.001        | 5             |
      | 100      | 0              | 0             | 100            | 4             |
      | 100.001  | 0              | 0             | 99.999         | 4             |

    Contoh: di sekitar angka kredit jenjang, dan pada batas masukan
      | dimiliki | kurang_pangkat | tahun_pangkat | kurang_jenjang | tahun_jenjang |
      | 0        | 100            | 4             | 200            | 8             |
      | 175      | 0              | 0             | 25             | 1             |
      | 199.999  | 0              | 0             | 0.001          | 1             |
      | 200      | 0              | 0             | 0              | 0             |
      | 200.001  | 0              | 0             | 0              | 0             |
      | 1000     | 0              | 0             | 0              | 0             |

  Skenario: Keputusan angka kredit tahunan tetap sama
    Ketika angka kredit dihitung untuk jenjang "ahli_muda" dengan predikat "baik"
    Maka keluaran "angka_kredit" bernilai "25"
    Dan keluaran "persentase" bernilai "100"

  Skenario: Jejak mencatat tabel angka kredit kumulatif dan koefisien
    Ketika keputusan "kenaikan_pangkat" dihitung dengan:
      | masukan               | nilai        |
      | jenjang               | ahli_pertama |
      | predikat              | baik         |
      | angka_kredit_dimiliki | 10           |
    Maka jejak mencatat turunan "koefisien_jenjang" bernilai "12.5"
    Dan jejak mencatat turunan "kekurangan_pangkat" bernilai "40"
    Dan keluaran "tahun_menuju_pangkat" bernilai "4"

  Skenario konsep: Masukan di luar batas ditolak (<masukan> = <nilai>)
    Ketika keputusan "kenaikan_pangkat" dihitung dengan:
      | masukan               | nilai      |
      | jenjang               | <jenjang>  |
      | predikat              | baik       |
      | angka_kredit_dimiliki | <nilai>    |
    Maka perhitungan ditolak dengan kode "<kode>"

    Contoh:
      | masukan               | jenjang   | nilai   | kode              |
      | angka_kredit_dimiliki | ahli_muda | -0.001  | eval.below_minimum |
      | angka_kredit_dimiliki | ahli_muda | 1000.5  | eval.above_maximum |
      | jenjang               | guru      | 0       | eval.bad_enum      |
