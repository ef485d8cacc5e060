#!/usr/bin/env bash
# Four different first writes (rate, journal add, intent add, session add) started together on a
# path where no store (nor its folder) exists yet, ROUNDS times: every one must succeed and land,
# for the store is made whole or not at all and the others wait for it. Bounded: at most ROUNDS
# rounds and about SECONDS_MAX seconds. Usage: first_writes_test.sh KINT
set -uo pipefail
kint=${1:?path to kint}
rounds=${ROUNDS:-60} seconds_max=${SECONDS_MAX:-18}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export KINT_CONFIG="$dir/none.toml" KINT_TODAY=2026-11-20 KINT_NOW=19:00
failed=0 done_rounds=0 start=$SECONDS

# At least min_rounds whatever the clock says (a sanitizer build runs a round in about 4 s), then
# on while time remains.
min_rounds=${MIN_ROUNDS:-10}
for ((r = 1; r <= rounds && (r <= min_rounds || SECONDS - start < seconds_max); r++)); do
  db="$dir/r$r/sub/kint.db"
  KINT_DB=$db "$kint" rate 5 >/dev/null 2>"$dir/r$r.rate.err" & a=$!
  KINT_DB=$db "$kint" journal add "first words" >/dev/null 2>"$dir/r$r.journal.err" & b=$!
  KINT_DB=$db "$kint" intent add "Steady" >/dev/null 2>"$dir/r$r.intent.err" & c=$!
  KINT_DB=$db "$kint" session add >/dev/null 2>"$dir/r$r.session.err" & d=$!
  for pid in $a $b $c $d; do wait "$pid" || failed=$((failed + 1)); done
  for w in rate journal intent session; do
    if [[ -s "$dir/r$r.$w.err" ]]; then
      failed=$((failed + 1)); echo "round $r, $w: $(cat "$dir/r$r.$w.err")"
    fi
  done
  # All four landed in the one store, and no temporary was left beside it.
  for list in rate journal intent session; do
    out=$(KINT_DB=$db "$kint" "$list" list --json 2>&1)
    [[ $out != "[]" && $out == "["* ]] || { failed=$((failed + 1)); echo "round $r: no $list: $out"; }
  done
  if compgen -G "$dir/r$r/sub/*.kint-new.*" >/dev/null; then
    failed=$((failed + 1)); echo "round $r: a temporary store was left behind"
  fi
  done_rounds=$r
done

if ((failed == 0 && done_rounds >= min_rounds)); then
  echo "ok - $done_rounds rounds of 4 concurrent first writes, all succeeded"
  exit 0
fi
echo "not ok - $failed failures in $done_rounds rounds"
exit 1
