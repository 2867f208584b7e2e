/* SPDX-License-Identifier: BSD-3-Clause */
/* ramfs internals: nodes live as long as a name or an open file refers to them */
#ifndef RAMFS_H
#define RAMFS_H

#include <uk/vfs.h>

/*
 * Every name (directory entry) holds one reference to its vnode, so a node
 * is freed when its last name is gone and nothing has it open.
 */
struct ramfs_dirent {
	struct uk_vnode *vn;
	size_t len;
	char *name;
	uint32_t hash;
};

struct ramfs_node {
	/* directories; parent is not a reference: cleared when the directory is removed */
	struct ramfs_dirent *ents;
	size_t nents, capents;
	/* big directories: open-addressing index of ents (slot = index + 1, 0 free) */
	uint32_t *slots;
	size_t nslots;
	struct uk_vnode *parent;
	/* regular files */
	char *data;
	size_t cap;
	/* symbolic links */
	char *target;
};

extern const struct uk_vnode_ops ramfs_vnops;
extern const struct uk_fs_driver ramfs_driver;

struct uk_vnode *ramfs_node_alloc(struct uk_mount *mnt, uint32_t mode);
struct ramfs_dirent *ramfs_dir_find(struct uk_vnode *dir, const char *name, size_t len);
int ramfs_dir_add(struct uk_vnode *dir, const char *name, size_t len, struct uk_vnode *vn);
/* drops the entry and the reference it held */
void ramfs_dir_remove(struct uk_vnode *dir, struct ramfs_dirent *de);

/* vnode operations, by file */
int ramfs_lookup(struct uk_vnode *dir, const char *name, size_t len, struct uk_vnode **out);
int ramfs_create(struct uk_vnode *dir, const char *name, size_t len, uint32_t mode,
                 struct uk_vnode **out);
int ramfs_symlink(struct uk_vnode *dir, const char *name, size_t len, const char *target);
int ramfs_link(struct uk_vnode *dir, const char *name, size_t len, struct uk_vnode *vn);
int ramfs_unlink(struct uk_vnode *dir, const char *name, size_t len, int rmdir);
int ramfs_rename(struct uk_vnode *odir, const char *oname, size_t olen, struct uk_vnode *ndir,
                 const char *nname, size_t nlen);
int ramfs_readdir(struct uk_vnode *dir, uint64_t *cookie, struct uk_vfs_dirent *out);
ssize_t ramfs_read(struct uk_vnode *vn, struct uk_file *f, void *buf, size_t len, int64_t off);
ssize_t ramfs_write(struct uk_vnode *vn, struct uk_file *f, const void *buf, size_t len,
                    int64_t off);
int ramfs_truncate(struct uk_vnode *vn, int64_t len);
ssize_t ramfs_readlink(struct uk_vnode *vn, char *buf, size_t len);
void ramfs_inactive(struct uk_vnode *vn);

#endif
