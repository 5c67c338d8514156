/*
 * sysctl-hostile.c: a hostile dom0 caller of XEN_SYSCTL_support_table
 * (tests/xen/boot-test.sh, issue 7 section 2).  Every malformed request
 * goes to the running Xen through libxencall with its guest handles as
 * set here (sysctl-raw.c): NULL and wild handles (user page 0, past the
 * user half, non-canonical, Xen's own ranges, the dom0 kernel's half, a
 * read-only page), huge lengths, offset + len past 2^32, non-zero pad
 * fields, unknown flags and sub-ops, event indexes past the end, and a
 * buffer unmapped half way.  Each case checks the errno docs/sysctl.md
 * gives, that no OUT field was written back on an error other than
 * -ENOBUFS, and that no byte of a buffer beyond what the call may copy
 * changed.  Afterwards a normal read through libxenctrl (xc_sysctl with
 * a hypercall buffer) must return the table byte for byte as REF.
 *
 * usage: xen-sysctl-hostile REF [OUT]  (REF: the generator's table file)
 * Prints one line per case, then "hostile: PASS|FAIL"; exit 0, 1 on a
 * failed case, 2 when it cannot run.  OUT gets the bytes of the final
 * read, for the host to compare itself (scripts/boot/judge.sh).
 */
#include "sysctl-raw.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define S_FILL    0xa5 /* what a buffer holds before a call */
#define S_GUARD   256  /* bytes after a buffer that must stay S_FILL */
#define S_EV_SIZE 64   /* sizeof(struct xen_support_event) */

static struct raw S_r;
static const uint8_t *S_ref;
static uint32_t S_size;  /* table bytes */
static uint32_t S_total; /* events in the record */
static uint8_t *S_buf;   /* hypercall buffer: room for the table + guard */
static size_t S_buf_size;
static int S_cases, S_failures;
static const char *S_out; /* where the final read's bytes go, or NULL */

static void S_report(int ok, const char *name, int want, int got,
                     const char *detail)
{
    printf("%s: %s: want %s", ok ? "ok" : "FAIL", name, raw_errname(want));
    printf(", got %s%s%s\n", raw_errname(got), *detail ? "; " : "", detail);
    S_cases++;
    S_failures += !ok;
}

/* Index of the first byte of BUF[from, to) that is not S_FILL, or TO. */
static size_t S_touched(const uint8_t *buf, size_t from, size_t to)
{
    while (from < to && buf[from] == S_FILL)
        from++;
    return from;
}

static struct xen_sysctl_support_table S_op(uint32_t cmd)
{
    struct xen_sysctl_support_table st;

    memset(&st, 0, sizeof(st));
    st.cmd = cmd;
    return st;
}

/*
 * Issue ST, expect WANT.  On an error other than -ENOBUFS the struct must
 * come back unchanged.  Returns whether rc and that held; DETAIL gets a
 * note for the report line.
 */
static int S_issue(struct xen_sysctl_support_table *st, int want, int *got,
                   char *detail, size_t dsize)
{
    int changed;

    *got = raw_op(&S_r, st, &changed);
    detail[0] = '\0';
    if (*got && *got != -ENOBUFS) {
        snprintf(detail, dsize, "%s",
                 changed ? "OUT fields WRITTEN" : "nothing written back");
        return *got == want && !changed;
    }
    return *got == want;
}

/* A case with no data buffer of ours (NULL, wild or none). */
static void S_plain(const char *name, struct xen_sysctl_support_table st,
                    int want)
{
    char detail[96];
    int got;
    int ok = S_issue(&st, want, &got, detail, sizeof(detail));

    S_report(ok, name, want, got, detail);
}

/*
 * get_table into the hypercall buffer: expect WANT; on success LEN bytes
 * from OFFSET, len == LEN and size == the table's; in every case nothing
 * past what was copied changes.
 */
