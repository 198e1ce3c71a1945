/*
 * start.c - how a newlib app starts and ends.
 *
 * The kernel calls main() and hands its return value to app_exit(). An
 * app linked with newlib must instead end as C says returning from main
 * does: exit(), which runs atexit handlers and flushes stdio before the
 * domain goes. The image is linked with `ld --wrap=main`, so the kernel's
 * call lands here and the app's own main is __real_main.
 */
#include <stdlib.h>
#include <unistd.h>

#include <pvmini/kernel.h>

#include "threads.h"

int __real_main(int argc, char **argv);
int __wrap_main(int argc, char **argv);

int __wrap_main(int argc, char **argv)
{
	libc_threads_init();
	exit(__real_main(argc, argv));
}

/* newlib's exit() ends here once stdio is flushed. */
void _exit(int status)
{
	app_exit(status);
}
