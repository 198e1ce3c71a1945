/*
 * sys_thread_sem.c - each thread's own semaphore, on which it waits for
 * the lwIP calls it makes (LWIP_NETCONN_SEM_PER_THREAD: what lets several
 * threads use one socket at once).
 *
 * pvmini threads have no thread-local storage, so the semaphores hang on
 * a list keyed by thread, made the first time a thread needs one and
 * freed when the thread is joined (newlib's threads.c calls us then).
 * Threads that use sockets are few; the list is short.
 */
#include "lwip/sys.h"

#include <pvmini/kernel.h>
#include <pvmini/page_alloc.h>
#include <pvmini/thread.h>

#include "threads.h"

struct thread_sem {
	struct thread *owner;
	sys_sem_t sem;
	struct thread_sem *next;
};

static struct thread_sem *sems;

static struct thread_sem **find(struct thread *t)
{
	struct thread_sem **p;

	for (p = &sems; *p && (*p)->owner != t; p = &(*p)->next)
		;
	return p;
}

static void forget(struct thread *t)
{
	struct thread_sem **p = find(t), *ts = *p;

	if (!ts)
		return;
	*p = ts->next;
	if (ts->sem)
		sys_sem_free(&ts->sem);
	kfree(ts);
}

sys_sem_t *sys_arch_netconn_sem_get(void)
{
	static bool hooked;
	struct thread *self = thread_current();
	struct thread_sem **p = find(self), *ts = *p;

	if (!hooked) {
		libc_threads_on_reap(forget);
		hooked = true;
	}
	if (!ts && (ts = kmalloc(sizeof(*ts)))) {
		*ts = (struct thread_sem){ .owner = self, .next = sems };
		sems = ts;
	}
	/* lwIP has no way to fail here: a socket call needs it to wait. */
	if (!ts || (!ts->sem && sys_sem_new(&ts->sem, 0) != ERR_OK))
		panic("lwip: no memory for the semaphore of thread '%s'",
		      self->name);
	return &ts->sem;
}

void sys_arch_netconn_sem_alloc(void)
{
	sys_arch_netconn_sem_get();
}

void sys_arch_netconn_sem_free(void)
{
	forget(thread_current());
}
