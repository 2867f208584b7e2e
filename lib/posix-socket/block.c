/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The blocking half of the socket calls. Drivers never block: an operation
 * that cannot complete answers -EAGAIN (-EINPROGRESS for connect). A
 * blocking caller then sleeps on vfscore's poll generation, which every
 * driver event advances (uk_socket_event), and tries again, until the
 * operation completes, its timeout (SO_RCVTIMEO/SO_SNDTIMEO) passes
 * (-EAGAIN, as Linux answers) or a signal arrives (-EINTR).
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/plat/time.h>
#include <uk/sched.h>
#include "sock.h"

/* lib/posix-process, when present: signals interrupt blocking calls */
int uk_posix_take_interrupt(void) __attribute__((weak));

static int interrupted(void)
{
	return uk_posix_take_interrupt && uk_posix_take_interrupt();
}

typedef long (*sock_try_fn)(struct sock *so, void *arg);

static long sock_block(struct sock *so, sock_try_fn try, void *arg, int nonblock, uint64_t timeout)
{
	uint64_t deadline = timeout ? ukplat_monotonic_clock() + timeout : 0;

	interrupted(); /* forget signals older than this call */
	for (;;) {
		/* the generation before the try: an event during it makes
		 * the wait return at once */
		uint64_t gen = uk_vfs_poll_generation();
		long rc = try(so, arg);

		if (rc != -EAGAIN)
			return rc;
		if (nonblock) {
			/* a program retrying in a loop must still let the
			 * (cooperative) threads that make progress run */
			uk_sched_yield();
			return rc;
		}
		/* a signal during the try (drivers may yield) already woke
		 * us: it would not wake the sleep below */
		if (interrupted())
			return -EINTR;
		rc = uk_vfs_poll_wait(gen, deadline);
		if (interrupted())
			return -EINTR;
		if (rc == -ETIMEDOUT)
			return -EAGAIN;
	}
}

static int is_nonblock(const struct uk_file *f, int flags)
{
	return (f->flags & UK_O_NONBLOCK) || (flags & UK_MSG_DONTWAIT);
}

/* 0 and the byte count of m's buffers in *total, or -errno */
static int msg_check(const struct uk_msghdr *m, size_t *total)
{
	*total = 0;
	if (!m)
		return -EFAULT;
	if (m->msg_iovlen > UK_IOV_MAX)
		return -EMSGSIZE;
	if (m->msg_iovlen && !m->msg_iov)
		return -EFAULT;
	for (uint64_t i = 0; i < m->msg_iovlen; i++) {
		if (m->msg_iov[i].iov_len > (size_t)INT64_MAX - *total)
			return -EINVAL;
		*total += m->msg_iov[i].iov_len;
	}
	return 0;
}

/* moves m's data window n bytes on; the iovec array is copied (to *copy)
 * the first time, since the caller's must not change */
static int msg_advance(struct uk_msghdr *m, size_t n, struct uk_iovec **copy)
{
	if (!*copy) {
		*copy = uk_malloc(uk_alloc_get_default(), m->msg_iovlen * sizeof(**copy) + 1);
		if (!*copy)
			return -ENOMEM;
		memcpy(*copy, m->msg_iov, m->msg_iovlen * sizeof(**copy));
		m->msg_iov = *copy;
	}
	while (n && m->msg_iovlen) {
		if (n >= m->msg_iov->iov_len) {
			n -= m->msg_iov->iov_len;
			m->msg_iov++;
			m->msg_iovlen--;
		} else {
			m->msg_iov->iov_base = (char *)m->msg_iov->iov_base + n;
			m->msg_iov->iov_len -= n;
			n = 0;
		}
	}
	return 0;
}

struct io_arg {
	struct uk_msghdr *msg;
	int flags;
};

static long try_send(struct sock *so, void *arg)
{
	struct io_arg *a = arg;

	if (!so->s.drv->sendmsg)
		return -EOPNOTSUPP;
	return so->s.drv->sendmsg(&so->s, a->msg, a->flags);
}

static long try_recv(struct sock *so, void *arg)
{
	struct io_arg *a = arg;

	if (!so->s.drv->recvmsg)
		return -EOPNOTSUPP;
	return so->s.drv->recvmsg(&so->s, a->msg, a->flags);
}

