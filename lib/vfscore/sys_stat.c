/* SPDX-License-Identifier: BSD-3-Clause */
/* Syscall handlers: stat family, statx, access */
#include <errno.h>
#include <uk/syscall.h>
#include <uk/vfs.h>

#define CWD UK_AT_FDCWD

UK_SYSCALL_R_DEFINE(int, stat, const char *, path, struct uk_stat *, st)
{
	return uk_vfs_fstatat(CWD, path, st, 0);
}

UK_SYSCALL_R_DEFINE(int, lstat, const char *, path, struct uk_stat *, st)
{
	return uk_vfs_fstatat(CWD, path, st, UK_AT_SYMLINK_NOFOLLOW);
}

UK_SYSCALL_R_DEFINE(int, fstat, int, fd, struct uk_stat *, st)
{
	return uk_vfs_fstat(fd, st);
}

UK_SYSCALL_R_DEFINE(int, newfstatat, int, dirfd, const char *, path, struct uk_stat *, st, int,
                    flags)
{
	return uk_vfs_fstatat(dirfd, path, st, flags);
}

UK_SYSCALL_R_DEFINE(int, statx, int, dirfd, const char *, path, int, flags, unsigned int, mask,
                    struct uk_statx *, stx)
{
	return uk_vfs_statx(dirfd, path, flags, mask, stx);
}

UK_SYSCALL_R_DEFINE(int, access, const char *, path, int, mode)
{
	return uk_vfs_faccessat(CWD, path, mode, 0);
}

UK_SYSCALL_R_DEFINE(int, faccessat, int, dirfd, const char *, path, int, mode)
{
	return uk_vfs_faccessat(dirfd, path, mode, 0);
}

UK_SYSCALL_R_DEFINE(int, faccessat2, int, dirfd, const char *, path, int, mode, int, flags)
{
	return uk_vfs_faccessat(dirfd, path, mode, flags);
}
