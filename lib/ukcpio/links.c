/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Hard links in newc: members with the same inode and device numbers (and
 * nlink > 1) are one file. Writers store the data with one of them (GNU
 * cpio: the last), so every later member becomes a link to the first path
 * and any data it carries is written through it.
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include "cpio_impl.h"

struct link_rec {
	uint32_t ino, devmajor, devminor;
	char *path;
};

struct ukcpio_links {
	struct link_rec *recs;
	size_t n, cap;
};

struct ukcpio_links *ukcpio_links_new(void)
{
	return uk_calloc(uk_alloc_get_default(), 1, sizeof(struct ukcpio_links));
}

const char *ukcpio_links_find(struct ukcpio_links *l, const struct ukcpio_entry *e)
{
	for (size_t i = 0; i < l->n; i++) {
		struct link_rec *r = &l->recs[i];

		if (r->ino == e->ino && r->devmajor == e->devmajor && r->devminor == e->devminor)
			return r->path;
	}
	return NULL;
}

int ukcpio_links_add(struct ukcpio_links *l, const struct ukcpio_entry *e, const char *path)
{
	struct uk_alloc *a = uk_alloc_get_default();
	size_t plen = strlen(path) + 1;
	char *copy;

	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct link_rec *recs = uk_realloc(a, l->recs, cap * sizeof(*recs));

		if (!recs)
			return -ENOMEM;
		l->recs = recs;
		l->cap = cap;
	}
	copy = uk_malloc(a, plen);
	if (!copy)
		return -ENOMEM;
	memcpy(copy, path, plen);
	l->recs[l->n++] = (struct link_rec){e->ino, e->devmajor, e->devminor, copy};
	return 0;
}

void ukcpio_links_free(struct ukcpio_links *l)
{
	struct uk_alloc *a = uk_alloc_get_default();

	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		uk_free(a, l->recs[i].path);
	uk_free(a, l->recs);
	uk_free(a, l);
}
