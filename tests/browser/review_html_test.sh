#!/usr/bin/env bash
# kint review --format html in a real browser. Three weeks of use go into a temp store through the
# kint binary; headless Chromium then screenshots the page at phone and desktop width, serialises its
# DOM, prints it to PDF and measures it at 375 px. The page itself must never log to the console.
#
# Usage: review_html_test.sh path/to/kint   (or KINT=path/to/kint)
# CHROMIUM=path picks the browser; KINT_KEEP=1 keeps the temp dir (screenshots) and prints its path;
# KINT_SKIP_BROWSER=1 turns a missing browser into a skip (the page checks still run).
# Runs as root without a display: --no-sandbox, a private --user-data-dir, every run under timeout.
set -uo pipefail

kint=${1:-${KINT:-}}
[[ -n $kint && -x $kint ]] || { echo "usage: $0 path/to/kint" >&2; exit 2; }
kint=$(realpath "$kint")
browser=${CHROMIUM:-}
if [[ -n $browser ]] && ! browser=$(command -v "$browser"); then
  browser= # CHROMIUM names nothing runnable: as if no browser were installed
elif [[ -z $browser ]]; then
  for name in chromium chromium-browser google-chrome; do
    if command -v "$name" >/dev/null 2>&1; then browser=$(command -v "$name"); break; fi
  done
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kint-html.XXXXXX")
if [[ ${KINT_KEEP:-} == 1 ]]; then echo "# keeping $tmp"; else trap 'rm -rf "$tmp"' EXIT; fi
export KINT_DB="$tmp/data/kint.db" KINT_CONFIG="$tmp/config.toml" HOME="$tmp" NO_COLOR=1
export XDG_CONFIG_HOME="$tmp/.config" XDG_DATA_HOME="$tmp/.local/share" XDG_CACHE_HOME="$tmp/.cache"
unset KINT_NOW KINT_TODAY

passed=0 failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $1"; failed=$((failed + 1)); }
check() { # check "description" command...
  local what=$1; shift
  if "$@"; then ok "$what"; else not_ok "$what"; fi
}
finish() {
  echo "$passed passed, $failed failed"
  if ((failed == 0)); then exit 0; else exit 1; fi
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

# Three weeks of use; the reviewed week is 2026-11-09..15 ("last" week on Friday 2026-11-20).
k 2026-10-26 session add --note "first session"
k 2026-10-26 intent add "Meet the morning with breath, not the phone"
k 2026-10-26 cue add --after "I pour my morning coffee" --do "take three slow breaths" --at 08:00
k 2026-10-27 cue add --place "the bookshelf" --do "read one page" --days mon,wed,fri
moods_before=(4 5 5 4 5 6 5) energies_before=(4 4 5 4 4 5 4)
moods=(5 6 - 4 6 7 6) energies=(4 5 - 4 5 6 5)
for i in $(seq 0 17); do
  d=$(date -u -d "2026-11-02 +$i days" +%F)
  case $d in
    2026-11-10) k "$d" log 1 --slip --note "overslept, rushed out" ;;
    2026-11-13) k "$d" log 1 --skip --note "sick day" ;;
    2026-11-12) ;; # nothing logged: a missed day
    *) k "$d" log 1 ;;
  esac
  case $d in
    2026-11-09 | 2026-11-11 | 2026-11-15) k "$d" log 2 ;; # the Sunday is an extra day
    2026-11-12) k "$d" cue pause 2 ;;                     # Friday the 13th is paused
    2026-11-14) k "$d" cue resume 2 ;;
  esac
  if ((i < 7)); then
    k "$d" rate "${moods_before[$i]}" --energy "${energies_before[$i]}"
  elif ((i < 14)); then
    m=${moods[$((i - 7))]} e=${energies[$((i - 7))]}
    [[ $m != - ]] && k "$d" rate "$m" --energy "$e"
  fi
