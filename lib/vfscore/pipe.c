/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * pipe/pipe2: an anonymous FIFO vnode with a ring buffer. Both ends are open
 * files of the same vnode; the access mode tells which end a file is. A
 * write with no reader left fails with EPIPE (there are no signals to send).
 * Every change of the fill level or of the ends notifies pollers.
 */
#include <errno.h>
#include <string.h>
#include <uk/ring.h>
#include "vfs_impl.h"
#include "vfs_os.h"

#define PIPE_SIZE 65536

struct pipe {
	struct uk_ring ring;
	unsigned int readers, writers;
};

static ssize_t pipe_read(struct uk_vnode *vn, struct uk_file *f, void *buf, size_t len, int64_t off)
{
	struct pipe *p = vn->priv;
	size_t n;
	int rc;

	(void)off;
	if (!len)
		return 0;
	while (!p->ring.count) {
		if (!p->writers)
			return 0; /* end of file */
		rc = vfs_wait_file(f, 0);
		if (rc)
			return rc;
	}
	n = uk_ring_get(&p->ring, buf, len, 0, 0);
	uk_vfs_poll_notify(); /* room for the writer */
	return (ssize_t)n;
}

static ssize_t pipe_write(struct uk_vnode *vn, struct uk_file *f, const void *buf, size_t len,
                          int64_t off)
{
	struct pipe *p = vn->priv;
	size_t done = 0;

	(void)off;
	while (done < len) {
		if (!p->readers)
			return done ? (ssize_t)done : -EPIPE;
		done += uk_ring_put(&p->ring, (const char *)buf + done, len - done);
		uk_vfs_poll_notify(); /* data for the reader */
		if (done == len)
			break;
		int rc = vfs_wait_file(f, 0);

		if (rc)
			return done ? (ssize_t)done : rc;
	}
	uk_vnode_touch(vn, 0, 1, 1);
	return (ssize_t)done;
}

static int pipe_ioctl(struct uk_vnode *vn, struct uk_file *f, unsigned long cmd, void *arg)
{
	struct pipe *p = vn->priv;

	(void)f;
	if (cmd != UK_FIONREAD)
		return -ENOTTY;
	if (!arg)
		return -EFAULT;
	*(int *)arg = (int)p->ring.count;
	return 0;
}

static void pipe_close(struct uk_vnode *vn, struct uk_file *f)
{
	struct pipe *p = vn->priv;

	if ((f->flags & UK_O_ACCMODE) == UK_O_RDONLY)
		p->readers--;
	else
		p->writers--;
	uk_vfs_poll_notify(); /* the other end sees end of file or a broken pipe */
}

/* Linux's answers: the read end is readable with data, hung up without
 * writers; the write end is writable with room, in error without readers */
static unsigned int pipe_poll(struct uk_vnode *vn, struct uk_file *f)
{
	struct pipe *p = vn->priv;
	unsigned int ev = 0;

	if ((f->flags & UK_O_ACCMODE) == UK_O_RDONLY) {
		if (p->ring.count)
			ev |= UK_POLLIN | UK_POLLRDNORM;
		if (!p->writers)
			ev |= UK_POLLHUP;
	} else {
		if (!uk_ring_full(&p->ring))
			ev |= UK_POLLOUT | UK_POLLWRNORM;
		if (!p->readers)
			ev |= UK_POLLERR;
	}
	return ev;
}

static void pipe_inactive(struct uk_vnode *vn)
{
	struct pipe *p = vn->priv;

	vfs_free(p->ring.buf);
	vfs_free(p);
	uk_vnode_free(vn);
}

static const struct uk_vnode_ops pipe_ops = {
    .read = pipe_read,
    .write = pipe_write,
    .ioctl = pipe_ioctl,
    .close = pipe_close,
    .inactive = pipe_inactive,
    .poll = pipe_poll,
};

static struct uk_vnode *pipe_vnode(void)
{
	struct pipe *p = vfs_zalloc(sizeof(*p));
	struct uk_vnode *vn;

	if (!p)
		return NULL;
	p->ring.buf = vfs_zalloc(PIPE_SIZE);
	p->ring.size = PIPE_SIZE;
	vn = p->ring.buf ? uk_vnode_alloc(&pipe_ops, UK_S_IFIFO | 0600) : NULL;
	if (!vn) {
		vfs_free(p->ring.buf);
		vfs_free(p);
		return NULL;
	}
	vn->priv = p;
	return vn;
}

/* installs one end; on failure nothing is left open */
static int pipe_end(struct uk_vnode *vn, unsigned int acc, int flags)
{
	struct pipe *p = vn->priv;
	struct uk_file *f = uk_file_alloc(vn, acc | ((unsigned int)flags & UK_O_NONBLOCK));
	int fd;

	if (!f)
		return -ENOMEM;
	if (acc == UK_O_RDONLY)
		p->readers++;
	else
		p->writers++;
	fd = uk_fdtab_install(f, 0, flags & UK_O_CLOEXEC);
	uk_file_release(f);
	return fd;
}

int uk_vfs_pipe2(int fds[2], int flags)
{
	struct uk_vnode *vn;
	int rfd, wfd;

	if (flags & ~(UK_O_CLOEXEC | UK_O_NONBLOCK | UK_O_DIRECT))
		return -EINVAL;
	if (!fds)
		return -EFAULT;
	vn = pipe_vnode();
	if (!vn)
		return -ENOMEM;
	rfd = pipe_end(vn, UK_O_RDONLY, flags);
	wfd = rfd < 0 ? rfd : pipe_end(vn, UK_O_WRONLY, flags);
	uk_vnode_release(vn);
	if (wfd < 0) {
		if (rfd >= 0)
			uk_vfs_close(rfd);
		return wfd;
	}
	fds[0] = rfd;
	fds[1] = wfd;
	return 0;
}
