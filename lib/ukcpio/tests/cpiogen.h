/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Builds newc archives in memory for the tests (archives are generated,
 * never committed): one call a member, with every header field settable so
 * hostile archives are as easy to write as good ones.
 */
#ifndef CPIOGEN_H
#define CPIOGEN_H

#include <string.h>
#include <uk/alloc.h>
#include <uk/vfs_abi.h>

struct cpiogen {
	char *buf;
	size_t len, cap;
	int failed; /* out of memory */
};

struct cpiogen_member {
	const char *name;
	uint32_t mode, ino, nlink, mtime;
	const void *data;
	size_t size;
	uint32_t namesize; /* 0: strlen(name) + 1 */
	uint32_t hdrsize;  /* 0: size (lets a test lie about the data size) */
};

static inline void cpiogen_put(struct cpiogen *g, const void *p, size_t n)
{
	if (g->len + n > g->cap) {
		size_t cap = g->cap ? g->cap : 4096;
		char *nb;

		while (cap < g->len + n)
			cap *= 2;
		nb = uk_realloc(uk_alloc_get_default(), g->buf, cap);
		if (!nb) {
			g->failed = 1;
			return;
		}
		g->buf = nb;
		g->cap = cap;
	}
	memcpy(g->buf + g->len, p, n);
	g->len += n;
}

static inline void cpiogen_hex(struct cpiogen *g, uint32_t v)
{
	char s[8];

	for (int i = 7; i >= 0; i--, v >>= 4)
		s[i] = "0123456789abcdef"[v & 15];
	cpiogen_put(g, s, 8);
}

static inline void cpiogen_pad(struct cpiogen *g)
{
	static const char zeros[4];

	cpiogen_put(g, zeros, (4 - g->len % 4) % 4);
}

static inline void cpiogen_member(struct cpiogen *g, const struct cpiogen_member *m)
{
	uint32_t namesize = m->namesize ? m->namesize : (uint32_t)strlen(m->name) + 1;
	uint32_t fields[13] = {m->ino,
	                       m->mode,
	                       0,
	                       0,
	                       m->nlink ? m->nlink : 1,
	                       m->mtime,
	                       m->hdrsize ? m->hdrsize : (uint32_t)m->size,
	                       0,
	                       0,
	                       0,
	                       0,
	                       namesize,
	                       0};

	cpiogen_put(g, "070701", 6);
	for (int i = 0; i < 13; i++)
		cpiogen_hex(g, fields[i]);
	cpiogen_put(g, m->name, strlen(m->name) + 1);
	cpiogen_pad(g);
	cpiogen_put(g, m->data, m->size);
	cpiogen_pad(g);
}

static inline void cpiogen_file(struct cpiogen *g, const char *name, uint32_t mode, const char *s)
{
	struct cpiogen_member m = {name, UK_S_IFREG | mode, 0, 1, 1000000, s, strlen(s), 0, 0};

	cpiogen_member(g, &m);
}

static inline void cpiogen_dir(struct cpiogen *g, const char *name, uint32_t mode)
{
	struct cpiogen_member m = {name, UK_S_IFDIR | mode, 0, 2, 1000000, "", 0, 0, 0};

	cpiogen_member(g, &m);
}

/* the trailer and zero padding to a 512-byte block, as cpio(1) writes */
static inline void cpiogen_trailer(struct cpiogen *g)
{
	static const char zeros[512];
	struct cpiogen_member m = {"TRAILER!!!", 0, 0, 1, 0, "", 0, 0, 0};

	cpiogen_member(g, &m);
	cpiogen_put(g, zeros, (512 - g->len % 512) % 512);
}

static inline void cpiogen_free(struct cpiogen *g)
{
	uk_free(uk_alloc_get_default(), g->buf);
	memset(g, 0, sizeof(*g));
}

#endif
