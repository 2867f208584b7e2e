/* SPDX-License-Identifier: BSD-3-Clause */
/* poll, select and epoll over pipes and eventfds, through the syscall table */
#include <errno.h>
#include <string.h>
#include <uk/plat/time.h>
#include <uk/poll.h>
#include <uk/sched.h>
#include <uk/syscall.h>
#include <uk/test.h>
#include <uk/thread.h>

#define SC(nr, a, b, c, d, e)                                                                      \
	uk_syscall(__NR_##nr, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)
#define MS 1000000ull

struct fdset {
	unsigned long w[UK_FD_SETSIZE / 64];
};

static void fd_set_bit(struct fdset *s, int fd)
{
	s->w[fd / 64] |= 1ul << (fd % 64);
}

static int fd_isset(const struct fdset *s, int fd)
{
	return (s->w[fd / 64] >> (fd % 64)) & 1;
}

/* writes one byte to fd after a delay: a poller must block, then wake */
struct late {
	int fd;
	uint64_t delay;
};

static void late_writer(void *arg)
{
	struct late *l = arg;
	uint64_t one = 1;

	uk_sched_sleep_ns(l->delay);
	uk_vfs_write(l->fd, &one, sizeof(one));
}

UK_TESTCASE(posix_poll, poll_pipe_ready_timeout_nval)
{
	struct uk_pollfd p[4];
	int fds[2];
	uint64_t t0;

	UK_TEST_ASSERT(uk_vfs_pipe2(fds, 0) == 0);
	p[0] = (struct uk_pollfd){fds[0], UK_POLLIN, 0};
	p[1] = (struct uk_pollfd){fds[1], UK_POLLOUT, 0};
	p[2] = (struct uk_pollfd){900, UK_POLLIN, 0}; /* not open */
	p[3] = (struct uk_pollfd){-1, UK_POLLIN, 7};  /* ignored */
	UK_TEST_EXPECT_SNUM_EQ(SC(poll, p, 4, 0, 0, 0), 2);
	UK_TEST_EXPECT_SNUM_EQ(p[0].revents, 0);
	UK_TEST_EXPECT_SNUM_EQ(p[1].revents, UK_POLLOUT);
	UK_TEST_EXPECT_SNUM_EQ(p[2].revents, UK_POLLNVAL);
	UK_TEST_EXPECT_SNUM_EQ(p[3].revents, 0);
	/* nothing to read: the timeout passes */
	t0 = ukplat_monotonic_clock();
	UK_TEST_EXPECT_SNUM_EQ(SC(poll, p, 1, 30, 0, 0), 0);
	UK_TEST_EXPECT(ukplat_monotonic_clock() - t0 >= 30 * MS);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(fds[1], "x", 1), 1);
	UK_TEST_EXPECT_SNUM_EQ(SC(poll, p, 1, -1, 0, 0), 1);
	UK_TEST_EXPECT_SNUM_EQ(p[0].revents, UK_POLLIN);
	/* the writer goes: POLLHUP even though not asked for */
	uk_vfs_close(fds[1]);
	p[0].events = 0;
	UK_TEST_EXPECT_SNUM_EQ(SC(poll, p, 1, 0, 0, 0), 1);
	UK_TEST_EXPECT_SNUM_EQ(p[0].revents, UK_POLLHUP);
	UK_TEST_EXPECT_SNUM_EQ(SC(poll, NULL, 1, 0, 0, 0), -EFAULT);
	UK_TEST_EXPECT_SNUM_EQ(SC(poll, p, 100000, 0, 0, 0), -EINVAL);
	uk_vfs_close(fds[0]);
}

UK_TESTCASE(posix_poll, poll_blocks_until_writer_thread)
{
	int fds[2];
	struct late l;
	struct uk_pollfd p;
	struct uk_thread *t;
	uint64_t t0;

	UK_TEST_ASSERT(uk_vfs_pipe2(fds, 0) == 0);
	l = (struct late){fds[1], 20 * MS};
	p = (struct uk_pollfd){fds[0], UK_POLLIN, 0};
	t = uk_thread_create("late-writer", late_writer, &l);
	UK_TEST_ASSERT(t != NULL);
	t0 = ukplat_monotonic_clock();
	UK_TEST_EXPECT_SNUM_EQ(SC(poll, &p, 1, 5000, 0, 0), 1);
	UK_TEST_EXPECT(ukplat_monotonic_clock() - t0 >= 20 * MS);
	UK_TEST_EXPECT(ukplat_monotonic_clock() - t0 < 2000 * MS);
	UK_TEST_EXPECT_SNUM_EQ(p.revents, UK_POLLIN);
	UK_TEST_EXPECT_SNUM_EQ(uk_thread_join(t), 0);
	uk_vfs_close(fds[0]);
	uk_vfs_close(fds[1]);
}

