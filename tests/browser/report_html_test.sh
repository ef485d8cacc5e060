#!/usr/bin/env bash
# kint report's HTML in a real browser: the handout for a session, printed. Five weeks of use go
# into a temp store through the kint binary; headless Chromium loads the page (no console message),
# measures it at 400 px (no sideways scroll) and prints it to PDF; pdftotext then reads the PDF page
# by page to prove that no card (a cue, a rating, a journal entry, a session) is split across pages.
#
# Usage: report_html_test.sh path/to/kint   (or KINT=path/to/kint)
# CHROMIUM=path picks the browser; KINT_KEEP=1 keeps the temp dir (PDF, screenshots) and prints its
# path; KINT_SKIP_BROWSER=1 turns a missing browser into a skip (the page checks still run).
set -uo pipefail

kint=${1:-${KINT:-}}
[[ -n $kint && -x $kint ]] || { echo "usage: $0 path/to/kint" >&2; exit 2; }
kint=$(realpath "$kint")
browser=${CHROMIUM:-}
if [[ -n $browser ]] && ! browser=$(command -v "$browser"); then
  browser=
elif [[ -z $browser ]]; then
  for name in chromium chromium-browser google-chrome; do
    if command -v "$name" >/dev/null 2>&1; then browser=$(command -v "$name"); break; fi
  done
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kint-report.XXXXXX")
if [[ ${KINT_KEEP:-} == 1 ]]; then echo "# keeping $tmp"; else trap 'rm -rf "$tmp"' EXIT; fi
export KINT_DB="$tmp/data/kint.db" KINT_CONFIG="$tmp/config.toml" HOME="$tmp" NO_COLOR=1
export XDG_CONFIG_HOME="$tmp/.config" XDG_DATA_HOME="$tmp/.local/share" XDG_CACHE_HOME="$tmp/.cache"
unset KINT_NOW KINT_TODAY

passed=0 failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $1"; failed=$((failed + 1)); }
check() {
  local what=$1; shift
  if "$@"; then ok "$what"; else not_ok "$what"; fi
}
finish() {
  echo "$passed passed, $failed failed"
  if ((failed == 0)); then exit 0; else exit 1; fi
}
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

k 2026-10-01 session add --note "first session"
k 2026-10-01 intent add "Meet the morning with breath, not the phone"
k 2026-10-01 cue add --after "I pour my morning coffee" --do "take three slow breaths"
k 2026-10-01 cue add --place "the bookshelf" --do "read one page" --days mon,wed,fri
k 2026-10-16 session add --note $'We talked about mornings.\nTry the bus stop instead.'
for i in $(seq 0 34); do
  d=$(date -u -d "2026-10-16 +$i days" +%F)
  if ((i % 5 == 3)); then k "$d" log 1 --slip --note "overslept"; else k "$d" log 1; fi
  case $(date -u -d "$d" +%u) in 1 | 3 | 5) k "$d" log 2 ;; esac
  mood=$((4 + i % 4)); ((i >= 20 && i <= 22)) && mood=2
  k "$d" rate "$mood" --energy $((3 + i % 5)) --note "day $i, a few words about it"
  # Journal entries of a few lines each, with a marker at both ends: card-N-begin, card-N-end.
  if ((i % 2 == 0)); then
    k "$d" journal add --prompt quick.1 --tag insight \
      "card-$i-begin"$'\nSomething I noticed this morning.\nThe coffee was cold.\nI breathed anyway.\nThe bus was late.\nI read a page.\nIt was enough.\nTomorrow again.\n'"card-$i-end"
  fi
done
k 2026-10-25 cue step 1 "take five slow breaths" --note "three felt easy"
# One long unbroken word: the page must still fit a phone.
k 2026-11-10 journal add "Remember_this_one_long_unbroken_line_of_text_that_a_phone_cannot_fit_on_one_row_at_all"
k 2026-11-12 journal add 'A <script>console.error("injected")</script> & "quotes"'

html="$tmp/report.html"
if KINT_TODAY=2026-11-19 "$kint" report --since-session --out "$html" 2>"$tmp/report.err"; then
  ok "kint report --since-session --out report.html exits 0"
else
  not_ok "kint report --out report.html: $(head -c 300 "$tmp/report.err")"
  finish
fi
check "report.html is HTML (the .html name picks the format)" grep -q '^<!DOCTYPE html>' "$html"
check "report.html is written for the owner alone (0600)" test "$(stat -c %a "$html")" = 600
check "the page asks for nothing from outside (no http(s)://, src=, href=, url(, @import, <script, <link)" \
  bash -c "! grep -Eqi 'https?://|[[:space:]]src=|[[:space:]]href=|url\(|@import|@font-face|<script|<link' '$html'"
check "the page has print rules: @page margins, cards kept whole, headings kept with what follows" \
  bash -c "grep -qF '@page{margin' '$html' && grep -qF 'break-inside:avoid' '$html' && grep -qF 'break-after:avoid' '$html'"
check "the journal's <script>, & and quotes are escaped" \
  grep -qF 'A &lt;script&gt;console.error(&quot;injected&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;' "$html"

if [[ -z $browser ]]; then
  if [[ ${KINT_SKIP_BROWSER:-} == 1 ]]; then
    echo "# chromium not found; KINT_SKIP_BROWSER=1, browser checks skipped"
    finish
  fi
  not_ok "chromium not found: install it (apt-get install -y chromium) or set KINT_SKIP_BROWSER=1"
  finish
fi

