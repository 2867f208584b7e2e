/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A byte ring over a buffer its owner allocates: the FIFO of pipes and of
 * AF_UNIX stream sockets (lib/posix-socket). No locking: callers hold
 * whatever protects the ring's owner.
 */
#ifndef UK_RING_H
#define UK_RING_H

#include <stddef.h>

struct uk_ring {
	char *buf;
	size_t size;  /* of buf */
	size_t head;  /* first unread byte */
	size_t count; /* bytes held */
};

/* copies in as much of src's len bytes as there is room for; returns that */
size_t uk_ring_put(struct uk_ring *r, const void *src, size_t len);
/* copies out up to len bytes starting skip bytes after the head; consumes
 * them (skip must then be 0) unless peek; returns how many were copied */
size_t uk_ring_get(struct uk_ring *r, void *dst, size_t len, size_t skip, int peek);

static inline int uk_ring_full(const struct uk_ring *r)
{
	return r->count == r->size;
}

#endif /* UK_RING_H */