static void S_table(const char *name, uint32_t pad, uint32_t offset,
                    uint32_t len, uint32_t flags, int want, uint32_t want_len)
{
    struct xen_sysctl_support_table st = S_op(XEN_SYSCTL_SUPPORT_get_table);
    char detail[160];
    size_t n, bad;
    int got, ok;

    st.pad = pad;
    st.u.table.offset = offset;
    st.u.table.len = len;
    st.u.table.flags = flags;
    memset(S_buf, S_FILL, S_buf_size);
    set_xen_guest_handle_raw(st.u.table.buffer, S_buf);
    ok = S_issue(&st, want, &got, detail, sizeof(detail));
    n = got == 0 ? want_len : 0;
    if (got == 0 && (st.u.table.len != want_len || st.u.table.size != S_size))
        ok = 0;
    if (got == -ENOBUFS &&
        (st.u.table.len != want_len || st.u.table.size != S_size))
        ok = 0;
    if (n && memcmp(S_buf, S_ref + offset, n))
        ok = 0;
    bad = S_touched(S_buf, n, S_buf_size);
    if (bad != S_buf_size)
        ok = 0;
    snprintf(detail + strlen(detail), sizeof(detail) - strlen(detail),
             "%slen %u size %u, %zu bytes copied%s, %s", *detail ? ", " : "",
             st.u.table.len, st.u.table.size, n,
             n && !memcmp(S_buf, S_ref + offset, n) ? " (= table)" : "",
             bad == S_buf_size ? "rest untouched" : "BYTE PAST IT WRITTEN");
    S_report(ok, name, want, got, detail);
}

/* get_table with a NULL buffer: the size query, whatever len and flags. */
static void S_table_null(const char *name, uint32_t offset, uint32_t len,
                         uint32_t flags)
{
    struct xen_sysctl_support_table st = S_op(XEN_SYSCTL_SUPPORT_get_table);
    char detail[96];
    int got, ok;

    st.u.table.offset = offset;
    st.u.table.len = len;
    st.u.table.flags = flags;
    ok = S_issue(&st, 0, &got, detail, sizeof(detail));
    ok = ok && st.u.table.len == S_size - offset && st.u.table.size == S_size;
    snprintf(detail, sizeof(detail), "len %u size %u (want %u, %u)",
             st.u.table.len, st.u.table.size, S_size - offset, S_size);
    S_report(ok, name, 0, got, detail);
}

static void S_table_wild(const char *name, uint64_t addr)
{
    struct xen_sysctl_support_table st = S_op(XEN_SYSCTL_SUPPORT_get_table);

    st.u.table.len = S_size;
    set_xen_guest_handle_raw(st.u.table.buffer, (uint8_t *)(uintptr_t)addr);
    S_plain(name, st, -EFAULT);
}

/*
 * get_events into the hypercall buffer (room for 64 events + guard):
 * expect WANT and, on success, WANT_NR events and nothing past them.
 */
static void S_events(const char *name, uint32_t pad, uint32_t idx, uint32_t nr,
                     int want, uint32_t want_nr)
{
    struct xen_sysctl_support_table st = S_op(XEN_SYSCTL_SUPPORT_get_events);
    char detail[160];
    size_t n, bad;
    int got, ok;

    st.u.events.pad = pad;
    st.u.events.idx = idx;
    st.u.events.nr = nr;
    memset(S_buf, S_FILL, S_buf_size);
    set_xen_guest_handle_raw(st.u.events.buffer, (xen_support_event_t *)S_buf);
    ok = S_issue(&st, want, &got, detail, sizeof(detail));
    n = got == 0 ? (size_t)want_nr * S_EV_SIZE : 0;
    if (got == 0 && (st.u.events.nr != want_nr || st.u.events.total != S_total))
        ok = 0;
    bad = S_touched(S_buf, n, S_buf_size);
    if (bad != S_buf_size)
        ok = 0;
    snprintf(detail + strlen(detail), sizeof(detail) - strlen(detail),
             "%snr %u total %u, %s", *detail ? ", " : "", st.u.events.nr,
             st.u.events.total,
             bad == S_buf_size ? "rest untouched" : "BYTE PAST IT WRITTEN");
    S_report(ok, name, want, got, detail);
}

static void S_events_wild(const char *name, uint64_t addr)
{
    struct xen_sysctl_support_table st = S_op(XEN_SYSCTL_SUPPORT_get_events);

    st.u.events.nr = 1;
    set_xen_guest_handle_raw(st.u.events.buffer,
                             (xen_support_event_t *)(uintptr_t)addr);
    /* With an empty record nothing is copied: the handle is not used. */
    S_plain(name, st, S_total ? -EFAULT : 0);
}

