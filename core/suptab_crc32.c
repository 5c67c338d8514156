/* SPDX-License-Identifier: MIT */
/*
 * suptab_crc32.c: CRC-32 (reflected polynomial 0xedb88320, as zlib's
 * crc32()) for table checksums.  Four bits at a time from a 16-entry
 * constant table: several times faster than bit by bit, with no table to
 * build, so nothing to initialise or guard against threads.
 */
#include <xen/suptab.h>

static const uint32_t nibble[16] = {
    0x00000000U, 0x1db71064U, 0x3b6e20c8U, 0x26d930acU,
    0x76dc4190U, 0x6b6b51f4U, 0x4db26158U, 0x5005713cU,
    0xedb88320U, 0xf00f9344U, 0xd6d6a3e8U, 0xcb61b38cU,
    0x9b64c2b0U, 0x86d3d2d4U, 0xa00ae278U, 0xbdbdf21cU,
};

uint32_t suptab_crc32(uint32_t crc, const void *buf, size_t len)
{
    const uint8_t *p = buf;

    crc = ~crc;
    while ( len-- )
    {
        crc ^= *p++;
        crc = (crc >> 4) ^ nibble[crc & 0xf];
        crc = (crc >> 4) ^ nibble[crc & 0xf];
    }
    return ~crc;
}

uint32_t suptab_checksum(const uint8_t *blob, uint32_t len)
{
    static const uint8_t zero[4];
    const uint32_t at = offsetof(struct xen_suptab_header, checksum);
    uint32_t crc = suptab_crc32(0, blob, at);

    crc = suptab_crc32(crc, zero, sizeof(zero));
    return suptab_crc32(crc, blob + at + 4, len - at - 4);
}

/*
 * Local variables:
 * mode: C
 * c-file-style: "BSD"
 * c-basic-offset: 4
 * tab-width: 4
 * indent-tabs-mode: nil
 * End:
 */
