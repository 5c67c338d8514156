/*
 * test_find.c: xensupport_find() by every kind of name, on the seed (Xen
 * 4.10's headings) and on a statement with later headings, so renamed
 * features are followed both ways; ambiguous prefixes; stable keys and
 * generated ids; word overlap for suggestions.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tt_util.h"

static xensupport_table *S_open_text(const char *text)
{
    char err[XENSUPPORT_ERRLEN];
    size_t len;
    uint8_t *b = text ? tt_compile_text(text, &len) : tt_seed(&len);
    xensupport_table *t =
        xensupport_open_adopt(b, len, XENSUPPORT_SOURCE_FILE, err, sizeof(err));
    assert_non_null(t);
    return t;
}

/* name finds the feature called want, by kind how. */
static void S_finds(xensupport_table *t, const char *name, const char *want,
                    enum xensupport_match how)
{
    struct xensupport_feature f;
    enum xensupport_match m = 0;
    int id = xensupport_find(t, name, &m, NULL, NULL);

    if (id < 0)
        fail_msg("'%s' found nothing (errno %d)", name, errno);
    assert_int_equal(xensupport_get_feature(t, (unsigned)id, &f), 0);
    if (strcmp(f.name, want) || m != how)
        fail_msg("'%s' found '%s' by %s, want '%s' by %s", name, f.name,
                 xensupport_match_name(m), want, xensupport_match_name(how));
}

static const char S_new[] =
    "# Feature Support\n\n## Guest Type\n\n### x86/PVH\n\n"
    "    Status, domU: Supported\n\n"
    "## Security\n\n### XSM (Xen Security Module) Framework\n\n"
    "    Status: Supported\n\n### FLASK XSM Module\n\n"
    "    Status: Experimental\n\n### SILO XSM Module\n\n"
    "    Status: Supported\n";

static void test_kinds_seed(void **state)
{
    xensupport_table *t = S_open_text(NULL);

    (void)state;
    S_finds(t, "rtds based scheduler", "RTDS based Scheduler",
            XENSUPPORT_MATCH_NAME);
    S_finds(t, "RTDS_BASED_SCHEDULER", "RTDS based Scheduler",
            XENSUPPORT_MATCH_IDENT);
    S_finds(t, "SUPPORT_FEAT_RTDS_BASED_SCHEDULER", "RTDS based Scheduler",
            XENSUPPORT_MATCH_IDENT);
    S_finds(t, "SCHED_RTDS", "RTDS based Scheduler", XENSUPPORT_MATCH_KEY);
    S_finds(t, "sched=rtds", "RTDS based Scheduler", XENSUPPORT_MATCH_ORIGIN);
    S_finds(t, "acpi=force", "Host ACPI (via Domain 0)",
            XENSUPPORT_MATCH_ORIGIN);
    S_finds(t, "rtds", "RTDS based Scheduler", XENSUPPORT_MATCH_ALIAS);
    S_finds(t, "credit2", "Credit2 Scheduler", XENSUPPORT_MATCH_ALIAS);
    S_finds(t, "credit", "Credit Scheduler", XENSUPPORT_MATCH_ALIAS);
    S_finds(t, "PVH", "x86/PVH guest", XENSUPPORT_MATCH_KEY);
    S_finds(t, "flask", "XSM & FLASK", XENSUPPORT_MATCH_KEY);
    S_finds(t, "mem-sharing", "Memory Sharing", XENSUPPORT_MATCH_ORIGIN);
    S_finds(t, "sharing", "Memory Sharing", XENSUPPORT_MATCH_ALIAS);
    /* A heading of a later release finds this release's. */
    S_finds(t, "x86/PVH", "x86/PVH guest", XENSUPPORT_MATCH_HEADING);
    S_finds(t, "FLASK XSM Module", "XSM & FLASK", XENSUPPORT_MATCH_HEADING);
    S_finds(t, "null sched", "Null Scheduler", XENSUPPORT_MATCH_PREFIX);
    S_finds(t, "arinc", "ARINC653 Scheduler", XENSUPPORT_MATCH_PREFIX);
    xensupport_close(t);
}

static void test_kinds_renamed(void **state)
{
    xensupport_table *t = S_open_text(S_new);

    (void)state;
    S_finds(t, "x86/PVH guest", "x86/PVH", XENSUPPORT_MATCH_HEADING);
    S_finds(t, "pvh", "x86/PVH", XENSUPPORT_MATCH_KEY);
    S_finds(t, "XSM & FLASK", "FLASK XSM Module", XENSUPPORT_MATCH_HEADING);
    S_finds(t, "flask", "FLASK XSM Module", XENSUPPORT_MATCH_KEY);
    S_finds(t, "xsm", "XSM (Xen Security Module) Framework",
            XENSUPPORT_MATCH_KEY);
    assert_string_equal(xensupport_feature_key(t, 2), "FLASK");
    assert_null(xensupport_feature_key(t, 3));
    assert_int_equal(errno, ENOENT);
    xensupport_close(t);
}

static void test_ambiguous_unknown(void **state)
{
    xensupport_table *t = S_open_text(NULL);
    struct xensupport_feature f;
    unsigned cand[4], nr = 4;

    (void)state;
    /* An alias wins over a prefix: "pv" is x86/PV, not every "PV ...". */
    assert_int_equal(xensupport_find(t, "pv", NULL, cand, &nr),
                     xensupport_find(t, "x86/PV", NULL, NULL, NULL));
    nr = 4;
    assert_int_equal(xensupport_find(t, "sched", NULL, cand, &nr), -1);
    assert_int_equal(errno, EEXIST);
    assert_int_equal(nr, 4);
    nr = 8;
    assert_int_equal(xensupport_find(t, "PV SCSI", NULL, cand, &nr), -1);
    assert_int_equal(errno, EEXIST);
    assert_int_equal(nr, 2);
    for (unsigned i = 0; i < nr; i++) {
        assert_int_equal(xensupport_get_feature(t, cand[i], &f), 0);
        assert_non_null(strstr(f.name, "PV SCSI"));
    }
    assert_int_equal(xensupport_find(t, "frobnicator", NULL, NULL, NULL), -1);
    assert_int_equal(errno, ENOENT);
    assert_int_equal(xensupport_find(t, NULL, NULL, NULL, NULL), -1);
    assert_int_equal(errno, EINVAL);
    xensupport_close(t);
}

static void test_overlap_ident(void **state)
{
    xensupport_table *t = S_open_text(NULL);
    char id[128];

    (void)state;
    assert_int_equal(xensupport_word_overlap("pvh mode", "x86/PVH guest"), 2);
    assert_int_equal(xensupport_word_overlap("pvh mode", "ARM guest"), 0);
    assert_int_equal(xensupport_word_overlap("sched", "Null Scheduler"), 1);
    assert_int_equal(xensupport_word_overlap("", "ARM"), 0);
    int rtds = xensupport_find(t, "rtds", NULL, NULL, NULL);
    assert_int_equal(
        xensupport_feature_ident(t, (unsigned)rtds, id, sizeof(id)), 0);
    assert_string_equal(id, "RTDS_BASED_SCHEDULER");
    assert_string_equal(xensupport_match_name(XENSUPPORT_MATCH_PREFIX),
                        "prefix");
    assert_null(xensupport_match_name(0));
    xensupport_close(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kinds_seed),
        cmocka_unit_test(test_kinds_renamed),
        cmocka_unit_test(test_ambiguous_unknown),
        cmocka_unit_test(test_overlap_ident),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
