/*
 * test_support_sysctl.c: XEN_SYSCTL_support_table as the hypervisor runs
 * it: xen-side/common/support*.c built on Linux against the hosted shim,
 * with the table the generator compiled from SUPPORT_MD linked in.
 * argv[1] is that document; the generator's library compiles it again
 * here for the expected bytes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <hosted/shim.h>
#include <xen/errno.h>
#include <public/sysctl.h>
#include <xen/kernel.h>
#include <xen/support.h>

#include "xt_util.h"

static const char *doc = "docs/SUPPORT.md";
static uint8_t *want;   /* the generator's blob for doc */
static size_t want_len; /* its size */

#define PATTERN 0xa5

static int call(struct xen_sysctl_support_table *op)
{
    int rc = hosted_do_sysctl(op);

    assert_int_equal(hosted_locks_held, 0);
    return rc;
}

static void op_init(struct xen_sysctl_support_table *op, uint32_t cmd)
{
    memset(op, 0, sizeof(*op));
    op->cmd = cmd;
}

static void get_table_op(struct xen_sysctl_support_table *op, uint32_t off,
                         uint32_t len, uint8_t *buf, uint32_t flags)
{
    op_init(op, XEN_SYSCTL_SUPPORT_get_table);
    op->u.table.offset = off;
    op->u.table.len = len;
    op->u.table.flags = flags;
    op->u.table.buffer.p = buf;
}

static size_t untouched(const uint8_t *buf, size_t from, size_t to)
{
    size_t bad = 0;

    for (size_t i = from; i < to; i++)
        bad += buf[i] != PATTERN;
    return bad;
}

/* Before the initcall there is no table: every sub-op says so. */
static void test_no_table(void **state)
{
    struct xen_sysctl_support_table op;
    uint32_t cmd;

    (void)state;
    assert_null(support_table_header());
    assert_int_equal(xt_feature_by_name("x86-64"), -ENOENT);
    for (cmd = 0; cmd <= XEN_SYSCTL_SUPPORT_get_events; cmd++) {
        op_init(&op, cmd);
        assert_int_equal(call(&op), -EOPNOTSUPP);
    }
}

static void test_initcall(void **state)
{
    const struct xen_suptab_header *h = xt_hdr(want);
    char expect[200], version[64] = "(unknown)";

    (void)state;
    hosted_reset();
    assert_int_equal(hosted_initcall_support_table_init(), 0);
    assert_non_null(support_table_header());
    assert_int_equal(XEN_SUPPORT_NR_FEATURES, h->nr_features);

    for (unsigned i = 0; i < h->nr_facts; i++) {
        char key[64];

        const uint8_t *f = want + h->off_facts + i * XEN_SUPTAB_FACT_SIZE;

        xt_expand(want, suptab_le16(f), key, sizeof(key));
        if (!strcmp(key, "Xen-Version"))
            xt_expand(want, suptab_le16(f + 2), version, sizeof(version));
    }
    snprintf(expect, sizeof(expect),
             "support: statement for Xen %s: %u features, %u rows, %zu "
             "bytes\n",
             version, h->nr_features, h->nr_rows, want_len);
    assert_non_null(strstr(hosted_printk_buf, expect));
}

/* The linked table is byte for byte the generator's output. */
static void test_linked_table(void **state)
{
    (void)state;
    assert_int_equal(xen_support_table_size, want_len);
    assert_memory_equal(xen_support_table, want, want_len);
    assert_int_equal((uintptr_t)xen_support_table % 8, 0);
}

