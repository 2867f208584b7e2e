/* SPDX-License-Identifier: BSD-3-Clause */
/* Attributes: stat family, statx, access, chmod/chown (recorded), utimensat */
#include <errno.h>
#include <string.h>
#include "vfs_impl.h"

#define VFS_BLKSIZE 4096

/* the vnode of an *at() call, honouring AT_EMPTY_PATH and AT_SYMLINK_NOFOLLOW */
static int attr_target(int dirfd, const char *path, int flags, struct uk_vnode **out)
{
	int follow = (flags & UK_AT_SYMLINK_NOFOLLOW) ? 0 : VFS_FOLLOW;

	if ((flags & UK_AT_EMPTY_PATH) && path && !path[0])
		return vfs_start_dir(dirfd, NULL, out);
	return vfs_lookupat(dirfd, path, follow, out);
}

void vfs_fill_stat(const struct uk_vnode *vn, struct uk_stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = vn->mnt ? (uint64_t)(uintptr_t)vn->mnt % 65521 : 0;
	st->st_ino = vn->ino;
	st->st_nlink = vn->nlink;
	st->st_mode = vn->mode;
	st->st_uid = vn->uid;
	st->st_gid = vn->gid;
	st->st_rdev = vn->rdev;
	st->st_size = vn->size;
	st->st_blksize = VFS_BLKSIZE;
	st->st_blocks = (vn->size + 511) / 512;
	st->st_atim = vn->atime;
	st->st_mtim = vn->mtime;
	st->st_ctim = vn->ctime;
}

int uk_vfs_fstatat(int dirfd, const char *path, struct uk_stat *st, int flags)
{
	struct uk_vnode *vn;
	int rc;

	if (flags & ~(UK_AT_SYMLINK_NOFOLLOW | UK_AT_EMPTY_PATH | UK_AT_NO_AUTOMOUNT))
		return -EINVAL;
	if (!st)
		return -EFAULT;
	rc = attr_target(dirfd, path, flags, &vn);
	if (rc)
		return rc;
	vfs_fill_stat(vn, st);
	uk_vnode_release(vn);
	return 0;
}

int uk_vfs_fstat(int fd, struct uk_stat *st)
{
	return uk_vfs_fstatat(fd, "", st, UK_AT_EMPTY_PATH);
}

static struct uk_statx_timestamp stx_time(struct uk_timespec ts)
{
	struct uk_statx_timestamp t = {ts.tv_sec, (uint32_t)ts.tv_nsec, 0};

	return t;
}

int uk_vfs_statx(int dirfd, const char *path, int flags, unsigned int mask, struct uk_statx *stx)
{
	struct uk_stat st;
	int rc;

	(void)mask; /* every basic field is cheap: always filled, as the mask allows */
	/* statx's sync flags (0x6000) only matter for network file systems */
	rc = uk_vfs_fstatat(dirfd, path, &st, flags & ~0x6000);
	if (rc)
		return rc;
	if (!stx)
		return -EFAULT;
	memset(stx, 0, sizeof(*stx));
	stx->stx_mask = UK_STATX_BASIC_STATS;
	stx->stx_blksize = (uint32_t)st.st_blksize;
	stx->stx_nlink = (uint32_t)st.st_nlink;
	stx->stx_uid = st.st_uid;
	stx->stx_gid = st.st_gid;
	stx->stx_mode = (uint16_t)st.st_mode;
	stx->stx_ino = st.st_ino;
	stx->stx_size = (uint64_t)st.st_size;
	stx->stx_blocks = (uint64_t)st.st_blocks;
	stx->stx_atime = stx_time(st.st_atim);
	stx->stx_mtime = stx_time(st.st_mtim);
	stx->stx_ctime = stx_time(st.st_ctim);
	stx->stx_rdev_major = (uint32_t)(st.st_rdev >> 8);
	stx->stx_rdev_minor = (uint32_t)(st.st_rdev & 0xff);
	stx->stx_dev_minor = (uint32_t)st.st_dev;
	return 0;
}

