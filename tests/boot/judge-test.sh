#!/usr/bin/env bash
# judge-test.sh: hosted test of scripts/boot/judge.sh (and live.sh -j), no
# QEMU.  Builds serial logs as dom0 would print them, from the host's own
# xen-support output for a table the generator makes of docs/SUPPORT.md:
# faithful logs (x86_64, arm64 with its gate boots, both sysctl boots) must
# pass, and for every rule a made-up log that breaks just that rule must
# fail on the line that names it (a rule no log can fail proves nothing).
# usage: tests/boot/judge-test.sh   (env O: the build folder)
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
O=${O:-build/default}
doc=docs/SUPPORT.md
xs=$O/bin/xen-support
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/test-x86_64" "$tmp/test-arm64" "$tmp/sysctl"
table=$tmp/table.bin
"$O/bin/xen-support-gen" -o "$table" "$doc" 2>/dev/null
for d in test-x86_64 test-arm64; do cp "$table" "$tmp/$d/support_table.bin"; done
hx() { "$xs" --table "$table" "$@"; }
ver=$(hx info | sed -n 's/^xen_version *: //p')
ssu=$(hx info | sed -n 's/^security_support_until *: //p')
ss=$(hx info | sed -n 's/^security_support *: //p')

# t NAME RC CMD...: one test's markers around CMD's output.
t() {
    local name=$1 rc=$2
    shift 2
    echo "@@BEGIN $name"
    "$@" || true
    echo "@@END $name rc=$rc ms=10"
}
# dumpof NAME FILE: FILE dumped as dom0's init.sh prints it.
dumpof() {
    echo "@@DUMP $1 size=$(wc -c <"$2") sha256=$(sha256sum <"$2" | cut -d' ' -f1)"
    base64 "$2" | sed "s/^/@@D $1 /"
    echo "@@DUMPEND $1"
}
# What the hypervisor adds to `info` (the host's lines come first).
hvinfo() {
    printf '%-23s: %s\n' hypervisor_arch "${XS_ARCH:-x86}" \
        hypervisor_read_by sysctl support_policy warn \
        support_policy_flags none support_exempt 0 support_events 0 \
        table_active built-in table_generation 1 \
        builtin_table_size "$TSIZE" builtin_table_checksum "$TSUM"
}
TSIZE=$(wc -c <"$table")
TSUM=$(hx info | sed -n 's/^table_checksum *: //p')
# xlinfo: xl info as the patched xl prints it in the main boot.
xlinfo() {
    printf '%-23s: %s\n' host test xen_scheduler credit2 \
        support_statement "$ver" security_support_until "$ssu" \
        security_support "$ss" support_policy warn \
        support_outside "${OUTSIDE:-none}" xend_config_format 4
}
# mklog: a faithful live-query log (env LOG_ARCH, XS_ARCH, SUPPORTED).
mklog() {
    local a=${XS_ARCH:-x86}
    echo "@@BOOT arch=${LOG_ARCH:-x86_64} kernel=test uptime_ms=1"
    echo "@@SETUP xenfs rc=0"
    [ -z "${OUTSIDE:-}" ] ||
        echo "(XEN) support: gicv3-its: '$OUTSIDE' is outside security support (Status: Experimental); enabled (support=warn)"
    echo "@@TESTS uptime_ms=2"
    t xs-info 0 sh -c "'$xs' --table '$table' info | sed 's/^\(table_source *: \).*/\1hypervisor/'; $(declare -f hvinfo); TSIZE=$TSIZE TSUM=$TSUM XS_ARCH=$a hvinfo"
    t xs-list-json 0 hx list --json --arch all
    echo "(XEN) a hypervisor line inside dom0's output"
    # shellcheck disable=SC2086 # LIST_ARGS: words
    t xs-list 0 hx list ${LIST_ARGS:---arch $a}
    t xs-list-arch 0 hx list --arch "$a"
    t xs-show 0 hx show 'Credit2 Scheduler'
    t xs-check-unsupported 1 hx check 'RTDS based Scheduler'
    t xs-check-supported 0 hx check --arch "$a" "${SUPPORTED:-x86-64}"
    t xs-dump 0 true
    dumpof table "$table"
    t xl-info 0 xlinfo
    t xl-info-statement 0 echo "$ver"
    echo "@@BENCH xs-info runs=3 inner=3 median_us=20000 total_ms=200 all_us=20000,20000,20000"
    echo "@@BENCH xl-info runs=3 inner=3 median_us=60000 total_ms=600 all_us=60000,60000,60000"
    echo "@@DONE pass=9 fail=1 uptime_ms=3"
}
# mkgate POLICY DECISION SCHEDULER STATUS-LINE STATUS-RC OUTSIDE: a log
# of one of live.sh -g's boot-policy boots (sched=null).
mkgate() {
    echo "@@BOOT arch=arm64 kernel=test uptime_ms=1"
    echo "@@SETUP xenfs rc=0"
    echo "(XEN) support: gicv3-its: 'ARM/GICv3 ITS' is outside security support (Status: Experimental); $2 (support=$1)"
    echo "(XEN) support: sched=null: 'Null Scheduler' is outside security support (Status: Experimental); $2 (support=$1)"
    echo "@@TESTS uptime_ms=2"
    t xl-info 0 printf '%-23s: %s\n' xen_scheduler "$3" support_statement "$ver" \
        security_support_until "$ssu" security_support "$ss" \
        support_policy "$1" support_outside "$6"
    t xs-status "$5" printf '  Null Scheduler: Status: Experimental\n    %s\n' "$4"
    echo "@@DONE pass=1 fail=1 uptime_ms=3"
}

