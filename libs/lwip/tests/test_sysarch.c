/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * lwIP's operating-system layer (sys_arch.c): semaphore and mailbox
 * timeouts, bounded mailboxes, wake-ups across threads.
 */
#include <uk/plat/time.h>
#include <uk/sched.h>
#include <uk/test.h>
#include <uk/thread.h>

#include "lwip/opt.h"
#include "lwip/sys.h"

#define MS 1000000ULL

UK_TESTCASE(lwip_sysarch, sem_times_out)
{
	sys_sem_t s;
	uint64_t t0;
	u32_t r;

	UK_TEST_EXPECT(sys_sem_new(&s, 0) == ERR_OK);
	UK_TEST_EXPECT(sys_sem_valid(&s));
	t0 = ukplat_monotonic_clock();
	r = sys_arch_sem_wait(&s, 30);
	UK_TEST_EXPECT(r == SYS_ARCH_TIMEOUT);
	UK_TEST_EXPECT(ukplat_monotonic_clock() - t0 >= 30 * MS);
	sys_sem_signal(&s);
	r = sys_arch_sem_wait(&s, 30);
	UK_TEST_EXPECT(r != SYS_ARCH_TIMEOUT);
	UK_TEST_EXPECT(r < 30);
	sys_sem_free(&s);
	UK_TEST_EXPECT(!sys_sem_valid(&s));
}

struct waker {
	sys_sem_t *sem;
	sys_mbox_t *mbox;
	void *msg;
};

static void wake_later(void *arg)
{
	struct waker *w = arg;

	uk_sched_sleep_ns(20 * MS);
	if (w->sem)
		sys_sem_signal(w->sem);
	if (w->mbox)
		sys_mbox_post(w->mbox, w->msg);
}

UK_TESTCASE(lwip_sysarch, sem_woken_by_thread)
{
	sys_sem_t s;
	struct waker w = {&s, NULL, NULL};
	struct uk_thread *t;
	u32_t r;

	sys_sem_new(&s, 0);
	t = uk_thread_create("sem-waker", wake_later, &w);
	UK_TEST_EXPECT(t != NULL);
	r = sys_arch_sem_wait(&s, 2000);
	UK_TEST_EXPECT(r != SYS_ARCH_TIMEOUT);
	UK_TEST_EXPECT(r >= 10); /* waited for the other thread */
	uk_thread_join(t);
	sys_sem_free(&s);
}

UK_TESTCASE(lwip_sysarch, mbox_bounded_fifo)
{
	sys_mbox_t mb;
	void *m = NULL;
	int a, b, c;

	UK_TEST_EXPECT(sys_mbox_new(&mb, 2) == ERR_OK);
	UK_TEST_EXPECT(sys_mbox_valid(&mb));
	UK_TEST_EXPECT(sys_mbox_trypost(&mb, &a) == ERR_OK);
	UK_TEST_EXPECT(sys_mbox_trypost(&mb, &b) == ERR_OK);
	UK_TEST_EXPECT(sys_mbox_trypost(&mb, &c) == ERR_MEM); /* full */
	UK_TEST_EXPECT(sys_arch_mbox_tryfetch(&mb, &m) == 0);
	UK_TEST_EXPECT(m == &a);
	UK_TEST_EXPECT(sys_mbox_trypost(&mb, &c) == ERR_OK); /* wraps around */
	UK_TEST_EXPECT(sys_arch_mbox_fetch(&mb, &m, 10) != SYS_ARCH_TIMEOUT);
	UK_TEST_EXPECT(m == &b);
	UK_TEST_EXPECT(sys_arch_mbox_fetch(&mb, &m, 10) != SYS_ARCH_TIMEOUT);
	UK_TEST_EXPECT(m == &c);
	UK_TEST_EXPECT(sys_arch_mbox_tryfetch(&mb, &m) == SYS_MBOX_EMPTY);
	sys_mbox_free(&mb);
	sys_mbox_set_invalid(&mb);
	UK_TEST_EXPECT(!sys_mbox_valid(&mb));
}

UK_TESTCASE(lwip_sysarch, mbox_fetch_times_out)
{
	sys_mbox_t mb;
	void *m = &mb;
	uint64_t t0;

	sys_mbox_new(&mb, 4);
	t0 = ukplat_monotonic_clock();
	UK_TEST_EXPECT(sys_arch_mbox_fetch(&mb, &m, 25) == SYS_ARCH_TIMEOUT);
	UK_TEST_EXPECT(ukplat_monotonic_clock() - t0 >= 25 * MS);
	UK_TEST_EXPECT(m == NULL);
	sys_mbox_free(&mb);
}

UK_TESTCASE(lwip_sysarch, mbox_post_blocks_until_room)
{
	sys_mbox_t mb;
	int a, b;
	void *m;
	struct waker w = {NULL, &mb, &b};
	struct uk_thread *t;

	sys_mbox_new(&mb, 1);
	sys_mbox_post(&mb, &a);
	/* the other thread's post waits for the slot this thread frees */
	t = uk_thread_create("mbox-poster", wake_later, &w);
	uk_sched_sleep_ns(40 * MS);
	UK_TEST_EXPECT(sys_arch_mbox_tryfetch(&mb, &m) == 0);
	UK_TEST_EXPECT(m == &a);
	UK_TEST_EXPECT(sys_arch_mbox_fetch(&mb, &m, 2000) != SYS_ARCH_TIMEOUT);
	UK_TEST_EXPECT(m == &b);
	uk_thread_join(t);
	sys_mbox_free(&mb);
}

UK_TESTCASE(lwip_sysarch, mutex_and_clock)
{
	sys_mutex_t mtx;
	u32_t t0 = sys_now();

	UK_TEST_EXPECT(sys_mutex_new(&mtx) == ERR_OK);
	sys_mutex_lock(&mtx);
	sys_mutex_unlock(&mtx);
	sys_mutex_free(&mtx);
	uk_sched_sleep_ns(15 * MS);
	UK_TEST_EXPECT(sys_now() - t0 >= 15);
	UK_TEST_EXPECT(LWIP_RAND() != LWIP_RAND() || LWIP_RAND() != LWIP_RAND());
}
