/* SPDX-License-Identifier: BSD-3-Clause */
/* Internal interfaces between the files of lib/vfscore */
#ifndef VFS_IMPL_H
#define VFS_IMPL_H

#include <uk/vfs.h>

/* the root of the name space and the working directory (held, or NULL) */
extern struct uk_vnode *vfs_root;
extern struct uk_vnode *vfs_cwd;
extern uint32_t vfs_umask;
extern struct uk_mount *vfs_mounts;

/* A resolved parent directory and the last name of a path */
struct vfs_parent {
	struct uk_vnode *dir; /* held */
	const char *name;     /* points into the path */
	size_t len;
	int trailing_slash; /* the path ended in '/': the target must be a directory */
};

#define VFS_FOLLOW 1 /* follow a symlink in the last component */

/* The directory a *at() call starts from: held, or -EBADF/-ENOTDIR */
int vfs_start_dir(int dirfd, const char *path, struct uk_vnode **out);
/* Resolves path to a held vnode */
int vfs_lookup(struct uk_vnode *start, const char *path, int flags, struct uk_vnode **out);
int vfs_lookupat(int dirfd, const char *path, int flags, struct uk_vnode **out);
/* Resolves all but the last component; "." and ".." as last name are -EINVAL */
int vfs_lookup_parent(int dirfd, const char *path, struct vfs_parent *p);
/* The vnode that hides vn (the root of a mount on it), held; vn itself otherwise */
struct uk_vnode *vfs_cross_down(struct uk_vnode *vn);

/* checks done by every entry point */
int vfs_check_path(const char *path);
int vfs_may_write_dir(struct uk_vnode *dir);

void vfs_fill_stat(const struct uk_vnode *vn, struct uk_stat *st);
ssize_t vfs_file_read(struct uk_file *f, void *buf, size_t len, int64_t *off);
ssize_t vfs_file_write(struct uk_file *f, const void *buf, size_t len, int64_t *off);
void vfs_fdtab_reset(void);
/* a blocking read or write of f that must wait: -EAGAIN on a non-blocking
 * file, vfs_wait() (vfs_os.h) otherwise */
int vfs_wait_file(const struct uk_file *f, int periodic);
void vfs_mounts_reset(void);

#endif
