/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * musl's __unmapself() (replaces src/thread/x86_64/__unmapself.s): a
 * detached thread frees its own stack and exits. It cannot free the stack
 * it runs on before switching away, so the kernel's thread exit frees it
 * (SYS_exit with the mapping handed over through uk_posix_exit_unmap()).
 */
#include <stddef.h>

#include <uk/process.h>
void __unmapself(void *base, size_t len);

void __unmapself(void *base, size_t len)
{
	uk_posix_exit_unmap(base, len);
}