# mkgatemod: a log of live.sh -g's boot with a module (Credit2
# Experimental in it, the default scheduler).
mkgatemod() {
    echo "@@BOOT arch=arm64 kernel=test uptime_ms=1"
    echo "@@SETUP xenfs rc=0"
    echo "(XEN) support: module at 0x58000000 is the support table"
    echo "(XEN) support: sched=credit2: 'Credit2 Scheduler' is outside security support (Status: Experimental); enabled (support=warn)"
    echo "@@TESTS uptime_ms=2"
    t xl-info 0 printf '%-23s: %s\n' xen_scheduler credit2 support_statement "$ver"
    t xs-status 1 printf '  Credit2 Scheduler: Status: Experimental\n    %s\n' "warned, boot: sched=credit2"
    echo "@@DONE pass=1 fail=1 uptime_ms=3"
}

fails=0
n=0
# check NAME WANT_RC PATTERN CMD...: CMD exits WANT_RC and prints PATTERN.
check() {
    local name=$1 want=$2 pat=$3 rc=0
    shift 3
    n=$((n + 1))
    "$@" >"$tmp/out" 2>&1 || rc=$?
    if [ $rc -eq "$want" ] && grep -q -- "$pat" "$tmp/out"; then
        echo "ok   $name"
    else
        echo "FAIL $name: exit $rc (want $want), pattern '$pat'"
        sed 's/^/     /' "$tmp/out"
        fails=$((fails + 1))
    fi
}
# live NAME WANT_RC PATTERN LOG [ARCH [-g]]: live.sh [-g] -j LOG ARCH.
live() {
    local name=$1 want=$2 pat=$3 log=$4 arch=${5:-x86_64} g=${6:-}
    # shellcheck disable=SC2086 # $g: no word or -g
    check "$name" "$want" "$pat" env O="$O" BOOT_OUT="${LIVE_OUT:-$tmp}" SUPPORT_MD=$doc \
        XEN_ARGS= scripts/boot/live.sh $g -j "$log" "$arch"
}
# bad NAME PATTERN SED: the faithful x86_64 log edited by SED must fail
# on the rule whose line matches PATTERN.
bad() {
    sed "$3" "$tmp/good.log" >"$tmp/bad.log"
    cmp -s "$tmp/good.log" "$tmp/bad.log" && { echo "FAIL $1: the edit changed nothing"; fails=$((fails + 1)); return; }
    live "$1" 1 "^FAIL  $2" "$tmp/bad.log"
}

# ---- the live-query boot ---------------------------------------------------
mklog >"$tmp/good.log"
live "faithful log passes" 0 '^live.sh: PASS' "$tmp/good.log"
live "ratio reported" 0 'ratio xl/xen-support 3.0' "$tmp/good.log"
# arm64 under QEMU: Xen enables the GICv3 ITS (Experimental) and says so.
LOG_ARCH=arm64 XS_ARCH=arm SUPPORTED='ARM v8' OUTSIDE='ARM/GICv3 ITS' mklog >"$tmp/arm64.log"
live "faithful arm64 log passes" 0 '^live.sh: PASS (arm64' "$tmp/arm64.log" arm64

