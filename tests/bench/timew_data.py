#!/usr/bin/env python3
"""The peer's 10-year database for the benchmark: Timewarrior data files with ten tagged intervals a
day up to END, as `timew track` would have left them (data/YYYY-MM.data, data/tags.data and a
timewarrior.cfg, so timew never asks to create one).

    timew_data.py ROOT YEARS END(YYYY-MM-DD)
"""
import sys, os, datetime, json, random
root, years, end = sys.argv[1], int(sys.argv[2]), datetime.date.fromisoformat(sys.argv[3])
os.makedirs(os.path.join(root, "data"), exist_ok=True)
open(os.path.join(root, "timewarrior.cfg"), "w").write("verbose = off\n")
rng = random.Random(42)
tags = ["coffee", "breath", "walk", "journal", "stretch", "read", "water", "call", "tidy", "rest"]
start = end.replace(year=end.year - years)
files = {}
counts = {t: 0 for t in tags}
d = start
while d <= end:
    minute = 7 * 60
    for i, tag in enumerate(tags):
        s = minute + rng.randint(0, 20); e = s + rng.randint(5, 40); minute = e + rng.randint(5, 30)
        st = datetime.datetime.combine(d, datetime.time()) + datetime.timedelta(minutes=s)
        en = datetime.datetime.combine(d, datetime.time()) + datetime.timedelta(minutes=e)
        key = f"{st.year:04}-{st.month:02}"
        files.setdefault(key, []).append(f"inc {st:%Y%m%dT%H%M%S}Z - {en:%Y%m%dT%H%M%S}Z # {tag} kint\n")
        counts[tag] += 1
    d += datetime.timedelta(days=1)
for key, lines in files.items():
    open(os.path.join(root, "data", key + ".data"), "w").writelines(lines)
counts["kint"] = sum(counts.values())
json.dump({t: {"count": c} for t, c in counts.items()}, open(os.path.join(root, "data", "tags.data"), "w"))
