/*
 * stacklibc - newlib is built without the stack check the kernel and apps
 * get (-fsplit-stack), so the limit keeps a margin above the guard page
 * for code like it (arch/x86/stack_limit.h). This app recurses until its
 * stack is at the limit, then calls fprintf(stderr) with floats - newlib's
 * deepest path (unbuffered stderr goes through __sbprintf, then
 * _vfprintf_r and _dtoa_r) - whose write reaches the kernel: the check
 * there must catch it, with a report, before anything reaches the guard.
 */
#include <stdint.h>
#include <stdio.h>

static uintptr_t stack_limit(void)
{
	uintptr_t limit;

	asm volatile("movq %%fs:0x70, %0" : "=r"(limit));
	return limit;
}

/* Stops with little more than its own frame left above the limit. */
__attribute__((noinline)) static void descend(double x)
{
	volatile char pad[64];

	pad[0] = (char)x;
	if ((uintptr_t)__builtin_frame_address(0) > stack_limit() + 256) {
		descend(x * 1.5 + pad[0] * 0);
		return;
	}
	fprintf(stderr, "stacklibc: at the limit: %f %e %.17g\n", x, x / 7,
		x / 3);
	printf("stacklibc: survived\n");
}

int main(void)
{
	printf("stacklibc: descending to the stack limit\n");
	fflush(stdout);
	descend(1.0);
	return 1;
}
