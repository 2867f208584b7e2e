/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Our replacement of musl's arch/x86_64/syscall_arch.h: musl's
 * __syscallN() become direct calls of the kernel's dispatcher instead of
 * the syscall instruction (a unikernel has no privilege boundary to cross).
 * This directory comes first in musl's include path, so every musl source
 * that includes "syscall_arch.h" gets this file.
 */
long uk_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6);

#define __SYSCALL_LL_E(x) (x)
#define __SYSCALL_LL_O(x) (x)

static __inline long __syscall0(long n)
{
	return uk_syscall(n, 0, 0, 0, 0, 0, 0);
}

static __inline long __syscall1(long n, long a1)
{
	return uk_syscall(n, a1, 0, 0, 0, 0, 0);
}

static __inline long __syscall2(long n, long a1, long a2)
{
	return uk_syscall(n, a1, a2, 0, 0, 0, 0);
}

static __inline long __syscall3(long n, long a1, long a2, long a3)
{
	return uk_syscall(n, a1, a2, a3, 0, 0, 0);
}

static __inline long __syscall4(long n, long a1, long a2, long a3, long a4)
{
	return uk_syscall(n, a1, a2, a3, a4, 0, 0);
}

static __inline long __syscall5(long n, long a1, long a2, long a3, long a4, long a5)
{
	return uk_syscall(n, a1, a2, a3, a4, a5, 0);
}

static __inline long __syscall6(long n, long a1, long a2, long a3, long a4, long a5, long a6)
{
	return uk_syscall(n, a1, a2, a3, a4, a5, a6);
}

/* no vDSO: clock_gettime is an ordinary (and cheap) call already */

#define IPC_64 0
