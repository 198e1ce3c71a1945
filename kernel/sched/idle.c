/*
 * idle.c - what the vCPU does when no thread can run: block in Xen.
 *
 * The Xen rule: SCHEDOP_block called with events masked re-enables
 * delivery and checks for pending events atomically before it blocks.
 * So the scheduler checks its run queue with events masked and then
 * blocks: an event that arrives after the check still ends the block,
 * and none is lost. Xen returns with events enabled, after the upcall
 * has run the handlers; we mask again for the scheduler's next look.
 * The loop never spins: one block per wakeup.
 */
#include <pvmini/hypercall.h>
#include <pvmini/irq.h>
#include <pvmini/thread.h>
#include "sched_internal.h"

void idle_wait(const struct wait_queue *runq)
{
	sched_stats.idle_blocks++;
	xen_sched_op(SCHEDOP_block, NULL);
	local_irq_disable();
	if (wq_empty(runq))
		sched_stats.idle_no_work++;
}
