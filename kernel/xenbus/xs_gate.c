/*
 * xs_gate.c - xenstore across a save (docs/suspend.md).
 *
 * Nothing may be in flight when the domain goes: the daemon that would
 * answer is the old domain's connection (a restore gets a new one), and
 * a request half in the ring would reach the new daemon as garbage. So
 * a suspend closes a gate every new request waits at (xs_gate_pass, in
 * xs_request) and gives those in flight the usual bound to end; it is
 * refused if they do not, or if the rest of a timed-out request is
 * still owed to the ring. The gate opens again once the connection -
 * the same one, or a restored domain's new one - is ready.
 */
#include <pvmini/console.h>
#include <pvmini/thread.h>
#include <pvmini/time.h>
#include <pvmini/trace.h>
#include "xs_internal.h"

#define QUIET_NS (10 * NSEC_PER_SEC) /* a request's own bound */

static bool closed;
static struct wait_queue gate_wq = WAIT_QUEUE_INIT;
static struct wait_queue idle_wq = WAIT_QUEUE_INIT;

void xs_gate_pass(void)
{
	wait_event(gate_wq, !closed);
}

void xs_gate_idle(void)
{
	wake_all(&idle_wq);
}

static void open_gate(void)
{
	closed = false;
	wake_all(&gate_wq);
}

int xenstore_suspend(void)
{
	struct deadline d = { 0 };
	bool owes;

	if (!xenstore_available())
		return 0;
	closed = true;
	deadline_start(&d, &idle_wq, QUIET_NS);
	wait_event(idle_wq, xs_ring_quiet(&owes) || d.passed);
	deadline_stop(&d);
	if (!xs_ring_quiet(&owes) || owes) {
		printk("xenstore: requests still in flight after %lu s%s: "
		       "cannot suspend\n",
		       QUIET_NS / NSEC_PER_SEC, owes ? " (one half sent)" : "");
		open_gate();
		return -XEN_EBUSY;
	}
	return 0;
}

void xenstore_resume(bool new_domain)
{
	int n;

	if (!xenstore_available())
		return;
	if (new_domain)
		xs_ring_reconnect();
	open_gate();
	if (!new_domain)
		return;
	n = xs_watch_resume();
	trace_suspend("xenstore: new connection on port %u, %d watch(es) set "
		      "again",
		      start_info->store_evtchn, n);
}
