# gen/build.mk: the SUPPORT.md compiler (library objects go into
# libxensupport, see tools-side/build.mk) and the xen-support-gen command.

GEN_LIB_SRCS := $(wildcard gen/lib/*.c)
GEN_LIB_OBJS := $(GEN_LIB_SRCS:%.c=$(O)/%.o)
$(GEN_LIB_OBJS): EXTRA_CFLAGS += $(call pc_cflags,$(CMARK_PC))
