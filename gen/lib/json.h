/*
 * json.h: the model as JSON (docs/model-json.md), produced with yajl.
 * Same model, same bytes.
 */
#ifndef XSG_JSON_H
#define XSG_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

/*
 * malloc()ed JSON text of m (idents from xsg_csource_idents() included
 * when set; descriptions only if with_desc), *len bytes plus a NUL.
 * NULL on failure.
 */
char *xsg_json_model(const struct xsg_model *m, bool with_desc, size_t *len);

#endif
