/*
 * suspend.c - xl save, xl restore and xl save -c: the sequence, from the
 * top, calling each layer's own suspend and resume step in turn
 * (docs/suspend.md walks it with these names; trace=suspend prints a
 * line per step).
 *
 * The toolstack writes "suspend" into control/shutdown
 * (kernel/xenbus/lifecycle.c hands it to us in the xswatch thread, which
 * must not block: the sequence runs in a thread of its own). Refusing
 * is possible until we acknowledge: an app hook or a device may veto,
 * and the request is then left alone for the toolstack to withdraw
 * (xl save fails, the domain runs on). Then each layer quiesces, top
 * down, and the rest runs with events masked and without a yield:
 * pvmini is cooperative on one vCPU, so no other thread runs until we
 * are back, and every one of them is parked where it blocked or
 * yielded, none inside a device operation (the layers saw to that).
 * SCHEDOP_shutdown(SHUTDOWN_suspend) returns 0 in a new domain (xl
 * restore) and 1 in the same one (xl save -c, or a suspend the
 * toolstack called off); each layer then resumes, bottom up, knowing
 * which.
 */
#include <pvmini/console.h>
#include <pvmini/kernel.h>
#include <pvmini/page_alloc.h>
#include <pvmini/suspend.h>
#include <pvmini/thread.h>
#include <pvmini/time.h>
#include <pvmini/trace.h>
#include "kernel/drivers/console/console.h"
#include "kernel/sched/freeze.h"
#include "kernel/sched/sched_internal.h"
#include "kernel/suspend.h"
#include "kernel/xen/clock.h"
#include "kernel/xen/events.h"
#include "kernel/xen/shutdown.h"
#include "kernel/xen/start_info.h"
#include "kernel/xenbus/frontend.h"
#include "kernel/xenbus/grant_table.h"
#include "kernel/xenbus/xenbus_pm.h"
#include "kernel/xenbus/xs_internal.h"
#include "mm/mm.h"
#include "mm/p2m.h"

struct suspend_stats suspend_stats;
static struct pm_list app_hooks;
static bool busy;  /* a suspend thread runs */
static bool again; /* a request came while it ran */

void suspend_hook_register(struct suspend_hook *h)
{
	pm_list_add(&app_hooks, h);
}

void suspend_hook_unregister(struct suspend_hook *h)
{
	pm_list_remove(&app_hooks, h);
}

/* How the masked part went (say_back says it once printk works). */
struct away {
	long rc;	  /* of the hypercall */
	bool new_domain;  /* rc == 0 */
	int fail;	  /* a step that failed before the hypercall */
	const char *what; /* ... which one */
	uint64_t away_ns; /* hypercall to return, by the clock we keep */
};

static void say_back(const struct away *a)
{
	if (a->fail) {
		printk("suspend: %s failed (%d): not suspended, running on\n",
		       a->what, a->fail);
		return;
	}
	if (a->rc < 0)
		printk("suspend: Xen refused SCHEDOP_shutdown(SHUTDOWN_suspend)"
		       ": %ld; running on\n",
		       a->rc);
	trace_suspend("back %s (the hypercall returned %ld)",
		      a->new_domain ? "in a new domain" : "in the same domain",
		      a->rc);
	trace_suspend("shared_info mapped again (mfn %#lx)%s",
		      (unsigned long)(start_info->shared_info >> PAGE_SHIFT),
		      a->new_domain ? "; every event channel forgotten and "
				      "masked"
				    : "");
	if (a->new_domain)
		trace_suspend("console 0: new event channel %u",
			      start_info->console.domU.evtchn);
}

/*
 * The masked part, from the grant table to the hypercall and back to
 * events. Nothing here may print between unmapping shared_info and
 * console_resume: printk's notify would go to the old domain's port,
 * and the ring was drained last so that the old xenconsoled has read
 * all of it before the toolstack copies the page (it would otherwise
 * be read twice, by the old and the new xenconsoled).
 */
