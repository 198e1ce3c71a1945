/*
 * suspend.h - xl save, xl restore and xl save -c as an application sees
 * them (kernel/suspend.c; docs/suspend.md).
 *
 * `xl save` asks the domain to suspend ("suspend" in control/shutdown);
 * the kernel quiesces itself and is written to a file, and `xl restore`
 * makes a NEW domain of it (another domid, new event channels, new
 * backends) in which it runs on. `xl save -c` (a checkpoint) writes the
 * file and lets the domain run on in the SAME domain. Threads notice
 * nothing but time: monotonic time runs on across a restore by the
 * wall-clock time the domain was away, so a sleeper whose deadline
 * passed meanwhile wakes at once, the others when due.
 *
 * What an app set up with Xen itself - an event channel it bound, a
 * grant it gave, xenstore nodes - is the kernel's to carry over where it
 * can (grants are given again, xenstore watches set again, console
 * devices reconnected) and the app's where it cannot: a port it bound
 * belongs to the old domain, and its resume hook binds again.
 *
 * A hook runs in the suspending thread, where it may block (but must
 * not wait for anything the suspend stops). suspend: before anything is
 * quiesced; 0 lets the suspend go on, a negative Xen errno refuses it
 * (a veto): the request is not acknowledged, the toolstack cancels it
 * after its 60 s timeout and xl save fails, and the domain runs on.
 * resume: after everything is back; cancelled is true when the domain
 * runs on in the same domain (a checkpoint, a veto by a later hook, or
 * a suspend that failed), false in a new domain. Hooks are suspended
 * newest first and resumed oldest first.
 */
#ifndef PVMINI_SUSPEND_H
#define PVMINI_SUSPEND_H

#include <pvmini/lib.h>

struct suspend_hook {
	const char *name; /* for messages: who refused */
	int (*suspend)(void *data);
	void (*resume)(void *data, bool cancelled);
	void *data;
	struct suspend_hook *prev, *next; /* private */
	bool suspended;			  /* private */
};

void suspend_hook_register(struct suspend_hook *h);
void suspend_hook_unregister(struct suspend_hook *h);

/* What happened so far (bench/suspend.sh, tests). */
struct suspend_stats {
	unsigned long requests;	   /* "suspend" seen in control/shutdown */
	unsigned long refused;	   /* vetoed by a hook, or failed */
	unsigned long restored;	   /* ran on in a new domain */
	unsigned long checkpoints; /* ran on in the same domain */
	uint64_t last_away_ns;	   /* from the hypercall to its return */
};
extern struct suspend_stats suspend_stats;

#endif
