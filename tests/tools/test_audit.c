/*
 * test_audit.c: "xen-support audit" on made-up xl configurations against
 * a made-up statement: guest types, hypervisor features, list items
 * matched by their spec, values turned off, settings not mapped (listed,
 * never dropped), the architecture's rows, parse errors with FILE:LINE,
 * and --json.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <yajl/yajl_tree.h>

#include "tt_cli.h"

static const char S_doc[] =
    "# Feature Support\n\n## Guest Type\n\n"
    "### x86/PV\n\n    Status, x86_64: Supported\n\n"
    "### x86/HVM\n\n    Status, domU: Supported\n\n"
    "### x86/PVH\n\n    Status, domU: Supported\n    Status, dom0: "
    "Supported, with caveats\n\n"
    "## Memory Management\n\n### Alternative p2m\n\n"
    "    Status, x86 HVM: Tech Preview\n    Status, ARM: Experimental\n\n"
    "## Virtual device support, host side\n\n### Blkback\n\n"
    "    Status, Linux (xen-blkback): Supported\n"
    "    Status, QEMU (xen_disk), raw format: Supported\n"
    "    Status, Blktap2, raw format: Deprecated\n\n"
    "### PV USB (backend)\n\n    Status, QEMU: Supported\n\n"
    "## Virtual Hardware, Hypervisor\n\n### x86/Nested HVM\n\n"
    "    Status, x86 HVM: Experimental\n\n"
    "### x86/PCI Device Passthrough\n\n    Status, x86 PV: Supported, with "
    "caveats\n    Status, x86 HVM: Supported, with caveats\n";

static void S_write(const char *name, const char *text)
{
    char path[64];
    FILE *f;

    snprintf(path, sizeof(path), "%s/%s", tt_dir, name);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void S_has(const char *text)
{
    if (!strstr(tt_out, text))
        fail_msg("output lacks '%s':\n%s", text, tt_out);
}

static int S_setup(void **state)
{
    if (tt_cli_setup(state))
        return -1;
    S_write("s.md", S_doc);
    return 0;
}

static void test_within(void **state)
{
    (void)state;
    S_write("pvh.cfg", "# comment = ignored\nname = \"g\"\ntype = \"pvh\"\n"
                       "disk = [ 'vdev=xvda, target=/dev/vg/g' ]\n"
                       "nestedhvm = 0\npci = []\n");
    assert_int_equal(
        tt_run("--document %s/s.md audit %s/pvh.cfg", tt_dir, tt_dir), 0);
    S_has("pvh.cfg:2: name = g: unmapped: the domain's name\n");
    S_has("pvh.cfg:3: type = pvh: x86/PVH: Status, domU: Supported "
          "(supported, security yes)\n");
    S_has("pvh.cfg:4: disk = vdev=xvda, target=/dev/vg/g: Blkback: Status, "
          "Linux (xen-blkback): Supported");
    S_has("pvh.cfg:5: nestedhvm = 0: off: turned off\n");
    S_has("pvh.cfg:6: pci: off: turned off\n");
    S_has("pvh.cfg: within security support\n");
    assert_null(strstr(tt_out, "# comment"));
}

static void test_outside(void **state)
{
    (void)state;
    S_write("hvm.cfg",
            "name = \"h\"; type = \"hvm\"\nnestedhvm = 1\n"
            "disk = [ 'vdev=hda, backendtype=qdisk, target=/a.img',\n"
            "         'vdev=hdb, backendtype=tap, target=/b.img' ]\n"
            "usbctrl = [ 'version=2' ]\nfrobnicate = 7\nvpmu = 1\n");
    assert_int_equal(
        tt_run("--document %s/s.md audit %s/hvm.cfg", tt_dir, tt_dir), 1);
    S_has("hvm.cfg:1: type = hvm: x86/HVM: Status, domU: Supported");
    S_has("hvm.cfg:2: nestedhvm = 1: x86/Nested HVM: Status, x86 HVM: "
          "Experimental (experimental, security no): outside security "
          "support\n");
    S_has("backendtype=qdisk, target=/a.img: Blkback: Status, QEMU "
          "(xen_disk), raw format: Supported (supported, security yes)\n");
    S_has("backendtype=tap, target=/b.img: Blkback: Status, Blktap2, raw "
          "format: Deprecated (deprecated, security yes): outside");
    S_has("usbctrl = version=2: PV USB (backend): Status, QEMU: Supported");
    S_has("hvm.cfg:6: frobnicate = 7: unknown: this setting is not in the "
          "mapping\n");
    S_has("hvm.cfg:7: vpmu = 1: the statement has no such feature (VPMU): "
          "outside security support\n");
    S_has("hvm.cfg: outside security support (3 settings); 1 setting not "
          "mapped\n");
}

static void test_arch(void **state)
{
    (void)state;
    S_write("alt.cfg", "altp2m = \"external\"\n");
    assert_int_equal(
        tt_run("--document %s/s.md audit %s/alt.cfg", tt_dir, tt_dir), 1);
    S_has("Alternative p2m: Status, x86 HVM: Tech Preview");
    assert_int_equal(tt_run("--document %s/s.md audit --arch arm %s/alt.cfg",
                            tt_dir, tt_dir),
                     1);
    S_has("Alternative p2m: Status, ARM: Experimental");
    assert_int_equal(tt_run("--document %s/s.md audit --arch mips %s/alt.cfg",
                            tt_dir, tt_dir),
                     2);
}

static void test_errors(void **state)
{
    (void)state;
    S_write("bad.cfg", "name = \"b\"\ntype = pvh\"\n");
    assert_int_equal(
        tt_run("--document %s/s.md audit %s/bad.cfg", tt_dir, tt_dir), 2);
    tt_one_line_error("bad.cfg:2: config parsing error");
    assert_int_equal(
        tt_run("--document %s/s.md audit %s/none.cfg", tt_dir, tt_dir), 2);
    tt_one_line_error("none.cfg: No such file or directory");
    assert_int_equal(tt_run("--document %s/s.md audit", tt_dir), 2);
    tt_one_line_error("usage: xen-support audit");
    /* An error outranks a guest outside support. */
    S_write("hvm1.cfg", "nestedhvm = 1\n");
    assert_int_equal(tt_run("--document %s/s.md audit %s/hvm1.cfg %s/bad.cfg",
                            tt_dir, tt_dir, tt_dir),
                     2);
}

