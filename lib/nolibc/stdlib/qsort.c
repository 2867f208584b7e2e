/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * qsort as a heap sort: O(n log n) in the worst case and no recursion,
 * which matters on small kernel stacks. Not stable (C does not ask for it).
 */
#include <stdlib.h>
#include <stddef.h>

static void swap(unsigned char *a, unsigned char *b, size_t size)
{
	while (size--) {
		unsigned char t = *a;

		*a++ = *b;
		*b++ = t;
	}
}

/* Moves element i down the heap of n elements until both children are smaller */
static void sift_down(unsigned char *base, size_t i, size_t n, size_t size,
                      int (*cmp)(const void *, const void *))
{
	for (;;) {
		size_t big = i, l = 2 * i + 1, r = l + 1;

		if (l < n && cmp(base + l * size, base + big * size) > 0)
			big = l;
		if (r < n && cmp(base + r * size, base + big * size) > 0)
			big = r;
		if (big == i)
			return;
		swap(base + i * size, base + big * size, size);
		i = big;
	}
}

void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	unsigned char *b = base;
	size_t i;

	if (n < 2 || size == 0)
		return;
	for (i = n / 2; i-- > 0;)
		sift_down(b, i, n, size, cmp);
	for (i = n - 1; i > 0; i--) {
		swap(b, b + i * size, size);
		sift_down(b, 0, i, size, cmp);
	}
}

void *bsearch(const void *key, const void *base, size_t n, size_t size,
              int (*cmp)(const void *, const void *))
{
	const unsigned char *b = base;

	while (n) {
		const unsigned char *mid = b + (n / 2) * size;
		int c = cmp(key, mid);

		if (c == 0)
			return (void *)(unsigned long)mid;
		if (c > 0) {
			b = mid + size;
			n -= n / 2 + 1;
		} else {
			n /= 2;
		}
	}
	return NULL;
}
