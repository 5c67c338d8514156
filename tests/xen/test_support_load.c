/*
 * test_support_load.c: replacing the active table, as the hypervisor runs
 * it: XEN_SYSCTL_support_load and the boot module path
 * (support_table_attach()) of xen-side/common/support_load.c, on Linux
 * against the hosted shim, with the table of SUPPORT_MD (argv[1]) linked
 * in.  A loaded table is what the gates, the sysctl and hypfs answer from;
 * recorded events follow their features and keep their reading; and every
 * hostile table (each class, every byte corruption and truncation) is
 * refused with its errno while nothing changes.
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
#include <xen/kernel.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/hypfs.h>
#include <public/domctl.h>
#include <public/sysctl.h>
#include <xen/support.h>

#include "../../xen-side/common/support_private.h"
#include "../../gen/lib/fileio.h"
#include "xsgen.h"
#include "xt_util.h"

static const char *doc_path;
static char *doc;
static size_t doc_len;

/* The document with each (from, to) replaced once; its table. */
static uint8_t *compile_edit(size_t *len, const char *from, const char *to,
                             const char *from2, const char *to2)
{
    struct xsg_options opt = {.quiet = true};
    const char *edits[2][2] = {{from, to}, {from2, to2}};
    char *text = malloc(doc_len + 1024);
    uint8_t *blob = NULL;

    assert_non_null(text);
    memcpy(text, doc, doc_len + 1);
    for (int k = 0; k < 2; k++) {
        char *at;
        size_t fl, tl;

        if (!edits[k][0])
            continue;
        at = strstr(text, edits[k][0]);
        if (!at)
            fail_msg("'%s' is not in %s", edits[k][0], doc_path);
        fl = strlen(edits[k][0]);
        tl = strlen(edits[k][1]);
        assert_true(strlen(text) - fl + tl < doc_len + 1024);
        memmove(at + tl, at + fl, strlen(at + fl) + 1);
        memcpy(at, edits[k][1], tl);
    }
    assert_int_equal(
        xsg_compile_buffer(text, strlen(text), "edited", &opt, &blob, len),
        XSG_OK);
    free(text);
    return blob;
}

static int load(const uint8_t *blob, size_t len,
                struct xen_sysctl_support_load *out)
{
    struct xen_sysctl_support_load op;
    int rc;

    memset(&op, 0, sizeof(op));
    op.size = (uint32_t)len;
    op.buffer.p = (uint8_t *)blob;
    rc = hosted_do_sysctl_load(&op);
    assert_int_equal(hosted_locks_held, 0);
    assert_int_equal(support_rcu_lock.depth, 0);
    if (out)
        *out = op;
    return rc;
}

/* The active table's bytes, through the sysctl (malloc()ed). */
static uint8_t *table(size_t *len)
{
    struct xen_sysctl_support_table op;
    uint8_t *buf;

    memset(&op, 0, sizeof(op));
    op.cmd = XEN_SYSCTL_SUPPORT_get_table;
    assert_int_equal(hosted_do_sysctl(&op), 0);
    buf = malloc(op.u.table.len);
    assert_non_null(buf);
    *len = op.u.table.len;
    op.u.table.buffer.p = buf;
    op.u.table.flags = XEN_SUPPORT_GET_WHOLE;
    assert_int_equal(hosted_do_sysctl(&op), 0);
    assert_int_equal(op.u.table.len, *len);
    return buf;
}

static const struct xen_support_event *event(const char *text)
{
    static struct xen_support_event ev[XEN_SUPPORT_EVENTS_MAX];
    unsigned int n = xt_events(ev);

    for (unsigned int i = 0; i < n; i++)
        if (!strcmp(ev[i].origin_text, text))
            return &ev[i];
    return NULL;
}

/* Everything a refused load must leave as it was. */
struct state {
    struct xen_sysctl_support_info info;
    uint8_t *table;
    size_t len;
    struct xen_support_event ev[XEN_SUPPORT_EVENTS_MAX];
    unsigned int nr;
};

static void snap(struct state *s)
{
    xt_info(&s->info);
    s->table = table(&s->len);
    s->nr = xt_events(s->ev);
}

