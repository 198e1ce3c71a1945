/*
 * gdb_stub.c - gdb's remote protocol on a Xen channel (docs/debug.md).
 *
 * `debug=gdb` opens the console device named org.pvmini.gdb (xl's
 * channel=, a pty in dom0) and stops the domain before main. The domain
 * stops in three ways, each with a frame of the context it stopped in:
 *   - a trap (arch/x86/traps.c's hook): int3 at one of gdb's breakpoints,
 *     #DB after a single step, or a crash (a page fault, ...), which
 *     gdb sees as SIGSEGV and friends before the domain ends;
 *   - the end of an event upcall (kernel/xen/upcall.c's hook), when the
 *     channel brought gdb's Ctrl-C (0x03) or a packet of a new gdb;
 *   - the domain's end (kernel/xen/shutdown.c's hook): a panic stops
 *     with SIGABRT; every end is reported to gdb (W exit code, X signal).
 * Stopped, it runs the packet loop below with events masked, in the
 * trap or upcall: nothing else runs, no thread switches, every wait
 * sleeps in Xen on the channel's port (console_dev_poll.h). What each
 * packet means is gdb_proto.c's; this file moves the bytes.
 *
 * Single step: Xen delivers #DB to a PV guest like any exception, and
 * its iret hypercall takes RFLAGS.TF from the frame we return through.
 * So a step sets TF in the saved flags; the CPU traps after one
 * instruction, Xen bounces #DB here with TF clear in our own flags (a
 * bounce clears it) and set in the frame, and we clear it there.
 */
#include <arch/layout.h>
#include <pvmini/console.h>
#include <pvmini/console_dev.h>
#include <pvmini/irq.h>
#include <pvmini/kernel.h>
#include <pvmini/time.h>
#include "arch/x86/traps.h"
#include "kernel/debug/gdb_stub.h"
#include "kernel/debug/gdb_target.h"
#include "kernel/drivers/console/console_dev_poll.h"
#include "kernel/xen/events.h"
#include "kernel/xen/shutdown.h"
#include "kernel/xenbus/frontend.h"
#include "kernel/xenbus/xenbus_pm.h"

#define CHANNEL "org.pvmini.gdb"
#define RFLAGS_TF (1UL << 8)
#define POLL_NS (50 * NSEC_PER_MSEC) /* how often a wait kicks QEMU */
#define STALL_NS (5 * NSEC_PER_SEC)  /* a gdb that takes nothing: gone */
#define KICK_FOR_NS NSEC_PER_SEC     /* kicks after the last output */

static struct console_dev *chan;
static struct gdb_session session;
static struct gdb_target target;
static struct gdb_rx rx;
static char reply[GDB_PACKET_MAX + 1];
static char out[2 * GDB_PACKET_MAX + 8]; /* the last packet sent */
static size_t out_len;
static uint8_t in[256]; /* received, not yet parsed */
static size_t in_len, in_at;
static uint64_t last_output_ns;

static bool active;	  /* in the packet loop */
static bool ended;	  /* gdb has been told the domain's end */
static bool gdb_waiting;  /* gdb resumed us and waits for a stop */
static bool stepping;	  /* TF is set in the frame we resumed */
static bool stop_request; /* the channel asked for a stop */
static bool packet_ready; /* rx.buf holds a packet not handled yet */
static int trap_signal;	  /* an int3 of ours: report this signal */
static int passed_signal; /* a crash gdb let go on: its signal */

static void send_raw(const char *p, size_t n)
{
	if (console_dev_poll_write(chan, p, n, STALL_NS) != (long)n)
		gdb_waiting = false; /* nobody takes it: no gdb there */
	last_output_ns = monotonic_ns();
}

static void send_packet(const char *payload)
{
	out_len = gdb_frame(payload, strlen(payload), out, sizeof(out));
	send_raw(out, out_len);
}

/* The next protocol event from bytes already read; NONE when they run
 * out. */
static enum gdb_rx_event parse_buffered(void)
{
	while (in_at < in_len) {
		enum gdb_rx_event ev = gdb_rx_byte(&rx, in[in_at++]);

		if (ev != GDB_RX_NONE)
			return ev;
	}
	return GDB_RX_NONE;
}

