/* threads.h - newlib's state per pvmini thread (threads.c). */
#ifndef LIBC_THREADS_H
#define LIBC_THREADS_H

struct thread;

/* Before main: each thread gets its own errno, stdio state ... */
void libc_threads_init(void);
/* fn(t) runs when a joined thread's state is freed, for a library that
 * keeps something per thread (lib/lwip/sys_arch.c: its semaphore). */
void libc_threads_on_reap(void (*fn)(struct thread *t));

#endif
