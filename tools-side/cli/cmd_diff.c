/*
 * cmd_diff.c: "xen-support diff A B": release facts, features added,
 * removed or renamed, rows added, removed or changed, between two sources
 * (xensupport_diff()), after a header naming both.  A and B are
 * --document/--table options or plain paths (a file starting with the
 * table magic is a table, anything else a document).
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

struct S_state {
    struct cli *c;
    yajl_gen g;
    unsigned count;
};

static void S_side(yajl_gen g, const char *k, const struct xensupport_row *r)
{
    json_key(g, k);
    if (r)
        json_row(g, r);
    else
        yajl_gen_null(g);
}

static void S_json(yajl_gen g, const struct xensupport_diff *d)
{
    yajl_gen_map_open(g);
    json_key(g, "change");
    json_str(g, xensupport_diff_kind_name(d->kind));
    if (d->kind == XENSUPPORT_DIFF_FACT) {
        json_key(g, "fact");
        json_str(g, d->fact);
        json_key(g, "a");
        json_str(g, d->a_value);
        json_key(g, "b");
        json_str(g, d->b_value);
        yajl_gen_map_close(g);
        return;
    }
    /* The feature's names where it is now (b), else where it was (a). */
    json_key(g, "section");
    json_str(g, d->b_section ? d->b_section : d->a_section);
    json_key(g, "feature");
    json_str(g, d->b_feature ? d->b_feature : d->a_feature);
    json_key(g, "key");
    json_str(g, d->key);
    if (d->kind == XENSUPPORT_DIFF_FEATURE_RENAMED) {
        json_key(g, "a_section");
        json_str(g, d->a_section);
        json_key(g, "a_feature");
        json_str(g, d->a_feature);
    }
    if (d->kind >= XENSUPPORT_DIFF_ROW_ADDED) {
        S_side(g, "a", d->a_row);
        S_side(g, "b", d->b_row);
    }
    yajl_gen_map_close(g);
}

/* "section / feature" of one side. */
static void S_where(FILE *o, const char *sec, const char *feat)
{
    out_text(o, sec);
    fputs(" / ", o);
    out_text(o, feat);
}

static void S_text(FILE *o, const struct xensupport_diff *d)
{
    const struct xensupport_row *r = d->a_row ? d->a_row : d->b_row;
    char label[2100];
    static const char mark[] = " ~+-~+-~";

    fputc(d->kind == XENSUPPORT_DIFF_FACT && !d->a_value   ? '+'
          : d->kind == XENSUPPORT_DIFF_FACT && !d->b_value ? '-'
                                                           : mark[d->kind],
          o);
    fputc(' ', o);
    switch (d->kind) {
    case XENSUPPORT_DIFF_FACT:
        fputs("fact ", o);
        out_text(o, d->fact);
        fputs(": ", o);
        out_text(o, d->a_value ? d->a_value : d->b_value);
        if (d->a_value && d->b_value) {
            fputs(" -> ", o);
            out_text(o, d->b_value);
        }
        break;
    case XENSUPPORT_DIFF_FEATURE_ADDED:
    case XENSUPPORT_DIFF_FEATURE_REMOVED:
        fputs("feature ", o);
        S_where(o, d->b_section ? d->b_section : d->a_section,
                d->b_feature ? d->b_feature : d->a_feature);
        break;
    case XENSUPPORT_DIFF_FEATURE_RENAMED:
        fputs("feature ", o);
        S_where(o, d->a_section, d->a_feature);
        fputs(" => ", o);
        S_where(o, d->b_section, d->b_feature);
        fprintf(o, " (renamed%s%s)", d->key ? "; key " : "",
                d->key ? d->key : "");
        break;
    default:
        S_where(o, d->b_section ? d->b_section : d->a_section,
                d->b_feature ? d->b_feature : d->a_feature);
        fputs(": ", o);
        out_text(o, out_label(r, label, sizeof(label)));
        fputs(": ", o);
        out_text(o, r->value);
        if (d->kind == XENSUPPORT_DIFF_ROW_CHANGED) {
            fputs(" -> ", o);
            out_text(o, d->b_row->value);
            fprintf(o, " (level %s -> %s, security %s -> %s)",
                    xensupport_level_name(d->a_row->level),
                    xensupport_level_name(d->b_row->level),
                    xensupport_security_name(d->a_row->security),
                    xensupport_security_name(d->b_row->security));
        }
        break;
    }
    fputc('\n', o);
}

