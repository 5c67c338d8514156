/*
 * resolve.h: what the rows mean, once the whole document is read.
 *
 * The walk (walk.h) only records rows as written; a row's reading
 * depends on the status labels, which a SUPPORT.md defines at its end.
 * Resolution completes the labels, then gives each row its canonical
 * key, level, security support, caveats flag and architectures, and
 * checks that known phrases are spelt alike across the document.
 */
#ifndef XSG_RESOLVE_H
#define XSG_RESOLVE_H

#include <stdbool.h>

#include "diag.h"
#include "model.h"

/*
 * Resolve every row of m, reporting through d.  seen_features: the
 * document has a "Feature Support" heading (else that is the one error
 * reported); doc_labels: it defines at least one status label.  -1 on
 * resource failure (errno set), else 0.
 */
int xsg_resolve(struct xsg_model *m, struct xsg_diag *d, bool seen_features,
                bool doc_labels);

#endif