UK_TESTCASE(posix_poll, ppoll_timespec_written_back)
{
	int fds[2];
	struct uk_pollfd p;
	struct uk_timespec ts = {0, 20 * MS}, bad = {0, 1000000000};

	UK_TEST_ASSERT(uk_vfs_pipe2(fds, 0) == 0);
	p = (struct uk_pollfd){fds[0], UK_POLLIN, 0};
	UK_TEST_EXPECT_SNUM_EQ(SC(ppoll, &p, 1, &ts, NULL, 8), 0);
	UK_TEST_EXPECT(ts.tv_sec == 0 && ts.tv_nsec == 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(ppoll, &p, 1, &bad, NULL, 8), -EINVAL);
	uk_vfs_write(fds[1], "y", 1);
	ts = (struct uk_timespec){10, 0};
	UK_TEST_EXPECT_SNUM_EQ(SC(ppoll, &p, 1, &ts, NULL, 8), 1);
	UK_TEST_EXPECT(ts.tv_sec >= 9); /* most of it left */
	uk_vfs_close(fds[0]);
	uk_vfs_close(fds[1]);
}

UK_TESTCASE(posix_poll, select_sets_high_fds_and_errors)
{
	struct fdset r, w;
	struct {
		int64_t s, us;
	} tv = {0, 0};
	int fds[2], efd, hi;
	uint64_t one = 1;

	UK_TEST_ASSERT(uk_vfs_pipe2(fds, 0) == 0);
	efd = uk_vfs_eventfd(0, 0);
	UK_TEST_ASSERT(efd >= 0);
	/* a descriptor in a later word of the set */
	hi = uk_vfs_dup3(fds[0], 700, 0);
	UK_TEST_EXPECT_SNUM_EQ(hi, 700);
	memset(&r, 0, sizeof(r));
	memset(&w, 0, sizeof(w));
	fd_set_bit(&r, hi);
	fd_set_bit(&r, efd);
	fd_set_bit(&w, fds[1]);
	UK_TEST_EXPECT_SNUM_EQ(SC(select, hi + 1, &r, &w, NULL, &tv), 1);
	UK_TEST_EXPECT(!fd_isset(&r, hi) && !fd_isset(&r, efd) && fd_isset(&w, fds[1]));
	uk_vfs_write(fds[1], "z", 1);
	uk_vfs_write(efd, &one, 8);
	memset(&r, 0, sizeof(r));
	fd_set_bit(&r, hi);
	fd_set_bit(&r, efd);
	UK_TEST_EXPECT_SNUM_EQ(SC(select, hi + 1, &r, NULL, NULL, NULL), 2);
	UK_TEST_EXPECT(fd_isset(&r, hi) && fd_isset(&r, efd));
	/* timeout: sets cleared, time left written back */
	uk_vfs_read(efd, &one, 8);
	memset(&r, 0, sizeof(r));
	fd_set_bit(&r, efd);
	tv.s = 0;
	tv.us = 20000;
	UK_TEST_EXPECT_SNUM_EQ(SC(select, efd + 1, &r, NULL, NULL, &tv), 0);
	UK_TEST_EXPECT(!fd_isset(&r, efd) && tv.s == 0 && tv.us == 0);
	/* a closed descriptor in a set; nfds out of range; a bad timeout */
	fd_set_bit(&r, 800);
	UK_TEST_EXPECT_SNUM_EQ(SC(select, 801, &r, NULL, NULL, NULL), -EBADF);
	UK_TEST_EXPECT_SNUM_EQ(SC(select, 1025, NULL, NULL, NULL, NULL), -EINVAL);
	tv.us = 1000000;
	UK_TEST_EXPECT_SNUM_EQ(SC(select, 1, NULL, NULL, NULL, &tv), -EINVAL);
	uk_vfs_close(hi);
	uk_vfs_close(efd);
	uk_vfs_close(fds[0]);
	uk_vfs_close(fds[1]);
}

UK_TESTCASE(posix_poll, pselect6_blocks_until_eventfd_written)
{
	struct fdset r;
	struct uk_timespec ts = {5, 0};
	struct late l;
	struct uk_thread *t;
	int efd = uk_vfs_eventfd(0, 0);

	UK_TEST_ASSERT(efd >= 0);
	memset(&r, 0, sizeof(r));
	fd_set_bit(&r, efd);
	l = (struct late){efd, 10 * MS};
	t = uk_thread_create("late-efd", late_writer, &l);
	UK_TEST_ASSERT(t != NULL);
	UK_TEST_EXPECT_SNUM_EQ(uk_syscall(__NR_pselect6, efd + 1, (long)&r, 0, 0, (long)&ts, 0), 1);
	UK_TEST_EXPECT(fd_isset(&r, efd));
	UK_TEST_EXPECT_SNUM_EQ(uk_thread_join(t), 0);
	uk_vfs_close(efd);
}

