/* Hosted shim: the end-of-boot warnings, kept for the tests to read. */
#ifndef HOSTED_XEN_WARNING_H
#define HOSTED_XEN_WARNING_H

void warning_add(const char *warning);

#endif
