# language: id
Fitur: Tambahan Penghasilan Pegawai (contoh TPP daerah) dan potongannya
  Contoh paket TPP daerah: 60 % porsi produktivitas (dipotong menurut predikat kinerja), 40 % porsi
  disiplin (dipotong per kejadian: tanpa keterangan 4 % per hari; terlambat masuk TL1–TL4 dan
  pulang sebelum waktu PSW1–PSW4 0,5 / 1 / 1,5 / 2 % per kejadian), lalu seluruh TPP dipotong
  menurut hukuman disiplin yang sedang dijalani. Potongan disiplin dibatasi 100 % porsinya.
  Setiap potongan tercatat dalam rincian dan dalam jejak perhitungan.
  Besaran potongan kehadiran berasal dari tabel Permentan 68/2012, yang memotong seluruh tunjangan
  kinerja; paket ini memotong porsi disiplin, dan dasar hukum setiap aturan mengatakannya. Potongan
  menurut predikat adalah pilihan contoh paket (tabel predikat → TPP daerah tidak ditemukan), maka
  dasarnya PP 12/2019 Pasal 58, bukan pasal peraturan lain yang memotong hal lain.
  Semua contoh memakai besaran TPP Rp 5.000.000: porsi produktivitas Rp 3.000.000 dan porsi
  disiplin Rp 2.000.000.

  Latar Belakang:
    Dengan paket "tpp-contoh"
    Dan masukan:
      | masukan     | nilai   |
      | besaran_tpp | 5000000 |
      | predikat    | baik    |

  Skenario: Pegawai berpredikat Baik tanpa pelanggaran menerima TPP penuh
    Ketika keputusan "tpp" dihitung
    Maka TPP yang diterima "Rp 5.000.000"
    Dan rincian potongan kosong
    Dan jejak tidak mencatat aturan yang menyala

  Skenario: Predikat Sangat Baik tidak menambah TPP
    Ketika keputusan "tpp" dihitung dengan:
      | masukan  | nilai       |
      | predikat | sangat_baik |
    Maka TPP yang diterima "Rp 5.000.000"
    Dan rincian potongan kosong

  Skenario konsep: Potongan disiplin <masukan> sebanyak <jumlah>
    Ketika keputusan "tpp" dihitung dengan:
      | masukan   | nilai    |
      | <masukan> | <jumlah> |
    Maka keluaran "potongan_disiplin_persen" bernilai "<persen>"
    Dan TPP yang diterima "<tpp>"
    Dan rincian potongan hanya aturan "<aturan>"
    Dan jejak menyebut aturan "<aturan>" dengan dasar hukum yang memuat "Permentan 68/2012"

    Contoh:
      | masukan               | jumlah | persen | tpp          | aturan           |
      | hari_tanpa_keterangan | 1      | 4      | Rp 4.920.000 | tanpa_keterangan |
      | hari_tanpa_keterangan | 3      | 12     | Rp 4.760.000 | tanpa_keterangan |
      | tl1                   | 1      | 0.5    | Rp 4.990.000 | tl1              |
      | tl1                   | 4      | 2      | Rp 4.960.000 | tl1              |
      | tl2                   | 1      | 1      | Rp 4.980.000 | tl2              |
      | tl3                   | 1      | 1.5    | Rp 4.970.000 | tl3              |
      | tl4                   | 1      | 2      | Rp 4.960.000 | tl4              |
      | psw1                  | 1      | 0.5    | Rp 4.990.000 | psw1             |
      | psw2                  | 1      | 1      | Rp 4.980.000 | psw2             |
      | psw3                  | 1      | 1.5    | Rp 4.970.000 | psw3             |
      | psw3                  | 2      | 3      | Rp 4.940.000 | psw3             |
      | psw4                  | 1      | 2      | Rp 4.960.000 | psw4             |

  Skenario konsep: Potongan produktivitas karena predikat <predikat>
    Ketika keputusan "tpp" dihitung dengan:
      | masukan  | nilai      |
      | predikat | <predikat> |
    Maka keluaran "potongan_produktivitas_persen" bernilai "<persen>"
    Dan TPP yang diterima "<tpp>"
    Dan rincian potongan hanya aturan "predikat_<predikat>"
    Dan jejak menyebut aturan "predikat_<predikat>" dengan dasar hukum yang memuat "PP 12/2019 Pasal 58"
    Dan jejak menyebut aturan "predikat_<predikat>" dengan dasar hukum yang memuat "porsi produktivitas dipotong <persen> %"

    Contoh:
      | predikat        | persen | tpp          |
      | butuh_perbaikan | 10     | Rp 4.700.000 |
      | kurang          | 15     | Rp 4.550.000 |
      | sangat_kurang   | 20     | Rp 4.400.000 |

  Skenario konsep: Hukuman disiplin <hukuman> memotong seluruh TPP <persen> %
    Ketika keputusan "tpp" dihitung dengan:
      | masukan          | nilai     |
      | hukuman_disiplin | <hukuman> |
    Maka keluaran "potongan_hukdis_persen" bernilai "<persen>"
    Dan TPP yang diterima "<tpp>"
    Dan rincian potongan hanya aturan "hukdis_<hukuman>"
    Dan jejak menyebut aturan "hukdis_<hukuman>" dengan dasar hukum yang memuat "Permentan 68/2012"

    Contoh:
      | hukuman                    | persen | tpp          |
      | teguran_lisan              | 20     | Rp 4.000.000 |
      | teguran_tertulis           | 30     | Rp 3.500.000 |
      | pernyataan_tidak_puas      | 40     | Rp 3.000.000 |
      | penundaan_kgb              | 40     | Rp 3.000.000 |
      | penundaan_kp               | 50     | Rp 2.500.000 |
      | penurunan_pangkat_1_tahun  | 60     | Rp 2.000.000 |
      | penurunan_pangkat_3_tahun  | 60     | Rp 2.000.000 |
      | penurunan_jabatan          | 70     | Rp 1.500.000 |
      | pembebasan_jabatan         | 80     | Rp 1.000.000 |
      | pemberhentian_dalam_proses | 100    | Rp 0         |

  Skenario konsep: Potongan disiplin dibatasi 100 % porsi disiplin (<hari> hari tanpa keterangan)
    Ketika keputusan "tpp" dihitung dengan:
      | masukan               | nilai  |
      | hari_tanpa_keterangan | <hari> |
    Maka keluaran "potongan_disiplin_persen" bernilai "<persen>"
    Dan TPP yang diterima "<tpp>"
    Dan rincian potongan hanya aturan "tanpa_keterangan"

    Contoh:
      | hari | persen | tpp          |
      | 24   | 96     | Rp 3.080.000 |
      | 25   | 100    | Rp 3.000.000 |
      | 30   | 120    | Rp 3.000.000 |

  Skenario: Gabungan kejadian yang melampaui 100 % tetap hanya menghabiskan porsi disiplin
    Ketika keputusan "tpp" dihitung dengan:
      | masukan               | nilai |
      | hari_tanpa_keterangan | 20    |
      | tl4                   | 15    |
    Maka keluaran "potongan_disiplin_persen" bernilai "110"
    Dan TPP yang diterima "Rp 3.000.000"
    Dan rincian potongan berisi tepat aturan:
      | aturan           |
      | tanpa_keterangan |
      | tl4              |
    Dan setiap potongan dalam rincian tercatat dalam jejak

  Skenario: Beberapa potongan sekaligus, masing-masing tercatat
    Ketika keputusan "tpp" dihitung dengan:
      | masukan               | nilai         |
      | predikat              | kurang        |
      | hari_tanpa_keterangan | 2             |
      | tl1                   | 3             |
      | psw4                  | 1             |
      | hukuman_disiplin      | teguran_lisan |
    Maka keluaran "potongan_produktivitas_persen" bernilai "15"
    Dan keluaran "potongan_disiplin_persen" bernilai "11.5"
    Dan keluaran "potongan_hukdis_persen" bernilai "20"
    Dan TPP yang diterima "Rp 3.456.000"
    Dan rincian potongan berisi tepat aturan:
      | aturan               |
      | tanpa_keterangan     |
      | tl1                  |
      | psw4                 |
      | predikat_kurang      |
      | hukdis_teguran_lisan |
    Dan setiap potongan dalam rincian tercatat dalam jejak
    Dan pesan rincian "tl1" berbunyi "Terlambat masuk 1 s.d. < 31 menit: 3 kali × 0.5% porsi disiplin"
    Dan pesan rincian "tanpa_keterangan" berbunyi "Tidak masuk tanpa keterangan 2 hari × 4% porsi disiplin"

  Skenario: Dasar hukum potongan kehadiran menyebut apa yang dipotong tabel dan apa yang dipotong paket
    Ketika keputusan "tpp" dihitung dengan:
      | masukan | nilai |
      | tl1     | 1     |
    Maka jejak menyebut aturan "tl1" dengan dasar hukum yang memuat "Permentan 68/2012"
    Dan jejak menyebut aturan "tl1" dengan dasar hukum yang memuat "0,5 % per kejadian dari seluruh tunjangan kinerja"
    Dan jejak menyebut aturan "tl1" dengan dasar hukum yang memuat "paket ini memotongnya dari porsi disiplin"

  Skenario: Daerah yang memotong seluruh TPP seperti tabel Permentan 68/2012
    Dengan paket sementara berikut:
      """yaml
      pack: uji-tpp-kehadiran-seluruh
      title: Uji — potongan kehadiran dari seluruh TPP
      extends: tpp-contoh
      legal_basis: [Contoh untuk pengujian]
      effective_from: 2024-01-01
      parameters:
        dasar_potongan_kehadiran:
          cite: Contoh Peraturan Kepala Daerah yang mengikuti tabel Permentan 68/2012
          values: {2024-01-01: seluruh_tpp}
      """
    Ketika keputusan "tpp" dihitung dengan:
      | masukan               | nilai |
      | hari_tanpa_keterangan | 2     |
    Maka keluaran "potongan_disiplin_persen" bernilai "8"
    Dan TPP yang diterima "Rp 4.600.000"
    Dan pesan rincian "tanpa_keterangan" berbunyi "Tidak masuk tanpa keterangan 2 hari × 4% seluruh TPP"
    Dan jejak menyebut aturan "tanpa_keterangan" dengan dasar hukum yang memuat "paket ini memotongnya dari seluruh TPP"
