#!/usr/bin/env bash
# log-test.sh: hosted test of scripts/boot/log.sh, the boot harness's log
# reader, on made-up serial logs (no QEMU): passing logs with console
# noise, a log that must fail each of its checks, a binary dump recovered
# byte for byte, and outputs with no verdict lines among them.
# usage: tests/boot/log-test.sh [WORKDIR]   (default: a temp folder)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
check=$here/../../scripts/boot/log.sh
work=${1:-}
if [ -z "$work" ]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
failed=0

# expect WANT_RC NAME LOG.SH-ARGS...: run log.sh, compare its status.
expect() {
    local want=$1 name=$2 rc=0
    shift 2
    "$check" -q "$@" >"$work/out" 2>&1 || rc=$?
    if [ "$rc" -ne "$want" ]; then
        echo "FAIL $name: exit $rc, want $want"
        sed 's/^/    /' "$work/out"
        failed=$((failed + 1))
    else
        echo "ok   $name"
    fi
}

# A binary payload with every byte value, and its dump as dom0 prints it.
head -c 3000 /dev/urandom >"$work/blob"
printf '\000\001\377\n\r@@' >>"$work/blob"
size=$(wc -c <"$work/blob")
sum=$(sha256sum <"$work/blob" | cut -d' ' -f1)
dumplines=$(base64 "$work/blob" | sed 's/^/@@D blob /' | sed 's/$/\r/')

good() {
    printf '(XEN) Xen version 4.17\r\n[    1.0] Linux booting\r\n'
    printf '@@BOOT arch=x86_64 kernel=6.1 uptime_ms=10\r\n'
    printf '@@SETUP insmod-xenfs rc=0\r\n@@SETUP xenstored rc=0\r\n'
    printf '@@TESTS uptime_ms=20\r\n@@BEGIN a\r\nline one\r\n'
    printf '(XEN) a hypervisor line in the middle\r\n'
    printf 'no newline at end@@END a rc=0 ms=5\r\n'
    printf '@@BEGIN b\r\nb out\r\n@@END b rc=3 ms=1\r\n'
    printf '@@DUMP blob size=%s sha256=%s\r\n' "$size" "$sum"
    printf '%s\n' "$dumplines"
    printf '@@DUMPEND blob\r\n@@BENCH a runs=3 median_ms=10\r\n'
    printf '@@DONE pass=1 fail=1 uptime_ms=30\r\n(XEN) Entering ACPI S5 state.\r\n'
}
good >"$work/good.log"

expect 0 "expected rcs pass" -e a -e b=3 "$work/good.log"
expect 1 "all-tests-pass default sees b rc=3" "$work/good.log"
expect 1 "wrong expected rc" -e b "$work/good.log"
expect 1 "test that never ran" -e a -e c "$work/good.log"
expect 0 "dump recovered" -e a -d "blob=$work/blob.out" "$work/good.log"
if cmp -s "$work/blob" "$work/blob.out"; then
    echo "ok   dump is byte for byte"
else
    echo "FAIL dump differs"
    failed=$((failed + 1))
fi

out=$("$check" -q -e a -o a "$work/good.log")
if [ "$out" = $'line one\nno newline at end' ]; then
    echo "ok   output of a without markers or Xen lines"
else
    echo "FAIL output of a: '$out'"
    failed=$((failed + 1))
fi
# A long log after the test's end must not break the reader (SIGPIPE).
{ good; seq 1 200000 | sed 's/^/(XEN) filler /'; } >"$work/long.log"
if out=$("$check" -q -e a -o a "$work/long.log") &&
    [ "$out" = $'line one\nno newline at end' ]; then
    echo "ok   output of a in a long log"
else
    echo "FAIL output of a in a long log: '$out'"
    failed=$((failed + 1))
fi
bench=$("$check" -q -e a -m BENCH "$work/good.log")
[ "$bench" = "@@BENCH a runs=3 median_ms=10" ] && echo "ok   BENCH lines" ||
    { echo "FAIL BENCH lines: '$bench'"; failed=$((failed + 1)); }

# A failing log: -o still prints only dom0's lines; verdicts on stderr.
out=$("$check" -e a -e b -o a "$work/good.log" 2>/dev/null) && rc=0 || rc=$?
if [ $rc -eq 1 ] && [ "$out" = $'line one\nno newline at end' ]; then
    echo "ok   -o on a failing log: dom0's lines only, exit 1"
else
    echo "FAIL -o on a failing log: exit $rc, '$out'"
    failed=$((failed + 1))
fi
good | sed 's/^line one/FAIL: a dom0 line/' >"$work/failword.log"
out=$("$check" -q -e a -e b=3 -o a "$work/failword.log" 2>/dev/null)
[ "$out" = $'FAIL: a dom0 line\nno newline at end' ] &&
    echo "ok   dom0 output that reads like a verdict is kept as output" ||
    { echo "FAIL dom0 output 'FAIL: ...': '$out'"; failed=$((failed + 1)); }

good | grep -v '@@END a' >"$work/crash.log"
expect 1 "BEGIN without END" -e a "$work/crash.log"
good | grep -v '@@DONE' >"$work/nodone.log"
expect 1 "no DONE" -e a "$work/nodone.log"
good | grep -v '@@BOOT' >"$work/noboot.log"
expect 1 "no BOOT" -e a "$work/noboot.log"
good | sed 's/@@SETUP xenstored rc=0/@@SETUP xenstored rc=1/' >"$work/setup.log"
expect 1 "failed setup step" -e a "$work/setup.log"
good | sed '0,/^@@D blob /s/^@@D blob \(.\)/@@D blob \1\1/' >"$work/corrupt.log"
expect 1 "corrupted dump" -e a -d "blob=$work/corrupt.out" "$work/corrupt.log"
[ ! -e "$work/corrupt.out" ] && echo "ok   no file left from a bad dump" ||
    { echo "FAIL bad dump left a file"; failed=$((failed + 1)); }
expect 1 "dump not in log" -e a -d "nothere=$work/x.out" "$work/good.log"
expect 2 "unreadable log" "$work/does-not-exist.log"
: >"$work/empty.log"
expect 1 "empty log" "$work/empty.log"

if [ $failed -gt 0 ]; then
    echo "log-test: $failed FAILED"
    exit 1
fi
echo "log-test: all passed"
