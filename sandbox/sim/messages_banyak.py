"""Messages of `ekinerja compare DASAR R1 R2 …` (several reforms against one base), Indonesian first,
English second. Imported by the sim modules that use one of these keys."""

from __future__ import annotations

from sandbox.i18n import add_messages

MAX_PACKS = 10  # A–J: a pack's letter must never read as another single letter of a column name

add_messages({
    "sim.banyak.terlalu_banyak": (
        "{jumlah} paket terlalu banyak untuk satu perbandingan (paling banyak {batas}: dasar dan "
        "{reformasi} reformasi)",
        "{jumlah} packs are too many for one comparison (at most {batas}: the base and {reformasi} reforms)",
    ),
    "sim.banyak.terlalu_banyak.fix": (
        "bagi reformasi ke beberapa perbandingan dengan dasar dan --seed yang sama; angkanya tetap sebanding",
        "split the reforms over several comparisons with the same base and --seed; the figures stay "
        "comparable",
    ),
    "sim.banyak.explain_change": ("Selisih TPP {letter} − A: {change}", "TPP change {letter} − A: {change}"),
})
