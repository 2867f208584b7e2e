/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * musl's __clone() (replaces src/thread/x86_64/clone.s): a new thread is a
 * kernel thread, created by a call instead of the clone system call, which
 * cannot "return twice" through a function call.
 */
#include <stdarg.h>
#include <uk/process.h>

int __clone(int (*fn)(void *), void *stack, int flags, void *arg, ...);

int __clone(int (*fn)(void *), void *stack, int flags, void *arg, ...)
{
	unsigned long tls;
	int *ptid, *ctid;
	va_list ap;

	va_start(ap, arg);
	ptid = va_arg(ap, int *);
	tls = (unsigned long)va_arg(ap, void *);
	ctid = va_arg(ap, int *);
	va_end(ap);
	return uk_posix_clone((unsigned int)flags, stack, ptid, tls, ctid, fn, arg);
}
