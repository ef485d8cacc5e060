#!/usr/bin/env bash
# The layers' rules that include paths cannot enforce: a third-party library's headers sit in
# /usr/include, where every layer finds them. Only config includes toml++, only store SQLiteCpp or
# sqlite3, only cli CLI11, only sync libsodium; no SQL outside the store; nothing below cli prints
# to a stream.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root/src" || exit 1
bad=0
rule() { # rule NAME PATTERN ALLOWED-FOLDER-REGEX
  local hits
  hits=$(grep -rlE "$2" --include='*.cpp' --include='*.hpp' . | grep -vE "^\./($3)(/|$)" || true)
  if [[ -n $hits ]]; then
    echo "FAIL: $1 outside its layer: $(echo $hits)"
    bad=1
  else
    echo "ok: $1"
  fi
}
rule "toml++" '#include *[<"]toml\+\+' 'config'
rule "SQLiteCpp / sqlite3" '#include *[<"](SQLiteCpp|sqlite3\.h)' 'store'
rule "CLI11" '#include *[<"]CLI/' 'cli'
rule "nlohmann/json" '#include *[<"]nlohmann/' 'render|foreign'
rule "libcsv / minizip" '#include *[<"](csv\.h|minizip/)' 'foreign'
rule "libsodium" '#include *[<"]sodium[./]' 'sync'
rule "SQL" '\b(SELECT .* FROM|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM|CREATE TABLE)\b' 'store'
rule "printing" 'fmt::print\(|std::cout|std::cerr' 'cli|render|main.cpp'
# An include of a higher layer's header (the build refuses these too; this names them plainly).
declare -A below=([core]="" [config]="core" [domain]="core|config" [io]="core"
  [store]="core|config|domain|io" [cache]="core|config|domain|io|store" [sync]="core|io"
  [foreign]="core|config|domain|io|store" [app]="core|config|domain|io|store|foreign|sync"
  [render]="core|config|domain|app")
for layer in "${!below[@]}"; do
  allowed="${layer}${below[$layer]:+|${below[$layer]}}"
  hits=$(grep -rhoE '#include "kint/[a-z]+/' "$layer" 2>/dev/null | sed -E 's#.*kint/([a-z]+)/#\1#' |
    sort -u | grep -vxE "$allowed" || true)
  if [[ -n $hits ]]; then echo "FAIL: $layer includes $(echo $hits)"; bad=1; fi
done
((bad == 0)) && echo "every layer keeps to its own"
exit $bad
