# Config.mk: toolchain, flags, install paths and package names.
# Every variable here can be overridden on the make command line
# (make CC=clang PREFIX=/usr ...), as in Xen's own Config.mk.

# Host toolchain
CC              ?= cc
AR              ?= ar
PKG_CONFIG      ?= pkg-config
CLANG_FORMAT    ?= clang-format
INSTALL         ?= install

# This project's release, printed by the commands' --version
XS_VERSION      ?= 1.1.0

# Output folder for everything built (never committed)
O               ?= build/default

# Host C: C11, warnings are errors
HOST_CFLAGS     ?= -std=c11 -O2 -g -Wall -Wextra -Werror -Wshadow \
                   -Wstrict-prototypes -Wmissing-prototypes -Wvla \
                   -Wformat=2 -fno-strict-aliasing
HOST_CPPFLAGS   ?= -D_POSIX_C_SOURCE=200809L
HOST_LDFLAGS    ?=

# make SANITIZE=1: AddressSanitizer + UndefinedBehaviorSanitizer
SANITIZE        ?= 0
SAN_FLAGS       ?= -fsanitize=address,undefined -fno-sanitize-recover=all \
                   -fno-omit-frame-pointer

# pkg-config names of the libraries we use
CMARK_PC        ?= libcmark
YAJL_PC         ?= yajl
CMOCKA_PC       ?= cmocka
XENCTRL_PC      ?= xencontrol
XENHYPFS_PC     ?= xenhypfs

# Installation
PREFIX          ?= /usr/local
DESTDIR         ?=
BINDIR          ?= $(PREFIX)/bin
LIBDIR          ?= $(PREFIX)/lib
INCLUDEDIR      ?= $(PREFIX)/include
MANDIR          ?= $(PREFIX)/share/man
DATADIR         ?= $(PREFIX)/share/xen-support
BASHCOMPDIR     ?= $(PREFIX)/share/bash-completion/completions

# Xen source (fetched with apt-get source at build time, never committed)
XEN_ARCH        ?= x86_64
XEN_BUILD       ?= $(if $(XEN_SRC),,build/xen)
SUPPORT_MD      ?= docs/SUPPORT.md