static void same(const struct state *s, const char *what)
{
    struct state now;

    snap(&now);
    if (memcmp(&now.info, &s->info, sizeof(now.info)) || now.len != s->len ||
        memcmp(now.table, s->table, s->len) || now.nr != s->nr ||
        memcmp(now.ev, s->ev, s->nr * sizeof(now.ev[0])))
        fail_msg("%s: a refused load changed the hypervisor's state", what);
    free(now.table);
}

/*
 * Each test starts from the built-in statement and an empty record: the
 * first boots, later ones load the built-in table again (the hypervisor
 * cannot be booted twice in one process).
 */
static void boot(void)
{
    static bool booted;
    unsigned long flags;

    system_state = SYS_STATE_early_boot;
    if (booted) {
        hosted_printk_clear();
        hosted_copy_fail_at = -1;
        hosted_xsm_rc = 0;
        assert_int_equal(load(xen_support_table, xen_support_table_size, NULL),
                         0);
    } else {
        hosted_reset();
        assert_int_equal(hosted_initcall_support_table_init(), 0);
        assert_int_equal(hosted_initcall_support_hypfs_init(), 0);
        booted = true;
    }
    spin_lock_irqsave(&support_events_lock, flags);
    support_nr_events = 0;
    support_events_lost = 0;
    spin_unlock_irqrestore(&support_events_lock, flags);
}

static unsigned int feature_named(const char *name)
{
    int id = xt_feature_by_name(name);

    assert_true(id >= 0);
    return (unsigned int)id;
}

static unsigned int level_of(uint8_t reading)
{
    return XEN_SUPTAB_LEVEL(reading);
}

/*
 * A loaded statement is the one every reader and gate uses; events follow
 * their features, keeping their reading.
 */
static void test_load_replaces(void **state)
{
    struct xen_sysctl_support_info before, after;
    struct xen_sysctl_support_load op;
    const struct xen_support_event *e;
    size_t len, got_len;
    uint8_t *blob, *got;
    unsigned int type, nr;
    void *buf;
    struct suptab_feature f;

    (void)state;
    boot();
    xt_info(&before);
    assert_int_equal(before.source, XEN_SUPPORT_SOURCE_BUILTIN);
    assert_int_equal(before.table_generation, 1);
    assert_int_equal(before.builtin_checksum, before.checksum);
    assert_int_equal(before.builtin_size, before.table_size);

    /* RTDS is Experimental in the seed: recorded, under warn. */
    system_state = SYS_STATE_active;
    assert_true(support_gate_sched(XEN_SCHEDULER_RTDS, "sched=", false));
    e = event("sched=rtds");
    assert_non_null(e);
    assert_int_equal(level_of(e->reading), XEN_SUPTAB_LEVEL_EXPERIMENTAL);
    nr = before.nr_events + 1;

    /* The next statement: RTDS supported, Credit2 experimental. */
    blob = compile_edit(&len,
                        "### RTDS based Scheduler\n\n    Status: Experimental",
                        "### RTDS based Scheduler\n\n    Status: Supported",
                        "### Credit2 Scheduler\n\n    Status: Supported",
                        "### Credit2 Scheduler\n\n    Status: Experimental");
    assert_int_equal(load(blob, len, &op), 0);
    assert_int_equal(op.checksum, xt_hdr(blob)->checksum);
    assert_int_equal(op.table_generation, 2);
    assert_non_null(strstr(hosted_printk_buf, "loaded table active"));

    xt_info(&after);
    assert_int_equal(after.source, XEN_SUPPORT_SOURCE_LOADED);
    assert_int_equal(after.table_generation, 2);
    assert_int_equal(after.checksum, xt_hdr(blob)->checksum);
    assert_int_equal(after.table_size, len);
    assert_int_equal(after.builtin_checksum, before.checksum);
    assert_int_equal(after.builtin_size, before.table_size);
    assert_int_equal(after.nr_events, nr);
    assert_true(after.generation > before.generation);

    /* The sysctl and hypfs give the loaded bytes. */
    got = table(&got_len);
    assert_int_equal(got_len, len);
    assert_memory_equal(got, blob, len);
    free(got);
    assert_int_equal(hosted_hypfs_read("/support/table", &type, &buf, &got_len),
                     0);
    assert_int_equal(got_len, len);
    assert_memory_equal(buf, blob, len);
    free(buf);

    /* The event follows RTDS into the new table and keeps its reading. */
    e = event("sched=rtds");
    assert_non_null(e);
    assert_int_equal(e->feature, feature_named("RTDS based Scheduler"));
    assert_int_equal(level_of(e->reading), XEN_SUPTAB_LEVEL_EXPERIMENTAL);
    suptab_feature(&support_active->t, e->feature, &f);
    assert_int_equal(e->row, f.first_row);

    /* Gates answer from the new table: RTDS passes, Credit2 is outside. */
    assert_true(support_gate_sched(XEN_SCHEDULER_RTDS, "sched=", false));
    assert_int_equal(event("sched=rtds")->count, 1);
    assert_true(support_gate_sched(XEN_SCHEDULER_CREDIT2, "sched=", false));
    e = event("sched=credit2");
    assert_non_null(e);
    assert_int_equal(level_of(e->reading), XEN_SUPTAB_LEVEL_EXPERIMENTAL);
    assert_int_equal(e->feature, feature_named("Credit2 Scheduler"));

    /* Loading the built-in statement again: a new generation. */
    assert_int_equal(load(xen_support_table, xen_support_table_size, &op), 0);
    assert_int_equal(op.table_generation, 3);
    xt_info(&after);
    assert_int_equal(after.checksum, before.checksum);
    assert_int_equal(after.source, XEN_SUPPORT_SOURCE_LOADED);
    system_state = SYS_STATE_early_boot;
    free(blob);
}

