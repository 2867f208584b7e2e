/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * AF_INET over lwIP's loopback (127.0.0.1, no network device): the
 * blocking layer of posix-socket over a real driver. Non-blocking connect
 * with POLLOUT and SO_ERROR, epoll on a listener, a blocking echo between
 * threads with shutdown, a refused connect, SO_RCVTIMEO, UDP.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "sockcheck.h"

#define PORT  5001
#define BYTES 100000

static struct sockaddr_in loopback(int port)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

/* echoes everything until the peer shuts its side, then closes */
static void *echo(void *arg)
{
	static char buf[4096];
	int c = *(int *)arg;
	ssize_t n;

	while ((n = recv(c, buf, sizeof(buf), 0)) > 0)
		if (send(c, buf, (size_t)n, 0) != n)
			break;
	close(c);
	return NULL;
}

/* sends BYTES of a pattern, then shuts the write side */
static void *sender(void *arg)
{
	static char buf[BYTES];
	int c = *(int *)arg;

	for (int i = 0; i < BYTES; i++)
		buf[i] = (char)(i * 7);
	if (send(c, buf, sizeof(buf), 0) == BYTES)
		shutdown(c, SHUT_WR);
	return NULL;
}

static long receive_all(int c)
{
	static char buf[8192];
	long total = 0, bad = 0;
	ssize_t n;

	while ((n = recv(c, buf, sizeof(buf), 0)) > 0) {
		for (ssize_t i = 0; i < n; i++)
			bad += buf[i] != (char)((total + i) * 7);
		total += n;
	}
	return bad ? -bad : total;
}

