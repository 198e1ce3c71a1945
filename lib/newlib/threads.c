/*
 * threads.c - newlib's state per pvmini thread.
 *
 * newlib keeps errno, stdio's per-caller state, strtok's position and the
 * like in a struct _reent reached through _impure_ptr. pvmini threads are
 * cooperative, but a thread can still block inside a libc call (a sleep,
 * a read from stdin) while another runs: with one shared _reent, the
 * second thread's errno would overwrite the first's. So each thread gets
 * its own _reent, created the first time it is switched to, and
 * _impure_ptr follows the running thread.
 */
#include <reent.h>
#include <stdlib.h>

#include <pvmini/kernel.h>
#include <pvmini/page_alloc.h>
#include <pvmini/thread.h>

#include "glue.h"
#include "threads.h"

static struct _reent *main_reent;
static void (*on_reap)(struct thread *t);

static void switch_reent(struct thread *next)
{
	struct _reent *r = next->libc_state;

	if (!r) {
		r = kmalloc(sizeof(*r));
		if (!r)
			panic("libc: no memory for the state of thread '%s'",
			      next->name);
		_REENT_INIT_PTR(r);
		next->libc_state = r;
	}
	_impure_ptr = r;
}

static void reap_reent(struct thread *t)
{
	struct _reent *r = t->libc_state;

	if (on_reap)
		on_reap(t);
	if (r && r != main_reent) {
		_reclaim_reent(r);
		kfree(r);
	}
	t->libc_state = NULL;
}

void libc_threads_on_reap(void (*fn)(struct thread *t))
{
	on_reap = fn;
}

/* Called once before main: the main thread keeps newlib's global one. */
void libc_threads_init(void)
{
	main_reent = _impure_ptr;
	thread_current()->libc_state = main_reent;
	thread_set_libc_hooks(switch_reent, reap_reent);
}
