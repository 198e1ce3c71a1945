/*
 * traps.c - what happens when the CPU faults in pvmini.
 *
 * A PV guest has no IDT of its own: it hands Xen a trap table (vector,
 * code selector, handler address) with HYPERVISOR_set_trap_table and Xen
 * bounces each exception to the handler. Every exception here is fatal
 * (unless a debugger's hook takes it: kernel/debug/, docs/debug.md):
 * the report names the trap, the error code, the faulting address for a
 * page fault, every register and the call chain, and the domain ends with
 * SHUTDOWN_crash so that xl's on_crash policy applies.
 *
 * For a page fault the CPU's CR2 is not ours to read (reading CR2 is
 * privileged); Xen copies it into vcpu_info->arch.cr2 before the bounce.
 */
#include <pvmini/hypercall.h>
#include <pvmini/kernel.h>
#include <pvmini/trace.h>
#include "arch/x86/backtrace.h"
#include "arch/x86/regs.h"
#include "arch/x86/traps.h"

#define TRAP(vec, name) extern char name[];
#define TRAPS                                                                  \
	TRAP(0, entry_divide_error)                                            \
	TRAP(1, entry_debug)                                                   \
	TRAP(3, entry_int3)                                                    \
	TRAP(4, entry_overflow)                                                \
	TRAP(5, entry_bounds)                                                  \
	TRAP(6, entry_invalid_op)                                              \
	TRAP(7, entry_device_not_avail)                                        \
	TRAP(8, entry_double_fault)                                            \
	TRAP(10, entry_invalid_tss)                                            \
	TRAP(11, entry_segment_not_present)                                    \
	TRAP(12, entry_stack_fault)                                            \
	TRAP(13, entry_general_protection)                                     \
	TRAP(14, entry_page_fault)                                             \
	TRAP(16, entry_x87_error)                                              \
	TRAP(17, entry_alignment_check)                                        \
	TRAP(18, entry_machine_check)                                          \
	TRAP(19, entry_simd_error)
TRAPS
#undef TRAP

/*
 * flags bits 0-1: the privilege level allowed to raise the vector with
 * `int n`. Our kernel runs in ring 3, so int3 (and friends) need 3 to
 * reach us rather than becoming a #GP. It does not matter for CPU-raised
 * faults.
 * Bit 2 (Xen's TI_SET_IF): Xen masks events as it delivers the trap, as
 * an interrupt gate would. Without it a trap taken with events enabled
 * gets an upcall on top at once, and handlers run before and during the
 * crash report, on the faulting context's stack.
 */
#define TRAP_DPL3 3
#define TRAP_MASK_EVENTS 4
#define TRAP(vec, name)                                                        \
	{ vec, TRAP_DPL3 | TRAP_MASK_EVENTS, FLAT_KERNEL_CS,                   \
	  (unsigned long)name },
static const struct trap_info trap_table[] = { TRAPS{ 0, 0, 0, 0 } };
#undef TRAP

static const char *const trap_names[20] = {
	[0] = "divide error",
	[1] = "debug",
	[3] = "int3 breakpoint",
	[4] = "overflow",
	[5] = "bound range exceeded",
	[6] = "invalid opcode",
	[7] = "device not available",
	[8] = "double fault",
	[10] = "invalid TSS",
	[11] = "segment not present",
	[12] = "stack fault",
	[13] = "general protection fault",
	[14] = "page fault",
	[16] = "x87 floating-point error",
	[17] = "alignment check",
	[18] = "machine check",
	[19] = "SIMD floating-point error",
};

void traps_init(void)
{
	long rc = xen_set_trap_table(trap_table);

	if (rc)
		panic("set_trap_table failed: %ld", rc);
	trace_boot("traps: %zu exception vectors installed (set_trap_table)",
		   ARRAY_SIZE(trap_table) - 1);
}

/*
 * Only the low 16 bits of the cs and ss slots are selectors: Xen keeps the
 * interrupted context's event mask in the bits above.
 */
#define SEL(x) ((x)&0xffff)

static void dump_regs(const struct cpu_regs *r)
{
	printk("RIP: %04lx:%016lx  RFLAGS: %016lx\n", SEL(r->cs), r->rip,
	       r->rflags);
	printk("RSP: %04lx:%016lx  RBP: %016lx\n", SEL(r->ss), r->rsp, r->rbp);
	printk("RAX: %016lx  RBX: %016lx  RCX: %016lx\n", r->rax, r->rbx,
	       r->rcx);
	printk("RDX: %016lx  RSI: %016lx  RDI: %016lx\n", r->rdx, r->rsi,
	       r->rdi);
	printk("R8:  %016lx  R9:  %016lx  R10: %016lx\n", r->r8, r->r9, r->r10);
	printk("R11: %016lx  R12: %016lx  R13: %016lx\n", r->r11, r->r12,
	       r->r13);
	printk("R14: %016lx  R15: %016lx\n", r->r14, r->r15);
}

static void describe_page_fault(uint64_t error_code, uint64_t cr2)
{
	if (!shared_info) {
		printk("fault address: unknown (shared_info not mapped yet)\n");
		return;
	}
	printk("fault address: %016lx (%s, %s%s)\n", cr2,
	       (error_code & 1) ? "protection violation" : "page not present",
	       (error_code & 16)  ? "instruction fetch"
	       : (error_code & 2) ? "write"
				  : "read",
	       (error_code & 8) ? ", reserved bit set" : "");
}

static bool (*debug_hook)(struct cpu_regs *regs);

void traps_set_debug_hook(bool (*hook)(struct cpu_regs *regs))
{
	debug_hook = hook;
}

void do_trap(struct cpu_regs *regs)
{
	static int depth;
	/* Xen's copy of CR2 is overwritten by the next page fault it
	 * bounces to us: take it before anything else runs. */
	uint64_t cr2 = shared_info ? shared_info->vcpu_info[0].arch.cr2 : 0;
	const char *name = regs->vector < ARRAY_SIZE(trap_names)
				   ? trap_names[regs->vector]
				   : NULL;

	/* A breakpoint or step resumes from here: iret restores regs. */
	if (!depth && debug_hook && debug_hook(regs))
		return;
	if (depth++) /* faulted while reporting a fault: stop right here */
		domain_shutdown(SHUTDOWN_crash);
	printk("\n*** trap %lu: %s, error code 0x%lx\n", regs->vector,
	       name ? name : "unknown", regs->error_code);
	if (regs->vector == 14)
		describe_page_fault(regs->error_code, cr2);
	dump_regs(regs);
	backtrace_print(regs->rip, regs->rsp, regs->rbp);
	domain_shutdown(SHUTDOWN_crash);
}

void do_failsafe(struct failsafe_frame *f)
{
	printk("\n*** failsafe callback: Xen could not return to the guest\n");
	printk("segments: ds=%04lx es=%04lx fs=%04lx gs=%04lx\n", f->ds, f->es,
	       f->fs, f->gs);
	printk("iret frame: rip=%04lx:%016lx rflags=%016lx rsp=%04lx:%016lx\n",
	       SEL(f->cs), f->rip, f->rflags, SEL(f->ss), f->rsp);
	backtrace_print(f->rip, f->rsp, f->rbp);
	domain_shutdown(SHUTDOWN_crash);
}