static void test_get_info(void **state)
{
    const struct xen_suptab_header *h = xt_hdr(want);
    struct xen_sysctl_support_table op;
    struct xen_sysctl_support_info *i = &op.u.info;

    (void)state;
    op_init(&op, XEN_SYSCTL_SUPPORT_get_info);
    memset(&op.u, 0xff, sizeof(op.u)); /* OUT only: input ignored */
    hosted_reset();
    assert_int_equal(call(&op), 0);
    assert_int_equal(hosted_xsm_calls, 1);
    assert_int_equal(hosted_xsm_last_cmd, XEN_SYSCTL_SUPPORT_get_info);
    assert_int_equal(i->table_size, want_len);
    assert_int_equal(i->checksum, h->checksum);
    assert_int_equal(i->format_version, h->version);
    assert_int_equal(i->last_comp_version, h->last_comp_version);
    assert_int_equal(i->nr_features, h->nr_features);
    assert_int_equal(i->nr_rows, h->nr_rows);
    assert_int_equal(i->nr_sections, h->nr_sections);
    assert_int_equal(i->nr_facts, h->nr_facts);
    assert_int_equal(i->arch, XEN_SUPTAB_ARCH_X86);
    assert_int_equal(i->policy, XEN_SUPPORT_POLICY_WARN);
    assert_int_equal(i->policy_flags, XEN_SUPPORT_PF_NOT_SECURITY);
    assert_int_equal(i->nr_exempt, 0);
    assert_int_equal(i->nr_events, 0);
    assert_int_equal(i->max_events, XEN_SUPPORT_EVENTS_MAX);
    assert_int_equal(i->events_lost, 0);
    assert_int_equal(i->generation, 0);
    assert_int_equal(hosted_copies, 0);
}

static void test_bad_cmd_and_pad(void **state)
{
    static const uint32_t bad_cmds[] = {3, 4, 0x80000000u, UINT32_MAX};
    struct xen_sysctl_support_table op, before;

    (void)state;
    for (size_t k = 0; k < sizeof(bad_cmds) / sizeof(bad_cmds[0]); k++) {
        op_init(&op, bad_cmds[k]);
        before = op;
        hosted_reset();
        assert_int_equal(call(&op), -EINVAL);
        assert_memory_equal(&op, &before, sizeof(op));
        /* XSM ran first (do_sysctl()), then the handler refused. */
        assert_int_equal(hosted_xsm_calls, 1);
        /* Denied, a bad cmd is never even looked at. */
        hosted_reset();
        hosted_xsm_rc = -EPERM;
        assert_int_equal(call(&op), -EPERM);
        assert_memory_equal(&op, &before, sizeof(op));
        hosted_xsm_rc = 0;
    }
    for (uint32_t cmd = 0; cmd <= XEN_SYSCTL_SUPPORT_get_events; cmd++) {
        op_init(&op, cmd);
        op.pad = 1u << (cmd * 7);
        before = op;
        assert_int_equal(call(&op), -EINVAL);
        assert_memory_equal(&op, &before, sizeof(op));
    }
    /* get_events' own padding. */
    op_init(&op, XEN_SYSCTL_SUPPORT_get_events);
    op.u.events.pad = 0x100;
    before = op;
    assert_int_equal(call(&op), -EINVAL);
    assert_memory_equal(&op, &before, sizeof(op));
}

/* The whole table in two calls: size, then everything. */
static void test_two_calls(void **state)
{
    struct xen_sysctl_support_table op;
    uint8_t *buf;
    uint32_t size;

    (void)state;
    get_table_op(&op, 0, 0, NULL, 0);
    assert_int_equal(call(&op), 0);
    size = op.u.table.size;
    assert_int_equal(size, want_len);
    assert_int_equal(op.u.table.len, want_len);

    buf = malloc(size);
    assert_non_null(buf);
    hosted_reset();
    get_table_op(&op, 0, size, buf, XEN_SUPPORT_GET_WHOLE);
    assert_int_equal(call(&op), 0);
    assert_int_equal(op.u.table.len, size);
    assert_int_equal(hosted_copies, 1);
    assert_memory_equal(buf, want, want_len);
    free(buf);
}

/* The model of get_table the grid checks the handler against. */
static int expect_table(uint32_t pad, uint32_t off, uint32_t len, bool null,
                        uint32_t flags, uint32_t size, uint32_t *out_len,
                        uint32_t *copied)
{
    uint32_t avail;

    *copied = 0;
    if (pad || (flags & ~XEN_SUPPORT_GET_WHOLE) || off > size)
        return -EINVAL;
    avail = size - off;
    *out_len = avail;
    if (null)
        return 0;
    if ((flags & XEN_SUPPORT_GET_WHOLE) && len < avail)
        return -ENOBUFS;
    *copied = *out_len = len < avail ? len : avail;
    return 0;
}

