# core/build.mk: the table core (format header, readers, CRC-32, pair
# expander, validator), one copy linked into gen, libxensupport and the
# hosted hypervisor code; scripts/xen-build.sh puts the same files into a
# Xen tree.  No dependencies.

CORE_SRCS := $(wildcard core/*.c)
CORE_OBJS := $(CORE_SRCS:%.c=$(O)/%.o)
