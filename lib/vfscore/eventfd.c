/* SPDX-License-Identifier: BSD-3-Clause */
/* eventfd: a 64-bit counter read and written in 8-byte units */
#include <errno.h>
#include <string.h>
#include "vfs_impl.h"
#include "vfs_os.h"

#define EVENTFD_MAX 0xfffffffffffffffeull

struct eventfd {
	uint64_t count;
	int semaphore;
};

static ssize_t efd_read(struct uk_vnode *vn, struct uk_file *f, void *buf, size_t len, int64_t off)
{
	struct eventfd *e = vn->priv;
	uint64_t v;
	int rc;

	(void)off;
	if (len < sizeof(v))
		return -EINVAL;
	while (!e->count) {
		rc = vfs_wait_file(f, 0);
		if (rc)
			return rc;
	}
	v = e->semaphore ? 1 : e->count;
	e->count -= v;
	memcpy(buf, &v, sizeof(v));
	uk_vfs_poll_notify();
	return sizeof(v);
}

static ssize_t efd_write(struct uk_vnode *vn, struct uk_file *f, const void *buf, size_t len,
                         int64_t off)
{
	struct eventfd *e = vn->priv;
	uint64_t v;
	int rc;

	(void)off;
	if (len < sizeof(v))
		return -EINVAL;
	memcpy(&v, buf, sizeof(v));
	if (v > EVENTFD_MAX)
		return -EINVAL;
	while (EVENTFD_MAX - e->count < v) {
		rc = vfs_wait_file(f, 0);
		if (rc)
			return rc;
	}
	e->count += v;
	uk_vfs_poll_notify();
	return sizeof(v);
}

static unsigned int efd_poll(struct uk_vnode *vn, struct uk_file *f)
{
	struct eventfd *e = vn->priv;
	unsigned int ev = 0;

	(void)f;
	if (e->count)
		ev |= UK_POLLIN | UK_POLLRDNORM;
	if (e->count < EVENTFD_MAX) /* a write of 1 would not block */
		ev |= UK_POLLOUT | UK_POLLWRNORM;
	return ev;
}

static void efd_inactive(struct uk_vnode *vn)
{
	vfs_free(vn->priv);
	uk_vnode_free(vn);
}

static const struct uk_vnode_ops eventfd_ops = {
    .read = efd_read,
    .write = efd_write,
    .inactive = efd_inactive,
    .poll = efd_poll,
};

int uk_vfs_eventfd(unsigned int initval, int flags)
{
	struct eventfd *e;
	struct uk_vnode *vn;
	struct uk_file *f;
	int fd;

	if (flags & ~(UK_EFD_SEMAPHORE | UK_EFD_CLOEXEC | UK_EFD_NONBLOCK))
		return -EINVAL;
	e = vfs_zalloc(sizeof(*e));
	if (!e)
		return -ENOMEM;
	e->count = initval;
	e->semaphore = flags & UK_EFD_SEMAPHORE;
	/* an anonymous node without a type, like Linux's anon inodes: not seekable */
	vn = uk_vnode_alloc(&eventfd_ops, 0600);
	if (!vn) {
		vfs_free(e);
		return -ENOMEM;
	}
	vn->priv = e;
	f = uk_file_alloc(vn, UK_O_RDWR | ((unsigned int)flags & UK_O_NONBLOCK));
	uk_vnode_release(vn);
	if (!f)
		return -ENOMEM;
	fd = uk_fdtab_install(f, 0, flags & UK_EFD_CLOEXEC);
	uk_file_release(f);
	return fd;
}
