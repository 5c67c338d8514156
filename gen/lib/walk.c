/* walk.c: the cmark AST of a SUPPORT.md to the model, as written. */
#include "walk.h"

#include "arch.h"
#include "labels.h"

#include <public/support_table.h>

#include <cmark.h>
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum zone { Z_NONE, Z_RELEASE, Z_FEATURES, Z_OTHER };

struct S_state {
    const struct xsg_source *src;
    struct xsg_model *m;
    struct xsg_diag *d;
    bool with_desc;
    enum zone zone;
    bool seen_features;
    bool in_labels;
    bool doc_labels; /* the document defines at least one label */
    size_t section, feature;
    char *label; /* current label heading in the definitions */
    unsigned label_line;
    char *section_prose; /* prose before a section's first feature */
};

/* ---- headings ---- */

static char *S_heading_text(cmark_node *h)
{
    size_t cap = 64, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    cmark_iter *it = cmark_iter_new(h);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *x = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER)
            continue;
        const char *lit = NULL;
        switch (cmark_node_get_type(x)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
            lit = cmark_node_get_literal(x);
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            lit = " ";
            break;
        default:
            break;
        }
        if (!lit)
            continue;
        size_t l = strlen(lit);
        if (n + l + 1 > cap) {
            while (n + l + 1 > cap)
                cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                cmark_iter_free(it);
                return NULL;
            }
            buf = nb;
        }
        memcpy(buf + n, lit, l);
        n += l;
    }
    cmark_iter_free(it);
    buf[n] = '\0';
    const char *b = buf, *e = buf + n;
    xsg_trim(&b, &e);
    memmove(buf, b, (size_t)(e - b));
    buf[e - b] = '\0';
    return buf;
}

static size_t S_find_parent(struct S_state *s, int level)
{
    struct xsg_model *m = s->m;
    for (size_t i = m->nr_features; i-- > 0;) {
        if (m->features[i].section != s->section)
            break;
        if (m->features[i].heading < level)
            return i;
    }
    return XSG_NONE;
}

static int S_new_feature(struct S_state *s, char *name, unsigned line,
                         unsigned col, int level)
{
    struct xsg_model *m = s->m;
    size_t parent = level > 3 ? S_find_parent(s, level) : XSG_NONE;
    unsigned inherited = XEN_SUPTAB_ARCH_ALL;
    if (parent != XSG_NONE)
        inherited = m->features[parent].arch;
    else if (level > 3)
        xsg_warn(s->d, line, col,
                 "level-%d heading '%s' has no enclosing level-3 feature; "
                 "read as a feature",
                 level, name);
    unsigned own = xsg_arch_of_heading(name);
    if (level == 2)
        own = xsg_arch_of_heading(m->sections[s->section].name);
    struct xsg_feature *f = xsg_model_add_feature(m);
    if (!f) {
        free(name);
        return -1;
    }
    f->name = name;
    f->line = line;
    f->col = col;
    f->heading = level;
    f->section = s->section;
    f->parent = parent;
    f->first_row = m->nr_rows;
    f->arch = own ? own : inherited;
    if (own && (own & inherited) == 0)
        xsg_warn(s->d, line, col,
                 "heading '%s' names an architecture its parent excludes; "
                 "using the heading's",
                 name);
    s->feature = m->nr_features - 1;
    return 0;
}

