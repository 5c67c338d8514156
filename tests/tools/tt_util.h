/*
 * tt_util.h: helpers shared by the libxensupport tests: the seed's table
 * (compiled with gen's library), field patching, re-signing, and a full
 * walk of an open table that checks its internal consistency.
 */
#ifndef TT_UTIL_H
#define TT_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "seed.h"
#include "xensupport.h"

#define TT_SEED SEED_DOC

/* The seed's table (malloc()ed); fails the test if it does not compile. */
uint8_t *tt_seed(size_t *len);

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
