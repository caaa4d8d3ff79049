# language: id
Fitur: Tindak lanjut hasil penilaian kinerja PNS menurut jenis jabatan dan predikat
  PP 30/2019 BAB VI Tindak Lanjut. Pasal 56–58: JPT yang tidak mencapai target kinerja yang
  diperjanjikan (Cukup, Kurang, Sangat Kurang) diberi waktu 6 bulan untuk memperbaiki kinerja; bila
  tidak membaik, mengikuti uji kompetensi kembali lalu dipindahkan ke jabatan yang sesuai
  kompetensinya atau jabatan yang lebih rendah. Pejabat administrasi (administrator, pengawas,
  pelaksana) dan pejabat fungsional berpredikat Kurang atau Sangat Kurang diberi waktu 6 bulan, lalu
  uji kompetensi dan penempatan pada jabatan yang sesuai atau lebih rendah; bila tidak ada jabatan
  yang lowong, ditempatkan sementara paling lama 1 tahun (12 bulan), lalu diberhentikan dengan
  hormat (Pasal 58 ayat (5)). Predikat Sangat Baik dua tahun berturut-turut dapat diprioritaskan
  dalam kelompok rencana suksesi instansi.

  Latar Belakang:
    Dengan paket "pp-30-2019"

  Skenario konsep: <jenis_jabatan> berpredikat <predikat>
    Ketika keputusan "tindak_lanjut" dihitung dengan:
      | masukan       | nilai           |
      | jenis_jabatan | <jenis_jabatan> |
      | predikat      | <predikat>      |
    Maka keluaran "konsekuensi" bernilai "<konsekuensi>"
    Dan keluaran "masa_perbaikan_bulan" bernilai "<bulan>"
    Dan keluaran "uji_kompetensi_bila_tidak_membaik" bernilai "<uji>"
    Dan keluaran "penempatan_bila_tidak_membaik" bernilai "<penempatan>"
    Dan keluaran "bila_tidak_ada_jabatan_lowong" bernilai "<tanpa_lowongan>"
    Dan keluaran "penempatan_sementara_paling_lama_bulan" bernilai "<sementara>"
    Dan jejak menyebut aturan "<aturan>" dengan dasar hukum yang memuat "PP 30/2019 <pasal>"

    Contoh: setiap jenis jabatan dan setiap predikat selain Sangat Baik
      | jenis_jabatan | predikat      | aturan                         | pasal       | konsekuensi       | bulan | uji   | penempatan                                  | tanpa_lowongan                           | sementara |
      | jpt           | baik          | baik                           | Pasal 56    | tidak_ada         | 0     | false | tidak_berlaku                               | tidak_berlaku                            | 0         |
      | jpt           | cukup         | jpt_tidak_mencapai_target      | Pasal 56–58 | perbaikan_kinerja | 6     | true  | jabatan_sesuai_kompetensi_atau_lebih_rendah | tidak_disebut                            | 0         |
      | jpt           | kurang        | jpt_tidak_mencapai_target      | Pasal 56–58 | perbaikan_kinerja | 6     | true  | jabatan_sesuai_kompetensi_atau_lebih_rendah | tidak_disebut                            | 0         |
      | jpt           | sangat_kurang | jpt_tidak_mencapai_target      | Pasal 56–58 | perbaikan_kinerja | 6     | true  | jabatan_sesuai_kompetensi_atau_lebih_rendah | tidak_disebut                            | 0         |
      | administrator | baik          | baik                           | Pasal 56    | tidak_ada         | 0     | false | tidak_berlaku                               | tidak_berlaku                            | 0         |
      | administrator | cukup         | administrasi_fungsional_cukup  | Pasal 58    | tidak_ada         | 0     | false | tidak_berlaku                               | tidak_berlaku                            | 0         |
      | administrator | kurang        | administrasi_fungsional_kurang | Pasal 58    | perbaikan_kinerja | 6     | true  | jabatan_sesuai_kompetensi_atau_lebih_rendah | ditempatkan_sementara_lalu_diberhentikan | 12        |
      | administrator | sangat_kurang | administrasi_fungsional_kurang | Pasal 58    | perbaikan_kinerja | 6     | true  | jabatan_sesuai_kompetensi_atau_lebih_rendah | ditempatkan_sementara_lalu_diberhentikan | 12        |
      | pengawas      | baik          | baik                           | Pasal 56    | tidak_ada         | 0     | false | tidak_berlaku                               | tidak_berlaku                            | 0         |
      | pengawas      | cukup         | administrasi_fungsional_cukup  | Pasal 58    | tidak_ada         | 0     | false | tidak_berlaku                               | tidak_berlaku                            | 0         |
      | pengawas      | kurang        | administrasi_fungsional_kurang | Pasal 58    | perbaikan_kinerja | 6     | true  | jabatan_sesuai_kompetensi_atau_lebih_rendah | ditempatkan_sementara_lalu_diberhentikan | 12        |
      | pengawas      | sangat_kurang | administrasi_fungsional_kurang | Pasal 58    | perbaikan_kinerja | 6     | true  | jabatan_sesuai_kompetensi_atau_lebih_rendah | ditempatkan_sementara_lalu_diberhentikan | 12        |
      | pelaksana     | baik          | baik                           | Pasal 56    | tidak_ada         | 0     | false | tidak_berlaku                               | tidak_berlaku                            | 0         |
      | pelaksana     | cukup         | administrasi_fungsional_cukup  | Pasal 58    | tidak_ada         | 0     | false | tidak_berlaku                               | tidak_berlaku                            | 0         |
      | pelaksana     | kurang        | administrasi_fungsional_kurang | Pasal 58    | perbaikan_kinerja | 6     | true  | jabatan_sesuai_kompetensi_atau_lebih_rendah | ditempatkan_sementara_lalu_diberhentikan | 12        |
      | pelaksana     | sangat_kurang | administrasi_fungsional_kurang | Pasal 58    | perbaikan_kinerja | 6     | true  | jabatan_sesuai_kompetensi_atau_lebih_rendah | ditempatkan_sementara_lalu_diberhentikan | 12        |
      | fungsional    | baik          | baik                           | Pasal 56    | tidak_ada         | 0     | false | tidak_berlaku                               | tidak_berlaku                            | 0         |
      | fungsional    | cukup         | administrasi_fungsional_cukup  | Pasal 58    | tidak_ada         | 0     | false | tidak_berlaku                               | tidak_berlaku                            | 0         |
      | fungsional    | kurang        | administrasi_fungsional_kurang | Pasal 58    | perbaikan_kinerja | 6     | true  | jabatan_sesuai_kompetensi_atau_lebih_rendah | ditempatkan_sementara_lalu_diberhentikan | 12        |
      | fungsional    | sangat_kurang | administrasi_fungsional_kurang | Pasal 58    | perbaikan_kinerja | 6     | true  | jabatan_sesuai_kompetensi_atau_lebih_rendah | ditempatkan_sementara_lalu_diberhentikan | 12        |

  Skenario konsep: Sangat Baik <berturut> tahun berturut-turut (<sebelumnya> tahun sebelumnya), <jenis_jabatan>
    Ketika keputusan "tindak_lanjut" dihitung dengan:
      | masukan                      | nilai           |
      | jenis_jabatan                | <jenis_jabatan> |
      | predikat                     | sangat_baik     |
      | tahun_sangat_baik_sebelumnya | <sebelumnya>    |
    Maka keluaran "konsekuensi" bernilai "<konsekuensi>"
    Dan keluaran "masa_perbaikan_bulan" bernilai "0"
    Dan keluaran "uji_kompetensi_bila_tidak_membaik" bernilai "false"
    Dan jejak mencatat turunan "tahun_sangat_baik_berturut" bernilai "<berturut>"
    Dan jejak menyebut aturan "<aturan>" dengan dasar hukum yang memuat "rencana suksesi"
    Dan keluaran "keterangan" memuat "Sangat Baik <berturut> tahun berturut-turut"
    Dan keluaran "keterangan" memuat "<teks>"

    Contoh: di sekitar dua tahun berturut-turut
      | jenis_jabatan | sebelumnya | berturut | konsekuensi       | aturan                           | teks                                         |
      | fungsional    | 0          | 1        | tidak_ada         | sangat_baik_belum_berturut_turut | rencana suksesi baru setelah 2 tahun         |
      | pelaksana     | 0          | 1        | tidak_ada         | sangat_baik_belum_berturut_turut | rencana suksesi baru setelah 2 tahun         |
      | fungsional    | 1          | 2        | prioritas_suksesi | sangat_baik_berturut_turut       | dapat diprioritaskan dalam kelompok rencana  |
      | jpt           | 1          | 2        | prioritas_suksesi | sangat_baik_berturut_turut       | dapat diprioritaskan dalam kelompok rencana  |
      | administrator | 2          | 3        | prioritas_suksesi | sangat_baik_berturut_turut       | dapat diprioritaskan dalam kelompok rencana  |
      | pengawas      | 40         | 41       | prioritas_suksesi | sangat_baik_berturut_turut       | dapat diprioritaskan dalam kelompok rencana  |

  Skenario: Sangat Baik tahun lalu tetapi Baik tahun ini tidak diprioritaskan
    Ketika keputusan "tindak_lanjut" dihitung dengan:
      | masukan                      | nilai      |
      | jenis_jabatan                | fungsional |
      | predikat                     | baik       |
      | tahun_sangat_baik_sebelumnya | 3          |
    Maka keluaran "konsekuensi" bernilai "tidak_ada"
    Dan jejak mencatat turunan "tahun_sangat_baik_berturut" bernilai "0"
    Dan jejak menyebut aturan "baik" dengan dasar hukum yang memuat "Pasal 56"

  Skenario: Keterangan menyebut langkah-langkah dalam kata-kata
    Ketika keputusan "tindak_lanjut" dihitung dengan:
      | masukan       | nilai     |
      | jenis_jabatan | pelaksana |
      | predikat      | kurang    |
    Maka keluaran "keterangan" memuat "Diberi waktu 6 bulan untuk memperbaiki kinerja"
    Dan keluaran "keterangan" memuat "ditempatkan sementara paling lama 12 bulan"
    Dan keluaran "keterangan" memuat "diberhentikan dengan hormat"
    Dan jejak mencatat parameter "masa_perbaikan_kinerja" bernilai "6" sejak "2019-05-20"
    Dan jejak mencatat parameter "batas_penempatan_sementara" bernilai "12" sejak "2019-05-20"

  Skenario konsep: Masukan yang tidak sah ditolak (<masukan> = <nilai>)
    Ketika keputusan "tindak_lanjut" dihitung dengan:
      | masukan                      | nilai         |
      | jenis_jabatan                | <jabatan>     |
      | predikat                     | sangat_baik   |
      | tahun_sangat_baik_sebelumnya | <nilai>       |
    Maka perhitungan ditolak dengan kode "<kode>"

    Contoh:
      | masukan                      | jabatan    | nilai | kode               |
      | tahun_sangat_baik_sebelumnya | fungsional | -1    | eval.below_minimum |
      | tahun_sangat_baik_sebelumnya | fungsional | 41    | eval.above_maximum |
      | tahun_sangat_baik_sebelumnya | fungsional | 1.5   | eval.not_integer   |
      | jenis_jabatan                | eselon_iii | 1     | eval.bad_enum      |