static int S_heading(struct S_state *s, cmark_node *h)
{
    int level = cmark_node_get_heading_level(h);
    unsigned line = (unsigned)cmark_node_get_start_line(h);
    unsigned col = (unsigned)cmark_node_get_start_column(h);
    char *text = S_heading_text(h);
    if (!text)
        return -1;

    if (level == 1) {
        s->section = s->feature = XSG_NONE;
        s->in_labels = false;
        if (!strcasecmp(text, "Release Support")) {
            s->zone = Z_RELEASE;
        } else if (!strcasecmp(text, "Feature Support")) {
            if (s->seen_features)
                xsg_warn(s->d, line, col,
                         "second 'Feature Support' heading; its sections "
                         "are added to the first one's");
            s->zone = Z_FEATURES;
            s->seen_features = true;
        } else {
            s->zone = Z_OTHER;
        }
        free(text);
        return 0;
    }

    if (s->zone == Z_FEATURES) {
        size_t n = strlen(text);
        if (n > 1 && text[n - 1] == ':') {
            unsigned ccol = xsg_source_col(s->src, line, ":", 1, col);
            const char *b, *e;
            if (xsg_source_line(s->src, line, &b, &e)) {
                const char *c = e;
                while (c > b && (isspace((unsigned char)c[-1]) || c[-1] == '#'))
                    c--;
                if (c > b && c[-1] == ':')
                    ccol = (unsigned)(c - b);
            }
            text[--n] = '\0';
            while (n && isspace((unsigned char)text[n - 1]))
                text[--n] = '\0';
            xsg_warn(s->d, line, ccol,
                     "heading ends in ':'; read as the name '%s'", text);
        }
        if (level == 2) {
            free(s->section_prose);
            s->section_prose = NULL;
            struct xsg_section *sec = xsg_model_add_section(s->m);
            if (!sec) {
                free(text);
                return -1;
            }
            sec->name = text;
            sec->line = line;
            sec->col = col;
            sec->first_feature = s->m->nr_features;
            s->section = s->m->nr_sections - 1;
            s->feature = XSG_NONE;
            return 0;
        }
        if (s->section == XSG_NONE) {
            xsg_error(s->d, line, col,
                      "feature heading '%s' before any section (## heading)",
                      text);
            free(text);
            return 0;
        }
        return S_new_feature(s, text, line, col, level);
    }

    if (s->zone == Z_OTHER) {
        if (level == 2) {
            s->in_labels = !strcasecmp(text, "Definition of Status labels");
            free(s->label);
            s->label = NULL;
        } else if (s->in_labels) {
            if (level > 3)
                xsg_warn(s->d, line, col,
                         "level-%d heading in the status label definitions "
                         "where level 3 is meant; read as the definition of "
                         "label '%s'",
                         level, text);
            free(s->label);
            s->label = text;
            s->label_line = line;
            return 0;
        }
    }
    free(text);
    return 0;
}

/* ---- code blocks ---- */

static int S_fact(struct S_state *s, const char *kb, const char *ke,
                  const char *vb, const char *ve, unsigned line, unsigned col)
{
    xsg_trim(&kb, &ke);
    xsg_trim(&vb, &ve);
    struct xsg_fact *f = xsg_model_add_fact(s->m);
    if (!f)
        return -1;
    f->key = xsg_strndup(kb, (size_t)(ke - kb));
    f->value = xsg_strndup(vb, (size_t)(ve - vb));
    f->line = line;
    f->col = col;
    return f->key && f->value ? 0 : -1;
}

static int S_row(struct S_state *s, const char *b, const char *e, unsigned line,
                 unsigned col)
{
    struct xsg_model *m = s->m;
    const char *colon = memchr(b, ':', (size_t)(e - b));
    if (!colon) {
        xsg_error(s->d, line, col,
                  "expected 'Key[, qualifier]: value', found '%.*s'",
                  (int)(e - b), b);
        return 0;
    }
    if (s->section == XSG_NONE) {
        xsg_error(s->d, line, col, "status line before any section");
        return 0;
    }
    if (s->feature == XSG_NONE) {
        /* Rows straight under a section (4.12+ "Dom0less"): the section
         * is its own feature. */
        char *name = strdup(m->sections[s->section].name);
        if (!name || S_new_feature(s, name, m->sections[s->section].line,
                                   m->sections[s->section].col, 2))
            return -1;
        m->features[s->feature].desc = s->section_prose;
        s->section_prose = NULL;
    }
    const char *comma = memchr(b, ',', (size_t)(colon - b));
    const char *kb = b, *ke = comma ? comma : colon;
    const char *vb = colon + 1, *ve = e;
    xsg_trim(&kb, &ke);
    xsg_trim(&vb, &ve);
    if (kb == ke) {
        xsg_error(s->d, line, col, "status line without a key");
        return 0;
    }
    struct xsg_row *r = xsg_model_add_row(m);
    if (!r)
        return -1;
    r->line = line;
    r->col = col;
    r->feature = s->feature;
    r->key_raw = xsg_strndup(kb, (size_t)(ke - kb));
    r->value = xsg_strndup(vb, (size_t)(ve - vb));
    r->value_col = col + (unsigned)(vb - b);
    r->value_len1 = (size_t)(ve - vb);
    if (!r->key_raw || !r->value)
        return -1;
    if (comma) {
        const char *qb = comma + 1, *qe = colon;
        xsg_trim(&qb, &qe);
        r->qual_col = col + (unsigned)(qb - b);
        if (qb == qe)
            xsg_warn(s->d, line, r->qual_col,
                     "empty qualifier after ','; read as no qualifier");
        else if (!(r->qualifier = xsg_strndup(qb, (size_t)(qe - qb))))
            return -1;
    }
    if (vb == ve)
        xsg_warn(s->d, line, r->value_col, "empty value; read as level other");
    return 0;
}

