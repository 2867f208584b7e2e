/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The socket layer over a fake address family registered by the test
 * (family 40): its operations never block and answer -EAGAIN or
 * -EINPROGRESS until a helper thread changes its state, so every blocking
 * path of posix-socket (waits, wake-ups, timeouts, O_NONBLOCK) shows.
 */
#include <errno.h>
#include <string.h>
#include <uk/plat/time.h>
#include <uk/sched.h>
#include <uk/socket.h>
#include <uk/syscall.h>
#include <uk/test.h>
#include <uk/thread.h>
#include <uk/vfs.h>
#if CONFIG_LIBPOSIX_POLL
#include <uk/poll.h>
#endif

#define FAKE_AF 40
#define MS      1000000ull
#define SC(nr, a, b, c, d, e)                                                                      \
	uk_syscall(__NR_##nr, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)

/* one fake connection's state, shared by every fake socket (one at a time) */
static struct {
	char inbox[64];
	size_t inlen;
	size_t room;   /* bytes sendmsg may still take */
	size_t sent;   /* bytes it took */
	int connected; /* 0: in progress; 1: done */
	int conn_err;  /* SO_ERROR once done */
	int pending;   /* connections waiting for accept */
	int closed;    /* driver close calls */
} fk;

static int fk_create(struct uk_socket *s)
{
	s->priv = &fk;
	return s->type == UK_SOCK_STREAM ? 0 : -EPROTONOSUPPORT;
}

static void fk_close(struct uk_socket *s)
{
	(void)s;
	fk.closed++;
}

static int fk_connect(struct uk_socket *s, const void *addr, uint32_t len)
{
	(void)s;
	(void)addr;
	(void)len;
	return fk.connected ? -EISCONN : -EINPROGRESS;
}

static int fk_accept(struct uk_socket *s, struct uk_socket *ns, void *addr, uint32_t *len)
{
	(void)s;
	(void)addr;
	(void)len;
	if (!fk.pending)
		return -EAGAIN;
	fk.pending--;
	ns->priv = &fk;
	return 0;
}

static ssize_t fk_sendmsg(struct uk_socket *s, const struct uk_msghdr *msg, int flags)
{
	size_t n = msg->msg_iov[0].iov_len;

	(void)s;
	(void)flags;
	if (!fk.room)
		return -EAGAIN;
	if (n > fk.room)
		n = fk.room;
	fk.room -= n;
	fk.sent += n;
	return (ssize_t)n;
}

static ssize_t fk_recvmsg(struct uk_socket *s, struct uk_msghdr *msg, int flags)
{
	size_t n = fk.inlen;

	(void)s;
	(void)flags;
	if (!n)
		return -EAGAIN;
	if (n > msg->msg_iov[0].iov_len)
		n = msg->msg_iov[0].iov_len;
	memcpy(msg->msg_iov[0].iov_base, fk.inbox, n);
	memmove(fk.inbox, fk.inbox + n, fk.inlen - n);
	fk.inlen -= n;
	return (ssize_t)n;
}

static int fk_getsockopt(struct uk_socket *s, int level, int name, void *val, uint32_t *len)
{
	(void)s;
	if (level != UK_SOL_SOCKET || name != UK_SO_ERROR || *len < sizeof(int))
		return -ENOPROTOOPT;
	memcpy(val, &fk.conn_err, sizeof(int));
	*len = sizeof(int);
	return 0;
}

static unsigned int fk_poll(struct uk_socket *s)
{
	(void)s;
	return (fk.inlen || fk.pending ? UK_POLLIN : 0) |
	       (fk.connected && fk.room ? UK_POLLOUT : 0) |
	       (fk.connected && fk.conn_err ? UK_POLLERR : 0);
}

static int fk_ioctl(struct uk_socket *s, unsigned long cmd, void *arg)
{
	(void)s;
	if (cmd != UK_FIONREAD)
		return -ENOTTY;
	*(int *)arg = (int)fk.inlen;
	return 0;
}

static const struct uk_socket_driver fake_driver = {
    .name = "fake",
    .family = FAKE_AF,
    .create = fk_create,
    .close = fk_close,
    .accept = fk_accept,
    .connect = fk_connect,
    .sendmsg = fk_sendmsg,
    .recvmsg = fk_recvmsg,
    .getsockopt = fk_getsockopt,
    .poll = fk_poll,
    .ioctl = fk_ioctl,
};

/* a fresh fake socket: the driver registered (once) and its state reset */
static long fake_socket(int flags)
{
	static int registered;

	if (!registered) {
		if (uk_socket_driver_register(&fake_driver))
			return -1;
		registered = 1;
	}
	memset(&fk, 0, sizeof(fk));
	return SC(socket, FAKE_AF, UK_SOCK_STREAM | flags, 0, 0, 0);
}

/* what a helper thread does to the fake connection after a delay */
enum act { FEED, CONNECT_OK, CONNECT_REFUSED, INCOMING, ROOM };

struct later {
	enum act act;
	uint64_t delay;
};

static void act_later(void *arg)
{
	struct later *l = arg;

	uk_sched_sleep_ns(l->delay);
	switch (l->act) {
	case FEED:
		memcpy(fk.inbox, "late", 4);
		fk.inlen = 4;
		break;
	case CONNECT_OK:
		fk.connected = 1;
		fk.room = 64;
		break;
	case CONNECT_REFUSED:
		fk.connected = 1;
		fk.conn_err = ECONNREFUSED;
		break;
	case INCOMING:
		fk.pending = 1;
		break;
	case ROOM:
		fk.room += 1000;
		break;
	}
	uk_socket_event(NULL);
}

static struct uk_thread *later(struct later *l, enum act act, uint64_t delay)
{
	*l = (struct later){act, delay};
	return uk_thread_create("fake-peer", act_later, l);
}

UK_TESTCASE(posix_socket, errors_ebadf_enotsock_eafnosupport)
{
	int p[2], v = 0;
	unsigned int len = sizeof(v);
	char b[4];

	UK_TEST_EXPECT_SNUM_EQ(SC(socket, 77, UK_SOCK_STREAM, 0, 0, 0), -EAFNOSUPPORT);
	UK_TEST_EXPECT_SNUM_EQ(SC(socketpair, 77, UK_SOCK_STREAM, 0, p, 0), -EAFNOSUPPORT);
	UK_TEST_EXPECT_SNUM_EQ(fake_socket(0x100000), -EINVAL); /* unknown type flag */
	UK_TEST_EXPECT_SNUM_EQ(SC(socket, FAKE_AF, UK_SOCK_DGRAM, 0, 0, 0), -EPROTONOSUPPORT);
	UK_TEST_EXPECT_SNUM_EQ(SC(socketpair, FAKE_AF, UK_SOCK_STREAM, 0, p, 0), -EOPNOTSUPP);
	UK_TEST_ASSERT(uk_vfs_pipe2(p, 0) == 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(listen, p[0], 1, 0, 0, 0), -ENOTSOCK);
	UK_TEST_EXPECT_SNUM_EQ(SC(accept, p[0], 0, 0, 0, 0), -ENOTSOCK);
	UK_TEST_EXPECT_SNUM_EQ(SC(sendto, p[1], "x", 1, 0, 0), -ENOTSOCK);
	UK_TEST_EXPECT_SNUM_EQ(SC(getsockopt, p[0], UK_SOL_SOCKET, UK_SO_TYPE, &v, &len),
	                       -ENOTSOCK);
	uk_vfs_close(p[0]);
	uk_vfs_close(p[1]);
	UK_TEST_EXPECT_SNUM_EQ(SC(bind, 950, b, 4, 0, 0), -EBADF);
	UK_TEST_EXPECT_SNUM_EQ(SC(connect, 950, b, 4, 0, 0), -EBADF);
	UK_TEST_EXPECT_SNUM_EQ(SC(recvfrom, 950, b, 4, 0, 0), -EBADF);
	UK_TEST_EXPECT_SNUM_EQ(SC(shutdown, 950, 0, 0, 0, 0), -EBADF);
	UK_TEST_EXPECT_SNUM_EQ(SC(getpeername, 950, b, &len, 0, 0), -EBADF);
}

UK_TESTCASE(posix_socket, descriptor_like_a_file)
{
	struct uk_stat st;
	long fd = fake_socket(UK_SOCK_CLOEXEC);
	int v = 0, on = 1;
	unsigned int len = sizeof(v);
	char buf[8];

	UK_TEST_ASSERT(fd >= 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstat((int)fd, &st), 0);
	UK_TEST_EXPECT_UNUM_EQ(st.st_mode & UK_S_IFMT, UK_S_IFSOCK);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_lseek((int)fd, 0, UK_SEEK_SET), -ESPIPE);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fcntl((int)fd, UK_F_GETFD, 0), UK_FD_CLOEXEC);
	UK_TEST_EXPECT_SNUM_EQ(SC(getsockopt, fd, UK_SOL_SOCKET, UK_SO_TYPE, &v, &len), 0);
	UK_TEST_EXPECT_SNUM_EQ(v, UK_SOCK_STREAM);
	UK_TEST_EXPECT_SNUM_EQ(SC(getsockopt, fd, UK_SOL_SOCKET, UK_SO_DOMAIN, &v, &len), 0);
	UK_TEST_EXPECT_SNUM_EQ(v, FAKE_AF);
	/* fcntl(O_NONBLOCK) and ioctl(FIONBIO) both make an empty read EAGAIN */
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fcntl((int)fd, UK_F_SETFL, UK_O_NONBLOCK), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read((int)fd, buf, sizeof(buf)), -EAGAIN);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fcntl((int)fd, UK_F_SETFL, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_ioctl((int)fd, UK_FIONBIO, &on), 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(recvfrom, fd, buf, sizeof(buf), 0, 0), -EAGAIN);
	UK_TEST_EXPECT(uk_vfs_fcntl((int)fd, UK_F_GETFL, 0) & UK_O_NONBLOCK);
	memcpy(fk.inbox, "abc", 3);
	fk.inlen = 3;
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_ioctl((int)fd, UK_FIONREAD, &v), 0);
	UK_TEST_EXPECT_SNUM_EQ(v, 3);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read((int)fd, buf, sizeof(buf)), 3);
	/* the driver has no bind: EOPNOTSUPP; close reaches its close once */
	UK_TEST_EXPECT_SNUM_EQ(SC(bind, fd, buf, 4, 0, 0), -EOPNOTSUPP);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_close((int)fd), 0);
	UK_TEST_EXPECT_SNUM_EQ(fk.closed, 1);
}

