#!/usr/bin/env bash
# test_check_arch.sh GEN XS TMP: a statement with upstream's current IOMMU
# rows (tests/gen/fixtures/upstream-forms.md) compiled by GEN, then asked
# by the xen-support command XS whether the IOMMU is security supported.
# On x86 it is (AMD IOMMU, Intel VT-d); the Arm-only rows, Renesas
# IPMMU-VMSA among them, must not count against x86, and do count on Arm.
set -euo pipefail
gen=$1
xs=$2
tmp=$3
mkdir -p "$tmp"
tab=$tmp/upstream-forms.tab
fail=0

"$gen" --quiet -o "$tab" tests/gen/fixtures/upstream-forms.md

# expect RC ARGS...: xen-support --table TAB ARGS... exits RC.
expect() {
    local want=$1 rc=0
    shift
    "$xs" --table "$tab" "$@" >"$tmp/out" 2>&1 || rc=$?
    if [ "$rc" -ne "$want" ]; then
        echo "test_check_arch: '$*' exited $rc, want $want:" >&2
        cat "$tmp/out" >&2
        fail=1
    fi
}

expect 0 check iommu --arch x86 --require security-supported
expect 1 check iommu --arch arm --require security-supported
expect 1 check 'ARM/GICv3' --arch arm --require security-supported
# The Arm-only UART is listed on Arm, not on x86.
expect 0 list --arch arm
grep -q 'SCI(F) UART' "$tmp/out" || {
    echo "test_check_arch: 'list --arch arm' lacks SCI(F) UART" >&2
    fail=1
}
expect 0 list --arch x86
if grep -q 'SCI(F) UART' "$tmp/out"; then
    echo "test_check_arch: 'list --arch x86' lists SCI(F) UART" >&2
    fail=1
fi
[ "$fail" -eq 0 ] || exit 1
echo "test_check_arch: ok"
