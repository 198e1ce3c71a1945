/* layout.h - where the image lives; shared by assembly and C. */
#ifndef ARCH_LAYOUT_H
#define ARCH_LAYOUT_H

/* Must match the link address in minios.lds (why -2 GiB: see there). */
#define VIRT_BASE 0xffffffff80000000

/*
 * The direct map (mm/direct_map.c): pfns below LOW_MAP_PFNS (the
 * first 2 GiB) live in the image's own window at VIRT_BASE, where the
 * builder mapped the first of them; the rest at HIGH_MAP_BASE + pfn *
 * 4096, the first address past the L4 slots Xen keeps for itself
 * (0xffff800000000000 up to here) that a 64-bit PV guest may use.
 */
#define LOW_MAP_PFNS (1UL << (31 - 12))
#define HIGH_MAP_BASE 0xffff880000000000

#define PAGE_SHIFT 12
#define PAGE_SIZE (1 << PAGE_SHIFT)

/* The boot stack; its lowest page is unmapped as a guard once the
 * memory setup runs (mm/direct_map.c), so 28 KiB are usable. */
#define BOOT_STACK_SIZE (32 * 1024)
#define BOOT_STACK_GUARD PAGE_SIZE
/*
 * Just above the guard, the block %fs points at (head.S): gcc's stack
 * limit word at %fs:0x70 (arch/x86/stack_limit.h). A stray %fs-relative
 * access below it (pvmini has no TLS) hits the guard page. The stack
 * proper starts above it.
 */
#define BOOT_STACK_TCB 128
#define BOOT_STACK_BOTTOM (BOOT_STACK_GUARD + BOOT_STACK_TCB)

#endif
