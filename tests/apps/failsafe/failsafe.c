/*
 * failsafe - makes Xen unable to return to us, on purpose, and expects
 * the failsafe callback's report and a clean crash.
 *
 * In Xen 4.17 (64-bit PV) the failsafe callback is reached from one
 * place: load_segments(), when Xen switches back to our vCPU after
 * running another and a data segment selector we had loaded no longer
 * loads. (A bad iret frame is not it: Xen turns a faulting iretq into a
 * #GP for the guest.) So: install an LDT with one data descriptor, load
 * %es from it (valid now), take the LDT away (the CPU keeps the cached
 * descriptor, so we run on), then let dom0 run - we are on a one-CPU
 * rig, and printing wakes xenconsoled. Coming back, Xen cannot reload
 * %es and calls the failsafe callback with es = 0x0007.
 */
#include <arch/layout.h>
#include "arch/x86/pte.h"
#include <pvmini.h>
#include <pvmini/thread.h>

/* LDT entry 0, table indicator set, RPL 3. */
#define LDT_SELECTOR 0x7

static uint64_t ldt[PAGE_SIZE / 8] __attribute__((aligned(PAGE_SIZE)));

static long mmuext(unsigned int cmd, unsigned long va, unsigned int n)
{
	struct mmuext_op op = { .cmd = cmd };
	xen_ulong_t args[6] = { (xen_ulong_t)&op, 1, 0, DOMID_SELF };

	op.arg1.linear_addr = va;
	op.arg2.nr_ents = n;
	return xen_hypercall_by_number(__HYPERVISOR_mmuext_op, args);
}

int main(void)
{
	unsigned long va = (unsigned long)ldt;
	const unsigned long *p2m = (const unsigned long *)start_info->mfn_list;
	unsigned long mfn = p2m[(va - VIRT_BASE) >> PAGE_SHIFT];
	long rc;

	/* A flat, present, writable data segment for ring 3. */
	ldt[0] = 0x00cff3000000ffffULL;
	/* Xen only accepts LDT pages that nothing maps writable. */
	rc = xen_update_va_mapping(
		va, (mfn << PAGE_SHIFT) | PTE_PRESENT | PTE_USER | PTE_ACCESSED,
		UVMF_INVLPG | UVMF_LOCAL);
	if (rc)
		return printk("failsafe: remap read-only: %ld\n", rc), 1;
	rc = mmuext(MMUEXT_SET_LDT, va, 1);
	if (rc)
		return printk("failsafe: set LDT: %ld\n", rc), 1;
	asm volatile("movw %w0, %%es" : : "r"(LDT_SELECTOR));
	rc = mmuext(MMUEXT_SET_LDT, 0, 0);
	printk("failsafe: %%es = %#x from an LDT that is gone (%ld); "
	       "letting dom0 run\n",
	       LDT_SELECTOR, rc);
	for (int i = 0; i < 50; i++) {
		thread_sleep_ns(100 * NSEC_PER_MSEC);
		printk("failsafe: still here after %d00 ms\n", i + 1);
	}
	return 1;
}
