/*
 * xlcfg.c: an xl domain configuration's settings, read with xl's own
 * parser, libxlutil.  libxlutil gives values by name but cannot list the
 * names a file sets, so a small scanner of xl.cfg's statement syntax
 * (NAME = VALUE, ending at ';' or a newline outside brackets, strings and
 * comments) lists them, with their lines, after libxlutil has accepted
 * the text.  Shared by `xen-support audit` (cli/xlcfg/xlu.c) and xl's
 * create-time audit (tools-side/xl/).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxlutil.h>

#include "xlcfg.h"

static bool S_ident(int c, bool first)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           (!first && ((c >= '0' && c <= '9') || c == '.' || c == '-'));
}

/* Add name (length n, line ln) once; 0, or -1 without memory. */
static int S_add(struct xlcfg *x, const char *name, size_t n, unsigned ln)
{
    for (unsigned i = 0; i < x->n; i++)
        if (strlen(x->s[i].name) == n && !strncmp(x->s[i].name, name, n))
            return 0;
    void *p = realloc(x->s, (x->n + 1) * sizeof(*x->s));
    if (!p)
        return -1;
    x->s = p;
    char *copy = strndup(name, n);
    if (!copy)
        return -1;
    x->s[x->n++] = (struct xensupport_xl_setting){copy, NULL, 0, ln};
    return 0;
}

/* The names text sets, in order, each once. */
static int S_names(const char *t, struct xlcfg *x)
{
    unsigned ln = 1;

    while (*t) {
        /* Between statements. */
        if (*t == '\n')
            ln++;
        if (*t == '#') {
            while (*t && *t != '\n')
                t++;
            continue;
        }
        if (!S_ident((unsigned char)*t, true)) {
            t++;
            continue;
        }
        const char *name = t;
        while (S_ident((unsigned char)*t, false))
            t++;
        if (S_add(x, name, (size_t)(t - name), ln))
            return -1;
        /* The value, to the end of the statement. */
        int depth = 0;
        for (; *t; t++) {
            if (*t == '\n') {
                if (!depth)
                    break;
                ln++;
            } else if (*t == '#') {
                while (t[1] && t[1] != '\n')
                    t++;
            } else if (*t == '"' || *t == '\'') {
                char q = *t;
                for (t++; *t && *t != q; t++) {
                    if (*t == '\\' && t[1])
                        t++;
                    else if (*t == '\n')
                        ln++;
                }
                if (!*t)
                    break;
            } else if (*t == '[') {
                depth++;
            } else if (*t == ']') {
                depth--;
            } else if (*t == ';' && !depth) {
                t++;
                break;
            }
        }
    }
    return 0;
}

/* Each name's values through libxlutil: a list's items, or one value. */
static int S_values(XLU_Config *cfg, struct xlcfg *x)
{
    for (unsigned i = 0; i < x->n; i++) {
        struct xensupport_xl_setting *s = &x->s[i];
        XLU_ConfigList *list;
        const char *v;
        int n = 0;

        if (!xlu_cfg_get_list(cfg, s->name, &list, &n, 1)) {
            const char **vals = calloc((size_t)n + 1, sizeof(*vals));
            if (!vals)
                return -1;
            for (int k = 0; k < n; k++) {
                v = xlu_cfg_get_listitem(list, k);
                vals[k] = strdup(v ? v : "");
                if (!vals[k]) {
                    s->values = vals;
                    s->nr_values = (unsigned)k;
                    return -1;
                }
            }
            s->values = vals;
            s->nr_values = (unsigned)n;
        } else if (!xlu_cfg_get_string(cfg, s->name, &v, 1)) {
            const char **vals = calloc(2, sizeof(*vals));
            if (!vals || !(vals[0] = strdup(v))) {
                free(vals);
                return -1;
            }
            s->values = vals;
            s->nr_values = 1;
        }
    }
    return 0;
}

int xlcfg_parse(const char *name, const char *data, size_t len, struct xlcfg *x,
                char *err, size_t errlen)
{
    char *text, *report = NULL;
    size_t rlen = 0;
    FILE *rf;
    XLU_Config *cfg = NULL;
    int rc = -1, e;

    memset(x, 0, sizeof(*x));
    if (len > XLCFG_MAX) {
        snprintf(err, errlen,
                 "%s: larger than the 1 MiB limit for xl configurations", name);
        errno = EFBIG;
        return -1;
    }
    /* The scanner reads a C string: the text may hold no NUL. */
    text = malloc(len + 1);
    if (!text) {
        snprintf(err, errlen, "%s", strerror(ENOMEM));
        errno = ENOMEM;
        return -1;
    }
    memcpy(text, data, len);
    text[len] = '\0';
    rf = open_memstream(&report, &rlen);
    if (!rf || !(cfg = xlu_cfg_init(rf, name))) {
        snprintf(err, errlen, "%s", strerror(ENOMEM));
        errno = ENOMEM;
        goto out;
    }
    e = xlu_cfg_readdata(cfg, text, (int)len);
    fflush(rf);
    if (e) {
        /* libxlutil's own message: "FILE:LINE: config parsing error ...". */
        char *nl = report ? strchr(report, '\n') : NULL;
        if (nl)
            *nl = '\0';
        snprintf(err, errlen, "%s", report && report[0] ? report : strerror(e));
        errno = EINVAL;
        goto out;
    }
    if (memchr(data, '\0', len) || S_names(text, x) || S_values(cfg, x)) {
        snprintf(err, errlen, "%s: %s", name,
                 memchr(data, '\0', len) ? "a NUL byte in the text"
                                         : strerror(ENOMEM));
        errno = memchr(data, '\0', len) ? EINVAL : ENOMEM;
        goto out;
    }
    rc = 0;
out:
    e = errno;
    if (cfg)
        xlu_cfg_destroy(cfg);
    if (rf)
        fclose(rf);
    free(report);
    free(text);
    if (rc)
        xlcfg_free(x);
    errno = e;
    return rc;
}

void xlcfg_free(struct xlcfg *x)
{
    for (unsigned i = 0; i < x->n; i++) {
        for (unsigned k = 0; k < x->s[i].nr_values; k++)
            free((char *)x->s[i].values[k]);
        free((void *)x->s[i].values);
        free((char *)x->s[i].name);
    }
    free(x->s);
    memset(x, 0, sizeof(*x));
}
