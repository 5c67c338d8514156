/*
 * xt_util.c: helpers for the hosted hypervisor tests (see xt_util.h).
 * The expander here is recursive on purpose: support.c's is iterative,
 * so the two check each other.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "xsgen.h"
#include "xt_util.h"

uint8_t *xt_compile(const char *path, size_t *len)
{
    struct xsg_options opt = {.quiet = true};
    uint8_t *blob = NULL;

    assert_int_equal(xsg_compile_file(path, &opt, &blob, len), XSG_OK);
    assert_non_null(blob);
    return blob;
}

const struct xen_suptab_header *xt_hdr(const uint8_t *blob)
{
    return (const struct xen_suptab_header *)(const void *)blob;
}

static void expand_code(const uint8_t *blob, uint8_t c, char *buf, size_t size,
                        size_t *len)
{
    const struct xen_suptab_header *h = xt_hdr(blob);

    if (c >= XEN_SUPTAB_CODE_PAIR) {
        const struct xen_suptab_pair *p = (const void *)(blob + h->off_pairs);

        assert_true(c - XEN_SUPTAB_CODE_PAIR < h->nr_pairs);
        expand_code(blob, p[c - XEN_SUPTAB_CODE_PAIR].left, buf, size, len);
        expand_code(blob, p[c - XEN_SUPTAB_CODE_PAIR].right, buf, size, len);
        return;
    }
    if (*len + 1 < size)
        buf[*len] = (char)c;
    (*len)++;
}

size_t xt_expand(const uint8_t *blob, uint16_t ref, char *buf, size_t size)
{
    const struct xen_suptab_header *h = xt_hdr(blob);
    const uint8_t *s = blob + h->off_strings + ref;
    size_t len = 0;

    assert_true(ref < h->strings_size);
    for (; *s; s++) {
        if (*s == XEN_SUPTAB_CODE_ESCAPE) {
            s++;
            if (len + 1 < size)
                buf[len] = (char)*s;
            len++;
        } else {
            expand_code(blob, *s, buf, size, &len);
        }
    }
    if (size)
        buf[len < size ? len : size - 1] = '\0';
    return len;
}

size_t xt_feature_name(const uint8_t *blob, unsigned id, char *buf, size_t size)
{
    const struct xen_suptab_header *h = xt_hdr(blob);
    const struct xen_suptab_feature *f = (const void *)(blob + h->off_features);

    assert_true(id < h->nr_features);
    return xt_expand(blob, f[id].name, buf, size);
}

int xt_fold_cmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        unsigned char x = (unsigned char)*a, y = (unsigned char)*b;

        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y - 'A' + 'a');
        if (x != y)
            return x < y ? -1 : 1;
        if (!x)
            return 0;
    }
}
