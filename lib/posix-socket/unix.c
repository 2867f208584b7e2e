/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * AF_UNIX stream sockets inside the image: socketpair(), and named sockets
 * (bind/listen/accept/connect). Names live in a list of this driver, not
 * in the file system: a path name is a key (bind creates no file and
 * fails with EADDRINUSE while another socket holds the name), abstract
 * names (a leading NUL) work the same way. Each direction of a connection
 * is a ring buffer owned by the receiving end.
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/ring.h>
#include "sock.h"

#define UNIX_BUF      32768
#define UNIX_NAME_MAX 108

enum ustate { U_NEW, U_LISTEN, U_CONNECTED };

struct usock {
	enum ustate state;
	struct usock *peer;   /* connected: the other end (NULL once it closed) */
	int rd_eof;           /* the peer will send nothing more */
	int rd_shut, wr_shut; /* shutdown() of our own */
	struct uk_ring rx;    /* what the peer sent us */
	/* names: abstract ones start with a NUL */
	char name[UNIX_NAME_MAX];
	uint32_t namelen; /* 0: unnamed */
	struct usock *next_named;
	/* listening: connections accept() has not taken yet */
	struct usock *q_head, *q_tail, *q_next;
	int q_len, backlog;
};

static struct usock *named; /* every bound socket */

static void *u_alloc(size_t n)
{
	return uk_calloc(uk_alloc_get_default(), 1, n);
}

static void u_free(void *p)
{
	uk_free(uk_alloc_get_default(), p);
}

static struct usock *usock_new(int with_buf)
{
	struct usock *u = u_alloc(sizeof(*u));

	if (!u)
		return NULL;
	u->rx.size = UNIX_BUF;
	if (with_buf) {
		u->rx.buf = uk_malloc(uk_alloc_get_default(), UNIX_BUF);
		if (!u->rx.buf) {
			u_free(u);
			return NULL;
		}
	}
	return u;
}

static int ensure_buf(struct usock *u)
{
	if (!u->rx.buf)
		u->rx.buf = uk_malloc(uk_alloc_get_default(), UNIX_BUF);
	return u->rx.buf ? 0 : -ENOMEM;
}

static void pair(struct usock *a, struct usock *b)
{
	a->state = b->state = U_CONNECTED;
	a->peer = b;
	b->peer = a;
}

static int unix_create(struct uk_socket *s)
{
	if (s->type != UK_SOCK_STREAM)
		return -EPROTONOSUPPORT; /* no datagram or seqpacket sockets here */
	if (s->protocol != 0)
		return -EPROTONOSUPPORT;
	s->priv = usock_new(0);
	return s->priv ? 0 : -ENOMEM;
}

int unix_socketpair(struct uk_socket *a, struct uk_socket *b)
{
	int rc = unix_create(a);

	if (rc)
		return rc;
	rc = unix_create(b);
	if (!rc && (ensure_buf(a->priv) || ensure_buf(b->priv)))
		rc = -ENOMEM;
	if (rc) {
		unix_driver.close(a);
		if (b->priv)
			unix_driver.close(b);
		return rc;
	}
	pair(a->priv, b->priv);
	return 0;
}

/* the name in a sockaddr_un: 0 and its length, or -EINVAL */
static int parse_name(const void *addr, uint32_t len, char *name, uint32_t *nlen)
{
	const struct uk_sockaddr_un *sun = addr;
	uint32_t n;

	if (len <= sizeof(sun->sun_family) || len > sizeof(*sun) || sun->sun_family != UK_AF_UNIX)
		return -EINVAL;
	n = len - (uint32_t)sizeof(sun->sun_family);
	/* a path ends at its first NUL; an abstract name is all len bytes */
	if (sun->sun_path[0]) {
		uint32_t i = 0;

		while (i < n && sun->sun_path[i])
			i++;
		n = i;
	}
	memcpy(name, sun->sun_path, n);
	*nlen = n;
	return 0;
}

static struct usock *find_named(const char *name, uint32_t len)
{
	for (struct usock *u = named; u; u = u->next_named)
		if (u->namelen == len && !memcmp(u->name, name, len))
			return u;
	return NULL;
}

static void unname(struct usock *u)
{
	for (struct usock **pp = &named; *pp; pp = &(*pp)->next_named) {
		if (*pp == u) {
			*pp = u->next_named;
			break;
		}
	}
	u->namelen = 0;
}

