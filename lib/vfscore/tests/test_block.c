/* SPDX-License-Identifier: BSD-3-Clause */
/* Blocking pipe and eventfd reads/writes woken by another thread (kernel only) */
#include <uk/plat/time.h>
#include <uk/sched.h>
#include <uk/test.h>
#include <uk/thread.h>
#include "vt.h"

struct peer {
	int fd;
	int rounds;
	long result;
};

/* writes one byte per round, yielding between rounds so the reader must block */
static void slow_writer(void *arg)
{
	struct peer *p = arg;

	for (int i = 0; i < p->rounds; i++) {
		uk_sched_yield();
		if (uk_vfs_write(p->fd, "x", 1) != 1)
			p->result = -1;
	}
	uk_vfs_close(p->fd);
}

UK_TESTCASE(vfscore_block, read_waits_for_writer_then_eof)
{
	VT_BEGIN();
	int p[2];
	struct peer w = {0, 50, 0};
	struct uk_thread *t;
	char buf[8];
	ssize_t n;
	int got = 0;

	UK_TEST_ASSERT(uk_vfs_pipe2(p, 0) == 0);
	w.fd = p[1];
	t = uk_thread_create("pipe-writer", slow_writer, &w);
	UK_TEST_ASSERT(t != NULL);
	while ((n = uk_vfs_read(p[0], buf, sizeof(buf))) > 0)
		got += (int)n;
	UK_TEST_EXPECT_SNUM_EQ(n, 0); /* the writer closed its end: end of file */
	UK_TEST_EXPECT_SNUM_EQ(got, 50);
	UK_TEST_EXPECT_SNUM_EQ(w.result, 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_thread_join(t), 0);
	uk_vfs_close(p[0]);
	VT_END();
}

static void slow_reader(void *arg)
{
	struct peer *p = arg;
	static char sink[16384];
	ssize_t n;

	uk_sched_yield();
	while ((n = uk_vfs_read(p->fd, sink, sizeof(sink))) > 0)
		p->result += n;
	uk_vfs_close(p->fd);
}

UK_TESTCASE(vfscore_block, write_waits_for_room)
{
	VT_BEGIN();
	static char big[200000];
	int p[2];
	struct peer r = {0, 0, 0};
	struct uk_thread *t;

	UK_TEST_ASSERT(uk_vfs_pipe2(p, 0) == 0);
	r.fd = p[0];
	t = uk_thread_create("pipe-reader", slow_reader, &r);
	UK_TEST_ASSERT(t != NULL);
	/* three times the pipe's size: only a draining reader lets this finish */
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(p[1], big, sizeof(big)), (ssize_t)sizeof(big));
	uk_vfs_close(p[1]);
	UK_TEST_EXPECT_SNUM_EQ(uk_thread_join(t), 0);
	UK_TEST_EXPECT_SNUM_EQ(r.result, (long)sizeof(big));
	VT_END();
}

static void poster(void *arg)
{
	struct peer *p = arg;
	uint64_t one = 1;

	for (int i = 0; i < p->rounds; i++) {
		uk_sched_yield();
		uk_vfs_write(p->fd, &one, sizeof(one));
	}
}

UK_TESTCASE(vfscore_block, eventfd_semaphore_wakes)
{
	VT_BEGIN();
	struct peer w = {0, 10, 0};
	struct uk_thread *t;
	uint64_t v, total = 0;

	w.fd = uk_vfs_eventfd(0, UK_EFD_SEMAPHORE);
	UK_TEST_ASSERT(w.fd >= 0);
	t = uk_thread_create("eventfd-poster", poster, &w);
	UK_TEST_ASSERT(t != NULL);
	for (int i = 0; i < 10; i++)
		if (uk_vfs_read(w.fd, &v, sizeof(v)) == sizeof(v))
			total += v;
	UK_TEST_EXPECT_UNUM_EQ(total, 10);
	UK_TEST_EXPECT_SNUM_EQ(uk_thread_join(t), 0);
	uk_vfs_close(w.fd);
	VT_END();
}

/* writes one byte after a second: unblocks a reader that should not have blocked */
static void rescuer(void *arg)
{
	struct peer *p = arg;

	uk_sched_sleep_ns(1000000000ull);
	uk_vfs_write(p->fd, "r", 1);
}

UK_TESTCASE(vfscore_block, readv_returns_what_is_there)
{
	VT_BEGIN();
	char a[4], b[16];
	struct uk_iovec iov[2] = {{a, sizeof(a)}, {b, sizeof(b)}};
	struct peer r = {0, 0, 0};
	struct uk_thread *t;
	int p[2];
	uint64_t t0;

	UK_TEST_ASSERT(uk_vfs_pipe2(p, 0) == 0);
	r.fd = p[1];
	t = uk_thread_create("pipe-rescuer", rescuer, &r);
	UK_TEST_ASSERT(t != NULL);
	/* exactly the first buffer's worth: the read must not wait for more */
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(p[1], "four", 4), 4);
	t0 = ukplat_monotonic_clock();
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_readv(p[0], iov, 2), 4);
	UK_TEST_EXPECT(ukplat_monotonic_clock() - t0 < 500000000ull);
	UK_TEST_EXPECT_SNUM_EQ(uk_thread_join(t), 0);
	/* the rescuer's byte is there; then nothing is: the read blocks as before */
	t = uk_thread_create("pipe-rescuer", rescuer, &r);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_readv(p[0], iov, 2), 1);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_readv(p[0], iov, 2), 1);
	UK_TEST_EXPECT_SNUM_EQ(uk_thread_join(t), 0);
	uk_vfs_close(p[0]);
	uk_vfs_close(p[1]);
	VT_END();
}

struct watcher {
	int fd;
	struct uk_thread *reader;
	int reader_was_runnable;
};

/* looks at the blocked reader before writing: asleep, or spinning? */
static void watch_then_write(void *arg)
{
	struct watcher *w = arg;

	uk_sched_sleep_ns(20000000ull);
	w->reader_was_runnable = !!(w->reader->flags & UK_THREADF_RUNNABLE);
	uk_vfs_write(w->fd, "w", 1);
}

UK_TESTCASE(vfscore_block, blocked_reader_sleeps)
{
	VT_BEGIN();
	struct watcher w = {0, uk_thread_current(), -1};
	struct uk_thread *t;
	char c;
	int p[2];

	UK_TEST_ASSERT(uk_vfs_pipe2(p, 0) == 0);
	w.fd = p[1];
	t = uk_thread_create("pipe-watcher", watch_then_write, &w);
	UK_TEST_ASSERT(t != NULL);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(p[0], &c, 1), 1);
	UK_TEST_EXPECT_SNUM_EQ(uk_thread_join(t), 0);
	/* a reader that yields in a loop would be runnable all along */
	UK_TEST_EXPECT_SNUM_EQ(w.reader_was_runnable, 0);
	uk_vfs_close(p[0]);
	uk_vfs_close(p[1]);
	VT_END();
}
