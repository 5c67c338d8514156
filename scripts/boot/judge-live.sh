#!/usr/bin/env bash
# judge-live.sh: judge.sh's rules for the live-query boot (scripts/boot/
# live.sh): dom0's xen-support and xl outputs against the host's
# `xen-support --table` on the booted table, and the boot-policy (gate)
# boots.  Sourced by judge.sh, whose helpers (rule, same, out, kv, host,
# markers, dumped) it uses.
# shellcheck shell=bash disable=SC2154 # variables set by judge.sh
set -euo pipefail

# ---- the live-query boot -------------------------------------------------
# The host's equivalent of each test in tests/boot/live.tests.sh: the
# same command on the booted table.  `list` without --arch on the
# hypervisor lists its architecture's rows (xen-support(1)).
live_host() {
    host xs-info info
    host xs-list-json list --json --arch all
    host xs-list list --arch "$xs_arch"
    host xs-list-arch list --arch "$xs_arch"
    host xs-show show 'Credit2 Scheduler'
    host xs-check-unsupported check 'RTDS based Scheduler'
    host xs-check-supported check --arch "$xs_arch" "$supported"
}

# info: the host's lines for the table, with table_source the hypervisor,
# then the hypervisor's own lines: its architecture and the policy.
judge_info() {
    local n bad=()
    out "$work/out" xs-info >"$work/dom0-xs-info.txt"
    sed 's/^\(table_source *: \).*/\1hypervisor/' "$work/host-xs-info.txt" >"$work/want-xs-info.txt"
    n=$(wc -l <"$work/want-xs-info.txt")
    head -n "$n" "$work/dom0-xs-info.txt" | cmp -s - "$work/want-xs-info.txt" ||
        bad+=("the first $n lines differ from the host's (diff $work/dom0-xs-info.txt $work/want-xs-info.txt)")
    tail -n +"$((n + 1))" "$work/dom0-xs-info.txt" >"$work/dom0-xs-info-hv.txt"
    [ "$(kv hypervisor_arch <"$work/dom0-xs-info-hv.txt")" = "$xs_arch" ] ||
        bad+=("hypervisor_arch '$(kv hypervisor_arch <"$work/dom0-xs-info-hv.txt")', want '$xs_arch'")
    [ "$(kv support_policy <"$work/dom0-xs-info-hv.txt")" = "$(policy)" ] ||
        bad+=("support_policy '$(kv support_policy <"$work/dom0-xs-info-hv.txt")', want '$(policy)'")
    [ "$(kv hypervisor_read_by <"$work/dom0-xs-info-hv.txt")" = sysctl ] ||
        bad+=("hypervisor_read_by '$(kv hypervisor_read_by <"$work/dom0-xs-info-hv.txt")', want 'sysctl'")
    [ "$(kv table_active <"$work/dom0-xs-info-hv.txt")" = "$active" ] ||
        bad+=("table_active '$(kv table_active <"$work/dom0-xs-info-hv.txt")', want '$active'")
    [ "$(kv builtin_table_checksum <"$work/dom0-xs-info-hv.txt")" = "$("$hxs" --table "$builtin" info | kv table_checksum)" ] ||
        bad+=("builtin_table_checksum '$(kv builtin_table_checksum <"$work/dom0-xs-info-hv.txt")', want the built-in table's")
    if [ ${#bad[@]} -eq 0 ]; then
        pass "info: $n lines as the host's (table_source hypervisor), hypervisor_arch $xs_arch, read by sysctl, support_policy $(policy), the $active table active"
    else
        fail "info: $(IFS=';'; echo "${bad[*]}")"
    fi
}

# xl info: the five support lines, each for its value (security_support
# is the date against today, as the host's xen-support info says it).
judge_xl_info() { # judge_xl_info OUTDIR WHAT WANT_POLICY WANT_OUTSIDE
    local f=$work/dom0-$2-xl-info.txt k got want bad=()
    out "$1" xl-info >"$f"
    for k in support_statement security_support_until security_support \
        support_policy support_outside; do
        got=$(kv "$k" <"$f")
        case $k in
        support_statement) want=$(kv xen_version <"$work/host-xs-info.txt") ;;
        security_support_until) want=$(kv security_support_until <"$work/host-xs-info.txt") ;;
        security_support) want=$(kv security_support <"$work/host-xs-info.txt") ;;
        support_policy) want=$3 ;;
        support_outside) want=$4 ;;
        esac
        if ! grep -q "^${k}[ \t]*:" "$f" || [ "$got" != "$want" ]; then
            bad+=("$k '$got', want '$want'")
        fi
    done
    if [ ${#bad[@]} -eq 0 ]; then
        pass "$2: xl info support lines: $(grep '^support_\|^security_support' "$f" | tr -s ' ' | paste -sd';')"
    else
        fail "$2: xl info: $(IFS=';'; echo "${bad[*]}")"
    fi
}

# A boot-policy boot (-g): sched=null is gated (Experimental).  Under
# support=warn Xen says so and runs it, xen-support status records it as
# warned and exits 1, xl info says it is outside; under support=refuse Xen
# refuses, runs credit2 and records a refusal, nothing is outside.
judge_gate() { # judge_gate MODE DECISION SCHEDULER STATUS-LINE STATUS-RC
    local mode=$1 glog=$work/gate-$1.log g=$work/out-gate-$1 line got bad=()
    line="support: sched=null: 'Null Scheduler' is outside security support (Status: Experimental); $2 (support=$mode)"
    [ -r "$glog" ] || { fail "gate ($mode): no log $glog"; return; }
    markers "$glog" "$g" -e xl-info -e "xs-status=$5" || bad+=("markers ($g.check)")
    grep -a -q -F -- "(XEN) $line" "$glog" || bad+=("no Xen line '$line'")
    got=$(out "$g" xl-info | kv xen_scheduler)
    [ "$got" = "$3" ] || bad+=("xl info xen_scheduler '$got', want '$3'")
    out "$g" xs-status >"$work/dom0-gate-$mode-status.txt"
    grep -q -x -F -- "    $4" "$work/dom0-gate-$mode-status.txt" ||
        bad+=("xen-support status lacks '$4'")
    if [ ${#bad[@]} -eq 0 ]; then
        pass "gate sched=null, support=$mode: Xen says $2, scheduler $3, status '$4' (exit $5)"
    else
        fail "gate sched=null, support=$mode: $(IFS=';'; echo "${bad[*]}")"
    fi
    judge_xl_info "$g" "gate-$mode" "$mode" "$(outside_of "$glog")"
}

# The boot-policy boot with a module (-g): SUPPORT_MD with Credit2 made
# Experimental (gate-module.bin), booted as a module with the default
# scheduler.  Xen takes the module, the boot scheduler's gate reads it
# (Credit2 warned, and run), and xen-support status records it.
judge_gate_module() {
    local glog=$work/gate-module.log g=$work/out-gate-module bad=() got line
    [ -r "$glog" ] || { fail "gate (module): no log $glog"; return; }
    markers "$glog" "$g" -e xl-info -e xs-status=1 || bad+=("markers ($g.check)")
    grep -a -q -E '^\(XEN\) support: module (at 0x[0-9a-f]+|[0-9]+) is the support table' "$glog" ||
        bad+=("no Xen line 'support: module ... is the support table'")
    line="support: sched=credit2: 'Credit2 Scheduler' is outside security support (Status: Experimental); enabled (support=warn)"
    grep -a -q -F -- "(XEN) $line" "$glog" || bad+=("no Xen line '$line'")
    got=$(out "$g" xl-info | kv xen_scheduler)
    [ "$got" = credit2 ] || bad+=("xl info xen_scheduler '$got', want 'credit2'")
    out "$g" xs-status >"$work/dom0-gate-module-status.txt"
    grep -q -x -F -- "    warned, boot: sched=credit2" "$work/dom0-gate-module-status.txt" ||
        bad+=("xen-support status lacks 'warned, boot: sched=credit2'")
    if [ ${#bad[@]} -eq 0 ]; then
        pass "gate (module): Xen takes the module, its Credit2 row warns at boot, status records it"
    else
        fail "gate (module): $(IFS=';'; echo "${bad[*]}")"
    fi
}

judge_live() {
    local gates=0
    [ "${1:-}" != -g ] || { gates=1; shift; }
    [ $# -eq 2 ] || usage
    arch=$1 work=$2
    case $arch in
    x86_64) supported='x86-64' xs_arch=x86 ;;
    arm64) supported='ARM v8' xs_arch=arm ;;
    *) die "unknown ARCH '$arch' (x86_64|arm64)" ;;
    esac
    log=$work/dom0.log table=$work/support_table.bin builtin=$table active=built-in
    # Booted with a table as a module: that one is what dom0 reads.
    if [ -r "$work/support_module.bin" ]; then
        table=$work/support_module.bin active=module
    fi
    [ -r "$log" ] || die "no log $log"
    [ -r "$table" ] || die "no table $table (the copy booted)"
    rm -rf "$work"/dom0-* "$work"/host-* "$work"/want-* "$work"/out*
    live_host

    # Setup, every test with the status the host's command has, the dump.
    local e=() t
    for t in xs-info xs-list-json xs-list xs-list-arch xs-show \
        xs-check-unsupported xs-check-supported; do
        e+=(-e "$t=$(cat "$work/host-$t.rc")")
    done
    e+=(-e xs-dump -e xl-info -e xl-info-statement)
    rule "markers: setup, every test with the host's exit status, dump decoded (details: $work/out.check)" \
        markers "$log" "$work/out" "${e[@]}" -d "table=$work/dom0-table.bin"

    dumped table
    if [ "$active" = module ]; then
        note "the table booted is the module $table; SUPPORT_MD made the built-in one"
    else
        table_from_doc
    fi
    judge_info
    same xs-list-json "list --json --arch all"
    same xs-list "list (the hypervisor's $xs_arch rows)"
    same xs-list-arch "list --arch $xs_arch"
    same xs-show "show 'Credit2 Scheduler'"
    same xs-check-unsupported "check 'RTDS based Scheduler' (exit $(cat "$work/host-xs-check-unsupported.rc"))"
    same xs-check-supported "check --arch $xs_arch '$supported' (exit $(cat "$work/host-xs-check-supported.rc"))"

    judge_xl_info "$work/out" main "$(policy)" "$(outside_of "$log")"
    # `xl info KEY` prints the value alone.
    local stmt got
    stmt=$(kv support_statement <"$work/dom0-main-xl-info.txt")
    got=$(out "$work/out" xl-info-statement)
    rule "xl info support_statement alone: '$got' (xl info: '$stmt')" eq "$stmt" "$got"

    if [ $gates -eq 1 ]; then
        judge_gate warn enabled null "warned, boot: sched=null" 1
        judge_gate refuse refused credit2 "refused, boot: sched=null" 0
        judge_gate_module
    fi
}
