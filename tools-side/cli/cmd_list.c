/*
 * cmd_list.c: "xen-support list": every feature with its rows, grouped
 * by section, filtered by --arch, --level and --section; aligned text
 * (colour on a terminal) or the --json document of docs/json.md.
 */
#include <stdlib.h>
#include <string.h>

#include <xen/suptab.h>

#include "cli.h"

struct S_filter {
    unsigned arch;
    int level; /* -1: any */
    const char *section;
    bool any; /* a row filter given (--arch, --level) */
};

/* needle in hay, ASCII case folded. */
static bool S_contains(const char *hay, const char *needle)
{
    size_t n = strlen(needle);

    for (; n && *hay; hay++) {
        size_t i = 0;
        while (i < n && suptab_fold((unsigned char)hay[i]) ==
                            suptab_fold((unsigned char)needle[i]))
            i++;
        if (i == n)
            return true;
    }
    return n == 0;
}

static bool S_row_ok(const struct S_filter *fl, const struct xensupport_row *r)
{
    return (r->arch & fl->arch) &&
           (fl->level < 0 || (int)r->level == fl->level);
}

/* Rows of feature f that pass the filter (all when f has none and no
   filter is given: the feature is still listed). */
static unsigned S_matching(xensupport_table *t, const struct S_filter *fl,
                           const struct xensupport_feature *f)
{
    struct xensupport_row r;
    unsigned n = 0;

    for (unsigned i = 0; i < f->nr_rows; i++)
        if (!xensupport_get_row(t, f->first_row + i, &r) && S_row_ok(fl, &r))
            n++;
    return n;
}

static bool S_feature_ok(xensupport_table *t, const struct S_filter *fl,
                         const struct xensupport_feature *f, const char *sec)
{
    if (fl->section && !S_contains(sec, fl->section))
        return false;
    return S_matching(t, fl, f) || (!fl->any && f->nr_rows == 0);
}

/* A field of --parseable: '-' when empty (no field holds a tab or a
   newline: out_text shows control bytes as '?'). */
static void S_field(FILE *o, const char *s, char sep)
{
    out_text(o, s && s[0] ? s : "-");
    fputc(sep, o);
}

/* --parseable: one row per line, tab-separated, no header. */
static void S_parseable(struct cli *c, xensupport_table *t,
                        const struct S_filter *fl)
{
    struct xensupport_info in;
    struct xensupport_section s;
    struct xensupport_feature f;
    struct xensupport_row r;
    FILE *o = c->out;

    xensupport_get_info(t, &in);
    for (unsigned id = 0; id < in.nr_features; id++) {
        if (xensupport_get_feature(t, id, &f) ||
            xensupport_get_section(t, f.section, &s) ||
            !S_feature_ok(t, fl, &f, s.name))
            continue;
        for (unsigned i = 0; i < f.nr_rows; i++) {
            if (xensupport_get_row(t, f.first_row + i, &r) || !S_row_ok(fl, &r))
                continue;
            S_field(o, s.name, '\t');
            S_field(o, f.name, '\t');
            S_field(o, r.key, '\t');
            S_field(o, r.qualifier, '\t');
            S_field(o, xensupport_level_name(r.level), '\t');
            S_field(o, xensupport_security_name(r.security), '\t');
            S_field(o, out_arch(r.arch), '\t');
            S_field(o, r.value, '\n');
        }
    }
}

static void S_text(struct cli *c, xensupport_table *t,
                   const struct S_filter *fl)
{
    struct xensupport_info in;
    struct xensupport_section s;
    struct xensupport_feature f;
    struct xensupport_row r;
    unsigned wf = 7, wl = 6;
    char label[2100];
    FILE *o = c->out;

    xensupport_get_info(t, &in);
    for (unsigned id = 0; id < in.nr_features; id++) {
        if (xensupport_get_feature(t, id, &f) ||
            xensupport_get_section(t, f.section, &s) ||
            !S_feature_ok(t, fl, &f, s.name))
            continue;
        unsigned w = 2 + 2 * f.depth + out_width(f.name);
        wf = w > wf ? (w > 44 ? 44 : w) : wf;
        for (unsigned i = 0; i < f.nr_rows; i++)
            if (!xensupport_get_row(t, f.first_row + i, &r) &&
                S_row_ok(fl, &r)) {
                w = out_width(out_label(&r, label, sizeof(label)));
                wl = w > wl ? (w > 36 ? 36 : w) : wl;
            }
    }
    out_cell(o, "FEATURE", wf);
    out_cell(o, "STATUS", wl);
    out_cell(o, "LEVEL", 12);
    out_cell(o, "SECURITY", 8);
    fputs("ARCH\n", o);

    int cur = -1;
    for (unsigned id = 0; id < in.nr_features; id++) {
        if (xensupport_get_feature(t, id, &f) ||
            xensupport_get_section(t, f.section, &s) ||
            !S_feature_ok(t, fl, &f, s.name))
            continue;
        if ((int)f.section != cur) {
            cur = (int)f.section;
            fputc('\n', o);
            out_text(o, s.name);
            fputc('\n', o);
        }
        char name[1100];
        snprintf(name, sizeof(name), "%*s%s", (int)(2 + 2 * f.depth), "",
                 f.name);
        bool first = true;
        if (out_width(name) > wf && S_matching(t, fl, &f)) {
            /* Too long for its column: alone on its line. */
            out_text(o, name);
            fputc('\n', o);
            name[0] = '\0';
        }
        for (unsigned i = 0; i < f.nr_rows; i++) {
            if (xensupport_get_row(t, f.first_row + i, &r) || !S_row_ok(fl, &r))
                continue;
            out_cell(o, first ? name : "", wf);
            out_cell(o, out_label(&r, label, sizeof(label)), wl);
            fputs(out_color(c, r.level), o);
            out_cell(o, xensupport_level_name(r.level), 12);
            fputs(out_reset(c), o);
            out_cell(o, xensupport_security_name(r.security), 8);
            fprintf(o, "%s\n", out_arch(r.arch));
            first = false;
        }
        if (first) {
            out_text(o, name);
            fputc('\n', o);
        }
    }
}

