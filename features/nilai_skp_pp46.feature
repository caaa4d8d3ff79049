# language: id
Fitur: Nilai capaian SKP dan nilai prestasi kerja menurut PP 46/2011 dan Perka BKN 1/2013 (warisan)
  Setiap kegiatan tugas jabatan dinilai dari kuantitas (RO / TO × 100), kualitas (RK / TK × 100),
  waktu dan, bila ada anggarannya, biaya: (1,76 × T − R) / T × 100 bila efisiensi sampai 24 %,
  76 − ((1,76 × T − R) / T × 100 − 100) di atasnya. Nilai kegiatan adalah rata-rata aspek yang
  dipakai; nilai capaian SKP adalah rata-rata nilai kegiatan ditambah nilai tugas tambahan (1–3
  tugas: 1, 4–6: 2, 7 atau lebih: 3) dan nilai kreativitas (unit kerja 3, organisasi 6, negara 12).
  Nilai prestasi kerja = 60 % nilai SKP + 40 % nilai perilaku kerja. Sebutan: 91 ke atas Sangat
  Baik, 76–90 Baik, 61–75 Cukup, 51–60 Kurang, 50 ke bawah Buruk; nilai pecahan di antara dua
  rentang masuk sebutan yang lebih rendah. Nilai dibulatkan dua desimal.

  Latar Belakang:
    Dengan paket "pp-46-2011"

  Skenario: Contoh penghitungan — kuantitas 100, kualitas 90, waktu 76, biaya 76: nilai 85,5 (Baik)
    Ketika keputusan "nilai_skp" dihitung dengan:
      | masukan             | nilai   |
      | kuantitas_target    | 12      |
      | kuantitas_realisasi | 12      |
      | kualitas_realisasi  | 90      |
      | waktu_target        | 12      |
      | waktu_realisasi     | 12      |
      | biaya_target        | 5000000 |
      | biaya_realisasi     | 5000000 |
    Maka keluaran "nilai_kuantitas" bernilai "100"
    Dan keluaran "nilai_kualitas" bernilai "90"
    Dan keluaran "nilai_waktu" bernilai "76"
    Dan keluaran "nilai_biaya" bernilai "76"
    Dan keluaran "nilai_kegiatan" bernilai "85.5"
    Dan keluaran "nilai_capaian_skp" bernilai "85.5"
    Dan keluaran "sebutan" bernilai "baik"
    Dan jejak menyebut aturan "baik" dengan dasar hukum yang memuat "PP 46/2011"

  Skenario: Kegiatan tanpa biaya dirata-rata atas tiga aspek
    Ketika keputusan "nilai_skp" dihitung dengan:
      | masukan             | nilai |
      | kuantitas_target    | 12    |
      | kuantitas_realisasi | 12    |
      | kualitas_realisasi  | 90    |
      | waktu_target        | 12    |
      | waktu_realisasi     | 12    |
    Maka keluaran "nilai_biaya" bernilai "0"
    Dan keluaran "nilai_kegiatan" bernilai "88.67"
    Dan keluaran "sebutan" bernilai "baik"

  Skenario konsep: Waktu <rw> dari target 100 (efisiensi <efisiensi> %) bernilai <nilai_waktu>
    Ketika keputusan "nilai_skp" dihitung dengan:
      | masukan             | nilai |
      | kuantitas_target    | 10    |
      | kuantitas_realisasi | 10    |
      | kualitas_realisasi  | 100   |
      | waktu_target        | 100   |
      | waktu_realisasi     | <rw>  |
    Maka jejak mencatat turunan "efisiensi_waktu" bernilai "<efisiensi>"
    Dan keluaran "nilai_waktu" bernilai "<nilai_waktu>"
    Dan keluaran "nilai_kegiatan" bernilai "<nilai_kegiatan>"

    Contoh: efisiensi di sekitar batas 24 %, tepat waktu, terlambat
      | rw  | efisiensi | nilai_waktu | nilai_kegiatan |
      | 77  | 23        | 99          | 99.67          |
      | 76  | 24        | 100         | 100            |
      | 75  | 25        | 75          | 91.67          |
      | 50  | 50        | 50          | 83.33          |
      | 0   | 100       | 0           | 66.67          |
      | 100 | 0         | 76          | 92             |
      | 120 | -20       | 56          | 85.33          |
      | 176 | -76       | 0           | 66.67          |
      | 200 | -100      | 0           | 66.67          |

  Skenario konsep: Biaya <rb> dari anggaran 1.000.000 (efisiensi <efisiensi> %) bernilai <nilai_biaya>
    Ketika keputusan "nilai_skp" dihitung dengan:
      | masukan             | nilai   |
      | kuantitas_target    | 10      |
      | kuantitas_realisasi | 10      |
      | kualitas_realisasi  | 100     |
      | waktu_target        | 12      |
      | waktu_realisasi     | 12      |
      | biaya_target        | 1000000 |
      | biaya_realisasi     | <rb>    |
    Maka jejak mencatat turunan "efisiensi_biaya" bernilai "<efisiensi>"
    Dan keluaran "nilai_biaya" bernilai "<nilai_biaya>"
    Dan keluaran "nilai_kegiatan" bernilai "<nilai_kegiatan>"

    Contoh:
      | rb      | efisiensi | nilai_biaya | nilai_kegiatan |
      | 770000  | 23        | 99          | 93.75          |
      | 760000  | 24        | 100         | 94             |
      | 750000  | 25        | 75          | 87.75          |
      | 1000000 | 0         | 76          | 88             |

  Skenario konsep: <jumlah> tugas tambahan menambah <tambahan> pada nilai capaian SKP
    Ketika keputusan "nilai_skp" dihitung dengan:
      | masukan               | nilai    |
      | kuantitas_target      | 10       |
      | kuantitas_realisasi   | 10       |
      | kualitas_realisasi    | 85       |
      | waktu_target          | 12       |
      | waktu_realisasi       | 12       |
      | jumlah_tugas_tambahan | <jumlah> |
    Maka keluaran "nilai_kegiatan" bernilai "87"
    Dan keluaran "nilai_tugas_tambahan" bernilai "<tambahan>"
    Dan keluaran "nilai_capaian_skp" bernilai "<nilai>"
    Dan keluaran "sebutan" bernilai "baik"

    Contoh: batas kelompok 1–3, 4–6, 7 atau lebih
      | jumlah | tambahan | nilai |
      | 0      | 0        | 87    |
      | 1      | 1        | 88    |
      | 3      | 1        | 88    |
      | 4      | 2        | 89    |
      | 6      | 2        | 89    |
      | 7      | 3        | 90    |
      | 50     | 3        | 90    |

  Skenario konsep: Kreativitas <kreativitas> menambah <tambahan>
    Ketika keputusan "nilai_skp" dihitung dengan:
      | masukan             | nilai         |
      | kuantitas_target    | 10            |
      | kuantitas_realisasi | 10            |
      | kualitas_realisasi  | 85            |
      | waktu_target        | 12            |
      | waktu_realisasi     | 12            |
      | kreativitas         | <kreativitas> |
    Maka keluaran "nilai_kreativitas" bernilai "<tambahan>"
    Dan keluaran "nilai_capaian_skp" bernilai "<nilai>"
    Dan keluaran "sebutan" bernilai "<sebutan>"

    Contoh:
      | kreativitas | tambahan | nilai | sebutan     |
      | tidak_ada   | 0        | 87    | baik        |
      | unit_kerja  | 3        | 90    | baik        |
      | organisasi  | 6        | 93    | sangat_baik |
      | nasional    | 12       | 99    | sangat_baik |

  Skenario: Kegiatan lain dirata-rata dulu, baru tugas tambahan dan kreativitas ditambahkan
    # (85,5 + 3 × 90) / 4 = 88,875; + 1 (dua tugas tambahan) + 3 (kreativitas unit kerja) = 92,875
    Ketika keputusan "nilai_skp" dihitung dengan:
      | masukan                 | nilai      |
      | kuantitas_target        | 12         |
      | kuantitas_realisasi     | 12         |
      | kualitas_realisasi      | 90         |
      | waktu_target            | 12         |
      | waktu_realisasi         | 12         |
      | biaya_target            | 5000000    |
      | biaya_realisasi         | 5000000    |
      | jumlah_kegiatan_lain    | 3          |
      | rata_rata_kegiatan_lain | 90         |
      | jumlah_tugas_tambahan   | 2          |
      | kreativitas             | unit_kerja |
    Maka keluaran "nilai_kegiatan" bernilai "85.5"
    Dan jejak mencatat turunan "rata_rata_kegiatan" bernilai "88.875"
    Dan keluaran "nilai_capaian_skp" bernilai "92.88"
    Dan keluaran "sebutan" bernilai "sangat_baik"

  Skenario: Realisasi melampaui target membuat nilai di atas 100
    Ketika keputusan "nilai_skp" dihitung dengan:
      | masukan             | nilai |
      | kuantitas_target    | 12    |
      | kuantitas_realisasi | 15    |
      | kualitas_realisasi  | 100   |
      | waktu_target        | 12    |
      | waktu_realisasi     | 12    |
    Maka keluaran "nilai_kuantitas" bernilai "125"
    Dan keluaran "nilai_capaian_skp" bernilai "100.33"
    Dan keluaran "sebutan" bernilai "sangat_baik"

  Skenario konsep: Nilai capaian SKP <nilai> bersebutan <sebutan>
    Ketika keputusan "nilai_skp" dihitung dengan:
      | masukan             | nilai  |
      | kuantitas_target    | 100    |
      | kuantitas_realisasi | <ro>   |
      | kualitas_realisasi  | <rk>   |
      | waktu_target        | 100    |
      | waktu_realisasi     | <rw>   |
    Maka keluaran "nilai_capaian_skp" bernilai "<nilai>"
    Dan keluaran "sebutan" bernilai "<sebutan>"
    Dan jejak menyebut aturan "<sebutan>" dengan dasar hukum yang memuat "PP 46/2011, sebutan nilai"

    Contoh: batas sebutan dan kedua sisinya
      | ro    | rk    | rw  | nilai | sebutan     |
      | 100   | 97    | 100 | 91    | sangat_baik |
      | 100   | 96.97 | 100 | 90.99 | baik        |
      | 100   | 52    | 100 | 76    | baik        |
      | 100   | 51.97 | 100 | 75.99 | cukup       |
      | 100   | 7     | 100 | 61    | cukup       |
      | 100   | 6.97  | 100 | 60.99 | kurang      |
      | 77    | 0     | 100 | 51    | kurang      |
      | 76.97 | 0     | 100 | 50.99 | buruk       |
      | 74    | 0     | 100 | 50    | buruk       |
      | 0     | 0     | 200 | 0     | buruk       |

  Skenario: Contoh penghitungan — SKP 85,5 dan perilaku 80: nilai prestasi kerja 83,3 (Baik)
    Ketika keputusan "nilai_prestasi_kerja" dihitung dengan:
      | masukan        | nilai |
      | nilai_skp      | 85.5  |
      | nilai_perilaku | 80    |
    Maka keluaran "nilai_prestasi_kerja" bernilai "83.3"
    Dan keluaran "sebutan" bernilai "baik"
    Dan jejak mencatat parameter "bobot_skp" bernilai "0.6" sejak "2014-01-01"
    Dan jejak mencatat parameter "bobot_perilaku" bernilai "0.4" sejak "2014-01-01"
    Dan jejak menyebut aturan "baik" dengan dasar hukum yang memuat "PP 46/2011"

  Skenario konsep: Nilai prestasi kerja <nilai> bersebutan <sebutan>
    Ketika keputusan "nilai_prestasi_kerja" dihitung dengan:
      | masukan        | nilai   |
      | nilai_skp      | <nilai> |
      | nilai_perilaku | <nilai> |
    Maka keluaran "nilai_prestasi_kerja" bernilai "<nilai>"
    Dan keluaran "sebutan" bernilai "<sebutan>"
    Dan jejak menyebut aturan "<sebutan>" dengan dasar hukum yang memuat "PP 46/2011, sebutan nilai"

    Contoh: batas sebutan dan kedua sisinya
      | nilai | sebutan     |
      | 100   | sangat_baik |
      | 91    | sangat_baik |
      | 90.99 | baik        |
      | 90.5  | baik        |
      | 76    | baik        |
      | 75.99 | cukup       |
      | 61    | cukup       |
      | 60.99 | kurang      |
      | 51    | kurang      |
      | 50.99 | buruk       |
      | 50    | buruk       |
      | 0     | buruk       |

  Skenario: Nilai SKP di atas 100 ikut terbobot 60 %
    Ketika keputusan "nilai_prestasi_kerja" dihitung dengan:
      | masukan        | nilai |
      | nilai_skp      | 110   |
      | nilai_perilaku | 80    |
    Maka keluaran "nilai_prestasi_kerja" bernilai "98"
    Dan keluaran "sebutan" bernilai "sangat_baik"

  Skenario: Nilai prestasi kerja dibulatkan setengah ke atas pada dua desimal sebelum diberi sebutan
    Ketika keputusan "nilai_prestasi_kerja" dihitung dengan:
      | masukan        | nilai  |
      | nilai_skp      | 90.995 |
      | nilai_perilaku | 90.995 |
    Maka keluaran "nilai_prestasi_kerja" bernilai "91"
    Dan keluaran "sebutan" bernilai "sangat_baik"

  Skenario: Semester Januari–Juni 2021 masih dinilai dengan PP 46/2011
    Dengan tanggal evaluasi "2021-06-30"
    Ketika keputusan "nilai_prestasi_kerja" dihitung dengan:
      | masukan        | nilai |
      | nilai_skp      | 85.5  |
      | nilai_perilaku | 80    |
    Maka keluaran "nilai_prestasi_kerja" bernilai "83.3"

  Skenario konsep: Pada <tanggal> paket ini tidak berlaku
    Dengan tanggal evaluasi "<tanggal>"
    Ketika keputusan "nilai_prestasi_kerja" dihitung dengan:
      | masukan        | nilai |
      | nilai_skp      | 85.5  |
      | nilai_perilaku | 80    |
    Maka perhitungan ditolak dengan kode "eval.pack_not_in_force"

    Contoh:
      | tanggal    |
      | 2013-12-31 |
      | 2021-07-01 |

  Skenario konsep: Masukan di luar rentang ditolak (<masukan> = <nilai>)
    # Baris terakhir tabel menggantikan nilai masukan yang sama di atasnya.
    Ketika keputusan "nilai_skp" dihitung dengan:
      | masukan             | nilai   |
      | kuantitas_target    | 10      |
      | kuantitas_realisasi | 10      |
      | kualitas_realisasi  | 90      |
      | waktu_realisasi     | 12      |
      | <masukan>           | <nilai> |
    Maka perhitungan ditolak dengan kode "<kode>"

    Contoh:
      | masukan               | nilai    | kode              |
      | kualitas_realisasi    | 101      | eval.above_maximum |
      | kuantitas_target      | 0        | eval.below_minimum |
      | jumlah_tugas_tambahan | 1.5      | eval.not_integer   |
      | kreativitas           | istimewa | eval.bad_enum      |
