/*
 * hypercall.h - typed wrappers for every hypercall pvmini makes, grouped by
 * purpose. Each returns Xen's result: 0 or a positive value on success, a
 * negative Xen errno (xen/errno.h) on failure.
 */
#ifndef PVMINI_HYPERCALL_H
#define PVMINI_HYPERCALL_H

#include <arch/hypercall.h>
#include <pvmini/xen.h>

#define HC(nr, a1, a2, a3, a4, a5) arch_hypercall(nr, a1, a2, a3, a4, a5)

/* --- Scheduling: shutdown, yield, block, poll ------------------------- */
static inline long xen_sched_op(int cmd, void *arg)
{
	return HC(__HYPERVISOR_sched_op, cmd, arg, 0, 0, 0);
}

/* --- Console: dom0 writes through Xen's own console ------------------- */
static inline long xen_console_io(int cmd, unsigned int count, const char *buf)
{
	return HC(__HYPERVISOR_console_io, cmd, count, buf, 0, 0);
}

/* --- Traps and callbacks: where Xen delivers faults and events -------- */
static inline long xen_set_trap_table(const struct trap_info *table)
{
	return HC(__HYPERVISOR_set_trap_table, table, 0, 0, 0, 0);
}

static inline long xen_callback_op(int cmd, const void *arg)
{
	return HC(__HYPERVISOR_callback_op, cmd, arg, 0, 0, 0);
}

static inline long xen_vm_assist(unsigned int cmd, unsigned int type)
{
	return HC(__HYPERVISOR_vm_assist, cmd, type, 0, 0, 0);
}

/* --- Batching: many hypercalls in one trap ---------------------------- */
static inline long xen_multicall(multicall_entry_t *calls, unsigned int n)
{
	return HC(__HYPERVISOR_multicall, calls, n, 0, 0, 0);
}

/* Any call by number, arguments as a multicall entry holds them. */
static inline long xen_hypercall_by_number(unsigned long op,
					   const xen_ulong_t args[6])
{
	return arch_hypercall_indirect(op, (const unsigned long *)args);
}

/* --- Memory: page-table entries are Xen's to validate ----------------- */
static inline long xen_memory_op(unsigned int cmd, void *arg)
{
	return HC(__HYPERVISOR_memory_op, cmd, arg, 0, 0, 0);
}

static inline long xen_mmu_update(const struct mmu_update *req,
				  unsigned int count, unsigned int *done,
				  domid_t dom)
{
	return HC(__HYPERVISOR_mmu_update, req, count, done, dom, 0);
}

static inline long xen_update_va_mapping(unsigned long va, uint64_t pte,
					 unsigned long flags)
{
	return HC(__HYPERVISOR_update_va_mapping, va, pte, flags, 0, 0);
}

/* --- Event channels --------------------------------------------------- */
static inline long xen_event_channel_op(int cmd, void *arg)
{
	return HC(__HYPERVISOR_event_channel_op, cmd, arg, 0, 0, 0);
}

/* --- Grant tables: pages shared with other domains -------------------- */
static inline long xen_grant_table_op(unsigned int cmd, void *arg,
				      unsigned int count)
{
	return HC(__HYPERVISOR_grant_table_op, cmd, arg, count, 0, 0);
}

/* --- Time: per-vCPU timers -------------------------------------------- */
static inline long xen_vcpu_op(int cmd, unsigned int vcpu, void *arg)
{
	return HC(__HYPERVISOR_vcpu_op, cmd, vcpu, arg, 0, 0);
}

static inline long xen_set_timer_op(uint64_t timeout_abs_ns)
{
	return HC(__HYPERVISOR_set_timer_op, timeout_abs_ns, 0, 0, 0, 0);
}

/* --- Information ------------------------------------------------------ */
static inline long xen_version(int cmd, void *arg)
{
	return HC(__HYPERVISOR_xen_version, cmd, arg, 0, 0, 0);
}

#undef HC
#endif