static int S_json(struct cli *c, xensupport_table *t, const struct S_filter *fl)
{
    struct xensupport_info in;
    struct xensupport_section s;
    struct xensupport_feature f;
    struct xensupport_row r;
    yajl_gen g = json_open(c);

    if (!g)
        return CLI_USAGE;
    xensupport_get_info(t, &in);
    yajl_gen_map_open(g);
    json_key(g, "release");
    json_release(g, t);
    json_key(g, "features");
    yajl_gen_array_open(g);
    for (unsigned id = 0; id < in.nr_features; id++) {
        if (xensupport_get_feature(t, id, &f) ||
            xensupport_get_section(t, f.section, &s) ||
            !S_feature_ok(t, fl, &f, s.name))
            continue;
        yajl_gen_map_open(g);
        json_key(g, "section");
        json_str(g, s.name);
        json_key(g, "feature");
        json_str(g, f.name);
        json_key(g, "rows");
        yajl_gen_array_open(g);
        for (unsigned i = 0; i < f.nr_rows; i++)
            if (!xensupport_get_row(t, f.first_row + i, &r) && S_row_ok(fl, &r))
                json_row(g, &r);
        yajl_gen_array_close(g);
        yajl_gen_map_close(g);
    }
    yajl_gen_array_close(g);
    yajl_gen_map_close(g);
    return json_close(g);
}

/*
 * Asked of the running hypervisor without --arch: the rows that apply to
 * its architecture, which is what an administrator on that host means.
 */
static void S_default_arch(struct cli *c, xensupport_table *t,
                           struct S_filter *fl)
{
    struct xensupport_info in;
    struct xensupport_hv_info hv;
    char err[XENSUPPORT_ERRLEN];

    xensupport_get_info(t, &in);
    if (in.source != XENSUPPORT_SOURCE_HYPERVISOR)
        return;
    if (xensupport_session_info(c->hv, &hv, err, sizeof(err)) || !hv.arch)
        return;
    fl->arch = hv.arch;
    fl->any = true;
}

static const struct cli_cmd S_cmd = {
    "list",
    "list [--arch x86|arm|all] [--level LEVEL] [--section TEXT]\n"
    "                        [--parseable | --json]",
    "\nEvery feature with its status rows, grouped by section.\n\n"
    "options:\n"
    "  --arch A         rows that apply to x86, arm or all (default: the\n"
    "                   hypervisor's own architecture, or all)\n"
    "  --level LEVEL    rows of that level: supported, tech-preview,\n"
    "                   experimental, deprecated, other\n"
    "  --section TEXT   features whose section name contains TEXT\n"
    "  --parseable      one row per line, tab-separated, no header:\n"
    "                   section, feature, key, qualifier, level, security,\n"
    "                   architectures, value\n",
    CLI_ACCEPT_SOURCE | CLI_ACCEPT_JSON};

int cmd_list(struct cli *c, int n, char **args)
{
    const char *arch = NULL, *level = NULL, *section = NULL;
    bool parseable = false;
    const struct cli_opt opts[] = {
        {"arch", 0, &arch, NULL},       {"level", 0, &level, NULL},
        {"section", 0, &section, NULL}, {"parseable", 0, NULL, &parseable},
        {NULL, 0, NULL, NULL},
    };
    struct S_filter fl = {XENSUPPORT_ARCH_ALL, -1, NULL, false};
    xensupport_table *t;
    int rc;

    rc = cli_parse(c, &S_cmd, n, args, opts, NULL, 0);
    if (rc < 0)
        return cli_parse_status(rc);
    if (parseable && c->json) {
        cli_err("list: --parseable and --json exclude each other");
        return CLI_USAGE;
    }
    if (arch) {
        if (!strcmp(arch, "x86"))
            fl.arch = XENSUPPORT_ARCH_X86;
        else if (!strcmp(arch, "arm"))
            fl.arch = XENSUPPORT_ARCH_ARM;
        else if (strcmp(arch, "all")) {
            cli_err("--arch %s: expected x86, arm or all", arch);
            return CLI_USAGE;
        }
        fl.any = fl.arch != XENSUPPORT_ARCH_ALL;
    }
    if (level) {
        fl.level = xensupport_level_parse(level);
        if (fl.level < 0) {
            cli_err("--level %s: expected supported, tech-preview, "
                    "experimental, deprecated or other",
                    level);
            return CLI_USAGE;
        }
        fl.any = true;
    }
    if (section) {
        fl.section = section;
    }
    rc = cli_open(c, 0, &t);
    if (rc)
        return rc;
    if (!arch)
        S_default_arch(c, t, &fl);
    if (c->json)
        rc = S_json(c, t, &fl);
    else if (parseable)
        S_parseable(c, t, &fl);
    else
        S_text(c, t, &fl);
    xensupport_close(t);
    return rc;
}