done
k 2026-11-11 log 1 --day 2026-11-11 --note "breathed before the first email"
k 2026-11-14 journal add 'Noticed the breath <script>console.error("injected")</script> & "quotes" before the email' --tag win
k 2026-11-12 journal add $'Mornings with the kids leave no gap.\nMaybe the bus stop instead?' --tag obstacle
# One long unbroken word: the page must still fit a phone.
k 2026-11-15 journal add "Remember_this_one_long_unbroken_line_of_text_that_a_phone_cannot_fit_on_one_row_at_all" --tag win

html="$tmp/review.html"
if KINT_TODAY=2026-11-20 "$kint" review --week last --format html --out "$html" 2>"$tmp/review.err"; then
  ok "kint review --week last --format html --out FILE exits 0"
else
  not_ok "kint review --format html: $(head -c 300 "$tmp/review.err")"
  finish
fi
check "review.html is written for the owner alone (0600)" test "$(stat -c %a "$html")" = 600
check "review.html starts with <!DOCTYPE html>" grep -q '^<!DOCTYPE html>' "$html"
check "review.html has a viewport meta for phones" grep -qF '<meta name="viewport" content="width=device-width, initial-scale=1">' "$html"
check "review.html forbids loading anything (Content-Security-Policy default-src 'none')" \
  grep -qF "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';" "$html"
check "the page asks for nothing from outside (no http(s)://, src=, href=, url(, @import, @font-face, <script, <link)" \
  bash -c "! grep -Eqi 'https?://|[[:space:]]src=|[[:space:]]href=|url\(|@import|@font-face|<script|<link' '$html'"
check "the page has print rules" grep -qF '@media print' "$html"
check "the journal's <script>, & and quotes are escaped" \
  grep -qF 'Noticed the breath &lt;script&gt;console.error(&quot;injected&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;' "$html"
check "the same store and day give the same bytes" \
  bash -c "KINT_TODAY=2026-11-20 '$kint' review --week last --format html | cmp -s - '$html'"

if [[ -z $browser ]]; then
  if [[ ${KINT_SKIP_BROWSER:-} == 1 ]]; then
    echo "# chromium not found; KINT_SKIP_BROWSER=1, browser checks skipped"
    finish
  fi
  not_ok "chromium not found: install it (apt-get install -y chromium) or set KINT_SKIP_BROWSER=1"
  finish
fi

runs=0
chrome() { # chrome ARGS... : one bounded headless run with its own profile, console to stderr
  runs=$((runs + 1))
  timeout -k 5 60 "$browser" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --no-first-run --no-default-browser-check --disable-extensions --disable-sync \
    --disable-background-networking --disable-component-update --disable-default-apps \
    --user-data-dir="$tmp/profile-$runs" --enable-logging=stderr --v=0 "$@"
}
# WIDTHxHEIGHT from a PNG's header, or "not a PNG".
png_size() {
  local hex
  hex=$(head -c 24 "$1" 2>/dev/null | od -An -tx1 -v | tr -d ' \n')
  if [[ $hex =~ ^89504e470d0a1a0a0000000d49484452([0-9a-f]{8})([0-9a-f]{8})$ ]]; then
    echo "$((16#${BASH_REMATCH[1]}))x$((16#${BASH_REMATCH[2]}))"
  else
    echo "not a PNG"
  fi
}
# Console lines Chromium writes for the page: console.*, uncaught exceptions, CSP violations.
console_of() { grep -E 'CONSOLE|Uncaught' "$1"; }

# The console check must be able to fail: a page that logs and throws is caught.
cat >"$tmp/canary.html" <<'HTML'
<!DOCTYPE html><html><body><script>console.error("kint-canary"); throw new Error("kint-canary-throw")</script></body></html>
HTML
chrome --dump-dom "file://$tmp/canary.html" >/dev/null 2>"$tmp/canary.err"
check "the console check sees a page's console.error and uncaught exception" \
  bash -c "grep -q 'kint-canary' '$tmp/canary.err' && grep -q 'Uncaught Error: kint-canary-throw' '$tmp/canary.err'"

