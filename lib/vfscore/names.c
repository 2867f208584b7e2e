/* SPDX-License-Identifier: BSD-3-Clause */
/* Operations on names: mkdir, mknod, unlink/rmdir, symlink, link, rename, readlink */
#include <errno.h>
#include <string.h>
#include "vfs_impl.h"

static int make_node(int dirfd, const char *path, uint32_t mode)
{
	struct vfs_parent p;
	struct uk_vnode *vn = NULL;
	int rc = vfs_lookup_parent(dirfd, path, &p);

	if (rc)
		return rc == -EINVAL || rc == -EBUSY ? -EEXIST : rc;
	if (p.trailing_slash && !UK_S_ISDIR(mode))
		rc = -ENOENT;
	else if (!p.dir->ops->create)
		rc = -EPERM;
	else
		rc = p.dir->ops->create(p.dir, p.name, p.len, mode, &vn);
	if (rc == 0) {
		uk_vnode_touch(p.dir, 0, 1, 1);
		uk_vnode_release(vn);
	}
	uk_vnode_release(p.dir);
	return rc;
}

int uk_vfs_mkdirat(int dirfd, const char *path, uint32_t mode)
{
	return make_node(dirfd, path, UK_S_IFDIR | (mode & ~vfs_umask & UK_S_IPERM));
}

int uk_vfs_mknodat(int dirfd, const char *path, uint32_t mode, uint64_t dev)
{
	uint32_t type = mode & UK_S_IFMT;

	(void)dev; /* device numbers mean nothing here: only nodes without devices */
	if (type == 0)
		type = UK_S_IFREG;
	if (type != UK_S_IFREG && type != UK_S_IFIFO)
		return -EPERM;
	return make_node(dirfd, path, type | (mode & ~vfs_umask & UK_S_IPERM));
}

int uk_vfs_unlinkat(int dirfd, const char *path, int flags)
{
	struct vfs_parent p;
	int rmdir = (flags & UK_AT_REMOVEDIR) != 0;
	int rc;

	if (flags & ~UK_AT_REMOVEDIR)
		return -EINVAL;
	rc = vfs_lookup_parent(dirfd, path, &p);
	if (rc)
		return rc;
	if (p.trailing_slash && !rmdir)
		rc = -EISDIR; /* unlink("dir/") names a directory at best */
	else if (!p.dir->ops->unlink)
		rc = -EPERM;
	else
		rc = p.dir->ops->unlink(p.dir, p.name, p.len, rmdir);
	if (rc == 0)
		uk_vnode_touch(p.dir, 0, 1, 1);
	uk_vnode_release(p.dir);
	return rc;
}

int uk_vfs_symlinkat(const char *target, int dirfd, const char *path)
{
	struct vfs_parent p;
	int rc = vfs_check_path(target);

	if (rc)
		return rc;
	rc = vfs_lookup_parent(dirfd, path, &p);
	if (rc)
		return rc == -EINVAL || rc == -EBUSY ? -EEXIST : rc;
	if (!p.dir->ops->symlink)
		rc = -EPERM;
	else
		rc = p.dir->ops->symlink(p.dir, p.name, p.len, target);
	if (rc == 0)
		uk_vnode_touch(p.dir, 0, 1, 1);
	uk_vnode_release(p.dir);
	return rc;
}

int uk_vfs_linkat(int odirfd, const char *opath, int ndirfd, const char *npath, int flags)
{
	struct uk_vnode *vn;
	struct vfs_parent p;
	int rc;

	if (flags & ~UK_AT_SYMLINK_FOLLOW)
		return -EINVAL;
	rc = vfs_lookupat(odirfd, opath, (flags & UK_AT_SYMLINK_FOLLOW) ? VFS_FOLLOW : 0, &vn);
	if (rc)
		return rc;
	rc = vfs_lookup_parent(ndirfd, npath, &p);
	if (rc) {
		uk_vnode_release(vn);
		return rc == -EINVAL || rc == -EBUSY ? -EEXIST : rc;
	}
	if (UK_S_ISDIR(vn->mode))
		rc = -EPERM;
	else if (vn->mnt != p.dir->mnt)
		rc = -EXDEV;
	else if (!p.dir->ops->link)
		rc = -EPERM;
	else
		rc = p.dir->ops->link(p.dir, p.name, p.len, vn);
	if (rc == 0)
		uk_vnode_touch(vn, 0, 0, 1);
	uk_vnode_release(p.dir);
	uk_vnode_release(vn);
	return rc;
}

int uk_vfs_renameat(int odirfd, const char *opath, int ndirfd, const char *npath)
{
	struct vfs_parent o, n;
	int rc = vfs_lookup_parent(odirfd, opath, &o);

	if (rc)
		return rc == -EINVAL ? -EBUSY : rc;
	rc = vfs_lookup_parent(ndirfd, npath, &n);
	if (rc) {
		uk_vnode_release(o.dir);
		return rc == -EINVAL ? -EBUSY : rc;
	}
	if (o.dir->mnt != n.dir->mnt)
		rc = -EXDEV;
	else if (!o.dir->ops->rename)
		rc = -EPERM;
	else
		rc = o.dir->ops->rename(o.dir, o.name, o.len, n.dir, n.name, n.len);
	if (rc == 0) {
		uk_vnode_touch(o.dir, 0, 1, 1);
		uk_vnode_touch(n.dir, 0, 1, 1);
	}
	uk_vnode_release(o.dir);
	uk_vnode_release(n.dir);
	return rc;
}

ssize_t uk_vfs_readlinkat(int dirfd, const char *path, char *buf, size_t len)
{
	struct uk_vnode *vn;
	ssize_t rc;

	if ((ssize_t)len <= 0)
		return -EINVAL;
	rc = vfs_lookupat(dirfd, path, 0, &vn);
	if (rc)
		return rc;
	if (!UK_S_ISLNK(vn->mode) || !vn->ops->readlink)
		rc = -EINVAL;
	else
		rc = vn->ops->readlink(vn, buf, len);
	uk_vnode_release(vn);
	return rc;
}
