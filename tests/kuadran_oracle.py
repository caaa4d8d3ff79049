"""The kuadran written out by hand (REGULATIONS.md §3(b)): an oracle independent of the pack."""

# The kuadran of PermenPANRB 6/2022: (rating hasil kerja, rating perilaku) -> predikat.
KUADRAN = {
    ("di_atas", "di_atas"): "sangat_baik",
    ("di_atas", "sesuai"): "baik",
    ("di_atas", "di_bawah"): "kurang",
    ("sesuai", "di_atas"): "baik",
    ("sesuai", "sesuai"): "baik",
    ("sesuai", "di_bawah"): "kurang",
    ("di_bawah", "di_atas"): "butuh_perbaikan",
    ("di_bawah", "sesuai"): "butuh_perbaikan",
    ("di_bawah", "di_bawah"): "sangat_kurang",
}
