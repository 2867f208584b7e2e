/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * mmap(2) and friends: anonymous memory, and private copies of files
 * (read through pread64). All memory is resident and
 * private to the one process, so MAP_SHARED anonymous mappings behave like
 * private ones, and locking is a no-op that succeeds.
 */
#include <errno.h>
#include <string.h>
#include <uk/print.h>
#include <uk/syscall.h>
#include "region.h"

#define MAP_SHARED          0x01
#define MAP_PRIVATE         0x02
#define MAP_SHARED_VALIDATE 0x03
#define MAP_TYPE            0x0f
#define MAP_FIXED           0x10
#define MAP_ANONYMOUS       0x20
#define MAP_FIXED_NOREPLACE 0x100000
#define MADV_DONTNEED       4
#define MAX_MAP_LEN         (1UL << 46)

/* MAP_FIXED inside an existing mapping: the pages are replaced by zeros */
static long map_fixed(uintptr_t addr, size_t len, int prot, int flags)
{
	struct mm_region *r = mm_region_find(addr);

	if (!r || !mm_region_covers(r, addr, len)) {
		uk_pr_warn("mmap: MAP_FIXED at %p outside existing mappings is not supported\n",
		           (void *)addr);
		return -ENOMEM;
	}
	if (flags & MAP_FIXED_NOREPLACE)
		return -EEXIST;
	if (mm_region_protect(r, addr, len, MM_PROT_READ | MM_PROT_WRITE))
		return -ENOMEM;
	memset((void *)addr, 0, len);
	if (prot != (MM_PROT_READ | MM_PROT_WRITE) && mm_region_protect(r, addr, len, prot))
		return -ENOMEM;
	return (long)addr;
}

/*
 * MAP_PRIVATE of a file: a private copy, read through pread64 (whatever
 * file system registered it); past the end of the file the pages stay
 * zero, as Linux shows them. Writes stay in the copy, which is what
 * MAP_PRIVATE promises. MAP_SHARED would need the page cache to write back.
 */
static long map_file(size_t len, int prot, int flags, int fd, long off)
{
	struct mm_region *r;
	long got;

	if ((flags & MAP_TYPE) != MAP_PRIVATE) {
		uk_pr_warn("mmap of fd %d: MAP_SHARED file mappings are not supported (-ENODEV)\n",
		           fd);
		return -ENODEV;
	}
	if (off < 0 || (off & (long)MM_PAGE_MASK))
		return -EINVAL;
	r = mm_region_new(len / MM_PAGE_SIZE);
	if (!r)
		return -ENOMEM;
	got = uk_syscall(__NR_pread64, fd, (long)r->base, (long)len, off, 0, 0);
	if (got < 0) {
		mm_unmap_range(r->base, len);
		/* what mmap(2) says for a descriptor that cannot be read; without
		 * a VFS (no pread64) no descriptor exists at all */
		if (got == -EBADF || got == -ENOSYS)
			return -EBADF;
		return got == -EISDIR || got == -ESPIPE ? -ENODEV : -EACCES;
	}
	if (prot != (MM_PROT_READ | MM_PROT_WRITE) && mm_region_protect(r, r->base, len, prot)) {
		mm_unmap_range(r->base, len);
		return -ENOMEM;
	}
	return (long)r->base;
}

UK_SYSCALL_R_DEFINE(long, mmap, void *, addr, size_t, len, int, prot, int, flags, int, fd, long,
                    off)
{
	struct mm_region *r;
	int type = flags & MAP_TYPE;

	if (!len || len > MAX_MAP_LEN)
		return -EINVAL;
	if (type != MAP_SHARED && type != MAP_PRIVATE && type != MAP_SHARED_VALIDATE)
		return -EINVAL;
	len = mm_page_round(len);
	if (!(flags & MAP_ANONYMOUS) && !(flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)))
		return map_file(len, prot, flags, fd, off);
	if (!(flags & MAP_ANONYMOUS))
		return -EINVAL; /* a file over an existing mapping: not supported */
	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		if ((uintptr_t)addr & MM_PAGE_MASK)
			return -EINVAL;
		return map_fixed((uintptr_t)addr, len, prot, flags);
	}
	/* a hint without MAP_FIXED may be ignored, as Linux does when it must */
	r = mm_region_new(len / MM_PAGE_SIZE);
	if (!r)
		return -ENOMEM;
	if (prot != (MM_PROT_READ | MM_PROT_WRITE) && mm_region_protect(r, r->base, len, prot)) {
		mm_unmap_range(r->base, len);
		return -ENOMEM;
	}
	return (long)r->base;
}

UK_SYSCALL_R_DEFINE(int, munmap, void *, addr, size_t, len)
{
	if (((uintptr_t)addr & MM_PAGE_MASK) || !len)
		return -EINVAL;
	mm_unmap_range((uintptr_t)addr, mm_page_round(len));
	return 0;
}

UK_SYSCALL_R_DEFINE(int, mprotect, void *, addr, size_t, len, int, prot)
{
	struct mm_region *r;

	if ((uintptr_t)addr & MM_PAGE_MASK)
		return -EINVAL;
	if (!len)
		return 0;
	len = mm_page_round(len);
	r = mm_region_find((uintptr_t)addr);
	if (!r || !mm_region_covers(r, (uintptr_t)addr, len))
		return -ENOMEM;
	return mm_region_protect(r, (uintptr_t)addr, len, prot) ? -EACCES : 0;
}

UK_SYSCALL_R_DEFINE(int, madvise, void *, addr, size_t, len, int, advice)
{
	struct mm_region *r;

	if ((uintptr_t)addr & MM_PAGE_MASK)
		return -EINVAL;
	if (advice != MADV_DONTNEED || !len)
		return 0; /* advice only: nothing to do */
	/* Linux guarantees zeros on the next read of a private anonymous page */
	len = mm_page_round(len);
	r = mm_region_find((uintptr_t)addr);
	if (!r || !mm_region_covers(r, (uintptr_t)addr, len))
		return -ENOMEM;
	memset(addr, 0, len);
	return 0;
}

UK_SYSCALL_R_DEFINE(int, msync, void *, addr, size_t, len, int, flags)
{
	(void)len, (void)flags;
	return ((uintptr_t)addr & MM_PAGE_MASK) ? -EINVAL : 0;
}

UK_SYSCALL_R_DEFINE(int, mlock, const void *, addr, size_t, len)
{
	(void)addr, (void)len;
	return 0;
}

UK_SYSCALL_R_DEFINE(int, munlock, const void *, addr, size_t, len)
{
	(void)addr, (void)len;
	return 0;
}

UK_SYSCALL_R_DEFINE(int, mlockall, int, flags)
{
	(void)flags;
	return 0;
}

UK_SYSCALL_R_DEFINE(int, munlockall)
{
	return 0;
}
