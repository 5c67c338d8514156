/* SPDX-License-Identifier: MIT */
/*
 * support_table.h
 *
 * Binary layout of a compiled feature support statement (SUPPORT.md).
 *
 * One blob, produced by xen-support-gen, linked read-only into the
 * hypervisor, handed to dom0 by XEN_SYSCTL_support_table and read back by
 * the tools.  The same bytes are valid on every architecture: all fields
 * are little-endian and every array starts 4-byte aligned.
 *
 * Layout (each part located by an offset in the header):
 *
 *   header | facts | sections | features | rows | keys | name index |
 *   descriptions (optional) | string pairs | string pool
 *
 * Readers MUST validate a blob before use (see docs/table-format.md):
 * magic, version, total_size, checksum, every offset and count in bounds,
 * every string reference inside the pool and terminated there, every
 * pair code defined before use, and every expanded string within
 * XEN_SUPTAB_STR_MAX (XEN_SUPTAB_DESC_MAX for descriptions).
 */

#ifndef __XEN_PUBLIC_SUPPORT_TABLE_H__
#define __XEN_PUBLIC_SUPPORT_TABLE_H__

/* Bytes 'X' 'S' 'U' 'P' read as a little-endian uint32_t. */
#define XEN_SUPTAB_MAGIC 0x50555358U

/*
 * Format version.  A reader that implements version V accepts a blob whose
 * last_comp_version <= V, whatever its version: later versions only append
 * fields or flags that older readers may ignore.
 */
#define XEN_SUPTAB_VERSION 1
#define XEN_SUPTAB_LAST_COMP 1

/* header.flags */
#define XEN_SUPTAB_F_DESCRIPTIONS (1U << 0) /* off_descs is valid */

/* Longest expanded string, terminator excluded. */
#define XEN_SUPTAB_STR_MAX 1023
#define XEN_SUPTAB_DESC_MAX 65535

/* Required alignment of every off_* field. */
#define XEN_SUPTAB_ALIGN 4

/* Feature / row / section "none" markers. */
#define XEN_SUPTAB_STR_NONE 0 /* string ref 0 is the empty string */

struct xen_suptab_header {
    uint32_t magic;             /* XEN_SUPTAB_MAGIC */
    uint16_t version;           /* XEN_SUPTAB_VERSION of the writer */
    uint16_t last_comp_version; /* oldest reader version that can read it */
    uint32_t total_size;        /* bytes, header included */
    uint32_t checksum;          /* CRC-32 (IEEE 802.3, as zlib's crc32())
                                   of total_size bytes, this field as 0 */
    uint32_t flags;             /* XEN_SUPTAB_F_* ; unknown bits ignored */
    uint16_t nr_facts;
    uint16_t nr_sections;
    uint16_t nr_features;
    uint16_t nr_rows;
    uint16_t nr_keys;
    uint16_t nr_pairs;       /* <= XEN_SUPTAB_PAIRS_MAX */
    uint32_t off_facts;      /* struct xen_suptab_fact[nr_facts] */
    uint32_t off_sections;   /* struct xen_suptab_section[nr_sections] */
    uint32_t off_features;   /* struct xen_suptab_feature[nr_features] */
    uint32_t off_rows;       /* struct xen_suptab_row[nr_rows] */
    uint32_t off_keys;       /* uint16_t string ref [nr_keys] */
    uint32_t off_name_index; /* uint16_t feature id [nr_features] */
    uint32_t off_descs;      /* uint32_t string ref [nr_features], or 0 */
    uint32_t off_pairs;      /* struct xen_suptab_pair[nr_pairs] */
    uint32_t off_strings;    /* string pool */
    uint32_t strings_size;   /* bytes in the string pool */
};

/*
 * Release facts: the "Release Support" block, in document order
 * (Xen-Version, Initial-Release, Supported-Until, Security-Support-Until,
 * and any other key found there).
 */
struct xen_suptab_fact {
    uint16_t key;   /* string ref */
    uint16_t value; /* string ref */
};

/*
 * Sections: the H2 headings under "Feature Support", in document order.
 * Section s owns features [first_feature, next section's first_feature),
 * the last one up to nr_features.  first_feature never decreases.
 */
