#!/usr/bin/env bash
# kint sync killed with SIGKILL at random moments (issue 18): two devices, writes between syncs,
# 100 syncs killed (bounded for CI; KILLS=1000 by hand). Afterwards both stores pass SQLite's
# integrity check, two quiet rounds converge them, and no write is lost.
# Usage: kill_test.sh KINT [KILLS]
set -euo pipefail
KINT=$1
KILLS=${2:-100}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export HOME=$T KINT_TODAY=2026-11-20 NO_COLOR=1
DIR=$T/shared
mkdir -p "$DIR"
k() { local d=$1; shift; KINT_DB=$T/$d.db KINT_CONFIG=$T/$d.toml "$KINT" "$@"; }
k a intent add "Steady breath" >/dev/null
k a cue add --after "I pour my coffee" --do "three breaths" >/dev/null
k a sync init "$DIR" >/dev/null
k b rate 5 >/dev/null
k b sync init "$DIR" --key "$T/a.db.sync-key" >/dev/null

RANDOM=7
written=0
killed=0
for ((i = 0; i < KILLS; i++)); do
    d=$([[ $((RANDOM % 2)) == 0 ]] && echo a || echo b)
    k "$d" journal add "entry $i on $d" >/dev/null
    written=$((written + 1))
    KINT_DB=$T/$d.db KINT_CONFIG=$T/$d.toml "$KINT" sync "$DIR" >/dev/null 2>&1 &
    pid=$!
    # Somewhere between at once and a little after a sync of this size ends (0-12 ms).
    sleep "$(printf '0.%03d' $((RANDOM % 12)))"
    kill -9 "$pid" 2>/dev/null || true
    status=0
    wait "$pid" 2>/dev/null || status=$?
    ((status == 137)) && killed=$((killed + 1))
done
for d in a b; do
    [[ $(sqlite3 "$T/$d.db" 'PRAGMA integrity_check') == ok ]] || { echo "FAIL: $d.db damaged"; exit 1; }
done
for round in 1 2; do
    k a sync "$DIR" >/dev/null
    k b sync "$DIR" >/dev/null
done
k a export --canonical >"$T/a.json"
k b export --canonical >"$T/b.json"
cmp -s "$T/a.json" "$T/b.json" || { echo "FAIL: the stores differ"; diff "$T/a.json" "$T/b.json" | head; exit 1; }
got=$(grep -c '"text": "entry ' "$T/a.json" || true)
((got == written)) || { echo "FAIL: $got of $written journal entries after sync"; exit 1; }
((killed > KILLS / 4)) || { echo "FAIL: only $killed of $KILLS syncs were still running when killed"; exit 1; }
echo "ok: $killed of $KILLS syncs killed while running, both stores whole, converged, $written of $written entries kept"
