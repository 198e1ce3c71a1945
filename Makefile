# pvmini - build a PV image from the kernel and one application.
#
#   make [APP=hello]     build/$(APP).elf
#   make apps            every application and test application, each
#                        with its libvirt domain XML (build/<app>.xml)
#   make run [MODE=xl|dom0|libvirt] [ARGS="trace=boot -- a b"]
#   make debug [APP=hello] [ARGS="-- a b"]
#                        the app under xl with gdb attached (docs/debug.md)
#   make test            host unit tests, image checks, boot tests
#   make fuzz [FUZZ_SECONDS=60] [SEED=n]
#                        the fuzz harnesses (tests/fuzz/), long: minutes
#   make bench           benchmarks (bench/*.sh), figures, not pass/fail
#   make setup           install what the build and the rig need
# Options: config.mk.

include config.mk
export PVMINI_CACHE

ARCH := x86
VERSION := 0.1
BUILD ?= build

# An app is a directory; the files beside them (apps/cfg2xml) are tools.
APPS := $(notdir $(patsubst %/,%,$(wildcard apps/*/)))
TEST_APPS := $(notdir $(patsubst %/,%,$(wildcard tests/apps/*/)))
# APP_PATH: further directories to look for apps in (tests/checks uses it).
app_dir = $(firstword $(wildcard apps/$(1) tests/apps/$(1) \
	$(addsuffix /$(1),$(APP_PATH))))
APP_DIR := $(call app_dir,$(APP))
ifeq ($(APP_DIR),)
$(error APP=$(APP): there is no apps/$(APP) or tests/apps/$(APP))
endif

# --- Flags -------------------------------------------------------------
# -mcmodel=kernel with no PIC: we link at -2 GiB (minios.lds says why).
# -mno-red-zone: Xen pushes exception and event frames right below %rsp,
#  on the stack we are using; the 128-byte red zone would be overwritten.
# Frame pointers everywhere, leaves included, and no sibling calls (a tail
# jump leaves no frame): backtraces follow %rbp and must see every caller.
# -fsplit-stack: every function first checks that its frame fits above
# the running thread's stack limit (arch/x86/stack_limit.h); pvmini's
# __morestack reports the overflow, which Xen would otherwise end with a
# silent crash (it cannot deliver a fault on an overflowed stack).
# Kernel code is general-registers-only, so that it never clobbers the
# SSE state of an application it interrupts. -Wmissing-prototypes: every
# global kernel function is declared in the header its file includes, so
# the compiler checks declaration against definition (none is written
# inside another .c file).
GCC_INCLUDE := $(shell $(CC) -print-file-name=include)
# Apps see the API only: include/ (and the arch headers it includes).
# Kernel files also reach internal headers beside their code, by their
# path from the top, in quotes: #include "mm/p2m.h" (docs/architecture.md).
CPPFLAGS := -nostdinc -isystem $(GCC_INCLUDE) -I$(BUILD)/include \
	-Iinclude -Iarch/$(ARCH)/include -DPVMINI_VERSION='"$(VERSION)"'
KERNEL_CPPFLAGS := $(CPPFLAGS) -iquote .
BASE_CFLAGS := -std=gnu11 -ffreestanding -fno-pic -fno-pie \
	-mcmodel=kernel -mno-red-zone -fno-stack-protector \
	-fno-omit-frame-pointer -fno-optimize-sibling-calls -fno-asynchronous-unwind-tables \
	-fsplit-stack \
	-ffunction-sections -fdata-sections -g $(OPT) \
	-Wall -Wextra -Werror -MMD -MP
KERNEL_CFLAGS := $(BASE_CFLAGS) -mgeneral-regs-only -Wmissing-prototypes \
	-Wmissing-declarations
APP_CFLAGS := $(BASE_CFLAGS)
LDFLAGS := -nostdlib -static --gc-sections -z max-page-size=4096 \
	-z noexecstack -T minios.lds

# V=1 shows every command.
ifneq ($(V),1)
Q := @
say = @printf '  %-6s %s\n' $(1) $(2);
endif

