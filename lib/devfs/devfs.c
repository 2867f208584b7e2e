/* SPDX-License-Identifier: BSD-3-Clause */
/* devfs: a read-only directory whose names are the devices of devices.c */
#include <errno.h>
#include <string.h>
#include <uk/config.h>
#include <uk/print.h>
#include "devfs.h"

static int devfs_lookup(struct uk_vnode *dir, const char *name, size_t len, struct uk_vnode **out)
{
	if (len == 2 && name[0] == '.' && name[1] == '.') {
		uk_vnode_hold(dir); /* the root is its own parent; the VFS crosses mounts */
		*out = dir;
		return 0;
	}
	for (unsigned int i = 0; i < devfs_ndevs; i++) {
		if (strlen(devfs_devs[i].name) == len && !memcmp(devfs_devs[i].name, name, len)) {
			*out = devfs_devs[i].get();
			return 0;
		}
	}
	return -ENOENT;
}

static int devfs_readdir(struct uk_vnode *dir, uint64_t *cookie, struct uk_vfs_dirent *out)
{
	uint64_t i = *cookie;

	if (i < 2) {
		out->ino = dir->ino;
		out->type = UK_DT_DIR;
		strcpy(out->name, i ? ".." : ".");
	} else if (i - 2 < devfs_ndevs) {
		struct uk_vnode *vn = devfs_devs[i - 2].get();

		out->ino = vn->ino;
		out->type = UK_DT_CHR;
		strcpy(out->name, devfs_devs[i - 2].name);
		uk_vnode_release(vn);
	} else {
		return 0;
	}
	*cookie = i + 1;
	return 1;
}

static const struct uk_vnode_ops devfs_dir_ops = {
    .lookup = devfs_lookup,
    .readdir = devfs_readdir,
};

static int devfs_mount(struct uk_mount *m, const char *dev, unsigned long flags, const char *opts)
{
	(void)dev, (void)flags, (void)opts;
	m->root = uk_vnode_alloc(&devfs_dir_ops, UK_S_IFDIR | 0755);
	if (!m->root)
		return -ENOMEM;
	m->root->mnt = m;
	return 0;
}

const struct uk_fs_driver devfs_driver = {
    .name = "devfs",
    .mount = devfs_mount,
};

UK_FS_REGISTER(devfs, devfs_driver);
