/*
 * suggest.c: finding a feature by name for show/check, and "did you
 * mean" suggestions by edit distance (ASCII case folded).
 */
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

void cli_suggest(xensupport_table *t, const char *name)
{
    struct xensupport_info info;
    struct xensupport_feature f;
    unsigned best[3] = {0}, bestd[3] = {~0U, ~0U, ~0U};
    unsigned limit = (unsigned)strlen(name) / 3 + 2;

    xensupport_get_info(t, &info);
    for (unsigned id = 0; id < info.nr_features; id++) {
        if (xensupport_get_feature(t, id, &f))
            continue;
        unsigned d = S_distance(name, f.name);
        if (d > limit)
            continue;
        for (int k = 0; k < 3; k++)
            if (d < bestd[k]) {
                for (int m = 2; m > k; m--) {
                    best[m] = best[m - 1];
                    bestd[m] = bestd[m - 1];
                }
                best[k] = id;
                bestd[k] = d;
                break;
            }
    }
    if (bestd[0] == ~0U)
        return;
    /* Only the closest names: drop those clearly further away. */
    for (int k = 1; k < 3; k++)
        if (bestd[k] != ~0U && bestd[k] > bestd[0] + 1)
            bestd[k] = ~0U;
    fputs("; did you mean ", stderr);
    for (int k = 0; k < 3 && bestd[k] != ~0U; k++) {
        if (xensupport_get_feature(t, best[k], &f))
            continue;
        fputs(k ? (k + 1 < 3 && bestd[k + 1] != ~0U ? ", '" : " or '") : "'",
              stderr);
        out_text(stderr, f.name);
        fputc('\'', stderr);
    }
    fputc('?', stderr);
}

int cli_find_feature(xensupport_table *t, const char *name)
{
    int id = xensupport_lookup(t, name);

    if (id >= 0)
        return id;
    fflush(stdout);
    fputs("xen-support: unknown feature '", stderr);
    out_text(stderr, name);
    fputc('\'', stderr);
    cli_suggest(t, name);
    fputc('\n', stderr);
    return -1;
}
