/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * In-kernel cases of uknetdev: the netdev.ip parser on good and hostile
 * text, and the registry and wrappers with a loopback device (one frame
 * of room: what is sent is what is received), including a sleep in
 * uk_netdev_rx_wait() that another thread ends through uk_netdev_rx_event().
 */
#include <errno.h>
#include <string.h>
#include <uk/netdev.h>
#include <uk/plat/time.h>
#include <uk/sched.h>
#include <uk/test.h>
#include <uk/thread.h>

#define IP(a, b, c, d)                                                                             \
	((uint32_t)(a) | (uint32_t)(b) << 8 | (uint32_t)(c) << 16 | (uint32_t)(d) << 24)

/* ---- parser ---- */

UK_TESTCASE(uknetdev, ipv4_tutorial_form)
{
	struct uk_netdev_ipv4 c;

	UK_TEST_ASSERT(uk_netdev_ipv4_parse("172.17.0.2/24:172.17.0.1:8.8.8.8", &c, NULL) == 0);
	UK_TEST_EXPECT_UNUM_EQ(c.addr, IP(172, 17, 0, 2));
	UK_TEST_EXPECT_UNUM_EQ(c.netmask, IP(255, 255, 255, 0));
	UK_TEST_EXPECT_UNUM_EQ(c.gateway, IP(172, 17, 0, 1));
	UK_TEST_EXPECT_UNUM_EQ(c.dns[0], IP(8, 8, 8, 8));
	UK_TEST_EXPECT_UNUM_EQ(c.dns[1], 0);
}

UK_TESTCASE(uknetdev, ipv4_optional_fields)
{
	struct uk_netdev_ipv4 c;

	UK_TEST_ASSERT(uk_netdev_ipv4_parse("10.0.2.15/24", &c, NULL) == 0);
	UK_TEST_EXPECT_UNUM_EQ(c.addr, IP(10, 0, 2, 15));
	UK_TEST_EXPECT_UNUM_EQ(c.gateway, 0);
	UK_TEST_EXPECT_UNUM_EQ(c.dns[0], 0);
	UK_TEST_ASSERT(uk_netdev_ipv4_parse("10.0.2.15/24::1.1.1.1:9.9.9.9", &c, NULL) == 0);
	UK_TEST_EXPECT_UNUM_EQ(c.gateway, 0);
	UK_TEST_EXPECT_UNUM_EQ(c.dns[0], IP(1, 1, 1, 1));
	UK_TEST_EXPECT_UNUM_EQ(c.dns[1], IP(9, 9, 9, 9));
	UK_TEST_ASSERT(uk_netdev_ipv4_parse("10.0.2.15/24:10.0.2.2:", &c, NULL) == 0);
	UK_TEST_EXPECT_UNUM_EQ(c.gateway, IP(10, 0, 2, 2));
	UK_TEST_EXPECT_UNUM_EQ(c.dns[0], 0);
}

UK_TESTCASE(uknetdev, ipv4_prefix_lengths)
{
	struct uk_netdev_ipv4 c;

	UK_TEST_ASSERT(uk_netdev_ipv4_parse("1.2.3.4/0", &c, NULL) == 0);
	UK_TEST_EXPECT_UNUM_EQ(c.netmask, 0);
	UK_TEST_ASSERT(uk_netdev_ipv4_parse("1.2.3.4/32", &c, NULL) == 0);
	UK_TEST_EXPECT_UNUM_EQ(c.netmask, 0xffffffffU);
	UK_TEST_ASSERT(uk_netdev_ipv4_parse("1.2.3.4/20", &c, NULL) == 0);
	UK_TEST_EXPECT_UNUM_EQ(c.netmask, IP(255, 255, 240, 0));
	UK_TEST_ASSERT(uk_netdev_ipv4_parse("255.255.255.254/31", &c, NULL) == 0);
	UK_TEST_EXPECT_UNUM_EQ(c.addr, IP(255, 255, 255, 254));
}