static void test_json(void **state)
{
    char errbuf[128];
    const char *findings[] = {"findings", NULL}, *outside[] = {"outside", NULL};
    const char *kind[] = {"finding", NULL}, *key[] = {"key", NULL};

    (void)state;
    S_write("j.cfg", "type = \"hvm\"\nnestedhvm = 1\n");
    assert_int_equal(
        tt_run("--document %s/s.md audit --json %s/j.cfg", tt_dir, tt_dir), 1);
    yajl_val v = yajl_tree_parse(tt_out, errbuf, sizeof(errbuf));
    assert_non_null(v);
    assert_true(YAJL_IS_ARRAY(v));
    yajl_val cfg = YAJL_GET_ARRAY(v)->values[0];
    assert_int_equal(
        YAJL_GET_INTEGER(yajl_tree_get(cfg, outside, yajl_t_number)), 1);
    yajl_val fs = yajl_tree_get(cfg, findings, yajl_t_array);
    assert_non_null(fs);
    assert_int_equal(YAJL_GET_ARRAY(fs)->len, 2);
    yajl_val n = YAJL_GET_ARRAY(fs)->values[1];
    assert_string_equal(YAJL_GET_STRING(yajl_tree_get(n, kind, yajl_t_string)),
                        "mapped");
    assert_string_equal(YAJL_GET_STRING(yajl_tree_get(n, key, yajl_t_string)),
                        "NESTED_HVM");
    yajl_tree_free(v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_within), cmocka_unit_test(test_outside),
        cmocka_unit_test(test_arch),   cmocka_unit_test(test_errors),
        cmocka_unit_test(test_json),
    };
    return cmocka_run_group_tests(tests, S_setup, tt_cli_teardown);
}
