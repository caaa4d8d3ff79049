"""One screen per e-Kinerja menu and per role console."""
