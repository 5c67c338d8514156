/*
 * sysctl-swap.c: hostile callers of XEN_SYSCTL_support_load from dom0
 * (tests/xen/boot-test.sh, issue 14 item 4).  Each hostile table goes to
 * the running Xen through libxencall with its guest handle as set here
 * (sysctl-raw.c): zero length, unknown flags, over the cap, NULL and wild
 * buffers, a format version Xen cannot read, nested pair codes, rows for
 * the other architecture only (ARM, compiled on the host), and REF
 * damaged: a byte flipped with the checksum left stale, every 61st byte
 * from the second,
 * and cut short, every 61st length.  After each, get_info says which
 * table is active.
 *
 * usage: xen-sysctl-swap REF ARM
 * Prints "swap: before: generation N checksum 0xC size S", then per case
 * "swap: NAME: want E, got G; active generation N checksum 0xC size S"
 * for the judge (scripts/boot/judge-sysctl.sh) to compare; exit 0 when it
 * ran, 2 when it cannot.
 */
#include "sysctl-raw.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xen/suptab.h>

#define S_STEP 61 /* every S_STEP-th byte and length of REF */

static struct raw S_r;

/* XEN_SYSCTL_support_load with handle ADDR: 0 or -errno. */
static int S_load(uint32_t size, uint32_t flags, uint64_t addr)
{
    struct xen_sysctl_support_load ld;

    memset(&ld, 0, sizeof(ld));
    ld.size = size;
    ld.flags = flags;
    set_xen_guest_handle_raw(ld.buffer, (uint8_t *)(uintptr_t)addr);
    memset(S_r.sc, 0, sizeof(*S_r.sc));
    S_r.sc->cmd = XEN_SYSCTL_support_load;
    S_r.sc->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
    memcpy(S_r.sc->u.pad, &ld, sizeof(ld));
    return raw_call(&S_r, (uint64_t)(uintptr_t)S_r.sc);
}

/* "generation N checksum 0xC size S" of the active table, from get_info. */
static const char *S_active(void)
{
    static char buf[96];
    struct xen_sysctl_support_table st;
    int changed, rc;

    memset(&st, 0, sizeof(st));
    st.cmd = XEN_SYSCTL_SUPPORT_get_info;
    rc = raw_op(&S_r, &st, &changed);
    if (rc)
        snprintf(buf, sizeof(buf), "get_info %s", raw_errname(rc));
    else
        snprintf(buf, sizeof(buf), "generation %u checksum 0x%08x size %u",
                 st.u.info.table_generation, st.u.info.checksum,
                 st.u.info.table_size);
    return buf;
}

static const char *S_err(int rc)
{
    switch (rc) {
    case -E2BIG:
        return "E2BIG";
    case -EBADMSG:
        return "EBADMSG";
    case -ENOEXEC:
        return "ENOEXEC";
    default:
        return raw_errname(rc);
    }
}

static void S_case(const char *name, int want, int got)
{
    printf("swap: %s: want %s", name, S_err(want));
    printf(", got %s; active %s\n", S_err(got), S_active());
}

/* Load LEN bytes of B from a hypercall buffer of exactly that size. */
static int S_load_bytes(const uint8_t *b, size_t len)
{
    uint8_t *buf = raw_buffer(&S_r, len ? len : 1, 0);
    int rc;

    if (!buf)
        return -ENOMEM;
    memcpy(buf, b, len);
    rc = S_load((uint32_t)len, 0, (uint64_t)(uintptr_t)buf);
    raw_buffer_free(&S_r, buf);
    return rc;
}

static void S_resign(uint8_t *b, size_t len)
{
    size_t off = offsetof(struct xen_suptab_header, checksum);
    uint32_t c;

    memset(b + off, 0, 4);
    c = suptab_checksum(b, (uint32_t)len);
    for (int k = 0; k < 4; k++)
        b[off + k] = (uint8_t)(c >> (8 * k));
}

int main(int argc, char **argv)
{
    size_t len = 0, alen = 0;
    uint8_t *ref, *arm, *b;
    struct xen_suptab_header h;
    char name[64];

    if (argc != 3) {
        fprintf(stderr, "usage: xen-sysctl-swap REF ARM\n");
        return 2;
    }
    ref = raw_read_file(argv[1], &len);
    arm = raw_read_file(argv[2], &alen);
    if (!ref || !arm || raw_open(&S_r))
        return 2;
    b = malloc(XEN_SYSCTL_SUPPORT_LOAD_MAX + 1);
    if (!b)
        return 2;
    printf("swap: before: %s\n", S_active());

    S_case("zero length", -EINVAL, S_load_bytes(ref, 0));
    {
        uint8_t *buf = raw_buffer(&S_r, len, 0);

        if (!buf)
            return 2;
        memcpy(buf, ref, len);
        S_case("flags 1", -EINVAL,
               S_load((uint32_t)len, 1, (uint64_t)(uintptr_t)buf));
        raw_buffer_free(&S_r, buf);
    }
    memset(b, 0, XEN_SYSCTL_SUPPORT_LOAD_MAX + 1);
    memcpy(b, ref, len);
    S_case("over the cap", -E2BIG,
           S_load_bytes(b, XEN_SYSCTL_SUPPORT_LOAD_MAX + 1));
    S_case("NULL buffer", -EFAULT, S_load((uint32_t)len, 0, 0));
    S_case("wild buffer", -EFAULT,
           S_load((uint32_t)len, 0, 0xffff800000000000ULL));
    S_case("user page 0", -EFAULT, S_load((uint32_t)len, 0, 0x10));

    memcpy(b, ref, len);
    b[offsetof(struct xen_suptab_header, version)] = 99;
    b[offsetof(struct xen_suptab_header, last_comp_version)] = 99;
    S_resign(b, len);
    S_case("format version 99", -EOPNOTSUPP, S_load_bytes(b, len));

    memcpy(b, ref, len);
    suptab_header_read(b, &h);
    b[h.off_pairs] = (uint8_t)suptab_pair_code(0);
    S_resign(b, len);
    S_case("nested pair codes", -EBADMSG, S_load_bytes(b, len));

    S_case("arm rows only", -ENOEXEC, S_load_bytes(arm, alen));

    for (size_t i = 1; i < len; i += S_STEP) {
        size_t off = offsetof(struct xen_suptab_header, checksum);

        if (i >= off && i < off + 4)
            continue;
        memcpy(b, ref, len);
        b[i] ^= 0x80;
        snprintf(name, sizeof(name), "byte %zu flipped, stale checksum", i);
        S_case(name, -EBADMSG, S_load_bytes(b, len));
    }
    for (size_t l = 1; l < len; l += S_STEP) {
        snprintf(name, sizeof(name), "cut to %zu bytes", l);
        S_case(name, -EBADMSG, S_load_bytes(ref, l));
    }
    printf("swap: after: %s\n", S_active());
    free(b);
    free(ref);
    free(arm);
    raw_close(&S_r);
    return 0;
}
