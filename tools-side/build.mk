# tools-side/build.mk: libxensupport (decoder, validator, the memory,
# file and hypervisor sources; needs libxenctrl, never cmark), static and
# shared; libxensupport-doc (static, host side: the document source, with
# gen's objects, needs cmark); their pkg-config files; the xen-support
# command (host: both libraries; a fully static one for dom0 initramfs
# images: libxensupport alone, --document says it needs the host build);
# and `make xl` (xl with the support lines, libxensupport alone).

TOOLS_LIB_SRCS := $(wildcard tools-side/lib/*.c)
TOOLS_LIB_OBJS := $(TOOLS_LIB_SRCS:%.c=$(O)/%.o)
XENSUPPORT_SOVERSION := 1
XENSUPPORT_VERSION := 1.0.0

# The sysctl ABI, extracted from the hypervisor patch (never hand-copied).
XS_ABI_PATCH := $(wildcard xen-side/series/0001-*/sysctl-*.diff)
XS_ABI_H := $(O)/include/xs_sysctl_abi.h
$(XS_ABI_H): $(XS_ABI_PATCH) scripts/xen-hosted-abi.sh
	scripts/xen-hosted-abi.sh $@ $(XS_ABI_PATCH)

# The hypervisor source includes libxen-dev's headers, which need GNU C.
XS_HV_SRCS := $(wildcard tools-side/lib/xs_hv*.c)
XS_HV_CFLAGS := -std=gnu11 -I$(O)/include \
    $(call pc_cflags,$(XENCTRL_PC) $(XENHYPFS_PC))
$(XS_HV_SRCS:%.c=$(O)/%.o) $(XS_HV_SRCS:%.c=$(O)/pic/%.o): \
    EXTRA_CFLAGS += $(XS_HV_CFLAGS)
$(XS_HV_SRCS:%.c=$(O)/%.o) $(XS_HV_SRCS:%.c=$(O)/pic/%.o): $(XS_ABI_H)

# The dom0 library: the table core, the reader and its sources, no
# document compiler.
XENSUPPORT_A := $(O)/lib/libxensupport.a
$(XENSUPPORT_A): $(TOOLS_LIB_OBJS) $(CORE_OBJS)
	@mkdir -p $(@D)
	rm -f $@ && $(AR) rcs $@ $^

XENSUPPORT_DEP_LIBS = $(call pc_libs,$(XENCTRL_PC) $(XENHYPFS_PC))
XENSUPPORT_LDLIBS = $(XENSUPPORT_A) $(XENSUPPORT_DEP_LIBS)

