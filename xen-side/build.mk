# xen-side/build.mk: hosted build of the hypervisor code for unit tests,
# and `make xen` (a real Xen tree, see scripts/xen-build.sh).
#
# Hosted: xen-side/common/support*.c, unchanged, compiled on Linux against
# the shim in xen-side/hosted/ (guest copies, printk, XSM, locks), with
# the sysctl ABI extracted from xen-side/series/ and the table generated
# from $(SUPPORT_MD).

XEN_HOSTED_DIR := $(O)/xen-side/hosted
XEN_HOSTED_GEN := $(XEN_HOSTED_DIR)/gen
XEN_HOSTED_CFLAGS := -Ixen-side/hosted/include -I$(XEN_HOSTED_GEN) -DCONFIG_X86 \
    -Wno-unused-parameter \
    -DCONFIG_SUPPORT_TABLE
XEN_ABI_PATCH := $(wildcard xen-side/series/0001-*/sysctl-*.diff)

$(XEN_HOSTED_GEN)/sysctl_support_abi.h: $(XEN_ABI_PATCH) scripts/xen-hosted-abi.sh
	scripts/xen-hosted-abi.sh $@ $(XEN_ABI_PATCH)

# One generator run writes the C source, the header and the blob.
$(XEN_HOSTED_GEN)/support_table_gen.c: $(SUPPORT_MD) $(GEN_BIN)
	@mkdir -p $(XEN_HOSTED_GEN)/xen
	$(GEN_BIN) --c-source $@ \
	    --header $(XEN_HOSTED_GEN)/xen/support_features.h \
	    -o $(XEN_HOSTED_GEN)/support_table.bin $(SUPPORT_MD) \
	    2>$(XEN_HOSTED_GEN)/gen.log || { cat $(XEN_HOSTED_GEN)/gen.log; exit 1; }
$(XEN_HOSTED_GEN)/xen/support_features.h $(XEN_HOSTED_GEN)/support_table.bin: \
    $(XEN_HOSTED_GEN)/support_table_gen.c ;

XEN_HOSTED_HDRS := $(XEN_HOSTED_GEN)/sysctl_support_abi.h \
                   $(XEN_HOSTED_GEN)/xen/support_features.h

# The table (support.c), the support= option (support_param.c), the
# boot policy's gates (support_policy.c) and the sysctl handler
# (support_sysctl.c), the hypfs view (support_hypfs.c, with the hypfs
# shim hosted/hypfs.c), and the boot module and runtime load
# (support_load.c).
XEN_SUPPORT_NAMES := support support_param support_policy support_sysctl \
                     support_hypfs support_load support_note
XEN_SUPPORT_OBJS := $(XEN_SUPPORT_NAMES:%=$(O)/xen-side/common/%.o)

$(XEN_SUPPORT_OBJS) $(O)/xen-side/hosted/shim.o $(O)/xen-side/hosted/hypfs.o: \
    private EXTRA_CFLAGS += $(XEN_HOSTED_CFLAGS)
$(XEN_SUPPORT_OBJS) $(O)/xen-side/hosted/shim.o $(O)/xen-side/hosted/hypfs.o: \
    $(XEN_HOSTED_HDRS)

$(XEN_HOSTED_DIR)/support_table_gen.o: $(XEN_HOSTED_GEN)/support_table_gen.c
	$(CC) $(HOST_CPPFLAGS) $(HOST_CFLAGS) -c $< -o $@

XEN_HOSTED_OBJS := $(XEN_SUPPORT_OBJS) $(CORE_OBJS) \
                   $(O)/xen-side/hosted/shim.o $(O)/xen-side/hosted/hypfs.o \
                   $(XEN_HOSTED_DIR)/support_table_gen.o

# A real hypervisor: make xen XEN_ARCH=x86_64|arm64 [XEN_SRC=DIR]
# [SUPPORT_MD=...|tree]; without XEN_SRC, Debian 12's Xen 4.17.
# With XEN_SRC the tree's own SUPPORT.md, unless SUPPORT_MD= is given.
XEN_SUPPORT_MD = $(if $(and $(XEN_SRC),$(filter-out command line,$(origin SUPPORT_MD))),tree,$(SUPPORT_MD))
.PHONY: xen
xen: $(GEN_BIN)
	@scripts/deps.sh xen
	XEN_SRC=$(XEN_SRC) XEN_BUILD=$(XEN_BUILD) SUPPORT_MD=$(XEN_SUPPORT_MD) \
	    XEN_SUPPORT_GEN=$(GEN_BIN) scripts/xen-build.sh $(XEN_ARCH)

# The series for a tree: make xen-series [XEN_SRC=DIR] OUT=DIR
.PHONY: xen-series
xen-series:
	@test -n "$(OUT)" || { echo "usage: make xen-series [XEN_SRC=DIR] OUT=DIR" >&2; exit 2; }
	@scripts/deps.sh xen
	scripts/xen-series.sh "$(or $(XEN_SRC),$$(scripts/xen-source.sh build/xen-src | tail -n 1))" "$(OUT)"
