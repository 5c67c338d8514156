#!/usr/bin/env bash
# judge-sysctl.sh: judge.sh's rules for the sysctl boots
# (tests/xen/boot-test.sh): the probe's return codes and counts, each
# hostile case's errno, the load's counts, Xen's lines, the outputs of
# `xen-support status`, and the statement replaced at run time.  Sourced by judge.sh, whose helpers it uses.
# shellcheck shell=bash disable=SC2154 # variables set by judge.sh
set -euo pipefail

# ---- the sysctl boot (tests/xen/boot-test.sh) -----------------------------
# The hypfs view (docs/hypfs.md), read with Xen's xenhypfs: /support holds
# its three nodes, the policy is the one the boot asked for (warn, or
# refuse with the FLASK boot's exemption; strict), and the record's line
# has its fixed form, with the record's capacity and nothing lost.
judge_hypfs() {
    local ls pol rec want
    ls=$(out "$work/out" hypfs-ls)
    rule "hypfs: ls /support: table (blob), policy, record (strings)" \
        eq "$(printf '%s\n' "$ls" | tr -s ' ' | sort)" \
        "$(printf '<blob> r- table\n<string> r- policy\n<string> r- record' | sort)"
    pol=$(out "$work/out" hypfs-policy)
    want=warn
    [ "$mode" = dummy ] || want=refuse
    want=$(printf '%s\nstrict' "$want")
    [ "$mode" = dummy ] || want=$(printf '%s\nexempt:XSM & FLASK' "$want")
    rule "hypfs: /support/policy is '$(printf '%s' "$pol" | tr '\n' ' ')'" \
        eq "$pol" "$want"
    rec=$(out "$work/out" hypfs-record)
    rule "hypfs: /support/record '$rec'" \
        grep -q -E '^events +[0-9]+ lost +0 max +64 generation +[0-9]+$' \
        <<<"$rec"
}

# The probe's checks: the return code of each call as printed, against
# docs/sysctl.md (0, -ENOBUFS = -105, -EINVAL = -22).
probe_rcs="get_info=0
get_table size=0
get_table whole=0
whole, 1 short=-105
offset past the end=-22
non-zero pad=-22
unknown sub-op=-22
get_events (count only)=0"

