/* normalise.c: status values to level / security / caveats readings. */
#include "normalise.h"

#include <stdint.h>

#include <xen/suptab.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>

unsigned xsg_edit_distance(const char *a, size_t alen, const char *b,
                           size_t blen)
{
    enum { N = 64 };
    unsigned d[N + 1][N + 1];
    if (alen > N || blen > N)
        return 1000;
    for (size_t i = 0; i <= alen; i++)
        d[i][0] = (unsigned)i;
    for (size_t j = 0; j <= blen; j++)
        d[0][j] = (unsigned)j;
    for (size_t i = 1; i <= alen; i++) {
        for (size_t j = 1; j <= blen; j++) {
            int ca = suptab_fold((unsigned char)a[i - 1]);
            int cb = suptab_fold((unsigned char)b[j - 1]);
            unsigned best = d[i - 1][j - 1] + (ca != cb);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && ca == suptab_fold((unsigned char)b[j - 2]) &&
                suptab_fold((unsigned char)a[i - 2]) == cb &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    }
    return d[alen][blen];
}

/* Modifiers that may follow a label after a comma. */
enum { MOD_NOSEC, MOD_NOSEC2, MOD_EXTERNAL, MOD_CAVEATS };
static const char *const S_mods[] = {
    [MOD_NOSEC] = "not security supported",
    [MOD_NOSEC2] = "no security support",
    [MOD_EXTERNAL] = "security support external",
    [MOD_CAVEATS] = "with caveats",
};
#define S_NR_MODS (sizeof(S_mods) / sizeof(S_mods[0]))

/*
 * Status forms that are no label, as released statements write them.
 * Each is read as stated and warned about.  A statement that a feature
 * is not supported (or implemented, or functional) has no level of its
 * own in the table: it reads as level other, not security supported.
 */
static const struct {
    const char *text;
    uint8_t level, sec, caveats;
    const char *reading; /* for the warning */
} S_forms[] = {
    /* 4.18+ ARM/GICv3: "Status, Arm64: Security supported" */
    {"Security supported", XEN_SUPTAB_LEVEL_SUPPORTED, XEN_SUPTAB_SEC_YES, 0,
     "'Supported'"},
    /* 4.11+ "## Virtual Hardware, QEMU": only the devices listed below. */
    {"Support scope restricted", XEN_SUPTAB_LEVEL_SUPPORTED, XEN_SUPTAB_SEC_YES,
     1, "'Supported, with caveats'"},
    /* x86-64 "Status, Xeon Phi: Not supported." */
    {"Not supported", XEN_SUPTAB_LEVEL_OTHER, XEN_SUPTAB_SEC_NO, 0,
     "not supported"},
    /* xenstored "Status, Liveupdate: Not implemented|Not functional" */
    {"Not implemented", XEN_SUPTAB_LEVEL_OTHER, XEN_SUPTAB_SEC_NO, 0,
     "not supported"},
    {"Not functional", XEN_SUPTAB_LEVEL_OTHER, XEN_SUPTAB_SEC_NO, 0,
     "not supported"},
    /* qemu-xen-traditional "as host process device model" */
    {"No security support", XEN_SUPTAB_LEVEL_OTHER, XEN_SUPTAB_SEC_NO, 0,
     "not supported"},
};

/* Compare s[0..len) with ref, ASCII case and runs of blanks ignored. */
static bool S_same(const char *s, size_t len, const char *ref)
{
    size_t i = 0;
    while (i < len && *ref) {
        if (isspace((unsigned char)s[i]) && *ref == ' ') {
            while (i < len && isspace((unsigned char)s[i]))
                i++;
            ref++;
            continue;
        }
        if (suptab_fold((unsigned char)s[i]) !=
            suptab_fold((unsigned char)*ref))
            return false;
        i++, ref++;
    }
    return i == len && !*ref;
}

/* Note that what (spelt as written) was read as canonical. */
static void S_note(struct xsg_reading *r, size_t off, const char *what,
                   const char *spelt, const char *canonical)
{
    if (r->nr_notes == XSG_NOTE_MAX)
        return;
    struct xsg_note *n = &r->notes[r->nr_notes++];
    n->off = off;
    snprintf(n->text, sizeof(n->text), "unknown %s '%s', read as '%s'", what,
             spelt, canonical);
}

/* Read s[0..len) at off as one of S_forms: true if it is one. */
static bool S_form(struct xsg_reading *r, const char *s, size_t len, size_t off)
{
    for (size_t i = 0; i < sizeof(S_forms) / sizeof(S_forms[0]); i++) {
        if (!S_same(s, len, S_forms[i].text))
            continue;
        r->level = S_forms[i].level;
        r->sec = S_forms[i].sec;
        r->caveats = S_forms[i].caveats;
        r->status = true;
        if (r->nr_notes < XSG_NOTE_MAX) {
            struct xsg_note *n = &r->notes[r->nr_notes++];
            n->off = off;
            snprintf(n->text, sizeof(n->text),
                     "status '%.*s' is no label; read as %s",
                     (int)(len < 90 ? len : 90), s, S_forms[i].reading);
        }
        return true;
    }
    return false;
}

static void S_phrase(struct xsg_reading *r, size_t off, size_t len,
                     const char *canonical)
{
    if (r->nr_phrases == XSG_PHRASE_MAX)
        return;
    r->phrases[r->nr_phrases++] = (struct xsg_phrase){off, len, canonical};
}

static void S_apply_mod(struct xsg_reading *r, unsigned mod)
{
    switch (mod) {
    case MOD_NOSEC:
    case MOD_NOSEC2:
        r->sec = XEN_SUPTAB_SEC_NO;
        break;
    case MOD_EXTERNAL:
        r->sec = XEN_SUPTAB_SEC_EXTERNAL;
        break;
    case MOD_CAVEATS:
        r->caveats = 1;
        break;
    }
}

/* Case-insensitive search of needle in s[0..len). */
static bool S_contains(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (S_same(s + i, n, needle))
            return true;
    return false;
}

/* Read the first part as a label: exactly, by prefix, or as a typo. */
static const struct xsg_label *S_label(const struct xsg_model *m, const char *s,
                                       size_t len, struct xsg_reading *r,
                                       bool *prefix)
{
    const struct xsg_label *l = xsg_model_label(m, s, len);
    *prefix = false;
    if (l)
        return l;
    /* Free text that starts with a label: "Supported up to 12 TiB." */
    for (size_t i = 0; i < m->nr_labels; i++) {
        size_t n = strlen(m->labels[i].name);
        if (n < len && S_same(s, n, m->labels[i].name) &&
            !isalnum((unsigned char)s[n])) {
            *prefix = true;
            return &m->labels[i];
        }
    }
    /* A misspelt label: "Expermental", "Experimenal". */
    const struct xsg_label *best = NULL;
    unsigned best_d = 3;
    for (size_t i = 0; i < m->nr_labels; i++) {
        const char *n = m->labels[i].name;
        size_t nl = strlen(n);
        unsigned d = xsg_edit_distance(s, len, n, nl);
        if (nl >= 5 && d < best_d && d <= nl / 4) {
            best = &m->labels[i];
            best_d = d;
        }
    }
    if (best) {
        char spelt[96];
        snprintf(spelt, sizeof(spelt), "%.*s", (int)(len < 90 ? len : 90), s);
        S_note(r, 0, "status", spelt, best->name);
    }
    return best;
}

void xsg_normalise(const struct xsg_model *m, const char *value,
                   struct xsg_reading *r)
{
    memset(r, 0, sizeof(*r));
    r->level = XEN_SUPTAB_LEVEL_OTHER;
    r->sec = XEN_SUPTAB_SEC_UNKNOWN;

    size_t len = strlen(value), pos = 0, part = 0;
    bool free_text = false;
    while (pos <= len) {
        const char *comma = memchr(value + pos, ',', len - pos);
        size_t end = comma ? (size_t)(comma - value) : len;
        size_t b = pos, e = end;
        while (b < e && isspace((unsigned char)value[b]))
            b++;
        while (e > b &&
               (isspace((unsigned char)value[e - 1]) || value[e - 1] == '.'))
            e--;
        const char *s = value + b;
        size_t n = e - b;
        bool known = false;

        if (part == 0 && !xsg_model_label(m, s, n) && S_form(r, s, n, b)) {
            known = true;
        } else if (part == 0) {
            bool prefix;
            const struct xsg_label *l = S_label(m, s, n, r, &prefix);
            if (l) {
                r->level = l->level;
                r->sec = l->sec;
                r->status = true;
                known = !prefix;
                if (prefix)
                    free_text = true;
                else if (!r->nr_notes)
                    S_phrase(r, b, n, l->name);
            }
        }
        for (unsigned i = 0; !known && i < S_NR_MODS; i++) {
            if (S_same(s, n, S_mods[i])) {
                S_apply_mod(r, i);
                S_phrase(r, b, n, S_mods[i]);
                known = true;
            }
        }
        for (unsigned i = 0; !known && part > 0 && i < S_NR_MODS; i++) {
            size_t ml = strlen(S_mods[i]);
            if (xsg_edit_distance(s, n, S_mods[i], ml) <= 2) {
                char spelt[96];
                snprintf(spelt, sizeof(spelt), "%.*s", (int)(n < 90 ? n : 90),
                         s);
                S_note(r, b, "qualifier", spelt, S_mods[i]);
                S_apply_mod(r, i);
                known = true;
            }
        }
        if (!known && n)
            free_text = true;
        if (!comma)
            break;
        pos = end + 1;
        part++;
    }

    if (free_text) {
        if (r->status) {
            /* A label qualified by free text: the text is a caveat. */
            r->caveats = 1;
        } else {
            /* No status: security only as stated. */
            if (S_contains(value, len, "security support external"))
                r->sec = XEN_SUPTAB_SEC_EXTERNAL;
            else if (S_contains(value, len, "not security supported") ||
                     S_contains(value, len, "no security support"))
                r->sec = XEN_SUPTAB_SEC_NO;
            else if (S_contains(value, len, "security supported"))
                r->sec = XEN_SUPTAB_SEC_YES;
        }
    }
}
