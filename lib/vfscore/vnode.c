/* SPDX-License-Identifier: BSD-3-Clause */
/* Vnode life cycle: reference counts, inode numbers, timestamps */
#include <errno.h>
#include <uk/vfs.h>
#include "vfs_os.h"

static uint64_t next_ino = 1;

uint64_t uk_vnode_next_ino(void)
{
	return next_ino++;
}

struct uk_vnode *uk_vnode_alloc(const struct uk_vnode_ops *ops, uint32_t mode)
{
	struct uk_vnode *vn = vfs_zalloc(sizeof(*vn));

	if (!vn)
		return NULL;
	vn->refs = 1;
	vn->mode = mode;
	vn->nlink = UK_S_ISDIR(mode) ? 2 : 1;
	vn->ino = uk_vnode_next_ino();
	vn->ops = ops;
	uk_vnode_touch(vn, 1, 1, 1);
	return vn;
}

void uk_vnode_hold(struct uk_vnode *vn)
{
	vn->refs++;
}

void uk_vnode_release(struct uk_vnode *vn)
{
	if (!vn)
		return;
	if (--vn->refs)
		return;
	/* the file system decides whether the node lives on (it still has names) */
	if (vn->ops && vn->ops->inactive)
		vn->ops->inactive(vn);
	else
		uk_vnode_free(vn);
}

void uk_vnode_free(struct uk_vnode *vn)
{
	vfs_free(vn);
}

void uk_vnode_touch(struct uk_vnode *vn, int atime, int mtime, int ctime)
{
	int64_t now = vfs_now_ns();
	struct uk_timespec ts = {now / 1000000000, now % 1000000000};

	if (atime)
		vn->atime = ts;
	if (mtime)
		vn->mtime = ts;
	if (ctime)
		vn->ctime = ts;
}

uint8_t uk_vnode_dtype(uint32_t mode)
{
	switch (mode & UK_S_IFMT) {
	case UK_S_IFDIR:
		return UK_DT_DIR;
	case UK_S_IFREG:
		return UK_DT_REG;
	case UK_S_IFLNK:
		return UK_DT_LNK;
	case UK_S_IFCHR:
		return UK_DT_CHR;
	case UK_S_IFIFO:
		return UK_DT_FIFO;
	default:
		return UK_DT_UNKNOWN;
	}
}