int uk_vfs_faccessat(int dirfd, const char *path, int mode, int flags)
{
	struct uk_vnode *vn;
	int rc;

	if (mode & ~(UK_R_OK | UK_W_OK | UK_X_OK))
		return -EINVAL;
	if (flags & ~(UK_AT_EACCESS | UK_AT_SYMLINK_NOFOLLOW | UK_AT_EMPTY_PATH))
		return -EINVAL;
	rc = attr_target(dirfd, path, flags, &vn);
	if (rc)
		return rc;
	/* the application runs as root: only execution needs some x bit */
	if ((mode & UK_X_OK) && !UK_S_ISDIR(vn->mode) && !(vn->mode & 0111))
		rc = -EACCES;
	uk_vnode_release(vn);
	return rc;
}

int uk_vfs_fchmodat(int dirfd, const char *path, uint32_t mode, int flags)
{
	struct uk_vnode *vn;
	int rc;

	if (flags & ~(UK_AT_SYMLINK_NOFOLLOW | UK_AT_EMPTY_PATH))
		return -EINVAL;
	rc = attr_target(dirfd, path, flags, &vn);
	if (rc)
		return rc;
	if (UK_S_ISLNK(vn->mode))
		rc = -EOPNOTSUPP;
	else
		vn->mode = (vn->mode & UK_S_IFMT) | (mode & UK_S_IPERM);
	if (rc == 0)
		uk_vnode_touch(vn, 0, 0, 1);
	uk_vnode_release(vn);
	return rc;
}

int uk_vfs_fchmod(int fd, uint32_t mode)
{
	return uk_vfs_fchmodat(fd, "", mode, UK_AT_EMPTY_PATH);
}

int uk_vfs_fchownat(int dirfd, const char *path, uint32_t uid, uint32_t gid, int flags)
{
	struct uk_vnode *vn;
	int rc;

	if (flags & ~(UK_AT_SYMLINK_NOFOLLOW | UK_AT_EMPTY_PATH))
		return -EINVAL;
	rc = attr_target(dirfd, path, flags, &vn);
	if (rc)
		return rc;
	/* -1 leaves the id as it is; the ids are only recorded (no access control) */
	if (uid != (uint32_t)-1)
		vn->uid = uid;
	if (gid != (uint32_t)-1)
		vn->gid = gid;
	uk_vnode_touch(vn, 0, 0, 1);
	uk_vnode_release(vn);
	return 0;
}

int uk_vfs_fchown(int fd, uint32_t uid, uint32_t gid)
{
	return uk_vfs_fchownat(fd, "", uid, gid, UK_AT_EMPTY_PATH);
}

static int set_time(struct uk_timespec *dst, const struct uk_timespec *src)
{
	if (!src || src->tv_nsec == UK_UTIME_NOW) {
		struct uk_vnode tmp;

		uk_vnode_touch(&tmp, 1, 0, 0);
		*dst = tmp.atime;
		return 0;
	}
	if (src->tv_nsec == UK_UTIME_OMIT)
		return 0;
	if (src->tv_nsec < 0 || src->tv_nsec > 999999999)
		return -EINVAL;
	*dst = *src;
	return 0;
}

int uk_vfs_utimensat(int dirfd, const char *path, const struct uk_timespec ts[2], int flags)
{
	struct uk_vnode *vn;
	struct uk_timespec a, m;
	int rc;

	if (flags & ~(UK_AT_SYMLINK_NOFOLLOW | UK_AT_EMPTY_PATH))
		return -EINVAL;
	/* utimensat(fd, NULL, ...) is futimens */
	rc = path ? attr_target(dirfd, path, flags, &vn) : vfs_start_dir(dirfd, NULL, &vn);
	if (rc)
		return rc;
	a = vn->atime;
	m = vn->mtime;
	rc = set_time(&a, ts ? &ts[0] : NULL);
	if (rc == 0)
		rc = set_time(&m, ts ? &ts[1] : NULL);
	if (rc == 0) {
		vn->atime = a;
		vn->mtime = m;
		uk_vnode_touch(vn, 0, 0, 1);
	}
	uk_vnode_release(vn);
	return rc;
}
