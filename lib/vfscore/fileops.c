/* SPDX-License-Identifier: BSD-3-Clause */
/* truncate/ftruncate, fsync, ioctl and getdents64 */
#include <errno.h>
#include <string.h>
#include "vfs_impl.h"

static int do_truncate(struct uk_vnode *vn, int64_t len)
{
	int rc;

	if (len < 0)
		return -EINVAL;
	if (UK_S_ISDIR(vn->mode))
		return -EISDIR;
	if (!UK_S_ISREG(vn->mode) || !vn->ops->truncate)
		return -EINVAL;
	rc = vn->ops->truncate(vn, len);
	if (rc == 0)
		uk_vnode_touch(vn, 0, 1, 1);
	return rc;
}

int uk_vfs_truncate(const char *path, int64_t len)
{
	struct uk_vnode *vn;
	int rc = vfs_lookupat(UK_AT_FDCWD, path, VFS_FOLLOW, &vn);

	if (rc)
		return rc;
	rc = do_truncate(vn, len);
	uk_vnode_release(vn);
	return rc;
}

int uk_vfs_ftruncate(int fd, int64_t len)
{
	struct uk_file *f = uk_fdtab_get(fd);
	int rc;

	if (!f)
		return -EBADF;
	if ((f->flags & UK_O_ACCMODE) == UK_O_RDONLY)
		rc = -EINVAL;
	else
		rc = do_truncate(f->vn, len);
	uk_file_release(f);
	return rc;
}

int uk_vfs_fsync(int fd)
{
	struct uk_file *f = uk_fdtab_get(fd);

	if (!f)
		return -EBADF;
	/* every file system here lives in memory: nothing is ever pending */
	uk_file_release(f);
	return 0;
}

static int generic_ioctl(struct uk_file *f, unsigned long cmd, void *arg)
{
	switch (cmd) {
	case UK_FIONBIO:
		if (!arg)
			return -EFAULT;
		if (*(int *)arg)
			f->flags |= UK_O_NONBLOCK;
		else
			f->flags &= ~UK_O_NONBLOCK;
		return 0;
	case UK_FIONREAD:
		if (!arg)
			return -EFAULT;
		if (!UK_S_ISREG(f->vn->mode))
			return -ENOTTY;
		*(int *)arg = f->off < f->vn->size ? (int)(f->vn->size - f->off) : 0;
		return 0;
	default:
		return -ENOTTY;
	}
}

int uk_vfs_ioctl(int fd, unsigned long cmd, void *arg)
{
	struct uk_file *f = uk_fdtab_get(fd);
	int rc = -ENOTTY;

	if (!f)
		return -EBADF;
	/* the node answers first (console, pipes); what it leaves is generic */
	if (f->vn->ops->ioctl)
		rc = f->vn->ops->ioctl(f->vn, f, cmd, arg);
	if (rc == -ENOTTY)
		rc = generic_ioctl(f, cmd, arg);
	uk_file_release(f);
	return rc;
}

/* appends one record; 0 when it does not fit */
static size_t put_dirent(char *buf, size_t room, const struct uk_vfs_dirent *d, uint64_t next)
{
	size_t nlen = strlen(d->name);
	size_t reclen = (offsetof(struct uk_dirent64, d_name) + nlen + 1 + 7) & ~(size_t)7;
	struct uk_dirent64 *de = (struct uk_dirent64 *)buf;

	if (reclen > room)
		return 0;
	memset(de, 0, reclen);
	de->d_ino = d->ino;
	de->d_off = (int64_t)next;
	de->d_reclen = (uint16_t)reclen;
	de->d_type = d->type;
	memcpy(de->d_name, d->name, nlen);
	return reclen;
}

static ssize_t fill_dents(struct uk_file *f, char *buf, size_t len)
{
	struct uk_vfs_dirent d;
	size_t used = 0;

	for (;;) {
		uint64_t cookie = f->dircookie;
		int rc = f->vn->ops->readdir(f->vn, &cookie, &d);
		size_t n;

		if (rc < 0)
			return used ? (ssize_t)used : rc;
		if (rc == 0)
			break;
		n = put_dirent(buf + used, len - used, &d, cookie);
		if (!n)
			return used ? (ssize_t)used : -EINVAL; /* buffer too small */
		used += n;
		f->dircookie = cookie;
	}
	return (ssize_t)used;
}

ssize_t uk_vfs_getdents64(int fd, void *buf, size_t len)
{
	struct uk_file *f = uk_fdtab_get(fd);
	ssize_t rc;

	if (!f)
		return -EBADF;
	if (!UK_S_ISDIR(f->vn->mode) || !f->vn->ops->readdir)
		rc = -ENOTDIR;
	else if (!buf)
		rc = -EFAULT;
	else
		rc = fill_dents(f, buf, len);
	if (rc > 0)
		uk_vnode_touch(f->vn, 1, 0, 0);
	uk_file_release(f);
	return rc;
}
