/*
 * runtime.c: whole-process wall time of a command, for tests/bench.
 * Usage: runtime N CMD [ARG...]: runs CMD N times one after the other
 * (stdout to /dev/null, stderr kept), each timed from fork to wait with
 * CLOCK_MONOTONIC, and prints "median min max" in microseconds.  Exits 1
 * if a run fails (then prints nothing), 2 on a usage error.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double S_now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int S_cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* One run of argv: its wall time in microseconds, or -1 if it failed. */
static double S_run(char **argv)
{
    double t0 = S_now_us();
    pid_t pid = fork();
    int st;

    if (pid < 0)
        return -1;
    if (pid == 0) {
        int fd = open("/dev/null", O_WRONLY);
        if (fd >= 0)
            dup2(fd, 1);
        execvp(argv[0], argv);
        fprintf(stderr, "runtime: %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return -1;
    double t = S_now_us() - t0;
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        fprintf(stderr, "runtime: %s: exit status %d\n", argv[0],
                WIFEXITED(st) ? WEXITSTATUS(st) : -1);
        return -1;
    }
    return t;
}

int main(int argc, char **argv)
{
    char *end;
    long n = argc > 2 ? strtol(argv[1], &end, 10) : 0;

    if (argc < 3 || *end || n < 1 || n > 100000) {
        fprintf(stderr, "usage: runtime N CMD [ARG...]\n");
        return 2;
    }
    double *t = malloc((size_t)n * sizeof(*t));
    if (!t)
        return 2;
    for (long i = 0; i < n; i++) {
        t[i] = S_run(argv + 2);
        if (t[i] < 0) {
            free(t);
            return 1;
        }
    }
    qsort(t, (size_t)n, sizeof(*t), S_cmp);
    double med = n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
    printf("%.0f %.0f %.0f\n", med, t[0], t[n - 1]);
    free(t);
    return 0;
}
