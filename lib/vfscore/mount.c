/* SPDX-License-Identifier: BSD-3-Clause */
/* File-system drivers and the mount table */
#include <errno.h>
#include <string.h>
#include <uk/print.h>
#include "vfs_impl.h"
#include "vfs_os.h"

struct uk_mount *vfs_mounts;

/* the drivers: a handful at most (ramfs, devfs, ...) */
#define VFS_MAX_FS 16
static const struct uk_fs_driver *fs_drivers[VFS_MAX_FS];

int uk_vfs_fs_register(const struct uk_fs_driver *drv)
{
	for (int i = 0; i < VFS_MAX_FS; i++) {
		if (fs_drivers[i] == drv)
			return 0;
		if (fs_drivers[i] && !strcmp(fs_drivers[i]->name, drv->name))
			return -EEXIST;
		if (!fs_drivers[i]) {
			fs_drivers[i] = drv;
			return 0;
		}
	}
	return -ENOSPC;
}

const struct uk_fs_driver *uk_vfs_fs_find(const char *name)
{
	for (int i = 0; i < VFS_MAX_FS && fs_drivers[i]; i++)
		if (!strcmp(fs_drivers[i]->name, name))
			return fs_drivers[i];
	return NULL;
}

int uk_vfs_root_mounted(void)
{
	return vfs_root != NULL;
}

/* the directory a new mount goes on: held; NULL for the very first "/" */
static int mount_point(const char *path, struct uk_vnode **out)
{
	int rc;

	*out = NULL;
	if (!vfs_root)
		return strcmp(path, "/") ? -ENOENT : 0;
	rc = vfs_lookupat(UK_AT_FDCWD, path, VFS_FOLLOW, out);
	if (rc)
		return rc;
	if (!UK_S_ISDIR((*out)->mode)) {
		uk_vnode_release(*out);
		return -ENOTDIR;
	}
	return 0;
}

int uk_vfs_mount(const char *dev, const char *path, const char *fsname, unsigned long flags,
                 const char *opts)
{
	const struct uk_fs_driver *fs;
	struct uk_vnode *under;
	struct uk_mount *m;
	int rc = vfs_check_path(path);

	if (rc)
		return rc;
	if (path[0] != '/' || strlen(path) >= sizeof(m->path))
		return -EINVAL;
	fs = fsname ? uk_vfs_fs_find(fsname) : NULL;
	if (!fs)
		return -ENODEV;
	rc = mount_point(path, &under);
	if (rc)
		return rc;
	m = vfs_zalloc(sizeof(*m));
	if (!m) {
		uk_vnode_release(under);
		return -ENOMEM;
	}
	m->fs = fs;
	strcpy(m->path, path);
	uk_pr_info("VFS: mounting %s at %s\n", fs->name, path);
	rc = fs->mount(m, dev ? dev : "", flags, opts ? opts : "");
	if (rc) {
		uk_pr_err("VFS: mounting %s at %s failed: %d\n", fs->name, path, rc);
		uk_vnode_release(under);
		vfs_free(m);
		return rc;
	}
	m->root->mnt = m;
	m->covered = under;
	if (under)
		under->covered = m;
	else
		vfs_root = m->root; /* the mount holds the reference */
	m->next = vfs_mounts;
	vfs_mounts = m;
	return 0;
}

static void mount_free(struct uk_mount *m)
{
	struct uk_vnode *root = m->root;

	if (m->covered) {
		m->covered->covered = NULL;
		uk_vnode_release(m->covered);
	} else if (vfs_root == root) {
		vfs_root = NULL;
	}
	/* the file system may free its nodes only once nothing refers to them */
	root->mnt = NULL;
	uk_vnode_release(root);
	if (m->fs->unmount)
		m->fs->unmount(m);
	vfs_free(m);
}

int uk_vfs_umount(const char *path)
{
	struct uk_mount **pp, *m;

	for (pp = &vfs_mounts; (m = *pp); pp = &m->next) {
		if (strcmp(m->path, path))
			continue;
		if (m->root->covered)
			return -EBUSY; /* something is mounted on top */
		if (m->root->refs > 1)
			return -EBUSY;
		*pp = m->next;
		mount_free(m);
		return 0;
	}
	return -EINVAL;
}

void vfs_mounts_reset(void)
{
	while (vfs_mounts) {
		struct uk_mount *m = vfs_mounts;

		vfs_mounts = m->next;
		mount_free(m);
	}
	vfs_root = NULL;
}
