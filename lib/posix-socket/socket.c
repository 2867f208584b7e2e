/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Socket descriptors: a socket is an anonymous S_IFSOCK vnode in vfscore's
 * table, so read/write/readv/writev/close/fcntl/ioctl/fstat/poll work on it
 * like on any file; its vnode ops call the address family's driver.
 */
#include <errno.h>
#include <uk/alloc.h>
#include "sock.h"

#define SOCK_DRIVERS_MAX 8

/* registered at boot (init level lib, priority 1), read-only afterwards */
static const struct uk_socket_driver *drivers[SOCK_DRIVERS_MAX];

int uk_socket_driver_register(const struct uk_socket_driver *drv)
{
	for (int i = 0; i < SOCK_DRIVERS_MAX; i++) {
		if (drivers[i] && drivers[i]->family == drv->family)
			return -EEXIST;
	}
	for (int i = 0; i < SOCK_DRIVERS_MAX; i++) {
		if (!drivers[i]) {
			drivers[i] = drv;
			return 0;
		}
	}
	return -ENOSPC;
}

const struct uk_socket_driver *sock_driver(int family)
{
	for (int i = 0; i < SOCK_DRIVERS_MAX; i++)
		if (drivers[i] && drivers[i]->family == family)
			return drivers[i];
	return NULL;
}

void uk_socket_event(struct uk_socket *s)
{
	(void)s; /* one generation for every file: pollers re-check their own */
	uk_vfs_poll_notify();
}

struct sock *sock_alloc(const struct uk_socket_driver *drv, int family, int type, int protocol)
{
	struct sock *so = uk_calloc(uk_alloc_get_default(), 1, sizeof(*so));

	if (!so)
		return NULL;
	so->s.drv = drv;
	so->s.family = family;
	so->s.type = type;
	so->s.protocol = protocol;
	return so;
}

void sock_free(struct sock *so)
{
	uk_free(uk_alloc_get_default(), so);
}

/* -------- the vnode -------- */

static ssize_t sock_vn_read(struct uk_vnode *vn, struct uk_file *f, void *buf, size_t len,
                            int64_t off)
{
	struct uk_iovec iov = {buf, len};
	struct uk_msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};

	(void)off;
	return sock_recv(vn->priv, f, &msg, 0);
}

static ssize_t sock_vn_write(struct uk_vnode *vn, struct uk_file *f, const void *buf, size_t len,
                             int64_t off)
{
	struct uk_iovec iov = {(void *)buf, len};
	struct uk_msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};

	(void)off;
	/* no SIGPIPE to send: a broken connection is EPIPE either way */
	return sock_send(vn->priv, f, &msg, UK_MSG_NOSIGNAL);
}

static int sock_vn_ioctl(struct uk_vnode *vn, struct uk_file *f, unsigned long cmd, void *arg)
{
	struct sock *so = vn->priv;

	(void)f;
	/* FIONBIO is the file's flag: vfscore's generic handling sets it */
	if (cmd == UK_FIONBIO || !so->s.drv->ioctl)
		return -ENOTTY;
	if (!arg)
		return -EFAULT;
	return so->s.drv->ioctl(&so->s, cmd, arg);
}

static unsigned int sock_vn_poll(struct uk_vnode *vn, struct uk_file *f)
{
	struct sock *so = vn->priv;

	(void)f;
	return so->s.drv->poll ? so->s.drv->poll(&so->s) : UK_POLLIN | UK_POLLOUT;
}

static void sock_vn_inactive(struct uk_vnode *vn)
{
	struct sock *so = vn->priv;

	/* the last descriptor and the last poller are gone */
	if (so->s.drv->close)
		so->s.drv->close(&so->s);
	sock_free(so);
	uk_vnode_free(vn);
}

static const struct uk_vnode_ops sock_vnops = {
    .read = sock_vn_read,
    .write = sock_vn_write,
    .ioctl = sock_vn_ioctl,
    .inactive = sock_vn_inactive,
    .poll = sock_vn_poll,
};

int sock_install(struct sock *so, int flags)
{
	struct uk_vnode *vn = uk_vnode_alloc(&sock_vnops, UK_S_IFSOCK | 0777);
	struct uk_file *f;
	int fd;

	if (!vn) {
		if (so->s.drv->close)
			so->s.drv->close(&so->s);
		sock_free(so);
		return -ENOMEM;
	}
	vn->priv = so;
	vn->vflags |= UK_VNODE_NOSEEK;
	/* from here on the vnode owns so: its release closes the driver's part */
	f = uk_file_alloc(vn, UK_O_RDWR | ((flags & UK_SOCK_NONBLOCK) ? UK_O_NONBLOCK : 0));
	uk_vnode_release(vn);
	if (!f)
		return -ENOMEM;
	fd = uk_fdtab_install(f, 0, flags & UK_SOCK_CLOEXEC);
	uk_file_release(f);
	return fd;
}

int sock_get(int fd, struct uk_file **fp, struct sock **out)
{
	struct uk_file *f = uk_fdtab_get(fd);

	if (!f)
		return -EBADF;
	if (f->vn->ops != &sock_vnops) {
		uk_file_release(f);
		return -ENOTSOCK;
	}
	*fp = f;
	*out = f->vn->priv;
	return 0;
}
