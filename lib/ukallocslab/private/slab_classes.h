/* SPDX-License-Identifier: BSD-3-Clause */
/* Size classes of the small-object allocator */
#ifndef SLAB_CLASSES_H
#define SLAB_CLASSES_H

#include <stddef.h>

#define SLAB_NR_CLASSES 22
#define SLAB_HDR        64 /* slab header at the start of each page */

extern const unsigned short slab_class_size[SLAB_NR_CLASSES];

/* index of the smallest class holding size bytes (1..UK_ALLOCSLAB_MAX_SMALL) */
unsigned int slab_class_of(size_t size);
/* smallest class >= size whose objects are all aligned to align; -1 if none */
int slab_class_aligned(size_t size, size_t align);

#endif /* SLAB_CLASSES_H */
