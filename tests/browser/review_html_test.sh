#!/usr/bin/env bash
# kint review --format html in a real browser: a week of data through the kint binary, then headless
# Chromium renders the page (screenshot) and serialises its DOM. Usage: KINT=path/to/kint $0
# Chromium is required; KINT_SKIP_BROWSER=1 skips the browser checks (the page is still written).
set -uo pipefail

kint=${KINT:?set KINT to the kint binary}
browser=${CHROMIUM:-}
if [[ -z $browser ]]; then
  for name in chromium chromium-browser google-chrome; do
    if command -v "$name" >/dev/null 2>&1; then browser=$(command -v "$name"); break; fi
  done
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kint-html.XXXXXX")
[[ ${KINT_KEEP:-} == 1 ]] || trap 'rm -rf "$tmp"' EXIT
export KINT_DB="$tmp/data/kint.db" KINT_CONFIG="$tmp/config.toml" HOME="$tmp" NO_COLOR=1
unset KINT_NOW

passed=0 failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $1"; failed=$((failed + 1)); }
check() { # check "description" command...
  local what=$1; shift
  if "$@"; then ok "$what"; else not_ok "$what"; fi
}
finish() {
  echo "$passed passed, $failed failed"
  ((failed == 0))
  exit $?
}
# Runs kint on a given day; any failure ends the test with its stderr.
k() {
  local day=$1; shift
  if ! KINT_TODAY=$day "$kint" "$@" >/dev/null 2>"$tmp/kint.err"; then
    not_ok "kint $* (on $day): $(head -c 300 "$tmp/kint.err")"
    finish
  fi
}

cat >"$KINT_CONFIG" <<'TOML'
[safety]
contact = "Dr. Rivera's clinic & on-call line: 555-0100"
TOML

# Two weeks of use before the reviewed week (2026-11-09..15, "last" week on Friday 2026-11-20).
k 2026-10-26 session add --note "first session"
k 2026-10-26 intent add "Meet the morning with breath, not the phone"
k 2026-10-26 cue add --after "I pour my morning coffee" --do "take three slow breaths" --at 08:00
k 2026-10-27 cue add --place "the bookshelf" --do "read one page" --days mon,wed,fri
moods=(5 6 - 4 6 7 6)
energies=(4 5 - 4 5 6 5)
for i in $(seq 0 17); do
  d=$(date -u -d "2026-11-02 +$i days" +%F)
  case $d in
    2026-11-10) k "$d" log 1 --slip --note "overslept, rushed out" ;;
    2026-11-13) k "$d" log 1 --skip --note "sick day" ;;
    2026-11-12) ;; # nothing logged: a missed day
    *) k "$d" log 1 ;;
  esac
  case $d in 2026-11-09 | 2026-11-11 | 2026-11-15) k "$d" log 2 ;; esac
  if ((i >= 7 && i < 14)); then
    m=${moods[$((i - 7))]} e=${energies[$((i - 7))]}
    [[ $m != - ]] && k "$d" rate "$m" --energy "$e"
  fi
done
k 2026-11-11 log 1 --day 2026-11-11 --note "breathed before the first email"
k 2026-11-14 journal add 'Noticed the breath <script>console.error("injected")</script> before the email' --tag win
k 2026-11-12 journal add "Mornings with the kids leave no gap." --tag obstacle

export KINT_TODAY=2026-11-20
html="$tmp/review.html"
if KINT_TODAY=2026-11-20 "$kint" review --week last --format html --out "$html" 2>"$tmp/review.err"; then
  ok "kint review --week last --format html --out FILE exits 0"
else
  not_ok "kint review --format html: $(head -c 300 "$tmp/review.err")"
  finish
fi
check "review.html starts with <!DOCTYPE html>" grep -q '^<!DOCTYPE html>' "$html"
check "the page asks for nothing from outside (no http(s)://, src=, href=, <script, <link)" \
  bash -c "! grep -Eqi 'https?://|[[:space:]]src=|[[:space:]]href=|<script|<link' '$html'"
check "the journal's <script> is escaped" grep -q '&lt;script&gt;console.error' "$html"

