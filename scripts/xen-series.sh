#!/usr/bin/env bash
# xen-series.sh [--tree DIR] XEN_SRC OUT: write the hypervisor side as a
# `git format-patch` series for the Xen tree XEN_SRC (4.17 or later) into
# OUT (replaced), built from xen-side/series/ (see its README.md):
#
#   NNNN-name/message   the commit message (subject line, blank, body)
#   NNNN-name/files     new files, "SOURCE XEN_PATH" per line
#   NNNN-name/*.diff    edits of existing Xen files, one fragment each
#
# A fragment applies with exact context, or else with the one line next
# to each change (reported).  It is replaced, for Xen X.Y and later, by
# xen-side/ports/X.Y/<fragment>.diff (the newest X.Y not above the
# tree's version): every difference between Xen versions is there.
# Each commit is signed off by XEN_SERIES_IDENT ("Name <mail>"; default
# this repository's git identity).  XEN_SRC is never modified.  With
# --tree, the patched tree (a git repository: the pristine commit plus
# the series) is left in DIR, replaced if it exists.
set -euo pipefail

usage() { echo "usage: xen-series.sh [--tree DIR] XEN_SRC OUT" >&2; exit 2; }
keep=
if [ "${1:-}" = --tree ]; then
    [ $# -ge 2 ] || usage
    keep=$2
    shift 2
fi
[ $# -eq 2 ] || usage
src=$1 out=$2
case "$out" in /*) ;; *) out=$PWD/$out ;; esac
top=$(cd "$(dirname "$0")/.." && pwd)
series=$top/xen-side/series
ports=$top/xen-side/ports

die() { echo "xen-series.sh: $*" >&2; exit 1; }
[ -f "$src/xen/Makefile" ] || die "$src: not a Xen source tree (no xen/Makefile)"
# shellcheck source=scripts/xen-tree.sh
. "$top/scripts/xen-tree.sh"
vs=$(xen_tree_version "$src") || die "$src/xen/Makefile: no XEN_VERSION"
ver=${vs%.*} sub=${vs#*.}
[ "$ver" -gt 4 ] || { [ "$ver" -eq 4 ] && [ "$sub" -ge 17 ]; } ||
    die "$src is Xen $ver.$sub; the series needs 4.17 or later"
vnum=$((ver * 100 + sub))

ident=${XEN_SERIES_IDENT:-}
if [ -z "$ident" ]; then
    ident="$(git -C "$top" config user.name) <$(git -C "$top" config user.email)>"
fi
case "$ident" in
*" <"*@*">") ;;
*) die "XEN_SERIES_IDENT '$ident' is not 'Name <mail>'" ;;
esac
name=${ident% <*} mail=${ident##*<}
mail=${mail%>}

# The fragment used for this tree: the newest port not above vnum.
fragment() {
    local f=$1 best=$1 bestv=0 d v
    for d in "$ports"/*/; do
        [ -f "$d$(basename "$f")" ] || continue
        v=$(basename "$d")
        v=$((${v%%.*} * 100 + ${v#*.}))
        if [ "$v" -le "$vnum" ] && [ "$v" -gt "$bestv" ]; then
            best=$d$(basename "$f") bestv=$v
        fi
    done
    echo "$best"
}

work=$(mktemp -d "${TMPDIR:-/tmp}/xen-series.XXXXXX")
trap 'rm -rf "$work" "$out.new"' EXIT
tree=$work/tree
mkdir "$tree"
# A copy of the tree as it is (a git checkout's working tree, or an
# unpacked release), committed as the base of the series.
tar -C "$src" --exclude=.git -cf - . | tar -C "$tree" -xf -
export GIT_AUTHOR_NAME="$name" GIT_AUTHOR_EMAIL="$mail"
export GIT_COMMITTER_NAME="$name" GIT_COMMITTER_EMAIL="$mail"
export GIT_AUTHOR_DATE="2026-01-01T00:00:00Z"
export GIT_COMMITTER_DATE="$GIT_AUTHOR_DATE"
g() { git -C "$tree" -c core.autocrlf=false -c commit.gpgsign=false "$@"; }
g init -q
g add -A -f
g commit -q --no-verify -m "Xen $ver.$sub as given ($src)"
base=$(g rev-parse HEAD)

n=0
for dir in "$series"/[0-9][0-9][0-9][0-9]-*/; do
    dir=${dir%/}
    [ -f "$dir/message" ] || die "$dir: no message"
    if [ -f "$dir/files" ]; then
        while read -r from to; do
            case "$from" in '' | '#'*) continue ;; esac
            [ -f "$top/$from" ] || die "$dir/files: $from: no such file"
            [ ! -e "$tree/$to" ] || die "$dir/files: $to exists in Xen $ver.$sub"
            mkdir -p "$(dirname "$tree/$to")"
            cp "$top/$from" "$tree/$to"
        done <"$dir/files"
    fi
    for f in "$dir"/*.diff; do
        [ -e "$f" ] || continue
        use=$(fragment "$f")
        # Exact context first; then, as patch(1)'s fuzz would, only the
        # line next to each change on either side (said on stderr).  The
        # series written is diffed from the result, so its context is
        # exact for this tree either way.
        if g apply --recount --whitespace=nowarn "$use" 2>"$work/err"; then
            :
        elif g apply --recount --whitespace=nowarn -C1 "$use" 2>/dev/null; then
            echo "xen-series.sh: ${use#"$top"/}: applied to Xen $ver.$sub" \
                "with one line of context" >&2
        else
            sed 's/^/  /' "$work/err" >&2
            die "${use#"$top"/} does not apply to Xen $ver.$sub ($src):" \
                "add xen-side/ports/$ver.$sub/$(basename "$f")"
        fi
    done
    g add -A -f
    g commit -q --no-verify -s -F "$dir/message"
    n=$((n + 1))
done

rm -rf "$out.new"
mkdir -p "$out.new"
g format-patch -q --no-signature -o "$out.new" "$base..HEAD"
rm -rf "$out"
mv "$out.new" "$out"
if [ -n "$keep" ]; then
    rm -rf "$keep"
    mkdir -p "$(dirname "$keep")"
    mv "$tree" "$keep"
fi
echo "xen-series.sh: $n patches for Xen $ver.$sub in $out"
