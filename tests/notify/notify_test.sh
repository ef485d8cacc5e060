#!/usr/bin/env bash
# kint remind with the real notify-send and a real notification server: dunst on a private
# session bus (dbus-run-session) under a virtual X display (xvfb-run). What dunst received is read
# back from its history (dunstctl). Also: no reminder before the time or twice a day, --dry-run
# sends nothing, and a session bus that is not there (cron without DBUS_SESSION_BUS_ADDRESS) is
# one line on stderr, exit 0, and tried again.
#
# Usage: notify_test.sh path/to/kint
# Needs dbus (dbus-run-session, dbus-send), dunst (dunst, dunstctl), xvfb (xvfb-run) and
# libnotify-bin (notify-send). Without them it is skipped (exit 77), unless KINT_REQUIRE_NOTIFY=1
# (set by .ci/run, which installs them), where a missing tool fails it.
set -uo pipefail

kint=${1:?usage: $0 path/to/kint}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if [[ ${2:-} != --inside ]]; then
  missing=()
  for tool in dbus-run-session dbus-send dunst dunstctl xvfb-run notify-send; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  if ((${#missing[@]} > 0)); then
    if [[ ${KINT_REQUIRE_NOTIFY:-} == 1 ]]; then
      echo "not ok 1 - missing: ${missing[*]} (Debian: dbus dunst xvfb libnotify-bin)"
      exit 1
    fi
    echo "# SKIP: missing ${missing[*]} (Debian: dbus dunst xvfb libnotify-bin)"
    exit 77
  fi
  # A private X display and a private session bus, both gone when the test ends.
  exec timeout 120 xvfb-run -a dbus-run-session -- bash "$0" "$kint" --inside
fi

# shellcheck source=../shell/lib.sh
source "$here/../shell/lib.sh" "$kint"
bus=$DBUS_SESSION_BUS_ADDRESS

# dunst, on this bus only, until the test ends; its log in the sandbox.
dunst >"$SANDBOX/dunst.log" 2>&1 &
dunst_pid=$!
trap 'kill $dunst_pid 2>/dev/null; cleanup' EXIT
owned() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications 2>/dev/null |
    grep -q 'boolean true'
}
for ((i = 0; i < 100; i++)); do owned && break; sleep 0.1; done
check "dunst serves org.freedesktop.Notifications on the private bus" owned

# What dunst received: every notification closed into its history, as JSON.
received() {
  dunstctl close-all >/dev/null 2>&1
  sleep 0.2
  dunstctl history 2>/dev/null
}
# How many notifications dunst has had (displayed, waiting and history).
count_all() {
  local n=0 kind
  for kind in displayed waiting history; do
    n=$((n + $(dunstctl count "$kind" 2>/dev/null || echo 1000)))
  done
  echo "$n"
}
is_count() { # is_count N: waits briefly for dunst to have had N notifications
  local got
  for ((i = 0; i < 30; i++)); do
    got=$(count_all)
    [[ $got == "$1" ]] && return 0
    sleep 0.1
  done
  diag "dunst has had $got notifications, expected $1"
  return 1
}

# A store with one cue at 08:00; the config is the default: [remind] command is notify-send.
export KINT_TODAY=2026-11-20
kint intent add "I am open & <calm>" >/dev/null
kint cue add --after "I pour my coffee" --do "write one sentence" --at 08:00 >/dev/null
check "the config names no command: notify-send is the default" test ! -e "$KINT_CONFIG"

out=$(KINT_NOW=07:59 kint remind 2>&1)
check "07:59: exit 0, silent" same "$?:$out" "0:"
check "07:59: nothing sent" is_count 0

out=$(KINT_NOW=08:00 kint remind --dry-run 2>&1)
check "--dry-run at 08:00 says what it would send" has "$out" "would send 1 reminder"
check "--dry-run sends nothing" is_count 0

out=$(KINT_NOW=08:00 kint remind 2>&1)
check "08:00: exit 0, silent" same "$?:$out" "0:"
check "08:00: one notification" is_count 1
history=$(received)
check "dunst got the behavior as the summary" has "$history" '"data" : "write one sentence"'
check "dunst got the cue, the intention (markup escaped) and kint log 1 as the body" \
  has "$history" '"data" : "after I pour my coffee · 08:00\nI am open &amp; &lt;calm&gt;\nkint log 1"'
check "sent by notify-send" has "$history" '"data" : "notify-send"'

out=$(KINT_NOW=08:05 kint remind 2>&1)
check "08:05: exit 0, silent" same "$?:$out" "0:"
check "08:05: nothing more that day" is_count 1

# As cron without the session bus: notify-send cannot reach a server.
err=$(DBUS_SESSION_BUS_ADDRESS=unix:path=$SANDBOX/no-bus KINT_TODAY=2026-11-21 KINT_NOW=09:00 \
  kint remind 2>&1 >/dev/null)
status=$?
check "no bus: exit 0" same "$status" 0
check "no bus: one line on stderr" same "$(wc -l <<<"$err")" 1
check "no bus: it says what to check" has "$err" "kint: no reminder shown: 'notify-send' ended with status"
check "no bus: nothing reached dunst" is_count 1
# Not recorded: with the bus, the next run sends it.
out=$(KINT_TODAY=2026-11-21 KINT_NOW=09:05 kint remind --json 2>&1)
check "the next day with the bus: sent and listed" has "$out" '"cue_id": 1'
check "the next day: the second notification" is_count 2

# The example units are valid for systemd. It looks for `kint` in its own search path, where no
# kint is installed here: a copy names this one; the man page goes where man finds it.
if command -v systemd-analyze >/dev/null 2>&1; then
  mkdir -p "$SANDBOX/man/man1" "$SANDBOX/units"
  cp "$REPO/src/man/kint.1" "$SANDBOX/man/man1/kint.1"
  cp "$REPO/examples/systemd/kint-remind.timer" "$SANDBOX/units/"
  sed "s|^ExecStart=kint |ExecStart=$KINT_BIN |" "$REPO/examples/systemd/kint-remind.service" \
    >"$SANDBOX/units/kint-remind.service"
  check "the example service runs 'kint remind'" \
    grep -qx 'ExecStart=kint remind' "$REPO/examples/systemd/kint-remind.service"
  verify=$(MANPATH=$SANDBOX/man systemd-analyze verify "$SANDBOX/units/kint-remind.service" \
    "$SANDBOX/units/kint-remind.timer" 2>&1)
  check "systemd-analyze verify: the example units are clean" same "$verify" ""
fi

kill $dunst_pid 2>/dev/null
finish
