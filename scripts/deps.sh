#!/usr/bin/env bash
# deps.sh GROUP...: install the Debian packages a job needs, if missing.
# Groups: host (build + unit tests), xen (hypervisor builds), boot (QEMU
# boot tests), cross (compiler and libc for the arm64 dom0 tools; the
# arm64 libraries come from scripts/cross-sysroot.sh), fuzz (libFuzzer),
# leaks (valgrind), bench (Xen's own parse-support-md).  Uses apt-get as
# root (or through sudo); does nothing when everything is already installed.
set -euo pipefail

declare -A group
group[host]="gcc libc6-dev binutils make pkg-config libcmark-dev libcmocka-dev libyajl-dev
             libxen-dev zlib1g-dev clang-format python3 prometheus"
group[xen]="dpkg-dev xz-utils python3 flex bison bc gcc-aarch64-linux-gnu
            binutils-aarch64-linux-gnu checkpolicy"
group[boot]="qemu-system-x86 qemu-system-arm busybox-static cpio binutils
             xz-utils gzip device-tree-compiler"
group[cross]="gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu
             libc6-dev-arm64-cross dpkg-dev"
group[fuzz]="clang libclang-rt-14-dev"
group[leaks]="valgrind"
group[bench]="pandoc libjson-perl libtie-ixhash-perl libcgi-pm-perl gzip
              dpkg-dev xz-utils"

want=()
for g in "${@:-host}"; do
    [ -n "${group[$g]+x}" ] || { echo "deps.sh: unknown group '$g'" >&2; exit 2; }
    for p in ${group[$g]}; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
            grep -q 'install ok installed' || want+=("$p")
    done
done
[ ${#want[@]} -eq 0 ] && exit 0

sudo=
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || {
        echo "deps.sh: need root to install: ${want[*]}" >&2; exit 1; }
    sudo=sudo
fi
echo "deps.sh: installing ${want[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
