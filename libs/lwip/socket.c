/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The AF_INET socket driver (<uk/socket.h>): each struct uk_socket is a
 * non-blocking lwIP socket, whose descriptor (plus one) is kept in priv.
 * Linux ABI values (addresses without sin_len, option numbers, message
 * flags) are converted to lwIP's and back; lwIP's errno (uk_lwip_errno,
 * see lwipopts.h) becomes a negative return. lwIP's event callback
 * (patches/0001) tells posix-socket when readiness may have changed.
 */
/* lwIP's options first: lwipopts.h includes the libc's <sys/types.h> the
 * way musl's <endian.h> needs, before any other header can */
#include "lwip/opt.h"
#include "lwip/api.h"
#include "lwip/priv/sockets_priv.h"
#include "lwip/sockets.h"
#include "lwip/tcp.h"
#include "lwip/tcpip.h"

#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/init.h>
#include <uk/lwip.h>
#include <uk/print.h>
#include <uk/socket.h>
#include "uk_lwip.h"
#include "uk_lwip_hooks.h"
#include "uk_lwip_socket.h"

/* iovecs converted on the stack; longer lists are allocated */
#define IOV_STACK 16

/* the uk_socket of each lwIP descriptor, for uk_socket_event() */
static struct uk_socket *sock_of_fd[MEMP_NUM_NETCONN];
/* a non-blocking connect is under way: lwIP reports a refused connection
 * as a reset (ERR_RST), Linux as ECONNREFUSED */
static uint8_t connecting[MEMP_NUM_NETCONN];
/* end of file was read: once lwIP has freed the pcb too (TIME-WAIT over,
 * patches/0003), its next reads say ECONNRESET or ENOTCONN where Linux
 * reads 0 again */
static uint8_t eof_read[MEMP_NUM_NETCONN];
static unsigned long nr_events;

static int fd_of(const struct uk_socket *s)
{
	return (int)(intptr_t)s->priv - 1;
}

/* index of an lwIP descriptor in the tables above, -1 if out of range */
static int fd_index(int fd)
{
	return fd >= LWIP_SOCKET_OFFSET && fd - LWIP_SOCKET_OFFSET < MEMP_NUM_NETCONN
	           ? fd - LWIP_SOCKET_OFFSET
	           : -1;
}

static void attach(struct uk_socket *s, int fd)
{
	int i = fd_index(fd);

	s->priv = (void *)(intptr_t)(fd + 1);
	if (i >= 0) {
		sock_of_fd[i] = s;
		connecting[i] = 0;
		eof_read[i] = 0;
	}
}

static void detach(struct uk_socket *s)
{
	int i = fd_index(fd_of(s));

	if (i >= 0)
		sock_of_fd[i] = NULL;
	s->priv = NULL;
}

static void set_connecting(const struct uk_socket *s, int on)
{
	int i = fd_index(fd_of(s));

	if (i >= 0)
		connecting[i] = (uint8_t)on;
}

static int is_connecting(const struct uk_socket *s)
{
	int i = fd_index(fd_of(s));

	return i >= 0 && connecting[i];
}

/* with on < 0: whether end of file was read; else sets it */
static int eof_flag(const struct uk_socket *s, int on)
{
	int i = fd_index(fd_of(s));

	if (i < 0)
		return 0;
	if (on >= 0)
		eof_read[i] = (uint8_t)on;
	return eof_read[i];
}

/* the error of the lwIP call that just failed, as a negative errno */
static int lwip_err(void)
{
	int e = uk_lwip_errno;

	return e > 0 ? -e : -EIO;
}

/* clears the error slot before a call (lwIP sets it only on failure) */
#define LWIP_CALL(call) (uk_lwip_errno = 0, (call))

unsigned long uk_lwip_socket_events(void)
{
	return nr_events;
}

void uk_lwip_socket_event(int s, int evt)
{
	struct uk_socket *us = NULL;

	/* readiness only grows with these; the MINUS events need no wake-up */
	if (evt != NETCONN_EVT_RCVPLUS && evt != NETCONN_EVT_SENDPLUS && evt != NETCONN_EVT_ERROR)
		return;
	nr_events++;
	if (fd_index(s) >= 0)
		us = sock_of_fd[fd_index(s)];
#if CONFIG_LIBPOSIX_SOCKET
	uk_socket_event(us);
#else
	(void)us;
#endif
}

