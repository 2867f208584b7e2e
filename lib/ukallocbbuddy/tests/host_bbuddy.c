/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Host unit tests of the buddy allocator core (run by bbuddy.test with
 * ASan/UBSan), against an arena from the host's malloc.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <uk/alloc.h>
#include <uk/allocbbuddy.h>
#include <host_check.h>

#define PAGE     4096UL
#define ARENA_MB 16
#define MAX_LIVE 4096

static char *arena_new(size_t len)
{
	/* deliberately not page aligned, like a real memory region may be */
	char *p = aligned_alloc(PAGE, len + PAGE);

	if (!p)
		abort();
	return p + 123;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void fill(void *p, size_t len, unsigned int seed)
{
	unsigned char *c = p;
	size_t i;

	for (i = 0; i + 1 < len; i += 61)
		c[i] = (unsigned char)(seed + i);
	c[len - 1] = (unsigned char)seed;
}

static int check(const void *p, size_t len, unsigned int seed)
{
	const unsigned char *c = p;
	size_t i;

	for (i = 0; i + 1 < len; i += 61)
		if (c[i] != (unsigned char)(seed + i))
			return 0;
	return c[len - 1] == (unsigned char)seed;
}

/* the biggest power-of-two block the allocator can hand out right now */
static unsigned long largest_block(struct uk_alloc *a)
{
	unsigned long n = 1UL << 20, best = 0;
	void *p;

	for (; n; n >>= 1) {
		p = a->palloc(a, n);
		if (p) {
			a->pfree(a, p, n);
			best = n;
			break;
		}
	}
	return best;
}

static void test_init(void)
{
	char *mem = arena_new(ARENA_MB << 20);
	struct uk_alloc *a = uk_allocbbuddy_init(mem, ARENA_MB << 20);
	size_t avail;

	if (!host_case("bbuddy.init", a != NULL, "init returned NULL"))
		return;
	avail = uk_alloc_availmem(a);
	/* metadata is one byte a page plus a header: under 0.1% + 2 pages */
	host_case("bbuddy.init_overhead",
	          avail >= (ARENA_MB << 20) - (ARENA_MB << 20) / 1000 - 3 * PAGE &&
	              avail <= (ARENA_MB << 20),
	          "available memory does not match region minus metadata");
	host_case("bbuddy.init_too_small", uk_allocbbuddy_init(mem, 64) == NULL,
	          "64-byte region accepted");
}

/* every page exactly once, then everything back and coalesced */
static void test_exhaust_and_coalesce(void)
{
	char *mem = arena_new(4 << 20);
	struct uk_alloc *a = uk_allocbbuddy_init(mem, 4 << 20);
	size_t avail0 = uk_alloc_availmem(a);
	unsigned long big0 = largest_block(a), n = 0, i, j, t;
	void **pages = calloc(avail0 / PAGE + 1, sizeof(void *));
	int ok = 1;

	while ((pages[n] = uk_palloc(a, 1)) != NULL) {
		memset(pages[n], (int)n, PAGE);
		n++;
	}
	host_case("bbuddy.exhaust_count", n == avail0 / PAGE, "page count != availmem/4096");
	host_case("bbuddy.exhaust_empty", uk_alloc_availmem(a) == 0, "memory left over");
	for (i = 0; i < n && ok; i++)
		ok = ((unsigned char *)pages[i])[0] == (unsigned char)i &&
		     ((unsigned char *)pages[i])[PAGE - 1] == (unsigned char)i;
	host_case("bbuddy.exhaust_no_overlap", ok, "a page was handed out twice");
	srand(7);
	for (i = n; i > 1; i--) { /* shuffle so frees come in random order */
		j = rand() % i;
		t = (unsigned long)pages[i - 1];
		pages[i - 1] = pages[j];
		pages[j] = (void *)t;
	}
	for (i = 0; i < n; i++)
		uk_pfree(a, pages[i], 1);
	host_case("bbuddy.coalesce_avail", uk_alloc_availmem(a) == avail0,
	          "not all memory came back");
	host_case("bbuddy.coalesce_largest", largest_block(a) == big0 && big0 >= 256,
	          "largest block smaller after freeing everything");
	free(pages);
}

static void test_sizes(void)
{
	char *mem = arena_new(8 << 20);
	struct uk_alloc *a = uk_allocbbuddy_init(mem, 8 << 20);
	size_t avail0 = uk_alloc_availmem(a);
	void *p = uk_palloc(a, 3), *q;

	host_case("bbuddy.npages_exact", uk_alloc_availmem(a) == avail0 - 3 * PAGE,
	          "3 pages cost more than 3 pages");
	host_case("bbuddy.page_aligned", ((uintptr_t)p & (PAGE - 1)) == 0, "unaligned");
	q = uk_palloc(a, 16);
	host_case("bbuddy.natural_alignment", ((uintptr_t)q & (16 * PAGE - 1)) == 0,
	          "16-page block not 64 KiB aligned");
	uk_pfree(a, p, 3);
	uk_pfree(a, q, 16);
	host_case("bbuddy.npages_free", uk_alloc_availmem(a) == avail0, "pages lost");
}

static void test_oom(void)
{
	char *mem = arena_new(1 << 20);
	struct uk_alloc *a = uk_allocbbuddy_init(mem, 1 << 20);
	size_t avail0 = uk_alloc_availmem(a);
	struct uk_alloc_stats st;
	void *p;

	p = uk_palloc(a, 1024);
	uk_alloc_stats(a, &st);
	host_case("bbuddy.oom_null", p == NULL && st.nr_failed == 1, "no NULL / not counted");
	host_case("bbuddy.oom_malloc_null", uk_malloc(a, 2 << 20) == NULL, "2 MiB from 1 MiB");
	host_case("bbuddy.oom_huge", uk_malloc(a, SIZE_MAX - 10) == NULL, "overflowed size");
	p = uk_palloc(a, 4);
	host_case("bbuddy.oom_still_usable", p && uk_alloc_availmem(a) == avail0 - 4 * PAGE,
	          "allocator broken after OOM");
	uk_pfree(a, p, 4);
}

struct live {
	void *p;
	size_t size;
	unsigned int seed;
	int pages; /* 1: palloc'd, size is pages */
};

static void test_stress(void)
{
	char *mem = arena_new(ARENA_MB << 20);
	struct uk_alloc *a = uk_allocbbuddy_init(mem, ARENA_MB << 20);
	size_t avail0 = uk_alloc_availmem(a);
	static struct live l[MAX_LIVE];
	unsigned long ops, bad = 0, fails = 0;
	struct uk_alloc_stats st;
	size_t used = 0;
	int i;

	srand(42);
	for (ops = 0; ops < 50000; ops++) {
		i = rand() % MAX_LIVE;
		if (l[i].p) {
			if (!check(l[i].p, l[i].pages ? l[i].size * PAGE : l[i].size, l[i].seed))
				bad++;
			if (l[i].pages) {
				used -= l[i].size * PAGE;
				uk_pfree(a, l[i].p, l[i].size);
			} else {
				used -= uk_usable_size(a, l[i].p);
				uk_free(a, l[i].p);
			}
			l[i].p = NULL;
			continue;
		}
		l[i].pages = rand() & 1;
		l[i].size = l[i].pages ? 1 + rand() % 9 : 1 + rand() % 20000;
		l[i].seed = rand();
		l[i].p = l[i].pages ? uk_palloc(a, l[i].size) : uk_malloc(a, l[i].size);
		if (!l[i].p) {
			fails++;
			continue;
		}
		used += l[i].pages ? l[i].size * PAGE : uk_usable_size(a, l[i].p);
		fill(l[i].p, l[i].pages ? l[i].size * PAGE : l[i].size, l[i].seed);
	}
	uk_alloc_stats(a, &st);
	host_case("bbuddy.stress_pattern", bad == 0, "contents corrupted");
	host_case("bbuddy.stress_stats_used", st.used_bytes == used, "used_bytes mismatch");
	host_case("bbuddy.stress_stats_fail", st.nr_failed == fails, "nr_failed mismatch");
	host_case("bbuddy.stress_stats_peak", st.peak_used_bytes >= used, "peak below used");
	for (i = 0; i < MAX_LIVE; i++) {
		if (!l[i].p)
			continue;
		if (l[i].pages)
			uk_pfree(a, l[i].p, l[i].size);
		else
			uk_free(a, l[i].p);
		l[i].p = NULL;
	}
	uk_alloc_stats(a, &st);
	host_case("bbuddy.stress_all_back",
	          uk_alloc_availmem(a) == avail0 && st.used_bytes == 0 && st.nr_allocs == 0,
	          "memory or stats not back to start");
}

static void test_addmem(void)
{
	char *m1 = arena_new(1 << 20), *m2 = arena_new(4 << 20);
	struct uk_alloc *a = uk_allocbbuddy_init(m1, 1 << 20);
	size_t avail0 = uk_alloc_availmem(a);
	void *p;

	host_case("bbuddy.addmem",
	          uk_alloc_addmem(a, m2, 4 << 20) == 0 && uk_alloc_availmem(a) > avail0 + (3 << 20),
	          "second region not added");
	p = uk_palloc(a, 512); /* 2 MiB: only fits in the second region */
	host_case("bbuddy.addmem_use", p && (char *)p >= m2 && (char *)p < m2 + (4 << 20),
	          "big block not from the new region");
	uk_pfree(a, p, 512);
	host_case("bbuddy.addmem_bad", uk_alloc_addmem(a, m2, 100) == -EINVAL, "tiny region");
	host_case("bbuddy.addmem_overlap",
	          uk_alloc_addmem(a, m2 + (1 << 20), 1 << 20) == -EINVAL &&
	              uk_alloc_addmem(a, m1, 1 << 20) == -EINVAL,
	          "overlapping region accepted");
}

/*
 * Boot cost: creating the allocator over a big region writes only its own
 * header page and the zone header page, never a free page (the hypervisor
 * backs each page on its first write). Everything past the first two pages
 * of a 4 GiB reservation is inaccessible: a write there would fault.
 * Handing out the first page does not write into it either, and the map
 * bytes it needs sit in the zone header page.
 */
static void test_lazy_init(void)
{
	size_t len = 4UL << 30;
	char *mem = mmap(NULL, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	struct uk_alloc *a;
	size_t meta;
	char *p;

	if (mem == MAP_FAILED || mprotect(mem, 2 * PAGE, PROT_READ | PROT_WRITE)) {
		host_case("bbuddy.lazy_init", 0, "cannot reserve 4 GiB of address space");
		return;
	}
	a = uk_allocbbuddy_init(mem, len);
	meta = len - uk_alloc_availmem(a);
	host_case("bbuddy.lazy_init", a && meta <= PAGE + (len / PAGE + PAGE) + PAGE,
	          "init failed or metadata bigger than a header and one byte a page");
	p = a ? uk_palloc(a, 1) : NULL;
	host_case("bbuddy.lazy_first_page", p == mem + meta,
	          "first page is not the first one after the metadata");
	if (p && !mprotect(p, PAGE, PROT_READ | PROT_WRITE)) {
		memset(p, 0xa5, PAGE);
		uk_pfree(a, p, 1);
	}
	host_case("bbuddy.lazy_all_back", a && uk_alloc_availmem(a) == len - meta,
	          "free page did not come back");
	munmap(mem, len);
}

/* a write to a protected page kills the child: report it as a failure */
static void test_lazy_init_child(void)
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		test_lazy_init();
		_exit(host_failures ? 1 : 0);
	}
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		host_case("bbuddy.lazy_no_fault", 0, "init or first palloc wrote to a free page");
	else if (!WIFEXITED(status) || WEXITSTATUS(status))
		host_failures++;
}

