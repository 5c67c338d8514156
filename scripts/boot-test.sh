#!/usr/bin/env bash
# boot-test.sh: the dom0 live-query boot test.  Builds Xen with the support
# table for ARCH, puts a static xen-support, the patched xl and the
# generator's table into the initramfs, boots it under QEMU and judges the
# serial log's markers (docs/boot-test.md, "The live-query test").  For
# arm64 (on an x86_64 host) xen-support and xl are cross-built against the
# sysroot of scripts/cross-sysroot.sh.
#
# usage: scripts/boot-test.sh [-r] [-B] [-g] [-j LOG] [ARCH]
#   ARCH     x86_64 (default, or $ARCH) | arm64
#   -r       `make run` mode: also print what `xen-support info`,
#            `xen-support list` and `xl info` said inside dom0
#   -B       the host binaries are built already (make did it): only check
#   -g       two more boots for the boot policy: sched=null warned under
#            the default support=warn, refused under support=refuse
#   -j LOG   judge an existing serial log (no build, no boot; with -g
#            also the gate boots' logs in BOOT_OUT/test-ARCH)
# Environment: O (build/default), XEN_BUILD (build/xen), SUPPORT_MD
# (docs/SUPPORT.md, compiled into Xen), XEN_ARGS (appended to Xen's
# command line), BOOT_TIMEOUT, BOOT_OUT (build/boot), XS_BIN / XL_BIN (the
# xen-support and xl put into dom0 instead of the built ones; XL_BIN=debian:
# Debian's unpatched xl).
# Exit: 0 PASS, 1 FAIL, 2 usage or build/setup error.
set -euo pipefail

runmode=0
prebuilt=0
judge_only=
gates=0
while getopts rBgj: opt; do
    case $opt in
    g) gates=1 ;;
    r) runmode=1 ;;
    B) prebuilt=1 ;;
    j) judge_only=$OPTARG ;;
    *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -le 1 ] || { sed -n '9,22p' "$0" >&2; exit 2; }
arch=${1:-${ARCH:-x86_64}}
case $arch in
x86_64) supported='x86-64' xs_arch=x86 ;;
arm64) supported='ARM v8' xs_arch=arm ;;
*) echo "boot-test.sh: unknown ARCH '$arch' (x86_64|arm64)" >&2; exit 2 ;;
esac

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
O=${O:-build/default}
xbuild=${XEN_BUILD:-build/xen}
doc=${SUPPORT_MD:-docs/SUPPORT.md}
bout=${BOOT_OUT:-build/boot}
work=$bout/test-$arch
mkdir -p "$work"
# The dom0 test list: this architecture's values, then the shared list.
tests=$work/dom0.tests.sh
{
    printf 'XS_ARCH=%s\nXS_SUPPORTED=%s\n' "$xs_arch" "'$supported'"
    cat tests/boot/live.tests.sh
} >"$tests.tmp" && mv "$tests.tmp" "$tests"

say() { echo "boot-test: $*"; }
die() { echo "boot-test: $*" >&2; exit 2; }

# Run a build step quietly into a log; show its tail when it fails.
step() {
    local what=$1 blog=$work/build-$1.log
    shift
    say "$what: $*"
    "$@" >"$blog" 2>&1 || {
        tail -n 25 "$blog" >&2
        die "$what failed (log: $blog)"
    }
}

# Whether our Makefile has a rule for TARGET (other issues add some): read
# make's database, so that no recipe runs.
have_target() {
    { make -pq O="$O" __boot_test_probe__ 2>/dev/null || true; } |
        awk -v t="$1:" 'index($0, t) == 1 { f = 1 } END { exit !f }'
}

# cross_xl ARCH OUTDIR: scripts/xl-build.sh with the cross compiler, the
# sysroot's headers and libraries (shared ones for the link only: dom0 gets
# them from boot-assets.sh's unpacked tree) and $O/ARCH/lib/libxensupport.a.
# shellcheck disable=SC2317 # called through step
cross_xl() {
    local root lib
    scripts/deps.sh cross
    root=$(scripts/cross-sysroot.sh "$1")
    lib=$root/usr/lib/aarch64-linux-gnu
    PKG_CONFIG_LIBDIR=$lib/pkgconfig:$root/usr/share/pkgconfig \
        PKG_CONFIG_SYSROOT_DIR=$root XEN_INCLUDE=$root/usr/include \
        CC=aarch64-linux-gnu-gcc XL_CFLAGS="-isystem $root/usr/include" \
        XL_LDFLAGS="-L$lib -Wl,-rpath-link=$lib:$root/lib/aarch64-linux-gnu" \
        XENSUPPORT_A=$O/$1/lib/libxensupport.a XS_INCLUDE=tools-side/include \
        scripts/xl-build.sh "$2"
}

