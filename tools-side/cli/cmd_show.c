/*
 * cmd_show.c: "xen-support show FEATURE": one feature, its place, its
 * rows with their readings, sub-features and prose when present.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#include <public/support_table.h>

static void S_text(struct cli *c, xensupport_table *t,
                   const struct xensupport_feature *f, const char *sec)
{
    struct xensupport_info in;
    struct xensupport_feature p;
    struct xensupport_row r;
    char label[2100];
    FILE *o = c->out;

    xensupport_get_info(t, &in);
    out_text(o, f->name);
    fputc('\n', o);
    fprintf(o, "  %-10s", "section:");
    out_text(o, sec);
    fputc('\n', o);
    if (f->parent >= 0 && !xensupport_get_feature(t, (unsigned)f->parent, &p)) {
        fprintf(o, "  %-10s", "parent:");
        out_text(o, p.name);
        fputc('\n', o);
    }
    for (unsigned id = f->id + 1; id < in.nr_features; id++) {
        if (xensupport_get_feature(t, id, &p) || p.depth <= f->depth)
            break;
        if (p.parent == (int)f->id) {
            fprintf(o, "  %-10s", "contains:");
            out_text(o, p.name);
            fputc('\n', o);
        }
    }
    char ident[2 * XEN_SUPTAB_STR_MAX + 2];
    const char *key = xensupport_feature_key(t, f->id);

    if (xensupport_feature_ident(t, f->id, ident, sizeof(ident)))
        ident[0] = '\0';
    fprintf(o, "  %-10s%u (SUPPORT_FEAT_", "id:", f->id);
    out_text(o, ident);
    fputs(")\n", o);
    if (key)
        fprintf(o, "  %-10s%s\n", "key:", key);
    for (unsigned i = 0; i < f->nr_rows; i++) {
        if (xensupport_get_row(t, f->first_row + i, &r))
            continue;
        fputs("\n  ", o);
        out_text(o, out_label(&r, label, sizeof(label)));
        fputs(": ", o);
        out_text(o, r.value);
        fprintf(o,
                "\n    level %s%s%s, security support %s, caveats %s, "
                "arch %s\n",
                out_color(c, r.level), xensupport_level_name(r.level),
                out_reset(c), xensupport_security_name(r.security),
                r.caveats ? "yes" : "no", out_arch(r.arch));
    }
    if (f->description && f->description[0]) {
        char *copy = strdup(f->description), *line, *next;

        fputc('\n', o);
        /* The prose, indented by four spaces. */
        for (line = copy; line; line = next) {
            next = strchr(line, '\n');
            if (next)
                *next++ = '\0';
            fputs(line[0] ? "    " : "", o);
            out_text(o, line);
            fputc('\n', o);
        }
        free(copy);
    }
}

static int S_json(struct cli *c, xensupport_table *t,
                  const struct xensupport_feature *f, const char *sec)
{
    struct xensupport_feature p;
    struct xensupport_row r;
    yajl_gen g = json_open(c);

    if (!g)
        return CLI_USAGE;
    yajl_gen_map_open(g);
    json_key(g, "section");
    json_str(g, sec);
    json_key(g, "feature");
    json_str(g, f->name);
    json_key(g, "id");
    json_int(g, f->id);
    char ident[2 * XEN_SUPTAB_STR_MAX + 2];
    json_key(g, "ident");
    json_str(g, xensupport_feature_ident(t, f->id, ident, sizeof(ident))
                    ? NULL
                    : ident);
    json_key(g, "key");
    json_str(g, xensupport_feature_key(t, f->id));
    json_key(g, "parent");
    if (f->parent >= 0 && !xensupport_get_feature(t, (unsigned)f->parent, &p))
        json_str(g, p.name);
    else
        json_str(g, NULL);
    json_key(g, "rows");
    yajl_gen_array_open(g);
    for (unsigned i = 0; i < f->nr_rows; i++)
        if (!xensupport_get_row(t, f->first_row + i, &r))
            json_row(g, &r);
    yajl_gen_array_close(g);
    json_key(g, "description");
    json_str(g, f->description);
    yajl_gen_map_close(g);
    return json_close(g);
}

static const struct cli_cmd S_cmd = {
    "show", "show [--json] FEATURE",
    "\nOne feature: section, parent, sub-features, id and stable key, every\n"
    "row with its raw value and reading, and its prose if the table has it.\n"
    "FEATURE is a name (any case), a generated id (RTDS_BASED_SCHEDULER), a\n"
    "stable key (SCHED_RTDS), a gate's origin (sched=rtds), an alias\n"
    "(rtds), a heading of an earlier release, or a unique prefix.\n",
    CLI_ACCEPT_SOURCE | CLI_ACCEPT_JSON};

int cmd_show(struct cli *c, int n, char **args)
{
    const char *pos[1];
    struct xensupport_feature f;
    struct xensupport_section s;
    xensupport_table *t;
    int rc, id;

    rc = cli_parse(c, &S_cmd, n, args, NULL, pos, 1);
    if (rc < 0)
        return cli_parse_status(rc);
    if (rc != 1) {
        cli_err("usage: xen-support %s", S_cmd.usage);
        return CLI_USAGE;
    }
    rc = cli_open(c, 0, &t);
    if (rc)
        return rc;
    id = cli_find_feature(t, pos[0]);
    if (id < 0) {
        rc = CLI_USAGE;
    } else if (xensupport_get_feature(t, (unsigned)id, &f) ||
               xensupport_get_section(t, f.section, &s)) {
        cli_err("out of memory");
        rc = CLI_USAGE;
    } else if (c->json) {
        rc = S_json(c, t, &f, s.name);
    } else {
        S_text(c, t, &f, s.name);
    }
    xensupport_close(t);
    return rc;
}
