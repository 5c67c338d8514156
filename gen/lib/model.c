/* model.c: storage of the compiler's document model. */
#include "model.h"

#include <stdint.h>

#include <xen/suptab.h>

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

char *xsg_strndup(const char *s, size_t len)
{
    char *p = malloc(len + 1);
    if (p) {
        memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

void xsg_model_init(struct xsg_model *m)
{
    memset(m, 0, sizeof(*m));
}

void xsg_model_free(struct xsg_model *m)
{
    for (size_t i = 0; i < m->nr_facts; i++) {
        free(m->facts[i].key);
        free(m->facts[i].value);
    }
    for (size_t i = 0; i < m->nr_sections; i++)
        free(m->sections[i].name);
    for (size_t i = 0; i < m->nr_features; i++) {
        free(m->features[i].name);
        free(m->features[i].desc);
        free(m->features[i].ident);
    }
    for (size_t i = 0; i < m->nr_rows; i++) {
        free(m->rows[i].key);
        free(m->rows[i].key_raw);
        free(m->rows[i].qualifier);
        free(m->rows[i].value);
    }
    for (size_t i = 0; i < m->nr_labels; i++)
        free(m->labels[i].name);
    free(m->facts);
    free(m->sections);
    free(m->features);
    free(m->rows);
    free(m->labels);
    free(m->doc_name);
    memset(m, 0, sizeof(*m));
}

static void *S_push(void **arr, size_t *nr, size_t *cap, size_t size)
{
    if (*nr == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        void *p = realloc(*arr, ncap * size);
        if (!p) {
            errno = ENOMEM;
            return NULL;
        }
        *arr = p;
        *cap = ncap;
    }
    char *el = (char *)*arr + (*nr)++ * size;
    memset(el, 0, size);
    return el;
}

#define S_PUSH(m, what)                                                        \
    S_push((void **)&(m)->what, &(m)->nr_##what, &(m)->cap_##what,             \
           sizeof(*(m)->what))

struct xsg_fact *xsg_model_add_fact(struct xsg_model *m)
{
    return S_PUSH(m, facts);
}

struct xsg_section *xsg_model_add_section(struct xsg_model *m)
{
    return S_PUSH(m, sections);
}

struct xsg_feature *xsg_model_add_feature(struct xsg_model *m)
{
    struct xsg_feature *f = S_PUSH(m, features);
    if (f)
        f->parent = XSG_NONE;
    return f;
}

struct xsg_row *xsg_model_add_row(struct xsg_model *m)
{
    return S_PUSH(m, rows);
}

struct xsg_label *xsg_model_add_label(struct xsg_model *m)
{
    return S_PUSH(m, labels);
}

/* Compare a with b[0..len) ignoring ASCII case and runs of blanks. */
static bool S_same_words(const char *a, const char *b, size_t len)
{
    size_t i = 0;
    const char *end = b + len;
    while (*a && isspace((unsigned char)*a))
        a++;
    while (b < end && isspace((unsigned char)*b))
        b++;
    while (*a && b < end) {
        if (isspace((unsigned char)*a) && isspace((unsigned char)*b)) {
            while (*a && isspace((unsigned char)*a))
                a++;
            while (b < end && isspace((unsigned char)*b))
                b++;
            continue;
        }
        if (suptab_fold((unsigned char)*a) != suptab_fold((unsigned char)*b))
            return false;
        a++, b++, i++;
    }
    while (*a && isspace((unsigned char)*a))
        a++;
    while (b < end && isspace((unsigned char)*b))
        b++;
    return !*a && b == end;
}

const struct xsg_label *xsg_model_label(const struct xsg_model *m,
                                        const char *name, size_t len)
{
    for (size_t i = 0; i < m->nr_labels; i++)
        if (S_same_words(m->labels[i].name, name, len))
            return &m->labels[i];
    return NULL;
}

static const struct {
    const char *name;
    uint8_t level, sec;
} S_builtin[] = {
    {"Supported", XEN_SUPTAB_LEVEL_SUPPORTED, XEN_SUPTAB_SEC_YES},
    {"Tech Preview", XEN_SUPTAB_LEVEL_TECH_PREVIEW, XEN_SUPTAB_SEC_NO},
    {"Experimental", XEN_SUPTAB_LEVEL_EXPERIMENTAL, XEN_SUPTAB_SEC_NO},
    {"Deprecated", XEN_SUPTAB_LEVEL_DEPRECATED, XEN_SUPTAB_SEC_YES},
};

int xsg_model_default_labels(struct xsg_model *m)
{
    for (size_t i = 0; i < sizeof(S_builtin) / sizeof(S_builtin[0]); i++) {
        const char *n = S_builtin[i].name;
        if (xsg_model_label(m, n, strlen(n)))
            continue;
        struct xsg_label *l = xsg_model_add_label(m);
        if (!l || !(l->name = strdup(n)))
            return -1;
        l->level = S_builtin[i].level;
        l->sec = S_builtin[i].sec;
    }
    return 0;
}

unsigned xsg_row_value_col(const struct xsg_row *r, size_t off)
{
    return off < r->value_len1 ? r->value_col + (unsigned)off : r->value_col;
}

const char *xsg_level_name(unsigned level)
{
    static const char *const names[] = {"other", "supported", "tech-preview",
                                        "experimental", "deprecated"};
    return level <= XEN_SUPTAB_LEVEL_MAX ? names[level] : "invalid";
}

const char *xsg_sec_name(unsigned sec)
{
    static const char *const names[] = {"unknown", "yes", "no", "external"};
    return names[sec & 3];
}
