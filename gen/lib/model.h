/*
 * model.h: what the compiler reads out of a SUPPORT.md, before it is
 * written as a table: release facts, sections, features (with parents
 * for H4 and deeper headings), status rows with their normalised reading,
 * and the document's status label definitions.
 */
#ifndef XSG_MODEL_H
#define XSG_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define XSG_NONE ((size_t)-1)

struct xsg_fact {
    char *key, *value;
    unsigned line, col;
};

struct xsg_section {
    char *name;
    unsigned line, col;
    size_t first_feature;
};

struct xsg_feature {
    char *name; /* heading text as written (trailing ':' dropped) */
    unsigned line, col;
    int heading;    /* heading level, 2 for a section's own rows */
    size_t section; /* index into sections */
    size_t parent;  /* index into features, XSG_NONE for top level */
    unsigned arch;  /* XEN_SUPTAB_ARCH_* implied by the headings */
    size_t first_row;
    char *desc;  /* prose as written, NULL if none */
    char *ident; /* C identifier, set by xsg_csource_idents() */
};

struct xsg_row {
    char *key;       /* canonical key: "Status", or a label as key */
    char *key_raw;   /* as written */
    char *qualifier; /* NULL if none */
    char *value;     /* as written, surrounding blanks dropped */
    unsigned line, col, qual_col, value_col;
    size_t value_len1; /* bytes of value on its first line */
    size_t feature;
    uint8_t level, sec, caveats, arch; /* XEN_SUPTAB_* values */
};

/* A status label from "Definition of Status labels" (or built in). */
struct xsg_label {
    char *name;
    uint8_t level; /* XEN_SUPTAB_LEVEL_* */
    uint8_t sec;   /* XEN_SUPTAB_SEC_* */
    unsigned line; /* 0 for a built-in default */
};

struct xsg_model {
    struct xsg_fact *facts;
    size_t nr_facts, cap_facts;
    struct xsg_section *sections;
    size_t nr_sections, cap_sections;
    struct xsg_feature *features;
    size_t nr_features, cap_features;
    struct xsg_row *rows;
    size_t nr_rows, cap_rows;
    struct xsg_label *labels;
    size_t nr_labels, cap_labels;
    bool labels_builtin; /* the document defined none */
    char *doc_name;
};

void xsg_model_init(struct xsg_model *m);
void xsg_model_free(struct xsg_model *m);

/* Append a zeroed element; NULL on allocation failure (errno set). */
struct xsg_fact *xsg_model_add_fact(struct xsg_model *m);
struct xsg_section *xsg_model_add_section(struct xsg_model *m);
struct xsg_feature *xsg_model_add_feature(struct xsg_model *m);
struct xsg_row *xsg_model_add_row(struct xsg_model *m);
struct xsg_label *xsg_model_add_label(struct xsg_model *m);

/* Label by name (ASCII case and blanks ignored), NULL if none. */
const struct xsg_label *xsg_model_label(const struct xsg_model *m,
                                        const char *name, size_t len);

/* Install the built-in labels (Supported, Tech Preview, ...). */
int xsg_model_default_labels(struct xsg_model *m);

/*
 * Column of byte off of r's value: on the row's line, or, for a byte on a
 * continuation line, the value's first column.
 */
unsigned xsg_row_value_col(const struct xsg_row *r, size_t off);

/* Names of levels and security values as used in messages and JSON. */
const char *xsg_level_name(unsigned level);
const char *xsg_sec_name(unsigned sec);

/* strdup of s[0..len) */
char *xsg_strndup(const char *s, size_t len);

#endif