/* a blocking stream send sends everything (unless interrupted or timed
 * out: then what was sent); datagrams and non-blocking sends go once */
ssize_t sock_send(struct sock *so, struct uk_file *f, const struct uk_msghdr *msg, int flags)
{
	int nonblock = is_nonblock(f, flags);
	struct uk_msghdr m;
	struct io_arg a = {&m, flags};
	struct uk_iovec *copy = NULL;
	size_t total, done = 0;
	long rc = msg_check(msg, &total);

	if (rc)
		return rc;
	m = *msg;
	for (;;) {
		rc = sock_block(so, try_send, &a, nonblock, so->sndtimeo);
		if (rc < 0)
			break;
		done += (size_t)rc;
		if (done >= total || nonblock || so->s.type != UK_SOCK_STREAM || rc == 0)
			break;
		rc = msg_advance(&m, (size_t)rc, &copy);
		if (rc)
			break;
	}
	uk_free(uk_alloc_get_default(), copy);
	return done ? (ssize_t)done : rc;
}

/* MSG_WAITALL on a stream: keep receiving until the buffers are full, the
 * peer ends the stream, or an error (then what arrived) */
ssize_t sock_recv(struct sock *so, struct uk_file *f, struct uk_msghdr *msg, int flags)
{
	int nonblock = is_nonblock(f, flags);
	int waitall = (flags & UK_MSG_WAITALL) && so->s.type == UK_SOCK_STREAM && !nonblock;
	struct uk_msghdr m;
	struct io_arg a = {msg, flags & ~UK_MSG_WAITALL};
	struct uk_iovec *copy = NULL;
	size_t total, done = 0;
	long rc = msg_check(msg, &total);

	if (rc)
		return rc;
	rc = sock_block(so, try_recv, &a, nonblock, so->rcvtimeo);
	if (rc <= 0 || !waitall)
		return rc;
	done = (size_t)rc;
	m = *msg;
	a.msg = &m;
	while (done < total) {
		rc = msg_advance(&m, (size_t)rc, &copy);
		if (rc)
			break;
		rc = sock_block(so, try_recv, &a, 0, so->rcvtimeo);
		if (rc <= 0)
			break;
		done += (size_t)rc;
	}
	msg->msg_flags = m.msg_flags;
	uk_free(uk_alloc_get_default(), copy);
	return (ssize_t)done;
}

static long try_connected(struct sock *so, void *arg)
{
	(void)arg;
	if (!so->s.drv->poll)
		return 0;
	return (so->s.drv->poll(&so->s) & (UK_POLLOUT | UK_POLLERR | UK_POLLHUP)) ? 0 : -EAGAIN;
}

struct conn_arg {
	const void *addr;
	uint32_t len;
};

static long try_connect(struct sock *so, void *arg)
{
	struct conn_arg *a = arg;

	return so->s.drv->connect(&so->s, a->addr, a->len);
}

/* the outcome of a connection in progress: SO_ERROR as a negative errno */
static int connect_result(struct sock *so)
{
	int err = 0;
	uint32_t len = sizeof(err);

	if (!so->s.drv->getsockopt ||
	    so->s.drv->getsockopt(&so->s, UK_SOL_SOCKET, UK_SO_ERROR, &err, &len) < 0)
		return 0;
	return -err;
}

int sock_connect(struct sock *so, struct uk_file *f, const void *addr, uint32_t len)
{
	struct conn_arg a = {addr, len};
	int nonblock = is_nonblock(f, 0);
	long rc;

	if (!so->s.drv->connect)
		return -EOPNOTSUPP;
	/* -EAGAIN: the driver cannot even start (a full backlog): try again */
	rc = sock_block(so, try_connect, &a, nonblock, so->sndtimeo);
	if (rc != -EINPROGRESS || nonblock)
		return (int)rc;
	rc = sock_block(so, try_connected, NULL, 0, so->sndtimeo);
	if (rc == -EAGAIN)
		return -EINPROGRESS; /* SO_SNDTIMEO passed, as Linux reports it */
	if (rc)
		return (int)rc;
	return connect_result(so);
}