UK_TESTCASE(posix_poll, epoll_ctl_errors)
{
	struct uk_epoll_event ev = {UK_EPOLLIN, 42};
	int fds[2];
	long ep = SC(epoll_create1, 0, 0, 0, 0, 0);

	UK_TEST_ASSERT(ep >= 0);
	UK_TEST_ASSERT(uk_vfs_pipe2(fds, 0) == 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_create, 0, 0, 0, 0, 0), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_create1, 1, 0, 0, 0, 0), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_ctl, ep, UK_EPOLL_CTL_ADD, fds[0], &ev, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_ctl, ep, UK_EPOLL_CTL_ADD, fds[0], &ev, 0), -EEXIST);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_ctl, ep, UK_EPOLL_CTL_MOD, fds[1], &ev, 0), -ENOENT);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_ctl, ep, UK_EPOLL_CTL_ADD, ep, &ev, 0), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_ctl, ep, UK_EPOLL_CTL_ADD, 901, &ev, 0), -EBADF);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_ctl, 902, UK_EPOLL_CTL_ADD, fds[0], &ev, 0), -EBADF);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_ctl, fds[1], UK_EPOLL_CTL_ADD, fds[0], &ev, 0), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_ctl, ep, 9, fds[1], &ev, 0), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_wait, ep, &ev, 0, 0, 0), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_wait, fds[0], &ev, 1, 0, 0), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_ctl, ep, UK_EPOLL_CTL_DEL, fds[0], NULL, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_ctl, ep, UK_EPOLL_CTL_DEL, fds[0], NULL, 0), -ENOENT);
	uk_vfs_close(fds[0]);
	uk_vfs_close(fds[1]);
	uk_vfs_close((int)ep);
}

UK_TESTCASE(posix_poll, epoll_level_edge_oneshot)
{
	struct uk_epoll_event ev[4];
	int fds[2], efd;
	uint64_t one = 1;
	long ep = SC(epoll_create1, UK_EPOLL_CLOEXEC, 0, 0, 0, 0);

	UK_TEST_ASSERT(ep >= 0);
	UK_TEST_ASSERT(uk_vfs_pipe2(fds, 0) == 0);
	efd = uk_vfs_eventfd(0, 0);
	ev[0] = (struct uk_epoll_event){UK_EPOLLIN, 100};
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_ctl, ep, UK_EPOLL_CTL_ADD, fds[0], &ev[0], 0), 0);
	ev[0] = (struct uk_epoll_event){UK_EPOLLIN | UK_EPOLLET, 200};
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_ctl, ep, UK_EPOLL_CTL_ADD, efd, &ev[0], 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_wait, ep, ev, 4, 0, 0), 0);
	uk_vfs_write(fds[1], "ab", 2);
	uk_vfs_write(efd, &one, 8);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_wait, ep, ev, 4, 0, 0), 2);
	/* level: the pipe still has data and is reported again; edge: the
	 * eventfd did not change and is not */
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_wait, ep, ev, 4, 0, 0), 1);
	UK_TEST_EXPECT(ev[0].events == UK_EPOLLIN && ev[0].data == 100);
	/* a new write is a new edge */
	uk_vfs_write(efd, &one, 8);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_wait, ep, ev, 4, 0, 0), 2);
	/* one shot: reported once, then silent until re-armed with MOD */
	ev[0] = (struct uk_epoll_event){UK_EPOLLIN | UK_EPOLLONESHOT, 300};
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_ctl, ep, UK_EPOLL_CTL_MOD, fds[0], &ev[0], 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_ctl, ep, UK_EPOLL_CTL_DEL, efd, NULL, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_wait, ep, ev, 4, 0, 0), 1);
	UK_TEST_EXPECT(ev[0].data == 300);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_wait, ep, ev, 4, 10, 0), 0);
	ev[0] = (struct uk_epoll_event){UK_EPOLLIN, 400};
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_ctl, ep, UK_EPOLL_CTL_MOD, fds[0], &ev[0], 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_wait, ep, ev, 4, 0, 0), 1);
	UK_TEST_EXPECT(ev[0].data == 400);
	/* maxevents bounds the answer, and the ready interests take turns */
	uk_vfs_write(efd, &one, 8);
	ev[0] = (struct uk_epoll_event){UK_EPOLLIN, 200};
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_ctl, ep, UK_EPOLL_CTL_ADD, efd, &ev[0], 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_wait, ep, &ev[0], 1, 0, 0), 1);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_wait, ep, &ev[1], 1, 0, 0), 1);
	UK_TEST_EXPECT(ev[0].data != ev[1].data);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_wait, ep, &ev[2], 1, 0, 0), 1);
	UK_TEST_EXPECT(ev[2].data == ev[0].data);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fcntl((int)ep, UK_F_GETFD, 0), UK_FD_CLOEXEC);
	uk_vfs_close(efd);
	uk_vfs_close(fds[0]);
	uk_vfs_close(fds[1]);
	uk_vfs_close((int)ep);
}