bad "failed setup step" 'markers' 's/@@SETUP xenfs rc=0/@@SETUP xenfs rc=1/'
bad "RTDS check exit 0" 'markers' 's/@@END xs-check-unsupported rc=1/@@END xs-check-unsupported rc=0/'
bad "dom0 dying in a test" 'markers' '/^@@END xl-info-statement/,$d'
bad "altered table dump" 'table read in dom0' '/^@@D table /{s/^@@D table A/@@D table B/;s/^@@D table [^B]/@@D table A/}'
bad "info: a count differs" 'info: the first' 's/^\(features *: \).*/\1999/'
bad "info: table_source not the hypervisor" 'info: the first' 's/^\(table_source *: \).*/\1table file/'
bad "info: another architecture" "info: hypervisor_arch 'arm'" 's/^\(hypervisor_arch *: \).*/\1arm/'
bad "info: read through hypfs" "info: hypervisor_read_by 'hypfs'" 's/^\(hypervisor_read_by *: \).*/\1hypfs/'
bad "info: another policy" "info: support_policy 'refuse'" '/^hypervisor_arch/,/^support_policy /s/^\(support_policy *: \).*/\1refuse/'
bad "JSON without its closing brackets" 'list --json --arch all: differs' '/^@@BEGIN xs-list-json/,/^@@END xs-list-json/{/^@@/!{/^ *[]}]/d}}'
bad "JSON feature renamed" 'list --json --arch all: differs' '0,/"feature": "Credit2 Scheduler"/s//"feature": "Credit3 Scheduler"/'
bad "list: one row changed" 'list (the hypervisor' '/^@@BEGIN xs-list$/,/^@@END xs-list /s/Supported/Supportet/'
LIST_ARGS="--arch all" mklog >"$tmp/list.log"
live "list of every architecture's rows fails" 1 '^FAIL  list (the hypervisor' "$tmp/list.log"
LIST_ARGS="--arch arm" mklog >"$tmp/list.log"
live "list of the other architecture's rows fails" 1 '^FAIL  list (the hypervisor' "$tmp/list.log"
bad "list --arch: a line missing" 'list --arch x86' '/^@@BEGIN xs-list-arch/{n;n;d}'
bad "show: a line changed" "show 'Credit2" '/^@@BEGIN xs-show/{n;s/./X/}'
bad "check: other text" "check 'RTDS" '/^@@BEGIN xs-check-unsupported/{n;s/does not meet/meets/}'
bad "check --arch: no text" "check --arch x86" '/^@@BEGIN xs-check-supported/{n;d}'
bad "xl info: statement differs" "main: xl info: support_statement" 's/^\(support_statement *: \).*/\11.0/'
bad "xl info: security_support_until differs" "main: xl info: security_support_until" '/^@@BEGIN xl-info$/,/^@@END xl-info /s/^\(security_support_until *: \)\(.*\)/\1\2x/'
bad "xl info: security_support differs" "main: xl info: security_support '" '/^@@BEGIN xl-info$/,/^@@END xl-info /s/^\(security_support *: \)\(.*\)/\1ended 2000-01-01/'
bad "xl info: no support_policy" "main: xl info: support_policy" '/^@@BEGIN xl-info$/,/^@@END xl-info /{/^support_policy/d}'
bad "xl info: support_outside lists a feature" "main: xl info: support_outside 'Null Scheduler'" 's/^\(support_outside *: \).*/\1Null Scheduler/'
bad "xl info: support_outside misses what Xen enabled" "main: xl info: support_outside 'none', want 'ARM/GICv3 ITS'" "/^@@TESTS/i(XEN) support: gicv3-its: 'ARM/GICv3 ITS' is outside security support (Status: Experimental); enabled (support=warn)"
bad "xl info KEY: another value" 'xl info support_statement alone' '/^@@BEGIN xl-info-statement/{n;s/.*/1.0/}'
# A table the generator does not make of the document, dumped faithfully.
mkdir -p "$tmp/alt/test-x86_64"
cp "$table" "$tmp/alt/test-x86_64/support_table.bin"
printf '\001' | dd of="$tmp/alt/test-x86_64/support_table.bin" bs=1 seek=100 conv=notrunc status=none
{ sed '/^@@D table /d; /^@@DUMP table /d; /^@@DUMPEND table/d; /^@@DONE/d' "$tmp/good.log"
  dumpof table "$tmp/alt/test-x86_64/support_table.bin"
  echo "@@DONE pass=9 fail=1 uptime_ms=3"; } >"$tmp/alt.log"
LIVE_OUT=$tmp/alt live "a table the generator does not make of the document fails" 1 \
    '^FAIL  generator on the host' "$tmp/alt.log"
check "XEN_ARGS support=refuse: info and xl info want refuse" 1 "^FAIL  main: xl info: support_policy 'warn', want 'refuse'" \
    env O="$O" BOOT_OUT="$tmp" SUPPORT_MD=$doc XEN_ARGS="support=refuse" scripts/boot/live.sh -j "$tmp/good.log" x86_64

