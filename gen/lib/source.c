/* source.c: the document's line index, columns and input checks. */
#include "source.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

int xsg_source_init(struct xsg_source *src, const char *text, size_t len)
{
    size_t n = 1;
    src->text = text;
    src->len = len;
    src->nr_lines = 0;
    for (size_t i = 0; i < len; i++)
        n += text[i] == '\n';
    src->lines = malloc(n * sizeof(*src->lines));
    if (!src->lines)
        return -1;
    src->lines[0] = 0;
    src->nr_lines = 1;
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n')
            src->lines[src->nr_lines++] = i + 1;
    return 0;
}

void xsg_source_free(struct xsg_source *src)
{
    free(src->lines);
    src->lines = NULL;
    src->nr_lines = 0;
}

bool xsg_source_check_utf8(const char *text, size_t len, struct xsg_diag *d)
{
    const unsigned char *p = (const unsigned char *)text;
    unsigned line = 1, col = 1;
    for (size_t i = 0; i < len;) {
        unsigned c = p[i], need = 0, min = 0, cp;
        if (c == 0) {
            xsg_error(d, line, col, "NUL byte in the document");
            return false;
        }
        if (c < 0x80) {
            if (c == '\n')
                line++, col = 0;
            i++, col++;
            continue;
        }
        if ((c & 0xe0) == 0xc0)
            need = 1, min = 0x80, cp = c & 0x1f;
        else if ((c & 0xf0) == 0xe0)
            need = 2, min = 0x800, cp = c & 0x0f;
        else if ((c & 0xf8) == 0xf0)
            need = 3, min = 0x10000, cp = c & 0x07;
        else
            goto bad;
        if (i + need >= len)
            goto bad;
        for (unsigned k = 1; k <= need; k++) {
            if ((p[i + k] & 0xc0) != 0x80)
                goto bad;
            cp = (cp << 6) | (p[i + k] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            goto bad;
        i += need + 1;
        col++;
        continue;
    bad:
        xsg_error(d, line, col,
                  "invalid UTF-8 (byte 0x%02x): the document must be UTF-8", c);
        return false;
    }
    return true;
}

bool xsg_source_line(const struct xsg_source *src, unsigned n, const char **b,
                     const char **e)
{
    if (n == 0 || n > src->nr_lines)
        return false;
    *b = src->text + src->lines[n - 1];
    const char *end = src->text + src->len;
    const char *nl = memchr(*b, '\n', (size_t)(end - *b));
    *e = nl ? nl : end;
    if (*e > *b && (*e)[-1] == '\r')
        (*e)--;
    return true;
}

unsigned xsg_source_col(const struct xsg_source *src, unsigned ln,
                        const char *t, size_t n, unsigned fallback)
{
    const char *b, *e;
    if (!xsg_source_line(src, ln, &b, &e) || !n)
        return fallback;
    for (const char *p = b; p + n <= e; p++)
        if (!memcmp(p, t, n))
            return (unsigned)(p - b) + 1;
    return fallback;
}

void xsg_trim(const char **b, const char **e)
{
    while (*b < *e && isspace((unsigned char)**b))
        (*b)++;
    while (*e > *b && isspace((unsigned char)(*e)[-1]))
        (*e)--;
}
