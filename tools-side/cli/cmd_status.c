/*
 * cmd_status.c: "xen-support status": the features outside security
 * support that the running hypervisor enabled since boot (its sticky
 * record of gate events, XEN_SYSCTL_SUPPORT_get_events), with the row
 * that applied, the decision and what asked for it; exit 1 if there are
 * any (for monitoring).  --prometheus writes node-exporter's textfile
 * collector format, to -o FILE atomically.  The record exists only in
 * the hypervisor, so --document / --table do not apply.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* One event with what the table says about it. */
struct S_item {
    const struct xensupport_event *e;
    const char *feature, *label_key, *qualifier, *value;
    const char *level, *security;
};

static const char *S_decision(unsigned d)
{
    static const char *const names[] = {"?", "warned", "refused", "recorded",
                                        "exempted"};

    return d < sizeof(names) / sizeof(names[0]) ? names[d] : "?";
}

static const char *S_origin(unsigned o)
{
    static const char *const names[] = {"?", "boot", "domain", "runtime"};

    return o < sizeof(names) / sizeof(names[0]) ? names[o] : "?";
}

static bool S_active(const struct xensupport_event *e)
{
    return e->decision != XENSUPPORT_DECISION_REFUSED;
}

/* Fill it from the table; -1 (after a message) if the ids are bad. */
static int S_item(xensupport_table *t, const struct xensupport_event *e,
                  struct S_item *it, struct xensupport_feature *f,
                  struct xensupport_row *r)
{
    memset(it, 0, sizeof(*it));
    it->e = e;
    if (xensupport_get_feature(t, e->feature, f)) {
        cli_err("hypervisor: the record names feature %u, not in its table",
                e->feature);
        return -1;
    }
    it->feature = f->name;
    it->label_key = "Status";
    it->qualifier = "";
    it->value = "(no row for this architecture)";
    it->level = "none";
    it->security = "unknown";
    if (e->row >= 0) {
        if (xensupport_get_row(t, (unsigned)e->row, r) ||
            r->feature != e->feature) {
            cli_err("hypervisor: the record names row %d, not a row of '%s'",
                    e->row, f->name);
            return -1;
        }
        it->label_key = r->key;
        it->qualifier = r->qualifier;
        it->value = r->value;
        it->level = xensupport_level_name(r->level);
        it->security = xensupport_security_name(r->security);
    }
    return 0;
}

static void S_text_line(FILE *o, const struct S_item *it)
{
    const struct xensupport_event *e = it->e;

    fputs("  ", o);
    out_text(o, it->feature);
    fputs(": ", o);
    out_text(o, it->label_key);
    if (it->qualifier[0]) {
        fputs(", ", o);
        out_text(o, it->qualifier);
    }
    fputs(": ", o);
    out_text(o, it->value);
    fprintf(o, "\n    %s, %s", S_decision(e->decision), S_origin(e->origin));
    if (e->origin != XENSUPPORT_ORIGIN_BOOT)
        fprintf(o, " (domain %u)", e->domid);
    fputs(": ", o);
    out_text(o, e->origin_text[0] ? e->origin_text : "-");
    if (e->count > 1)
        fprintf(o, " (%u times)", e->count);
    fputc('\n', o);
}

/* A Prometheus label value: backslash, quote and newline escaped. */
static void S_label(FILE *o, const char *name, const char *v, bool comma)
{
    fprintf(o, "%s%s=\"", comma ? "," : "", name);
    for (; *v; v++) {
        if (*v == '\\' || *v == '"')
            fprintf(o, "\\%c", *v);
        else if (*v == '\n')
            fputs("\\n", o);
        else
            fputc(*v, o);
    }
    fputc('"', o);
}

static void S_prometheus(FILE *o, const struct xensupport_hv_info *hv,
                         const struct S_item *items, unsigned nr,
                         unsigned active)
{
    const char *pol = xensupport_policy_name(hv->policy);

    fputs("# HELP xen_support_outside_active A feature outside security "
          "support enabled since boot (Xen's support= record).\n"
          "# TYPE xen_support_outside_active gauge\n",
          o);
    for (unsigned i = 0; i < nr; i++) {
        const struct xensupport_event *e = items[i].e;

        if (!S_active(e))
            continue;
        fputs("xen_support_outside_active{", o);
        S_label(o, "feature", items[i].feature, false);
        S_label(o, "level", items[i].level, true);
        S_label(o, "security", items[i].security, true);
        S_label(o, "decision", S_decision(e->decision), true);
        S_label(o, "source", S_origin(e->origin), true);
        S_label(o, "origin", e->origin_text, true);
        fputs("} 1\n", o);
    }
    fprintf(o,
            "# HELP xen_support_outside_active_count Gate events that "
            "enabled a feature outside security support.\n"
            "# TYPE xen_support_outside_active_count gauge\n"
            "xen_support_outside_active_count %u\n"
            "# HELP xen_support_refused_count Gate events refused by "
            "support=refuse.\n"
            "# TYPE xen_support_refused_count gauge\n"
            "xen_support_refused_count %u\n",
            active, nr - active);
    fputs("# HELP xen_support_policy Xen's boot policy (support=): 1 for "
          "the one in force.\n"
          "# TYPE xen_support_policy gauge\nxen_support_policy{",
          o);
    S_label(o, "policy", pol ? pol : "unknown", false);
    S_label(o, "strict",
            hv->policy_flags & XENSUPPORT_PF_NOT_SECURITY ? "yes" : "no", true);
    fprintf(o,
            ",exempt=\"%u\"} 1\n"
            "# HELP xen_support_events_lost Gate events the full record "
            "dropped.\n"
            "# TYPE xen_support_events_lost gauge\n"
            "xen_support_events_lost %u\n",
            hv->nr_exempt, (unsigned)hv->events_lost);
}

