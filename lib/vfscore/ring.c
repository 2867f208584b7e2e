/* SPDX-License-Identifier: BSD-3-Clause */
/* The byte ring of <uk/ring.h>: each copy is at most two pieces, the part
 * up to the end of the buffer and the part from its start. */
#include <string.h>
#include <uk/ring.h>

size_t uk_ring_put(struct uk_ring *r, const void *src, size_t len)
{
	size_t n = 0;

	while (n < len && r->count < r->size) {
		size_t tail = (r->head + r->count) % r->size;
		/* free space runs to the end of the buffer or up to the head */
		size_t chunk = tail >= r->head ? r->size - tail : r->head - tail;

		if (chunk > len - n)
			chunk = len - n;
		memcpy(r->buf + tail, (const char *)src + n, chunk);
		r->count += chunk;
		n += chunk;
	}
	return n;
}

size_t uk_ring_get(struct uk_ring *r, void *dst, size_t len, size_t skip, int peek)
{
	size_t n = 0;

	while (n < len && skip + n < r->count) {
		size_t pos = (r->head + skip + n) % r->size;
		size_t chunk = r->size - pos;

		if (chunk > r->count - skip - n)
			chunk = r->count - skip - n;
		if (chunk > len - n)
			chunk = len - n;
		memcpy((char *)dst + n, r->buf + pos, chunk);
		n += chunk;
	}
	if (!peek) {
		r->head = (r->head + n) % r->size;
		r->count -= n;
	}
	return n;
}
