/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * AF_INET through lib/posix-socket's system calls (built only when that
 * library is in the image): blocking connect/accept/send/recv over lwIP's
 * loopback, 256 KiB checked byte for byte, EOF, and readiness wake-ups
 * delivered by the driver's uk_socket_event() calls.
 */
#include <uk/config.h>

#if CONFIG_LIBPOSIX_SOCKET
#include "lwip/opt.h" /* the libc's <sys/types.h> first, see lwipopts.h */

#include <errno.h>
#include <string.h>
#include <uk/sched.h>
#include <uk/socket.h>
#include <uk/syscall.h>
#include <uk/test.h>
#include <uk/thread.h>
#include <uk/vfs.h>

#define SC6(nr, a, b, c, d, e, f)                                                                  \
	uk_syscall(__NR_##nr, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))
#define SC(nr, a, b, c, d, e) SC6(nr, a, b, c, d, e, 0)
#define SIZE                  (256 * 1024)
#define LOOPBACK_BE           0x0100007fU

static struct uk_sockaddr_in lo(uint16_t port)
{
	struct uk_sockaddr_in a = {0};

	a.sin_family = UK_AF_INET;
	a.sin_port = __builtin_bswap16(port);
	a.sin_addr = LOOPBACK_BE;
	return a;
}

static uint8_t pat(size_t i)
{
	return (uint8_t)(i * 13 + (i >> 9));
}

struct client {
	long rc; /* 0 ok, else the failing step's result */
};

static void client_fn(void *arg)
{
	struct client *c = arg;
	struct uk_sockaddr_in a = lo(5010);
	static uint8_t buf[SIZE];
	long s, r;

	for (size_t i = 0; i < SIZE; i++)
		buf[i] = pat(i);
	s = SC(socket, UK_AF_INET, UK_SOCK_STREAM, 0, 0, 0);
	r = s < 0 ? s : SC(connect, s, &a, sizeof(a), 0, 0); /* blocks until connected */
	if (r == 0)
		r = SC6(sendto, s, buf, SIZE, 0, NULL, 0); /* blocking: everything */
	c->rc = r == SIZE ? 0 : (r ? r : -1);
	if (s >= 0)
		uk_vfs_close((int)s);
}

UK_TESTCASE(lwip_posix, blocking_tcp_over_syscalls)
{
	struct uk_sockaddr_in a = lo(5010);
	static uint8_t buf[8192];
	struct client c = {-1};
	struct uk_thread *t;
	size_t got = 0, bad = 0;
	long l, s, n;
	int one = 1;

	l = SC(socket, UK_AF_INET, UK_SOCK_STREAM | UK_SOCK_CLOEXEC, 0, 0, 0);
	UK_TEST_ASSERT(l >= 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(setsockopt, l, UK_SOL_SOCKET, UK_SO_REUSEADDR, &one, sizeof(one)),
	                       0);
	UK_TEST_EXPECT_SNUM_EQ(SC(bind, l, &a, sizeof(a), 0, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(listen, l, 8, 0, 0, 0), 0);
	t = uk_thread_create("inet-client", client_fn, &c);
	UK_TEST_ASSERT(t != NULL);
	s = SC(accept, l, NULL, NULL, 0, 0); /* blocks until the client connects */
	UK_TEST_EXPECT_SNUM_GE(s, 0);
	while (s >= 0 && (n = SC6(recvfrom, s, buf, sizeof(buf), 0, NULL, NULL)) > 0) {
		for (long i = 0; i < n && !bad; i++)
			if (buf[i] != pat(got + (size_t)i))
				bad = got + (size_t)i + 1;
		got += (size_t)n;
	}
	UK_TEST_EXPECT_UNUM_EQ(got, SIZE);
	UK_TEST_EXPECT_UNUM_EQ(bad, 0);
	uk_thread_join(t);
	UK_TEST_EXPECT_SNUM_EQ(c.rc, 0);
	if (s >= 0)
		uk_vfs_close((int)s);
	uk_vfs_close((int)l);
}
#endif /* CONFIG_LIBPOSIX_SOCKET */
