# sysctl.tests.sh: dom0 tests of XEN_SYSCTL_support_table and the boot
# policy on the built hypervisor (tests/xen/boot-test.sh): the probe's
# checks, the table it read (dumped for the host to compare), the hostile
# caller (every boot: under FLASK too; the table it reads after its cases
# dumped too), the load (only in the boot without
# xsm=flask, told apart by xl info's xen_commandline), xl still working
# (and which scheduler runs), a cpupool with the RTDS scheduler (a gate
# after boot), `xen-support status` in both formats, and the hypfs view
# (docs/hypfs.md) read with Xen's xenhypfs, and real guests from xl
# configurations.  The boot with a table as a
# boot module (the active table says so) runs only its own few tests.
# shellcheck shell=sh
if xen-support info 2>/dev/null | grep -q '^table_active *: module'; then
    run module-info xen-support info
    run module-dump xen-support dump -o /tmp/module.bin
    dump module /tmp/module.bin
    run module-status xen-support status
else
    ref=/usr/share/xen-support/support_table.bin
    run probe xen-sysctl-probe /tmp/table.bin
    dump table /tmp/table.bin
    run hostile xen-sysctl-hostile $ref /tmp/final.bin
    dump final /tmp/final.bin
    # shellcheck disable=SC2016 # expanded by the inner sh
    run xl-info sh -c 'xl info >/tmp/xl-info 2>&1; r=$?; cat /tmp/xl-info; exit $r'
    if grep -q '^xen_commandline .*xsm=flask' /tmp/xl-info; then
        note "load: not in the FLASK boot"
    else
        run load xen-sysctl-load 100000 $ref
    fi
    run cpupool xen-sysctl-probe cpupool
    run hypfs-ls xenhypfs ls /support
    # xenhypfs cat cannot print a blob (libxenhypfs's xenhypfs_read() answers
    # EDOM for one): xen-support reads it raw (xenhypfs_read_raw()).
    run hypfs-table xen-support --hypfs dump -o /tmp/hypfs.bin
    dump hypfs /tmp/hypfs.bin
    run hypfs-policy xenhypfs cat /support/policy
    run hypfs-record xenhypfs cat /support/record
    run xs-status xen-support status
    run xs-prom xen-support status --prometheus
    # The statement replaced at run time (docs/support-policy.md): in the
    # dummy boot, every hostile load (xen-sysctl-swap) then the CLI's refusal
    # of a table with Arm rows only, and a valid load read back through hypfs;
    # in the FLASK boot (support=refuse) the scenario: a Credit2 pool passes,
    # the loaded statement makes Credit2 Experimental, status reports the pool
    # (enabled before), and the next Credit2 pool is refused with EPERM.
    next=/usr/share/xen-support/next.bin
    if grep -q '^xen_commandline .*xsm=flask' /tmp/xl-info; then
        run pool-credit2 xen-sysctl-probe cpupool credit2
        run load-next xen-support load $next
        run status-next xen-support status
        run pool-credit2-after xen-sysctl-probe cpupool credit2
    else
        run swap xen-sysctl-swap $ref /usr/share/xen-support/arm-only.bin
        run load-arm xen-support load /usr/share/xen-support/arm-only.bin
        run load-next xen-support load $next
        run info-next xen-support info
        run next-table xen-support --hypfs dump -o /tmp/next.bin
        dump next /tmp/next.bin
    fi
    # Guests (docs/xl-create.md), created by the patched xl: guest-ok,
    # within support, runs to its end and issues the support ops itself
    # (an unprivileged caller: denied); guest-pvcalls selects a PV Calls
    # backend (Experimental): under warn it is created (paused: it need
    # not run) and recorded against its domid, then destroyed, its entries
    # staying, gone; under refuse nothing is built.
    run guest-ok guest_run guest-ok /etc/xen/guest-ok.cfg
    run guest-pvcalls xl create -p /etc/xen/guest-pvcalls.cfg
    # shellcheck disable=SC2016 # expanded by the inner sh
    run guest-list sh -c 'xl list; xl domid guest-pvcalls'
    run guest-status xen-support status
    if xl domid guest-pvcalls >/dev/null 2>&1; then
        run guest-destroy xl destroy guest-pvcalls
        run guest-gone xen-support status
    fi
fi
