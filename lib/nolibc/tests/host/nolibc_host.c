/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Host test of nolibc's pure functions (string, ctype, strtol family, qsort,
 * snprintf), each compared with the host's C library on the same inputs.
 * nolibc's functions carry an nl_ prefix here (rename.h).
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void *nl_memcpy(void *, const void *, size_t);
void *nl_memmove(void *, const void *, size_t);
void *nl_memset(void *, int, size_t);
int nl_memcmp(const void *, const void *, size_t);
void *nl_memchr(const void *, int, size_t);
size_t nl_strlen(const char *);
size_t nl_strnlen(const char *, size_t);
int nl_strcmp(const char *, const char *);
int nl_strncmp(const char *, const char *, size_t);
char *nl_strcpy(char *, const char *);
char *nl_strncpy(char *, const char *, size_t);
size_t nl_strlcpy(char *, const char *, size_t);
char *nl_strcat(char *, const char *);
char *nl_strncat(char *, const char *, size_t);
char *nl_strchr(const char *, int);
char *nl_strrchr(const char *, int);
char *nl_strstr(const char *, const char *);
size_t nl_strspn(const char *, const char *);
size_t nl_strcspn(const char *, const char *);
char *nl_strpbrk(const char *, const char *);
char *nl_strtok_r(char *, const char *, char **);
char *nl_strdup(const char *);
char *nl_strndup(const char *, size_t);
int nl_strcasecmp(const char *, const char *);
int nl_strncasecmp(const char *, const char *, size_t);
int nl_isalnum(int), nl_isalpha(int), nl_isblank(int), nl_iscntrl(int), nl_isdigit(int);
int nl_isgraph(int), nl_islower(int), nl_isprint(int), nl_ispunct(int), nl_isspace(int);
int nl_isupper(int), nl_isxdigit(int), nl_tolower(int), nl_toupper(int);
long nl_strtol(const char *, char **, int);
unsigned long nl_strtoul(const char *, char **, int);
long long nl_strtoll(const char *, char **, int);
unsigned long long nl_strtoull(const char *, char **, int);
int nl_atoi(const char *);
void nl_qsort(void *, size_t, size_t, int (*)(const void *, const void *));
void *nl_bsearch(const void *, const void *, size_t, size_t, int (*)(const void *, const void *));
int nl_snprintf(char *, size_t, const char *, ...);
extern int nl_errno;

static int failures;

static void result(const char *name, int ok, const char *why)
{
	if (ok) {
		printf("PASS nolibc.%s\n", name);
	} else {
		printf("FAIL nolibc.%s: %s\n", name, why);
		failures++;
	}
}

static int sign(int v)
{
	return (v > 0) - (v < 0);
}

static const char *const words[] = {
    "", "a", "abc", "abd", "ab", "ABC", "hello world", "\xff\x01", "zzzz", "abcabcabd", "bc",
};
#define NWORDS (sizeof(words) / sizeof(words[0]))

static void test_compare(void)
{
	int ok = 1;
	size_t i, j, n;

	for (i = 0; i < NWORDS; i++) {
		for (j = 0; j < NWORDS; j++) {
			const char *a = words[i], *b = words[j];

			ok &= sign(nl_strcmp(a, b)) == sign(strcmp(a, b));
			ok &= sign(nl_strcasecmp(a, b)) == sign(strcasecmp(a, b));
			for (n = 0; n < 5; n++) {
				ok &= sign(nl_strncmp(a, b, n)) == sign(strncmp(a, b, n));
				ok &= sign(nl_strncasecmp(a, b, n)) == sign(strncasecmp(a, b, n));
			}
			ok &= sign(nl_memcmp(a, b, 1)) == sign(memcmp(a, b, 1));
		}
	}
	result("compare_like_libc", ok, "strcmp/strncmp/strcasecmp/memcmp differ");
}

