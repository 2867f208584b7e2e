/* SPDX-License-Identifier: BSD-3-Clause */
/* ramfs nodes, directory entry tables, mount and the driver registration */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include "ramfs.h"

const struct uk_vnode_ops ramfs_vnops = {
    .lookup = ramfs_lookup,
    .create = ramfs_create,
    .symlink = ramfs_symlink,
    .link = ramfs_link,
    .unlink = ramfs_unlink,
    .rename = ramfs_rename,
    .readdir = ramfs_readdir,
    .read = ramfs_read,
    .write = ramfs_write,
    .truncate = ramfs_truncate,
    .readlink = ramfs_readlink,
    .inactive = ramfs_inactive,
};

struct uk_vnode *ramfs_node_alloc(struct uk_mount *mnt, uint32_t mode)
{
	struct ramfs_node *n = uk_calloc(uk_alloc_get_default(), 1, sizeof(*n));
	struct uk_vnode *vn;

	if (!n)
		return NULL;
	vn = uk_vnode_alloc(&ramfs_vnops, mode);
	if (!vn) {
		uk_free(uk_alloc_get_default(), n);
		return NULL;
	}
	vn->priv = n;
	vn->mnt = mnt;
	return vn;
}

void ramfs_inactive(struct uk_vnode *vn)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct ramfs_node *n = vn->priv;

	/* only a directory without names reaches here with entries: an unmounted root;
	 * dropping the index first keeps the teardown linear */
	uk_free(a, n->slots);
	n->slots = NULL;
	while (n->nents)
		ramfs_dir_remove(vn, &n->ents[n->nents - 1]);
	uk_free(a, n->ents);
	uk_free(a, n->data);
	uk_free(a, n->target);
	uk_free(a, n);
	uk_vnode_free(vn);
}

/* FNV-1a: names are short, and this only spreads them over the slots */
static uint32_t name_hash(const char *name, size_t len)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)name[i]) * 16777619u;
	return h;
}

/* below this many entries a scan is as fast as the index and needs no memory */
#define RAMFS_INDEX_MIN 32

static void index_put(struct ramfs_node *n, size_t i)
{
	size_t mask = n->nslots - 1, s = n->ents[i].hash & mask;

	while (n->slots[s])
		s = (s + 1) & mask;
	n->slots[s] = (uint32_t)i + 1;
}

/* (re)builds the index for the current entries; without memory, scans stay correct */
static void index_rebuild(struct ramfs_node *n)
{
	struct uk_alloc *a = uk_alloc_get_default();
	size_t want = 64;

	uk_free(a, n->slots);
	n->slots = NULL;
	n->nslots = 0;
	if (n->nents < RAMFS_INDEX_MIN)
		return;
	while (want < n->nents * 2)
		want *= 2;
	n->slots = uk_calloc(a, want, sizeof(*n->slots));
	if (!n->slots)
		return;
	n->nslots = want;
	for (size_t i = 0; i < n->nents; i++)
		index_put(n, i);
}

struct ramfs_dirent *ramfs_dir_find(struct uk_vnode *dir, const char *name, size_t len)
{
	struct ramfs_node *n = dir->priv;
	uint32_t h = name_hash(name, len);

	if (n->slots) {
		size_t mask = n->nslots - 1;

		for (size_t s = h & mask; n->slots[s]; s = (s + 1) & mask) {
			struct ramfs_dirent *de = &n->ents[n->slots[s] - 1];

			if (de->hash == h && de->len == len && !memcmp(de->name, name, len))
				return de;
		}
		return NULL;
	}
	for (size_t i = 0; i < n->nents; i++) {
		struct ramfs_dirent *de = &n->ents[i];

		if (de->hash == h && de->len == len && !memcmp(de->name, name, len))
			return de;
	}
	return NULL;
}

int ramfs_dir_add(struct uk_vnode *dir, const char *name, size_t len, struct uk_vnode *vn)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct ramfs_node *n = dir->priv;
	char *copy;

	if (n->nents == n->capents) {
		size_t cap = n->capents ? n->capents * 2 : 8;
		struct ramfs_dirent *ents = uk_realloc(a, n->ents, cap * sizeof(*ents));

		if (!ents)
			return -ENOSPC;
		n->ents = ents;
		n->capents = cap;
	}
	copy = uk_malloc(a, len + 1);
	if (!copy)
		return -ENOSPC;
	memcpy(copy, name, len);
	copy[len] = '\0';
	n->ents[n->nents++] = (struct ramfs_dirent){vn, len, copy, name_hash(name, len)};
	uk_vnode_hold(vn);
	dir->size = (int64_t)n->nents;
	/* grow the index at half load; otherwise just add the new entry */
	if (n->nents >= RAMFS_INDEX_MIN && (!n->slots || n->nents * 2 > n->nslots))
		index_rebuild(n);
	else if (n->slots)
		index_put(n, n->nents - 1);
	return 0;
}

void ramfs_dir_remove(struct uk_vnode *dir, struct ramfs_dirent *de)
{
	struct ramfs_node *n = dir->priv;
	struct uk_vnode *vn = de->vn;
	size_t i = (size_t)(de - n->ents);

	/* a directory that lost its name has no parent any more (".." fails) */
	if (UK_S_ISDIR(vn->mode) && ((struct ramfs_node *)vn->priv)->parent == dir)
		((struct ramfs_node *)vn->priv)->parent = NULL;
	uk_free(uk_alloc_get_default(), de->name);
	memmove(&n->ents[i], &n->ents[i + 1], (n->nents - i - 1) * sizeof(*de));
	n->nents--;
	dir->size = (int64_t)n->nents;
	/* the entries after i moved: their slots are stale (removal is O(n) anyway) */
	if (n->slots)
		index_rebuild(n);
	uk_vnode_release(vn);
}

static int ramfs_mount(struct uk_mount *m, const char *dev, unsigned long flags, const char *opts)
{
	(void)dev;
	(void)flags;
	(void)opts;
	m->root = ramfs_node_alloc(m, UK_S_IFDIR | 0755);
	return m->root ? 0 : -ENOMEM;
}

const struct uk_fs_driver ramfs_driver = {
    .name = "ramfs",
    .mount = ramfs_mount,
};

UK_FS_REGISTER(ramfs, ramfs_driver);