static void tcp(void)
{
	struct sockaddr_in a = loopback(PORT), got;
	socklen_t len = sizeof(got);
	struct epoll_event ev = {.events = EPOLLIN, .data.u32 = 77}, out;
	struct pollfd p;
	int l = socket(AF_INET, SOCK_STREAM, 0), one = 1, c, s, err = -1, ep, rc;
	pthread_t te, ts;
	struct timespec t0, t1;
	long total;

	setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	check(l >= 0 && bind(l, (struct sockaddr *)&a, sizeof(a)) == 0 && listen(l, 4) == 0,
	      "inet.listen", "errno %d", errno);
	c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	rc = connect(c, (struct sockaddr *)&a, sizeof(a));
	check(rc == 0 || errno == EINPROGRESS, "inet.nonblocking_connect", "rc %d errno %d", rc,
	      errno);
	p = (struct pollfd){c, POLLOUT, 0};
	check(poll(&p, 1, 5000) == 1 && (p.revents & POLLOUT), "inet.connect_pollout", "revents %x",
	      p.revents);
	len = sizeof(err);
	check(getsockopt(c, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0, "inet.so_error_0",
	      "err %d", err);
	ep = epoll_create1(0);
	epoll_ctl(ep, EPOLL_CTL_ADD, l, &ev);
	check(epoll_wait(ep, &out, 1, 5000) == 1 && out.data.u32 == 77, "inet.epoll_listener",
	      "errno %d", errno);
	s = accept4(l, NULL, NULL, SOCK_CLOEXEC);
	check(s >= 0, "inet.accept", "errno %d", errno);
	len = sizeof(got);
	check(getpeername(s, (struct sockaddr *)&got, &len) == 0 &&
	          got.sin_addr.s_addr == htonl(INADDR_LOOPBACK),
	      "inet.getpeername", "errno %d", errno);
	len = sizeof(got);
	check(getsockname(c, (struct sockaddr *)&got, &len) == 0 && got.sin_port != 0,
	      "inet.getsockname", "errno %d", errno);
	/* blocking from here: a sender thread, an echo thread, the reader here */
	fcntl(c, F_SETFL, 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pthread_create(&te, NULL, echo, &s);
	pthread_create(&ts, NULL, sender, &c);
	total = receive_all(c);
	pthread_join(ts, NULL);
	pthread_join(te, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("sockcheck: figure tcp_loopback_echo_100000_bytes_ms %ld\n",
	       (long)((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000));
	check(total == BYTES, "inet.blocking_echo_100k", "%ld bytes (negative: corrupt)", total);
	close(c);
	close(ep);
	close(l);
}

/* the peer closes: epoll reports EPOLLRDHUP (not EPOLLHUP), end of file
 * reads 0 every time; after our own SHUT_WR both ways are closed: POLLHUP */
static void hangups(int c, int s)
{
	struct epoll_event ev = {.events = EPOLLIN | EPOLLRDHUP, .data.u32 = 5}, out = {0};
	struct pollfd p = {c, POLLIN, 0};
	int ep = epoll_create1(0), n;
	char ch;

	epoll_ctl(ep, EPOLL_CTL_ADD, c, &ev);
	close(s);
	n = epoll_wait(ep, &out, 1, 5000);
	check(n == 1 && (out.events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) ==
	                    (EPOLLIN | EPOLLRDHUP),
	      "inet.epoll_rdhup_after_peer_close", "n %d events %x", n, out.events);
	check(recv(c, &ch, 1, 0) == 0, "inet.eof_after_peer_close", "errno %d", errno);
	check(recv(c, &ch, 1, 0) == 0, "inet.eof_again", "errno %d", errno);
	shutdown(c, SHUT_WR);
	for (int i = 0; i < 50 && !(p.revents & POLLHUP); i++) {
		poll(&p, 1, 100);
		if (!(p.revents & POLLHUP))
			usleep(20000);
	}
	check((p.revents & (POLLIN | POLLRDHUP | POLLHUP | POLLERR)) == (POLLIN | POLLHUP),
	      "inet.pollhup_both_closed", "revents %x", p.revents);
	close(ep);
}

static void refused_and_timeout(void)
{
	struct sockaddr_in a = loopback(PORT + 1);
	struct timeval tv = {0, 50000};
	struct timespec t0, t1;
	int c = socket(AF_INET, SOCK_STREAM, 0), l, s;
	char ch;

	check(connect(c, (struct sockaddr *)&a, sizeof(a)) == -1 && errno == ECONNREFUSED,
	      "inet.blocking_connect_refused", "errno %d", errno);
	close(c);
	l = socket(AF_INET, SOCK_STREAM, 0);
	bind(l, (struct sockaddr *)&a, sizeof(a));
	listen(l, 1);
	c = socket(AF_INET, SOCK_STREAM, 0);
	check(connect(c, (struct sockaddr *)&a, sizeof(a)) == 0, "inet.blocking_connect",
	      "errno %d", errno);
	s = accept(l, NULL, NULL);
	setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	check(recv(c, &ch, 1, 0) == -1 && errno == EAGAIN, "inet.rcvtimeo", "errno %d", errno);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	check((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000 >= 50,
	      "inet.rcvtimeo_waited", "too early");
	hangups(c, s);
	close(c);
	close(l);
}

static void udp(void)
{
	struct sockaddr_in a = loopback(PORT + 2), from;
	socklen_t len = sizeof(from);
	int r = socket(AF_INET, SOCK_DGRAM, 0), w = socket(AF_INET, SOCK_DGRAM, 0);
	struct pollfd p = {r, POLLIN, 0};
	char buf[16] = {0};

	check(bind(r, (struct sockaddr *)&a, sizeof(a)) == 0, "inet.udp_bind", "errno %d", errno);
	check(sendto(w, "dgram", 5, 0, (struct sockaddr *)&a, sizeof(a)) == 5, "inet.udp_sendto",
	      "errno %d", errno);
	check(poll(&p, 1, 5000) == 1, "inet.udp_poll", "revents %x", p.revents);
	check(recvfrom(r, buf, sizeof(buf), 0, (struct sockaddr *)&from, &len) == 5 &&
	          !strcmp(buf, "dgram") && from.sin_family == AF_INET && len == sizeof(from),
	      "inet.udp_recvfrom", "'%s' len %u", buf, (unsigned)len);
	close(r);
	close(w);
}

void check_inet(void)
{
	int probe = socket(AF_INET, SOCK_STREAM, 0);

	if (probe < 0) {
		printf("sockcheck: no AF_INET driver (errno %d): inet checks skipped\n", errno);
		return;
	}
	close(probe);
	tcp();
	refused_and_timeout();
	udp();
}
