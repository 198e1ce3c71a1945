/*
 * sys_arch.c - lwIP's OS layer on pvmini: semaphores, mutexes, threads,
 * time, critical sections (mailboxes: sys_mbox.c).
 *
 * pvmini's threads are cooperative on one vCPU: a thread runs until it
 * blocks, yields or sleeps, and event handlers only wake threads. So every
 * wait here blocks the thread on a wait queue (with a deadline when lwIP
 * gives a timeout); none spins. Checking a semaphore and sleeping on it is
 * done with events masked, so a wake from a timer's handler (a deadline)
 * cannot fall in between.
 *
 * SYS_ARCH_PROTECT masks events (local_irq_save) rather than taking a
 * mutex: another thread can never run inside such a section (nothing in it
 * blocks), so only event handlers could, and masking keeps them out as
 * well, should a netif driver ever touch lwIP from one. It costs a store,
 * nests, and cannot block.
 */
#include "lwip/sys.h"
#include "lwip/tcpip.h"

#include <pvmini/kernel.h>
#include <pvmini/page_alloc.h>
#include <pvmini/thread.h>
#include <pvmini/time.h>

#include "sys_wait.h"

struct sys_sem {
	unsigned int count;
	struct wait_queue waiters;
};

void sys_init(void)
{
}

u32_t sys_now(void)
{
	return (u32_t)(monotonic_ns() / NSEC_PER_MSEC);
}

sys_prot_t sys_arch_protect(void)
{
	return local_irq_save();
}

void sys_arch_unprotect(sys_prot_t flags)
{
	local_irq_restore(flags);
}

u32_t sys_wait(struct wait_queue *wq, bool (*take)(void *), void *what,
	       u32_t timeout_ms)
{
	uint64_t start = monotonic_ns(), ms;
	unsigned long flags = local_irq_save();
	struct deadline d = { 0 };
	bool got;

	if (timeout_ms)
		deadline_start(&d, wq, timeout_ms * NSEC_PER_MSEC);
	while (!(got = take(what)) && !(timeout_ms && d.passed))
		wq_wait_locked(wq);
	if (timeout_ms)
		deadline_stop(&d);
	local_irq_restore(flags);
	if (!got)
		return SYS_ARCH_TIMEOUT;
	ms = (monotonic_ns() - start) / NSEC_PER_MSEC;
	return ms < SYS_ARCH_TIMEOUT ? (u32_t)ms : SYS_ARCH_TIMEOUT - 1;
}

err_t sys_sem_new(sys_sem_t *sem, u8_t count)
{
	struct sys_sem *s = kmalloc(sizeof(*s));

	*sem = s;
	if (!s)
		return ERR_MEM;
	*s = (struct sys_sem){ .count = count, .waiters = WAIT_QUEUE_INIT };
	return ERR_OK;
}

void sys_sem_free(sys_sem_t *sem)
{
	struct sys_sem *s = *sem;

	if (s->waiters.head)
		sys_arch_assert("semaphore freed while a thread waits on it",
				__FILE__, __LINE__);
	kfree(s);
}

void sys_sem_signal(sys_sem_t *sem)
{
	struct sys_sem *s = *sem;
	unsigned long flags = local_irq_save();

	s->count++;
	wake_one(&s->waiters);
	local_irq_restore(flags);
}

static bool sem_take(void *what)
{
	struct sys_sem *s = what;

	if (!s->count)
		return false;
	s->count--;
	return true;
}

u32_t sys_arch_sem_wait(sys_sem_t *sem, u32_t timeout_ms)
{
	return sys_wait(&(*sem)->waiters, sem_take, *sem, timeout_ms);
}

/* lwIP never takes a mutex it holds; pvmini's mutex panics if it did. */
err_t sys_mutex_new(sys_mutex_t *mutex)
{
	struct mutex *m = kmalloc(sizeof(*m));

	*mutex = m;
	if (!m)
		return ERR_MEM;
	*m = (struct mutex)MUTEX_INIT;
	return ERR_OK;
}

void sys_mutex_free(sys_mutex_t *mutex)
{
	kfree(*mutex);
}

void sys_mutex_lock(sys_mutex_t *mutex)
{
	mutex_lock(*mutex);
}

void sys_mutex_unlock(sys_mutex_t *mutex)
{
	mutex_unlock(*mutex);
}

/* The tcpip thread, and any lwIP starts. pvmini's stacks have one size
 * (28 KiB); lwIP's stacksize and prio have nothing to set. */
sys_thread_t sys_thread_new(const char *name, lwip_thread_fn fn, void *arg,
			    int stacksize, int prio)
{
	struct thread *t = thread_create(name, fn, arg);

	(void)stacksize;
	(void)prio;
	if (!t)
		panic("lwip: no memory for thread '%s'", name);
	return t;
}

/* With core locking, a raw lwIP call (netif_add, tcp_write ...) outside
 * the tcpip thread must hold the core lock; before tcpip_init made it,
 * only the starting thread runs lwIP. */
void sys_arch_assert_core_locked(void)
{
	if (lock_tcpip_core && lock_tcpip_core->owner != thread_current())
		panic("lwip: a core function was called without the core "
		      "lock (LOCK_TCPIP_CORE) by thread '%s'",
		      thread_current()->name);
}

void sys_arch_assert(const char *msg, const char *file, int line)
{
	panic("lwip: assertion \"%s\" failed at %s:%d", msg, file, line);
}

/* xorshift64*, seeded from both clocks: TCP's initial sequence numbers
 * and ephemeral ports differ from boot to boot. Not for cryptography. */
u32_t sys_arch_rand(void)
{
	static uint64_t x;

	if (!x)
		x = (wallclock_ns() ^ monotonic_ns() << 17) | 1;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	return (u32_t)((x * 0x2545f4914f6cdd1dULL) >> 32);
}
