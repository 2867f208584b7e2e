/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The socket syscalls (Linux x86_64 numbers: musl calls socket, connect...
 * directly, there is no socketcall on x86_64). Each looks the descriptor up
 * (-EBADF, -ENOTSOCK), then calls the driver or the blocking helpers.
 */
#include <errno.h>
#include <uk/syscall.h>
#include "sock.h"

#define TYPE_FLAGS (UK_SOCK_NONBLOCK | UK_SOCK_CLOEXEC)

static int sock_create(int family, int type, int protocol, struct sock **out)
{
	const struct uk_socket_driver *drv = sock_driver(family);
	struct sock *so;
	int rc;

	if (!drv)
		return -EAFNOSUPPORT;
	so = sock_alloc(drv, family, type & UK_SOCK_TYPE_MASK, protocol);
	if (!so)
		return -ENOMEM;
	rc = drv->create ? drv->create(&so->s) : 0;
	if (rc < 0) {
		sock_free(so);
		return rc;
	}
	*out = so;
	return 0;
}

UK_SYSCALL_R_DEFINE(int, socket, int, family, int, type, int, protocol)
{
	struct sock *so;
	int rc;

	if (type & ~(UK_SOCK_TYPE_MASK | TYPE_FLAGS))
		return -EINVAL;
	rc = sock_create(family, type, protocol, &so);
	return rc ? rc : sock_install(so, type & TYPE_FLAGS);
}

#if CONFIG_LIBPOSIX_SOCKET_UNIX
static int unix_pair(int type, int protocol, int sv[2])
{
	struct sock *a, *b;
	int rc;

	a = sock_alloc(&unix_driver, UK_AF_UNIX, type & UK_SOCK_TYPE_MASK, protocol);
	b = sock_alloc(&unix_driver, UK_AF_UNIX, type & UK_SOCK_TYPE_MASK, protocol);
	rc = a && b ? unix_socketpair(&a->s, &b->s) : -ENOMEM;
	if (rc) {
		if (a)
			sock_free(a);
		if (b)
			sock_free(b);
		return rc;
	}
	sv[0] = sock_install(a, type & TYPE_FLAGS);
	if (sv[0] < 0) {
		unix_driver.close(&b->s);
		sock_free(b);
		return sv[0];
	}
	sv[1] = sock_install(b, type & TYPE_FLAGS);
	if (sv[1] < 0) {
		uk_vfs_close(sv[0]);
		return sv[1];
	}
	return 0;
}
#endif

UK_SYSCALL_R_DEFINE(int, socketpair, int, family, int, type, int, protocol, int *, sv)
{
	if (type & ~(UK_SOCK_TYPE_MASK | TYPE_FLAGS))
		return -EINVAL;
	if (!sv)
		return -EFAULT;
	(void)protocol;
#if CONFIG_LIBPOSIX_SOCKET_UNIX
	if (family == UK_AF_UNIX)
		return unix_pair(type, protocol, sv);
#endif
	/* only AF_UNIX makes pairs, as on Linux */
	return sock_driver(family) ? -EOPNOTSUPP : -EAFNOSUPPORT;
}

/* looks fd up and runs the statement with so and f; releases f */
#define WITH_SOCK(fd, stmt)                                                                        \
	({                                                                                         \
		struct uk_file *f;                                                                 \
		struct sock *so;                                                                   \
		long __rc = sock_get((fd), &f, &so);                                               \
		if (!__rc) {                                                                       \
			__rc = (stmt);                                                             \
			uk_file_release(f);                                                        \
		}                                                                                  \
		__rc;                                                                              \
	})

static int drv_bind(struct sock *so, const void *addr, uint32_t len)
{
	if (!addr)
		return -EFAULT;
	return so->s.drv->bind ? so->s.drv->bind(&so->s, addr, len) : -EOPNOTSUPP;
}

UK_SYSCALL_R_DEFINE(int, bind, int, fd, const void *, addr, unsigned int, len)
{
	return (int)WITH_SOCK(fd, drv_bind(so, addr, len));
}

static int drv_listen(struct sock *so, int backlog)
{
	if (!so->s.drv->listen)
		return -EOPNOTSUPP;
	if (backlog < 0)
		backlog = 0;
	if (backlog > 4096)
		backlog = 4096; /* Linux's somaxconn */
	return so->s.drv->listen(&so->s, backlog);
}