UK_TESTCASE(posix_socket, blocking_recv_woken_by_thread)
{
	struct later l;
	struct uk_thread *t;
	char buf[8] = {0};
	long fd = fake_socket(0);
	uint64_t t0 = ukplat_monotonic_clock();

	UK_TEST_ASSERT(fd >= 0);
	t = later(&l, FEED, 20 * MS);
	UK_TEST_ASSERT(t != NULL);
	UK_TEST_EXPECT_SNUM_EQ(SC(recvfrom, fd, buf, sizeof(buf), 0, 0), 4);
	UK_TEST_EXPECT_STR_EQ(buf, "late");
	UK_TEST_EXPECT(ukplat_monotonic_clock() - t0 >= 20 * MS);
	UK_TEST_EXPECT_SNUM_EQ(uk_thread_join(t), 0);
	/* MSG_DONTWAIT on a blocking socket */
	UK_TEST_EXPECT_SNUM_EQ(SC(recvfrom, fd, buf, sizeof(buf), UK_MSG_DONTWAIT, 0), -EAGAIN);
	/* read() blocks the same way */
	t = later(&l, FEED, 10 * MS);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read((int)fd, buf, 2), 2);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read((int)fd, buf, 8), 2);
	UK_TEST_EXPECT_SNUM_EQ(uk_thread_join(t), 0);
	uk_vfs_close((int)fd);
}