# --- Kernel objects (shared by every app) -------------------------------
# Options pick whole files, never #if blocks inside them.
# The layers, bottom first (docs/architecture.md; tests/checks/layers.sh
# checks that calls go down this list).
LAYERS := lib arch/$(ARCH) kernel/xen mm kernel/sched kernel/xenbus \
	kernel/drivers/console kernel/drivers/net kernel/drivers/blk \
	kernel/debug kernel
MC_ISSUE_UNUSED := $(if $(filter y,$(MULTICALL_DEBUG)),\
	kernel/xen/multicall_issue.c,kernel/xen/multicall_issue_debug.c)
# kernel/debug/link.c is linked into the debugging images alone (below).
KERNEL_SRCS := $(filter-out kernel/app_name.c kernel/debug/link.c \
	$(MC_ISSUE_UNUSED), \
	$(foreach d,$(LAYERS),$(wildcard $(d)/*.S $(d)/*.c)))
KERNEL_OBJS := $(KERNEL_SRCS:%=$(BUILD)/obj/%.o)
XEN_H := $(BUILD)/include/xen/xen.h

.PHONY: all apps unit run debug test bench setup clean size new-app \
	print-layers
all: $(BUILD)/$(APP).elf
# The gdb tests (tests/boot/*-gdb.t) boot their app with the stub in.
GDB_TEST_APPS := gdbtest
apps: $(foreach a,$(APPS) $(TEST_APPS),$(BUILD)/$(a).elf $(BUILD)/$(a).xml) \
	$(foreach a,$(GDB_TEST_APPS),$(BUILD)/gdb/$(a).elf)

# Only xen/ from the system include dir is visible to the guest build.
$(XEN_H):
	@test -f $(XEN_INCLUDE)/xen/xen.h || { echo "Xen public headers not \
found in $(XEN_INCLUDE)/xen: run 'make setup' as root (Debian package \
libxen-dev)." >&2; exit 1; }
	@mkdir -p $(BUILD)/include
	$(Q)ln -sfn $(abspath $(XEN_INCLUDE))/xen $(BUILD)/include/xen

# Flags live in these two files: objects follow them.
FLAGS_DEPS := Makefile config.mk

$(BUILD)/obj/%.c.o: %.c $(FLAGS_DEPS) | $(XEN_H)
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(KERNEL_CPPFLAGS) $(KERNEL_CFLAGS) -c $< -o $@
$(BUILD)/obj/%.S.o: %.S $(FLAGS_DEPS) | $(XEN_H)
	@mkdir -p $(dir $@)
	$(call say,AS,$<)$(CC) $(KERNEL_CPPFLAGS) $(KERNEL_CFLAGS) -D__ASSEMBLY__ \
		-c $< -o $@

# --- The kernel as one object, its internals hidden ----------------------
# Decision (docs/architecture.md): every image links the kernel as ONE
# relocatable object (ld -r) in which only the app API stays global - the
# functions and variables that include/pvmini.h and include/pvmini/*.h
# declare (kernel/api-symbols.sh asks the compiler), and _start. objcopy
# makes every other kernel symbol local: an app that calls an internal
# function fails to link, and an app or newlib may define `notify`,
# `ring` or `schedule` without a clash; local symbols still reach the
# backtrace table (ksyms.awk keeps `t`). Images with newlib (LIBC = y in
# app.mk) link kernel-libc.o, which also hides every name newlib
# defines: the kernel keeps its own memcpy and snprintf, the app gets
# newlib's.
API_HEADERS := include/pvmini.h $(wildcard include/pvmini/*.h \
	arch/$(ARCH)/include/arch/*.h)
API_SYMBOLS := kernel/api-symbols.sh $(BUILD)/kernel.r.o $(CC) \
	$(CPPFLAGS) -std=gnu11 -ffreestanding
$(BUILD)/kernel.r.o: $(KERNEL_OBJS)
	$(call say,LD,$@)$(LD) -r -z noexecstack -o $@ $(KERNEL_OBJS)
$(BUILD)/kernel.exports: $(BUILD)/kernel.r.o kernel/api-symbols.sh \
		$(API_HEADERS)
	$(Q)$(API_SYMBOLS) >$@
$(BUILD)/kernel-libc.exports: $(BUILD)/kernel.r.o kernel/api-symbols.sh \
		$(API_HEADERS) $(BUILD)/newlib.stamp
	$(Q)$(API_SYMBOLS) -- $(LIBC_LIBS) >$@
$(BUILD)/kernel.o $(BUILD)/kernel-libc.o: $(BUILD)/%.o: $(BUILD)/kernel.r.o \
		$(BUILD)/%.exports
	$(Q)$(OBJCOPY) --keep-global-symbols=$(BUILD)/$*.exports $< $@

# --- newlib, for the apps that ask for it ---------------------------------
# lib/newlib/build.sh builds it once into $(PVMINI_CACHE); build/newlib
# points at that copy. The syscall glue (lib/newlib/*.c) is app code: it
# sees newlib's headers and the kernel's exported API only.
NEWLIB := $(BUILD)/newlib
LIBC_LIBS := $(NEWLIB)/lib/libc.a $(NEWLIB)/lib/libm.a
$(BUILD)/newlib.stamp: lib/newlib/build.sh
	@mkdir -p $(BUILD)
	$(Q)d=$$(lib/newlib/build.sh --print-dir) && ln -sfn "$$d" $(NEWLIB)
	$(Q)touch $@
# Hosted, not freestanding: gcc may treat printf and friends as builtins.
# newlib declares clock_gettime, nanosleep and CLOCK_MONOTONIC only for a
# target that says it has them; lib/newlib/time.c does. lib/newlib/include
# has the POSIX headers newlib lacks (<poll.h>). fd_set holds FD_SETSIZE
# fds, 128 here as in lib/lwip/build.sh: the size of the fd table
# (lib/newlib/fd.h), which newlib's default of 64 would not cover.
LIBC_CPPFLAGS := -nostdinc -isystem lib/newlib/include \
	-isystem $(NEWLIB)/include -isystem $(GCC_INCLUDE) \
	$(filter-out -nostdinc -isystem $(GCC_INCLUDE),$(CPPFLAGS)) \
	-D_POSIX_TIMERS=1 -D_POSIX_MONOTONIC_CLOCK=200112L -DFD_SETSIZE=128
LIBC_CFLAGS := $(filter-out -ffreestanding,$(APP_CFLAGS))
LIBC_GLUE_OBJS := $(patsubst lib/newlib/%.c,$(BUILD)/libc/%.o,\
	$(wildcard lib/newlib/*.c))
$(BUILD)/libc/%.o: lib/newlib/%.c $(FLAGS_DEPS) $(BUILD)/newlib.stamp \
		| $(XEN_H)
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(LIBC_CPPFLAGS) $(LIBC_CFLAGS) -c $< -o $@

# --- lwIP and BSD sockets, for the apps with APP_NET = y -------------------
# lib/lwip/build.sh fetches Debian's lwip source package and builds it
# once into $(PVMINI_CACHE) (against newlib's headers, with lwipopts.h and
# arch/*.h, which are part of its cache key); build/lwip points at it.
# The glue (lib/lwip/*.c: sys_arch on pvmini threads, the socket calls on
# the fd table, interfaces) is app code built here. abi_check.c holds the
# apps' socket headers (lib/newlib/include) and lwIP's to the same layouts
# and numbers; it is compiled once with each before any glue.
LWIP := $(BUILD)/lwip
LWIP_LIB := $(LWIP)/lib/liblwip.a
LWIP_CONFIG := lib/lwip/lwipopts.h $(wildcard lib/lwip/arch/*.h)
$(BUILD)/lwip.stamp: lib/lwip/build.sh $(LWIP_CONFIG) $(BUILD)/newlib.stamp
	@mkdir -p $(BUILD)
	$(Q)d=$$(lib/lwip/build.sh --print-dir) && ln -sfn "$$d" $(LWIP)
	$(Q)touch $@
NET_CPPFLAGS := $(LIBC_CPPFLAGS) -isystem lib/lwip/include
NET_GLUE_CPPFLAGS := $(LIBC_CPPFLAGS) -Ilib/lwip -I$(LWIP)/include \
	-iquote lib/newlib
NET_GLUE_CFLAGS := $(LIBC_CFLAGS) -Wmissing-prototypes
NET_GLUE_OBJS := $(patsubst lib/lwip/%.c,$(BUILD)/net/%.o,\
	$(filter-out lib/lwip/abi_check.c,$(wildcard lib/lwip/*.c)))
NET_HEADERS := $(wildcard lib/newlib/include/*.h lib/newlib/include/*/*.h)
$(BUILD)/net/abi.ok: lib/lwip/abi_check.c $(NET_HEADERS) $(LWIP_CONFIG) \
		$(BUILD)/lwip.stamp $(FLAGS_DEPS)
	@mkdir -p $(dir $@)
	$(call say,CHECK,$<)$(CC) $(NET_CPPFLAGS) $(LIBC_CFLAGS) -fsyntax-only $<
	$(Q)$(CC) $(NET_GLUE_CPPFLAGS) $(LIBC_CFLAGS) -DABI_LWIP -fsyntax-only $<
	$(Q)touch $@
$(BUILD)/net/%.o: lib/lwip/%.c $(FLAGS_DEPS) $(BUILD)/net/abi.ok | $(XEN_H)
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(NET_GLUE_CPPFLAGS) $(NET_GLUE_CFLAGS) -c $< -o $@

# --- One image per app: kernel + app, linked twice for symbols ----------
# Pass 1 links with an empty symbol table; its `nm` output becomes the
# real table for pass 2. .ksyms sits after all code, so no function moves
# between the passes - checked by regenerating the table from pass 2.
$(BUILD)/ksyms-empty.S: lib/ksyms.awk
	@mkdir -p $(BUILD)
	$(Q)awk -f $< </dev/null >$@
$(BUILD)/ksyms-empty.o: $(BUILD)/ksyms-empty.S
	$(Q)$(CC) -c $< -o $@

# An app's optional app.mk sets APP_LIBC = y (link newlib; the kernel
# enters main through lib/newlib/start.c by ld --wrap=main, so that
# returning from main is exit()), APP_NET = y (with APP_LIBC: link lwIP
# and the socket calls; docs/net.md), APP_FLAGS (extra compiler flags) and
# APP_GEN: C files that a rule of its own app.mk writes into
# $(BUILD)/app/<name>/, compiled and linked like the app's sources, with
# the app's directory on the "..." include path (apps/httpd: its www/).
# APP_INTERNALS = y is for test apps under tests/apps/ that probe the
# kernel itself (the p2m, page tables, the multicall queue): they see the
# internal headers and link against every kernel symbol. No app in apps/
# may: an app uses the API (include/) alone.
define app_rules
APP_LIBC := n
APP_NET := n
APP_FLAGS :=
APP_GEN :=
APP_INTERNALS := n
-include $(call app_dir,$(1))/app.mk
$(1)_DIR := $(call app_dir,$(1))
$(1)_LIBC := $$(filter y,$$(APP_LIBC))
$(1)_NET := $$(filter y,$$(APP_NET))
$$(if $$($(1)_NET),$$(if $$($(1)_LIBC),,$$(error $$($(1)_DIR)/app.mk: \
APP_NET = y needs APP_LIBC = y (sockets are C library calls))))
$(1)_INTERNALS := $$(filter y,$$(APP_INTERNALS))
$$(if $$(and $$($(1)_INTERNALS),$$(filter apps/%,$$($(1)_DIR))),\
	$$(error $$($(1)_DIR)/app.mk: APP_INTERNALS is for tests/apps only; \
an app uses the API in include/))
$(1)_CFLAGS := $$(if $$($(1)_LIBC),$$(if $$($(1)_NET),$$(NET_CPPFLAGS),\
	$$(LIBC_CPPFLAGS)) $$(LIBC_CFLAGS),$$(CPPFLAGS) $$(APP_CFLAGS)) \
	$$(APP_FLAGS) \
	$$(if $$($(1)_INTERNALS),-iquote .)
$(1)_KERNEL := $(BUILD)/kernel$$(if $$($(1)_INTERNALS),.r,$$(if \
	$$($(1)_LIBC),-libc)).o
$(1)_OBJS := $$(patsubst $$($(1)_DIR)/%.c,$(BUILD)/app/$(1)/%.o,\
	$$(wildcard $$($(1)_DIR)/*.c)) $(BUILD)/app/$(1)/app_name.o \
	$$(APP_GEN:%.c=$(BUILD)/app/$(1)/%.o)
$(1)_DEPS := $$($(1)_KERNEL) $$($(1)_OBJS) \
	$$(if $$($(1)_LIBC),$$(LIBC_GLUE_OBJS) $(BUILD)/newlib.stamp) \
	$$(if $$($(1)_NET),$$(NET_GLUE_OBJS) $(BUILD)/lwip.stamp)
$(1)_LINK_FLAGS := $$(if $$($(1)_LIBC),--wrap=main)
$(1)_LINK_OBJS := $$($(1)_OBJS) $$(if $$($(1)_LIBC),$$(LIBC_GLUE_OBJS) \
	$$(if $$($(1)_NET),$$(NET_GLUE_OBJS)) \
	--start-group $$(LIBC_LIBS) $$(if $$($(1)_NET),$$(LWIP_LIB)) \
	--end-group)
$(BUILD)/app/$(1)/%.o: $$($(1)_DIR)/%.c $(FLAGS_DEPS) \
		$$(wildcard $$($(1)_DIR)/app.mk) \
		$$(if $$($(1)_LIBC),$(BUILD)/newlib.stamp) | $(XEN_H)
	@mkdir -p $$(dir $$@)
	$$(call say,CC,$$<)$$(CC) $$($(1)_CFLAGS) -c $$< -o $$@
$(BUILD)/app/$(1)/%.o: $(BUILD)/app/$(1)/%.c $(FLAGS_DEPS) \
		$$(if $$($(1)_LIBC),$(BUILD)/newlib.stamp) | $(XEN_H)
	$$(call say,CC,$$<)$$(CC) $$($(1)_CFLAGS) -iquote $$($(1)_DIR) \
		-c $$< -o $$@
$(BUILD)/app/$(1)/app_name.o: kernel/app_name.c $(FLAGS_DEPS) | $(XEN_H)
	@mkdir -p $$(dir $$@)
	$(Q)$$(CC) $$(KERNEL_CPPFLAGS) $$(KERNEL_CFLAGS) -DAPP_NAME='"$(1)"' \
		-c $$< -o $$@
endef
$(foreach a,$(sort $(APPS) $(TEST_APPS) $(APP)),$(eval $(call app_rules,$(a))))

# An image: $(1) the app, $(2) the ELF, $(3) the kernel object it links,
# $(4) where its symbol table is built.
define image_rule
$(2): $(3) $$(filter-out $$($(1)_KERNEL),$$($(1)_DEPS)) \
		$(BUILD)/ksyms-empty.o minios.lds lib/ksyms.awk $(FLAGS_DEPS)
	@mkdir -p $(4)
	$$(call say,LD,$$@)$$(LD) $$(LDFLAGS) -o $$@.pass1 $$($(1)_LINK_FLAGS) \
		$(3) $$($(1)_LINK_OBJS) $(BUILD)/ksyms-empty.o 2>$$@.err || { \
		cat $$@.err >&2; kernel/explain-undefined.sh $$@.err \
		$(BUILD)/kernel.r.o >&2; rm -f $$@.err; exit 1; }
	$(Q)rm -f $$@.err
	$(Q)$$(NM) -n --defined-only $$@.pass1 | awk -f lib/ksyms.awk \
		>$(4)/ksyms.S
	$(Q)$$(CC) -c $(4)/ksyms.S -o $(4)/ksyms.o
	$(Q)$$(LD) $$(LDFLAGS) -o $$@.tmp $$($(1)_LINK_FLAGS) $(3) \
		$$($(1)_LINK_OBJS) $(4)/ksyms.o
	$(Q)$$(NM) -n --defined-only $$@.tmp | awk -f lib/ksyms.awk | \
		cmp -s - $(4)/ksyms.S || { echo \
		"$$@: code moved between the two links (see minios.lds)" >&2; \
		exit 1; }
	$(Q)mv $$@.tmp $$@
	$(Q)rm -f $$@.pass1
endef
$(foreach a,$(sort $(APPS) $(TEST_APPS) $(APP)),$(eval $(call image_rule,$(a),\
	$(BUILD)/$(a).elf,$($(a)_KERNEL),$(BUILD)/app/$(a))))

# --- Images for debugging: the same app with the gdb stub ------------------
# build/gdb/APP.elf links kernel/debug/link.c as well, which hands the
# boot sequence the stub (kernel/debug/debug.h); every other image leaves
# it out, and --gc-sections drops the stub from them. `make debug`
# (docs/debug.md) builds and runs one.
$(BUILD)/gdb/link.o: kernel/debug/link.c $(FLAGS_DEPS) | $(XEN_H)
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(KERNEL_CPPFLAGS) $(KERNEL_CFLAGS) -c $< -o $@
$(BUILD)/gdb/kernel.r.o: $(BUILD)/kernel.r.o $(BUILD)/gdb/link.o
	$(call say,LD,$@)$(LD) -r -z noexecstack -o $@ $^
$(BUILD)/gdb/kernel.o $(BUILD)/gdb/kernel-libc.o: $(BUILD)/gdb/%.o: \
		$(BUILD)/gdb/kernel.r.o $(BUILD)/%.exports
	$(Q)$(OBJCOPY) --keep-global-symbols=$(BUILD)/$*.exports $< $@
$(foreach a,$(sort $(APPS) $(TEST_APPS) $(APP)),$(eval $(call image_rule,$(a),\
	$(BUILD)/gdb/$(a).elf,$(BUILD)/gdb/$(notdir $($(a)_KERNEL)),\
	$(BUILD)/gdb/app/$(a))))

# --- The libvirt domain XML of each app -----------------------------------
# The app's xl cfg is the one source of its domain: apps/cfg2xml turns it
# into the XML libvirt's libxl driver starts (docs/operate.md), so the two
# cannot disagree. Generated rather than checked in because <kernel> must
# be an absolute path (libvirtd does not run where you do), which only the
# build knows: $(XML_KERNEL_DIR)/<app>.elf (config.mk).
# A changed XML_KERNEL_DIR rewrites them (the file holds the last value).
XML_DIR_STAMP := $(BUILD)/xml-kernel-dir
$(shell mkdir -p $(BUILD) && [ "$$(cat $(XML_DIR_STAMP) 2>/dev/null)" = \
	'$(XML_KERNEL_DIR)' ] || echo '$(XML_KERNEL_DIR)' >$(XML_DIR_STAMP))
CFG2XML := apps/cfg2xml apps/cfg2xml.awk $(XML_DIR_STAMP)
define xml_rule
$(BUILD)/$(1).xml: $(call app_dir,$(1))/$(1).cfg $(CFG2XML)
	@mkdir -p $(BUILD)
	$$(call say,XML,$$@)apps/cfg2xml -k $(XML_KERNEL_DIR)/$(1).elf -o $$@ $$<
endef
$(foreach a,$(sort $(APPS) $(TEST_APPS) $(APP)),$(eval $(call xml_rule,$(a))))

# Keep intermediate objects (unit-test objects are only prerequisites).
.SECONDARY:

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# --- Host unit tests -------------------------------------------------------
# Files with no hypercall inside, compiled for the host with their
# libc-named functions renamed to pv_* (tests/unit/rename.h).
PURE_SRCS := lib/string.c lib/vsnprintf.c lib/ksyms.c kernel/cmdline.c \
	arch/x86/frame_entry.c \
	kernel/xen/multicall_queue.c kernel/xen/multicall_report.c \
	kernel/xen/time_math.c \
	mm/e820.c mm/memplan.c mm/buddy.c mm/heap.c mm/p2m_frames.c \
	kernel/sched/timer_queue.c kernel/sched/wait_queue.c \
	kernel/xenbus/xs_wire.c kernel/xenbus/xs_ring_io.c \
	kernel/xenbus/grant_refs.c \
	kernel/xenbus/xenbus_state.c kernel/xenbus/xenbus_pm.c \
	kernel/drivers/console/console_ring.c lib/newlib/tty_line.c \
	kernel/drivers/net/netfront_ring.c kernel/drivers/net/netfront_cfg.c \
	kernel/debug/gdb_packet.c kernel/debug/gdb_regs.c \
	kernel/debug/gdb_proto.c kernel/debug/gdb_break.c \
	lib/newlib/inet.c \
	apps/httpd/http_parse.c apps/httpd/http_reply.c \
	apps/httpd/bytes_pattern.c \
	kernel/drivers/blk/blk_ring.c kernel/drivers/blk/blk_seg.c \
	kernel/drivers/blk/blk_params.c kernel/drivers/blk/blk_vdev.c \
	apps/blkinfo/sha256.c \
	apps/kvstore/crc32c.c apps/kvstore/kvformat.c apps/kvstore/kvindex.c \
	apps/kvstore/kvlog.c apps/kvstore/kvappend.c apps/kvstore/kvproto.c
HOST_CFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Werror -MMD -MP -Iinclude \
	-Iarch/$(ARCH)/include -I$(BUILD)/include -iquote .
# Every unit test is built twice: plain in build/unit/, and with
# AddressSanitizer + UBSan in build/unit-san/, where an access out of
# bounds, a use after free, a signed overflow or a bad shift ends the
# test with a report instead of passing by luck. The fuzz harnesses
# (tests/fuzz/) are built the sanitized way only.
SAN_CFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_TESTS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/unit/%)
SAN_UNIT_TESTS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/unit-san/%)
FUZZERS := $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz/%,\
	$(wildcard tests/fuzz/fuzz_*.c))

# $(1): build/unit or build/unit-san; $(2): extra compiler flags.
define host_rules
$(1)/pure/%.o: %.c tests/unit/rename.h $(FLAGS_DEPS) | $(XEN_H)
	@mkdir -p $$(dir $$@)
	$$(call say,HOSTCC,$$<)cc $(HOST_CFLAGS) $(2) \
		-include tests/unit/rename.h -c $$< -o $$@
$(1)/%: tests/unit/%.c tests/unit/unit.h $(PURE_SRCS:%.c=$(1)/pure/%.o)
	$$(call say,HOSTCC,$$<)cc $(HOST_CFLAGS) $(2) $$< \
		$(PURE_SRCS:%.c=$(1)/pure/%.o) -o $$@
endef
$(eval $(call host_rules,$(BUILD)/unit,))
$(eval $(call host_rules,$(BUILD)/unit-san,$(SAN_CFLAGS)))
$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h \
		$(PURE_SRCS:%.c=$(BUILD)/unit-san/pure/%.o)
	@mkdir -p $(dir $@)
	$(call say,HOSTCC,$<)cc $(HOST_CFLAGS) $(SAN_CFLAGS) $< \
		$(PURE_SRCS:%.c=$(BUILD)/unit-san/pure/%.o) -o $@
unit: $(UNIT_TESTS) $(SAN_UNIT_TESTS) $(FUZZERS)

# make test runs each harness for a fixed, seeded number of iterations
# (seconds); make fuzz runs them long, FUZZ_SECONDS each (default 60, so
# minutes in all), with a new seed each time unless SEED is given.
FUZZ_SECONDS ?= 60
.PHONY: fuzz
fuzz: $(FUZZERS)
	@seed=$${SEED:-$$(date +%s)}; rc=0; \
	for f in $(FUZZERS); do \
		echo "fuzz: $$f -s $$seed -t $(FUZZ_SECONDS)"; \
		$$f -s $$seed -t $(FUZZ_SECONDS) || rc=1; \
	done; exit $$rc

# --- Running and testing ---------------------------------------------------
setup:
	@tests/rig/setup
	@lib/newlib/build.sh
	@lib/lwip/build.sh

run: setup $(BUILD)/$(APP).elf
ifeq ($(MODE),dom0)
	tests/rig/dom0-run $(BUILD)/$(APP).elf $(ARGS)
else ifeq ($(MODE),libvirt)
	@apps/cfg2xml -k $(abspath $(BUILD))/$(APP).elf -o $(BUILD)/$(APP).run.xml \
		$(APP_DIR)/$(APP).cfg $(if $(ARGS),'extra="$(ARGS)"')
	tests/rig/xl-run -x $(BUILD)/$(APP).run.xml $(BUILD)/$(APP).elf
else
	tests/rig/xl-run $(if $(ARGS),-e 'extra="$(ARGS)"') \
		$(addprefix -A ,$(wildcard $(APP_DIR)/$(APP).actions)) \
		$(BUILD)/$(APP).elf $(APP_DIR)/$(APP).cfg
endif

# The host's gdb on the app, through the stub in build/gdb/$(APP).elf:
# stopped before main; the guest's console goes to build/gdb/$(APP).console.
debug: setup $(BUILD)/gdb/$(APP).elf
	tests/rig/xl-gdb -c $(BUILD)/gdb/$(APP).console $(if $(ARGS),-a '$(ARGS)') \
		$(BUILD)/gdb/$(APP).elf $(APP_DIR)/$(APP).cfg

# The images and unit tests build on every core (they are independent).
test: setup
	@$(MAKE) --no-print-directory -j$(shell nproc) apps unit
	@tests/run

# Benchmarks: each bench/*.sh boots what it measures and prints figures.
bench: setup apps
	@for b in bench/*.sh; do bash $$b || exit 1; done

# hello and hello-libc differ only in the C library: their difference is
# what newlib costs a small app.
size: apps
	@for a in $(APPS); do \
		strip -o $(BUILD)/$$a.stripped $(BUILD)/$$a.elf && \
		printf '%-16s %8d bytes stripped\n' $$a \
			$$(stat -c %s $(BUILD)/$$a.stripped); \
	done
	@printf '%-16s %8d bytes (hello-libc - hello)\n' newlib \
		$$(( $$(stat -c %s $(BUILD)/hello-libc.stripped) - \
		$$(stat -c %s $(BUILD)/hello.stripped) ))

# make new-app NAME=x [LIBC=y]: apps/x/ from apps/.template/ - a main,
# its app.mk and its xl cfg (docs/apps.md).
NEW_APP_KIND := $(if $(filter y,$(LIBC)),libc,bare)
new-app:
	@case "$(NAME)" in ''|*[!a-z0-9_-]*|[-_]*) echo "new-app: NAME must \
be lower-case letters, digits, '-' or '_': make new-app NAME=myapp \
[LIBC=y]" >&2; exit 1;; esac
	@if [ -e apps/$(NAME) ] || [ -e tests/apps/$(NAME) ]; then \
		echo "new-app: an app named $(NAME) exists already" >&2; \
		exit 1; fi
	@mkdir -p apps/$(NAME)
	@sed 's/@NAME@/$(NAME)/g' apps/.template/$(NEW_APP_KIND).c.in \
		>apps/$(NAME)/$(NAME).c
	@sed 's/@NAME@/$(NAME)/g; s/@LIBC@/$(if $(filter y,$(LIBC)),y,n)/' \
		apps/.template/app.mk.in >apps/$(NAME)/app.mk
	@sed 's/@NAME@/$(NAME)/g' apps/.template/app.cfg.in \
		>apps/$(NAME)/$(NAME).cfg
	@echo "new-app: created apps/$(NAME)/ ($(NEW_APP_KIND)); try: \
make run APP=$(NAME)"

print-layers:
	@echo $(LAYERS)

clean:
	rm -rf $(BUILD)
