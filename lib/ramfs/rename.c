/* SPDX-License-Identifier: BSD-3-Clause */
/* ramfs rename: replaces an existing target atomically (nothing here can interleave) */
#include <errno.h>
#include "ramfs.h"

/* is `dir` the directory `vn` or below it? */
static int inside(struct uk_vnode *dir, struct uk_vnode *vn)
{
	for (struct uk_vnode *d = dir; d; d = ((struct ramfs_node *)d->priv)->parent)
		if (d == vn)
			return 1;
	return 0;
}

static int check_target(struct uk_vnode *src, struct uk_vnode *dst)
{
	if (UK_S_ISDIR(src->mode) && !UK_S_ISDIR(dst->mode))
		return -ENOTDIR;
	if (!UK_S_ISDIR(src->mode) && UK_S_ISDIR(dst->mode))
		return -EISDIR;
	if (dst->covered)
		return -EBUSY;
	if (UK_S_ISDIR(dst->mode) && ((struct ramfs_node *)dst->priv)->nents)
		return -ENOTEMPTY;
	return 0;
}

int ramfs_rename(struct uk_vnode *odir, const char *oname, size_t olen, struct uk_vnode *ndir,
                 const char *nname, size_t nlen)
{
	struct ramfs_dirent *src = ramfs_dir_find(odir, oname, olen), *dst;
	struct uk_vnode *vn;
	int rc;

	if (!src)
		return -ENOENT;
	vn = src->vn;
	if (vn->covered)
		return -EBUSY;
	if (UK_S_ISDIR(vn->mode) && inside(ndir, vn))
		return -EINVAL;
	dst = ramfs_dir_find(ndir, nname, nlen);
	if (dst && dst->vn == vn)
		return 0; /* two names of one file: POSIX says do nothing */
	if (dst) {
		rc = check_target(vn, dst->vn);
		if (rc)
			return rc;
		rc = ramfs_unlink(ndir, nname, nlen, UK_S_ISDIR(vn->mode));
		if (rc)
			return rc;
	}
	/* add first: if that fails, the old name is still there */
	rc = ramfs_dir_add(ndir, nname, nlen, vn);
	if (rc)
		return rc;
	src = ramfs_dir_find(odir, oname, olen);
	ramfs_dir_remove(odir, src);
	if (UK_S_ISDIR(vn->mode)) {
		((struct ramfs_node *)vn->priv)->parent = ndir;
		odir->nlink--;
		ndir->nlink++;
	}
	uk_vnode_touch(vn, 0, 0, 1);
	return 0;
}
