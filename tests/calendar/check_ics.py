"""Reads kint's .ics export with Debian's python3-icalendar (a real iCalendar parser) and checks
what ics_test.sh seeded. Exits non-zero, saying what differs, on any mismatch.

  check_ics.py events FILE ZONE    the events of the seeded store, their rules, alarms and texts
  check_ics.py edited FILE BEFORE  the same UIDs as BEFORE; cue 1 moved to 08:00 from 2026-11-20
  check_ics.py zone FILE ZONE      the VTIMEZONE gives the offsets of the system's zoneinfo ZONE
  check_ics.py floating FILE       no TZID anywhere: floating local times
"""
import datetime as dt
import sys
import zoneinfo

import icalendar
from dateutil import rrule

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    check(b"\n" not in data.replace(b"\r\n", b""), "a bare LF outside CRLF")
    for number, line in enumerate(data.split(b"\r\n"), 1):
        check(len(line) <= 75, f"line {number} is {len(line)} octets")
        line.decode("utf-8")  # every physical line whole UTF-8
    return icalendar.Calendar.from_ical(data)


def events(cal):
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def by_cue(evs):
    """{cue id: event}, from the UIDs' kint-cue-ID- prefix."""
    out = {}
    for uid, e in evs.items():
        check(uid.startswith("kint-cue-") and uid.endswith("@kint"), f"UID {uid}")
        out[int(uid.split("-")[2])] = e
    return out


def first(event, count):
    start = event["DTSTART"].dt
    rule = rrule.rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
    return [d for _, d in zip(range(count), rule)]


def check_events(path, zone):
    cal = read(path)
    check(str(cal["VERSION"]) == "2.0", "VERSION")
    check("PRODID" in cal, "PRODID")
    evs = by_cue(events(cal))
    # Timed, active or paused; not the untimed (5), the if-then (6) or the archived (7) one.
    check(sorted(evs) == [1, 2, 3, 4, 8], f"cues exported: {sorted(evs)}")
    tz = zoneinfo.ZoneInfo(zone)
    expect = {
        1: ("write one sentence", {"FREQ": ["DAILY"]}, dt.time(7, 30)),
        2: ("stretch, gently; then rest", {"FREQ": ["WEEKLY"], "BYDAY": ["MO", "WE", "FR"]},
            dt.time(18, 0)),
        3: ("a walk", {"FREQ": ["WEEKLY"], "BYDAY": ["MO"]}, dt.time(9, 0)),
        4: ("call a friend", {"FREQ": ["DAILY"], "INTERVAL": [5]}, dt.time(20, 0)),
        8: ("lotion", {"FREQ": ["DAILY"]}, dt.time(21, 0)),
    }
    for cue, (summary, rule, time) in expect.items():
        e = evs.get(cue)
        if e is None:
            continue
        check(str(e["SUMMARY"]) == summary, f"cue {cue} SUMMARY {e['SUMMARY']!r}")
        got = {k: v for k, v in dict(e["RRULE"]).items() if k != "UNTIL"}
        check(got == rule, f"cue {cue} RRULE {dict(e['RRULE'])}")
        start = e["DTSTART"].dt
        check(isinstance(start, dt.datetime) and start.time() == time,
              f"cue {cue} DTSTART {start}")
        check(str(e["DTSTART"].params.get("TZID")) == zone, f"cue {cue} TZID")
        check(start.utcoffset() == start.replace(tzinfo=tz).utcoffset(),
              f"cue {cue} DTSTART offset {start.utcoffset()}")
        check(e["DURATION"].dt > dt.timedelta(0), f"cue {cue} DURATION")
        text = str(e["DESCRIPTION"])
        check(f"kint log {cue}" in text, f"cue {cue} DESCRIPTION {text!r}")
        check("I am open to learning new ways to cope" in text, f"cue {cue} intention")
        alarms = e.walk("VALARM")
        check(len(alarms) == 1, f"cue {cue}: {len(alarms)} alarms")
        for a in alarms:
            check(str(a["ACTION"]) == "DISPLAY", f"cue {cue} ACTION")
            check(a["TRIGGER"].dt == dt.timedelta(0), f"cue {cue} TRIGGER {a['TRIGGER'].dt}")
            check(str(a["DESCRIPTION"]) == summary, f"cue {cue} alarm text")
        check(str(e["TRANSP"]) == "TRANSPARENT", f"cue {cue} TRANSP")
        check(int(e["SEQUENCE"]) >= 0, f"cue {cue} SEQUENCE")
        check(isinstance(e["DTSTAMP"].dt, dt.datetime), f"cue {cue} DTSTAMP")

    # The days each rings on (in the zone's wall time).
    days = lambda cue, n: [d.strftime("%a %Y-%m-%d %H:%M") for d in first(evs[cue], n)]
    check(days(1, 3) == ["Mon 2026-11-02 07:30", "Tue 2026-11-03 07:30", "Wed 2026-11-04 07:30"],
          f"cue 1 days {days(1, 3)}")
    check(days(2, 4) == ["Mon 2026-11-02 18:00", "Wed 2026-11-04 18:00", "Fri 2026-11-06 18:00",
                         "Mon 2026-11-09 18:00"], f"cue 2 days {days(2, 4)}")
    check(days(3, 2) == ["Mon 2026-11-02 09:00", "Mon 2026-11-09 09:00"], f"cue 3 {days(3, 2)}")
    check(days(4, 3) == ["Mon 2026-11-02 20:00", "Sat 2026-11-07 20:00", "Thu 2026-11-12 20:00"],
          f"cue 4 days {days(4, 3)}")
    check("3 times this week" in str(evs[3]["DESCRIPTION"]), "cue 3 target")
    check("2 times in any 10 days" in str(evs[4]["DESCRIPTION"]), "cue 4 target")
    check("10 min" in str(evs[4]["DESCRIPTION"]), "cue 4 measure")
    check(evs[4]["DURATION"].dt == dt.timedelta(minutes=10), "cue 4 lasts its 10 min")
    # Paused on 2026-11-12: the last occurrence is the 11th.
    lotion = list(rrule.rrulestr(evs[8]["RRULE"].to_ical().decode(), dtstart=evs[8]["DTSTART"].dt))
    check(lotion[-1].strftime("%Y-%m-%d %H:%M") == "2026-11-11 21:00",
          f"cue 8 ends {lotion[-1]}")
    check(len(lotion) == 10, f"cue 8 rings {len(lotion)} times")


