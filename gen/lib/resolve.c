/* resolve.c: rows as written to rows as read (keys, readings, arch). */
#include "resolve.h"

#include "arch.h"
#include "labels.h"
#include "normalise.h"
#include "spelling.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int S_resolve_row(struct xsg_model *m, struct xsg_diag *d,
                         struct xsg_row *r, struct xsg_spellings *sp)
{
    struct xsg_reading rd;
    const struct xsg_label *key_label =
        xsg_model_label(m, r->key_raw, strlen(r->key_raw));
    const char *key = "Status";

    xsg_normalise(m, r->value, &rd);
    if (!strcasecmp(r->key_raw, "Status")) {
        /* the usual case */
    } else if (key_label) {
        key = key_label->name;
        if (!rd.status) {
            xsg_warn(d, r->line, r->col,
                     "key '%s' with qualifier '%s' and non-status value "
                     "'%s': read as status '%s' (%s, security supported: "
                     "%s), value kept as written",
                     r->key_raw, r->qualifier ? r->qualifier : "", r->value,
                     key_label->name, xsg_level_name(key_label->level),
                     xsg_sec_name(key_label->sec));
            memset(&rd, 0, sizeof(rd));
            rd.level = key_label->level;
            rd.sec = key_label->sec;
        }
    } else if (xsg_edit_distance(r->key_raw, strlen(r->key_raw), "Status", 6) <=
               2) {
        xsg_warn(d, r->line, r->col, "unknown key '%s', read as 'Status'",
                 r->key_raw);
    } else {
        key = r->key_raw;
        xsg_warn(d, r->line, r->col,
                 "unknown key '%s'; kept, its value read as a status",
                 r->key_raw);
    }
    if (!(r->key = strdup(key)))
        return -1;
    for (size_t i = 0; i < rd.nr_notes; i++)
        xsg_warn(d, r->line, xsg_row_value_col(r, rd.notes[i].off),
                 "%s (%s, security supported: %s)", rd.notes[i].text,
                 xsg_level_name(rd.level), xsg_sec_name(rd.sec));
    if (xsg_spellings_add(sp, r, &rd))
        return -1;
    r->level = rd.level;
    r->sec = rd.sec;
    r->caveats = rd.caveats;

    unsigned fa = m->features[r->feature].arch;
    unsigned qa = r->qualifier ? xsg_arch_of_qualifier(r->qualifier) : 0;
    if (!qa)
        r->arch = (uint8_t)fa;
    else if (qa & fa)
        r->arch = (uint8_t)(qa & fa);
    else {
        r->arch = (uint8_t)qa;
        xsg_warn(d, r->line, r->qual_col,
                 "qualifier '%s' names an architecture the heading '%s' "
                 "excludes; using the qualifier's",
                 r->qualifier, m->features[r->feature].name);
    }
    return 0;
}

/* NULL-safe: both absent, or the same text with ASCII case ignored. */
static bool S_same_qualifier(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcasecmp(a, b));
}

/*
 * Warn about a row that repeats an earlier row's key and qualifier in the
 * same feature (4.15's two "Status, Linux:" lines of PV display): a
 * reader cannot tell which applies.  Both rows are kept.
 */
static void S_check_repeats(const struct xsg_model *m, struct xsg_diag *d)
{
    for (size_t i = 1; i < m->nr_rows; i++) {
        const struct xsg_row *r = &m->rows[i];
        for (size_t j = i; j-- > 0 && m->rows[j].feature == r->feature;) {
            const struct xsg_row *o = &m->rows[j];
            if (strcasecmp(o->key, r->key) ||
                !S_same_qualifier(o->qualifier, r->qualifier))
                continue;
            if (r->qualifier)
                xsg_warn(d, r->line, r->qual_col,
                         "qualifier '%s' repeated in feature '%s' (first on "
                         "line %u); both rows kept",
                         r->qualifier, m->features[r->feature].name, o->line);
            else
                xsg_warn(d, r->line, r->col,
                         "second '%s' line without a qualifier in feature "
                         "'%s' (first on line %u); both rows kept",
                         r->key, m->features[r->feature].name, o->line);
            break;
        }
    }
}

int xsg_resolve(struct xsg_model *m, struct xsg_diag *d, bool seen_features,
                bool doc_labels)
{
    if (!seen_features) {
        xsg_error(d, 0, 0,
                  "no '# Feature Support' heading: nothing to compile");
        return 0;
    }
    if (xsg_labels_finish(m, d, doc_labels))
        return -1;
    /* An empty statement (upstream's first, skeleton SUPPORT.md) is a
     * table with no rows, not an error. */
    if (!m->nr_rows)
        xsg_warn(d, 0, 0,
                 "no status rows under 'Feature Support'; the table has "
                 "none");

    struct xsg_spellings sp = {0};
    int rc = 0;
    for (size_t i = 0; i < m->nr_rows && !rc; i++)
        rc = S_resolve_row(m, d, &m->rows[i], &sp);
    if (!rc) {
        xsg_spellings_check(&sp, d);
        S_check_repeats(m, d);
    }
    xsg_spellings_free(&sp);
    return rc;
}
