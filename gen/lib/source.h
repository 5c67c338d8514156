/*
 * source.h: the document as bytes and lines, for file:line:col.
 *
 * cmark reports where a block starts and ends but not where its text
 * sits on a line; the compiler finds exact columns (and re-reads
 * definition lists) in the source itself through this index.  The
 * document must be UTF-8 without NUL bytes: xsg_source_check_utf8()
 * says where it is not.
 */
#ifndef XSG_SOURCE_H
#define XSG_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct xsg_source {
    const char *text; /* not owned */
    size_t len;
    size_t *lines; /* offset of each line start */
    size_t nr_lines;
};

/* Index the lines of text[0..len): -1 on allocation failure, else 0. */
int xsg_source_init(struct xsg_source *src, const char *text, size_t len);
void xsg_source_free(struct xsg_source *src);

/*
 * Report through d the first NUL byte or invalid UTF-8 sequence in the
 * text (works before xsg_source_init() too): false if there is one.
 */
bool xsg_source_check_utf8(const char *text, size_t len, struct xsg_diag *d);

/* Line n (1-based) as [*b, *e), line break excluded; false if none. */
bool xsg_source_line(const struct xsg_source *src, unsigned n, const char **b,
                     const char **e);

/*
 * Column (1-based) of the first occurrence of t[0..n) in line ln, or
 * fallback if the line does not hold it (or n is 0).
 */
unsigned xsg_source_col(const struct xsg_source *src, unsigned ln,
                        const char *t, size_t n, unsigned fallback);

/* Narrow [*b, *e) to drop leading and trailing blanks. */
void xsg_trim(const char **b, const char **e);

#endif
