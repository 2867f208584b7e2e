/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Size classes: steps of 16 up to 128, then four steps per doubling (at most
 * 25% internal waste), and above 448 the largest multiple of 16 that packs n
 * objects into a page (n = 8..2), so slabs of big classes waste under 2%.
 */
#include <uk/allocslab.h>
#include "slab_classes.h"

const unsigned short slab_class_size[SLAB_NR_CLASSES] = {
    16,  32,  48,  64,  80,  96,  112, 128, 160,  192,  224,
    256, 320, 384, 448, 496, 576, 672, 800, 1008, 1344, 2016,
};

/* class index by (size + 15) / 16; filled on first use */
static unsigned char class_by_16[UK_ALLOCSLAB_MAX_SMALL / 16 + 1];

static void fill_table(void)
{
	unsigned int i, c = 0;

	for (i = 1; i < sizeof(class_by_16); i++) {
		while (slab_class_size[c] < i * 16)
			c++;
		class_by_16[i] = c;
	}
	class_by_16[0] = 0;
}

unsigned int slab_class_of(size_t size)
{
	/* class_by_16[1] is 0 both before and after filling; [last] is not */
	if (!class_by_16[sizeof(class_by_16) - 1])
		fill_table();
	return class_by_16[(size + 15) >> 4];
}

int slab_class_aligned(size_t size, size_t align)
{
	unsigned int c;

	/* objects start SLAB_HDR bytes into a page and are size apart */
	if (align > SLAB_HDR)
		return -1;
	for (c = slab_class_of(size); c < SLAB_NR_CLASSES; c++)
		if (!(slab_class_size[c] % align))
			return c;
	return -1;
}
