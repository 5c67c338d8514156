#!/usr/bin/env bash
# cross-sysroot.sh: a sysroot of Debian's arm64 Xen, cmark and yajl
# libraries (headers, static archives, shared libraries) in the build
# folder, for cross-building the dom0 tools (the static xen-support, xl).
# Nothing is installed on the machine except the cross compiler
# (scripts/deps.sh cross) and, once, the arm64 dpkg architecture.
#
# usage: scripts/cross-sysroot.sh [ARCH [OUTDIR]]
#   ARCH     arm64 (default; the only foreign one we build for)
#   OUTDIR   default build/cross
# Downloads (apt-get download) are cached in OUTDIR/ARCH/debs and unpacked
# with dpkg-deb -x into OUTDIR/ARCH/sysroot, redone when the package list
# or a candidate version changes (offline: the existing sysroot is kept).
# Prints the sysroot's absolute path.  Exit: 0 ok, 1 failure, 2 usage.
set -euo pipefail

arch=${1:-arm64}
outdir=${2:-build/cross}
[ $# -le 2 ] || { sed -n '8,14p' "$0" >&2; exit 2; }
case $arch in
arm64) debarch=arm64 ;;
*) echo "cross-sysroot.sh: unknown ARCH '$arch' (arm64)" >&2; exit 2 ;;
esac
die() { echo "cross-sysroot.sh: $*" >&2; exit 1; }

# Development packages (headers, .a, .pc) and the runtime libraries the
# shared ones load (for linking a dynamic xl with -rpath-link).
pkgs="libxen-dev libcmark-dev libyajl-dev
      libxenmisc4.17 libxencall1 libxendevicemodel1 libxenevtchn1
      libxenforeignmemory1 libxengnttab1 libxenstore4 libxentoolcore1
      libxentoollog1 libxenhypfs1 libyajl2 libcmark0.30.2 libuuid1 libfdt1
      zlib1g zlib1g-dev liblzma5 libzstd1"

mkdir -p "$outdir/$arch/debs"
work=$(cd "$outdir/$arch" && pwd)
debs=$work/debs
root=$work/sysroot
exec 9>"$work/.lock"
flock 9

sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo
if ! dpkg --print-foreign-architectures | grep -qx "$debarch"; then
    echo "cross-sysroot.sh: adding dpkg architecture $debarch" >&2
    $sudo dpkg --add-architecture "$debarch"
    $sudo apt-get update -qq
fi

# The candidate version of each package (the stamp: a new version in the
# archive rebuilds the sysroot); "unknown" when apt does not know it.
candidates() {
    local p
    # shellcheck disable=SC2046 # one word per package
    apt-cache policy $(for p in $pkgs; do echo "$p:$debarch"; done) 2>/dev/null |
        awk -v list="$pkgs" -v sfx=":$debarch:" '
            BEGIN { n = split(list, want, /[ \t\n]+/) }
            /^[^ ]/ { name = $1; sub(sfx "$", "", name) }
            /^ *Candidate: / && $2 != "(none)" { cand[name] = $2 }
            END { for (i = 1; i <= n; i++) if (want[i] != "")
                      print want[i], (want[i] in cand ? cand[want[i]] : "unknown") }'
}
want=$(candidates)
if [ -f "$root/.stamp" ] && { [ "$(cat "$root/.stamp")" = "$want" ] ||
    grep -q ' unknown$' <<<"$want"; }; then
    echo "$root"
    exit 0
fi
grep ' unknown$' <<<"$want" >&2 &&
    die "apt does not know these $debarch packages (apt-get update?)"

# Fetch, in one apt-get call, every package whose candidate version is not
# cached.
deb() { echo "$debs/${1}_${2//:/%3a}_$debarch.deb"; }
missing=()
while read -r p v; do
    [ -f "$(deb "$p" "$v")" ] || missing+=("$p:$debarch=$v")
done <<<"$want"
if [ ${#missing[@]} -gt 0 ]; then
    echo "cross-sysroot.sh: fetching ${#missing[@]} $debarch packages into $debs" >&2
    (cd "$debs" && apt-get download -qq "${missing[@]}" 2>&1 |
        grep -v 'unsandboxed' >&2 || true)
fi
while read -r p v; do
    [ -f "$(deb "$p" "$v")" ] || die "apt-get download $p:$debarch=$v failed"
done <<<"$want"

rm -rf "$root.tmp"
mkdir -p "$root.tmp"
trap 'rm -rf "$root.tmp"' EXIT
while read -r p v; do
    dpkg-deb -x "$(deb "$p" "$v")" "$root.tmp"
done <<<"$want"
# Absolute symlinks (e.g. /lib/... in a -dev package) would point at the
# host: make them relative to the sysroot.
find "$root.tmp" -type l -lname '/*' | while read -r l; do
    t=$(readlink "$l")
    ln -sfn "$(realpath -m --relative-to="$(dirname "$l")" "$root.tmp$t")" "$l"
done
[ -f "$root.tmp/usr/include/xen/arch-arm.h" ] ||
    die "libxen-dev:$debarch has no xen/arch-arm.h"
for a in libxenctrl.a libxenhypfs.a libz.a libcmark.a libyajl_s.a; do
    [ -f "$root.tmp/usr/lib/aarch64-linux-gnu/$a" ] ||
        die "no $a in the $debarch packages"
done
echo "$want" >"$root.tmp/.stamp"
rm -rf "$root"
mv "$root.tmp" "$root"
trap - EXIT
echo "cross-sysroot.sh: $root ready" >&2
echo "$root"
