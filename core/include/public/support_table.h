/* SPDX-License-Identifier: MIT */
/*
 * support_table.h
 *
 * Binary layout of a compiled feature support statement (SUPPORT.md).
 *
 * One blob, produced by xen-support-gen, linked read-only into the
 * hypervisor, handed to dom0 by XEN_SYSCTL_support_table and read back by
 * the tools.  The same bytes are valid on every architecture: all fields
 * are little-endian, and records are packed with no alignment, so readers
 * assemble every field byte by byte (the header struct below documents
 * the layout; it is never cast onto a blob).
 *
 * Layout (each part located by an offset in the header):
 *
 *   header | facts | sections | features | rows | statuses | keys |
 *   sub-features | name index | descriptions (optional) | pairs | strings
 *
 * Readers MUST validate a blob before use (docs/table-format.md lists the
 * rules): magic, version, total_size, checksum, every offset and count in
 * bounds, every index below its count, every string reference inside the
 * pool and terminated there, every pair code defined before use and
 * nested at most XEN_SUPTAB_DEPTH_MAX deep, and every expanded string
 * within XEN_SUPTAB_STR_MAX (XEN_SUPTAB_DESC_MAX for descriptions).
 */

#ifndef __XEN_PUBLIC_SUPPORT_TABLE_H__
#define __XEN_PUBLIC_SUPPORT_TABLE_H__

/* Bytes 'X' 'S' 'U' 'P' read as a little-endian uint32_t. */
#define XEN_SUPTAB_MAGIC 0x50555358U

/*
 * Format version.  A reader that implements version V accepts a blob whose
 * last_comp_version <= V and whose version is at least the oldest version
 * it reads (XEN_SUPTAB_OLDEST): later versions only append fields or
 * flags that older readers may ignore, or raise last_comp_version.
 * Version 1 (4-byte aligned records, one status per row) was the
 * development format; no reader of version 2 reads it.
 */
#define XEN_SUPTAB_VERSION 2
#define XEN_SUPTAB_LAST_COMP 2
#define XEN_SUPTAB_OLDEST 2

/* header.flags */
#define XEN_SUPTAB_F_DESCRIPTIONS (1U << 0) /* off_descs is valid */

/* Longest expanded string, terminator excluded. */
#define XEN_SUPTAB_STR_MAX 1023
#define XEN_SUPTAB_DESC_MAX 65535

/*
 * Largest table, in bytes.  Readers refuse bigger ones before reading
 * them whole; generated tables are far smaller (Xen 4.17's statement
 * with every description is about 40 KiB).
 */
#define XEN_SUPTAB_SIZE_MAX (1U << 20)

/* String ref 0 is the empty string ("none"). */
#define XEN_SUPTAB_STR_NONE 0

/*
 * The header: 84 bytes at offset 0.  Counts are u16, offsets are bytes
 * from the start of the blob.
 */
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
    uint16_t nr_statuses;    /* <= XEN_SUPTAB_STATUSES_MAX */
    uint16_t nr_keys;        /* <= XEN_SUPTAB_KEYS_MAX */
    uint16_t nr_subs;        /* sub-features (features with a parent) */
    uint16_t nr_pairs;       /* <= XEN_SUPTAB_PAIRS_MAX */
    uint32_t off_facts;      /* fact[nr_facts] */
    uint32_t off_sections;   /* section[nr_sections] */
    uint32_t off_features;   /* feature[nr_features] */
    uint32_t off_rows;       /* row[nr_rows] */
    uint32_t off_statuses;   /* status[nr_statuses] */
    uint32_t off_keys;       /* u16 string ref [nr_keys] */
    uint32_t off_subs;       /* sub[nr_subs] */
    uint32_t off_name_index; /* feature id [nr_features] */
    uint32_t off_descs;      /* u32 string ref [nr_features], or 0 */
    uint32_t off_pairs;      /* pair[nr_pairs] */
    uint32_t off_strings;    /* string pool */
    uint32_t strings_size;   /* bytes in the string pool */
};

#define XEN_SUPTAB_HEADER_SIZE 84

/*
 * Index widths.  A field that holds a feature id or a feature count
 * (section.first_feature, sub.feature, sub.parent, the name index) is one
 * byte when nr_features <= 255 and two bytes otherwise: the feature id
 * width, XEN_SUPTAB_IDW(nr_features).  A field that holds a row index
 * (feature.first_row) likewise has width XEN_SUPTAB_IDW(nr_rows).
 */
#define XEN_SUPTAB_IDW(n) ((n) <= 0xff ? 1U : 2U)

