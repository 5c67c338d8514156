/*
 * test_hypervisor.c: libxensupport's hypervisor source over the
 * in-process transport (tt_hosted.c: the real XEN_SYSCTL_support_table
 * handler compiled hosted): a whole read in exactly two sysctls, every
 * error path with its errno and message, tables corrupted or cut short in
 * transit, the boot policy facts and the event record; one session for
 * all of them; and the real (libxenctrl) transport on a machine without
 * Xen.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include <hosted/shim.h>
#include <public/sysctl.h>
#include <xen/hypfs.h>
#include <xen/sched.h>
#include <xen/support.h>

#include "../../xen-side/common/support_private.h"
#include "tt_hosted.h"
#include "tt_util.h"
#include "xensupport.h"

extern const uint8_t xen_support_table[];
extern const uint32_t xen_support_table_size;

static char S_err[XENSUPPORT_ERRLEN];

static xensupport_table *S_open_hv(void)
{
    struct xensupport_source src = {.kind = XENSUPPORT_SOURCE_HYPERVISOR};

    memset(S_err, 0x55, sizeof(S_err));
    return xensupport_open(&src, S_err, sizeof(S_err));
}

/* Opening fails with errno e, a one-line message containing what. */
static void S_fails(int e, const char *what)
{
    xensupport_table *t;

    errno = 0;
    t = S_open_hv();
    assert_null(t);
    assert_int_equal(errno, e);
    if (!strstr(S_err, what))
        fail_msg("message '%s' lacks '%s'", S_err, what);
    assert_null(strchr(S_err, '\n'));
    assert_int_equal(tt_hv.opens, tt_hv.closes);
}

static int S_setup(void **state)
{
    (void)state;
    tt_hv_install();
    return hosted_initcall_support_table_init();
}

static int S_reset(void **state)
{
    (void)state;
    tt_hv_install();
    return 0;
}

static void test_whole_read(void **state)
{
    struct xensupport_info in;
    xensupport_table *t;
    const void *blob;
    size_t len;

    (void)state;
    t = S_open_hv();
    assert_non_null(t);
    assert_int_equal(tt_hv.calls, 2); /* the size, then the whole table */
    assert_int_equal(tt_hv.opens, 1);
    assert_int_equal(tt_hv.closes, 1);
    assert_int_equal(hosted_copies, 1); /* one guest copy of the table */
    blob = xensupport_blob(t, &len);
    assert_int_equal(len, xen_support_table_size);
    assert_memory_equal(blob, xen_support_table, len);
    xensupport_get_info(t, &in);
    assert_int_equal(in.source, XENSUPPORT_SOURCE_HYPERVISOR);
    assert_true(tt_walk(t) > 0);
    xensupport_close(t);
}

static void test_not_on_xen(void **state)
{
    (void)state;
    tt_hv.open_errno = ENODEV;
    S_fails(ENODEV, "No such device");
    assert_int_equal(tt_hv.calls, 0);
}

static void test_not_privileged(void **state)
{
    (void)state;
    tt_hv.open_errno = EPERM;
    S_fails(EPERM, "not permitted");
    tt_hv_install();
    hosted_xsm_rc = -EPERM; /* the dummy XSM policy: not dom0 */
    S_fails(EPERM, "not privileged");
    assert_int_equal(tt_hv.calls, 1);
}

static void test_no_op(void **state)
{
    (void)state;
    tt_hv.fail_call = 0;
    tt_hv.fail_rc = -ENOSYS; /* a Xen without the op */
    S_fails(ENOSYS, "this Xen has no built-in support table; use "
                    "--document or --table");
    tt_hv_install();
    tt_hv.fail_call = 0;
    tt_hv.fail_rc = -EOPNOTSUPP; /* its table failed the boot check */
    S_fails(ENOSYS, "this Xen has no built-in support table");
    assert_non_null(strstr(S_err, "use --document or --table"));
}

static void test_interface_mismatch(void **state)
{
    (void)state;
    tt_hv.interface_version = 0x16;
    S_fails(EPROTO, "interface mismatch");
    assert_non_null(strstr(S_err, "0x15"));
    assert_int_equal(tt_hv.calls, 1);
    tt_hv_install();
    hosted_xsm_rc = -EACCES; /* FLASK says EACCES too */
    S_fails(EPROTO, "XSM");
}

