/*
 * threadtest - cooperative threads under real Xen: ping-pong over wait
 * queues in strict alternation, callee-saved and SSE registers that
 * survive switches, 16-byte stack alignment in every thread, a mutex
 * held across yields, join, and sleeping threads woken by timers.
 */
#include <pvmini.h>
#include <pvmini/thread.h>

#define ROUNDS 1000

static struct wait_queue ping_wq = WAIT_QUEUE_INIT, pong_wq = WAIT_QUEUE_INIT;
static volatile int turn; /* 0: ping's turn, 1: pong's */
static int trace[2 * ROUNDS], traced, misaligned;

static void check_alignment(void)
{
	/* With frame pointers, %rbp = entry %rsp - 16: 16-aligned iff the
	 * caller's stack was aligned at the call, as the ABI demands. */
	if ((uintptr_t)__builtin_frame_address(0) & 15)
		misaligned++;
}

static void player(void *arg)
{
	int me = (int)(uintptr_t)arg;
	struct wait_queue *mine = me ? &pong_wq : &ping_wq;
	struct wait_queue *other = me ? &ping_wq : &pong_wq;

	for (int i = 0; i < ROUNDS; i++) {
		wait_event(*mine, turn == me);
		check_alignment();
		trace[traced++] = me;
		turn = !me;
		wake_one(other);
	}
}

static int ping_pong(void)
{
	struct thread *a = thread_create("ping", player, (void *)0);
	struct thread *b = thread_create("pong", player, (void *)1);
	int bad = 0;

	thread_join(a);
	thread_join(b);
	for (int i = 0; i < traced; i++)
		bad += trace[i] != (i & 1);
	printk("threadtest: ping-pong %d turns, %d out of turn, "
	       "%d misaligned\n",
	       traced, bad, misaligned);
	return bad || traced != 2 * ROUNDS || misaligned;
}

/*
 * Puts known values in rbx, r12-r15 and xmm6/xmm7, yields, and counts
 * the ones that changed. Every other register is the call's to clobber,
 * so the seed and the result travel through memory. The stack is
 * aligned around the call by hand.
 */
static unsigned long seed, changed;

static unsigned long regs_across_yield(unsigned long value)
{
	seed = value;
	asm volatile("movq %[seed], %%rbx\n\t"
		     "leaq 1(%%rbx), %%r12\n\t"
		     "leaq 2(%%rbx), %%r13\n\t"
		     "leaq 3(%%rbx), %%r14\n\t"
		     "leaq 4(%%rbx), %%r15\n\t"
		     "movq %%rbx, %%xmm6\n\t"
		     "pshufd $0, %%xmm6, %%xmm7\n\t"
		     "pushq %%rbp\n\t"
		     "pushq %%rbx\n\t" /* our own copy of the seed */
		     "movq %%rsp, %%rbp\n\t"
		     "andq $-16, %%rsp\n\t"
		     "call thread_yield\n\t"
		     "movq %%rbp, %%rsp\n\t"
		     "popq %%rdx\n\t"
		     "popq %%rbp\n\t"
		     "xorl %%ecx, %%ecx\n\t"
		     "cmpq %%rdx, %%rbx\n\t"
		     "setne %%al\n\t"
		     "addb %%al, %%cl\n\t"
		     "leaq 1(%%rdx), %%rax\n\t"
		     "cmpq %%rax, %%r12\n\t"
		     "setne %%al\n\t"
		     "addb %%al, %%cl\n\t"
		     "leaq 2(%%rdx), %%rax\n\t"
		     "cmpq %%rax, %%r13\n\t"
		     "setne %%al\n\t"
		     "addb %%al, %%cl\n\t"
		     "leaq 3(%%rdx), %%rax\n\t"
		     "cmpq %%rax, %%r14\n\t"
		     "setne %%al\n\t"
		     "addb %%al, %%cl\n\t"
		     "leaq 4(%%rdx), %%rax\n\t"
		     "cmpq %%rax, %%r15\n\t"
		     "setne %%al\n\t"
		     "addb %%al, %%cl\n\t"
		     "movq %%xmm6, %%rax\n\t"
		     "cmpq %%rdx, %%rax\n\t"
		     "setne %%al\n\t"
		     "addb %%al, %%cl\n\t"
		     "pshufd $0, %%xmm6, %%xmm5\n\t"
		     "pcmpeqd %%xmm7, %%xmm5\n\t"
		     "pmovmskb %%xmm5, %%eax\n\t"
		     "cmpl $0xffff, %%eax\n\t"
		     "setne %%al\n\t"
		     "addb %%al, %%cl\n\t"
		     "movq %%rcx, %[changed]"
		     : [changed] "=m"(changed)
		     : [seed] "m"(seed)
		     : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10",
		       "r11", "rbx", "r12", "r13", "r14", "r15", "xmm0", "xmm1",
		       "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8",
		       "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14",
		       "xmm15", "memory", "cc");
	return changed;
}

