/*
 * writer.h: lay a model out as a table blob (support_table.h): header,
 * facts, sections, features, rows, keys, name index, descriptions, pairs
 * and string pool, little-endian, 4-aligned, CRC-32 checked.  A value
 * that does not fit its field is an error, never truncated.
 */
#ifndef XSG_WRITER_H
#define XSG_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "model.h"

/*
 * On success (0) *blob is a malloc()ed table of *len bytes.  Returns 1
 * when the model does not fit the format (errors reported through d),
 * -1 on allocation failure (errno set).
 */
int xsg_write_table(const struct xsg_model *m, bool with_desc,
                    struct xsg_diag *d, uint8_t **blob, size_t *len);

#endif
