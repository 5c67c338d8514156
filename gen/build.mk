# gen/build.mk: the SUPPORT.md compiler (library objects go into
# libxensupport, see tools-side/build.mk) and the xen-support-gen command.

GEN_LIB_SRCS := $(wildcard gen/lib/*.c)
GEN_LIB_OBJS := $(GEN_LIB_SRCS:%.c=$(O)/%.o)
$(GEN_LIB_OBJS): EXTRA_CFLAGS += $(call pc_cflags,$(CMARK_PC))
$(GEN_LIB_OBJS): EXTRA_CFLAGS += $(call pc_cflags,$(YAJL_PC))

# The command
GEN_BIN := $(O)/bin/xen-support-gen
$(O)/gen/xen-support-gen.o: EXTRA_CFLAGS += -Igen/lib
$(GEN_BIN): $(O)/gen/xen-support-gen.o $(O)/lib/libxensupport.a
	@mkdir -p $(@D)
	$(CC) $(HOST_LDFLAGS) -o $@ $< $(XENSUPPORT_LDLIBS) $(call pc_libs,$(YAJL_PC))

BINS += $(GEN_BIN)

.PHONY: install-gen
install-gen: $(GEN_BIN)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	$(INSTALL) -m 755 $(GEN_BIN) $(DESTDIR)$(BINDIR)/xen-support-gen
	$(INSTALL) -m 644 docs/xen-support-gen.1 $(DESTDIR)$(MANDIR)/man1/xen-support-gen.1

INSTALL_TARGETS += install-gen