static void go_away(struct away *a)
{
	const start_info_t *si = start_info;
	xen_pfn_t store = si->store_mfn, cons = si->console.domU.mfn;
	unsigned long si_mfn = pfn_to_mfn(virt_to_pfn(si));
	unsigned long flags = local_irq_save();
	xen_pfn_t sh;
	void *real;
	bool unmapped;
	uint64_t t0;

	trace_suspend("events masked");
	a->fail = gnttab_suspend();
	if (a->fail) {
		a->what = "the grant table";
		local_irq_restore(flags);
		say_back(a);
		return;
	}
	pvclock_suspend();
	trace_suspend("start_info: store and console frames %#lx and %#lx "
		      "as pfns %#lx and %#lx",
		      (unsigned long)store, (unsigned long)cons,
		      mfn_to_pfn(store), mfn_to_pfn(cons));
	trace_suspend("shared_info: a copy in our own memory from now on, "
		      "the real page unmapped");
	trace_suspend("memory: no page may show a foreign frame; the save "
		      "code reads the p2m (%lu entries) through the frame list "
		      "at mfn %#lx",
		      p2m_size(), p2m_frames_info(NULL, NULL));
	trace_suspend("SCHEDOP_shutdown(SHUTDOWN_suspend), start_info mfn "
		      "%#lx in %%rdx; console 0 drained first",
		      si_mfn);
	console_suspend();

	start_info_set_ring_frames(mfn_to_pfn(store), mfn_to_pfn(cons));
	real = shared_info_detach();
	unmapped = !(a->fail = unmap_foreign_frames(real, 1));
	if (a->fail)
		a->what = "unmapping shared_info";
	else if ((a->fail = mm_suspend()))
		a->what = "the memory check";
	t0 = monotonic_ns();
	a->rc = a->fail ? 1 : shutdown_suspend(si_mfn);
	a->new_domain = a->rc == 0;

	/* Back. The new domain's shared_info (or the same frame) first:
	 * vcpu_info and the clock live there. */
	sh = start_info->shared_info >> PAGE_SHIFT;
	if (unmapped && map_foreign_frames(real, &sh, 1))
		panic("suspend: cannot map shared_info (mfn %#lx) again",
		      (unsigned long)sh);
	shared_info_attach();
	if (a->new_domain)
		evtchn_reset();
	else /* the toolstack turned them into mfns only in a new domain */
		start_info_set_ring_frames(store, cons);
	console_resume(a->new_domain);
	/* printk works from here on. */
	say_back(a);
	if (!a->new_domain) {
		a->away_ns = monotonic_ns() - t0;
	} else {
		a->away_ns = pvclock_resume();
		trace_suspend("clock: away %lu ms by the wall clock; monotonic "
			      "time goes on at %lu ms",
			      (unsigned long)(a->away_ns / NSEC_PER_MSEC),
			      (unsigned long)(monotonic_ns() / NSEC_PER_MSEC));
		if (mm_resume(true))
			printk("suspend: no p2m frame list in the new domain: "
			       "a further xl save will fail\n");
		trace_suspend("memory: 1:1 holes set again; p2m frame list "
			      "rebuilt, top at mfn %#lx",
			      p2m_frames_info(NULL, NULL));
		trace_suspend("timers: VIRQ_TIMER on port %d, periodic tick "
			      "stopped, next deadline programmed",
			      timers_resume());
	}
	gnttab_resume(a->new_domain);
	local_irq_restore(flags);
	trace_suspend("events unmasked");
}

/* Undoes the steps before the masked part that succeeded (n of them). */
static void cancel(int n)
{
	if (n >= 3)
		xenstore_resume(false);
	if (n >= 2)
		xenbus_resume_devices(true);
	if (n >= 1) {
		pm_list_resume(&app_hooks, true);
		sched_release_apps();
	}
}

static void refused(const char *what, const char *who, int rc)
{
	suspend_stats.refused++;
	printk("suspend: refused by %s '%s' (%s)%s\n", what, who ? who : "?",
	       xs_error_name(rc),
	       !strcmp(what, "app hook") || !strcmp(what, "device")
		       ? ": not acknowledged, the toolstack will withdraw "
			 "the request"
		       : "");
}

