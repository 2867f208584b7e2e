/* SPDX-License-Identifier: BSD-3-Clause */
/* ramfs data: file contents in one growable buffer, directory listings, link targets */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include "ramfs.h"

/* the largest file: far beyond any RAM this kernel sees, and no overflow in size math */
#define RAMFS_MAX_SIZE (1ll << 40)

int ramfs_readdir(struct uk_vnode *dir, uint64_t *cookie, struct uk_vfs_dirent *out)
{
	struct ramfs_node *n = dir->priv;
	uint64_t i = *cookie;

	if (i < 2) {
		struct uk_vnode *self = i ? n->parent : dir;

		out->ino = self ? self->ino : dir->ino;
		out->type = UK_DT_DIR;
		strcpy(out->name, i ? ".." : ".");
	} else if (i - 2 < n->nents) {
		struct ramfs_dirent *de = &n->ents[i - 2];

		out->ino = de->vn->ino;
		out->type = uk_vnode_dtype(de->vn->mode);
		memcpy(out->name, de->name, de->len + 1);
	} else {
		return 0;
	}
	*cookie = i + 1;
	return 1;
}

ssize_t ramfs_read(struct uk_vnode *vn, struct uk_file *f, void *buf, size_t len, int64_t off)
{
	struct ramfs_node *n = vn->priv;
	size_t avail;

	(void)f;
	if (off >= vn->size)
		return 0;
	avail = (size_t)(vn->size - off);
	if (len > avail)
		len = avail;
	memcpy(buf, n->data + off, len);
	uk_vnode_touch(vn, 1, 0, 0);
	return (ssize_t)len;
}

/* makes room for `size` bytes; new bytes read as zeros */
static int reserve(struct uk_vnode *vn, size_t size)
{
	struct ramfs_node *n = vn->priv;
	size_t cap = n->cap ? n->cap : 64;
	char *data;

	if (size <= n->cap)
		return 0;
	while (cap < size)
		cap *= 2;
	data = uk_realloc(uk_alloc_get_default(), n->data, cap);
	if (!data)
		return -ENOSPC;
	memset(data + n->cap, 0, cap - n->cap);
	n->data = data;
	n->cap = cap;
	return 0;
}

ssize_t ramfs_write(struct uk_vnode *vn, struct uk_file *f, const void *buf, size_t len,
                    int64_t off)
{
	struct ramfs_node *n = vn->priv;
	int rc;

	(void)f;
	if (off >= RAMFS_MAX_SIZE || len > (size_t)(RAMFS_MAX_SIZE - off))
		return -EFBIG;
	rc = reserve(vn, (size_t)off + len);
	if (rc)
		return rc;
	memcpy(n->data + off, buf, len);
	if (off + (int64_t)len > vn->size)
		vn->size = off + (int64_t)len;
	uk_vnode_touch(vn, 0, 1, 1);
	return (ssize_t)len;
}

int ramfs_truncate(struct uk_vnode *vn, int64_t len)
{
	struct ramfs_node *n = vn->priv;
	int rc;

	if (len > RAMFS_MAX_SIZE)
		return -EFBIG;
	rc = reserve(vn, (size_t)len);
	if (rc)
		return rc;
	/* bytes cut off now must read as zeros if the file grows again */
	if (len < vn->size)
		memset(n->data + len, 0, (size_t)(vn->size - len));
	vn->size = len;
	return 0;
}

ssize_t ramfs_readlink(struct uk_vnode *vn, char *buf, size_t len)
{
	struct ramfs_node *n = vn->priv;
	size_t tlen = (size_t)vn->size;

	if (len > tlen)
		len = tlen;
	memcpy(buf, n->target, len);
	return (ssize_t)len;
}
