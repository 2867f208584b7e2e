/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The thread pointer (FS base, what %fs:0 addresses reach) and the tid
 * word a thread library registers to be told about the thread's end.
 */
#include <errno.h>
#include <uk/arch/ctx.h>
#include <uk/syscall.h>
#include <uk/thread.h>
#include "process.h"

#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004

UK_SYSCALL_R_DEFINE(int, arch_prctl, int, code, unsigned long, addr)
{
	struct uk_thread *t = uk_thread_current();

	switch (code) {
	case ARCH_SET_FS:
		/* the scheduler loads t->tlsp whenever t runs */
		if (t)
			uk_thread_set_tlsp(t, addr);
		else
			ukarch_tls_set(addr);
		return 0;
	case ARCH_GET_FS:
		if (!addr)
			return -EFAULT;
		*(unsigned long *)addr = ukarch_tls_get();
		return 0;
	case ARCH_SET_GS:
	case ARCH_GET_GS:
		/* GS belongs to the kernel */
		return -EPERM;
	default:
		return -EINVAL;
	}
}

UK_SYSCALL_R_DEFINE(int, set_tid_address, int *, tidptr)
{
	struct posix_thread *pt = posix_thread_self();

	pt->clear_tid = tidptr;
	return pt->tid;
}

/* robust futex lists: recorded by nobody; musl walks its list itself at exit */
UK_SYSCALL_R_DEFINE(int, set_robust_list, void *, head, unsigned long, len)
{
	(void)head;
	return len == 3 * sizeof(long) ? 0 : -EINVAL;
}
