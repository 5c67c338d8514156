/*
 * json.c: JSON output through yajl (never escaped by hand).  Table
 * strings are made valid UTF-8 first (bad bytes become U+FFFD) since
 * yajl is told to validate what it is given.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void S_print(void *ctx, const char *s, size_t len)
{
    fwrite(s, 1, len, ctx);
}

yajl_gen json_open(struct cli *c)
{
    yajl_gen g = yajl_gen_alloc(NULL);

    if (!g)
        return NULL;
    yajl_gen_config(g, yajl_gen_beautify, 1);
    yajl_gen_config(g, yajl_gen_indent_string, "  ");
    yajl_gen_config(g, yajl_gen_validate_utf8, 1);
    yajl_gen_config(g, yajl_gen_print_callback, S_print, (void *)c->out);
    return g;
}

int json_close(yajl_gen g)
{
    yajl_gen_free(g);
    return CLI_OK;
}

void json_str(yajl_gen g, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0, len;
    char *buf;

    if (!s) {
        yajl_gen_null(g);
        return;
    }
    len = strlen(s);
    buf = malloc(len * 3 + 1);
    if (!buf) {
        yajl_gen_null(g);
        return;
    }
    while (*p) {
        size_t k = out_utf8_len(p);
        if (k) {
            memcpy(buf + n, p, k);
            n += k;
            p += k;
        } else {
            memcpy(buf + n, "\xef\xbf\xbd", 3);
            n += 3;
            p++;
        }
    }
    yajl_gen_string(g, (const unsigned char *)buf, n);
    free(buf);
}

void json_key(yajl_gen g, const char *k)
{
    yajl_gen_string(g, (const unsigned char *)k, strlen(k));
}

void json_int(yajl_gen g, long long v)
{
    yajl_gen_integer(g, v);
}

void json_row(yajl_gen g, const struct xensupport_row *r)
{
    yajl_gen_map_open(g);
    json_key(g, "key");
    json_str(g, r->key);
    json_key(g, "qualifier");
    json_str(g, r->qualifier[0] ? r->qualifier : NULL);
    json_key(g, "value");
    json_str(g, r->value);
    json_key(g, "level");
    json_str(g, xensupport_level_name(r->level));
    json_key(g, "security");
    json_str(g, xensupport_security_name(r->security));
    json_key(g, "caveats");
    yajl_gen_bool(g, r->caveats);
    json_key(g, "arch");
    yajl_gen_array_open(g);
    if (r->arch & XENSUPPORT_ARCH_X86)
        json_str(g, "x86");
    if (r->arch & XENSUPPORT_ARCH_ARM)
        json_str(g, "arm");
    yajl_gen_array_close(g);
    yajl_gen_map_close(g);
}

void json_release(yajl_gen g, xensupport_table *t)
{
    static const char *const keys[][2] = {
        {"xen_version", "Xen-Version"},
        {"initial_release", "Initial-Release"},
        {"supported_until", "Supported-Until"},
        {"security_support_until", "Security-Support-Until"},
    };

    yajl_gen_map_open(g);
    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
        json_key(g, keys[i][0]);
        json_str(g, xensupport_fact_value(t, keys[i][1]));
    }
    yajl_gen_map_close(g);
}

static void S_term(yajl_gen g, const struct xensupport_term *t)
{
    char d[16];

    yajl_gen_map_open(g);
    json_key(g, "state");
    json_str(g, xensupport_term_name(t->state));
    json_key(g, "text");
    json_str(g, t->text);
    json_key(g, "date");
    json_str(g, t->state >= XENSUPPORT_TERM_RUNNING
                    ? xensupport_format_date(t->date, d, sizeof(d))
                    : NULL);
    json_key(g, "days");
    if (t->state >= XENSUPPORT_TERM_RUNNING)
        json_int(g, t->days);
    else
        yajl_gen_null(g);
    yajl_gen_map_close(g);
}

void json_lifecycle(yajl_gen g, int64_t today,
                    const struct xensupport_lifecycle *lc)
{
    char d[16];

    yajl_gen_map_open(g);
    json_key(g, "today");
    json_str(g, xensupport_format_date(today, d, sizeof(d)));
    json_key(g, "support");
    S_term(g, &lc->support);
    json_key(g, "security");
    S_term(g, &lc->security);
    yajl_gen_map_close(g);
}