static unsigned long reg_errors;

static void reg_worker(void *arg)
{
	for (int i = 0; i < 100; i++)
		reg_errors += regs_across_yield((uintptr_t)arg * 1000 + i);
}

static int registers(void)
{
	struct thread *t[3];

	for (int i = 0; i < 3; i++)
		t[i] = thread_create("regs", reg_worker,
				     (void *)(uintptr_t)(i + 1));
	reg_worker((void *)7); /* the main thread too */
	for (int i = 0; i < 3; i++)
		thread_join(t[i]);
	printk("threadtest: registers across 400 yields: %lu changed\n",
	       reg_errors);
	return reg_errors != 0;
}

static struct mutex lock = MUTEX_INIT;
static int inside, collisions, entries;

static void locker(void *arg)
{
	(void)arg;
	for (int i = 0; i < 50; i++) {
		mutex_lock(&lock);
		if (inside++)
			collisions++;
		entries++;
		thread_yield(); /* others run, none may get in */
		inside--;
		mutex_unlock(&lock);
		thread_yield();
	}
}

static int mutexes(void)
{
	struct thread *t[4];

	for (int i = 0; i < 4; i++)
		t[i] = thread_create("locker", locker, NULL);
	for (int i = 0; i < 4; i++)
		thread_join(t[i]);
	printk("threadtest: mutex: %d entries, %d collisions\n", entries,
	       collisions);
	return entries != 200 || collisions;
}

static uint64_t woke_at[3];

static void sleeper(void *arg)
{
	uintptr_t i = (uintptr_t)arg;

	thread_sleep_ns((3 - i) * 30 * NSEC_PER_MSEC);
	woke_at[i] = monotonic_ns();
}

static int sleepers(void)
{
	struct thread *t[3];

	for (uintptr_t i = 0; i < 3; i++)
		t[i] = thread_create("sleeper", sleeper, (void *)i);
	for (int i = 0; i < 3; i++)
		thread_join(t[i]);
	/* 90, 60 and 30 ms: they must wake in reverse order of creation. */
	bool ordered = woke_at[2] < woke_at[1] && woke_at[1] < woke_at[0];

	printk("threadtest: sleepers woke %s\n",
	       ordered ? "in deadline order" : "OUT OF ORDER");
	if (!ordered)
		printk("threadtest: woke at %lu %lu %lu\n", woke_at[0],
		       woke_at[1], woke_at[2]);
	return !ordered;
}

int main(void)
{
	int bad = ping_pong() + registers() + mutexes() + sleepers();

	printk("threadtest: join(self) = %d, join(NULL) = %d\n",
	       thread_join(thread_current()), thread_join(NULL));
	printk("threadtest: %lu switches, %s\n", sched_stats.switches,
	       bad ? "FAILED" : "all good");
	return bad;
}
