/* SPDX-License-Identifier: BSD-3-Clause */
/* AF_UNIX stream sockets: pairs, named sockets, blocking transfers between threads */
#include <errno.h>
#include <string.h>
#include <uk/sched.h>
#include <uk/socket.h>
#include <uk/syscall.h>
#include <uk/test.h>
#include <uk/thread.h>
#include <uk/vfs.h>
#if CONFIG_LIBPOSIX_POLL
#include <uk/poll.h>
#endif

#define SC(nr, a, b, c, d, e)                                                                      \
	uk_syscall(__NR_##nr, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)
#define MS 1000000ull

static unsigned int sun_len(const char *path)
{
	return (unsigned int)(sizeof(uint16_t) + strlen(path));
}

static struct uk_sockaddr_un sun_of(const char *path)
{
	struct uk_sockaddr_un a = {.sun_family = UK_AF_UNIX};

	memcpy(a.sun_path, path, strlen(path));
	return a;
}

UK_TESTCASE(posix_socket_unix, pair_both_ways_shutdown_close)
{
	int sv[2], n = -1;
	char buf[16] = {0}, name[16], control[32];
	struct uk_iovec iov = {buf, sizeof(buf)};
	struct uk_msghdr msg = {name, sizeof(name), &iov, 1, control, sizeof(control), 7};

	UK_TEST_ASSERT(SC(socketpair, UK_AF_UNIX, UK_SOCK_STREAM, 0, sv, 0) == 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(sv[0], "ping", 4), 4);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_ioctl(sv[1], UK_FIONREAD, &n), 0);
	UK_TEST_EXPECT_SNUM_EQ(n, 4);
	/* MSG_PEEK leaves the data */
	UK_TEST_EXPECT_SNUM_EQ(SC(recvfrom, sv[1], buf, 2, UK_MSG_PEEK, 0), 2);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(sv[1], buf, sizeof(buf)), 4);
	UK_TEST_EXPECT_STR_EQ(buf, "ping");
	UK_TEST_EXPECT_SNUM_EQ(SC(sendto, sv[1], "pong", 4, 0, 0), 4);
	memset(buf, 0, sizeof(buf));
	/* recvmsg: no ancillary data, no source address */
	UK_TEST_EXPECT_SNUM_EQ(SC(recvmsg, sv[0], &msg, 0, 0, 0), 4);
	UK_TEST_EXPECT_STR_EQ(buf, "pong");
	UK_TEST_EXPECT(msg.msg_controllen == 0 && msg.msg_namelen == 0 && msg.msg_flags == 0);
	/* shutdown(WR): the peer reads end of file, we can still read */
	UK_TEST_EXPECT_SNUM_EQ(SC(shutdown, sv[0], UK_SHUT_WR, 0, 0, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(sv[1], buf, sizeof(buf)), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(sv[0], "x", 1), -EPIPE);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(sv[1], "y", 1), 1);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(sv[0], buf, sizeof(buf)), 1);
	UK_TEST_EXPECT_SNUM_EQ(SC(shutdown, sv[0], 7, 0, 0, 0), -EINVAL);
	/* close: the other end reads EOF and cannot write */
	uk_vfs_close(sv[0]);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(sv[1], buf, sizeof(buf)), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(sv[1], "z", 1), -EPIPE);
	uk_vfs_close(sv[1]);
	UK_TEST_EXPECT_SNUM_EQ(SC(socketpair, UK_AF_UNIX, UK_SOCK_DGRAM, 0, sv, 0),
	                       -EPROTONOSUPPORT);
	UK_TEST_EXPECT_SNUM_EQ(SC(socketpair, UK_AF_UNIX, UK_SOCK_STREAM, 0, NULL, 0), -EFAULT);
}

