/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The file-descriptor table: one per image (a unikernel is one process).
 * A slot holds a reference to an open file description; dup'ed slots share
 * it, and with it the offset and status flags. FD_CLOEXEC is per slot.
 */
#include <errno.h>
#include "vfs_impl.h"

static struct uk_file *fdtab[UK_VFS_FD_MAX];
static unsigned char fd_cloexec[UK_VFS_FD_MAX];

int uk_fdtab_install(struct uk_file *f, int minfd, int cloexec)
{
	if (minfd < 0 || minfd >= UK_VFS_FD_MAX)
		return -EINVAL;
	for (int fd = minfd; fd < UK_VFS_FD_MAX; fd++) {
		if (fdtab[fd])
			continue;
		f->refs++;
		fdtab[fd] = f;
		fd_cloexec[fd] = cloexec ? 1 : 0;
		return fd;
	}
	return -EMFILE;
}

struct uk_file *uk_fdtab_get(int fd)
{
	struct uk_file *f;

	if (fd < 0 || fd >= UK_VFS_FD_MAX || !(f = fdtab[fd]))
		return NULL;
	f->refs++;
	return f;
}

int uk_fdtab_count(void)
{
	int n = 0;

	for (int fd = 0; fd < UK_VFS_FD_MAX; fd++)
		n += fdtab[fd] != NULL;
	return n;
}

int uk_vfs_close(int fd)
{
	struct uk_file *f;

	if (fd < 0 || fd >= UK_VFS_FD_MAX || !(f = fdtab[fd]))
		return -EBADF;
	fdtab[fd] = NULL;
	uk_file_release(f);
	return 0;
}

int uk_vfs_dup(int fd)
{
	struct uk_file *f = uk_fdtab_get(fd);
	int rc;

	if (!f)
		return -EBADF;
	rc = uk_fdtab_install(f, 0, 0);
	uk_file_release(f);
	return rc;
}

int uk_vfs_dup3(int fd, int newfd, int flags)
{
	struct uk_file *f, *old;

	if (flags & ~UK_O_CLOEXEC)
		return -EINVAL;
	if (newfd < 0 || newfd >= UK_VFS_FD_MAX)
		return -EBADF;
	f = uk_fdtab_get(fd);
	if (!f)
		return -EBADF;
	if (fd == newfd) {
		uk_file_release(f);
		return -EINVAL;
	}
	/* the reference taken by get moves into the slot */
	old = fdtab[newfd];
	fdtab[newfd] = f;
	fd_cloexec[newfd] = (flags & UK_O_CLOEXEC) ? 1 : 0;
	uk_file_release(old);
	return newfd;
}

static int fcntl_setfl(struct uk_file *f, unsigned long arg)
{
	/* only these status flags can change after open, as on Linux */
	const unsigned int changeable = UK_O_APPEND | UK_O_NONBLOCK | UK_O_NOATIME | UK_O_DIRECT;

	f->flags = (f->flags & ~changeable) | ((unsigned int)arg & changeable);
	return 0;
}

int uk_vfs_fcntl(int fd, int cmd, unsigned long arg)
{
	struct uk_file *f = uk_fdtab_get(fd);
	int rc;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case UK_F_DUPFD:
	case UK_F_DUPFD_CLOEXEC:
		rc = arg >= UK_VFS_FD_MAX
		         ? -EINVAL
		         : uk_fdtab_install(f, (int)arg, cmd == UK_F_DUPFD_CLOEXEC);
		break;
	case UK_F_GETFD:
		rc = fd_cloexec[fd] ? UK_FD_CLOEXEC : 0;
		break;
	case UK_F_SETFD:
		fd_cloexec[fd] = (arg & UK_FD_CLOEXEC) ? 1 : 0;
		rc = 0;
		break;
	case UK_F_GETFL:
		rc = (int)f->flags;
		break;
	case UK_F_SETFL:
		rc = fcntl_setfl(f, arg);
		break;
	case UK_F_GETLK:
	case UK_F_SETLK:
	case UK_F_SETLKW:
		/* one process: no other owner can conflict, so every lock is granted */
		rc = 0;
		break;
	default:
		rc = -EINVAL;
	}
	uk_file_release(f);
	return rc;
}

void vfs_fdtab_reset(void)
{
	for (int fd = 0; fd < UK_VFS_FD_MAX; fd++)
		uk_vfs_close(fd);
}
