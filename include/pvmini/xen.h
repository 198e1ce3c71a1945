/*
 * xen.h - Xen's public interface, as Debian's libxen-dev ships it.
 *
 * The headers are never copied into this tree; the Makefile points a
 * search path at $(XEN_INCLUDE)/xen only. Defining the interface version
 * selects the current ABI names (the default would be the 2005 ones).
 */
#ifndef PVMINI_XEN_H
#define PVMINI_XEN_H

#include <stdint.h>

#define __XEN_INTERFACE_VERSION__ 0x00040e00

#include <xen/xen.h>
#include <xen/callback.h>
#include <xen/errno.h>
#include <xen/event_channel.h>
#include <xen/features.h>
#include <xen/grant_table.h>
#include <xen/memory.h>
#include <xen/sched.h>
#include <xen/vcpu.h>
#include <xen/version.h>
#include <xen/io/console.h>
#include <xen/io/xenbus.h>
#include <xen/io/xs_wire.h>

#endif
