#!/usr/bin/env bash
# install-test.sh: `make install DESTDIR=<tmp> PREFIX=/usr`, then build a
# small program against the installed tree with pkg-config and run it: over
# libxensupport alone (shared, and static with --static) it opens a table
# file; with libxensupport-doc (xensupport-doc.pc) a SUPPORT.md.  Check the
# soname, that the shared library exports xensupport_* only and needs
# neither cmark nor yajl.  Env: O (build folder), MAKE, SAN_FLAGS (when the
# library was built with sanitizers).
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
         usr/lib/pkgconfig/xensupport.pc usr/include/xensupport_doc.h \
         usr/lib/libxensupport-doc.a usr/lib/pkgconfig/xensupport-doc.pc \
         usr/share/bash-completion/completions/xen-support \
         usr/share/bash-completion/completions/xen-support-gen; do
    [ -e "$tmp/root/$f" ] || fail "$f not installed"
done
grep -qx 'prefix=/usr' "$lib/pkgconfig/xensupport.pc" || fail "pc prefix"
grep -qx 'libdir=/usr/lib' "$lib/pkgconfig/xensupport.pc" || fail "pc libdir"
readelf -d "$lib/libxensupport.so.1" | grep -q 'SONAME.*\[libxensupport.so.1\]' ||
    fail "soname"
bad=$(nm -D --defined-only "$lib/libxensupport.so.1" |
      awk '$2 ~ /^[TDBRVW]$/ && $3 !~ /^xensupport_/ {print $3}')
[ -z "$bad" ] || fail "exported beyond xensupport_*: $bad"
readelf -d "$lib/libxensupport.so.1" | grep -E 'NEEDED.*(cmark|yajl)' &&
    fail "libxensupport.so.1 needs cmark or yajl"

# prog.c opens a table file; with -DDOC, a SUPPORT.md (libxensupport-doc).
cat >"$tmp/prog.c" <<'C'
/* prog.c: opens a table through the installed libxensupport. */
#include <stdio.h>
#include <xensupport.h>
#ifdef DOC
#include <xensupport_doc.h>
#endif

int main(int argc, char **argv)
{
    char err[XENSUPPORT_ERRLEN];
    struct xensupport_info in;
    xensupport_table *t;

    if (argc != 2)
        return 2;
#ifdef DOC
    t = xensupport_open_document(argv[1], XENSUPPORT_DOC_QUIET, NULL, err,
                                 sizeof(err));
#else
    t = xensupport_open_file(argv[1], err, sizeof(err));
#endif
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
readelf -d "$tmp/prog" | grep -q 'NEEDED.*cmark' && fail "prog needs cmark"
"$O/bin/xen-support-gen" -o "$tmp/table.bin" docs/SUPPORT.md 2>/dev/null ||
    fail "xen-support-gen"
out=$(LD_LIBRARY_PATH=$lib "$tmp/prog" "$tmp/table.bin") || fail "run (shared)"
want=$("$O/bin/xen-support" --document docs/SUPPORT.md info |
       awk -F': ' '/^features /{f=$2} /^xen_version /{v=$2} END{print "features=" f " version=" v}')
[ "$out" = "$want" ] || fail "shared: '$out' != '$want'"
# The document source: libxensupport-doc (static) over the shared library.
# shellcheck disable=SC2046,SC2086
cc ${SAN_FLAGS:-} -DDOC $(pkg-config --cflags xensupport-doc) \
    -o "$tmp/prog-doc" "$tmp/prog.c" $(pkg-config --libs xensupport-doc) ||
    fail "link (document)"
out=$(LD_LIBRARY_PATH=$lib "$tmp/prog-doc" "$top/docs/SUPPORT.md") ||
    fail "run (document)"
[ "$out" = "$want" ] || fail "document: '$out' != '$want'"
# Static: the archive itself, then its private dependencies.
# shellcheck disable=SC2046,SC2086
cc ${SAN_FLAGS:-} $(pkg-config --cflags xensupport) -o "$tmp/prog-static" \
    "$tmp/prog.c" "$lib/libxensupport.a" \
    $(pkg-config --static --libs xensupport | sed 's/-lxensupport//') ||
    fail "link (static)"
readelf -d "$tmp/prog-static" | grep -q 'NEEDED.*libxensupport' && fail "static links the .so"
out=$("$tmp/prog-static" "$tmp/table.bin") || fail "run (static)"
[ "$out" = "$want" ] || fail "static: '$out' != '$want'"
echo "install-test: ok ($out; shared, static and document, via pkg-config)"

# The bash completion, sourced as bash-completion would, completes
# commands, option values and feature names read from the source given.
comp=$tmp/root/usr/share/bash-completion/completions/xen-support
# complete WORDS...: what _xen_support offers for the last word.
complete_words() {
    PATH="$tmp/root/usr/bin:$PATH" LD_LIBRARY_PATH="$lib" bash -c '
        . "$1"; shift
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
        _xen_support; printf "%s\n" "${COMPREPLY[@]}"' _ "$comp" "$@"
}
[ "$(complete_words xen-support sta)" = status ] || fail "completion: commands"
[ "$(complete_words xen-support list --level exp)" = experimental ] ||
    fail "completion: --level values"
[ "$(complete_words xen-support --document "$top/docs/SUPPORT.md" show RTDS)" = \
  "RTDS based Scheduler" ] || fail "completion: feature names from --document"

