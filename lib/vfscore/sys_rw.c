/* SPDX-License-Identifier: BSD-3-Clause */
/* Syscall handlers: data (read/write family, lseek, sendfile, sync, truncate, getdents64) */
#include <errno.h>
#include <uk/syscall.h>
#include <uk/vfs.h>

UK_SYSCALL_R_DEFINE(ssize_t, read, int, fd, void *, buf, size_t, len)
{
	return (!buf && len) ? -EFAULT : uk_vfs_read(fd, buf, len);
}

UK_SYSCALL_R_DEFINE(ssize_t, write, int, fd, const void *, buf, size_t, len)
{
	return (!buf && len) ? -EFAULT : uk_vfs_write(fd, buf, len);
}

UK_SYSCALL_R_DEFINE(ssize_t, pread64, int, fd, void *, buf, size_t, len, long, off)
{
	return (!buf && len) ? -EFAULT : uk_vfs_pread(fd, buf, len, off);
}

UK_SYSCALL_R_DEFINE(ssize_t, pwrite64, int, fd, const void *, buf, size_t, len, long, off)
{
	return (!buf && len) ? -EFAULT : uk_vfs_pwrite(fd, buf, len, off);
}

UK_SYSCALL_R_DEFINE(ssize_t, readv, int, fd, const struct uk_iovec *, iov, int, cnt)
{
	return uk_vfs_readv(fd, iov, cnt);
}

UK_SYSCALL_R_DEFINE(ssize_t, writev, int, fd, const struct uk_iovec *, iov, int, cnt)
{
	return uk_vfs_writev(fd, iov, cnt);
}

UK_SYSCALL_R_DEFINE(long, lseek, int, fd, long, off, int, whence)
{
	return uk_vfs_lseek(fd, off, whence);
}

UK_SYSCALL_R_DEFINE(ssize_t, sendfile, int, out, int, in, long *, off, size_t, count)
{
	int64_t pos;
	ssize_t rc;

	if (!off)
		return uk_vfs_sendfile(out, in, NULL, count);
	pos = *off;
	rc = uk_vfs_sendfile(out, in, &pos, count);
	*off = pos;
	return rc;
}

UK_SYSCALL_R_DEFINE(int, fsync, int, fd)
{
	return uk_vfs_fsync(fd);
}

UK_SYSCALL_R_DEFINE(int, fdatasync, int, fd)
{
	return uk_vfs_fsync(fd);
}

UK_SYSCALL_R_DEFINE(int, truncate, const char *, path, long, len)
{
	return uk_vfs_truncate(path, len);
}

UK_SYSCALL_R_DEFINE(int, ftruncate, int, fd, long, len)
{
	return uk_vfs_ftruncate(fd, len);
}

UK_SYSCALL_R_DEFINE(ssize_t, getdents64, int, fd, void *, buf, size_t, len)
{
	return uk_vfs_getdents64(fd, buf, len);
}
