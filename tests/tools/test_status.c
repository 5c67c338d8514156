/*
 * test_status.c: "xen-support status" (tools-side/cli/cmd_status.c) over
 * the in-process transport (tt_hosted.c: the hypervisor's own handler,
 * compiled hosted), after gate events recorded through support_gate()
 * under the boot policies: the text listing, the exit status, the
 * Prometheus textfile written atomically, and the refused sources.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include <hosted/shim.h>
#include <xen/kernel.h>
#include <public/domctl.h>
#include <public/sysctl.h>
#include <xen/support.h>

#include "cli/cli.h"
#include "tt_hosted.h"

static char S_out[16384];

/* Run status with args; its output into S_out; returns the exit status. */
static int S_status(const char *const *argv, int n)
{
    struct cli c = {0};
    char *args[8];
    FILE *f = tmpfile();
    size_t len;
    int rc;

    assert_non_null(f);
    assert_true(n < 8);
    for (int i = 0; i < n; i++)
        args[i] = (char *)argv[i];
    c.out = f;
    tt_hv.opens = tt_hv.closes = 0;
    rc = cmd_status(&c, n, args);
    cli_done(&c);
    /* The table, the policy and the record through one session. */
    assert_true(tt_hv.opens <= 1);
    assert_int_equal(tt_hv.opens, tt_hv.closes);
    rewind(f);
    len = fread(S_out, 1, sizeof(S_out) - 1, f);
    S_out[len] = '\0';
    fclose(f);
    return rc;
}

static void S_has(const char *text)
{
    if (!strstr(S_out, text))
        fail_msg("output lacks '%s':\n%s", text, S_out);
}

/* promtool (Debian's prometheus) accepts file, or the test fails. */
static void S_promtool(const char *file)
{
    char cmd[256];

    snprintf(cmd, sizeof(cmd), "promtool check metrics <%s", file);
    if (system(cmd) != 0)
        fail_msg("promtool check metrics rejects %s", file);
}

static int S_setup(void **state)
{
    (void)state;
    tt_hv_install();
    return hosted_initcall_support_table_init();
}

/* Nothing recorded yet: exit 0, nothing listed. */
static void test_none(void **state)
{
    (void)state;
    assert_int_equal(S_status(NULL, 0), CLI_OK);
    S_has("support_policy         : warn (strict)\n");
    S_has("outside_active         : 0\n");
    S_has("outside_refused        : 0\n");
    S_has("events_lost            : 0\n");
    assert_int_equal(tt_hv.opens, tt_hv.closes);
}

/* A warned scheduler at boot and a refused cpupool later: exit 1. */
static void test_events(void **state)
{
    (void)state;
    system_state = SYS_STATE_boot;
    assert_true(support_gate_sched(XEN_SCHEDULER_RTDS, "sched=", false));
    system_state = SYS_STATE_active;
    assert_int_equal(hosted_param_parse_support("refuse,exempt:vpmu"), 0);
    assert_false(
        support_gate_sched(XEN_SCHEDULER_RTDS, "cpupool sched=", false));
    assert_true(support_gate_domain(SUPPORT_GATE_VPMU, NULL, 3, "vpmu"));

    assert_int_equal(S_status(NULL, 0), CLI_NO);
    S_has("support_policy         : refuse (strict)\n");
    S_has("support_exempt         : 1\n");
    S_has("outside_active         : 2\n");
    S_has("  RTDS based Scheduler: Status: Experimental\n"
          "    warned, boot: sched=rtds\n");
    S_has("  vPMU: Status");
    S_has("    exempted, domain (domain 3): vpmu\n");
    S_has("outside_refused        : 1\n"
          "  RTDS based Scheduler: Status: Experimental\n"
          "    refused, runtime (domain 0): cpupool sched=rtds\n");
}

