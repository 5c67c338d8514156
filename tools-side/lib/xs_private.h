/*
 * xs_private.h: libxensupport internals shared by its modules: the handle,
 * little-endian field readers, the string decoder, the validator and the
 * source seam (one fetch function per source kind).
 */
#ifndef XS_PRIVATE_H
#define XS_PRIVATE_H

#include <stdint.h>
#include <stddef.h>

#include "public/support_table.h"
#include "xensupport.h"

/* Byte offsets of the header fields (support_table.h, packed, LE). */
enum {
    XS_H_MAGIC = 0,
    XS_H_VERSION = 4,
    XS_H_LAST_COMP = 6,
    XS_H_TOTAL_SIZE = 8,
    XS_H_CHECKSUM = 12,
    XS_H_FLAGS = 16,
    XS_H_NR_FACTS = 20,
    XS_H_NR_SECTIONS = 22,
    XS_H_NR_FEATURES = 24,
    XS_H_NR_ROWS = 26,
    XS_H_NR_KEYS = 28,
    XS_H_NR_PAIRS = 30,
    XS_H_OFF_FACTS = 32,
    XS_H_OFF_SECTIONS = 36,
    XS_H_OFF_FEATURES = 40,
    XS_H_OFF_ROWS = 44,
    XS_H_OFF_KEYS = 48,
    XS_H_OFF_NAME_INDEX = 52,
    XS_H_OFF_DESCS = 56,
    XS_H_OFF_PAIRS = 60,
    XS_H_OFF_STRINGS = 64,
    XS_H_STRINGS_SIZE = 68,
    XS_HEADER_SIZE = 72,
};

/* Record sizes in bytes. */
enum {
    XS_FACT_SIZE = 4,
    XS_SECTION_SIZE = 4,
    XS_FEATURE_SIZE = 6,
    XS_ROW_SIZE = 6,
    XS_KEY_SIZE = 2,
    XS_INDEX_SIZE = 2,
    XS_DESC_SIZE = 4,
    XS_PAIR_SIZE = 2,
};

static inline uint16_t xs_le16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

static inline uint32_t xs_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
           ((uint32_t)p[3] << 24);
}

/* The header, decoded (validated before it is trusted). */
struct xs_header {
    uint32_t magic, total_size, checksum, flags;
    uint16_t version, last_comp;
    uint16_t nr_facts, nr_sections, nr_features, nr_rows, nr_keys, nr_pairs;
    uint32_t off_facts, off_sections, off_features, off_rows, off_keys;
    uint32_t off_name_index, off_descs, off_pairs, off_strings;
    uint32_t strings_size;
};

void xs_header_read(const uint8_t *p, struct xs_header *h);

struct xensupport_table {
    enum xensupport_source_kind source;
    uint8_t *owned;   /* freed on close; NULL when borrowed */
    const uint8_t *p; /* the blob */
    size_t len;
    struct xs_header h;
    char **cache;      /* expanded u16 refs by pool offset, lazily */
    char **desc_cache; /* expanded descriptions by feature id, lazily */
};

/* Pointers to record i of each array (the table must be validated). */
const uint8_t *xs_fact(const xensupport_table *t, unsigned i);
const uint8_t *xs_section(const xensupport_table *t, unsigned i);
const uint8_t *xs_feature(const xensupport_table *t, unsigned i);
const uint8_t *xs_row(const xensupport_table *t, unsigned i);

/*
 * String decoder: a streaming expansion of one string ref.  It needs the
 * pool and the pairs only, so the validator can use it before a handle
 * exists.
 */
struct xs_strdec {
    const uint8_t *pool;
    uint32_t pool_size;
    const uint8_t *pairs; /* nr_pairs * 2 bytes */
    unsigned nr_pairs;
    uint32_t pos; /* next pool byte */
    unsigned sp;  /* pending codes on stack */
    uint8_t stack[256];
};

void xs_strdec_init(struct xs_strdec *d, const struct xs_header *h,
                    const uint8_t *blob, uint32_t ref);
/*
 * Next byte of the expansion: 1..255, 0 at the end, -1 if the encoding is
 * broken (ref or escape outside the pool, unknown pair code).
 */
int xs_strdec_next(struct xs_strdec *d);

static inline int xs_fold(int c)
{
    return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

/*
 * Expanded string ref (a u16 ref, below 65536) of t, cached in t; or NULL
 * with errno ENOMEM.  xs_description() does the same for the u32 ref of
 * feature id's description.
 */
const char *xs_string(xensupport_table *t, uint32_t ref);
const char *xs_description(xensupport_table *t, unsigned id);

/* Folded comparison of ref's expansion with s: <0, 0, >0. */
int xs_string_cmp(const xensupport_table *t, uint32_t ref, const char *s);

/*
 * Validate blob[0..len): 0, or -1 with errno EBADMSG/ENOTSUP and a
 * message in err.
 */
int xs_validate(const uint8_t *blob, size_t len, char *err, size_t errlen);

/* Format a message into err (if not NULL). */
void xs_seterr(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * The source seam: one fetch function per source kind, each producing a
 * malloc()ed blob (or borrowing src->buf).  Adding a source (the
 * hypervisor, issue 4) means adding one fetcher and its table entry in
 * xs_open.c; the public API does not change.
 */
struct xs_fetched {
    uint8_t *owned;
    const uint8_t *p;
    size_t len;
};
typedef int xs_fetch_fn(const struct xensupport_source *src,
                        struct xs_fetched *out, char *err, size_t errlen);
xs_fetch_fn xs_fetch_memory, xs_fetch_file, xs_fetch_hypervisor;

/*
 * Validate f's blob and make a handle whose source is kind; the handle
 * takes f->owned.  On failure f->owned is freed, NULL with errno and err.
 */
xensupport_table *xs_open_fetched(enum xensupport_source_kind kind,
                                  struct xs_fetched *f, char *err,
                                  size_t errlen);

#endif
