/* SPDX-License-Identifier: BSD-3-Clause */
/* /dev/null, /dev/zero, /dev/random and /dev/urandom: static character devices */
#include <errno.h>
#include <string.h>
#include <uk/config.h>
#include <uk/random.h>
#include "devfs.h"

static ssize_t null_read(struct uk_vnode *vn, struct uk_file *f, void *buf, size_t len, int64_t off)
{
	(void)vn, (void)f, (void)buf, (void)len, (void)off;
	return 0;
}

static ssize_t sink_write(struct uk_vnode *vn, struct uk_file *f, const void *buf, size_t len,
                          int64_t off)
{
	(void)vn, (void)f, (void)buf, (void)off;
	return (ssize_t)len;
}

static ssize_t zero_read(struct uk_vnode *vn, struct uk_file *f, void *buf, size_t len, int64_t off)
{
	(void)vn, (void)f, (void)off;
	memset(buf, 0, len);
	return (ssize_t)len;
}

/* both devices read the same CSPRNG: it never blocks once seeded */
static ssize_t random_read(struct uk_vnode *vn, struct uk_file *f, void *buf, size_t len,
                           int64_t off)
{
	(void)vn, (void)f, (void)off;
	uk_random_fill(buf, len);
	return (ssize_t)len;
}

static void static_inactive(struct uk_vnode *vn)
{
	(void)vn; /* device nodes live forever */
}

static const struct uk_vnode_ops null_ops = {
    .read = null_read, .write = sink_write, .inactive = static_inactive};
static const struct uk_vnode_ops zero_ops = {
    .read = zero_read, .write = sink_write, .inactive = static_inactive};
/* writes to the random devices are accepted and ignored, as mixing in is not modelled */
static const struct uk_vnode_ops random_ops = {
    .read = random_read, .write = sink_write, .inactive = static_inactive};

#define DEVNODE(nm, ops_, major, minor)                                                            \
	static struct uk_vnode nm##_vn = {.refs = 1,                                               \
	                                  .mode = UK_S_IFCHR | 0666,                               \
	                                  .nlink = 1,                                              \
	                                  .ino = 0x7fff0000 + ((major) << 8) + (minor),            \
	                                  .rdev = ((major) << 8) | (minor),                        \
	                                  .ops = &(ops_)};                                         \
	struct uk_vnode *devfs_##nm(void)                                                          \
	{                                                                                          \
		uk_vnode_hold(&nm##_vn);                                                           \
		return &nm##_vn;                                                                   \
	}

/* the Linux major:minor numbers, so stat(1) output looks familiar */
DEVNODE(null, null_ops, 1, 3)
DEVNODE(zero, zero_ops, 1, 5)
DEVNODE(random, random_ops, 1, 8)
DEVNODE(urandom, random_ops, 1, 9)

const struct devfs_dev devfs_devs[] = {
    {"null", devfs_null},       {"zero", devfs_zero},        {"random", devfs_random},
    {"urandom", devfs_urandom}, {"console", uk_vfs_console},
#if CONFIG_LIBDEVFS_DEVSTDOUT
    {"stdin", uk_vfs_console},  {"stdout", uk_vfs_console},  {"stderr", uk_vfs_console},
#endif
};
const unsigned int devfs_ndevs = sizeof(devfs_devs) / sizeof(devfs_devs[0]);
