/*
 * cmd_check.c: "xen-support check FEATURE [--arch A] [--require R]" for
 * scripts: exit 0 if every status row of the feature that applies to the
 * architecture meets the bar and the release's matching support term has
 * not ended, 1 if not (or if no status row applies), 2 if the feature is
 * unknown.
 */
#include <string.h>

#include "cli.h"

static const struct cli_cmd S_cmd = {
    "check",
    "check FEATURE [--arch x86|arm|all]\n"
    "                         [--require supported|security-supported] "
    "[-q | --json]",
    "\nWhether FEATURE meets the bar: every status row that applies to the\n"
    "architecture (rows of level other aside) is supported or, with\n"
    "--require security-supported, supported and security supported; and\n"
    "the release's term for that bar (Supported-Until, or\n"
    "Security-Support-Until) has not ended (today: XEN_SUPPORT_TODAY or\n"
    "the clock).  Exit 0 if it meets the bar, 1 if not, 2 if FEATURE is\n"
    "unknown.  FEATURE is looked up as by show.\n\n"
    "options:\n"
    "  --arch A         rows for x86, arm or all (default all)\n"
    "  --require R      supported (default) or security-supported\n"
    "  -q, --quiet      print nothing; the exit status says it\n",
    CLI_ACCEPT_SOURCE | CLI_ACCEPT_JSON};

struct S_result {
    const char *arch;
    unsigned mask; /* XENSUPPORT_ARCH_* of --arch */
    bool security;
    unsigned applicable, failing;
    struct xensupport_row bad;          /* the first failing row */
    const struct xensupport_term *term; /* the bar's release term */
    bool ended;                         /* ... and it has ended */
    int64_t today;
    struct xensupport_lifecycle lc;
};

static bool S_meets(const struct xensupport_row *r, bool security)
{
    return r->level == XENSUPPORT_LEVEL_SUPPORTED &&
           (!security || r->security == XENSUPPORT_SEC_YES);
}

static void S_text(struct cli *c, const struct xensupport_feature *f,
                   const struct S_result *res, bool meets)
{
    FILE *o = c->out;
    char buf[2100];

    out_text(o, f->name);
    fprintf(o, ": %s %s%s", meets ? "meets" : "does not meet",
            res->security ? "security-supported" : "supported",
            res->arch ? " on " : "");
    fputs(res->arch ? res->arch : "", o);
    if (!res->applicable) {
        fputs(" (no status row applies)", o);
    } else if (res->failing) {
        fputs(" (", o);
        out_text(o, out_label(&res->bad, buf, sizeof(buf)));
        fputs(": ", o);
        out_text(o, res->bad.value);
        fputc(')', o);
    }
    if (res->ended)
        fprintf(o, " (the release's %s support ended on %s)",
                res->security ? "security" : "general",
                xensupport_format_date(res->term->date, buf, sizeof(buf)));
    fputc('\n', o);
}

static int S_json(struct cli *c, xensupport_table *t,
                  const struct xensupport_feature *f,
                  const struct S_result *res, bool meets)
{
    struct xensupport_row r;
    yajl_gen g = json_open(c);

    if (!g)
        return CLI_USAGE;
    yajl_gen_map_open(g);
    json_key(g, "feature");
    json_str(g, f->name);
    json_key(g, "id");
    json_int(g, f->id);
    json_key(g, "require");
    json_str(g, res->security ? "security-supported" : "supported");
    json_key(g, "arch");
    json_str(g, res->arch ? res->arch : "all");
    json_key(g, "meets");
    yajl_gen_bool(g, meets);
    json_key(g, "applicable");
    json_int(g, res->applicable);
    json_key(g, "failing");
    yajl_gen_array_open(g);
    for (unsigned i = 0; i < f->nr_rows; i++)
        if (!xensupport_get_row(t, f->first_row + i, &r) &&
            r.level != XENSUPPORT_LEVEL_OTHER && (r.arch & res->mask) &&
            !S_meets(&r, res->security))
            json_row(g, &r);
    yajl_gen_array_close(g);
    json_key(g, "release_term_ended");
    yajl_gen_bool(g, res->ended);
    json_key(g, "lifecycle");
    json_lifecycle(g, res->today, &res->lc);
    yajl_gen_map_close(g);
    return json_close(g);
}

int cmd_check(struct cli *c, int n, char **args)
{
    const char *arch = NULL, *req = NULL, *pos[1];
    bool quiet = false;
    const struct cli_opt opts[] = {
        {"arch", 0, &arch, NULL},
        {"require", 0, &req, NULL},
        {"quiet", 'q', NULL, &quiet},
        {NULL, 0, NULL, NULL},
    };
    struct S_result res = {.mask = XENSUPPORT_ARCH_ALL};
    struct xensupport_feature f;
    struct xensupport_row r;
    xensupport_table *t;
    bool meets;
    int rc, id;

    rc = cli_parse(c, &S_cmd, n, args, opts, pos, 1);
    if (rc < 0)
        return cli_parse_status(rc);
    if (rc != 1) {
        cli_err("usage: xen-support %s", S_cmd.usage);
        return CLI_USAGE;
    }
    if (quiet && c->json) {
        cli_err("check: --quiet and --json exclude each other");
        return CLI_USAGE;
    }
    if (arch && !strcmp(arch, "x86"))
        res.mask = XENSUPPORT_ARCH_X86;
    else if (arch && !strcmp(arch, "arm"))
        res.mask = XENSUPPORT_ARCH_ARM;
    else if (arch && strcmp(arch, "all")) {
        cli_err("--arch %s: expected x86, arm or all", arch);
        return CLI_USAGE;
    }
    if (req && !strcmp(req, "security-supported"))
        res.security = true;
    else if (req && strcmp(req, "supported")) {
        cli_err("--require %s: expected supported or security-supported", req);
        return CLI_USAGE;
    }
    res.arch = arch;
    rc = cli_open(c, 0, &t);
    if (rc)
        return rc;
    id = cli_find_feature(t, pos[0]);
    if (id < 0 || xensupport_get_feature(t, (unsigned)id, &f)) {
        xensupport_close(t);
        return CLI_USAGE;
    }
    rc = cli_lifecycle(t, &res.today, &res.lc);
    if (rc) {
        xensupport_close(t);
        return rc;
    }
    for (unsigned i = 0; i < f.nr_rows; i++) {
        if (xensupport_get_row(t, f.first_row + i, &r) ||
            !(r.arch & res.mask) || r.level == XENSUPPORT_LEVEL_OTHER)
            continue;
        res.applicable++;
        if (!S_meets(&r, res.security) && !res.failing++)
            res.bad = r;
    }
    res.term = res.security ? &res.lc.security : &res.lc.support;
    res.ended = res.term->state == XENSUPPORT_TERM_ENDED;
    meets = res.applicable && !res.failing && !res.ended;
    rc = meets ? CLI_OK : CLI_NO;
    if (c->json) {
        int jrc = S_json(c, t, &f, &res, meets);
        rc = jrc ? jrc : rc;
    } else if (!quiet) {
        S_text(c, &f, &res, meets);
    }
    xensupport_close(t);
    return rc;
}