UK_TESTCASE(posix_poll, epoll_closed_fd_dropped_and_reused)
{
	struct uk_epoll_event ev = {UK_EPOLLIN, 1};
	int fds[2], efd, again;
	uint64_t one = 1;
	long ep = SC(epoll_create1, 0, 0, 0, 0, 0);

	UK_TEST_ASSERT(ep >= 0);
	efd = uk_vfs_eventfd(1, 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_ctl, ep, UK_EPOLL_CTL_ADD, efd, &ev, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_wait, ep, &ev, 1, 0, 0), 1);
	uk_vfs_close(efd);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_wait, ep, &ev, 1, 0, 0), 0);
	/* the same number, a new file: adding it is no EEXIST */
	again = uk_vfs_eventfd(0, 0);
	UK_TEST_EXPECT_SNUM_EQ(again, efd);
	ev = (struct uk_epoll_event){UK_EPOLLIN, 2};
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_ctl, ep, UK_EPOLL_CTL_ADD, again, &ev, 0), 0);
	uk_vfs_write(again, &one, 8);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_wait, ep, &ev, 1, 0, 0), 1);
	UK_TEST_EXPECT(ev.data == 2);
	/* an epoll instance in poll(): readable when an interest is ready */
	struct uk_pollfd p = {(int)ep, UK_POLLIN, 0};
	UK_TEST_EXPECT_SNUM_EQ(SC(poll, &p, 1, 0, 0, 0), 1);
	uk_vfs_read(again, &one, 8);
	UK_TEST_EXPECT_SNUM_EQ(SC(poll, &p, 1, 0, 0, 0), 0);
	UK_TEST_ASSERT(uk_vfs_pipe2(fds, 0) == 0);
	uk_vfs_close(fds[0]);
	uk_vfs_close(fds[1]);
	uk_vfs_close(again);
	uk_vfs_close((int)ep);
}

UK_TESTCASE(posix_poll, epoll_wait_blocks_until_writer_thread)
{
	struct uk_epoll_event ev = {UK_EPOLLIN | UK_EPOLLOUT, 7};
	struct late l;
	struct uk_thread *t;
	int fds[2];
	long ep = SC(epoll_create, 1, 0, 0, 0, 0);

	UK_TEST_ASSERT(ep >= 0);
	UK_TEST_ASSERT(uk_vfs_pipe2(fds, 0) == 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(epoll_ctl, ep, UK_EPOLL_CTL_ADD, fds[0], &ev, 0), 0);
	l = (struct late){fds[1], 15 * MS};
	t = uk_thread_create("late-pipe", late_writer, &l);
	UK_TEST_ASSERT(t != NULL);
	UK_TEST_EXPECT_SNUM_EQ(uk_syscall(__NR_epoll_pwait, ep, (long)&ev, 1, 5000, 0, 8), 1);
	UK_TEST_EXPECT(ev.events == UK_EPOLLIN && ev.data == 7);
	UK_TEST_EXPECT_SNUM_EQ(uk_thread_join(t), 0);
	uk_vfs_close(fds[0]);
	uk_vfs_close(fds[1]);
	uk_vfs_close((int)ep);
}

static void write_once(void *arg)
{
	uk_vfs_write(*(int *)arg, "n", 1);
}

UK_TESTCASE(posix_poll, busy_polling_lets_threads_run)
{
	struct uk_pollfd p;
	struct uk_thread *t;
	int fds[2], i;

	UK_TEST_ASSERT(uk_vfs_pipe2(fds, 0) == 0);
	p = (struct uk_pollfd){fds[0], UK_POLLIN, 0};
	t = uk_thread_create("write-once", write_once, &fds[1]);
	UK_TEST_ASSERT(t != NULL);
	/* poll(timeout 0) in a loop: the writer only runs if poll yields */
	for (i = 0; i < 1000; i++)
		if (SC(poll, &p, 1, 0, 0, 0) == 1)
			break;
	UK_TEST_EXPECT_SNUM_LT(i, 1000);
	UK_TEST_EXPECT_SNUM_EQ(uk_thread_join(t), 0);
	uk_vfs_close(fds[0]);
	uk_vfs_close(fds[1]);
}
