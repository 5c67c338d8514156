#!/usr/bin/env bash
# judge.sh: the boot harness's judge.  Every rule reads raw output from a
# serial log (through log.sh: exit statuses, what a command printed, a
# dumped file, Xen's own lines) and compares it with what the host's
# tools say of the same table, computed here at judging time; no rule
# believes a PASS line a dom0 program prints about itself, and no size or
# checksum is written down here.  Rules and their made-up failing logs:
# tests/boot/judge-test.sh; the list of rules: docs/boot-test.md.
#
# usage: scripts/boot/judge.sh live [-g] ARCH WORK
#          the live-query boot: WORK/dom0.log against WORK/support_table.bin
#          (the table booted); -g also the boot-policy boots' logs
#          WORK/gate-warn.log and WORK/gate-refuse.log
#        scripts/boot/judge.sh sysctl MODE LOG TABLE
#          the sysctl boot of tests/xen/boot-test.sh (MODE dummy|flask)
# Environment: O (build/default: the host's xen-support, xen-support-gen),
# SUPPORT_MD (docs/SUPPORT.md: the document TABLE must come from),
# XEN_ARGS (the live boot's extra Xen arguments: the support= policy
# expected).
# Prints one PASS/FAIL line per rule, NOTE lines, then "judge: PASS|FAIL".
# Exit: 0 pass, 1 fail, 2 usage or setup error.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
here=scripts/boot
O=${O:-build/default}
doc=${SUPPORT_MD:-docs/SUPPORT.md}
hxs=$O/bin/xen-support
die() { echo "judge.sh: $*" >&2; exit 2; }
usage() { sed -n '10,15p' "$0" >&2; exit 2; }
for f in "$hxs" "$O/bin/xen-support-gen"; do [ -x "$f" ] || die "$f not built"; done

nfail=0
nrules=0
pass() { echo "PASS  $*"; nrules=$((nrules + 1)); }
fail() { echo "FAIL  $*"; nrules=$((nrules + 1)); nfail=$((nfail + 1)); }
note() { echo "NOTE  $*"; }
# rule TEXT CMD...: PASS TEXT when CMD succeeds, else FAIL TEXT.
rule() {
    local t=$1
    shift
    if "$@"; then pass "$t"; else fail "$t"; fi
}
# eq A B: A and B are the same non-empty string.
# shellcheck disable=SC2317 # called through rule
eq() { [ -n "$1" ] && [ "$1" = "$2" ]; }