/* The line [b, e) starts with the word "Status" (a row missing its ':'). */
static bool S_status_word(const char *b, const char *e)
{
    size_t n = strlen("Status");
    return (size_t)(e - b) >= n && !strncasecmp(b, "Status", n) &&
           ((size_t)(e - b) == n || !isalnum((unsigned char)b[n]));
}

/*
 * A code block under Feature Support that holds no line with a ':' and
 * none starting with "Status" is a listing, not status lines (4.19's
 * register names under ARM/Partial Emulation).
 */
static bool S_listing(const char *lit)
{
    for (const char *p = lit; *p;) {
        const char *nl = strchr(p, '\n');
        const char *b = p, *e = nl ? nl : p + strlen(p);
        p = nl ? nl + 1 : e;
        xsg_trim(&b, &e);
        if (memchr(b, ':', (size_t)(e - b)) || S_status_word(b, e))
            return false;
    }
    return true;
}

/* Join the line [b, e) at line:col to the value of the last row. */
static int S_continue(struct S_state *s, const char *b, const char *e,
                      unsigned line, unsigned col, unsigned row_line)
{
    struct xsg_row *r = &s->m->rows[s->m->nr_rows - 1];
    size_t old = strlen(r->value), n = (size_t)(e - b);
    char *v = realloc(r->value, old + 1 + n + 1);
    if (!v)
        return -1;
    v[old] = ' ';
    memcpy(v + old + 1, b, n);
    v[old + 1 + n] = '\0';
    r->value = v;
    xsg_warn(s->d, line, col,
             "line continues the status value of line %u; joined to it",
             row_line);
    return 0;
}

static int S_code_block(struct S_state *s, cmark_node *n)
{
    unsigned start = (unsigned)cmark_node_get_start_line(n);
    const char *lit = cmark_node_get_literal(n);
    const char *b, *e;
    if (!lit)
        return 0;
    if (xsg_source_line(s->src, start, &b, &e)) {
        xsg_trim(&b, &e);
        if (e - b >= 3 && (!strncmp(b, "```", 3) || !strncmp(b, "~~~", 3)))
            start++;
    }
    if (s->zone == Z_FEATURES && S_listing(lit)) {
        /* Warn once, where its first line is. */
        unsigned ln = start;
        const char *p = lit;
        while (*p == '\n' || *p == ' ' || *p == '\t')
            ln += *p++ == '\n';
        size_t len = strcspn(p, "\n");
        xsg_warn(s->d, ln, xsg_source_col(s->src, ln, p, len, 1),
                 "code block holds no status line ('Key[, qualifier]: "
                 "value'); ignored");
        return 0;
    }
    /* The last row's line and column, the line its value last went on. */
    unsigned ln = start, row_line = 0, row_col = 0, value_line = 0;
    for (const char *p = lit; *p; ln++) {
        const char *nl = strchr(p, '\n');
        const char *lb = p, *le = nl ? nl : p + strlen(p);
        p = nl ? nl + 1 : le;
        xsg_trim(&lb, &le);
        if (lb == le)
            continue;
        /* Take the text from the source itself, for exact columns. */
        unsigned col = xsg_source_col(s->src, ln, lb, (size_t)(le - lb), 0);
        const char *sb, *se;
        if (col && xsg_source_line(s->src, ln, &sb, &se)) {
            size_t tl = (size_t)(le - lb);
            lb = sb + col - 1;
            le = lb + tl;
        } else {
            col = 1;
        }
        int rc = 0;
        if (s->zone == Z_RELEASE) {
            const char *colon = memchr(lb, ':', (size_t)(le - lb));
            if (colon)
                rc = S_fact(s, lb, colon, colon + 1, le, ln, col);
            else
                xsg_warn(s->d, ln, col,
                         "line in the Release Support block is not "
                         "'Key: value'; ignored");
        } else if (s->zone == Z_FEATURES) {
            size_t rows = s->m->nr_rows;
            if (memchr(lb, ':', (size_t)(le - lb)) || S_status_word(lb, le)) {
                rc = S_row(s, lb, le, ln, col);
                if (s->m->nr_rows > rows)
                    row_line = value_line = ln, row_col = col;
            } else if (value_line && ln == value_line + 1 && col > row_col) {
                /* An indented line right below a row: its value goes on. */
                rc = S_continue(s, lb, le, ln, col, row_line);
                value_line = ln;
            } else {
                xsg_warn(s->d, ln, col,
                         "line is no status line ('Key[, qualifier]: "
                         "value'); ignored");
            }
        } else if (s->zone == Z_OTHER && s->in_labels) {
            rc = xsg_labels_line(s->m, s->d, s->label, s->label_line, lb, le,
                                 ln, col);
            if (rc > 0) {
                s->doc_labels = true;
                rc = 0;
            }
        }
        if (rc)
            return rc;
    }
    return 0;
}

