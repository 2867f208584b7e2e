/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * epoll: an instance is a descriptor (an anonymous vnode) holding a list of
 * interests. An interest names its file by descriptor and by the file's
 * unique id, without holding the file: close() then really closes (a socket
 * sends its FIN), and the interest, now stale, is dropped when next seen,
 * as Linux drops it with the file's last reference.
 *
 * Level-triggered by default. EPOLLET reports a ready file once per
 * readiness change anywhere (the poll generation moved since the last
 * report): never less often than Linux, sometimes more, which callers
 * that read until EAGAIN (as edge-triggered callers must) do not notice.
 * EPOLLONESHOT disables the interest after one report until EPOLL_CTL_MOD.
 */
#include <errno.h>
#include <uk/alloc.h>
#include <uk/syscall.h>
#include "upoll.h"

#define EP_MAX_DEPTH 4 /* epoll instances inside epoll instances */

struct epitem {
	struct epitem *next;
	int fd;
	uint64_t file_id;
	uint32_t events;
	uint64_t data;
	uint64_t reported_gen; /* EPOLLET: generation of the last report */
	int reported;          /* EPOLLET: reported_gen is valid */
	int disabled;          /* EPOLLONESHOT fired */
};

struct epoll {
	struct epitem *items;
};

static const struct uk_vnode_ops epoll_ops;
static unsigned int ep_depth; /* nesting of epoll poll ops, against loops */

static void *ep_alloc(size_t size)
{
	return uk_calloc(uk_alloc_get_default(), 1, size);
}

static void ep_free(void *p)
{
	uk_free(uk_alloc_get_default(), p);
}

/* the file of an interest, held; NULL if its descriptor was closed or reused */
static struct uk_file *item_file(const struct epitem *it)
{
	struct uk_file *f = uk_fdtab_get(it->fd);

	if (f && f->id != it->file_id) {
		uk_file_release(f);
		return NULL;
	}
	return f;
}

static void drop_stale(struct epoll *ep)
{
	struct epitem **pp = &ep->items;

	while (*pp) {
		struct epitem *it = *pp;
		struct uk_file *f = item_file(it);

		if (f) {
			uk_file_release(f);
			pp = &it->next;
			continue;
		}
		*pp = it->next;
		ep_free(it);
	}
}

/* the events of an interest now: 0 if disabled, -1 if stale */
static int64_t item_events(const struct epitem *it, int *periodic)
{
	struct uk_file *f = item_file(it);
	unsigned int ev;

	if (!f)
		return -1;
	if (it->disabled) {
		uk_file_release(f);
		return 0;
	}
	ev = upoll_file_events(f, periodic);
	uk_file_release(f);
	return ev & (it->events | UK_EPOLLERR | UK_EPOLLHUP);
}

static unsigned int epoll_poll(struct uk_vnode *vn, struct uk_file *f)
{
	struct epoll *ep = vn->priv;
	unsigned int ev = 0;
	int periodic = 0;

	(void)f;
	if (ep_depth >= EP_MAX_DEPTH)
		return 0;
	ep_depth++;
	for (struct epitem *it = ep->items; it && !ev; it = it->next)
		if (item_events(it, &periodic) > 0)
			ev = UK_POLLIN | UK_POLLRDNORM;
	ep_depth--;
	return ev;
}

static void epoll_inactive(struct uk_vnode *vn)
{
	struct epoll *ep = vn->priv;

	while (ep->items) {
		struct epitem *it = ep->items;

		ep->items = it->next;
		ep_free(it);
	}
	ep_free(ep);
	uk_vnode_free(vn);
}

static const struct uk_vnode_ops epoll_ops = {
    .inactive = epoll_inactive,
    .poll = epoll_poll,
};

