/* SPDX-License-Identifier: BSD-3-Clause */
/* Syscall handlers: names (mkdir, unlink, rename, links, cwd, umask, chmod/chown, times) */
#include <errno.h>
#include <uk/syscall.h>
#include <uk/vfs.h>

#define CWD UK_AT_FDCWD

UK_SYSCALL_R_DEFINE(int, mkdir, const char *, path, unsigned int, mode)
{
	return uk_vfs_mkdirat(CWD, path, mode);
}

UK_SYSCALL_R_DEFINE(int, mkdirat, int, dirfd, const char *, path, unsigned int, mode)
{
	return uk_vfs_mkdirat(dirfd, path, mode);
}

UK_SYSCALL_R_DEFINE(int, mknodat, int, dirfd, const char *, path, unsigned int, mode, unsigned long,
                    dev)
{
	return uk_vfs_mknodat(dirfd, path, mode, dev);
}

UK_SYSCALL_R_DEFINE(int, rmdir, const char *, path)
{
	return uk_vfs_unlinkat(CWD, path, UK_AT_REMOVEDIR);
}

UK_SYSCALL_R_DEFINE(int, unlink, const char *, path)
{
	return uk_vfs_unlinkat(CWD, path, 0);
}

UK_SYSCALL_R_DEFINE(int, unlinkat, int, dirfd, const char *, path, int, flags)
{
	return uk_vfs_unlinkat(dirfd, path, flags);
}

UK_SYSCALL_R_DEFINE(int, rename, const char *, from, const char *, to)
{
	return uk_vfs_renameat(CWD, from, CWD, to);
}

UK_SYSCALL_R_DEFINE(int, renameat, int, ofd, const char *, from, int, nfd, const char *, to)
{
	return uk_vfs_renameat(ofd, from, nfd, to);
}

UK_SYSCALL_R_DEFINE(int, renameat2, int, ofd, const char *, from, int, nfd, const char *, to,
                    unsigned int, flags)
{
	/* RENAME_NOREPLACE/EXCHANGE/WHITEOUT are not supported */
	return flags ? -EINVAL : uk_vfs_renameat(ofd, from, nfd, to);
}

UK_SYSCALL_R_DEFINE(int, symlink, const char *, target, const char *, path)
{
	return uk_vfs_symlinkat(target, CWD, path);
}

UK_SYSCALL_R_DEFINE(int, symlinkat, const char *, target, int, dirfd, const char *, path)
{
	return uk_vfs_symlinkat(target, dirfd, path);
}

UK_SYSCALL_R_DEFINE(int, link, const char *, from, const char *, to)
{
	return uk_vfs_linkat(CWD, from, CWD, to, 0);
}

UK_SYSCALL_R_DEFINE(int, linkat, int, ofd, const char *, from, int, nfd, const char *, to, int,
                    flags)
{
	return uk_vfs_linkat(ofd, from, nfd, to, flags);
}

UK_SYSCALL_R_DEFINE(ssize_t, readlink, const char *, path, char *, buf, size_t, len)
{
	return buf ? uk_vfs_readlinkat(CWD, path, buf, len) : -EFAULT;
}

UK_SYSCALL_R_DEFINE(ssize_t, readlinkat, int, dirfd, const char *, path, char *, buf, size_t, len)
{
	return buf ? uk_vfs_readlinkat(dirfd, path, buf, len) : -EFAULT;
}

UK_SYSCALL_R_DEFINE(int, chdir, const char *, path)
{
	return uk_vfs_chdir(path);
}

UK_SYSCALL_R_DEFINE(int, fchdir, int, fd)
{
	return uk_vfs_fchdir(fd);
}

UK_SYSCALL_R_DEFINE(long, getcwd, char *, buf, size_t, len)
{
	return buf ? uk_vfs_getcwd(buf, len) : -EFAULT;
}

UK_SYSCALL_R_DEFINE(unsigned int, umask, unsigned int, mask)
{
	return uk_vfs_umask(mask);
}

UK_SYSCALL_R_DEFINE(int, chmod, const char *, path, unsigned int, mode)
{
	return uk_vfs_fchmodat(CWD, path, mode, 0);
}

UK_SYSCALL_R_DEFINE(int, fchmod, int, fd, unsigned int, mode)
{
	return uk_vfs_fchmod(fd, mode);
}

UK_SYSCALL_R_DEFINE(int, fchmodat, int, dirfd, const char *, path, unsigned int, mode)
{
	/* the raw syscall has no flags argument (musl handles AT_SYMLINK_NOFOLLOW) */
	return uk_vfs_fchmodat(dirfd, path, mode, 0);
}

UK_SYSCALL_R_DEFINE(int, chown, const char *, path, unsigned int, uid, unsigned int, gid)
{
	return uk_vfs_fchownat(CWD, path, uid, gid, 0);
}

UK_SYSCALL_R_DEFINE(int, lchown, const char *, path, unsigned int, uid, unsigned int, gid)
{
	return uk_vfs_fchownat(CWD, path, uid, gid, UK_AT_SYMLINK_NOFOLLOW);
}

UK_SYSCALL_R_DEFINE(int, fchown, int, fd, unsigned int, uid, unsigned int, gid)
{
	return uk_vfs_fchown(fd, uid, gid);
}

UK_SYSCALL_R_DEFINE(int, fchownat, int, dirfd, const char *, path, unsigned int, uid, unsigned int,
                    gid, int, flags)
{
	return uk_vfs_fchownat(dirfd, path, uid, gid, flags);
}

UK_SYSCALL_R_DEFINE(int, utimensat, int, dirfd, const char *, path, const struct uk_timespec *, ts,
                    int, flags)
{
	return uk_vfs_utimensat(dirfd, path, ts, flags);
}
