/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * sockcheck: sockets and readiness through musl's own functions, so the
 * structures musl passes (msghdr, sockaddr_un, timeval, fd_set, pollfd,
 * packed epoll_event) are checked against the kernel's too. Prints
 * "sockcheck: PASS|FAIL <name>" lines and exits 0 only if all held.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>
#include "sockcheck.h"

static int failed;

void check(int ok, const char *name, const char *fmt, ...)
{
	va_list ap;

	if (ok) {
		printf("sockcheck: PASS %s\n", name);
		return;
	}
	failed++;
	printf("sockcheck: FAIL %s: ", name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

static long ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

static long us_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000000 + (t.tv_nsec - t0->tv_nsec) / 1000;
}

static void now(struct timespec *t)
{
	clock_gettime(CLOCK_MONOTONIC, t);
}

static void pair_io(void)
{
	int sv[2], n = -1;
	char buf[16] = {0}, a[3] = "ab", b[4] = "cde";
	struct iovec iov[2] = {{a, 2}, {b, 3}};
	struct msghdr msg = {.msg_iov = iov, .msg_iovlen = 2};
	struct stat st;

	check(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0, "pair.create", "errno %d", errno);
	check(write(sv[0], "hello", 5) == 5 && read(sv[1], buf, sizeof(buf)) == 5 &&
	          !strcmp(buf, "hello"),
	      "pair.write_read", "got '%s'", buf);
	check(sendmsg(sv[1], &msg, 0) == 5, "pair.sendmsg_iov", "errno %d", errno);
	check(ioctl(sv[0], FIONREAD, &n) == 0 && n == 5, "pair.fionread", "%d", n);
	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	iov[0].iov_len = 1;
	iov[1].iov_len = 4;
	check(recvmsg(sv[0], &msg, 0) == 5 && a[0] == 'a' && !memcmp(b, "bcde", 4),
	      "pair.recvmsg_iov", "got %c %.4s", a[0], b);
	check(fstat(sv[0], &st) == 0 && S_ISSOCK(st.st_mode), "pair.fstat_is_socket", "mode %o",
	      st.st_mode);
	check(lseek(sv[0], 0, SEEK_SET) == -1 && errno == ESPIPE, "pair.lseek_espipe", "errno %d",
	      errno);
	check(fcntl(sv[0], F_SETFL, O_NONBLOCK) == 0 && recv(sv[0], buf, 1, 0) == -1 &&
	          errno == EAGAIN,
	      "pair.nonblock_eagain", "errno %d", errno);
	close(sv[1]);
	check(recv(sv[0], buf, 1, 0) == 0, "pair.eof_after_close", "errno %d", errno);
	close(sv[0]);
}

static void errors(void)
{
	int p[2];
	char c;

	check(socket(AF_PACKET, SOCK_RAW, 0) == -1 && errno == EAFNOSUPPORT, "errors.eafnosupport",
	      "errno %d", errno);
	check(pipe(p) == 0, "errors.pipe", "errno %d", errno);
	check(send(p[1], "x", 1, 0) == -1 && errno == ENOTSOCK, "errors.enotsock", "errno %d",
	      errno);
	close(p[0]);
	close(p[1]);
	check(recv(p[0], &c, 1, 0) == -1 && errno == EBADF, "errors.ebadf", "errno %d", errno);
}

static void *late_write(void *arg)
{
	int fd = *(int *)arg;
	uint64_t one = 1;

	usleep(20000);
	if (write(fd, &one, sizeof(one)) < 0)
		perror("late write");
	return NULL;
}

static void readiness(void)
{
	int sv[2], efd = eventfd(0, 0), ep;
	struct pollfd p[2];
	fd_set r;
	struct timeval tv = {0, 50000};
	struct timespec t0;
	struct epoll_event ev = {.events = EPOLLIN, .data.u64 = 0x1122334455667788ull}, out[2];
	pthread_t t;

	check(sizeof(struct epoll_event) == 12, "abi.epoll_event_packed", "%zu",
	      sizeof(struct epoll_event));
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	p[0] = (struct pollfd){sv[1], POLLIN, 0};
	p[1] = (struct pollfd){sv[0], POLLOUT, 0};
	check(poll(p, 2, 0) == 1 && p[1].revents == POLLOUT, "poll.writable_only", "%x",
	      p[1].revents);
	write(sv[0], "x", 1);
	check(poll(p, 1, 1000) == 1 && p[0].revents == POLLIN, "poll.readable", "%x", p[0].revents);
	/* select times out on the eventfd, then sees the socket */
	FD_ZERO(&r);
	FD_SET(efd, &r);
	now(&t0);
	check(select(efd + 1, &r, NULL, NULL, &tv) == 0 && ms_since(&t0) >= 50,
	      "select.timeout_50ms", "after %ld ms", ms_since(&t0));
	FD_ZERO(&r);
	FD_SET(efd, &r);
	FD_SET(sv[1], &r);
	check(select(FD_SETSIZE, &r, NULL, NULL, NULL) == 1 && FD_ISSET(sv[1], &r) &&
	          !FD_ISSET(efd, &r),
	      "select.readable_socket", "sets wrong");
	/* epoll: a poller blocked until another thread writes the eventfd */
	ep = epoll_create1(EPOLL_CLOEXEC);
	check(ep >= 0 && epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev) == 0, "epoll.ctl_add", "errno %d",
	      errno);
	pthread_create(&t, NULL, late_write, &efd);
	now(&t0);
	check(epoll_wait(ep, out, 2, 5000) == 1 && out[0].data.u64 == 0x1122334455667788ull &&
	          out[0].events == EPOLLIN && ms_since(&t0) >= 15,
	      "epoll.blocked_until_thread", "events %x after %ld ms", out[0].events, ms_since(&t0));
	pthread_join(t, NULL);
	check(epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev) == -1 && errno == EEXIST, "epoll.eexist",
	      "errno %d", errno);
	close(ep);
	close(efd);
	close(sv[0]);
	close(sv[1]);
}

