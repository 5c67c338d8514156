/*
 * arch.c: architecture masks from headings and qualifiers, read with the
 * vocabulary of arch_words.def.
 */
#include "arch.h"

#include <stdint.h>

#include <public/support_table.h>

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

enum { WORD, PREFIX, QWORD };

static const struct {
    const char *text;
    unsigned arch;
    int how;
} S_words[] = {
#define ARCH_WORD(text, arch, how) {text, XEN_SUPTAB_ARCH_##arch, how},
#include "arch_words.def"
#undef ARCH_WORD
};

/* Word characters: letters, digits, '_' and '-' ("x86-64", "VT-d"). */
static int S_wordch(int c)
{
    return isalnum(c) || c == '_' || c == '-';
}

/* The architecture of the vocabulary word at w (a word start), 0 if none. */
static unsigned S_word(const char *w, bool heading)
{
    for (size_t i = 0; i < sizeof(S_words) / sizeof(S_words[0]); i++) {
        size_t l = strlen(S_words[i].text);
        if (heading && S_words[i].how == QWORD)
            continue;
        if (!strncasecmp(w, S_words[i].text, l) &&
            (S_words[i].how == PREFIX || !S_wordch((unsigned char)w[l])))
            return S_words[i].arch;
    }
    return 0;
}

static unsigned S_scan(const char *text, bool heading)
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
        mask |= S_word(w, heading);
        if (heading)
            break;
    }
    return mask;
}

unsigned xsg_arch_of_heading(const char *text)
{
    return S_scan(text, true);
}

unsigned xsg_arch_of_qualifier(const char *text)
{
    return S_scan(text, false);
}
