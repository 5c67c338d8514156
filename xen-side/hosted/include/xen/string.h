/* Hosted shim: Xen's string functions. */
#ifndef HOSTED_XEN_STRING_H
#define HOSTED_XEN_STRING_H

#include <stddef.h>
#include <string.h>
#include <strings.h> /* strcasecmp */

size_t hosted_strlcpy(char *dst, const char *src, size_t size);
#define strlcpy hosted_strlcpy

#endif
