#!/usr/bin/env bash
# kint's speed benchmark: whole-process runs of the hot commands on a 1-year and a 10-year store
# (10 cues), as medians and as ratios to /bin/true measured side by side in the same hyperfine run,
# plus peak RSS. Builds the release binary and the helpers itself (build/bench-release).
#
#   tests/bench/run.sh [--runs N] [--rounds R] [--build DIR] [--no-build] [--markdown]
#
# --runs: timed runs per command and round (default 200); --rounds: whole hyperfine runs, the table
# shows the median of each figure over them (default 3: a busy machine drifts during one run);
# --no-build: use DIR as it is; --markdown: print the table as markdown (for README.md).
# Needs cmake, ninja, g++, hyperfine, python3 and /usr/bin/time (Debian: cmake ninja-build g++
# hyperfine python3 time). With Timewarrior installed (Debian: timewarrior) the table also shows
# kint beside it on a 10-year Timewarrior database of its own (issue: speed).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$root/build/bench-release
runs=200
rounds=3
markdown=0
configure=1
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --markdown) markdown=1; shift ;;
    --no-build) configure=0; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

for tool in cmake ninja hyperfine python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing" >&2; exit 1; }
done

# 1. The release build, exactly as it ships (KINT_STATIC defaults to ON for Release).
if [[ $configure == 1 ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKINT_BUILD_TESTS=OFF \
    -DKINT_BUILD_BENCH=ON >/dev/null
  ninja -C "$build" kint kint_bench_gen kint_bench_bare_insert >/dev/null
fi
kint=$build/kint
bare=$build/tests/bench/kint_bench_bare_insert
gen=$build/tests/bench/kint_bench_gen

# 2. The stores: 1 and 10 years x 10 cues up to TODAY, rebuilt when the generator changed.
data=$build/bench-data
mkdir -p "$data"
today=2026-03-18
for years in 1 10; do
  db=$data/y$years.db
  if [[ ! -f $db || $gen -nt $db ]]; then
    "$gen" --db "$db" --years "$years" --cues 10 --today "$today" --seed 42 >/dev/null
  fi
done
# shellcheck source=tests/bench/config.sh
source "$here/config.sh"
bench_config "$root" "$data"

# The peer: Timewarrior on ten years of ten tagged intervals a day, up to the real today (timew
# reads the clock; its :week and :lastweek must hold data), rebuilt once a day.
timew_db=$data/timew10
peer=0
if command -v timew >/dev/null; then
  peer=1
  if [[ ! -f $timew_db/stamp || $(cat "$timew_db/stamp") != "$(date +%F)" ]]; then
    rm -rf "$timew_db"
    python3 "$here/timew_data.py" "$timew_db" 10 "$(date +%F)"
    date +%F >"$timew_db/stamp"
  fi
else
  echo "run.sh: timew is missing (Debian: timewarrior); the peer rows are left out" >&2
fi
export TIMEWARRIORDB=$timew_db

export KINT_TODAY=$today KINT_NOW=19:00 KINT_CONFIG=$data/config.toml NO_COLOR=1 HOME=$data
unset KINT_DB XDG_DATA_HOME XDG_CONFIG_HOME

# 3. The commands. Writes touch one row of TODAY again and again (log: the same cue, day and
# status; rate: the same day and kinds), so the stores never grow across runs; the bare program
# upserts that same row with the same statement. remind records its reminders of TODAY once.
names=(true)
cmds=(/bin/true)
add() { names+=("$1"); cmds+=("$2"); }
for years in 1 10; do
  db=$data/y$years.db
  # The bare insert writes the store behind kint's back, which leaves the prompt's cache stale (the
  # prompt then reads the store, as it must): `today` runs next and refreshes it, as any command
  # does, before the prompt is timed.
  add "bare insert|${years}y" "$bare $db 2 $today"
  add "today|${years}y" "$kint --db $db today"
  add "hook prompt|${years}y" "$kint --db $db hook prompt --shell bash"
  add "remind|${years}y" "$kint --db $db remind"
  for format in text markdown json html; do
    add "review --week last --format $format|${years}y" \
      "$kint --db $db review --week last --format $format"
  done
  add "review --month last|${years}y" "$kint --db $db review --month last"
  # The handout from the latest session (10 days before today in the generated stores).
  add "report --format json|${years}y" "$kint --db $db report --format json"
  # trail shows every cue's whole life: it reads all of it, so it grows with the years.
  for format in text json html; do
    add "trail --format $format|${years}y" "$kint --db $db trail --format $format"
  done
  add "log 2|${years}y" "$kint --db $db log 2"
  add "rate 7 --energy 5|${years}y" "$kint --db $db rate 7 --energy 5"
  # import merges against the whole store: the plan is made from a dump of it (--dry-run: the
  # store stays as it is from run to run).
  add "import --from loop --dry-run|${years}y" \
    "$kint --db $db import --from loop $root/tests/fixtures/import/loop/backup-v25.db --dry-run"
  # kint sync with nothing new on either side, as a timer runs it nearly always: a copy of the
  # store that only syncs (the writes above stamp new clocks), set up and synced once before.
  sdb=$data/s$years.db
  if [[ ! -f $sdb || $db -nt $sdb ]]; then
    rm -rf "$sdb" "$sdb".* "$data/sync$years"
    cp "$db" "$sdb"
    "$kint" --db "$sdb" sync init "$data/sync$years" >/dev/null
    "$kint" --db "$sdb" sync "$data/sync$years" >/dev/null
  fi
  add "sync, nothing new|${years}y" "$kint --db $sdb sync $data/sync$years"
done
if [[ $peer == 1 ]]; then
  add "peer|timew summary :lastweek" "timew summary :lastweek"
  add "peer|timew summary :week" "timew summary :week"
  add "peer|timew get dom.active" "timew get dom.active"
fi
# Caches an older build left beside the stores go first; then one run of each leaves them as a
# person's first command of the day does.
rm -f "$data"/*.segment "$data"/*.config-cache "$data"/*.hook "$data"/*.view
for c in "${cmds[@]}"; do $c >/dev/null; done

# 4. Timings: every command side by side in one hyperfine run, `rounds` times.
results=()
for ((r = 1; r <= rounds; r++)); do
  args=()
  for i in "${!cmds[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
  out=$data/round$r.json
  # Its outlier warnings go to a log: on a shared machine there always are some.
  hyperfine -N --style none --warmup 20 --runs "$runs" --export-json "$out" "${args[@]}" \
    >/dev/null 2>"$data/hyperfine$r.log" || { cat "$data/hyperfine$r.log" >&2; exit 1; }
  results+=("$out")
  # The views as drawn from the store, as the first run after any write draws them: the views
  # kept beside the store (<store>.view, <store>.review.view, ...) removed before each run. In a
  # run of their own (hyperfine's --prepare is for every command of a run), beside /bin/true
  # under the same --prepare.
  # hyperfine -N runs --prepare without a shell too: no glob would expand, so every file is named.
  drawn=() views=()
  for years in 1 10; do
    for kind in "" .review .report .trail; do views+=("$data/y$years.db$kind.view"); done
    db=$data/y$years.db
    drawn+=(-n "today, drawn|${years}y" "$kint --db $db today"
      -n "review --week last --format text, drawn|${years}y" "$kint --db $db review --week last --format text"
      -n "review --week last --format json, drawn|${years}y" "$kint --db $db review --week last --format json"
      -n "review --month last, drawn|${years}y" "$kint --db $db review --month last"
      -n "report --format json, drawn|${years}y" "$kint --db $db report --format json"
      -n "trail --format text, drawn|${years}y" "$kint --db $db trail --format text")
  done
  hyperfine -N --style none --warmup 20 --runs "$runs" --export-json "${out%.json}-drawn.json" \
    --prepare "rm -f ${views[*]}" \
    -n "true, drawn" /bin/true "${drawn[@]}" \
    >/dev/null 2>>"$data/hyperfine$r.log" || { cat "$data/hyperfine$r.log" >&2; exit 1; }
done

# 5. Peak RSS (kB) of each kint command on the 10-year store.
rss=$data/rss.txt
: >"$rss"
for i in "${!cmds[@]}"; do
  [[ ${names[$i]} == *"|10y" ]] || continue
  kb=$(/usr/bin/time -v ${cmds[$i]} 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p')
  echo "${names[$i]}	$kb" >>"$rss"
done

# 6. The table: medians over rounds, targets from the issue.
machine="$(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), Linux $(uname -r), Debian $(cat /etc/debian_version 2>/dev/null || echo '?')"
python3 - "$markdown" "$rss" "$machine" "$runs" "$rounds" "${results[@]}" <<'EOF'
import json, statistics, sys
markdown, rss_file, machine, runs, rounds = sys.argv[1] == "1", sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
rounds_data = []
for path in sys.argv[6:]:
    medians = {}
    for part in (path, path.replace(".json", "-drawn.json")):
        with open(part) as f:
            medians.update({r["command"]: statistics.median(r["times"]) for r in json.load(f)["results"]})
    rounds_data.append(medians)
names = [n for n in rounds_data[0] if n != "true, drawn"]
def med(f):
    return statistics.median(f(r) for r in rounds_data)
ms = {n: med(lambda r: r[n]) * 1000 for n in names}
# Each to the /bin/true of its own hyperfine run.
ratio = {n: med(lambda r: r[n] / r["true, drawn" if ", drawn" in n else "true"]) for n in names}
rss = dict(line.rstrip("\n").split("\t") for line in open(rss_file) if "\t" in line)

rows, verdicts = [], []
def verdict(ok): return "met" if ok else "NOT met"
commands = [n.split("|")[0] for n in names if n.endswith("|1y")]
for c in commands:
    one, ten = f"{c}|1y", f"{c}|10y"
    growth = ms[ten] / ms[one] - 1
    target, ok = "", None
    # A view drawn (no view kept) is held to the same target as the command.
    base = c.removesuffix(", drawn")
    if c == "hook prompt": target, ok = "≤ 1.3×", ratio[ten] <= 1.3 and ratio[one] <= 1.3
    elif c == "today, drawn": target = "(no view kept: the first after a write)"
    elif base == "today": target, ok = "≤ 2×", ratio[ten] <= 2 and ratio[one] <= 2
    elif c == "remind":
        # No more than drawing the day's view (today itself is mostly shown from the view kept).
        drawn = lambda r, y: r[f"today, drawn|{y}"] / r["true, drawn"] * r["true"]
        vs = med(lambda r: r[ten] / drawn(r, "10y"))
        vs1 = med(lambda r: r[one] / drawn(r, "1y"))
        target, ok = f"≤ today, drawn: {vs1:.2f}× / {vs:.2f}×", vs <= 1 and vs1 <= 1
    elif base.startswith("review --month"): target, ok = "≤ 4×", ratio[ten] <= 4 and ratio[one] <= 4
    elif base.startswith("review") or base.startswith("report"): target, ok = "≤ 3×", ratio[ten] <= 3 and ratio[one] <= 3
    elif base.startswith("trail"): target, ok = "≤ 4×", ratio[ten] <= 4 and ratio[one] <= 4
    elif c.startswith("log"):
        vs = med(lambda r: r[ten] / r["bare insert|10y"])
        vs1 = med(lambda r: r[one] / r["bare insert|1y"])
        target, ok = f"≤ 1.2× bare: {vs1:.2f}× / {vs:.2f}×", vs <= 1.2 and vs1 <= 1.2
    rows.append((c, f"{ms[one]:.2f}", f"{ratio[one]:.2f}×", f"{ms[ten]:.2f}", f"{ratio[ten]:.2f}×",
                 f"{growth * 100:+.0f} %", rss.get(ten, "") and f"{int(rss[ten]) / 1024:.1f}",
                 target + (f" {verdict(ok)}" if ok is not None else "")))
    if ok is not None: verdicts.append((c, ok))
    # A whole life is read whole: trail's time grows with the years by design (its bound is 4×).
    if c != "bare insert" and not c.startswith("trail"): verdicts.append((f"{c}: 10 y within 10 % of 1 y", growth <= 0.10))
# Beside the peer (10-year databases both): kint's time over Timewarrior's, in the same run.
peers = [("weekly report", "review --week last --format text|10y", "peer|timew summary :lastweek"),
         ("daily view", "today|10y", "peer|timew summary :week"),
         ("prompt", "hook prompt|10y", "peer|timew get dom.active")]
peer_rows = []
for label, mine, theirs in peers:
    if theirs not in ms: continue
    vs = med(lambda r: r[mine] / r[theirs])
    peer_rows.append((label, mine.split("|")[0], f"{ratio[mine]:.2f}×", theirs.split("|")[1], f"{ratio[theirs]:.2f}×", f"{vs:.2f}"))
    verdicts.append((f"{label}: kint faster than {theirs.split('|')[1]}", vs < 1))
peak = max(int(v) for v in rss.values()) / 1024
verdicts.append((f"peak RSS {peak:.1f} MB ≤ 8 MB", peak <= 8))

head = ("command", "1 y ms", "1 y ×true", "10 y ms", "10 y ×true", "10 y vs 1 y", "RSS MB (10 y)", "target")
print(f"/bin/true: {ms['true']:.3f} ms median · {machine} · {rounds} rounds × {runs} runs, medians")
if markdown:
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows: print("| " + " | ".join(f"`{r[0]}`" if i == 0 else r[i] for i in range(len(r))) + " |")
else:
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows)]
    for r in (head, *rows): print("  ".join(str(x).ljust(w) for x, w in zip(r, widths)).rstrip())
if peer_rows:
    print()
    phead = ("class", "kint (10 y)", "×true", "Timewarrior (10 y)", "×true", "kint / peer")
    if markdown:
        print("| " + " | ".join(phead) + " |")
        print("|" + "---|" * len(phead))
        for r in peer_rows: print("| " + " | ".join(f"`{x}`" if i in (1, 3) else x for i, x in enumerate(r)) + " |")
    else:
        widths = [max(len(str(x)) for x in col) for col in zip(phead, *peer_rows)]
        for r in (phead, *peer_rows): print("  ".join(str(x).ljust(w) for x, w in zip(r, widths)).rstrip())
print()
failed = [name for name, ok in verdicts if not ok]
for name, ok in verdicts:
    if not ok or not markdown: print(f"{'ok ' if ok else 'NOT MET'}  {name}")
print(f"{len(verdicts) - len(failed)} of {len(verdicts)} targets met")
EOF
