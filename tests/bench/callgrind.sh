#!/usr/bin/env bash
# Exact instruction counts (valgrind --tool=callgrind, whole process, warm caches beside the store)
# of the everyday commands on the benchmark's 1- and 10-year stores. Repeatable to the instruction,
# so a refactor's cost shows even on a busy machine.
#
#   tests/bench/callgrind.sh [--build DIR] [--no-build]
#
# Needs what run.sh needs, plus valgrind.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$root/build/bench-release
configure=1
while [[ $# -gt 0 ]]; do
  case $1 in
    --build) build=$2; shift 2 ;;
    --no-build) configure=0; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "callgrind.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
command -v valgrind >/dev/null || { echo "callgrind.sh: valgrind is missing" >&2; exit 1; }
if [[ $configure == 1 ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKINT_BUILD_TESTS=OFF \
    -DKINT_BUILD_BENCH=ON >/dev/null
  ninja -C "$build" kint kint_bench_gen >/dev/null
fi
kint=$build/kint
gen=$build/tests/bench/kint_bench_gen
data=$build/bench-data
mkdir -p "$data"
today=2026-03-18
for years in 1 10; do
  db=$data/y$years.db
  [[ -f $db && ! $gen -nt $db ]] || "$gen" --db "$db" --years "$years" --cues 10 --today "$today" --seed 42 >/dev/null
done
# shellcheck source=tests/bench/config.sh
source "$here/config.sh"
bench_config "$root" "$data"
export KINT_TODAY=$today KINT_NOW=19:00 KINT_CONFIG=$data/config.toml NO_COLOR=1 HOME=$data
unset KINT_DB XDG_DATA_HOME XDG_CONFIG_HOME

count() { # instructions of one run, after a warm-up run under valgrind too (the config cache is
  # stamped with /proc/self/exe, which is valgrind's own binary there)
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" >/dev/null 2>&1 || true
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
}
# Caches an older build left go first; then one run of each command leaves them as a person's first
# command of the day does (the prompt reads the segment cache another command filled).
rm -f "$data"/*.segment "$data"/*.config-cache "$data"/*.hook "$data"/*.view
for years in 1 10; do
  for args in "today" "remind" "review --week last" "log 2" "rate 7 --energy 5" "hook prompt --shell bash"; do
    # shellcheck disable=SC2086
    "$kint" --db "$data/y$years.db" $args >/dev/null 2>&1 || true
  done
done
printf '%-36s %12s %12s\n' command 1y 10y
row() {
  local name=$1; shift
  local a b
  a=$(count "$kint" --db "$data/y1.db" "$@")
  b=$(count "$kint" --db "$data/y10.db" "$@")
  printf '%-36s %12s %12s\n' "$name" "$a" "$b"
}
printf '%-36s %12s\n' /bin/true "$(count /bin/true)"
row "hook prompt" hook prompt --shell bash
row "today" today
drawn() { # a view as the first run after a write draws it: no view kept beside the store
  local db=$1 kind=$2; shift 2
  count "$kint" --db "$db" "$@" >/dev/null
  rm -f "$db.view" "$db.$kind.view"
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$kint" --db "$db" "$@" 2>&1 >/dev/null |
    sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
}
drawn_row() { # NAME KIND ARGS...
  local name=$1 kind=$2; shift 2
  printf '%-36s %12s %12s\n' "$name" "$(drawn "$data/y1.db" "$kind" "$@")" \
    "$(drawn "$data/y10.db" "$kind" "$@")"
}
drawn_row "today, drawn" today today
row "remind" remind
row "review --week last" review --week last
drawn_row "review --week last, drawn" review review --week last
row "review --week last --format json" review --week last --format json
row "review --month last" review --month last
drawn_row "review --month last, drawn" review review --month last
row "report --format json" report --format json
drawn_row "report --format json, drawn" report report --format json
row "trail" trail
drawn_row "trail, drawn" trail trail
row "trail --format html" trail --format html
row "log 2" log 2
row "rate 7 --energy 5" rate 7 --energy 5
row "export" export
row "import --from loop --dry-run" import --from loop "$root/tests/fixtures/import/loop/backup-v25.db" --dry-run
# kint sync with nothing new (run.sh sets up the s1/s10 copies; made here when missing).
for years in 1 10; do
  sdb=$data/s$years.db
  if [[ ! -f $sdb ]]; then
    cp "$data/y$years.db" "$sdb"
    "$kint" --db "$sdb" sync init "$data/sync$years" >/dev/null
    "$kint" --db "$sdb" sync "$data/sync$years" >/dev/null
  fi
done
printf '%-36s %12s %12s\n' "sync, nothing new" \
  "$(count "$kint" --db "$data/s1.db" sync "$data/sync1")" \
  "$(count "$kint" --db "$data/s10.db" sync "$data/sync10")"
