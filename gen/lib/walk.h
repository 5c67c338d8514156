/*
 * walk.h: the cmark walk of a SUPPORT.md, filling the model as written.
 *
 * H1 "Release Support" holds the release facts (code lines or a
 * definition list); H1 "Feature Support" holds H2 sections, H3 features
 * and deeper sub-features; indented or fenced code blocks, also inside
 * lists and quotes, hold "Key[, qualifier]: value" lines; H2 "Definition
 * of Status labels" says which labels are security supported.  Rows are
 * recorded as written: resolve.h reads them once the labels are known.
 */
#ifndef XSG_WALK_H
#define XSG_WALK_H

#include <stdbool.h>

#include "diag.h"
#include "model.h"
#include "source.h"

/* What the walk saw besides the model, for resolution (resolve.h). */
struct xsg_walk_seen {
    bool features; /* a "Feature Support" heading */
    bool labels;   /* at least one status label definition */
};

/*
 * Parse src's text with cmark and walk it into m (initialised by the
 * caller), reporting through d; prose is kept in feature.desc if
 * with_desc.  Document problems are diagnostics; -1 only on resource
 * failure (errno set, or 0 if only the allocator knows), else 0.
 */
int xsg_walk(const struct xsg_source *src, struct xsg_model *m,
             struct xsg_diag *d, bool with_desc, struct xsg_walk_seen *seen);

#endif
