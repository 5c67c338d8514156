#!/usr/bin/env bash
# test_417.sh BIN TMP: Xen 4.17's SUPPORT.md (Debian's source package,
# fetched and cached by scripts/xen-source.sh) compiles without errors,
# in strict-free mode, and yields sections, features and rows.
set -euo pipefail
bin=$1
tmp=$2
mkdir -p "$tmp"
src=$(scripts/xen-source.sh build/xen-src)
doc=$src/SUPPORT.md
[ -f "$doc" ] || { echo "test_417: no $doc" >&2; exit 1; }

rc=0
"$bin" -o "$tmp/417.tab" --json "$tmp/417.json" "$doc" 2>"$tmp/417.err" || rc=$?
if [ "$rc" -ne 0 ] || grep -q ': error: ' "$tmp/417.err"; then
    echo "test_417: xen-support-gen failed ($rc) on 4.17:" >&2
    cat "$tmp/417.err" >&2
    exit 1
fi
count() { sed -n "s/^ *\"$1\": \([0-9]*\).*/\1/p" "$tmp/417.json" | tail -n 1; }
sections=$(count sections)
features=$(count features)
rows=$(count rows)
for n in "$sections" "$features" "$rows"; do
    [ -n "$n" ] && [ "$n" -gt 0 ] || {
        echo "test_417: empty counts: $sections/$features/$rows" >&2; exit 1; }
done
grep -q '"value": "4.17"' "$tmp/417.json" || {
    echo "test_417: Xen-Version 4.17 not read" >&2; exit 1; }
size=$(stat -c %s "$tmp/417.tab")
echo "test_417: ok: $sections sections, $features features, $rows rows," \
     "$(grep -c ': warning: ' "$tmp/417.err") warnings, table $size bytes"