notes=()
log=$work/dom0.log
xen=$work/xen
table=$work/support_table.bin
boot_secs=

if [ -z "$judge_only" ]; then
    t_start=$(date +%s)
    scripts/deps.sh host xen boot
    [ $prebuilt -eq 1 ] || step host make -j2 O="$O" all

    # dom0's xen-support: static, so that it needs nothing from the image;
    # for another architecture, cross-built against the sysroot of
    # scripts/cross-sysroot.sh ($O/ARCH/bin/xen-support-static).
    host_arch=$(uname -m | sed 's/aarch64/arm64/')
    xs=${XS_BIN:-}
    if [ -z "$xs" ]; then
        xs=$O/bin/xen-support-static
        [ "$arch" = "$host_arch" ] || xs=$O/$arch/bin/xen-support-static
        if [ ! -x "$xs" ] || [ $prebuilt -eq 0 ]; then
            have_target "$xs" || die "no rule for $xs in this tree"
            step xen-support-static make O="$O" "$xs"
        fi
    fi
    # The patched xl (tools-side/xl, built against Debian's libxen-dev; for
    # another architecture against the sysroot's, with that
    # architecture's libxensupport.a from the rule above).
    xl=${XL_BIN:-}
    if [ "$xl" = debian ]; then
        xl=
        notes+=("XL_BIN=debian: dom0 runs Debian's unpatched xl")
    elif [ -z "$xl" ] && [ "$arch" = "$host_arch" ]; then
        have_target xl || die "no 'xl' rule in this tree (tools-side/build.mk)"
        step xl make O="$O" xl
        xl=build/xl/xl
    elif [ -z "$xl" ]; then
        [ -f "$O/$arch/lib/libxensupport.a" ] ||
            step xen-support-static make O="$O" "$O/$arch/bin/xen-support-static"
        step xl cross_xl "$arch" "build/xl-$arch"
        xl=build/xl-$arch/xl
    fi
    # The hypervisor with the table compiled in; copied at once so that
    # another build of the same tree cannot change it under the boot.
    # With -B the generator is built already: -o keeps make from relinking it.
    keep=()
    [ $prebuilt -eq 0 ] || keep=(-o "$O/bin/xen-support-gen")
    step xen make --no-print-directory ${keep[@]+"${keep[@]}"} O="$O" \
        XEN_ARCH="$arch" SUPPORT_MD="$doc" xen
    # Under xen-build.sh's own lock, so that the pair is from one build.
    flock "$xbuild/$arch/.lock" sh -c 'cp "$1" "$3.tmp" && cp "$2" "$4.tmp"' _ \
        "$xbuild/$arch/out/xen" "$xbuild/$arch/out/support_table.bin" "$xen" "$table"
    mv "$xen.tmp" "$xen"
    mv "$table.tmp" "$table"
    t_built=$(date +%s)

    extra=(-f "$xs=/usr/bin/xen-support"
           -f "$table=/usr/share/xen-support/support_table.bin")
    [ -z "$xl" ] || extra+=(-f "$xl=/usr/lib/xen/bin/xl")
    say "initramfs: $tests, $xs${xl:+, $xl}, $table"
    assets=$(scripts/boot-assets.sh -n "test" -t "$tests" -L "$O/lib" \
        "${extra[@]}" "$arch" "$bout")
    kernel=$(sed -n 1p <<<"$assets")
    initrd=$(sed -n 2p <<<"$assets")
    t_assets=$(date +%s)

    # Never judge a log or a dump left by an earlier run.
    rm -f "$log" "$work"/dom0-* "$work/check-log.out"
    scripts/boot-run.sh -a "$arch" "$xen" "$kernel" "$initrd" "$log" |
        tee "$work/boot-run.out" || true
    boot_secs=$(sed -n 's/^boot-run: \([0-9.]*\) seconds.*/\1/p' "$work/boot-run.out")
    if [ $gates -eq 1 ]; then
        # The boot-policy boots: the same Xen, a small test list.
        gassets=$(scripts/boot-assets.sh -n gate -t tests/boot/gate.tests.sh \
            -L "$O/lib" "${extra[@]}" "$arch" "$bout")
        for mode in warn refuse; do
            gargs="$XEN_ARGS sched=null"
            [ $mode = warn ] || gargs="$gargs support=refuse"
            rm -f "$work/gate-$mode.log"
            XEN_ARGS=$gargs scripts/boot-run.sh -a "$arch" "$xen" \
                "$(sed -n 1p <<<"$gassets")" "$(sed -n 2p <<<"$gassets")" \
                "$work/gate-$mode.log" | tee "$work/gate-$mode.out" || true
        done
    fi
    say "times: builds $((t_built - t_start)) s, initramfs $((t_assets - t_built)) s"