/* --- readiness lwIP does not track ---------------------------------------- */
/* Linux's TCP readiness past lwIP's (queued data, send room): the peer's
 * FIN, a reset or a close of both directions. Called with the core lock. */
static unsigned int tcp_events(const struct netconn *c)
{
	const unsigned int rdhup = UK_POLLIN | UK_POLLRDHUP;
	const struct tcp_pcb *pcb = c->pcb.tcp;

	if (!pcb) /* lwIP freed it: reset, refused, or closed both ways */
		return rdhup | UK_POLLOUT | UK_POLLHUP;
	switch (pcb->state) {
	case LISTEN:
		return 0;
	case CLOSED: /* never connected: Linux calls that hung up too */
		return UK_POLLOUT | UK_POLLHUP;
	case CLOSE_WAIT: /* the peer's FIN came, our side is open */
		return rdhup;
	case CLOSING:
	case LAST_ACK:
	case TIME_WAIT: /* FINs both ways */
		return rdhup | UK_POLLOUT | UK_POLLHUP;
	default:
		break;
	}
	/* shutdown(SHUT_RD) here, or end of file already read: lwIP dropped
	 * the receive queue */
	return sys_mbox_valid(&c->recvmbox) ? 0 : rdhup;
}

/* what lwIP's poll cannot tell: its error flag is never cleared, while
 * Linux's POLLERR lasts until the error is read (SO_ERROR, a failed call);
 * ERR_CLSD is lwIP's note of a normal close, not an error */
static unsigned int conn_events(int fd)
{
	struct lwip_sock *ls = lwip_socket_dbg_get_socket(fd);
	struct netconn *c = ls ? ls->conn : NULL;
	unsigned int ev = 0;

	if (!c)
		return 0;
	LOCK_TCPIP_CORE();
	if (c->pending_err != ERR_OK && c->pending_err != ERR_CLSD)
		ev |= UK_POLLERR;
	if (NETCONNTYPE_GROUP(netconn_type(c)) == NETCONN_TCP)
		ev |= tcp_events(c);
	UNLOCK_TCPIP_CORE();
	return ev;
}

/* a TCP socket never connected (nor listening): nothing can come, Linux's
 * recv says ENOTCONN where lwIP's says EAGAIN (a blocking recv would wait
 * for ever) */
static int tcp_never_connected(int fd)
{
	struct lwip_sock *ls = lwip_socket_dbg_get_socket(fd);
	struct netconn *c = ls ? ls->conn : NULL;
	int r;

	if (!c || NETCONNTYPE_GROUP(netconn_type(c)) != NETCONN_TCP)
		return 0;
	LOCK_TCPIP_CORE();
	r = c->pcb.tcp && c->pcb.tcp->state == CLOSED;
	UNLOCK_TCPIP_CORE();
	return r;
}

static int is_tcp(int fd)
{
	struct lwip_sock *ls = lwip_socket_dbg_get_socket(fd);

	return ls && ls->conn && NETCONNTYPE_GROUP(netconn_type(ls->conn)) == NETCONN_TCP;
}

/* --- addresses --------------------------------------------------------------- */
/* Linux sockaddr bytes -> lwIP's; AF_UNSPEC passes (connect: disconnect) */
static int addr_in(const void *addr, uint32_t len, struct sockaddr_in *out)
{
	struct uk_sockaddr_in lin;

	if (!addr || len < sizeof(uint16_t))
		return -EINVAL;
	memset(out, 0, sizeof(*out));
	memcpy(&lin, addr, len < sizeof(lin) ? len : sizeof(lin));
	if (lin.sin_family == UK_AF_UNSPEC) {
		out->sin_len = sizeof(*out);
		out->sin_family = AF_UNSPEC;
		return 0;
	}
	if (lin.sin_family != UK_AF_INET)
		return -EAFNOSUPPORT;
	if (len < sizeof(lin))
		return -EINVAL;
	out->sin_len = sizeof(*out);
	out->sin_family = AF_INET;
	out->sin_port = lin.sin_port;
	out->sin_addr.s_addr = lin.sin_addr;
	return 0;
}

