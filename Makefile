# pvmini - build a PV image from the kernel and one application.
#
#   make [APP=hello]     build/$(APP).elf
#   make apps            every application and test application
#   make run [MODE=xl|dom0] [ARGS="trace=boot -- a b"]
#   make test            host unit tests, image checks, boot tests
#   make bench           benchmarks (bench/*.sh), figures, not pass/fail
#   make setup           install what the build and the rig need
# Options: config.mk.

include config.mk
export PVMINI_CACHE

ARCH := x86
VERSION := 0.1
BUILD ?= build

APPS := $(notdir $(wildcard apps/*))
TEST_APPS := $(notdir $(wildcard tests/apps/*))
app_dir = $(firstword $(wildcard apps/$(1) tests/apps/$(1)))
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
# Kernel code is general-registers-only, so that it never clobbers the
# SSE state of an application it interrupts.
GCC_INCLUDE := $(shell $(CC) -print-file-name=include)
CPPFLAGS := -nostdinc -isystem $(GCC_INCLUDE) -I$(BUILD)/include \
	-Iinclude -Iarch/$(ARCH)/include -DPVMINI_VERSION='"$(VERSION)"'
BASE_CFLAGS := -std=gnu11 -ffreestanding -fno-pic -fno-pie \
	-mcmodel=kernel -mno-red-zone -fno-stack-protector \
	-fno-omit-frame-pointer -fno-optimize-sibling-calls -fno-asynchronous-unwind-tables \
	-ffunction-sections -fdata-sections -g $(OPT) \
	-Wall -Wextra -Werror -MMD -MP
KERNEL_CFLAGS := $(BASE_CFLAGS) -mgeneral-regs-only
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
MC_ISSUE_UNUSED := $(if $(filter y,$(MULTICALL_DEBUG)),kernel/mc_issue.c,\
	kernel/mc_issue_debug.c)
KERNEL_SRCS := $(filter-out kernel/app_name.c $(MC_ISSUE_UNUSED), \
	$(wildcard arch/$(ARCH)/*.S arch/$(ARCH)/*.c kernel/*.c mm/*.c lib/*.c))
KERNEL_OBJS := $(KERNEL_SRCS:%=$(BUILD)/obj/%.o)
XEN_H := $(BUILD)/include/xen/xen.h

.PHONY: all apps unit run test bench setup clean size
all: $(BUILD)/$(APP).elf
apps: $(foreach a,$(APPS) $(TEST_APPS),$(BUILD)/$(a).elf)

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
	$(call say,CC,$<)$(CC) $(CPPFLAGS) $(KERNEL_CFLAGS) -c $< -o $@
$(BUILD)/obj/%.S.o: %.S $(FLAGS_DEPS) | $(XEN_H)
	@mkdir -p $(dir $@)
	$(call say,AS,$<)$(CC) $(CPPFLAGS) $(KERNEL_CFLAGS) -D__ASSEMBLY__ \
		-c $< -o $@

# --- One image per app: kernel + app, linked twice for symbols ----------
# Pass 1 links with an empty symbol table; its `nm` output becomes the
# real table for pass 2. .ksyms sits after all code, so no function moves
# between the passes - checked by regenerating the table from pass 2.
$(BUILD)/ksyms-empty.S: kernel/ksyms.awk
	@mkdir -p $(BUILD)
	$(Q)awk -f $< </dev/null >$@
$(BUILD)/ksyms-empty.o: $(BUILD)/ksyms-empty.S
	$(Q)$(CC) -c $< -o $@

define app_rules
$(1)_DIR := $(call app_dir,$(1))
$(1)_OBJS := $$(patsubst $$($(1)_DIR)/%.c,$(BUILD)/app/$(1)/%.o,\
	$$(wildcard $$($(1)_DIR)/*.c)) $(BUILD)/app/$(1)/app_name.o
$(BUILD)/app/$(1)/%.o: $$($(1)_DIR)/%.c $(FLAGS_DEPS) | $(XEN_H)
	@mkdir -p $$(dir $$@)
	$$(call say,CC,$$<)$$(CC) $$(CPPFLAGS) $$(APP_CFLAGS) -c $$< -o $$@
$(BUILD)/app/$(1)/app_name.o: kernel/app_name.c $(FLAGS_DEPS) | $(XEN_H)
	@mkdir -p $$(dir $$@)
	$(Q)$$(CC) $$(CPPFLAGS) $$(KERNEL_CFLAGS) -DAPP_NAME='"$(1)"' \
		-c $$< -o $$@
$(BUILD)/$(1).elf: $(KERNEL_OBJS) $$($(1)_OBJS) $(BUILD)/ksyms-empty.o \
		minios.lds kernel/ksyms.awk $(FLAGS_DEPS)
	$$(call say,LD,$$@)$$(LD) $$(LDFLAGS) -o $$@.pass1 $(KERNEL_OBJS) \
		$$($(1)_OBJS) $(BUILD)/ksyms-empty.o
	$(Q)$$(NM) -n --defined-only $$@.pass1 | awk -f kernel/ksyms.awk \
		>$(BUILD)/app/$(1)/ksyms.S
	$(Q)$$(CC) -c $(BUILD)/app/$(1)/ksyms.S -o $(BUILD)/app/$(1)/ksyms.o
	$(Q)$$(LD) $$(LDFLAGS) -o $$@.tmp $(KERNEL_OBJS) $$($(1)_OBJS) \
		$(BUILD)/app/$(1)/ksyms.o
	$(Q)$$(NM) -n --defined-only $$@.tmp | awk -f kernel/ksyms.awk | \
		cmp -s - $(BUILD)/app/$(1)/ksyms.S || { echo \
		"$$@: code moved between the two links (see minios.lds)" >&2; \
		exit 1; }
	$(Q)mv $$@.tmp $$@
	$(Q)rm -f $$@.pass1
endef
$(foreach a,$(APPS) $(TEST_APPS),$(eval $(call app_rules,$(a))))

# Keep intermediate objects (unit-test objects are only prerequisites).
.SECONDARY:

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# --- Host unit tests -------------------------------------------------------
# Files with no hypercall inside, compiled for the host with their
# libc-named functions renamed to pv_* (tests/unit/rename.h).
PURE_SRCS := lib/string.c lib/vsnprintf.c kernel/cmdline.c kernel/ksyms.c \
	kernel/mc_queue.c mm/e820.c mm/memplan.c mm/buddy.c mm/heap.c \
	kernel/timeconv.c kernel/timer_queue.c kernel/wait_queue.c
PURE_OBJS := $(PURE_SRCS:%.c=$(BUILD)/unit/pure/%.o)
UNIT_TESTS := $(patsubst tests/unit/%.c,$(BUILD)/unit/%,\
	$(wildcard tests/unit/test_*.c))
HOST_CFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Werror -Iinclude \
	-Iarch/$(ARCH)/include -I$(BUILD)/include

$(BUILD)/unit/pure/%.o: %.c tests/unit/rename.h $(FLAGS_DEPS) | $(XEN_H)
	@mkdir -p $(dir $@)
	$(call say,HOSTCC,$<)cc $(HOST_CFLAGS) -include tests/unit/rename.h \
		-c $< -o $@
$(BUILD)/unit/%: tests/unit/%.c tests/unit/unit.h $(PURE_OBJS)
	$(call say,HOSTCC,$<)cc $(HOST_CFLAGS) $< $(PURE_OBJS) -o $@
unit: $(UNIT_TESTS)

# --- Running and testing ---------------------------------------------------
setup:
	@tests/rig/setup

run: setup $(BUILD)/$(APP).elf
ifeq ($(MODE),dom0)
	tests/rig/dom0-run $(BUILD)/$(APP).elf $(ARGS)
else
	tests/rig/xl-run $(if $(ARGS),-e 'extra="$(ARGS)"') \
		$(BUILD)/$(APP).elf $(APP_DIR)/$(APP).cfg
endif

test: setup apps unit
	@tests/run

# Benchmarks: each bench/*.sh boots what it measures and prints figures.
bench: setup apps
	@for b in bench/*.sh; do bash $$b || exit 1; done

size: apps
	@for a in $(APPS); do \
		strip -o $(BUILD)/$$a.stripped $(BUILD)/$$a.elf && \
		printf '%-16s %8d bytes stripped\n' $$a \
			$$(stat -c %s $(BUILD)/$$a.stripped); \
	done

clean:
	rm -rf $(BUILD)
