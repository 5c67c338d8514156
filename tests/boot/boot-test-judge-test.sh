#!/usr/bin/env bash
# boot-test-judge-test.sh: hosted test of scripts/boot-test.sh's judging
# (-j LOG), without QEMU.  Builds serial logs as dom0 would print them,
# from the host's own xen-support output for docs/SUPPORT.md, and checks
# that a faithful log passes and that each kind of defect fails with the
# check that names it.
# usage: tests/boot/boot-test-judge-test.sh   (env O: the build folder)
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
O=${O:-build/default}
doc=docs/SUPPORT.md
xs=$O/bin/xen-support
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
work=$tmp/test-x86_64
mkdir -p "$work"
"$O/bin/xen-support-gen" -o "$work/support_table.bin" "$doc" 2>/dev/null

ver=$("$xs" --document "$doc" info | sed -n 's/^xen_version *: //p')
ssu=$("$xs" --document "$doc" info | sed -n 's/^security_support_until *: //p')

# test NAME RC CMD...: one test's markers around CMD's output.
t() {
    local name=$1 rc=$2
    shift 2
    echo "@@BEGIN $name"
    "$@" || true
    echo "@@END $name rc=$rc ms=10"
}
# mklog TABLE [xl-info-sed] [json-filter]: a log as dom0 would print it.
mklog() {
    local table=$1 xlsed=${2:-} jfilter=${3:-cat} rc_rtds=${4:-1}
    echo "@@BOOT arch=x86_64 kernel=test uptime_ms=1"
    echo "@@SETUP xenfs rc=0"
    echo "@@TESTS uptime_ms=2"
    t xs-info 0 sh -c "'$xs' --document $doc info | sed 's/^table_source .*/table_source           : hypervisor/'"
    t xs-list-json 0 sh -c "'$xs' --document $doc list --json | $jfilter"
    echo "(XEN) a hypervisor line inside dom0's output"
    t xs-list 0 "$xs" --document "$doc" list
    t xs-show 0 "$xs" --document "$doc" show 'Credit2 Scheduler'
    t xs-check-unsupported "$rc_rtds" true
    t xs-check-supported 0 true
    t xs-dump 0 true
    echo "@@DUMP table size=$(wc -c <"$table") sha256=$(sha256sum <"$table" | cut -d' ' -f1)"
    base64 "$table" | sed 's/^/@@D table /'
    echo "@@DUMPEND table"
    t xs-cmp 0 true
    t xl-info 0 sh -c "printf '%s\n' 'host                   : test' \
        'support_statement      : $ver' 'security_support_until : $ssu' \
        'support_policy         : warn' 'support_outside        : none' \
        'xend_config_format     : 4' | sed '$xlsed'"
    t xl-info-statement 0 echo "$ver"
    echo "@@BENCH xs-info runs=3 inner=3 median_us=20000 total_ms=200 all_us=20000,20000,20000"
    echo "@@BENCH xl-info runs=3 inner=3 median_us=60000 total_ms=600 all_us=60000,60000,60000"
    echo "@@DONE pass=9 fail=1 uptime_ms=3"
}

fails=0
# expect NAME WANT_RC PATTERN LOG: boot-test.sh -j LOG exits WANT_RC and
# prints PATTERN.
expect() {
    local name=$1 want=$2 pat=$3 log=$4 rc=0
    O=$O BOOT_OUT=$tmp SUPPORT_MD=$doc scripts/boot-test.sh -j "$log" x86_64 \
        >"$tmp/out" 2>&1 || rc=$?
    if [ $rc -eq "$want" ] && grep -q -- "$pat" "$tmp/out"; then
        echo "ok   $name"
    else
        echo "FAIL $name: exit $rc (want $want), pattern '$pat'"
        sed 's/^/     /' "$tmp/out"
        fails=$((fails + 1))
    fi
}

mklog "$work/support_table.bin" >"$tmp/good.log"
expect "faithful log passes" 0 '^boot-test: PASS' "$tmp/good.log"
expect "ratio reported" 0 'ratio xl/xen-support 3.0' "$tmp/good.log"

cp "$work/support_table.bin" "$tmp/bad.bin"
printf '\x01' | dd of="$tmp/bad.bin" bs=1 seek=100 conv=notrunc status=none
mklog "$tmp/bad.bin" >"$tmp/log"
expect "altered table fails" 1 '^FAIL  table dumped in dom0' "$tmp/log"

mklog "$work/support_table.bin" '' 'head -c 500' >"$tmp/log"
expect "truncated JSON fails" 1 '^FAIL  list --json: dom0 JSON invalid' "$tmp/log"

mklog "$work/support_table.bin" '' "python3 -c 'import json,sys; d=json.load(sys.stdin); d[\"features\"].pop(); print(json.dumps(d))'" >"$tmp/log"
expect "missing feature fails" 1 '^FAIL  list --json: counts differ' "$tmp/log"

mklog "$work/support_table.bin" '/^support_policy/d' >"$tmp/log"
expect "xl info without support_policy fails" 1 '^FAIL  xl info lacks: support_policy' "$tmp/log"

mklog "$work/support_table.bin" '' cat 0 >"$tmp/log"
expect "RTDS check exit 0 fails" 1 '^FAIL  markers' "$tmp/log"

grep -v '^@@END xl-info-statement' "$tmp/good.log" | grep -v '^@@DONE' >"$tmp/log"
expect "dom0 dying in a test fails" 1 '^FAIL  markers' "$tmp/log"

if [ $fails -gt 0 ]; then
    echo "boot-test-judge-test: $fails failed"
    exit 1
fi
echo "boot-test-judge-test: all passed"
