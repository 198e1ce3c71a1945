/* layout.h - where the image lives; shared by assembly and C. */
#ifndef ARCH_LAYOUT_H
#define ARCH_LAYOUT_H

/* Must match the link address in minios.lds (why -2 GiB: see there). */
#define VIRT_BASE 0xffffffff80000000

#define PAGE_SHIFT 12
#define PAGE_SIZE (1 << PAGE_SHIFT)

/* The boot stack; its lowest page is unmapped as a guard once the
 * memory setup runs (arch/x86/direct_map.c), so 28 KiB are usable. */
#define BOOT_STACK_SIZE (32 * 1024)
#define BOOT_STACK_GUARD PAGE_SIZE

#endif