static void test_prometheus(void **state)
{
    const char *argv[] = {"--prometheus"};

    (void)state;
    assert_int_equal(S_status(argv, 1), CLI_NO);
    S_has("# TYPE xen_support_outside_active gauge\n");
    S_has("xen_support_outside_active{feature=\"RTDS based Scheduler\","
          "level=\"experimental\",security=\"no\",decision=\"warned\","
          "source=\"boot\",origin=\"sched=rtds\"} 1\n");
    S_has(",decision=\"exempted\",source=\"domain\",origin=\"vpmu\"} 1\n");
    assert_null(strstr(S_out, "decision=\"refused\""));
    S_has("xen_support_outside_active_events 2\n");
    S_has("xen_support_refused_events 1\n");
    S_has("xen_support_policy{policy=\"refuse\",strict=\"yes\","
          "exempt=\"1\"} 1\n");
    S_has("# HELP xen_support_events_lost ");
    S_has("xen_support_events_lost 0\n");
}

/* -o FILE: written atomically, nothing on stdout, nothing left behind. */
static void test_prometheus_file(void **state)
{
    char dir[] = "/tmp/tt-status-XXXXXX", path[64], cmd[128], buf[4096];
    const char *argv[] = {"--prometheus", "-o", path};
    const char *bad[] = {"--prometheus", "-o", "/nonexistent/dir/x.prom"};
    struct stat st;
    FILE *f;
    size_t len;

    (void)state;
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/xen.prom", dir);
    assert_int_equal(S_status(argv, 3), CLI_NO);
    assert_string_equal(S_out, "");
    f = fopen(path, "r");
    assert_non_null(f);
    len = fread(buf, 1, sizeof(buf) - 1, f);
    buf[len] = '\0';
    fclose(f);
    assert_non_null(strstr(buf, "xen_support_outside_active_events 2\n"));
    S_promtool(path);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
    snprintf(cmd, sizeof(cmd), "test $(ls -A %s | wc -l) -eq 1", dir);
    assert_int_equal(system(cmd), 0);
    unlink(path);
    rmdir(dir);

    assert_int_equal(S_status(bad, 3), CLI_USAGE);
}

/*
 * The release's terms: a table with Xen 4.17's dates (the seed's
 * features), read on 2025-12-12 and the day after.  Past security
 * support, status exits 1 even with nothing recorded outside it, and
 * Prometheus gets both dates as timestamps, which promtool accepts.
 */
static void test_release_terms(void **state)
{
    char dir[] = "/tmp/tt-status-XXXXXX", path[64], why[128];
    const char *prom[] = {"--prometheus", "-o", path};
    const char *file = getenv("TT_DATED");
    FILE *f;
    static uint8_t blob[1 << 16];
    size_t len;

    (void)state;
    assert_non_null(file);
    f = fopen(file, "rb");
    assert_non_null(f);
    len = fread(blob, 1, sizeof(blob), f);
    fclose(f);
    assert_int_equal(
        support_table_attach(blob, (uint32_t)len, why, sizeof(why)), 0);
    /* Nothing is recorded yet: the date alone decides. */
    setenv("XEN_SUPPORT_TODAY", "2025-12-12", 1);
    assert_int_equal(S_status(NULL, 0), CLI_OK);
    S_has("security_support       : until 2025-12-12 (0 days left)\n");
    S_has("past_security_support  : no\n");
    S_has("outside_active         : 0\n");
    setenv("XEN_SUPPORT_TODAY", "2025-12-13", 1);
    assert_int_equal(S_status(NULL, 0), CLI_NO);
    S_has("past_security_support  : yes\n");
    S_has("general_support        : ended 2024-06-12 (549 days ago)\n");

    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/xen.prom", dir);
    assert_int_equal(S_status(prom, 3), CLI_NO);
    f = fopen(path, "r");
    assert_non_null(f);
    len = fread(S_out, 1, sizeof(S_out) - 1, f);
    S_out[len] = '\0';
    fclose(f);
    S_has("# TYPE xen_support_security_support_until_timestamp_seconds "
          "gauge\nxen_support_security_support_until_timestamp_seconds "
          "1765497600\n");
    S_has("xen_support_supported_until_timestamp_seconds 1718150400\n");
    S_promtool(path);
    unlink(path);
    rmdir(dir);
    unsetenv("XEN_SUPPORT_TODAY");
}

