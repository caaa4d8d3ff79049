"""How many staff one run may have, by the door it comes through, and why the doors differ.

The command line takes the nation and more (4.3 million ASN; a regulator's run may take minutes and
shows its progress). The workbench screen and the HTTP API answer someone waiting on a laptop or a
network client sharing the machine, so they stop where a run still takes seconds; a larger run is
refused with the command that takes it."""

from __future__ import annotations

STAFF_MAX_CLI = 5_000_000  # `ekinerja seed`, `compare`, `simulate`, `class create --staff`
STAFF_MAX_INTERACTIVE = 200_000  # the regulator's workbench in the app, `POST /v1/compare`