static int unix_bind(struct uk_socket *s, const void *addr, uint32_t len)
{
	struct usock *u = s->priv;
	char name[UNIX_NAME_MAX];
	uint32_t n;
	int rc = parse_name(addr, len, name, &n);

	if (rc)
		return rc;
	if (u->namelen)
		return -EINVAL; /* already bound */
	if (find_named(name, n))
		return -EADDRINUSE;
	memcpy(u->name, name, n);
	u->namelen = n;
	u->next_named = named;
	named = u;
	return 0;
}

static int unix_listen(struct uk_socket *s, int backlog)
{
	struct usock *u = s->priv;

	if (u->state == U_CONNECTED || !u->namelen)
		return -EINVAL;
	u->state = U_LISTEN;
	u->backlog = backlog;
	return 0;
}

static void fill_name(const struct usock *u, void *addr, uint32_t *len)
{
	struct uk_sockaddr_un sun = {.sun_family = UK_AF_UNIX};
	uint32_t full = (uint32_t)sizeof(sun.sun_family) + u->namelen;

	if (!addr || !len)
		return;
	memcpy(sun.sun_path, u->name, u->namelen);
	/* a path name comes back NUL-terminated when there is room, as on Linux */
	if (u->namelen && u->name[0] && u->namelen < UNIX_NAME_MAX)
		full++;
	memcpy(addr, &sun, *len < full ? *len : full);
	*len = full;
}

static int unix_accept(struct uk_socket *s, struct uk_socket *ns, void *addr, uint32_t *len)
{
	struct usock *u = s->priv, *c;

	if (u->state != U_LISTEN)
		return -EINVAL;
	c = u->q_head;
	if (!c)
		return -EAGAIN;
	u->q_head = c->q_next;
	if (!u->q_head)
		u->q_tail = NULL;
	u->q_len--;
	c->q_next = NULL;
	ns->priv = c;
	uk_socket_event(s); /* room in the backlog for a waiting connect */
	if (c->peer)
		fill_name(c->peer, addr, len);
	else if (addr && len)
		fill_name(c, addr, len); /* the client went already: unnamed */
	return 0;
}

static int unix_connect(struct uk_socket *s, const void *addr, uint32_t len)
{
	struct usock *u = s->priv, *l, *c;
	char name[UNIX_NAME_MAX];
	uint32_t n;
	int rc = parse_name(addr, len, name, &n);

	if (rc)
		return rc;
	if (u->state == U_CONNECTED)
		return -EISCONN;
	if (u->state == U_LISTEN)
		return -EINVAL;
	l = find_named(name, n);
	if (!l || l->state != U_LISTEN)
		return -ECONNREFUSED;
	if (l->q_len > l->backlog)
		return -EAGAIN; /* a blocking connect waits for accept() */
	c = usock_new(1);
	if (!c || ensure_buf(u)) {
		u_free(c ? c->rx.buf : NULL);
		u_free(c);
		return -ENOMEM;
	}
	pair(u, c);
	if (l->q_tail)
		l->q_tail->q_next = c;
	else
		l->q_head = c;
	l->q_tail = c;
	l->q_len++;
	uk_socket_event(s);
	return 0;
}

static ssize_t unix_sendmsg(struct uk_socket *s, const struct uk_msghdr *msg, int flags)
{
	struct usock *u = s->priv, *p = u->peer;
	size_t done = 0;

	(void)flags;
	if (u->state != U_CONNECTED)
		return -ENOTCONN;
	if (u->wr_shut || !p || p->rd_shut)
		return -EPIPE;
	for (uint64_t i = 0; i < msg->msg_iovlen; i++) {
		size_t n = uk_ring_put(&p->rx, msg->msg_iov[i].iov_base, msg->msg_iov[i].iov_len);

		done += n;
		if (n < msg->msg_iov[i].iov_len)
			break;
	}
	if (!done && msg->msg_iovlen && uk_ring_full(&p->rx))
		return -EAGAIN;
	if (done)
		uk_socket_event(s);
	return (ssize_t)done;
}

static ssize_t unix_recvmsg(struct uk_socket *s, struct uk_msghdr *msg, int flags)
{
	struct usock *u = s->priv;
	int peek = flags & UK_MSG_PEEK;
	size_t done = 0, want = 0;

	if (u->state != U_CONNECTED)
		return u->state == U_LISTEN ? -EINVAL : -ENOTCONN;
	msg->msg_namelen = 0;    /* a connected stream reports no source */
	msg->msg_controllen = 0; /* and carries no ancillary data (no SCM_RIGHTS) */
	msg->msg_flags = 0;
	for (uint64_t i = 0; i < msg->msg_iovlen; i++)
		want += msg->msg_iov[i].iov_len;
	if (!want || u->rd_shut)
		return 0;
	if (!u->rx.count)
		return u->rd_eof ? 0 : -EAGAIN;
	for (uint64_t i = 0; i < msg->msg_iovlen && done < u->rx.count; i++)
		done += uk_ring_get(&u->rx, msg->msg_iov[i].iov_base, msg->msg_iov[i].iov_len,
		                    peek ? done : 0, peek);
	if (!peek)
		uk_socket_event(s); /* room for the peer */
	return (ssize_t)done;
}

