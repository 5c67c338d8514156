/*
 * cmd_dump.c: "xen-support dump -o FILE": write the validated table blob
 * by the rules of gen/lib/fileio.h (a regular file through a temporary
 * file and rename, a device or FIFO in place, '-' to standard output).
 */
#include <errno.h>
#include <string.h>

#include "cli.h"
#include "fileio.h"

static const struct cli_cmd S_cmd = {
    "dump", "dump -o FILE|-",
    "\nWrite the validated table.  A regular FILE is replaced through a\n"
    "temporary file and rename, keeping its mode; a device or FIFO is\n"
    "written in place; a symbolic link is followed to its target; '-' is\n"
    "standard output.\n\n"
    "options:\n"
    "  -o, --output FILE  where to write (required)\n",
    CLI_ACCEPT_SOURCE};

int cmd_dump(struct cli *c, int n, char **args)
{
    const char *outp = NULL, *failed;
    const struct cli_opt opts[] = {
        {"output", 'o', &outp, NULL},
        {NULL, 0, NULL, NULL},
    };
    struct xsg_outfile out;
    xensupport_table *t;
    int rc;

    rc = cli_parse(c, &S_cmd, n, args, opts, NULL, 0);
    if (rc < 0)
        return cli_parse_status(rc);
    if (!outp || !outp[0]) {
        cli_err("usage: xen-support %s", S_cmd.usage);
        return CLI_USAGE;
    }
    rc = cli_open(c, 0, &t);
    if (rc)
        return rc;
    out.path = outp;
    out.data = xensupport_blob(t, &out.len);
    if (!strcmp(outp, "-"))
        fflush(stdout);
    if (xsg_write_outputs(&out, 1, &failed)) {
        cli_err("write error on %s: %s",
                strcmp(outp, "-") ? outp : "standard output", strerror(errno));
        rc = CLI_USAGE;
    }
    xensupport_close(t);
    return rc;
}
