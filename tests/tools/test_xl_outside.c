/*
 * test_xl_outside.c: the support_outside line of the patched `xl info`.
 * The list is built by the xl patch itself (tools-side/xl/), not by the
 * library, so this test compiles the patch's own support_outside(),
 * extracted at build time (tests/tools/build.mk), over the in-process
 * transport (tt_hosted.c), and checks it against gate events recorded in
 * the hosted hypervisor: "none", active features once each in record
 * order, refusals left out, an overflow refused; all through one session.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hosted/shim.h>
#include <public/sysctl.h>
#include <xen/support.h>

#include "tt_hosted.h"
#include "xensupport.h"

#include "xl_outside.inc" /* static int support_outside(...) */

static int S_failed;

/* The list for the record as it stands, into buf; support_outside's rc. */
static int S_list(xensupport_session *s, xensupport_table *t, char *buf,
                  size_t len)
{
    struct xensupport_event *ev;
    char err[XENSUPPORT_ERRLEN];
    unsigned nr;
    int rc;

    if (xensupport_session_events(s, &ev, &nr, NULL, err, sizeof(err))) {
        fprintf(stderr, "test_xl_outside: events: %s\n", err);
        exit(1);
    }
    rc = support_outside(t, ev, nr, buf, len);
    free(ev);
    return rc;
}

static void S_expect(xensupport_session *s, xensupport_table *t,
                     const char *want)
{
    char buf[512];

    if (S_list(s, t, buf, sizeof(buf)) || strcmp(buf, want)) {
        fprintf(stderr, "test_xl_outside: FAIL: '%s', want '%s'\n", buf, want);
        S_failed = 1;
    } else {
        printf("test_xl_outside: ok: support_outside        : %s\n", buf);
    }
}

static void S_record(unsigned feature, unsigned decision, const char *text)
{
    if (support_record(feature, XEN_SUPPORT_ROW_NONE, decision,
                       XEN_SUPPORT_ORIGIN_RUNTIME, 1, text)) {
        fprintf(stderr, "test_xl_outside: support_record failed\n");
        exit(1);
    }
}

int main(void)
{
    struct xensupport_feature f1, f2;
    char err[XENSUPPORT_ERRLEN], want[512], small[3];
    xensupport_session *s;
    xensupport_table *t;

    tt_hv_install();
    if (hosted_initcall_support_table_init())
        return 1;
    s = xensupport_session_open(err, sizeof(err));
    t = s ? xensupport_session_table(s, err, sizeof(err)) : NULL;
    if (!t || xensupport_get_feature(t, 1, &f1) ||
        xensupport_get_feature(t, 2, &f2)) {
        fprintf(stderr, "test_xl_outside: %s\n", err);
        return 1;
    }
    S_expect(s, t, "none");
    S_record(1, XEN_SUPPORT_DECISION_WARNED, "one");
    S_record(3, XEN_SUPPORT_DECISION_REFUSED, "refused");
    S_record(1, XEN_SUPPORT_DECISION_WARNED, "again");
    S_expect(s, t, f1.name);
    S_record(2, XEN_SUPPORT_DECISION_RECORDED, "late");
    snprintf(want, sizeof(want), "%s, %s", f1.name, f2.name);
    S_expect(s, t, want);
    fprintf(stderr, "test_xl_outside: (expected) ");
    if (S_list(s, t, small, sizeof(small)) != -1) {
        fprintf(stderr, "test_xl_outside: FAIL: a 3-byte buffer took it\n");
        S_failed = 1;
    }
    if (tt_hv.opens != 1) {
        fprintf(stderr, "test_xl_outside: FAIL: %u sessions\n", tt_hv.opens);
        S_failed = 1;
    }
    xensupport_close(t);
    xensupport_session_close(s);
    return S_failed;
}
