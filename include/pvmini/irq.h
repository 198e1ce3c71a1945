/*
 * irq.h - "interrupts" in a PV guest: the CPU's IF flag means nothing to
 * Xen; event delivery is masked by vcpu_info->evtchn_upcall_mask. When we
 * unmask with an event already pending, Xen will not notice by itself, so
 * we make a hypercall: Xen checks for pending events on every return to
 * the guest and delivers the upcall then.
 */
#ifndef PVMINI_IRQ_H
#define PVMINI_IRQ_H

#include <arch/cpu.h>
#include <pvmini/hypercall.h>
#include <pvmini/kernel.h>

static inline struct vcpu_info *this_vcpu(void)
{
	return &shared_info->vcpu_info[0];
}

/*
 * Any hypercall will do: Xen delivers pending events on its way back to
 * the guest. xen_version is the cheapest one that has no effect.
 */
static inline void force_event_delivery(void)
{
	xen_version(XENVER_version, NULL);
}

static inline unsigned long local_irq_save(void)
{
	struct vcpu_info *v = this_vcpu();
	unsigned long flags = v->evtchn_upcall_mask;

	v->evtchn_upcall_mask = 1;
	barrier();
	return flags;
}

static inline void local_irq_restore(unsigned long flags)
{
	struct vcpu_info *v = this_vcpu();

	barrier();
	v->evtchn_upcall_mask = flags;
	barrier();
	if (!flags && v->evtchn_upcall_pending)
		force_event_delivery();
}

static inline void local_irq_disable(void)
{
	this_vcpu()->evtchn_upcall_mask = 1;
	barrier();
}

static inline void local_irq_enable(void)
{
	local_irq_restore(0);
}

static inline bool irqs_disabled(void)
{
	return this_vcpu()->evtchn_upcall_mask;
}

#endif