/* Stopped: the next event, waiting as long as it takes. -1: the
 * channel's backend is gone. */
static int next_event(void)
{
	enum gdb_rx_event ev;
	long got;

	for (;;) {
		ev = parse_buffered();
		if (ev != GDB_RX_NONE)
			return ev;
		got = console_dev_poll_read(chan, in, sizeof(in),
					    monotonic_ns() + POLL_NS);
		if (got < 0 && got != -XEN_EIO)
			return -1;
		in_at = 0;
		in_len = got > 0 ? (size_t)got : 0;
		/* QEMU writes to the pty only when notified: keep at it
		 * while a reply may still sit in its buffer. */
		if (!got && monotonic_ns() - last_output_ns < KICK_FOR_NS)
			console_dev_poll_kick(chan);
	}
}

/* gdb asked to run on: breakpoints in, TF for a step. */
static void resume(struct cpu_regs *regs)
{
	if (session.step) {
		regs->rflags |= RFLAGS_TF;
		stepping = true;
	}
	gdb_breakpoints_insert(&session);
}

/* The packet loop of a stopped domain. */
static void stop(struct cpu_regs *regs, int signal, bool swbreak)
{
	int ev;

	active = true;
	if (stepping) {
		regs->rflags &= ~RFLAGS_TF;
		stepping = false;
	}
	gdb_breakpoints_remove(&session);
	gdb_target_stop(&target, regs);
	gdb_session_stop(&session, target.stopped_tid, signal, swbreak);
	if (gdb_waiting) {
		gdb_stop_reply(&session, reply, sizeof(reply));
		send_packet(reply);
		gdb_waiting = false;
	}
	for (;;) {
		ev = packet_ready ? GDB_RX_PACKET : next_event();
		packet_ready = false;
		if (ev < 0) { /* no channel: nobody to wait for */
			printk("gdb: the channel's backend is gone; "
			       "the domain runs on\n");
			gdb_dispatch(&session, "D", 1, reply, sizeof(reply));
			gdb_waiting = false;
			session.resume_signal = signal; /* a crash goes on */
			break;
		}
		if (ev == GDB_RX_NAK && out_len)
			send_raw(out, out_len);
		if (ev == GDB_RX_BAD && !session.no_ack)
			send_raw("-", 1);
		if (ev != GDB_RX_PACKET)
			continue; /* +, Ctrl-C while stopped */
		if (!session.no_ack)
			send_raw("+", 1);
		switch (gdb_dispatch(&session, rx.buf, rx.len, reply,
				     sizeof(reply))) {
		case GDB_REPLY:
			send_packet(reply);
			continue;
		case GDB_RESUME:
			gdb_waiting = true;
			resume(regs);
			active = false;
			return;
		case GDB_KILL:
			if (reply[0])
				send_packet(reply);
			console_dev_poll_flush(chan);
			ended = true;
			printk("gdb: killed by the debugger\n");
			domain_shutdown(SHUTDOWN_poweroff);
		case GDB_DETACH: /* runs on: a crash goes on too */
			send_packet(reply);
			console_dev_poll_flush(chan);
			gdb_waiting = false;
			session.step = false;
			session.resume_signal = signal;
			resume(regs);
			active = false;
			return;
		}
	}
	session.step = false;
	active = false;
}

static bool on_trap(struct cpu_regs *regs)
{
	int signal = gdb_signal_for_vector(regs->vector);
	bool swbreak = false, crash = false;

	if (active || ended)
		return false; /* a fault in here: the fatal report */
	if (regs->vector == 3) {
		/* int3 traps with rip after it. */
		if (gdb_breakpoint_at(&session, regs->rip - 1)) {
			regs->rip--;
			swbreak = true;
		} else if (trap_signal) {
			signal = trap_signal;
		}
		trap_signal = 0;
	} else if (regs->vector != 1) {
		crash = true;
	}
	stop(regs, signal, swbreak);
	if (crash && session.resume_signal) {
		/* gdb passes the signal on: the crash goes on. */
		passed_signal = signal;
		return false;
	}
	return true;
}

