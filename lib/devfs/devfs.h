/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef DEVFS_H
#define DEVFS_H

#include <uk/vfs.h>

/* one name in /dev */
struct devfs_dev {
	const char *name;
	struct uk_vnode *(*get)(void); /* held */
};

extern const struct devfs_dev devfs_devs[];
extern const unsigned int devfs_ndevs;

struct uk_vnode *devfs_null(void);
struct uk_vnode *devfs_zero(void);
struct uk_vnode *devfs_random(void);
struct uk_vnode *devfs_urandom(void);

#endif