UK_TESTCASE(posix_socket_unix, nonblocking_pair_fills_up)
{
	static char chunk[4096];
	int sv[2];
	long n, total = 0;

	UK_TEST_ASSERT(SC(socketpair, UK_AF_UNIX, UK_SOCK_STREAM | UK_SOCK_NONBLOCK, 0, sv, 0) ==
	               0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(sv[0], chunk, 1), -EAGAIN);
	while ((n = uk_vfs_write(sv[0], chunk, sizeof(chunk))) > 0)
		total += n;
	UK_TEST_EXPECT_SNUM_EQ(n, -EAGAIN);
	UK_TEST_EXPECT_SNUM_EQ(total, 32768);
	uk_vfs_close(sv[0]);
	uk_vfs_close(sv[1]);
}

struct xfer {
	int fd;
	long bytes;
	long result;
};

static void drain(void *arg)
{
	static char sink[3000];
	struct xfer *x = arg;
	long n;

	while ((n = uk_vfs_read(x->fd, sink, sizeof(sink))) > 0)
		x->result += n;
}

static void trickle(void *arg)
{
	struct xfer *x = arg;

	for (long i = 0; i < x->bytes; i++) {
		uk_sched_sleep_ns(MS);
		if (uk_vfs_write(x->fd, "w", 1) != 1)
			x->result = -1;
	}
}

UK_TESTCASE(posix_socket_unix, blocking_transfer_between_threads)
{
	static char big[200000];
	struct xfer x = {0, 0, 0};
	struct uk_thread *t;
	int sv[2];

	UK_TEST_ASSERT(SC(socketpair, UK_AF_UNIX, UK_SOCK_STREAM, 0, sv, 0) == 0);
	x.fd = sv[1];
	t = uk_thread_create("unix-drain", drain, &x);
	UK_TEST_ASSERT(t != NULL);
	/* six times the buffer: only a draining reader lets this finish */
	UK_TEST_EXPECT_SNUM_EQ(SC(sendto, sv[0], big, sizeof(big), 0, 0), (long)sizeof(big));
	uk_vfs_close(sv[0]);
	UK_TEST_EXPECT_SNUM_EQ(uk_thread_join(t), 0);
	UK_TEST_EXPECT_SNUM_EQ(x.result, (long)sizeof(big));
	uk_vfs_close(sv[1]);
}

UK_TESTCASE(posix_socket_unix, reader_woken_waitall)
{
	struct xfer x = {0, 5, 0};
	struct uk_thread *t;
	char buf[8] = {0};
	int sv[2];

	UK_TEST_ASSERT(SC(socketpair, UK_AF_UNIX, UK_SOCK_STREAM, 0, sv, 0) == 0);
	x.fd = sv[0];
	t = uk_thread_create("unix-trickle", trickle, &x);
	UK_TEST_ASSERT(t != NULL);
	/* one byte at a time arrives; MSG_WAITALL waits for all five */
	UK_TEST_EXPECT_SNUM_EQ(SC(recvfrom, sv[1], buf, 5, UK_MSG_WAITALL, 0), 5);
	UK_TEST_EXPECT_STR_EQ(buf, "wwwww");
	UK_TEST_EXPECT_SNUM_EQ(uk_thread_join(t), 0);
	UK_TEST_EXPECT_SNUM_EQ(x.result, 0);
	/* a blocked plain read is woken by the first byte */
	x.bytes = 2;
	t = uk_thread_create("unix-trickle", trickle, &x);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(sv[1], buf, sizeof(buf)), 1);
	UK_TEST_EXPECT_SNUM_EQ(uk_thread_join(t), 0);
	uk_vfs_close(sv[0]);
	uk_vfs_close(sv[1]);
}

struct client {
	const char *path;
	uint64_t delay;
	long fd;
};

static void connect_later(void *arg)
{
	struct client *c = arg;
	struct uk_sockaddr_un a = sun_of(c->path);

	uk_sched_sleep_ns(c->delay);
	c->fd = SC(socket, UK_AF_UNIX, UK_SOCK_STREAM, 0, 0, 0);
	if (c->fd >= 0 && SC(connect, c->fd, &a, sun_len(c->path), 0, 0) == 0)
		uk_vfs_write((int)c->fd, "hello", 5);
}