static void test_search(void)
{
	int ok = 1;
	size_t i, j;

	for (i = 0; i < NWORDS; i++) {
		const char *s = words[i];

		ok &= nl_strlen(s) == strlen(s);
		ok &= nl_strnlen(s, 2) == strnlen(s, 2);
		ok &= nl_strchr(s, 'b') == strchr(s, 'b') && nl_strchr(s, 0) == strchr(s, 0);
		ok &= nl_strrchr(s, 'b') == strrchr(s, 'b') && nl_strrchr(s, 0) == strrchr(s, 0);
		ok &= nl_memchr(s, 'c', strlen(s)) == memchr(s, 'c', strlen(s));
		for (j = 0; j < NWORDS; j++) {
			ok &= nl_strstr(s, words[j]) == strstr(s, words[j]);
			ok &= nl_strspn(s, words[j]) == strspn(s, words[j]);
			ok &= nl_strcspn(s, words[j]) == strcspn(s, words[j]);
			ok &= nl_strpbrk(s, words[j]) == strpbrk(s, words[j]);
		}
	}
	result("search_like_libc", ok, "strlen/strchr/strstr/strspn/... differ");
}

static void test_copy(void)
{
	char a[64], b[64];
	int ok = 1;
	size_t i;

	for (i = 0; i < 40; i++) {
		unsigned char src[48], d1[48], d2[48];
		size_t k;

		for (k = 0; k < sizeof(src); k++)
			src[k] = (unsigned char)(k * 7 + i);
		memset(d1, 0, sizeof(d1));
		memset(d2, 0, sizeof(d2));
		/* every alignment and length, word path and byte tail */
		nl_memcpy(d1 + i % 8, src + i % 5, i);
		memcpy(d2 + i % 8, src + i % 5, i);
		ok &= !memcmp(d1, d2, sizeof(d1));
		memcpy(d1, src, sizeof(src));
		memcpy(d2, src, sizeof(src));
		nl_memmove(d1 + 3, d1, i);
		memmove(d2 + 3, d2, i);
		nl_memmove(d1, d1 + 5, i);
		memmove(d2, d2 + 5, i);
		ok &= !memcmp(d1, d2, sizeof(d1));
		nl_memset(d1, (int)i, i);
		memset(d2, (int)i, i);
		ok &= !memcmp(d1, d2, sizeof(d1));
	}
	result("mem_copy_move_set", ok, "memcpy/memmove/memset differ");

	memset(a, 'X', sizeof(a));
	memset(b, 'X', sizeof(b));
	nl_strncpy(a, "abc", 6);
	strncpy(b, "abc", 6);
	ok = !memcmp(a, b, sizeof(a));
	nl_strcpy(a, "foo");
	nl_strcat(a, "bar");
	nl_strncat(a, "bazqux", 3);
	ok &= !strcmp(a, "foobarbaz");
	ok &= nl_strlcpy(b, "truncated", 5) == 9 && !strcmp(b, "trun");
	result("str_copy_cat", ok, "strncpy/strcat/strncat/strlcpy wrong");
}

static void test_tok_dup(void)
{
	char s[] = "  a,b,,c  ";
	char *save, *t;
	char out[32] = "";
	char *d = nl_strdup("dup"), *e = nl_strndup("abcdef", 3);

	for (t = nl_strtok_r(s, " ,", &save); t; t = nl_strtok_r(NULL, " ,", &save)) {
		strcat(out, t);
		strcat(out, "|");
	}
	result("strtok_r", !strcmp(out, "a|b|c|"), out);
	result("strdup_strndup", d && e && !strcmp(d, "dup") && !strcmp(e, "abc"), "wrong copy");
	free(d);
	free(e);
}

static void test_ctype(void)
{
	int ok = 1, c;

	for (c = -1; c < 256; c++) {
		ok &= !nl_isalnum(c) == !isalnum(c) && !nl_isalpha(c) == !isalpha(c);
		ok &= !nl_isblank(c) == !isblank(c) && !nl_iscntrl(c) == !iscntrl(c);
		ok &= !nl_isdigit(c) == !isdigit(c) && !nl_isgraph(c) == !isgraph(c);
		ok &= !nl_islower(c) == !islower(c) && !nl_isprint(c) == !isprint(c);
		ok &= !nl_ispunct(c) == !ispunct(c) && !nl_isspace(c) == !isspace(c);
		ok &= !nl_isupper(c) == !isupper(c) && !nl_isxdigit(c) == !isxdigit(c);
		ok &= nl_tolower(c) == tolower(c) && nl_toupper(c) == toupper(c);
	}
	result("ctype_like_c_locale", ok, "a class differs");
}

