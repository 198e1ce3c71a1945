/*
 * lwipopts.h - pvmini's lwIP configuration (lwIP 2.1, lwip/opt.h has the
 * defaults and the meaning of each option).
 *
 * lib/lwip/build.sh compiles lwIP with this file, and its hash is part of
 * the cache key: a change here rebuilds the library.
 */
#ifndef PVMINI_LWIPOPTS_H
#define PVMINI_LWIPOPTS_H

/* --- The OS ------------------------------------------------------------
 * An OS with threads (sys_arch.c): the tcpip thread runs the stack. With
 * core locking, a socket call takes the stack's mutex and runs in the
 * calling thread instead of passing a message to the tcpip thread and
 * waiting: fewer thread switches per call.
 */
#define NO_SYS 0
#define SYS_LIGHTWEIGHT_PROT 1
#define LWIP_TCPIP_CORE_LOCKING 1
#define LWIP_TCPIP_CORE_LOCKING_INPUT 0
/* One socket used by several threads at once (one reads, one writes, a
 * third closes): each thread waits on its own semaphore, and closing a
 * socket wakes the threads blocked on it. */
#define LWIP_NETCONN_SEM_PER_THREAD 1
#define LWIP_NETCONN_FULLDUPLEX 1
#define TCPIP_THREAD_NAME "tcpip"
#define TCPIP_THREAD_STACKSIZE 0 /* pvmini's stacks have one size */
#define TCPIP_THREAD_PRIO 0	 /* no priorities: cooperative threads */
/* Every looped-back packet is a message here (loopif.c): room for the
 * segments of many connections at once; a full mailbox drops one. */
#define TCPIP_MBOX_SIZE 1024
#define DEFAULT_THREAD_STACKSIZE 0
/* Received segments wait here for the reader: about a window's worth, so
 * that a fast sender is not throttled by the mailbox before the window. */
#define DEFAULT_TCP_RECVMBOX_SIZE 64
#define DEFAULT_UDP_RECVMBOX_SIZE 32
#define DEFAULT_RAW_RECVMBOX_SIZE 32
#define DEFAULT_ACCEPTMBOX_SIZE 32
#define LWIP_NETCONN_THREAD_SEM_GET() sys_arch_netconn_sem_get()
#define LWIP_NETCONN_THREAD_SEM_ALLOC() sys_arch_netconn_sem_alloc()
#define LWIP_NETCONN_THREAD_SEM_FREE() sys_arch_netconn_sem_free()
/* Raw lwIP calls outside the tcpip thread must hold the core lock. */
#define LWIP_ASSERT_CORE_LOCKED() sys_arch_assert_core_locked()

/* --- Memory --------------------------------------------------------------
 * Everything from pvmini's heap through malloc: no fixed pools to size,
 * the domain's memory is the limit. (A netif driver must then allocate
 * received pbufs in a thread, never in an event handler: the heap is not
 * for event handlers.)
 */
#define MEM_LIBC_MALLOC 1
#define MEMP_MEM_MALLOC 1
#define MEM_ALIGNMENT 8
/* The only count left that limits anything: sockets open at once (the
 * app's fd table has room for 125, fds 3..127; lib/newlib/fd.h). */
#define MEMP_NUM_NETCONN 128

/* --- Protocols ----------------------------------------------------------- */
#define LWIP_IPV4 1
#define LWIP_IPV6 0
#define LWIP_ARP 1
#define LWIP_ETHERNET 1
#define LWIP_ICMP 1
#define LWIP_RAW 1
#define LWIP_UDP 1
#define LWIP_TCP 1
#define LWIP_DHCP 1
#define LWIP_AUTOIP 0
#define LWIP_IGMP 0
#define LWIP_DNS 0
#define LWIP_NETIF_STATUS_CALLBACK 1
#define LWIP_NETIF_LINK_CALLBACK 1
/* The loopback interface (127.0.0.1) and traffic to an interface's own
 * address are pvmini's (loopif.c says why), not lwIP's. */
#define LWIP_NETIF_LOOPBACK 0
#define LWIP_HAVE_LOOPIF 0
/* The loopback interface skips checksums (it cannot corrupt data). */
#define LWIP_CHECKSUM_CTRL_PER_NETIF 1

/* TCP: a 62 KiB window and send buffer without window scaling. */
#define TCP_MSS 1460
#define TCP_WND (44 * TCP_MSS)
#define TCP_SND_BUF (44 * TCP_MSS)
#define TCP_SND_QUEUELEN ((4 * TCP_SND_BUF + TCP_MSS - 1) / TCP_MSS)
#define TCP_QUEUE_OOSEQ 1
#define TCP_LISTEN_BACKLOG 1
#define LWIP_TCP_KEEPALIVE 1
#define SO_REUSE 1

/* --- Sockets ---------------------------------------------------------------
 * Only the lwip_* names: the POSIX names (socket, read, close ...) belong
 * to pvmini's fd table (lib/newlib/fd.c), which maps app fds to these.
 */
#define LWIP_NETCONN 1
#define LWIP_SOCKET 1
#define LWIP_COMPAT_SOCKETS 0
#define LWIP_POSIX_SOCKETS_IO_NAMES 0
#define LWIP_SOCKET_OFFSET 0
#define LWIP_SOCKET_SELECT 1
#define LWIP_SOCKET_POLL 1
#define LWIP_SO_RCVTIMEO 1
#define LWIP_SO_SNDTIMEO 1
#define LWIP_SO_SNDRCVTIMEO_NONSTANDARD 0 /* struct timeval, as POSIX */
#define LWIP_SO_RCVBUF 1
#define LWIP_SO_LINGER 1
#define LWIP_TIMEVAL_PRIVATE 0 /* newlib's struct timeval */
/* errno is newlib's (<errno.h>): its numbers, the calling thread's copy. */
#define LWIP_ERRNO_STDINCLUDE 1

#define LWIP_STATS 0
#define LWIP_RAND() sys_arch_rand()

#endif
