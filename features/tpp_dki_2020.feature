# language: id
Fitur: TPP Provinsi DKI Jakarta menurut Pergub 19/2020 jo 64/2020
  TPP yang diterima = hasil pengukuran kinerja × besaran TPP − (iuran BPJS + potongan lain yang
  sah). Hasil pengukuran kinerja menggabungkan nilai rencana kinerja (rata-rata realisasi/target
  dalam persen) dan nilai aktivitas (menit aktivitas yang disetujui, paling banyak waktu efektif,
  dibagi waktu efektif bulan itu: 300 menit per hari kerja). Paket membagi bobot keduanya sama rata
  dan membatasi setiap nilai pada 100 (keduanya ditandai tidak pasti).
  Semua contoh memakai besaran TPP Rp 10.000.000 dan 20 hari kerja: waktu efektif 6.000 menit.

  Latar Belakang:
    Dengan paket "tpp-dki-2020"
    Dan masukan:
      | masukan                 | nilai    |
      | besaran_tpp             | 10000000 |
      | hari_kerja              | 20       |
      | capaian_rencana_kinerja | 100      |
      | capaian_aktivitas_menit | 6000     |

  Skenario: TPP DKI: Rencana kinerja dan aktivitas penuh, tanpa potongan, menerima seluruh besaran TPP
    Ketika keputusan "tpp" dihitung
    Maka TPP yang diterima "Rp 10.000.000"
    Dan keluaran "hasil_pengukuran_kinerja_persen" bernilai "100"
    Dan keluaran "potongan_kinerja_persen" bernilai "0"
    Dan keluaran "potongan_kinerja_rupiah" bernilai "0"
    Dan rincian potongan kosong
    Dan jejak tidak mencatat aturan yang menyala
    Dan jejak mencatat parameter "menit_efektif_per_hari" bernilai "300" sejak "2020-01-01"
    Dan jejak mencatat turunan "waktu_efektif_menit" bernilai "6000"

  Skenario konsep: TPP DKI: Menit aktivitas di sekitar waktu efektif bulan itu (<menit> menit)
    Ketika keputusan "tpp" dihitung dengan:
      | masukan                 | nilai   |
      | capaian_aktivitas_menit | <menit> |
    Maka jejak mencatat turunan "nilai_aktivitas" bernilai "<nilai>"
    Dan keluaran "hasil_pengukuran_kinerja_persen" bernilai "<hasil>"
    Dan keluaran "potongan_kinerja_persen" bernilai "<potongan>"
    Dan keluaran "potongan_kinerja_rupiah" bernilai "<potongan_rupiah>"
    Dan TPP yang diterima "<tpp>"

    Contoh:
      | menit | nilai   | hasil  | potongan | potongan_rupiah | tpp           |
      | 6001  | 100     | 100    | 0        | Rp 0            | Rp 10.000.000 |
      | 6000  | 100     | 100    | 0        | Rp 0            | Rp 10.000.000 |
      | 5994  | 99.9    | 99.95  | 0.05     | Rp 5.000        | Rp 9.995.000  |
      | 5400  | 90      | 95     | 5        | Rp 500.000      | Rp 9.500.000  |
      | 3000  | 50      | 75     | 25       | Rp 2.500.000    | Rp 7.500.000  |
      | 0     | 0       | 50     | 50       | Rp 5.000.000    | Rp 5.000.000  |

  Skenario konsep: TPP DKI: Capaian rencana kinerja di sekitar 100 (<capaian>)
    Ketika keputusan "tpp" dihitung dengan:
      | masukan                 | nilai     |
      | capaian_rencana_kinerja | <capaian> |
    Maka jejak mencatat turunan "nilai_rencana_kinerja" bernilai "<nilai>"
    Dan keluaran "hasil_pengukuran_kinerja_persen" bernilai "<hasil>"
    Dan TPP yang diterima "<tpp>"

    Contoh:
      | capaian | nilai | hasil  | tpp           |
      | 150     | 100   | 100    | Rp 10.000.000 |
      | 100.01  | 100   | 100    | Rp 10.000.000 |
      | 100     | 100   | 100    | Rp 10.000.000 |
      | 99.99   | 99.99 | 99.995 | Rp 9.999.500  |
      | 80      | 80    | 90     | Rp 9.000.000  |

  Skenario: TPP DKI: Kinerja di bawah penuh tercatat dalam rincian dengan dasar hukumnya
    Ketika keputusan "tpp" dihitung dengan:
      | masukan                 | nilai |
      | capaian_rencana_kinerja | 80    |
      | capaian_aktivitas_menit | 4800  |
    Maka keluaran "hasil_pengukuran_kinerja_persen" bernilai "80"
    Dan keluaran "potongan_kinerja_persen" bernilai "20"
    Dan keluaran "potongan_kinerja_rupiah" bernilai "Rp 2.000.000"
    Dan TPP yang diterima "Rp 8.000.000"
    Dan rincian potongan hanya aturan "kinerja_belum_penuh"
    Dan pesan rincian "kinerja_belum_penuh" berbunyi "Hasil pengukuran kinerja 80% (rencana kinerja 80, aktivitas 80): TPP dibayar 80% dari besaran TPP, 20% tidak dibayar"
    Dan jejak menyebut aturan "kinerja_belum_penuh" dengan dasar hukum yang memuat "Pergub DKI 19/2020 jo 64/2020"

  Skenario: TPP DKI: Iuran BPJS dan potongan lain yang sah dikurangkan dari TPP hasil kinerja
    Ketika keputusan "tpp" dihitung dengan:
      | masukan                 | nilai  |
      | capaian_rencana_kinerja | 80     |
      | capaian_aktivitas_menit | 4800   |
      | iuran_bpjs              | 100000 |
      | potongan_lain           | 50000  |
    Maka keluaran "potongan_sah_rupiah" bernilai "Rp 150.000"
    Dan TPP yang diterima "Rp 7.850.000"
    Dan rincian potongan berisi tepat aturan:
      | aturan              |
      | kinerja_belum_penuh |
      | iuran_bpjs          |
      | potongan_lain       |
    Dan setiap potongan dalam rincian tercatat dalam jejak
    Dan jejak menyebut aturan "iuran_bpjs" dengan dasar hukum yang memuat "iuran BPJS"

  Skenario: TPP DKI: Iuran BPJS pada kinerja penuh hanya memotong iuran itu
    Ketika keputusan "tpp" dihitung dengan:
      | masukan    | nilai  |
      | iuran_bpjs | 100000 |
    Maka TPP yang diterima "Rp 9.900.000"
    Dan rincian potongan hanya aturan "iuran_bpjs"

  Skenario: TPP DKI: Potongan yang melebihi TPP hasil kinerja tidak membuat TPP negatif
    Ketika keputusan "tpp" dihitung dengan:
      | masukan                 | nilai  |
      | capaian_rencana_kinerja | 0      |
      | capaian_aktivitas_menit | 0      |
      | iuran_bpjs              | 100000 |
    Maka keluaran "hasil_pengukuran_kinerja_persen" bernilai "0"
    Dan keluaran "potongan_kinerja_rupiah" bernilai "Rp 10.000.000"
    Dan TPP yang diterima "Rp 0"

  Skenario: TPP DKI: Bulan tanpa hari kerja ditolak dengan pesan yang jelas
    Ketika keputusan "tpp" dihitung dengan:
      | masukan    | nilai |
      | hari_kerja | 0     |
    Maka perhitungan ditolak dengan kode "eval.below_minimum"
