/*
 * sys_mbox.c - lwIP's mailboxes: a ring of message pointers with a wait
 * queue for readers (empty) and one for writers (full).
 *
 * A thread that takes a message without waiting for it yields first:
 * with cooperative threads, the tcpip thread could otherwise go on taking
 * messages for as long as each one it handles makes another (looped-back
 * packets answering each other: loopif.c), and the threads whose work
 * would end that stream never run. This gives each runnable thread a
 * turn per message, as a preemptive scheduler's time slice would.
 *
 * lwIP's contract (LWIP_NETCONN_FULLDUPLEX): no thread waits on a mailbox
 * that is freed; the netconn layer posts a "deleted" message to each
 * waiter first. A mailbox freed with a waiter would leave that thread on
 * freed memory, so it stops the domain with a message instead.
 */
#include "lwip/sys.h"

#include <pvmini/page_alloc.h>
#include <pvmini/thread.h>

#include "sys_wait.h"

struct sys_mbox {
	unsigned int size, head, count;
	struct wait_queue readers, writers;
	void *msgs[];
};

/* A message on its way in or out: sys_wait's take() has one argument. */
struct xfer {
	struct sys_mbox *m;
	void *msg;
};

err_t sys_mbox_new(sys_mbox_t *mbox, int size)
{
	struct sys_mbox *m;

	if (size <= 0)
		size = 16; /* lwIP passes 0 where its option is unset */
	m = kmalloc(sizeof(*m) + size * sizeof(m->msgs[0]));
	*mbox = m;
	if (!m)
		return ERR_MEM;
	*m = (struct sys_mbox){ .size = size };
	return ERR_OK;
}

void sys_mbox_free(sys_mbox_t *mbox)
{
	struct sys_mbox *m = *mbox;

	if (m->readers.head || m->writers.head)
		sys_arch_assert("mailbox freed while a thread waits on it",
				__FILE__, __LINE__);
	kfree(m);
}

/* put and get run with events masked (sys_wait, or the try calls). */
static bool put(void *what)
{
	struct xfer *x = what;
	struct sys_mbox *m = x->m;

	if (m->count == m->size)
		return false;
	m->msgs[(m->head + m->count++) % m->size] = x->msg;
	wake_one(&m->readers);
	return true;
}

static bool get(void *what)
{
	struct xfer *x = what;
	struct sys_mbox *m = x->m;

	if (!m->count)
		return false;
	x->msg = m->msgs[m->head];
	m->head = (m->head + 1) % m->size;
	m->count--;
	wake_one(&m->writers);
	return true;
}

static bool masked(bool (*op)(void *), struct xfer *x)
{
	unsigned long flags = local_irq_save();
	bool ok = op(x);

	local_irq_restore(flags);
	return ok;
}

void sys_mbox_post(sys_mbox_t *mbox, void *msg)
{
	struct xfer x = { *mbox, msg };

	sys_wait(&x.m->writers, put, &x, 0);
}

err_t sys_mbox_trypost(sys_mbox_t *mbox, void *msg)
{
	struct xfer x = { *mbox, msg };

	return masked(put, &x) ? ERR_OK : ERR_MEM;
}

err_t sys_mbox_trypost_fromisr(sys_mbox_t *mbox, void *msg)
{
	return sys_mbox_trypost(mbox, msg);
}

u32_t sys_arch_mbox_fetch(sys_mbox_t *mbox, void **msg, u32_t timeout_ms)
{
	struct xfer x = { *mbox, NULL };
	u32_t waited;

	if (x.m->count)
		thread_yield();
	waited = sys_wait(&x.m->readers, get, &x, timeout_ms);

	if (waited != SYS_ARCH_TIMEOUT && msg)
		*msg = x.msg;
	return waited;
}

u32_t sys_arch_mbox_tryfetch(sys_mbox_t *mbox, void **msg)
{
	struct xfer x = { *mbox, NULL };

	if (!masked(get, &x))
		return SYS_MBOX_EMPTY;
	if (msg)
		*msg = x.msg;
	return 0;
}
