#!/usr/bin/env bash
# judge.sh: the boot harness's judge.  Every rule reads raw output from a
# serial log (through log.sh: exit statuses, what a command printed, a
# dumped file, Xen's own lines) and compares it with what the host's
# tools say of the same table, computed here at judging time; no rule
# believes a PASS line a dom0 program prints about itself, and no size or
# checksum is written down here.  Rules and their made-up failing logs:
# tests/boot/judge-test.sh; the list of rules: docs/boot-test.md.  The
# rules of each kind of boot are in judge-live.sh and judge-sysctl.sh.
#
# usage: scripts/boot/judge.sh live [-g] ARCH WORK
#          the live-query boot: WORK/dom0.log against WORK/support_table.bin
#          (the table booted); -g also the boot-policy boots' logs
#          WORK/gate-warn.log and WORK/gate-refuse.log
#        scripts/boot/judge.sh sysctl MODE LOG TABLE NEXT
#          the sysctl boot of tests/xen/boot-test.sh (MODE dummy|flask|module;
#          NEXT: the table the boot loads at run time)
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
usage() { sed -n '11,17p' "$0" >&2; exit 2; }
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

# The rules of each kind of boot.
# shellcheck source=scripts/boot/judge-live.sh
. "$here/judge-live.sh"
# shellcheck source=scripts/boot/judge-sysctl.sh
. "$here/judge-sysctl.sh"

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
