/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the VFS needs from the kernel, in one place so the core also builds
 * as a host unit test (tests/host/os_host.c implements the same functions).
 */
#ifndef VFS_OS_H
#define VFS_OS_H

#include <stddef.h>
#include <stdint.h>

void *vfs_zalloc(size_t size); /* zeroed memory or NULL */
void *vfs_realloc(void *p, size_t size);
void vfs_free(void *p);
int64_t vfs_now_ns(void); /* wall clock, for timestamps */
/* gives other threads a chance before a blocking operation retries;
 * -EAGAIN where nothing else can run (host build) */
int vfs_wait(void);

#endif
