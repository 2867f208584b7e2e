/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * select and pselect6 over fd_sets of UK_FD_SETSIZE bits (the Linux
 * layout: an array of longs, bit fd % 64 of word fd / 64).
 */
#include <errno.h>
#include <string.h>
#include <uk/syscall.h>
#include "upoll.h"

#define WORD_BITS 64
#define SET_WORDS (UK_FD_SETSIZE / WORD_BITS)
#define SEL_IN    (UK_POLLIN | UK_POLLHUP | UK_POLLERR)
#define SEL_OUT   (UK_POLLOUT | UK_POLLERR)
#define SEL_EX    UK_POLLPRI

struct fdset {
	unsigned long w[SET_WORDS];
};

struct timeval_abi {
	int64_t tv_sec, tv_usec;
};

struct sel {
	int nfds;
	struct fdset *set[3]; /* read, write, except (user's, may be NULL) */
	struct fdset want[3]; /* what was asked, kept across scans */
};

static int isset(const struct fdset *s, int fd)
{
	return (int)((s->w[fd / WORD_BITS] >> (fd % WORD_BITS)) & 1);
}

static void setbit(struct fdset *s, int fd)
{
	s->w[fd / WORD_BITS] |= 1ul << (fd % WORD_BITS);
}

static int asked(const struct sel *s, int fd)
{
	return isset(&s->want[0], fd) || isset(&s->want[1], fd) || isset(&s->want[2], fd);
}

static int sel_scan(void *arg, int *periodic)
{
	static const unsigned int cond[3] = {SEL_IN, SEL_OUT, SEL_EX};
	struct sel *s = arg;
	struct fdset got[3];
	int n = 0;

	memset(got, 0, sizeof(got));
	for (int fd = 0; fd < s->nfds; fd++) {
		unsigned int ev;

		if (!asked(s, fd))
			continue;
		ev = upoll_fd_events(fd, periodic);
		if (ev & UK_POLLNVAL)
			return -EBADF; /* a descriptor closed while we waited */
		for (int k = 0; k < 3; k++) {
			if (isset(&s->want[k], fd) && (ev & cond[k])) {
				setbit(&got[k], fd);
				n++;
			}
		}
	}
	if (!n)
		return 0;
	/* only the first nfds bits belong to the caller */
	for (int k = 0; k < 3; k++)
		if (s->set[k])
			memcpy(s->set[k], &got[k], ((size_t)s->nfds + 7) / 8);
	return n;
}

static int do_select(int nfds, struct fdset *r, struct fdset *w, struct fdset *e, uint64_t deadline)
{
	struct sel s = {nfds, {r, w, e}, {{{0}}}};
	int rc;

	if (nfds < 0 || nfds > UK_FD_SETSIZE)
		return -EINVAL;
	for (int k = 0; k < 3; k++)
		if (s.set[k])
			memcpy(&s.want[k], s.set[k], ((size_t)nfds + 7) / 8);
	/* bits past nfds in the last byte are not the caller's question */
	for (int k = 0; k < 3; k++)
		for (int fd = nfds; fd < ((nfds + 7) & ~7) && fd < UK_FD_SETSIZE; fd++)
			s.want[k].w[fd / WORD_BITS] &= ~(1ul << (fd % WORD_BITS));
	for (int fd = 0; fd < nfds; fd++) {
		if (!asked(&s, fd))
			continue;
		struct uk_file *f = uk_fdtab_get(fd);

		if (!f)
			return -EBADF;
		uk_file_release(f);
	}
	rc = uk_poll_wait(sel_scan, &s, deadline);
	if (rc == 0) /* timed out: every set comes back empty */
		for (int k = 0; k < 3; k++)
			if (s.set[k])
				memset(s.set[k], 0, ((size_t)nfds + 7) / 8);
	return rc;
}

UK_SYSCALL_R_DEFINE(int, select, int, nfds, struct fdset *, r, struct fdset *, w, struct fdset *, e,
                    struct timeval_abi *, tv)
{
	uint64_t deadline;
	int rc;

	if (tv && (tv->tv_sec < 0 || tv->tv_usec < 0 || tv->tv_usec >= 1000000))
		return -EINVAL;
	deadline = upoll_deadline(tv ? upoll_ns(tv->tv_sec, tv->tv_usec * 1000) : -1);
	rc = do_select(nfds, r, w, e, deadline);
	if (tv && rc >= 0) {
		/* Linux writes back the time left */
		int64_t left = deadline > 1 ? upoll_left(deadline) : 0;

		tv->tv_sec = left / 1000000000;
		tv->tv_usec = left % 1000000000 / 1000;
	}
	return rc;
}

/* the sixth argument: { const sigset_t *mask; size_t size }, not applied (see ppoll) */
UK_SYSCALL_R_DEFINE(int, pselect6, int, nfds, struct fdset *, r, struct fdset *, w, struct fdset *,
                    e, struct uk_timespec *, ts, const void *, sigdata)
{
	uint64_t deadline;
	int rc;

	(void)sigdata;
	if (ts && (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000))
		return -EINVAL;
	deadline = upoll_deadline(ts ? upoll_ns(ts->tv_sec, ts->tv_nsec) : -1);
	rc = do_select(nfds, r, w, e, deadline);
	if (ts && rc >= 0) {
		int64_t left = deadline > 1 ? upoll_left(deadline) : 0;

		ts->tv_sec = left / 1000000000;
		ts->tv_nsec = left % 1000000000;
	}
	return rc;
}
