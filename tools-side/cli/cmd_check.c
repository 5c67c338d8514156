/*
 * cmd_check.c: "xen-support check FEATURE [--arch A] [--require R]" for
 * scripts: exit 0 if every status row of the feature that applies to the
 * architecture meets the bar, 1 if not (or if no status row applies),
 * 2 if the feature is unknown.
 */
#include <string.h>

#include "cli.h"

static bool S_meets(const struct xensupport_row *r, bool security)
{
    return r->level == XENSUPPORT_LEVEL_SUPPORTED &&
           (!security || r->security == XENSUPPORT_SEC_YES);
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
    unsigned mask = XENSUPPORT_ARCH_ALL, applicable = 0, failing = 0;
    bool security = false;
    struct xensupport_feature f;
    struct xensupport_row r, bad;
    xensupport_table *t;
    int rc, id;

    rc = cli_parse(c, n, args, opts, pos, 1);
    if (rc < 0)
        return CLI_USAGE;
    if (rc != 1) {
        cli_err("usage: xen-support check FEATURE [--arch x86|arm|all] "
                "[--require supported|security-supported]");
        return CLI_USAGE;
    }
    if (arch && !strcmp(arch, "x86"))
        mask = XENSUPPORT_ARCH_X86;
    else if (arch && !strcmp(arch, "arm"))
        mask = XENSUPPORT_ARCH_ARM;
    else if (arch && strcmp(arch, "all")) {
        cli_err("--arch %s: expected x86, arm or all", arch);
        return CLI_USAGE;
    }
    if (req && !strcmp(req, "security-supported"))
        security = true;
    else if (req && strcmp(req, "supported")) {
        cli_err("--require %s: expected supported or security-supported", req);
        return CLI_USAGE;
    }
    rc = cli_open(c, 0, &t);
    if (rc)
        return rc;
    id = cli_find_feature(t, pos[0]);
    if (id < 0 || xensupport_get_feature(t, (unsigned)id, &f)) {
        xensupport_close(t);
        return CLI_USAGE;
    }
    for (unsigned i = 0; i < f.nr_rows; i++) {
        if (xensupport_get_row(t, f.first_row + i, &r) || !(r.arch & mask) ||
            r.level == XENSUPPORT_LEVEL_OTHER)
            continue;
        applicable++;
        if (!S_meets(&r, security) && !failing++)
            bad = r;
    }
    rc = applicable && !failing ? CLI_OK : CLI_NO;
    if (!quiet) {
        FILE *o = c->out;
        out_text(o, f.name);
        fprintf(o, ": %s %s%s", rc == CLI_OK ? "meets" : "does not meet",
                security ? "security-supported" : "supported",
                arch ? " on " : "");
        fputs(arch ? arch : "", o);
        if (!applicable) {
            fputs(" (no status row applies)", o);
        } else if (failing) {
            char label[2100];
            fputs(" (", o);
            out_text(o, out_label(&bad, label, sizeof(label)));
            fputs(": ", o);
            out_text(o, bad.value);
            fputc(')', o);
        }
        fputc('\n', o);
    }
    xensupport_close(t);
    return rc;
}