/* frees that end at the fresh range give it back; the lists must not keep
 * blocks inside it, or the next allocation would hand out pages twice */
static void test_fresh_boundary(void)
{
	char *mem = arena_new(8 << 20);
	struct uk_alloc *a = uk_allocbbuddy_init(mem, 8 << 20);
	size_t avail0 = uk_alloc_availmem(a);
	void *p1 = uk_palloc(a, 1), *p3 = uk_palloc(a, 3), *p64 = uk_palloc(a, 64);
	void *q1, *q3, *q64;
	int ok;

	uk_pfree(a, p64, 64); /* ends at the fresh range: the range grows back */
	uk_pfree(a, p3, 3);
	uk_pfree(a, p1, 1);
	host_case("bbuddy.fresh_all_back", uk_alloc_availmem(a) == avail0, "pages lost");
	q1 = uk_palloc(a, 1);
	q3 = uk_palloc(a, 3);
	q64 = uk_palloc(a, 64);
	ok = q1 == p1 && q3 == p3 && q64 == p64;
	host_case("bbuddy.fresh_same_layout", ok, "second round laid out differently");
	memset(q1, 1, PAGE);
	memset(q3, 3, 3 * PAGE);
	memset(q64, 64, 64 * PAGE);
	ok = ((char *)q1)[PAGE - 1] == 1 && ((char *)q3)[3 * PAGE - 1] == 3;
	host_case("bbuddy.fresh_no_overlap", ok, "blocks overlap");
	uk_pfree(a, q3, 3);
	uk_pfree(a, q1, 1);
	uk_pfree(a, q64, 64);
	host_case("bbuddy.fresh_any_order", uk_alloc_availmem(a) == avail0,
	          "pages lost when the fresh-adjacent block is freed last");
}

