/* spelling.c: warnings for phrases spelt unlike the document's usual. */
#include "spelling.h"

#include <stdlib.h>
#include <string.h>

struct xsg_spelling {
    const char *canonical;
    char *spelt;
    unsigned line, col;
};

static int S_cmp_spelling(const void *a, const void *b)
{
    const struct xsg_spelling *x = a, *y = b;
    int c = strcmp(x->canonical, y->canonical);
    if (c)
        return c;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->col < y->col ? -1 : x->col > y->col;
}

static int S_cmp_spelt(const void *a, const void *b)
{
    const struct xsg_spelling *x = *(const struct xsg_spelling *const *)a;
    const struct xsg_spelling *y = *(const struct xsg_spelling *const *)b;
    int c = strcmp(x->spelt, y->spelt);
    return c ? c : (x > y) - (x < y);
}

/*
 * The most frequent spelling in sp[0..n) (sorted by position), ties to
 * the one seen first: the index of its first use, its count in *count.
 * Sorted by spelling, O(n log n): counting per row was quadratic (seconds
 * at 10,000 rows of one status).  On allocation failure, the first one.
 */
static size_t S_usual_spelling(struct xsg_spelling *sp, size_t n, size_t *count)
{
    struct xsg_spelling **v = malloc(n * sizeof(*v));
    size_t best = 0, best_count = 0;
    if (!v) {
        *count = 1;
        return 0;
    }
    for (size_t k = 0; k < n; k++)
        v[k] = &sp[k];
    qsort(v, n, sizeof(*v), S_cmp_spelt);
    for (size_t k = 0; k < n;) {
        size_t l = k;
        while (l < n && !strcmp(v[l]->spelt, v[k]->spelt))
            l++;
        size_t first = (size_t)(v[k] - sp); /* lowest position of run */
        if (l - k > best_count || (l - k == best_count && first < best))
            best = first, best_count = l - k;
        k = l;
    }
    free(v);
    *count = best_count;
    return best;
}

int xsg_spellings_add(struct xsg_spellings *sp, const struct xsg_row *r,
                      const struct xsg_reading *rd)
{
    for (size_t i = 0; i < rd->nr_phrases; i++) {
        if (sp->nr == sp->cap) {
            size_t c = sp->cap ? sp->cap * 2 : 64;
            struct xsg_spelling *p = realloc(sp->v, c * sizeof(*p));
            if (!p)
                return -1;
            sp->v = p;
            sp->cap = c;
        }
        struct xsg_spelling *x = &sp->v[sp->nr++];
        x->canonical = rd->phrases[i].canonical;
        x->line = r->line;
        x->col = xsg_row_value_col(r, rd->phrases[i].off);
        /* Terminate a copy: spellings compare as whole phrases. */
        x->spelt =
            xsg_strndup(r->value + rd->phrases[i].off, rd->phrases[i].len);
        if (!x->spelt) {
            sp->nr--;
            return -1;
        }
    }
    return 0;
}

void xsg_spellings_check(struct xsg_spellings *spellings, struct xsg_diag *d)
{
    struct xsg_spelling *sp = spellings->v;
    size_t n = spellings->nr;
    if (!n)
        return;
    qsort(sp, n, sizeof(*sp), S_cmp_spelling);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && !strcmp(sp[j].canonical, sp[i].canonical))
            j++;
        /* Most frequent spelling; ties go to the one seen first. */
        size_t best_count,
            best = i + S_usual_spelling(sp + i, j - i, &best_count);
        for (size_t k = i; k < j; k++)
            if (strcmp(sp[k].spelt, sp[best].spelt))
                xsg_warn(d, sp[k].line, sp[k].col,
                         "'%s' is spelt '%s' on %zu other rows (first on "
                         "line %u); read the same",
                         sp[k].spelt, sp[best].spelt, best_count,
                         sp[best].line);
        i = j;
    }
}

void xsg_spellings_free(struct xsg_spellings *sp)
{
    for (size_t i = 0; i < sp->nr; i++)
        free(sp->v[i].spelt);
    free(sp->v);
    sp->v = NULL;
    sp->nr = sp->cap = 0;
}
