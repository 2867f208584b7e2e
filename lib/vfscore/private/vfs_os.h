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
/* sleeps until another thread changes some file's readiness (a blocking
 * operation then retries); periodic: at most one poll period, for state
 * that changes without a notify (the console's input). -EAGAIN where
 * nothing else can run (host build) */
int vfs_wait(int periodic);
/* the poll generation's blocking half: sleeps unless *gen already differs
 * from seen, until vfs_poll_wake() or the deadline (monotonic ns, 0: none):
 * 0 or -ETIMEDOUT; the check and the sleep are atomic against interrupts */
int vfs_poll_block(const volatile uint64_t *gen, uint64_t seen, uint64_t deadline);
void vfs_poll_wake(void);

#endif
