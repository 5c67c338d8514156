#!/usr/bin/env bash
# assets.sh: the boot harness's assets.  Fetches Debian's dom0 kernel and
# Xen tools for ARCH and packs a busybox initramfs whose /init (init.sh)
# runs a test script inside dom0 (docs/boot-test.md: the marker protocol).
#
# usage: scripts/boot/assets.sh [options] ARCH OUTDIR
#   ARCH       x86_64 | arm64
#   OUTDIR     cache + output folder (under build/), e.g. build/boot
#   -t FILE    shell script sourced by /init after setup (default: `xl info`)
#   -f SRC[=DEST]  add a file (DEST defaults to /usr/bin/NAME); if it is a
#              dynamic ELF its shared libraries are added too (repeatable)
#   -n NAME    name this initramfs: OUTDIR/ARCH/initrd-NAME.gz (several test
#              sets share one download cache)
#   -L DIR     extra folder searched for the libraries of -f files
#              (repeatable; the host's own folders are searched when ARCH is
#              the host's)
#   -g PROG    add a guest payload for PV domUs: the same kernel and a
#              small busybox initramfs whose /init (domu-init.sh) loads
#              the Xen modules and runs PROG (static) as
#              /usr/bin/domu-test, at /usr/share/xen-support/guest/kernel
#              and initrd.gz in the image
#
# Downloads (apt-get download, never installed) are cached in
# OUTDIR/debs/DEBARCH and unpacked once into OUTDIR/ARCH/root.  Outputs,
# written atomically: OUTDIR/ARCH/kernel (vmlinuz or Image) and
# OUTDIR/ARCH/initrd.gz (or initrd-NAME.gz).  Prints the two paths on stdout.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
tests=
name=
extras=()
libdirs=()
guest=
while getopts t:n:f:L:g: opt; do
    case $opt in
    t) tests=$OPTARG ;;
    n) name=$OPTARG ;;
    f) extras+=("$OPTARG") ;;
    L) libdirs+=("$OPTARG") ;;
    g) guest=$OPTARG ;;
    *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -eq 2 ] || { sed -n '6,21p' "$0" >&2; exit 2; }
arch=$1
outdir=$2

die() { echo "assets.sh: $*" >&2; exit 1; }

case $arch in
x86_64) debarch=amd64 triplet=x86_64-linux-gnu archpkgs= ;;
arm64) debarch=arm64 triplet=aarch64-linux-gnu archpkgs=libfdt1 ;;
*) echo "assets.sh: unknown ARCH '$arch' (x86_64|arm64)" >&2; exit 2 ;;
esac
[ -z "$tests" ] || [ -r "$tests" ] || die "cannot read test script '$tests'"
[ -z "$guest" ] || [ -r "$guest" ] || die "cannot read guest program '$guest'"
case $name in
*[!A-Za-z0-9._-]*) echo "assets.sh: bad -n NAME '$name'" >&2; exit 2 ;;
esac
initrd=initrd${name:+-$name}.gz

# Userland: Xen's tools and every library they need (resolved below).
xenver=4.17
pkgs="busybox-static xen-utils-$xenver xenstore-utils libxenmisc$xenver
      libxenstore4 libxencall1 libxenevtchn1 libxenforeignmemory1
      libxengnttab1 libxentoollog1 libxentoolcore1 libxendevicemodel1
      libxenhypfs1 libyajl2 libc6 libuuid1 liblzma5 libzstd1 zlib1g
      libgcc-s1 $archpkgs"
# Kernel modules dom0 needs for the tools (their dependencies are added).
modules="xen-evtchn xen-gntdev xen-privcmd xenfs"

mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
debs=$outdir/debs/$debarch
work=$outdir/$arch
mkdir -p "$debs" "$work"
# One run at a time per OUTDIR/ARCH (they share the unpacked tree).
exec 9>"$work/.lock"
flock 9

sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo

# Make apt know DEBARCH (foreign architectures need dpkg + an update).
ensure_apt_arch() {
    local native
    native=$(dpkg --print-architecture)
    [ "$debarch" = "$native" ] && return 0
    dpkg --print-foreign-architectures | grep -qx "$debarch" && return 0
    echo "assets.sh: adding dpkg architecture $debarch" >&2
    $sudo dpkg --add-architecture "$debarch"
    $sudo apt-get update -qq
}

