/*
 * doc.c: sources in the host build of xen-support: a document is
 * compiled on the fly by libxensupport-doc (gen's library, cmark).
 */
#include "../cli.h"
#include "xensupport_doc.h"

const bool cli_documents = true;

xensupport_table *cli_open_source(const struct xensupport_source *src,
                                  char *err, size_t errlen)
{
    return xensupport_doc_open(src, err, errlen);
}
