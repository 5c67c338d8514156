/* json.c: model dump with yajl. */
#include "json.h"

#include <stdint.h>

#include <public/support_table.h>

#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_gen.h>

static void S_str(yajl_gen g, const char *s)
{
    if (s)
        yajl_gen_string(g, (const unsigned char *)s, strlen(s));
    else
        yajl_gen_null(g);
}

static void S_key(yajl_gen g, const char *k)
{
    yajl_gen_string(g, (const unsigned char *)k, strlen(k));
}

static void S_kstr(yajl_gen g, const char *k, const char *v)
{
    S_key(g, k);
    S_str(g, v);
}

static void S_kint(yajl_gen g, const char *k, long long v)
{
    S_key(g, k);
    yajl_gen_integer(g, v);
}

static void S_arch(yajl_gen g, unsigned arch)
{
    S_key(g, "arch");
    yajl_gen_array_open(g);
    if (arch & XEN_SUPTAB_ARCH_X86)
        S_str(g, "x86");
    if (arch & XEN_SUPTAB_ARCH_ARM)
        S_str(g, "arm");
    yajl_gen_array_close(g);
}

static void S_row(yajl_gen g, const struct xsg_row *r)
{
    yajl_gen_map_open(g);
    S_kstr(g, "key", r->key);
    if (strcmp(r->key, r->key_raw))
        S_kstr(g, "key_as_written", r->key_raw);
    S_kstr(g, "qualifier", r->qualifier);
    S_kstr(g, "value", r->value);
    S_kstr(g, "level", xsg_level_name(r->level));
    S_kstr(g, "security", xsg_sec_name(r->sec));
    S_key(g, "caveats");
    yajl_gen_bool(g, r->caveats);
    S_arch(g, r->arch);
    S_kint(g, "line", r->line);
    S_kint(g, "col", r->col);
    yajl_gen_map_close(g);
}

static void S_feature(yajl_gen g, const struct xsg_model *m, size_t id,
                      bool with_desc)
{
    const struct xsg_feature *f = &m->features[id];
    size_t end =
        id + 1 < m->nr_features ? m->features[id + 1].first_row : m->nr_rows;
    yajl_gen_map_open(g);
    S_kint(g, "id", (long long)id);
    S_kstr(g, "name", f->name);
    if (f->ident)
        S_kstr(g, "ident", f->ident);
    S_key(g, "parent");
    if (f->parent == XSG_NONE)
        yajl_gen_null(g);
    else
        yajl_gen_integer(g, (long long)f->parent);
    S_kint(g, "heading_level", f->heading);
    S_arch(g, f->arch);
    S_kint(g, "line", f->line);
    if (with_desc)
        S_kstr(g, "description", f->desc);
    S_key(g, "rows");
    yajl_gen_array_open(g);
    for (size_t r = f->first_row; r < end; r++)
        S_row(g, &m->rows[r]);
    yajl_gen_array_close(g);
    yajl_gen_map_close(g);
}

char *xsg_json_model(const struct xsg_model *m, bool with_desc, size_t *len)
{
    yajl_gen g = yajl_gen_alloc(NULL);
    char *out = NULL;
    if (!g)
        return NULL;
    yajl_gen_config(g, yajl_gen_beautify, 1);
    yajl_gen_config(g, yajl_gen_indent_string, "  ");

    yajl_gen_map_open(g);
    S_kstr(g, "format", "xen-support-model/1");
    S_kstr(g, "document", m->doc_name);

    S_key(g, "release");
    yajl_gen_array_open(g);
    for (size_t i = 0; i < m->nr_facts; i++) {
        yajl_gen_map_open(g);
        S_kstr(g, "key", m->facts[i].key);
        S_kstr(g, "value", m->facts[i].value);
        S_kint(g, "line", m->facts[i].line);
        yajl_gen_map_close(g);
    }
    yajl_gen_array_close(g);

    S_key(g, "labels");
    yajl_gen_array_open(g);
    for (size_t i = 0; i < m->nr_labels; i++) {
        const struct xsg_label *l = &m->labels[i];
        yajl_gen_map_open(g);
        S_kstr(g, "name", l->name);
        S_kstr(g, "level", xsg_level_name(l->level));
        S_kstr(g, "security", xsg_sec_name(l->sec));
        S_key(g, "line");
        if (l->line)
            yajl_gen_integer(g, l->line);
        else
            yajl_gen_null(g); /* built in */
        yajl_gen_map_close(g);
    }
    yajl_gen_array_close(g);

    S_key(g, "sections");
    yajl_gen_array_open(g);
    for (size_t s = 0; s < m->nr_sections; s++) {
        const struct xsg_section *sec = &m->sections[s];
        size_t end = s + 1 < m->nr_sections ? m->sections[s + 1].first_feature
                                            : m->nr_features;
        yajl_gen_map_open(g);
        S_kstr(g, "name", sec->name);
        S_kint(g, "line", sec->line);
        S_key(g, "features");
        yajl_gen_array_open(g);
        for (size_t f = sec->first_feature; f < end; f++)
            S_feature(g, m, f, with_desc);
        yajl_gen_array_close(g);
        yajl_gen_map_close(g);
    }
    yajl_gen_array_close(g);

    S_key(g, "counts");
    yajl_gen_map_open(g);
    S_kint(g, "sections", (long long)m->nr_sections);
    S_kint(g, "features", (long long)m->nr_features);
    S_kint(g, "rows", (long long)m->nr_rows);
    yajl_gen_map_close(g);
    yajl_gen_map_close(g);

    const unsigned char *buf;
    size_t n;
    if (yajl_gen_get_buf(g, &buf, &n) == yajl_gen_status_ok &&
        (out = malloc(n + 2))) {
        memcpy(out, buf, n);
        if (!n || buf[n - 1] != '\n')
            out[n++] = '\n';
        out[n] = '\0';
        *len = n;
    }
    yajl_gen_free(g);
    return out;
}