# The versioned kernel package linux-image-DEBARCH depends on.
kernel_pkg() {
    apt-cache depends "linux-image-$debarch:$debarch" 2>/dev/null |
        sed -n 's/^ *Depends: \(linux-image-[0-9][^ :]*\).*/\1/p' | sed -n 1p
}

# apt-get download PKG:DEBARCH into the cache unless a .deb is already
# there.  apt's sandbox user cannot write the cache: download as is.
fetch() {
    local p=$1
    ls "$debs/${p}_"*"_$debarch.deb" "$debs/${p}_"*"_all.deb" \
        >/dev/null 2>&1 && return 0
    (cd "$debs" && apt-get download -qq "$p:$debarch" 2>&1 |
        grep -v 'unsandboxed' >&2 || true)
    ls "$debs/${p}_"*.deb >/dev/null 2>&1 || die "apt-get download $p:$debarch failed"
}

# The unpacked tree is reused while its package list and the kernel
# linux-image-DEBARCH points at are unchanged (offline: kept as is).
root=$work/root
stage=$work/$initrd.stage
tmpfiles=()
trap 'rm -rf "$root.tmp" "$stage" "$stage.guest" ${tmpfiles[@]+"${tmpfiles[@]}"}' EXIT
want_stamp=$(echo $pkgs)
kpkg=$(kernel_pkg || true)
if [ ! -f "$root/.stamp" ] || [ "$(sed -n 2p "$root/.stamp")" != "$want_stamp" ] ||
    { [ -n "$kpkg" ] && [ "$kpkg" != "$(sed -n 1p "$root/.stamp")" ]; }; then
    ensure_apt_arch
    [ -n "$kpkg" ] || kpkg=$(kernel_pkg || true)
    [ -n "$kpkg" ] || die "cannot resolve the package linux-image-$debarch depends on"
    echo "assets.sh: fetching $kpkg and the Xen $xenver tools ($debarch)" >&2
    for p in $kpkg $pkgs; do fetch "$p"; done
    rm -rf "$root.tmp"
    mkdir -p "$root.tmp"
    for p in $kpkg $pkgs; do
        for d in "$debs/${p}_"*.deb; do dpkg-deb -x "$d" "$root.tmp"; done
    done
    printf '%s\n%s\n' "$kpkg" "$want_stamp" >"$root.tmp/.stamp"
    rm -rf "$root"
    mv "$root.tmp" "$root"
