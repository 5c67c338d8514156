#!/usr/bin/env bash
# series-test.sh XEN_SRC: the hypervisor side as a patch series
# (scripts/xen-series.sh) for the Xen tree XEN_SRC: `git am` applies it
# to a clean checkout of the tree; every commit follows Xen's conventions
# (subject prefix, a body, Signed-off-by); every new file of
# xen-side/series/*/files is added by exactly one patch, byte for byte
# its source; every port of the op number agrees with the series; a
# fragment that no longer applies stops with the port to add and leaves
# no output; a tree older than 4.17 is refused.
set -euo pipefail
src=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "series-test: FAIL: $*" >&2; exit 1; }
pass() { echo "series-test: PASS: $*"; }

"$top/scripts/xen-series.sh" "$src" "$tmp/out" >"$tmp/log" 2>&1 ||
    { cat "$tmp/log" >&2; fail "xen-series.sh failed on $src"; }
n=$(find "$top/xen-side/series" -mindepth 1 -maxdepth 1 -type d \
    -name '[0-9][0-9][0-9][0-9]-*' | wc -l)
mapfile -t patches < <(find "$tmp/out" -name '*.patch' | LC_ALL=C sort)
[ "${#patches[@]}" -eq "$n" ] ||
    fail "${#patches[@]} patches for $n commits in xen-side/series"

# git am on a clean checkout of the tree.
mkdir "$tmp/co"
tar -C "$src" --exclude=.git -cf - . | tar -C "$tmp/co" -xf -
g() { git -C "$tmp/co" -c user.name=t -c user.email=t@t "$@"; }
g init -q
g add -A -f
g commit -q -m base
g am -q "${patches[@]}" 2>"$tmp/am" || { cat "$tmp/am" >&2
    fail "git am does not apply the series to a clean checkout of $src"; }
[ "$(g rev-list --count HEAD)" -eq $((n + 1)) ] || fail "git am made the wrong number of commits"
pass "git am applies ${#patches[@]} patches to a clean checkout of $src"

# Xen's conventions, per commit.
for c in $(g rev-list --reverse HEAD~"$n"..HEAD); do
    subj=$(g log -1 --format=%s "$c")
    [[ "$subj" =~ ^[a-z0-9_/.-]+:\ [a-zA-Z] ]] ||
        fail "'$subj': no 'area: what' subject prefix"
    [ "${#subj}" -le 72 ] || fail "'$subj': subject over 72 characters"
    body=$(g log -1 --format=%b "$c" | grep -v '^Signed-off-by:' | grep -c . || true)
    [ "$body" -ge 2 ] || fail "'$subj': no body saying why"
    g log -1 --format=%b "$c" | grep -q '^Signed-off-by: .* <.*@.*>$' ||
        fail "'$subj': no Signed-off-by"
done
pass "$n commits with a subject prefix, a body and Signed-off-by"

# Every new file added once, identical to its one source.
adds=0
for files in "$top"/xen-side/series/[0-9]*/files; do
    while read -r from to; do
        case "$from" in '' | '#'*) continue ;; esac
        k=$(grep -l "^+++ b/$to\$" "${patches[@]}" | wc -l)
        [ "$k" -eq 1 ] || fail "$to is added by $k patches"
        grep -q -- "^--- /dev/null\$" "$(grep -l "^+++ b/$to\$" "${patches[@]}")" ||
            fail "$to is not created by a patch"
        cmp -s "$top/$from" "$tmp/co/$to" || fail "$to differs from $from"
        adds=$((adds + 1))
    done <"$files"
done
pass "$adds new files, each added by one patch and identical to its source"

# One op number: the series' and every port's.
op() { sed -n 's/^+#define XEN_SYSCTL_support_table  *\([0-9]*\)$/\1/p' "$1"; }
want=$(op "$top"/xen-side/series/0001-*/sysctl-op.diff)
[ -n "$want" ] || fail "no op number in the series"
for p in "$top"/xen-side/ports/*/sysctl-op.diff; do
    [ -e "$p" ] || continue
    [ "$(op "$p")" = "$want" ] || fail "${p#"$top"/}: op $(op "$p"), not $want"
done
pass "XEN_SYSCTL_support_table is $want in the series and every port"

# A tree the series does not fit: the port to add is named, no output.
mkdir "$tmp/bad"
tar -C "$src" --exclude=.git -cf - . | tar -C "$tmp/bad" -xf -
sed -i '/^#define XEN_SYSCTL_\(get_cpu_policy\|dt_overlay\)  *\(29\|30\)$/d' \
    "$tmp/bad/xen/include/public/sysctl.h"
# shellcheck source=scripts/xen-tree.sh
. "$top/scripts/xen-tree.sh"
ver=$(xen_tree_version "$src")
if "$top/scripts/xen-series.sh" "$tmp/bad" "$tmp/badout" 2>"$tmp/err"; then
    fail "the series applied to a tree without its context"
fi
grep -q "add xen-side/ports/$ver/sysctl-op.diff" "$tmp/err" || {
    cat "$tmp/err" >&2; fail "no port named"; }
[ ! -e "$tmp/badout" ] && [ ! -e "$tmp/badout.new" ] || fail "output left behind"
pass "a fragment that does not apply names the port: $(tail -n 1 "$tmp/err")"

# Older than 4.17: refused.
sed -i 's/^export XEN_SUBVERSION *= *[0-9]*/export XEN_SUBVERSION    = 16/' \
    "$tmp/bad/xen/Makefile"
if "$top/scripts/xen-series.sh" "$tmp/bad" "$tmp/badout" 2>"$tmp/err"; then
    fail "a 4.16 tree was accepted"
fi
grep -q 'needs 4.17 or later' "$tmp/err" || { cat "$tmp/err" >&2; fail "4.16: no reason"; }
pass "Xen 4.16 is refused: $(cat "$tmp/err")"
