/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * lwIP's operating-system layer (lwIP's doc/sys_arch.txt contract) on
 * uksched/uklock: semaphores, mutexes, bounded mailboxes with timeouts,
 * threads, the millisecond clock, memory from the kernel allocator and
 * random numbers from ukrandom.
 */
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/fmt.h>
#include <uk/plat/time.h>
#include <uk/print.h>
#include <uk/random.h>
#include <uk/sched.h>
#include <uk/thread.h>
#include <uk/wait.h>

#include "lwip/opt.h"
#include "lwip/err.h"
#include "lwip/sys.h"

#define NSEC_PER_MSEC 1000000ULL

/* set_errno() of lwipopts.h: the socket driver reads it right after a call
 * (the scheduler is cooperative, so no other thread runs in between) */
int uk_lwip_errno;

struct uk_lwip_mbox {
	unsigned int size;      /* slots */
	unsigned int head;      /* oldest message */
	unsigned int count;     /* messages queued */
	struct uk_waitq readq;  /* waiting for a message */
	struct uk_waitq writeq; /* waiting for a free slot */
	void *msg[];
};

/* --- time and random numbers -------------------------------------------------- */
u32_t sys_now(void)
{
	return (u32_t)(ukplat_monotonic_clock() / NSEC_PER_MSEC);
}

u32_t sys_jiffies(void)
{
	return sys_now();
}

unsigned int uk_lwip_rand(void)
{
	unsigned int v;

	uk_random_fill(&v, sizeof(v));
	return v;
}

void sys_init(void)
{
}

/* ms from start until now, never SYS_ARCH_TIMEOUT itself */
static u32_t elapsed_ms(uint64_t start)
{
	uint64_t ms = (ukplat_monotonic_clock() - start) / NSEC_PER_MSEC;

	return ms >= SYS_ARCH_TIMEOUT ? SYS_ARCH_TIMEOUT - 1 : (u32_t)ms;
}

/* an lwIP timeout in ms (0: none) as a deadline on the monotonic clock */
static uint64_t deadline_of(uint64_t start, u32_t timeout_ms)
{
	return timeout_ms ? start + (uint64_t)timeout_ms * NSEC_PER_MSEC : 0;
}

/* --- memory --------------------------------------------------------------------- */
void *uk_lwip_malloc(size_t size)
{
	return uk_malloc(uk_alloc_get_default(), size);
}

void *uk_lwip_calloc(size_t n, size_t size)
{
	return uk_calloc(uk_alloc_get_default(), n, size);
}

void uk_lwip_free(void *p)
{
	uk_free(uk_alloc_get_default(), p);
}

/* --- diagnostics ------------------------------------------------------------- */
void uk_lwip_diag(const char *fmt, ...)
{
	char buf[160];
	va_list ap;

	va_start(ap, fmt);
	uk_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	uk_pr_info("%s", buf);
}

/* --- semaphores ---------------------------------------------------------------- */
err_t sys_sem_new(sys_sem_t *sem, u8_t count)
{
	uk_semaphore_init(&sem->sem, count);
	sem->valid = 1;
	return ERR_OK;
}

void sys_sem_free(sys_sem_t *sem)
{
	sem->valid = 0;
}

void sys_sem_signal(sys_sem_t *sem)
{
	uk_semaphore_up(&sem->sem);
}

u32_t sys_arch_sem_wait(sys_sem_t *sem, u32_t timeout)
{
	uint64_t start = ukplat_monotonic_clock();

	if (!timeout) {
		uk_semaphore_down(&sem->sem);
	} else if (uk_semaphore_down_to(&sem->sem, (uint64_t)timeout * NSEC_PER_MSEC) ==
	           -ETIMEDOUT) {
		return SYS_ARCH_TIMEOUT;
	}
	return elapsed_ms(start);
}

/* --- mutexes ------------------------------------------------------------------- */
err_t sys_mutex_new(sys_mutex_t *mutex)
{
	uk_mutex_init(&mutex->mtx);
	mutex->valid = 1;
	return ERR_OK;
}

void sys_mutex_free(sys_mutex_t *mutex)
{
	mutex->valid = 0;
}

