/*
 * labels.h: the document's status label definitions.  Under H2
 * "Definition of Status labels", a label heading followed by a code line
 * "Security supported: Yes|No|External" defines that label; its level
 * is the built-in label's of the same name.
 */
#ifndef XSG_LABELS_H
#define XSG_LABELS_H

#include <stdbool.h>

#include "diag.h"
#include "model.h"

/*
 * Read the code line [b, e) at line:col, under the definition of label
 * (NULL if no label heading yet; its heading is on label_line).  If it
 * is the label's "Security supported" line, add the label to m: 1.  0 if
 * the line defines nothing, -1 on resource failure (errno set).
 */
int xsg_labels_line(struct xsg_model *m, struct xsg_diag *d, const char *label,
                    unsigned label_line, const char *b, const char *e,
                    unsigned line, unsigned col);

/*
 * Once the document is read: warn about labels it leaves undefined (all
 * of them if !doc_labels), then complete m with the built-in labels.
 * -1 on resource failure, else 0.
 */
int xsg_labels_finish(struct xsg_model *m, struct xsg_diag *d, bool doc_labels);

#endif
