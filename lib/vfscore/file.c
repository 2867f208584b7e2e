/* SPDX-License-Identifier: BSD-3-Clause */
/* Open file descriptions and the data path shared by read/write variants */
#include <errno.h>
#include "vfs_impl.h"
#include "vfs_os.h"

/* ids start at 1: 0 never names a file */
static uint64_t next_file_id = 1;

struct uk_file *uk_file_alloc(struct uk_vnode *vn, unsigned int flags)
{
	struct uk_file *f = vfs_zalloc(sizeof(*f));

	if (!f)
		return NULL;
	f->refs = 1;
	f->id = next_file_id++;
	f->flags = flags;
	f->vn = vn;
	uk_vnode_hold(vn);
	return f;
}

void uk_file_release(struct uk_file *f)
{
	if (!f || --f->refs)
		return;
	if (f->vn->ops->close)
		f->vn->ops->close(f->vn, f);
	uk_vnode_release(f->vn);
	vfs_free(f);
}

static int readable(const struct uk_file *f)
{
	return (f->flags & UK_O_ACCMODE) != UK_O_WRONLY;
}

static int writable(const struct uk_file *f)
{
	return (f->flags & UK_O_ACCMODE) != UK_O_RDONLY;
}

/* off: NULL = the file's own offset (advanced), else an explicit position */
ssize_t vfs_file_read(struct uk_file *f, void *buf, size_t len, int64_t *off)
{
	int64_t pos = off ? *off : f->off;
	ssize_t n;

	if (!readable(f))
		return -EBADF;
	if (UK_S_ISDIR(f->vn->mode))
		return -EISDIR;
	if (!f->vn->ops->read)
		return -EINVAL;
	if (pos < 0)
		return -EINVAL;
	n = f->vn->ops->read(f->vn, f, buf, len, pos);
	if (n > 0) {
		if (off)
			*off = pos + n;
		else
			f->off = pos + n;
	}
	return n;
}

ssize_t vfs_file_write(struct uk_file *f, const void *buf, size_t len, int64_t *off)
{
	int64_t pos = off ? *off : f->off;
	ssize_t n;

	if (!writable(f))
		return -EBADF;
	if (!f->vn->ops->write)
		return -EINVAL;
	/* O_APPEND writes at the end even with pwrite, as Linux does */
	if (f->flags & UK_O_APPEND)
		pos = f->vn->size;
	if (pos < 0)
		return -EINVAL;
	if (len == 0)
		return 0;
	n = f->vn->ops->write(f->vn, f, buf, len, pos);
	if (n > 0) {
		if (off)
			*off = pos + n;
		else
			f->off = pos + n;
	}
	return n;
}

int vfs_wait_file(const struct uk_file *f, int periodic)
{
	return (f->flags & UK_O_NONBLOCK) ? -EAGAIN : vfs_wait(periodic);
}
