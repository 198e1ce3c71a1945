/*
 * console_input.c - reading the console without polling.
 *
 * Input arrives on the console's event channel: a domU's ring port (the
 * one xenconsoled notifies after putting keystrokes in the `in` ring), or
 * for dom0 VIRQ_CONSOLE, which Xen raises when its serial line receives
 * bytes meant for dom0. Its handler wakes the threads blocked in
 * console_read_wait(); nothing looks at the console on a timer.
 */
#include <pvmini/console.h>
#include <pvmini/evtchn.h>
#include <pvmini/kernel.h>
#include <pvmini/thread.h>
#include <pvmini/trace.h>
#include "kernel/drivers/console/console.h"

static struct wait_queue readers = WAIT_QUEUE_INIT;

/* Upcall context: only wake; the readers read. */
static void on_console_event(evtchn_port_t port, void *data)
{
	(void)port;
	(void)data;
	wake_all(&readers);
}

/* A restored domain's console port is a new one (domU only: dom0 is
 * never saved). Input that came meanwhile is in the ring: readers look. */
void console_input_resume(void)
{
	int rc = evtchn_bind_existing(start_info->console.domU.evtchn,
				      on_console_event, NULL);

	if (rc < 0)
		printk("console: input events unavailable (%d): reads will "
		       "not wake\n",
		       rc);
	wake_all(&readers);
}

void console_input_init(void)
{
	int rc;

	if (is_dom0())
		rc = evtchn_bind_virq(VIRQ_CONSOLE, on_console_event, NULL);
	else
		rc = evtchn_bind_existing(start_info->console.domU.evtchn,
					  on_console_event, NULL);
	if (rc < 0) {
		printk("console: input events unavailable (%d): reads will "
		       "not wake\n",
		       rc);
		return;
	}
	trace_boot("console: input wakes readers through %s",
		   is_dom0() ? "VIRQ_CONSOLE" : "the console ring's port");
}

size_t console_read_wait(char *buf, size_t n)
{
	size_t got;

	if (!n)
		return 0;
	/* Checked with events masked, so a keystroke between the check and
	 * the sleep still wakes us (wait_event). */
	wait_event(readers, (got = console_read(buf, n)) > 0);
	return got;
}