/*
 * A hypervisor whose sysctl interface is not these tools' (4.21 and later
 * speak 0x16): the table and get_info's facts through hypfs, equal to
 * what the sysctl gives; the events are not there, and say so.
 */
static void test_hypfs_fallback(void **state)
{
    struct xensupport_hv_info sys, fs;
    struct xensupport_event *ev = NULL;
    xensupport_session *s;
    xensupport_table *t;
    const void *blob;
    unsigned nr = 0;
    size_t len;

    (void)state;
    memset(&sys, 0xff, sizeof(sys));
    assert_int_equal(xensupport_hv_info(&sys, S_err, sizeof(S_err)), 0);
    assert_int_equal(tt_hv.hypfs_reads, 0); /* the sysctl first */
    assert_int_equal(hosted_initcall_support_hypfs_init(), 0);
    tt_hv.interface_version = 0x16;

    s = xensupport_session_open(S_err, sizeof(S_err));
    assert_non_null(s);
    assert_null(xensupport_session_via(s));
    t = xensupport_session_table(s, S_err, sizeof(S_err));
    assert_non_null(t);
    assert_string_equal(xensupport_session_via(s), "hypfs");
    blob = xensupport_blob(t, &len);
    assert_int_equal(len, xen_support_table_size);
    assert_memory_equal(blob, xen_support_table, len);
    xensupport_close(t);

    memset(&fs, 0xff, sizeof(fs));
    assert_int_equal(xensupport_session_info(s, &fs, S_err, sizeof(S_err)), 0);
    assert_memory_equal(&fs, &sys, sizeof(fs));

    errno = 0;
    assert_int_equal(
        xensupport_session_events(s, &ev, &nr, NULL, S_err, sizeof(S_err)), -1);
    assert_int_equal(errno, ENOTSUP);
    assert_non_null(strstr(S_err, "hypfs has only their count, 0"));
    assert_null(ev);
    /*
     * Which table is active is the sysctl's to say: ENOTSUP, which info
     * prints as n/a, not the sysctl's refusal.
     */
    {
        struct xensupport_hv_active a;

        errno = 0;
        assert_int_equal(xensupport_session_active(s, &a, S_err, sizeof(S_err)),
                         -1);
        assert_int_equal(errno, ENOTSUP);
    }
    xensupport_session_close(s);

    /* The sysctl still comes first where it works. */
    tt_hv.interface_version = 0x15;
    s = xensupport_session_open(S_err, sizeof(S_err));
    assert_non_null(s);
    assert_int_equal(xensupport_session_info(s, &fs, S_err, sizeof(S_err)), 0);
    assert_string_equal(xensupport_session_via(s), "sysctl");
    xensupport_session_close(s);
    free((void *)hosted_hypfs_content("/support/policy"));
    tt_hv_install();
}

/* What hypfs says is checked: malformed nodes are refused, by name. */
static void test_hypfs_malformed(void **state)
{
    static const struct {
        const char *path, *text, *what;
    } cases[] = {
        {"/support/policy", "refuse\n", "/support/policy is malformed"},
        {"/support/policy", "deny\nstrict\n", "/support/policy is malformed"},
        {"/support/policy", "warn\nstrict\nexempt\n",
         "/support/policy is malformed"},
        {"/support/policy", "", "/support/policy is malformed"},
        {"/support/record", "events 1 lost 0\n",
         "/support/record is malformed"},
        {"/support/record", "", "/support/record is malformed"},
        {"/support/table", "XSUP", "hypfs /support/table holds 5 bytes"},
    };
    struct xensupport_hv_info hv;

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        /* The initcall allocates the policy text, once per boot. */
        free((void *)hosted_hypfs_content("/support/policy"));
        tt_hv_install();
        assert_int_equal(hosted_initcall_support_table_init(), 0);
        assert_int_equal(hosted_initcall_support_hypfs_init(), 0);
        tt_hv.interface_version = 0x16;
        tt_hv.hypfs_path = cases[i].path;
        tt_hv.hypfs_text = cases[i].text;
        memset(S_err, 0, sizeof(S_err));
        assert_int_equal(xensupport_hv_info(&hv, S_err, sizeof(S_err)), -1);
        /* The sysctl's error and errno, then why hypfs did not do. */
        assert_int_equal(errno, EPROTO);
        assert_non_null(strstr(S_err, "interface mismatch"));
        if (!strstr(S_err, cases[i].what))
            fail_msg("'%s' lacks '%s'", S_err, cases[i].what);
        assert_null(strchr(S_err, '\n'));
    }
    free((void *)hosted_hypfs_content("/support/policy"));
    tt_hv_install();
}

