#!/usr/bin/env bash
# xen-ports.sh TREE...: the port table, by hand (CI builds 4.17 only):
# for each Xen tree, whether the series applies (scripts/xen-series.sh,
# then tests/xen/series-test.sh: git am on a clean checkout), how many
# fragments took reduced context, and whether x86_64 and
# arm64 build with the tree's own SUPPORT.md, with make's time and the
# image growth (text + data + bss of the objects the series adds: code,
# the table, the record, hypfs nodes).  Builds go to build/ports/<tree>/
# (XEN_BUILD); logs stay there.  Prints a Markdown table; exits 1 if any cell failed.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
# shellcheck source=scripts/xen-tree.sh
. scripts/xen-tree.sh
[ $# -gt 0 ] || { echo "usage: xen-ports.sh TREE..." >&2; exit 2; }
gen=${XEN_SUPPORT_GEN:-build/default/bin/xen-support-gen}

# growth XEN_DIR ARCH: text + data + bss of the objects the series adds
# (the call sites' few bytes in Xen's own objects are not counted).
growth() {
    xen_tree_arch "$2"
    "${cross}size" "$1"/common/support*.o "$1"/common/suptab*.o |
        awk 'NR > 1 { t += $4 } END { print t + 0 }'
}

fail=0
rows=()
for t in "$@"; do
    name=$(basename "$t")
    b=build/ports/$name
    mkdir -p "$b"
    ver=$(xen_tree_version "$t")
    if scripts/xen-series.sh "$t" "$b/series" >"$b/series.log" 2>&1 &&
        tests/xen/series-test.sh "$t" >"$b/series-test.log" 2>&1; then
        fuzz=$(grep -c 'one line of context' "$b/series.log" || true)
        applies="yes: git am, $(ls "$b/series" | wc -l) patches ($fuzz fragments with 1 line of context)"
    else
        applies="no: $(tail -q -n 1 "$b/series.log" "$b/series-test.log" 2>/dev/null | tail -n 1)"
        rows+=("| $name ($ver) | $applies | - | - |")
        fail=1
        continue
    fi
    cells=()
    for arch in x86_64 arm64; do
        if XEN_SRC=$t XEN_BUILD=$b SUPPORT_MD=tree XEN_SUPPORT_GEN=$gen \
            scripts/xen-build.sh "$arch" >"$b/$arch.log" 2>&1; then
            secs=$(cat "$b/$arch/out/build-seconds")
            cells+=("yes, $(printf '%.0f' "$secs") s, +$(growth "$b/$arch/tree/xen" "$arch") B")
        else
            cells+=("no ($b/$arch.log)")
            fail=1
        fi
    done
    rows+=("| $name ($ver) | $applies | ${cells[0]} | ${cells[1]} |")
done
echo "| tree | series applies | x86_64 builds | arm64 builds |"
echo "| --- | --- | --- | --- |"
printf '%s\n' "${rows[@]}"
exit $fail
