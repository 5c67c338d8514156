/*
 * fuzz_table.c: libFuzzer target over the table decoder: open a blob
 * (xensupport_open_memory) and, when it validates, walk every accessor
 * and look up every name (fuzz_walk.c).
 *
 * Input: one control byte, then the blob.  Control bit 0 clear: the
 * target sets the header's checksum to the blob's CRC-32 (bit 1 clear:
 * and total_size to its length first), so that most mutations get past
 * the checksum and the fuzzer explores the structure; set: the blob is
 * used as is.  Bit 2 picks a borrowed buffer or an owned copy.
 */
#include "fuzz.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <xen/suptab.h>

enum {
    S_OFF_SIZE = offsetof(struct xen_suptab_header, total_size),
    S_OFF_CHECKSUM = offsetof(struct xen_suptab_header, checksum),
};

static void S_put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static void S_fix(uint8_t *b, size_t len, unsigned ctl)
{
    if (len < S_OFF_CHECKSUM + 4)
        return;
    if (!(ctl & 2))
        S_put32(b + S_OFF_SIZE, (uint32_t)len);
    S_put32(b + S_OFF_CHECKSUM, suptab_checksum(b, (uint32_t)len));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[XENSUPPORT_ERRLEN];
    if (size < 1)
        return 0;
    unsigned ctl = data[0];
    size_t len = size - 1;
    /* An exact-size heap copy, so that ASan sees any read past the end. */
    uint8_t *b = malloc(len ? len : 1);
    if (!b)
        return 0;
    memcpy(b, data + 1, len);
    if (!(ctl & 1))
        S_fix(b, len, ctl);

    int v = xensupport_validate(b, len, err, sizeof(err));
    FUZZ_CHECK(v == 0 || errno == EBADMSG || errno == ENOTSUP);
    FUZZ_CHECK(v == 0 || err[0] != '\0');
    unsigned flags = ctl & 4 ? XENSUPPORT_BORROW : 0;
    xensupport_table *t =
        xensupport_open_memory(b, len, flags, err, sizeof(err));
    FUZZ_CHECK(!t == (v != 0));
    if (t) {
        fuzz_walk_table(t);
        xensupport_close(t);
    }
    free(b);
    return 0;
}
