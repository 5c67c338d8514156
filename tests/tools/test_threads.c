/*
 * test_threads.c: what xensupport.h promises about threads: distinct
 * handles in distinct threads.  Two threads each compile a document
 * (libxensupport-doc, gen's library) into a table handle and read all of
 * it through the public API, round after round, at the same time; each
 * table must equal the one compiled alone beforehand.  Built with
 * ThreadSanitizer (tests/tools/build.mk), which reports any shared state
 * they touch without synchronisation.
 *
 * usage: test_threads DOCUMENT [DOCUMENT2] (the first twice if only one)
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xensupport_doc.h"

#define S_ROUNDS 12

struct S_job {
    const char *path;
    void *ref; /* the table compiled by the main thread alone */
    size_t ref_len;
    unsigned rows;
    char why[XENSUPPORT_ERRLEN + 128]; /* "" when all went well */
};

static void S_fail(struct S_job *j, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void S_fail(struct S_job *j, const char *fmt, ...)
{
    va_list ap;

    if (j->why[0])
        return;
    va_start(ap, fmt);
    vsnprintf(j->why, sizeof(j->why), fmt, ap);
    va_end(ap);
}

/* Every fact, section, feature and row, and a lookup of every name. */
static unsigned S_walk(struct S_job *j, xensupport_table *t)
{
    struct xensupport_info in;
    struct xensupport_fact fa;
    struct xensupport_section se;
    struct xensupport_feature f, g;
    struct xensupport_row r;
    unsigned rows = 0;

    xensupport_get_info(t, &in);
    for (unsigned i = 0; i < in.nr_facts; i++)
        if (xensupport_get_fact(t, i, &fa) ||
            xensupport_fact_value(t, fa.key) == NULL)
            S_fail(j, "fact %u", i);
    for (unsigned i = 0; i < in.nr_sections; i++)
        if (xensupport_get_section(t, i, &se))
            S_fail(j, "section %u", i);
    for (unsigned id = 0; id < in.nr_features; id++) {
        int found;

        if (xensupport_get_feature(t, id, &f)) {
            S_fail(j, "feature %u", id);
            continue;
        }
        found = xensupport_lookup(t, f.name);
        if (found < 0 || (unsigned)found > id ||
            xensupport_get_feature(t, (unsigned)found, &g) ||
            strcasecmp(g.name, f.name))
            S_fail(j, "lookup of '%s' gave %d", f.name, found);
        for (unsigned k = 0; k < f.nr_rows; k++, rows++)
            if (xensupport_get_row(t, f.first_row + k, &r) || r.feature != id ||
                !r.key)
                S_fail(j, "row %u of feature %u", f.first_row + k, id);
    }
    if (rows != in.nr_rows)
        S_fail(j, "%u rows walked, the table has %u", rows, in.nr_rows);
    return rows;
}

static void *S_thread(void *arg)
{
    struct S_job *j = arg;
    char err[XENSUPPORT_ERRLEN];

    for (unsigned n = 0; n < S_ROUNDS && !j->why[0]; n++) {
        xensupport_table *t = xensupport_open_document(
            j->path, XENSUPPORT_DOC_QUIET, NULL, err, sizeof(err));
        const void *b;
        size_t len;

        if (!t) {
            S_fail(j, "%s: %s", j->path, err);
            break;
        }
        b = xensupport_blob(t, &len);
        if (len != j->ref_len || memcmp(b, j->ref, len))
            S_fail(j, "%s: round %u compiled a different table", j->path, n);
        j->rows = S_walk(j, t);
        xensupport_close(t);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    struct S_job jobs[2] = {{0}};
    pthread_t th[2];
    char err[XENSUPPORT_ERRLEN];
    int rc = 0;

    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: test_threads DOCUMENT [DOCUMENT2]\n");
        return 2;
    }
    for (unsigned i = 0; i < 2; i++) {
        xensupport_table *t;
        const void *b;

        jobs[i].path = argv[argc == 3 ? 1 + i : 1];
        t = xensupport_open_document(jobs[i].path, XENSUPPORT_DOC_QUIET, NULL,
                                     err, sizeof(err));
        if (!t) {
            fprintf(stderr, "test_threads: %s: %s\n", jobs[i].path, err);
            return 1;
        }
        b = xensupport_blob(t, &jobs[i].ref_len);
        jobs[i].ref = malloc(jobs[i].ref_len);
        if (!jobs[i].ref)
            return 1;
        memcpy(jobs[i].ref, b, jobs[i].ref_len);
        xensupport_close(t);
    }
    for (unsigned i = 0; i < 2; i++)
        if (pthread_create(&th[i], NULL, S_thread, &jobs[i])) {
            fprintf(stderr, "test_threads: pthread_create failed\n");
            return 1;
        }
    for (unsigned i = 0; i < 2; i++) {
        pthread_join(th[i], NULL);
        if (jobs[i].why[0]) {
            fprintf(stderr, "test_threads: thread %u: %s\n", i, jobs[i].why);
            rc = 1;
        } else {
            printf("test_threads: thread %u: %s, %u rounds, %u rows each, "
                   "%zu-byte table\n",
                   i, jobs[i].path, S_ROUNDS, jobs[i].rows, jobs[i].ref_len);
        }
        free(jobs[i].ref);
    }
    return rc;
}