/* ---- prose ---- */

static int S_append(char **dst, const char *b, size_t n, const char *sep)
{
    size_t old = *dst ? strlen(*dst) : 0, sl = old ? strlen(sep) : 0;
    char *p = realloc(*dst, old + sl + n + 1);
    if (!p)
        return -1;
    memcpy(p + old, sep, sl);
    memcpy(p + old + sl, b, n);
    p[old + sl + n] = '\0';
    *dst = p;
    return 0;
}

static int S_prose(struct S_state *s, cmark_node *n)
{
    unsigned first = (unsigned)cmark_node_get_start_line(n);
    unsigned last = (unsigned)cmark_node_get_end_line(n);
    const char *b, *e;

    if (s->zone == Z_RELEASE &&
        cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH) {
        /* Definition list: "Term" then ": definition". */
        for (unsigned ln = first + 1; ln <= last; ln++) {
            const char *pb, *pe;
            if (!xsg_source_line(s->src, ln, &b, &e) ||
                !xsg_source_line(s->src, ln - 1, &pb, &pe))
                continue;
            xsg_trim(&b, &e);
            xsg_trim(&pb, &pe);
            if (e > b && *b == ':' && pe > pb && *pb != ':' &&
                S_fact(s, pb, pe, b + 1, e, ln - 1,
                       xsg_source_col(s->src, ln - 1, pb, 1, 1)))
                return -1;
        }
        return 0;
    }
    if (s->zone != Z_FEATURES || !s->with_desc || s->section == XSG_NONE)
        return 0;
    char **dst = s->feature != XSG_NONE ? &s->m->features[s->feature].desc
                                        : &s->section_prose;
    const char *sep = "\n\n";
    for (unsigned ln = first; ln <= last; ln++) {
        if (!xsg_source_line(s->src, ln, &b, &e))
            break;
        if (S_append(dst, b, (size_t)(e - b), sep))
            return -1;
        sep = "\n";
    }
    return 0;
}

static int S_block(struct S_state *s, cmark_node *n, bool top)
{
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_HEADING:
        return S_heading(s, n);
    case CMARK_NODE_CODE_BLOCK:
        return S_code_block(s, n);
    case CMARK_NODE_LIST:
    case CMARK_NODE_ITEM:
    case CMARK_NODE_BLOCK_QUOTE:
        if (top && S_prose(s, n))
            return -1;
        /* Code blocks may sit inside containers: look for them only. */
        for (cmark_node *c = cmark_node_first_child(n); c;
             c = cmark_node_next(c)) {
            cmark_node_type t = cmark_node_get_type(c);
            if (t == CMARK_NODE_CODE_BLOCK || t == CMARK_NODE_LIST ||
                t == CMARK_NODE_ITEM || t == CMARK_NODE_BLOCK_QUOTE)
                if (S_block(s, c, false))
                    return -1;
        }
        return 0;
    default:
        return top ? S_prose(s, n) : 0;
    }
}

int xsg_walk(const struct xsg_source *src, struct xsg_model *m,
             struct xsg_diag *d, bool with_desc, struct xsg_walk_seen *seen)
{
    struct S_state s = {
        .src = src,
        .m = m,
        .d = d,
        .with_desc = with_desc,
        .section = XSG_NONE,
        .feature = XSG_NONE,
    };
    int rc = 0;

    cmark_node *doc =
        cmark_parse_document(src->text, src->len, CMARK_OPT_DEFAULT);
    if (!doc) {
        errno = ENOMEM;
        return -1;
    }
    for (cmark_node *n = cmark_node_first_child(doc); n && !rc;
         n = cmark_node_next(n))
        rc = S_block(&s, n, true);
    cmark_node_free(doc);
    free(s.label);
    free(s.section_prose);
    seen->features = s.seen_features;
    seen->labels = s.doc_labels;
    return rc ? -1 : 0;
}
