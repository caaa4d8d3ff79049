"""`python -m sandbox` is the `ekinerja` command (what `ekinerja serve` starts for each browser)."""

from sandbox.cli import main

raise SystemExit(main())
