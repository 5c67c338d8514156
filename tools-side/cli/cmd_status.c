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
#include "fileio.h"

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
    if (e->origin != XENSUPPORT_ORIGIN_BOOT && e->domid == XENSUPPORT_DOMID_NEW)
        fputs(" (a domain not built)", o);
    else if (e->origin != XENSUPPORT_ORIGIN_BOOT)
        fprintf(o, " (domain %u%s)", e->domid, e->gone ? ", gone" : "");
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

/* A release term as a timestamp gauge; no sample when it has no date. */
static void S_prom_term(FILE *o, const char *name, const char *fact,
                        const struct xensupport_term *t)
{
    fprintf(o,
            "# HELP %s %s of the running Xen release, as Unix time (no "
            "sample when the statement gives no date).\n"
            "# TYPE %s gauge\n",
            name, fact, name);
    if (t->state >= XENSUPPORT_TERM_RUNNING)
        fprintf(o, "%s %lld\n", name, (long long)t->date);
}

static void S_prometheus(FILE *o, const struct xensupport_hv_info *hv,
                         const struct S_item *items, unsigned nr,
                         unsigned active, const struct xensupport_lifecycle *lc)
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
    fputs("# HELP xen_support_domain_outside A domain's feature outside "
          "security support (its configuration, or its own gates).\n"
          "# TYPE xen_support_domain_outside gauge\n",
          o);
    for (unsigned i = 0; i < nr; i++) {
        const struct xensupport_event *e = items[i].e;
        char dom[16];

        if (e->origin != XENSUPPORT_ORIGIN_DOMAIN)
            continue;
        if (e->domid == XENSUPPORT_DOMID_NEW)
            snprintf(dom, sizeof(dom), "none");
        else
            snprintf(dom, sizeof(dom), "%u", e->domid);
        fputs("xen_support_domain_outside{", o);
        S_label(o, "domain", dom, false);
        S_label(o, "gone", e->gone ? "yes" : "no", true);
        S_label(o, "feature", items[i].feature, true);
        S_label(o, "decision", S_decision(e->decision), true);
        S_label(o, "origin", e->origin_text, true);
        fputs("} 1\n", o);
    }
    fprintf(o,
            "# HELP xen_support_outside_active_events Gate events that "
            "enabled a feature outside security support.\n"
            "# TYPE xen_support_outside_active_events gauge\n"
            "xen_support_outside_active_events %u\n"
            "# HELP xen_support_refused_events Gate events refused by "
            "support=refuse.\n"
            "# TYPE xen_support_refused_events gauge\n"
            "xen_support_refused_events %u\n",
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
    S_prom_term(o, "xen_support_supported_until_timestamp_seconds",
                "Supported-Until", &lc->support);
    S_prom_term(o, "xen_support_security_support_until_timestamp_seconds",
                "Security-Support-Until", &lc->security);
}

/* Is e about domain d (the toolstack's notes and a domain's own gates)? */
static bool S_of(const struct xensupport_event *e, unsigned d)
{
    return e->origin == XENSUPPORT_ORIGIN_DOMAIN && e->domid == d;
}

/*
 * Per domain, as libvirt lists a domain's taints: each domain the record
 * names (a domain's configuration, its own gates), in order of its first
 * event, with its features; "gone" once destroyed (its id may have a new
 * domain since, listed apart).  Only domain-origin events count: a
 * runtime event's domain is the caller, dom0 or a toolstack domain.
 */
