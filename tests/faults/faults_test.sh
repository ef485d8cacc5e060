#!/usr/bin/env bash
# Faults through the real binary (issue 11): FIFOs where kint keeps files, /dev/full, a file-size
# limit (ulimit -f), read-only files and folders, and concurrent `export --out` with a reader
# watching. Every loop is bounded; every kint run is under `timeout`, so a hang is a failure, not a
# stuck suite. Usage: faults_test.sh KINT
set -uo pipefail
kint=${1:?path to kint}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export KINT_DB="$dir/kint.db" KINT_CONFIG="$dir/none.toml" KINT_TODAY=2026-11-20 KINT_NOW=20:00
unset XDG_DATA_HOME XDG_CONFIG_HOME
passed=0 failed=0
check() { if eval "$2"; then echo "ok - $1"; passed=$((passed + 1)); else echo "not ok - $1"; failed=$((failed + 1)); fi; }
k() { timeout 10 "$kint" "$@"; }
one_line() { [[ $(wc -l <"$1") -eq 1 && $(head -c 6 "$1") == "kint: " ]]; }

k intent add "Steady" >/dev/null && k cue add --after "coffee" --do "one breath" >/dev/null
# About 1.5 MB of journal: big enough that a reader could catch a half-written file.
text=$(head -c 60000 /dev/zero | tr '\0' 'x')
for ((i = 1; i <= 25; i++)); do k journal add "$i $text" >/dev/null || exit 1; done
expected="$dir/expected.json"
k export >"$expected"
size=$(stat -c %s "$expected")
check "the seeded export is large ($size bytes)" '((size > 1400000))'

# --- output that cannot be written
k export >/dev/full 2>"$dir/err"; rc=$?
check "export > /dev/full exits 1" '((rc == 1))'
check "... with one line: could not write" 'one_line "$dir/err" && grep -q "could not write the output" "$dir/err"'
(ulimit -f 64 && exec timeout 10 "$kint" export >"$dir/limited.json" 2>"$dir/err"); rc=$?
check "export under ulimit -f exits 1, one line" '((rc == 1)) && one_line "$dir/err" && grep -q "could not write the output" "$dir/err"'
cp "$expected" "$dir/kept.json"
(ulimit -f 64 && exec timeout 10 "$kint" export --out "$dir/kept.json" 2>"$dir/err"); rc=$?
check "export --out under ulimit -f exits 1 and keeps the old file whole" \
  '((rc == 1)) && one_line "$dir/err" && cmp -s "$expected" "$dir/kept.json"'
check "... and leaves no temp file" '[[ -z $(ls "$dir" | grep kint-tmp) ]]'
k export 2>"$dir/err" | head -c 10 >/dev/null
check "export | head: nothing on stderr" '[[ ! -s $dir/err ]]'

# --- FIFOs where kint keeps a file: nothing hangs
for cache in segment hook config-cache view review.view report.view trail.view; do
  rm -f "$KINT_DB.$cache" && mkfifo "$KINT_DB.$cache"
  out=$(k hook prompt 2>"$dir/err"); rc=$?
  check "FIFO as kint.db.$cache: hook prompt exits 0 at once" '((rc == 0)) && [[ ! -s $dir/err && $out == kint* ]]'
  # today, review, report and trail may answer from a view kept beside the store (kint.db.view,
  # kint.db.review.view, ...) without opening the store or reading the config; a review of
  # another week opens both and refreshes the caches beside the store.
  { k today && k review && k report && k trail; } >/dev/null 2>"$dir/err" &&
    k review --week 2026-W40 >/dev/null 2>>"$dir/err"; rc=$?
  check "FIFO as kint.db.$cache: the views work, and replace it" '((rc == 0)) && [[ ! -s $dir/err && ! -p $KINT_DB.$cache ]]'
done
mv "$KINT_DB-wal" "$dir/wal.saved"; mkfifo "$KINT_DB-wal"
k rate 4 >/dev/null 2>"$dir/err"; rc=$?
check "FIFO as kint.db-wal: rate exits 1 at once" '((rc == 1)) && one_line "$dir/err" && grep -q "is a FIFO" "$dir/err"'
k hook prompt >/dev/null 2>"$dir/err"; rc=$?
check "FIFO as kint.db-wal: hook prompt exits 0 at once" '((rc == 0)) && [[ ! -s $dir/err ]]'
rm -f "$KINT_DB-wal"; mv "$dir/wal.saved" "$KINT_DB-wal"
mkfifo "$dir/fifo.toml"
KINT_CONFIG="$dir/fifo.toml" timeout 10 "$kint" today >/dev/null 2>"$dir/err"; rc=$?
check "FIFO as the config: exit 1" '((rc == 1)) && grep -q "is a FIFO" "$dir/err"'
KINT_DB="$dir/new.db" timeout 10 "$kint" import "$dir/fifo.toml" >/dev/null 2>"$dir/err"; rc=$?
check "FIFO as the import file: exit 1" '((rc == 1)) && grep -q "is a FIFO" "$dir/err"'

