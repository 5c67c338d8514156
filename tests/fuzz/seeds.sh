#!/usr/bin/env bash
# seeds.sh OUT GEN: build the fuzz seed corpora from the real statements.
#   OUT/document: docs/SUPPORT.md, Xen 4.17's SUPPORT.md (fetched with
#     scripts/xen-source.sh), and for each of them one small document per
#     "## " section of Feature Support (the preamble and that section;
#     the first one also with the closing definitions), so that most
#     seeds are about 1 KB;
#   OUT/table: each document seed compiled by GEN (xen-support-gen), with
#     and without descriptions, behind fuzz_table.c's control byte 0.
# Nothing here is committed; the corpora are rebuilt when GEN changes.
set -euo pipefail
out=$1 gen=$2
src=$(scripts/xen-source.sh build/xen-src)
rm -rf "$out.tmp"
mkdir -p "$out.tmp/document" "$out.tmp/table"

split_doc() { # DOC PREFIX: whole document plus one per feature section
    local doc=$1 pfx=$2
    cat "$doc" >"$out.tmp/document/$pfx-full.md"
    awk -v dir="$out.tmp/document" -v pfx="$pfx" '
        /^# / { if (infs && seen) { tail = 1 } if ($0 ~ /^# Feature Support/) infs = 1 }
        !infs || (infs && !seen && !/^## /) { pre = pre $0 "\n"; next }
        tail { post = post $0 "\n"; next }
        /^## / { n++; seen = 1 }
        { sec[n] = sec[n] $0 "\n" }
        END { for (i = 1; i <= n; i++) {
                  # the closing definitions (status labels) only with the
                  # first section: most seeds stay about 1 KB
                  f = sprintf("%s/%s-section-%02d.md", dir, pfx, i)
                  printf "%s%s%s", pre, sec[i], i == 1 ? post : "" > f
                  close(f) } }' "$doc"
}
split_doc docs/SUPPORT.md seed
split_doc "$src/SUPPORT.md" xen417

for d in "$out.tmp"/document/*.md; do
    b=$(basename "$d" .md)
    for desc in "" --with-descriptions; do
        t="$out.tmp/table/$b${desc:+-desc}.bin"
        "$gen" --quiet $desc -o "$t.raw" "$d" >/dev/null 2>&1 || {
            rm -f "$t.raw"; continue; }
        { printf '\0'; cat "$t.raw"; } >"$t"
        rm -f "$t.raw"
    done
done
n_doc=$(ls "$out.tmp/document" | wc -l)
n_tab=$(ls "$out.tmp/table" | wc -l)
[ "$n_doc" -gt 2 ] && [ "$n_tab" -gt 2 ] || {
    echo "seeds.sh: too few seeds ($n_doc documents, $n_tab tables)" >&2
    exit 1; }
rm -rf "$out"
mv "$out.tmp" "$out"
echo "seeds.sh: $n_doc document seeds, $n_tab table seeds in $out"
