#!/usr/bin/env python3
"""Writes a large synthetic clients.csv for benchmarks: python3 scripts/make-big-clients.py N OUT.

Deterministic (seeded); invented ids and names; about 1 in 50 rows has a bad value so the
rejection path is measured too.
"""
import random
import sys

n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(7)
areas = ["hamstrings", "quadriceps", "adductors", "calves", "glutes", "it_band", "shins", "hip_flexors", "plantar_fascia"]
conds = ["", "", "", "", "chronic_knots", "hamstring_strain_history", "skin_condition", "tendinopathy", "dvt_signs", "pregnancy"]
acts = ["running", "football", "cycling", "netball", "gym", "walking", "none"]
with open(out, "w", encoding="utf-8") as f:
    f.write("client_id,name,team,therapist,activity,occupation,training_load,last_hard_session,next_event,"
            "sore_areas,pain_level,conditions,tools,pressure,last_massage,session_minutes\n")
    for i in range(n):
        sore = ";".join(rng.sample(areas, rng.randint(0, 3)))
        pain = str(rng.randint(0, 9)) if rng.random() > 0.02 else "lots"
        f.write(f'B{i:07d},"Client {i}, Test",Squad {i % 40},Therapist {i % 12},{rng.choice(acts)},desk,'
                f'{rng.choice(["light", "moderate", "heavy"])},2026-11-{rng.randint(10, 22):02d},2026-12-0{rng.randint(1, 9)},'
                f'{sore},{pain},{rng.choice(conds)},foam_roller;massage_ball,moderate,2026-10-{rng.randint(10, 30)},60\n')
