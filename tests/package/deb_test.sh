#!/usr/bin/env bash
# The .deb: `cpack -G DEB` in a build folder, then its metadata (Depends from dpkg-shlibdeps), its
# files at their standard paths, and the packaged binary running.
# Usage: deb_test.sh BUILD_DIR [CPACK] [VERSION]
set -uo pipefail

build=${1:?usage: deb_test.sh BUILD_DIR [CPACK] [VERSION]}
cpack=${2:-cpack}
version=${3:-0.1.0}

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok $((passed + failed)) - $1"; }
not_ok() {
  failed=$((failed + 1))
  echo "not ok $((passed + failed)) - $1"
  [[ $# -gt 1 ]] && printf '#   %s\n' "${@:2}"
  return 0
}
check() { # check DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@"; then ok "$what"; else not_ok "$what"; fi
}
finish() {
  echo "$passed passed, $failed failed"
  [[ $failed -eq 0 ]]
  exit
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kint-deb-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# 1. Build the package into a temp folder (the build folder only gets read).
if log=$(cd "$build" && "$cpack" -G DEB -B "$tmp/out" 2>&1); then
  ok "cpack -G DEB succeeds"
else
  not_ok "cpack -G DEB succeeds" "$log"
  finish
fi
shopt -s nullglob
debs=("$tmp"/out/*.deb)
if [[ ${#debs[@]} -eq 1 ]]; then
  ok "one .deb: ${debs[0]##*/}"
else
  not_ok "one .deb written" "found: ${debs[*]:-none}" "$log"
  finish
fi
deb=${debs[0]}
if grep -qiE 'CPack Error|dpkg-shlibdeps: (error|warning)' <<<"$log"; then
  not_ok "cpack reports no error or shlibdeps warning" "$log"
else
  ok "cpack reports no error or shlibdeps warning"
fi

# 2. Metadata.
if info=$(dpkg-deb -I "$deb" 2>&1); then ok "dpkg-deb -I reads the package"; else not_ok "dpkg-deb -I reads the package" "$info"; fi
field() { dpkg-deb -f "$deb" "$1"; }
check "Package: kint" test "$(field Package)" = kint
check "Version: $version" test "$(field Version)" = "$version"
check "Section: utils" test "$(field Section)" = utils
check "Maintainer: kint developers <kint@localhost>" \
  test "$(field Maintainer)" = "kint developers <kint@localhost>"
check "Architecture: $(dpkg --print-architecture)" test "$(field Architecture)" = "$(dpkg --print-architecture)"
check "Description has a summary and a long text" \
  bash -c '[[ -n $(dpkg-deb -f "$1" Description | head -1) && $(dpkg-deb -f "$1" Description | wc -l) -ge 2 ]]' _ "$deb"

# Depends: what dpkg-shlibdeps found for the shared libraries the binary needs; a fully static
# binary needs none, and then an empty Depends is right.
depends=$(field Depends)
echo "# Depends: ${depends:-(none)}"
if ! dpkg-deb -x "$deb" "$tmp/root" 2>"$tmp/x.err"; then
  not_ok "dpkg -x extracts the package" "$(cat "$tmp/x.err")"
  finish
fi
ok "dpkg -x extracts the package"
kint="$tmp/root/usr/bin/kint"
needed=$(LC_ALL=C readelf -d "$kint" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
if [[ -z $needed ]]; then
  check "a static binary may have an empty Depends" true
else
  declare -A package_of=([libsqlite3.so]=libsqlite3 [libstdc++.so]=libstdc++6 [libc.so]=libc6
                         [libgcc_s.so]=libgcc-s1 [libm.so]=libc6 [libfmt.so]=libfmt)
  for lib in $needed; do
    pkg=${package_of[${lib%%.so*}.so]:-}
    [[ -z $pkg ]] && continue
    if [[ ", $depends" == *", $pkg"* ]]; then
      ok "Depends names $pkg (the binary needs $lib)"
    else
      not_ok "Depends names $pkg (the binary needs $lib)" "Depends: $depends"
    fi
  done
  check "Depends has versions (>= ...) from the shlibs files" grep -q '(>= ' <<<"$depends"
fi

# 3. The packaged binary runs.
check "usr/bin/kint is executable" test -x "$kint"
got=$("$kint" --version 2>&1)
check "usr/bin/kint --version prints 'kint $version'" test "$got" = "kint $version"

# 4. Files at their standard paths.
man="$tmp/root/usr/share/man/man1/kint.1.gz"
if [[ -f $man ]]; then
  check "man page usr/share/man/man1/kint.1.gz is a gzipped kint(1)" \
    bash -c 'gzip -dc "$1" | grep -q "^\.TH KINT 1 "' _ "$man"
else
  check "man page usr/share/man/man1/kint.1 is kint(1)" \
    grep -q '^\.TH KINT 1 ' "$tmp/root/usr/share/man/man1/kint.1"
fi
for f in usr/share/bash-completion/completions/kint \
         usr/share/zsh/vendor-completions/_kint \
         usr/share/fish/vendor_completions.d/kint.fish \
         usr/share/doc/kint/examples/config.toml \
         usr/share/doc/kint/examples/crontab \
         usr/share/doc/kint/examples/systemd/kint-review.service \
         usr/share/doc/kint/examples/systemd/kint-review.timer \
         usr/share/doc/kint/examples/systemd/kint-remind.service \
         usr/share/doc/kint/examples/systemd/kint-remind.timer \
         usr/share/doc/kint/examples/systemd/kint-sync.service \
         usr/share/doc/kint/examples/systemd/kint-sync.timer; do
  check "$f" test -f "$tmp/root/$f"
done

# 5. Owned by root, no write bits for others, nothing outside /usr.
listing=$(dpkg-deb -c "$deb")
check "every entry is owned by root/root" bash -c '! grep -v " root/root " <<<"$1" | grep -q .' _ "$listing"
check "nothing is group- or world-writable" bash -c '! cut -c1-10 <<<"$1" | grep -q "^.....w\|^........w"' _ "$listing"
check "everything is under /usr" bash -c '! awk "{print \$6}" <<<"$1" | grep -v "^\./usr/\|^\./$" | grep -q .' _ "$listing"

finish
