/*
 * sysctl-load.c: load on XEN_SYSCTL_support_table from dom0
 * (tests/xen/boot-test.sh, issue 7 section 2).  N full reads of the table
 * the way a tool reads it (libxenctrl's xc_sysctl with a hypercall
 * buffer, two sysctls each: NULL buffer for the size, then the whole
 * table), every 1024th read and the last compared with REF; Xen's free
 * memory (xc_physinfo free_pages) before and after must be equal.
 *
 * usage: xen-sysctl-load N REF
 * Prints a "@@LOAD reads=N sysctls=2N ms=T reads_per_s=R free_before=A
 * free_after=B mismatches=M" marker line (dom0's clock: an emulated
 * machine under the boot test); exit 0 when every read succeeded, all
 * compared reads matched and free memory is unchanged, 1 otherwise,
 * 2 when it cannot run.
 */
#include "sysctl-raw.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static xc_interface *S_xch;

static int S_free_pages(uint64_t *pages)
{
    xc_physinfo_t info;

    memset(&info, 0, sizeof(info));
    if (xc_physinfo(S_xch, &info)) {
        perror("xc_physinfo");
        return -1;
    }
    *pages = info.free_pages;
    return 0;
}

static double S_now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
    DECLARE_HYPERCALL_BUFFER(uint8_t, tab);
    struct xen_sysctl_support_table st;
    unsigned long n, errors = 0, mismatches = 0, compared = 0;
    uint64_t before, after;
    uint8_t *ref;
    size_t size = 0;
    double t0, ms;
    int first_err = 0;

    if (argc != 3 || !(n = strtoul(argv[1], NULL, 10))) {
        fprintf(stderr, "usage: xen-sysctl-load N REF\n");
        return 2;
    }
    ref = raw_read_file(argv[2], &size);
    S_xch = xc_interface_open(NULL, NULL, 0);
    if (!ref || !S_xch)
        return 2;
    tab = xc_hypercall_buffer_alloc(S_xch, tab, size);
    if (!tab || S_free_pages(&before))
        return 2;

    t0 = S_now_ms();
    for (unsigned long i = 0; i < n; i++) {
        uint32_t len;
        int rc;

        memset(&st, 0, sizeof(st));
        st.cmd = XEN_SYSCTL_SUPPORT_get_table;
        rc = xc_support_op(S_xch, &st);
        len = st.u.table.len;
        if (!rc) {
            memset(&st, 0, sizeof(st));
            st.cmd = XEN_SYSCTL_SUPPORT_get_table;
            st.u.table.len = len <= size ? len : (uint32_t)size;
            st.u.table.flags = XEN_SUPPORT_GET_WHOLE;
            set_xen_guest_handle(st.u.table.buffer, tab);
            rc = xc_support_op(S_xch, &st);
        }
        if (rc || len != size || st.u.table.len != size) {
            if (!errors++)
                first_err = rc;
            continue;
        }
        if (!(i & 1023) || i == n - 1) {
            compared++;
            mismatches += memcmp(tab, ref, size) != 0;
            memset(tab, 0, size);
        }
    }
    ms = S_now_ms() - t0;

    if (S_free_pages(&after))
        return 2;
    printf("load: %lu reads (%lu sysctls) in %.0f ms, %lu failed (first "
           "rc %d), %lu compared with the reference, %lu differ\n",
           n, 2 * n, ms, errors, first_err, compared, mismatches);
    printf("load: Xen free pages before %llu after %llu\n",
           (unsigned long long)before, (unsigned long long)after);
    printf("@@LOAD reads=%lu sysctls=%lu ms=%.0f reads_per_s=%.0f "
           "free_before=%llu free_after=%llu failed=%lu mismatches=%lu\n",
           n, 2 * n, ms, ms > 0 ? n * 1e3 / ms : 0.0,
           (unsigned long long)before, (unsigned long long)after, errors,
           mismatches);
    xc_hypercall_buffer_free(S_xch, tab);
    xc_interface_close(S_xch);
    free(ref);
    return errors || mismatches || before != after ? 1 : 0;
}