# The boot-policy boots (-g), next to the faithful arm64 log.
g=$tmp/test-arm64
gate() { # gate NAME WANT_RC PATTERN WARN-ARGS REFUSE-ARGS (mkgate's)
    local name=$1 want=$2 pat=$3
    eval "mkgate $4" >"$g/gate-warn.log"
    eval "mkgate $5" >"$g/gate-refuse.log"
    mkgatemod >"$g/gate-module.log"
    live "$name" "$want" "$pat" "$tmp/arm64.log" arm64 -g
}
W="warn enabled null 'warned, boot: sched=null' 1 'ARM/GICv3 ITS, Null Scheduler'"
R="refuse refused credit2 'refused, boot: sched=null' 0 none"
gate "faithful gate logs pass" 0 '^PASS  gate sched=null, support=refuse' "$W" "$R"
gate "gate not refused fails" 1 '^FAIL  gate sched=null, support=refuse: markers' "$W" \
    "refuse enabled null 'warned, boot: sched=null' 1 'ARM/GICv3 ITS, Null Scheduler'"
gate "refused gate, null running, fails" 1 "^FAIL  gate sched=null, support=refuse: xl info xen_scheduler 'null'" \
    "$W" "refuse refused null 'refused, boot: sched=null' 0 none"
gate "warned gate without its status line fails" 1 "^FAIL  gate sched=null, support=warn: xen-support status lacks" \
    "warn enabled null 'refused, boot: sched=null' 1 'ARM/GICv3 ITS, Null Scheduler'" "$R"
gate "warned gate with support_outside none fails" 1 "^FAIL  gate-warn: xl info: support_outside 'none'" \
    "warn enabled null 'warned, boot: sched=null' 1 none" "$R"
gate "warned gate missing one feature fails" 1 "^FAIL  gate-warn: xl info: support_outside 'Null Scheduler', want 'ARM/GICv3 ITS, Null Scheduler'" \
    "warn enabled null 'warned, boot: sched=null' 1 'Null Scheduler'" "$R"
gate "refused gate with support_outside set fails" 1 "^FAIL  gate-refuse: xl info: support_outside 'Null Scheduler'" \
    "$W" "refuse refused credit2 'refused, boot: sched=null' 0 'Null Scheduler'"
eval "mkgate $W" | grep -v '^(XEN) support: sched=null' >"$g/gate-warn.log"
live "gate without Xen's line fails" 1 "^FAIL  gate sched=null, support=warn: no Xen line" "$tmp/arm64.log" arm64 -g
mkgatemod | grep -v 'is the support table' >"$g/gate-module.log"
live "module not taken fails" 1 "^FAIL  gate (module): no Xen line 'support: module" "$tmp/arm64.log" arm64 -g
mkgatemod | grep -v "^(XEN) support: sched=credit2" >"$g/gate-module.log"
live "module's Credit2 row not read fails" 1 "^FAIL  gate (module): no Xen line 'support: sched=credit2" "$tmp/arm64.log" arm64 -g
mkgatemod | sed 's/warned, boot: sched=credit2/warned, boot: sched=null/' >"$g/gate-module.log"
live "module boot without the status line fails" 1 "^FAIL  gate (module): xen-support status lacks" "$tmp/arm64.log" arm64 -g
mkgatemod >"$g/gate-module.log"
rm "$g/gate-warn.log"
live "missing gate log fails" 1 '^FAIL  gate (warn): no log' "$tmp/arm64.log" arm64 -g