for width in 390 1200; do
  shot="$tmp/shot-$width.png"
  chrome --screenshot="$shot" --window-size="$width,2000" --hide-scrollbars "file://$html" \
    >"$tmp/shot-$width.out" 2>"$tmp/shot-$width.err"
  rc=$?
  check "chromium screenshot at width $width exits 0 (got $rc)" test "$rc" -eq 0
  size=$(stat -c %s "$shot" 2>/dev/null || echo 0)
  check "screenshot at width $width is a ${width}x2000 PNG over 20 KB (got $(png_size "$shot"), $size bytes)" \
    test "$(png_size "$shot")" = "${width}x2000" -a "$size" -gt 20480
  if console_of "$tmp/shot-$width.err" >"$tmp/console-$width.txt"; then
    not_ok "no console messages at width $width: $(head -c 400 "$tmp/console-$width.txt")"
  else
    ok "no console messages at width $width"
  fi
done

chrome --dump-dom "file://$html" >"$tmp/dom.html" 2>"$tmp/dom.err"
rc=$?
check "chromium --dump-dom exits 0 (got $rc)" test "$rc" -eq 0
if console_of "$tmp/dom.err" >"$tmp/console-dom.txt"; then
  not_ok "no console messages while loading the page: $(head -c 400 "$tmp/console-dom.txt")"
else
  ok "no console messages while loading the page (no CSP violation, no script)"
fi
has() { grep -qF -- "$1" "$tmp/dom.html"; }
count() { grep -oF -- "$1" "$tmp/dom.html" | wc -l; }
check "the title is there" has "<h1>Your weekly review</h1>"
check "the period is named" has 'week 2026-W46'
check "the intention, marked as the focus" has 'Meet the morning with breath, not the phone<span class="tag">focus</span>'
check "the headings: intentions, mood and energy, cues, wins, obstacles, where you are, week ahead" \
  bash -c "for h in 'Your intentions' 'Mood and energy' 'Your cues' Wins Obstacles 'Where you are' 'For the week ahead'; do
             grep -qF \">\$h</h2>\" '$tmp/dom.html' || { echo \"  missing: \$h\"; exit 1; }; done"
check "the chart is an inline SVG with its title" has '<svg class="chart" viewBox='
check "the chart has one mood point per rated day (6, got $(count 'class="pt-mood" data-day='))" \
  test "$(count 'class="pt-mood" data-day=')" -eq 6
check "the chart has one energy point per rated day (6, got $(count 'class="pt-energy" data-day='))" \
  test "$(count 'class="pt-energy" data-day=')" -eq 6
check "the chart leaves Wednesday unrated (no point on 2026-11-11)" bash -c "! grep -qF 'data-day=\"2026-11-11\" cx=' '$tmp/dom.html'"
check "the chart draws lines through the ratings" has '<polyline class="line mood" points='
check "mood stats with the week before" has 'average 5.7 · range 4–7 · 6 of 7 days rated · the week before: 4.9'
check "energy stats with the week before" has 'average 4.8 · range 4–6 · 6 of 7 days rated · the week before: 4.3'
check "cue 1: its trigger and behavior" bash -c "grep -qF 'after I pour my morning coffee' '$tmp/dom.html' && grep -qF '<h3>take three slow breaths</h3>' '$tmp/dom.html'"
check "cue 1: daily at 08:00, week 3 of its life" has 'cue #1 · daily at 08:00 · week 3 · '
check "cue 1: done 4 of 7, consistency 67%" \
  has '<dt>Done</dt><dd><b>4</b> of 7 scheduled days</dd></div><div><dt>Consistency</dt><dd><b>67%</b>'
check "cue 1: one comeback, in words" has 'You came back once after a slip or a miss. Returning is what counts.'
check "cue 1: the calendar's slip, miss and skip" \
  bash -c "grep -qF 'class=\"m-slip\" data-day=\"2026-11-10\"' '$tmp/dom.html' &&
           grep -qF 'class=\"m-missed\" data-day=\"2026-11-12\"' '$tmp/dom.html' &&
           grep -qF 'class=\"m-skip\" data-day=\"2026-11-13\"' '$tmp/dom.html'"
check "cue 2: the calendar's paused Friday and extra Sunday" \
  bash -c "grep -qF 'class=\"m-paused\" data-day=\"2026-11-13\"' '$tmp/dom.html' &&
           grep -qF 'class=\"m-extra\" data-day=\"2026-11-15\"' '$tmp/dom.html'"
