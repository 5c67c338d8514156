/*
 * suggest.c: finding a feature by any name for show/check
 * (xensupport_find()), and "did you mean" suggestions ranked by words in
 * common, then edit distance (ASCII case folded).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <xen/suptab.h>

#include "cli.h"

/* Levenshtein distance, capped inputs (names are short). */
static unsigned S_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    unsigned *row;
    unsigned d;

    if (la > 200 || lb > 200)
        return 1000;
    row = malloc((lb + 1) * sizeof(*row));
    if (!row)
        return 1000;
    for (size_t j = 0; j <= lb; j++)
        row[j] = (unsigned)j;
    for (size_t i = 1; i <= la; i++) {
        unsigned diag = row[0];
        row[0] = (unsigned)i;
        for (size_t j = 1; j <= lb; j++) {
            unsigned up = row[j];
            unsigned cost = suptab_fold((unsigned char)a[i - 1]) !=
                            suptab_fold((unsigned char)b[j - 1]);
            unsigned v = diag + cost;
            if (up + 1 < v)
                v = up + 1;
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            row[j] = v;
            diag = up;
        }
    }
    d = row[lb];
    free(row);
    return d;
}

/* Closer first: more words in common, then fewer edits. */
struct S_cand {
    unsigned id, overlap, dist;
};

static bool S_better(const struct S_cand *a, const struct S_cand *b)
{
    return a->overlap != b->overlap ? a->overlap > b->overlap
                                    : a->dist < b->dist;
}

void cli_suggest(xensupport_table *t, const char *name)
{
    struct xensupport_info info;
    struct xensupport_feature f;
    struct S_cand best[3];
    unsigned nbest = 0, limit = (unsigned)strlen(name) / 3 + 2;

    xensupport_get_info(t, &info);
    for (unsigned id = 0; id < info.nr_features; id++) {
        if (xensupport_get_feature(t, id, &f))
            continue;
        struct S_cand c = {id, xensupport_word_overlap(name, f.name),
                           S_distance(name, f.name)};
        /* A name shares a word with the query, or is a few edits away. */
        if (!c.overlap && c.dist > limit)
            continue;
        unsigned k = nbest < 3 ? nbest++ : 3;
        while (k > 0 && S_better(&c, &best[k - 1])) {
            if (k < 3)
                best[k] = best[k - 1];
            k--;
        }
        if (k < 3)
            best[k] = c;
    }
    /* Only the closest: as many words in common as the best, and at
       most one edit further. */
    while (nbest > 1 && (best[nbest - 1].overlap < best[0].overlap ||
                         best[nbest - 1].dist > best[0].dist + 1))
        nbest--;
    if (!nbest)
        return;
    fputs("; did you mean ", stderr);
    for (unsigned k = 0; k < nbest; k++) {
        if (xensupport_get_feature(t, best[k].id, &f))
            continue;
        fputs(k ? (k + 1 < nbest ? ", '" : " or '") : "'", stderr);
        out_text(stderr, f.name);
        fputc('\'', stderr);
    }
    fputc('?', stderr);
}

int cli_find_feature(xensupport_table *t, const char *name)
{
    unsigned cand[8], nr = 8;
    struct xensupport_feature f;
    int id = xensupport_find(t, name, NULL, cand, &nr);

    if (id >= 0)
        return id;
    fflush(stdout);
    if (errno == EEXIST) {
        fputs("xen-support: feature '", stderr);
        out_text(stderr, name);
        fputs("' is ambiguous: it starts ", stderr);
        for (unsigned k = 0; k < nr; k++) {
            if (xensupport_get_feature(t, cand[k], &f))
                continue;
            fputs(k ? (k + 1 < nr ? ", '" : " and '") : "'", stderr);
            out_text(stderr, f.name);
            fputc('\'', stderr);
        }
        fputc('\n', stderr);
        return -1;
    }
    fputs("xen-support: unknown feature '", stderr);
    out_text(stderr, name);
    fputc('\'', stderr);
    cli_suggest(t, name);
    fputc('\n', stderr);
    return -1;
}
