/* labels.c: status label definitions from the document, built-ins. */
#include "labels.h"

#include <stdint.h>

#include <public/support_table.h>

#include <ctype.h>
#include <string.h>
#include <strings.h>

static void S_trim(const char **b, const char **e)
{
    while (*b < *e && isspace((unsigned char)**b))
        (*b)++;
    while (*e > *b && isspace((unsigned char)(*e)[-1]))
        (*e)--;
}

int xsg_labels_line(struct xsg_model *m, struct xsg_diag *d, const char *label,
                    unsigned label_line, const char *b, const char *e,
                    unsigned line, unsigned col)
{
    const char *colon = memchr(b, ':', (size_t)(e - b));
    if (!colon || !label)
        return 0;
    const char *kb = b, *ke = colon, *vb = colon + 1, *ve = e;
    S_trim(&kb, &ke);
    S_trim(&vb, &ve);
    if ((size_t)(ke - kb) != strlen("Security supported") ||
        strncasecmp(kb, "Security supported", (size_t)(ke - kb)))
        return 0;
    size_t vl = (size_t)(ve - vb);
    uint8_t sec;
    if (vl == 3 && !strncasecmp(vb, "yes", 3))
        sec = XEN_SUPTAB_SEC_YES;
    else if (vl == 2 && !strncasecmp(vb, "no", 2))
        sec = XEN_SUPTAB_SEC_NO;
    else if (vl == 8 && !strncasecmp(vb, "external", 8))
        sec = XEN_SUPTAB_SEC_EXTERNAL;
    else {
        xsg_warn(d, line, col + (unsigned)(vb - b),
                 "security support '%.*s' of label '%s' is not Yes or No; "
                 "read as unknown",
                 (int)vl, vb, label);
        sec = XEN_SUPTAB_SEC_UNKNOWN;
    }
    if (xsg_model_label(m, label, strlen(label))) {
        xsg_warn(d, line, col,
                 "label '%s' defined again; the first definition is kept",
                 label);
        return 0;
    }
    /* The level is the built-in label of the same name, if any. */
    struct xsg_model builtin;
    xsg_model_init(&builtin);
    uint8_t level = XEN_SUPTAB_LEVEL_OTHER;
    if (xsg_model_default_labels(&builtin) == 0) {
        const struct xsg_label *l =
            xsg_model_label(&builtin, label, strlen(label));
        if (l)
            level = l->level;
    }
    xsg_model_free(&builtin);
    struct xsg_label *l = xsg_model_add_label(m);
    if (!l || !(l->name = strdup(label)))
        return -1;
    l->level = level;
    l->sec = sec;
    l->line = label_line;
    return 1;
}

int xsg_labels_finish(struct xsg_model *m, struct xsg_diag *d, bool doc_labels)
{
    if (!doc_labels) {
        xsg_warn(d, 0, 0,
                 "no status label definitions ('## Definition of Status "
                 "labels'); using built-in ones: Supported and Deprecated "
                 "are security supported, Tech Preview and Experimental "
                 "are not");
    } else {
        static const char *const want[] = {"Supported", "Tech Preview",
                                           "Experimental", "Deprecated"};
        for (size_t i = 0; i < 4; i++)
            if (!xsg_model_label(m, want[i], strlen(want[i])))
                xsg_warn(d, 0, 0,
                         "label '%s' is not defined by the document; using "
                         "the built-in meaning",
                         want[i]);
    }
    m->labels_builtin = !doc_labels;
    return xsg_model_default_labels(m);
}
