/*
 * fuzz_document.c: libFuzzer target over the document compiler (parser,
 * normaliser, table writer: xsg_compile) with the decoder as the oracle:
 * every table the writer emits must validate, count the model's facts,
 * sections, features and rows, and survive the full accessor walk.
 */
#include "fuzz.h"

#include "compile.h"

#include <stdio.h>
#include <stdlib.h>

static FILE *S_null(void)
{
    static FILE *null;
    if (!null)
        null = fopen("/dev/null", "w");
    return null;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The input is not NUL-terminated: the compiler must not need it. */
    struct xsg_options opt = {
        .quiet = true,
        .diag = S_null(),
        .with_descriptions = size & 1,
        .strict = (size & 6) == 6,
    };
    struct xsg_model m;
    uint8_t *blob = (uint8_t *)1;
    size_t len = 1;
    char err[XENSUPPORT_ERRLEN];

    xsg_model_init(&m);
    int rc = xsg_compile((const char *)data, size, "fuzz.md", &opt, &m, &blob,
                         &len, NULL);
    FUZZ_CHECK(rc == XSG_OK || rc == XSG_EDOC);
    if (rc != XSG_OK) {
        FUZZ_CHECK(blob == NULL && len == 0);
        xsg_model_free(&m);
        return 0;
    }
    FUZZ_CHECK(blob != NULL && len > 0);

    xensupport_table *t =
        xensupport_open_memory(blob, len, XENSUPPORT_BORROW, err, sizeof(err));
    if (!t)
        fprintf(stderr, "writer output rejected: %s\n", err);
    FUZZ_CHECK(t != NULL);
    struct xensupport_info in;
    xensupport_get_info(t, &in);
    FUZZ_CHECK(in.nr_rows == m.nr_rows);
    FUZZ_CHECK(in.nr_features == m.nr_features);
    FUZZ_CHECK(in.nr_sections == m.nr_sections);
    FUZZ_CHECK(in.nr_facts == m.nr_facts);
    FUZZ_CHECK(in.has_descriptions == opt.with_descriptions);
    fuzz_walk_table(t);
    xensupport_close(t);
    free(blob);
    xsg_model_free(&m);
    return 0;
}
