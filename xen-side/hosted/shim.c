/*
 * Hosted shim: the Xen services support*.c use, for the unit tests on
 * Linux (guest copies with injectable faults, printk into a buffer, the
 * XSM switch, a time counter, lock accounting, the boot state, the
 * current domain, the end-of-boot warnings, the command line helpers).
 */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xen/hypfs.h>
#include <hosted/shim.h>
#include <xen/guest_access.h>
#include <xen/kernel.h>
#include <xen/lib.h>
#include <xen/spinlock.h>
#include <xen/support.h>
#include <public/sysctl.h>
#include <xen/string.h>
#include <xen/sched.h>
#include <xen/time.h>
#include <xen/warning.h>
#include <xsm/xsm.h>

int hosted_copy_fail_at = -1;
unsigned int hosted_copies;
unsigned int hosted_copies_locked;
int hosted_xsm_rc;
uint32_t hosted_xsm_last_cmd;
unsigned int hosted_xsm_calls;
char hosted_printk_buf[4096];
int hosted_locks_held;
const char *hosted_warnings[20];
unsigned int hosted_nr_warnings;
enum system_state system_state = SYS_STATE_early_boot;
static struct domain hosted_dom0;
static struct vcpu hosted_vcpu0 = {&hosted_dom0};
struct vcpu *hosted_current = &hosted_vcpu0;
static size_t printk_len;
static s_time_t now;

void hosted_printk_clear(void)
{
    hosted_printk_buf[0] = '\0';
    printk_len = 0;
}

void hosted_reset(void)
{
    hosted_copy_fail_at = -1;
    hosted_copies = 0;
    hosted_copies_locked = 0;
    hosted_xsm_rc = 0;
    hosted_xsm_last_cmd = UINT32_MAX;
    hosted_xsm_calls = 0;
    hosted_printk_buf[0] = '\0';
    printk_len = 0;
    hosted_hypfs_reset();
    hosted_domains = 0;
    hosted_domain_refs = 0;
}

size_t hosted_copy_to_guest(void *dst, const void *src, size_t len)
{
    int n = (int)hosted_copies++;

    hosted_copies_locked += hosted_locks_held > 0;

    if ( hosted_copy_fail_at >= 0 && n == hosted_copy_fail_at )
        return len;
    memcpy(dst, src, len);
    return 0;
}

size_t hosted_copy_from_guest(void *dst, const void *src, size_t len)
{
    int n = (int)hosted_copies++;

    hosted_copies_locked += hosted_locks_held > 0;

    if ( hosted_copy_fail_at >= 0 && n == hosted_copy_fail_at )
        return len;
    memcpy(dst, src, len);
    return 0;
}

jmp_buf *hosted_panic_jmp;

void panic(const char *fmt, ...)
{
    char msg[256];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    printk("PANIC: %s", msg);
    if ( hosted_panic_jmp )
        longjmp(*hosted_panic_jmp, 1);
    abort();
}

void printk(const char *fmt, ...)
{
    va_list ap;
    int n;

    if ( printk_len >= sizeof(hosted_printk_buf) - 1 )
        return;
    va_start(ap, fmt);
    n = vsnprintf(hosted_printk_buf + printk_len,
                  sizeof(hosted_printk_buf) - printk_len, fmt, ap);
    va_end(ap);
    if ( n > 0 )
        printk_len += (size_t)n;
    if ( printk_len >= sizeof(hosted_printk_buf) )
        printk_len = sizeof(hosted_printk_buf) - 1;
}

int hosted_do_sysctl(struct xen_sysctl_support_table *op)
{
    /* xsm_sysctl(XSM_PRIV, ...) first, as do_sysctl() has it. */
    hosted_xsm_last_cmd = op->cmd;
    hosted_xsm_calls++;
    if ( hosted_xsm_rc )
        return hosted_xsm_rc;
    return support_table_sysctl(op);
}

int hosted_do_sysctl_load(struct xen_sysctl_support_load *op)
{
    /* Its own op, so XSM tells it from reading (xen2:support_load). */
    hosted_xsm_last_cmd = XEN_SYSCTL_support_load;
    hosted_xsm_calls++;
    if ( hosted_xsm_rc )
        return hosted_xsm_rc;
    return support_load_sysctl(op);
}

