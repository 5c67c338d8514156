#!/usr/bin/env bash
# image-bytes.sh XEN_BUILD GEN DOC ARCH...: prove that the bytes of the
# symbol xen_support_table in each built xen-syms, made by Xen's build,
# equal what the generator GEN makes of DOC here (-o), that
# xen_support_table_size agrees, and print the image growth: the added
# objects and the table.
set -euo pipefail
xbuild=$1 gen=$2 doc=$3
shift 3
fail=0
want=$(mktemp -d)
trap 'rm -rf "$want"' EXIT
"$gen" --quiet -o "$want/table.bin" "$doc"

# symbol NAME FILE: "value size section-index" (hex value, decimal size).
symbol() {
    readelf -sW "$2" | awk -v n="$1" '$8 == n { print $2, $3, $7; exit }'
}
# section_of IDX FILE: "address offset" (hex) of section number IDX.
section_of() {
    readelf -SW "$2" | sed -n 's/^ *\[ *\([0-9]*\)\]/\1/p' |
        awk -v i="$1" '$1 == i { print $4, $5; exit }'
}
# extract NAME FILE OUT: the symbol's bytes from the file.
extract() {
    local v s idx addr off
    read -r v s idx <<<"$(symbol "$1" "$2")"
    [ -n "${v:-}" ] || { echo "image-bytes: no symbol $1 in $2" >&2; return 1; }
    case "$s" in 0x*) s=$((s)) ;; esac
    read -r addr off <<<"$(section_of "$idx" "$2")"
    local foff=$((0x$off + 0x$v - 0x$addr))
    dd if="$2" of="$3" bs=1 skip="$foff" count="$s" status=none
    echo "$s"
}

for arch in "$@"; do
    out=$xbuild/$arch/out
    tree=$xbuild/$arch/tree/xen
    xs=$out/xen-syms bin=$want/table.bin
    [ -f "$xs" ] || {
        echo "image-bytes: $arch: $xs missing (make xen XEN_ARCH=$arch)" >&2
        fail=1; continue; }
    tmp=$(mktemp -d)
    n=$(extract xen_support_table "$xs" "$tmp/table") || { fail=1; continue; }
    extract xen_support_table_size "$xs" "$tmp/size" >/dev/null
    sz=$(od -An -tu4 --endian=little "$tmp/size" | tr -d ' ')
    if cmp -s "$tmp/table" "$bin" && [ "$sz" -eq "$(stat -c %s "$bin")" ]; then
        echo "image-bytes: $arch: PASS: xen_support_table in xen-syms is" \
            "$n bytes, identical to $gen -o $doc; xen_support_table_size = $sz"
    else
        echo "image-bytes: $arch: FAIL: xen_support_table ($n bytes," \
            "size symbol $sz) differs from $gen -o $doc ($(stat -c %s "$bin") bytes)" >&2
        cmp "$tmp/table" "$bin" >&2 || true
        fail=1
    fi
    rm -rf "$tmp"

    # Image growth: the objects added to the link, and the table.
    echo "image-bytes: $arch: added objects (size, Berkeley format):"
    size "$tree/common/support.o" "$tree/common/support_param.o" \
        "$tree/common/support_policy.o" "$tree/common/support_sysctl.o" \
        "$tree/common/support_table.o" "$tree/common/suptab.o" \
        "$tree/common/suptab_check.o" "$tree/common/suptab_crc32.o" \
        "$tree/common/suptab_str.o" |
        sed "s|$tree/||; s/^/    /"
    code=$(readelf -sW "$xs" | awk '
        $8 ~ /^(support_|suptab_|__initcall_support_table_init)/ ||
        $8 == "xen_support_table" || $8 == "xen_support_table_size" ||
        $8 ~ /^(parse_support|exempt_add|slug|exempt)$/ ||
        $8 ~ /^(S_events|S_lock|S_generation|S_lost|S_nr_events|S_tab|S_size|S_policy)/ {
            t += $3 }
        END { print t + 0 }')
    echo "image-bytes: $arch: table $n bytes; symbols of the feature in" \
        "xen-syms (code, table, record, hooks): $code bytes;" \
        "xen-syms $(stat -c %s "$xs") bytes, xen $(stat -c %s "$out/xen") bytes"
done
exit $fail
