/* arch.c: architecture masks from headings and qualifiers. */
#include "arch.h"

#include <stdint.h>

#include <public/support_table.h>

#include <ctype.h>
#include <string.h>
#include <strings.h>

static const struct {
    const char *word;
    unsigned arch;
    int prefix; /* matches any word starting with it */
} S_words[] = {
    {"x86", XEN_SUPTAB_ARCH_X86, 0},     {"x86-64", XEN_SUPTAB_ARCH_X86, 0},
    {"x86_64", XEN_SUPTAB_ARCH_X86, 0},  {"x86_32", XEN_SUPTAB_ARCH_X86, 0},
    {"x86-32", XEN_SUPTAB_ARCH_X86, 0},  {"amd64", XEN_SUPTAB_ARCH_X86, 0},
    {"i386", XEN_SUPTAB_ARCH_X86, 0},    {"amd", XEN_SUPTAB_ARCH_X86, 0},
    {"intel", XEN_SUPTAB_ARCH_X86, 0},   {"vt-d", XEN_SUPTAB_ARCH_X86, 0},
    {"vt-x", XEN_SUPTAB_ARCH_X86, 0},    {"arm", XEN_SUPTAB_ARCH_ARM, 0},
    {"arm32", XEN_SUPTAB_ARCH_ARM, 0},   {"arm64", XEN_SUPTAB_ARCH_ARM, 0},
    {"armv7", XEN_SUPTAB_ARCH_ARM, 0},   {"armv8", XEN_SUPTAB_ARCH_ARM, 0},
    {"aarch64", XEN_SUPTAB_ARCH_ARM, 0}, {"aarch32", XEN_SUPTAB_ARCH_ARM, 0},
    {"smmu", XEN_SUPTAB_ARCH_ARM, 1},    {"gicv", XEN_SUPTAB_ARCH_ARM, 1},
    {"cortex", XEN_SUPTAB_ARCH_ARM, 0},
};

/* Word characters: letters, digits, '_' and '-' ("x86-64", "VT-d"). */
static int S_wordch(int c)
{
    return isalnum(c) || c == '_' || c == '-';
}

static unsigned S_word(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof(S_words) / sizeof(S_words[0]); i++) {
        size_t l = strlen(S_words[i].word);
        if ((n == l || (S_words[i].prefix && n > l)) &&
            !strncasecmp(w, S_words[i].word, l))
            return S_words[i].arch;
    }
    return 0;
}

static unsigned S_scan(const char *text, int first_only)
{
    unsigned mask = 0;
    const char *p = text;
    while (*p) {
        while (*p && !S_wordch((unsigned char)*p))
            p++;
        const char *w = p;
        while (*p && S_wordch((unsigned char)*p))
            p++;
        if (p == w)
            break;
        mask |= S_word(w, (size_t)(p - w));
        if (first_only)
            break;
    }
    return mask;
}

unsigned xsg_arch_of_heading(const char *text)
{
    return S_scan(text, 1);
}

unsigned xsg_arch_of_qualifier(const char *text)
{
    return S_scan(text, 0);
}
