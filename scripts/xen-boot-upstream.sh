#!/usr/bin/env bash
# xen-boot-upstream.sh TREE...: by hand (CI cannot fetch upstream Xen),
# boot each Xen tree with the series under QEMU (x86_64, TCG) with
# Debian 12's dom0 and tools, and check on the host what dom0 read:
# the serial log names the tree's Xen version, `xen-support info`
# succeeded and says how it read the hypervisor (the sysctl where the
# tree speaks Debian's sysctl interface version, 0x15; hypfs where it
# does not), and the table dom0 dumped is byte for byte the table the
# tree's build made from its own SUPPORT.md.  Builds as
# scripts/xen-ports.sh does (build/ports/<tree>/), logs in
# build/ports/<tree>/boot/.  Prints a Markdown table; exits 1 if any
# tree failed.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
# shellcheck source=scripts/xen-tree.sh
. scripts/xen-tree.sh
[ $# -gt 0 ] || { echo "usage: xen-boot-upstream.sh TREE..." >&2; exit 2; }
gen=${XEN_SUPPORT_GEN:-build/default/bin/xen-support-gen}
O=${O:-build/default}
for b in "$O/bin/xen-support-static" "$O/tests/xen/xenhypfs"; do
    [ -x "$b" ] || { echo "xen-boot-upstream.sh: $b missing (make test-xen-boot builds it)" >&2; exit 2; }
done
scripts/deps.sh boot
mapfile -t assets < <(scripts/boot/assets.sh -n upstream \
    -t tests/xen/boot/upstream.tests.sh \
    -f "$O/bin/xen-support-static=/usr/bin/xen-support" \
    -f "$O/tests/xen/xenhypfs=/usr/bin/xenhypfs" x86_64 build/boot)
[ ${#assets[@]} -eq 2 ] || exit 2

module=${SUPPORT_MODULE:-}
[ -z "$module" ] || [ -r "$module" ] || { echo "xen-boot-upstream.sh: cannot read $module" >&2; exit 2; }
what="the table built"
[ -z "$module" ] || what="the module"
echo "| tree | Xen booted | read by | table read == $what |"
echo "| --- | --- | --- | --- |"
fail=0
for t in "$@"; do
    name=$(basename "$t")
    b=build/ports/$name
    mkdir -p "$b/boot"
    ver=$(xen_tree_version "$t")
    iv=$(sed -n 's/^#define XEN_SYSCTL_INTERFACE_VERSION *0x0*\([0-9A-Fa-f]*\).*/\1/p' \
        "$t/xen/include/public/sysctl.h")
    want=hypfs
    [ "$iv" != 15 ] || want=sysctl
    if ! XEN_SRC=$t XEN_BUILD=$b SUPPORT_MD=tree XEN_SUPPORT_GEN=$gen \
        scripts/xen-build.sh x86_64 >"$b/boot/build.log" 2>&1; then
        echo "| $name | build failed ($b/boot/build.log) | | |"
        fail=1
        continue
    fi
    log=$b/boot/serial.log
    scripts/boot/run.sh -a x86_64 -x "loglvl=all" ${module:+-m "$module"} \
        "$b/x86_64/out/xen" "${assets[@]}" "$log" >"$b/boot/run.txt" 2>&1 || true
    tr -d '\r' <"$log" >"$log.txt"
    booted=$(grep -a -m1 -o "Xen version $ver[.0-9]*" "$log.txt" || true)
    via=$(sed -n 's/^hypervisor_read_by *: //p' "$log.txt" | head -n 1)
    grep -a -q '^@@END xs-info rc=0 ' "$log.txt" || via="info failed"
    sed -n 's/^@@D t //p' "$log.txt" | base64 -d >"$b/boot/dom0-table.bin" 2>/dev/null || true
    same=no want_table=${module:-$b/x86_64/out/support_table.bin}
    cmp -s "$b/boot/dom0-table.bin" "$want_table" &&
        same="yes, $(wc -c <"$want_table") bytes"
    [ -z "$module" ] || grep -a -q '^(XEN) support: module [0-9]* is the support table' "$log.txt" ||
        same=no
    echo "| $name | ${booted:-no Xen $ver in the log} | ${via:-none} (want $want) | $same |"
    [ -n "$booted" ] && [ "$via" = "$want" ] && [ "$same" != no ] || fail=1
done
exit $fail
