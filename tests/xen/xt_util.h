/*
 * xt_util.h: helpers for the hosted hypervisor tests: the generator's
 * blob for a document, an independent (recursive) string expander, and
 * header field access.
 */
#ifndef XT_UTIL_H
#define XT_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include <xen/suptab.h>

/* The generator's table for path (malloc()ed); fails the test if none. */
uint8_t *xt_compile(const char *path, size_t *len);

/* The blob's header, decoded (valid until the next call). */
const struct xen_suptab_header *xt_hdr(const uint8_t *blob);

/* Expand string ref of blob into buf; returns the length. */
size_t xt_expand(const uint8_t *blob, uint16_t ref, char *buf, size_t size);

/* Name of feature id, expanded into buf. */
size_t xt_feature_name(const uint8_t *blob, unsigned id, char *buf,
                       size_t size);

/*
 * Feature id by name (ASCII case folded) in the table the hypervisor code
 * attached, or -ENOENT: the name index, through the core (Xen has no
 * lookup by name, which only the tests need).
 */
int xt_feature_by_name(const char *name);

struct xen_sysctl_support_info;
/* get_info through the hosted sysctl (XSM first); fails the test if not 0. */
void xt_info(struct xen_sysctl_support_info *out);

struct xen_support_event;
/*
 * The whole record through the hosted sysctl into ev (room for
 * XEN_SUPPORT_EVENTS_MAX); the number of events.
 */
unsigned int xt_events(struct xen_support_event *ev);

/* ASCII case-folded comparison, as the table's name index. */
int xt_fold_cmp(const char *a, const char *b);

#endif
