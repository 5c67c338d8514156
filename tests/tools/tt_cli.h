/*
 * tt_cli.h: running the xen-support command from a cmocka test: XS_BIN
 * names the binary; each run's stdout and stderr are kept for asserts.
 */
#ifndef TT_CLI_H
#define TT_CLI_H

#include <stddef.h>

/* The binary, a scratch folder, and the last run's outputs. */
extern const char *tt_bin;
extern char tt_dir[];
extern char *tt_out, *tt_err;

/* A file's whole contents (malloc()ed), or NULL. */
char *tt_slurp(const char *path, size_t *lenp);

/* Run "xen-support ARGS" (shell words); returns its exit status. */
int tt_run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* stderr is one "xen-support: ..." line mentioning what. */
void tt_one_line_error(const char *what);

/* Group setup (XS_BIN, the scratch folder) and teardown. */
int tt_cli_setup(void **state);
int tt_cli_teardown(void **state);

#endif