static void test_table_grid(void **state)
{
    const uint32_t s = (uint32_t)want_len;
    const uint32_t offs[] = {0, 1,     7,     s / 2,          s - 1,
                             s, s + 1, s + 8, UINT32_MAX - 1, UINT32_MAX};
    const uint32_t lens[] = {0,
                             1,
                             2,
                             s / 2,
                             s - 1,
                             s,
                             s + 1,
                             UINT32_MAX - s / 2, /* offset + len overflows */
                             UINT32_MAX - 1,
                             UINT32_MAX};
    const uint32_t flagss[] = {0, XEN_SUPPORT_GET_WHOLE, 2,
                               XEN_SUPPORT_GET_WHOLE | 0x80000000u};
    const uint32_t pads[] = {0, 1, 0x80000000u};
    size_t cap = want_len + 64, combos = 0;
    uint8_t *buf = malloc(cap);

    (void)state;
    assert_non_null(buf);
    for (size_t a = 0; a < sizeof(offs) / sizeof(offs[0]); a++)
        for (size_t b = 0; b < sizeof(lens) / sizeof(lens[0]); b++)
            for (int null = 0; null < 2; null++)
                for (size_t c = 0; c < sizeof(flagss) / sizeof(flagss[0]); c++)
                    for (size_t d = 0; d < sizeof(pads) / sizeof(pads[0]);
                         d++) {
                        struct xen_sysctl_support_table op, before;
                        uint32_t elen = 0, copied;
                        int erc, rc;

                        memset(buf, PATTERN, cap);
                        get_table_op(&op, offs[a], lens[b], null ? NULL : buf,
                                     flagss[c]);
                        op.pad = pads[d];
                        before = op;
                        erc = expect_table(pads[d], offs[a], lens[b], null,
                                           flagss[c], s, &elen, &copied);
                        rc = call(&op);
                        combos++;
                        if (rc != erc)
                            fail_msg("off %u len %u null %d flags %#x pad %#x:"
                                     " rc %d, want %d",
                                     offs[a], lens[b], null, flagss[c], pads[d],
                                     rc, erc);
                        if (erc && erc != -ENOBUFS) {
                            assert_memory_equal(&op, &before, sizeof(op));
                        } else {
                            assert_int_equal(op.u.table.size, s);
                            assert_int_equal(op.u.table.len, elen);
                            assert_int_equal(op.u.table.offset, offs[a]);
                            assert_int_equal(op.u.table.flags, flagss[c]);
                            assert_ptr_equal(op.u.table.buffer.p,
                                             before.u.table.buffer.p);
                        }
                        if (copied)
                            assert_memory_equal(buf, want + offs[a], copied);
                        assert_int_equal(untouched(buf, copied, cap), 0);
                    }
    assert_int_equal(combos, 10 * 10 * 2 * 4 * 3);
    free(buf);
}

/* Reads in chunks of every size 1..N reassemble the generator's blob. */
static void test_chunked_reads(void **state)
{
    uint8_t *buf = malloc(want_len + 1);

    (void)state;
    assert_non_null(buf);
    for (uint32_t chunk = 1; chunk <= want_len + 1; chunk++) {
        struct xen_sysctl_support_table op;
        uint32_t off = 0, calls = 0;

        memset(buf, PATTERN, want_len + 1);
        for (;;) {
            uint32_t room = want_len + 1 - off;

            get_table_op(&op, off, chunk < room ? chunk : room, buf + off, 0);
            assert_int_equal(call(&op), 0);
            calls++;
            if (!op.u.table.len)
                break;
            assert_true(op.u.table.len <= chunk);
            off += op.u.table.len;
        }
        assert_int_equal(off, want_len);
        assert_int_equal(calls, (want_len + chunk - 1) / chunk + 1);
        assert_memory_equal(buf, want, want_len);
        assert_int_equal(buf[want_len], PATTERN);
    }
    free(buf);
}

