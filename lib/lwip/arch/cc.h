/*
 * arch/cc.h - lwIP's compiler and platform definitions for pvmini: gcc,
 * x86_64, newlib's headers. Like lwipopts.h, it is compiled into the cached
 * library (lib/lwip/build.sh), so it names pvmini's functions only by
 * prototype and includes no pvmini header.
 */
#ifndef PVMINI_LWIP_ARCH_CC_H
#define PVMINI_LWIP_ARCH_CC_H

#include <stdint.h>
#include <stdio.h>	/* LWIP_PLATFORM_DIAG */
#include <sys/select.h> /* fd_set before lwip/sockets.h: newlib's */
#include <sys/time.h>	/* struct timeval (LWIP_TIMEVAL_PRIVATE 0) */
#include <sys/types.h>

/* newlib's ssize_t is a long and it has no SSIZE_MAX; without one, lwIP
 * would declare its own (int) ssize_t. */
#define SSIZE_MAX __LONG_MAX__

/* newlib's <machine/endian.h> has BYTE_ORDER; bswap is one instruction. */
#define lwip_htons(x) ((u16_t)__builtin_bswap16(x))
#define lwip_htonl(x) ((u32_t)__builtin_bswap32(x))

/* An lwIP assertion is a bug: stop the domain with a backtrace
 * (sys_arch.c). */
void sys_arch_assert(const char *msg, const char *file, int line)
	__attribute__((noreturn));
#define LWIP_PLATFORM_ASSERT(x) sys_arch_assert((x), __FILE__, __LINE__)

#define LWIP_PLATFORM_DIAG(x)                                                  \
	do {                                                                   \
		printf x;                                                      \
	} while (0)

/* Initial sequence numbers, ephemeral ports, DHCP transaction ids. */
uint32_t sys_arch_rand(void);

#endif