static int unix_shutdown(struct uk_socket *s, int how)
{
	struct usock *u = s->priv;

	if (u->state != U_CONNECTED)
		return -ENOTCONN;
	if (how != UK_SHUT_WR)
		u->rd_shut = 1;
	if (how != UK_SHUT_RD) {
		u->wr_shut = 1;
		if (u->peer)
			u->peer->rd_eof = 1;
	}
	uk_socket_event(s);
	return 0;
}

static void usock_close(struct usock *u)
{
	if (u->peer) {
		u->peer->peer = NULL;
		u->peer->rd_eof = 1;
	}
	/* connections nobody accepted: their clients see the end */
	while (u->q_head) {
		struct usock *c = u->q_head;

		u->q_head = c->q_next;
		usock_close(c);
	}
	if (u->namelen)
		unname(u);
	u_free(u->rx.buf);
	u_free(u);
}

static void unix_close(struct uk_socket *s)
{
	usock_close(s->priv);
	s->priv = NULL;
	uk_socket_event(NULL);
}

static int unix_getsockopt(struct uk_socket *s, int level, int name, void *val, uint32_t *len)
{
	struct usock *u = s->priv;
	int v;

	if (level != UK_SOL_SOCKET)
		return -ENOPROTOOPT;
	switch (name) {
	case UK_SO_ACCEPTCONN:
		v = u->state == U_LISTEN;
		break;
	case UK_SO_SNDBUF:
	case UK_SO_RCVBUF:
		v = UNIX_BUF;
		break;
	default:
		return -ENOPROTOOPT; /* SO_TYPE, SO_ERROR...: posix-socket answers */
	}
	return uk_socket_optval_out(&v, sizeof(v), val, len);
}

static int unix_setsockopt(struct uk_socket *s, int level, int name, const void *val, uint32_t len)
{
	(void)s;
	(void)name;
	(void)val;
	(void)len;
	/* buffer sizes, SO_REUSEADDR, SO_KEEPALIVE...: accepted, nothing to tune */
	return level == UK_SOL_SOCKET ? 0 : -ENOPROTOOPT;
}

static int unix_getname(struct uk_socket *s, int peer, void *addr, uint32_t *len)
{
	struct usock *u = s->priv;

	if (peer) {
		if (u->state != U_CONNECTED || !u->peer)
			return -ENOTCONN;
		u = u->peer;
	}
	fill_name(u, addr, len);
	return 0;
}

static unsigned int unix_poll(struct uk_socket *s)
{
	struct usock *u = s->priv;
	unsigned int ev = 0;

	if (u->state == U_LISTEN)
		return u->q_head ? UK_POLLIN : 0;
	if (u->state == U_NEW)
		return UK_POLLOUT | UK_POLLHUP; /* Linux: an unconnected stream is hung up */
	if (u->rx.count || u->rd_eof || u->rd_shut)
		ev |= UK_POLLIN;
	if (u->rd_eof)
		ev |= UK_POLLRDHUP;
	if (!u->peer || u->wr_shut || !uk_ring_full(&u->peer->rx))
		ev |= UK_POLLOUT; /* writing will not block (it may fail) */
	if (!u->peer || (u->rd_eof && u->wr_shut))
		ev |= UK_POLLHUP;
	return ev;
}

static int unix_ioctl(struct uk_socket *s, unsigned long cmd, void *arg)
{
	struct usock *u = s->priv;

	if (cmd != UK_FIONREAD)
		return -ENOTTY;
	*(int *)arg = (int)u->rx.count;
	return 0;
}

const struct uk_socket_driver unix_driver = {
    .name = "unix",
    .family = UK_AF_UNIX,
    .create = unix_create,
    .close = unix_close,
    .bind = unix_bind,
    .listen = unix_listen,
    .accept = unix_accept,
    .connect = unix_connect,
    .sendmsg = unix_sendmsg,
    .recvmsg = unix_recvmsg,
    .shutdown = unix_shutdown,
    .getsockopt = unix_getsockopt,
    .setsockopt = unix_setsockopt,
    .getname = unix_getname,
    .poll = unix_poll,
    .ioctl = unix_ioctl,
};

UK_SOCKET_DRIVER_REGISTER(unix, unix_driver);
