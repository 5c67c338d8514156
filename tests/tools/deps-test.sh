#!/usr/bin/env bash
# deps-test.sh: what each built program may link (issue 11): the dom0
# library libxensupport.so needs neither cmark nor yajl; xen-support-gen
# does not need libxenctrl; the cmark-less dom0 command (when built)
# answers --document with one line on stderr and exit 8, and the host
# command compiles the document.
# usage: tests/tools/deps-test.sh O   (the build folder)
set -euo pipefail
O=${1:-build/default}
fail() { echo "deps-test: FAIL: $*" >&2; exit 1; }
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' '; }

so=$O/lib/libxensupport.so.1
n=$(needed "$so")
case " $n" in *cmark* | *yajl*) fail "$so needs: $n" ;; esac
case " $n" in *libxenctrl*) ;; *) fail "$so does not need libxenctrl: $n" ;; esac
echo "deps-test: $so needs: $n"
g=$O/bin/xen-support-gen
n=$(needed "$g")
case " $n" in *xenctrl* | *xensupport*) fail "$g needs: $n" ;; esac
echo "deps-test: $g needs: $n"

"$O/bin/xen-support" --document docs/SUPPORT.md info >/dev/null ||
    fail "the host xen-support cannot read --document"
s=$O/bin/xen-support-static
if [ -x "$s" ]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    rc=0
    "$s" --document docs/SUPPORT.md info >"$tmp/out" 2>"$tmp/err" || rc=$?
    [ "$rc" -eq 8 ] || fail "$s --document: exit $rc, not 8"
    [ ! -s "$tmp/out" ] || fail "$s --document printed on stdout"
    [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "$s --document: not one line: $(cat "$tmp/err")"
    grep -q -- '--document needs the host build' "$tmp/err" ||
        fail "$s --document: $(cat "$tmp/err")"
    echo "deps-test: $s: $(cat "$tmp/err") (exit $rc)"
fi
echo "deps-test: ok"
