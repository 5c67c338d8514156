/*
 * args.c: command-line parsing (long options with "=" or a separate
 * value, a few short ones), the table sources and error messages.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void cli_err(const char *fmt, ...)
{
    va_list ap;

    fflush(stdout);
    fputs("xen-support: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int cli_add_source(struct cli *c, enum xensupport_source_kind kind,
                   const char *path)
{
    if (c->nr_src >= 2) {
        cli_err("%s: too many sources (at most two, for diff)", path);
        return -1;
    }
    c->src[c->nr_src].kind = kind;
    c->src[c->nr_src].path = path;
    c->nr_src++;
    return 0;
}

static const struct cli_opt *S_find(const struct cli_opt *o, const char *name,
                                    size_t len, char shortname)
{
    for (; o && o->name; o++)
        if (shortname ? o->shortname == shortname
                      : strlen(o->name) == len && !strncmp(o->name, name, len))
            return o;
    return NULL;
}

void cli_cmd_help(FILE *f, const struct cli_cmd *cmd)
{
    fprintf(f, "usage: xen-support %s\n%s", cmd->usage, cmd->help);
    if (cmd->accepts & CLI_ACCEPT_SOURCE)
        fputs("\nsource (default: the running hypervisor):\n"
              "  --document PATH  a SUPPORT.md, compiled on the fly\n"
              "  --table PATH     a compiled table\n"
              "  --hypfs          the hypervisor through hypfs, not the "
              "sysctl\n"
              "  --strict         with --document: warnings are errors\n"
              "  --warnings       with --document: print its warnings\n"
              "  --descriptions   with --document: keep features' prose\n",
              f);
    if (cmd->accepts & CLI_ACCEPT_JSON)
        fputs("  --json           print JSON (docs/json.md)\n", f);
    fputs("  -h, --help       print this help\n", f);
}

int cli_parse_status(int rc)
{
    return rc == CLI_HELP_SHOWN ? CLI_OK : CLI_USAGE;
}

/* What the parsed options ask for that cmd does not do. */
static int S_check_accepts(const struct cli *c, const struct cli_cmd *cmd)
{
    bool doc = false;

    for (unsigned i = 0; i < c->nr_src; i++)
        doc |= c->src[i].kind == XENSUPPORT_SOURCE_DOCUMENT;
    if (c->json && !(cmd->accepts & CLI_ACCEPT_JSON)) {
        cli_err("%s: --json is not supported (see %s --help)", cmd->name,
                cmd->name);
        return -1;
    }
    if ((c->nr_src || c->hypfs) && !(cmd->accepts & CLI_ACCEPT_SOURCE)) {
        cli_err("%s: --document, --table and --hypfs do not apply (see %s "
                "--help)",
                cmd->name, cmd->name);
        return -1;
    }
    if (c->hypfs && c->nr_src) {
        cli_err("%s: --hypfs reads the hypervisor: not with --document or "
                "--table",
                cmd->name);
        return -1;
    }
    /* diff guesses its plain paths' kinds later: it checks these itself. */
    if (!doc && !c->two_sources &&
        (c->strict || c->warnings || c->descriptions)) {
        cli_err("%s: --%s applies only to --document", cmd->name,
                c->strict     ? "strict"
                : c->warnings ? "warnings"
                              : "descriptions");
        return -1;
    }
    return 0;
}

int cli_parse(struct cli *c, const struct cli_cmd *cmd, int n, char **args,
              const struct cli_opt *opts, const char **pos, int maxpos)
{
    const char *doc = NULL, *table = NULL;
    bool help = false;
    const struct cli_opt common[] = {
        {"document", 0, &doc, NULL},
        {"table", 0, &table, NULL},
        {"hypfs", 0, NULL, &c->hypfs},
        {"json", 0, NULL, &c->json},
        {"strict", 0, NULL, &c->strict},
        {"warnings", 0, NULL, &c->warnings},
        {"descriptions", 0, NULL, &c->descriptions},
        {"help", 'h', NULL, &help},
        {NULL, 0, NULL, NULL},
    };
    int npos = 0;
    bool dashdash = false;

    for (int i = 0; i < n; i++) {
        const char *a = args[i], *eq = NULL, *name;
        const struct cli_opt *o;
        size_t len;

        if (dashdash || a[0] != '-' || !a[1]) {
            /* diff: plain paths are sources, in order with the options. */
            if (c->two_sources && cmd) {
                if (cli_add_source(c, XENSUPPORT_SOURCE_DOCUMENT, a))
                    return -1;
                c->src[c->nr_src - 1].guess = true;
                continue;
            }
            if (npos >= maxpos) {
                cli_err("unexpected argument '%s' (see --help)", a);
                return -1;
            }
            pos[npos++] = a;
            continue;
        }
        if (!strcmp(a, "--")) {
            dashdash = true;
            continue;
        }
        if (a[1] == '-') {
            name = a + 2;
            eq = strchr(name, '=');
            len = eq ? (size_t)(eq - name) : strlen(name);
            o = S_find(opts, name, len, 0);
            if (!o)
                o = S_find(common, name, len, 0);
        } else {
            name = a + 1;
            len = 1;
            o = a[2] ? NULL : S_find(opts, NULL, 0, a[1]);
            if (!o && !a[2])
                o = S_find(common, NULL, 0, a[1]);
        }
        if (!o) {
            cli_err("unknown option '%s' (see --help)", a);
            return -1;
        }
        if (!o->value) {
            if (eq) {
                cli_err("option '--%s' takes no value", o->name);
                return -1;
            }
            *o->flag = true;
            continue;
        }
        if (eq) {
            *o->value = eq + 1;
        } else if (i + 1 < n) {
            *o->value = args[++i];
        } else {
            cli_err("option '%s' needs a value", a);
            return -1;
        }
        if (o->value == &doc || o->value == &table) {
            if (cli_add_source(c,
                               doc ? XENSUPPORT_SOURCE_DOCUMENT
                                   : XENSUPPORT_SOURCE_FILE,
                               doc ? doc : table))
                return -1;
            doc = table = NULL;
        }
    }
    if (!cmd)
        return help ? CLI_HELP_SHOWN : npos;
    if (help) {
        cli_cmd_help(c->out, cmd);
        return CLI_HELP_SHOWN;
    }
    if (S_check_accepts(c, cmd))
        return -1;
    return npos;
}

