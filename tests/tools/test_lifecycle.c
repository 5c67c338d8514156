/*
 * test_lifecycle.c: the release's support terms (xs_lifecycle.c): strict
 * dates, today from XEN_SUPPORT_TODAY, and each term before, on and after
 * its date, undated and absent.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "tt_util.h"

#define DAY 86400

static const char S_doc[] =
    "# Release Support\n\n"
    "    Xen-Version: 4.17\n"
    "    Initial-Release: 2022-12-12\n"
    "    Supported-Until: 2024-06-12\n"
    "    Security-Support-Until: 2025-12-12\n\n"
    "# Feature Support\n\n## S\n\n### F\n\n    Status: Supported\n";

static xensupport_table *S_open(const char *text)
{
    char err[XENSUPPORT_ERRLEN];
    size_t len;
    uint8_t *b = tt_compile_text(text, &len);
    xensupport_table *t =
        xensupport_open_adopt(b, len, XENSUPPORT_SOURCE_FILE, err, sizeof(err));
    assert_non_null(t);
    return t;
}

static void test_parse_date(void **state)
{
    (void)state;
    assert_int_equal(xensupport_parse_date("1970-01-01"), 0);
    assert_int_equal(xensupport_parse_date("2025-12-12"), 1765497600);
    assert_int_equal(xensupport_parse_date("2024-02-29"), 1709164800);
    assert_int_equal(xensupport_parse_date("2000-02-29"), 951782400);
    static const char *const bad[] = {"2025-02-29", "1900-02-29", "2025-13-01",
                                      "2025-00-10", "2025-04-31", "2025-12-12x",
                                      "2025-12-1",  "25-12-12",   "Dec 12 2025",
                                      "TBD",        "",           "1969-12-31",
                                      "2025/12/12", " 2025-12-12"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        errno = 0;
        assert_int_equal(xensupport_parse_date(bad[i]), -1);
        assert_int_equal(errno, EINVAL);
    }
    assert_int_equal(xensupport_parse_date(NULL), -1);
}

static void test_today(void **state)
{
    (void)state;
    setenv("XEN_SUPPORT_TODAY", "2026-12-02", 1);
    assert_int_equal(xensupport_today(), 1796169600);
    setenv("XEN_SUPPORT_TODAY", "2026-12-32", 1);
    assert_int_equal(xensupport_today(), -1);
    assert_int_equal(errno, EINVAL);
    unsetenv("XEN_SUPPORT_TODAY");
    int64_t now = xensupport_today();
    assert_true(now > 1765497600);
    assert_int_equal(now % DAY, 0);
}

static void test_terms(void **state)
{
    struct xensupport_lifecycle lc;
    int64_t sec = xensupport_parse_date("2025-12-12");
    int64_t gen = xensupport_parse_date("2024-06-12");
    xensupport_table *t = S_open(S_doc);

    (void)state;
    /* The day before, the day itself (any hour), the day after. */
    assert_int_equal(xensupport_get_lifecycle(t, sec - DAY, &lc), 0);
    assert_int_equal(lc.security.state, XENSUPPORT_TERM_RUNNING);
    assert_int_equal(lc.security.days, 1);
    assert_int_equal(lc.security.date, sec);
    assert_string_equal(lc.security.text, "2025-12-12");
    assert_int_equal(xensupport_get_lifecycle(t, sec + DAY - 1, &lc), 0);
    assert_int_equal(lc.security.state, XENSUPPORT_TERM_RUNNING);
    assert_int_equal(lc.security.days, 0);
    assert_int_equal(xensupport_get_lifecycle(t, sec + DAY, &lc), 0);
    assert_int_equal(lc.security.state, XENSUPPORT_TERM_ENDED);
    assert_int_equal(lc.security.days, -1);
    /* The general term ended earlier. */
    assert_int_equal(lc.support.state, XENSUPPORT_TERM_ENDED);
    assert_int_equal(lc.support.date, gen);
    assert_int_equal(lc.support.days, -(sec + DAY - gen) / DAY);
    assert_int_equal(xensupport_get_lifecycle(t, gen, &lc), 0);
    assert_int_equal(lc.support.state, XENSUPPORT_TERM_RUNNING);
    assert_string_equal(xensupport_term_name(lc.support.state), "running");
    assert_string_equal(xensupport_term_name(XENSUPPORT_TERM_ENDED), "ended");
    assert_null(xensupport_term_name(9));
    xensupport_close(t);
}

static void test_undated_absent(void **state)
{
    struct xensupport_lifecycle lc;
    xensupport_table *t;

    (void)state;
    t = S_open("# Release Support\n\n    Supported-Until: TBD\n"
               "    Security-Support-Until: Unreleased - not yet "
               "security-supported\n\n"
               "# Feature Support\n\n## S\n\n### F\n\n    Status: Supported\n");
    assert_int_equal(xensupport_get_lifecycle(t, 0, &lc), 0);
    assert_int_equal(lc.support.state, XENSUPPORT_TERM_UNDATED);
    assert_string_equal(lc.support.text, "TBD");
    assert_int_equal(lc.security.state, XENSUPPORT_TERM_UNDATED);
    xensupport_close(t);
    t = S_open("# Feature Support\n\n## S\n\n### F\n\n    Status: Supported\n");
    assert_int_equal(xensupport_get_lifecycle(t, 0, &lc), 0);
    assert_int_equal(lc.support.state, XENSUPPORT_TERM_ABSENT);
    assert_null(lc.support.text);
    assert_int_equal(lc.security.state, XENSUPPORT_TERM_ABSENT);
    assert_int_equal(xensupport_get_lifecycle(NULL, 0, &lc), -1);
    assert_int_equal(errno, EINVAL);
    xensupport_close(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_date),
        cmocka_unit_test(test_today),
        cmocka_unit_test(test_terms),
        cmocka_unit_test(test_undated_absent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
