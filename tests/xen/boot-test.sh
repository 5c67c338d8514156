#!/usr/bin/env bash
# boot-test.sh XEN_BUILD PROBE XS HOSTILE LOAD: boot the x86_64 hypervisor
# built by `make xen` (XEN_BUILD/x86_64/out/xen) with a Debian dom0 under
# QEMU, run PROBE (tests/xen/boot/sysctl-probe.c), XS (a static
# xen-support), HOSTILE (sysctl-hostile.c) and LOAD (sysctl-load.c) there,
# and check from the serial log: the table read through the sysctl equals
# the generator's output, every probe check passed, every hostile case got
# its documented errno and a normal read afterwards still matched the
# table (docs/hardening.md), Xen printed its support line, xl works, and
# the boot policy (support=) did what docs/support-policy.md says.  The
# dummy boot also runs the load: 100,000 full reads, Xen's free memory
# unchanged, reads per second printed.  Two boots:
#  - dummy: the default XSM policy, sched=null under the default
#    support=warn: null runs, Xen warns (a line and the end-of-boot
#    banner), a cpupool with RTDS is created with a warning, and
#    `xen-support status` lists both events and exits 1;
#  - flask: xsm=flask flask=enforcing (dom0_t is granted
#    xen2:support_table) with support=refuse,exempt:xsm-flask and
#    sched=rtds: FLASK runs (exempted), RTDS is refused and credit2 runs,
#    the RTDS cpupool fails with EPERM and Xen's refusal line, and
#    `xen-support status` lists FLASK (active) and both refusals.
set -euo pipefail
xbuild=$1 probe=$2 xs=$3 hostile=$4 load=$5
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
out=$xbuild/x86_64/out
[ -f "$out/xen" ] || { echo "boot-test: no $out/xen (make xen)" >&2; exit 1; }

scripts/deps.sh boot
assets=$(scripts/boot-assets.sh -n xen-sysctl -t tests/xen/boot/sysctl.tests.sh \
    -f "$probe=/usr/bin/xen-sysctl-probe" -f "$xs=/usr/bin/xen-support" \
    -f "$hostile=/usr/bin/xen-sysctl-hostile" \
    -f "$load=/usr/bin/xen-sysctl-load" \
    -f "$(realpath "$out/support_table.bin")=/usr/share/xen-support/support_table.bin" \
    x86_64 build/boot)