# ---- the sysctl boots (tests/xen/boot-test.sh) ------------------------------
size=$(wc -c <"$table")
tinfo() { hx info | sed -n "s/^$1 *: //p"; }
# The statement the sysctl boots load: Credit2 made Experimental.
next=$tmp/next.bin
scripts/boot/next-table.sh "$doc" "$O/bin/xen-support-gen" "$next"
# swaplines BEFORE: xen-sysctl-swap's lines, every case refused.
swaplines() {
    echo "swap: before: $1"
    while IFS= read -r c; do
        echo "swap: ${c}, got ${c##*want }; active $1"
    done <<<"zero length: want EINVAL
flags 1: want EINVAL
over the cap: want E2BIG
NULL buffer: want EFAULT
wild buffer: want EFAULT
user page 0: want EFAULT
format version 99: want EOPNOTSUPP
nested pair codes: want EBADMSG
arm rows only: want ENOEXEC
$(for i in 1 62 123 184 245 306 367 428 489 550; do echo "byte $i flipped, stale checksum: want EBADMSG"; done)
$(for i in 1 62 123 184; do echo "cut to $i bytes: want EBADMSG"; done)"
    echo "swap: after: $1"
}
# mksys MODE: a faithful sysctl log.
mksys() {
    local flask=0
    [ "$1" != flask ] || flask=1
    echo "@@BOOT arch=x86_64 kernel=test uptime_ms=1"
    echo "@@SETUP xenfs rc=0"
    echo "(XEN) support: statement for Xen $ver, $(tinfo features) features"
    if [ "$flask" = 0 ]; then
        echo "(XEN) Using scheduler: null Scheduler (null)"
        echo "(XEN) support: sched=null: 'Null Scheduler' is outside security support (Status: Experimental); enabled (support=warn)"
        echo "(XEN) WARNING: SUPPORT: features outside security support enabled"
        echo "(XEN)  Null Scheduler"
    else
        echo "(XEN) Flask: Starting in enforcing mode."
        echo "(XEN) support: flask: 'XSM & FLASK' is outside security support (Status: Experimental); enabled (exempted)"
        echo "(XEN) support: sched=rtds: 'RTDS based Scheduler' is outside security support (Status: Experimental); refused (support=refuse)"
        echo "(XEN) Using scheduler: SMP Credit Scheduler rev2 (credit2)"
    fi
    echo "@@TESTS uptime_ms=2"
    t probe 0 printf '%s\n' "ok: get_info (rc 0)" \
        "info: size $size format 1 features $(tinfo features) rows $(tinfo rows) sections $(tinfo sections) facts 4 arch 1 policy 0 flags 0 exempt 0 events 0/64 lost 0" \
        "ok: get_table size (rc 0)" "ok: get_table whole (rc 0)" "ok: whole, 1 short (rc -105)" \
        "ok: offset past the end (rc -22)" "ok: non-zero pad (rc -22)" "ok: unknown sub-op (rc -22)" \
        "ok: get_events (count only) (rc 0)" "events: total 1 generation 1 lost 0" "probe: PASS"
    dumpof table "$table"
    t hostile 0 printf '%s\n' "hostile: table $size bytes, 1 events recorded" \
        "ok: get_table NULL buffer: want EFAULT, got EFAULT; nothing written back" \
        "ok: get_table len 2^32-1: want EINVAL, got EINVAL; nothing written back" \
        "ok: get_table up to the unmapped page: want 0, got 0; len 4096, the mapped 4096 bytes = table" \
        "ok: after the hostile calls: xc_sysctl read $size bytes, byte-identical to the generator's table" \
        "hostile: 3 cases, 0 failed; Xen still answers" "hostile: PASS"
    dumpof final "$table"
    t xl-info 0 printf '%-23s: %s\n' xen_scheduler "$([ "$flask" = 0 ] && echo null || echo credit2)"
    if [ "$flask" = 0 ]; then
        t load 0 echo "@@LOAD reads=100000 sysctls=200000 ms=9000 reads_per_s=11111 free_before=1000 free_after=1000 failed=0 mismatches=0"
        echo "(XEN) support: cpupool sched=rtds: 'RTDS based Scheduler' is outside security support (Status: Experimental); enabled (support=warn)"
        t cpupool 0 echo "cpupool rtds: created pool 1"
        t xs-status 1 printf '%s\n' "support_policy         : warn (strict)" "outside_active         : 2" \
            "    warned, boot: sched=null" "    warned, runtime (domain 0): cpupool sched=rtds"
        t xs-prom 1 printf '%s\n' 'xen_support_outside_active{feature="Null Scheduler",level="experimental",security="no",decision="warned",source="boot",origin="sched=null"} 1' \
            'xen_support_outside_active{feature="RTDS based Scheduler",level="experimental",security="no",decision="warned",source="runtime",origin="cpupool sched=rtds"} 1' \
            'xen_support_policy{policy="warn",strict="yes",exempt="0"} 1'
    else
        echo "(XEN) support: cpupool sched=rtds: 'RTDS based Scheduler' is outside security support (Status: Experimental); refused (support=refuse)"
        t cpupool 1 echo "cpupool rtds: create failed: errno 1 (Operation not permitted)"
        t xs-status 1 printf '%s\n' "support_policy         : refuse (strict)" "support_exempt         : 1" \
            "    exempted, boot: flask" "    refused, boot: sched=rtds" "    refused, runtime (domain 0): cpupool sched=rtds"
        t xs-prom 1 printf '%s\n' 'xen_support_outside_active{feature="XSM & FLASK",level="experimental",security="no",decision="exempted",source="boot",origin="flask"} 1' \
            'xen_support_refused_events 2'
    fi
    t hypfs-ls 0 printf '%s\n' "<string> r- policy" "<string> r- record" "<blob>   r- table"
    t hypfs-table 0 true
    dumpof hypfs "$table"
    if [ "$flask" = 0 ]; then
        t hypfs-policy 0 printf '%s\n' warn strict
    else
        t hypfs-policy 0 printf '%s\n' refuse strict "exempt:XSM & FLASK"
    fi
    t hypfs-record 0 printf 'events %10u lost %10u max %10u generation %10u\n' 2 0 64 2
    local sum nsum
    sum=$(hx info | sed -n 's/^table_checksum *: //p')
    nsum=$("$xs" --table "$next" info | sed -n 's/^table_checksum *: //p')
    if [ "$flask" = 0 ]; then
        t swap 0 swaplines "generation 1 checksum $sum size $size"
        echo "(XEN) support: d0: table not loaded (-8): no status row applies to this architecture"
        t load-arm 3 echo "xen-support: /usr/share/xen-support/arm-only.bin: the hypervisor refused the table: no status row applies to its architecture"
        echo "(XEN) support: d0: loaded table active: $(wc -c <"$next") bytes, checksum $nsum, 93 features"
        t load-next 0 printf '%-23s: %s\n' table_active loaded table_generation 2 \
            table_size "$(wc -c <"$next")" table_checksum "$nsum" \
            builtin_table_size "$size" builtin_table_checksum "$sum"
        t info-next 0 printf '%-23s: %s\n' table_checksum "$nsum" table_active loaded \
            table_generation 2 builtin_table_checksum "$sum"
        t next-table 0 true
        dumpof next "$next"
    else
        t pool-credit2 0 echo "cpupool credit2: created pool 1"
        echo "(XEN) support: cpupool sched=credit2: 'Credit2 Scheduler' is outside security support in the statement now active; it was enabled before"
        echo "(XEN) support: d0: loaded table active: $(wc -c <"$next") bytes, checksum $nsum, 93 features"
        t load-next 0 printf '%-23s: %s\n' table_active loaded table_generation 2
        t status-next 1 printf '%s\n' "    warned, runtime (domain 0): cpupool sched=credit2"
        echo "(XEN) support: cpupool sched=credit2: 'Credit2 Scheduler' is outside security support (Status: Experimental); refused (support=refuse)"
        t pool-credit2-after 1 echo "cpupool credit2: create failed: errno 1 (Operation not permitted)"
    fi
    mkguests "$flask"
    echo "@@DONE pass=5 fail=2 uptime_ms=3"
}
# mkguests FLASK: the guests' part of a faithful sysctl log.
mkguests() {
    local err=EPERM op pv="pvcalls=backend=0: 'PVCalls (backend)'"
    [ "$1" = 0 ] || err=EACCES
    t guest-ok 0 printf '%s\n' "Parsing config from /etc/xen/guest-ok.cfg" \
        "guest guest-ok: domid 1" "guest guest-ok: gone after 5 s" \
        "@@GUEST-BEGIN hypervisor=xen uuid=0 kernel=test" \
        "domu: get_info via xc_sysctl: rc $err" "domu: get_info via raw: rc $err, written no" \
        "domu: get_info, interface version 0x14, via raw: rc EACCES" \
        "domu: get_events via raw: rc $err, written no" "domu: load via raw: rc $err, written no" \
        "domu: note via raw: rc $err, written no" "domu: done" "@@GUEST-END rc=0"
    if [ "$1" = 0 ]; then
        t guest-pvcalls 0 printf '%s\n' "Parsing config from /etc/xen/guest-pvcalls.cfg" \
            "xl: warning: $pv (Status, Linux: Experimental) is outside security support; enabled (support=warn)"
        echo "(XEN) support: d2: $pv is outside security support (Status, Linux: Experimental); enabled (support=warn)"
        t guest-list 0 printf '%s\n' "Domain-0                                     0   512     1     r-----      44.2" \
            "guest-pvcalls                                2   160     1     --p---       0.0" 2
        t guest-status 1 printf '%s\n' "  domain 2: PVCalls (backend) (warned)" \
            "    warned, domain (domain 2): pvcalls=backend=0"
        t guest-destroy 0 true
        t guest-gone 1 printf '%s\n' "  domain 2 (gone): PVCalls (backend) (warned)"
    else
        for op in support_table support_load support_note; do
            echo "(XEN) avc:  denied  { $op } for current=d1 scontext=system_u:system_r:domU_t tcontext=system_u:system_r:xen_t tclass=xen2"
        done
        t guest-pvcalls 3 printf '%s\n' "Parsing config from /etc/xen/guest-pvcalls.cfg" \
            "xl: $pv (Status, Linux: Experimental) is outside security support; refused (support=refuse)" \
            "xl: not creating the domain: its configuration is outside security support on this host (support=refuse; see xen-support audit /etc/xen/guest-pvcalls.cfg)"
        echo "(XEN) support: new domain: $pv is outside security support (Status, Linux: Experimental); refused (support=refuse)"
        t guest-list 1 printf '%s\n' "Domain-0                                     0   512     2     r-----      26.6" \
            "Can't get domid of domain name 'guest-pvcalls', maybe this domain does not exist."
        t guest-status 1 printf '%s\n' "  not built: PVCalls (backend) (refused)" \
            "    refused, domain (a domain not built): pvcalls=backend=0"
    fi
}
sys() { # sys NAME WANT_RC PATTERN MODE LOG
    check "$1" "$2" "$3" env O="$O" SUPPORT_MD=$doc scripts/boot/judge.sh sysctl "$4" "$5" "$table" "$next"
}
# mkmod: a faithful log of the boot with next.bin as a module.
mkmod() {
    local sum nsum
    sum=$(hx info | sed -n 's/^table_checksum *: //p')
    nsum=$("$xs" --table "$next" info | sed -n 's/^table_checksum *: //p')
    echo "@@BOOT arch=x86_64 kernel=test uptime_ms=1"
    echo "@@SETUP xenfs rc=0"
    echo "(XEN) support: module 2 is the support table"
    echo "(XEN) support: sched=credit2: 'Credit2 Scheduler' is outside security support (Status: Experimental); enabled (support=warn)"
    echo "(XEN) support: statement for Xen $ver: 93 features, 152 rows, $(wc -c <"$next") bytes (boot module)"
    echo "@@TESTS uptime_ms=2"
    t module-info 0 printf '%-23s: %s\n' table_checksum "$nsum" table_active module \
        table_generation 2 builtin_table_checksum "$sum"
    t module-dump 0 true
    dumpof module "$next"
    t module-status 1 printf '%s\n' "    warned, boot: sched=credit2"
    echo "@@DONE pass=3 fail=1 uptime_ms=3"
}
for mode in dummy flask; do
    mksys $mode >"$tmp/sysctl/$mode.log"
    sys "faithful sysctl log ($mode) passes" 0 '^judge: PASS' $mode "$tmp/sysctl/$mode.log"
