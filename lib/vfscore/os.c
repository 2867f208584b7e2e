/* SPDX-License-Identifier: BSD-3-Clause */
/* The VFS's kernel services (tests/host/os_host.c stands in on the host) */
#include <errno.h>
#include <uk/alloc.h>
#include <uk/plat/time.h>
#include <uk/config.h>
#if CONFIG_LIBUKSCHED
#include <uk/sched.h>
#endif
#include "vfs_os.h"

void *vfs_zalloc(size_t size)
{
	return uk_calloc(uk_alloc_get_default(), 1, size);
}

void *vfs_realloc(void *p, size_t size)
{
	return uk_realloc(uk_alloc_get_default(), p, size);
}

void vfs_free(void *p)
{
	uk_free(uk_alloc_get_default(), p);
}

int64_t vfs_now_ns(void)
{
	return (int64_t)ukplat_wall_clock();
}

int vfs_wait(void)
{
#if CONFIG_LIBUKSCHED
	/* cooperative: whoever fills the pipe or counter runs while we yield */
	uk_sched_yield();
	return 0;
#else
	return -EAGAIN;
#endif
}
