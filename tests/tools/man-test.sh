#!/usr/bin/env bash
# man-test.sh: the man pages cannot drift from the commands.  Every long
# option a command's --help shows (xen-support's global --help and each
# command's, xen-support-gen's --help) is in its man page and every
# option the page documents is in some --help; both pages' .TH lines name
# the version --version prints.  Env: O (build folder).
set -uo pipefail
O=${O:-build/default}
XS=$O/bin/xen-support
GEN=$O/bin/xen-support-gen
fails=0
fail() { echo "man-test: FAIL: $*" >&2; fails=$((fails + 1)); }

# Long options in text; a dotted word (--collector.textfile.directory,
# node-exporter's) is not one of ours.
opts() {
    grep -oE -- '(^|[^a-zA-Z0-9-])--[a-z][a-z0-9-]*(\.[a-z][a-z.]*)?' |
        sed 's/^[^-]*//' | grep -v '\.' | sort -u
}
man_opts() { sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$1" | opts; }

# same NAME HELP-OPTIONS PAGE
same() {
    local only_help only_page
    only_help=$(comm -23 <(echo "$2") <(man_opts "$3") | paste -sd' ')
    only_page=$(comm -13 <(echo "$2") <(man_opts "$3") | paste -sd' ')
    [ -z "$only_help" ] || fail "$1: in --help, not in $3: $only_help"
    [ -z "$only_page" ] || fail "$1: in $3, not in any --help: $only_page"
}

xs_help=$({
    "$XS" --help
    for c in info list show check dump diff status audit load; do "$XS" "$c" --help; done
} | opts)
[ "$(echo "$xs_help" | wc -l)" -ge 15 ] || fail "xen-support: too few options in --help"
same xen-support "$xs_help" docs/xen-support.1
same xen-support-gen "$("$GEN" --help | opts)" docs/xen-support-gen.1

# Short options: each in --help and in the page.
for s in -o -q -h; do
    "$XS" --help >/dev/null
    grep -q -- "\\\\$s\\b\\|\\\\$s," docs/xen-support.1 || fail "xen-support.1 lacks $s"
done

# One version everywhere.
ver=$("$XS" --version | awk '{ print $2 }')
gver=$("$GEN" --version | awk '{ print $2 }')
[ "$ver" = "$gver" ] || fail "versions differ: xen-support $ver, xen-support-gen $gver"
for p in docs/xen-support.1 docs/xen-support-gen.1; do
    grep -q "^\.TH [A-Z-]* 1 [0-9-]* \"xen-support $ver\" \"User Commands\"$" "$p" ||
        fail "$p: .TH does not name xen-support $ver: $(grep '^\.TH' "$p")"
done

if [ "$fails" -ne 0 ]; then
    echo "man-test: $fails failure(s)" >&2
    exit 1
fi
echo "man-test: both pages agree with --help ($(echo "$xs_help" | wc -l) options of xen-support)"
