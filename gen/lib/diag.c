/* diag.c: collect, sort and print the compiler's diagnostics. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void xsg_diag_init(struct xsg_diag *d, const char *name, FILE *out, bool strict,
                   bool quiet)
{
    memset(d, 0, sizeof(*d));
    d->name = name;
    d->out = out;
    d->strict = strict;
    d->quiet = quiet;
}

void xsg_diag_free(struct xsg_diag *d)
{
    for (size_t i = 0; i < d->nr; i++)
        free(d->msgs[i].text);
    free(d->msgs);
    d->msgs = NULL;
    d->nr = d->cap = 0;
}

static void S_add(struct xsg_diag *d, enum xsg_severity sev, unsigned line,
                  unsigned col, const char *fmt, va_list ap)
{
    if (sev == XSG_WARNING)
        d->nr_warnings++;
    if (sev == XSG_ERROR || d->strict)
        d->nr_errors++;
    if (d->nr == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 32;
        struct xsg_diag_msg *m = realloc(d->msgs, cap * sizeof(*m));
        if (!m) {
            d->oom = true;
            return;
        }
        d->msgs = m;
        d->cap = cap;
    }
    va_list aq;
    va_copy(aq, ap);
    int n = vsnprintf(NULL, 0, fmt, aq);
    va_end(aq);
    char *text = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!text) {
        d->oom = true;
        return;
    }
    vsnprintf(text, (size_t)n + 1, fmt, ap);
    d->msgs[d->nr++] = (struct xsg_diag_msg){line, col, sev, text};
}

void xsg_warn(struct xsg_diag *d, unsigned line, unsigned col, const char *fmt,
              ...)
{
    va_list ap;
    va_start(ap, fmt);
    S_add(d, XSG_WARNING, line, col, fmt, ap);
    va_end(ap);
}

void xsg_error(struct xsg_diag *d, unsigned line, unsigned col, const char *fmt,
               ...)
{
    va_list ap;
    va_start(ap, fmt);
    S_add(d, XSG_ERROR, line, col, fmt, ap);
    va_end(ap);
}

static int S_cmp(const void *a, const void *b)
{
    const struct xsg_diag_msg *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    /* Same place: keep recording order (texts are owned, compare ptrs
     * would not be deterministic), so fall back to the text. */
    return strcmp(x->text, y->text);
}

void xsg_diag_flush(struct xsg_diag *d)
{
    FILE *out = d->out ? d->out : stderr;
    if (d->nr)
        qsort(d->msgs, d->nr, sizeof(*d->msgs), S_cmp);
    for (size_t i = 0; i < d->nr; i++) {
        const struct xsg_diag_msg *m = &d->msgs[i];
        bool err = m->sev == XSG_ERROR || d->strict;
        if (!err && d->quiet)
            continue;
        if (m->line)
            fprintf(out, "%s:%u:%u: %s: %s\n", d->name, m->line, m->col,
                    err ? "error" : "warning", m->text);
        else
            fprintf(out, "%s: %s: %s\n", d->name, err ? "error" : "warning",
                    m->text);
    }
    if (d->oom)
        fprintf(out, "%s: error: out of memory while reporting\n", d->name);
    xsg_diag_free(d);
}

bool xsg_diag_failed(const struct xsg_diag *d)
{
    return d->nr_errors > 0 || d->oom;
}
