/* test_crc32.c: suptab_crc32 against the CRC-32 check value and chaining. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <xen/suptab.h>

static void test_check_value(void **state)
{
    (void)state;
    /* The catalogued check value of CRC-32/ISO-HDLC. */
    assert_int_equal(suptab_crc32(0, "123456789", 9), 0xcbf43926U);
    assert_int_equal(suptab_crc32(0, "", 0), 0);
    assert_int_equal(suptab_crc32(0, "a", 1), 0xe8b7be43U);
}

static void test_chaining(void **state)
{
    uint8_t buf[1000];

    (void)state;
    for (size_t i = 0; i < sizeof(buf); i++)
        buf[i] = (uint8_t)(i * 131 + 7);
    uint32_t whole = suptab_crc32(0, buf, sizeof(buf));
    for (size_t cut = 0; cut <= sizeof(buf); cut += 37) {
        uint32_t part = suptab_crc32(0, buf, cut);
        assert_int_equal(suptab_crc32(part, buf + cut, sizeof(buf) - cut),
                         whole);
    }
    buf[500] ^= 0x10;
    assert_int_not_equal(suptab_crc32(0, buf, sizeof(buf)), whole);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_check_value),
        cmocka_unit_test(test_chaining),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