# --- read-only files and folders (as an unprivileged user when run as root)
as_user=()
if ((EUID == 0)); then as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups); fi
ro="$dir/ro"
mkdir -p "$ro/data" && cp "$KINT_DB" "$ro/data/kint.db" && chmod 755 "$dir"
((EUID == 0)) && chown -R 65534:65534 "$ro"
run_ro() { KINT_DB="$ro/data/kint.db" HOME="$ro" timeout 10 "${as_user[@]}" "$kint" "$@"; }
run_ro today >/dev/null 2>&1 # WAL mode set, caches written
mkdir -p "$ro/out" && chmod 555 "$ro/out"
run_ro export --out "$ro/out/e.json" 2>"$dir/err"; rc=$?
check "export --out into a read-only folder: exit 1, one line" '((rc == 1)) && one_line "$dir/err"'
chmod 400 "$ro/data/kint.db"
sum=$(md5sum <"$ro/data/kint.db")
run_ro rate 3 >/dev/null 2>"$dir/err"; rc=$?
check "rate on a read-only store: exit 1, one line, store unchanged" \
  '((rc == 1)) && one_line "$dir/err" && [[ $(md5sum <"$ro/data/kint.db") == "$sum" ]]'
chmod 600 "$ro/data/kint.db" && chmod 555 "$ro/data"
run_ro rate 3 >/dev/null 2>"$dir/err"; rc=$?
check "rate in a read-only folder: no hang, a one-line answer" '((rc <= 1)) && { ((rc == 0)) || one_line "$dir/err"; }'
chmod 755 "$ro/data" "$ro/out"

# --- concurrent --out: every reader sees the old file or the whole new one
out="$dir/e.json"
cp "$expected" "$out"
writer() {
  local w=$1
  for ((i = 1; i <= 4; i++)); do
    timeout 20 "$kint" export --out "$out" 2>>"$dir/writer-$w.err" || echo "writer $w round $i failed" >>"$dir/writer-$w.err"
  done
}
pids=()
for w in 1 2 3 4 5 6; do writer "$w" & pids+=($!); done
reads=0 torn=0
for ((r = 0; r < 3000; r++)); do
  running=0
  for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && running=1; done
  ((running)) || break
  if [[ -e $out ]]; then
    cmp -s "$expected" "$out" || { torn=$((torn + 1)); cp "$out" "$dir/torn.json" 2>/dev/null; }
    reads=$((reads + 1))
  fi
done
wait "${pids[@]}"
check "6 concurrent export --out: no writer failed" '! cat "$dir"/writer-*.err 2>/dev/null | grep -q .'
check "... no reader saw a partial file ($reads reads)" '((torn == 0 && reads > 0))'
check "... the file is whole and no temp file is left" 'cmp -s "$expected" "$out" && [[ -z $(ls "$dir" | grep kint-tmp) ]]'

# --- concurrent imports into one store: each merges in its own transaction; together they hold
# both files' records exactly once (importing either again adds nothing), never half of one
other="$dir/other.json"
KINT_DB="$dir/other.db" "$kint" intent add "A different direction" >/dev/null
KINT_DB="$dir/other.db" "$kint" export --out "$other"
count() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(sum(len(d[k]) for k in ("intentions","cues","logs","ratings","journal","sessions")))'; }
added() { python3 -c 'import json,sys; print(sum(json.load(sys.stdin)["added"].values()))'; }
want=$(($(count <"$expected") + $(count <"$other")))
mixed=0 landed_total=0
for ((round = 1; round <= 5; round++)); do
  target="$dir/imports-$round.db"
  ipids=()
  for f in "$expected" "$other" "$expected" "$other"; do
    KINT_DB="$target" timeout 20 "$kint" import "$f" >/dev/null 2>>"$dir/import-$round.err" &
    ipids+=($!)
  done
  landed=0
  for p in "${ipids[@]}"; do wait "$p" && landed=$((landed + 1)); done
  landed_total=$((landed_total + landed))
  [[ $(KINT_DB="$target" "$kint" export | count) == "$want" ]] || mixed=$((mixed + 1))
  for f in "$expected" "$other"; do
    [[ $(KINT_DB="$target" "$kint" --json import "$f" --dry-run | added) == 0 ]] || mixed=$((mixed + 1))
  done
done
check "4 concurrent imports x 5 rounds: all land, both files' records once each, never a mix" '((mixed == 0 && landed_total == 20))'

echo "$passed passed, $failed failed"
((failed == 0))
