# Shared by the shell tests: TAP output, a sandbox, and a private tmux server for the shells that
# only show their prompt or completion list on a terminal. Sourced by *_test.sh; not run alone.
# The sourcing script is run as: bash tests/shell/NAME_test.sh /path/to/kint

set -u

KINT_BIN=${1:?usage: bash $0 /path/to/kint}
KINT_BIN=$(cd "$(dirname "$KINT_BIN")" && pwd -P)/$(basename "$KINT_BIN")
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# How long to wait for a shell in tmux to show something (generous: CI machines can be busy).
WAIT_SECONDS=${KINT_TEST_WAIT:-30}

TESTS=0
FAILURES=0

ok() { # ok CONDITION_STATUS NAME
    TESTS=$((TESTS + 1))
    if [[ $1 == 0 ]]; then
        echo "ok $TESTS - $2"
    else
        FAILURES=$((FAILURES + 1))
        echo "not ok $TESTS - $2"
    fi
}

diag() { printf '%s\n' "$@" | sed 's/^/# /'; }

# check NAME COMMAND...: one test, passing when COMMAND succeeds.
check() {
    local name=$1
    shift
    if "$@"; then ok 0 "$name"; else ok 1 "$name"; fi
}

# has TEXT NEEDLE / lacks TEXT NEEDLE / same GOT WANT: tests that explain themselves on failure.
has() {
    [[ $1 == *"$2"* ]] && return 0
    diag "expected to find: $2" "in: $1"
    return 1
}
lacks() {
    [[ $1 != *"$2"* ]] && return 0
    diag "expected not to find: $2" "in: $1"
    return 1
}

same() {
    [[ $1 == "$2" ]] && return 0
    diag "expected: $2" "got:      $1"
    return 1
}

finish() {
    echo "1..$TESTS"
    if ((FAILURES > 0)); then
        echo "# $FAILURES of $TESTS failed"
        exit 1
    fi
    exit 0
}

# The sandbox: a temp dir holding HOME, the XDG dirs, the store, the config and a bin dir with
# `kint` on PATH (the completion scripts and hooks call it by name). Removed on exit.
SANDBOX=$(mktemp -d "${TMPDIR:-/tmp}/kint-shell.XXXXXX")
TMUX_SOCKET=$SANDBOX/tmux.sock
cleanup() {
    tmux -S "$TMUX_SOCKET" kill-server >/dev/null 2>&1
    rm -rf "$SANDBOX"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$SANDBOX/bin" "$SANDBOX/home" "$SANDBOX/data" "$SANDBOX/config" "$SANDBOX/cache"
ln -s "$KINT_BIN" "$SANDBOX/bin/kint"
export HOME=$SANDBOX/home
export XDG_DATA_HOME=$SANDBOX/data XDG_CONFIG_HOME=$SANDBOX/config XDG_CACHE_HOME=$SANDBOX/cache
export PATH=$SANDBOX/bin:/usr/local/bin:/usr/bin:/bin
export KINT_DB=$SANDBOX/store/kint.db
export KINT_CONFIG=$SANDBOX/kint-config/config.toml
export KINT_TODAY=2026-03-10
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset KINT_NOW PROMPT_COMMAND ENV BASH_ENV ZDOTDIR NO_COLOR EDITOR VISUAL TMUX
export TERM=xterm-256color

# --- tmux: a private server on a socket in the sandbox --------------------------------------------

# tmux_start COMMAND: a detached 200x50 session running COMMAND (with the environment above).
tmux_start() {
    tmux -S "$TMUX_SOCKET" kill-server >/dev/null 2>&1
    tmux -S "$TMUX_SOCKET" -f /dev/null new-session -d -x 200 -y 50 "$1"
}

tmux_send() { tmux -S "$TMUX_SOCKET" send-keys "$@"; }

tmux_screen() { tmux -S "$TMUX_SOCKET" capture-pane -p 2>/dev/null; }

# tmux_wait NEEDLE...: polls the screen until it shows every NEEDLE, or WAIT_SECONDS pass.
# Leaves the last screen in $SCREEN.
tmux_wait() {
    local deadline=$((SECONDS + WAIT_SECONDS)) needle missing
    while :; do
        SCREEN=$(tmux_screen)
        missing=0
        for needle in "$@"; do
            [[ $SCREEN == *"$needle"* ]] || missing=1
        done
        ((missing == 0)) && return 0
        if ((SECONDS >= deadline)); then
            diag "timed out waiting for: $*" "screen:" "$SCREEN"
            return 1
        fi
        sleep 0.1
    done
}

# tmux_wait_prompt: waits until the shell has drawn something (its first prompt).
tmux_wait_prompt() {
    local deadline=$((SECONDS + WAIT_SECONDS))
    until [[ -n $(tmux_screen | tr -d '[:space:]') ]]; do
        if ((SECONDS >= deadline)); then
            diag "timed out waiting for the shell's first prompt"
            return 1
        fi
        sleep 0.1
    done
}

# tmux_fresh_line PROMPT: cancels the line being edited and clears the screen, then waits until
# the screen shows only PROMPT, so the next capture holds nothing from an earlier step. Clearing is
# asked for again every few seconds: a shell busy redrawing a completion list can miss it.
tmux_fresh_line() {
    local deadline=$((SECONDS + WAIT_SECONDS)) retry want=$1
    want=${want%"${want##*[! ]}"} # capture-pane drops trailing spaces
    tmux_send C-c
    while :; do
        tmux_send C-l
        retry=$((SECONDS + 3))
        while ((SECONDS < retry)); do
            SCREEN=$(tmux_screen)
            [[ $(sed -e 's/[[:space:]]*$//' -e '/^$/d' <<<"$SCREEN") == "$want" ]] && return 0
            sleep 0.1
        done
        if ((SECONDS >= deadline)); then
            diag "timed out waiting for a clean prompt '$1'; screen:" "$SCREEN"
            return 1
        fi
    done
}
