/*
 * cmd_info.c: "xen-support info": release facts, counts per level and
 * security support, table version and size, in xl info's format; read
 * from the hypervisor, also what only it knows (its architecture, the
 * boot policy, the record's size).
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <xen/suptab.h>

#include "cli.h"

struct S_counts {
    unsigned level[5], sec[4];
};

static int S_count(xensupport_table *t, const struct xensupport_info *in,
                   struct S_counts *n)
{
    struct xensupport_row r;

    memset(n, 0, sizeof(*n));
    for (unsigned i = 0; i < in->nr_rows; i++) {
        if (xensupport_get_row(t, i, &r))
            return -1;
        n->level[r.level]++;
        n->sec[r.security]++;
    }
    return 0;
}

/* "Xen-Version" -> "xen_version" (xl info's key style). */
static void S_key(const char *in, char *out, size_t len)
{
    size_t i = 0;

    for (; *in && i + 1 < len; in++) {
        unsigned char ch = (unsigned char)*in;
        out[i++] = isalnum(ch) && ch < 0x80 ? (char)suptab_fold(ch) : '_';
    }
    out[i] = '\0';
}

static const char *S_source(enum xensupport_source_kind k)
{
    return k == XENSUPPORT_SOURCE_DOCUMENT ? "document"
           : k == XENSUPPORT_SOURCE_FILE   ? "table file"
                                           : "hypervisor";
}

static const char *S_flags(uint32_t f, char *buf, size_t len)
{
    snprintf(buf, len, "%s%s%s",
             f & XENSUPPORT_PF_NOT_SECURITY ? "not-security" : "",
             (f & XENSUPPORT_PF_NOT_SECURITY) && (f & XENSUPPORT_PF_EXEMPTIONS)
                 ? ","
                 : "",
             f & XENSUPPORT_PF_EXEMPTIONS ? "exemptions" : "");
    return buf[0] ? buf : "none";
}

static const char *S_policy(unsigned p)
{
    const char *name = xensupport_policy_name(p);
    return name ? name : "unknown";
}

void cli_active_text(FILE *o, const struct xensupport_hv_active *a,
                     bool with_table)
{
    const char *origin = a ? xensupport_table_origin_name(a->origin) : NULL;

    out_kv(o, "table_active", "%s", origin ? origin : "n/a");
    if (!a) {
        out_kv(o, "table_generation", "n/a");
        out_kv(o, "builtin_table_size", "n/a");
        out_kv(o, "builtin_table_checksum", "n/a");
        return;
    }
    out_kv(o, "table_generation", "%u", (unsigned)a->generation);
    if (with_table) {
        out_kv(o, "table_size", "%u", (unsigned)a->size);
        out_kv(o, "table_checksum", "0x%08x", (unsigned)a->checksum);
    }
    out_kv(o, "builtin_table_size", "%u", (unsigned)a->builtin_size);
    out_kv(o, "builtin_table_checksum", "0x%08x",
           (unsigned)a->builtin_checksum);
}

void cli_active_json(yajl_gen g, const struct xensupport_hv_active *a)
{
    json_key(g, "active");
    if (!a) {
        yajl_gen_null(g);
        return;
    }
    yajl_gen_map_open(g);
    json_key(g, "origin");
    json_str(g, xensupport_table_origin_name(a->origin));
    json_key(g, "generation");
    json_int(g, a->generation);
    json_key(g, "size");
    json_int(g, a->size);
    json_key(g, "checksum");
    json_int(g, a->checksum);
    json_key(g, "builtin_size");
    json_int(g, a->builtin_size);
    json_key(g, "builtin_checksum");
    json_int(g, a->builtin_checksum);
    yajl_gen_map_close(g);
}

/*
 * via: how the hypervisor was read, "sysctl" or "hypfs"; a: the active
 * table's origin (NULL through hypfs, which does not say).
 */
static void S_hv_text(FILE *o, const struct xensupport_hv_info *hv,
                      const struct xensupport_hv_active *a, const char *via)
{
    char buf[64];

    out_kv(o, "hypervisor_arch", "%s", out_arch(hv->arch));
    out_kv(o, "hypervisor_read_by", "%s", via ? via : "n/a");
    out_kv(o, "support_policy", "%s", S_policy(hv->policy));
    out_kv(o, "support_policy_flags", "%s",
           S_flags(hv->policy_flags, buf, sizeof(buf)));
    out_kv(o, "support_exempt", "%u", hv->nr_exempt);
    out_kv(o, "support_events", "%u", (unsigned)hv->nr_events);
    out_kv(o, "support_events_max", "%u", (unsigned)hv->max_events);
    out_kv(o, "support_events_lost", "%u", (unsigned)hv->events_lost);
    /* table_size and table_checksum above are the active table's. */
    cli_active_text(o, a, false);
}

