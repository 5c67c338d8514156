#!/usr/bin/env bash
# gate-missing.sh GEN HOSTED_GEN DOC: gates find their feature by stable
# key, under any heading it has had, and a gate whose feature the document
# lacks fails the build with a message naming the gate and the key.
# support*.c (hosted flags) are compiled against headers generated from
# DOC: as is (must compile); with "XSM & FLASK" under its 4.20 heading,
# "FLASK XSM Module" (must compile, the FLASK gate on that feature); and
# with the RTDS heading renamed to one no release had (must fail with the
# #error of xen/support_gates.h).
set -euo pipefail
gen=$1 hosted_gen=$2 doc=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc_support() {
    ${CC:-cc} -std=c11 -fsyntax-only -DCONFIG_X86 -DCONFIG_SUPPORT_TABLE -I"$1" \
        -Ixen-side/hosted/include -I"$hosted_gen" -Icore/include -Ixen-side/include \
        xen-side/common/support.c xen-side/common/support_param.c \
        xen-side/common/support_policy.c xen-side/common/support_sysctl.c
}
mkdir -p "$tmp/ok/xen" "$tmp/bad/xen"
"$gen" --header "$tmp/ok/xen/support_features.h" -o "$tmp/ok.bin" "$doc" \
    2>/dev/null
cc_support "$tmp/ok" || { echo "gate-missing: FAIL: $doc does not build" >&2
    exit 1; }
grep -q '^### XSM & FLASK' "$doc"
mkdir -p "$tmp/new/xen"
sed 's/^### XSM & FLASK/### FLASK XSM Module/' "$doc" >"$tmp/new.md"
"$gen" --header "$tmp/new/xen/support_features.h" -o "$tmp/new.bin" \
    "$tmp/new.md" 2>/dev/null
grep -q '^#define SUPPORT_KEY_FLASK [0-9]* /\* FLASK XSM Module \*/$' \
    "$tmp/new/xen/support_features.h" || {
    echo "gate-missing: FAIL: no SUPPORT_KEY_FLASK for 'FLASK XSM Module'" >&2
    exit 1; }
cc_support "$tmp/new" || { echo "gate-missing: FAIL: the 4.20 heading of \
FLASK does not build" >&2; exit 1; }
echo "gate-missing: PASS: 'FLASK XSM Module' (4.20's heading) builds the FLASK gate"
grep -q '^### RTDS based Scheduler' "$doc"
sed 's/^### RTDS based Scheduler/### RTDS-like Scheduler/' "$doc" >"$tmp/bad.md"
"$gen" --header "$tmp/bad/xen/support_features.h" -o "$tmp/bad.bin" \
    "$tmp/bad.md" 2>/dev/null
if cc_support "$tmp/bad" 2>"$tmp/err"; then
    echo "gate-missing: FAIL: built without the RTDS feature" >&2
    exit 1
fi
want="support gate 'sched=rtds': no heading of SUPPORT_MD is stable key SCHED_RTDS"
if ! grep -qF "$want" "$tmp/err"; then
    echo "gate-missing: FAIL: the build failed without the message:" >&2
    cat "$tmp/err" >&2
    exit 1
fi
grep -m1 "$want" "$tmp/err"
echo "gate-missing: PASS: a document without the feature fails the build"