UK_TESTCASE(posix_socket, so_rcvtimeo_times_out)
{
	struct uk_sock_timeval tv = {0, 30000}, got = {9, 9};
	unsigned int len = sizeof(got);
	char buf[4];
	long fd = fake_socket(0);
	uint64_t t0;

	UK_TEST_ASSERT(fd >= 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(setsockopt, fd, UK_SOL_SOCKET, UK_SO_RCVTIMEO, &tv, sizeof(tv)),
	                       0);
	UK_TEST_EXPECT_SNUM_EQ(SC(getsockopt, fd, UK_SOL_SOCKET, UK_SO_RCVTIMEO, &got, &len), 0);
	UK_TEST_EXPECT(got.tv_sec == 0 && got.tv_usec == 30000 && len == sizeof(got));
	t0 = ukplat_monotonic_clock();
	UK_TEST_EXPECT_SNUM_EQ(SC(recvfrom, fd, buf, sizeof(buf), 0, 0), -EAGAIN);
	UK_TEST_EXPECT(ukplat_monotonic_clock() - t0 >= 30 * MS);
	UK_TEST_EXPECT(ukplat_monotonic_clock() - t0 < 3000 * MS);
	/* accept honours it too */
	t0 = ukplat_monotonic_clock();
	UK_TEST_EXPECT_SNUM_EQ(SC(accept, fd, 0, 0, 0, 0), -EAGAIN);
	UK_TEST_EXPECT(ukplat_monotonic_clock() - t0 >= 30 * MS);
	tv.tv_usec = 1000000;
	UK_TEST_EXPECT_SNUM_EQ(SC(setsockopt, fd, UK_SOL_SOCKET, UK_SO_RCVTIMEO, &tv, sizeof(tv)),
	                       -EDOM);
	UK_TEST_EXPECT_SNUM_EQ(SC(setsockopt, fd, UK_SOL_SOCKET, UK_SO_SNDTIMEO, &tv, 4), -EINVAL);
	uk_vfs_close((int)fd);
}