/* lwIP's sockaddr -> Linux bytes, truncated to *len; *len = full size */
static void addr_out(const struct sockaddr_in *in, void *addr, uint32_t *len)
{
	struct uk_sockaddr_in lin;

	if (!addr || !len)
		return;
	memset(&lin, 0, sizeof(lin));
	lin.sin_family = UK_AF_INET;
	lin.sin_port = in->sin_port;
	lin.sin_addr = in->sin_addr.s_addr;
	memcpy(addr, &lin, *len < sizeof(lin) ? *len : sizeof(lin));
	*len = sizeof(lin);
}

/* --- operations ------------------------------------------------------------- */
static int set_nonblocking(int fd)
{
	int on = 1;

	return lwip_ioctl(fd, (long)FIONBIO, &on);
}

static int op_create(struct uk_socket *s)
{
	int type, fd;

	switch (s->type) {
	case UK_SOCK_STREAM:
		type = SOCK_STREAM;
		break;
	case UK_SOCK_DGRAM:
		type = SOCK_DGRAM;
		break;
	default:
		return -EPROTONOSUPPORT;
	}
	fd = LWIP_CALL(lwip_socket(AF_INET, type, s->protocol));
	if (fd < 0)
		return lwip_err();
	set_nonblocking(fd);
	attach(s, fd);
	return 0;
}

static void op_close(struct uk_socket *s)
{
	int fd = fd_of(s);

	if (fd < 0)
		return;
	detach(s);
	lwip_close(fd);
}

static int op_bind(struct uk_socket *s, const void *addr, uint32_t len)
{
	struct sockaddr_in sin;
	int rc = addr_in(addr, len, &sin);

	if (rc < 0)
		return rc;
	if (sin.sin_family != AF_INET)
		return -EAFNOSUPPORT;
	if (LWIP_CALL(lwip_bind(fd_of(s), (struct sockaddr *)&sin, sizeof(sin))) < 0)
		return lwip_err();
	return 0;
}

static int op_listen(struct uk_socket *s, int backlog)
{
	if (LWIP_CALL(lwip_listen(fd_of(s), backlog)) < 0)
		return lwip_err();
	return 0;
}

static int op_accept(struct uk_socket *s, struct uk_socket *ns, void *addr, uint32_t *len)
{
	struct sockaddr_in sin;
	socklen_t slen = sizeof(sin);
	int fd;

	fd = LWIP_CALL(lwip_accept(fd_of(s), (struct sockaddr *)&sin, &slen));
	if (fd < 0)
		return lwip_err();
	set_nonblocking(fd);
	attach(ns, fd);
	addr_out(&sin, addr, len);
	return 0;
}

static int op_connect(struct uk_socket *s, const void *addr, uint32_t len)
{
	struct sockaddr_in sin;
	int rc = addr_in(addr, len, &sin);

	if (rc < 0)
		return rc;
	if (LWIP_CALL(lwip_connect(fd_of(s), (struct sockaddr *)&sin, sizeof(sin))) < 0) {
		rc = lwip_err();
		set_connecting(s, rc == -EINPROGRESS);
		return rc;
	}
	return 0;
}

/* Linux MSG_* -> lwIP's; -EOPNOTSUPP for what lwIP cannot do */
static int msg_flags_in(int flags)
{
	int out = MSG_DONTWAIT; /* never block, whatever the caller wants */

	if (flags & UK_MSG_OOB)
		return -EOPNOTSUPP;
	if (flags & UK_MSG_PEEK)
		out |= MSG_PEEK;
	if (flags & UK_MSG_MORE)
		out |= MSG_MORE;
	/* MSG_WAITALL: posix-socket loops; MSG_NOSIGNAL: there is no SIGPIPE */
	return out;
}

/* converted iovecs: on the stack for short lists */
struct iov_conv {
	struct iovec stack[IOV_STACK];
	struct iovec *iov;
};

static int iov_in(struct iov_conv *c, const struct uk_msghdr *msg)
{
	uint64_t n = msg->msg_iovlen;

	if (n > IOV_MAX)
		return -EMSGSIZE;
	c->iov = c->stack;
	if (n > IOV_STACK) {
		c->iov = uk_lwip_malloc(n * sizeof(struct iovec));
		if (!c->iov)
			return -ENOMEM;
	}
	for (uint64_t i = 0; i < n; i++) {
		c->iov[i].iov_base = msg->msg_iov[i].iov_base;
		c->iov[i].iov_len = msg->msg_iov[i].iov_len;
	}
	return (int)n;
}

