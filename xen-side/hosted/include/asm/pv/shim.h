/* Hosted shim: x86's PV shim flag, which the tests set (shim.c). */
#ifndef HOSTED_ASM_PV_SHIM_H
#define HOSTED_ASM_PV_SHIM_H

#include <stdbool.h>

extern bool pv_shim;

#endif
