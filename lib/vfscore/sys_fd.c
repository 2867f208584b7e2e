/* SPDX-License-Identifier: BSD-3-Clause */
/* Syscall handlers: descriptors (open, close, dup family, fcntl, ioctl, pipes, eventfd) */
#include <errno.h>
#include <uk/syscall.h>
#include <uk/vfs.h>

UK_SYSCALL_R_DEFINE(int, open, const char *, path, int, flags, unsigned int, mode)
{
	return uk_vfs_openat(UK_AT_FDCWD, path, flags, mode);
}

UK_SYSCALL_R_DEFINE(int, openat, int, dirfd, const char *, path, int, flags, unsigned int, mode)
{
	return uk_vfs_openat(dirfd, path, flags, mode);
}

UK_SYSCALL_R_DEFINE(int, creat, const char *, path, unsigned int, mode)
{
	return uk_vfs_openat(UK_AT_FDCWD, path, UK_O_WRONLY | UK_O_CREAT | UK_O_TRUNC, mode);
}

UK_SYSCALL_R_DEFINE(int, close, int, fd)
{
	return uk_vfs_close(fd);
}

UK_SYSCALL_R_DEFINE(int, dup, int, fd)
{
	return uk_vfs_dup(fd);
}

UK_SYSCALL_R_DEFINE(int, dup2, int, fd, int, newfd)
{
	/* dup2(fd, fd) is a validity check where dup3 would fail */
	if (fd == newfd) {
		struct uk_file *f = uk_fdtab_get(fd);

		if (!f)
			return -EBADF;
		uk_file_release(f);
		return fd;
	}
	return uk_vfs_dup3(fd, newfd, 0);
}

UK_SYSCALL_R_DEFINE(int, dup3, int, fd, int, newfd, int, flags)
{
	return uk_vfs_dup3(fd, newfd, flags);
}

UK_SYSCALL_R_DEFINE(int, fcntl, int, fd, int, cmd, unsigned long, arg)
{
	return uk_vfs_fcntl(fd, cmd, arg);
}

UK_SYSCALL_R_DEFINE(int, ioctl, int, fd, unsigned long, cmd, void *, arg)
{
	return uk_vfs_ioctl(fd, cmd, arg);
}

UK_SYSCALL_R_DEFINE(int, pipe, int *, fds)
{
	return uk_vfs_pipe2(fds, 0);
}

UK_SYSCALL_R_DEFINE(int, pipe2, int *, fds, int, flags)
{
	return uk_vfs_pipe2(fds, flags);
}

UK_SYSCALL_R_DEFINE(int, eventfd, unsigned int, initval)
{
	return uk_vfs_eventfd(initval, 0);
}

UK_SYSCALL_R_DEFINE(int, eventfd2, unsigned int, initval, int, flags)
{
	return uk_vfs_eventfd(initval, flags);
}
