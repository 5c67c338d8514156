#!/usr/bin/env bash
# next-table.sh DOC GEN OUT: the statement the boot tests load or boot as
# a module (docs/support-policy.md, "Replacing the statement"): DOC with
# Credit2's status made Experimental, compiled by GEN into OUT.  An edit
# of a test fixture's text, not a reading of it: the generator reads the
# result.  Fails if DOC has no Supported Credit2 to change.
set -euo pipefail
[ $# -eq 3 ] || { sed -n 2p "$0" >&2; exit 2; }
doc=$1 gen=$2 out=$3
tmp=$(mktemp "${out%/*}/next.XXXXXX.md")
trap 'rm -f "$tmp" "$tmp.bin"' EXIT
sed '/^### Credit2 Scheduler$/,/Status:/ s/Status: Supported$/Status: Experimental/' \
    "$doc" >"$tmp"
cmp -s "$tmp" "$doc" && {
    echo "next-table.sh: $doc: no Supported Credit2 Scheduler to change" >&2; exit 1; }
"$gen" --quiet -o "$tmp.bin" "$tmp"
mv "$tmp.bin" "$out"
