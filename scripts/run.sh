#!/usr/bin/env bash
# run.sh O: the README's main job.  Compiles SUPPORT_MD (default
# docs/SUPPORT.md) into a table and shows what xen-support says about it.
set -euo pipefail
O=${1:-build/default}
doc=${SUPPORT_MD:-docs/SUPPORT.md}
table=$O/support-table.bin

"$O/bin/xen-support-gen" -o "$table" "$doc"
echo
echo "== xen-support --table $table info"
"$O/bin/xen-support" --table "$table" info
echo
echo "== xen-support --table $table list"
"$O/bin/xen-support" --table "$table" list
