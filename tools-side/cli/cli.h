/*
 * cli.h: the xen-support command's shared state and modules: argument
 * parsing, sources, text and JSON output, one function per subcommand.
 */
#ifndef XS_CLI_H
#define XS_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include <yajl/yajl_gen.h>

#include "xensupport.h"
#include "../xlcfg/xlcfg.h"

/* Exit statuses (docs/xen-support.1). */
enum {
    CLI_OK = 0,      /* done; check: meets the bar */
    CLI_NO = 1,      /* check: does not; document errors; diff changes */
    CLI_USAGE = 2,   /* usage, unknown feature, I/O, no source */
    CLI_INVALID = 3, /* the table failed validation */
    /* Reading the running hypervisor (no --document / --table): */
    CLI_NO_XEN = 4,    /* not running on Xen (no /dev/xen/privcmd) */
    CLI_NO_PRIV = 5,   /* not privileged */
    CLI_NO_TABLE = 6,  /* this Xen has no built-in support table */
    CLI_INTERFACE = 7, /* sysctl interface mismatch (EACCES) */
    /* A document given to the dom0 build, which cannot compile one: */
    CLI_NO_DOCUMENT = 8,
};

struct cli_source {
    enum xensupport_source_kind kind; /* 0: not given (the hypervisor) */
    const char *path;
    bool guess; /* diff's plain path: kind decided by its first bytes */
};

struct cli {
    struct cli_source src[2]; /* src[0] for most commands */
    unsigned nr_src;
    bool two_sources; /* diff: src[1] is used too */
    bool json, strict, warnings, descriptions, color;
    bool hypfs; /* --hypfs: the hypervisor through hypfs only */
    FILE *out;
    xensupport_session *hv; /* the hypervisor, opened once (cli_session) */
};

/* One option of a command line: --name, --name=VALUE, --name VALUE. */
struct cli_opt {
    const char *name;   /* long name without "--" */
    char shortname;     /* or 0 */
    const char **value; /* NULL for a flag */
    bool *flag;
};

/* What a command accepts besides its own options (struct cli_cmd). */
enum {
    CLI_ACCEPT_SOURCE = 1 << 0, /* --document, --table, --hypfs and,
                                   with --document, --strict,
                                   --warnings, --descriptions */
    CLI_ACCEPT_JSON = 1 << 1,   /* --json */
};

/* A command: its usage line and option help, for "COMMAND --help". */
struct cli_cmd {
    const char *name;
    const char *usage; /* after "usage: xen-support " */
    const char *help;  /* what it does and its own options, or "" */
    unsigned accepts;  /* CLI_ACCEPT_* */
};

/* cli_parse() after "--help" printed the command's help. */
#define CLI_HELP_SHOWN (-2)

/*
 * Parse args[0..n) of command cmd: options from opts, then -h/--help and
 * the common ones cmd accepts (--document, --table, --json, --strict,
 * --warnings, --descriptions); positionals into pos[0..maxpos).  Returns
 * the number of positionals, CLI_HELP_SHOWN, or -1 after printing a usage
 * error.  A common option cmd does not accept, and --strict, --warnings
 * or --descriptions without --document, are usage errors.
 */
int cli_parse(struct cli *c, const struct cli_cmd *cmd, int n, char **args,
              const struct cli_opt *opts, const char **pos, int maxpos);
/* The exit status for a cli_parse() result below 0. */
int cli_parse_status(int rc);
/* Print cmd's usage and help to f. */
void cli_cmd_help(FILE *f, const struct cli_cmd *cmd);

/* Record a source (in order); -1 after an error when there are two. */
int cli_add_source(struct cli *c, enum xensupport_source_kind kind,
                   const char *path);

/* Open source i of c into *t; returns CLI_OK or an exit status after
   printing the error. */
int cli_open(struct cli *c, unsigned i, xensupport_table **t);

/*
 * The session with the running hypervisor, opened at the first call and
 * kept in c until cli_done(): CLI_OK, or an exit status after printing
 * the error.
 */
int cli_session(struct cli *c, xensupport_session **s);
/* Release what c holds (the session). */
void cli_done(struct cli *c);