static void test_corrupt_in_transit(void **state)
{
    (void)state;
    tt_hv.corrupt_at = (long)xen_support_table_size / 2;
    S_fails(EBADMSG, "checksum mismatch");
    tt_hv_install();
    tt_hv.corrupt_at = 0;
    S_fails(EBADMSG, "magic");
    assert_int_equal(tt_hv.calls, 2);
}

static void test_changed_size(void **state)
{
    char want[64];

    (void)state;
    /* The first answer is 8 bytes short of what the second call finds. */
    tt_hv.lie_call = 0;
    tt_hv.lie_size = xen_support_table_size - 8;
    tt_hv.lie_len_less = 8;
    snprintf(want, sizeof(want), "(%u, then %u bytes)",
             xen_support_table_size - 8, xen_support_table_size);
    S_fails(EIO, "changed size between two reads");
    assert_non_null(strstr(S_err, want));
    assert_int_equal(tt_hv.calls, 2);
    assert_int_equal(hosted_copies, 0); /* -ENOBUFS copies nothing */
}

static void test_short_read(void **state)
{
    char want[64];

    (void)state;
    tt_hv.lie_call = 1;
    tt_hv.lie_len_less = 100;
    snprintf(want, sizeof(want), "short read from the hypervisor: %u of %u",
             xen_support_table_size - 100, xen_support_table_size);
    S_fails(EIO, want);
    assert_int_equal(tt_hv.calls, 2);
}

static void test_size_answers(void **state)
{
    (void)state;
    tt_hv.lie_call = 0; /* a table too small for its header */
    tt_hv.lie_size = 16;
    tt_hv.lie_len_less = xen_support_table_size - 16;
    S_fails(EBADMSG, "reports a table of 16 bytes");
    assert_int_equal(tt_hv.calls, 1);
    tt_hv_install();
    tt_hv.lie_call = 0; /* len and size disagree */
    tt_hv.lie_len_less = 1;
    S_fails(EIO, "inconsistent");
    tt_hv_install();
    tt_hv.lie_call = 0; /* absurdly big */
    tt_hv.lie_size = 0xfffffff0U;
    tt_hv.lie_len_less = xen_support_table_size - 0xfffffff0U;
    S_fails(EBADMSG, "reports a table of");
}

static void test_fault(void **state)
{
    (void)state;
    hosted_copy_fail_at = 0; /* the buffer cannot be written: -EFAULT */
    S_fails(EIO, "Bad address");
    tt_hv_install();
    tt_hv.fail_call = 1;
    tt_hv.fail_rc = -EINVAL;
    S_fails(EIO, "get_table failed: Invalid argument");
}

static void test_hv_info(void **state)
{
    const struct xen_suptab_header *h = (const void *)xen_support_table;
    struct xensupport_hv_info hv;

    (void)state;
    memset(&hv, 0xff, sizeof(hv));
    assert_int_equal(xensupport_hv_info(&hv, S_err, sizeof(S_err)), 0);
    assert_int_equal(tt_hv.calls, 1);
    assert_int_equal(hv.table_size, xen_support_table_size);
    assert_int_equal(hv.checksum, h->checksum);
    assert_int_equal(hv.nr_features, h->nr_features);
    assert_int_equal(hv.nr_rows, h->nr_rows);
    assert_int_equal(hv.arch, XENSUPPORT_ARCH_X86);
    assert_int_equal(hv.policy, XENSUPPORT_POLICY_WARN);
    assert_string_equal(xensupport_policy_name(hv.policy), "warn");
    assert_null(xensupport_policy_name(7));
    assert_int_equal(hv.max_events, 64);

    tt_hv_install();
    tt_hv.fail_call = 0;
    tt_hv.fail_rc = -ENOSYS;
    assert_int_equal(xensupport_hv_info(&hv, S_err, sizeof(S_err)), -1);
    assert_int_equal(errno, ENOSYS);
    tt_hv_install();
    tt_hv.open_errno = ENODEV;
    assert_int_equal(xensupport_hv_info(&hv, S_err, sizeof(S_err)), -1);
    assert_int_equal(errno, ENODEV);
}

