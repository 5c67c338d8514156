# xen-tree.sh: what the Xen build scripts share, sourced (bash):
#   xen_tree_version DIR  prints the tree's "X.Y" (xen/Makefile's
#                         XEN_VERSION and XEN_SUBVERSION); fails if none
#   xen_tree_arch ARCH    sets xarch (XEN_TARGET_ARCH) and cross
#                         (CROSS_COMPILE) for x86_64 or arm64; fails else
# shellcheck shell=bash

xen_tree_version() {
    local v s
    v=$(sed -n 's/^export XEN_VERSION *= *\([0-9]*\).*/\1/p' "$1/xen/Makefile" 2>/dev/null)
    s=$(sed -n 's/^export XEN_SUBVERSION *= *\([0-9]*\).*/\1/p' "$1/xen/Makefile" 2>/dev/null)
    [ -n "$v" ] && [ -n "$s" ] || return 1
    echo "$v.$s"
}

xen_tree_arch() {
    case "$1" in
    x86_64) xarch=x86_64 cross= ;;
    arm64) xarch=arm64 cross=aarch64-linux-gnu- ;;
    *) return 1 ;;
    esac
}
