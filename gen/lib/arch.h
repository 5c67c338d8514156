/*
 * arch.h: architecture clues in headings ("x86/PV", "ARM v8", "ARM:")
 * and row qualifiers ("x86 HVM", "ARM64", "Intel VT-d", "(ARM)").
 */
#ifndef XSG_ARCH_H
#define XSG_ARCH_H

#include <stddef.h>

/*
 * Architecture mask (XEN_SUPTAB_ARCH_X86 | XEN_SUPTAB_ARCH_ARM) named,
 * in the vocabulary of arch_words.def, by a heading's first word, or by
 * any word of a qualifier; 0 if there is no clue.
 */
unsigned xsg_arch_of_heading(const char *text);
unsigned xsg_arch_of_qualifier(const char *text);

#endif
