/* SPDX-License-Identifier: BSD-3-Clause */
/* Anonymous mmap: zeroed, writable, partially unmappable, growable */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int check_memory(void)
{
	size_t len = 64 * 4096;
	unsigned char *p, *q;
	int fails = 0, zero = 1;
	size_t i;
	void *b0, *b1;

	p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	fails += check(p != MAP_FAILED, "memory.mmap_anon", "errno %d", errno);
	if (p == MAP_FAILED)
		return fails;
	for (i = 0; i < len; i++)
		zero &= !p[i];
	fails += check(zero, "memory.mmap_zeroed", "not zero");
	memset(p, 0xab, len);
	fails +=
	    check(!munmap(p + 16 * 4096, 16 * 4096), "memory.munmap_middle", "errno %d", errno);
	fails += check(p[len - 1] == 0xab && p[0] == 0xab, "memory.rest_still_mapped", "changed");
	fails += check(!madvise(p, 4096, MADV_DONTNEED) && p[0] == 0,
	               "memory.madvise_dontneed_zeroes", "%d", p[0]);
	q = mremap(p + 48 * 4096, 16 * 4096, 32 * 4096, MREMAP_MAYMOVE);
	fails += check(q != MAP_FAILED && q[0] == 0xab && q[16 * 4096 - 1] == 0xab,
	               "memory.mremap_grow_keeps_data", "errno %d", errno);
	munmap(p, 16 * 4096);
	munmap(p + 32 * 4096, 16 * 4096);
	if (q != MAP_FAILED)
		munmap(q, 32 * 4096);
	fails += check(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 3, 0) == MAP_FAILED,
	               "memory.mmap_bad_fd_fails", "mapped");
	/* musl's brk()/sbrk() refuse to move the break; its malloc uses the system call */
	b0 = (void *)syscall(SYS_brk, 0);
	b1 = (void *)syscall(SYS_brk, (char *)b0 + 8192);
	fails += check(b0 && b1 == (char *)b0 + 8192 && !((char *)b0)[8191], "memory.brk_grows",
	               "%p %p", b0, b1);
	return fails;
}
