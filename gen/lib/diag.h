/*
 * diag.h: diagnostics of the SUPPORT.md compiler.
 *
 * Messages are collected while the document is read (the reading of a
 * row may only be known once the label definitions at the end have been
 * seen), then printed sorted by position as "NAME:LINE:COL: warning: ..."
 * so the output is deterministic.  In strict mode a warning is printed
 * and counted as an error.
 */
#ifndef XSG_DIAG_H
#define XSG_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum xsg_severity { XSG_WARNING, XSG_ERROR };

struct xsg_diag_msg {
    unsigned line, col; /* 1-based; 0 when there is no location */
    enum xsg_severity sev;
    char *text;
};

struct xsg_diag {
    const char *name; /* document name used in messages */
    FILE *out;        /* NULL: stderr */
    bool strict;
    bool quiet; /* drop warnings (not errors) from the output */
    struct xsg_diag_msg *msgs;
    size_t nr, cap;
    unsigned nr_warnings; /* as found, before strict promotion */
    unsigned nr_errors;   /* errors, including promoted warnings */
    bool oom;
};

void xsg_diag_init(struct xsg_diag *d, const char *name, FILE *out, bool strict,
                   bool quiet);
void xsg_diag_free(struct xsg_diag *d);

/* Record a message at line:col (0:0 for none). */
void xsg_warn(struct xsg_diag *d, unsigned line, unsigned col, const char *fmt,
              ...) __attribute__((format(printf, 4, 5)));
void xsg_error(struct xsg_diag *d, unsigned line, unsigned col, const char *fmt,
               ...) __attribute__((format(printf, 4, 5)));

/* Print every message, sorted by position then recording order. */
void xsg_diag_flush(struct xsg_diag *d);

/* Errors so far (promoted warnings included). */
bool xsg_diag_failed(const struct xsg_diag *d);

#endif
