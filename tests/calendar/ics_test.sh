#!/usr/bin/env bash
# kint export --format ics read by real calendar software, all from Debian: python3-icalendar
# parses it (check_ics.py: UIDs, RRULEs, VALARMs, texts, and each VTIMEZONE against the system's
# zoneinfo, to the second of every change for three years), and khal imports it and lists the
# events on the right days at the right times; a second import after an edit updates the events
# instead of adding others.
# Usage: bash tests/calendar/ics_test.sh /path/to/kint        (TAP output; exit 1 on a failure)

source "$(dirname "${BASH_SOURCE[0]}")/../shell/lib.sh"

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PY=/usr/bin/python3 # Debian's, with python3-icalendar (not a python of a version manager)
CHECK="$PY $HERE/check_ics.py"
CAL=$SANDBOX/cal
mkdir -p "$CAL"
export TZ=Europe/Berlin

# --- a store with every kind of cue, placed on Monday 2026-11-02 --------------------------------
export KINT_TODAY=2026-11-02
{
    kint intent add "I am open to learning new ways to cope"
    kint cue add --after "I pour my coffee" --do "write one sentence" --at 07:30
    kint cue add --place "the yoga mat" --do "stretch, gently; then rest" --at 18:00 \
        --days mon,wed,fri
    kint cue add --after "work" --do "a walk" --at 09:00 --per 3/week
    kint cue add --after "work" --do "call a friend" --at 20:00 --per 2/10d --target 10 --unit min
    kint cue add --after "dinner" --do "read"                                 # no time
    kint cue add --if "anger rises" --do "five breaths" --at 12:00            # a situation
    kint cue add --after "lunch" --do "tea" --at 13:00                        # archived below
    kint cue add --after "my bath" --do "lotion" --at 21:00                   # paused below
    kint cue archive 7
    KINT_TODAY=2026-11-12 kint cue pause 8
} >/dev/null 2>&1
export KINT_TODAY=2026-11-20

# --- python3-icalendar ----------------------------------------------------------------------------
kint export --format ics --out "$CAL/first.ics"
check "export: --out writes a 0600 file" same "$(stat -c %a "$CAL/first.ics")" "600"
out=$($CHECK events "$CAL/first.ics" Europe/Berlin 2>&1)
check "icalendar: events, rules, alarms and texts of every kind of cue" same "$out" ""

kint export --format ics --out "$CAL/second.ics"
check "export: the same store gives the same bytes" cmp -s "$CAL/first.ics" "$CAL/second.ics"
kint cue edit 1 --at 08:00 >/dev/null
kint cue step 2 "stretch for two minutes" >/dev/null
kint export --format ics --out "$CAL/edited.ics"
out=$($CHECK edited "$CAL/edited.ics" "$CAL/first.ics" 2>&1)
check "icalendar: after cue edit and cue step the UIDs stay; the new time from today" \
    same "$out" ""

for zone in Europe/Berlin America/New_York America/Sao_Paulo Australia/Sydney \
    Australia/Lord_Howe Europe/Dublin Asia/Jerusalem America/Nuuk America/Santiago \
    Pacific/Chatham Asia/Kolkata Pacific/Pago_Pago Pacific/Kiritimati; do
    TZ=$zone kint export --format ics --out "$CAL/zone.ics"
    out=$($CHECK zone "$CAL/zone.ics" "$zone" 2>&1)
    check "icalendar: the VTIMEZONE of $zone gives zoneinfo's offsets" has "$out" "agree"
done
for zone in UTC Africa/Casablanca; do # UTC is no place; Morocco's Ramadan is not in its rule
    TZ=$zone kint export --format ics --out "$CAL/floating.ics"
    out=$($CHECK floating "$CAL/floating.ics" 2>&1)
    check "icalendar: TZ=$zone gives floating local times" same "$out" ""
done

# --- khal ------------------------------------------------------------------------------------------
# khal_config NAME LOCAL_ZONE: a khal config with one calendar (a vdir) in $CAL/NAME.
khal_config() {
    mkdir -p "$CAL/$1/vdir"
    cat >"$CAL/$1/khal.conf" <<EOF
[calendars]
[[kint]]
path = $CAL/$1/vdir
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = $2
default_timezone = $2
[sqlite]
path = $CAL/$1/khal.db
EOF
}
khal_in() { # khal_in NAME ARGS...
    local name=$1
    shift
    khal -c "$CAL/$name/khal.conf" "$@" 2>&1
}
khal_list() { # khal_list NAME FROM TO: "DAY TIME TITLE" lines
    khal_in "$1" list --format "{start-date} {start-time} {title}" --day-format "" "$2" "$3"
}

