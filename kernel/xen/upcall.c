/*
 * upcall.c - the two callbacks every PV guest must register, and the
 * event upcall's scan of the pending bitmaps.
 *
 * Xen delivers event-channel notifications by "upcall": it jumps to the
 * address registered as CALLBACKTYPE_event, on the stack we were using,
 * with vcpu_info->evtchn_upcall_mask set. If Xen cannot return to us (a
 * segment register it cannot load, an iret frame the CPU refuses) it
 * jumps to the CALLBACKTYPE_failsafe address instead (arch/x86/traps.c
 * reports it). Without a failsafe handler such a failure would kill the
 * domain with no word from us.
 *
 * The 2-level ABI: Xen sets a port's bit in shared_info->evtchn_pending;
 * if the port is not masked it also sets the word's bit in the vCPU's
 * evtchn_pending_sel and evtchn_upcall_pending, then upcalls unless
 * evtchn_upcall_mask is set. We clear in the opposite order: the flag,
 * then the selector, then each port bit just before its handler runs, so
 * a port raised again during the handler is pending again, not lost.
 */
#include <arch/layout.h>
#include <pvmini/evtchn.h>
#include <pvmini/hypercall.h>
#include <pvmini/irq.h>
#include <pvmini/kernel.h>
#include <pvmini/trace.h>
#include "arch/x86/fpu.h"
#include "arch/x86/regs.h"
#include "arch/x86/traps.h"
#include "kernel/xen/events.h"

/* arch/x86/entry.S */

struct event_stats event_stats = { .lowest_frame = UINTPTR_MAX };

/*
 * Whether to run the handler of bit m of a word the scan found pending and
 * unmasked. That was a snapshot: an earlier handler of the same pass may
 * have masked the port since (it stays pending, for its unmask to
 * deliver) or cleared it. Clears the pending bit if so.
 */
static bool take_port(unsigned int word, xen_ulong_t m)
{
	if (__atomic_load_n(&shared_info->evtchn_mask[word], __ATOMIC_SEQ_CST) &
	    m)
		return false;
	return __atomic_fetch_and(&shared_info->evtchn_pending[word], ~m,
				  __ATOMIC_SEQ_CST) &
	       m;
}

static void scan_pending(struct vcpu_info *v)
{
	unsigned long sel = __atomic_exchange_n(&v->evtchn_pending_sel, 0,
						__ATOMIC_SEQ_CST);

	while (sel) {
		unsigned int word = __builtin_ctzl(sel);
		xen_ulong_t bits = shared_info->evtchn_pending[word] &
				   ~shared_info->evtchn_mask[word];

		sel &= sel - 1;
		while (bits) {
			unsigned int bit = __builtin_ctzl(bits);

			bits &= bits - 1;
			if (!take_port(word, 1UL << bit))
				continue;
			evtchn_dispatch(word * sizeof(xen_ulong_t) * 8 + bit);
			/* A handler that unmasked has had its nested upcall;
			 * the scan itself goes on masked, so that the loop's
			 * last check and the return cannot be split by one. */
			local_irq_disable();
		}
	}
}

/*
 * Handlers may be app code doing floating point, which the interrupted
 * thread may be doing too: its x87/SSE/AVX registers are saved around
 * them, in one area, as upcalls that scan never overlap (a nested one
 * returns at once) and handlers never switch threads. Not where the
 * interrupted code can have no value in those registers: the hypercall
 * page, as every hypercall declares them all clobbered
 * (arch/hypercall.h). That is where nearly every upcall arrives - the
 * return from a send, a block, a local_irq_restore - so only an event
 * that came in the middle of other code pays for the save.
 */
static uint8_t upcall_fpu[FPU_STATE_SIZE] __attribute__((aligned(64)));

static bool fp_state_may_be_live(const struct cpu_regs *regs)
{
	return regs->rip - (uintptr_t)hypercall_page >= PAGE_SIZE;
}

static void (*exit_hook)(struct cpu_regs *regs);

void events_set_upcall_exit_hook(void (*hook)(struct cpu_regs *regs))
{
	exit_hook = hook;
}

void do_event_upcall(struct cpu_regs *regs)
{
	static volatile bool running, missed;
	struct vcpu_info *v = this_vcpu();
	bool fpu_saved;

	event_stats.upcalls++;
	if ((uintptr_t)regs < event_stats.lowest_frame)
		event_stats.lowest_frame = (uintptr_t)regs;
	/*
	 * Only a handler that unmasks events lets an upcall nest. This one
	 * must not scan (the stack would grow with each link of a chain of
	 * such handlers), but it must clear the pending flag: Xen upcalls
	 * again on every return to a guest with events enabled and the flag
	 * set, so returning with it set loops here for ever. The selector
	 * keeps what is pending; the outer loop scans again for it.
	 */
	if (running) {
		event_stats.nested++;
		v->evtchn_upcall_pending = 0;
		missed = true;
		return;
	}
	running = true;
	fpu_saved = fp_state_may_be_live(regs);
	if (fpu_saved) {
		event_stats.fpu_saves++;
		fpu_save(upcall_fpu);
	}
	do {
		v->evtchn_upcall_pending = 0;
		missed = false;
		/* Clear the flag before reading the selector (xchg orders). */
		scan_pending(v);
		/* Raised during the scan: handle it now, not at the next one.
		 */
	} while (missed ||
		 __atomic_load_n(&v->evtchn_upcall_pending, __ATOMIC_SEQ_CST));
	if (fpu_saved)
		fpu_restore(upcall_fpu);
	running = false;
	if (exit_hook)
		exit_hook(regs);
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
	/* The upcall saves the FPU state: know how before it can come. */
	fpu_init();
	register_callback(CALLBACKTYPE_event, entry_event_upcall, 0, "event");
	/* The failsafe handler must not be interrupted by an upcall. */
	register_callback(CALLBACKTYPE_failsafe, entry_failsafe,
			  CALLBACKF_mask_events, "failsafe");
	trace_boot("events: upcall %p and failsafe %p registered "
		   "(callback_op)",
		   entry_event_upcall, entry_failsafe);

	/*
	 * Every port starts masked; binding a handler unmasks it. Ports we
	 * only poll (the console's: SCHEDOP_poll works on masked ports)
	 * then never wake the upcall or the idle loop.
	 */
	for (unsigned int i = 0; i < ARRAY_SIZE(shared_info->evtchn_mask); i++)
		shared_info->evtchn_mask[i] = ~(xen_ulong_t)0;
	local_irq_enable();
	trace_boot("events: all %zu ports masked, delivery enabled "
		   "(vcpu_info upcall mask cleared)",
		   (size_t)EVTCHN_PORTS);
}
