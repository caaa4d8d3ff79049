# language: id
Fitur: Nilai kinerja dan predikat kinerja PNS menurut PP 30/2019
  PP 30/2019 Pasal 41: nilai kinerja = 70 % nilai SKP + 30 % nilai perilaku kerja, atau 60 % + 40 %
  bila instansi memakai penilaian rekan kerja setingkat dan bawahan langsung (penilaian 360 derajat).
  Predikat: Sangat Baik 110–120 dengan inovasi; Baik 90–120; Cukup 70 sampai kurang dari 90;
  Kurang 50 sampai kurang dari 70; Sangat Kurang kurang dari 50. Tanpa inovasi, nilai 110–120
  tetap Baik. Nilai kinerja dibulatkan dua desimal sebelum dibandingkan dengan batas.

  Latar Belakang:
    Dengan paket "pp-30-2019"

  Skenario konsep: Nilai kinerja <nilai> dengan inovasi "<inovasi>" berpredikat <predikat>
    Ketika nilai kinerja dihitung dari nilai SKP "<nilai>" dan nilai perilaku "<nilai>", inovasi "<inovasi>"
    Maka keluaran "nilai_kinerja" bernilai "<nilai>"
    Dan predikatnya "<predikat>"
    Dan jejak menyebut aturan "<aturan>" dengan dasar hukum yang memuat "PP 30/2019 Pasal 41 ayat (5)"

    Contoh: batas rentang predikat
      | nilai  | inovasi | predikat      | aturan                     |
      | 120    | tidak   | baik          | baik                       |
      | 120    | ya      | sangat_baik   | sangat_baik_dengan_inovasi |
      | 110    | ya      | sangat_baik   | sangat_baik_dengan_inovasi |
      | 110    | tidak   | baik          | baik                       |
      | 109.99 | ya      | baik          | baik                       |
      | 90     | tidak   | baik          | baik                       |
      | 89.99  | tidak   | cukup         | cukup                      |
      | 89.99  | ya      | cukup         | cukup                      |
      | 70     | tidak   | cukup         | cukup                      |
      | 69.99  | tidak   | kurang        | kurang                     |
      | 50     | tidak   | kurang        | kurang                     |
      | 49.99  | tidak   | sangat_kurang | sangat_kurang              |
      | 0      | tidak   | sangat_kurang | sangat_kurang              |

  Skenario konsep: Bobot SKP dan perilaku <bobot> (penilaian 360 derajat "<p360>")
    Ketika nilai kinerja dihitung dari nilai SKP "<skp>" dan nilai perilaku "<perilaku>", penilaian 360 derajat "<p360>"
    Maka keluaran "nilai_kinerja" bernilai "<nilai>"
    Dan predikatnya "<predikat>"
    Dan jejak mencatat turunan "bobot_skp_dipakai" bernilai "<bobot_skp>"
    Dan jejak mencatat turunan "bobot_perilaku_dipakai" bernilai "<bobot_perilaku>"

    Contoh:
      | skp | perilaku | p360  | bobot | bobot_skp | bobot_perilaku | nilai | predikat |
      | 100 | 80       | tidak | 70/30 | 0.7       | 0.3            | 94    | baik     |
      | 100 | 80       | ya    | 60/40 | 0.6       | 0.4            | 92    | baik     |
      | 100 | 70       | tidak | 70/30 | 0.7       | 0.3            | 91    | baik     |
      | 100 | 70       | ya    | 60/40 | 0.6       | 0.4            | 88    | cukup    |
      | 80  | 100      | tidak | 70/30 | 0.7       | 0.3            | 86    | cukup    |
      | 80  | 100      | ya    | 60/40 | 0.6       | 0.4            | 88    | cukup    |

  Skenario: Tanpa keterangan, instansi dianggap tidak memakai penilaian 360 derajat dan tanpa inovasi
    Ketika keputusan "nilai_kinerja" dihitung dengan:
      | masukan        | nilai |
      | nilai_skp      | 115   |
      | nilai_perilaku | 110   |
    Maka keluaran "nilai_kinerja" bernilai "113.5"
    Dan predikatnya "baik"
    Dan jejak mencatat parameter "bobot_skp" bernilai "0.7" sejak "2019-05-20"

  Skenario: Nilai kinerja dibulatkan setengah ke atas pada dua desimal sebelum dibandingkan
    Ketika nilai kinerja dihitung dari nilai SKP "89.995" dan nilai perilaku "89.995", inovasi "tidak"
    Maka keluaran "nilai_kinerja" bernilai "90"
    Dan predikatnya "baik"

  Skenario: Nilai SKP di atas 120 ditolak
    Ketika nilai kinerja dihitung dari nilai SKP "121" dan nilai perilaku "100", inovasi "tidak"
    Maka perhitungan ditolak dengan kode "eval.above_maximum"
