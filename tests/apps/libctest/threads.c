/*
 * threads.c - newlib state is per thread: two threads each make a
 * different libc call fail, yield to each other many times, and must
 * still see their own errno; strtok keeps a separate position in each.
 * Detached threads that formatted floats (newlib keeps big-number
 * buffers in the thread's state) give all of it back when they end.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <pvmini/page_alloc.h>
#include <pvmini/thread.h>
#include <pvmini/time.h>

#include "libctest.h"

static int ok[2];

static void worker(void *arg)
{
	int id = (int)(long)arg, good = 1;
	char text[32];
	const char *first, *second;

	strcpy(text, id ? "b1 b2" : "a1 a2");
	first = strtok(text, " ");
	for (int i = 0; i < 200; i++) {
		/* Thread 0 fails with ENOSYS, thread 1 with ESPIPE. */
		if (id == 0)
			open("/nowhere", O_RDONLY);
		else
			lseek(1, 0, SEEK_SET);
		thread_yield(); /* the other thread fails in between */
		good &= errno == (id ? ESPIPE : ENOSYS);
	}
	second = strtok(NULL, " ");
	good &= !strcmp(first, id ? "b1" : "a1");
	good &= second && !strcmp(second, id ? "b2" : "a2");
	ok[id] = good;
}

void check_threads(void)
{
	struct thread *t0 = thread_create("libc0", worker, (void *)0L);
	struct thread *t1 = thread_create("libc1", worker, (void *)1L);

	check(t0 && t1, "two threads created");
	thread_join(t0);
	thread_join(t1);
	check(ok[0] && ok[1], "errno and strtok stay per thread");
	printf("threads: errno and strtok per thread: %s\n",
	       ok[0] && ok[1] ? "yes" : "NO");
}

static int formatted;

static void formatter(void *arg)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%.20g", 1.0 / (double)(long)arg);
	formatted += buf[0] == '0';
}

static void detached_batch(void)
{
	for (long i = 2; i < 22; i++)
		check(!thread_detach(
			      thread_create("fmt", formatter, (void *)i)),
		      "detach");
	thread_sleep_ns(20 * NSEC_PER_MSEC); /* all have ended */
}

void check_detached_threads(void)
{
	unsigned long warm;

	detached_batch(); /* the heap keeps its small blocks' pages */
	warm = free_page_count();
	detached_batch();
	check(formatted == 40 && warm == free_page_count(),
	      "detached threads give back their libc state");
	printf("threads: 40 detached, %d formatted, %ld pages not back\n",
	       formatted, (long)(warm - free_page_count()));
}