struct accept_arg {
	struct sock *ns;
	void *addr;
	uint32_t *len;
};

static long try_accept(struct sock *so, void *arg)
{
	struct accept_arg *a = arg;

	return so->s.drv->accept(&so->s, &a->ns->s, a->addr, a->len);
}

int sock_accept(struct sock *so, struct uk_file *f, void *addr, uint32_t *len, int flags)
{
	struct accept_arg a = {NULL, addr, len};
	long rc;

	if (flags & ~(UK_SOCK_NONBLOCK | UK_SOCK_CLOEXEC))
		return -EINVAL;
	if (!so->s.drv->accept)
		return -EOPNOTSUPP;
	if (addr && !len)
		return -EFAULT;
	a.ns = sock_alloc(so->s.drv, so->s.family, so->s.type, so->s.protocol);
	if (!a.ns)
		return -ENOMEM;
	rc = sock_block(so, try_accept, &a, is_nonblock(f, 0), so->rcvtimeo);
	if (rc < 0) {
		sock_free(a.ns);
		return (int)rc;
	}
	return sock_install(a.ns, flags);
}

static int put_timeo(uint64_t ns, void *val, uint32_t *len)
{
	struct uk_sock_timeval tv = {(int64_t)(ns / 1000000000), (int64_t)(ns % 1000000000 / 1000)};

	return uk_socket_optval_out(&tv, sizeof(tv), val, len);
}

static int put_int(int v, void *val, uint32_t *len)
{
	return uk_socket_optval_out(&v, sizeof(v), val, len);
}

int sock_getsockopt(struct sock *so, int level, int name, void *val, uint32_t *len)
{
	int rc = -ENOPROTOOPT;

	if (level == UK_SOL_SOCKET && name == UK_SO_RCVTIMEO)
		return put_timeo(so->rcvtimeo, val, len);
	if (level == UK_SOL_SOCKET && name == UK_SO_SNDTIMEO)
		return put_timeo(so->sndtimeo, val, len);
	if (!len || *len > INT32_MAX)
		return len ? -EINVAL : -EFAULT;
	if (so->s.drv->getsockopt)
		rc = so->s.drv->getsockopt(&so->s, level, name, val, len);
	if (rc != -ENOPROTOOPT || level != UK_SOL_SOCKET)
		return rc;
	/* what every socket can answer without its driver */
	switch (name) {
	case UK_SO_TYPE:
		return put_int(so->s.type, val, len);
	case UK_SO_DOMAIN:
		return put_int(so->s.family, val, len);
	case UK_SO_PROTOCOL:
		return put_int(so->s.protocol, val, len);
	case UK_SO_ERROR:
		return put_int(0, val, len);
	default:
		return rc;
	}
}

static int get_timeo(const void *val, uint32_t len, uint64_t *out)
{
	struct uk_sock_timeval tv;

	if (!val)
		return -EFAULT;
	if (len < sizeof(tv))
		return -EINVAL;
	memcpy(&tv, val, sizeof(tv));
	if (tv.tv_usec < 0 || tv.tv_usec >= 1000000)
		return -EDOM;
	if (tv.tv_sec < 0) {
		*out = 0; /* Linux: a negative time means none */
		return 0;
	}
	if (tv.tv_sec > 100ll * 366 * 24 * 3600)
		tv.tv_sec = 100ll * 366 * 24 * 3600;
	*out = (uint64_t)tv.tv_sec * 1000000000ull + (uint64_t)tv.tv_usec * 1000ull;
	return 0;
}

int sock_setsockopt(struct sock *so, int level, int name, const void *val, uint32_t len)
{
	if (level == UK_SOL_SOCKET && name == UK_SO_RCVTIMEO)
		return get_timeo(val, len, &so->rcvtimeo);
	if (level == UK_SOL_SOCKET && name == UK_SO_SNDTIMEO)
		return get_timeo(val, len, &so->sndtimeo);
	if (!so->s.drv->setsockopt)
		return -ENOPROTOOPT;
	return so->s.drv->setsockopt(&so->s, level, name, val, len);
}
