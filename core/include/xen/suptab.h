/* SPDX-License-Identifier: MIT */
/*
 * suptab.h: the support table core, one copy shared by the generator
 * (gen/), libxensupport (tools-side/) and the hypervisor (xen-side/): the
 * little-endian field readers, CRC-32, the validator that checks every
 * rule of public/support_table.h, the pair expander with its hard limits,
 * and decoded access to facts, sections, features, rows and names.
 *
 * Plain C with no dependencies: in Xen (__XEN__) it uses <xen/types.h>
 * and <xen/lib.h>, hosted the C library's headers.  It never allocates,
 * never logs and keeps no state of its own, so distinct tables can be
 * used from distinct threads.  Functions that can fail return 0 or a
 * negative errno value (-EBADMSG, -EOPNOTSUPP, -ENOENT).
 */
#ifndef __XEN_SUPTAB_H__
#define __XEN_SUPTAB_H__

#ifdef __XEN__
#include <xen/types.h>
#else
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#endif

#include <public/support_table.h>

#define SUPTAB_NONE (~0U) /* no parent */

static inline unsigned int suptab_le16(const uint8_t *p)
{
    return p[0] | ((unsigned int)p[1] << 8);
}

static inline uint32_t suptab_le32(const uint8_t *p)
{
    return p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
           ((uint32_t)p[3] << 24);
}

/* ASCII case folding, as the name index orders names. */
static inline int suptab_fold(int c)
{
    return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

/*
 * Continue a CRC-32 (IEEE 802.3, zlib's crc32()) over len bytes: start
 * with crc = 0.  suptab_crc32(0, "123456789", 9) is 0xcbf43926.
 */
uint32_t suptab_crc32(uint32_t crc, const void *buf, size_t len);

/* The checksum a header must hold: the CRC-32 with that field as 0. */
uint32_t suptab_checksum(const uint8_t *blob, uint32_t len);

/* A validated table (suptab_validate() fills it in). */
struct suptab {
    const uint8_t *p;
    uint32_t size;
    struct xen_suptab_header h; /* decoded, host byte order */
    unsigned int fw;            /* feature id width */
    unsigned int rw;            /* row index width */
};

/* Decode the header of blob (at least XEN_SUPTAB_HEADER_SIZE bytes). */
void suptab_header_read(const uint8_t *blob, struct xen_suptab_header *h);

/*
 * Check blob[0, len) against every rule of the format and, if it holds,
 * fill *t.  Returns 0, -EOPNOTSUPP for a format version this reader
 * cannot read, or -EBADMSG; msg (if not NULL) then says what is wrong
 * and at which byte offset, in one line.  Reads nothing outside the blob
 * and does a bounded amount of work: each string ref is expanded once
 * per use, at most XEN_SUPTAB_DESC_MAX bytes.
 */
int suptab_validate(struct suptab *t, const void *blob, size_t len, char *msg,
                    size_t msglen);

/*
 * Streaming expansion of one string ref: no buffer, no allocation.
 * suptab_str_next() returns the next byte (1-255), 0 at the end, or -1
 * if the string is broken (outside the pool, bad code or escape, nested
 * deeper than XEN_SUPTAB_DEPTH_MAX, longer than max bytes).  On a
 * validated table with max >= the string's length it never fails.
 */
struct suptab_str {
    const uint8_t *pool;
    uint32_t pool_size;
    const uint8_t *pairs;
    unsigned int nr_pairs;
    uint32_t pos;      /* next pool byte */
    unsigned int left; /* bytes still allowed */
    unsigned int sp;   /* pending codes */
    uint8_t stack[XEN_SUPTAB_DEPTH_MAX + 1];
};

void suptab_str_init(struct suptab_str *s, const struct suptab *t, uint32_t ref,
                     unsigned int max);
int suptab_str_next(struct suptab_str *s);

/* Pair number of code c, or -1 if c is not a pair code. */
int suptab_pair_of(unsigned int c);
/* Code of pair k (k < XEN_SUPTAB_PAIRS_MAX). */
unsigned int suptab_pair_code(unsigned int k);

/*
 * Expand ref into buf (NUL-terminated when size > 0, truncated if need
 * be).  Returns the full length, or -EBADMSG if the string is broken.
 */
int suptab_str_copy(const struct suptab *t, uint32_t ref, char *buf,
                    size_t size);

/* Compare ref's expansion with s, both ASCII case folded: <0, 0, >0. */
int suptab_str_cmp(const struct suptab *t, uint32_t ref, const char *s);

/* Does ref's expansion contain s (ASCII case folded)?  "" is in all. */
bool suptab_str_has(const struct suptab *t, uint32_t ref, const char *s);

/*
 * The C identifier part of a name: ASCII letters and digits upper-cased,
 * every other run of bytes one '_', none at either end ("RTDS based
 * Scheduler" -> RTDS_BASED_SCHEDULER; "" -> UNNAMED).  Writes at most
 * size bytes with the terminator; returns the full length.  Generated
 * feature ids (SUPPORT_FEAT_<ident>) and the tools' lookup by id share it.
 */
size_t suptab_ident(char *buf, size_t size, const char *name);

/* Decoded records of a validated table; ids must be in range. */
struct suptab_section {
    uint16_t name;
    unsigned int first_feature, nr_features;
};

struct suptab_feature {
    uint16_t name;
    unsigned int first_row, nr_rows;
    unsigned int section;
    unsigned int parent; /* feature id, or SUPTAB_NONE */
};

struct suptab_row {
    uint16_t qualifier, value, key; /* string refs */
    uint8_t reading;                /* XEN_SUPTAB_READING() */
    unsigned int status;            /* index into statuses */
};

void suptab_fact(const struct suptab *t, unsigned int i, uint16_t *key,
                 uint16_t *value);
void suptab_section(const struct suptab *t, unsigned int i,
                    struct suptab_section *s);
void suptab_feature(const struct suptab *t, unsigned int id,
                    struct suptab_feature *f);
void suptab_row(const struct suptab *t, unsigned int i, struct suptab_row *r);
uint16_t suptab_key(const struct suptab *t, unsigned int k);
uint32_t suptab_description(const struct suptab *t, unsigned int id);

/* The section that owns feature id (binary search). */
unsigned int suptab_feature_section(const struct suptab *t, unsigned int id);
/* The parent of feature id, or SUPTAB_NONE (binary search). */
unsigned int suptab_feature_parent(const struct suptab *t, unsigned int id);
/* The feature that owns row i (binary search). */
unsigned int suptab_row_feature(const struct suptab *t, unsigned int i);

/* Feature id i of the name index. */
unsigned int suptab_name_index(const struct suptab *t, unsigned int i);

/*
 * Feature id by name (ASCII case folded; the lowest id of equal names),
 * in O(log n) string comparisons; -ENOENT if none.
 */
int suptab_lookup(const struct suptab *t, const char *name);

#endif /* __XEN_SUPTAB_H__ */

/*
 * Local variables:
 * mode: C
 * c-file-style: "BSD"
 * c-basic-offset: 4
 * tab-width: 4
 * indent-tabs-mode: nil
 * End:
 */
