/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * support_param.c: the support= command line option, which chooses the
 * boot policy of the built-in support statement: warn, refuse or quiet,
 * strict or not, and the features exempted from it.  support_policy.c
 * applies the policy at the gates; docs/support-policy.md describes the
 * option.  The same file builds on Linux against xen-side/hosted/ for
 * the unit tests.
 */

#include <xen/errno.h>
#include <xen/init.h>
#include <xen/lib.h>
#include <xen/param.h>
#include <xen/string.h>
#include <xen/support.h>

#include "support_private.h"

#define EXEMPT_MAX 16
uint8_t __ro_after_init support_policy = XEN_SUPPORT_POLICY_WARN;
uint32_t __ro_after_init support_policy_flags = XEN_SUPPORT_PF_NOT_SECURITY;
uint16_t __ro_after_init support_nr_exempt;
static uint16_t __ro_after_init exempt[EXEMPT_MAX];

/*
 * Names as support= takes them: ASCII letters folded, every run of other
 * characters one '-', none at either end ("RTDS based Scheduler" and
 * "rtds-based-scheduler" both give "rtds-based-scheduler").
 */
static void slug(const char *in, size_t len, char *out, size_t size)
{
    size_t n = 0, i;
    bool dash = false;

    for ( i = 0; i < len && in[i] && n + 2 < size; i++ )
    {
        uint8_t c = suptab_fold(in[i]);

        if ( (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') )
        {
            if ( dash && n )
                out[n++] = '-';
            out[n++] = c;
            dash = false;
        }
        else
            dash = true;
    }
    out[n] = '\0';
}

/* Exempt every feature whose name matches name[0..len); 0 or -EINVAL. */
static int exempt_add(const char *name, size_t len)
{
    char want[80], have[80], full[128];
    unsigned int id, found = 0;

    slug(name, len, want, sizeof(want));
    /* By built-in id, as the gates name features. */
    for ( id = 0; want[0] && support_builtin_name(id, full, sizeof(full)) >= 0;
          id++ )
    {
        slug(full, sizeof(full), have, sizeof(have));
        if ( strcmp(have, want) )
            continue;
        found++;
        if ( support_nr_exempt >= EXEMPT_MAX )
        {
            printk(XENLOG_WARNING "support=: more than %u exemptions\n",
                   EXEMPT_MAX);
            return -EINVAL;
        }
        exempt[support_nr_exempt++] = id;
    }
    if ( !found )
    {
        printk(XENLOG_WARNING "support=: exempt: no feature '%s'\n", want);
        return -EINVAL;
    }
    support_policy_flags |= XEN_SUPPORT_PF_EXEMPTIONS;
    return 0;
}

bool support_exempted(unsigned int feature)
{
    unsigned int i;

    for ( i = 0; i < support_nr_exempt; i++ )
        if ( exempt[i] == feature )
            return true;
    return false;
}

/*
 * support=[warn|refuse|quiet][,<bool>strict][,exempt:NAME]...: several
 * uses of the option accumulate, since Xen hands each one over in at most
 * MAX_PARAM_SIZE bytes ("support=" included: 119 characters of words),
 * which holds two or three exemptions: the policy and strict words of the
 * last use win, exemptions add up (EXEMPT_MAX in all).  The defaults are
 * warn, strict, no exemptions.  Unknown words are reported; the others
 * still apply.
 */
static int __init cf_check parse_support(const char *s)
{
    const char *ss;
    int val, rc = 0;

    support_attach_builtin();

    do
    {
        ss = strchr(s, ',');
        if ( !ss )
            ss = strchr(s, '\0');

        if ( !cmdline_strcmp(s, "warn") )
            support_policy = XEN_SUPPORT_POLICY_WARN;
        else if ( !cmdline_strcmp(s, "refuse") )
            support_policy = XEN_SUPPORT_POLICY_REFUSE;
        else if ( !cmdline_strcmp(s, "quiet") )
            support_policy = XEN_SUPPORT_POLICY_QUIET;
        else if ( (val = parse_boolean("strict", s, ss)) >= 0 )
        {
            if ( val )
                support_policy_flags |= XEN_SUPPORT_PF_NOT_SECURITY;
            else
                support_policy_flags &= ~XEN_SUPPORT_PF_NOT_SECURITY;
        }
        else if ( !strncmp(s, "exempt:", 7) && ss - s > 7 )
        {
            if ( !support_builtin() || exempt_add(s + 7, ss - s - 7) )
                rc = -EINVAL;
        }
        else
            rc = -EINVAL;

        s = ss + 1;
    } while ( *ss );

    return rc;
}
custom_param("support", parse_support);

/*
 * Local variables:
 * mode: C
 * c-file-style: "BSD"
 * c-basic-offset: 4
 * tab-width: 4
 * indent-tabs-mode: nil
 * End:
 */