int uk_epoll_create(int flags)
{
	struct epoll *ep;
	struct uk_vnode *vn;
	struct uk_file *f;
	int fd;

	if (flags & ~UK_EPOLL_CLOEXEC)
		return -EINVAL;
	ep = ep_alloc(sizeof(*ep));
	if (!ep)
		return -ENOMEM;
	/* typeless, like Linux's anon inodes: not seekable, no read/write */
	vn = uk_vnode_alloc(&epoll_ops, 0600);
	if (!vn) {
		ep_free(ep);
		return -ENOMEM;
	}
	vn->priv = ep;
	f = uk_file_alloc(vn, UK_O_RDWR);
	uk_vnode_release(vn);
	if (!f)
		return -ENOMEM;
	fd = uk_fdtab_install(f, 0, flags & UK_EPOLL_CLOEXEC);
	uk_file_release(f);
	return fd;
}

/* the epoll behind epfd (the file held in *held), or -EBADF / -EINVAL */
static int get_epoll(int epfd, struct uk_file **held, struct epoll **out)
{
	struct uk_file *f = uk_fdtab_get(epfd);

	if (!f)
		return -EBADF;
	if (f->vn->ops != &epoll_ops) {
		uk_file_release(f);
		return -EINVAL;
	}
	*held = f;
	*out = f->vn->priv;
	return 0;
}

static struct epitem *find_item(struct epoll *ep, int fd)
{
	for (struct epitem *it = ep->items; it; it = it->next)
		if (it->fd == fd)
			return it;
	return NULL;
}

static void set_item(struct epitem *it, const struct uk_epoll_event *ev)
{
	it->events = ev->events;
	it->data = ev->data;
	it->reported = 0;
	it->disabled = 0;
}

static int ctl_add(struct epoll *ep, int fd, struct uk_file *tf, const struct uk_epoll_event *ev)
{
	struct epitem *it;

	if (find_item(ep, fd))
		return -EEXIST;
	it = ep_alloc(sizeof(*it));
	if (!it)
		return -ENOMEM;
	it->fd = fd;
	it->file_id = tf->id;
	set_item(it, ev);
	it->next = ep->items;
	ep->items = it;
	return 0;
}

static int ctl_del(struct epoll *ep, int fd)
{
	for (struct epitem **pp = &ep->items; *pp; pp = &(*pp)->next) {
		struct epitem *it = *pp;

		if (it->fd == fd) {
			*pp = it->next;
			ep_free(it);
			return 0;
		}
	}
	return -ENOENT;
}

static int ctl_checks(struct uk_file *epf, struct uk_file *tf, int op,
                      const struct uk_epoll_event *ev)
{
	uint32_t t = tf->vn->mode & UK_S_IFMT;

	if (tf == epf)
		return -EINVAL;
	/* regular files and directories are always ready: Linux refuses them */
	if (t == UK_S_IFREG || t == UK_S_IFDIR)
		return -EPERM;
	if (op != UK_EPOLL_CTL_DEL && !ev)
		return -EFAULT;
	if (op != UK_EPOLL_CTL_ADD && op != UK_EPOLL_CTL_DEL && op != UK_EPOLL_CTL_MOD)
		return -EINVAL;
	return 0;
}

int uk_epoll_ctl(int epfd, int op, int fd, const struct uk_epoll_event *ev)
{
	struct uk_file *epf, *tf;
	struct epoll *ep;
	struct epitem *it;
	int rc = get_epoll(epfd, &epf, &ep);

	if (rc)
		return rc;
	tf = uk_fdtab_get(fd);
	if (!tf) {
		uk_file_release(epf);
		return -EBADF;
	}
	rc = ctl_checks(epf, tf, op, ev);
	if (!rc) {
		drop_stale(ep); /* a reused descriptor number is a new file */
		it = find_item(ep, fd);
		if (op == UK_EPOLL_CTL_ADD)
			rc = ctl_add(ep, fd, tf, ev);
		else if (op == UK_EPOLL_CTL_DEL)
			rc = ctl_del(ep, fd);
		else if (!it)
			rc = -ENOENT;
		else
			set_item(it, ev);
	}
	uk_file_release(tf);
	uk_file_release(epf);
	return rc;
}

struct ep_wait {
	struct epoll *ep;
	struct uk_epoll_event *out;
	int max;
};