khal_config berlin Europe/Berlin
out=$(khal_in berlin import --batch "$CAL/first.ics")
check "khal: import --batch" same "$out" ""
check "khal: one event per exported cue" same "$(ls "$CAL/berlin/vdir" | wc -l)" "5"
want="2026-11-02 07:30 write one sentence
2026-11-02 09:00 a walk
2026-11-02 18:00 stretch, gently; then rest
2026-11-02 20:00 call a friend
2026-11-02 21:00 lotion
2026-11-03 07:30 write one sentence
2026-11-03 21:00 lotion
2026-11-04 07:30 write one sentence
2026-11-04 18:00 stretch, gently; then rest
2026-11-04 21:00 lotion
2026-11-05 07:30 write one sentence
2026-11-05 21:00 lotion
2026-11-06 07:30 write one sentence
2026-11-06 18:00 stretch, gently; then rest
2026-11-06 21:00 lotion
2026-11-07 07:30 write one sentence
2026-11-07 20:00 call a friend
2026-11-07 21:00 lotion
2026-11-08 07:30 write one sentence
2026-11-08 21:00 lotion"
check "khal: the first week, each cue on its days at its time" \
    same "$(khal_list berlin 2026-11-02 2026-11-08)" "$want"
want="2026-11-11 07:30 write one sentence
2026-11-11 18:00 stretch, gently; then rest
2026-11-11 21:00 lotion
2026-11-12 07:30 write one sentence
2026-11-12 20:00 call a friend"
check "khal: the paused cue ends the day before its pause" \
    same "$(khal_list berlin 2026-11-11 2026-11-12)" "$want"
# Across the change to summer time (28 March 2027) the times stay on the wall clock.
want="2027-03-27 07:30 write one sentence
2027-03-28 07:30 write one sentence
2027-03-29 07:30 write one sentence
2027-03-29 09:00 a walk
2027-03-29 18:00 stretch, gently; then rest"
check "khal: the same wall time across the change to summer time" \
    same "$(khal_list berlin 2027-03-27 2027-03-29 | grep -v "call a friend")" "$want"

# Imported again after the edit: the same five events, updated.
out=$(khal_in berlin import --batch "$CAL/edited.ics")
check "khal: the edited calendar imports over the first" same "$out" ""
check "khal: still one event per cue (updated, not added)" \
    same "$(ls "$CAL/berlin/vdir" | wc -l)" "5"
want="2026-11-20 08:00 write one sentence
2026-11-20 18:00 stretch for two minutes
2026-11-21 08:00 write one sentence"
check "khal: the new time and the new step" \
    same "$(khal_list berlin 2026-11-20 2026-11-21 | grep -v "call a friend")" "$want"

# A zone khal cannot know by its name (a copy of Berlin under another one, through TZDIR): it
# must read kint's VTIMEZONE. Listed in New York, where summer time begins two weeks earlier:
# 08:00 in Berlin is 02:00 in New York, except 03:00 between the two changes.
mkdir -p "$SANDBOX/zoneinfo/Kint"
cp /usr/share/zoneinfo/Europe/Berlin "$SANDBOX/zoneinfo/Kint/Berlin_Copy"
TZDIR=$SANDBOX/zoneinfo TZ=Kint/Berlin_Copy kint export --format ics --out "$CAL/copy.ics"
check "export: TZDIR names the zoneinfo folder" has "$(cat "$CAL/copy.ics")" "TZID:Kint/Berlin_Copy"
khal_config newyork America/New_York
khal_in newyork import --batch "$CAL/copy.ics" >/dev/null
want="2027-03-12 02:00 write one sentence
2027-03-15 03:00 write one sentence
2027-03-26 03:00 write one sentence
2027-03-29 02:00 write one sentence"
got=$(for day in 2027-03-12 2027-03-15 2027-03-26 2027-03-29; do
    khal_list newyork "$day" "$day" | grep "write one sentence"
done)
check "khal: kint's VTIMEZONE, seen from another zone across both changes" same "$got" "$want"

finish
