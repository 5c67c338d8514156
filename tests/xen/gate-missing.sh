#!/usr/bin/env bash
# gate-missing.sh GEN HOSTED_GEN DOC: a gate whose feature the document
# lacks fails the build with a message naming the gate and the feature.
# support*.c (hosted flags) are compiled twice against headers generated
# from DOC: as is (must compile), and with the RTDS heading renamed (must
# fail with the #error of xen/support_gates.h).
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
grep -q '^### RTDS based Scheduler' "$doc"
sed 's/^### RTDS based Scheduler/### RTDS-like Scheduler/' "$doc" >"$tmp/bad.md"
"$gen" --header "$tmp/bad/xen/support_features.h" -o "$tmp/bad.bin" \
    "$tmp/bad.md" 2>/dev/null
if cc_support "$tmp/bad" 2>"$tmp/err"; then
    echo "gate-missing: FAIL: built without the RTDS feature" >&2
    exit 1
fi
want="support gate 'sched=rtds': feature SUPPORT_FEAT_RTDS_BASED_SCHEDULER is not in SUPPORT_MD"
if ! grep -qF "$want" "$tmp/err"; then
    echo "gate-missing: FAIL: the build failed without the message:" >&2
    cat "$tmp/err" >&2
    exit 1
fi
grep -m1 "$want" "$tmp/err"
echo "gate-missing: PASS: a document without the feature fails the build"