/* A fault in the copy: -EFAULT, no OUT field and no byte changed. */
static void test_table_fault(void **state)
{
    const uint32_t s = (uint32_t)want_len;
    const uint32_t cases[][2] = {{0, 1}, {0, s}, {s / 3, s}, {s - 1, 7}};
    uint8_t *buf = malloc(want_len);

    (void)state;
    assert_non_null(buf);
    for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        for (uint32_t flags = 0; flags <= XEN_SUPPORT_GET_WHOLE; flags++) {
            struct xen_sysctl_support_table op, before;

            if (flags && cases[k][1] < s - cases[k][0])
                continue; /* -ENOBUFS, no copy: the grid covers it */
            memset(buf, PATTERN, want_len);
            get_table_op(&op, cases[k][0], cases[k][1], buf, flags);
            before = op;
            hosted_reset();
            hosted_copy_fail_at = 0;
            assert_int_equal(call(&op), -EFAULT);
            assert_int_equal(hosted_copies, 1);
            assert_memory_equal(&op, &before, sizeof(op));
            assert_int_equal(untouched(buf, 0, want_len), 0);

            /* Exactly one copy per call: a later fault is never hit. */
            hosted_reset();
            hosted_copy_fail_at = 1;
            assert_int_equal(call(&op), 0);
            assert_int_equal(hosted_copies, 1);
        }
    }
    /* Nothing to copy: no copy, so no fault. */
    {
        struct xen_sysctl_support_table op;

        get_table_op(&op, s, 10, buf, 0);
        hosted_reset();
        hosted_copy_fail_at = 0;
        assert_int_equal(call(&op), 0);
        assert_int_equal(op.u.table.len, 0);
        assert_int_equal(hosted_copies, 0);
    }
    hosted_reset();
    free(buf);
}

static void test_xsm_denial(void **state)
{
    static const int denials[] = {-EPERM, -EACCES};
    uint8_t buf[64];

    (void)state;
    for (size_t k = 0; k < 2; k++) {
        for (uint32_t cmd = 0; cmd <= XEN_SYSCTL_SUPPORT_get_events; cmd++) {
            struct xen_sysctl_support_table op, before;

            op_init(&op, cmd);
            if (cmd == XEN_SYSCTL_SUPPORT_get_table) {
                op.u.table.len = sizeof(buf);
                op.u.table.buffer.p = buf;
            } else if (cmd == XEN_SYSCTL_SUPPORT_get_events) {
                op.u.events.nr = 1;
                op.u.events.buffer.p = (void *)buf;
            }
            before = op;
            memset(buf, PATTERN, sizeof(buf));
            hosted_reset();
            hosted_xsm_rc = denials[k];
            assert_int_equal(call(&op), denials[k]);
            assert_int_equal(hosted_xsm_last_cmd, cmd);
            assert_int_equal(hosted_copies, 0);
            assert_memory_equal(&op, &before, sizeof(op));
            assert_int_equal(untouched(buf, 0, sizeof(buf)), 0);
        }
    }
    hosted_reset();
}

static void events_op(struct xen_sysctl_support_table *op, uint32_t idx,
                      uint32_t nr, struct xen_support_event *buf)
{
    op_init(op, XEN_SYSCTL_SUPPORT_get_events);
    op->u.events.idx = idx;
    op->u.events.nr = nr;
    op->u.events.buffer.p = buf;
}

static void test_events_empty(void **state)
{
    struct xen_sysctl_support_table op, before;
    struct xen_support_event ev[2];

    (void)state;
    events_op(&op, 0, 2, ev);
    memset(ev, PATTERN, sizeof(ev));
    assert_int_equal(call(&op), 0);
    assert_int_equal(op.u.events.nr, 0);
    assert_int_equal(op.u.events.total, 0);
    assert_int_equal(op.u.events.generation, 0);
    assert_int_equal(op.u.events.lost, 0);
    assert_int_equal(untouched((void *)ev, 0, sizeof(ev)), 0);

    events_op(&op, 1, 2, ev);
    before = op;
    assert_int_equal(call(&op), -EINVAL);
    assert_memory_equal(&op, &before, sizeof(op));
}