check "cue 2: done 2 of 2, consistency 100%" \
  has '<dt>Done</dt><dd><b>2</b> of 2 scheduled days</dd></div><div><dt>Consistency</dt><dd><b>100%</b>'
check "14 calendar days in all (7 per cue)" test "$(grep -oE '<li class="m-[a-z_]+" data-day=' "$tmp/dom.html" | wc -l)" -eq 14
check "each cue has its trail strength and a suggestion in words" \
  test "$(count '<dt>Trail strength</dt>')" -eq 2 -a "$(count '<div class="suggest"><b>Suggestion: ')" -eq 2
check "the habit phase's guidance" has '<p class="phase-note">'
check "the notes on log entries are wins and obstacles" \
  bash -c "grep -qF 'breathed before the first email' '$tmp/dom.html' && grep -qF 'overslept, rushed out' '$tmp/dom.html'"
check "the journal win reads as text, not as a script" has '&lt;script&gt;console.error("injected")&lt;/script&gt; &amp; "quotes"'
check "no <script> element reached the DOM" bash -c "! grep -qi '<script' '$tmp/dom.html'"
check "the integration timeline: day 20 after the session" has 'day 20 after your session on'
check "prompts for the week ahead" bash -c "grep -qF '<ol class=\"card prompts\"><li>' '$tmp/dom.html'"
check "no safety note without a low-mood run" bash -c "! grep -q 'class=\"safety\"' '$tmp/dom.html'"
check "the voice stays kind (no failed, broken, streak)" bash -c "! grep -Eqiw 'fail|failed|failure|broken|streak|streaks' '$tmp/dom.html'"

# Nothing wider than a 375 px phone: a test-only page (it may run script, the review may not)
# measures the review in a 375 px frame. File pages share an origin only with this flag.
cat >"$tmp/fit.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
<iframe id="f" src="review.html" style="width:375px;height:12000px;border:0"></iframe>
<p id="result">fit: not measured;</p>
<script>
window.addEventListener("load", () => {
  const doc = document.getElementById("f").contentDocument, root = doc.documentElement;
  const wider = [...doc.body.querySelectorAll("*")]
    .filter(e => e.getBoundingClientRect().right > root.clientWidth + 0.5)
    .map(e => e.tagName.toLowerCase() + "." + (e.getAttribute("class") || ""));
  document.getElementById("result").textContent = "fit: width " + root.clientWidth + " scroll " +
    root.scrollWidth + " wider [" + wider.slice(0, 5).join(" ") + "];";
});
</script></body></html>
HTML
chrome --allow-file-access-from-files --dump-dom "file://$tmp/fit.html" >"$tmp/fit-dom.html" 2>"$tmp/fit.err"
fit=$(grep -o 'fit: [^;]*;' "$tmp/fit-dom.html" | head -n 1)
check "no horizontal scroll at 375 px (${fit:-no result})" \
  bash -c "[[ '$fit' =~ ^fit:\ width\ 375\ scroll\ 375\ wider\ \[\]\;$ ]]"

# Printable: Chromium prints it to a PDF of a few pages.
chrome --no-pdf-header-footer --print-to-pdf="$tmp/review.pdf" "file://$html" >/dev/null 2>"$tmp/pdf.err"
pages=$(grep -a '^/Count ' "$tmp/review.pdf" 2>/dev/null | head -n 1 | tr -dc 0-9)
check "the page prints to a PDF of 2 to 6 pages (got ${pages:-none})" \
  bash -c "head -c 5 '$tmp/review.pdf' | grep -q '%PDF-' && ((${pages:-0} >= 2 && ${pages:-0} <= 6))"
if console_of "$tmp/pdf.err" >"$tmp/console-pdf.txt"; then
  not_ok "no console messages while printing: $(head -c 400 "$tmp/console-pdf.txt")"
else
  ok "no console messages while printing"
fi

# A low-mood run in the reviewed week: the note comes first, plainly, with the configured contact.
for d in 2026-11-16 2026-11-17 2026-11-18; do k "$d" rate 2; done
if KINT_TODAY=2026-11-20 "$kint" review --week this --format html --out "$tmp/low.html" 2>"$tmp/low.err"; then
  ok "kint review --week this --format html with a low-mood run exits 0"
