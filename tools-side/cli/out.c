/*
 * out.c: text output helpers: safe printing of table strings (a hostile
 * table cannot send terminal escapes), column padding, xl-info lines,
 * colour.
 */
#include <stdarg.h>
#include <string.h>

#include "cli.h"

size_t out_utf8_len(const unsigned char *s)
{
    unsigned c = s[0], n, min;
    uint32_t cp;

    if (c < 0x80)
        return 1;
    if (c >= 0xc2 && c <= 0xdf)
        n = 2, min = 0x80, cp = c & 0x1f;
    else if (c >= 0xe0 && c <= 0xef)
        n = 3, min = 0x800, cp = c & 0x0f;
    else if (c >= 0xf0 && c <= 0xf4)
        n = 4, min = 0x10000, cp = c & 0x07;
    else
        return 0;
    for (unsigned i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return n;
}

/* Walk s by display units: calls back with each unit's bytes. */
static unsigned S_walk(FILE *f, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned cols = 0;

    while (*p) {
        size_t n = out_utf8_len(p);
        if (n == 0 || (n == 1 && (*p < 0x20 || *p == 0x7f))) {
            if (f)
                fputc('?', f);
            p++;
        } else {
            if (f)
                fwrite(p, 1, n, f);
            p += n;
        }
        cols++;
    }
    return cols;
}

void out_text(FILE *f, const char *s)
{
    S_walk(f, s);
}

unsigned out_width(const char *s)
{
    return S_walk(NULL, s);
}

void out_cell(FILE *f, const char *s, unsigned width)
{
    unsigned w = S_walk(f, s);

    do
        fputc(' ', f);
    while (++w < width + 1);
}

void out_kv(FILE *f, const char *key, const char *fmt, ...)
{
    va_list ap;

    fprintf(f, "%-22s : ", key);
    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    fputc('\n', f);
}

const char *out_color(const struct cli *c, unsigned level)
{
    static const char *const col[] = {"", "\033[32m", "\033[36m", "\033[33m",
                                      "\033[31m"};
    return c->color && level < 5 ? col[level] : "";
}

const char *out_reset(const struct cli *c)
{
    return c->color ? "\033[0m" : "";
}

const char *out_arch(unsigned arch)
{
    return arch == XENSUPPORT_ARCH_X86   ? "x86"
           : arch == XENSUPPORT_ARCH_ARM ? "arm"
                                         : "x86,arm";
}

const char *out_label(const struct xensupport_row *r, char *buf, size_t len)
{
    snprintf(buf, len, "%s%s%s", r->key, r->qualifier[0] ? ", " : "",
             r->qualifier);
    return buf;
}