else
    log=$judge_only
    [ -r "$table" ] || table=$xbuild/$arch/out/support_table.bin
fi

# ---- judging, from the serial log's markers only -------------------------
[ -r "$log" ] || die "no log $log"
rm -f "$work"/dom0-*  # recovered below, from this log only
nfail=0
results=()
pass() { results+=("PASS  $*"); }
fail() { results+=("FAIL  $*"); nfail=$((nfail + 1)); }

expect=(-e xs-info -e xs-list-json -e xs-list -e xs-list-arch -e xs-show
        -e xs-check-unsupported=1 -e xs-check-supported -e xs-dump -e xs-cmp
        -e xl-info -e xl-info-statement)
if tests/boot/check-log.sh "${expect[@]}" -d "table=$work/dom0-table.bin" \
    "$log" >"$work/check-log.out" 2>&1; then
    pass "markers: setup, every test with its expected status, dump decoded"
else
    grep '^FAIL' "$work/check-log.out" | sed 's/^/      /' >&2 || true
    fail "markers (details: $work/check-log.out)"
fi

# The output of dom0 test NAME (check-log's own verdict lines left out).
out() {
    tests/boot/check-log.sh -q "${expect[@]}" -o "$1" "$log" 2>/dev/null |
        grep -v -e '^FAIL: ' -e '^check-log: ' || true
}
# The value of KEY in `key : value` lines (xl info's format).
kv() {
    awk -v k="$1" '{ i = index($0, ":"); if (!i) next
        key = substr($0, 1, i - 1); gsub(/[ \t]+$/, "", key)
        if (key == k) { v = substr($0, i + 1); sub(/^[ \t]/, "", v); print v; exit } }'
}

hxs=$O/bin/xen-support
for f in "$hxs" "$O/bin/xen-support-gen"; do [ -x "$f" ] || die "$f not built"; done

# 1. The table dom0 read from Xen is the generator's, byte for byte (and
#    the host generator gives the same bytes for the same document).
"$O/bin/xen-support-gen" -o "$work/host-table.bin" "$doc" 2>"$work/gen.err" ||
    die "xen-support-gen $doc failed: $(cat "$work/gen.err")"
if [ -f "$work/dom0-table.bin" ] && cmp -s "$work/dom0-table.bin" "$table"; then
    pass "table dumped in dom0 == $table ($(wc -c <"$table") bytes)"
else
    fail "table dumped in dom0 differs from (or is missing against) $table"
fi
if cmp -s "$work/host-table.bin" "$table"; then
    pass "generator on the host reproduces $table from $doc"
else
    fail "$table is not what xen-support-gen makes of $doc (stale build?)"
fi

# 2. list --json: valid JSON, the document's release facts and rows.
"$hxs" --document "$doc" list --json --arch all >"$work/host-list.json"
out xs-list-json >"$work/dom0-list.json"
if r=$(python3 tests/boot/compare-list.py "$work/dom0-list.json" "$work/host-list.json"); then
    pass "list --json: $r"
else
    fail "list --json: $(tr '\n' ' ' <<<"$r")"
fi

# 3. info: every line the document gives on the host, with the same value;
#    the source is the hypervisor.
"$hxs" --document "$doc" info >"$work/host-info.txt"
out xs-info >"$work/dom0-info.txt"
src=$(kv table_source <"$work/dom0-info.txt")
bad=()
while IFS= read -r line; do
    key=${line%%:*}
    key=${key%"${key##*[! ]}"}
    if [ -z "$key" ] || [ "$key" = table_source ]; then continue; fi
    if ! grep -q "^${key}[ \t]*:" "$work/dom0-info.txt" ||
        [ "$(kv "$key" <"$work/dom0-info.txt")" != "$(kv "$key" <"$work/host-info.txt")" ]; then
        bad+=("$key")
    fi