int cli_session(struct cli *c, xensupport_session **s)
{
    char err[XENSUPPORT_ERRLEN];
    int rc;

    if (!c->hv) {
        c->hv = xensupport_session_open(err, sizeof(err));
        if (!c->hv) {
            rc = cli_hv_status(errno);
            if (rc == CLI_NO_XEN)
                cli_err("%s; or give %s--table PATH (a compiled table)", err,
                        cli_documents ? "--document PATH (a SUPPORT.md) or "
                                      : "");
            else
                cli_err("hypervisor: %s", err);
            return rc;
        }
        if (c->hypfs)
            xensupport_session_use_hypfs(c->hv);
    }
    *s = c->hv;
    return CLI_OK;
}

void cli_done(struct cli *c)
{
    xensupport_session_close(c->hv);
    c->hv = NULL;
}

/* No source option: the running hypervisor's built-in table. */
static int S_open_hypervisor(struct cli *c, xensupport_table **t)
{
    char err[XENSUPPORT_ERRLEN];
    xensupport_session *s;
    int rc;

    rc = cli_session(c, &s);
    if (rc)
        return rc;
    *t = xensupport_session_table(s, err, sizeof(err));
    if (*t)
        return CLI_OK;
    rc = cli_hv_status(errno);
    if (rc == CLI_INVALID)
        cli_err("hypervisor: invalid table: %s", err);
    else
        cli_err("hypervisor: %s", err);
    return rc;
}

int cli_open(struct cli *c, unsigned i, xensupport_table **t)
{
    const struct cli_source *s = &c->src[i];
    char err[XENSUPPORT_ERRLEN];
    struct xensupport_source src = {
        .kind = s->kind,
        .path = s->path,
        .flags = (c->strict ? XENSUPPORT_DOC_STRICT : 0) |
                 (c->warnings || c->strict ? 0 : XENSUPPORT_DOC_QUIET) |
                 (c->descriptions ? XENSUPPORT_DOC_DESCRIPTIONS : 0),
        .diag = stderr,
    };

    *t = NULL;
    if (c->nr_src > 1 && !c->two_sources) {
        cli_err("%s: only one source (--document or --table) expected",
                c->src[1].path);
        return CLI_USAGE;
    }
    if (i >= c->nr_src || !s->kind)
        return S_open_hypervisor(c, t);
    *t = cli_open_source(&src, err, sizeof(err));
    if (*t)
        return CLI_OK;
    if (errno == ENOSYS && s->kind == XENSUPPORT_SOURCE_DOCUMENT) {
        cli_err("%s: --document needs the host build of xen-support; this "
                "dom0 build reads only --table files and the hypervisor",
                s->path);
        return CLI_NO_DOCUMENT;
    }
    switch (errno) {
    case EILSEQ:
        cli_err("%s: the document has errors (see above)", s->path);
        return CLI_NO;
    case EBADMSG:
    case ENOTSUP:
        cli_err("%s: invalid table: %s", s->path, err);
        return CLI_INVALID;
    default:
        cli_err("%s: %s", s->path, err[0] ? err : strerror(errno));
        return CLI_USAGE;
    }
}

int cli_hv_status(int err)
{
    switch (err) {
    case ENODEV:
        return CLI_NO_XEN;
    case EPERM:
        return CLI_NO_PRIV;
    case ENOSYS:
        return CLI_NO_TABLE;
    case EPROTO:
        return CLI_INTERFACE;
    case EBADMSG:
    case ENOTSUP:
        return CLI_INVALID;
    default:
        return CLI_USAGE;
    }
}

int cli_lifecycle(xensupport_table *t, int64_t *today,
                  struct xensupport_lifecycle *lc)
{
    *today = xensupport_today();
    if (*today < 0) {
        cli_err("XEN_SUPPORT_TODAY=%s: expected a date, YYYY-MM-DD",
                getenv("XEN_SUPPORT_TODAY"));
        return CLI_USAGE;
    }
    if (xensupport_get_lifecycle(t, *today, lc)) {
        cli_err("%s", strerror(errno));
        return CLI_USAGE;
    }
    return CLI_OK;
}
