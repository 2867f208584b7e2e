/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Per-thread process state, kept in uk_thread->priv. The first thread to
 * ask (main) becomes tid 1 = the pid, as in Linux; threads from clone()
 * get their record at creation; any other kernel thread gets one on first
 * use, from the default allocator.
 */
#include <errno.h>
#include <uk/alloc.h>
#include <uk/futex.h>
#include <uk/print.h>
#include "process.h"

static int next_tid = UK_POSIX_PID;
static struct posix_thread main_record;

int posix_thread_new_tid(void)
{
	return next_tid++;
}

int posix_thread_new_tid_peek(void)
{
	return next_tid;
}

struct posix_thread *posix_thread_main(void)
{
	return &main_record;
}

struct posix_thread *posix_thread_self(void)
{
	struct uk_thread *t = uk_thread_current();
	struct posix_thread *pt;

	/* before the scheduler runs: boot code is the main thread-to-be */
	if (!t) {
		if (!main_record.tid)
			main_record.tid = posix_thread_new_tid();
		return &main_record;
	}
	if (t->priv)
		return t->priv;
	if (!main_record.thread) {
		pt = &main_record;
	} else {
		pt = uk_calloc(uk_alloc_get_default(), 1, sizeof(*pt));
		if (!pt)
			UK_CRASH("posix-process: out of memory for thread %s\n", t->name);
	}
	if (!pt->tid)
		pt->tid = posix_thread_new_tid();
	pt->thread = t;
	t->priv = pt;
	return pt;
}

void posix_thread_clear_tid(struct posix_thread *pt)
{
	if (!pt->clear_tid)
		return;
	__atomic_store_n(pt->clear_tid, 0, __ATOMIC_SEQ_CST);
	uk_futex_wake((const uint32_t *)pt->clear_tid, 1 << 30, ~0U);
	pt->clear_tid = NULL;
}
