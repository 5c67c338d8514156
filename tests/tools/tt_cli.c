/* tt_cli.c: running the xen-support command from a test (tt_cli.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "tt_cli.h"

const char *tt_bin;
char tt_dir[] = "/tmp/xs-cli-XXXXXX";
char *tt_out, *tt_err;

char *tt_slurp(const char *path, size_t *lenp)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;

    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    if (lenp)
        *lenp = (size_t)n;
    return buf;
}

int tt_run(const char *fmt, ...)
{
    char args[1024], cmd[2048], path[64];
    va_list ap;
    int st;

    va_start(ap, fmt);
    vsnprintf(args, sizeof(args), fmt, ap);
    va_end(ap);
    snprintf(cmd, sizeof(cmd), "%s %s >%s/out 2>%s/err", tt_bin, args, tt_dir,
             tt_dir);
    st = system(cmd);
    assert_true(WIFEXITED(st));
    free(tt_out);
    free(tt_err);
    snprintf(path, sizeof(path), "%s/out", tt_dir);
    tt_out = tt_slurp(path, NULL);
    snprintf(path, sizeof(path), "%s/err", tt_dir);
    tt_err = tt_slurp(path, NULL);
    assert_non_null(tt_out);
    assert_non_null(tt_err);
    return WEXITSTATUS(st);
}

void tt_one_line_error(const char *what)
{
    size_t n = strlen(tt_err);

    if (strncmp(tt_err, "xen-support: ", 13) || n == 0 ||
        tt_err[n - 1] != '\n' || strchr(tt_err, '\n') != tt_err + n - 1 ||
        !strstr(tt_err, what))
        fail_msg("bad error output '%s' (want one line with '%s')", tt_err,
                 what);
}

int tt_cli_setup(void **state)
{
    (void)state;
    tt_bin = getenv("XS_BIN");
    if (!tt_bin || !mkdtemp(tt_dir))
        return -1;
    return 0;
}

int tt_cli_teardown(void **state)
{
    char cmd[128];

    (void)state;
    snprintf(cmd, sizeof(cmd), "rm -rf %s", tt_dir);
    free(tt_out);
    free(tt_err);
    return system(cmd) ? -1 : 0;
}
