/*
 * outfile.h: write several output files as one step: every file goes to
 * a temporary file in its own directory first, and only when all of them
 * are written are they renamed into place.  On failure no temporary file
 * is left and, unless a rename itself fails, no target is changed.
 */
#ifndef XSG_OUTFILE_H
#define XSG_OUTFILE_H

#include <stddef.h>

struct xsg_outfile {
    const char *path;
    const void *data;
    size_t len;
};

/*
 * Write outs[0..n).  Returns 0, or -1 with errno set and *failed pointing
 * at the path that could not be written.
 */
int xsg_write_outputs(const struct xsg_outfile *outs, size_t n,
                      const char **failed);

#endif