/*
 * Records, packed, little-endian, in byte offsets (FW: feature id width,
 * RW: row index width).
 *
 * Release facts: the "Release Support" block, in document order
 * (Xen-Version, Initial-Release, Supported-Until, Security-Support-Until,
 * and any other key found there).
 *   fact:    0 key (u16 ref), 2 value (u16 ref)                    4 bytes
 *
 * Sections: the H2 headings under "Feature Support", in document order.
 * Section s owns features [first_feature, next section's first_feature),
 * the last one up to nr_features; first_feature starts at 0 and never
 * decreases.
 *   section: 0 name (u16 ref), 2 first_feature (FW)            2 + FW bytes
 *
 * Features: the H3 headings (and deeper ones, as sub-features), in
 * document order.  The feature id used by the hypervisor and the tools is
 * the index in this array.  Feature f owns rows [first_row, next
 * feature's first_row), the last one up to nr_rows; first_row starts at 0
 * and never decreases.  Its section is the one whose range holds it.
 *   feature: 0 name (u16 ref, the heading as written), 2 first_row (RW)
 *                                                              2 + RW bytes
 *
 * Status rows: one machine-readable line of a feature, e.g.
 * "Status, x86 HVM: Tech Preview" is qualifier "x86 HVM" and the status
 * (key "Status", value "Tech Preview", its reading).
 *   row:     0 qualifier (u16 ref, XEN_SUPTAB_STR_NONE if none),
 *            2 status (u8 index into statuses)                     3 bytes
 *
 * Statuses: the distinct (value, key, reading) triples the rows use.
 *   status:  0 value (u16 ref, the raw value as written), 2 key (u8 index
 *            into keys), 3 reading (XEN_SUPTAB_READING())           4 bytes
 *
 * Keys: u16 string refs ("Status", "Supported", ...).
 *
 * Sub-features: one entry per feature with a parent, ordered by feature
 * id (strictly increasing); the parent has a lower id and is in the
 * same section.  Features without an entry are top-level.
 *   sub:     0 feature (FW), FW parent (FW)                      2 * FW bytes
 *
 * Name index: every feature id once (FW bytes each), ordered by expanded
 * name compared byte-wise after folding ASCII letters to lower case, ties
 * by ascending id.
 *
 * Descriptions (flag XEN_SUPTAB_F_DESCRIPTIONS): u32 string ref per
 * feature.
 *
 * Pairs: left (u8 code), right (u8 code)                          2 bytes
 */
#define XEN_SUPTAB_FACT_SIZE 4
#define XEN_SUPTAB_ROW_SIZE 3
#define XEN_SUPTAB_STATUS_SIZE 4
#define XEN_SUPTAB_KEY_SIZE 2
#define XEN_SUPTAB_DESC_SIZE 4
#define XEN_SUPTAB_PAIR_SIZE 2
#define XEN_SUPTAB_STATUSES_MAX 256
#define XEN_SUPTAB_KEYS_MAX 256

/* Status levels (reading bits 0-2). */
#define XEN_SUPTAB_LEVEL_OTHER 0 /* free text, or "Not supported" */
#define XEN_SUPTAB_LEVEL_SUPPORTED 1
#define XEN_SUPTAB_LEVEL_TECH_PREVIEW 2
#define XEN_SUPTAB_LEVEL_EXPERIMENTAL 3
#define XEN_SUPTAB_LEVEL_DEPRECATED 4
#define XEN_SUPTAB_LEVEL_MAX 4

/* Security support (reading bits 3-4). */
#define XEN_SUPTAB_SEC_UNKNOWN 0 /* not stated, not derivable */
#define XEN_SUPTAB_SEC_YES 1
#define XEN_SUPTAB_SEC_NO 2
#define XEN_SUPTAB_SEC_EXTERNAL 3

/* Architectures (reading bits 6-7); a row applies to both if 3. */
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
 * String encoding.  A string ref is a byte offset into the pool; the pool
 * starts with the empty string.  Each string is a sequence of codes:
 *   0x00       end of the string;
 *   0x20-0x7e  the printable ASCII byte itself;
 *   0xff       escape: the next byte (0x01-0xff) stands for itself (tabs,
 *              UTF-8 text outside ASCII);
 *   others     (0x01-0x1f, 0x7f, 0x80-0xfe) a pair code: codes
 *              0x80-0xfe are pairs 0-126, 0x01-0x1f pairs 127-157, 0x7f
 *              pair 158.  A pair expands to its left code, then its right
 *              code.
 * A pair's left is a printable byte or a pair of a lower number that does
 * not end the string; its right is a printable byte, a pair of a lower
 * number, or 0x00, in which case the pair (and any pair whose right code
 * it is) ends the string where it is used: no 0x00 follows it.  So
 * expansion always ends, and no pair nests more than XEN_SUPTAB_DEPTH_MAX
 * pairs deep (a pair of two bytes has depth 1).
 */
#define XEN_SUPTAB_CODE_PAIR 0x80
#define XEN_SUPTAB_CODE_ESCAPE 0xff
#define XEN_SUPTAB_PAIRS_MAX 159
#define XEN_SUPTAB_DEPTH_MAX 32

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
