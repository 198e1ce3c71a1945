/*
 * pvmini.h - everything a pvmini application or kernel file needs, grouped
 * by purpose. Include this one header.
 */
#ifndef PVMINI_H
#define PVMINI_H

/* Freestanding C: strings, memory, snprintf */
#include <pvmini/lib.h>

/* Xen's ABI and the hypercalls we make */
#include <pvmini/xen.h>
#include <pvmini/hypercall.h>

/* Output: printk, the console; further consoles (xl's channels) */
#include <pvmini/console.h>
#include <pvmini/console_dev.h>
#include <pvmini/trace.h>

/* The kernel: start_info, shutdown, panic */
#include <pvmini/kernel.h>
#include <pvmini/time.h>

/* Events, timers, threads */
#include <pvmini/irq.h>
#include <pvmini/evtchn.h>
#include <pvmini/timer.h>
#include <pvmini/thread.h>

/* Xenstore, the domain's lifecycle, grant tables, save and restore */
#include <pvmini/xenstore.h>
#include <pvmini/gnttab.h>
#include <pvmini/suspend.h>

/* Disks: the cfg's disk= lines */
#include <pvmini/blkdev.h>

#endif