static void S_text(FILE *o, const struct xensupport_hv_info *hv,
                   const struct S_item *items, unsigned nr, unsigned active)
{
    const char *pol = xensupport_policy_name(hv->policy);

    out_kv(o, "support_policy", "%s%s", pol ? pol : "unknown",
           hv->policy_flags & XENSUPPORT_PF_NOT_SECURITY ? " (strict)" : "");
    out_kv(o, "support_exempt", "%u", hv->nr_exempt);
    out_kv(o, "outside_active", "%u", active);
    for (unsigned i = 0; i < nr; i++)
        if (S_active(items[i].e))
            S_text_line(o, &items[i]);
    out_kv(o, "outside_refused", "%u", nr - active);
    for (unsigned i = 0; i < nr; i++)
        if (!S_active(items[i].e))
            S_text_line(o, &items[i]);
    out_kv(o, "events_lost", "%u", (unsigned)hv->events_lost);
}

/* Open a temporary file next to path; *tmp is malloc()ed. */
static FILE *S_tmp_open(const char *path, char **tmp)
{
    size_t n = strlen(path) + 16;
    int fd;
    FILE *f;

    *tmp = malloc(n);
    if (!*tmp)
        return NULL;
    snprintf(*tmp, n, "%s.tmp.XXXXXX", path);
    fd = mkstemp(*tmp);
    if (fd < 0 || fchmod(fd, 0644) || !(f = fdopen(fd, "w"))) {
        int saved = errno;

        if (fd >= 0) {
            close(fd);
            unlink(*tmp);
        }
        free(*tmp);
        *tmp = NULL;
        errno = saved;
        return NULL;
    }
    return f;
}

/* Flush, sync and rename the temporary file into place; 0 or -1. */
static int S_tmp_commit(FILE *f, char *tmp, const char *path)
{
    int bad = fflush(f) || ferror(f) || fsync(fileno(f));
    int saved = errno;

    bad |= fclose(f) != 0;
    if (!bad && rename(tmp, path) == 0) {
        free(tmp);
        return 0;
    }
    saved = errno ? errno : saved;
    unlink(tmp);
    free(tmp);
    errno = saved;
    return -1;
}

int cmd_status(struct cli *c, int n, char **args)
{
    const char *outp = NULL;
    bool prom = false;
    const struct cli_opt opts[] = {
        {"prometheus", 0, NULL, &prom},
        {"output", 'o', &outp, NULL},
        {NULL, 0, NULL, NULL},
    };
    struct xensupport_hv_info hv;
    struct xensupport_event *ev = NULL;
    struct xensupport_feature *fs = NULL;
    struct xensupport_row *rs = NULL;
    struct S_item *items = NULL;
    char err[XENSUPPORT_ERRLEN], *tmp = NULL;
    xensupport_table *t = NULL;
    unsigned nr = 0, active = 0;
    uint32_t lost;
    FILE *o = c->out;
    int rc;

    if (cli_parse(c, n, args, opts, NULL, 0) < 0)
        return CLI_USAGE;
    if (c->nr_src) {
        cli_err("status: the record of gated features exists only in the "
                "running hypervisor; --document and --table do not apply");
        return CLI_USAGE;
    }
    if (outp && (!outp[0] || !prom)) {
        cli_err("usage: xen-support status [--prometheus [-o FILE]]");
        return CLI_USAGE;
    }
    rc = cli_open(c, 0, &t);
    if (rc)
        return rc;
    if (xensupport_session_info(c->hv, &hv, err, sizeof(err)) ||
        xensupport_session_events(c->hv, &ev, &nr, &lost, err, sizeof(err))) {
        rc = cli_hv_status(errno);
        cli_err("hypervisor: %s", err);
        goto out;
    }
    hv.events_lost = lost;
    items = calloc(nr ? nr : 1, sizeof(*items));
    fs = calloc(nr ? nr : 1, sizeof(*fs));
    rs = calloc(nr ? nr : 1, sizeof(*rs));
    if (!items || !fs || !rs) {
        cli_err("out of memory");
        rc = CLI_USAGE;
        goto out;
    }
    for (unsigned i = 0; i < nr; i++) {
        if (S_item(t, &ev[i], &items[i], &fs[i], &rs[i])) {
            rc = CLI_INVALID;
            goto out;
        }
        active += S_active(&ev[i]);
    }

    if (outp && !(o = S_tmp_open(outp, &tmp))) {
        cli_err("%s: cannot write: %s", outp, strerror(errno));
        rc = CLI_USAGE;
        goto out;
    }
    if (prom)
        S_prometheus(o, &hv, items, nr, active);
    else
        S_text(o, &hv, items, nr, active);
    if (outp && S_tmp_commit(o, tmp, outp)) {
        cli_err("%s: cannot write: %s", outp, strerror(errno));
        rc = CLI_USAGE;
        goto out;
    }
    rc = active ? CLI_NO : CLI_OK;

out:
    free(items);
    free(fs);
    free(rs);
    free(ev);
    xensupport_close(t);
    return rc;
}
