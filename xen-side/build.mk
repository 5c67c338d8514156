# xen-side/build.mk: hosted build of the hypervisor code for unit tests,
# and `make xen` (a real Xen tree, see scripts/).
