#!/usr/bin/env python3
"""Regenerates Input/sessions.csv and Input/training.csv (the sample logs) deterministically.

Run from the repository root: python3 scripts/make-sample-logs.py
Names and numbers are invented; the seed keeps the files stable between runs.
"""
import csv
import datetime as dt
import random

rng = random.Random(48)
AS_OF = dt.date(2026, 11, 23)
clients = list(csv.DictReader(open("Input/clients.csv", encoding="utf-8")))
kinds = {"football": "sports", "netball": "sports", "running": "sports", "cycling": "swedish",
         "walking": "swedish", "gym": "deep_tissue", "triathlon": "myofascial"}

# About 8 weeks of delivered sessions.
rows = []
n = 1
for c in clients:
    start = AS_OF - dt.timedelta(days=56)
    step = 7 if c["training_load"] == "heavy" else 14
    day = start + dt.timedelta(days=rng.randrange(step))
    while day < AS_OF:
        status = rng.choices(["completed", "cancelled", "no_show"], [0.86, 0.09, 0.05])[0]
        rows.append({"session_id": f"S{n:04d}", "client_id": c["client_id"], "date": day.isoformat(),
                     "therapist": c["therapist"], "kind": kinds.get(c["activity"], "other"),
                     "minutes": c["session_minutes"] or "60", "status": status})
        n += 1
        day += dt.timedelta(days=step + rng.choice([-1, 0, 0, 1]))
rows.sort(key=lambda r: (r["date"], r["session_id"]))
# One walk-in client who is not in clients.csv: a warning, still counted in volumes.
rows.append({"session_id": f"S{n:04d}", "client_id": "WALKIN7", "date": "2026-11-18",
             "therapist": "Ben Okafor", "kind": "swedish", "minutes": "30", "status": "completed"})
with open("Input/sessions.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
    w.writeheader()
    w.writerows(rows)

# Five weeks of daily training for the Riverside FC squad, with one athlete spiking.
squad = [c["client_id"] for c in clients if c["team"] == "Riverside FC"]
WELLNESS = ("fatigue", "sleep", "soreness", "stress", "mood")
norms = {}
rows = []
for cid in squad:
    for back in range(35, 0, -1):
        day = AS_OF - dt.timedelta(days=back)
        wd = day.weekday()
        if wd == 6:
            continue  # rest day: no row, load 0
        minutes = {5: 95, 2: 90}.get(wd, rng.choice([45, 60, 75]))
        rpe = {5: 8, 2: 7}.get(wd, rng.choice([3, 4, 5, 6]))
        if cid == "RV12" and back <= 7:
            minutes = minutes // 3  # a light week after a knock: load well under the norm
        if cid == "RV09" and back <= 7:
            minutes, rpe = minutes + 40, min(10, rpe + 2)  # a spike in the last week
        # Wellness (1-5, higher is better): each athlete near their own norm, one point off
        # now and then; on the latest day everyone is at their norm but one athlete, whose
        # sleep, mood and fatigue drop clearly (a wellness flag to show).
        norm = norms.setdefault(cid, {k: rng.choice([3, 4, 4, 5]) for k in WELLNESS})
        well = {k: max(1, min(5, v + rng.choice([0] * 6 + [-1, 1]))) if back > 2 else v for k, v in norm.items()}
        if cid == "RV07" and back == 2:
            well.update(sleep=norm["sleep"] - 2, mood=norm["mood"] - 1, fatigue=norm["fatigue"] - 2)
        rows.append({"client_id": cid, "date": day.isoformat(), "minutes": minutes, "rpe": rpe, **well})
with open("Input/training.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
