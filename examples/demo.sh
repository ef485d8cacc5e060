#!/usr/bin/env bash
# Installs what is missing, builds kint, and shows it on a demo store holding a few days of use.
# Nothing touches your own kint data: the demo lives in a temporary folder.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/.ci/install-deps"
cmake --preset release >/dev/null
cmake --build --preset release --target kint
kint="$root/build/release/kint"

demo=$(mktemp -d "${TMPDIR:-/tmp}/kint-demo.XXXXXX")
export KINT_DB="$demo/kint.db" KINT_CONFIG="$demo/config.toml"
day() { date -d "2026-11-20 $1 days" +%F; }
k() { KINT_TODAY=$1 "$kint" "${@:2}" >/dev/null; }

# Two weeks ago: a session, an intention from the catalogue, one cue.
k "$(day -13)" session add --note "third infusion"
k "$(day -13)" intent add --from anxiety.5
k "$(day -13)" cue add --after "I pour my morning coffee" --do "take three slow breaths" --at 08:00
k "$(day -13)" journal add --tag felt "Calm, a little tender. The breath felt like mine again."
moods=(4 5 5 6 4 5 6 6 7 5 6 7 6 7)
for i in $(seq 0 13); do
  d=$(day $((i - 13)))
  case $i in
    4) k "$d" log 1 --slip --note "overslept, rushed out" ;;
    9) k "$d" log 1 --skip --note "sick day" ;;
    *) k "$d" log 1 ;;
  esac
  k "$d" rate "${moods[$i]}" --energy $(( moods[i] - 1 ))
done
k "$(day -8)" journal add --tag win "Noticed the breath before the email, not after."
k "$(day -6)" journal add --tag obstacle "Mornings with the kids leave no gap."
k "$(day -1)" cue step 1 "take five slow breaths" --note "three felt easy"

export KINT_TODAY=2026-11-20
run() { printf '\n\033[1m$ kint %s\033[0m\n' "$*"; "$kint" "$@"; }
run today
run review
run cue list
run log list --since -6
run rate list --since -6
run intent catalogue --group anxiety
echo
echo "Demo store: $demo (delete it when done). Your own data is untouched."
echo "Try more:   KINT_DB=$demo/kint.db KINT_TODAY=2026-11-20 $kint --help"
