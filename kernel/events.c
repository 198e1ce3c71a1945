/*
 * events.c - the two callbacks every PV guest must register.
 *
 * Xen delivers event-channel notifications by "upcall": it jumps to the
 * address registered as CALLBACKTYPE_event. If Xen cannot return to us
 * (a segment register it cannot load, a bad iret frame) it jumps to the
 * CALLBACKTYPE_failsafe address instead. Without a failsafe handler such a
 * failure would kill the domain with no word from us.
 *
 * Events stay masked (vcpu_info->evtchn_upcall_mask) in this version: the
 * console waits by SCHEDOP_poll, which needs no upcall. The upcall below
 * still acknowledges whatever is pending, so that unmasking later cannot
 * replay stale events forever.
 */
#include <arch/regs.h>
#include <pvmini/hypercall.h>
#include <pvmini/kernel.h>
#include <pvmini/trace.h>

/* arch/x86/entry.S */
extern char entry_event_upcall[], entry_failsafe[];

static unsigned long events_acknowledged;

void do_event_upcall(struct cpu_regs *regs)
{
	struct vcpu_info *v = &shared_info->vcpu_info[0];
	unsigned long sel;

	(void)regs;
	v->evtchn_upcall_pending = 0;
	sel = __atomic_exchange_n(&v->evtchn_pending_sel, 0, __ATOMIC_SEQ_CST);
	while (sel) {
		unsigned int word = __builtin_ctzl(sel);
		unsigned long bits = shared_info->evtchn_pending[word] &
				     ~shared_info->evtchn_mask[word];

		sel &= sel - 1;
		__atomic_fetch_and(&shared_info->evtchn_pending[word], ~bits,
				   __ATOMIC_SEQ_CST);
		for (; bits; bits &= bits - 1)
			events_acknowledged++;
	}
}

static void register_callback(unsigned int type, void *address,
			      unsigned int flags, const char *what)
{
	struct callback_register cb = {
		.type = type,
		.flags = flags,
		.address = (unsigned long)address,
	};
	long rc = xen_callback_op(CALLBACKOP_register, &cb);

	if (rc)
		panic("callback_op(register %s) failed: %ld", what, rc);
}

void events_init(void)
{
	register_callback(CALLBACKTYPE_event, entry_event_upcall, 0, "event");
	/* The failsafe handler must not be interrupted by an upcall. */
	register_callback(CALLBACKTYPE_failsafe, entry_failsafe,
			  CALLBACKF_mask_events, "failsafe");
	trace_boot("events: upcall %p and failsafe %p registered "
		   "(callback_op); events stay masked",
		   entry_event_upcall, entry_failsafe);
}