runs=0
chrome() {
  runs=$((runs + 1))
  timeout -k 5 60 "$browser" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --no-first-run --no-default-browser-check --disable-extensions --disable-sync \
    --disable-background-networking --disable-component-update --disable-default-apps \
    --user-data-dir="$tmp/profile-$runs" --enable-logging=stderr --v=0 "$@"
}
console_of() { grep -E 'CONSOLE|Uncaught' "$1"; }

chrome --dump-dom "file://$html" >"$tmp/dom.html" 2>"$tmp/dom.err"
check "chromium --dump-dom exits 0" test -s "$tmp/dom.html"
if console_of "$tmp/dom.err" >"$tmp/console-dom.txt"; then
  not_ok "no console messages while loading the page: $(head -c 400 "$tmp/console-dom.txt")"
else
  ok "no console messages while loading the page"
fi
offset() { grep -obF -- "$1" "$tmp/dom.html" | head -n 1 | cut -d: -f1; }
order_ok() { # the strings appear in this order in the DOM
  local last=-1 at
  for part in "$@"; do
    at=$(offset "$part")
    [[ -n $at ]] && ((at > last)) || { echo "  out of order or missing: $part"; return 1; }
    last=$at
  done
}
check "safety first, then the title, intentions, cues, ratings, journal, sessions" \
  order_ok 'class="safety"' 'Your mood has been 3 or lower for 3 days in a row' '<h1>' \
    '>Intentions</h2>' '>Cues</h2>' 'take five slow breaths' '>Ratings</h2>' '>Journal</h2>' \
    'Answering: What wants more of my time this week?' '>Sessions</h2>' 'Try the bus stop instead.'
check "the step change with its note" bash -c "grep -qF 'take five slow breaths' '$tmp/dom.html' && grep -qF '(before: take three slow breaths)' '$tmp/dom.html' && grep -qF 'three felt easy' '$tmp/dom.html'"
check "no <script> element reached the DOM" bash -c "! grep -qi '<script' '$tmp/dom.html'"
check "the voice stays kind (no failed, broken, streak)" bash -c "! grep -Eqiw 'fail|failed|failure|broken|streak|streaks' '$tmp/dom.html'"

chrome --screenshot="$tmp/shot-400.png" --window-size=400,2400 --hide-scrollbars "file://$html" \
  >/dev/null 2>"$tmp/shot.err"
check "a screenshot at 400 px" test -s "$tmp/shot-400.png"

cat >"$tmp/fit.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
<iframe id="f" src="report.html" style="width:400px;height:30000px;border:0"></iframe>
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
check "no sideways scroll at 400 px (${fit:-no result})" \
  bash -c "[[ '$fit' =~ ^fit:\ width\ 400\ scroll\ 400\ wider\ \[\]\;$ ]]"

chrome --no-pdf-header-footer --print-to-pdf="$tmp/report.pdf" "file://$html" >/dev/null 2>"$tmp/pdf.err"
check "the page prints to a PDF" bash -c "head -c 5 '$tmp/report.pdf' | grep -q '%PDF-'"
if console_of "$tmp/pdf.err" >"$tmp/console-pdf.txt"; then
  not_ok "no console messages while printing: $(head -c 400 "$tmp/console-pdf.txt")"
else
  ok "no console messages while printing"
fi
if ! command -v pdftotext >/dev/null 2>&1; then
  not_ok "pdftotext not found: install poppler-utils to check the printed pages"
  finish
fi
pages=$(pdfinfo "$tmp/report.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
check "the handout runs to several pages (got ${pages:-none})" test "${pages:-0}" -ge 3
# Every card's two ends on one page: a journal entry's markers, card-N-begin and card-N-end.
# split_cards PDF NAME: the cards whose ends are on different pages (or missing), one a line.
split_cards() {
  local pdf=$1 name=$2 n b e
  n=$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
  for p in $(seq 1 "${n:-0}"); do
    pdftotext -layout -f "$p" -l "$p" "$pdf" "$tmp/$name-$p.txt" 2>/dev/null
  done
  for i in $(seq 0 2 34); do
    b=$(grep -lF -- "card-$i-begin" "$tmp/$name"-*.txt 2>/dev/null | head -n 1)
    e=$(grep -lF -- "card-$i-end" "$tmp/$name"-*.txt 2>/dev/null | head -n 1)
    [[ -n $b && $b == "$e" ]] || echo "card-$i (${b##*/} / ${e##*/})"
  done
}
split=$(split_cards "$tmp/report.pdf" page)
check "no journal card is split across pages${split:+: $(echo $split)}" test -z "$split"
# The check can fail: the same page without its break-inside rules splits some card.
sed 's/break-inside:avoid;page-break-inside:avoid//g; s/break-inside:avoid//g' "$html" >"$tmp/canary.html"
chrome --no-pdf-header-footer --print-to-pdf="$tmp/canary.pdf" "file://$tmp/canary.html" >/dev/null 2>&1
check "the split check sees a split card when the print rules are taken away" \
  test -n "$(split_cards "$tmp/canary.pdf" canary)"
page_of() { grep -lF -- "$1" "$tmp"/page-*.txt 2>/dev/null | head -n 1; }
split=()
for i in $(seq 0 34); do
  b=$(page_of "day $i, a few words about it")
  [[ -n $b ]] || split+=("rating $i")
done
check "every rating's note is on a page whole${split:+ (not found: ${split[*]})}" test "${#split[@]}" -eq 0
b=$(page_of 'after I pour my morning coffee') e=$(page_of '(before:')
check "the first cue card is on one page (${b##*/} / ${e##*/})" test -n "$b" -a "$b" = "$e"
finish