/*
 * A buffer of N bytes ending KEEP bytes into the mapped first of two
 * pages whose second page is unmapped.  Returns the page (to munmap) and
 * sets *buf; NULL on failure.
 */
static uint8_t *S_half(size_t keep, uint8_t **buf)
{
    long pg = sysconf(_SC_PAGESIZE);
    uint8_t *p = mmap(NULL, 2 * (size_t)pg, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    if (p == MAP_FAILED) {
        perror("mmap");
        return NULL;
    }
    memset(p, S_FILL, 2 * (size_t)pg); /* both pages present */
    if (mlock(p, (size_t)pg) || munmap(p + pg, (size_t)pg)) {
        perror("mlock/munmap");
        munmap(p, 2 * (size_t)pg);
        return NULL;
    }
    *buf = p + pg - keep;
    return p;
}

/*
 * How a faulting copy may have left the mapped KEEP bytes at BUF: a
 * prefix equal to EXPECT (what the copy writes), then S_FILL.  Returns
 * the prefix length, or (size_t)-1 when another byte changed.
 */
static size_t S_prefix(const uint8_t *buf, const uint8_t *expect, size_t keep)
{
    size_t k = 0;

    while (k < keep && buf[k] == expect[k])
        k++;
    return S_touched(buf, k, keep) == keep ? k : (size_t)-1;
}

/* get_table / get_events into a buffer that is unmapped half way. */
static void S_half_cases(void)
{
    long pg = sysconf(_SC_PAGESIZE);
    const size_t keep = 1000; /* mapped bytes at the end of page 1 */
    struct xen_sysctl_support_table st;
    uint8_t ev[S_EV_SIZE];
    uint8_t *page, *buf;
    char detail[200];
    size_t k;
    int got, ok, changed;

    page = S_half(keep, &buf);
    if (!page) {
        S_report(0, "half-unmapped setup", 0, -errno, "");
        return;
    }

    /* The read ends exactly at the mapping's edge: all of it copied. */
    st = S_op(XEN_SYSCTL_SUPPORT_get_table);
    st.u.table.len = keep;
    set_xen_guest_handle_raw(st.u.table.buffer, buf);
    ok = S_issue(&st, 0, &got, detail, sizeof(detail));
    ok = ok && st.u.table.len == keep && !memcmp(buf, S_ref, keep) &&
         S_touched(page, 0, (size_t)pg - keep) == (size_t)pg - keep;
    snprintf(detail, sizeof(detail),
             "len %u, the mapped %zu bytes = table, bytes before untouched",
             st.u.table.len, keep);
    S_report(ok, "get_table up to the unmapped page", 0, got, detail);

    /* Spanning both pages: -EFAULT, bytes before the buffer untouched,
     * in the mapped part at most a prefix of the table. */
    for (int whole = 0; whole < 2; whole++) {
        memset(page, S_FILL, (size_t)pg);
        st = S_op(XEN_SYSCTL_SUPPORT_get_table);
        st.u.table.len = S_size;
        st.u.table.flags = whole ? XEN_SUPPORT_GET_WHOLE : 0;
        set_xen_guest_handle_raw(st.u.table.buffer, buf);
        ok = S_issue(&st, -EFAULT, &got, detail, sizeof(detail));
        k = S_prefix(buf, S_ref, keep);
        ok = ok && k != (size_t)-1 &&
             S_touched(page, 0, (size_t)pg - keep) == (size_t)pg - keep;
        snprintf(detail + strlen(detail), sizeof(detail) - strlen(detail),
                 ", %zu of the %zu mapped bytes hold the table's first "
                 "bytes, the rest and the bytes before untouched",
                 k, keep);
        if (k == (size_t)-1)
            snprintf(detail, sizeof(detail), "OTHER BYTES WRITTEN");
        S_report(ok,
                 whole ? "get_table WHOLE across an unmapped page"
                       : "get_table across an unmapped page",
                 -EFAULT, got, detail);
    }

    /* One event whose second half is unmapped. */
    if (S_total) {
        /* What the first event looks like, for the prefix check. */
        st = S_op(XEN_SYSCTL_SUPPORT_get_events);
        st.u.events.nr = 1;
        set_xen_guest_handle_raw(st.u.events.buffer,
                                 (xen_support_event_t *)S_buf);
        ok = !raw_op(&S_r, &st, &changed) && st.u.events.nr == 1;
        memcpy(ev, S_buf, sizeof(ev));
        buf = page + pg - S_EV_SIZE / 2;
        memset(page, S_FILL, (size_t)pg);
        st = S_op(XEN_SYSCTL_SUPPORT_get_events);
        st.u.events.nr = 1;
        set_xen_guest_handle_raw(st.u.events.buffer,
                                 (xen_support_event_t *)buf);
        ok = S_issue(&st, -EFAULT, &got, detail, sizeof(detail)) && ok;
        k = S_prefix(buf, ev, S_EV_SIZE / 2);
        ok = ok && k != (size_t)-1 &&
             S_touched(page, 0, (size_t)pg - S_EV_SIZE / 2) ==
                 (size_t)pg - S_EV_SIZE / 2;
        snprintf(detail + strlen(detail), sizeof(detail) - strlen(detail),
                 ", %zu of the %d mapped bytes hold the event's first bytes",
                 k == (size_t)-1 ? 0 : k, S_EV_SIZE / 2);
        S_report(ok, "get_events across an unmapped page", -EFAULT, got,
                 detail);
    }
    munmap(page, (size_t)pg);
}

/* A read-only page: Xen must not write it. */
static void S_readonly_case(void)
{
    long pg = sysconf(_SC_PAGESIZE);
    volatile uint8_t *p =
        mmap(NULL, (size_t)pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    struct xen_sysctl_support_table st = S_op(XEN_SYSCTL_SUPPORT_get_table);
    char detail[96];
    uint8_t sum = 0;
    int got, ok;

    if (p == MAP_FAILED) {
        S_report(0, "get_table into a read-only page", -EFAULT, -errno, "");
        return;
    }
    for (long i = 0; i < pg; i++)
        sum |= p[i]; /* faults the (zero) page in, read-only */
    st.u.table.len = S_size < pg ? S_size : (uint32_t)pg;
    set_xen_guest_handle_raw(st.u.table.buffer, (uint8_t *)p);
    ok = S_issue(&st, -EFAULT, &got, detail, sizeof(detail));
    for (long i = 0; i < pg; i++)
        sum |= p[i];
    ok = ok && !sum;
    snprintf(detail + strlen(detail), sizeof(detail) - strlen(detail),
             ", page %s", sum ? "CHANGED" : "still zero");
    S_report(ok, "get_table into a read-only page", -EFAULT, got, detail);
    munmap((void *)p, (size_t)pg);
}

/* The sysctl struct itself at hostile addresses. */
static void S_struct_case(const char *name, uint64_t arg)
{
    int got = raw_call(&S_r, arg);

    S_report(got == -EFAULT, name, -EFAULT, got, "");
}

static void S_struct_half(void)
{
    uint8_t *page, *buf;
    int got;

    /* The struct's first 64 bytes mapped, the rest not. */
    page = S_half(64, &buf);
    if (!page)
        return;
    got = raw_call(&S_r, (uint64_t)(uintptr_t)buf);
    S_report(got == -EFAULT, "sysctl struct across an unmapped page", -EFAULT,
             got, "");
    munmap(page, (size_t)sysconf(_SC_PAGESIZE));
}

/* The normal tool path afterwards: libxenctrl, hypercall buffer. */
static int S_final_read(void)
{
    xc_interface *xch = xc_interface_open(NULL, NULL, 0);
    struct xen_sysctl sysctl;
    struct xen_sysctl_support_table st = S_op(XEN_SYSCTL_SUPPORT_get_table);
    DECLARE_HYPERCALL_BUFFER(uint8_t, tab);
    int ok = 0;

    if (!xch)
        return 0;
    tab = xc_hypercall_buffer_alloc(xch, tab, S_size);
    if (tab) {
        st.u.table.len = S_size;
        st.u.table.flags = XEN_SUPPORT_GET_WHOLE;
        set_xen_guest_handle(st.u.table.buffer, tab);
        memset(&sysctl, 0, sizeof(sysctl));
        sysctl.cmd = XEN_SYSCTL_support_table;
        memcpy(sysctl.u.pad, &st, sizeof(st));
        ok = !xc_sysctl(xch, &sysctl) && !memcmp(tab, S_ref, S_size);
        memcpy(&st, sysctl.u.pad, sizeof(st));
        ok = ok && st.u.table.len == S_size;
        if (S_out) {
            FILE *f = fopen(S_out, "wb");

            if (f) {
                fwrite(tab, 1, st.u.table.len <= S_size ? st.u.table.len : 0,
                       f);
                fclose(f);
            }
        }
        xc_hypercall_buffer_free(xch, tab);
    }
    xc_interface_close(xch);
    printf("%s: after the hostile calls: xc_sysctl read %u bytes, %s\n",
           ok ? "ok" : "FAIL", st.u.table.len,
           ok ? "byte-identical to the generator's table" : "DIFFERENT");
    return ok;
}

static void S_table_cases(void)
{
    uint32_t s = S_size;

    S_table("get_table len 0xffffffff", 0, 0, 0xffffffff, 0, 0, s);
    S_table("get_table WHOLE len 0xffffffff", 0, 0, 0xffffffff,
            XEN_SUPPORT_GET_WHOLE, 0, s);
    S_table("get_table offset size-8 len 0xfffffffc (sum wraps)", 0, s - 8,
            0xfffffffc, 0, 0, 8);
    S_table("get_table offset size len 0xffffffff", 0, s, 0xffffffff, 0, 0, 0);
    S_table("get_table offset size+1", 0, s + 1, 16, 0, -EINVAL, 0);
    S_table("get_table offset 0xffffffff len 2 (sum wraps to 1)", 0, 0xffffffff,
            2, 0, -EINVAL, 0);
    S_table("get_table WHOLE len size-1", 0, 0, s - 1, XEN_SUPPORT_GET_WHOLE,
            -ENOBUFS, s);
    S_table("get_table flags 0x2", 0, 0, s, 2, -EINVAL, 0);
    S_table("get_table flags 0xfffffffe", 0, 0, s, 0xfffffffe, -EINVAL, 0);
    S_table("get_table pad 1", 1, 0, s, 0, -EINVAL, 0);
    S_table("get_table pad 0x80000000", 0x80000000, 0, s, XEN_SUPPORT_GET_WHOLE,
            -EINVAL, 0);

    S_table_null("get_table NULL buffer len size", 0, s, 0);
    S_table_null("get_table NULL buffer WHOLE len 0 offset 100", 100, 0,
                 XEN_SUPPORT_GET_WHOLE);
    S_table_null("get_table NULL buffer len 0xffffffff", 0, 0xffffffff, 0);

    S_table_wild("get_table buffer 0x1", 0x1);
    S_table_wild("get_table buffer 0xfff (page 0)", 0xfff);
    S_table_wild("get_table buffer 0x7ffffffff000 (above TASK_SIZE)",
                 0x7ffffffff000ULL);
    S_table_wild("get_table buffer 0x7fffffffff00 (runs non-canonical)",
                 0x7fffffffff00ULL);
    S_table_wild("get_table buffer 0x800000000000 (non-canonical)",
                 0x800000000000ULL);
    S_table_wild("get_table buffer 0x8000000000000000 (non-canonical)",
                 0x8000000000000000ULL);
    S_table_wild("get_table buffer 0xffff800000000000 (Xen: RO M2P)",
                 0xffff800000000000ULL);
    S_table_wild("get_table buffer 0xffff82d040000000 (Xen: text)",
                 0xffff82d040000000ULL);
    S_table_wild("get_table buffer 0xffff830000000000 (Xen: direct map)",
                 0xffff830000000000ULL);
    S_table_wild("get_table buffer 0xffff880000000000 (dom0 kernel, unmapped)",
                 0xffff880000000000ULL);
    S_table_wild("get_table buffer 0xffffffffffffff00 (wraps past 2^64)",
                 0xffffffffffffff00ULL);
    S_readonly_case();
}

static void S_other_cases(void)
{
    struct xen_sysctl_support_table st;
    uint32_t t = S_total, n = t < 64 ? t : 64;

    st = S_op(XEN_SYSCTL_SUPPORT_get_info);
    st.pad = 1;
    S_plain("get_info pad 1", st, -EINVAL);
    st = S_op(XEN_SYSCTL_SUPPORT_get_info);
    memset(&st.u, 0xff, sizeof(st.u)); /* IN values ignored */
    {
        char detail[64];
        int got, ok = S_issue(&st, 0, &got, detail, sizeof(detail));

        ok = ok && st.u.info.table_size == S_size;
        snprintf(detail, sizeof(detail), "table_size %u", st.u.info.table_size);
        S_report(ok, "get_info with 0xff in every IN byte", 0, got, detail);
    }
    st = S_op(3);
    S_plain("sub-op 3", st, -EINVAL);
    st = S_op(0xffffffff);
    S_plain("sub-op 0xffffffff", st, -EINVAL);
    st = S_op(0xffffffff);
    st.pad = 0xffffffff;
    S_plain("sub-op 0xffffffff pad 0xffffffff", st, -EINVAL);

    S_events("get_events (idx 0 nr 64)", 0, 0, 64, 0, n);
    S_events("get_events nr 0xffffffff", 0, 0, 0xffffffff, 0, n);
    S_events("get_events events pad 1", 1, 0, 64, -EINVAL, 0);
    S_events("get_events events pad 0xffffffff", 0xffffffff, 0, 64, -EINVAL, 0);
    S_events("get_events idx total", 0, t, 64, 0, 0);
    S_events("get_events idx total+1", 0, t + 1, 64, -EINVAL, 0);
    S_events("get_events idx 0xffffffff", 0, 0xffffffff, 64, -EINVAL, 0);
    st = S_op(XEN_SYSCTL_SUPPORT_get_events);
    st.pad = 1;
    S_plain("get_events top-level pad 1", st, -EINVAL);
    st = S_op(XEN_SYSCTL_SUPPORT_get_events);
    st.u.events.nr = 5;
    S_plain("get_events NULL buffer nr 5", st, 0);
    S_events_wild("get_events buffer 0x1", 0x1);
    S_events_wild("get_events buffer 0xffff830000000000 (Xen: direct map)",
                  0xffff830000000000ULL);
    S_events_wild("get_events buffer 0x8000000000000000 (non-canonical)",
                  0x8000000000000000ULL);

    S_struct_case("sysctl struct NULL", 0);
    S_struct_case("sysctl struct 0x1", 1);
    S_struct_case("sysctl struct 0xffff830000000000 (Xen: direct map)",
                  0xffff830000000000ULL);
    S_struct_case("sysctl struct 0x8000000000000000 (non-canonical)",
                  0x8000000000000000ULL);
    S_struct_half();
}

/* The sizes to start from, through the raw path; 0 or -1. */
static int S_learn(void)
{
    struct xen_sysctl_support_table st = S_op(XEN_SYSCTL_SUPPORT_get_table);
    int changed;

    if (raw_op(&S_r, &st, &changed) || st.u.table.size != S_size) {
        fprintf(stderr, "hostile: table size %u, reference %u\n",
                st.u.table.size, S_size);
        return -1;
    }
    st = S_op(XEN_SYSCTL_SUPPORT_get_events);
    if (raw_op(&S_r, &st, &changed))
        return -1;
    S_total = st.u.events.total;
    printf("hostile: table %u bytes, %u events recorded\n", S_size, S_total);
    return 0;
}

int main(int argc, char **argv)
{
    size_t size = 0;
    int ok;

    if (argc != 2 && argc != 3) {
        fprintf(stderr, "usage: xen-sysctl-hostile REF [OUT]\n");
        return 2;
    }
    S_out = argc == 3 ? argv[2] : NULL;
    S_ref = raw_read_file(argv[1], &size);
    if (!S_ref || raw_open(&S_r))
        return 2;
    S_size = (uint32_t)size;
    S_buf_size = (size > 64 * S_EV_SIZE ? size : 64 * S_EV_SIZE) + S_GUARD;
    S_buf = raw_buffer(&S_r, S_buf_size, S_FILL);
    if (!S_buf || S_learn())
        return 2;

    S_table_cases();
    S_half_cases();
    S_other_cases();

    raw_buffer_free(&S_r, S_buf);
    raw_close(&S_r);
    ok = S_final_read();
    printf("hostile: %d cases, %d failed; Xen still answers\n", S_cases,
           S_failures);
    printf("hostile: %s\n", S_failures || !ok ? "FAIL" : "PASS");
    free((void *)S_ref);
    return S_failures || !ok ? 1 : 0;
}