else
  not_ok "kint review --week this --format html: $(head -c 300 "$tmp/low.err")"
fi
chrome --screenshot="$tmp/low-390.png" --window-size=390,1200 --hide-scrollbars "file://$tmp/low.html" \
  >/dev/null 2>"$tmp/low-shot.err"
check "screenshot of the safety note at width 390" test -s "$tmp/low-390.png"
chrome --dump-dom "file://$tmp/low.html" >"$tmp/low-dom.html" 2>"$tmp/low-dom.err"
offset() { grep -obF -- "$1" "$2" | head -n 1 | cut -d: -f1; }
safety_at=$(offset 'class="safety"' "$tmp/low-dom.html")
title_at=$(offset '<h1>' "$tmp/low-dom.html")
first_tag=$(tr -d '\n' <"$tmp/low-dom.html" | grep -oE '<main>[[:space:]]*<[a-z]+' | grep -oE '<[a-z]+$')
check "the safety note comes before the title (note at ${safety_at:-none}, title at ${title_at:-none})" \
  test -n "$safety_at" -a -n "$title_at" -a "${safety_at:-0}" -lt "${title_at:-0}"
check "the safety note is the first thing in <main> (got ${first_tag:-nothing})" test "$first_tag" = "<aside"
check "the safety note names the run of days" \
  grep -qF 'Your mood has been 3 or lower for 3 days in a row' "$tmp/low-dom.html"
check "the safety note shows the configured contact, escaped" \
  grep -qF "Dr. Rivera&#39;s clinic &amp; on-call line: 555-0100" "$tmp/low.html"
check "the browser reads the contact back as text" \
  grep -qF "Dr. Rivera's clinic &amp; on-call line: 555-0100" "$tmp/low-dom.html"
if console_of "$tmp/low-dom.err" >"$tmp/console-low.txt"; then
  not_ok "no console messages on the safety page: $(head -c 400 "$tmp/console-low.txt")"
else
  ok "no console messages on the safety page"
fi
# A month (review --month): weeks as rows with month names, and still no sideways scroll at 375 px.
if KINT_TODAY=2026-12-02 "$kint" review --month last --format html --out "$tmp/month.html" 2>"$tmp/month.err"; then
  ok "kint review --month last --format html exits 0"
else
  not_ok "kint review --month last --format html: $(head -c 300 "$tmp/month.err")"
fi
chrome --screenshot="$tmp/month-390.png" --window-size=390,3000 --hide-scrollbars "file://$tmp/month.html" \
  >/dev/null 2>"$tmp/month-shot.err"
check "screenshot of the month at width 390" test -s "$tmp/month-390.png"
chrome --dump-dom "file://$tmp/month.html" >"$tmp/month-dom.html" 2>"$tmp/month-dom.err"
check "the month is named in the title" grep -qF '<h1>Your review · November 2026</h1>' "$tmp/month-dom.html"
check "the month's calendar names the month" grep -qF '<span class="dn mon">1 Nov</span>' "$tmp/month-dom.html"
check "each cue has its weeks" test "$(grep -oF '<table class="weeks">' "$tmp/month-dom.html" | wc -l)" -ge 3
if console_of "$tmp/month-dom.err" >"$tmp/console-month.txt"; then
  not_ok "no console messages on the month page: $(head -c 400 "$tmp/console-month.txt")"
else
  ok "no console messages on the month page"
fi
sed 's/src="review.html"/src="month.html"/' "$tmp/fit.html" >"$tmp/fit-month.html"
chrome --allow-file-access-from-files --dump-dom "file://$tmp/fit-month.html" >"$tmp/fit-month-dom.html" 2>"$tmp/fit-month.err"
fit=$(grep -o 'fit: [^;]*;' "$tmp/fit-month-dom.html" | head -n 1)
check "the month: no horizontal scroll at 375 px (${fit:-no result})" \
  bash -c "[[ '$fit' =~ ^fit:\ width\ 375\ scroll\ 375\ wider\ \[\]\;$ ]]"
finish
