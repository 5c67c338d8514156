/*
 * strpool.h: the table's string pool: deduplicated strings, compressed
 * with the pair encoding of public/support_table.h (up to
 * XEN_SUPTAB_PAIRS_MAX pairs, nested at most XEN_SUPTAB_DEPTH_MAX deep,
 * chosen greedily by count, ties to the lowest pair; a string's end may
 * be part of a pair), bytes outside printable ASCII escaped, and strings
 * that end another string stored once.  No global state.
 */
#ifndef XSG_STRPOOL_H
#define XSG_STRPOOL_H

#include <stddef.h>
#include <stdint.h>

struct xsg_strpool;

struct xsg_strpool *xsg_strpool_new(void);
void xsg_strpool_free(struct xsg_strpool *p);

/*
 * Add a string (deduplicated); returns its handle, or -1 on allocation
 * failure.  Strings added with late = 1 are placed after all others
 * (descriptions, whose references are 32-bit).
 */
long xsg_strpool_add(struct xsg_strpool *p, const char *s, int late);

/* Choose pairs and lay the pool out; -1 on allocation failure. */
int xsg_strpool_build(struct xsg_strpool *p);

/* After build: byte offset of a handle's string, pool bytes, pairs. */
uint32_t xsg_strpool_ref(const struct xsg_strpool *p, long handle);
const uint8_t *xsg_strpool_bytes(const struct xsg_strpool *p, size_t *len);
const uint8_t *xsg_strpool_pairs(const struct xsg_strpool *p, size_t *nr_pairs);

#endif
