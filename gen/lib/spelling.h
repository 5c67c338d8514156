/*
 * spelling.h: consistency of the known phrases ("security supported",
 * "Tech Preview", ...) across the status rows: a phrase spelt unlike the
 * document's usual spelling of it gets a warning.
 */
#ifndef XSG_SPELLING_H
#define XSG_SPELLING_H

#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "normalise.h"

struct xsg_spelling; /* one phrase as spelt on a row */

/* The phrases seen so far; zero-initialise. */
struct xsg_spellings {
    struct xsg_spelling *v;
    size_t nr, cap;
};

/* Record the phrases of rd, the reading of row r's value: -1 on
 * resource failure (errno set), else 0. */
int xsg_spellings_add(struct xsg_spellings *sp, const struct xsg_row *r,
                      const struct xsg_reading *rd);

/* Warn through d about each phrase spelt unlike its usual spelling. */
void xsg_spellings_check(struct xsg_spellings *sp, struct xsg_diag *d);

void xsg_spellings_free(struct xsg_spellings *sp);

#endif