if [[ -z $browser ]]; then
  if [[ ${KINT_SKIP_BROWSER:-} == 1 ]]; then
    echo "# chromium not found; KINT_SKIP_BROWSER=1, browser checks skipped"
    finish
  fi
  not_ok "chromium not found: install it (apt-get install -y chromium) or set KINT_SKIP_BROWSER=1"
  finish
fi

chrome() { # chrome PROFILE ARGS... : one bounded headless run
  local profile=$1; shift
  timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/$profile" --enable-logging=stderr --v=0 "$@"
}

for width in 420 1200; do
  shot="$tmp/shot-$width.png"
  chrome "profile-$width" --screenshot="$shot" --window-size="$width,2000" "file://$html" \
    >"$tmp/shot-$width.out" 2>"$tmp/shot-$width.err"
  rc=$?
  check "chromium screenshot at width $width exits 0 (got $rc)" test "$rc" -eq 0
  size=$(stat -c %s "$shot" 2>/dev/null || echo 0)
  check "screenshot at width $width is a PNG over 10 KB ($size bytes)" \
    bash -c "[[ $size -gt 10240 ]] && head -c 8 '$shot' | od -An -tx1 | grep -q '89 50 4e 47'"
  if grep -E 'CONSOLE|Uncaught' "$tmp/shot-$width.err" >"$tmp/console-$width.txt"; then
    not_ok "no console errors at width $width: $(head -c 400 "$tmp/console-$width.txt")"
  else
    ok "no console errors or uncaught exceptions at width $width"
  fi
done

chrome profile-dom --dump-dom "file://$html" >"$tmp/dom.html" 2>"$tmp/dom.err"
rc=$?
check "chromium --dump-dom exits 0 (got $rc)" test "$rc" -eq 0
has() { grep -qF -- "$1" "$tmp/dom.html"; }
check "the DOM holds the cue's behavior" has "take three slow breaths"
check "the DOM holds the second cue's behavior" has "read one page"
check "the DOM holds the Wins section" has ">Wins</h2>"
check "the DOM holds the journal win as text, not as a script" has "&lt;script&gt;console.error"
check "the DOM holds no injected <script> element" bash -c "! grep -qi '<script' '$tmp/dom.html'"
check "the DOM holds the mood chart's title" has "<title id=\"chart-title\">Mood and energy"
check "the chart draws lines through the ratings" has "<polyline class=\"line mood\" points="
check "the DOM holds the intention" has "Meet the morning with breath, not the phone"
check "the DOM holds the prompts for the week ahead" has "For the week ahead"
check "the safety note is absent without a low-mood run" bash -c "! grep -q 'class=\"safety\"' '$tmp/dom.html'"
if grep -E 'CONSOLE|Uncaught' "$tmp/dom.err" >"$tmp/console-dom.txt"; then
  not_ok "no console errors while loading the DOM: $(head -c 400 "$tmp/console-dom.txt")"
else
  ok "no console errors while loading the DOM"
fi

# A low-mood run in the reviewed week: the note comes first, with the configured contact.
for d in 2026-11-16 2026-11-17 2026-11-18; do k "$d" rate 2; done
if KINT_TODAY=2026-11-20 "$kint" review --week this --format html --out "$tmp/low.html" 2>"$tmp/low.err"; then
  ok "kint review --week this --format html with a low-mood run exits 0"
else
  not_ok "kint review --week this --format html: $(head -c 300 "$tmp/low.err")"
fi
chrome profile-low --dump-dom "file://$tmp/low.html" >"$tmp/low-dom.html" 2>"$tmp/low-dom.err"
offset() { grep -obF -- "$1" "$2" | head -n 1 | cut -d: -f1; }
safety_at=$(offset 'class="safety"' "$tmp/low-dom.html")
title_at=$(offset '<h1>' "$tmp/low-dom.html")
check "the safety note comes before the title (note at ${safety_at:-none}, title at ${title_at:-none})" \
  test -n "$safety_at" -a -n "$title_at" -a "${safety_at:-0}" -lt "${title_at:-0}"
check "the safety note shows the configured contact, escaped" \
  grep -qF "Dr. Rivera&#39;s clinic &amp; on-call line: 555-0100" "$tmp/low.html"
check "the browser reads the contact back as text" \
  grep -qF "Dr. Rivera's clinic &amp; on-call line: 555-0100" "$tmp/low-dom.html"
finish
