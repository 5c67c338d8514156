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

# The xen-support command.
XS_CLI_SRCS := tools-side/xen-support.c $(wildcard tools-side/cli/*.c)
XS_CLI_OBJS := $(XS_CLI_SRCS:%.c=$(O)/%.o)
$(XS_CLI_OBJS): EXTRA_CFLAGS += $(call pc_cflags,$(YAJL_PC))

$(O)/bin/xen-support: $(XS_CLI_OBJS) $(XENSUPPORT_A)
	@mkdir -p $(@D)
	$(CC) $(HOST_LDFLAGS) -o $@ $(XS_CLI_OBJS) $(XENSUPPORT_LDLIBS) \
	    $(call pc_libs,$(YAJL_PC))

BINS += $(O)/bin/xen-support

.PHONY: install-tools
install-tools: $(O)/bin/xen-support $(XENSUPPORT_A)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(INCLUDEDIR) \
	    $(DESTDIR)$(LIBDIR) $(DESTDIR)$(MANDIR)/man1
	$(INSTALL) -m 755 $(O)/bin/xen-support $(DESTDIR)$(BINDIR)/
	$(INSTALL) -m 644 tools-side/include/xensupport.h \
	    $(DESTDIR)$(INCLUDEDIR)/
	$(INSTALL) -m 644 $(XENSUPPORT_A) $(DESTDIR)$(LIBDIR)/
	$(INSTALL) -m 644 docs/xen-support.1 $(DESTDIR)$(MANDIR)/man1/

INSTALL_TARGETS += install-tools