static int S_change(const struct xensupport_diff *d, void *arg)
{
    struct S_state *s = arg;

    s->count++;
    if (s->g)
        S_json(s->g, d);
    else
        S_text(s->c->out, d);
    return 0;
}

/* What a source is, for the header: its path and kind. */
static const char *S_kind(enum xensupport_source_kind k)
{
    return k == XENSUPPORT_SOURCE_DOCUMENT ? "document"
           : k == XENSUPPORT_SOURCE_FILE   ? "table"
                                           : "hypervisor";
}

static void S_header(FILE *o, const char *mark, const struct cli_source *s,
                     xensupport_table *t)
{
    const char *v = xensupport_fact_value(t, "Xen-Version");

    fprintf(o, "%s ", mark);
    out_text(o, s->kind ? s->path : "the running hypervisor");
    fprintf(o, " (%s, Xen ", S_kind(s->kind));
    out_text(o, v ? v : "n/a");
    fputs(")\n", o);
}

/* Table or document?  By the magic in the first four bytes. */
static enum xensupport_source_kind S_guess(const char *path)
{
    unsigned char m[4] = {0};
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    if (fd >= 0) {
        ssize_t r = read(fd, m, 4);
        close(fd);
        if (r == 4 && !memcmp(m, "XSUP", 4))
            return XENSUPPORT_SOURCE_FILE;
    }
    return XENSUPPORT_SOURCE_DOCUMENT;
}

static const struct cli_cmd S_cmd = {
    "diff", "diff [--exit-code] [--json] A B",
    "\nCompare two statements: release facts, features added, removed or\n"
    "renamed (followed by stable key) in their sections, rows added,\n"
    "removed or changed.  A and B are paths (a table if it starts with the\n"
    "magic XSUP, else a document) or --document/--table options, in order.\n\n"
    "options:\n"
    "  --exit-code      exit 1 when there are differences (facts count)\n",
    CLI_ACCEPT_SOURCE | CLI_ACCEPT_JSON};

int cmd_diff(struct cli *c, int n, char **args)
{
    bool exit_code = false;
    const struct cli_opt opts[] = {
        {"exit-code", 0, NULL, &exit_code},
        {NULL, 0, NULL, NULL},
    };
    struct S_state st = {c, NULL, 0};
    xensupport_table *a = NULL, *b = NULL;
    int np, rc;

    c->two_sources = true;
    np = cli_parse(c, &S_cmd, n, args, opts, NULL, 0);
    if (np < 0)
        return cli_parse_status(np);
    for (unsigned i = 0; i < c->nr_src; i++)
        if (c->src[i].guess)
            c->src[i].kind = S_guess(c->src[i].path);
    if (c->nr_src != 2) {
        cli_err("usage: xen-support diff A B (each a path, or --document "
                "PATH / --table PATH)");
        return CLI_USAGE;
    }
    rc = cli_open(c, 0, &a);
    if (!rc)
        rc = cli_open(c, 1, &b);
    if (rc)
        goto out;
    if (c->json) {
        st.g = json_open(c);
        if (!st.g) {
            rc = CLI_USAGE;
            goto out;
        }
        yajl_gen_map_open(st.g);
        json_key(st.g, "a");
        json_release(st.g, a);
        json_key(st.g, "a_source");
        json_str(st.g, c->src[0].path);
        json_key(st.g, "b");
        json_release(st.g, b);
        json_key(st.g, "b_source");
        json_str(st.g, c->src[1].path);
        json_key(st.g, "changes");
        yajl_gen_array_open(st.g);
    } else {
        S_header(c->out, "---", &c->src[0], a);
        S_header(c->out, "+++", &c->src[1], b);
    }
    if (xensupport_diff(a, b, S_change, &st) < 0) {
        cli_err("diff: %s", strerror(errno));
        rc = CLI_USAGE;
    }
    if (st.g) {
        yajl_gen_array_close(st.g);
        yajl_gen_map_close(st.g);
        int jrc = json_close(st.g);
        rc = rc ? rc : jrc;
    } else if (!st.count) {
        fputs("no differences\n", c->out);
    }
    if (!rc && exit_code && st.count)
        rc = CLI_NO;
out:
    xensupport_close(a);
    xensupport_close(b);
    return rc;
}
