/*
 * process.c - the one process: its id, signals, and every POSIX call the
 * unikernel does not have.
 *
 * A signal sent to ourselves can only mean abort() (newlib's raise() runs
 * installed handlers itself and calls kill() for the default action), so
 * it ends the domain as a crash with a message and a backtrace, naming
 * the app's functions. Calls with no meaning here fail with ENOSYS, the
 * rule for "not implemented", never silently succeed.
 */
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <pvmini/kernel.h>

#include "glue.h"

#define THE_PID 1

int getpid(void)
{
	return THE_PID;
}

int kill(int pid, int sig)
{
	if (pid != THE_PID)
		return glue_fail(ESRCH);
	if (sig == 0)
		return 0; /* "may I signal it?": yes */
	panic("app: %s (signal %d)", sig == SIGABRT ? "abort()" : "killed",
	      sig);
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	(void)how;
	(void)set;
	(void)old;
	return glue_fail(ENOSYS);
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	(void)path;
	(void)argv;
	(void)envp;
	return glue_fail(ENOSYS);
}

int fork(void)
{
	return glue_fail(ENOSYS);
}

int wait(int *status)
{
	(void)status;
	return glue_fail(ENOSYS);
}

int stat(const char *path, struct stat *st)
{
	(void)path;
	(void)st;
	return glue_fail(ENOSYS);
}

int link(const char *old, const char *new)
{
	(void)old;
	(void)new;
	return glue_fail(ENOSYS);
}

int unlink(const char *path)
{
	(void)path;
	return glue_fail(ENOSYS);
}

int mkdir(const char *path, mode_t mode)
{
	(void)path;
	(void)mode;
	return glue_fail(ENOSYS);
}

int getentropy(void *buf, size_t n)
{
	(void)buf;
	(void)n;
	return glue_fail(ENOSYS);
}
