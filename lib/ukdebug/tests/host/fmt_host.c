/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Host test of the formatting engine: every case is compared with the host
 * C library's snprintf, which implements the same C99 rules.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <limits.h>
#include <stddef.h>
#include <uk/fmt.h>

static int failures;

/* the format strings are data here, so gcc's format checks do not apply */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"

#define CHECK(name, fmt, ...)                                                                      \
	do {                                                                                       \
		char a[256], b[256];                                                               \
		int ra = snprintf(a, sizeof(a), fmt, ##__VA_ARGS__);                               \
		int rb = uk_snprintf(b, sizeof(b), fmt, ##__VA_ARGS__);                            \
		if (ra != rb || strcmp(a, b)) {                                                    \
			printf("FAIL fmt.%s: libc \"%s\" (%d), ours \"%s\" (%d)\n", name, a, ra,   \
			       b, rb);                                                             \
			failures++;                                                                \
		} else {                                                                           \
			printf("PASS fmt.%s\n", name);                                             \
		}                                                                                  \
	} while (0)

static void check_exact(const char *name, const char *got, int rgot, const char *want, int rwant)
{
	if (strcmp(got, want) || rgot != rwant) {
		printf("FAIL fmt.%s: got \"%s\" (%d), want \"%s\" (%d)\n", name, got, rgot, want,
		       rwant);
		failures++;
	} else {
		printf("PASS fmt.%s\n", name);
	}
}

static void test_truncation(void)
{
	char b[8];
	int r;

	memset(b, 'X', sizeof(b));
	r = uk_snprintf(b, 5, "%d-%s", 12345, "abc");
	check_exact("truncate", b, r, "1234", 9);
	if (b[5] != 'X') {
		printf("FAIL fmt.truncate_no_overrun: wrote past size\n");
		failures++;
	} else {
		printf("PASS fmt.truncate_no_overrun\n");
	}
	r = uk_snprintf(NULL, 0, "%s", "hello");
	check_exact("size_zero", "", 0, "", 0);
	if (r != 5) {
		printf("FAIL fmt.size_zero_len: %d\n", r);
		failures++;
	} else {
		printf("PASS fmt.size_zero_len\n");
	}
}

static void test_nul_char(void)
{
	char a[8], b[8];
	int ra = snprintf(a, sizeof(a), "x%cy%3c", 0, 0),
	    rb = uk_snprintf(b, sizeof(b), "x%cy%3c", 0, 0);

	if (ra != rb || memcmp(a, b, (size_t)ra + 1)) {
		printf("FAIL fmt.nul_char: lengths %d/%d or bytes differ\n", ra, rb);
		failures++;
	} else {
		printf("PASS fmt.nul_char\n");
	}
}

static void test_unsupported(void)
{
	char b[64];
	int r = uk_snprintf(b, sizeof(b), "a%qb%n%", 5);

	/* unknown conversions and a lone trailing %% are copied verbatim; %n writes nothing */
	check_exact("unknown_conv", b, r, "a%qb%n%", 7);
}

int main(void)
{
	char s6[] = {'a', 'b', 'c', 'd', 'e', 'f'}; /* not terminated: precision bounds it */

	CHECK("d", "%d", 42);
	CHECK("d_neg", "%d", -42);
	CHECK("d_min", "%d", INT_MIN);
	CHECK("i", "%i|%i", 0, -1);
	CHECK("u", "%u", 4000000000u);
	CHECK("x", "%x %X", 0xdeadbeefu, 0xdeadbeefu);
	CHECK("o", "%o", 0755);
	CHECK("alt_x", "%#x %#X %#x", 255, 255, 0);
	CHECK("alt_o", "%#o %#o %#.0o %#5o", 8, 0, 0, 8);
	CHECK("plus_space", "%+d %+d % d % d %+ d", 5, -5, 5, -5, 5);
	CHECK("width", "[%5d][%-5d][%05d][%-05d]", 42, 42, 42, 42);
	CHECK("neg_zero_pad", "[%06d][%+06d]", -42, 42);
	CHECK("prec_int", "[%.5d][%8.5d][%-8.5d][%08.5d]", 42, -42, 42, 42);
	CHECK("prec_zero_val_zero", "[%.0d][%5.0d][%.0x][%.d]", 0, 0, 0, 0);
	CHECK("star", "[%*d][%-*d][%.*d][%*.*d]", 6, 1, 6, 2, 4, 3, 7, 3, 4);
	CHECK("star_neg", "[%*d][%.*d]", -6, 1, -3, 7);
	CHECK("hh", "%hhd %hhu %hhx", 300, 300, -1);
	CHECK("h", "%hd %hu %hx", 70000, 70000, -1);
	CHECK("l", "%ld %lu %lx", LONG_MIN, ULONG_MAX, ULONG_MAX);
	CHECK("ll", "%lld %llu %llo", LLONG_MIN, ULLONG_MAX, ULLONG_MAX);
	CHECK("z", "%zu %zd %zx", (size_t)123456789012ULL, (ssize_t)-5, (size_t)0xabc);
	CHECK("t", "%td", (ptrdiff_t)-77);
	CHECK("j", "%jd %ju", INTMAX_MIN, UINTMAX_MAX);
	CHECK("p", "%p", (void *)0x12345678);
	CHECK("p_width", "[%20p][%-20p]", (void *)0xabc, (void *)0xabc);
	CHECK("p_null", "%p", (void *)0);
	CHECK("s", "[%s][%10s][%-10s][%.2s][%10.2s]", "hey", "hey", "hey", "hey", "hey");
	CHECK("s_unterminated_prec", "[%.6s]", s6);
	CHECK("s_empty", "[%s][%3s]", "", "");
	CHECK("c", "[%c][%3c][%-3c]", 'a', 'b', 'c');
	CHECK("percent", "100%% [%5%]x");
	CHECK("mixed", "%s=%d (%#x) at %p", "val", -9, 9, (void *)0x1000);
	CHECK("long_width", "[%40d]", 1);
	/* fmt.c's fast path (%[0][width][l](u|x), %[width]s, width < 64) and
	 * its edges: the general path takes over at width 64 and for any
	 * other flag, length or conversion */
	CHECK("fast_numbers", "[%u][%lu][%x][%lx][%5lu.%06lu][%08lx][%0u][%00x][%4u]", 0u,
	      ULONG_MAX, 0xabcu, 0xdeadbeefcafeUL, 12UL, 345UL, 0x1fUL, 7u, 0u, 42u);
	CHECK("fast_strings", "[%s][%3s][%37s][%63s][%64s][%1s]", "", "abcd", "Firstlight 0.1.0",
	      "x", "y", "zz");
	CHECK("fast_edge_width", "[%63u][%64u]", 1u, 2u);
	CHECK("fast_edge_zero", "[%063lx][%064lx]", 3UL, 4UL);
	CHECK("fast_edge_general", "[%-5u][%.3u][%5ld][%+u][%hu]", 5u, 6u, -7L, 8u, 9u);
	test_truncation();
	test_unsupported();
	test_nul_char();
	return failures ? 1 : 0;
}
