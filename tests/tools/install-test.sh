#!/usr/bin/env bash
# install-test.sh: `make install DESTDIR=<tmp> PREFIX=/usr`, then build a
# small program against the installed tree with pkg-config (shared, and
# static with --static) and run it; check the soname and that the shared
# library exports xensupport_* only.  Env: O (build folder), MAKE,
# SAN_FLAGS (when the library was built with sanitizers).
set -euo pipefail
O=${O:-build/default}
MAKE=${MAKE:-make}
top=$(pwd)
tmp=$(mktemp -d /tmp/xs-install.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "install-test: FAIL: $*" >&2; exit 1; }

$MAKE --no-print-directory -s install O="$O" DESTDIR="$tmp/root" PREFIX=/usr \
    >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; fail "make install"; }

lib=$tmp/root/usr/lib
for f in usr/bin/xen-support usr/include/xensupport.h usr/lib/libxensupport.a \
         usr/lib/libxensupport.so usr/lib/libxensupport.so.1 \
         usr/lib/pkgconfig/xensupport.pc; do
    [ -e "$tmp/root/$f" ] || fail "$f not installed"
done
grep -qx 'prefix=/usr' "$lib/pkgconfig/xensupport.pc" || fail "pc prefix"
grep -qx 'libdir=/usr/lib' "$lib/pkgconfig/xensupport.pc" || fail "pc libdir"
readelf -d "$lib/libxensupport.so.1" | grep -q 'SONAME.*\[libxensupport.so.1\]' ||
    fail "soname"
bad=$(nm -D --defined-only "$lib/libxensupport.so.1" |
      awk '$2 ~ /^[TDBRVW]$/ && $3 !~ /^xensupport_/ {print $3}')
[ -z "$bad" ] || fail "exported beyond xensupport_*: $bad"

cat >"$tmp/prog.c" <<'C'
/* prog.c: opens a SUPPORT.md through the installed libxensupport. */
#include <stdio.h>
#include <xensupport.h>

int main(int argc, char **argv)
{
    char err[XENSUPPORT_ERRLEN];
    struct xensupport_info in;
    xensupport_table *t;

    if (argc != 2)
        return 2;
    t = xensupport_open_document(argv[1], XENSUPPORT_DOC_QUIET, NULL, err,
                                 sizeof(err));
    if (!t) {
        fprintf(stderr, "prog: %s\n", err);
        return 1;
    }
    xensupport_get_info(t, &in);
    printf("features=%u version=%s\n", in.nr_features,
           xensupport_fact_value(t, "Xen-Version"));
    xensupport_close(t);
    return 0;
}
C
export PKG_CONFIG_SYSROOT_DIR=$tmp/root
export PKG_CONFIG_PATH=$lib/pkgconfig
# shellcheck disable=SC2046,SC2086
cc ${SAN_FLAGS:-} $(pkg-config --cflags xensupport) -o "$tmp/prog" "$tmp/prog.c" \
    $(pkg-config --libs xensupport) || fail "link (shared)"
readelf -d "$tmp/prog" | grep -q 'NEEDED.*libxensupport.so.1' || fail "not dynamic"
out=$(LD_LIBRARY_PATH=$lib "$tmp/prog" "$top/docs/SUPPORT.md") || fail "run (shared)"
want=$("$O/bin/xen-support" --document docs/SUPPORT.md info |
       awk -F': ' '/^features /{f=$2} /^xen_version /{v=$2} END{print "features=" f " version=" v}')
[ "$out" = "$want" ] || fail "shared: '$out' != '$want'"
# Static: the archive itself, then its private dependencies.
# shellcheck disable=SC2046,SC2086
cc ${SAN_FLAGS:-} $(pkg-config --cflags xensupport) -o "$tmp/prog-static" \
    "$tmp/prog.c" "$lib/libxensupport.a" \
    $(pkg-config --static --libs xensupport | sed 's/-lxensupport//') ||
    fail "link (static)"
readelf -d "$tmp/prog-static" | grep -q 'NEEDED.*libxensupport' && fail "static links the .so"
out=$("$tmp/prog-static" "$top/docs/SUPPORT.md") || fail "run (static)"
[ "$out" = "$want" ] || fail "static: '$out' != '$want'"
echo "install-test: ok ($out; shared and static, via pkg-config)"
