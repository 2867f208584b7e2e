/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * malloc stress: many sizes (tiny to multi-page), each block filled with a
 * pattern, freed in random order; patterns are verified before each free
 * so overlapping blocks or corruption show up.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "check.h"

#define NBLOCKS 2000

static unsigned char *blocks[NBLOCKS];
static size_t sizes[NBLOCKS];
static unsigned int order[NBLOCKS];

/* a small PRNG so the run is reproducible */
static uint32_t rng = 12345;
static uint32_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

static size_t pick_size(unsigned int i)
{
	/* mostly small, as programs allocate; every 8th one spans pages */
	switch (i % 8) {
	case 0:
	case 1:
	case 2:
		return 1 + next() % 32;
	case 3:
	case 4:
		return 33 + next() % 480;
	case 5:
	case 6:
		return 513 + next() % 8000;
	default:
		return 8193 + next() % 100000;
	}
}

static int intact(unsigned int i)
{
	size_t j;

	for (j = 0; j < sizes[i]; j++)
		if (blocks[i][j] != (unsigned char)(i + j))
			return 0;
	return 1;
}

int check_malloc(void)
{
	unsigned int i, j, tmp, allocated = 0, corrupt = 0, misaligned = 0;
	struct timespec t0, t1;
	int fails = 0;
	void *p;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < NBLOCKS; i++) {
		order[i] = i;
		sizes[i] = pick_size(i);
		blocks[i] = malloc(sizes[i]);
		if (!blocks[i])
			continue;
		allocated++;
		misaligned += ((uintptr_t)blocks[i] & 15) != 0;
		for (j = 0; j < sizes[i]; j++)
			blocks[i][j] = (unsigned char)(i + j);
	}
	for (i = NBLOCKS - 1; i > 0; i--) {
		j = next() % (i + 1);
		tmp = order[i];
		order[i] = order[j];
		order[j] = tmp;
	}
	for (i = 0; i < NBLOCKS; i++) {
		unsigned int k = order[i];

		if (!blocks[k])
			continue;
		corrupt += !intact(k);
		free(blocks[k]);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	fails +=
	    check(allocated == NBLOCKS, "malloc.all_allocated", "%u of %d", allocated, NBLOCKS);
	fails += check(!corrupt, "malloc.no_corruption", "%u blocks damaged", corrupt);
	fails += check(!misaligned, "malloc.aligned_16", "%u misaligned", misaligned);
	printf("posixcheck: malloc stress: %d blocks in %ld us\n", NBLOCKS,
	       (long)((t1.tv_sec - t0.tv_sec) * 1000000 + (t1.tv_nsec - t0.tv_nsec) / 1000));

	p = calloc(1000, 8);
	fails += check(p && !((char *)p)[7999], "malloc.calloc_zeroed", "not zero");
	p = realloc(p, 100000);
	fails += check(p != NULL, "malloc.realloc_grow", "NULL");
	free(p);
	fails += check(!posix_memalign(&p, 4096, 100) && !((uintptr_t)p & 4095),
	               "malloc.posix_memalign_4096", "%p", p);
	free(p);
	return fails;
}