UK_SYSCALL_R_DEFINE(int, listen, int, fd, int, backlog)
{
	return (int)WITH_SOCK(fd, drv_listen(so, backlog));
}

UK_SYSCALL_R_DEFINE(int, accept, int, fd, void *, addr, unsigned int *, len)
{
	return (int)WITH_SOCK(fd, sock_accept(so, f, addr, len, 0));
}

UK_SYSCALL_R_DEFINE(int, accept4, int, fd, void *, addr, unsigned int *, len, int, flags)
{
	return (int)WITH_SOCK(fd, sock_accept(so, f, addr, len, flags));
}

UK_SYSCALL_R_DEFINE(int, connect, int, fd, const void *, addr, unsigned int, len)
{
	if (!addr)
		return -EFAULT;
	return (int)WITH_SOCK(fd, sock_connect(so, f, addr, len));
}

static int drv_getname(struct sock *so, int peer, void *addr, uint32_t *len)
{
	if (!addr || !len)
		return -EFAULT;
	return so->s.drv->getname ? so->s.drv->getname(&so->s, peer, addr, len) : -EOPNOTSUPP;
}

UK_SYSCALL_R_DEFINE(int, getsockname, int, fd, void *, addr, unsigned int *, len)
{
	return (int)WITH_SOCK(fd, drv_getname(so, 0, addr, len));
}

UK_SYSCALL_R_DEFINE(int, getpeername, int, fd, void *, addr, unsigned int *, len)
{
	return (int)WITH_SOCK(fd, drv_getname(so, 1, addr, len));
}

UK_SYSCALL_R_DEFINE(ssize_t, sendto, int, fd, const void *, buf, size_t, len, int, flags,
                    const void *, addr, unsigned int, alen)
{
	struct uk_iovec iov = {(void *)buf, len};
	struct uk_msghdr msg = {(void *)addr, addr ? alen : 0, &iov, 1, NULL, 0, 0};

	if (!buf && len)
		return -EFAULT;
	return WITH_SOCK(fd, sock_send(so, f, &msg, flags));
}

static ssize_t recvfrom_msg(struct sock *so, struct uk_file *f, struct uk_msghdr *msg, int flags,
                            unsigned int *alen)
{
	ssize_t rc = sock_recv(so, f, msg, flags);

	if (rc >= 0 && alen)
		*alen = msg->msg_namelen;
	return rc;
}

UK_SYSCALL_R_DEFINE(ssize_t, recvfrom, int, fd, void *, buf, size_t, len, int, flags, void *, addr,
                    unsigned int *, alen)
{
	struct uk_iovec iov = {buf, len};
	struct uk_msghdr msg = {addr, 0, &iov, 1, NULL, 0, 0};

	if (!buf && len)
		return -EFAULT;
	if (addr && !alen)
		return -EFAULT;
	msg.msg_namelen = addr ? *alen : 0;
	if (!addr)
		msg.msg_name = NULL;
	return WITH_SOCK(fd, recvfrom_msg(so, f, &msg, flags, addr ? alen : NULL));
}

UK_SYSCALL_R_DEFINE(ssize_t, sendmsg, int, fd, const struct uk_msghdr *, msg, int, flags)
{
	return WITH_SOCK(fd, sock_send(so, f, msg, flags));
}

UK_SYSCALL_R_DEFINE(ssize_t, recvmsg, int, fd, struct uk_msghdr *, msg, int, flags)
{
	return WITH_SOCK(fd, sock_recv(so, f, msg, flags));
}

static int drv_shutdown(struct sock *so, int how)
{
	if (how < UK_SHUT_RD || how > UK_SHUT_RDWR)
		return -EINVAL;
	return so->s.drv->shutdown ? so->s.drv->shutdown(&so->s, how) : -EOPNOTSUPP;
}

UK_SYSCALL_R_DEFINE(int, shutdown, int, fd, int, how)
{
	return (int)WITH_SOCK(fd, drv_shutdown(so, how));
}

UK_SYSCALL_R_DEFINE(int, setsockopt, int, fd, int, level, int, name, const void *, val,
                    unsigned int, len)
{
	return (int)WITH_SOCK(fd, sock_setsockopt(so, level, name, val, len));
}

UK_SYSCALL_R_DEFINE(int, getsockopt, int, fd, int, level, int, name, void *, val, unsigned int *,
                    len)
{
	return (int)WITH_SOCK(fd, sock_getsockopt(so, level, name, val, len));
}
