/*
 * normalise.h: read a status value ("Supported, not security supported",
 * "Expermental", "Supported up to 12 TiB. ...") as a level, a security
 * support value and a caveats flag, using the document's status labels.
 */
#ifndef XSG_NORMALISE_H
#define XSG_NORMALISE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

#define XSG_NOTE_MAX   4
#define XSG_PHRASE_MAX 8

/* A known phrase as spelled in the value, for consistency checks. */
struct xsg_phrase {
    size_t off, len;       /* span in the value */
    const char *canonical; /* the phrase as the compiler knows it */
};

/* Something worth a warning, at an offset in the value. */
struct xsg_note {
    size_t off;
    char text[192];
};

struct xsg_reading {
    uint8_t level;   /* XEN_SUPTAB_LEVEL_* */
    uint8_t sec;     /* XEN_SUPTAB_SEC_* */
    uint8_t caveats; /* 0 or 1 */
    bool status;     /* the value starts with a status label */
    struct xsg_phrase phrases[XSG_PHRASE_MAX];
    size_t nr_phrases;
    struct xsg_note notes[XSG_NOTE_MAX];
    size_t nr_notes;
};

/*
 * Read value (NUL-terminated, as written) with the labels of m.  Never
 * fails: text that is no status reads as level other, security as
 * stated in it (unknown if not stated).  The status forms of released
 * statements that are no label ("Security supported", "Not supported.")
 * read as they state, with a note.
 */
void xsg_normalise(const struct xsg_model *m, const char *value,
                   struct xsg_reading *r);

/* Optimal-string-alignment distance of a and b, ASCII case ignored,
 * capped at 64-byte inputs (longer strings compare as far apart). */
unsigned xsg_edit_distance(const char *a, size_t alen, const char *b,
                           size_t blen);

#endif
