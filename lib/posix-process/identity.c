/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Identity: one process, pid 1, in its own session and process group, run
 * by root. Changing to root is allowed (a no-op); to anyone else, -EPERM,
 * because the kernel could not honour the lower privileges.
 */
#include <errno.h>
#include <stddef.h>
#include <uk/syscall.h>
#include "process.h"

UK_SYSCALL_R_DEFINE(int, getpid)
{
	return UK_POSIX_PID;
}

UK_SYSCALL_R_DEFINE(int, getppid)
{
	return 0;
}

UK_SYSCALL_R_DEFINE(int, gettid)
{
	return posix_thread_self()->tid;
}

UK_SYSCALL_R_DEFINE(int, getuid)
{
	return 0;
}

UK_SYSCALL_R_DEFINE(int, geteuid)
{
	return 0;
}

UK_SYSCALL_R_DEFINE(int, getgid)
{
	return 0;
}

UK_SYSCALL_R_DEFINE(int, getegid)
{
	return 0;
}

/* -1 means "unchanged" in the set*id calls */
static int root_or_unchanged(int id)
{
	return id == 0 || id == -1 ? 0 : -EPERM;
}

UK_SYSCALL_R_DEFINE(int, setuid, int, uid)
{
	return uid == 0 ? 0 : -EPERM;
}

UK_SYSCALL_R_DEFINE(int, setgid, int, gid)
{
	return gid == 0 ? 0 : -EPERM;
}

UK_SYSCALL_R_DEFINE(int, setreuid, int, r, int, e)
{
	return root_or_unchanged(r) ?: root_or_unchanged(e);
}

UK_SYSCALL_R_DEFINE(int, setregid, int, r, int, e)
{
	return root_or_unchanged(r) ?: root_or_unchanged(e);
}

UK_SYSCALL_R_DEFINE(int, setresuid, int, r, int, e, int, s)
{
	return root_or_unchanged(r) ?: root_or_unchanged(e) ?: root_or_unchanged(s);
}

UK_SYSCALL_R_DEFINE(int, setresgid, int, r, int, e, int, s)
{
	return root_or_unchanged(r) ?: root_or_unchanged(e) ?: root_or_unchanged(s);
}

static int put_three_zeros(unsigned int *a, unsigned int *b, unsigned int *c)
{
	if (!a || !b || !c)
		return -EFAULT;
	*a = *b = *c = 0;
	return 0;
}

UK_SYSCALL_R_DEFINE(int, getresuid, unsigned int *, r, unsigned int *, e, unsigned int *, s)
{
	return put_three_zeros(r, e, s);
}

UK_SYSCALL_R_DEFINE(int, getresgid, unsigned int *, r, unsigned int *, e, unsigned int *, s)
{
	return put_three_zeros(r, e, s);
}

/* root is in no supplementary group */
UK_SYSCALL_R_DEFINE(int, getgroups, int, size, unsigned int *, list)
{
	(void)list;
	return size < 0 ? -EINVAL : 0;
}

UK_SYSCALL_R_DEFINE(int, setgroups, long, size, const unsigned int *, list)
{
	(void)list;
	return size == 0 ? 0 : -EPERM;
}

static int is_us(int pid)
{
	return pid == 0 || pid == UK_POSIX_PID;
}

UK_SYSCALL_R_DEFINE(int, getpgid, int, pid)
{
	return is_us(pid) ? UK_POSIX_PID : -ESRCH;
}

UK_SYSCALL_R_DEFINE(int, getsid, int, pid)
{
	return is_us(pid) ? UK_POSIX_PID : -ESRCH;
}

UK_SYSCALL_R_DEFINE(int, setpgid, int, pid, int, pgid)
{
	if (!is_us(pid))
		return -ESRCH;
	return is_us(pgid) ? 0 : -EPERM;
}

UK_SYSCALL_R_DEFINE(int, getpgrp)
{
	return UK_POSIX_PID;
}

/* already a session leader: Linux says -EPERM then */
UK_SYSCALL_R_DEFINE(int, setsid)
{
	return -EPERM;
}