int hosted_do_sysctl_note(struct xen_sysctl_support_note *op)
{
    /* Its own op, so XSM tells it from reading (xen2:support_note). */
    hosted_xsm_last_cmd = XEN_SYSCTL_support_note;
    hosted_xsm_calls++;
    if ( hosted_xsm_rc )
        return hosted_xsm_rc;
    return support_note_sysctl(op);
}

uint64_t hosted_domains;
int hosted_domain_refs;
static struct domain hosted_doms[64];

struct domain *get_domain_by_id(domid_t id)
{
    if ( id >= 64 || !(hosted_domains & (1ULL << id)) )
        return NULL;
    hosted_doms[id].domain_id = id;
    hosted_domain_refs++;
    return &hosted_doms[id];
}

void put_domain(struct domain *d)
{
    assert(d >= hosted_doms && d < hosted_doms + 64);
    hosted_domain_refs--;
}

void warning_add(const char *warning)
{
    if ( hosted_nr_warnings < 20 )
        hosted_warnings[hosted_nr_warnings++] = warning;
}

unsigned int hosted_now_early;
bool pv_shim;

s_time_t hosted_now(void)
{
    hosted_now_early += system_state < SYS_STATE_smp_boot;
    return now += 1000;
}

void hosted_spin_lock(spinlock_t *l)
{
    l->held++;
    hosted_locks_held++;
}

void hosted_spin_unlock(spinlock_t *l)
{
    l->held--;
    hosted_locks_held--;
}

size_t hosted_strlcpy(char *dst, const char *src, size_t size)
{
    size_t len = strlen(src);

    if ( size )
    {
        size_t n = len < size - 1 ? len : size - 1;

        memcpy(dst, src, n);
        dst[n] = '\0';
    }
    return len;
}

/*
 * parse_bool(), parse_boolean() and cmdline_strcmp(): Xen 4.17's, from
 * xen/common/kernel.c, with assert() for ASSERT() and without the
 * statement expressions.
 */
int parse_bool(const char *s, const char *e)
{
    size_t len;

    assert(!e || e >= s);
    len = e ? (size_t)(e - s) : strlen(s);

    switch ( len )
    {
    case 1:
        if ( *s == '1' )
            return 1;
        if ( *s == '0' )
            return 0;
        break;

    case 2:
        if ( !strncmp("on", s, 2) )
            return 1;
        if ( !strncmp("no", s, 2) )
            return 0;
        break;

    case 3:
        if ( !strncmp("yes", s, 3) )
            return 1;
        if ( !strncmp("off", s, 3) )
            return 0;
        break;

    case 4:
        if ( !strncmp("true", s, 4) )
            return 1;
        break;

    case 5:
        if ( !strncmp("false", s, 5) )
            return 0;
        break;

    case 6:
        if ( !strncmp("enable", s, 6) )
            return 1;
        break;

    case 7:
        if ( !strncmp("disable", s, 7) )
            return 0;
        break;
    }

    return -1;
}

int parse_boolean(const char *name, const char *s, const char *e)
{
    size_t slen, nlen;
    bool has_neg_prefix = !strncmp(s, "no-", 3);

    if ( has_neg_prefix )
        s += 3;

    assert(!e || e >= s);
    slen = e ? (size_t)(e - s) : strlen(s);
    nlen = strlen(name);

    /* Does s now start with name? */
    if ( slen < nlen || strncmp(s, name, nlen) )
        return -1;

    /* Exact, unadorned name?  Result depends on the 'no-' prefix. */
    if ( slen == nlen )
        return !has_neg_prefix;

    /* Inexact match with a 'no-' prefix?  Not valid. */
    if ( has_neg_prefix )
        return -1;

    /* =$SOMETHING?  Defer to the regular boolean parsing. */
    if ( s[nlen] == '=' )
    {
        int b = parse_bool(&s[nlen + 1], e);

        if ( b >= 0 )
            return b;

        /* Not a boolean, but the name matched.  Signal specially. */
        return -2;
    }

    /* Unrecognised.  Give up. */
    return -1;
}

int cmdline_strcmp(const char *frag, const char *name)
{
    for ( ;; frag++, name++ )
    {
        unsigned char f = *frag, n = *name;
        int res = f - n;

        if ( res || n == '\0' )
        {
            /*
             * NUL in 'name' matching a comma, colon, semicolon or equals in
             * 'frag' implies success.
             */
            if ( n == '\0' && (f == ',' || f == ':' || f == ';' || f == '=') )
                res = 0;

            return res;
        }
    }
}
