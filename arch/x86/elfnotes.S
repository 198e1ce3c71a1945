/*
 * elfnotes.S - the notes Xen's domain builder reads before it loads us.
 *
 * Both loaders (libxenguest for `xl create`, Xen itself for dom0) look for
 * a PT_NOTE segment holding notes named "Xen". They decide from these
 * where to map the image, where to jump, where to write the hypercall page
 * and whether this kernel may run as dom0. Numbers and meanings:
 * /usr/include/xen/elfnote.h.
 */
#include <xen/elfnote.h>
#include <xen/features.h>
#include <arch/layout.h>

/* One note: 4-byte aligned header, name "Xen", then the descriptor. */
.macro xen_note type:req, data:vararg
	.pushsection .note.Xen, "a", @note
	.balign 4
	.long 2f - 1f		/* name size, with its NUL */
	.long 4f - 3f		/* descriptor size */
	.long \type
1:	.asciz "Xen"
2:	.balign 4
3:	\data
4:	.balign 4
	.popsection
.endm

xen_note XEN_ELFNOTE_GUEST_OS,		.asciz "pvmini"
xen_note XEN_ELFNOTE_GUEST_VERSION,	.asciz PVMINI_VERSION
/* "xen-3.0" is the ABI every 64-bit PV guest speaks, not a Xen release. */
xen_note XEN_ELFNOTE_XEN_VERSION,	.asciz "xen-3.0"
/* "generic": load the ELF as its program headers say. */
xen_note XEN_ELFNOTE_LOADER,		.asciz "generic"
xen_note XEN_ELFNOTE_VIRT_BASE,		.quad VIRT_BASE
/* ELF paddr == vaddr (minios.lds), so physical = paddr - VIRT_BASE. */
xen_note XEN_ELFNOTE_PADDR_OFFSET,	.quad VIRT_BASE
xen_note XEN_ELFNOTE_ENTRY,		.quad _start
xen_note XEN_ELFNOTE_HYPERCALL_PAGE,	.quad hypercall_page
/*
 * What we support. writable_page_tables: we enable that assist. dom0:
 * Xen refuses to build a dom0 from a kernel that lists SUPPORTED_FEATURES
 * without it, and pvmini runs as dom0 too. Nothing is required ('!').
 */
xen_note XEN_ELFNOTE_FEATURES,		.asciz "writable_page_tables|dom0"
xen_note XEN_ELFNOTE_SUPPORTED_FEATURES, .long (1 << XENFEAT_writable_page_tables) | (1 << XENFEAT_dom0)