static void test_record_args(void **state)
{
    const struct xen_suptab_header *h = xt_hdr(want);

    (void)state;
    assert_int_equal(support_record(h->nr_features, XEN_SUPPORT_ROW_NONE,
                                    XEN_SUPPORT_DECISION_WARNED,
                                    XEN_SUPPORT_ORIGIN_BOOT, DOMID_XEN, NULL),
                     -EINVAL);
    assert_int_equal(support_record(0, h->nr_rows, XEN_SUPPORT_DECISION_WARNED,
                                    XEN_SUPPORT_ORIGIN_BOOT, DOMID_XEN, NULL),
                     -EINVAL);
    assert_int_equal(support_record(0, XEN_SUPPORT_ROW_NONE, 0,
                                    XEN_SUPPORT_ORIGIN_BOOT, DOMID_XEN, NULL),
                     -EINVAL);
    assert_int_equal(support_record(0, XEN_SUPPORT_ROW_NONE,
                                    XEN_SUPPORT_DECISION_EXEMPTED + 1,
                                    XEN_SUPPORT_ORIGIN_BOOT, DOMID_XEN, NULL),
                     -EINVAL);
    assert_int_equal(support_record(0, XEN_SUPPORT_ROW_NONE,
                                    XEN_SUPPORT_DECISION_WARNED, 0, DOMID_XEN,
                                    NULL),
                     -EINVAL);
    assert_int_equal(
        support_record(0, XEN_SUPPORT_ROW_NONE, XEN_SUPPORT_DECISION_WARNED,
                       XEN_SUPPORT_ORIGIN_RUNTIME + 1, DOMID_XEN, NULL),
        -EINVAL);
    assert_int_equal(hosted_locks_held, 0);
}

/* Fill the record, overflow it, and page through it with every size. */
static void test_events_paging(void **state)
{
    const struct xen_suptab_header *h = xt_hdr(want);
    struct suptab tab;
    struct suptab_row row;
    struct xen_support_event all[XEN_SUPPORT_EVENTS_MAX + 1], page[70];
    struct xen_sysctl_support_table op;
    unsigned int i;

    (void)state;
    /* Recorded after SMP boot, so each event has its time. */
    system_state = SYS_STATE_active;
    assert_int_equal(suptab_validate(&tab, want, want_len, NULL, 0), 0);
    for (i = 0; i < XEN_SUPPORT_EVENTS_MAX; i++) {
        unsigned int feat = i % h->nr_features, first, nr;
        char text[64];

        assert_int_equal(support_feature_rows(feat, &first, &nr), 0);
        /* A long text is cut to the field, NUL-terminated. */
        snprintf(text, sizeof(text), "opt%u=%s", i,
                 i == 5 ? "0123456789012345678901234567890123456789" : "on");
        assert_int_equal(support_record(feat, nr ? first : XEN_SUPPORT_ROW_NONE,
                                        1 + i % 4, 1 + i % 3, (uint16_t)i,
                                        text),
                         0);
    }
    /* The same event again (same domain) is merged; a new one is lost,
       and so is the same one for another domain (the domain is part of
       what makes an event). */
    assert_int_equal(support_record(0, 0, 1, 1, 0, "opt0=on"), 0);
    assert_int_equal(support_record(0, 0, 1, 1, 0, "new"), -ENOSPC);
    assert_int_equal(support_record(0, 0, 1, 1, 99, "opt0=on"), -ENOSPC);

    events_op(&op, 0, XEN_SUPPORT_EVENTS_MAX + 1, all);
    assert_int_equal(call(&op), 0);
    assert_int_equal(op.u.events.nr, XEN_SUPPORT_EVENTS_MAX);
    assert_int_equal(op.u.events.total, XEN_SUPPORT_EVENTS_MAX);
    assert_int_equal(op.u.events.lost, 2);
    assert_int_equal(op.u.events.generation, XEN_SUPPORT_EVENTS_MAX + 1);
    for (i = 0; i < XEN_SUPPORT_EVENTS_MAX; i++) {
        const struct xen_support_event *e = &all[i];
        unsigned int feat = i % h->nr_features, first, nr;
        char text[XEN_SUPPORT_ORIGIN_TEXT + 20];

        support_feature_rows(feat, &first, &nr);
        assert_int_equal(e->feature, feat);
        assert_int_equal(e->row, nr ? first : XEN_SUPPORT_ROW_NONE);
        if (nr)
            suptab_row(&tab, first, &row);
        assert_int_equal(e->reading, nr ? row.reading : 0);
        assert_int_equal(e->decision, 1 + i % 4);
        assert_int_equal(e->origin, 1 + i % 3);
        assert_int_equal(e->domid, i);
        assert_int_equal(e->count, i ? 1 : 2);
        assert_int_equal(e->seq, i + 1);
        assert_int_equal(e->flags, 0);
        assert_true(e->time > 0 && (!i || e->time > all[i - 1].time));
        snprintf(text, sizeof(text), "opt%u=%s", i,
                 i == 5 ? "0123456789012345678901234567890123456789" : "on");
        text[XEN_SUPPORT_ORIGIN_TEXT - 1] = '\0';
        assert_string_equal(e->origin_text, text);
        for (size_t k = strlen(text); k < XEN_SUPPORT_ORIGIN_TEXT; k++)
            assert_int_equal(e->origin_text[k], 0);
    }

    /* get_info agrees. */
    op_init(&op, XEN_SYSCTL_SUPPORT_get_info);
    assert_int_equal(call(&op), 0);
    assert_int_equal(op.u.info.nr_events, XEN_SUPPORT_EVENTS_MAX);
    assert_int_equal(op.u.info.events_lost, 2);
    assert_int_equal(op.u.info.generation, XEN_SUPPORT_EVENTS_MAX + 1);

    /* Pages of every size reassemble the full read. */
    for (uint32_t n = 1; n <= 70; n++) {
        struct xen_support_event got[XEN_SUPPORT_EVENTS_MAX];
        uint32_t idx = 0;

        for (;;) {
            memset(page, PATTERN, sizeof(page));
            events_op(&op, idx, n, page);
            hosted_reset();
            assert_int_equal(call(&op), 0);
            assert_int_equal(op.u.events.total, XEN_SUPPORT_EVENTS_MAX);
            assert_int_equal(op.u.events.nr,
                             n < XEN_SUPPORT_EVENTS_MAX - idx
                                 ? n
                                 : XEN_SUPPORT_EVENTS_MAX - idx);
            /* One guest copy per chunk of 4, each taken under the lock
               (support_sysctl.c: no count is read half-written). */
            assert_int_equal(hosted_copies, (op.u.events.nr + 3) / 4);
            assert_int_equal(hosted_copies_locked, 0);
            assert_int_equal(untouched((void *)page,
                                       op.u.events.nr * sizeof(page[0]),
                                       sizeof(page)),
                             0);
            if (!op.u.events.nr)
                break;
            memcpy(got + idx, page, op.u.events.nr * sizeof(page[0]));
            idx += op.u.events.nr;
        }
        assert_int_equal(idx, XEN_SUPPORT_EVENTS_MAX);
        assert_memory_equal(got, all, sizeof(got));
    }

    /* Count only (NULL buffer, or nr 0); idx past the end. */
    events_op(&op, 3, 5, NULL);
    assert_int_equal(call(&op), 0);
    assert_int_equal(op.u.events.nr, 0);
    assert_int_equal(op.u.events.total, XEN_SUPPORT_EVENTS_MAX);
    events_op(&op, 0, 0, page);
    assert_int_equal(call(&op), 0);
    assert_int_equal(op.u.events.nr, 0);
    events_op(&op, XEN_SUPPORT_EVENTS_MAX + 1, 1, page);
    assert_int_equal(call(&op), -EINVAL);
    events_op(&op, UINT32_MAX, 1, page);
    assert_int_equal(call(&op), -EINVAL);
}