static void on_upcall_exit(struct cpu_regs *regs)
{
	if (!stop_request || active || ended)
		return;
	stop_request = false;
	stop(regs, GDB_SIGINT, false);
}

/*
 * Event handler, the domain running: gdb sends nothing but Ctrl-C while
 * it waits, and a gdb that connects anew starts with a packet. Either
 * stops the domain as this upcall ends; the packet is handled first.
 */
static void on_input(struct console_dev *c __unused)
{
	if (active || ended)
		return;
	for (;;) {
		enum gdb_rx_event ev = parse_buffered();
		long got;

		if (ev == GDB_RX_INTERRUPT || ev == GDB_RX_PACKET) {
			packet_ready = ev == GDB_RX_PACKET;
			stop_request = true;
			return;
		}
		got = console_dev_poll_read(chan, in, sizeof(in), 0);
		if (got <= 0)
			return;
		in_at = 0;
		in_len = (size_t)got;
	}
}

/* Stops here, in the caller's context, reporting signal. */
static void trap_here(int signal)
{
	trap_signal = signal;
	__asm__ volatile("int3");
}

static void tell_end(const char *what, int code)
{
	if (ended)
		return;
	ended = true;
	if (gdb_waiting) {
		snprintf(reply, sizeof(reply), "%s%02x", what, code & 0xff);
		send_packet(reply);
		console_dev_poll_flush(chan);
	}
}

static void on_end(unsigned int reason)
{
	if (active || ended)
		return;
	/* A panic (an exception gdb saw already passed its signal). */
	if (reason == SHUTDOWN_crash && !passed_signal) {
		printk("gdb: the domain crashed; stopped for gdb (SIGABRT)\n");
		trap_here(GDB_SIGABRT);
		passed_signal = GDB_SIGABRT;
	}
	if (passed_signal)
		tell_end("X", passed_signal);
	else
		tell_end("W", 0);
}

void gdb_stub_app_exit(int rc)
{
	tell_end("W", rc);
}

/* Where gdb first finds the domain: its own frame, named for what it
 * is, under gdb_stub_start and the boot sequence. */
static __attribute__((noinline)) void stopped_before_main(void)
{
	trap_here(GDB_SIGTRAP);
}

/*
 * xl save of a domain under gdb is refused (a veto: the request is not
 * acknowledged, xl save fails, the domain runs on). A restored domain
 * is a new one: its channel would be another pty that gdb is not
 * connected to, while gdb's breakpoints stay written into the code.
 * Registered after the channel's own hook, so it is asked first and
 * nothing has been parked when it refuses.
 */
static int refuse_suspend(void *data __unused)
{
	printk("gdb: a domain under gdb is not saved (restore would cut "
	       "gdb off); refusing\n");
	return -XEN_EBUSY;
}

static struct suspend_hook no_save = { .name = "gdb stub",
				       .suspend = refuse_suspend };

void gdb_stub_start(void)
{
	char tty[64] = "a pty";
	unsigned long flags;
	int rc = console_dev_open_name(CHANNEL, &chan);

	if (rc) {
		printk("gdb: debug=gdb needs the channel '%s' (%d): add "
		       "\"connection=pty,name=%s\" to the cfg's channel=, "
		       "after a placeholder (docs/debug.md)\n",
		       CHANNEL, rc, CHANNEL);
		domain_shutdown(SHUTDOWN_crash);
	}
	xenbus_read_key("console", console_dev_id(chan), "tty", tty,
			sizeof(tty));
	xenbus_pm_register(&no_save);
	gdb_rx_reset(&rx);
	gdb_session_init(&session, &gdb_target_ops, &target);
	/* Masked until the first stop: its packet loop reads whatever
	 * gdb sent meanwhile, none of it lost to on_input. */
	flags = local_irq_save();
	console_dev_set_input_hook(chan, on_input);
	traps_set_debug_hook(on_trap);
	events_set_upcall_exit_hook(on_upcall_exit);
	shutdown_set_debug_hook(on_end);
	printk("gdb: waiting for gdb on %s in dom0 (channel %s), "
	       "stopped before main\n",
	       tty, CHANNEL);
	stopped_before_main();
	local_irq_restore(flags);
}