kernel=$(sed -n 1p <<<"$assets")
initrd=$(sed -n 2p <<<"$assets")
logs=build/boot/logs
mkdir -p "$logs"
fail=0
bad() {
    echo "boot-test: $mode: FAIL: $*" >&2
    fail=1
}
# has FILE TEXT WHAT: FILE contains the fixed string TEXT.
has() {
    grep -a -q -F -- "$2" "$1" || bad "$3 (no '$2' in $1)"
}
for mode in dummy flask; do
    fail_before=$fail
    # A larger transmit buffer: no dom0 output lost in bursts (dumps).
    # dom0 never runs under RTDS: under TCG on a loaded host, RTDS prints
    # hundreds of "burn_budget, ATTENTION: now is behind last_start" lines
    # (time going backwards), which land inside dom0's marker lines.  So
    # the warn boot takes the null scheduler (also Experimental, the same
    # gate) and RTDS is asked for by the cpupool (a pool without CPUs);
    # the refuse boot asks for sched=rtds, which is refused.
    if [ $mode = dummy ]; then
        args="loglvl=all serial_tx_buffer=256k sched=null"
    else
        args="loglvl=all serial_tx_buffer=256k sched=rtds xsm=flask"
        args="$args flask=enforcing support=refuse,exempt:xsm-flask"
    fi
    log=$logs/xen-sysctl-$mode.log
    start=$(date +%s.%N)
    scripts/boot-run.sh -a x86_64 -x "$args" "$out/xen" "$kernel" "$initrd" \
        "$log" || true
    secs=$(echo "$(date +%s.%N) - $start" | bc)
    if [ $mode = dummy ]; then pool=0; else pool=1; fi
    expect=(-e probe -e hostile -e xl-info -e "cpupool=$pool" -e xs-status=1
        -e xs-prom=1)
    tests=(probe hostile xl-info cpupool xs-status xs-prom)
    if [ $mode = dummy ]; then
        expect+=(-e load)
        tests+=(load)
    fi
    if ! tests/boot/check-log.sh "${expect[@]}" \
        -d "table=$logs/xen-sysctl-$mode.table" "$log"; then
        fail=1; continue
    fi
    for t in "${tests[@]}"; do
        tests/boot/check-log.sh "${expect[@]}" -q -o "$t" "$log" \
            >"$logs/xen-sysctl-$mode.$t"
    done
    cat "$logs/xen-sysctl-$mode.probe"
    hostile_out=$logs/xen-sysctl-$mode.hostile
    grep -a '^FAIL' "$hostile_out" || true
    if grep -a -q '^FAIL' "$hostile_out" ||
        ! grep -a -q '^hostile: PASS$' "$hostile_out"; then
        bad "hostile caller (see $hostile_out)"
    fi
    hostile_ms=$(tests/boot/check-log.sh "${expect[@]}" -q -m END "$log" |
        sed -n 's/^@@END hostile rc=[0-9]* ms=//p')
    echo "boot-test: $mode: hostile: $(grep -a -c '^ok: ' "$hostile_out") checks" \
        "ok (the cases and the read after them), $(grep -a -c '^FAIL' "$hostile_out") failed" \
        "(${hostile_ms:-?} ms in dom0)"
    loadline=
    if [ $mode = dummy ]; then
        lm=$(tests/boot/check-log.sh "${expect[@]}" -q -m LOAD "$log" |
            sed -n 1p)
        lf() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" ${lm#@@LOAD }"; }
        if [ -z "$lm" ]; then
            bad "no @@LOAD line"
        elif [ "$(lf reads)" != 100000 ] || [ "$(lf failed)" != 0 ] ||
            [ "$(lf mismatches)" != 0 ] || [ -z "$(lf free_before)" ] ||
            [ "$(lf free_before)" != "$(lf free_after)" ]; then
            bad "load: $lm"
        fi
        loadline="load: $(lf reads) reads ($(lf sysctls) sysctls) in"
        loadline="$loadline $(lf ms) ms: $(lf reads_per_s) reads/s (dom0"
        loadline="$loadline clock, QEMU TCG: an emulated machine); Xen free"
        loadline="$loadline pages $(lf free_before) before, $(lf free_after) after"
        echo "boot-test: $mode: $loadline"
    fi
    if ! cmp "$logs/xen-sysctl-$mode.table" "$out/support_table.bin"; then
        bad "table read in dom0 differs"
    fi
    if ! grep -a -q 'support: statement for Xen .* features' "$log"; then
        bad "no support line in Xen's log"
    fi
    rtds="support: sched=rtds: 'RTDS based Scheduler' is outside security support (Status: Experimental)"
    status=$logs/xen-sysctl-$mode.xs-status
    prom=$logs/xen-sysctl-$mode.xs-prom
    if [ $mode = dummy ]; then
        has "$log" "support: sched=null: 'Null Scheduler' is outside security support (Status: Experimental); enabled (support=warn)" \
            "warning line"
        has "$log" "WARNING: SUPPORT: features outside security support enabled" \
            "banner"
        has "$log" "(XEN)  Null Scheduler" "banner entry"
        grep -a -q 'Using scheduler: .*(null)' "$log" || bad "null not used"
        grep -q '^xen_scheduler *: null' "$logs/xen-sysctl-$mode.xl-info" ||
            bad "xl info: xen_scheduler is not null"
        has "$log" "support: cpupool sched=rtds: 'RTDS based Scheduler' is outside security support (Status: Experimental); enabled (support=warn)" \
            "cpupool warning"
        has "$logs/xen-sysctl-$mode.cpupool" "cpupool rtds: created pool" \
            "cpupool created"
        has "$status" "support_policy         : warn (strict)" "status policy"
        has "$status" "outside_active         : 2" "status count"
        has "$status" "    warned, boot: sched=null" "status boot event"
        has "$status" "    warned, runtime (domain 0): cpupool sched=rtds" \
            "status runtime event"
        has "$prom" 'xen_support_outside_active{feature="Null Scheduler",level="experimental",security="no",decision="warned",source="boot",origin="sched=null"} 1' \
            "prometheus boot gauge"
        has "$prom" 'xen_support_outside_active{feature="RTDS based Scheduler",level="experimental",security="no",decision="warned",source="runtime",origin="cpupool sched=rtds"} 1' \
            "prometheus runtime gauge"
        has "$prom" 'xen_support_policy{policy="warn",strict="yes",exempt="0"} 1' \
            "prometheus policy"
    else
        grep -a -q 'Flask:.*enforcing' "$log" || bad "FLASK not enforcing"
        has "$log" "support: flask: 'XSM & FLASK' is outside security support (Status: Experimental); enabled (exempted)" \
            "FLASK exemption line"
        has "$log" "$rtds; refused (support=refuse)" "refusal line"
        grep -a -q 'Using scheduler: .*(credit2)' "$log" ||
            bad "credit2 not used after the refusal"
        grep -q '^xen_scheduler *: credit2' "$logs/xen-sysctl-$mode.xl-info" ||
            bad "xl info: xen_scheduler is not credit2"
        has "$log" "support: cpupool sched=rtds: 'RTDS based Scheduler' is outside security support (Status: Experimental); refused (support=refuse)" \
            "cpupool refusal line"
        has "$logs/xen-sysctl-$mode.cpupool" \
            "cpupool rtds: create failed: errno 1 (Operation not permitted)" \
            "cpupool EPERM"
        has "$status" "support_policy         : refuse (strict)" "status policy"
        has "$status" "support_exempt         : 1" "status exemptions"
        has "$status" "    exempted, boot: flask" "status exempted FLASK"
        has "$status" "    refused, boot: sched=rtds" "status refused RTDS"
        has "$status" "    refused, runtime (domain 0): cpupool sched=rtds" \
            "status refused cpupool"
        has "$prom" 'decision="exempted",source="boot",origin="flask"} 1' \
            "prometheus exempted gauge"
        has "$prom" 'xen_support_refused_count 2' "prometheus refused count"
    fi
    [ $fail -eq "$fail_before" ] && echo "boot-test: $mode: PASS ($args;" \
        "boot ${secs}s): table read by XEN_SYSCTL_support_table equals" \
        "$out/support_table.bin; hostile caller passed;" \
        "${loadline:+$loadline; }boot policy checks passed"
done
exit $fail