/* One session: the transport opened once for the table, info and events. */
static void test_session(void **state)
{
    struct xensupport_hv_info hv;
    struct xensupport_event *ev;
    xensupport_session *s;
    xensupport_table *t;
    unsigned nr;

    (void)state;
    s = xensupport_session_open(S_err, sizeof(S_err));
    assert_non_null(s);
    assert_int_equal(tt_hv.opens, 1);
    assert_int_equal(tt_hv.calls, 0); /* no hypercall yet */
    t = xensupport_session_table(s, S_err, sizeof(S_err));
    assert_non_null(t);
    assert_int_equal(tt_hv.calls, 2);
    assert_int_equal(xensupport_session_info(s, &hv, S_err, sizeof(S_err)), 0);
    assert_int_equal(hv.table_size, xen_support_table_size);
    assert_int_equal(
        xensupport_session_events(s, &ev, &nr, NULL, S_err, sizeof(S_err)), 0);
    free(ev);
    assert_int_equal(tt_hv.opens, 1);
    assert_int_equal(tt_hv.closes, 0);
    errno = 1234;
    xensupport_session_close(s);
    assert_int_equal(errno, 1234); /* close keeps errno */
    assert_int_equal(tt_hv.closes, 1);
    assert_true(tt_walk(t) > 0); /* the table outlives its session */
    xensupport_close(t);
    xensupport_session_close(NULL);

    /* Failures: at open, and each read's own, the session still usable. */
    tt_hv.open_errno = ENODEV;
    errno = 0;
    assert_null(xensupport_session_open(S_err, sizeof(S_err)));
    assert_int_equal(errno, ENODEV);
    tt_hv_install();
    s = xensupport_session_open(S_err, sizeof(S_err));
    assert_non_null(s);
    tt_hv.fail_call = 0;
    tt_hv.fail_rc = -ENOSYS;
    assert_null(xensupport_session_table(s, S_err, sizeof(S_err)));
    assert_int_equal(errno, ENOSYS);
    assert_int_equal(xensupport_session_info(s, &hv, S_err, sizeof(S_err)), 0);
    xensupport_session_close(s);
    assert_int_equal(tt_hv.opens, tt_hv.closes);

    assert_null(xensupport_session_table(NULL, S_err, sizeof(S_err)));
    assert_int_equal(errno, EINVAL);
    assert_int_equal(xensupport_session_info(NULL, &hv, NULL, 0), -1);
    assert_int_equal(errno, EINVAL);
    assert_int_equal(xensupport_session_events(NULL, &ev, &nr, NULL, NULL, 0),
                     -1);
    assert_int_equal(errno, EINVAL);
}

/* Records one more event while a read is under way. */
static void S_grow(unsigned call)
{
    if (call == 0)
        assert_int_equal(support_record(2, XEN_SUPPORT_ROW_NONE,
                                        XEN_SUPPORT_DECISION_RECORDED,
                                        XEN_SUPPORT_ORIGIN_RUNTIME, 7, "late"),
                         0);
}

