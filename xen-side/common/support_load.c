/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * support_load.c: replacing the active support table after the build,
 * with a table given as a boot module (support_table_attach(), called by
 * the architecture's boot code with the module's bytes) or by
 * XEN_SYSCTL_support_load at run time.  Either way the table is copied
 * into memory of its own, checked whole (support_table_check()), given a
 * map from the gates' built-in feature ids to its own, and swapped in by
 * support_activate().  docs/support-policy.md describes both.  The same
 * file builds on Linux against xen-side/hosted/ for the unit tests.
 */

#include <xen/errno.h>
#include <xen/guest_access.h>
#include <xen/init.h>
#include <xen/kernel.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/string.h>
#include <xen/support.h>
#include <xen/xmalloc.h>
#include <public/sysctl.h>

#include "support_private.h"

/* Every heading each stable feature key has had ('|' between them). */
static const char *const key_headings[] = {
#define SUPPORT_FEATURE(key, origin, aliases, headings) headings,
#include <xen/suptab_features.def>
#undef SUPPORT_FEATURE
};

/*
 * Copy the next heading of a '|'-separated list at *s into buf (cut to
 * size) and move *s past it; false when none is left.
 */
static bool next_heading(const char **s, char *buf, size_t size)
{
    const char *e;
    size_t len;

    if ( !*s )
        return false;
    e = strchr(*s, '|');
    len = min(e ? (size_t)(e - *s) : strlen(*s), size - 1);
    memcpy(buf, *s, len);
    buf[len] = '\0';
    *s = e ? e + 1 : NULL;
    return true;
}

int support_same_feature(const struct suptab *from, unsigned int id,
                         const struct suptab *to)
{
    struct suptab_feature f;
    char name[128], h[128];
    unsigned int k;
    int rc;

    suptab_feature(from, id, &f);
    rc = suptab_str_copy(from, f.name, name, sizeof(name));
    if ( rc < 0 || (size_t)rc >= sizeof(name) )
        return -ENOENT;
    rc = suptab_lookup(to, name);
    if ( rc >= 0 )
        return rc;

    /* Renamed: try the other headings of its stable key. */
    for ( k = 0; k < ARRAY_SIZE(key_headings); k++ )
    {
        const char *s = key_headings[k];
        bool ours = false;

        while ( next_heading(&s, h, sizeof(h)) )
            ours |= !strcasecmp(h, name);
        if ( !ours )
            continue;
        for ( s = key_headings[k]; next_heading(&s, h, sizeof(h)); )
        {
            rc = suptab_lookup(to, h);
            if ( rc >= 0 )
                return rc;
        }
        break;
    }
    return -ENOENT;
}

/*
 * One allocation: the struct, the gate map, then the table's bytes (8-byte
 * aligned, as the linked table is).
 */
static struct support_active *alloc_active(uint32_t size, uint8_t **bytes)
{
    const struct suptab *b = support_builtin();
    unsigned int nr = b ? b->h.nr_features : 0;
    size_t off =
        ROUNDUP(sizeof(struct support_active) + nr * sizeof(uint16_t), 8);
    struct support_active *a = xmalloc_bytes(off + size);

    if ( !a )
        return NULL;
    memset(a, 0, sizeof(*a));
    *bytes = (uint8_t *)a + off;
    return a;
}

/*
 * Check the table at bytes (in a's allocation), map the gates' features
 * into it, and make it active.  On error a is not used (the caller frees
 * it) and why says what is wrong.
 */
static int activate(struct support_active *a, const uint8_t *bytes,
                    uint32_t size, unsigned int source, char *why,
                    size_t why_len)
{
    const struct suptab *b = support_builtin();
    uint16_t *map = (uint16_t *)(a + 1);
    unsigned int i;
    int rc = support_table_check(&a->t, bytes, size, why, why_len);

    if ( rc )
        return rc;
    for ( i = 0; b && i < b->h.nr_features; i++ )
    {
        rc = support_same_feature(b, i, &a->t);
        map[i] = rc < 0 ? XEN_SUPPORT_FEATURE_NONE : rc;
    }
    a->gate_map = map;
    a->source = source;
    support_activate(a);
    return 0;
}

int __init support_table_attach(const uint8_t *blob, uint32_t size, char *why,
                                size_t why_len)
{
    struct support_active *a;
    uint8_t *bytes;
    int rc;

    /* Gates map from the built-in table's ids: attach it first. */
    support_attach_builtin();
    if ( !blob || size > XEN_SYSCTL_SUPPORT_LOAD_MAX )
    {
        snprintf(why, why_len, "%u bytes: the cap is %u", size,
                 XEN_SYSCTL_SUPPORT_LOAD_MAX);
        return blob ? -E2BIG : -EINVAL;
    }
    a = alloc_active(size, &bytes);
    if ( !a )
    {
        snprintf(why, why_len, "out of memory");
        return -ENOMEM;
    }
    memcpy(bytes, blob, size);
    rc = activate(a, bytes, size, XEN_SUPPORT_SOURCE_MODULE, why, why_len);
    if ( rc )
        xfree(a);
    return rc;
}

/*
 * Access control happened before: do_sysctl() ran xsm_sysctl() on the op
 * (the dummy policy: privileged domains only; FLASK: xen2:support_load)
 * before taking sysctl_lock, which also keeps loads one at a time.
 */
int support_load_sysctl(struct xen_sysctl_support_load *op)
{
    struct support_active *a;
    uint8_t *bytes;
    char why[128];
    int rc;

    if ( op->flags || !op->size )
        return -EINVAL;
    if ( op->size > XEN_SYSCTL_SUPPORT_LOAD_MAX )
        return -E2BIG;

    a = alloc_active(op->size, &bytes);
    if ( !a )
        return -ENOMEM;
    /* Checked in our own copy: the guest cannot change it under us. */
    if ( copy_from_guest(bytes, op->buffer, op->size) )
    {
        xfree(a);
        return -EFAULT;
    }
    support_attach_builtin();
    rc = activate(a, bytes, op->size, XEN_SUPPORT_SOURCE_LOADED, why,
                  sizeof(why));
    if ( rc )
    {
        printk(XENLOG_WARNING "support: d%d: table not loaded (%d): %s\n",
               current->domain->domain_id, rc, why);
        xfree(a);
        return rc;
    }

    printk(XENLOG_INFO "support: d%d: loaded table active: %u bytes, "
                       "checksum %#x, %u features\n",
           current->domain->domain_id, a->t.size, a->t.h.checksum,
           a->t.h.nr_features);
    op->checksum = a->t.h.checksum;
    op->table_generation = support_table_generation;
    return 0;
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
