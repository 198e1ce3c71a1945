/*
 * threadlife - a thread's life around wait queues and its end, one case
 * per run (argv[1]):
 *   wake     thread_wake from a timer callback on the first of three
 *            threads in wait_event: the other two stay queued, and all
 *            three get through when the condition holds
 *   join     two threads join one: one waits for it, the other gets
 *            -XEN_EBUSY at once; detaching it meanwhile is -XEN_EBUSY
 *   detach   detached threads give their stacks back when they end
 *            (free_page_count), whether detached before they ran, by
 *            themselves, or after they ended
 *   handler-sleep  a timer callback that sleeps: a panic naming it
 *   unmasked-wait  wq_wait_locked with events enabled: a panic
 */
#include <pvmini.h>
#include <pvmini/page_alloc.h>
#include <pvmini/thread.h>

#define MS NSEC_PER_MSEC

static struct wait_queue wq = WAIT_QUEUE_INIT;
static bool go;
static int through;

static void waiter(void *arg)
{
	(void)arg;
	wait_event(wq, go);
	through++;
}

static void wake_it(struct timer *t)
{
	thread_wake(t->data);
}

static int wake_waiter(void)
{
	struct thread *t[3];
	struct timer tm = { .armed = false };

	for (int i = 0; i < 3; i++)
		t[i] = thread_create("waiter", waiter, NULL);
	thread_sleep_ns(10 * MS); /* all three wait on wq, t[0] first */
	timer_arm(&tm, monotonic_ns(), wake_it, t[0]);
	thread_sleep_ns(10 * MS); /* t[0] woke, saw !go, waits again */
	go = true;
	wake_all(&wq);
	thread_sleep_ns(10 * MS);
	printk("threadlife: wake: %d of 3 waiters through\n", through);
	if (through != 3)
		return 1; /* the others would never end: no join */
	for (int i = 0; i < 3; i++)
		thread_join(t[i]);
	return 0;
}

static struct thread *target;
static int join_rc[2];

static void napper(void *arg)
{
	(void)arg;
	thread_sleep_ns(20 * MS);
}

static void joiner(void *arg)
{
	int i = (int)(uintptr_t)arg;

	join_rc[i] = thread_join(target);
}

static int join_twice(void)
{
	unsigned long before = free_page_count();
	struct thread *a, *b;
	int detach_rc;

	target = thread_create("target", napper, NULL);
	a = thread_create("joiner-a", joiner, (void *)0);
	b = thread_create("joiner-b", joiner, (void *)1);
	thread_sleep_ns(5 * MS); /* a waits for target; b has its answer */
	detach_rc = thread_detach(target);
	thread_join(a);
	thread_join(b);
	printk("threadlife: join: the joiners got %d and %d, detach "
	       "meanwhile %d\n",
	       join_rc[0], join_rc[1], detach_rc);
	printk("threadlife: join: %ld pages not back\n",
	       (long)(before - free_page_count()));
	return join_rc[0] || join_rc[1] != -XEN_EBUSY ||
	       detach_rc != -XEN_EBUSY || before != free_page_count();
}

static void quick(void *arg)
{
	(void)arg;
}

static void self_detacher(void *arg)
{
	(void)arg;
	thread_detach(thread_current());
	thread_sleep_ns(5 * MS);
}

static int detach(void)
{
	unsigned long before = free_page_count();
	struct thread *t[4];
	int again, join;

	/* Detached before they ever ran. */
	for (int i = 0; i < 4; i++)
		thread_detach(thread_create("early", napper, NULL));
	/* Detaching themselves. */
	for (int i = 0; i < 4; i++)
		thread_create("self", self_detacher, NULL);
	/* Detached once they have ended. */
	for (int i = 0; i < 4; i++)
		t[i] = thread_create("late", quick, NULL);
	thread_sleep_ns(5 * MS);
	for (int i = 0; i < 4; i++)
		thread_detach(t[i]);
	/* Still asleep, so still there: a second detach, a join. */
	t[0] = thread_create("twice", napper, NULL);
	thread_detach(t[0]);
	again = thread_detach(t[0]);
	join = thread_join(t[0]);
	thread_sleep_ns(50 * MS); /* every one of them has ended */
	printk("threadlife: detach: 13 threads, %ld pages not back; "
	       "detach again %d, join %d\n",
	       (long)(before - free_page_count()), again, join);
	return before != free_page_count() || again != -XEN_EINVAL ||
	       join != -XEN_EINVAL;
}

static void sleepy_callback(struct timer *t)
{
	(void)t;
	thread_sleep_ns(MS);
}

static int handler_sleep(void)
{
	struct timer tm = { .armed = false };

	timer_arm(&tm, monotonic_ns() + MS, sleepy_callback, NULL);
	thread_sleep_ns(100 * MS);
	timer_cancel(&tm);
	printk("threadlife: handler-sleep: no panic\n");
	return 1;
}

static struct wait_queue lonely = WAIT_QUEUE_INIT;

static void waker(void *arg)
{
	(void)arg;
	thread_sleep_ns(MS);
	wake_all(&lonely);
}

static int unmasked_wait(void)
{
	thread_detach(thread_create("waker", waker, NULL));
	wq_wait_locked(&lonely); /* without local_irq_save: a bug */
	printk("threadlife: unmasked-wait: no panic\n");
	return 1;
}

int main(int argc, char **argv)
{
	const char *which = argc > 1 ? argv[1] : "";
	int bad;

	if (!strcmp(which, "wake"))
		bad = wake_waiter();
	else if (!strcmp(which, "join"))
		bad = join_twice();
	else if (!strcmp(which, "detach"))
		bad = detach();
	else if (!strcmp(which, "handler-sleep"))
		bad = handler_sleep();
	else if (!strcmp(which, "unmasked-wait"))
		bad = unmasked_wait();
	else {
		printk("threadlife: which case? wake, join, detach, "
		       "handler-sleep, unmasked-wait\n");
		return 2;
	}
	printk("threadlife: %s: %s\n", which, bad ? "FAILED" : "all good");
	return bad;
}