UK_TESTCASE(posix_socket, connect_in_progress_then_so_error)
{
	struct later l;
	struct uk_thread *t;
	struct uk_sock_timeval tv = {0, 20000};
	char addr[16] = {0};
	long fd = fake_socket(0);

	UK_TEST_ASSERT(fd >= 0);
	/* blocking: waits for POLLOUT, then SO_ERROR = 0 */
	t = later(&l, CONNECT_OK, 15 * MS);
	UK_TEST_EXPECT_SNUM_EQ(SC(connect, fd, addr, sizeof(addr), 0, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_thread_join(t), 0);
	uk_vfs_close((int)fd);
	/* refused: the error comes from SO_ERROR */
	fd = fake_socket(0);
	t = later(&l, CONNECT_REFUSED, 10 * MS);
	UK_TEST_EXPECT_SNUM_EQ(SC(connect, fd, addr, sizeof(addr), 0, 0), -ECONNREFUSED);
	UK_TEST_EXPECT_SNUM_EQ(uk_thread_join(t), 0);
	uk_vfs_close((int)fd);
	/* non-blocking: EINPROGRESS at once; SO_SNDTIMEO ends a blocking wait */
	fd = fake_socket(UK_SOCK_NONBLOCK);
	UK_TEST_EXPECT_SNUM_EQ(SC(connect, fd, addr, sizeof(addr), 0, 0), -EINPROGRESS);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fcntl((int)fd, UK_F_SETFL, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(setsockopt, fd, UK_SOL_SOCKET, UK_SO_SNDTIMEO, &tv, sizeof(tv)),
	                       0);
	UK_TEST_EXPECT_SNUM_EQ(SC(connect, fd, addr, sizeof(addr), 0, 0), -EINPROGRESS);
	UK_TEST_EXPECT_SNUM_EQ(SC(connect, fd, NULL, 0, 0, 0), -EFAULT);
	uk_vfs_close((int)fd);
}

UK_TESTCASE(posix_socket, accept_blocks_and_accept4_flags)
{
	struct later l;
	struct uk_thread *t;
	long fd = fake_socket(0), nfd;

	UK_TEST_ASSERT(fd >= 0);
	t = later(&l, INCOMING, 15 * MS);
	nfd = uk_syscall(__NR_accept4, fd, 0, 0, UK_SOCK_NONBLOCK | UK_SOCK_CLOEXEC, 0, 0);
	UK_TEST_EXPECT_SNUM_GE(nfd, 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_thread_join(t), 0);
	UK_TEST_EXPECT(uk_vfs_fcntl((int)nfd, UK_F_GETFL, 0) & UK_O_NONBLOCK);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fcntl((int)nfd, UK_F_GETFD, 0), UK_FD_CLOEXEC);
	UK_TEST_EXPECT_SNUM_EQ(uk_syscall(__NR_accept4, fd, 0, 0, 0x40, 0, 0), -EINVAL);
	uk_vfs_fcntl((int)fd, UK_F_SETFL, UK_O_NONBLOCK);
	UK_TEST_EXPECT_SNUM_EQ(SC(accept, fd, 0, 0, 0, 0), -EAGAIN);
	uk_vfs_close((int)nfd);
	uk_vfs_close((int)fd);
	UK_TEST_EXPECT_SNUM_EQ(fk.closed, 2);
}

UK_TESTCASE(posix_socket, blocking_send_sends_everything)
{
	static char big[2500];
	struct later l;
	struct uk_thread *t;
	long fd = fake_socket(0);

	UK_TEST_ASSERT(fd >= 0);
	fk.connected = 1;
	fk.room = 500;
	/* 500 now, the rest as the helper makes room (1000 at a time) */
	t = later(&l, ROOM, 10 * MS);
	UK_TEST_ASSERT(t != NULL);
	UK_TEST_EXPECT_SNUM_EQ(SC(sendto, fd, big, 1500, 0, 0), 1500);
	UK_TEST_EXPECT_SNUM_EQ(uk_thread_join(t), 0);
	UK_TEST_EXPECT_UNUM_EQ(fk.sent, 1500);
	/* non-blocking: what fits, then EAGAIN */
	fk.room = 100;
	UK_TEST_EXPECT_SNUM_EQ(SC(sendto, fd, big, 1000, UK_MSG_DONTWAIT, 0), 100);
	UK_TEST_EXPECT_SNUM_EQ(SC(sendto, fd, big, 1000, UK_MSG_DONTWAIT, 0), -EAGAIN);
	UK_TEST_EXPECT_SNUM_EQ(SC(sendto, fd, NULL, 10, 0, 0), -EFAULT);
	uk_vfs_close((int)fd);
}

