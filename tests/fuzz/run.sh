#!/usr/bin/env bash
# Builds kint's libFuzzer targets (clang++, ASan + UBSan) into build/fuzz, replays every saved
# regression input, then fuzzes each target for a bounded time.
#
#   bash tests/fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 60 s, every target)
#
# Environment: KINT_FUZZ_BUILD (build dir, default build/fuzz), KINT_FUZZ_RSS_MB (default 2048),
# KINT_FUZZ_TIMEOUT (seconds one input may take, default 10), KINT_FUZZ_SEED (libFuzzer's -seed).
# A fixed seed does not make a run repeatable: coverage, and so the path a run takes, differs from
# one run to the next even on the same machine. A bounded CI run can find what a longer local run
# missed (CI's fuzz_config found a float cast after 24 k executions that 114 k here had not); fuzz
# longer, with several seeds, before landing a change to parsing code.
#
# The repo corpus is copied to a scratch dir per run, so fuzzing never writes into tests/fuzz/corpus.
# A crash, leak, timeout or out-of-memory input is kept in build/fuzz/artifacts/TARGET/ (fuzz_cli
# also leaves a cli-history-* file there: the commands that led to it from an empty dir). Add it
# to tests/fuzz/regressions/TARGET/ once fixed. Exit status: 0 when nothing crashed.
set -euo pipefail

seconds=${1:-60}
[[ $seconds =~ ^[0-9]+$ && $seconds -gt 0 ]] || {
    echo "usage: bash tests/fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]" >&2
    exit 2
}
shift || true

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${KINT_FUZZ_BUILD:-$root/build/fuzz}
[[ $build = /* ]] || build=$root/$build
rss_mb=${KINT_FUZZ_RSS_MB:-2048}
timeout_s=${KINT_FUZZ_TIMEOUT:-10}

all_targets=(fuzz_day fuzz_time_days fuzz_config fuzz_json fuzz_cli fuzz_text fuzz_daylio)
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
    [[ " ${all_targets[*]} " == *" $t "* ]] || { echo "fuzz: no target '$t' (${all_targets[*]})" >&2; exit 2; }
done

# ---- build ----
mkdir -p "$build"
generator=()
command -v ninja > /dev/null && generator=(-G Ninja)
[[ -f $build/CMakeCache.txt ]] && generator=()
cmake -S "$here" -B "$build" "${generator[@]}" -DCMAKE_CXX_COMPILER="${CXX_FUZZ:-clang++}" \
    -DCMAKE_BUILD_TYPE= > "$build/configure.log" 2>&1 \
    || { cat "$build/configure.log" >&2; echo "fuzz: configure failed" >&2; exit 1; }
rm -f "$build/configure.log"
cmake --build "$build" --target "${targets[@]}"

# UBSan findings stop the run with a stack (the targets are built with -fno-sanitize-recover);
# ASan's leak check is on, and reports go to stderr where the logs catch them.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

artifacts=$build/artifacts
scratch=$(mktemp -d "${TMPDIR:-/tmp}/kint-fuzz-XXXXXX")
trap 'rm -rf "$scratch"' EXIT

failed=()

dict_for() { # target -> its dictionary, if any
    local name=${1#fuzz_}
    [[ -f $here/dict/$name.dict ]] && printf '%s' "$here/dict/$name.dict"
    return 0
}

# ---- replay the regressions: each input runs once and must not crash ----
for t in "${targets[@]}"; do
    dir=$here/regressions/$t
    shopt -s nullglob
    inputs=("$dir"/*)
    shopt -u nullglob
    [[ ${#inputs[@]} -gt 0 ]] || { echo "fuzz: $t: no regression inputs"; continue; }
    mkdir -p "$artifacts/$t"
    log=$artifacts/$t/replay.log
    # fuzz_cli: every input starts from an empty store, as when it was saved.
    if KINT_FUZZ_RESET_EVERY=1 KINT_FUZZ_HISTORY="$artifacts/$t/replay-history" \
        "$build/$t" -rss_limit_mb="$rss_mb" -timeout="$timeout_s" \
        -artifact_prefix="$artifacts/$t/replay-" "${inputs[@]}" > "$log" 2>&1; then
        echo "fuzz: $t: ${#inputs[@]} regression inputs replayed, no crash"
    else
        echo "fuzz: $t: a regression input CRASHED again; see $log" >&2
        grep -E '^(Running|==[0-9]+==ERROR|SUMMARY|.*runtime error|fuzz property broken)' "$log" | tail -n 8 >&2 || true
        failed+=("$t (regression)")
    fi
done

# ---- fuzz each target for the bounded time ----
total_execs=0
declare -A execs secs
for t in "${targets[@]}"; do
    corpus=$scratch/$t
    mkdir -p "$corpus" "$artifacts/$t"
    [[ -d $here/corpus/$t ]] && cp -R "$here/corpus/$t/." "$corpus/"
    dict=$(dict_for "$t")
    log=$artifacts/$t/fuzz.log
    # Absolute paths only: fuzz_cli changes its working directory to its temp dir.
    args=(-max_total_time="$seconds" -rss_limit_mb="$rss_mb" -timeout="$timeout_s"
          -print_final_stats=1 -artifact_prefix="$artifacts/$t/")
    [[ -n $dict ]] && args+=(-dict="$dict")
    [[ -n ${KINT_FUZZ_SEED:-} ]] && args+=(-seed="$KINT_FUZZ_SEED")
    echo "fuzz: $t: fuzzing for ${seconds}s ..."
    start=$(date +%s)
    rc=0
    KINT_FUZZ_HISTORY="$artifacts/$t/cli-history-$(date +%Y%m%d-%H%M%S)" \
        "$build/$t" "${args[@]}" "$corpus" > "$log" 2>&1 || rc=$?
    secs[$t]=$(($(date +%s) - start))
    n=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$log" | tail -n 1)
    execs[$t]=${n:-0}
    total_execs=$((total_execs + ${n:-0}))
    if [[ $rc -ne 0 ]]; then
        saved=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
        echo "fuzz: $t: CRASH after ${execs[$t]} executions (exit $rc); input: ${saved:-see log}; log: $log" >&2
        grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|fuzz property broken|==[0-9]+== ERROR)' "$log" | head -n 6 >&2 || true
        failed+=("$t")
    else
        echo "fuzz: $t: ${execs[$t]} executions in ${secs[$t]}s, no crash"
    fi
done

echo "fuzz: ${#targets[@]} targets, $total_execs executions, ${#failed[@]} crashes${failed:+ (${failed[*]})}"
[[ ${#failed[@]} -eq 0 ]]
