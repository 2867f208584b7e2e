/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * membarrier(2) on one CPU: every other thread is switched out, and a
 * context switch is a full barrier, so each command is complete on return.
 */
#include <errno.h>
#include <uk/syscall.h>

#define MEMBARRIER_CMD_QUERY                      0
#define MEMBARRIER_CMD_GLOBAL                     (1 << 0)
#define MEMBARRIER_CMD_GLOBAL_EXPEDITED           (1 << 1)
#define MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED  (1 << 2)
#define MEMBARRIER_CMD_PRIVATE_EXPEDITED          (1 << 3)
#define MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED (1 << 4)

#define SUPPORTED                                                                                  \
	(MEMBARRIER_CMD_GLOBAL | MEMBARRIER_CMD_GLOBAL_EXPEDITED |                                 \
	 MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED | MEMBARRIER_CMD_PRIVATE_EXPEDITED |             \
	 MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED)

UK_SYSCALL_R_DEFINE(int, membarrier, int, cmd, unsigned int, flags)
{
	if (flags)
		return -EINVAL;
	if (cmd == MEMBARRIER_CMD_QUERY)
		return SUPPORTED;
	if (!(cmd & SUPPORTED) || (cmd & (cmd - 1)))
		return -EINVAL;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	return 0;
}