/* A renamed feature is followed through the headings of its stable key. */
static void test_load_follows_renames(void **state)
{
    const struct xen_support_event *e;
    size_t len;
    uint8_t *blob;

    (void)state;
    boot();
    system_state = SYS_STATE_active;
    /* FLASK is Experimental in the seed, "XSM & FLASK". */
    assert_true(support_gate(SUPPORT_GATE_XSM_FLASK, NULL, "flask"));
    assert_non_null(event("flask"));

    /* 4.20 split it: the FLASK heading became "FLASK XSM Module". */
    blob = compile_edit(&len, "### XSM & FLASK", "### FLASK XSM Module", NULL,
                        NULL);
    assert_int_equal(load(blob, len, NULL), 0);
    e = event("flask");
    assert_non_null(e);
    assert_int_equal(e->feature, feature_named("FLASK XSM Module"));
    assert_int_equal(level_of(e->reading), XEN_SUPTAB_LEVEL_EXPERIMENTAL);
    /* The gate finds it under its new heading and merges. */
    assert_true(support_gate(SUPPORT_GATE_XSM_FLASK, NULL, "flask"));
    assert_int_equal(event("flask")->count, 2);
    system_state = SYS_STATE_early_boot;
    free(blob);
}

/*
 * A statement without a feature: its events stay, marked not in the
 * table, and its gate has no reading to apply.
 */
