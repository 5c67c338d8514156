/*
 * cmd_audit.c: "xen-support audit GUEST.cfg...": is this guest within
 * security support?  Each configuration's settings, read by xl's own
 * parser, go through the library's mapping (xensupport_audit()) to the
 * feature and row that apply; settings it does not map are listed too.
 */
#include <errno.h>
#include <string.h>

#include "cli.h"

static const struct cli_cmd S_cmd = {
    "audit", "audit [--arch x86|arm] [--json] GUEST.cfg...",
    "\nFor each xl domain configuration, every setting that selects a\n"
    "feature of the statement, the row that applies (architecture and\n"
    "qualifier) and whether it is security supported; settings the\n"
    "mapping does not cover are listed as such.  Exit 0 when every guest\n"
    "is within security support, 1 when one is outside, 2 on usage or\n"
    "parse errors (FILE:LINE).\n\n"
    "options:\n"
    "  --arch A         the guests' architecture, x86 or arm (default: the\n"
    "                   hypervisor's, or x86)\n",
    CLI_ACCEPT_SOURCE | CLI_ACCEPT_JSON};

struct S_state {
    struct cli *c;
    yajl_gen g;
    const char *path;
    unsigned outside, unknown;
};

static void S_text(struct S_state *st, const struct xensupport_audit_finding *f)
{
    FILE *o = st->c->out;
    char label[2100];

    fprintf(o, "%s:%u: ", st->path, f->setting->line);
    out_text(o, f->setting->name);
    if (f->value[0]) {
        fputs(" = ", o);
        out_text(o, f->value);
    }
    fputs(": ", o);
    switch (f->kind) {
    case XENSUPPORT_AUDIT_MAPPED:
        out_text(o, f->feature_name);
        fputs(": ", o);
        out_text(o, out_label(&f->row, label, sizeof(label)));
        fputs(": ", o);
        out_text(o, f->row.value);
        fprintf(o, " (%s%s%s, security %s)%s\n", out_color(st->c, f->row.level),
                xensupport_level_name(f->row.level), out_reset(st->c),
                xensupport_security_name(f->row.security),
                f->outside ? ": outside security support" : "");
        break;
    case XENSUPPORT_AUDIT_ABSENT:
    case XENSUPPORT_AUDIT_NO_ROW:
        fprintf(o, "%s (%s): outside security support\n", f->why, f->key);
        break;
    default:
        fprintf(o, "%s: %s\n", xensupport_audit_kind_name(f->kind), f->why);
        break;
    }
}

static void S_json(yajl_gen g, const struct xensupport_audit_finding *f)
{
    yajl_gen_map_open(g);
    json_key(g, "setting");
    json_str(g, f->setting->name);
    json_key(g, "line");
    json_int(g, f->setting->line);
    json_key(g, "value");
    json_str(g, f->value);
    json_key(g, "finding");
    json_str(g, xensupport_audit_kind_name(f->kind));
    json_key(g, "key");
    json_str(g, f->key);
    json_key(g, "feature");
    json_str(g, f->feature_name);
    json_key(g, "row");
    if (f->kind == XENSUPPORT_AUDIT_MAPPED)
        json_row(g, &f->row);
    else
        yajl_gen_null(g);
    json_key(g, "outside");
    yajl_gen_bool(g, f->outside);
    json_key(g, "why");
    json_str(g, f->why);
    yajl_gen_map_close(g);
}

static int S_finding(const struct xensupport_audit_finding *f, void *arg)
{
    struct S_state *st = arg;

    st->unknown += f->kind == XENSUPPORT_AUDIT_UNKNOWN;
    if (st->g)
        S_json(st->g, f);
    else
        S_text(st, f);
    return 0;
}

/* One configuration: CLI_OK, CLI_NO (outside) or an error status. */
static int S_one(struct cli *c, xensupport_table *t, unsigned arch,
                 const char *path, yajl_gen g)
{
    struct S_state st = {c, g, path, 0, 0};
    char err[512];
    struct xlcfg x;
    int n;

    if (xlcfg_read(path, &x, err, sizeof(err))) {
        cli_err("%s", err);
        return errno == ENOSYS ? CLI_NO_DOCUMENT : CLI_USAGE;
    }
    if (g) {
        yajl_gen_map_open(g);
        json_key(g, "config");
        json_str(g, path);
        json_key(g, "findings");
        yajl_gen_array_open(g);
    }
    n = xensupport_audit(t, arch, x.s, x.n, S_finding, &st);
    if (g) {
        yajl_gen_array_close(g);
        json_key(g, "outside");
        json_int(g, n < 0 ? 0 : n);
        json_key(g, "not_mapped");
        json_int(g, st.unknown);
        yajl_gen_map_close(g);
    } else if (n >= 0) {
        fprintf(c->out, "%s: %s", path,
                n ? "outside security support" : "within security support");
        if (n)
            fprintf(c->out, " (%d setting%s)", n, n == 1 ? "" : "s");
        if (st.unknown)
            fprintf(c->out, "; %u setting%s not mapped", st.unknown,
                    st.unknown == 1 ? "" : "s");
        fputc('\n', c->out);
    }
    xlcfg_free(&x);
    if (n < 0) {
        cli_err("%s: %s", path, strerror(errno));
        return CLI_USAGE;
    }
    return n ? CLI_NO : CLI_OK;
}

int cmd_audit(struct cli *c, int n, char **args)
{
    const char *arch = NULL, *pos[64];
    const struct cli_opt opts[] = {
        {"arch", 0, &arch, NULL},
        {NULL, 0, NULL, NULL},
    };
    struct xensupport_hv_info hv;
    char err[XENSUPPORT_ERRLEN];
    unsigned mask = XENSUPPORT_ARCH_X86;
    xensupport_table *t;
    yajl_gen g = NULL;
    int np, rc, worst = CLI_OK;

    np = cli_parse(c, &S_cmd, n, args, opts, pos, 64);
    if (np < 0)
        return cli_parse_status(np);
    if (np == 0) {
        cli_err("usage: xen-support %s", S_cmd.usage);
        return CLI_USAGE;
    }
    if (arch && !strcmp(arch, "arm"))
        mask = XENSUPPORT_ARCH_ARM;
    else if (arch && strcmp(arch, "x86")) {
        cli_err("--arch %s: expected x86 or arm", arch);
        return CLI_USAGE;
    }
    rc = cli_open(c, 0, &t);
    if (rc)
        return rc;
    if (!arch && c->hv &&
        !xensupport_session_info(c->hv, &hv, err, sizeof(err)) && hv.arch)
        mask = hv.arch;
    if (c->json) {
        if (!(g = json_open(c))) {
            xensupport_close(t);
            return CLI_USAGE;
        }
        yajl_gen_array_open(g);
    }
    for (int i = 0; i < np; i++) {
        rc = S_one(c, t, mask, pos[i], g);
        /* Errors outrank "outside", which outranks "within". */
        if (rc != CLI_OK && (worst == CLI_OK || worst == CLI_NO))
            worst = rc;
    }
    if (g) {
        yajl_gen_array_close(g);
        rc = json_close(g);
        worst = worst == CLI_OK ? rc : worst;
    }
    xensupport_close(t);
    return worst;
}
