/* SPDX-License-Identifier: BSD-3-Clause */
/* Internal helpers shared by poll.c, select.c and epoll.c */
#ifndef UPOLL_H
#define UPOLL_H

#include <stdint.h>
#include <uk/poll.h>

/* UK_POLLNVAL for a bad descriptor; the normal-data aliases always added */
unsigned int upoll_fd_events(int fd, int *periodic);
/* same, for a held file */
unsigned int upoll_file_events(struct uk_file *f, int *periodic);
/* a relative timeout as a monotonic deadline for uk_poll_wait(): 0 for
 * none (ns < 0), 1 (already past) for a mere check (ns == 0) */
uint64_t upoll_deadline(int64_t ns);
/* sec/nsec as ns, clamped (a century is as good as forever) */
int64_t upoll_ns(int64_t sec, int64_t nsec);
/* what is left of a deadline, in ns (0 once passed) */
int64_t upoll_left(uint64_t deadline);

#endif