/* Runs last: the record is sticky. */
static void test_events(void **state)
{
    struct xensupport_event *ev;
    unsigned nr;
    uint32_t lost = 99;

    (void)state;
    assert_int_equal(
        xensupport_hv_events(&ev, &nr, &lost, S_err, sizeof(S_err)), 0);
    assert_int_equal(nr, 0);
    free(ev);
    assert_int_equal(tt_hv.calls, 1); /* an empty record: one call */

    assert_int_equal(
        support_record(1, XEN_SUPPORT_ROW_NONE, XEN_SUPPORT_DECISION_WARNED,
                       XEN_SUPPORT_ORIGIN_BOOT, 0x7ff2, "sched=rtds"),
        0);
    assert_int_equal(support_record(3, XEN_SUPPORT_ROW_NONE,
                                    XEN_SUPPORT_DECISION_REFUSED,
                                    XEN_SUPPORT_ORIGIN_DOMAIN, 1, "vcpus"),
                     0);
    assert_int_equal(support_record(1, XEN_SUPPORT_ROW_NONE,
                                    XEN_SUPPORT_DECISION_WARNED,
                                    XEN_SUPPORT_ORIGIN_DOMAIN, 2, "again"),
                     0);
    tt_hv_install();
    assert_int_equal(
        xensupport_hv_events(&ev, &nr, &lost, S_err, sizeof(S_err)), 0);
    assert_int_equal(tt_hv.calls, 2); /* the count, then one page */
    assert_int_equal(nr, 3);
    assert_int_equal(lost, 0);
    assert_int_equal(ev[0].feature, 1);
    assert_int_equal(ev[0].row, -1);
    assert_int_equal(ev[0].decision, XENSUPPORT_DECISION_WARNED);
    assert_int_equal(ev[0].origin, XENSUPPORT_ORIGIN_BOOT);
    assert_int_equal(ev[0].domid, 0x7ff2);
    assert_string_equal(ev[0].origin_text, "sched=rtds");
    assert_int_equal(ev[1].decision, XENSUPPORT_DECISION_REFUSED);
    free(ev);

    /* The record grows during a read: it starts again, consistent. */
    tt_hv_install();
    tt_hv.after = S_grow;
    assert_int_equal(xensupport_hv_events(&ev, &nr, NULL, S_err, sizeof(S_err)),
                     0);
    assert_int_equal(nr, 4);
    assert_int_equal(tt_hv.calls, 4);
    assert_string_equal(ev[3].origin_text, "late");
    free(ev);
    tt_hv.after = NULL;

    /* A full record counts what it dropped. */
    for (unsigned i = 0; i < 70; i++) {
        char text[16];
        snprintf(text, sizeof(text), "n%u", i);
        support_record(0, XEN_SUPPORT_ROW_NONE, XEN_SUPPORT_DECISION_WARNED,
                       XEN_SUPPORT_ORIGIN_RUNTIME, 3, text);
    }
    assert_int_equal(
        xensupport_hv_events(&ev, &nr, &lost, S_err, sizeof(S_err)), 0);
    assert_int_equal(nr, 64);
    assert_int_equal(lost, 4 + 70 - 64);
    free(ev);
}

