/* SPDX-License-Identifier: BSD-3-Clause */
/* open/openat/creat: resolve or create the file, then install a descriptor */
#include <errno.h>
#include "vfs_impl.h"

/* status flags kept in the open file description */
#define OPEN_KEPT_FLAGS                                                                            \
	(UK_O_ACCMODE | UK_O_APPEND | UK_O_NONBLOCK | UK_O_DSYNC | UK_O_DIRECT | UK_O_LARGEFILE |  \
	 UK_O_DIRECTORY | UK_O_NOFOLLOW | UK_O_NOATIME | UK_O_SYNC | UK_O_PATH)

static int create_file(int dirfd, const char *path, uint32_t mode, struct uk_vnode **out)
{
	struct vfs_parent p;
	int rc = vfs_lookup_parent(dirfd, path, &p);

	if (rc)
		return rc == -EINVAL || rc == -EBUSY ? -EISDIR : rc;
	if (p.trailing_slash)
		rc = -EISDIR;
	else if (!p.dir->ops->create)
		rc = -EROFS;
	else
		rc = p.dir->ops->create(p.dir, p.name, p.len,
		                        UK_S_IFREG | (mode & ~vfs_umask & UK_S_IPERM), out);
	if (rc == 0)
		uk_vnode_touch(p.dir, 0, 1, 1);
	uk_vnode_release(p.dir);
	return rc;
}

static int find_or_create(int dirfd, const char *path, int flags, uint32_t mode,
                          struct uk_vnode **out)
{
	int follow = (flags & (UK_O_NOFOLLOW | UK_O_EXCL)) ? 0 : VFS_FOLLOW;
	int rc = vfs_lookupat(dirfd, path, follow, out);

	if (!(flags & UK_O_CREAT))
		return rc;
	if (rc == 0 && (flags & UK_O_EXCL)) {
		uk_vnode_release(*out);
		return -EEXIST;
	}
	if (rc == -ENOENT)
		return create_file(dirfd, path, mode, out);
	return rc;
}

static int check_open(struct uk_vnode *vn, int flags)
{
	int acc = flags & UK_O_ACCMODE;

	if (acc == 3)
		return -EINVAL;
	if (UK_S_ISLNK(vn->mode))
		return -ELOOP; /* reached only with O_NOFOLLOW */
	if ((flags & UK_O_DIRECTORY) && !UK_S_ISDIR(vn->mode))
		return -ENOTDIR;
	if (UK_S_ISDIR(vn->mode) && (acc != UK_O_RDONLY || (flags & UK_O_TRUNC)))
		return -EISDIR;
	return 0;
}

int uk_vfs_openat(int dirfd, const char *path, int flags, uint32_t mode)
{
	struct uk_vnode *vn;
	struct uk_file *f;
	int rc;

	rc = find_or_create(dirfd, path, flags, mode, &vn);
	if (rc)
		return rc;
	rc = check_open(vn, flags);
	if (rc == 0 && (flags & UK_O_TRUNC) && UK_S_ISREG(vn->mode) &&
	    (flags & UK_O_ACCMODE) != UK_O_RDONLY && vn->size) {
		rc = vn->ops->truncate ? vn->ops->truncate(vn, 0) : -EINVAL;
		if (rc == 0)
			uk_vnode_touch(vn, 0, 1, 1);
	}
	if (rc) {
		uk_vnode_release(vn);
		return rc;
	}
	f = uk_file_alloc(vn, (unsigned int)flags & OPEN_KEPT_FLAGS);
	uk_vnode_release(vn);
	if (!f)
		return -ENOMEM;
	rc = vn->ops->open ? vn->ops->open(vn, f) : 0;
	if (rc == 0)
		rc = uk_fdtab_install(f, 0, flags & UK_O_CLOEXEC);
	uk_file_release(f);
	return rc;
}
