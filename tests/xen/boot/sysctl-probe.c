/*
 * sysctl-probe.c: runs in dom0 of the boot test and exercises
 * XEN_SYSCTL_support_table on the running hypervisor through Debian's
 * libxenctrl (xc_sysctl, hypercall buffers): get_info, the whole table in
 * two calls (written to argv[1] for the host to compare), get_events, and
 * the documented errors.  Prints one line per check; exit 0 if all pass.
 * "xen-sysctl-probe cpupool [credit2]" instead creates (and destroys) a
 * cpupool with the RTDS (or Credit2) scheduler, a gate of the boot
 * policy: exit 0 if created, 1 if refused with EPERM, 2 on any other
 * error.
 * The ABI comes from the header extracted from the public header patch.
 */
#include "sysctl-raw.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static int failures;

static void check(int ok, const char *what, int rc)
{
    printf("%s: %s (rc %d)\n", ok ? "ok" : "FAIL", what, rc);
    failures += !ok;
}

static int cpupool(xc_interface *xch, const char *name, uint32_t sched)
{
    uint32_t poolid = XC_CPUPOOL_POOLID_ANY;
    int rc = xc_cpupool_create(xch, &poolid, sched);
    int e = errno;

    if (rc) {
        printf("cpupool %s: create failed: errno %d (%s)\n", name, e,
               strerror(e));
        return e == EPERM ? 1 : 2;
    }
    printf("cpupool %s: created pool %u\n", name, poolid);
    rc = xc_cpupool_destroy(xch, poolid);
    printf("cpupool %s: destroy rc %d\n", name, rc);
    return rc ? 2 : 0;
}

int main(int argc, char **argv)
{
    xc_interface *xch = xc_interface_open(NULL, NULL, 0);
    struct xen_sysctl_support_table st;
    DECLARE_HYPERCALL_BUFFER(uint8_t, buf);
    uint32_t size;
    FILE *f;
    int rc;

    if (!xch) {
        perror("xc_interface_open");
        return 2;
    }
    if (argc > 1 && !strcmp(argv[1], "cpupool")) {
        rc = argc > 2 && !strcmp(argv[2], "credit2")
                 ? cpupool(xch, "credit2", XEN_SCHEDULER_CREDIT2)
                 : cpupool(xch, "rtds", XEN_SCHEDULER_RTDS);
        xc_interface_close(xch);
        return rc;
    }

    memset(&st, 0, sizeof(st));
    st.cmd = XEN_SYSCTL_SUPPORT_get_info;
    rc = xc_support_op(xch, &st);
    check(rc == 0, "get_info", rc);
    printf("info: size %u format %u features %u rows %u sections %u "
           "facts %u arch %u policy %u flags %u exempt %u events %u/%u "
           "lost %u\n",
           st.u.info.table_size, st.u.info.format_version,
           st.u.info.nr_features, st.u.info.nr_rows, st.u.info.nr_sections,
           st.u.info.nr_facts, st.u.info.arch, st.u.info.policy,
           st.u.info.policy_flags, st.u.info.nr_exempt, st.u.info.nr_events,
           st.u.info.max_events, st.u.info.events_lost);

    memset(&st, 0, sizeof(st));
    st.cmd = XEN_SYSCTL_SUPPORT_get_table;
    rc = xc_support_op(xch, &st);
    size = st.u.table.size;
    check(rc == 0 && size && st.u.table.len == size, "get_table size", rc);

    buf = xc_hypercall_buffer_alloc(xch, buf, size);
    if (!buf) {
        perror("xc_hypercall_buffer_alloc");
        return 2;
    }
    memset(&st, 0, sizeof(st));
    st.cmd = XEN_SYSCTL_SUPPORT_get_table;
    st.u.table.len = size;
    st.u.table.flags = XEN_SUPPORT_GET_WHOLE;
    set_xen_guest_handle(st.u.table.buffer, buf);
    rc = xc_support_op(xch, &st);
    check(rc == 0 && st.u.table.len == size, "get_table whole", rc);
    f = argc > 1 ? fopen(argv[1], "wb") : NULL;
    if (f) {
        fwrite(buf, 1, size, f);
        fclose(f);
    }

    /* -ENOBUFS still returns the size needed. */
    st.u.table.len = size - 1;
    rc = xc_support_op(xch, &st);
    check(rc == -ENOBUFS && st.u.table.len == size, "whole, 1 short", rc);

    st.u.table.flags = 0;
    st.u.table.offset = size + 1;
    rc = xc_support_op(xch, &st);
    check(rc == -EINVAL, "offset past the end", rc);

    st.u.table.offset = 0;
    st.pad = 1;
    rc = xc_support_op(xch, &st);
    check(rc == -EINVAL, "non-zero pad", rc);

    memset(&st, 0, sizeof(st));
    st.cmd = 7;
    rc = xc_support_op(xch, &st);
    check(rc == -EINVAL, "unknown sub-op", rc);

    memset(&st, 0, sizeof(st));
    st.cmd = XEN_SYSCTL_SUPPORT_get_events;
    rc = xc_support_op(xch, &st);
    check(rc == 0 && st.u.events.nr == 0, "get_events (count only)", rc);
    printf("events: total %u generation %u lost %u\n", st.u.events.total,
           st.u.events.generation, st.u.events.lost);

    xc_hypercall_buffer_free(xch, buf);
    xc_interface_close(xch);
    printf("probe: %s\n", failures ? "FAIL" : "PASS");
    return failures ? 1 : 0;
}