done
mkmod >"$tmp/sysctl/module.log"
sys "faithful module log passes" 0 '^judge: PASS' module "$tmp/sysctl/module.log"
# sysbad NAME PATTERN MODE SED: the faithful MODE log edited by SED fails.
sysbad() {
    sed "$4" "$tmp/sysctl/$3.log" >"$tmp/sysctl/bad.log"
    cmp -s "$tmp/sysctl/$3.log" "$tmp/sysctl/bad.log" && { echo "FAIL $1: the edit changed nothing"; fails=$((fails + 1)); return; }
    sys "$1" 1 "^FAIL  $2" "$3" "$tmp/sysctl/bad.log"
}
sysbad "sysctl: RTDS cpupool created under refuse" 'markers' flask 's/@@END cpupool rc=1/@@END cpupool rc=0/'
sysbad "sysctl: altered dump" 'table read in dom0' dummy '/^@@D table /{s/^@@D table A/@@D table B/;s/^@@D table [^B]/@@D table A/}'
sysbad "sysctl: the read after the hostile cases differs" 'table read in dom0 (dump final)' flask '/^@@D final /{s/^@@D final A/@@D final B/;s/^@@D final [^B]/@@D final A/}'
sysbad "probe: a call's rc differs (whatever it says)" 'probe: non-zero pad' dummy 's/^ok: non-zero pad (rc -22)/ok: non-zero pad (rc 0)/'
sysbad "probe: a call missing" 'probe: unknown sub-op' dummy '/^ok: unknown sub-op/d'
sysbad "probe: get_info's rows differ" "probe: get_info rows" dummy 's/ rows [0-9]* / rows 1 /'
sysbad "probe: get_info's size differs" "probe: get_info size" dummy 's/^info: size [0-9]*/info: size 1/'
sysbad "hostile: a case got another errno, said ok" 'hostile: 1 cases wrong' dummy 's/want EINVAL, got EINVAL/want EINVAL, got EFAULT/'
sysbad "hostile: a case wrote back" 'hostile: 1 cases wrong' flask 's/got EFAULT; nothing written back/got EFAULT; OUT fields WRITTEN/'
sysbad "hostile: a case line lost" 'hostile: 2 case lines' dummy '/NULL buffer: want/d'
sysbad "hostile: no read after the cases" 'hostile: no full read' dummy '/after the hostile calls/d'
sysbad "load: reads short" 'load: want' dummy 's/@@LOAD reads=100000/@@LOAD reads=99999/'
sysbad "load: free memory changed" 'load: want' dummy 's/free_after=1000/free_after=999/'
sysbad "load: a mismatch" 'load: want' dummy 's/mismatches=0/mismatches=1/'
sysbad "load: no @@LOAD line" 'load: want' dummy '/@@LOAD/d'
sysbad "no support line from Xen" "Xen's support line" flask '/statement for Xen/d'
sysbad "hypfs: the table read through hypfs differs" 'table read in dom0 (dump hypfs)' dummy '/^@@D hypfs /{s/^@@D hypfs A/@@D hypfs B/;s/^@@D hypfs [^B]/@@D hypfs A/}'
sysbad "hypfs: no table node" 'hypfs: ls /support' dummy '/^<blob> /d'
sysbad "hypfs: the policy says warn under refuse" 'hypfs: /support/policy' flask 's/^refuse$/warn/'
sysbad "hypfs: the exemption missing" 'hypfs: /support/policy' flask '/^exempt:/d'
sysbad "hypfs: the record lost events" 'hypfs: /support/record' dummy 's/lost          0/lost          1/'
sysbad "swap: a hostile load got another errno" 'swap: 23 cases; wrong' dummy 's/^swap: nested pair codes: want EBADMSG, got EBADMSG/swap: nested pair codes: want EBADMSG, got 0/'
sysbad "swap: the active table changed" 'swap: 23 cases; wrong' dummy '/^swap: arm rows only/s/active generation 1/active generation 2/'
sysbad "swap: a class missing" 'swap: 22 cases; wrong: ; missing: over the cap' dummy '/^swap: over the cap/d'
sysbad "swap: another table active before" 'swap: before the loads' dummy 's/^swap: before: generation 1/swap: before: generation 2/'
sysbad "load: next.bin not active" 'load: next.bin active' dummy 's/^table_active           : loaded/table_active           : built-in/'
sysbad "load: the table read after the load differs" 'table read through hypfs after the load' dummy '/^@@D next /{s/^@@D next A/@@D next B/;s/^@@D next [^B]/@@D next A/}'
sysbad "load: the CLI's refusal says nothing" 'load: the CLI says why' dummy 's/no status row applies to its architecture$/refused/'
sysbad "scenario: the second Credit2 pool created" 'markers' flask 's/@@END pool-credit2-after rc=1/@@END pool-credit2-after rc=0/'
sysbad "module: the built-in table active" 'info: table_active module' module 's/^table_active           : module/table_active           : built-in/'
sysbad "module: another table read" 'table read in dom0 (dump module)' module '/^@@D module /{s/^@@D module A/@@D module B/;s/^@@D module [^B]/@@D module A/}'
sysbad "module: Xen did not take it" 'module: no .(XEN) support: module 2' module '/module 2 is the support table/d'
sysbad "module: the boot gate read the built-in table" "module: no 'support: sched=credit2" module '/sched=credit2/d'
sysbad "guest: a support op answered in the domU" 'domU d1: missing' dummy 's/^domu: get_info via raw: rc EPERM/domu: get_info via raw: rc 0/'
sysbad "guest: the domU's calls did not reach Xen" 'domU d1: missing' flask 's/interface version 0x14, via raw: rc EACCES/interface version 0x14, via raw: rc EPERM/'
sysbad "guest: FLASK did not deny the note" 'FLASK denied d1 (domU_t) xen2:support_note' flask '/{ support_note }/d'
sysbad "guest: xl warned about the guest within support" 'guest-ok: xl said nothing' dummy '/^guest guest-ok: domid 1/a xl: warning: x: outside security support'
sysbad "guest: the guest within support did not end" 'guest-ok: created' dummy '/^@@GUEST-END rc=0/d'
sysbad "guest: the PV Calls guest not recorded against its domid" "xen: support: d2" dummy 's/support: d2: pvcalls/support: d3: pvcalls/'
sysbad "guest: the destroyed domain not gone" 'status after xl destroy' dummy 's/domain 2 (gone)/domain 2/'
sysbad "guest: the PV Calls guest built under refuse" 'markers' flask 's/@@END guest-pvcalls rc=3/@@END guest-pvcalls rc=0/'
sysbad "guest: a domain left after the refusal" 'guest-pvcalls: not in xl list' flask "s/^Can't get domid .*/guest-pvcalls  3  160  1  --p---  0.0/"
# Every other rule reads one line of Xen's log or of a dom0 output: the
# faithful log without all of those lines must fail each of those rules,
# one FAIL line per line taken out.
for mode in dummy flask; do
    grep -n -e '^(XEN)' -e '^    ' -e '^support_' -e '^outside_' -e '^xen_s' -e '^cpupool' \
        "$tmp/sysctl/$mode.log" | grep -v 'statement for Xen' | cut -d: -f1 >"$tmp/lines"
    sed "$(sed 's/$/d/' "$tmp/lines" | paste -sd';')" "$tmp/sysctl/$mode.log" >"$tmp/sysctl/bad.log"
    k=$(wc -l <"$tmp/lines")
    sys "$mode without the $k lines one rule each reads" 1 "^judge: FAIL ($k of " "$mode" "$tmp/sysctl/bad.log"
done

if [ $fails -gt 0 ]; then
    echo "judge-test: $fails of $n failed"
    exit 1
fi
echo "judge-test: all $n passed"