static void S_hv_json(yajl_gen g, const struct xensupport_hv_info *hv,
                      const struct xensupport_hv_active *a, const char *via)
{
    char buf[64];

    json_key(g, "hypervisor");
    yajl_gen_map_open(g);
    json_key(g, "arch");
    json_str(g, out_arch(hv->arch));
    json_key(g, "read_by");
    json_str(g, via ? via : "n/a");
    json_key(g, "policy");
    json_str(g, S_policy(hv->policy));
    json_key(g, "policy_flags");
    json_str(g, S_flags(hv->policy_flags, buf, sizeof(buf)));
    json_key(g, "exempt");
    json_int(g, hv->nr_exempt);
    json_key(g, "events");
    json_int(g, hv->nr_events);
    json_key(g, "max_events");
    json_int(g, hv->max_events);
    json_key(g, "events_lost");
    json_int(g, hv->events_lost);
    json_key(g, "generation");
    json_int(g, hv->generation);
    cli_active_json(g, a);
    yajl_gen_map_close(g);
}

/* The release facts every statement has, printed even when absent. */
static const char *const S_std_facts[] = {"Xen-Version", "Initial-Release",
                                          "Supported-Until",
                                          "Security-Support-Until"};

static bool S_std_fact(const char *key)
{
    for (size_t i = 0; i < 4; i++) {
        const char *a = key, *b = S_std_facts[i];
        while (*a &&
               suptab_fold((unsigned char)*a) == suptab_fold((unsigned char)*b))
            a++, b++;
        if (!*a && !*b)
            return true;
    }
    return false;
}

static void S_fact_line(FILE *o, const char *k, const char *v)
{
    char key[64];

    S_key(k, key, sizeof(key));
    fprintf(o, "%-22s : ", key);
    out_text(o, v ? v : "n/a");
    fputc('\n', o);
}

static void S_text(struct cli *c, xensupport_table *t,
                   const struct xensupport_info *in, const struct S_counts *n,
                   const struct xensupport_hv_info *hv,
                   const struct xensupport_hv_active *a,
                   const struct xensupport_lifecycle *lc)
{
    struct xensupport_fact f;
    char key[64], term[160];
    FILE *o = c->out;

    for (size_t i = 0; i < 4; i++)
        S_fact_line(o, S_std_facts[i],
                    xensupport_fact_value(t, S_std_facts[i]));
    for (unsigned i = 0; i < in->nr_facts; i++)
        if (!xensupport_get_fact(t, i, &f) && !S_std_fact(f.key))
            S_fact_line(o, f.key, f.value);
    out_kv(o, "general_support", "%s",
           xensupport_format_term(&lc->support, term, sizeof(term)));
    out_kv(o, "security_support", "%s",
           xensupport_format_term(&lc->security, term, sizeof(term)));
    out_kv(o, "table_source", "%s", S_source(in->source));
    out_kv(o, "table_version", "%u", in->version);
    out_kv(o, "table_compat_version", "%u", in->last_comp_version);
    out_kv(o, "table_size", "%u", in->size);
    out_kv(o, "table_checksum", "0x%08x", in->checksum);
    out_kv(o, "descriptions", "%s", in->has_descriptions ? "yes" : "no");
    out_kv(o, "sections", "%u", in->nr_sections);
    out_kv(o, "features", "%u", in->nr_features);
    out_kv(o, "rows", "%u", in->nr_rows);
    for (unsigned l = 0; l < 5; l++) {
        snprintf(key, sizeof(key), "rows_%s", xensupport_level_name(l));
        for (char *k = key; *k; k++)
            *k = *k == '-' ? '_' : *k; /* rows_tech_preview */
        out_kv(o, key, "%u", n->level[l]);
    }
    for (unsigned s = 0; s < 4; s++) {
        snprintf(key, sizeof(key), "security_%s", xensupport_security_name(s));
        out_kv(o, key, "%u", n->sec[s]);
    }
    if (hv)
        S_hv_text(o, hv, a, xensupport_session_via(c->hv));
}

