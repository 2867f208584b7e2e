/* SPDX-License-Identifier: BSD-3-Clause */
/* musl's __set_thread_area() (replaces src/thread/x86_64/__set_thread_area.s) */
#include <stddef.h>

long uk_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6);

#define SYS_ARCH_PRCTL 158
#define ARCH_SET_FS    0x1002

int __set_thread_area(void *p);

int __set_thread_area(void *p)
{
	return (int)uk_syscall(SYS_ARCH_PRCTL, ARCH_SET_FS, (long)p, 0, 0, 0, 0);
}
