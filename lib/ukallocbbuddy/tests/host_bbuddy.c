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

/*
 * Counts that are not a power of two are cut where the fresh range starts
 * (the boot's thread stacks: 1, 5 and 17 pages back to back, nothing put
 * on the lists); freeing them in any order gives everything back; and
 * memalign past a page is still aligned over such a count.
 */
static void test_packed(void)
{
	char *mem = arena_new(8 << 20);
	struct uk_alloc *a = uk_allocbbuddy_init(mem, 8 << 20);
	size_t avail0 = uk_alloc_availmem(a), big0 = largest_block(a);
	char *p1 = uk_palloc(a, 1), *p5 = uk_palloc(a, 5), *p17 = uk_palloc(a, 17);
	char *q;
	int ok = 1, i;

	host_case("bbuddy.packed_back_to_back", p5 == p1 + PAGE && p17 == p5 + 5 * PAGE,
	          "gaps between 1-, 5- and 17-page requests");
	host_case("bbuddy.packed_cost", uk_alloc_availmem(a) == avail0 - 23 * PAGE,
	          "23 pages cost more than 23 pages");
	uk_pfree(a, p5, 5);
	uk_pfree(a, p1, 1);
	uk_pfree(a, p17, 17);
	host_case("bbuddy.packed_all_back",
	          uk_alloc_availmem(a) == avail0 && largest_block(a) == big0,
	          "pages or the largest block lost");
	for (i = 0; i < 6 && ok; i++) {
		char *pad = uk_palloc(a, 3); /* moves the fresh range's start */
		size_t align = (size_t)PAGE << (1 + i % 3);

		q = uk_memalign(a, align, 3 * PAGE);
		ok = q && !((uintptr_t)q & (align - 1)) && uk_usable_size(a, q) >= 3 * PAGE;
		if (q)
			memset(q, 0x5a, 3 * PAGE);
		uk_free(a, q);
		uk_pfree(a, pad, 3);
	}
	host_case("bbuddy.memalign_past_a_page", ok, "memalign(8-32 KiB) not aligned or too small");
	host_case("bbuddy.memalign_all_back", uk_alloc_availmem(a) == avail0, "pages lost");
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

/*
 * A page freed at the fresh range's edge must rejoin it: on a zone whose
 * pages start 4 MiB aligned, one page taken and freed must leave the whole
 * 4 MiB block available (otherwise the freed page stays listed and the
 * biggest block that still fits is 2 MiB).
 */
static void test_fresh_rejoin(void)
{
	char *mem = aligned_alloc(4 << 20, 8 << 20);
	/* the allocator header, then one page of zone header and map */
	struct uk_alloc *a = uk_allocbbuddy_init(mem + (4 << 20) - 2 * PAGE, (4 << 20) + 2 * PAGE);
	void *p = uk_palloc(a, 1), *q;

	host_case("bbuddy.fresh_rejoin_first", p == mem + (4 << 20),
	          "zone does not start at 4 MiB");
	uk_pfree(a, p, 1);
	q = uk_palloc(a, 1024);
	host_case("bbuddy.fresh_rejoin_whole", q == mem + (4 << 20),
	          "freed page did not rejoin the fresh range: no 4 MiB block");
	if (q)
		uk_pfree(a, q, 1024);
	free(mem);
}

/*
 * RAM is not zero at boot. Map bytes the allocator has not written yet are
 * filled with what reads as "free block of order 0"; the allocator must
 * never believe them: a page freed at the fresh range's edge, right after a
 * 2-page block whose second map byte was never written, must not merge with
 * that "free" page (which would unlink a list node that does not exist).
 */
static void test_garbage_map(void)
{
	size_t len = 1 << 20;
	char *mem = memset(aligned_alloc(PAGE, len), 0x40, len);
	struct uk_alloc *a = uk_allocbbuddy_init(mem, len);
	size_t avail0 = uk_alloc_availmem(a);
	char *p2 = uk_palloc(a, 2), *p = NULL;
	int i;

	for (i = 0; i < 8 && p != p2 + 2 * PAGE; i++)
		p = uk_palloc(a, 1); /* the first ones fill the alignment gap below p2 */
	host_case("bbuddy.garbage_map_setup", p == p2 + 2 * PAGE, "no page right after the block");
	uk_pfree(a, p, 1);
	host_case("bbuddy.garbage_map_free",
	          uk_alloc_availmem(a) == avail0 - (unsigned long)(i - 1) * PAGE - 2 * PAGE,
	          "wrong free count after the free at the fresh edge");
}

/* a fault kills the child: report it as a failure of the named case */
static void run_in_child(void (*fn)(void), const char *name, const char *why)
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		fn();
		_exit(host_failures ? 1 : 0);
	}
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		host_case(name, 0, why);
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