static void test_load_drops_feature(void **state)
{
    struct xen_sysctl_support_info i;
    const struct xen_support_event *e;
    size_t len;
    uint8_t *blob;

    (void)state;
    boot();
    system_state = SYS_STATE_active;
    assert_true(support_gate_sched(XEN_SCHEDULER_RTDS, "sched=", false));
    /* FLASK comes after RTDS: its id moves down by one. */
    assert_true(support_gate(SUPPORT_GATE_XSM_FLASK, NULL, "flask"));
    blob = compile_edit(
        &len, "### RTDS based Scheduler\n\n    Status: Experimental\n", "",
        NULL, NULL);
    assert_int_equal(load(blob, len, NULL), 0);
    assert_int_equal(xt_feature_by_name("RTDS based Scheduler"), -ENOENT);
    e = event("sched=rtds");
    assert_non_null(e);
    assert_int_equal(e->feature, XEN_SUPPORT_FEATURE_NONE);
    assert_int_equal(e->row, XEN_SUPPORT_ROW_NONE);
    assert_int_equal(level_of(e->reading), XEN_SUPTAB_LEVEL_EXPERIMENTAL);
    e = event("flask");
    assert_non_null(e);
    assert_int_equal(e->feature, feature_named("XSM & FLASK"));
    xt_info(&i);
    assert_true(support_gate_sched(XEN_SCHEDULER_RTDS, "sched=", false));
    assert_int_equal(event("sched=rtds")->count, 1);
    /* Every gate names its own feature in the new table. */
    assert_int_equal(
        support_gate_feature(support_active, SUPPORT_GATE_SCHED_NULL),
        feature_named("Null Scheduler"));
    assert_int_equal(
        support_gate_feature(support_active, SUPPORT_GATE_XSM_FLASK),
        feature_named("XSM & FLASK"));
    assert_int_equal(
        support_gate_feature(support_active, SUPPORT_GATE_SCHED_RTDS),
        XEN_SUPPORT_FEATURE_NONE);
    assert_true(support_gate(SUPPORT_GATE_XSM_FLASK, NULL, "flask"));
    assert_int_equal(event("flask")->count, 2);
    system_state = SYS_STATE_early_boot;
    free(blob);
}

static void put32(uint8_t *p, size_t off, uint32_t v)
{
    for (int k = 0; k < 4; k++)
        p[off + k] = (uint8_t)(v >> (8 * k));
}

static void resign(uint8_t *b, size_t len)
{
    put32(b, offsetof(struct xen_suptab_header, checksum), 0);
    put32(b, offsetof(struct xen_suptab_header, checksum),
          suptab_checksum(b, (uint32_t)len));
}

/* One hostile load: refused with rc, the state unchanged. */
static void refused(const uint8_t *b, size_t len, int rc, const char *what)
{
    struct state s;
    int got;

    snap(&s);
    got = load(b, len, NULL);
    if (got != rc)
        fail_msg("%s: rc %d, want %d", what, got, rc);
    same(&s, what);
    free(s.table);
}

/* Each class of hostile table, with its documented errno. */
static void test_load_refuses(void **state)
{
    static const char arm_only[] =
        "# Support statement\n\n    Xen-Version: 4.17\n\n"
        "# Feature Support\n\n## Features\n\n### Foo\n\n"
        "    Status, Arm: Supported\n";
    struct xen_sysctl_support_load op;
    struct xsg_options opt = {.quiet = true};
    size_t len, alen;
    uint8_t *blob = xt_compile(doc_path, &len), *b, *arm;
    struct xen_suptab_header h;
    struct state s;

    (void)state;
    boot();

    /* Zero length, flags, over the cap (the buffer is never read). */
    refused(blob, 0, -EINVAL, "zero length");
    snap(&s);
    memset(&op, 0, sizeof(op));
    op.size = (uint32_t)len;
    op.flags = 1;
    op.buffer.p = blob;
    assert_int_equal(hosted_do_sysctl_load(&op), -EINVAL);
    op.flags = 0;
    op.size = XEN_SYSCTL_SUPPORT_LOAD_MAX + 1;
    hosted_copies = 0;
    assert_int_equal(hosted_do_sysctl_load(&op), -E2BIG);
    assert_int_equal(hosted_copies, 0);
    same(&s, "flags and size");
    free(s.table);

    /* A fault reading the buffer; XSM's refusal, checked first. */
    snap(&s);
    hosted_copy_fail_at = 0;
    hosted_copies = 0;
    assert_int_equal(load(blob, len, NULL), -EFAULT);
    hosted_copy_fail_at = -1;
    same(&s, "unreadable buffer");
    free(s.table);
    snap(&s);
    hosted_xsm_rc = -EACCES;
    hosted_xsm_calls = 0;
    assert_int_equal(load(blob, len, NULL), -EACCES);
    assert_int_equal(hosted_xsm_last_cmd, XEN_SYSCTL_support_load);
    hosted_xsm_rc = 0;
    same(&s, "XSM");
    free(s.table);

    /* A format version this Xen cannot read. */
    b = malloc(len);
    assert_non_null(b);
    memcpy(b, blob, len);
    b[offsetof(struct xen_suptab_header, version)] = 99;
    b[offsetof(struct xen_suptab_header, last_comp_version)] = 99;
    resign(b, len);
    refused(b, len, -EOPNOTSUPP, "format version 99");

    /* Nested pair codes: pair 0 expands to itself. */
    memcpy(b, blob, len);
    suptab_header_read(b, &h);
    assert_true(h.nr_pairs > 0);
    b[h.off_pairs] = (uint8_t)suptab_pair_code(0);
    resign(b, len);
    refused(b, len, -EBADMSG, "nested pair codes");
    free(b);

    /* Rows only for the other architecture. */
    assert_int_equal(xsg_compile_buffer(arm_only, strlen(arm_only), "arm-only",
                                        &opt, &arm, &alen),
                     XSG_OK);
    refused(arm, alen, -ENOEXEC, "arm rows only");
    assert_non_null(strstr(hosted_printk_buf, "no status row applies"));
    free(arm);
    free(blob);
}

