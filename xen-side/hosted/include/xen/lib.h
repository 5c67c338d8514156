/* Hosted shim: printk into a buffer, and Xen's small helper macros. */
#ifndef HOSTED_XEN_LIB_H
#define HOSTED_XEN_LIB_H

#include <stddef.h> /* offsetof */
#include <stdio.h>  /* snprintf */

#include <xen/types.h>

#define XENLOG_ERR "<0>"
#define XENLOG_WARNING "<1>"
#define XENLOG_INFO "<2>"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define BUILD_BUG_ON(cond) ((void)sizeof(char[1 - 2 * !!(cond)]))
#define min(x, y) ((x) < (y) ? (x) : (y))
#define ROUNDUP(x, a) (((x) + (a)-1) & ~((a)-1))
#define container_of(ptr, type, member)                                        \
    ((type *)((char *)(ptr)-offsetof(type, member)))

void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Xen stops; hosted, the message goes to printk and to the test's jump. */
void panic(const char *fmt, ...)
    __attribute__((noreturn, format(printf, 1, 2)));

/* Command line helpers, as xen/common/kernel.c has them (shim.c). */
int parse_bool(const char *s, const char *e);
int parse_boolean(const char *name, const char *s, const char *e);
int cmdline_strcmp(const char *frag, const char *name);

#endif