def check_edited(path, before):
    old, new = events(read(before)), events(read(path))
    check(sorted(old) == sorted(new), f"UIDs changed: {sorted(old)} -> {sorted(new)}")
    edited = by_cue(new)[1]
    start = edited["DTSTART"].dt
    check(start.strftime("%Y-%m-%d %H:%M") == "2026-11-20 08:00", f"cue 1 now {start}")
    check(int(edited["SEQUENCE"]) > int(by_cue(old)[1]["SEQUENCE"]), "cue 1 SEQUENCE")


def check_zone(path, zone):
    cal = read(path)
    vtz = cal.walk("VTIMEZONE")
    check(len(vtz) == 1 and str(vtz[0]["TZID"]) == zone, f"one VTIMEZONE {zone}")
    if failures:
        return
    ours = vtz[0].to_tz()
    real = zoneinfo.ZoneInfo(zone)
    # Every half hour of three years, and each change to the second (either side of it).
    def offsets(t):
        return t.astimezone(ours).utcoffset(), t.astimezone(real).utcoffset()

    step = dt.timedelta(minutes=30)
    t = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)
    end = dt.datetime(2029, 11, 1, tzinfo=dt.timezone.utc)
    changes = 0
    while t < end:
        got, want = offsets(t)
        check(got == want, f"{zone} at {t:%Y-%m-%d %H:%M}Z: {got}, zoneinfo {want}")
        if offsets(t - step)[1] != want:  # a change within (t - step, t]: find its second
            lo, hi = t - step, t
            while hi - lo > dt.timedelta(seconds=1):
                mid = lo + (hi - lo) / 2
                if offsets(mid)[1] == want:
                    hi = mid
                else:
                    lo = mid
            changes += 1
            for s in (lo, hi):
                got_s, want_s = offsets(s)
                check(got_s == want_s, f"{zone} at {s}: {got_s}, zoneinfo {want_s}")
        if failures:
            return
        t += step
    print(f"{zone}: {changes} changes agree")
    # The events' start is the zone's wall time.
    for e in cal.walk("VEVENT"):
        start = e["DTSTART"].dt
        check(start.utcoffset() == start.replace(tzinfo=real).utcoffset(), f"{zone} DTSTART")


def check_floating(path):
    with open(path, "rb") as f:
        check(b"TZID" not in f.read(), "a TZID in a floating calendar")
    for e in read(path).walk("VEVENT"):
        check(e["DTSTART"].dt.tzinfo is None, "DTSTART not floating")


def main():
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "events":
        check_events(path, sys.argv[3])
    elif mode == "edited":
        check_edited(path, sys.argv[3])
    elif mode == "zone":
        check_zone(path, sys.argv[3])
    elif mode == "floating":
        check_floating(path)
    else:
        sys.exit(f"unknown mode {mode}")
    for f in failures:
        print(f"check_ics {mode} {path}: {f}", file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