void sys_mutex_lock(sys_mutex_t *mutex)
{
	uk_mutex_lock(&mutex->mtx);
}

void sys_mutex_unlock(sys_mutex_t *mutex)
{
	uk_mutex_unlock(&mutex->mtx);
}

/* --- mailboxes ------------------------------------------------------------------ */
err_t sys_mbox_new(sys_mbox_t *mbox, int size)
{
	struct uk_lwip_mbox *mb;

	/* lwIP passes 0 for "the port's default" in a few places */
	if (size <= 0)
		size = 64;
	mb = uk_lwip_malloc(sizeof(*mb) + (size_t)size * sizeof(void *));
	if (!mb) {
		*mbox = NULL;
		return ERR_MEM;
	}
	mb->size = (unsigned int)size;
	mb->head = mb->count = 0;
	uk_waitq_init(&mb->readq);
	uk_waitq_init(&mb->writeq);
	*mbox = mb;
	return ERR_OK;
}

void sys_mbox_free(sys_mbox_t *mbox)
{
	struct uk_lwip_mbox *mb = *mbox;

	if (!mb)
		return;
	if (mb->count)
		uk_pr_warn("freeing a mailbox with %u messages queued\n", mb->count);
	uk_lwip_free(mb);
}

static void mbox_put(struct uk_lwip_mbox *mb, void *msg)
{
	mb->msg[(mb->head + mb->count) % mb->size] = msg;
	mb->count++;
	uk_waitq_wake_up_one(&mb->readq);
}

static void *mbox_take(struct uk_lwip_mbox *mb)
{
	void *msg = mb->msg[mb->head];

	mb->head = (mb->head + 1) % mb->size;
	mb->count--;
	uk_waitq_wake_up_one(&mb->writeq);
	return msg;
}

void sys_mbox_post(sys_mbox_t *mbox, void *msg)
{
	struct uk_lwip_mbox *mb = *mbox;

	uk_waitq_wait_event(&mb->writeq, mb->count < mb->size);
	mbox_put(mb, msg);
}

err_t sys_mbox_trypost(sys_mbox_t *mbox, void *msg)
{
	struct uk_lwip_mbox *mb = *mbox;

	if (mb->count >= mb->size)
		return ERR_MEM;
	mbox_put(mb, msg);
	return ERR_OK;
}

/* no interrupt handler posts to lwIP: the receive threads do */
err_t sys_mbox_trypost_fromisr(sys_mbox_t *mbox, void *msg)
{
	return sys_mbox_trypost(mbox, msg);
}

u32_t sys_arch_mbox_fetch(sys_mbox_t *mbox, void **msg, u32_t timeout)
{
	struct uk_lwip_mbox *mb = *mbox;
	uint64_t start = ukplat_monotonic_clock();
	void *m;

	if (uk_waitq_wait_event_deadline(&mb->readq, mb->count > 0, deadline_of(start, timeout)) ==
	    -ETIMEDOUT) {
		if (msg)
			*msg = NULL;
		return SYS_ARCH_TIMEOUT;
	}
	m = mbox_take(mb);
	if (msg)
		*msg = m;
	return elapsed_ms(start);
}

u32_t sys_arch_mbox_tryfetch(sys_mbox_t *mbox, void **msg)
{
	struct uk_lwip_mbox *mb = *mbox;
	void *m;

	if (!mb->count)
		return SYS_MBOX_EMPTY;
	m = mbox_take(mb);
	if (msg)
		*msg = m;
	return 0;
}

/* --- threads -------------------------------------------------------------------- */
sys_thread_t sys_thread_new(const char *name, lwip_thread_fn thread, void *arg, int stacksize,
                            int prio)
{
	unsigned long pages = stacksize > 0 ? ((unsigned long)stacksize + 4095) / 4096 : 0;
	struct uk_thread *t;

	(void)prio; /* one priority: the scheduler is round-robin */
	t = uk_thread_create_on(uk_sched_get_default(), name, thread, arg, pages);
	if (!t)
		UK_CRASH("lwIP: cannot create thread %s\n", name);
	return t;
}
