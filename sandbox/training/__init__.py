"""Classroom training: scenarios as YAML, the worlds they set up, their checks, and progress.

- `scenario`: the scenario file format, loading and checking with `file:line` problems;
- `vocab`: the setup steps and automatic checks a scenario may name (one registry, area modules);
- `cast`: the people and units each seat plays with, created fresh for every attempt;
- `attempt`: starting an attempt, hints, help, checking and the outcome (progress records);
- `classroom`: classes, seats, rounds, the class clock and the live board;
- `summary`: the exported class results (CSV, Markdown, HTML);
- `serve`: the app in trainees' browsers (textual-serve).

Everything a trainee does goes through `sandbox.workflow`; this package only stages situations and
reads the database and the audit log to judge them.
"""