/*
 * Open a table file or document: xensupport_doc_open() in the host build
 * (source/doc.c), xensupport_open() in the dom0 build (source/nodoc.c),
 * where a document fails with ENOSYS.
 */
xensupport_table *cli_open_source(const struct xensupport_source *src,
                                  char *err, size_t errlen);
/* Whether this build compiles documents (what to suggest instead). */
extern const bool cli_documents;

/*
 * An xl domain configuration file: the settings it makes, in order, each
 * with its values (xlcfg/xlu.c with libxlutil in the host build;
 * xlcfg/none.c in the static one, where xlcfg_read() fails with ENOSYS).
 * 0, or -1 with errno and err: "FILE:LINE: ..." for a parse error.
 */
int xlcfg_read(const char *path, struct xlcfg *x, char *err, size_t errlen);
extern const bool cli_xlcfg;

/* Exit status for a failed hypervisor read with errno err. */
int cli_hv_status(int err);

/* "xen-support: ..." on stderr, one line. */
void cli_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Text output: control and invalid UTF-8 bytes shown as '?'. */
void out_text(FILE *f, const char *s);
/* Print s padded with spaces to width columns (at least one space). */
void out_cell(FILE *f, const char *s, unsigned width);
/* Display width of s in columns (code points). */
unsigned out_width(const char *s);
/* "key : value" in xl info's format (key padded to 23 columns). */
void out_kv(FILE *f, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Colour escape for a level, or "" when colour is off. */
const char *out_color(const struct cli *c, unsigned level);
const char *out_reset(const struct cli *c);
/* "x86", "arm" or "x86,arm". */
const char *out_arch(unsigned arch);
/* "Key" or "Key, Qualifier" into buf. */
const char *out_label(const struct xensupport_row *r, char *buf, size_t len);
/* Length of the valid UTF-8 sequence at s, 0 if invalid. */
size_t out_utf8_len(const unsigned char *s);

/* JSON through yajl, beautified, to c->out. */
yajl_gen json_open(struct cli *c);
int json_close(yajl_gen g); /* CLI_OK, or CLI_USAGE on a write error */
void json_str(yajl_gen g, const char *s); /* NULL -> null */
void json_key(yajl_gen g, const char *k);
void json_int(yajl_gen g, long long v);
void json_row(yajl_gen g, const struct xensupport_row *r);
/* The four release facts as one object. */
void json_release(yajl_gen g, xensupport_table *t);
/* {"today": ..., "support": TERM, "security": TERM} (docs/json.md). */
void json_lifecycle(yajl_gen g, int64_t today,
                    const struct xensupport_lifecycle *lc);
/*
 * Today (xensupport_today()) and t's lifecycle against it: CLI_OK, or
 * CLI_USAGE after the error (XEN_SUPPORT_TODAY not a date; no memory).
 */
int cli_lifecycle(xensupport_table *t, int64_t *today,
                  struct xensupport_lifecycle *lc);

/* "; did you mean 'A' or 'B'?" on stderr (no newline), if any. */
void cli_suggest(xensupport_table *t, const char *name);
/* Feature id for name, or -1 after the unknown-feature message. */
int cli_find_feature(xensupport_table *t, const char *name);

int cmd_info(struct cli *c, int n, char **args);
int cmd_list(struct cli *c, int n, char **args);
int cmd_show(struct cli *c, int n, char **args);
int cmd_check(struct cli *c, int n, char **args);
int cmd_dump(struct cli *c, int n, char **args);
int cmd_diff(struct cli *c, int n, char **args);
int cmd_status(struct cli *c, int n, char **args);
int cmd_audit(struct cli *c, int n, char **args);
int cmd_load(struct cli *c, int n, char **args);

/*
 * The active table's origin (a NULL: "n/a", read through hypfs), and the
 * built-in table's size and checksum; with_table: the active one's too.
 */
void cli_active_text(FILE *o, const struct xensupport_hv_active *a,
                     bool with_table);
void cli_active_json(yajl_gen g, const struct xensupport_hv_active *a);

#endif