static void iov_done(struct iov_conv *c)
{
	if (c->iov != c->stack)
		uk_lwip_free(c->iov);
}

/* m's iovecs from msg's (iov_done(c) after the call); lwIP's flags for
 * flags, or a negative errno */
static int msg_in(struct msghdr *m, struct iov_conv *c, const struct uk_msghdr *msg, int flags)
{
	int lflags = msg_flags_in(flags), n;

	if (lflags < 0)
		return lflags;
	n = iov_in(c, msg);
	if (n < 0)
		return n;
	m->msg_iov = c->iov;
	m->msg_iovlen = n;
	return lflags;
}

static ssize_t op_sendmsg(struct uk_socket *s, const struct uk_msghdr *msg, int flags)
{
	struct sockaddr_in sin;
	struct msghdr m = {0};
	struct iov_conv c;
	int lflags, rc;
	ssize_t ret;

	if (msg->msg_name && msg->msg_namelen) {
		rc = addr_in(msg->msg_name, msg->msg_namelen, &sin);
		if (rc < 0)
			return rc;
		m.msg_name = &sin;
		m.msg_namelen = sizeof(sin);
	}
	lflags = msg_in(&m, &c, msg, flags);
	if (lflags < 0)
		return lflags;
	ret = LWIP_CALL(lwip_sendmsg(fd_of(s), &m, lflags));
	iov_done(&c);
	if (ret < 0)
		return lwip_err();
	set_connecting(s, 0); /* data went out: any later reset is a reset */
	return ret;
}

static ssize_t op_recvmsg(struct uk_socket *s, struct uk_msghdr *msg, int flags)
{
	struct sockaddr_in sin;
	struct msghdr m = {0};
	struct iov_conv c;
	int lflags;
	ssize_t ret;

	if (msg->msg_name) {
		m.msg_name = &sin;
		m.msg_namelen = sizeof(sin);
	}
	lflags = msg_in(&m, &c, msg, flags);
	if (lflags < 0)
		return lflags;
	ret = LWIP_CALL(lwip_recvmsg(fd_of(s), &m, lflags));
	iov_done(&c);
	if (ret < 0) {
		ret = lwip_err();
		/* lwIP says ENOTCONN once end of file was read: Linux reads 0 again */
		if (ret == -ENOTCONN && (conn_events(fd_of(s)) & UK_POLLRDHUP))
			return 0;
		/* and ECONNRESET once the pcb it held is gone after that */
		if (ret == -ECONNRESET && eof_flag(s, -1) && (conn_events(fd_of(s)) & UK_POLLHUP))
			return 0;
		return ret == -EAGAIN && tcp_never_connected(fd_of(s)) ? -ENOTCONN : ret;
	}
	set_connecting(s, 0);
	if (ret == 0 && is_tcp(fd_of(s)))
		eof_flag(s, 1);
	msg->msg_flags = ((m.msg_flags & MSG_TRUNC) ? UK_MSG_TRUNC : 0) |
	                 ((m.msg_flags & MSG_CTRUNC) ? UK_MSG_CTRUNC : 0);
	msg->msg_controllen = 0;
	if (msg->msg_name) {
		if (m.msg_namelen >= sizeof(sin))
			addr_out(&sin, msg->msg_name, &msg->msg_namelen);
		else
			msg->msg_namelen = 0; /* TCP: no source address */
	}
	return ret;
}

static int op_shutdown(struct uk_socket *s, int how)
{
	if (how < UK_SHUT_RD || how > UK_SHUT_RDWR)
		return -EINVAL;
	if (LWIP_CALL(lwip_shutdown(fd_of(s), how)) < 0)
		return lwip_err();
	return 0;
}

/*
 * Socket options: the Linux (level, name) pair as lwIP's, or one of the
 * answers below for what lwIP does not have.
 */
enum opt_kind {
	OPT_LWIP,   /* pass to lwIP as (level, name) */
	OPT_NOOP,   /* accepted and ignored; reads give 0 or the int below */
	OPT_UNKNOWN /* -ENOPROTOOPT */
};

struct opt_map {
	int linux_level, linux_name;
	enum opt_kind kind;
	int level, name;
	int value; /* OPT_NOOP: what getsockopt returns */
};

