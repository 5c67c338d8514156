/*
 * xen-support-gen: compile a SUPPORT.md into a support table (and,
 * optionally, C source and header for linking it into Xen, and a JSON
 * dump of what was read).  See docs/xen-support-gen.1.
 */
#include <xsgen.h>

#include <stdint.h>

#include <public/support_table.h>

#include "compile.h"
#include "csource.h"
#include "json.h"
#include "fileio.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char S_usage[] =
    "usage: xen-support-gen [--strict] [--quiet] [--with-descriptions]\n"
    "                       [-o TABLE] [--c-source FILE] [--header FILE]\n"
    "                       [--json FILE|-] DOCUMENT\n";

static const char S_help[] =
    "\n"
    "Compile a Xen SUPPORT.md into a support table (docs/table-format.md).\n"
    "\n"
    "options:\n"
    "  -o, --output TABLE      write the binary table\n"
    "      --c-source FILE     write C source defining the table "
    "(xen_support_table)\n"
    "      --header FILE       write the C header: feature ids and stable "
    "keys\n"
    "      --json FILE|-       write what was read as JSON (docs/"
    "model-json.md)\n"
    "      --with-descriptions keep each feature's prose in the table\n"
    "      --strict            warnings are errors\n"
    "      --quiet             print no warnings (errors are still printed)\n"
    "  -h, --help              print this help and exit\n"
    "      --version           print the version and exit\n"
    "\n"
    "Outputs are written together, only when the document compiles: a\n"
    "regular file through a temporary file and rename (its mode kept), a\n"
    "device or FIFO in place, a symbolic link through to its target; '-'\n"
    "(--json only) is standard output.  Documents over 4 MiB are refused.\n"
    "\n"
    "exit: 0 compiled, 1 document errors, 2 usage or I/O error\n";

enum {
    OPT_STRICT = 256,
    OPT_QUIET,
    OPT_DESC,
    OPT_CSRC,
    OPT_HDR,
    OPT_JSON,
    OPT_VERSION,
};

static const struct option S_opts[] = {
    {"strict", no_argument, NULL, OPT_STRICT},
    {"quiet", no_argument, NULL, OPT_QUIET},
    {"with-descriptions", no_argument, NULL, OPT_DESC},
    {"output", required_argument, NULL, 'o'},
    {"c-source", required_argument, NULL, OPT_CSRC},
    {"header", required_argument, NULL, OPT_HDR},
    {"json", required_argument, NULL, OPT_JSON},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, OPT_VERSION},
    {NULL, 0, NULL, 0},
};

struct S_args {
    struct xsg_options opt;
    const char *table, *csrc, *hdr, *json, *doc;
};

/* Exit status after --help or --version: a write error is reported. */
static int S_close_stdout(void)
{
    if (xsg_close_stdout() == 0)
        return XSG_OK;
    fprintf(stderr, "xen-support-gen: write error on standard output: %s\n",
            strerror(errno));
    return XSG_EUSAGE_IO;
}

