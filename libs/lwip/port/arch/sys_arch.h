/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * lwIP's operating-system types on Unikit (sys_arch.c): semaphores and
 * mutexes are lib/uklock's, embedded (lwIP keeps them inside its own
 * structures); a mailbox is a bounded ring with two wait queues; a thread
 * is a uksched thread. SYS_ARCH_PROTECT masks interrupts: the scheduler is
 * cooperative, so that is all the exclusion lwIP's short sections need.
 */
#ifndef UK_LWIP_ARCH_SYS_ARCH_H
#define UK_LWIP_ARCH_SYS_ARCH_H

#include <uk/arch/lcpu.h>
#include <uk/mutex.h>
#include <uk/semaphore.h>

struct uk_lwip_mbox;
struct uk_thread;

typedef struct {
	struct uk_semaphore sem;
	int valid;
} sys_sem_t;

typedef struct {
	struct uk_mutex mtx;
	int valid;
} sys_mutex_t;

typedef struct uk_lwip_mbox *sys_mbox_t;
typedef struct uk_thread *sys_thread_t;
typedef unsigned long sys_prot_t;

#define sys_sem_valid(s)         ((s)->valid)
#define sys_sem_set_invalid(s)   ((s)->valid = 0)
#define sys_mutex_valid(m)       ((m)->valid)
#define sys_mutex_set_invalid(m) ((m)->valid = 0)
#define sys_mbox_valid(mb)       (*(mb) != NULL)
#define sys_mbox_set_invalid(mb) (*(mb) = NULL)

#define SYS_ARCH_DECL_PROTECT(lev) sys_prot_t lev
#define SYS_ARCH_PROTECT(lev)      ((lev) = ukarch_irq_save())
#define SYS_ARCH_UNPROTECT(lev)    ukarch_irq_restore(lev)

#endif /* UK_LWIP_ARCH_SYS_ARCH_H */
