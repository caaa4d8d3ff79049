"""Who may act besides the pegawai in the store: the sandbox's pseudo-actors (WORKFLOW.md §1.1).

A pegawai acts under their NIP. The roles below have no NIP in the store, so they act under these
fixed names; the audit log records them like any NIP. In a classroom the trainer plays all of them.

- `KEPALA_DAERAH`: the head of region (Bupati/Wali Kota/Gubernur), pejabat penilai of the JPT who
  heads the office, and the one who sets the office's capaian organisasi. Not an ASN pegawai.
- `ADMIN_INSTANSI`: BKPSDM administrator; manages assessment periods (§1.4 step 0).
- `PENGELOLA_KINERJA`: the unit that checks the distribution curve (§1.4 step 16).
- `TRAINER`: runs the session; the only one who moves the virtual clock.
"""

from __future__ import annotations

KEPALA_DAERAH = "KEPALA_DAERAH"
ADMIN_INSTANSI = "ADMIN_INSTANSI"
PENGELOLA_KINERJA = "PENGELOLA_KINERJA"
TRAINER = "TRAINER"

PSEUDO_ACTORS = (KEPALA_DAERAH, ADMIN_INSTANSI, PENGELOLA_KINERJA, TRAINER)