/*
 * Every single-byte corruption (stale checksum: refused; re-signed:
 * refused, or a valid table that then is the active one) and every
 * truncation.
 */
static void test_load_corruptions(void **state)
{
    static const uint8_t xors[] = {0x01, 0x80, 0xff};
    size_t len;
    uint8_t *blob = xt_compile(doc_path, &len), *b = malloc(len);
    unsigned int stale = 0, resigned_refused = 0, resigned_loaded = 0;
    struct xen_sysctl_support_info before, now;
    struct state s;

    (void)state;
    assert_non_null(b);
    boot();
    xt_info(&before);
    for (size_t i = 0; i < len; i++)
        for (size_t x = 0; x < sizeof(xors); x++) {
            int rc;

            memcpy(b, blob, len);
            b[i] ^= xors[x];
            /* The checksum field itself: only re-signing makes sense. */
            if (i < offsetof(struct xen_suptab_header, checksum) ||
                i >= offsetof(struct xen_suptab_header, checksum) + 4) {
                rc = load(b, len, NULL);
                if (rc != -EBADMSG && rc != -EOPNOTSUPP)
                    fail_msg("byte %zu ^ %#x, stale checksum: rc %d", i,
                             xors[x], rc);
                stale++;
            }
            resign(b, len);
            rc = load(b, len, NULL);
            if (!rc) {
                /* Valid after all: it is active; put the seed back. */
                xt_info(&now);
                assert_int_equal(now.checksum, xt_hdr(b)->checksum);
                assert_int_equal(load(blob, len, NULL), 0);
                resigned_loaded++;
            } else if (rc == -EBADMSG || rc == -EOPNOTSUPP || rc == -ENOEXEC)
                resigned_refused++;
            else
                fail_msg("byte %zu ^ %#x, re-signed: rc %d", i, xors[x], rc);
        }
    xt_info(&now);
    assert_int_equal(now.checksum, before.checksum);

    snap(&s);
    for (size_t l = 1; l < len; l++) {
        int rc = load(blob, l, NULL);

        if (rc != -EBADMSG)
            fail_msg("truncated to %zu bytes: rc %d", l, rc);
    }
    same(&s, "truncations");
    free(s.table);
    print_message("load: %u stale refused, %u re-signed refused, %u re-signed "
                  "valid, %zu truncations refused\n",
                  stale, resigned_refused, resigned_loaded, len - 1);
    free(b);
    free(blob);
}

