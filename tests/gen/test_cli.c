/*
 * test_cli.c: the xen-support-gen command: exit codes, --strict, bad
 * inputs (missing, unreadable, empty, non-UTF-8) and atomic outputs.
 * XSG_BIN names the command, XSG_TMP a scratch folder (both set by
 * tests/gen/build.mk).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "seed.h"

#define SEED     SEED_DOC
#define FIXTURES "tests/gen/fixtures/"

static const char *bin, *tmp;
static char err_path[512], out_path[512];

/* Run the command with args; stderr to err_path; exit status. */
static int run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int run(const char *fmt, ...)
{
    char args[2048], cmd[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(args, sizeof(args), fmt, ap);
    va_end(ap);
    snprintf(cmd, sizeof(cmd), "%s %s >%s 2>%s", bin, args, out_path, err_path);
    int st = system(cmd);
    assert_true(WIFEXITED(st));
    return WEXITSTATUS(st);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    assert_int_equal(fread(b, 1, (size_t)n, f), (size_t)n);
    b[n] = '\0';
    fclose(f);
    if (len)
        *len = (size_t)n;
    return b;
}

static bool stderr_has(const char *what)
{
    char *e = slurp(err_path, NULL);
    bool hit = e && strstr(e, what);
    if (!hit)
        print_message("stderr lacks '%s':\n%s", what, e ? e : "(none)");
    free(e);
    return hit;
}

static void path(char *buf, size_t n, const char *name)
{
    snprintf(buf, n, "%s/%s", tmp, name);
}

static void write_file(const char *p, const char *data, size_t len)
{
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

/* No temporary file of ours (".NAME.XXXXXX") is left in tmp. */
static void assert_no_temps(void)
{
    DIR *d = opendir(tmp);
    struct dirent *e;
    assert_non_null(d);
    while ((e = readdir(d)))
        if (e->d_name[0] == '.' && strcmp(e->d_name, ".") &&
            strcmp(e->d_name, ".."))
            fail_msg("temporary file left: %s", e->d_name);
    closedir(d);
}

static int setup(void **state)
{
    (void)state;
    bin = getenv("XSG_BIN");
    tmp = getenv("XSG_TMP");
    if (!bin || !tmp)
        return -1;
    char cmd[600];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s' && mkdir -p '%s'", tmp, tmp);
    if (system(cmd))
        return -1;
    path(err_path, sizeof(err_path), "stderr.txt");
    path(out_path, sizeof(out_path), "stdout.txt");
    return 0;
}

static void test_ok_and_deterministic(void **state)
{
    char t1[512], t2[512], c[512], h[512], j[512];
    (void)state;
    path(t1, sizeof(t1), "a.tab");
    path(t2, sizeof(t2), "b.tab");
    path(c, sizeof(c), "table.c");
    path(h, sizeof(h), "table.h");
    path(j, sizeof(j), "model.json");
    assert_int_equal(
        run("-o %s --c-source %s --header %s --json %s %s", t1, c, h, j, SEED),
        0);
    assert_true(stderr_has("SUPPORT.md:216:22: warning: "));
    assert_int_equal(run("--quiet -o %s %s", t2, SEED), 0);
    size_t l1, l2;
    char *a = slurp(t1, &l1), *b = slurp(t2, &l2);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(l1, l2);
    assert_memory_equal(a, b, l1);
    assert_true(l1 <= 4096);
    free(a);
    free(b);
    size_t el;
    free(slurp(err_path, &el));
    assert_int_equal(el, 0); /* --quiet */

    /* The generated C compiles hosted, with the header. */
    char cmd[2048];
    snprintf(cmd, sizeof(cmd),
             "cc -std=c11 -Wall -Wextra -Werror -c %s -o %s/table.o && "
             "printf '#include \"%s\"\\nint f(void);\\nint f(void) "
             "{ return SUPPORT_FEAT_RTDS_BASED_SCHEDULER + "
             "XEN_SUPPORT_NR_FEATURES + (int)xen_support_table_size; }\\n' | "
             "cc -std=c11 -Wall -Werror -c -x c - -o %s/use.o",
             c, tmp, h, tmp);
    assert_int_equal(system(cmd), 0);

    assert_int_equal(run("--quiet --json - %s", SEED), 0);
    char *js = slurp(out_path, NULL);
    assert_non_null(strstr(js, "\"format\": \"xen-support-model/1\""));
    free(js);
}

static void test_strict(void **state)
{
    char t[512];
    (void)state;
    path(t, sizeof(t), "strict.tab");
    assert_int_equal(run("--strict -o %s %s", t, SEED), 1);
    assert_true(stderr_has("SUPPORT.md:360:5: error: unknown key 'States'"));
    assert_int_equal(access(t, F_OK), -1);
    assert_no_temps();
}

/* A fixture's oddities: warnings with file:line:col, errors if --strict. */
static void test_fixture_strict(void **state)
{
    char t[512];
    (void)state;
    path(t, sizeof(t), "fixture.tab");
    assert_int_equal(run("-o %s " FIXTURES "status.md", t), 0);
    assert_true(stderr_has("tests/gen/fixtures/status.md:25:5: warning: "
                           "unknown key 'States'"));
    assert_true(stderr_has("tests/gen/fixtures/status.md:27:19: warning: "
                           "unknown status 'Expermental'"));
    unlink(t);
    assert_int_equal(run("--strict -o %s " FIXTURES "status.md", t), 1);
    assert_true(stderr_has("tests/gen/fixtures/status.md:25:5: error: "
                           "unknown key 'States'"));
    assert_true(stderr_has("tests/gen/fixtures/status.md:27:19: error: "
                           "unknown status 'Expermental'"));
    assert_int_equal(access(t, F_OK), -1);
    /* A fixture without oddities compiles under --strict too. */
    assert_int_equal(run("--strict -o %s " FIXTURES "clean.md", t), 0);
    assert_int_equal(access(t, F_OK), 0);
    unlink(t);
    assert_int_equal(run("--strict --quiet -o %s " FIXTURES "latin1.md", t), 1);
    assert_true(stderr_has("latin1.md:5:8: error: invalid UTF-8"));
    assert_no_temps();
}

static void test_usage(void **state)
{
    (void)state;
    assert_int_equal(run("%s", ""), 2);
    assert_true(stderr_has("usage:"));
    assert_int_equal(run("--bogus %s", SEED), 2);
    assert_int_equal(run("%s %s", SEED, SEED), 2);
    assert_int_equal(run("%s -o", SEED), 2);
    assert_int_equal(run("-o - %s", SEED), 2);
    assert_int_equal(run("--help"), 0);
}

static void test_bad_inputs(void **state)
{
    char p[512], t[512];
    (void)state;
    path(t, sizeof(t), "bad.tab");

    path(p, sizeof(p), "missing.md");
    assert_int_equal(run("-o %s %s", t, p), 2);
    assert_true(stderr_has("No such file"));

    /* A folder cannot be read as a document. */
    assert_int_equal(run("-o %s %s", t, tmp), 2);

    path(p, sizeof(p), "unreadable.md");
    write_file(p, "# Feature Support\n", 18);
    chmod(p, 0);
    if (geteuid() != 0) { /* root reads anything */
        assert_int_equal(run("-o %s %s", t, p), 2);
        assert_true(stderr_has("Permission denied"));
    }
    unlink(p);

    path(p, sizeof(p), "empty.md");
    write_file(p, "", 0);
    assert_int_equal(run("-o %s %s", t, p), 1);
    assert_true(stderr_has("no '# Feature Support' heading"));

    path(p, sizeof(p), "latin1.md");
    static const char latin1[] = "# Feature Support\n\n## S\n\n### Caf\xe9\n";
    write_file(p, latin1, sizeof(latin1) - 1);
    assert_int_equal(run("-o %s %s", t, p), 1);
    assert_true(stderr_has("latin1.md:5:8: error: invalid UTF-8"));
    assert_int_equal(access(t, F_OK), -1);
    assert_no_temps();
}

static void test_atomic(void **state)
{
    char t[512], h[512], bad[512];
    (void)state;
    path(t, sizeof(t), "keep.tab");
    path(h, sizeof(h), "keep.h");
    write_file(t, "old", 3);

    /* One output cannot be written: none is changed. */
    path(bad, sizeof(bad), "no-such-dir/x.h");
    assert_int_equal(run("--quiet -o %s --header %s %s", t, bad, SEED), 2);
    assert_true(stderr_has("no-such-dir/x.h"));
    size_t n;
    char *old = slurp(t, &n);
    assert_int_equal(n, 3);
    free(old);

    /* An output that is a folder: refused before anything is written. */
    assert_int_equal(run("--quiet -o %s --header %s %s", t, tmp, SEED), 2);
    old = slurp(t, &n);
    assert_int_equal(n, 3);
    free(old);

    /* A document error leaves the old output alone too. */
    assert_int_equal(run("--strict -o %s --header %s %s", t, h, SEED), 1);
    old = slurp(t, &n);
    assert_int_equal(n, 3);
    free(old);
    assert_int_equal(access(h, F_OK), -1);
    assert_no_temps();

    assert_int_equal(run("--quiet -o %s --header %s %s", t, h, SEED), 0);
    old = slurp(t, &n);
    assert_true(n > 3);
    free(old);
    assert_int_equal(access(h, F_OK), 0);
    unlink(t);
    unlink(h);
    assert_no_temps();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ok_and_deterministic),
        cmocka_unit_test(test_strict),
        cmocka_unit_test(test_fixture_strict),
        cmocka_unit_test(test_usage),
        cmocka_unit_test(test_bad_inputs),
        cmocka_unit_test(test_atomic),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