#if CONFIG_LIBPOSIX_POLL
UK_TESTCASE(posix_socket, poll_and_epoll_see_the_driver)
{
	struct later l;
	struct uk_thread *t;
	struct uk_pollfd p;
	struct uk_epoll_event ev = {UK_EPOLLIN, 5};
	long fd = fake_socket(0);
	int ep = uk_epoll_create(0);

	UK_TEST_ASSERT(fd >= 0 && ep >= 0);
	p = (struct uk_pollfd){(int)fd, UK_POLLIN | UK_POLLOUT, 0};
	UK_TEST_EXPECT_SNUM_EQ(uk_poll(&p, 1, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_epoll_ctl(ep, UK_EPOLL_CTL_ADD, (int)fd, &ev), 0);
	t = later(&l, FEED, 15 * MS);
	UK_TEST_EXPECT_SNUM_EQ(uk_epoll_wait(ep, &ev, 1, 5000), 1);
	UK_TEST_EXPECT(ev.events == UK_EPOLLIN && ev.data == 5);
	UK_TEST_EXPECT_SNUM_EQ(uk_poll(&p, 1, 0), 1);
	UK_TEST_EXPECT_SNUM_EQ(p.revents, UK_POLLIN);
	UK_TEST_EXPECT_SNUM_EQ(uk_thread_join(t), 0);
	uk_vfs_close(ep);
	uk_vfs_close((int)fd);
}
#endif

/* Linux truncates an answer to a short buffer (sock_getsockopt copies
 * min(len, size) bytes and stores that length) instead of EINVAL */
UK_TESTCASE(posix_socket, getsockopt_short_buffer_truncates)
{
	struct uk_sock_timeval tv = {3, 4}, got;
	unsigned char b[4] = {0xee, 0xee, 0xee, 0xee};
	unsigned int len = 2;
	long fd = fake_socket(0);

	UK_TEST_ASSERT(fd >= 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(getsockopt, fd, UK_SOL_SOCKET, UK_SO_DOMAIN, b, &len), 0);
	UK_TEST_EXPECT_UNUM_EQ(len, 2);
	UK_TEST_EXPECT(b[0] == (FAKE_AF & 0xff) && b[1] == ((FAKE_AF >> 8) & 0xff) && b[2] == 0xee);
	len = 0;
	UK_TEST_EXPECT_SNUM_EQ(SC(getsockopt, fd, UK_SOL_SOCKET, UK_SO_TYPE, b, &len), 0);
	UK_TEST_EXPECT_UNUM_EQ(len, 0);
	len = 0; /* nothing to copy: no buffer needed */
	UK_TEST_EXPECT_SNUM_EQ(SC(getsockopt, fd, UK_SOL_SOCKET, UK_SO_TYPE, 0, &len), 0);
	len = 100; /* a longer buffer: the answer's size comes back */
	UK_TEST_EXPECT_SNUM_EQ(SC(getsockopt, fd, UK_SOL_SOCKET, UK_SO_TYPE, b, &len), 0);
	UK_TEST_EXPECT_UNUM_EQ(len, sizeof(int));
	len = 0x80000000u; /* negative as Linux's int */
	UK_TEST_EXPECT_SNUM_EQ(SC(getsockopt, fd, UK_SOL_SOCKET, UK_SO_TYPE, b, &len), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(SC(setsockopt, fd, UK_SOL_SOCKET, UK_SO_RCVTIMEO, &tv, sizeof(tv)),
	                       0);
	memset(&got, 0, sizeof(got));
	len = 8; /* half a timeval: the seconds only */
	UK_TEST_EXPECT_SNUM_EQ(SC(getsockopt, fd, UK_SOL_SOCKET, UK_SO_RCVTIMEO, &got, &len), 0);
	UK_TEST_EXPECT(len == 8 && got.tv_sec == 3 && got.tv_usec == 0);
	uk_vfs_close((int)fd);
}