/* A boot module replaces the built-in table for the gates from then on. */
static void test_boot_module(void **state)
{
    struct xen_sysctl_support_info i;
    char why[128] = "";
    size_t len;
    uint8_t *blob;

    (void)state;
    boot();
    blob = compile_edit(
        &len, "### RTDS based Scheduler\n\n    Status: Experimental",
        "### RTDS based Scheduler\n\n    Status: Supported", NULL, NULL);
    assert_int_equal(
        support_table_attach(blob, (uint32_t)len, why, sizeof(why)), 0);
    /* The module's bytes are copied: the boot loader's memory goes. */
    memset(blob, 0, len);
    xt_info(&i);
    assert_int_equal(i.source, XEN_SUPPORT_SOURCE_MODULE);
    assert_true(i.checksum != i.builtin_checksum);
    assert_true(support_gate_sched(XEN_SCHEDULER_RTDS, "sched=", false));
    assert_null(event("sched=rtds"));

    /* A bad module: the active table stays, and why says why. */
    assert_int_equal(
        support_table_attach(blob, (uint32_t)len, why, sizeof(why)), -EBADMSG);
    assert_true(why[0] != '\0');
    xt_info(&i);
    assert_int_equal(i.source, XEN_SUPPORT_SOURCE_MODULE);
    free(blob);
}

/*
 * A feature enabled within support that the loaded statement puts outside
 * it: recorded at the load (already on, so warned even under refuse), and
 * refused when asked for again under support=refuse.
 */
static void test_load_reassesses(void **state)
{
    const struct xen_support_event *e;
    size_t len;
    uint8_t *blob;

    (void)state;
    boot();
    system_state = SYS_STATE_active;
    /* Credit2 is Supported in the seed: a pool with it passes. */
    assert_true(
        support_gate_sched(XEN_SCHEDULER_CREDIT2, "cpupool sched=", false));
    assert_null(event("cpupool sched=credit2"));

    blob = compile_edit(&len, "### Credit2 Scheduler\n\n    Status: Supported",
                        "### Credit2 Scheduler\n\n    Status: Experimental",
                        NULL, NULL);
    support_policy = XEN_SUPPORT_POLICY_REFUSE;
    assert_int_equal(load(blob, len, NULL), 0);
    e = event("cpupool sched=credit2");
    assert_non_null(e);
    assert_int_equal(e->decision, XEN_SUPPORT_DECISION_WARNED);
    assert_int_equal(e->origin, XEN_SUPPORT_ORIGIN_RUNTIME);
    assert_int_equal(e->feature, feature_named("Credit2 Scheduler"));
    assert_int_equal(level_of(e->reading), XEN_SUPTAB_LEVEL_EXPERIMENTAL);
    assert_non_null(strstr(hosted_printk_buf, "it was enabled before"));

    /* Asked for again: refused now. */
    assert_false(
        support_gate_sched(XEN_SCHEDULER_CREDIT2, "cpupool sched=", false));
    e = event("cpupool sched=credit2");
    assert_non_null(e);
    assert_int_equal(e->decision, XEN_SUPPORT_DECISION_WARNED);
    {
        struct xen_support_event ev[XEN_SUPPORT_EVENTS_MAX];
        unsigned int n = xt_events(ev), refused = 0;

        for (unsigned int i = 0; i < n; i++)
            refused += !strcmp(ev[i].origin_text, "cpupool sched=credit2") &&
                       ev[i].decision == XEN_SUPPORT_DECISION_REFUSED;
        assert_int_equal(refused, 1);
    }
    /* Loading it again reassesses, but the event merges: no new line. */
    hosted_printk_clear();
    assert_int_equal(load(blob, len, NULL), 0);
    assert_null(strstr(hosted_printk_buf, "it was enabled before"));
    support_policy = XEN_SUPPORT_POLICY_WARN;
    system_state = SYS_STATE_early_boot;
    free(blob);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_replaces),
        cmocka_unit_test(test_load_follows_renames),
        cmocka_unit_test(test_load_drops_feature),
        cmocka_unit_test(test_load_refuses),
        cmocka_unit_test(test_load_corruptions),
        cmocka_unit_test(test_boot_module),
        cmocka_unit_test(test_load_reassesses),
    };
    int rc;

    doc_path = argc > 1 ? argv[1] : "docs/SUPPORT.md";
    if (xsg_read_input(doc_path, 1u << 22, &doc, &doc_len)) {
        perror(doc_path);
        return 2;
    }
    rc = cmocka_run_group_tests_name("support_load", tests, NULL, NULL);
    free(doc);
    return rc;
}