UK_TESTCASE(uknetdev, ipv4_hostile_text)
{
	static const char *const bad[] = {
	    "",
	    "10.0.2.15",                            /* no prefix length */
	    "10.0.2/24",                            /* three octets */
	    "10.0.2.15.1/24",                       /* five octets */
	    "256.0.0.1/24",                         /* octet too large */
	    "99999999999999999999.1.1.1/8",         /* overflow attempt */
	    "0001.2.3.4/8",                         /* four digits */
	    "1.2.3.4/33",                           /* prefix too long */
	    "1.2.3.4/-1",                           /* negative prefix */
	    "1.2.3.4/",                             /* empty prefix */
	    "1.2.3.4/999999999999",                 /* huge prefix */
	    "0.0.0.0/0",                            /* no address */
	    "a.b.c.d/24",                           /* not numbers */
	    " 1.2.3.4/24",                          /* leading space */
	    "1.2.3.4/24 ",                          /* trailing space */
	    "1.2.3.4/24:5.6.7",                     /* short gateway */
	    "1.2.3.4/24:5.6.7.8x",                  /* junk after gateway */
	    "1.2.3.4/24:1.1.1.1:2.2.2.2:3.3.3.3:4", /* five fields */
	    "1.2.3.4/24:1.1.1.1:2.2.2.2:3.3.3.3:",  /* five fields, last empty */
	    "1.2.3.4/24;1.1.1.1",                   /* wrong separator */
	    "1..2.3/24",                            /* empty octet */
	    "/24",                                  /* no address at all */
	};
	struct uk_netdev_ipv4 c;
	const char *why;
	unsigned int i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(&c, 0xa5, sizeof(c));
		why = NULL;
		UK_TEST_CHECK_(uk_netdev_ipv4_parse(bad[i], &c, &why) == -EINVAL,
		               "\"%s\" was accepted", bad[i]);
		UK_TEST_CHECK_(why != NULL && why[0], "\"%s\": no reason given", bad[i]);
		UK_TEST_CHECK_(c.addr == 0xa5a5a5a5U && c.gateway == 0xa5a5a5a5U,
		               "\"%s\": output written on error", bad[i]);
	}
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_ipv4_parse(NULL, &c, NULL), -EINVAL);
}

UK_TESTCASE(uknetdev, ipv4_config_without_entry)
{
	struct uk_netdev_ipv4 c;

	/* no test boot passes more than UK_NETDEV_MAX entries, so the last
	 * id past them has none */
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_ipv4_config(UK_NETDEV_MAX, &c), -ENOENT);
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_ipv4_config(1000, &c), -ENOENT);
}

/* ---- registry, wrappers and waiting, with a loopback device ---- */

struct loop {
	uint8_t frame[64];
	size_t len;
	int full;
	int starts;
};

static int loop_start(struct uk_netdev *dev)
{
	((struct loop *)dev->priv)->starts++;
	return 0;
}

static int loop_tx(struct uk_netdev *dev, const struct uk_netdev_seg *seg, unsigned int nseg)
{
	struct loop *l = dev->priv;
	size_t off = 0;
	unsigned int i;

	if (l->full)
		return -EAGAIN;
	for (i = 0; i < nseg; i++) {
		if (off + seg[i].len > sizeof(l->frame))
			return -EMSGSIZE;
		memcpy(l->frame + off, seg[i].base, seg[i].len);
		off += seg[i].len;
	}
	l->len = off;
	l->full = 1;
	return 0;
}

static int loop_rx(struct uk_netdev *dev, void *buf, size_t cap)
{
	struct loop *l = dev->priv;

	if (!l->full)
		return 0;
	l->full = 0;
	if (l->len > cap)
		return -EMSGSIZE;
	memcpy(buf, l->frame, l->len);
	return (int)l->len;
}

static int loop_pending(struct uk_netdev *dev)
{
	return ((struct loop *)dev->priv)->full;
}

static const struct uk_netdev_ops loop_ops = {loop_start, loop_tx, loop_rx, loop_pending};
static struct loop loop_state;
static struct uk_netdev loop_dev = {
    .ops = &loop_ops, .driver = "loop", .mtu = 50, .priv = &loop_state};

UK_TESTCASE(uknetdev, register_checks)
{
	static const struct uk_netdev_ops half = {loop_start, loop_tx, NULL, loop_pending};
	struct uk_netdev bad = {.ops = &half, .driver = "bad"};
	struct uk_netdev noname = {.ops = &loop_ops};
	unsigned int n = uk_netdev_count();

	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_register(NULL), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_register(&bad), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_register(&noname), -EINVAL);
	UK_TEST_EXPECT_UNUM_EQ(uk_netdev_count(), n);
	UK_TEST_ASSERT(n < UK_NETDEV_MAX);
	UK_TEST_ASSERT(uk_netdev_register(&loop_dev) == 0);
	UK_TEST_EXPECT_UNUM_EQ(loop_dev.id, n);
	UK_TEST_EXPECT_UNUM_EQ(uk_netdev_count(), n + 1);
	UK_TEST_EXPECT_PTR_EQ(uk_netdev_get(n), &loop_dev);
	UK_TEST_EXPECT_NULL(uk_netdev_get(n + 1));
	UK_TEST_EXPECT_NULL(uk_netdev_get(~0U));
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_register(&loop_dev), -EINVAL);
	UK_TEST_EXPECT_UNUM_EQ(uk_netdev_count(), n + 1);
}