static void S_domains(FILE *o, const struct S_item *items, unsigned nr)
{
    unsigned count = 0;

    for (int pass = 0; pass < 2; pass++) {
        if (pass)
            out_kv(o, "domains", "%u", count);
        for (unsigned i = 0; i < nr; i++) {
            const struct xensupport_event *e = items[i].e;
            unsigned j;

            if (e->origin != XENSUPPORT_ORIGIN_DOMAIN)
                continue;
            for (j = 0; j < i; j++) /* each domain (and incarnation) once */
                if (S_of(items[j].e, e->domid) && items[j].e->gone == e->gone)
                    break;
            if (j < i)
                continue;
            if (!pass) {
                count++;
                continue;
            }
            if (e->domid == XENSUPPORT_DOMID_NEW)
                fputs("  not built:", o);
            else
                fprintf(o, "  domain %u%s:", e->domid,
                        e->gone ? " (gone)" : "");
            for (j = i; j < nr; j++) {
                const struct xensupport_event *f = items[j].e;

                if (!S_of(f, e->domid) || f->gone != e->gone)
                    continue;
                fputs(j == i ? " " : ", ", o);
                out_text(o, items[j].feature);
                fprintf(o, " (%s)", S_decision(f->decision));
            }
            fputc('\n', o);
        }
    }
}

static void S_text(FILE *o, const struct xensupport_hv_info *hv,
                   const struct S_item *items, unsigned nr, unsigned active,
                   const struct xensupport_lifecycle *lc)
{
    const char *pol = xensupport_policy_name(hv->policy);
    char term[160];

    out_kv(o, "general_support", "%s",
           xensupport_format_term(&lc->support, term, sizeof(term)));
    out_kv(o, "security_support", "%s",
           xensupport_format_term(&lc->security, term, sizeof(term)));
    out_kv(o, "past_security_support", "%s",
           lc->security.state == XENSUPPORT_TERM_ENDED ? "yes" : "no");

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
    S_domains(o, items, nr);
    out_kv(o, "events_lost", "%u", (unsigned)hv->events_lost);
}

static const struct cli_cmd S_cmd = {
    "status", "status [--prometheus [-o FILE]]",
    "\nThe features outside security support the running hypervisor enabled\n"
    "since boot (its record of support= gate events), and the release's\n"
    "support terms against today.  Exit 1 if any such feature is active or\n"
    "the release is past its Security-Support-Until date, 0 otherwise.\n\n"
    "options:\n"
    "  --prometheus     node-exporter textfile collector format\n"
    "  -o, --output F   with --prometheus: write F (temporary file and\n"
    "                   rename, mode kept) instead of standard output\n",
    0};

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
    char err[XENSUPPORT_ERRLEN], *buf = NULL;
    struct xensupport_lifecycle lc;
    xensupport_table *t = NULL;
    unsigned nr = 0, active = 0;
    size_t len = 0;
    int64_t today;
    uint32_t lost;
    FILE *o = c->out;
    int rc;

    rc = cli_parse(c, &S_cmd, n, args, opts, NULL, 0);
    if (rc < 0)
        return cli_parse_status(rc);
    if (outp && (!outp[0] || !prom)) {
        cli_err("usage: xen-support %s", S_cmd.usage);
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

    rc = cli_lifecycle(t, &today, &lc);
    if (rc)
        goto out;
    /* -o FILE: the whole text first, then written by fileio's rules. */
    if (outp && !(o = open_memstream(&buf, &len))) {
        cli_err("%s", strerror(errno));
        rc = CLI_USAGE;
        goto out;
    }
    if (prom)
        S_prometheus(o, &hv, items, nr, active, &lc);
    else
        S_text(o, &hv, items, nr, active, &lc);
    if (outp) {
        struct xsg_outfile f = {outp, NULL, 0};
        const char *failed;

        if (fclose(o)) {
            cli_err("%s", strerror(errno));
            rc = CLI_USAGE;
            goto out;
        }
        f.data = buf;
        f.len = len;
        if (!strcmp(outp, "-"))
            fflush(stdout);
        if (xsg_write_outputs(&f, 1, &failed)) {
            cli_err("write error on %s: %s",
                    strcmp(outp, "-") ? outp : "standard output",
                    strerror(errno));
            rc = CLI_USAGE;
            goto out;
        }
    }
    rc = active || lc.security.state == XENSUPPORT_TERM_ENDED ? CLI_NO : CLI_OK;

out:
    free(buf);
    free(items);
    free(fs);
    free(rs);
    free(ev);
    xensupport_close(t);
    return rc;
}