static int S_parse_args(int argc, char **argv, struct S_args *a)
{
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:h", S_opts, NULL)) != -1) {
        switch (c) {
        case OPT_STRICT:
            a->opt.strict = true;
            break;
        case OPT_QUIET:
            a->opt.quiet = true;
            break;
        case OPT_DESC:
            a->opt.with_descriptions = true;
            break;
        case 'o':
            a->table = optarg;
            break;
        case OPT_CSRC:
            a->csrc = optarg;
            break;
        case OPT_HDR:
            a->hdr = optarg;
            break;
        case OPT_JSON:
            a->json = optarg;
            break;
        case 'h':
            fputs(S_usage, stdout);
            fputs(S_help, stdout);
            exit(S_close_stdout());
        case OPT_VERSION:
            printf("xen-support-gen %s (table format %u)\n", XS_VERSION,
                   XEN_SUPTAB_VERSION);
            exit(S_close_stdout());
        case ':':
            fprintf(stderr, "xen-support-gen: option '%s' needs an argument\n",
                    argv[optind - 1]);
            return -1;
        default:
            fprintf(stderr, "xen-support-gen: unknown option '%s'\n",
                    argv[optind - 1]);
            return -1;
        }
    }
    if (optind + 1 != argc) {
        fprintf(stderr, "xen-support-gen: %s\n",
                optind == argc ? "no DOCUMENT given" : "one DOCUMENT only");
        return -1;
    }
    a->doc = argv[optind];
    const char *paths[] = {a->table, a->csrc, a->hdr, a->json};
    for (size_t i = 0; i < 4; i++)
        for (size_t j = i + 1; j < 4; j++)
            if (paths[i] && paths[j] && !strcmp(paths[i], paths[j]) &&
                strcmp(paths[i], "-")) {
                fprintf(stderr, "xen-support-gen: '%s' named as two outputs\n",
                        paths[i]);
                return -1;
            }
    if ((a->table && !strcmp(a->table, "-")) ||
        (a->csrc && !strcmp(a->csrc, "-")) ||
        (a->hdr && !strcmp(a->hdr, "-"))) {
        fprintf(stderr, "xen-support-gen: only --json can write to '-'\n");
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    struct S_args a = {0};
    struct xsg_model m;
    struct xsg_outfile outs[4];
    size_t nouts = 0;
    char *text = NULL, *csrc = NULL, *hdr = NULL, *json = NULL;
    uint8_t *blob = NULL;
    size_t text_len, blob_len, json_len = 0;
    int rc;

    xsg_model_init(&m);
    if (S_parse_args(argc, argv, &a)) {
        fputs(S_usage, stderr);
        return XSG_EUSAGE_IO;
    }
    if (xsg_read_file(a.doc, &text, &text_len)) {
        char msg[128];
        fprintf(stderr, "xen-support-gen: %s: %s\n", a.doc,
                xsg_input_error(msg, sizeof(msg), errno, XSG_DOCUMENT_MAX,
                                "documents"));
        return XSG_EUSAGE_IO;
    }
    rc = xsg_compile(text, text_len, a.doc, &a.opt, &m, &blob, &blob_len, NULL);
    if (rc == XSG_EUSAGE_IO)
        fprintf(stderr, "xen-support-gen: %s: %s\n", a.doc, strerror(errno));
    if (rc != XSG_OK)
        goto out;

    rc = XSG_EUSAGE_IO;
    if (xsg_csource_idents(&m))
        goto oom;
    if (a.table)
        outs[nouts++] = (struct xsg_outfile){a.table, blob, blob_len};
    if (a.csrc) {
        if (!(csrc = xsg_csource_c(blob, blob_len, a.doc)))
            goto oom;
        outs[nouts++] = (struct xsg_outfile){a.csrc, csrc, strlen(csrc)};
    }
    if (a.hdr) {
        if (!(hdr = xsg_csource_header(&m, a.doc)))
            goto oom;
        outs[nouts++] = (struct xsg_outfile){a.hdr, hdr, strlen(hdr)};
    }
    if (a.json) {
        if (!(json = xsg_json_model(&m, a.opt.with_descriptions, &json_len)))
            goto oom;
        outs[nouts++] = (struct xsg_outfile){a.json, json, json_len};
    }
    const char *failed;
    if (xsg_write_outputs(outs, nouts, &failed)) {
        fprintf(stderr, "xen-support-gen: write error on %s: %s\n",
                strcmp(failed, "-") ? failed : "standard output",
                strerror(errno));
        goto out;
    }
    rc = XSG_OK;
    goto out;
oom:
    fprintf(stderr, "xen-support-gen: %s\n", strerror(ENOMEM));
out:
    free(text);
    free(blob);
    free(csrc);
    free(hdr);
    free(json);
    xsg_model_free(&m);
    return rc;
}
