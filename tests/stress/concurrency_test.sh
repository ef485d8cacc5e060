#!/usr/bin/env bash
# 8 writer processes each add 200 journal entries through the real binary while 2 others run
# `kint hook prompt` in a loop. Every entry must be there, no writer may see "database is locked",
# and every prompt call must exit 0 with nothing on stderr. Usage: concurrency_test.sh KINT
set -uo pipefail
kint=${1:?path to kint}
writers=${WRITERS:-8} per_writer=${PER_WRITER:-200}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export KINT_DB="$dir/kint.db" KINT_CONFIG="$dir/none.toml" KINT_TODAY=2026-11-20 KINT_NOW=19:00
passed=0 failed=0
check() { if eval "$2"; then echo "ok - $1"; passed=$((passed + 1)); else echo "not ok - $1"; failed=$((failed + 1)); fi; }

"$kint" intent add "Steady" >/dev/null && "$kint" cue add --after "coffee" --do "one breath" >/dev/null

writer() {
  local w=$1 errors=0
  for ((i = 1; i <= per_writer; i++)); do
    "$kint" journal add "writer $w entry $i" >/dev/null 2>>"$dir/writer-$w.err" || errors=$((errors + 1))
  done
  echo "$errors" >"$dir/writer-$w.failed"
}
prompter() {
  local p=$1 calls=0 bad=0
  while [[ ! -e "$dir/stop" ]]; do
    out=$("$kint" hook prompt 2>"$dir/prompt-$p.err.last"); rc=$?
    calls=$((calls + 1))
    if ((rc != 0)) || [[ -s "$dir/prompt-$p.err.last" ]]; then bad=$((bad + 1)); cat "$dir/prompt-$p.err.last" >>"$dir/prompt-$p.err"; fi
    [[ -z $out || $out == kint* ]] || { bad=$((bad + 1)); echo "odd output: $out" >>"$dir/prompt-$p.err"; }
  done
  echo "$calls $bad" >"$dir/prompt-$p.result"
}

prompter 1 & p1=$!
prompter 2 & p2=$!
pids=()
for ((w = 1; w <= writers; w++)); do writer "$w" & pids+=($!); done
wait "${pids[@]}"
touch "$dir/stop"
wait "$p1" "$p2"

total_failed=$(cat "$dir"/writer-*.failed | awk '{s += $1} END {print s + 0}')
locked=$(cat "$dir"/writer-*.err 2>/dev/null | grep -ci "locked" || true)
expected=$((writers * per_writer))
stored=$("$kint" journal list --json | grep -c '"text": "writer ')
read -r c1 b1 <"$dir/prompt-1.result"; read -r c2 b2 <"$dir/prompt-2.result"

check "every writer command exited 0 ($total_failed did not)" '((total_failed == 0))'
check "no 'database is locked' ($locked seen)" '((locked == 0))'
check "all $expected entries stored ($stored found)" '((stored == expected))'
check "no duplicate entries" '[[ $("$kint" journal list --json | grep "\"text\": \"writer " | sort | uniq -d | wc -l) -eq 0 ]]'
check "prompt ran during the writes ($((c1 + c2)) calls) without a failure ($((b1 + b2)) bad)" '((c1 + c2 > 0 && b1 + b2 == 0))'
check "integrity_check is ok" '[[ $(sqlite3 "$KINT_DB" "PRAGMA integrity_check") == ok ]]'
echo "writes kept: $stored of $expected; prompt calls: $((c1 + c2))"
echo "$passed passed, $failed failed"
((failed == 0))
