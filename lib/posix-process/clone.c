/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Threads of the process: musl's __clone() lands in uk_posix_clone(),
 * which starts a kernel thread that switches to the caller's stack and
 * thread pointer and runs fn(arg). A thread ends with SYS_exit, which
 * clears its tid word and wakes the futex there (how pthread_join and
 * musl's thread-list lock learn about it).
 */
#include <errno.h>
#include <stdint.h>
#include <uk/alloc.h>
#include <uk/process.h>
#include <uk/print.h>
#include <uk/sched.h>
#include <uk/syscall.h>
#include <uk/thread.h>
#include "process.h"

#define CLONE_VM             0x00000100
#define CLONE_SETTLS         0x00080000
#define CLONE_PARENT_SETTID  0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_CHILD_SETTID   0x01000000

/* the kernel stack only carries the entry frame; fn runs on the caller's stack */
#define CLONE_KSTACK_PAGES 2

static void thread_finish(struct posix_thread *pt) __attribute__((noreturn));

/* A detached thread's own stack, freed once the thread is surely gone */
static void *pending_unmap_base;
static size_t pending_unmap_len;

static void pending_unmap_flush(void)
{
	if (!pending_unmap_base)
		return;
	uk_syscall(__NR_munmap, (long)pending_unmap_base, (long)pending_unmap_len, 0, 0, 0, 0);
	pending_unmap_base = NULL;
}

static void clone_entry(void *arg)
{
	struct posix_thread *pt = arg;

	pending_unmap_flush();
	posix_call_on_stack(pt->fn, pt->arg, pt->stack);
	/* fn returned instead of calling SYS_exit: same ending */
	thread_finish(pt);
}

static void thread_finish(struct posix_thread *pt)
{
	struct uk_thread *t = uk_thread_current();

	posix_thread_clear_tid(pt);
	if (t->priv == pt)
		t->priv = NULL;
	if (pt->unmap_base) {
		/* the previous one ran on a thread that has ended by now */
		pending_unmap_flush();
		pending_unmap_base = pt->unmap_base;
		pending_unmap_len = pt->unmap_len;
	}
	if (pt->fn)
		uk_free(uk_alloc_get_default(), pt);
	uk_thread_exit();
}

int uk_posix_clone(unsigned long flags, void *stack, int *ptid, unsigned long tls, int *ctid,
                   int (*fn)(void *), void *arg)
{
	struct posix_thread *pt;
	struct uk_thread *t;

	if (!(flags & CLONE_VM)) {
		uk_pr_warn("clone() without CLONE_VM (fork) is not supported (-ENOSYS)\n");
		return -ENOSYS;
	}
	if (!fn || !stack)
		return -EINVAL;
	pt = uk_calloc(uk_alloc_get_default(), 1, sizeof(*pt));
	if (!pt)
		return -ENOMEM;
	pt->fn = fn;
	pt->arg = arg;
	pt->stack = stack;
	t = uk_thread_create_on(uk_sched_get_default(), "pthread", clone_entry, pt,
	                        CLONE_KSTACK_PAGES);
	if (!t) {
		uk_free(uk_alloc_get_default(), pt);
		return -ENOMEM;
	}
	/* cooperative scheduling: t cannot run before this function returns */
	pt->tid = posix_thread_new_tid();
	pt->thread = t;
	t->priv = pt;
	uk_thread_detach(t);
	if (flags & CLONE_SETTLS)
		uk_thread_set_tlsp(t, tls);
	if ((flags & CLONE_PARENT_SETTID) && ptid)
		*ptid = pt->tid;
	if ((flags & CLONE_CHILD_SETTID) && ctid)
		*ctid = pt->tid;
	if (flags & CLONE_CHILD_CLEARTID)
		pt->clear_tid = ctid;
	return pt->tid;
}

void uk_posix_exit_unmap(void *base, size_t len)
{
	struct posix_thread *pt = posix_thread_self();

	pt->unmap_base = base;
	pt->unmap_len = len;
	thread_finish(pt);
}

UK_SYSCALL_R_DEFINE(int, exit, int, status)
{
	(void)status;
	thread_finish(posix_thread_self());
}
