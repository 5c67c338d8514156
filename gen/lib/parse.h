/*
 * parse.h: walk the cmark AST of a SUPPORT.md and fill the model.
 *
 * H1 "Release Support" holds the release facts; H1 "Feature Support"
 * holds H2 sections, H3 features and deeper sub-features; indented or
 * fenced code blocks hold "Key[, qualifier]: value" lines; H2
 * "Definition of Status labels" says which labels are security supported.
 */
#ifndef XSG_PARSE_H
#define XSG_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "model.h"

/*
 * Parse text[0..len) into m (initialised by the caller), reporting
 * through d.  Document problems are diagnostics (check
 * xsg_diag_failed()); the return value is -1 only on resource failure
 * (errno set), else 0.  Prose is kept in feature.desc if with_desc.
 */
int xsg_parse(const char *text, size_t len, struct xsg_model *m,
              struct xsg_diag *d, bool with_desc);

#endif
