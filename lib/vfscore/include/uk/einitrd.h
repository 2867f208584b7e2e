#ifndef UK_EINITRD_H
#define UK_EINITRD_H

#include <stddef.h>
#include <stdint.h>

/* The cpio archive linked into the image (CONFIG_LIBVFSCORE_AUTOMOUNT_CI_EINITRD). */
extern const char uk_einitrd_start[];
extern const char uk_einitrd_end[];

/* two linker symbols, two objects for C: compare addresses, not pointers */
static inline size_t uk_einitrd_size(void)
{
	return (size_t)((uintptr_t)uk_einitrd_end - (uintptr_t)uk_einitrd_start);
}

#endif