/* Loading a table: the active one changes, or nothing does. */
static void test_load(void **state)
{
    const struct xen_suptab_header *h = (const void *)xen_support_table;
    struct xensupport_hv_active a, b;
    xensupport_session *s;
    uint8_t *bad;

    (void)state;
    s = xensupport_session_open(S_err, sizeof(S_err));
    assert_non_null(s);
    assert_int_equal(xensupport_session_active(s, &a, S_err, sizeof(S_err)), 0);
    assert_string_equal(xensupport_table_origin_name(a.origin), "built-in");
    assert_null(xensupport_table_origin_name(3));
    assert_int_equal(a.checksum, h->checksum);
    assert_int_equal(a.builtin_checksum, h->checksum);
    assert_int_equal(a.builtin_size, xen_support_table_size);

    /* The same statement, loaded: a new generation, origin loaded. */
    assert_int_equal(xensupport_session_load(s, xen_support_table,
                                             xen_support_table_size, &b, S_err,
                                             sizeof(S_err)),
                     0);
    assert_int_equal(b.origin, XENSUPPORT_TABLE_LOADED);
    assert_int_equal(b.generation, a.generation + 1);
    assert_int_equal(b.checksum, h->checksum);
    assert_int_equal(b.builtin_checksum, h->checksum);

    /* A flipped byte: EBADMSG, and the active table stays. */
    bad = malloc(xen_support_table_size);
    assert_non_null(bad);
    memcpy(bad, xen_support_table, xen_support_table_size);
    bad[xen_support_table_size / 2] ^= 0x40;
    errno = 0;
    assert_int_equal(xensupport_session_load(s, bad, xen_support_table_size, &a,
                                             S_err, sizeof(S_err)),
                     -1);
    assert_int_equal(errno, EBADMSG);
    assert_non_null(strstr(S_err, "breaks the table format"));
    assert_null(strchr(S_err, '\n'));
    assert_int_equal(xensupport_session_active(s, &a, S_err, sizeof(S_err)), 0);
    assert_int_equal(a.generation, b.generation);

    /* Empty; over the cap; the hypervisor's refusals, each its message. */
    assert_int_equal(
        xensupport_session_load(s, bad, 0, NULL, S_err, sizeof(S_err)), -1);
    assert_int_equal(errno, EINVAL);
    tt_hv.fail_call = (int)tt_hv.calls;
    tt_hv.fail_rc = -EPERM;
    assert_int_equal(xensupport_session_load(s, xen_support_table,
                                             xen_support_table_size, NULL,
                                             S_err, sizeof(S_err)),
                     -1);
    assert_int_equal(errno, EPERM);
    assert_non_null(strstr(S_err, "not privileged"));
    tt_hv.fail_call = (int)tt_hv.calls;
    tt_hv.fail_rc = -ENOSYS;
    assert_int_equal(xensupport_session_load(s, xen_support_table,
                                             xen_support_table_size, NULL,
                                             S_err, sizeof(S_err)),
                     -1);
    assert_int_equal(errno, ENOSYS);
    assert_non_null(strstr(S_err, "XEN_SYSCTL_support_load"));
    tt_hv.fail_call = -1;
    tt_hv.interface_version = 0x16;
    assert_int_equal(xensupport_session_load(s, xen_support_table,
                                             xen_support_table_size, NULL,
                                             S_err, sizeof(S_err)),
                     -1);
    assert_int_equal(errno, EACCES);
    assert_non_null(strstr(S_err, "xen2:support_load"));
    tt_hv.interface_version = 0x15;
    assert_int_equal(xensupport_session_active(s, &a, S_err, sizeof(S_err)), 0);
    assert_int_equal(a.generation, b.generation);

    /* Through hypfs the origin is not known. */
    assert_int_equal(xensupport_session_use_hypfs(s), 0);
    errno = 0;
    assert_int_equal(xensupport_session_active(s, &a, S_err, sizeof(S_err)),
                     -1);
    assert_int_equal(errno, ENOTSUP);
    xensupport_session_close(s);
    free(bad);
}

/* The real transport, here (no /dev/xen/privcmd): not on Xen. */
static void test_real_no_xen(void **state)
{
    (void)state;
    if (!access("/dev/xen/privcmd", F_OK) || !access("/proc/xen/privcmd", F_OK))
        skip();
    tt_hv_uninstall();
    errno = 0;
    assert_null(S_open_hv());
    assert_int_equal(errno, ENODEV);
    assert_non_null(strstr(S_err, "not running on Xen: no /dev/xen/privcmd"));
    assert_null(strchr(S_err, '\n'));
    tt_hv_install();
}

/*
 * A domain's configuration into the record: the hypervisor decides, the
 * finding is recorded against the domain, and a destroyed domain's stays,
 * marked gone.  Runs after test_events (the record is sticky).
 */