static void test_events_fault(void **state)
{
    struct xen_support_event page[8];
    struct xen_sysctl_support_table op, before;

    (void)state;
    memset(page, PATTERN, sizeof(page));
    events_op(&op, 2, 8, page);
    before = op;
    hosted_reset();
    hosted_copy_fail_at = 0;
    assert_int_equal(call(&op), -EFAULT);
    assert_memory_equal(&op, &before, sizeof(op));
    assert_int_equal(untouched((void *)page, 0, sizeof(page)), 0);
    hosted_reset();
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_table),
        cmocka_unit_test(test_initcall),
        cmocka_unit_test(test_linked_table),
        cmocka_unit_test(test_get_info),
        cmocka_unit_test(test_bad_cmd_and_pad),
        cmocka_unit_test(test_two_calls),
        cmocka_unit_test(test_table_grid),
        cmocka_unit_test(test_chunked_reads),
        cmocka_unit_test(test_table_fault),
        cmocka_unit_test(test_xsm_denial),
        cmocka_unit_test(test_events_empty),
        cmocka_unit_test(test_record_args),
        cmocka_unit_test(test_events_paging),
        cmocka_unit_test(test_events_fault),
    };
    int rc;

    if (argc > 1)
        doc = argv[1];
    want = xt_compile(doc, &want_len);
    rc = cmocka_run_group_tests_name("support_sysctl", tests, NULL, NULL);
    free(want);
    return rc;
}
