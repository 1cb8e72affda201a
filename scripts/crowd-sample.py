#!/usr/bin/env python3
"""Rewrites a `legcare sample` clients.csv into the crowded shape `make bench` also times:
three therapists serve everyone, and two teams each hold a quarter of the clients (run it
without clinic.yaml). Usage: crowd-sample.py IN.csv OUT.csv"""
import csv
import sys

src, dst = sys.argv[1], sys.argv[2]
with open(src, newline="", encoding="utf-8") as f, open(dst, "w", newline="", encoding="utf-8") as out:
    rows = csv.reader(f)
    header = next(rows)
    team, therapist = header.index("team"), header.index("therapist")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    for i, row in enumerate(rows):
        if len(row) == len(header):
            row[therapist] = f"Therapist {i % 3 + 1}"
            row[team] = ("North FC", "South FC", "", "")[i % 4]
        w.writerow(row)