static void test_strtol(void)
{
	static const char *const in[] = {
	    "0",
	    "42",
	    "-42",
	    "  +17x",
	    "0x1f",
	    "0X1F",
	    "017",
	    "0x",
	    "-",
	    "",
	    "abc",
	    "  \t-0",
	    "9223372036854775807",
	    "9223372036854775808",
	    "-9223372036854775808",
	    "-9223372036854775809",
	    "18446744073709551615",
	    "18446744073709551616",
	    "-1",
	    "99999999999999999999999999",
	    "zz",
	    "0b1",
	    "-18446744073709551615",
	};
	static const int bases[] = {0, 10, 16, 8, 36, 2};
	int ok = 1;
	size_t i, j;

	for (i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
		for (j = 0; j < sizeof(bases) / sizeof(bases[0]); j++) {
			char *e1, *e2;
			int b = bases[j], er1, er2;

			errno = nl_errno = 0;
			ok &= nl_strtol(in[i], &e1, b) == strtol(in[i], &e2, b) && e1 == e2;
			ok &= (nl_errno == ERANGE) == (errno == ERANGE);
			errno = nl_errno = 0;
			ok &= nl_strtoul(in[i], &e1, b) == strtoul(in[i], &e2, b) && e1 == e2;
			ok &= (nl_errno == ERANGE) == (errno == ERANGE);
			errno = nl_errno = 0;
			ok &= nl_strtoll(in[i], &e1, b) == strtoll(in[i], &e2, b) && e1 == e2;
			er1 = nl_errno == ERANGE;
			er2 = errno == ERANGE;
			ok &= er1 == er2;
			errno = nl_errno = 0;
			ok &= nl_strtoull(in[i], &e1, b) == strtoull(in[i], &e2, b) && e1 == e2;
			ok &= (nl_errno == ERANGE) == (errno == ERANGE);
			if (!ok) {
				printf("FAIL nolibc.strtol_like_libc: input \"%s\" base %d\n",
				       in[i], b);
				failures++;
				return;
			}
		}
	}
	ok &= nl_atoi("123abc") == 123 && nl_atoi("-7") == -7;
	result("strtol_like_libc", ok, "atoi");
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static void test_qsort(void)
{
	int a[1000], b[1000], ok = 1;
	size_t n, i;
	unsigned int seed = 12345;

	for (n = 0; n < 1000; n = n * 2 + 1) {
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			a[i] = b[i] = (int)(seed >> 16) % 100; /* many duplicates */
		}
		nl_qsort(a, n, sizeof(int), cmp_int);
		qsort(b, n, sizeof(int), cmp_int);
		ok &= !memcmp(a, b, n * sizeof(int));
	}
	result("qsort_sorts", ok, "differs from libc's order");
	for (i = 0; i < 100; i++)
		a[i] = (int)i * 3;
	ok = 1;
	for (i = 0; i < 300; i++) {
		int key = (int)i;
		int *hit = nl_bsearch(&key, a, 100, sizeof(int), cmp_int);

		ok &= (i % 3 == 0) ? hit == &a[i / 3] : hit == NULL;
	}
	result("bsearch_finds", ok, "wrong hit");
}

static void test_snprintf(void)
{
	char a[64], b[64];
	int ra = nl_snprintf(a, sizeof(a), "%-5s|%8.3d|%#llx|%c", "ab", -7, 0xabcULL, 'z');
	int rb = snprintf(b, sizeof(b), "%-5s|%8.3d|%#llx|%c", "ab", -7, 0xabcULL, 'z');

	result("snprintf_like_libc", ra == rb && !strcmp(a, b), a);
}

int main(void)
{
	test_compare();
	test_search();
	test_copy();
	test_tok_dup();
	test_ctype();
	test_strtol();
	test_qsort();
	test_snprintf();
	return failures ? 1 : 0;
}