static void test_note(void **state)
{
    struct xensupport_event *ev;
    struct xensupport_feature f;
    xensupport_session *s;
    xensupport_table *t;
    unsigned nr, d = 99, found = 0;
    int id, row = -1;

    (void)state;
    /* test_events filled the record: room for these. */
    support_nr_events = 0;
    s = xensupport_session_open(S_err, sizeof(S_err));
    assert_non_null(s);
    /* No table read yet: the ids would name nothing. */
    assert_int_equal(
        xensupport_session_note(s, 3, 0, -1, 0, "x", &d, S_err, sizeof(S_err)),
        -1);
    assert_int_equal(errno, EINVAL);
    t = xensupport_session_table(s, S_err, sizeof(S_err));
    assert_non_null(t);
    id = xensupport_lookup(t, "x86/Nested HVM");
    assert_true(id >= 0);
    assert_int_equal(xensupport_get_feature(t, (unsigned)id, &f), 0);
    for (unsigned i = f.first_row; i < f.first_row + f.nr_rows; i++) {
        struct xensupport_row r;

        assert_int_equal(xensupport_get_row(t, i, &r), 0);
        if (r.arch & XENSUPPORT_ARCH_X86) {
            row = (int)i;
            break;
        }
    }
    assert_true(row >= 0);

    hosted_domains = 1u << 3;
    assert_int_equal(
        xensupport_session_note(s, 3, id, row, XENSUPPORT_NOTE_CHECK,
                                "nestedhvm=1", &d, S_err, sizeof(S_err)),
        0);
    assert_int_equal(d, XENSUPPORT_DECISION_WARNED);
    assert_int_equal(xensupport_session_note(s, 3, id, row, 0, "nestedhvm=1",
                                             &d, S_err, sizeof(S_err)),
                     0);
    assert_int_equal(d, XENSUPPORT_DECISION_WARNED);
    /* Errors come back with errno and a message. */
    assert_int_equal(xensupport_session_note(s, 5, id, row, 0, "nestedhvm=1",
                                             &d, S_err, sizeof(S_err)),
                     -1);
    assert_int_equal(errno, ESRCH);
    assert_non_null(strstr(S_err, "no such domain"));
    assert_int_equal(xensupport_session_note(s, 3, id, row, 0,
                                             "a text longer than the forty "
                                             "bytes the record keeps",
                                             &d, S_err, sizeof(S_err)),
                     -1);
    assert_int_equal(errno, EINVAL);
    hosted_xsm_rc = -EACCES;
    assert_int_equal(xensupport_session_note(s, 3, id, row, 0, "nestedhvm=1",
                                             &d, S_err, sizeof(S_err)),
                     -1);
    assert_int_equal(errno, EACCES);
    hosted_xsm_rc = 0;

    support_domain_destroyed(3);
    assert_int_equal(
        xensupport_session_events(s, &ev, &nr, NULL, S_err, sizeof(S_err)), 0);
    for (unsigned i = 0; i < nr; i++)
        if (ev[i].origin == XENSUPPORT_ORIGIN_DOMAIN && ev[i].domid == 3 &&
            !strcmp(ev[i].origin_text, "nestedhvm=1")) {
            assert_true(ev[i].gone);
            assert_int_equal(ev[i].feature, (unsigned)id);
            assert_int_equal(ev[i].row, row);
            found++;
        }
    assert_int_equal(found, 1);
    free(ev);
    xensupport_close(t);
    xensupport_session_close(s);
    hosted_domains = 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_whole_read, S_reset),
        cmocka_unit_test_setup(test_not_on_xen, S_reset),
        cmocka_unit_test_setup(test_not_privileged, S_reset),
        cmocka_unit_test_setup(test_no_op, S_reset),
        cmocka_unit_test_setup(test_interface_mismatch, S_reset),
        cmocka_unit_test_setup(test_hypfs_fallback, S_reset),
        cmocka_unit_test_setup(test_hypfs_malformed, S_reset),
        cmocka_unit_test_setup(test_corrupt_in_transit, S_reset),
        cmocka_unit_test_setup(test_changed_size, S_reset),
        cmocka_unit_test_setup(test_short_read, S_reset),
        cmocka_unit_test_setup(test_size_answers, S_reset),
        cmocka_unit_test_setup(test_fault, S_reset),
        cmocka_unit_test_setup(test_hv_info, S_reset),
        cmocka_unit_test_setup(test_session, S_reset),
        cmocka_unit_test_setup(test_real_no_xen, S_reset),
        cmocka_unit_test_setup(test_events, S_reset),
        cmocka_unit_test_setup(test_load, S_reset),
        cmocka_unit_test_setup(test_note, S_reset),
    };

    return cmocka_run_group_tests(tests, S_setup, NULL);
}
