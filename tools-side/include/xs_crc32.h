/* xs_crc32.h: CRC-32 (IEEE 802.3, zlib's crc32()) for table checksums. */
#ifndef XS_CRC32_H
#define XS_CRC32_H

#include <stddef.h>
#include <stdint.h>

/*
 * Continue a CRC-32 over len bytes of buf.  Start with crc = 0; the result
 * of one call is the crc argument of the next.  xs_crc32(0, "123456789", 9)
 * is 0xcbf43926.
 */
uint32_t xs_crc32(uint32_t crc, const void *buf, size_t len);

#endif
