/*
 * xen-support.c: the xen-support command: what this Xen supports, read
 * from the running hypervisor (the default, in dom0), a SUPPORT.md
 * document or a compiled table.  Options and subcommands:
 * docs/xen-support.1.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <stdint.h>

#include <public/support_table.h>

#include "cli/cli.h"
#include "fileio.h"

static const struct {
    const char *name;
    int (*fn)(struct cli *c, int n, char **args);
} S_cmds[] = {
    {"info", cmd_info},     {"list", cmd_list},   {"show", cmd_show},
    {"check", cmd_check},   {"dump", cmd_dump},   {"diff", cmd_diff},
    {"status", cmd_status}, {"audit", cmd_audit}, {"load", cmd_load},
};

static void S_usage(FILE *f)
{
    fputs("usage: xen-support [--document PATH | --table PATH] [--json] "
          "[--strict] COMMAND [ARGS]\n"
          "\n"
          "commands:\n"
          "  info                             release facts and table "
          "summary\n"
          "  list [--arch x86|arm|all] [--level LEVEL] [--section TEXT]\n"
          "                                   features and status rows\n"
          "  show FEATURE                     one feature\n"
          "  check FEATURE [--arch A] [--require supported|"
          "security-supported] [-q]\n"
          "                                   exit 0 if met, 1 if not, 2 if "
          "unknown\n"
          "  dump -o FILE                     write the table blob\n"
          "  diff [--exit-code] A B           compare two sources (paths, or "
          "--document/--table)\n"
          "  audit [--arch x86|arm] GUEST.cfg...\n"
          "                                   xl guest configurations against "
          "the\n"
          "                                   statement: exit 1 if outside "
          "security support\n"
          "  status [--prometheus [-o FILE]]  features outside security "
          "support the\n"
          "                                   hypervisor enabled: exit 1 if "
          "any\n"
          "  load [--no-verify] FILE          make a compiled table the "
          "hypervisor's\n"
          "                                   active one\n"
          "\n"
          "without --document or --table, the table built into the running "
          "hypervisor\n"
          "\n"
          "exit: 0 ok, 1 no / document errors, 2 usage, unknown feature or "
          "I/O, 3 invalid table;\n"
          "      hypervisor: 4 not on Xen, 5 not privileged, 6 no built-in "
          "table, 7 sysctl interface mismatch;\n"
          "      8 --document given to the dom0 build (no document "
          "compiler)\n"
          "\n"
          "  -h, --help      this help; COMMAND --help: that command's\n"
          "  --version       the version\n",
          f);
}

/* Colour only on a terminal, and not under NO_COLOR or TERM=dumb. */
static bool S_color(void)
{
    const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");

    return isatty(STDOUT_FILENO) && !(nc && nc[0]) && term && term[0] &&
           strcmp(term, "dumb");
}

static int S_run(struct cli *c, int argc, char **argv)
{
    bool help = false, version = false;
    const struct cli_opt opts[] = {
        {"help", 'h', NULL, &help},
        {"version", 0, NULL, &version},
        {NULL, 0, NULL, NULL},
    };
    int i;

    /* Global options up to the command name. */
    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char *a = argv[i];
        bool takes = !strcmp(a, "--document") || !strcmp(a, "--table");
        if (cli_parse(c, NULL, takes && i + 1 < argc ? 2 : 1, argv + i, opts,
                      NULL, 0) == -1)
            return CLI_USAGE;
        i += takes;
    }
    if (help) {
        S_usage(stdout);
        return CLI_OK;
    }
    if (version) {
        printf("xen-support %s (table format %u, libxensupport)\n", XS_VERSION,
               XEN_SUPTAB_VERSION);
        return CLI_OK;
    }
    if (i >= argc) {
        S_usage(stderr);
        return CLI_USAGE;
    }
    for (size_t k = 0; k < sizeof(S_cmds) / sizeof(S_cmds[0]); k++)
        if (!strcmp(argv[i], S_cmds[k].name))
            return S_cmds[k].fn(c, argc - i - 1, argv + i + 1);
    cli_err("unknown command '%s' (see --help)", argv[i]);
    return CLI_USAGE;
}

int main(int argc, char **argv)
{
    struct cli c = {.out = stdout, .color = S_color()};
    int rc = S_run(&c, argc, argv);

    cli_done(&c);
    if (xsg_close_stdout()) {
        cli_err("write error on standard output: %s", strerror(errno));
        return CLI_USAGE;
    }
    return rc;
}
