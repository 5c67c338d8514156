/* SPDX-License-Identifier: MIT */
/*
 * suptab_str.c: the table's string encoding (public/support_table.h): a
 * streaming pair expander that never reads outside the pool, never nests
 * deeper than XEN_SUPTAB_DEPTH_MAX and never yields more bytes than it was
 * allowed, and the comparisons and copies built on it.
 */
#include <xen/suptab.h>

#ifdef __XEN__
#include <xen/errno.h>
#else
#include <errno.h>
#endif

/* Pair codes: 0x80-0xfe, then 0x01-0x1f, then 0x7f. */
#define HIGH_PAIRS (XEN_SUPTAB_CODE_ESCAPE - XEN_SUPTAB_CODE_PAIR)
#define LOW_PAIRS 0x1f

int suptab_pair_of(unsigned int c)
{
    if ( c >= XEN_SUPTAB_CODE_PAIR && c < XEN_SUPTAB_CODE_ESCAPE )
        return c - XEN_SUPTAB_CODE_PAIR;
    if ( c >= 0x01 && c <= 0x1f )
        return HIGH_PAIRS + c - 1;
    if ( c == 0x7f )
        return HIGH_PAIRS + LOW_PAIRS;
    return -1;
}

unsigned int suptab_pair_code(unsigned int k)
{
    if ( k < HIGH_PAIRS )
        return XEN_SUPTAB_CODE_PAIR + k;
    if ( k < HIGH_PAIRS + LOW_PAIRS )
        return k - HIGH_PAIRS + 1;
    return 0x7f;
}

void suptab_str_init(struct suptab_str *s, const struct suptab *t, uint32_t ref,
                     unsigned int max)
{
    s->pool = t->p + t->h.off_strings;
    s->pool_size = t->h.strings_size;
    s->pairs = t->p + t->h.off_pairs;
    s->nr_pairs = t->h.nr_pairs;
    s->pos = ref;
    s->left = max;
    s->sp = 0;
}

/* Next code: from the pending stack, else from the pool; -1 if none. */
static int next_code(struct suptab_str *s, bool *escaped)
{
    unsigned int c;

    *escaped = false;
    if ( s->sp )
        return s->stack[--s->sp];
    if ( s->pos >= s->pool_size )
        return -1;
    c = s->pool[s->pos++];
    if ( c != XEN_SUPTAB_CODE_ESCAPE )
        return c;
    if ( s->pos >= s->pool_size || !s->pool[s->pos] )
        return -1;
    *escaped = true;
    return s->pool[s->pos++];
}

int suptab_str_next(struct suptab_str *s)
{
    for ( ;; )
    {
        bool escaped;
        int c = next_code(s, &escaped), k;

        if ( c <= 0 )
        {
            s->pos = s->pool_size; /* ended or broken: stay so */
            s->sp = 0;
            return c;
        }
        k = escaped ? -1 : suptab_pair_of(c);
        if ( k < 0 )
        {
            if ( !s->left )
                break;
            s->left--;
            return c;
        }
        if ( (unsigned int)k >= s->nr_pairs || s->sp + 2 > sizeof(s->stack) )
            break;
        /* Right first, so left comes out next. */
        s->stack[s->sp++] = s->pairs[k * XEN_SUPTAB_PAIR_SIZE + 1];
        s->stack[s->sp++] = s->pairs[k * XEN_SUPTAB_PAIR_SIZE];
    }
    s->pos = s->pool_size;
    s->sp = 0;
    return -1;
}

int suptab_str_copy(const struct suptab *t, uint32_t ref, char *buf,
                    size_t size)
{
    struct suptab_str s;
    unsigned int len = 0;
    int c;

    suptab_str_init(&s, t, ref, XEN_SUPTAB_DESC_MAX);
    while ( (c = suptab_str_next(&s)) > 0 )
    {
        if ( len + 1 < size )
            buf[len] = c;
        len++;
    }
    if ( size )
        buf[len < size ? len : size - 1] = '\0';
    return c < 0 ? -EBADMSG : (int)len;
}

int suptab_str_cmp(const struct suptab *t, uint32_t ref, const char *s)
{
    struct suptab_str d;
    const unsigned char *q = (const unsigned char *)s;

    suptab_str_init(&d, t, ref, XEN_SUPTAB_DESC_MAX);
    for ( ;; q++ )
    {
        int c = suptab_str_next(&d);
        int a = suptab_fold(c < 0 ? 0 : c), b = suptab_fold(*q);

        if ( a != b || !a )
            return a - b;
    }
}

bool suptab_str_has(const struct suptab *t, uint32_t ref, const char *s)
{
    char buf[XEN_SUPTAB_STR_MAX + 1];
    int len = suptab_str_copy(t, ref, buf, sizeof(buf));
    unsigned int i, j;

    if ( len < 0 )
        return false;
    for ( i = 0; buf[i] || !*s; i++ )
    {
        for ( j = 0; s[j] && suptab_fold((unsigned char)buf[i + j]) ==
                                 suptab_fold((unsigned char)s[j]);
              j++ )
            continue;
        if ( !s[j] )
            return true;
    }
    return false;
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

static bool is_alnum(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z');
}

size_t suptab_ident(char *buf, size_t size, const char *name)
{
    size_t o = 0;
    bool sep = false;

    for ( ; *name; name++ )
    {
        int c = (unsigned char)*name;

        if ( !is_alnum(c) )
        {
            sep = o > 0;
            continue;
        }
        if ( sep )
        {
            if ( o + 1 < size )
                buf[o] = '_';
            o++;
            sep = false;
        }
        if ( o + 1 < size )
            buf[o] = (c >= 'a' && c <= 'z') ? c - 'a' + 'A' : c;
        o++;
    }
    if ( !o )
    {
        const char *u = "UNNAMED";

        for ( ; u[o]; o++ )
            if ( o + 1 < size )
                buf[o] = u[o];
    }
    if ( size )
        buf[o < size ? o : size - 1] = '\0';
    return o;
}
