# language: id
Fitur: Capaian IKI dan nilai capaian IKI menurut PermenPANRB 8/2021 (model warisan 2021)
  Lampiran BAB VI PermenPANRB 8/2021: capaian = realisasi / target × 100 %; untuk target yang
  makin kecil makin baik (mis. waktu) capaian = (1 + (1 − realisasi / target)) × 100 %; target
  rentang memakai batas atas bila realisasi melampauinya dan batas bawah bila realisasi di
  bawahnya. Capaian dibulatkan ke persen bulat (contoh resmi: 97,9 % ditulis 98 %), lalu
  dikonversi menjadi nilai 0–120 menurut kategorinya.

  Latar Belakang:
    Dengan paket "permenpanrb-8-2021"

  Skenario: Contoh resmi — target 85, realisasi 85: capaian 100 %, nilai 109 (Baik)
    Ketika keputusan "capaian_iki" dihitung dengan:
      | masukan   | nilai |
      | target    | 85    |
      | realisasi | 85    |
    Maka keluaran "capaian" bernilai "100"
    Dan keluaran "kategori" bernilai "baik"
    Dan keluaran "nilai" bernilai "109"
    Dan jejak menyebut aturan "baik_100" dengan dasar hukum yang memuat "PermenPANRB 8/2021"

  Skenario: Contoh resmi — target 95, realisasi 93: capaian 97,9 % ditulis 98 %, nilai 88 (Cukup)
    Ketika keputusan "capaian_iki" dihitung dengan:
      | masukan   | nilai |
      | target    | 95    |
      | realisasi | 93    |
    Maka keluaran "capaian" bernilai "98"
    Dan keluaran "kategori" bernilai "cukup"
    Dan keluaran "nilai" bernilai "88"
    Dan jejak menyebut aturan "cukup_80_99" dengan dasar hukum yang memuat "PermenPANRB 8/2021"

  Skenario: Contoh resmi — target waktu 7, realisasi 6,5: capaian 107 %
    Ketika keputusan "capaian_iki" dihitung dengan:
      | masukan      | nilai    |
      | target       | 7        |
      | realisasi    | 6.5      |
      | jenis_target | terbalik |
    Maka keluaran "capaian" bernilai "107"
    Dan keluaran "kategori" bernilai "sangat_baik"
    Dan keluaran "nilai" bernilai kira-kira "116.67"
    Dan jejak menyebut aturan "sangat_baik_101_110" dengan dasar hukum yang memuat "PermenPANRB 8/2021"

  Skenario: Contoh resmi target rentang 80–90, realisasi 92: rumusnya memberi 102 %, bukan 113 % yang tercetak
    # Contoh resmi mencetak 113 %, padahal 92 / 90 = 102,2 %. Yang dikodekan adalah rumusnya.
    Ketika keputusan "capaian_iki" dihitung dengan:
      | masukan     | nilai |
      | target      | 80    |
      | target_atas | 90    |
      | realisasi   | 92    |
    Maka keluaran "capaian" bernilai "102"
    Dan keluaran "kategori" bernilai "sangat_baik"
    Dan keluaran "nilai" bernilai kira-kira "111.11"
    Dan jejak mencatat turunan "acuan" bernilai "90"

  Skenario konsep: Capaian <capaian> % (<keterangan>) bernilai <nilai>
    Ketika keputusan "capaian_iki" dihitung dengan:
      | masukan         | nilai             |
      | target          | <target>          |
      | target_atas     | <target_atas>     |
      | realisasi       | <realisasi>       |
      | jenis_target    | <jenis_target>    |
      | target_maksimal | <target_maksimal> |
    Maka keluaran "capaian" bernilai "<capaian>"
    Dan keluaran "kategori" bernilai "<kategori>"
    Dan keluaran "nilai" bernilai kira-kira "<nilai>"
    Dan jejak menyebut aturan "<aturan>" dengan dasar hukum yang memuat "PermenPANRB 8/2021"

    Contoh:
      | keterangan                        | target | target_atas | realisasi | jenis_target | target_maksimal | capaian | kategori      | nilai  | aturan                   |
      | di atas 110 % bernilai 120        | 100    | 0           | 115       | normal       | tidak           | 115     | sangat_baik   | 120    | di_atas_110              |
      | tepat 110 %                       | 100    | 0           | 110       | normal       | tidak           | 110     | sangat_baik   | 120    | sangat_baik_101_110      |
      | tepat 101 %                       | 100    | 0           | 101       | normal       | tidak           | 101     | sangat_baik   | 110    | sangat_baik_101_110      |
      | target maksimal tercapai          | 100    | 0           | 100       | normal       | ya              | 100     | sangat_baik   | 120    | target_maksimal_tercapai |
      | target maksimal tidak tercapai    | 100    | 0           | 99        | normal       | ya              | 99      | cukup         | 89     | cukup_80_99              |
      | realisasi di dalam rentang        | 80     | 90          | 85        | normal       | tidak           | 100     | baik          | 109    | baik_100                 |
      | rentang, di bawah batas bawah     | 80     | 90          | 70        | normal       | tidak           | 88      | cukup         | 78     | cukup_80_99              |
      | waktu 9 lawan target 8            | 8      | 0           | 9         | terbalik     | tidak           | 88      | cukup         | 78     | cukup_80_99              |
      | batas bawah Cukup                 | 100    | 0           | 80        | normal       | tidak           | 80      | cukup         | 70     | cukup_80_99              |
      | batas atas Kurang                 | 100    | 0           | 79        | normal       | tidak           | 79      | kurang        | 69     | kurang_60_79             |
      | Kurang                            | 100    | 0           | 70        | normal       | tidak           | 70      | kurang        | 60     | kurang_60_79             |
      | batas bawah Kurang                | 100    | 0           | 60        | normal       | tidak           | 60      | kurang        | 50     | kurang_60_79             |
      | batas atas Sangat Kurang          | 100    | 0           | 59        | normal       | tidak           | 59      | sangat_kurang | 49     | sangat_kurang_0_59       |
      | Sangat Kurang                     | 100    | 0           | 30        | normal       | tidak           | 30      | sangat_kurang | 24.92  | sangat_kurang_0_59       |
      | tanpa realisasi                   | 100    | 0           | 0         | normal       | tidak           | 0       | sangat_kurang | 0      | sangat_kurang_0_59       |
      | waktu jauh melewati target        | 7      | 0           | 15        | terbalik     | tidak           | 0       | sangat_kurang | 0      | sangat_kurang_0_59       |
