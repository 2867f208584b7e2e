/* SPDX-License-Identifier: BSD-3-Clause */
/* poll and ppoll */
#include <errno.h>
#include <uk/plat/time.h>
#include <uk/syscall.h>
#include "upoll.h"

unsigned int upoll_file_events(struct uk_file *f, int *periodic)
{
	unsigned int ev = uk_file_poll(f);

	if (f->vn->vflags & UK_VNODE_POLL_PERIODIC)
		*periodic = 1;
	/* drivers may report only one spelling of "readable"/"writable" */
	if (ev & (UK_POLLIN | UK_POLLRDNORM))
		ev |= UK_POLLIN | UK_POLLRDNORM;
	if (ev & (UK_POLLOUT | UK_POLLWRNORM))
		ev |= UK_POLLOUT | UK_POLLWRNORM;
	return ev;
}

unsigned int upoll_fd_events(int fd, int *periodic)
{
	struct uk_file *f = uk_fdtab_get(fd);
	unsigned int ev;

	if (!f)
		return UK_POLLNVAL;
	ev = upoll_file_events(f, periodic);
	uk_file_release(f);
	return ev;
}

uint64_t upoll_deadline(int64_t ns)
{
	if (ns < 0)
		return 0;
	if (ns == 0)
		return 1;
	return ukplat_monotonic_clock() + (uint64_t)ns;
}

int64_t upoll_ns(int64_t sec, int64_t nsec)
{
	const int64_t max_sec = 100ll * 366 * 24 * 3600;

	return (sec > max_sec ? max_sec : sec) * 1000000000ll + nsec;
}

int64_t upoll_left(uint64_t deadline)
{
	uint64_t now = ukplat_monotonic_clock();

	return deadline > now ? (int64_t)(deadline - now) : 0;
}

struct poll_set {
	struct uk_pollfd *fds;
	unsigned long n;
};

static int poll_scan(void *arg, int *periodic)
{
	struct poll_set *ps = arg;
	int ready = 0;

	for (unsigned long i = 0; i < ps->n; i++) {
		struct uk_pollfd *p = &ps->fds[i];
		unsigned int ev;

		p->revents = 0;
		if (p->fd < 0)
			continue; /* ignored, as POSIX says */
		ev = upoll_fd_events(p->fd, periodic);
		/* errors and hang-ups are reported whether asked for or not */
		ev &= (unsigned short)p->events | UK_POLLERR | UK_POLLHUP | UK_POLLNVAL;
		p->revents = (short)ev;
		ready += ev != 0;
	}
	return ready;
}

static int do_poll(struct uk_pollfd *fds, unsigned long nfds, uint64_t deadline)
{
	struct poll_set ps = {fds, nfds};

	if (nfds > UK_VFS_FD_MAX)
		return -EINVAL;
	if (nfds && !fds)
		return -EFAULT;
	return uk_poll_wait(poll_scan, &ps, deadline);
}

int uk_poll(struct uk_pollfd *fds, unsigned long nfds, int timeout_ms)
{
	return do_poll(fds, nfds, upoll_deadline(timeout_ms < 0 ? -1 : timeout_ms * 1000000ll));
}

UK_SYSCALL_R_DEFINE(int, poll, struct uk_pollfd *, fds, unsigned long, nfds, int, timeout)
{
	return uk_poll(fds, nfds, timeout);
}

/* the signal mask is not applied: signals reach only a blocking call's
 * interrupt check here, and the mask of the main thread stays as it is */
UK_SYSCALL_R_DEFINE(int, ppoll, struct uk_pollfd *, fds, unsigned long, nfds, struct uk_timespec *,
                    ts, const void *, sigmask, unsigned long, sigsetsize)
{
	uint64_t deadline;
	int rc;

	(void)sigmask;
	(void)sigsetsize;
	if (ts && (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000))
		return -EINVAL;
	deadline = upoll_deadline(ts ? upoll_ns(ts->tv_sec, ts->tv_nsec) : -1);
	rc = do_poll(fds, nfds, deadline);
	if (ts && rc >= 0) {
		/* Linux writes back the time left */
		int64_t left = deadline > 1 ? upoll_left(deadline) : 0;

		ts->tv_sec = left / 1000000000;
		ts->tv_nsec = left % 1000000000;
	}
	return rc;
}