UK_TESTCASE(posix_socket_unix, named_bind_listen_accept_connect)
{
	struct uk_sockaddr_un a = sun_of("/tmp/srv"), got;
	unsigned int len = sizeof(got);
	struct client c = {"/tmp/srv", 15 * MS, -1};
	struct uk_thread *t;
	char buf[8] = {0};
	long s = SC(socket, UK_AF_UNIX, UK_SOCK_STREAM | UK_SOCK_CLOEXEC, 0, 0, 0), s2, cfd;
	int v = 0;
	unsigned int vlen = sizeof(v);

	UK_TEST_ASSERT(s >= 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(connect, s, &a, sun_len("/tmp/srv"), 0, 0), -ECONNREFUSED);
	UK_TEST_EXPECT_SNUM_EQ(SC(listen, s, 4, 0, 0, 0), -EINVAL); /* not bound */
	UK_TEST_EXPECT_SNUM_EQ(SC(bind, s, &a, sun_len("/tmp/srv"), 0, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(listen, s, 4, 0, 0, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(getsockopt, s, UK_SOL_SOCKET, UK_SO_ACCEPTCONN, &v, &vlen), 0);
	UK_TEST_EXPECT_SNUM_EQ(v, 1);
	{
		unsigned char b[2] = {0, 0xee};
		unsigned int blen = 1; /* short: truncated as on Linux */

		UK_TEST_EXPECT_SNUM_EQ(SC(getsockopt, s, UK_SOL_SOCKET, UK_SO_ACCEPTCONN, b, &blen),
		                       0);
		UK_TEST_EXPECT(blen == 1 && b[0] == 1 && b[1] == 0xee);
	}
	UK_TEST_EXPECT_SNUM_EQ(SC(getsockname, s, &got, &len, 0, 0), 0);
	UK_TEST_EXPECT_UNUM_EQ(len, sun_len("/tmp/srv") + 1);
	UK_TEST_EXPECT_STR_EQ(got.sun_path, "/tmp/srv");
	s2 = SC(socket, UK_AF_UNIX, UK_SOCK_STREAM, 0, 0, 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(bind, s2, &a, sun_len("/tmp/srv"), 0, 0), -EADDRINUSE);
	uk_vfs_close((int)s2);
	/* accept blocks until the client thread connects */
	t = uk_thread_create("unix-client", connect_later, &c);
	UK_TEST_ASSERT(t != NULL);
	len = sizeof(got);
	cfd = SC(accept, s, &got, &len, 0, 0);
	UK_TEST_EXPECT_SNUM_GE(cfd, 0);
	UK_TEST_EXPECT_UNUM_EQ(len, 2); /* the client is unnamed */
	UK_TEST_EXPECT_SNUM_EQ(uk_thread_join(t), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read((int)cfd, buf, sizeof(buf)), 5);
	UK_TEST_EXPECT_STR_EQ(buf, "hello");
	len = sizeof(got);
	UK_TEST_EXPECT_SNUM_EQ(SC(getpeername, c.fd, &got, &len, 0, 0), 0);
	UK_TEST_EXPECT_STR_EQ(got.sun_path, "/tmp/srv");
	UK_TEST_EXPECT_SNUM_EQ(SC(connect, c.fd, &a, sun_len("/tmp/srv"), 0, 0), -EISCONN);
	/* nothing pending: a non-blocking accept answers EAGAIN */
	uk_vfs_fcntl((int)s, UK_F_SETFL, UK_O_NONBLOCK);
	UK_TEST_EXPECT_SNUM_EQ(SC(accept, s, 0, 0, 0, 0), -EAGAIN);
	uk_vfs_close((int)cfd);
	uk_vfs_close((int)c.fd);
	uk_vfs_close((int)s);
	/* the name is free again once its socket is closed */
	s = SC(socket, UK_AF_UNIX, UK_SOCK_STREAM, 0, 0, 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(bind, s, &a, sun_len("/tmp/srv"), 0, 0), 0);
	uk_vfs_close((int)s);
}

#if CONFIG_LIBPOSIX_POLL
UK_TESTCASE(posix_socket_unix, poll_select_epoll_on_sockets)
{
	struct uk_sockaddr_un a = sun_of("@abstract");
	struct uk_pollfd p[2];
	struct uk_epoll_event ev = {UK_EPOLLIN, 11};
	struct client c = {"@abstract", 10 * MS, -1};
	struct uk_thread *t;
	int sv[2], ep;
	unsigned long rset[16] = {0};
	long s;

	UK_TEST_ASSERT(SC(socketpair, UK_AF_UNIX, UK_SOCK_STREAM, 0, sv, 0) == 0);
	p[0] = (struct uk_pollfd){sv[0], UK_POLLIN | UK_POLLOUT, 0};
	p[1] = (struct uk_pollfd){sv[1], UK_POLLIN, 0};
	UK_TEST_EXPECT_SNUM_EQ(uk_poll(p, 2, 0), 1);
	UK_TEST_EXPECT_SNUM_EQ(p[0].revents, UK_POLLOUT);
	uk_vfs_write(sv[0], "q", 1);
	UK_TEST_EXPECT_SNUM_EQ(uk_poll(p, 2, 0), 2);
	UK_TEST_EXPECT_SNUM_EQ(p[1].revents, UK_POLLIN);
	rset[sv[1] / 64] |= 1ul << (sv[1] % 64);
	UK_TEST_EXPECT_SNUM_EQ(SC(select, sv[1] + 1, rset, NULL, NULL, NULL), 1);
	uk_vfs_close(sv[0]);
	UK_TEST_EXPECT_SNUM_EQ(uk_poll(&p[1], 1, 0), 1);
	UK_TEST_EXPECT(p[1].revents & UK_POLLHUP);
	uk_vfs_close(sv[1]);
	/* a listening socket in epoll is readable when a connection waits */
	s = SC(socket, UK_AF_UNIX, UK_SOCK_STREAM, 0, 0, 0);
	UK_TEST_ASSERT(SC(bind, s, &a, sun_len("@abstract"), 0, 0) == 0);
	UK_TEST_ASSERT(SC(listen, s, 1, 0, 0, 0) == 0);
	ep = uk_epoll_create(0);
	UK_TEST_EXPECT_SNUM_EQ(uk_epoll_ctl(ep, UK_EPOLL_CTL_ADD, (int)s, &ev), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_epoll_wait(ep, &ev, 1, 0), 0);
	t = uk_thread_create("unix-client", connect_later, &c);
	UK_TEST_EXPECT_SNUM_EQ(uk_epoll_wait(ep, &ev, 1, 5000), 1);
	UK_TEST_EXPECT(ev.data == 11);
	UK_TEST_EXPECT_SNUM_EQ(uk_thread_join(t), 0);
	uk_vfs_close(ep);
	uk_vfs_close((int)c.fd);
	uk_vfs_close((int)s);
}
#endif

static void write_one(void *arg)
{
	uk_vfs_write(*(int *)arg, "n", 1);
}

UK_TESTCASE(posix_socket_unix, nonblocking_retry_loop_lets_threads_run)
{
	struct uk_thread *t;
	char c;
	int sv[2], i;

	UK_TEST_ASSERT(SC(socketpair, UK_AF_UNIX, UK_SOCK_STREAM | UK_SOCK_NONBLOCK, 0, sv, 0) ==
	               0);
	t = uk_thread_create("write-one", write_one, &sv[1]);
	UK_TEST_ASSERT(t != NULL);
	/* EAGAIN in a loop: the writer only runs if the failed call yields */
	for (i = 0; i < 1000; i++)
		if (uk_vfs_read(sv[0], &c, 1) == 1)
			break;
	UK_TEST_EXPECT_SNUM_LT(i, 1000);
	UK_TEST_EXPECT_SNUM_EQ(uk_thread_join(t), 0);
	uk_vfs_close(sv[0]);
	uk_vfs_close(sv[1]);
}
