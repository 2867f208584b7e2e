/* SPDX-License-Identifier: BSD-3-Clause */
/* Per-allocator statistics, updated only by the uk_* wrappers. */
#include <errno.h>
#include <uk/alloc.h>

void uk_alloc_stats_count_alloc(struct uk_alloc *a, size_t bytes)
{
	a->stats.nr_allocs++;
	a->stats.tot_allocs++;
	a->stats.used_bytes += bytes;
	if (a->stats.used_bytes > a->stats.peak_used_bytes)
		a->stats.peak_used_bytes = a->stats.used_bytes;
}

void uk_alloc_stats_count_free(struct uk_alloc *a, size_t bytes)
{
	a->stats.nr_allocs--;
	a->stats.tot_frees++;
	a->stats.used_bytes -= bytes;
}

void uk_alloc_stats_count_fail(struct uk_alloc *a)
{
	a->stats.nr_failed++;
}

int uk_alloc_stats(struct uk_alloc *a, struct uk_alloc_stats *out)
{
	if (!a || !out)
		return -EINVAL;
	*out = a->stats;
	out->free_bytes = uk_alloc_availmem(a);
	return 0;
}
