/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * poll, select and epoll over any descriptor (lib/posix-poll, contracts.md
 * section 10). Readiness comes from the vnode poll op (uk_file_poll()) and
 * waiting from vfscore's poll generation. Types and constants are the Linux
 * x86_64 ABI, what musl passes; the events are vfscore's UK_POLL* values.
 */
#ifndef UK_POLL_H
#define UK_POLL_H

#include <stdint.h>
#include <uk/vfs.h>

struct uk_pollfd {
	int fd;
	short events;
	short revents;
};

#define UK_FD_SETSIZE 1024

#define UK_EPOLLIN        0x001u
#define UK_EPOLLPRI       0x002u
#define UK_EPOLLOUT       0x004u
#define UK_EPOLLERR       0x008u
#define UK_EPOLLHUP       0x010u
#define UK_EPOLLRDNORM    0x040u
#define UK_EPOLLRDBAND    0x080u
#define UK_EPOLLWRNORM    0x100u
#define UK_EPOLLWRBAND    0x200u
#define UK_EPOLLMSG       0x400u
#define UK_EPOLLRDHUP     0x2000u
#define UK_EPOLLEXCLUSIVE (1u << 28)
#define UK_EPOLLWAKEUP    (1u << 29)
#define UK_EPOLLONESHOT   (1u << 30)
#define UK_EPOLLET        (1u << 31)

#define UK_EPOLL_CTL_ADD 1
#define UK_EPOLL_CTL_DEL 2
#define UK_EPOLL_CTL_MOD 3
#define UK_EPOLL_CLOEXEC UK_O_CLOEXEC

/* x86_64 packs it: 12 bytes */
struct uk_epoll_event {
	uint32_t events;
	uint64_t data;
} __attribute__((packed));

/*
 * The kernel-side calls behind the syscalls. timeout_ms < 0 waits without
 * limit. Return a count, 0 on timeout, or a negative errno (-EINTR when
 * lib/posix-process reports a signal).
 */
int uk_poll(struct uk_pollfd *fds, unsigned long nfds, int timeout_ms);
int uk_epoll_create(int flags);
int uk_epoll_ctl(int epfd, int op, int fd, const struct uk_epoll_event *ev);
int uk_epoll_wait(int epfd, struct uk_epoll_event *evs, int maxevents, int timeout_ms);

/*
 * The wait loop shared with lib/posix-socket's blocking calls: calls
 * scan(arg, &periodic) until it returns non-zero (returned as is), the
 * monotonic deadline passes (0; deadline 0 = none) or a signal arrives
 * (-EINTR). scan sets *periodic when a file it looked at is
 * UK_VNODE_POLL_PERIODIC (re-checked every UK_VFS_POLL_PERIOD_NS).
 */
typedef int (*uk_poll_scan_fn)(void *arg, int *periodic);
int uk_poll_wait(uk_poll_scan_fn scan, void *arg, uint64_t deadline);

#endif /* UK_POLL_H */
