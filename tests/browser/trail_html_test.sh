#!/usr/bin/env bash
# kint trail --format html in a real browser. Two years of a cue (and a younger one) go into a temp
# store through the kint binary; headless Chromium screenshots the page at 400 px, measures it for
# sideways scroll at 400 px and prints it to PDF. The page itself must never log to the console.
#
# Usage: trail_html_test.sh path/to/kint   (or KINT=path/to/kint)
# CHROMIUM=path picks the browser; KINT_KEEP=1 keeps the temp dir (screenshots) and prints its path;
# KINT_SKIP_BROWSER=1 turns a missing browser into a skip (the page checks still run).
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

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kint-trail.XXXXXX")
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

# Two years of a daily cue: done most days, a slip now and then, a pause, a step and two sessions;
# the mood rated most days. One import would be quicker; the real commands are what people run.
k 2024-11-01 intent add "Meet the morning with breath"
k 2024-11-01 cue add --after "I pour my morning coffee" --do "take three slow breaths"
k 2026-06-01 cue add --if "I feel <anger> & rush" --do "breathe out slowly"
{
  for i in $(seq 0 749); do
    d=$(date -u -d "2024-11-01 +$i days" +%F)
    if ((i % 6 == 4)); then echo "log 1 --day $d --slip"; elif ((i % 9 != 3)); then echo "log 1 --day $d"; fi
    ((i % 5 != 1)) && echo "rate $((3 + (i * 7) % 6)) --day $d"
    ((i > 578 && i % 13 == 0)) && echo "log 2 --day $d"
  done
} >"$tmp/commands"
while read -r -a args; do k 2026-11-20 "${args[@]}"; done <"$tmp/commands"
k 2025-03-01 cue pause 1
k 2025-03-15 cue resume 1
k 2025-09-01 cue step 1 "take five slow breaths" --note "three felt easy"
k 2026-11-20 session add 2025-05-14 --note "first session"
k 2026-11-20 session add 2026-02-10 --note "looked at the mornings"

html="$tmp/trail.html"
if KINT_TODAY=2026-11-20 "$kint" trail --format html --out "$html" 2>"$tmp/trail.err"; then
  ok "kint trail --format html --out FILE exits 0"
else
  not_ok "kint trail --format html: $(head -c 300 "$tmp/trail.err")"
  finish
fi
check "trail.html is written for the owner alone (0600)" test "$(stat -c %a "$html")" = 600
check "trail.html starts with <!DOCTYPE html>" grep -q '^<!DOCTYPE html>' "$html"
check "trail.html forbids loading anything (Content-Security-Policy default-src 'none')" \
  grep -qF "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';" "$html"
check "the page asks for nothing from outside" \
  bash -c "! grep -Eqi 'https?://[^\"]|[[:space:]]src=|[[:space:]]href=|url\(|@import|@font-face|<script|<link' '$html'"
check "the page has print rules that keep cards whole" \
  bash -c "grep -qF '@media print' '$html' && grep -qF 'break-inside:avoid' '$html'"
check "the cue's trigger is escaped" grep -qF 'if I feel &lt;anger&gt; &amp; rush' "$html"
check "heatmap blocks of half a year: five for the older cue, one or two for the younger" \
  test "$(grep -oF '<svg class="heat"' "$html" | wc -l)" -ge 6
check "the strength curve marks the step and both sessions" \
  bash -c "grep -qF '>step 2</text>' '$html' && test \$(grep -oF '>session</text>' '$html' | wc -l) -ge 2"
check "the mood band has its weeks" test "$(grep -oF 'class="band"' "$html" | wc -l)" -gt 100
check "the same store and day give the same bytes" \
  bash -c "KINT_TODAY=2026-11-20 '$kint' trail --format html | cmp -s - '$html'"
check "the voice stays kind (no failed, broken, streak)" bash -c "! grep -Eqiw 'fail|failed|failure|broken|streak|streaks' '$html'"

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

for width in 400 1200; do
  shot="$tmp/shot-$width.png"
  chrome --screenshot="$shot" --window-size="$width,2400" --hide-scrollbars "file://$html" \
    >/dev/null 2>"$tmp/shot-$width.err"
  rc=$?
  check "chromium screenshot at width $width exits 0 (got $rc)" test "$rc" -eq 0
  check "the screenshot at width $width is over 20 KB" test "$(stat -c %s "$shot" 2>/dev/null || echo 0)" -gt 20480
  if console_of "$tmp/shot-$width.err" >"$tmp/console-$width.txt"; then
    not_ok "no console messages at width $width: $(head -c 400 "$tmp/console-$width.txt")"
  else
    ok "no console messages at width $width"
  fi
done

cat >"$tmp/fit.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
<iframe id="f" src="trail.html" style="width:400px;height:12000px;border:0"></iframe>
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

chrome --no-pdf-header-footer --print-to-pdf="$tmp/trail.pdf" "file://$html" >/dev/null 2>"$tmp/pdf.err"
pages=$(grep -a '^/Count ' "$tmp/trail.pdf" 2>/dev/null | head -n 1 | tr -dc 0-9)
check "the page prints to a PDF of 1 to 6 pages (got ${pages:-none})" \
  bash -c "head -c 5 '$tmp/trail.pdf' | grep -q '%PDF-' && ((${pages:-0} >= 1 && ${pages:-0} <= 6))"
if console_of "$tmp/pdf.err" >"$tmp/console-pdf.txt"; then
  not_ok "no console messages while printing: $(head -c 400 "$tmp/console-pdf.txt")"
else
  ok "no console messages while printing"
fi
finish
