/*
 * seed.h: what the seed document (docs/SUPPORT.md, Xen 4.10's
 * statement, the default input) holds.  The one place the tests take
 * these numbers from: a change to the seed is a change here.
 */
#ifndef TESTS_SEED_H
#define TESTS_SEED_H

#define SEED_DOC         "docs/SUPPORT.md"
#define SEED_NR_FACTS    4
#define SEED_NR_SECTIONS 16
#define SEED_NR_FEATURES 93
#define SEED_NR_ROWS     139

#endif
