/*
 * replay.c: a plain main() for the fuzz targets, so that saved inputs
 * (tests/fuzz/regress, the seed corpora) replay under gcc, plain or with
 * ASan+UBSan, without libFuzzer.  Usage: replay FILE|DIR...; each input
 * goes to LLVMFuzzerTestOneInput() in an exact-size heap buffer.  Exits 0
 * after all of them, 2 on an I/O error; a finding aborts.
 */
#include "compile.h"
#include "fuzz.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int S_run_file(const char *path)
{
    char *buf;
    size_t n;

    if (xsg_read_file(path, &buf, &n)) {
        fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
        return -1;
    }
    /* Exact size, so that a read past the end is caught. */
    uint8_t *exact = malloc(n ? n : 1);
    if (!exact) {
        free(buf);
        return -1;
    }
    if (n)
        memcpy(exact, buf, n);
    free(buf);
    LLVMFuzzerTestOneInput(exact, n);
    free(exact);
    return 0;
}

static int S_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int S_run_dir(const char *path, unsigned *count)
{
    DIR *d = opendir(path);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0;
    int rc = 0;

    if (!d) {
        fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
        return -1;
    }
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || !strcmp(e->d_name, "README"))
            continue;
        char **nn = realloc(names, (n + 1) * sizeof(*names));
        size_t l = strlen(path) + strlen(e->d_name) + 2;
        char *p = malloc(l);
        if (!nn || !p) {
            free(p);
            names = nn ? nn : names;
            rc = -1;
            break;
        }
        names = nn;
        snprintf(p, l, "%s/%s", path, e->d_name);
        names[n++] = p;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof(*names), S_cmp);
    for (size_t i = 0; i < n; i++) {
        if (!rc) {
            rc = S_run_file(names[i]);
            ++*count;
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

int main(int argc, char **argv)
{
    unsigned count = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        struct stat st;
        int rc;
        if (stat(argv[i], &st)) {
            fprintf(stderr, "replay: %s: %s\n", argv[i], strerror(errno));
            return 2;
        }
        if (S_ISDIR(st.st_mode)) {
            rc = S_run_dir(argv[i], &count);
        } else {
            rc = S_run_file(argv[i]);
            count++;
        }
        if (rc)
            return 2;
    }
    printf("%s: %u inputs replayed, no finding\n", argv[0], count);
    return 0;
}