/* a full answer: the interests after it go first next time, so a few
 * busy files cannot starve the others when maxevents is small */
static void rotate(struct epoll *ep, struct epitem **rest)
{
	struct epitem *first = *rest, *tail = first;

	while (tail->next)
		tail = tail->next;
	tail->next = ep->items;
	*rest = NULL;
	ep->items = first;
}

/* one pass: stale interests are dropped on the way */
static int ep_scan(void *arg, int *periodic)
{
	struct ep_wait *w = arg;
	uint64_t gen = uk_vfs_poll_generation();
	struct epitem **pp = &w->ep->items;
	int n = 0;

	while (*pp && n < w->max) {
		struct epitem *it = *pp;
		int64_t ev = item_events(it, periodic);

		if (ev < 0) {
			*pp = it->next;
			ep_free(it);
			continue;
		}
		pp = &it->next;
		if (!ev)
			continue;
		if ((it->events & UK_EPOLLET) && it->reported && it->reported_gen == gen)
			continue; /* nothing changed since we told the caller */
		it->reported = 1;
		it->reported_gen = gen;
		if (it->events & UK_EPOLLONESHOT)
			it->disabled = 1;
		w->out[n].events = (uint32_t)ev;
		w->out[n].data = it->data;
		n++;
	}
	if (n == w->max && *pp)
		rotate(w->ep, pp);
	return n;
}

static int do_epoll_wait(int epfd, struct uk_epoll_event *evs, int maxevents, uint64_t deadline)
{
	struct uk_file *epf;
	struct ep_wait w;
	int rc;

	if (maxevents <= 0)
		return -EINVAL;
	if (!evs)
		return -EFAULT;
	rc = get_epoll(epfd, &epf, &w.ep);
	if (rc)
		return rc;
	w.out = evs;
	w.max = maxevents;
	/* epf stays held: closing epfd while we wait cannot free the list */
	rc = uk_poll_wait(ep_scan, &w, deadline);
	uk_file_release(epf);
	return rc;
}

int uk_epoll_wait(int epfd, struct uk_epoll_event *evs, int maxevents, int timeout_ms)
{
	return do_epoll_wait(epfd, evs, maxevents,
	                     upoll_deadline(timeout_ms < 0 ? -1 : timeout_ms * 1000000ll));
}

UK_SYSCALL_R_DEFINE(int, epoll_create, int, size)
{
	return size <= 0 ? -EINVAL : uk_epoll_create(0);
}

UK_SYSCALL_R_DEFINE(int, epoll_create1, int, flags)
{
	return uk_epoll_create(flags);
}

UK_SYSCALL_R_DEFINE(int, epoll_ctl, int, epfd, int, op, int, fd, const struct uk_epoll_event *, ev)
{
	return uk_epoll_ctl(epfd, op, fd, ev);
}

UK_SYSCALL_R_DEFINE(int, epoll_wait, int, epfd, struct uk_epoll_event *, evs, int, maxevents, int,
                    timeout)
{
	return uk_epoll_wait(epfd, evs, maxevents, timeout);
}

/* the signal mask is not applied (see ppoll) */
UK_SYSCALL_R_DEFINE(int, epoll_pwait, int, epfd, struct uk_epoll_event *, evs, int, maxevents, int,
                    timeout, const void *, sigmask, unsigned long, sigsetsize)
{
	(void)sigmask;
	(void)sigsetsize;
	return uk_epoll_wait(epfd, evs, maxevents, timeout);
}

UK_SYSCALL_R_DEFINE(int, epoll_pwait2, int, epfd, struct uk_epoll_event *, evs, int, maxevents,
                    const struct uk_timespec *, ts, const void *, sigmask, unsigned long,
                    sigsetsize)
{
	(void)sigmask;
	(void)sigsetsize;
	if (ts && (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000))
		return -EINVAL;
	return do_epoll_wait(epfd, evs, maxevents,
	                     upoll_deadline(ts ? upoll_ns(ts->tv_sec, ts->tv_nsec) : -1));
}