# The host library of the document source: tools-side/doc and gen's
# objects (with the table core gen uses, so it also works over the
# shared libxensupport, which does not export the core).  Host programs that
# open documents link XSDOC_LDLIBS (both libraries, cmark, libxenctrl).
XSDOC_SRCS := $(wildcard tools-side/doc/*.c)
XSDOC_OBJS := $(XSDOC_SRCS:%.c=$(O)/%.o)
XSDOC_A := $(O)/lib/libxensupport-doc.a
$(XSDOC_A): $(XSDOC_OBJS) $(XSGEN_OBJS)
	@mkdir -p $(@D)
	rm -f $@ && $(AR) rcs $@ $^
XSDOC_DEP_LIBS = $(call pc_libs,$(CMARK_PC))
XSDOC_LDLIBS = $(XSDOC_A) $(XENSUPPORT_A) $(XSDOC_DEP_LIBS) \
    $(XENSUPPORT_DEP_LIBS)

# The shared library: PIC objects, soname libxensupport.so.1, only the
# xensupport_* names exported (tools-side/libxensupport.map).
XENSUPPORT_PIC_OBJS := $(TOOLS_LIB_OBJS:$(O)/%=$(O)/pic/%) \
                       $(CORE_OBJS:$(O)/%=$(O)/pic/%)
$(O)/pic/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(HOST_CPPFLAGS) $(HOST_CFLAGS) -fPIC $(EXTRA_CFLAGS) -MMD -MP \
	    -c $< -o $@

XENSUPPORT_SO_REAL := libxensupport.so.$(XENSUPPORT_VERSION)
XENSUPPORT_SO := $(O)/lib/$(XENSUPPORT_SO_REAL)
$(XENSUPPORT_SO): $(XENSUPPORT_PIC_OBJS) tools-side/libxensupport.map
	@mkdir -p $(@D)
	$(CC) $(HOST_LDFLAGS) -shared -o $@ $(XENSUPPORT_PIC_OBJS) \
	    -Wl,-soname,libxensupport.so.$(XENSUPPORT_SOVERSION) \
	    -Wl,--version-script=tools-side/libxensupport.map \
	    -Wl,--no-undefined $(XENSUPPORT_DEP_LIBS)
	ln -sf $(XENSUPPORT_SO_REAL) $(@D)/libxensupport.so.$(XENSUPPORT_SOVERSION)
	ln -sf $(XENSUPPORT_SO_REAL) $(@D)/libxensupport.so

LIBS += $(XENSUPPORT_A) $(XENSUPPORT_SO) $(XSDOC_A)

# The xen-support command.  Its JSON output is its own (yajl).  How it
# opens a source is one of two files: cli/source/doc.c (the host build:
# libxensupport-doc compiles --document) or cli/source/nodoc.c (the dom0
# build: libxensupport alone).
# Both builds write files with gen's fileio module (no cmark in it).
XS_CLI_SRCS := tools-side/xen-support.c $(wildcard tools-side/cli/*.c)
XS_CLI_OBJS := $(XS_CLI_SRCS:%.c=$(O)/%.o) $(O)/gen/lib/fileio.o
XS_CLI_DOC := $(O)/tools-side/cli/source/doc.o \
    $(O)/tools-side/cli/xlcfg/xlu.o $(O)/tools-side/xlcfg/xlcfg.o
XS_CLI_NODOC := $(O)/tools-side/cli/source/nodoc.o \
    $(O)/tools-side/cli/xlcfg/none.o
# xl's configuration parser (libxlutil.h includes libxl.h: GNU C).
XLUTIL_PC ?= xlutil
# tools-side/xlcfg/ is shared with xl's create-time audit (xl-build.sh).
$(O)/tools-side/xlcfg/xlcfg.o: EXTRA_CFLAGS += -std=gnu11 \
    $(call pc_cflags,$(XLUTIL_PC))
$(XS_CLI_OBJS) $(XS_CLI_DOC) $(XS_CLI_NODOC): \
    EXTRA_CFLAGS += $(call pc_cflags,$(YAJL_PC)) -Igen/lib \
    -DXS_VERSION='"$(XS_VERSION)"'

$(O)/bin/xen-support: $(XS_CLI_OBJS) $(XS_CLI_DOC) $(XSDOC_A) $(XENSUPPORT_A)
	@mkdir -p $(@D)
	$(CC) $(HOST_LDFLAGS) -o $@ $(XS_CLI_OBJS) $(XS_CLI_DOC) \
	    $(XSDOC_LDLIBS) $(call pc_libs,$(YAJL_PC)) \
	    $(call pc_libs,$(XLUTIL_PC))

BINS += $(O)/bin/xen-support

# Fully static, for a busybox initramfs without shared libraries: Debian's
# static archives of libxenctrl and what it needs, and yajl.  No cmark.
XS_STATIC_LIBS := -l:libyajl_s.a -Wl,--start-group \
    -l:libxenctrl.a -l:libxenevtchn.a -l:libxengnttab.a \
    -l:libxenforeignmemory.a -l:libxendevicemodel.a -l:libxencall.a \
    -l:libxentoollog.a -l:libxentoolcore.a -l:libxenhypfs.a -l:libz.a \
    -Wl,--end-group -lpthread -ldl
$(O)/bin/xen-support-static: $(XS_CLI_OBJS) $(XS_CLI_NODOC) $(XENSUPPORT_A)
	@mkdir -p $(@D)
	$(CC) -static -s -o $@ $(XS_CLI_OBJS) $(XS_CLI_NODOC) $(XENSUPPORT_A) \
	    $(XS_STATIC_LIBS)

ifneq ($(SANITIZE),1)
BINS += $(O)/bin/xen-support-static
endif

# xensupport.pc and xensupport-doc.pc, filled at install time with the
# install paths.
XENSUPPORT_PC := $(O)/lib/pkgconfig/xensupport.pc
XSDOC_PC := $(O)/lib/pkgconfig/xensupport-doc.pc
.PHONY: $(XENSUPPORT_PC) $(XSDOC_PC)
$(XENSUPPORT_PC) $(XSDOC_PC): $(O)/lib/pkgconfig/%.pc: tools-side/%.pc.in
	@mkdir -p $(@D)
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(LIBDIR)|g' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|g' \
	    -e 's|@VERSION@|$(XENSUPPORT_VERSION)|g' $< >$@.tmp && mv $@.tmp $@

.PHONY: install-tools
install-tools: $(O)/bin/xen-support $(XENSUPPORT_A) $(XENSUPPORT_SO) \
    $(XENSUPPORT_PC) $(XSDOC_A) $(XSDOC_PC)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(INCLUDEDIR) \
	    $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(MANDIR)/man1
	$(INSTALL) -m 755 $(O)/bin/xen-support $(DESTDIR)$(BINDIR)/
	$(INSTALL) -m 644 tools-side/include/xensupport.h \
	    tools-side/include/xensupport_doc.h $(DESTDIR)$(INCLUDEDIR)/
	$(INSTALL) -m 644 $(XENSUPPORT_A) $(XSDOC_A) $(DESTDIR)$(LIBDIR)/
	$(INSTALL) -m 755 $(XENSUPPORT_SO) $(DESTDIR)$(LIBDIR)/
	ln -sf $(XENSUPPORT_SO_REAL) \
	    $(DESTDIR)$(LIBDIR)/libxensupport.so.$(XENSUPPORT_SOVERSION)
	ln -sf $(XENSUPPORT_SO_REAL) $(DESTDIR)$(LIBDIR)/libxensupport.so
	$(INSTALL) -m 644 $(XENSUPPORT_PC) $(XSDOC_PC) \
	    $(DESTDIR)$(LIBDIR)/pkgconfig/
	$(INSTALL) -m 644 docs/xen-support.1 $(DESTDIR)$(MANDIR)/man1/
	$(INSTALL) -d $(DESTDIR)$(BASHCOMPDIR)
	$(INSTALL) -m 644 tools-side/completion/xen-support.bash \
	    $(DESTDIR)$(BASHCOMPDIR)/xen-support
	ln -sf xen-support $(DESTDIR)$(BASHCOMPDIR)/xen-support-gen

INSTALL_TARGETS += install-tools

# xl from Debian's Xen 4.17 source with tools-side/xl/*.patch, against the
# installed libxen-dev, linking the static libxensupport: build/xl/xl.
.PHONY: xl
xl: $(XENSUPPORT_A)
	XENSUPPORT_A=$(XENSUPPORT_A) XS_INCLUDE=tools-side/include \
	    scripts/xl-build.sh build/xl

# The static xen-support for arm64 dom0s: the same sources cross-built by a
# sub-make (O=$(O)/arm64, aarch64-linux-gnu-gcc) against Debian's arm64
# headers and static libraries, unpacked into a sysroot in the build folder
# by scripts/cross-sysroot.sh.  Also leaves $(O)/arm64/lib/libxensupport.a
# (for the arm64 xl).  Phony: the sub-make decides what is out of date.
CROSS_DIR ?= build/cross
CROSS_ARM64 ?= aarch64-linux-gnu-
.PHONY: $(O)/arm64/bin/xen-support-static
$(O)/arm64/bin/xen-support-static:
	@scripts/deps.sh cross
	+@root=$$(scripts/cross-sysroot.sh arm64 $(CROSS_DIR)) && \
	lib=$$root/usr/lib/aarch64-linux-gnu && \
	PKG_CONFIG_LIBDIR=$$lib/pkgconfig:$$root/usr/share/pkgconfig \
	PKG_CONFIG_SYSROOT_DIR=$$root \
	$(MAKE) --no-print-directory O=$(O)/arm64 SANITIZE=0 \
	    CC="$(CROSS_ARM64)gcc -isystem $$root/usr/include -L$$lib" \
	    AR=$(CROSS_ARM64)ar $@ $(O)/arm64/lib/libxensupport.a
