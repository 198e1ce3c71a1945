/*
 * arch/sys_arch.h - lwIP's OS types on pvmini (sys_arch.c implements
 * them on pvmini's cooperative threads). Each is a pointer to an object
 * sys_arch.c allocates: the cached lwIP library then needs no pvmini
 * header (struct thread and wait queues stay out of lwIP's build), and
 * NULL is "invalid".
 */
#ifndef PVMINI_LWIP_ARCH_SYS_ARCH_H
#define PVMINI_LWIP_ARCH_SYS_ARCH_H

struct sys_sem;
struct sys_mbox;
struct mutex;
struct thread;

typedef struct sys_sem *sys_sem_t;
typedef struct mutex *sys_mutex_t;
typedef struct sys_mbox *sys_mbox_t;
typedef struct thread *sys_thread_t;
/* SYS_ARCH_PROTECT: the event mask saved by local_irq_save. */
typedef unsigned long sys_prot_t;

#define sys_sem_valid(s) (*(s) != NULL)
#define sys_sem_set_invalid(s) (*(s) = NULL)
#define sys_mutex_valid(m) (*(m) != NULL)
#define sys_mutex_set_invalid(m) (*(m) = NULL)
#define sys_mbox_valid(m) (*(m) != NULL)
#define sys_mbox_set_invalid(m) (*(m) = NULL)

/* The calling thread's own semaphore (LWIP_NETCONN_SEM_PER_THREAD). */
sys_sem_t *sys_arch_netconn_sem_get(void);
void sys_arch_netconn_sem_alloc(void);
void sys_arch_netconn_sem_free(void);
void sys_arch_assert_core_locked(void);

#endif