/* a double free must stop the kernel with a message: run it in a child */
static void test_double_free(int palloc_path)
{
	char buf[256] = "";
	int fds[2], status;
	ssize_t n;
	pid_t pid;

	if (pipe(fds))
		abort();
	pid = fork();
	if (pid == 0) {
		char *mem = arena_new(1 << 20);
		struct uk_alloc *a = uk_allocbbuddy_init(mem, 1 << 20);
		void *p;

		dup2(fds[1], 2);
		p = palloc_path ? uk_palloc(a, 2) : uk_malloc(a, 100);
		if (palloc_path) {
			uk_pfree(a, p, 2);
			uk_pfree(a, p, 2);
		} else {
			uk_free(a, p);
			uk_free(a, p);
		}
		_exit(0);
	}
	close(fds[1]);
	n = read(fds[0], buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = 0;
	waitpid(pid, &status, 0);
	host_case(palloc_path ? "bbuddy.double_pfree_crash" : "bbuddy.double_free_crash",
	          WIFSIGNALED(status) && strstr(buf, "CRASH") && strstr(buf, "free"),
	          "double free not detected");
}

static void bench(void)
{
	char *mem = arena_new(64 << 20);
	struct uk_alloc *a = uk_allocbbuddy_init(mem, 64 << 20);
	static void *p[1024];
	double t0, t;
	long i, j, rounds = 2000;

	t0 = now_s();
	for (i = 0; i < rounds; i++) {
		for (j = 0; j < 1024; j++)
			p[j] = uk_palloc(a, 1 + (j & 3));
		for (j = 0; j < 1024; j++)
			uk_pfree(a, p[j], 1 + (j & 3));
	}
	t = now_s() - t0;
	printf("# bbuddy palloc+pfree (1-4 pages): %.2f M pairs/s\n", rounds * 1024 / t / 1e6);
	host_case("bbuddy.bench_ran", t > 0, "no time measured");
}

int main(int argc, char **argv)
{
	test_init();
	test_lazy_init_child();
	test_fresh_boundary();
	test_exhaust_and_coalesce();
	test_sizes();
	test_oom();
	test_stress();
	test_addmem();
	test_double_free(1);
	test_double_free(0);
	if (argc > 1 && !strcmp(argv[1], "bench"))
		bench();
	return host_failures ? 1 : 0;
}