# out DIR NAME: the raw output of dom0 test NAME, as markers saved it.
out() { cat "$1/$2.out" 2>/dev/null || true; }
# kv KEY: the value of KEY in `key : value` lines (xl info's format).
kv() {
    awk -v k="$1" '{ i = index($0, ":"); if (!i) next
        key = substr($0, 1, i - 1); gsub(/[ \t]+$/, "", key)
        if (key == k) { v = substr($0, i + 1); sub(/^[ \t]/, "", v); print v; exit } }'
}
# host NAME ARGS...: the host's xen-support on the booted table; output
# in $work/host-NAME.txt, exit status in $work/host-NAME.rc.
host() {
    local name=$1 rc=0
    shift
    "$hxs" --table "$table" "$@" >"$work/host-$name.txt" 2>&1 || rc=$?
    echo "$rc" >"$work/host-$name.rc"
}
# same NAME WHAT: dom0's output of test NAME equals the host's, line for
# line (an empty output never passes).
same() {
    out "$work/out" "$1" >"$work/dom0-$1.txt"
    if [ -s "$work/dom0-$1.txt" ] && cmp -s "$work/dom0-$1.txt" "$work/host-$1.txt"; then
        pass "$2: $(wc -l <"$work/dom0-$1.txt") lines, exactly as the host's"
    else
        fail "$2: differs from the host's (diff $work/dom0-$1.txt $work/host-$1.txt)"
    fi
}
# markers LOG DIR ARGS...: log.sh's verdict on setup, statuses and dumps
# (in DIR.check); every test's output saved in DIR for out.
markers() {
    local l=$1 d=$2
    shift 2
    if "$here/log.sh" "$@" -O "$d" "$l" >"$d.check" 2>&1; then return 0; fi
    grep '^FAIL' "$d.check" | sed 's/^/      /'
    return 1
}
# policy: the support= policy XEN_ARGS asks for (the last one; warn).
policy() {
    local p=warn a
    for a in ${XEN_ARGS:-}; do
        case $a in support=*) p=${a#support=}; p=${p%%,*} ;; esac
    done
    echo "$p"
}
# outside_of LOG: what Xen's own lines in LOG say is active outside
# security support ("support: ...: 'NAME' is outside ...; enabled (...)"),
# in order, joined as xl info joins them; none when nothing is.
outside_of() {
    tr -d '\r' <"$1" | sed -n "s/^(XEN) support: [^:]*: '\(.*\)' is outside security support (.*); enabled (.*/\1/p" |
        awk '{ s = s (NR > 1 ? ", " : "") $0 } END { print NR ? s : "none" }'
}
# table_from_doc: the host's generator makes TABLE's bytes of SUPPORT_MD.
table_from_doc() {
    "$O/bin/xen-support-gen" -o "$work/host-table.bin" "$doc" 2>"$work/gen.err" ||
        die "xen-support-gen $doc failed: $(cat "$work/gen.err")"
    rule "generator on the host makes $table from $doc" \
        cmp -s "$work/host-table.bin" "$table"
}
# dumped NAME: dom0's dump NAME (recovered by markers) is TABLE's bytes.
dumped() {
    rule "table read in dom0 (dump $1) == $table, $(wc -c <"$table") bytes" \
        cmp -s "$work/dom0-$1.bin" "$table"
}

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
    if [ ${#bad[@]} -eq 0 ]; then
        pass "info: $n lines as the host's (table_source hypervisor), hypervisor_arch $xs_arch, support_policy $(policy)"
    else
        fail "info: $(IFS=';'; echo "${bad[*]}")"
    fi
}

# xl info: the four support lines, each for its value.
judge_xl_info() { # judge_xl_info OUTDIR WHAT WANT_POLICY WANT_OUTSIDE
    local f=$work/dom0-$2-xl-info.txt k got want bad=()
    out "$1" xl-info >"$f"
    for k in support_statement security_support_until support_policy support_outside; do
        got=$(kv "$k" <"$f")
        case $k in
        support_statement) want=$(kv xen_version <"$work/host-xs-info.txt") ;;
        security_support_until) want=$(kv security_support_until <"$work/host-xs-info.txt") ;;
        support_policy) want=$3 ;;
        support_outside) want=$4 ;;
        esac
        if ! grep -q "^${k}[ \t]*:" "$f" || [ "$got" != "$want" ]; then
            bad+=("$k '$got', want '$want'")
        fi
    done
    if [ ${#bad[@]} -eq 0 ]; then
        pass "$2: xl info support lines: $(grep '^support_\|^security_support_until' "$f" | tr -s ' ' | paste -sd';')"
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
    log=$work/dom0.log table=$work/support_table.bin
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
    table_from_doc
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
    fi
}

# ---- the sysctl boot (tests/xen/boot-test.sh) -----------------------------
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


judge_sysctl() {
    [ $# -eq 3 ] || usage
    local mode=$1 pool e st pr xi
    log=$2 table=$3
    work=$(dirname "$log")/$(basename "$log" .log).judge
    [ -r "$log" ] || die "no log $log"
    mkdir -p "$work"
    rm -rf "${work:?}"/*
    "$hxs" --table "$table" info >"$work/host-info.txt"
    case $mode in
    dummy) pool=0 ;;
    flask) pool=1 ;;
    *) die "unknown MODE '$mode' (dummy|flask)" ;;
    esac
    e=(-e probe -e hostile -e xl-info -e "cpupool=$pool" -e xs-status=1 -e xs-prom=1)
    [ "$mode" != dummy ] || e+=(-e load)
    rule "markers: setup, every test with its status, dumps decoded (details: $work/out.check)" \
        markers "$log" "$work/out" "${e[@]}" -d "table=$work/dom0-table.bin" \
        -d "final=$work/dom0-final.bin"
    dumped table
    dumped final
    judge_probe
    judge_hostile
    [ "$mode" != dummy ] || judge_load
    rule "Xen's support line at boot" grep -a -q '(XEN) support: statement for Xen .* features' "$log"
    st=$work/dom0-xs-status.txt pr=$work/dom0-xs-prom.txt xi=$work/dom0-xl-info.txt
    out "$work/out" xs-status >"$st"
    out "$work/out" xs-prom >"$pr"
    out "$work/out" xl-info >"$xi"
    out "$work/out" cpupool >"$work/dom0-cpupool.txt"
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
flask|prom|xen_support_refused_count 2"

[ $# -ge 1 ] || usage
what=$1
shift
case $what in
live) judge_live "$@" ;;
sysctl) judge_sysctl "$@" ;;
*) usage ;;
esac
if [ $nfail -eq 0 ]; then
    echo "judge: PASS ($what, $nrules rules)"
    exit 0
fi
echo "judge: FAIL ($nfail of $nrules rules)"
exit 1