done <"$work/host-info.txt"
if [ "$src" = hypervisor ] && [ ${#bad[@]} -eq 0 ]; then
    pass "info: $(wc -l <"$work/host-info.txt") lines as the document's, table_source hypervisor"
else
    fail "info: table_source '${src}', lines missing or different: ${bad[*]-}"
fi

# 4. list (--arch ARCH), show: the same text as on the host.
same_text() {
    local name=$1
    shift
    "$hxs" --document "$doc" "$@" >"$work/host-$name.txt" 2>&1 || true
    out "$name" >"$work/dom0-$name.txt"
    if [ -s "$work/dom0-$name.txt" ] && cmp -s "$work/dom0-$name.txt" "$work/host-$name.txt"; then
        pass "$*: $(wc -l <"$work/dom0-$name.txt") lines, as on the host"
    else
        fail "$*: differs from the host's (diff $work/dom0-$name.txt $work/host-$name.txt)"
    fi
}
same_text xs-list-arch list --arch "$xs_arch"
same_text xs-show show 'Credit2 Scheduler'
# `list` without --arch on the hypervisor: the rows of its architecture
# (the host's `list --arch ARCH`).  A CLI that lists every row there is
# noted, not failed: both are what the host prints for the document.
"$hxs" --document "$doc" list >"$work/host-xs-list.txt" 2>&1 || true
out xs-list >"$work/dom0-xs-list.txt"
if [ -s "$work/dom0-xs-list.txt" ] && cmp -s "$work/dom0-xs-list.txt" "$work/host-xs-list-arch.txt"; then
    pass "list: the $xs_arch rows by default ($(wc -l <"$work/dom0-xs-list.txt") lines)"
elif [ -s "$work/dom0-xs-list.txt" ] && cmp -s "$work/dom0-xs-list.txt" "$work/host-xs-list.txt"; then
    pass "list: every row ($(wc -l <"$work/dom0-xs-list.txt") lines), as the host's list without --arch"
    notes+=("list without --arch printed every architecture's rows, not the hypervisor's ($xs_arch) only")
else
    fail "list: neither the host's list nor its list --arch $xs_arch (diff $work/dom0-xs-list.txt $work/host-xs-list-arch.txt)"
fi

# 5. check: the expected statuses are judged with the markers above; the
#    host agrees with dom0 on both.
hrc=0
"$hxs" --document "$doc" check 'RTDS based Scheduler' >/dev/null 2>&1 || hrc=$?
hrc2=0
"$hxs" --document "$doc" check --arch "$xs_arch" "$supported" >/dev/null 2>&1 || hrc2=$?
if [ $hrc -eq 1 ] && [ $hrc2 -eq 0 ]; then
    pass "check: host agrees (RTDS exit 1, '$supported' exit 0)"
else
    fail "check on the host: RTDS exit $hrc (want 1), '$supported' exit $hrc2 (want 0)"
fi

# 6. xl info: the support lines, and `xl info support_statement`.
out xl-info >"$work/dom0-xl-info.txt"
missing=()
for k in support_statement security_support_until support_policy support_outside; do
    grep -q "^${k}[ \t]*:" "$work/dom0-xl-info.txt" || missing+=("$k")
done
if [ ${#missing[@]} -eq 0 ]; then
    pass "xl info: support_statement, security_support_until, support_policy, support_outside"
else
    fail "xl info lacks: ${missing[*]}"
fi
want_ssu=$(kv security_support_until <"$work/host-info.txt")
got_ssu=$(kv security_support_until <"$work/dom0-xl-info.txt")
if [ "$got_ssu" = "$want_ssu" ]; then
    pass "xl info security_support_until: $got_ssu"
else
    fail "xl info security_support_until '$got_ssu', document says '$want_ssu'"
fi
# The statement is the document's Xen version; `xl info KEY` prints the
# value alone.
want_stmt=$(kv xen_version <"$work/host-info.txt")
stmt=$(kv support_statement <"$work/dom0-xl-info.txt")
got=$(out xl-info-statement | sed '/^[ \t]*$/d')
if [ -n "$stmt" ] && [ "$stmt" = "$want_stmt" ] && [ "$got" = "$stmt" ]; then
    pass "xl info support_statement: $got (the document's xen_version)"
else
    fail "xl info support_statement: '$stmt' in xl info, '$got' alone; document's xen_version '$want_stmt'"
fi

# 7. (-g) The boot policy: sched=null is gated (Experimental).  Under the
#    default support=warn Xen says so and runs it, and `xen-support status`
#    records it as warned and exits 1; under support=refuse Xen says it
#    refused, runs its default scheduler (credit2) and records a refusal.
gate_check() { # gate_check MODE DECISION SCHEDULER STATUS-LINE STATUS-RC
    local mode=$1 glog=$work/gate-$1.log line got bad=()
    line="support: sched=null: 'Null Scheduler' is outside security support (Status: Experimental); $2 (support=$mode)"
    [ -r "$glog" ] || { fail "gate ($mode): no log $glog"; return; }
    tests/boot/check-log.sh -e xl-info -e "xs-status=$5" "$glog" \
        >"$work/gate-$mode.check" 2>&1 || bad+=("markers ($work/gate-$mode.check)")
    grep -a -q -F -- "(XEN) $line" "$glog" || bad+=("no Xen line '$line'")
    got=$({ tests/boot/check-log.sh -q -o xl-info "$glog" 2>/dev/null || true; } |
        kv xen_scheduler)
    [ "$got" = "$3" ] || bad+=("xl info xen_scheduler '$got', want '$3'")
    tests/boot/check-log.sh -q -o xs-status "$glog" 2>/dev/null >"$work/dom0-gate-$mode-status.txt" || true
    grep -q -F -- "$4" "$work/dom0-gate-$mode-status.txt" ||
        bad+=("xen-support status lacks '$4'")
    if [ ${#bad[@]} -eq 0 ]; then
        pass "gate sched=null, support=$mode: Xen says $2, scheduler $3, status '$4' (exit $5)"
    else
        fail "gate sched=null, support=$mode: $(IFS=';'; echo "${bad[*]}")"
    fi
}
if [ $gates -eq 1 ]; then
    gate_check warn enabled null "warned, boot: sched=null" 1
    gate_check refuse refused credit2 "refused, boot: sched=null" 0
fi

# ---- report ---------------------------------------------------------------
# Benchmarks: the per-call µs of each xen-support / xl block, in order
# (rounds interleave them): medians of each, and the median of the
# per-round ratios.
bench=$(tests/boot/check-log.sh -q "${expect[@]}" -m BENCH "$log" | grep '^@@BENCH' || true)
bench_report=$(awk '
    function med(a, n,   i, j, t) {
        for (i = 2; i <= n; i++)
            for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    { for (i = 3; i <= NF; i++) if ($i ~ /^median_us=/) v = substr($i, 11) }
    $2 == "xs-info" { xs[++nx] = v }
    $2 == "xl-info" { xl[++nl] = v }
    END {
        n = nx < nl ? nx : nl
        for (i = 1; i <= n; i++) if (xs[i] > 0) r[++nr] = xl[i] / xs[i]
        if (!nr) exit
        mr = med(r, nr); mx = med(xs, nx); ml = med(xl, nl)
        printf "dom0 wall time per call (median of %d blocks each): xen-support info %.1f ms, xl info %.1f ms; ratio xl/xen-support %.1f (median of %d paired rounds)\n", n, mx / 1000, ml / 1000, mr, nr
    }' <<<"$bench")

if [ $runmode -eq 1 ]; then
    for t in "xs-info:xen-support info" "xs-list:xen-support list" "xl-info:xl info"; do
        echo
        echo "== dom0: ${t#*:}"
        out "${t%%:*}"
    done
    echo
fi

echo "== boot test ($arch, $doc${XEN_ARGS:+, XEN_ARGS=\"$XEN_ARGS\"})"
for n in ${notes[@]+"${notes[@]}"}; do echo "NOTE  $n"; done
printf '%s\n' "${results[@]}"
uptime() { # uptime KIND: dom0's uptime_ms at marker @@KIND
    tests/boot/check-log.sh -q "${expect[@]}" -m "$1" "$log" |
        sed -n "s/^@@$1 .*uptime_ms=\([0-9]*\).*/\1/p" | sed -n 1p
}
tests_ms=$(uptime TESTS)
done_ms=$(uptime DONE)
[ -z "$boot_secs" ] || echo "boot-to-poweroff: $boot_secs s wall (QEMU start to exit, TCG)"
if [ $gates -eq 1 ] && [ -z "$judge_only" ]; then
    for mode in warn refuse; do
        s=$(sed -n 's/^boot-run: \([0-9.]*\) seconds.*/\1/p' "$work/gate-$mode.out" 2>/dev/null)
        echo "gate boot ($mode): ${s:-?} s wall"
    done
fi
echo "dom0 uptime: tests start ${tests_ms:-?} ms, @@DONE ${done_ms:-?} ms (the two benches take most of the difference)"
[ -z "$bench_report" ] || echo "$bench_report"
if [ $nfail -eq 0 ]; then
    echo "boot-test: PASS ($arch, $(( ${#results[@]} )) checks; log $log)"
    exit 0
fi
echo "boot-test: FAIL ($nfail of ${#results[@]} checks; log $log)"
exit 1
