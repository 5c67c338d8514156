#!/usr/bin/env bash
# boot-test-judge-test.sh: hosted test of scripts/boot-test.sh's judging
# (-j LOG), without QEMU.  Builds serial logs as dom0 would print them,
# from the host's own xen-support output for docs/SUPPORT.md, and checks
# that a faithful log passes and that each kind of defect fails with the
# check that names it.  x86_64 logs, plus a faithful arm64 one.
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
mkdir -p "$work" "$tmp/test-arm64"
"$O/bin/xen-support-gen" -o "$work/support_table.bin" "$doc" 2>/dev/null
cp "$work/support_table.bin" "$tmp/test-arm64/"

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
# mklog TABLE [xl-info-sed] [json-filter] [RTDS-rc] [list-args]: a log as
# dom0 would print it (env LOG_ARCH, XS_ARCH: the machine, its --arch name).
mklog() {
    local table=$1 xlsed=${2:-} jfilter=${3:-cat} rc_rtds=${4:-1} list=${5:-}
    echo "@@BOOT arch=${LOG_ARCH:-x86_64} kernel=test uptime_ms=1"
    echo "@@SETUP xenfs rc=0"
    echo "@@TESTS uptime_ms=2"
    t xs-info 0 sh -c "'$xs' --document $doc info | sed 's/^table_source .*/table_source           : hypervisor/'"
    t xs-list-json 0 sh -c "'$xs' --document $doc list --json | $jfilter"
    echo "(XEN) a hypervisor line inside dom0's output"
    # shellcheck disable=SC2086 # list: extra arguments, split
    t xs-list 0 "$xs" --document "$doc" list $list
    t xs-list-arch 0 "$xs" --document "$doc" list --arch "${XS_ARCH:-x86}"
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

# mkgate POLICY DECISION SCHEDULER STATUS-LINE STATUS-RC: a log of one of
# boot-test.sh -g's boot-policy boots (sched=null).
mkgate() {
    echo "@@BOOT arch=arm64 kernel=test uptime_ms=1"
    echo "@@SETUP xenfs rc=0"
    echo "(XEN) support: sched=null: 'Null Scheduler' is outside security support (Status: Experimental); $2 (support=$1)"
    echo "@@TESTS uptime_ms=2"
    t xl-info 0 echo "xen_scheduler          : $3"
    t xs-status "$5" printf '  Null Scheduler: Status: Experimental\n    %s\n' "$4"
    echo "@@DONE pass=1 fail=1 uptime_ms=3"
}

fails=0
# expect NAME WANT_RC PATTERN LOG [ARCH [-g]]: boot-test.sh [-g] -j LOG ARCH
# exits WANT_RC and prints PATTERN.
expect() {
    local name=$1 want=$2 pat=$3 log=$4 arch=${5:-x86_64} g=${6:-} rc=0
    # shellcheck disable=SC2086 # $g: no word or -g
    O=$O BOOT_OUT=$tmp SUPPORT_MD=$doc scripts/boot-test.sh $g -j "$log" "$arch" \
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
expect "list of every row noted" 0 '^NOTE  list without --arch printed every' "$tmp/good.log"

mklog "$work/support_table.bin" '' cat 1 '--arch x86' >"$tmp/log"
expect "list defaulting to x86 passes" 0 '^PASS  list: the x86 rows by default' "$tmp/log"

mklog "$work/support_table.bin" '' cat 1 '--arch arm' >"$tmp/log"
expect "list of arm rows on x86 fails" 1 '^FAIL  list: neither' "$tmp/log"

LOG_ARCH=arm64 XS_ARCH=arm mklog "$work/support_table.bin" '' cat 1 '--arch arm' >"$tmp/log"
expect "faithful arm64 log passes" 0 '^boot-test: PASS (arm64' "$tmp/log" arm64
cp "$tmp/log" "$tmp/arm64.log"

g=$tmp/test-arm64
mkgate warn enabled null "warned, boot: sched=null" 1 >"$g/gate-warn.log"
mkgate refuse refused credit2 "refused, boot: sched=null" 0 >"$g/gate-refuse.log"
expect "faithful gate logs pass" 0 '^PASS  gate sched=null, support=refuse' "$tmp/arm64.log" arm64 -g
mkgate refuse enabled null "warned, boot: sched=null" 1 >"$g/gate-refuse.log"
expect "gate not refused fails" 1 '^FAIL  gate sched=null, support=refuse: markers' "$tmp/arm64.log" arm64 -g
mkgate refuse refused null "refused, boot: sched=null" 0 >"$g/gate-refuse.log"
expect "refused gate, null running, fails" 1 "^FAIL  gate sched=null, support=refuse: xl info xen_scheduler 'null'" "$tmp/arm64.log" arm64 -g
rm "$g/gate-warn.log"
expect "missing gate log fails" 1 '^FAIL  gate (warn): no log' "$tmp/arm64.log" arm64 -g

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
