/*
 * parse.h: read a SUPPORT.md into the model.
 *
 * The steps have their own modules: source.h (line index, columns,
 * UTF-8 check), walk.h (the cmark walk: what the document says where)
 * and resolve.h (what each status row means).
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
