/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Host unit tests of the small-object allocator on top of the buddy
 * allocator (run by slab.test with ASan/UBSan), plus its overhead and
 * speed figures (optimised build, "bench" argument).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <uk/alloc.h>
#include <uk/allocbbuddy.h>
#include <uk/allocslab.h>
#include <host_check.h>
#include "slab_classes.h"

#define PAGE     4096UL
#define MAX_LIVE 8192

static struct uk_alloc *pages, *slab;

static void setup(size_t len)
{
	char *mem = aligned_alloc(PAGE, len);

	if (!mem)
		abort();
	pages = uk_allocbbuddy_init(mem, len);
	slab = uk_allocslab_init(pages);
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* sizes like a real program: mostly small, a long tail of bigger ones */
static size_t rand_size(void)
{
	int r = rand() % 100;

	if (r < 60)
		return 1 + rand() % 64;
	if (r < 90)
		return 1 + rand() % 512;
	if (r < 98)
		return 1 + rand() % 2048;
	return 1 + rand() % 20000;
}

static void test_classes(void)
{
	unsigned int c;
	size_t s;
	int ok = 1;

	for (s = 1; s <= UK_ALLOCSLAB_MAX_SMALL && ok; s++) {
		c = slab_class_of(s);
		ok = slab_class_size[c] >= s && (c == 0 || slab_class_size[c - 1] < s);
	}
	host_case("slab.class_smallest_fit", ok, "a size maps to the wrong class");
	for (c = 0, ok = 1; c < SLAB_NR_CLASSES; c++)
		ok &= slab_class_size[c] % 16 == 0 && (PAGE - SLAB_HDR) / slab_class_size[c] >= 2;
	host_case("slab.class_shape", ok, "class not 16-aligned or fewer than 2 a slab");
	for (s = 1, ok = 1; s <= UK_ALLOCSLAB_MAX_SMALL; s++) {
		c = slab_class_of(s);
		/* quarter steps keep waste under 25% once past the 16-byte granule */
		if (s > 128 && s <= 448 && (slab_class_size[c] - s) * 4 > slab_class_size[c])
			ok = 0;
	}
	host_case("slab.class_waste_bound", ok, "more than 25% waste between 128 and 448");
}

static void test_basic(void)
{
	void *p, *q, *r;
	int ok = 1;
	size_t s;

	p = uk_malloc(slab, 24);
	q = uk_malloc(slab, 24);
	host_case("slab.distinct", p && q && p != q && (char *)q - (char *)p == 32, "");
	host_case("slab.usable", uk_usable_size(slab, p) == 32, "24 bytes not in class 32");
	host_case("slab.align16", !((uintptr_t)p & 15) && !((uintptr_t)q & 15), "unaligned");
	uk_free(slab, p);
	r = uk_malloc(slab, 20);
	host_case("slab.reuse", r == p, "freed object not reused first");
	uk_free(slab, q);
	uk_free(slab, r);
	for (s = 32; s <= 4096 && ok; s *= 2) {
		p = uk_memalign(slab, s, 40);
		ok = p && !((uintptr_t)p & (s - 1));
		memset(p, 1, 40);
		uk_free(slab, p);
	}
	host_case("slab.memalign", ok, "memalign result not aligned");
	p = uk_malloc(slab, 5000);
	host_case("slab.large", p && uk_usable_size(slab, p) >= 5000, "large object");
	uk_free(slab, p);
	p = uk_calloc(slab, 100, 3);
	for (s = 0; s < 300 && p; s++)
		ok &= ((char *)p)[s] == 0;
	host_case("slab.calloc", p && ok, "calloc not zeroed");
	host_case("slab.calloc_overflow", uk_calloc(slab, SIZE_MAX / 2, 3) == NULL, "overflow");
	p = uk_realloc(slab, p, 1000);
	for (s = 0, ok = 1; s < 300 && p; s++)
		ok &= ((char *)p)[s] == 0;
	host_case("slab.realloc", p && ok && uk_usable_size(slab, p) >= 1000, "content lost");
	uk_free(slab, p);
}

struct live {
	unsigned char *p;
	size_t size;
	unsigned char seed;
};

static void test_stress(void)
{
	static struct live l[MAX_LIVE];
	size_t avail0 = uk_alloc_availmem(pages), used = 0;
	unsigned long ops, bad = 0, i, k;
	struct uk_alloc_stats st;
	uint64_t fail0;

	srand(1);
	fail0 = slab->stats.nr_failed;
	for (ops = 0; ops < 200000; ops++) {
		i = rand() % MAX_LIVE;
		if (l[i].p) {
			for (k = 0; k < l[i].size; k += 7)
				bad += l[i].p[k] != (unsigned char)(l[i].seed + k);
			used -= uk_usable_size(slab, l[i].p);
			uk_free(slab, l[i].p);
			l[i].p = NULL;
			continue;
		}
		l[i].size = rand_size();
		l[i].seed = rand();
		l[i].p = uk_malloc(slab, l[i].size);
		if (!l[i].p)
			continue;
		used += uk_usable_size(slab, l[i].p);
		for (k = 0; k < l[i].size; k += 7)
			l[i].p[k] = l[i].seed + k;
	}
	uk_alloc_stats(slab, &st);
	host_case("slab.stress_pattern", bad == 0, "contents corrupted");
	host_case("slab.stress_stats", st.used_bytes == used && st.nr_failed == fail0,
	          "used bytes do not match the live objects");
	for (i = 0; i < MAX_LIVE; i++)
		if (l[i].p)
			uk_free(slab, l[i].p), l[i].p = NULL;
	uk_alloc_stats(slab, &st);
	/* each class may keep one empty slab */
	host_case("slab.stress_all_back",
	          st.used_bytes == 0 && st.nr_allocs == 0 &&
	              uk_alloc_availmem(pages) + SLAB_NR_CLASSES * PAGE >= avail0,
	          "pages not returned after freeing everything");
}

static void test_oom(void)
{
	static void *p[70000];
	struct uk_alloc_stats st;
	unsigned long n = 0;

	while (n < 70000 && (p[n] = uk_malloc(slab, 100)) != NULL)
		n++;
	uk_alloc_stats(slab, &st);
	host_case("slab.oom_null", n < 70000 && st.nr_failed == 1, "never ran out / not counted");
	while (n)
		uk_free(slab, p[--n]);
	p[0] = uk_malloc(slab, 100);
	host_case("slab.oom_recovers", p[0] != NULL, "allocator dead after OOM");
	uk_free(slab, p[0]);
}

static void test_foreign_free(void)
{
	void *early = uk_malloc(pages, 100); /* before the slab layer existed */
	size_t used0 = pages->stats.used_bytes;

	uk_free(slab, early);
	host_case("slab.free_underlying_object", pages->stats.used_bytes < used0,
	          "object of the allocator underneath not handed back");
}

static void crash_child(int kind, const char *name)
{
	char buf[256] = "";
	int fds[2], status;
	ssize_t n;
	pid_t pid;

	if (pipe(fds))
		abort();
	pid = fork();
	if (pid == 0) {
		char *p = uk_malloc(slab, 48);

		dup2(fds[1], 2);
		uk_malloc(slab, 48); /* keep the slab alive */
		if (kind == 0) {
			uk_free(slab, p);
			uk_free(slab, p);
		} else {
			uk_free(slab, p + 8);
		}
		_exit(0);
	}
	close(fds[1]);
	n = read(fds[0], buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = 0;
	waitpid(pid, &status, 0);
	host_case(name, WIFSIGNALED(status) && strstr(buf, "CRASH: slab"), "not detected");
}

/* bytes of pages taken from the buddy per byte requested, for rand_size() */
static void overhead(void)
{
	static struct live l[20000];
	size_t avail0 = uk_alloc_availmem(pages), req = 0, usable = 0, used;
	unsigned long i;

	srand(5);
	for (i = 0; i < 20000; i++) {
		l[i].size = rand_size();
		req += l[i].size;
		l[i].p = uk_malloc(slab, l[i].size);
		usable += uk_usable_size(slab, l[i].p);
	}
	used = avail0 - uk_alloc_availmem(pages);
	printf("# slab overhead: %zu bytes requested, %zu bytes of pages used, %.1f%% over: %.1f%% "
	       "size-class rounding, %.1f%% slab headers/partial slabs/large-object pages\n",
	       req, used, 100.0 * (used - req) / req, 100.0 * (usable - req) / req,
	       100.0 * (used - usable) / req);
	for (i = 0; i < 20000; i++)
		uk_free(slab, l[i].p);
	/* the first 10000 of them straight from the buddy (whole pages each;
	 * all 20000 would not fit in the arena) */
	srand(5);
	avail0 = uk_alloc_availmem(pages);
	for (i = 0, req = 0; i < 10000; i++) {
		l[i].size = rand_size();
		req += l[i].size;
		l[i].p = uk_malloc(pages, l[i].size);
	}
	printf("# same sizes without the slab layer: %zu bytes requested, %zu bytes of pages "
	       "(%.1f%% over)\n",
	       req, avail0 - uk_alloc_availmem(pages),
	       100.0 * (avail0 - uk_alloc_availmem(pages) - req) / req);
	for (i = 0; i < 10000; i++)
		uk_free(pages, l[i].p);
}

static void bench(void)
{
	static void *p[1024];
	static size_t sz[1024];
	long i, j, rounds = 5000;
	double t0, t1, t2;

	for (j = 0; j < 1024; j++)
		sz[j] = 1 + rand() % 512;
	t0 = now_s();
	for (i = 0; i < rounds; i++) {
		for (j = 0; j < 1024; j++)
			p[j] = uk_malloc(slab, sz[j]);
		for (j = 0; j < 1024; j++)
			uk_free(slab, p[j]);
	}
	t1 = now_s();
	for (i = 0; i < rounds; i++) {
		for (j = 0; j < 1024; j++)
			p[j] = malloc(sz[j]);
		for (j = 0; j < 1024; j++)
			free(p[j]);
	}
	t2 = now_s();
	printf("# slab uk_malloc+uk_free (1-512 B): %.1f M pairs/s; host glibc malloc+free: %.1f M "
	       "pairs/s\n",
	       rounds * 1024 / (t1 - t0) / 1e6, rounds * 1024 / (t2 - t1) / 1e6);
	host_case("slab.bench_ran", t1 > t0, "no time measured");
}

int main(int argc, char **argv)
{
	setup(64 << 20);
	host_case("slab.init", slab != NULL, "init failed");
	test_classes();
	test_basic();
	test_stress();
	test_foreign_free();
	crash_child(0, "slab.double_free_crash");
	crash_child(1, "slab.interior_free_crash");
	if (argc > 1 && !strcmp(argv[1], "bench")) {
		overhead();
		bench();
	}
	setup(2 << 20);
	test_oom();
	return host_failures ? 1 : 0;
}
