/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A unikernel has one address space and one program: no fork, no exec.
 * Each attempt says so in the log (these fail loudly, not silently), and
 * the program gets -ENOSYS so it can fall back or report it.
 */
#include <errno.h>
#include <uk/print.h>
#include <uk/syscall.h>

#define CLONE_VM 0x00000100

UK_SYSCALL_R_DEFINE(int, fork)
{
	uk_pr_warn("fork() is not supported: one process per unikernel (-ENOSYS)\n");
	return -ENOSYS;
}

UK_SYSCALL_R_DEFINE(int, vfork)
{
	uk_pr_warn("vfork() is not supported: one process per unikernel (-ENOSYS)\n");
	return -ENOSYS;
}

UK_SYSCALL_R_DEFINE(int, execve, const char *, path, char *const *, argv, char *const *, envp)
{
	(void)argv, (void)envp;
	uk_pr_warn("execve(\"%s\") is not supported: the image runs one program (-ENOSYS)\n",
	           path ? path : "(null)");
	return -ENOSYS;
}

UK_SYSCALL_R_DEFINE(int, execveat, int, dirfd, const char *, path, char *const *, argv,
                    char *const *, envp, int, flags)
{
	(void)dirfd, (void)argv, (void)envp, (void)flags;
	uk_pr_warn("execveat(\"%s\") is not supported: the image runs one program (-ENOSYS)\n",
	           path ? path : "(null)");
	return -ENOSYS;
}

/*
 * The raw clone system call cannot start a thread through a function call
 * (it would have to return twice); musl's __clone() calls uk_posix_clone()
 * instead. Without CLONE_VM it is a fork.
 */
UK_SYSCALL_R_DEFINE(int, clone, unsigned long, flags)
{
	if (!(flags & CLONE_VM))
		uk_pr_warn("clone() without CLONE_VM (fork) is not supported (-ENOSYS)\n");
	else
		uk_pr_warn(
		    "raw clone() system call is not supported, use pthread_create (-ENOSYS)\n");
	return -ENOSYS;
}

UK_SYSCALL_R_DEFINE(int, wait4, int, pid, int *, status, int, options, void *, rusage)
{
	(void)pid, (void)status, (void)options, (void)rusage;
	return -ECHILD;
}
