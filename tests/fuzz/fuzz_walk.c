/*
 * fuzz_walk.c: the shared oracle of the fuzz targets: walk every accessor
 * of an open table and check that what a validated table hands back is
 * consistent (fuzz.h).
 */
#include "fuzz.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

_Noreturn void fuzz_fail(const char *file, int line, const char *what)
{
    fprintf(stderr, "%s:%d: fuzz oracle failed: %s\n", file, line, what);
    abort();
}

static int S_count_change(const struct xensupport_change *c, void *arg)
{
    (void)c;
    ++*(unsigned *)arg;
    return 0;
}

static void S_walk_features(xensupport_table *t,
                            const struct xensupport_info *in)
{
    for (unsigned id = 0; id < in->nr_features; id++) {
        struct xensupport_feature f;
        FUZZ_CHECK(xensupport_get_feature(t, id, &f) == 0);
        FUZZ_CHECK(f.id == id && f.name);
        FUZZ_CHECK(f.section < in->nr_sections);
        FUZZ_CHECK(f.parent < (int)id);
        FUZZ_CHECK((f.parent < 0) == (f.depth == 0));
        FUZZ_CHECK(f.first_row + f.nr_rows <= in->nr_rows);
        FUZZ_CHECK(strlen(f.name) <= 1023);
        FUZZ_CHECK(!f.description == !in->has_descriptions);
        if (f.parent >= 0) {
            struct xensupport_feature p;
            FUZZ_CHECK(xensupport_get_feature(t, (unsigned)f.parent, &p) == 0);
            FUZZ_CHECK(p.section == f.section && p.depth + 1 == f.depth);
        }
        /* The index finds a feature of that name (the lowest such id). */
        int found = xensupport_lookup(t, f.name);
        FUZZ_CHECK(found >= 0 && found <= (int)id);
        struct xensupport_feature g;
        FUZZ_CHECK(xensupport_get_feature(t, (unsigned)found, &g) == 0);
        FUZZ_CHECK(strcasecmp(g.name, f.name) == 0);
    }
}

static void S_walk_rows(xensupport_table *t, const struct xensupport_info *in)
{
    for (unsigned id = 0; id < in->nr_rows; id++) {
        struct xensupport_row r;
        FUZZ_CHECK(xensupport_get_row(t, id, &r) == 0);
        FUZZ_CHECK(r.id == id && r.key && r.qualifier && r.value);
        FUZZ_CHECK(r.arch >= 1 && r.arch <= 3);
        FUZZ_CHECK(xensupport_level_name(r.level) != NULL);
        FUZZ_CHECK(xensupport_security_name(r.security) != NULL);
        if (in->nr_features) {
            struct xensupport_feature f;
            FUZZ_CHECK(r.feature < in->nr_features);
            FUZZ_CHECK(xensupport_get_feature(t, r.feature, &f) == 0);
            FUZZ_CHECK(f.first_row <= id && id - f.first_row < f.nr_rows);
        }
    }
}

void fuzz_walk_table(xensupport_table *t)
{
    struct xensupport_info in;
    size_t len;

    xensupport_get_info(t, &in);
    FUZZ_CHECK(xensupport_blob(t, &len) != NULL && len == in.size);
    for (unsigned i = 0; i < in.nr_facts; i++) {
        struct xensupport_fact f;
        FUZZ_CHECK(xensupport_get_fact(t, i, &f) == 0);
        FUZZ_CHECK(f.key && f.value);
        const char *v = xensupport_fact_value(t, f.key);
        FUZZ_CHECK(v != NULL);
    }
    unsigned covered = 0;
    for (unsigned i = 0; i < in.nr_sections; i++) {
        struct xensupport_section s;
        FUZZ_CHECK(xensupport_get_section(t, i, &s) == 0);
        FUZZ_CHECK(s.name && s.first_feature == covered);
        covered += s.nr_features;
    }
    FUZZ_CHECK(in.nr_sections == 0 || covered == in.nr_features);
    S_walk_features(t, &in);
    S_walk_rows(t, &in);

    /* Out of range: EINVAL, never a read. */
    struct xensupport_fact fa;
    struct xensupport_section se;
    struct xensupport_feature fe;
    struct xensupport_row ro;
    errno = 0;
    FUZZ_CHECK(xensupport_get_fact(t, in.nr_facts, &fa) == -1 &&
               errno == EINVAL);
    FUZZ_CHECK(xensupport_get_section(t, in.nr_sections, &se) == -1);
    FUZZ_CHECK(xensupport_get_feature(t, in.nr_features, &fe) == -1);
    FUZZ_CHECK(xensupport_get_row(t, in.nr_rows, &ro) == -1);
    FUZZ_CHECK(xensupport_lookup(t, "\x01 no such feature") == -1);

    /* A table has no differences with itself. */
    unsigned changes = 0;
    FUZZ_CHECK(xensupport_compare(t, t, S_count_change, &changes) == 0);
    FUZZ_CHECK(changes == 0);
}
