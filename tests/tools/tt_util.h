/*
 * tt_util.h: helpers shared by the libxensupport tests: the seed's table
 * (compiled with gen's library), field patching, re-signing, and a full
 * walk of an open table that checks its internal consistency.
 */
#ifndef TT_UTIL_H
#define TT_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include <xen/suptab.h>

#include "seed.h"
#include "xensupport.h"

#define TT_SEED SEED_DOC

/* The seed's table (malloc()ed); fails the test if it does not compile. */
uint8_t *tt_seed(size_t *len);

/* The table of a document given as text (malloc()ed). */
uint8_t *tt_compile_text(const char *text, size_t *len);

/* The core's view of a valid table b (fails the test if invalid). */
void tt_layout(const uint8_t *b, size_t len, struct suptab *t);

/* Byte offsets of record i of each array, from the view's widths. */
size_t tt_row_at(const struct suptab *t, unsigned i);
size_t tt_feature_at(const struct suptab *t, unsigned i);
size_t tt_section_at(const struct suptab *t, unsigned i);
size_t tt_status_at(const struct suptab *t, unsigned i);

/* Header field offsets. */
#define TT_H(f) offsetof(struct xen_suptab_header, f)

uint16_t tt_get16(const uint8_t *b, size_t off);
uint32_t tt_get32(const uint8_t *b, size_t off);
void tt_put16(uint8_t *b, size_t off, uint16_t v);
void tt_put32(uint8_t *b, size_t off, uint32_t v);

/* Recompute the header checksum over the first len bytes. */
void tt_resign(uint8_t *b, size_t len);

/*
 * Read every fact, section, feature and row, check they agree with each
 * other and with the name index; return the number of rows seen.
 */
unsigned tt_walk(xensupport_table *t);

#endif