static int S_json(struct cli *c, xensupport_table *t,
                  const struct xensupport_info *in, const struct S_counts *n,
                  const struct xensupport_hv_info *hv,
                  const struct xensupport_hv_active *a, int64_t today,
                  const struct xensupport_lifecycle *lc)
{
    struct xensupport_fact f;
    yajl_gen g = json_open(c);

    if (!g)
        return CLI_USAGE;
    yajl_gen_map_open(g);
    json_key(g, "release");
    json_release(g, t);
    json_key(g, "facts");
    yajl_gen_array_open(g);
    for (unsigned i = 0; i < in->nr_facts; i++) {
        if (xensupport_get_fact(t, i, &f))
            continue;
        yajl_gen_map_open(g);
        json_key(g, "key");
        json_str(g, f.key);
        json_key(g, "value");
        json_str(g, f.value);
        yajl_gen_map_close(g);
    }
    yajl_gen_array_close(g);
    json_key(g, "lifecycle");
    json_lifecycle(g, today, lc);
    json_key(g, "table");
    yajl_gen_map_open(g);
    json_key(g, "source");
    json_str(g, S_source(in->source));
    json_key(g, "version");
    json_int(g, in->version);
    json_key(g, "last_comp_version");
    json_int(g, in->last_comp_version);
    json_key(g, "size");
    json_int(g, in->size);
    json_key(g, "checksum");
    json_int(g, in->checksum);
    json_key(g, "descriptions");
    yajl_gen_bool(g, in->has_descriptions);
    yajl_gen_map_close(g);
    json_key(g, "counts");
    yajl_gen_map_open(g);
    json_key(g, "sections");
    json_int(g, in->nr_sections);
    json_key(g, "features");
    json_int(g, in->nr_features);
    json_key(g, "rows");
    json_int(g, in->nr_rows);
    json_key(g, "level");
    yajl_gen_map_open(g);
    for (unsigned l = 0; l < 5; l++) {
        json_key(g, xensupport_level_name(l));
        json_int(g, n->level[l]);
    }
    yajl_gen_map_close(g);
    json_key(g, "security");
    yajl_gen_map_open(g);
    for (unsigned s = 0; s < 4; s++) {
        json_key(g, xensupport_security_name(s));
        json_int(g, n->sec[s]);
    }
    yajl_gen_map_close(g);
    yajl_gen_map_close(g);
    if (hv)
        S_hv_json(g, hv, a, xensupport_session_via(c->hv));
    yajl_gen_map_close(g);
    return json_close(g);
}

static const struct cli_cmd S_cmd = {
    "info", "info [--json]",
    "\nRelease facts, the release's support dates against today, the table's\n"
    "version, size and checksum, and counts per level and security\n"
    "support; on the hypervisor also its architecture, boot policy, and\n"
    "which table is active (built-in, a boot module's, or loaded) with the\n"
    "built-in table's checksum.\n",
    CLI_ACCEPT_SOURCE | CLI_ACCEPT_JSON};

int cmd_info(struct cli *c, int n, char **args)
{
    struct xensupport_info in;
    struct xensupport_hv_info hv, *hvp = NULL;
    struct xensupport_hv_active act, *actp = NULL;
    char err[XENSUPPORT_ERRLEN];
    struct S_counts cnt;
    struct xensupport_lifecycle lc;
    xensupport_table *t;
    int64_t today;
    int rc;

    rc = cli_parse(c, &S_cmd, n, args, NULL, NULL, 0);
    if (rc < 0)
        return cli_parse_status(rc);
    rc = cli_open(c, 0, &t);
    if (rc)
        return rc;
    xensupport_get_info(t, &in);
    if (in.source == XENSUPPORT_SOURCE_HYPERVISOR) {
        if (xensupport_session_info(c->hv, &hv, err, sizeof(err))) {
            rc = cli_hv_status(errno);
            cli_err("hypervisor: %s", err);
            xensupport_close(t);
            return rc;
        }
        hvp = &hv;
        /* Through hypfs the origin is not known: n/a. */
        if (!xensupport_session_active(c->hv, &act, err, sizeof(err)))
            actp = &act;
        else if (errno != ENOTSUP) {
            rc = cli_hv_status(errno);
            cli_err("hypervisor: %s", err);
            xensupport_close(t);
            return rc;
        }
    }
    rc = cli_lifecycle(t, &today, &lc);
    if (rc) {
        xensupport_close(t);
        return rc;
    }
    if (S_count(t, &in, &cnt)) {
        cli_err("out of memory");
        rc = CLI_USAGE;
    } else if (c->json) {
        rc = S_json(c, t, &in, &cnt, hvp, actp, today, &lc);
    } else {
        S_text(c, t, &in, &cnt, hvp, actp, &lc);
    }
    xensupport_close(t);
    return rc;
}
