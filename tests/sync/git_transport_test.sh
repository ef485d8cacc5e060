#!/usr/bin/env bash
# kint sync through a real git repository (issue 18): three devices, each with its own clone of one
# bare repository, write, sync, commit, pull and push in a loop, with histories that diverge (all
# commit before any pulls). Never a merge conflict (each device writes only its own files), and
# after two quiet rounds every store's canonical export is byte-identical.
# Usage: git_transport_test.sh KINT [ROUNDS]
set -euo pipefail
KINT=$1
ROUNDS=${2:-12}
command -v git >/dev/null || { echo "git is missing (.ci/debian-packages)"; exit 1; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export HOME=$T/home KINT_TODAY=2026-11-20 NO_COLOR=1 GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME"
git config --global user.name kint-test
git config --global user.email kint@example.invalid
git config --global init.defaultBranch main
git config --global pull.rebase false
git init -q --bare "$T/remote.git"

k() { # k DEVICE ARGS...: kint on that device's store
    local d=$1
    shift
    KINT_DB=$T/$d.db KINT_CONFIG=$T/$d.toml "$KINT" "$@"
}
gitd() { local d=$1; shift; git -C "$T/$d" "$@"; }

git clone -q "$T/remote.git" "$T/a" 2>/dev/null
k a intent add "Steady breath" >/dev/null
k a cue add --after "I pour my coffee" --do "three breaths" >/dev/null
k a sync init "$T/a" >/dev/null
k a sync "$T/a" >/dev/null
gitd a add -A && gitd a commit -qm "a joins" && gitd a push -q origin HEAD:main 2>/dev/null
for d in b c; do
    git clone -q "$T/remote.git" "$T/$d"
    k "$d" rate 5 >/dev/null
    k "$d" sync init "$T/$d" --key "$T/a.db.sync-key" >/dev/null
done

conflicts=0
round() { # round WRITE: every device (writes when WRITE=1), syncs and commits; then all pull and push
    local write=$1 d i
    for d in a b c; do
        if ((write)); then
            for ((i = 0; i < 3; i++)); do
                case $((RANDOM % 4)) in
                0) k "$d" log 1 --day "-$((RANDOM % 20))" >/dev/null 2>&1 || true ;;
                1) k "$d" rate $((RANDOM % 11)) --day "-$((RANDOM % 20))" >/dev/null ;;
                2) k "$d" journal add "note $RANDOM from $d" >/dev/null ;;
                3) k "$d" log 1 --day "-$((RANDOM % 20))" --undo >/dev/null 2>&1 || true ;;
                esac
            done
        fi
        k "$d" sync "$T/$d" >/dev/null
        gitd "$d" add -A
        gitd "$d" diff --cached --quiet || gitd "$d" commit -qm "sync from $d"
    done
    for d in a b c; do
        if ! gitd "$d" pull -q --no-edit origin main 2>"$T/pull.err"; then
            echo "pull on $d failed:"; cat "$T/pull.err"; conflicts=$((conflicts + 1))
        fi
        if [[ -n $(gitd "$d" diff --name-only --diff-filter=U) ]]; then conflicts=$((conflicts + 1)); fi
        gitd "$d" push -q origin HEAD:main 2>/dev/null || { echo "push from $d refused"; exit 1; }
    done
}

RANDOM=42
for ((r = 0; r < ROUNDS; r++)); do round 1; done
round 0
round 0
round 0
if ((conflicts)); then echo "FAIL: $conflicts merge conflicts"; exit 1; fi
k a export --canonical >"$T/a.json"
for d in b c; do
    k "$d" export --canonical >"$T/$d.json"
    if ! cmp -s "$T/a.json" "$T/$d.json"; then
        echo "FAIL: $d's canonical export differs from a's"; diff "$T/a.json" "$T/$d.json" | head -20
        exit 1
    fi
done
n=$(grep -c '"day"' "$T/a.json" || true)
((n > 20)) || { echo "FAIL: too few records after sync ($n)"; exit 1; }
echo "ok: $ROUNDS rounds through git, three devices, no conflict, canonical exports identical ($n days)"