/*
 * Model check over two zones: random palloc/pfree of 1-600 pages against a
 * shadow map of every page. A page handed out twice, a block outside the
 * zones or a wrong availmem shows at once; after everything is freed the
 * largest block of each zone must be whole again (the fresh ranges came back).
 */
#define MODEL_OPS  20000
#define MODEL_LIVE 64

struct model {
	char *base[2];
	size_t len[2];
	unsigned char *shadow[2]; /* one byte a page: 1 = handed out */
};

static int model_mark(struct model *m, char *p, unsigned long n, unsigned char v)
{
	int z;
	size_t first, i;

	for (z = 0; z < 2; z++) {
		if (p < m->base[z] || p + n * PAGE > m->base[z] + m->len[z])
			continue;
		first = (size_t)(p - m->base[z]) / PAGE;
		for (i = first; i < first + n; i++) {
			if (m->shadow[z][i] == v)
				return 0;
			m->shadow[z][i] = v;
		}
		return 1;
	}
	return 0;
}

static void test_model(void)
{
	struct model m = {{arena_new(3 << 20), arena_new(5 << 20)}, {3 << 20, 5 << 20}, {0}};
	/* RAM is not zero at boot: map bytes the allocator has not written yet
	 * look like free order-1 blocks, which only its lazy zeroing hides */
	struct uk_alloc *a = uk_allocbbuddy_init(memset(m.base[0], 0x41, m.len[0]), m.len[0]);
	static struct {
		void *p;
		unsigned long n;
	} live[MODEL_LIVE];
	unsigned long ops, bad = 0, used = 0, big0;
	size_t avail0;
	int i;

	uk_alloc_addmem(a, memset(m.base[1], 0x41, m.len[1]), m.len[1]);
	avail0 = uk_alloc_availmem(a);
	big0 = largest_block(a);
	m.shadow[0] = calloc(m.len[0] / PAGE + 1, 1);
	m.shadow[1] = calloc(m.len[1] / PAGE + 1, 1);
	srand(3);
	for (ops = 0; ops < MODEL_OPS && !bad; ops++) {
		i = rand() % MODEL_LIVE;
		if (live[i].p) {
			bad += !model_mark(&m, live[i].p, live[i].n, 0);
			uk_pfree(a, live[i].p, live[i].n);
			used -= live[i].n;
			live[i].p = NULL;
		} else {
			live[i].n = rand() % 4 ? 1 + rand() % 8 : 1 + rand() % 600;
			live[i].p = uk_palloc(a, live[i].n);
			if (!live[i].p)
				continue;
			bad += !model_mark(&m, live[i].p, live[i].n, 1);
			used += live[i].n;
		}
		bad += uk_alloc_availmem(a) != avail0 - used * PAGE;
	}
	host_case("bbuddy.model_no_overlap", bad == 0,
	          "page handed out twice, outside, or availmem off");
	for (i = 0; i < MODEL_LIVE; i++)
		if (live[i].p)
			uk_pfree(a, live[i].p, live[i].n);
	host_case("bbuddy.model_all_back",
	          uk_alloc_availmem(a) == avail0 && largest_block(a) == big0,
	          "memory lost or largest block smaller after freeing everything");
	free(m.shadow[0]);
	free(m.shadow[1]);
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
	run_in_child(test_lazy_init, "bbuddy.lazy_no_fault",
	             "init or first palloc wrote to a free page");
	run_in_child(test_garbage_map, "bbuddy.garbage_map_no_fault",
	             "stale map bytes taken for a free block");
	test_fresh_boundary();
	test_fresh_rejoin();
	test_exhaust_and_coalesce();
	test_sizes();
	test_packed();
	test_oom();
	test_stress();
	test_addmem();
	test_model();
	test_double_free(1);
	test_double_free(0);
	if (argc > 1 && !strcmp(argv[1], "bench"))
		bench();
	return host_failures ? 1 : 0;
}