fi
kpkg=$(sed -n 1p "$root/.stamp")
kver=${kpkg#linux-image-}

# The path of a file inside ROOT with symlinks followed inside ROOT.
in_root() {
    local p=$1 n=0 t
    while [ -L "$root$p" ] && [ $n -lt 20 ]; do
        t=$(readlink "$root$p")
        case $t in
        /*) p=$t ;;
        *) p=$(dirname "$p")/$t ;;
        esac
        n=$((n + 1))
    done
    [ -e "$root$p" ] || return 1
    echo "$root$p"
}

lib_dirs=("$root/lib/$triplet" "$root/usr/lib/$triplet" "$root/lib"
          "$root/usr/lib" "$root/usr/lib/xen-$xenver/lib/$triplet")
if [ "$debarch" = "$(dpkg --print-architecture)" ]; then
    host_lib_dirs=("/lib/$triplet" "/usr/lib/$triplet" /lib /usr/lib)
else
    host_lib_dirs=()
fi

# Find a library by soname: the unpacked tree first, then -L folders, then
# (native arch only) the host.  Prints the real file.
find_lib() {
    local d
    for d in "${lib_dirs[@]}" ${libdirs[@]+"${libdirs[@]}"} \
        ${host_lib_dirs[@]+"${host_lib_dirs[@]}"}; do
        [ -e "$d/$1" ] && { readlink -f "$d/$1"; return 0; }
    done
    return 1
}

rm -rf "$stage" "$stage.guest"
mkdir -p "$stage"/{bin,sbin,usr/bin,usr/sbin,dev,proc,sys,run,tmp,etc}
mkdir -p "$stage"/{lib/"$triplet",lib/modules,usr/lib/xen/bin}
mkdir -p "$stage"/var/{lib/xen,lib/xenstored,log/xen}
ln -s /run "$stage/var/run"

# Queue of ELF files whose NEEDED entries are still to be resolved.
elf_queue=()
declare -A have_lib

# add_file SRC DEST: copy SRC to DEST in the image; queue it if it is ELF.
add_file() {
    mkdir -p "$stage$(dirname "$2")"
    cp -L "$1" "$stage$2"
    if [ "$(head -c 4 "$1" | od -An -c | tr -d ' ')" = '177ELF' ]; then
        elf_queue+=("$1")
    fi
}

resolve_libs() {
    local f interp n s lib
    while [ ${#elf_queue[@]} -gt 0 ]; do
        f=${elf_queue[0]}
        elf_queue=("${elf_queue[@]:1}")
        interp=$(readelf -lW "$f" 2>/dev/null |
            sed -n 's/.*Requesting program interpreter: \(.*\)\]/\1/p')
        if [ -n "$interp" ] && [ ! -e "$stage$interp" ]; then
            lib=$(in_root "$interp") || lib=$(find_lib "$(basename "$interp")") ||
                die "$f: interpreter $interp not found"
            mkdir -p "$stage$(dirname "$interp")"
            cp -L "$lib" "$stage$interp"
        fi
        for s in $(readelf -dW "$f" 2>/dev/null |
            sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
            [ -n "${have_lib[$s]+x}" ] && continue
            lib=$(find_lib "$s") || die "$f: library $s not found (ARCH $arch)"
            have_lib[$s]=1
            cp -L "$lib" "$stage/lib/$triplet/$s"
            elf_queue+=("$lib")
        done
    done
}

# busybox and its applets.
bb=$root/bin/busybox
[ -x "$bb" ] || die "busybox-static did not unpack to $bb"
cp "$bb" "$stage/bin/busybox"
for a in sh mount umount mkdir insmod cat echo sleep poweroff base64 \
    sha256sum wc sed cut head tail grep ls date dmesg od xxd ps kill uname \
    rm cp ln tr sort uniq awk env true false test printf hexdump seq cmp \
    timeout time readlink stat find xargs; do
    ln -sf busybox "$stage/bin/$a"
done

# Xen tools: xl, both xenstoreds, xen-init-dom0, xenconsoled (guest
# consoles), the xenstore client.
for t in xl xenstored oxenstored xen-init-dom0 xenconsoled; do
    src=$root/usr/lib/xen-$xenver/bin/$t
    [ -e "$src" ] || { [ "$t" = oxenstored ] && continue; die "no $t in $src"; }
    add_file "$src" "/usr/lib/xen/bin/$t"
    ln -sf "../lib/xen/bin/$t" "$stage/usr/sbin/$t"
done
add_file "$root/usr/bin/xenstore" /usr/bin/xenstore
for c in read write ls list exists rm chmod watch; do
    ln -sf xenstore "$stage/usr/bin/xenstore-$c"
done
mkdir -p "$stage/etc/xen"
echo '# xl.conf: defaults (boot-test initramfs)' >"$stage/etc/xen/xl.conf"
[ -f "$root/etc/xen/oxenstored.conf" ] &&
    add_file "$root/etc/xen/oxenstored.conf" /etc/xen/oxenstored.conf

# Files asked for with -f.
for e in ${extras[@]+"${extras[@]}"}; do
    src=${e%%=*}
    dest=/usr/bin/$(basename "$src")
    [ "$e" = "$src" ] || dest=${e#*=}
    [ -r "$src" ] || die "cannot read -f file '$src'"
    add_file "$src" "$dest"
done
resolve_libs
# glibc loads libgcc_s at run time (pthread_cancel, which libxl's threads
# use): no NEEDED entry names it.
lib=$(find_lib libgcc_s.so.1) || die "libgcc_s.so.1 not found (ARCH $arch)"
cp -L "$lib" "$stage/lib/$triplet/libgcc_s.so.1"

# Kernel modules with their dependencies, in load order (deps first).
moddir=$root/lib/modules/$kver
[ -d "$moddir" ] || die "no modules in $moddir"
declare -A mod_done
modlist=()
add_module() {
    local name=$1 f d deps
    [ -n "${mod_done[$name]+x}" ] && return 0
    mod_done[$name]=1
    f=$(find "$moddir/kernel" \( -name "$name.ko" -o -name "$name.ko.xz" \
        -o -name "${name//-/_}.ko" -o -name "${name//-/_}.ko.xz" \) -print -quit)
    [ -n "$f" ] || die "module $name not found under $moddir"
    case $f in
    *.xz) xz -dc "$f" >"$stage/lib/modules/$name.ko" ;;
    *) cp "$f" "$stage/lib/modules/$name.ko" ;;
    esac
    deps=$(tr '\0' '\n' <"$stage/lib/modules/$name.ko" |
        sed -n 's/^depends=//p' | tr ',' ' ')
    for d in $deps; do add_module "$d"; done
    modlist+=("$name")
}
for m in $modules; do add_module "$m"; done
printf '%s\n' "${modlist[@]}" >"$stage/etc/modules.list"

# The guest payload (-g): busybox, dom0's Xen modules (the guest loads
# them the same way: privcmd for the hypercalls), PROG and domu-init.sh,
# packed into the image next to the kernel.
if [ -n "$guest" ]; then
    gs=$stage.guest gdir=$stage/usr/share/xen-support/guest
    mkdir -p "$gs"/{bin,usr/bin,dev,proc,sys,etc,lib/modules} "$gdir"
    cp "$bb" "$gs/bin/busybox"
    for a in sh mount insmod echo cat sync poweroff sleep uname; do
        ln -sf busybox "$gs/bin/$a"
    done
    cp "$stage"/lib/modules/*.ko "$gs/lib/modules/"
    cp "$stage/etc/modules.list" "$gs/etc/modules.list"
    cp "$here/domu-init.sh" "$gs/init"
    cp "$guest" "$gs/usr/bin/domu-test"
    chmod 755 "$gs/init" "$gs/usr/bin/domu-test"
    (cd "$gs" && find . -mindepth 1 | LC_ALL=C sort |
        cpio -o -H newc -R 0:0 --quiet) | gzip -6 -n >"$gdir/initrd.gz"
    cp "$root/boot/vmlinuz-$kver" "$gdir/kernel"
    rm -rf "$gs"
fi

# The init script and the tests.
cp "$here/init.sh" "$stage/init"
chmod 755 "$stage/init"
echo "$arch" >"$stage/etc/boot-arch"
if [ -n "$tests" ]; then
    cp "$tests" "$stage/tests.sh"
else
    echo 'run xl-info xl info' >"$stage/tests.sh"
fi

# Pack it: cpio newc, gzip.  Written atomically.
tmp=$(mktemp "$work/$initrd.XXXXXX")
tmpfiles+=("$tmp")
(cd "$stage" && find . -mindepth 1 | LC_ALL=C sort |
    cpio -o -H newc -R 0:0 --quiet) | gzip -6 -n >"$tmp"
chmod 644 "$tmp"
mv "$tmp" "$work/$initrd"

# The kernel: vmlinuz on x86; an uncompressed Image on arm64.
kimg=$root/boot/vmlinuz-$kver
[ -f "$kimg" ] || die "no kernel at $kimg"
if [ ! -f "$work/kernel" ] || [ "$kimg" -nt "$work/kernel" ]; then
    tmpk=$(mktemp "$work/kernel.XXXXXX")
    tmpfiles+=("$tmpk")
    if [ "$arch" = arm64 ] && [ "$(od -An -tx1 -N2 "$kimg" | tr -d ' ')" = 1f8b ]; then
        gzip -dc "$kimg" >"$tmpk"
    else
        cp "$kimg" "$tmpk"
    fi
    chmod 644 "$tmpk"
    mv "$tmpk" "$work/kernel"
fi
echo "$work/kernel"
echo "$work/$initrd"
