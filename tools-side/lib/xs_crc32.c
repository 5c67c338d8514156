/*
 * xs_crc32.c: CRC-32 (reflected polynomial 0xedb88320, as zlib's crc32()).
 * Bitwise: tables are a few KiB, so a lookup table (and its thread-safe
 * initialisation) is not worth having.
 */
#include "xs_crc32.h"

uint32_t xs_crc32(uint32_t crc, const void *buf, size_t len)
{
    const uint8_t *p = buf;

    crc = ~crc;
    while (len--) {
        crc ^= *p++;
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xedb88320U & (0U - (crc & 1)));
    }
    return ~crc;
}