judge_probe() {
    local f=$work/dom0-probe.txt line what want got bad=() n=0 v k
    out "$work/out" probe >"$f"
    while IFS= read -r line; do
        what=${line%=*} want=${line##*=}
        got=$(sed -n "s/^[a-zA-Z]*: $what (rc \(-\{0,1\}[0-9]*\))$/\1/p" "$f" | sed -n 1p)
        [ "$got" = "$want" ] || bad+=("$what: rc '$got', want $want")
    done <<<"$probe_rcs"
    # get_info's counts: those the host reads in the same table.
    line=$(grep -m1 '^info: ' "$f" || true)
    for k in size:table_size features:features rows:rows sections:sections; do
        v=$(sed -n "s/.* ${k%%:*} \([0-9]*\).*/\1/p" <<<" ${line#info: }")
        [ "$v" = "$(kv "${k#*:}" <"$work/host-info.txt")" ] ||
            bad+=("get_info ${k%%:*} '$v', host ${k#*:} '$(kv "${k#*:}" <"$work/host-info.txt")'")
        n=$((n + 1))
    done
    if [ ${#bad[@]} -eq 0 ]; then
        pass "probe: $(wc -l <<<"$probe_rcs") calls with the documented rc, get_info's $n counts as the host's"
    else
        fail "probe: $(IFS=';'; echo "${bad[*]}")"
    fi
}

# The hostile caller: each case line "WORD: NAME: want E1, got E2[; ...]"
# is judged here (E2 must be E1, nothing flagged WRITTEN or DIFFERENT),
# whatever WORD says; the read after them returns the table's size (its
# bytes, dumped as "final", are compared by the dumped rule).
judge_hostile() {
    local f=$work/dom0-hostile.txt cases bad=() said n
    out "$work/out" hostile >"$f"
    cases=$(grep -a -c ': want [A-Z0-9-]*, got ' "$f" || true)
    said=$(sed -n 's/^hostile: \([0-9]*\) cases,.*/\1/p' "$f")
    [ "$cases" -gt 0 ] || bad+=("no case lines")
    [ "$cases" = "$said" ] || bad+=("$cases case lines, the program counted '$said'")
    awk '/: want [A-Z0-9-]*, got / {
            w = $0; sub(/.*: want /, "", w); sub(/,.*/, "", w)
            g = $0; sub(/.*, got /, "", g); sub(/[;].*/, "", g)
            if (w != g || $0 ~ /WRITTEN|DIFFERENT/) print }' "$f" >"$work/hostile-bad.txt"
    n=$(wc -l <"$work/hostile-bad.txt")
    [ "$n" -eq 0 ] || bad+=("$(wc -l <"$work/hostile-bad.txt") cases wrong: $(head -n 3 "$work/hostile-bad.txt" | paste -sd'|')")
    grep -a -q "^[a-zA-Z]*: after the hostile calls: xc_sysctl read $(wc -c <"$table") bytes, " "$f" ||
        bad+=("no full read of $(wc -c <"$table") bytes after the cases")
    if [ ${#bad[@]} -eq 0 ]; then
        pass "hostile: $cases cases, each got the errno docs/sysctl.md gives; Xen still answers ($(wc -c <"$table") bytes)"
    else
        fail "hostile: $(IFS=';'; echo "${bad[*]}")"
    fi
}

# The load (dummy boot): 100000 reads asked for in sysctl.tests.sh.
judge_load() {
    local lm
    lm=$(out "$work/out" load | grep -o '@@LOAD .*' | sed -n 1p || true)
    lf() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" ${lm#@@LOAD }"; }
    if [ -n "$lm" ] && [ "$(lf reads)" = 100000 ] && [ "$(lf failed)" = 0 ] &&
        [ "$(lf mismatches)" = 0 ] && [ -n "$(lf free_before)" ] &&
        [ "$(lf free_before)" = "$(lf free_after)" ]; then
        pass "load: $(lf reads) reads ($(lf sysctls) sysctls) in $(lf ms) ms, $(lf reads_per_s) reads/s (dom0 clock, TCG); Xen free pages $(lf free_before) before and after"
    else
        fail "load: want reads=100000 failed=0 mismatches=0 free_before=free_after, got '${lm:-no @@LOAD line}'"
    fi
}


# The statement replaced at run time (docs/support-policy.md), dummy boot.
# Each hostile load's line "swap: NAME: want E, got G; active A": G must
# be E, and A the table active before them all, the built-in one
# (generation 1, the checksum and size the host reads in TABLE); every
# class named in issue 14 is there.  Then the CLI refuses a table with
# Arm rows only, next.bin (NEXT) loads, info says so, and hypfs gives it.
swap_classes="zero length: want EINVAL
flags 1: want EINVAL
over the cap: want E2BIG
NULL buffer: want EFAULT
wild buffer: want EFAULT
format version 99: want EOPNOTSUPP
nested pair codes: want EBADMSG
arm rows only: want ENOEXEC
byte 1 flipped, stale checksum: want EBADMSG
cut to 1 bytes: want EBADMSG"

judge_swap() {
    local f=$work/dom0-swap.txt sum before n c missing=()
    out "$work/out" swap >"$f"
    sum=$(kv table_checksum <"$work/host-info.txt")
    before="generation 1 checksum $sum size $(wc -c <"$table")"
    rule "swap: before the loads the built-in table is active ($before)" \
        eq "$(sed -n 's/^swap: before: //p' "$f")" "$before"
    n=$(grep -c '^swap: .*: want ' "$f" || true)
    awk -v a="$before" '/^swap: .*: want / {
        w = $0; sub(/.*: want /, "", w); sub(/,.*/, "", w)
        g = $0; sub(/.*, got /, "", g); sub(/;.*/, "", g)
        t = $0; sub(/.*; active /, "", t)
        if (w != g || t != a) print }' "$f" >"$work/swap-bad.txt"
    while IFS= read -r c; do
        grep -q -F "swap: $c, " "$f" || missing+=("$c")
    done <<<"$swap_classes"
    if [ "$n" -ge 20 ] && [ ! -s "$work/swap-bad.txt" ] && [ ${#missing[@]} -eq 0 ]; then
        pass "swap: $n hostile loads, each refused with its errno, the active table the built-in one after each"
    else
        fail "swap: $n cases; wrong: $(head -n 3 "$work/swap-bad.txt" | paste -sd'|'); missing: $(IFS='|'; echo "${missing[*]}")"
    fi
}

judge_next() {
    local sum nsum ln inf
    sum=$(kv table_checksum <"$work/host-info.txt")
    "$hxs" --table "$next" info >"$work/host-next.txt"
    nsum=$(kv table_checksum <"$work/host-next.txt")
    rule "load: the CLI says why Xen refused Arm rows only" \
        grep -q 'no status row applies to its architecture' <<<"$(out "$work/out" load-arm)"
    ln=$(out "$work/out" load-next) inf=$(out "$work/out" info-next)
    rule "load: next.bin active, loaded, generation 2, its checksum $nsum, built-in $sum" \
        eq "$(kv table_active <<<"$ln") $(kv table_generation <<<"$ln") $(kv table_checksum <<<"$ln") $(kv builtin_table_checksum <<<"$ln")" \
        "loaded 2 $nsum $sum"
    rule "info after the load: table_active loaded, table_checksum $nsum, builtin_table_checksum $sum" \
        eq "$(kv table_active <<<"$inf") $(kv table_checksum <<<"$inf") $(kv builtin_table_checksum <<<"$inf")" \
        "loaded $nsum $sum"
    rule "table read through hypfs after the load (dump next) == $next" \
        cmp -s "$work/dom0-next.bin" "$next"
}

# The boot with next.bin (NEXT) as a multiboot module: Xen takes it, the
# boot gates already read it (Credit2, the default scheduler, is
# Experimental there), and dom0 reads it, with the built-in table's
# checksum next to it.
judge_module() {
    local sum nsum inf
    rule "markers: the module boot's tests, dump decoded (details: $work/out.check)" \
        markers "$log" "$work/out" -e module-info -e module-dump -e module-status=1 \
        -d "module=$work/dom0-module.bin"
    rule "table read in dom0 (dump module) == $next" cmp -s "$work/dom0-module.bin" "$next"
    sum=$(kv table_checksum <"$work/host-info.txt")
    nsum=$("$hxs" --table "$next" info | kv table_checksum)
    inf=$(out "$work/out" module-info)
    rule "info: table_active module, generation 2, table_checksum $nsum, builtin_table_checksum $sum" \
        eq "$(kv table_active <<<"$inf") $(kv table_generation <<<"$inf") $(kv table_checksum <<<"$inf") $(kv builtin_table_checksum <<<"$inf")" \
        "module 2 $nsum $sum"
    out "$work/out" module-status >"$work/dom0-module-status.txt"
    local text f
    while IFS='|' read -r f text; do
        [ "$f" = xen ] && f=$log || f=$work/dom0-module-status.txt
        if grep -a -q -F -- "$text" "$f"; then pass "module: $text"; else fail "module: no '$text' (in $f)"; fi
    done <<<"xen|(XEN) support: module 2 is the support table
xen|(boot module)
xen|support: sched=credit2: 'Credit2 Scheduler' is outside security support (Status: Experimental); enabled (support=warn)
status|    warned, boot: sched=credit2"
}

# Guests (docs/xl-create.md).  guest-ok, within support: the host's audit
# of its configuration says so, xl says nothing of support, Xen records
# nothing for its domid, and its console shows every support op it issued
# denied (ERR: EPERM under the dummy policy, EACCES under FLASK) with
# nothing written back, then its end.  guest-pvcalls: the host's audit
# finds PVCalls (backend) outside; under warn xl warns, Xen records it
# against the domid xl list gives, status lists the domain, and after
# `xl destroy` lists it gone; under refuse xl refuses, no domain is
# left, and the record holds the refusal of a domain not built.
judge_guests() {
    local err=EPERM ok pv list st gone okid pvid op bad=() want
    local what="PVCalls (backend)' is outside security support (Status, Linux: Experimental)"
    [ "$mode" = dummy ] || err=EACCES
    ok=$(out "$work/out" guest-ok) pv=$(out "$work/out" guest-pvcalls)
    list=$(out "$work/out" guest-list) st=$(out "$work/out" guest-status)
    gone=$(out "$work/out" guest-gone)
    if "$hxs" --table "$table" audit tests/xen/boot/guest-ok.cfg \
        >"$work/host-audit-ok.txt" 2>&1; then
        pass "host: audit guest-ok.cfg: within security support (exit 0)"
    else
        fail "host: audit guest-ok.cfg: exit $? ($(tail -n 1 "$work/host-audit-ok.txt"))"
    fi
    if "$hxs" --table "$table" audit tests/xen/boot/guest-pvcalls.cfg \
        >"$work/host-audit-pv.txt" 2>&1; then
        fail "host: audit guest-pvcalls.cfg: exit 0, want 1"
    else
        rule "host: audit guest-pvcalls.cfg: exit 1, pvcalls = backend=0 -> PVCalls (backend), outside" \
            grep -q 'pvcalls = backend=0: PVCalls (backend): .*outside security support' \
            "$work/host-audit-pv.txt"
    fi
    okid=$(sed -n 's/^guest guest-ok: domid \([0-9][0-9]*\)$/\1/p' <<<"$ok")
    rule "guest-ok: created (domid '$okid'), ran, gone" \
        eq "$(grep -c -e '^guest guest-ok: gone after' -e '^@@GUEST-BEGIN hypervisor=xen' -e '^@@GUEST-END rc=0' <<<"$ok")" 3
    rule "guest-ok: xl said nothing of support" \
        eq "$(grep -c 'security support' <<<"$ok")" 0
    rule "guest-ok: Xen recorded nothing for d$okid" \
        eq "$(grep -a -c "(XEN) support: d$okid:" "$log")" 0
    # The call with another interface version is refused by do_sysctl()
    # before XSM (EACCES in both boots): the calls reach Xen.
    for op in "get_info via xc_sysctl: rc $err" "get_info via raw: rc $err, written no" \
        "get_info, interface version 0x14, via raw: rc EACCES" \
        "get_events via raw: rc $err, written no" "load via raw: rc $err, written no" \
        "note via raw: rc $err, written no"; do
        grep -q -F "domu: $op" <<<"$ok" || bad+=("$op")
    done
    if [ ${#bad[@]} -eq 0 ] && [ -n "$okid" ] && grep -q '^domu: done' <<<"$ok"; then
        pass "domU d$okid: 5 support ops issued by the guest itself, each denied with $err, nothing written back; another interface version EACCES"
    else
        fail "domU d$okid: missing or other: $(IFS='|'; echo "${bad[*]}")"
    fi
    if [ "$mode" = flask ]; then
        for op in support_table support_load support_note; do
            rule "FLASK denied d$okid (domU_t) xen2:$op" grep -a -q -E \
                "\\(XEN\\) avc: +denied +\\{ $op \\} for current=d$okid scontext=system_u:system_r:domU_t tcontext=system_u:system_r:xen_t tclass=xen2" "$log"
        done
    fi
    if [ "$mode" = dummy ]; then
        pvid=$(tail -n 1 <<<"$list")
        rule "guest-pvcalls: created paused, domid '$pvid' in xl list" \
            grep -q -E "^guest-pvcalls +$pvid " <<<"$list"
        want="xl: warning: pvcalls=backend=0: 'PVCalls (backend)' (Status, Linux: Experimental) is outside security support; enabled (support=warn)"
        rule "xl: $want" grep -q -F -- "$want" <<<"$pv"
        want="support: d$pvid: pvcalls=backend=0: '$what; enabled (support=warn)"
        rule "xen: $want" grep -a -q -F -- "$want" "$log"
        for want in "  domain $pvid: PVCalls (backend) (warned)" \
            "    warned, domain (domain $pvid): pvcalls=backend=0"; do
            rule "status: $want" grep -q -F -- "$want" <<<"$st"
        done
        want="  domain $pvid (gone): PVCalls (backend) (warned)"
        rule "status after xl destroy: $want" grep -q -F -- "$want" <<<"$gone"
    else
        rule "guest-pvcalls: not in xl list, no domid" \
            eq "$(grep -c -E '^guest-pvcalls |^[0-9]+$' <<<"$list")" 0
        for want in "xl: pvcalls=backend=0: 'PVCalls (backend)' (Status, Linux: Experimental) is outside security support; refused (support=refuse)" \
            "xl: not creating the domain: its configuration is outside security support on this host"; do
            rule "xl: $want" grep -q -F -- "$want" <<<"$pv"
        done
        want="support: new domain: pvcalls=backend=0: '$what; refused (support=refuse)"
        rule "xen: $want" grep -a -q -F -- "$want" "$log"
        for want in "  not built: PVCalls (backend) (refused)" \
            "    refused, domain (a domain not built): pvcalls=backend=0"; do
            rule "status: $want" grep -q -F -- "$want" <<<"$st"
        done
    fi
}

judge_sysctl() {
    [ $# -eq 4 ] || usage
    local mode=$1 pool e st pr xi
    log=$2 table=$3 next=$4
    work=$(dirname "$log")/$(basename "$log" .log).judge
    [ -r "$log" ] || die "no log $log"
    mkdir -p "$work"
    rm -rf "${work:?}"/*
    "$hxs" --table "$table" info >"$work/host-info.txt"
    case $mode in
    dummy) pool=0 ;;
    flask) pool=1 ;;
    module)
        judge_module
        return
        ;;
    *) die "unknown MODE '$mode' (dummy|flask|module)" ;;
    esac
    e=(-e probe -e hostile -e xl-info -e "cpupool=$pool" -e xs-status=1 -e xs-prom=1
        -e hypfs-ls -e hypfs-table -e hypfs-policy -e hypfs-record)
    if [ "$mode" = dummy ]; then
        e+=(-e load -e swap -e load-arm=3 -e load-next -e info-next -e next-table
            -d "next=$work/dom0-next.bin")
    else
        e+=(-e pool-credit2 -e load-next -e status-next=1 -e pool-credit2-after=1)
    fi
    if [ "$mode" = dummy ]; then
        e+=(-e guest-ok -e guest-pvcalls -e guest-list -e guest-status=1
            -e guest-destroy -e guest-gone=1)
    else
        e+=(-e guest-ok -e guest-pvcalls=3 -e guest-list=1 -e guest-status=1)
    fi
    rule "markers: setup, every test with its status, dumps decoded (details: $work/out.check)" \
        markers "$log" "$work/out" "${e[@]}" -d "table=$work/dom0-table.bin" \
        -d "final=$work/dom0-final.bin" -d "hypfs=$work/dom0-hypfs.bin"
    dumped table
    dumped final
    dumped hypfs
    judge_hypfs
    judge_probe
    judge_hostile
    if [ "$mode" = dummy ]; then
        judge_load
        judge_swap
        judge_next
    fi
    judge_guests
    rule "Xen's support line at boot" grep -a -q '(XEN) support: statement for Xen .* features' "$log"
    st=$work/dom0-xs-status.txt pr=$work/dom0-xs-prom.txt xi=$work/dom0-xl-info.txt
    out "$work/out" xs-status >"$st"
    out "$work/out" xs-prom >"$pr"
    out "$work/out" xl-info >"$xi"
    out "$work/out" cpupool >"$work/dom0-cpupool.txt"
    out "$work/out" pool-credit2 >"$work/dom0-pool-credit2.txt"
    out "$work/out" status-next >"$work/dom0-status-next.txt"
    out "$work/out" pool-credit2-after >"$work/dom0-pool-credit2-after.txt"
    if [ "$mode" = dummy ]; then
        rule "Xen runs null" grep -a -q 'Using scheduler: .*(null)' "$log"
        rule "xl info xen_scheduler null" eq "$(kv xen_scheduler <"$xi")" null
    else
        rule "FLASK enforcing" grep -a -q 'Flask:.*enforcing' "$log"
        rule "Xen runs credit2 after the refusal" grep -a -q 'Using scheduler: .*(credit2)' "$log"
        rule "xl info xen_scheduler credit2" eq "$(kv xen_scheduler <"$xi")" credit2
    fi
    # One rule per line of sysctl_lines for this MODE: the file holds TEXT.
    local m where text f
    while IFS='|' read -r m where text; do
        [ "$m" = "$mode" ] || continue
        case $where in
        xen) f=$log ;;
        cpupool) f=$work/dom0-cpupool.txt ;;
        status) f=$st ;;
        prom) f=$pr ;;
        pool) f=$work/dom0-pool-credit2.txt ;;
        status-next) f=$work/dom0-status-next.txt ;;
        pool-after) f=$work/dom0-pool-credit2-after.txt ;;
        esac
        if grep -a -q -F -- "$text" "$f"; then pass "$where: $text"; else fail "$where: no '$text' (in $f)"; fi
    done <<<"$sysctl_lines"
}

# The lines each sysctl boot must show: MODE|WHERE|TEXT, WHERE being Xen's
# log, the cpupool test's output, `xen-support status` or its
# --prometheus form (docs/support-policy.md, docs/sysctl.md).
sysctl_lines="\
dummy|xen|support: sched=null: 'Null Scheduler' is outside security support (Status: Experimental); enabled (support=warn)
dummy|xen|WARNING: SUPPORT: features outside security support enabled
dummy|xen|(XEN)  Null Scheduler
dummy|xen|support: cpupool sched=rtds: 'RTDS based Scheduler' is outside security support (Status: Experimental); enabled (support=warn)
dummy|cpupool|cpupool rtds: created pool
dummy|status|support_policy         : warn (strict)
dummy|status|outside_active         : 2
dummy|status|    warned, boot: sched=null
dummy|status|    warned, runtime (domain 0): cpupool sched=rtds
dummy|prom|xen_support_outside_active{feature=\"Null Scheduler\",level=\"experimental\",security=\"no\",decision=\"warned\",source=\"boot\",origin=\"sched=null\"} 1
dummy|prom|xen_support_outside_active{feature=\"RTDS based Scheduler\",level=\"experimental\",security=\"no\",decision=\"warned\",source=\"runtime\",origin=\"cpupool sched=rtds\"} 1
dummy|prom|xen_support_policy{policy=\"warn\",strict=\"yes\",exempt=\"0\"} 1
flask|xen|support: flask: 'XSM & FLASK' is outside security support (Status: Experimental); enabled (exempted)
flask|xen|support: sched=rtds: 'RTDS based Scheduler' is outside security support (Status: Experimental); refused (support=refuse)
flask|xen|support: cpupool sched=rtds: 'RTDS based Scheduler' is outside security support (Status: Experimental); refused (support=refuse)
flask|cpupool|cpupool rtds: create failed: errno 1 (Operation not permitted)
flask|status|support_policy         : refuse (strict)
flask|status|support_exempt         : 1
flask|status|    exempted, boot: flask
flask|status|    refused, boot: sched=rtds
flask|status|    refused, runtime (domain 0): cpupool sched=rtds
flask|prom|decision=\"exempted\",source=\"boot\",origin=\"flask\"} 1
flask|prom|xen_support_refused_events 2
dummy|xen|support: d0: table not loaded (-8): no status row applies to this architecture
dummy|xen|support: d0: loaded table active
flask|pool|cpupool credit2: created pool
flask|xen|support: d0: loaded table active
flask|xen|support: cpupool sched=credit2: 'Credit2 Scheduler' is outside security support in the statement now active; it was enabled before
flask|status-next|    warned, runtime (domain 0): cpupool sched=credit2
flask|xen|support: cpupool sched=credit2: 'Credit2 Scheduler' is outside security support (Status: Experimental); refused (support=refuse)
flask|pool-after|cpupool credit2: create failed: errno 1 (Operation not permitted)"
