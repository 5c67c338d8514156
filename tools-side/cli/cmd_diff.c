/*
 * cmd_diff.c: "xen-support diff A B": rows added, removed and changed in
 * level or security support between two sources.  A and B are
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

static const char *const S_kinds[] = {"", "added", "removed", "changed"};

static void S_side(yajl_gen g, const char *k, const struct xensupport_row *r)
{
    json_key(g, k);
    if (r)
        json_row(g, r);
    else
        yajl_gen_null(g);
}

static int S_change(const struct xensupport_change *ch, void *arg)
{
    struct S_state *s = arg;
    const struct xensupport_row *r = ch->a_row ? ch->a_row : ch->b_row;
    char label[2100];
    FILE *o = s->c->out;

    s->count++;
    if (s->g) {
        yajl_gen g = s->g;
        yajl_gen_map_open(g);
        json_key(g, "change");
        json_str(g, S_kinds[ch->kind]);
        json_key(g, "section");
        json_str(g, ch->section);
        json_key(g, "feature");
        json_str(g, ch->feature);
        S_side(g, "a", ch->a_row);
        S_side(g, "b", ch->b_row);
        yajl_gen_map_close(g);
        return 0;
    }
    fputc(ch->kind == XENSUPPORT_ROW_ADDED     ? '+'
          : ch->kind == XENSUPPORT_ROW_REMOVED ? '-'
                                               : '~',
          o);
    fputc(' ', o);
    out_text(o, ch->section);
    fputs(" / ", o);
    out_text(o, ch->feature);
    fputs(": ", o);
    out_text(o, out_label(r, label, sizeof(label)));
    fputs(": ", o);
    if (ch->kind == XENSUPPORT_ROW_CHANGED) {
        out_text(o, ch->a_row->value);
        fputs(" -> ", o);
        out_text(o, ch->b_row->value);
        fprintf(o, " (level %s -> %s, security %s -> %s)\n",
                xensupport_level_name(ch->a_row->level),
                xensupport_level_name(ch->b_row->level),
                xensupport_security_name(ch->a_row->security),
                xensupport_security_name(ch->b_row->security));
    } else {
        out_text(o, r->value);
        fputc('\n', o);
    }
    return 0;
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
    const char *pos[2];
    struct S_state st = {c, NULL, 0};
    xensupport_table *a = NULL, *b = NULL;
    int np, rc;

    c->two_sources = true;
    np = cli_parse(c, &S_cmd, n, args, opts, pos, 2);
    if (np < 0)
        return cli_parse_status(np);
    for (int i = 0; i < np; i++)
        if (cli_add_source(c, S_guess(pos[i]), pos[i]))
            return CLI_USAGE;
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
        json_key(st.g, "b");
        json_release(st.g, b);
        json_key(st.g, "changes");
        yajl_gen_array_open(st.g);
    }
    if (xensupport_compare(a, b, S_change, &st) < 0) {
        cli_err("compare: %s", strerror(errno));
        rc = CLI_USAGE;
    }
    if (st.g) {
        yajl_gen_array_close(st.g);
        yajl_gen_map_close(st.g);
        json_close(st.g);
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
