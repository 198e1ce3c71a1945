# pvmini build options. Set any of them on the make command line
# (make APP=hello MODE=dom0) or edit the defaults here.

# The application linked into the image: apps/$(APP) or tests/apps/$(APP).
APP ?= hello

# Where `make run` boots the image: xl (a domU under the real xl toolstack)
# or dom0 (the image itself is the initial domain; faster, no toolstack).
MODE ?= xl

# Directory holding Xen's public headers (xen/xen.h ...), from libxen-dev.
XEN_INCLUDE ?= /usr/include

# Build optimisation level; frame pointers stay on at every level so that
# backtraces work.
OPT ?= -O2

# Where the test rig caches Xen, dom0's kernel and its initramfs.
PVMINI_CACHE ?= $(HOME)/.cache/pvmini

# Where the libvirt domain XMLs (build/<app>.xml) say the images are: their
# <kernel> is $(XML_KERNEL_DIR)/<app>.elf. The default is this build; set
# it to the directory you copy the images to on a Xen host.
XML_KERNEL_DIR ?= $(abspath $(BUILD))

# Toolchain: the host's gcc and binutils (x86_64) build the guest.
CC ?= gcc
LD ?= ld
NM ?= nm
OBJCOPY ?= objcopy

# y: issue each queued multicall entry as its own hypercall and print it,
# to find which call in a batch fails (kernel/xen/multicall_issue_debug.c). Slow.
MULTICALL_DEBUG ?= n
