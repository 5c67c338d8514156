/*
 * xs_lifecycle.c: the release's support terms (Supported-Until,
 * Security-Support-Until) against today, for info, check, status and
 * xl info.  Dates are whole UTC days; no time zone is consulted.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xs_private.h"

#define S_DAY 86400

/* Days since 1970-01-01 of a proleptic Gregorian date (y >= 1970). */
static int64_t S_days(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    int64_t era = y / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static bool S_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int64_t xensupport_parse_date(const char *s)
{
    static const unsigned mdays[] = {31, 28, 31, 30, 31, 30,
                                     31, 31, 30, 31, 30, 31};
    unsigned v[3] = {0, 0, 0}, widths[3] = {4, 2, 2};

    if (!s)
        goto bad;
    for (unsigned f = 0; f < 3; f++) {
        for (unsigned i = 0; i < widths[f]; i++, s++) {
            if (*s < '0' || *s > '9')
                goto bad;
            v[f] = v[f] * 10 + (unsigned)(*s - '0');
        }
        if (*s != (f < 2 ? '-' : '\0'))
            goto bad;
        s++;
    }
    if (v[0] < 1970 || v[1] < 1 || v[1] > 12 || v[2] < 1 ||
        v[2] > mdays[v[1] - 1] + (v[1] == 2 && S_leap((int)v[0])))
        goto bad;
    return S_days((int)v[0], v[1], v[2]) * S_DAY;
bad:
    errno = EINVAL;
    return -1;
}

int64_t xensupport_today(void)
{
    const char *env = getenv("XEN_SUPPORT_TODAY");

    if (env)
        return xensupport_parse_date(env);
    int64_t now = (int64_t)time(NULL);
    return now - now % S_DAY;
}

static void S_term(xensupport_table *t, const char *key, int64_t today,
                   struct xensupport_term *out)
{
    const char *v = xensupport_fact_value(t, key);

    *out = (struct xensupport_term){0};
    if (!v)
        return;
    out->text = v;
    out->date = xensupport_parse_date(v);
    if (out->date < 0) {
        out->state = XENSUPPORT_TERM_UNDATED;
        out->date = 0;
        return;
    }
    /* Whole days: floor both to 00:00 UTC. */
    int64_t day = today - (today % S_DAY + S_DAY) % S_DAY;
    out->days = (long)((out->date - day) / S_DAY);
    out->state =
        out->days >= 0 ? XENSUPPORT_TERM_RUNNING : XENSUPPORT_TERM_ENDED;
}

int xensupport_get_lifecycle(xensupport_table *t, int64_t today,
                             struct xensupport_lifecycle *out)
{
    if (!t || !out) {
        errno = EINVAL;
        return -1;
    }
    errno = 0;
    S_term(t, "Supported-Until", today, &out->support);
    S_term(t, "Security-Support-Until", today, &out->security);
    if (errno == ENOMEM)
        return -1;
    return 0;
}

const char *xensupport_term_name(unsigned state)
{
    static const char *const names[] = {"absent", "undated", "running",
                                        "ended"};
    return state < sizeof(names) / sizeof(names[0]) ? names[state] : NULL;
}

/* "YYYY-MM-DD" of Unix time t (a whole UTC day). */
static void S_ymd(int64_t t, char *buf, size_t len)
{
    int64_t z = t / 86400 + 719468;
    int64_t era = z / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    long long y = (long long)yoe + era * 400 + (m <= 2);

    snprintf(buf, len, "%04lld-%02u-%02u", y, m, d);
}

const char *xensupport_format_date(int64_t t, char *buf, size_t len)
{
    S_ymd(t, buf, len);
    return buf;
}

const char *xensupport_format_term(const struct xensupport_term *t, char *buf,
                                   size_t len)
{
    char d[16];

    switch (t->state) {
    case XENSUPPORT_TERM_RUNNING:
        S_ymd(t->date, d, sizeof(d));
        snprintf(buf, len, "until %s (%ld day%s left)", d, t->days,
                 t->days == 1 ? "" : "s");
        break;
    case XENSUPPORT_TERM_ENDED:
        S_ymd(t->date, d, sizeof(d));
        snprintf(buf, len, "ended %s (%ld day%s ago)", d, -t->days,
                 t->days == -1 ? "" : "s");
        break;
    case XENSUPPORT_TERM_UNDATED:
        snprintf(buf, len, "no date (%s)", t->text);
        break;
    default:
        snprintf(buf, len, "n/a");
        break;
    }
    return buf;
}