/*
 * The save copies every page the p2m names, free ones too: a small
 * appliance in a big allocation would have most of its save file be
 * free memory. So the free pages go back to Xen first (balloon_down:
 * their pfns turn invalid, which the save code skips) and are asked
 * for again once back (balloon_up; a new domain's allocation is the
 * same). A few stay free for what the resume itself allocates.
 */
#define SHRINK_KEEP 256

static unsigned long shrink(void)
{
	unsigned long free = free_page_count();
	long n = free > SHRINK_KEEP ? balloon_down(free - SHRINK_KEEP) : 0;

	trace_suspend("memory: %ld free page(s) given back to Xen: the save "
		      "copies only pages in use",
		      n);
	return n > 0 ? (unsigned long)n : 0;
}

static void grow(unsigned long pages)
{
	long n = pages ? balloon_up(pages) : 0;

	if (n < (long)pages)
		printk("suspend: only %ld of the %lu page(s) given back came "
		       "back from Xen: the domain runs on smaller\n",
		       n, pages);
	else
		trace_suspend("memory: %ld page(s) back from Xen", n);
}

/* One request, from the app hooks to the app hooks. */
static void suspend_once(void)
{
	struct away a = { 0 };
	const char *who = NULL;
	unsigned long shrunk;
	int rc;

	suspend_stats.requests++;
	trace_suspend("request: asking the app hooks (any may refuse)");
	rc = pm_list_suspend(&app_hooks, &who);
	if (rc) {
		refused("app hook", who, rc);
		return;
	}
	/* From here until their resume hooks ran, app threads stay where
	 * they are (kernel/sched/freeze.h). */
	sched_hold_apps();
	trace_suspend("apps agreed; app threads held; parking the devices");
	rc = xenbus_suspend_devices(&who);
	if (rc) {
		refused("device", who, rc);
		cancel(1);
		return;
	}
	rc = xs_write(XS_TX_NONE, "control/shutdown", "");
	if (rc) {
		refused("xenstore", "control/shutdown", rc);
		cancel(2);
		return;
	}
	trace_suspend("devices parked; acknowledged (control/shutdown "
		      "cleared)");
	rc = xenstore_suspend();
	if (rc) {
		refused("xenstore", "requests in flight", rc);
		cancel(2);
		return;
	}
	trace_suspend("xenstore quiet: nothing in flight, new requests wait");
	shrunk = shrink();
	go_away(&a);
	grow(shrunk);
	if (a.fail) {
		suspend_stats.refused++;
		cancel(3);
		return;
	}
	xenstore_resume(a.new_domain);
	if (a.new_domain)
		trace_suspend("domid now %d", xs_domid());
	xenbus_resume_devices(!a.new_domain);
	trace_suspend("devices resumed; app hooks next");
	pm_list_resume(&app_hooks, !a.new_domain);
	sched_release_apps();
	suspend_stats.last_away_ns = a.away_ns;
	if (a.new_domain)
		suspend_stats.restored++;
	else
		suspend_stats.checkpoints++;
	trace_suspend("done: %s after %lu ms away",
		      a.new_domain ? "restored in a new domain"
				   : "running on in the same domain",
		      (unsigned long)(a.away_ns / NSEC_PER_MSEC));
}

/*
 * A request that comes while one is handled (the next xl save, right
 * after a restore) is not lost: it is taken up afterwards, if the node
 * still asks for it.
 */
static void suspend_main(void *arg __unused)
{
	char req[16];

	do {
		again = false;
		suspend_once();
	} while (again &&
		 xs_read(XS_TX_NONE, "control/shutdown", req, sizeof(req)) >
			 0 &&
		 !strcmp(req, "suspend"));
	busy = false;
}

/* The xswatch thread: a request. It must not block there. */
static void on_request(void)
{
	struct thread *t;

	if (busy) {
		again = true;
		return;
	}
	t = kthread_create("suspend", suspend_main, NULL);
	if (!t) {
		suspend_stats.refused++;
		printk("suspend: no thread to suspend in: refused (the "
		       "toolstack will withdraw the request)\n");
		return;
	}
	busy = true;
	thread_detach(t);
}

void suspend_init(void)
{
	if (xenstore_available())
		lifecycle_set_suspend_handler(on_request);
}
