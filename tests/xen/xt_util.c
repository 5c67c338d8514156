/*
 * xt_util.c: helpers for the hosted hypervisor tests (see xt_util.h).
 * The expander here is recursive on purpose: support.c's is iterative,
 * so the two check each other.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <hosted/shim.h>
#include <public/sysctl.h>

#include "xsgen.h"
#include "xt_util.h"
#include "../../xen-side/common/support_private.h"

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
    static struct xen_suptab_header h;

    suptab_header_read(blob, &h);
    return &h;
}

/* Pair number of code c, or -1 (written apart from core/suptab_str.c). */
static int pair_of(uint8_t c)
{
    if (c >= 0x80 && c <= 0xfe)
        return c - 0x80;
    if (c >= 0x01 && c <= 0x1f)
        return 127 + c - 1;
    return c == 0x7f ? 158 : -1;
}

/* Expand code c; returns false once the string's end was reached. */
static bool expand_code(const uint8_t *blob, uint8_t c, char *buf, size_t size,
                        size_t *len)
{
    struct xen_suptab_header h = *xt_hdr(blob);
    int k = pair_of(c);

    if (!c)
        return false;
    if (k >= 0) {
        const uint8_t *p = blob + h.off_pairs + 2 * k;

        assert_true((unsigned)k < h.nr_pairs);
        return expand_code(blob, p[0], buf, size, len) &&
               expand_code(blob, p[1], buf, size, len);
    }
    if (*len + 1 < size)
        buf[*len] = (char)c;
    (*len)++;
    return true;
}

size_t xt_expand(const uint8_t *blob, uint16_t ref, char *buf, size_t size)
{
    struct xen_suptab_header h = *xt_hdr(blob);
    const uint8_t *s = blob + h.off_strings + ref;
    size_t len = 0;

    assert_true(ref < h.strings_size);
    for (;; s++) {
        if (*s == XEN_SUPTAB_CODE_ESCAPE) {
            s++;
            if (len + 1 < size)
                buf[len] = (char)*s;
            len++;
        } else if (!expand_code(blob, *s, buf, size, &len)) {
            break;
        }
    }
    if (size)
        buf[len < size ? len : size - 1] = '\0';
    return len;
}

size_t xt_feature_name(const uint8_t *blob, unsigned id, char *buf, size_t size)
{
    struct xen_suptab_header h = *xt_hdr(blob);
    unsigned rw = XEN_SUPTAB_IDW(h.nr_rows);
    const uint8_t *f = blob + h.off_features + id * (2 + rw);

    assert_true(id < h.nr_features);
    return xt_expand(blob, (uint16_t)(f[0] | f[1] << 8), buf, size);
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

int xt_feature_by_name(const char *name)
{
    if (!support_active || !name)
        return -ENOENT;
    return suptab_lookup(&support_active->t, name);
}

unsigned int xt_events(struct xen_support_event *ev)
{
    struct xen_sysctl_support_table op;

    memset(&op, 0, sizeof(op));
    op.cmd = XEN_SYSCTL_SUPPORT_get_events;
    op.u.events.nr = XEN_SUPPORT_EVENTS_MAX;
    op.u.events.buffer.p = ev;
    assert_int_equal(hosted_do_sysctl(&op), 0);
    return op.u.events.nr;
}

void xt_info(struct xen_sysctl_support_info *out)
{
    struct xen_sysctl_support_table op;

    memset(&op, 0, sizeof(op));
    op.cmd = XEN_SYSCTL_SUPPORT_get_info;
    assert_int_equal(hosted_do_sysctl(&op), 0);
    *out = op.u.info;
}