/* every option the driver knows; the rest is OPT_UNKNOWN */
static const struct opt_map opts[] = {
    {UK_SOL_SOCKET, UK_SO_REUSEADDR, OPT_LWIP, SOL_SOCKET, SO_REUSEADDR, 0},
    {UK_SOL_SOCKET, UK_SO_KEEPALIVE, OPT_LWIP, SOL_SOCKET, SO_KEEPALIVE, 0},
    {UK_SOL_SOCKET, UK_SO_BROADCAST, OPT_LWIP, SOL_SOCKET, SO_BROADCAST, 0},
    {UK_SOL_SOCKET, UK_SO_TYPE, OPT_LWIP, SOL_SOCKET, SO_TYPE, 0},
    {UK_SOL_SOCKET, UK_SO_ERROR, OPT_LWIP, SOL_SOCKET, SO_ERROR, 0},
    {UK_SOL_SOCKET, UK_SO_ACCEPTCONN, OPT_LWIP, SOL_SOCKET, SO_ACCEPTCONN, 0},
    /* lwIP's SO_RCVBUF counts queued bytes differently: fixed answers */
    {UK_SOL_SOCKET, UK_SO_RCVBUF, OPT_NOOP, 0, 0, TCP_WND},
    {UK_SOL_SOCKET, UK_SO_SNDBUF, OPT_NOOP, 0, 0, TCP_SND_BUF},
    {UK_SOL_SOCKET, UK_SO_LINGER, OPT_NOOP, 0, 0, 0},
    {UK_SOL_SOCKET, UK_SO_REUSEPORT, OPT_NOOP, 0, 0, 0},
    {UK_SOL_SOCKET, UK_SO_RCVTIMEO, OPT_NOOP, 0, 0, 0},
    {UK_SOL_SOCKET, UK_SO_SNDTIMEO, OPT_NOOP, 0, 0, 0},
    {UK_IPPROTO_TCP, UK_TCP_NODELAY, OPT_LWIP, IPPROTO_TCP, TCP_NODELAY, 0},
    {UK_IPPROTO_TCP, UK_TCP_KEEPIDLE, OPT_LWIP, IPPROTO_TCP, TCP_KEEPIDLE, 0},
    {UK_IPPROTO_TCP, UK_TCP_KEEPINTVL, OPT_LWIP, IPPROTO_TCP, TCP_KEEPINTVL, 0},
    {UK_IPPROTO_TCP, UK_TCP_KEEPCNT, OPT_LWIP, IPPROTO_TCP, TCP_KEEPCNT, 0},
    /* lwIP has neither: segments go out as written (TCP_NODELAY or not) */
    {UK_IPPROTO_TCP, UK_TCP_CORK, OPT_NOOP, 0, 0, 0},
    {UK_IPPROTO_TCP, UK_TCP_DEFER_ACCEPT, OPT_NOOP, 0, 0, 0},
    {UK_IPPROTO_IP, UK_IP_TOS, OPT_LWIP, IPPROTO_IP, IP_TOS, 0},
    {UK_IPPROTO_IP, UK_IP_TTL, OPT_LWIP, IPPROTO_IP, IP_TTL, 0},
};

