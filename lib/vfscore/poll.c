/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Readiness (contracts.md section 10). One generation counter for the whole
 * image rather than a wait queue per file: a poller over many descriptors
 * (poll, select, epoll, a blocking socket call) sleeps on a single thing,
 * and whoever changes any file's readiness advances the counter and wakes
 * every poller, which then re-checks its own files. With few threads that
 * costs less than registering on every polled file.
 */
#include <errno.h>
#include "vfs_impl.h"
#include "vfs_os.h"

static volatile uint64_t poll_gen;

unsigned int uk_file_poll(struct uk_file *f)
{
	if (!f->vn->ops->poll)
		return UK_POLLIN | UK_POLLOUT; /* a regular file never blocks */
	return f->vn->ops->poll(f->vn, f);
}

void uk_vfs_poll_notify(void)
{
	/* atomic: drivers may notify from interrupt handlers */
	__atomic_fetch_add(&poll_gen, 1, __ATOMIC_SEQ_CST);
	vfs_poll_wake();
}

uint64_t uk_vfs_poll_generation(void)
{
	return __atomic_load_n(&poll_gen, __ATOMIC_SEQ_CST);
}

int uk_vfs_poll_wait(uint64_t gen, uint64_t deadline)
{
	return vfs_poll_block(&poll_gen, gen, deadline);
}