/*
 * Per domain: a domain's events, a destroyed domain's as gone, the next
 * domain with its id apart, and a refused domain that was never built.
 */
static void test_domains(void **state)
{
    const char *argv[] = {"--prometheus"};

    (void)state;
    assert_int_equal(support_record(SUPPORT_GATE_VPMU, XEN_SUPPORT_ROW_NONE,
                                    XEN_SUPPORT_DECISION_WARNED,
                                    XEN_SUPPORT_ORIGIN_DOMAIN, 5, "vpmu=1"),
                     0);
    support_domain_destroyed(5);
    assert_int_equal(support_record(SUPPORT_GATE_VPMU, XEN_SUPPORT_ROW_NONE,
                                    XEN_SUPPORT_DECISION_WARNED,
                                    XEN_SUPPORT_ORIGIN_DOMAIN, 5, "vpmu=1"),
                     0);
    assert_int_equal(support_record(SUPPORT_GATE_VPMU, XEN_SUPPORT_ROW_NONE,
                                    XEN_SUPPORT_DECISION_REFUSED,
                                    XEN_SUPPORT_ORIGIN_DOMAIN, 0x7ff4,
                                    "vpmu=1"),
                     0);
    assert_int_equal(S_status(NULL, 0), CLI_NO);
    S_has("    warned, domain (domain 5, gone): vpmu=1\n");
    S_has("    warned, domain (domain 5): vpmu=1\n");
    S_has("    refused, domain (a domain not built): vpmu=1\n");
    S_has("domains                : 4\n"
          "  domain 3: vPMU (exempted)\n"
          "  domain 5 (gone): vPMU (warned)\n"
          "  domain 5: vPMU (warned)\n"
          "  not built: vPMU (refused)\n"
          "events_lost            : 0\n");

    assert_int_equal(S_status(argv, 1), CLI_NO);
    S_has("xen_support_domain_outside{domain=\"5\",gone=\"yes\","
          "feature=\"vPMU\",decision=\"warned\",origin=\"vpmu=1\"} 1\n");
    S_has("xen_support_domain_outside{domain=\"none\",gone=\"no\","
          "feature=\"vPMU\",decision=\"refused\",origin=\"vpmu=1\"} 1\n");
    {
        char path[] = "/tmp/test_status_XXXXXX";
        int fd = mkstemp(path);
        FILE *f;

        assert_true(fd >= 0);
        f = fdopen(fd, "w");
        assert_non_null(f);
        fputs(S_out, f);
        fclose(f);
        S_promtool(path);
        unlink(path);
    }
}

static void test_usage(void **state)
{
    const char *doc[] = {"--document", "docs/SUPPORT.md"};
    const char *o_alone[] = {"-o", "/tmp/x.prom"};

    (void)state;
    assert_int_equal(S_status(doc, 2), CLI_USAGE);
    assert_int_equal(S_status(o_alone, 2), CLI_USAGE);
    /* Not privileged: the hypervisor source's exit status. */
    hosted_xsm_rc = -EPERM;
    assert_int_equal(S_status(NULL, 0), CLI_NO_PRIV);
    hosted_xsm_rc = 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_none),
        cmocka_unit_test(test_release_terms),
        cmocka_unit_test(test_events),
        cmocka_unit_test(test_prometheus),
        cmocka_unit_test(test_prometheus_file),
        cmocka_unit_test(test_domains),
        cmocka_unit_test(test_usage),
    };

    return cmocka_run_group_tests(tests, S_setup, NULL);
}
