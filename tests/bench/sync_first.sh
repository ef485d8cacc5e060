#!/usr/bin/env bash
# kint sync's first sync of a whole store (issue 18), once each (a one-off, not a hyperfine row):
# the sending device (a copy of the 10-year store: sync init, then sync) and a new, empty device
# receiving it (sync init --key, then sync), with wall time, peak RSS and the file's size. Beside it,
# for the engine decision in ARCHITECTURE.md, the size of SQLite's session-extension changeset of
# the same store (sqlite3's .session, inserting every row into an empty copy of the schema).
#
#   tests/bench/sync_first.sh [--build DIR] [--years N]
# Needs the bench build (run.sh or callgrind.sh makes it), /usr/bin/time and sqlite3.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$root/build/bench-release
years=10
while [[ $# -gt 0 ]]; do
  case $1 in
    --build) build=$2; shift 2 ;;
    --years) years=$2; shift 2 ;;
    *) echo "sync_first.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
kint=$build/kint
src=$build/bench-data/y$years.db
[[ -f $src ]] || { echo "sync_first.sh: $src is missing; run tests/bench/callgrind.sh first" >&2; exit 1; }
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export KINT_TODAY=2026-03-18 KINT_NOW=19:00 NO_COLOR=1 HOME=$t KINT_CONFIG=$t/config.toml
cp "$src" "$t/a.db"
measure() { # measure LABEL CMD...: wall seconds and peak RSS of one run
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$t/time" "$@" >/dev/null
  read -r secs kb <"$t/time"
  printf '%-44s %8s s %8s kB\n' "$label" "$secs" "$kb"
}
"$kint" --db "$t/a.db" sync init "$t/dir" >/dev/null
measure "first sync, sending (${years}y store)" "$kint" --db "$t/a.db" sync "$t/dir"
"$kint" --db "$t/b.db" sync init "$t/dir" --key "$t/a.db.sync-key" >/dev/null
measure "first sync, receiving on a new device" "$kint" --db "$t/b.db" sync "$t/dir"
measure "the first device hears the second" "$kint" --db "$t/a.db" sync "$t/dir"
measure "sync, nothing new" "$kint" --db "$t/a.db" sync "$t/dir"
measure "a journal entry on the first device, then its sync" sh -c \
  "'$kint' --db '$t/a.db' journal add 'from a' >/dev/null && '$kint' --db '$t/a.db' sync '$t/dir'"
measure "the second device receives that one entry" "$kint" --db "$t/b.db" sync "$t/dir"
bytes=$(find "$t/dir" -name '*.kint-sync' -size +1k -printf '%s\n' | sort -n | tail -1)
printf '%-44s %8s bytes\n' "the sealed file (kint's JSON change log)" "$bytes"
"$kint" --db "$t/a.db" export --canonical >"$t/a.json"
"$kint" --db "$t/b.db" export --canonical >"$t/b.json"
cmp -s "$t/a.json" "$t/b.json" && echo "canonical exports of both devices: identical"

# The session extension's changeset of the same rows, into an empty copy of the schema.
if command -v sqlite3 >/dev/null; then
  sqlite3 "$t/a.db" .schema | grep -v '^CREATE TABLE sqlite_' >"$t/schema.sql"
  sqlite3 "$t/cs.db" <"$t/schema.sql"
  {
    echo ".session open main s"
    echo ".session s attach *"
    echo "ATTACH '$t/a.db' AS src;"
    for table in intention cue step cue_plan pause log rating journal session tombstone; do
      echo "INSERT INTO main.$table SELECT * FROM src.$table;"
    done
    echo ".session s changeset $t/changeset.bin"
  } >"$t/session.sql"
  start=$(date +%s.%N)
  sqlite3 "$t/cs.db" <"$t/session.sql"
  end=$(date +%s.%N)
  printf '%-44s %8s bytes (made in %.2f s)\n' "SQLite session changeset of the same rows" \
    "$(stat -c %s "$t/changeset.bin")" "$(echo "$end - $start" | bc -l 2>/dev/null || echo 0)"
fi
