/* SPDX-License-Identifier: BSD-3-Clause */
/* pause(2): sleep until a signal interrupts the thread (uk_posix_signal_post) */
#include <errno.h>
#include <uk/process.h>
#include <uk/syscall.h>
#include <uk/thread.h>

UK_SYSCALL_R_DEFINE(int, pause)
{
	/* only what arrives from now on counts */
	uk_posix_take_interrupt();
	while (!uk_posix_take_interrupt())
		uk_thread_block_until(0);
	return -EINTR;
}
