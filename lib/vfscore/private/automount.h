/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef VFS_AUTOMOUNT_H
#define VFS_AUTOMOUNT_H

#include <stddef.h>

/* extracts a cpio archive into mp, mounting a new ramfs there first if asked */
int vfs_extract_initrd(const void *buf, size_t len, const char *source, const char *mp,
                       int new_ramfs);
/* mounts the vfs.fstab= entries: an error only for the root (/) entry */
int vfs_fstab_mount_all(void);
/* splits "dev:mp:driver[:flags[:opts[:ukopts]]]" in place */
struct vfs_fstab_entry {
	char *dev, *mp, *driver, *flags, *opts, *ukopts;
};
int vfs_fstab_parse(char *s, struct vfs_fstab_entry *e);

#endif
