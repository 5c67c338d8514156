/*
 * nodoc.c: sources in the dom0 build of xen-support (xen-support-static):
 * libxensupport alone, without the document compiler and cmark, so a
 * document fails with ENOSYS (cli_open says --document needs the host
 * build).
 */
#include "../cli.h"

const bool cli_documents = false;

xensupport_table *cli_open_source(const struct xensupport_source *src,
                                  char *err, size_t errlen)
{
    return xensupport_open(src, err, errlen);
}
