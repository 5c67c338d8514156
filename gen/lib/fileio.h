/*
 * fileio.h: file input and output for the host tools (xen-support-gen and
 * the xen-support command).
 *
 * Inputs are read whole, but never more than a cap: a device or a pipe
 * that never ends (/dev/zero) fails with EFBIG once the cap is passed.
 *
 * Outputs are written as one step, by these rules:
 * - "-" is standard output, written in place.
 * - A regular file, or a path that does not exist yet, is written to a
 *   temporary file in the same directory, synced and renamed into place.
 *   An existing file keeps its mode (and, when root writes, its owner).
 * - Anything else that exists (a character or block device, a FIFO) is
 *   opened and written in place, never replaced; a directory fails with
 *   EISDIR and a socket with the error open() gives (ENXIO).
 * - A symbolic link is followed: its target is written by the rules
 *   above, and the link stays.  A dangling link fails with ENOENT.
 * Every output is checked before anything is written, and every regular
 * file is staged before any output is written in place or renamed.  On
 * failure no temporary file is left and, unless a rename itself fails,
 * no regular target is changed.
 */
#ifndef XSG_FILEIO_H
#define XSG_FILEIO_H

#include <stddef.h>

struct xsg_outfile {
    const char *path; /* "-" for standard output */
    const void *data;
    size_t len;
};

/*
 * Write outs[0..n).  Returns 0, or -1 with errno set and *failed pointing
 * at the path that could not be written.
 */
int xsg_write_outputs(const struct xsg_outfile *outs, size_t n,
                      const char **failed);

/*
 * Read path whole into *text (NUL-terminated, *len bytes, free() it).
 * Returns 0, or -1 with errno set: EFBIG when it holds more than max
 * bytes, otherwise the errno of open() or read().
 */
int xsg_read_input(const char *path, size_t max, char **text, size_t *len);

/*
 * Flush and close standard output; 0, or -1 with errno set (EIO when the
 * stream failed earlier for a reason it no longer knows).
 */
int xsg_close_stdout(void);

#endif
