# gen/build.mk: the SUPPORT.md compiler as a library (libxsgen.a: gen/lib
# and the table core, core/, that checks its output) and the
# xen-support-gen command, which links that library, cmark and yajl (its
# --json), and nothing of the dom0 tools (no libxenctrl: building Xen's
# table needs no libxen-dev).
# libxensupport-doc (tools-side/build.mk) carries the same objects.

GEN_LIB_SRCS := $(wildcard gen/lib/*.c)
GEN_LIB_OBJS := $(GEN_LIB_SRCS:%.c=$(O)/%.o)
$(GEN_LIB_OBJS): EXTRA_CFLAGS += $(call pc_cflags,$(CMARK_PC))
$(GEN_LIB_OBJS): EXTRA_CFLAGS += $(call pc_cflags,$(YAJL_PC))

# The writer's checksum and validator come from the one table core.
XSGEN_OBJS := $(GEN_LIB_OBJS) $(CORE_OBJS)
XSGEN_A := $(O)/lib/libxsgen.a
$(XSGEN_A): $(XSGEN_OBJS)
	@mkdir -p $(@D)
	rm -f $@ && $(AR) rcs $@ $^
XSGEN_LDLIBS = $(XSGEN_A) $(call pc_libs,$(CMARK_PC)) $(call pc_libs,$(YAJL_PC))

LIBS += $(XSGEN_A)

# The command
GEN_BIN := $(O)/bin/xen-support-gen
$(O)/gen/xen-support-gen.o: EXTRA_CFLAGS += -Igen/lib \
    -DXS_VERSION='"$(XS_VERSION)"'
$(GEN_BIN): $(O)/gen/xen-support-gen.o $(XSGEN_A)
	@mkdir -p $(@D)
	$(CC) $(HOST_LDFLAGS) -o $@ $< $(XSGEN_LDLIBS)

BINS += $(GEN_BIN)

.PHONY: install-gen
install-gen: $(GEN_BIN)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	$(INSTALL) -m 755 $(GEN_BIN) $(DESTDIR)$(BINDIR)/xen-support-gen
	$(INSTALL) -m 644 docs/xen-support-gen.1 $(DESTDIR)$(MANDIR)/man1/xen-support-gen.1

INSTALL_TARGETS += install-gen