static struct opt_map opt_map(int level, int name)
{
	for (size_t i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
		if (opts[i].linux_level == level && opts[i].linux_name == name)
			return opts[i];
	return (struct opt_map){level, name, OPT_UNKNOWN, 0, 0, 0};
}

/* Linux truncates a short buffer; an IP-level value that fits a byte goes
 * out as one byte then (IP_TOS, IP_TTL: the kernel's ip_getsockopt) */
static int opt_out(int level, int v, void *val, uint32_t *len)
{
	unsigned char b = (unsigned char)v;

	if (level == UK_IPPROTO_IP && *len > 0 && *len < sizeof(v) && v >= 0 && v <= 255)
		return uk_socket_optval_out(&b, 1, val, len);
	return uk_socket_optval_out(&v, sizeof(v), val, len);
}

static int op_getsockopt(struct uk_socket *s, int level, int name, void *val, uint32_t *len)
{
	struct opt_map o = opt_map(level, name);
	socklen_t l;
	int v = 0;

	if (!len)
		return -EFAULT;
	if (*len > INT32_MAX)
		return -EINVAL;
	switch (o.kind) {
	case OPT_UNKNOWN:
		return -ENOPROTOOPT;
	case OPT_NOOP:
		if (level == UK_SOL_SOCKET && name == UK_SO_LINGER) {
			/* Linux's answer is a struct linger: off, 0 seconds */
			static const int off[2];

			return uk_socket_optval_out(off, sizeof(off), val, len);
		}
		v = o.value;
		break;
	case OPT_LWIP:
		l = sizeof(v);
		if (LWIP_CALL(lwip_getsockopt(fd_of(s), o.level, o.name, &v, &l)) < 0)
			return lwip_err();
		/* lwIP answers flags with the option's bit: Linux says 1 */
		if (o.level == SOL_SOCKET && o.name != SO_TYPE && o.name != SO_ERROR)
			v = !!v;
		if (o.level == SOL_SOCKET && o.name == SO_ERROR) {
			if (v == ECONNRESET && is_connecting(s))
				v = ECONNREFUSED;
			/* ERR_CLSD: lwIP's note that the pcb ended normally
			 * (LAST-ACK or TIME-WAIT over), not an error */
			if (v == ENOTCONN)
				v = 0;
			set_connecting(s, 0);
		}
		break;
	}
	return opt_out(level, v, val, len);
}

static int op_setsockopt(struct uk_socket *s, int level, int name, const void *val, uint32_t len)
{
	struct opt_map o = opt_map(level, name);
	int v;

	switch (o.kind) {
	case OPT_UNKNOWN:
		return -ENOPROTOOPT;
	case OPT_NOOP:
		return 0;
	case OPT_LWIP:
		break;
	}
	if (!val || len < sizeof(int))
		return -EINVAL;
	memcpy(&v, val, sizeof(v));
	if (LWIP_CALL(lwip_setsockopt(fd_of(s), o.level, o.name, &v, sizeof(v))) < 0)
		return lwip_err();
	return 0;
}

static int op_getname(struct uk_socket *s, int peer, void *addr, uint32_t *len)
{
	struct sockaddr_in sin;
	socklen_t slen = sizeof(sin);
	int rc;

	if (!addr || !len)
		return -EINVAL;
	memset(&sin, 0, sizeof(sin));
	if (peer)
		rc = LWIP_CALL(lwip_getpeername(fd_of(s), (struct sockaddr *)&sin, &slen));
	else
		rc = LWIP_CALL(lwip_getsockname(fd_of(s), (struct sockaddr *)&sin, &slen));
	if (rc < 0)
		return lwip_err();
	addr_out(&sin, addr, len);
	return 0;
}

static unsigned int op_poll(struct uk_socket *s)
{
	struct pollfd p = {.fd = fd_of(s), .events = POLLIN | POLLOUT};
	unsigned int ev = 0;

	if (LWIP_CALL(lwip_poll(&p, 1, 0)) < 0 || (p.revents & POLLNVAL))
		return UK_POLLERR;
	if (p.revents & POLLIN)
		ev |= UK_POLLIN;
	if (p.revents & POLLOUT)
		ev |= UK_POLLOUT;
	return ev | conn_events(p.fd);
}

static int op_ioctl(struct uk_socket *s, unsigned long cmd, void *arg)
{
	int v = 0;

	/* FIONBIO never comes here: O_NONBLOCK is the file's flag in posix-socket,
	 * which also checks arg; the lwIP socket itself stays non-blocking */
	if (cmd != UK_FIONREAD)
		return -ENOTTY;
	if (LWIP_CALL(lwip_ioctl(fd_of(s), (long)FIONREAD, &v)) < 0)
		return lwip_err();
	memcpy(arg, &v, sizeof(v));
	return 0;
}

const struct uk_socket_driver uk_lwip_inet_driver = {
    .name = "lwip",
    .family = UK_AF_INET,
    .create = op_create,
    .close = op_close,
    .bind = op_bind,
    .listen = op_listen,
    .accept = op_accept,
    .connect = op_connect,
    .sendmsg = op_sendmsg,
    .recvmsg = op_recvmsg,
    .shutdown = op_shutdown,
    .getsockopt = op_getsockopt,
    .setsockopt = op_setsockopt,
    .getname = op_getname,
    .poll = op_poll,
    .ioctl = op_ioctl,
};

#if CONFIG_LIBPOSIX_SOCKET
UK_SOCKET_DRIVER_REGISTER(lwip_inet, uk_lwip_inet_driver);
#endif