UK_TESTCASE(uknetdev, not_started_refuses)
{
	struct uk_netdev_seg s = {"x", 1};
	char b[4];

	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_tx(&loop_dev, &s, 1), -ENETDOWN);
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_rx(&loop_dev, b, sizeof(b)), -ENETDOWN);
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_rx_wait(&loop_dev, 1), -ENETDOWN);
	UK_TEST_ASSERT(uk_netdev_start(&loop_dev) == 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_start(&loop_dev), -EALREADY);
	UK_TEST_EXPECT_SNUM_EQ(loop_state.starts, 1);
	UK_TEST_EXPECT(loop_dev.started);
}

UK_TESTCASE(uknetdev, tx_rx_and_counters)
{
	struct uk_netdev_seg segs[2] = {{"hello, ", 7}, {"world", 5}},
	                     big = {loop_state.frame, 100};
	char b[32];

	UK_TEST_ASSERT(loop_dev.started);
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_rx(&loop_dev, b, sizeof(b)), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_tx(&loop_dev, segs, 0), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_tx(&loop_dev, &big, 1), -EMSGSIZE);
	UK_TEST_EXPECT_UNUM_EQ(loop_dev.tx_errors, 1);
	UK_TEST_ASSERT(uk_netdev_tx(&loop_dev, segs, 2) == 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_tx(&loop_dev, segs, 2), -EAGAIN); /* full: no error */
	UK_TEST_EXPECT_UNUM_EQ(loop_dev.tx_errors, 1);
	UK_TEST_EXPECT_UNUM_EQ(loop_dev.tx_frames, 1);
	UK_TEST_EXPECT_UNUM_EQ(loop_dev.tx_bytes, 12);
	/* pending: the wait returns at once even with a deadline in the past */
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_rx_wait(&loop_dev, 1), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_rx(&loop_dev, b, 5), -EMSGSIZE);
	UK_TEST_EXPECT_UNUM_EQ(loop_dev.rx_dropped, 1);
	UK_TEST_ASSERT(uk_netdev_tx(&loop_dev, segs, 2) == 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_rx(&loop_dev, b, sizeof(b)), 12);
	UK_TEST_EXPECT(memcmp(b, "hello, world", 12) == 0);
	UK_TEST_EXPECT_UNUM_EQ(loop_dev.rx_frames, 1);
	UK_TEST_EXPECT_UNUM_EQ(loop_dev.rx_bytes, 12);
}

UK_TESTCASE(uknetdev, rx_wait_times_out)
{
	uint64_t t0 = ukplat_monotonic_clock();

	UK_TEST_ASSERT(!loop_pending(&loop_dev));
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_rx_wait(&loop_dev, t0 + 20000000ULL), -ETIMEDOUT);
	UK_TEST_EXPECT_UNUM_GE(ukplat_monotonic_clock() - t0, 20000000ULL);
}

static void deliver_later(void *arg)
{
	struct uk_netdev_seg s = {"ping", 4};

	(void)arg;
	uk_sched_sleep_ns(20000000ULL);
	/* what a driver's interrupt handler does once a frame is in its ring;
	 * the waiter sleeps with interrupts off until switched away, so the
	 * event cannot fall between its check and its sleep */
	loop_tx(&loop_dev, &s, 1);
	uk_netdev_rx_event(&loop_dev);
}

UK_TESTCASE(uknetdev, rx_wait_woken_by_event)
{
	uint64_t t0 = ukplat_monotonic_clock(), dt;
	struct uk_thread *t = uk_thread_create("netdev-test", deliver_later, NULL);
	char b[8];

	UK_TEST_ASSERT(t != NULL);
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_rx_wait(&loop_dev, t0 + 2000000000ULL), 0);
	dt = ukplat_monotonic_clock() - t0;
	UK_TEST_EXPECT_UNUM_GE(dt, 20000000ULL);
	UK_TEST_EXPECT_UNUM_LT(dt, 1000000000ULL);
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_rx(&loop_dev, b, sizeof(b)), 4);
	UK_TEST_EXPECT_SNUM_EQ(uk_thread_join(t), 0);
	/* an event with nobody waiting is harmless */
	uk_netdev_rx_event(&loop_dev);
}

UK_TESTCASE(uknetdev, registry_full)
{
	static struct uk_netdev extra[UK_NETDEV_MAX];
	unsigned int i, n = uk_netdev_count();

	for (i = 0; n + i < UK_NETDEV_MAX; i++) {
		extra[i] =
		    (struct uk_netdev){.ops = &loop_ops, .driver = "extra", .priv = &loop_state};
		UK_TEST_EXPECT_SNUM_EQ(uk_netdev_register(&extra[i]), 0);
	}
	extra[i] = (struct uk_netdev){.ops = &loop_ops, .driver = "extra", .priv = &loop_state};
	UK_TEST_EXPECT_SNUM_EQ(uk_netdev_register(&extra[i]), -ENOSPC);
	UK_TEST_EXPECT_UNUM_EQ(uk_netdev_count(), UK_NETDEV_MAX);
}
