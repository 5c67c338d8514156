#!/usr/bin/env bash
# run.sh NAME FUZZER SEEDS WORK LIMIT: run one libFuzzer target and report.
#   LIMIT is "runs=N" (stop after N executions) or "time=S" (seconds).
#   The working corpus grows in WORK/corpus (the seeds are read, not
#   written); findings (crash-*, leak-*, timeout-*, oom-*) land in
#   WORK/findings/.  Prints one line: executions, seconds, exec/s and
#   findings; exits 1 if there is any finding (copy it to
#   tests/fuzz/regress/NAME/ and fix), 2 on a usage or run error.
# One process, in-process (no -jobs/-workers, which would fork): the
# machine is shared.
set -uo pipefail
[ $# -eq 5 ] || { echo "usage: run.sh NAME FUZZER SEEDS WORK LIMIT" >&2; exit 2; }
name=$1 fuzzer=$2 seeds=$3 work=$4 limit=$5
here=$(dirname "$0")
case $limit in
    runs=*) lim=(-runs="${limit#runs=}") ;;
    time=*) lim=(-max_total_time="${limit#time=}") ;;
    *) echo "run.sh: bad LIMIT '$limit'" >&2; exit 2 ;;
esac
extra=()
[ -f "$here/$name.dict" ] && extra+=(-dict="$here/$name.dict")
# NAME.options: more libFuzzer flags for that target, one per line.
if [ -f "$here/$name.options" ]; then
    while read -r opt; do
        case $opt in -*) extra+=("$opt") ;; esac
    done <"$here/$name.options"
fi
mkdir -p "$work/corpus" "$work/findings"
log=$work/fuzz.log
start=$(date +%s.%N)
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
"$fuzzer" "${lim[@]}" "${extra[@]}" -print_final_stats=1 -timeout=10 \
    -rss_limit_mb=2048 \
    -artifact_prefix="$work/findings/" "$work/corpus" "$seeds" >"$log" 2>&1
rc=$?
end=$(date +%s.%N)
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
persec=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
findings=$(find "$work/findings" -type f | wc -l)
secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", b - a }')
printf '%-10s %12s executions %6s s %8s exec/s  %d finding(s)\n' \
    "$name" "${execs:-?}" "$secs" "${persec:-?}" "$findings"
if [ "$findings" -gt 0 ] || [ $rc -ne 0 ]; then
    find "$work/findings" -type f | sed 's/^/  finding: /'
    grep -m 20 -E 'ERROR|SUMMARY|oracle failed|runtime error' "$log" | \
        sed 's/^/  /'
    echo "  log: $log"
    exit 1
fi
[ -n "$execs" ] || { echo "  no final stats in $log" >&2; exit 2; }
exit 0
