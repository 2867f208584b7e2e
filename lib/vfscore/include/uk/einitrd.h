#ifndef UK_EINITRD_H
#define UK_EINITRD_H

/* The cpio archive linked into the image (CONFIG_LIBVFSCORE_AUTOMOUNT_CI_EINITRD). */
extern const char uk_einitrd_start[];
extern const char uk_einitrd_end[];

#endif
