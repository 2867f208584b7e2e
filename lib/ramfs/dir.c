/* SPDX-License-Identifier: BSD-3-Clause */
/* ramfs directory operations */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include "ramfs.h"

static struct ramfs_node *node(struct uk_vnode *vn)
{
	return vn->priv;
}

int ramfs_lookup(struct uk_vnode *dir, const char *name, size_t len, struct uk_vnode **out)
{
	struct ramfs_dirent *de;

	if (len == 2 && name[0] == '.' && name[1] == '.') {
		/* the root is its own parent; a removed directory has none */
		*out = dir == dir->mnt->root ? dir : node(dir)->parent;
		if (!*out)
			return -ENOENT;
		uk_vnode_hold(*out);
		return 0;
	}
	de = ramfs_dir_find(dir, name, len);
	if (!de)
		return -ENOENT;
	uk_vnode_hold(de->vn);
	*out = de->vn;
	return 0;
}

/* a removed directory accepts no new names */
static int dir_alive(struct uk_vnode *dir)
{
	return dir == dir->mnt->root || node(dir)->parent;
}

static int new_node(struct uk_vnode *dir, const char *name, size_t len, uint32_t mode,
                    struct uk_vnode **out)
{
	struct uk_vnode *vn;
	int rc;

	if (!dir_alive(dir))
		return -ENOENT;
	if (ramfs_dir_find(dir, name, len))
		return -EEXIST;
	vn = ramfs_node_alloc(dir->mnt, mode);
	if (!vn)
		return -ENOSPC;
	rc = ramfs_dir_add(dir, name, len, vn);
	if (rc) {
		uk_vnode_release(vn);
		return rc;
	}
	if (UK_S_ISDIR(mode)) {
		node(vn)->parent = dir;
		dir->nlink++;
	}
	*out = vn; /* the allocation's reference goes to the caller */
	return 0;
}

int ramfs_create(struct uk_vnode *dir, const char *name, size_t len, uint32_t mode,
                 struct uk_vnode **out)
{
	uint32_t t = mode & UK_S_IFMT;

	if (t != UK_S_IFREG && t != UK_S_IFDIR && t != UK_S_IFIFO)
		return -EPERM;
	return new_node(dir, name, len, mode, out);
}

int ramfs_symlink(struct uk_vnode *dir, const char *name, size_t len, const char *target)
{
	size_t tlen = strlen(target);
	char *copy = uk_malloc(uk_alloc_get_default(), tlen + 1);
	struct uk_vnode *vn;
	int rc;

	if (!copy)
		return -ENOSPC;
	memcpy(copy, target, tlen + 1);
	rc = new_node(dir, name, len, UK_S_IFLNK | 0777, &vn);
	if (rc) {
		uk_free(uk_alloc_get_default(), copy);
		return rc;
	}
	node(vn)->target = copy;
	vn->size = (int64_t)tlen;
	uk_vnode_release(vn);
	return 0;
}

int ramfs_link(struct uk_vnode *dir, const char *name, size_t len, struct uk_vnode *vn)
{
	int rc;

	if (!dir_alive(dir))
		return -ENOENT;
	if (ramfs_dir_find(dir, name, len))
		return -EEXIST;
	if (!vn->nlink)
		return -ENOENT; /* linking an unlinked-but-open file back is not allowed */
	rc = ramfs_dir_add(dir, name, len, vn);
	if (rc == 0)
		vn->nlink++;
	return rc;
}

/* what removing `vn` from its directory requires */
static int may_remove(struct uk_vnode *vn, int rmdir)
{
	if (!rmdir)
		return UK_S_ISDIR(vn->mode) ? -EISDIR : 0;
	if (!UK_S_ISDIR(vn->mode))
		return -ENOTDIR;
	if (vn->covered)
		return -EBUSY;
	return node(vn)->nents ? -ENOTEMPTY : 0;
}

static void drop_name(struct uk_vnode *dir, struct ramfs_dirent *de)
{
	struct uk_vnode *vn = de->vn;

	if (UK_S_ISDIR(vn->mode)) {
		vn->nlink = 0;
		dir->nlink--;
	} else {
		vn->nlink--;
	}
	uk_vnode_touch(vn, 0, 0, 1);
	ramfs_dir_remove(dir, de);
}

int ramfs_unlink(struct uk_vnode *dir, const char *name, size_t len, int rmdir)
{
	struct ramfs_dirent *de = ramfs_dir_find(dir, name, len);
	int rc;

	if (!de)
		return -ENOENT;
	rc = may_remove(de->vn, rmdir);
	if (rc)
		return rc;
	drop_name(dir, de);
	return 0;
}
