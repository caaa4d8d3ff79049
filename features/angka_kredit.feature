# language: id
Fitur: Angka kredit jabatan fungsional dari predikat kinerja
  PermenPANRB 1/2023 dan PerBKN 3/2023: angka kredit tahunan = persentase predikat × koefisien
  jenjang (Sangat Baik 150 %, Baik 100 %, Butuh Perbaikan 75 %, Kurang 50 %, Sangat Kurang 25 %);
  periodik = (bulan / 12) × persentase × koefisien. PerBKN 11/2022 Pasal 30 ayat (2): capaian
  angka kredit dalam satu tahun paling banyak 150 % koefisien. Angka kredit ditulis tiga desimal.

  Latar Belakang:
    Dengan paket "permenpanrb-1-2023"

  Skenario konsep: Jenjang <jenjang> berpredikat <predikat> setahun
    Ketika angka kredit dihitung untuk jenjang "<jenjang>" dengan predikat "<predikat>"
    Maka keluaran "persentase" bernilai "<persentase>"
    Dan keluaran "angka_kredit" bernilai "<angka_kredit>"
    Dan jejak menyebut aturan "<predikat>" dengan dasar hukum yang memuat "PerBKN 3/2023"

    Contoh: setiap persentase predikat
      | jenjang      | predikat        | persentase | angka_kredit |
      | ahli_pertama | sangat_baik     | 150        | 18.75        |
      | ahli_pertama | baik            | 100        | 12.5         |
      | ahli_pertama | butuh_perbaikan | 75         | 9.375        |
      | ahli_pertama | kurang          | 50         | 6.25         |
      | ahli_pertama | sangat_kurang   | 25         | 3.125        |
      | ahli_muda    | sangat_baik     | 150        | 37.5         |
      | ahli_muda    | baik            | 100        | 25           |
      | ahli_muda    | butuh_perbaikan | 75         | 18.75        |
      | ahli_muda    | kurang          | 50         | 12.5         |
      | ahli_muda    | sangat_kurang   | 25         | 6.25         |

    Contoh: koefisien setiap jenjang (predikat Baik)
      | jenjang      | predikat | persentase | angka_kredit |
      | pemula       | baik     | 100        | 3.75         |
      | terampil     | baik     | 100        | 5            |
      | mahir        | baik     | 100        | 12.5         |
      | penyelia     | baik     | 100        | 25           |
      | ahli_madya   | baik     | 100        | 37.5         |
      | ahli_utama   | baik     | 100        | 50           |

  Skenario konsep: Penilaian periodik <bulan> bulan, jenjang <jenjang> berpredikat <predikat>
    Ketika angka kredit dihitung untuk jenjang "<jenjang>" dengan predikat "<predikat>" selama "<bulan>" bulan
    Maka keluaran "angka_kredit" bernilai "<angka_kredit>"

    Contoh:
      | jenjang      | predikat        | bulan | angka_kredit |
      | ahli_muda    | baik            | 3     | 6.25         |
      | ahli_pertama | baik            | 6     | 6.25         |
      | ahli_pertama | sangat_baik     | 1     | 1.563        |
      | ahli_madya   | butuh_perbaikan | 1     | 2.344        |
      | pemula       | sangat_kurang   | 1     | 0.078        |
      | ahli_utama   | sangat_baik     | 12    | 75           |

  Skenario konsep: Batas 150 % koefisien setahun (sudah <sudah> angka kredit tahun ini)
    Ketika angka kredit dihitung untuk jenjang "<jenjang>" dengan predikat "<predikat>" selama "<bulan>" bulan, angka kredit tahun ini "<sudah>"
    Maka keluaran "angka_kredit" bernilai "<angka_kredit>"
    Dan jejak mencatat turunan "sisa_batas_tahunan" bernilai "<sisa>"

    Contoh:
      | jenjang      | predikat    | bulan | sudah | sisa  | angka_kredit |
      | ahli_pertama | sangat_baik | 6     | 15    | 3.75  | 3.75         |
      | ahli_pertama | sangat_baik | 6     | 9.375 | 9.375 | 9.375        |
      | ahli_pertama | baik        | 12    | 18.75 | 0     | 0            |
      | ahli_muda    | baik        | 6     | 30    | 7.5   | 7.5          |
      | ahli_muda    | baik        | 6     | 20    | 17.5  | 12.5         |

  Skenario: Empat triwulan Sangat Baik tidak melampaui 150 % koefisien
    Ketika jenjang "ahli_pertama" berpredikat "sangat_baik" pada 4 periode berturut-turut masing-masing 3 bulan
    Maka angka kredit per periode "4.688, 4.688, 4.688, 4.686"
    Dan jumlah angka kredit semua periode "18.75"

  Skenario konsep: Empat tahun berpredikat Baik mencapai angka kredit kenaikan pangkat jenjang <jenjang>
    Ketika jenjang "<jenjang>" berpredikat "baik" pada 4 periode berturut-turut masing-masing 12 bulan
    Maka jumlah angka kredit semua periode "<ak_kenaikan_pangkat>"

    Contoh:
      | jenjang      | ak_kenaikan_pangkat |
      | pemula       | 15                  |
      | terampil     | 20                  |
      | mahir        | 50                  |
      | penyelia     | 100                 |
      | ahli_pertama | 50                  |
      | ahli_muda    | 100                 |
      | ahli_madya   | 150                 |
      | ahli_utama   | 200                 |

  Skenario: Bulan penilaian lebih dari 12 ditolak
    Ketika angka kredit dihitung untuk jenjang "ahli_muda" dengan predikat "baik" selama "13" bulan
    Maka perhitungan ditolak dengan kode "eval.above_maximum"
