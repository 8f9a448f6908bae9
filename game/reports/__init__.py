"""The printable debrief of a run: `report RUN.json --out DIR` writes report.html (one
self-contained, print-friendly page) plus turns.csv and causes.csv for spreadsheets. It reads
the same turn reports the game shows; it computes no economics."""