struct xen_suptab_section {
    uint16_t name; /* string ref */
    uint16_t first_feature;
};

/*
 * Features: H3 headings (and deeper headings, as sub-features), in
 * document order.  The feature id used by the hypervisor and the tools is
 * the index in this array.  Feature f owns rows [first_row, next
 * feature's first_row), the last one up to nr_rows.  first_row never
 * decreases.  A sub-feature's parent is feature (id - parent); parent is
 * 0 for a top-level (H3) feature, and a parent is always in the same
 * section.
 */
struct xen_suptab_feature {
    uint16_t name; /* string ref, the heading text as written */
    uint16_t first_row;
    uint8_t section; /* index into sections */
    uint8_t parent;  /* distance back to the parent, 0 = none */
};

/* Status levels (row.reading bits 0-2). */
#define XEN_SUPTAB_LEVEL_OTHER 0 /* free text, not a status */
#define XEN_SUPTAB_LEVEL_SUPPORTED 1
#define XEN_SUPTAB_LEVEL_TECH_PREVIEW 2
#define XEN_SUPTAB_LEVEL_EXPERIMENTAL 3
#define XEN_SUPTAB_LEVEL_DEPRECATED 4
#define XEN_SUPTAB_LEVEL_MAX 4

/* Security support (row.reading bits 3-4). */
#define XEN_SUPTAB_SEC_UNKNOWN 0 /* not stated, not derivable */
#define XEN_SUPTAB_SEC_YES 1
#define XEN_SUPTAB_SEC_NO 2
#define XEN_SUPTAB_SEC_EXTERNAL 3

/* Architectures (row.reading bits 6-7); a row applies to both if 3. */
#define XEN_SUPTAB_ARCH_X86 1
#define XEN_SUPTAB_ARCH_ARM 2
#define XEN_SUPTAB_ARCH_ALL 3

#define XEN_SUPTAB_READING(level, sec, caveats, arch)                          \
    ((uint8_t)((level) | ((sec) << 3) | ((caveats) << 5) | ((arch) << 6)))
#define XEN_SUPTAB_LEVEL(r) ((r)&0x7)
#define XEN_SUPTAB_SEC(r) (((r) >> 3) & 0x3)
#define XEN_SUPTAB_CAVEATS(r) (((r) >> 5) & 0x1)
#define XEN_SUPTAB_ARCH(r) (((r) >> 6) & 0x3)

/*
 * Status rows: one machine-readable line of a feature, e.g.
 * "Status, x86 HVM: Tech Preview" is key "Status", qualifier "x86 HVM",
 * value "Tech Preview".
 */
struct xen_suptab_row {
    uint16_t qualifier; /* string ref, XEN_SUPTAB_STR_NONE if none */
    uint16_t value;     /* string ref, the raw value as written */
    uint8_t key;        /* index into keys */
    uint8_t reading;    /* XEN_SUPTAB_READING() ; arch never 0 */
};

/*
 * String encoding.  A string ref is a byte offset into the pool; the pool
 * starts with the empty string.  Each string is a sequence of codes ended
 * by 0x00:
 *   0x01-0x7f  the ASCII byte itself;
 *   0x80-0xfe  pair (code - 0x80): expands to its left then right code;
 *   0xff       escape: the next byte (0x80-0xff) stands for itself.
 * A pair's left and right are 0x01-0x7f or a pair code lower than its
 * own, so expansion always ends.  The name index lists feature ids
 * ordered by expanded name, compared byte-wise after folding ASCII
 * letters to lower case, ties by id.
 */
#define XEN_SUPTAB_CODE_PAIR 0x80
#define XEN_SUPTAB_CODE_ESCAPE 0xff
#define XEN_SUPTAB_PAIRS_MAX (XEN_SUPTAB_CODE_ESCAPE - XEN_SUPTAB_CODE_PAIR)

struct xen_suptab_pair {
    uint8_t left;
    uint8_t right;
};

#endif /* __XEN_PUBLIC_SUPPORT_TABLE_H__ */

/*
 * Local variables:
 * mode: C
 * c-file-style: "BSD"
 * c-basic-offset: 4
 * tab-width: 4
 * indent-tabs-mode: nil
 * End:
 */