static void *client(void *arg)
{
	struct sockaddr_un *a = arg;
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);

	usleep(10000);
	if (connect(fd, (struct sockaddr *)a, sizeof(*a)) == 0)
		write(fd, "hi", 2);
	close(fd);
	return NULL;
}

static void named(void)
{
	struct sockaddr_un a = {.sun_family = AF_UNIX}, got;
	socklen_t len = sizeof(got);
	int s = socket(AF_UNIX, SOCK_STREAM, 0), c;
	char buf[4] = {0};
	pthread_t t;

	strcpy(a.sun_path, "/run/sockcheck");
	check(bind(s, (struct sockaddr *)&a, sizeof(a)) == 0 && listen(s, 8) == 0,
	      "unix.bind_listen", "errno %d", errno);
	check(getsockname(s, (struct sockaddr *)&got, &len) == 0 &&
	          !strcmp(got.sun_path, "/run/sockcheck"),
	      "unix.getsockname", "errno %d", errno);
	pthread_create(&t, NULL, client, &a);
	c = accept4(s, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
	check(c >= 0 && (fcntl(c, F_GETFD) & FD_CLOEXEC) && (fcntl(c, F_GETFL) & O_NONBLOCK),
	      "unix.accept4_flags", "fd %d errno %d", c, errno);
	pthread_join(t, NULL);
	check(recv(c, buf, sizeof(buf), MSG_WAITALL) == 2 && !strcmp(buf, "hi"),
	      "unix.data_then_eof", "got '%s'", buf);
	close(c);
	close(s);
}

static void timeouts(void)
{
	int sv[2];
	struct timeval tv = {0, 40000}, got;
	socklen_t len = sizeof(got);
	struct timespec t0;
	char c;

	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	check(setsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) == 0 &&
	          getsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &got, &len) == 0 &&
	          got.tv_usec == 40000,
	      "sockopt.rcvtimeo_roundtrip", "errno %d usec %ld", errno, (long)got.tv_usec);
	now(&t0);
	check(recv(sv[0], &c, 1, 0) == -1 && errno == EAGAIN && ms_since(&t0) >= 40,
	      "sockopt.rcvtimeo_expires", "errno %d after %ld ms", errno, ms_since(&t0));
	close(sv[0]);
	close(sv[1]);
}

static volatile sig_atomic_t alarms;

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

static void interrupts(void)
{
	struct sigaction sa = {.sa_handler = on_alarm};
	struct itimerval it = {{0, 0}, {0, 30000}};
	struct pollfd p;
	int sv[2];
	char c;

	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	setitimer(ITIMER_REAL, &it, NULL);
	check(recv(sv[0], &c, 1, 0) == -1 && errno == EINTR && alarms == 1, "signal.recv_eintr",
	      "errno %d alarms %d", errno, (int)alarms);
	p = (struct pollfd){sv[0], POLLIN, 0};
	setitimer(ITIMER_REAL, &it, NULL);
	check(poll(&p, 1, -1) == -1 && errno == EINTR && alarms == 2, "signal.poll_eintr",
	      "errno %d alarms %d", errno, (int)alarms);
	close(sv[0]);
	close(sv[1]);
}

/* figures (printed, not checked): throughput of a socketpair between two
 * threads, and a poll-woken ping-pong round trip */
static void *pair_sink(void *arg)
{
	static char buf[16384];
	int fd = *(int *)arg;

	while (read(fd, buf, sizeof(buf)) > 0)
		;
	return NULL;
}

static void *pong(void *arg)
{
	int fd = *(int *)arg;
	struct pollfd p = {fd, POLLIN, 0};
	char c;

	while (poll(&p, 1, -1) == 1 && read(fd, &c, 1) == 1 && c != 'q')
		write(fd, &c, 1);
	return NULL;
}

static void figures(void)
{
	static char chunk[16384];
	struct timespec t0;
	pthread_t t;
	int sv[2], rounds = 200;
	long us;
	char c = 'p';

	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	pthread_create(&t, NULL, pair_sink, &sv[1]);
	now(&t0);
	for (int i = 0; i < 256; i++)
		write(sv[0], chunk, sizeof(chunk));
	close(sv[0]);
	pthread_join(t, NULL);
	us = us_since(&t0);
	printf("sockcheck: figure unix_pair_4MiB_us %ld\n", us);
	close(sv[1]);
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	pthread_create(&t, NULL, pong, &sv[1]);
	now(&t0);
	for (int i = 0; i < rounds; i++)
		if (write(sv[0], &c, 1) != 1 || read(sv[0], &c, 1) != 1)
			break;
	us = us_since(&t0);
	write(sv[0], "q", 1);
	pthread_join(t, NULL);
	printf("sockcheck: figure poll_pingpong_round_trip_us %ld\n", us / rounds);
	close(sv[0]);
	close(sv[1]);
}

int main(int argc, char *argv[])
{
	if (argc > 3 && !strcmp(argv[1], "serve"))
		return serve(atoi(argv[2]), atoi(argv[3]));
	pair_io();
	errors();
	readiness();
	named();
	timeouts();
	interrupts();
	check_inet();
	figures();
	printf("sockcheck: %s\n", failed ? "some checks failed" : "all checks passed");
	return failed ? 1 : 0;
}
