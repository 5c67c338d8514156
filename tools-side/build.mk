# tools-side/build.mk: libxensupport (decoder, validator, document
# compiler from gen/) and the xen-support command.

TOOLS_LIB_SRCS := $(wildcard tools-side/lib/*.c)
TOOLS_LIB_OBJS := $(TOOLS_LIB_SRCS:%.c=$(O)/%.o)

# The library carries gen's parser too, so it can open a SUPPORT.md.
XENSUPPORT_A := $(O)/lib/libxensupport.a
$(XENSUPPORT_A): $(TOOLS_LIB_OBJS) $(GEN_LIB_OBJS)
	@mkdir -p $(@D)
	rm -f $@ && $(AR) rcs $@ $^

LIBS += $(XENSUPPORT_A)
XENSUPPORT_LDLIBS := $(XENSUPPORT_A) $(call pc_libs,$(CMARK_PC))
