/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The AF_INET driver (socket.c) and lwIP's socket API over the loopback
 * interface: 1 MiB over TCP checked byte for byte (server on lwip_*,
 * client on the driver's ops), a TCP exchange with both ends on the
 * driver, UDP echo, options, readiness and error numbers.
 */
#include <errno.h>
#include <string.h>
#include <uk/lwip.h>
#include <uk/plat/time.h>
#include <uk/sched.h>
#include <uk/test.h>
#include <uk/thread.h>

#include "lwip/opt.h"
#include "lwip/api.h"
#include "lwip/priv/sockets_priv.h"
#include "lwip/priv/tcp_priv.h"
#include "lwip/sockets.h"
#include "lwip/sys.h"
#include "lwip/tcpip.h"
#include "uk_lwip_socket.h"

#define MS          1000000ULL
#define BIG         (1024 * 1024)
#define LOOPBACK_BE 0x0100007fU /* 127.0.0.1 in network order */

static const struct uk_socket_driver *const drv = &uk_lwip_inet_driver;

static int sk_open(struct uk_socket *s, int type)
{
	memset(s, 0, sizeof(*s));
	s->drv = drv;
	s->family = UK_AF_INET;
	s->type = type;
	return drv->create(s);
}

static struct uk_sockaddr_in lo_addr(uint16_t port)
{
	struct uk_sockaddr_in a = {0};

	a.sin_family = UK_AF_INET;
	a.sin_port = __builtin_bswap16(port);
	a.sin_addr = LOOPBACK_BE;
	return a;
}

/* polls s until one of mask shows or ms pass; returns the last poll bits */
static unsigned int wait_for(struct uk_socket *s, unsigned int mask, unsigned int ms)
{
	uint64_t end = ukplat_monotonic_clock() + ms * MS;
	unsigned int ev;

	while (!((ev = drv->poll(s)) & mask) && ukplat_monotonic_clock() < end)
		uk_sched_sleep_ns(MS);
	return ev;
}

static uint8_t pattern(size_t i)
{
	return (uint8_t)(i * 7 + (i >> 11));
}

static ssize_t send_buf(struct uk_socket *s, const void *buf, size_t len, int flags)
{
	struct uk_iovec iov = {(void *)buf, len};
	struct uk_msghdr m = {0};

	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	return drv->sendmsg(s, &m, flags);
}

static ssize_t recv_buf(struct uk_socket *s, void *buf, size_t len, int flags)
{
	struct uk_iovec iov = {buf, len};
	struct uk_msghdr m = {0};

	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	return drv->recvmsg(s, &m, flags);
}

/* --- 1 MiB: lwip_* server thread, driver client ------------------------------- */
struct big_server {
	sys_sem_t listening;
	uint16_t port;
	size_t received;
	size_t bad_at; /* first wrong byte + 1, 0 if none */
	int err;
};

static void big_server_fn(void *arg)
{
	struct big_server *bs = arg;
	struct sockaddr_in a = {0};
	static uint8_t buf[4096];
	int l, c, n, one = 1;
	uint32_t got;

	l = lwip_socket(AF_INET, SOCK_STREAM, 0);
	a.sin_len = sizeof(a);
	a.sin_family = AF_INET;
	a.sin_port = lwip_htons(bs->port);
	a.sin_addr.s_addr = LOOPBACK_BE;
	lwip_setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (lwip_bind(l, (struct sockaddr *)&a, sizeof(a)) < 0 || lwip_listen(l, 4) < 0) {
		bs->err = uk_lwip_errno ? uk_lwip_errno : -1;
		sys_sem_signal(&bs->listening);
		return;
	}
	sys_sem_signal(&bs->listening);
	c = lwip_accept(l, NULL, NULL); /* blocking */
	while (c >= 0 && bs->received < BIG) {
		n = lwip_recv(c, buf, sizeof(buf), 0);
		if (n <= 0)
			break;
		for (int i = 0; i < n && !bs->bad_at; i++)
			if (buf[i] != pattern(bs->received + (size_t)i))
				bs->bad_at = bs->received + (size_t)i + 1;
		bs->received += (size_t)n;
	}
	got = (uint32_t)bs->received;
	if (c >= 0) {
		lwip_send(c, &got, sizeof(got), 0);
		lwip_close(c);
	}
	lwip_close(l);
}

UK_TESTCASE(lwip_socket, tcp_1mib_byte_for_byte)
{
	static uint8_t chunk[8192];
	struct big_server bs = {.port = 5001};
	struct uk_sockaddr_in a = lo_addr(bs.port), peer;
	struct uk_socket s;
	struct uk_thread *t;
	unsigned long ev0 = uk_lwip_socket_events();
	uint32_t plen = sizeof(peer), got = 0, len;
	size_t sent = 0;
	int rc, soerr = -1;
	uint64_t t0;

	sys_sem_new(&bs.listening, 0);
	t = uk_thread_create("big-server", big_server_fn, &bs);
	UK_TEST_EXPECT(t != NULL);
	sys_arch_sem_wait(&bs.listening, 0);
	UK_TEST_EXPECT(bs.err == 0);

	UK_TEST_EXPECT(sk_open(&s, UK_SOCK_STREAM) == 0);
	rc = drv->connect(&s, &a, sizeof(a));
	UK_TEST_EXPECT(rc == 0 || rc == -EINPROGRESS);
	UK_TEST_EXPECT(wait_for(&s, UK_POLLOUT, 5000) & UK_POLLOUT);
	len = sizeof(soerr);
	UK_TEST_EXPECT(drv->getsockopt(&s, UK_SOL_SOCKET, UK_SO_ERROR, &soerr, &len) == 0);
	UK_TEST_EXPECT(soerr == 0);
	UK_TEST_EXPECT(drv->getname(&s, 1, &peer, &plen) == 0);
	UK_TEST_EXPECT(plen == sizeof(peer) && peer.sin_family == UK_AF_INET &&
	               peer.sin_addr == LOOPBACK_BE && peer.sin_port == a.sin_port);

	t0 = ukplat_monotonic_clock();
	while (sent < BIG && ukplat_monotonic_clock() - t0 < 60000 * MS) {
		/* two pieces per call: the iovec path */
		struct uk_iovec iov[2];
		struct uk_msghdr m = {0};
		size_t n = BIG - sent < sizeof(chunk) ? BIG - sent : sizeof(chunk);
		ssize_t w;

		for (size_t i = 0; i < n; i++)
			chunk[i] = pattern(sent + i);
		iov[0].iov_base = chunk;
		iov[0].iov_len = n / 3;
		iov[1].iov_base = chunk + n / 3;
		iov[1].iov_len = n - n / 3;
		m.msg_iov = iov;
		m.msg_iovlen = 2;
		w = drv->sendmsg(&s, &m, 0);
		if (w == -EAGAIN) {
			wait_for(&s, UK_POLLOUT, 1000);
			continue;
		}
		UK_TEST_EXPECT(w > 0);
		if (w <= 0)
			break;
		sent += (size_t)w; /* a short write resends the rest next round */
	}
	UK_TEST_EXPECT(sent == BIG);
	UK_TEST_EXPECT(wait_for(&s, UK_POLLIN, 30000) & UK_POLLIN);
	UK_TEST_EXPECT(recv_buf(&s, &got, sizeof(got), 0) == sizeof(got));
	UK_TEST_EXPECT(got == BIG);
	UK_TEST_EXPECT(bs.received == BIG);
	UK_TEST_EXPECT(bs.bad_at == 0);
	/* the patched event callback ran (readiness changes were reported) */
	UK_TEST_EXPECT(uk_lwip_socket_events() > ev0);
	uk_pr_info("1 MiB over loopback in %lu ms\n",
	           (unsigned long)((ukplat_monotonic_clock() - t0) / MS));
	drv->close(&s);
	uk_thread_join(t);
	sys_sem_free(&bs.listening);
}

/* --- both ends on the driver -------------------------------------------------- */
UK_TESTCASE(lwip_socket, tcp_driver_both_ends)
{
	struct uk_sockaddr_in a = lo_addr(5002), from;
	struct uk_socket l, c, s;
	uint32_t flen = sizeof(from), len;
	char buf[64];
	int v, one = 1, rc;

	UK_TEST_EXPECT(sk_open(&l, UK_SOCK_STREAM) == 0);
	UK_TEST_EXPECT(drv->setsockopt(&l, UK_SOL_SOCKET, UK_SO_REUSEADDR, &one, sizeof(one)) == 0);
	len = sizeof(v);
	UK_TEST_EXPECT(drv->getsockopt(&l, UK_SOL_SOCKET, UK_SO_REUSEADDR, &v, &len) == 0);
	UK_TEST_EXPECT(v == 1);
	UK_TEST_EXPECT(drv->bind(&l, &a, sizeof(a)) == 0);
	UK_TEST_EXPECT(drv->listen(&l, 8) == 0);
	len = sizeof(v);
	UK_TEST_EXPECT(drv->getsockopt(&l, UK_SOL_SOCKET, UK_SO_ACCEPTCONN, &v, &len) == 0);
	UK_TEST_EXPECT(v == 1);
	memset(&s, 0, sizeof(s));
	s.drv = drv;
	UK_TEST_EXPECT(drv->accept(&l, &s, NULL, NULL) == -EAGAIN); /* nobody yet */
	UK_TEST_EXPECT(!(drv->poll(&l) & UK_POLLIN));

	UK_TEST_EXPECT(sk_open(&c, UK_SOCK_STREAM) == 0);
	rc = drv->connect(&c, &a, sizeof(a));
	UK_TEST_EXPECT(rc == 0 || rc == -EINPROGRESS);
	UK_TEST_EXPECT(wait_for(&l, UK_POLLIN, 5000) & UK_POLLIN);
	UK_TEST_EXPECT(drv->accept(&l, &s, &from, &flen) == 0);
	UK_TEST_EXPECT(flen == sizeof(from) && from.sin_family == UK_AF_INET &&
	               from.sin_addr == LOOPBACK_BE && from.sin_port != 0);

	/* options */
	len = sizeof(v);
	UK_TEST_EXPECT(drv->getsockopt(&s, UK_SOL_SOCKET, UK_SO_TYPE, &v, &len) == 0);
	UK_TEST_EXPECT(v == UK_SOCK_STREAM && len == sizeof(int));
	UK_TEST_EXPECT(drv->setsockopt(&c, UK_IPPROTO_TCP, UK_TCP_NODELAY, &one, sizeof(one)) == 0);
	len = sizeof(v);
	UK_TEST_EXPECT(drv->getsockopt(&c, UK_IPPROTO_TCP, UK_TCP_NODELAY, &v, &len) == 0);
	UK_TEST_EXPECT(v != 0);
	UK_TEST_EXPECT(drv->setsockopt(&c, UK_IPPROTO_TCP, UK_TCP_CORK, &one, sizeof(one)) == 0);
	UK_TEST_EXPECT(drv->setsockopt(&c, UK_SOL_SOCKET, UK_SO_KEEPALIVE, &one, sizeof(one)) == 0);
	UK_TEST_EXPECT(drv->setsockopt(&c, UK_SOL_SOCKET, UK_SO_SNDBUF, &one, sizeof(one)) == 0);
	len = sizeof(v);
	UK_TEST_EXPECT(drv->getsockopt(&c, UK_SOL_SOCKET, UK_SO_RCVBUF, &v, &len) == 0);
	UK_TEST_EXPECT(v > 0);
	{
		/* short buffers: truncated like Linux; IP's byte-sized values as a
		 * byte (ip_getsockopt), SO_TYPE's first bytes */
		unsigned char b[4] = {0xee, 0xee, 0xee, 0xee};

		len = 1;
		UK_TEST_EXPECT(drv->getsockopt(&c, UK_IPPROTO_IP, 2 /* IP_TTL */, b, &len) == 0);
		UK_TEST_EXPECT(len == 1 && b[0] == IP_DEFAULT_TTL && b[1] == 0xee);
		len = 2;
		UK_TEST_EXPECT(drv->getsockopt(&c, UK_SOL_SOCKET, UK_SO_TYPE, b, &len) == 0);
		UK_TEST_EXPECT(len == 2 && b[0] == UK_SOCK_STREAM && b[1] == 0 && b[2] == 0xee);
		len = 0;
		UK_TEST_EXPECT(drv->getsockopt(&c, UK_SOL_SOCKET, UK_SO_TYPE, NULL, &len) == 0);
	}
	{
		int linger[2] = {-1, -1}; /* struct linger: l_onoff, l_linger */

		len = sizeof(linger);
		UK_TEST_EXPECT(drv->getsockopt(&c, UK_SOL_SOCKET, UK_SO_LINGER, linger, &len) == 0);
		UK_TEST_EXPECT(len == sizeof(linger) && linger[0] == 0 && linger[1] == 0);
	}
	UK_TEST_EXPECT(drv->setsockopt(&c, UK_SOL_SOCKET, 999, &one, sizeof(one)) == -ENOPROTOOPT);
	UK_TEST_EXPECT(drv->setsockopt(&c, 99, 1, &one, sizeof(one)) == -ENOPROTOOPT);

	/* data both ways, FIONREAD, EAGAIN on empty, EOF after shutdown */
	UK_TEST_EXPECT(recv_buf(&s, buf, sizeof(buf), 0) == -EAGAIN);
	UK_TEST_EXPECT(send_buf(&c, "hello lwip", 10, 0) == 10);
	UK_TEST_EXPECT(wait_for(&s, UK_POLLIN, 5000) & UK_POLLIN);
	v = -1;
	UK_TEST_EXPECT(drv->ioctl(&s, 0x541b, &v) == 0);
	UK_TEST_EXPECT(v == 10);
	UK_TEST_EXPECT(recv_buf(&s, buf, 5, UK_MSG_PEEK) == 5);
	UK_TEST_EXPECT(recv_buf(&s, buf, sizeof(buf), 0) == 10);
	UK_TEST_EXPECT(memcmp(buf, "hello lwip", 10) == 0);
	UK_TEST_EXPECT(send_buf(&s, "ok", 2, UK_MSG_NOSIGNAL) == 2);
	UK_TEST_EXPECT(wait_for(&c, UK_POLLIN, 5000) & UK_POLLIN);
	UK_TEST_EXPECT(recv_buf(&c, buf, sizeof(buf), UK_MSG_DONTWAIT) == 2);
	UK_TEST_EXPECT(send_buf(&c, "x", 1, UK_MSG_OOB) == -EOPNOTSUPP);
	UK_TEST_EXPECT(drv->shutdown(&c, UK_SHUT_WR) == 0);
	UK_TEST_EXPECT(wait_for(&s, UK_POLLIN, 5000) & UK_POLLIN);
	UK_TEST_EXPECT(recv_buf(&s, buf, sizeof(buf), 0) == 0);

	drv->close(&c);
	drv->close(&s);
	drv->close(&l);
}

/* --- UDP echo --------------------------------------------------------------- */
struct udp_echo {
	sys_sem_t bound;
	int err;
};

static void udp_echo_fn(void *arg)
{
	struct udp_echo *ue = arg;
	struct uk_sockaddr_in a = lo_addr(5003), from;
	struct uk_socket u;
	struct uk_iovec iov;
	struct uk_msghdr m = {0};
	char buf[256];
	ssize_t n;

	ue->err = sk_open(&u, UK_SOCK_DGRAM);
	if (!ue->err)
		ue->err = drv->bind(&u, &a, sizeof(a));
	sys_sem_signal(&ue->bound);
	if (ue->err)
		return;
	wait_for(&u, UK_POLLIN, 10000);
	iov.iov_base = buf;
	iov.iov_len = sizeof(buf);
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_name = &from;
	m.msg_namelen = sizeof(from);
	n = drv->recvmsg(&u, &m, 0);
	if (n > 0) {
		iov.iov_len = (size_t)n;
		drv->sendmsg(&u, &m, 0);
	}
	drv->close(&u);
}

UK_TESTCASE(lwip_socket, udp_echo)
{
	struct udp_echo ue;
	struct uk_sockaddr_in srv = lo_addr(5003), from;
	struct uk_socket u;
	struct uk_iovec iov[2];
	struct uk_msghdr m = {0};
	struct uk_thread *t;
	char buf[64];

	sys_sem_new(&ue.bound, 0);
	t = uk_thread_create("udp-echo", udp_echo_fn, &ue);
	sys_arch_sem_wait(&ue.bound, 0);
	UK_TEST_EXPECT(ue.err == 0);

	UK_TEST_EXPECT(sk_open(&u, UK_SOCK_DGRAM) == 0);
	iov[0].iov_base = "datagram ";
	iov[0].iov_len = 9;
	iov[1].iov_base = "echo";
	iov[1].iov_len = 4;
	m.msg_iov = iov;
	m.msg_iovlen = 2;
	m.msg_name = &srv;
	m.msg_namelen = sizeof(srv);
	UK_TEST_EXPECT(drv->sendmsg(&u, &m, 0) == 13);
	UK_TEST_EXPECT(wait_for(&u, UK_POLLIN, 5000) & UK_POLLIN);
	memset(&m, 0, sizeof(m));
	iov[0].iov_base = buf;
	iov[0].iov_len = 4; /* split on receive too */
	iov[1].iov_base = buf + 4;
	iov[1].iov_len = sizeof(buf) - 4;
	m.msg_iov = iov;
	m.msg_iovlen = 2;
	m.msg_name = &from;
	m.msg_namelen = sizeof(from);
	UK_TEST_EXPECT(drv->recvmsg(&u, &m, 0) == 13);
	UK_TEST_EXPECT(memcmp(buf, "datagram echo", 13) == 0);
	UK_TEST_EXPECT(m.msg_namelen == sizeof(from) && from.sin_port == srv.sin_port &&
	               from.sin_addr == LOOPBACK_BE);
	drv->close(&u);
	uk_thread_join(t);
	sys_sem_free(&ue.bound);
}

/* --- errors ------------------------------------------------------------------ */
UK_TESTCASE(lwip_socket, error_numbers)
{
	struct uk_sockaddr_in a = lo_addr(5004), closed = lo_addr(5999);
	struct uk_socket s1, s2, c;
	unsigned int ev;
	uint32_t len;
	int v = -1, rc;

	UK_TEST_EXPECT(sk_open(&s1, UK_SOCK_STREAM) == 0);
	UK_TEST_EXPECT(sk_open(&s2, UK_SOCK_STREAM) == 0);
	UK_TEST_EXPECT(drv->bind(&s1, &a, sizeof(a)) == 0);
	UK_TEST_EXPECT(drv->bind(&s2, &a, sizeof(a)) == -EADDRINUSE);
	UK_TEST_EXPECT(drv->bind(&s2, &a, 8) == -EINVAL);
	a.sin_family = UK_AF_INET6;
	UK_TEST_EXPECT(drv->bind(&s2, &a, sizeof(a)) == -EAFNOSUPPORT);
	drv->close(&s1);
	drv->close(&s2);

	memset(&c, 0, sizeof(c));
	c.type = UK_SOCK_RAW;
	UK_TEST_EXPECT(drv->create(&c) < 0);

	/* nobody listens: refused, reported through readiness and SO_ERROR */
	UK_TEST_EXPECT(sk_open(&c, UK_SOCK_STREAM) == 0);
	rc = drv->connect(&c, &closed, sizeof(closed));
	UK_TEST_EXPECT(rc == -EINPROGRESS || rc == -ECONNREFUSED);
	ev = wait_for(&c, UK_POLLERR, 5000);
	UK_TEST_EXPECT(ev & UK_POLLERR);
	len = sizeof(v);
	UK_TEST_EXPECT(drv->getsockopt(&c, UK_SOL_SOCKET, UK_SO_ERROR, &v, &len) == 0);
	UK_TEST_EXPECT(v == ECONNREFUSED);
	drv->close(&c);
}

/* a connection reset after it was up reads ECONNRESET, not the refused
 * connect's ECONNREFUSED (the driver's mapping stops once data moved) */
UK_TESTCASE(lwip_socket, reset_after_established)
{
	struct uk_sockaddr_in a = lo_addr(5005);
	struct uk_socket l, c, s;
	uint32_t len;
	int v = -1, rc;

	UK_TEST_EXPECT(sk_open(&l, UK_SOCK_STREAM) == 0);
	UK_TEST_EXPECT(drv->bind(&l, &a, sizeof(a)) == 0);
	UK_TEST_EXPECT(drv->listen(&l, 2) == 0);
	UK_TEST_EXPECT(sk_open(&c, UK_SOCK_STREAM) == 0);
	rc = drv->connect(&c, &a, sizeof(a));
	UK_TEST_EXPECT(rc == 0 || rc == -EINPROGRESS);
	UK_TEST_EXPECT(wait_for(&l, UK_POLLIN, 5000) & UK_POLLIN);
	memset(&s, 0, sizeof(s));
	s.drv = drv;
	UK_TEST_EXPECT(drv->accept(&l, &s, NULL, NULL) == 0);
	UK_TEST_EXPECT(wait_for(&c, UK_POLLOUT, 5000) & UK_POLLOUT);
	UK_TEST_EXPECT(send_buf(&c, "unread", 6, 0) == 6);
	UK_TEST_EXPECT(wait_for(&s, UK_POLLIN, 5000) & UK_POLLIN);
	drv->close(&s); /* closing with unread data sends a reset */
	UK_TEST_EXPECT(wait_for(&c, UK_POLLERR, 5000) & UK_POLLERR);
	len = sizeof(v);
	UK_TEST_EXPECT(drv->getsockopt(&c, UK_SOL_SOCKET, UK_SO_ERROR, &v, &len) == 0);
	UK_TEST_EXPECT(v == ECONNRESET);
	drv->close(&c);
	drv->close(&l);
}

/* --- hang-ups: Linux's POLLRDHUP, POLLHUP and POLLERR -------------------------- */
/* a connected pair on port: c the client, s the accepted end; 0 or where
 * it failed (UK_TEST_EXPECT works in test bodies only) */
static int tcp_pair(uint16_t port, struct uk_socket *l, struct uk_socket *c, struct uk_socket *s)
{
	struct uk_sockaddr_in a = lo_addr(port);
	int rc;

	if (sk_open(l, UK_SOCK_STREAM) || drv->bind(l, &a, sizeof(a)) || drv->listen(l, 2))
		return 1;
	if (sk_open(c, UK_SOCK_STREAM))
		return 2;
	rc = drv->connect(c, &a, sizeof(a));
	if (rc && rc != -EINPROGRESS)
		return 3;
	if (!(wait_for(l, UK_POLLIN, 5000) & UK_POLLIN))
		return 4;
	memset(s, 0, sizeof(*s));
	s->drv = drv;
	if (drv->accept(l, s, NULL, NULL))
		return 5;
	return wait_for(c, UK_POLLOUT, 5000) & UK_POLLOUT ? 0 : 6;
}

#define HANGUPS (UK_POLLRDHUP | UK_POLLHUP | UK_POLLERR)

UK_TESTCASE(lwip_socket, poll_fin_then_close)
{
	struct uk_socket l, c, s, f;
	char buf[8];

	/* never connected: Linux reports it writable and hung up */
	UK_TEST_EXPECT(sk_open(&f, UK_SOCK_STREAM) == 0);
	UK_TEST_EXPECT(drv->poll(&f) == (UK_POLLOUT | UK_POLLHUP));
	/* nothing can come: Linux's recv says ENOTCONN (not EAGAIN, which
	 * would make a blocking recv wait for ever) */
	UK_TEST_EXPECT(recv_buf(&f, buf, sizeof(buf), 0) == -ENOTCONN);
	drv->close(&f);

	UK_TEST_EXPECT(tcp_pair(5006, &l, &c, &s) == 0);
	UK_TEST_EXPECT(recv_buf(&l, buf, sizeof(buf), 0) == -ENOTCONN); /* a listener */
	UK_TEST_EXPECT(!(drv->poll(&l) & HANGUPS));
	UK_TEST_EXPECT(!(drv->poll(&c) & HANGUPS));
	UK_TEST_EXPECT(!(drv->poll(&s) & HANGUPS));

	/* the peer's FIN: readable and read-hung-up, not hung up, until and
	 * after end of file is read (every read then gives 0) */
	UK_TEST_EXPECT(send_buf(&s, "bye", 3, 0) == 3);
	UK_TEST_EXPECT(drv->shutdown(&s, UK_SHUT_WR) == 0);
	UK_TEST_EXPECT(wait_for(&c, UK_POLLRDHUP, 5000) & UK_POLLRDHUP);
	UK_TEST_EXPECT((drv->poll(&c) & (UK_POLLIN | HANGUPS)) == (UK_POLLIN | UK_POLLRDHUP));
	UK_TEST_EXPECT(recv_buf(&c, buf, sizeof(buf), 0) == 3);
	UK_TEST_EXPECT(recv_buf(&c, buf, sizeof(buf), 0) == 0);
	UK_TEST_EXPECT((drv->poll(&c) & (UK_POLLIN | HANGUPS)) == (UK_POLLIN | UK_POLLRDHUP));
	UK_TEST_EXPECT(recv_buf(&c, buf, sizeof(buf), 0) == 0);
	UK_TEST_EXPECT(!(drv->poll(&s) & HANGUPS)); /* s only stopped sending */

	/* FINs both ways: both ends hung up, no error */
	UK_TEST_EXPECT(drv->shutdown(&c, UK_SHUT_WR) == 0);
	UK_TEST_EXPECT(wait_for(&c, UK_POLLHUP, 5000) & UK_POLLHUP);
	UK_TEST_EXPECT(wait_for(&s, UK_POLLHUP, 5000) & UK_POLLHUP);
	UK_TEST_EXPECT((drv->poll(&c) & HANGUPS) == (UK_POLLRDHUP | UK_POLLHUP));
	UK_TEST_EXPECT((drv->poll(&s) & HANGUPS) == (UK_POLLRDHUP | UK_POLLHUP));
	drv->close(&c);
	drv->close(&s);
	drv->close(&l);
}

UK_TESTCASE(lwip_socket, poll_reset_and_shut_rd)
{
	struct uk_socket l, c, s;
	uint32_t len;
	int v = -1;

	/* a reset: error, hung up both ways; reading SO_ERROR clears POLLERR */
	UK_TEST_EXPECT(tcp_pair(5007, &l, &c, &s) == 0);
	UK_TEST_EXPECT(send_buf(&c, "unread", 6, 0) == 6);
	UK_TEST_EXPECT(wait_for(&s, UK_POLLIN, 5000) & UK_POLLIN);
	drv->close(&s); /* unread data: a reset */
	UK_TEST_EXPECT(wait_for(&c, UK_POLLERR, 5000) & UK_POLLERR);
	UK_TEST_EXPECT((drv->poll(&c) & (UK_POLLIN | HANGUPS)) == (UK_POLLIN | HANGUPS));
	len = sizeof(v);
	UK_TEST_EXPECT(drv->getsockopt(&c, UK_SOL_SOCKET, UK_SO_ERROR, &v, &len) == 0);
	UK_TEST_EXPECT(v == ECONNRESET);
	UK_TEST_EXPECT((drv->poll(&c) & HANGUPS) == (UK_POLLRDHUP | UK_POLLHUP));
	drv->close(&c);

	/* our own shutdown(SHUT_RD): read-hung-up like a FIN, still writable */
	memset(&s, 0, sizeof(s));
	UK_TEST_EXPECT(sk_open(&c, UK_SOCK_STREAM) == 0);
	{
		struct uk_sockaddr_in a = lo_addr(5007);
		int rc = drv->connect(&c, &a, sizeof(a));

		UK_TEST_EXPECT(rc == 0 || rc == -EINPROGRESS);
	}
	UK_TEST_EXPECT(wait_for(&l, UK_POLLIN, 5000) & UK_POLLIN);
	s.drv = drv;
	UK_TEST_EXPECT(drv->accept(&l, &s, NULL, NULL) == 0);
	UK_TEST_EXPECT(wait_for(&c, UK_POLLOUT, 5000) & UK_POLLOUT);
	UK_TEST_EXPECT(drv->shutdown(&c, UK_SHUT_RD) == 0);
	UK_TEST_EXPECT((drv->poll(&c) & (UK_POLLIN | UK_POLLOUT | HANGUPS)) ==
	               (UK_POLLIN | UK_POLLOUT | UK_POLLRDHUP));
	/* shutdown of both directions: hung up */
	UK_TEST_EXPECT(drv->shutdown(&s, UK_SHUT_RDWR) == 0);
	UK_TEST_EXPECT(drv->poll(&s) & UK_POLLHUP);
	drv->close(&c);
	drv->close(&s);
	drv->close(&l);
}

/* --- TIME-WAIT ends under a socket that still holds its pcb ------------------ */
/* whether the netconn of s holds no pcb or one lwIP still lists (a freed pcb
 * is in none of the lists: the netconn would use freed memory) */
static int pcb_listed(const struct uk_socket *s)
{
	struct lwip_sock *ls = lwip_socket_dbg_get_socket((int)(intptr_t)s->priv - 1);
	const struct tcp_pcb *pcb, *p;
	int found = 0;

	if (!ls || !ls->conn)
		return 0;
	LOCK_TCPIP_CORE();
	pcb = ls->conn->pcb.tcp;
	for (p = tcp_active_pcbs; pcb && p && !found; p = p->next)
		found = p == pcb;
	for (p = tcp_tw_pcbs; pcb && p && !found; p = p->next)
		found = p == pcb;
	UNLOCK_TCPIP_CORE();
	return !pcb || found;
}

/* c shuts down its sending side, then s: c's pcb goes to TIME-WAIT */
static int fins_both_ways(struct uk_socket *c, struct uk_socket *s)
{
	if (drv->shutdown(c, UK_SHUT_WR) || !(wait_for(s, UK_POLLRDHUP, 5000) & UK_POLLRDHUP))
		return 1;
	if (drv->shutdown(s, UK_SHUT_WR))
		return 2;
	return wait_for(c, UK_POLLHUP, 5000) & UK_POLLHUP ? 0 : 3;
}

/*
 * 2*MSL after our SHUT_WR and the peer's FIN (TCP_MSL is short in test
 * images, lwipopts.h), lwIP frees the pcb in TIME-WAIT: the socket must
 * let go of it, whether it read end of file (d) or not (c), and still read
 * 0, poll hung up without error, and close.
 */
UK_TESTCASE(lwip_socket, timewait_expiry)
{
	struct uk_socket l, c, s, m, d, t;
	const unsigned int want = UK_POLLIN | UK_POLLRDHUP | UK_POLLHUP;
	char buf[8];
	uint32_t len;
	int ok = 1, v = -1;

	UK_TEST_ASSERT(tcp_pair(5008, &l, &c, &s) == 0);
	UK_TEST_ASSERT(tcp_pair(5009, &m, &d, &t) == 0);
	UK_TEST_EXPECT(fins_both_ways(&c, &s) == 0);
	UK_TEST_EXPECT(fins_both_ways(&d, &t) == 0);
	UK_TEST_EXPECT(recv_buf(&d, buf, sizeof(buf), 0) == 0);
	UK_TEST_EXPECT(pcb_listed(&c) && pcb_listed(&d));

	/* TIME-WAIT ends within 1.5 s (2*MSL, two 500 ms ticks of tcp_slowtmr) */
	for (int i = 0; i < 25 && ok; i++) {
		uk_sched_sleep_ns(100 * MS);
		ok = pcb_listed(&c) && pcb_listed(&d);
	}
	uk_sched_sleep_ns(1000 * MS);
	ok = ok && pcb_listed(&c) && pcb_listed(&d);
	UK_TEST_EXPECT(ok);
	if (!ok)
		return; /* a close would free the freed pcb again */

	UK_TEST_EXPECT((drv->poll(&c) & (want | UK_POLLERR)) == want);
	UK_TEST_EXPECT((drv->poll(&d) & (want | UK_POLLERR)) == want);
	UK_TEST_EXPECT(recv_buf(&c, buf, sizeof(buf), 0) == 0);
	UK_TEST_EXPECT(recv_buf(&c, buf, sizeof(buf), 0) == 0);
	UK_TEST_EXPECT(recv_buf(&d, buf, sizeof(buf), 0) == 0);
	UK_TEST_EXPECT((drv->poll(&c) & (want | UK_POLLERR)) == want);
	len = sizeof(v);
	UK_TEST_EXPECT(drv->getsockopt(&c, UK_SOL_SOCKET, UK_SO_ERROR, &v, &len) == 0 && v == 0);
	UK_TEST_EXPECT(recv_buf(&c, buf, sizeof(buf), 0) == 0);
	drv->close(&c);
	drv->close(&d);
	drv->close(&s);
	drv->close(&t);
	drv->close(&l);
	drv->close(&m);
}
