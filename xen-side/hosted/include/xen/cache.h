/* Hosted shim: section placement is a no-op on Linux. */
#ifndef HOSTED_XEN_CACHE_H
#define HOSTED_XEN_CACHE_H

#define __read_mostly

#endif
