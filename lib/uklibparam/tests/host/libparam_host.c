/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Host test of the command-line parser, built with -D__LIBNAME__=libukfoo
 * and sanitizers. Parameters are registered with the real macros.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uk/libparam.h>

static bool b;
static int8_t s8;
static uint8_t u8;
static int16_t s16;
static uint16_t u16;
static int i32;
static unsigned int u32;
static long s64;
static uint64_t u64;
static const char *str;
static char *ip;
static int arr[4];
static unsigned int arr_n;
static char *vars[3];
static unsigned int vars_n;

UK_LIBPARAM_PARAM(b, bool, b);
UK_LIBPARAM_PARAM(s8, s8, s8);
UK_LIBPARAM_PARAM(u8, u8, u8);
UK_LIBPARAM_PARAM(s16, s16, s16);
UK_LIBPARAM_PARAM(u16, u16, u16);
UK_LIBPARAM_PARAM(i32, int, i32);
UK_LIBPARAM_PARAM(u32, uint, u32);
UK_LIBPARAM_PARAM(s64, long, s64);
UK_LIBPARAM_PARAM(u64, u64, u64);
UK_LIBPARAM_PARAM(s, charp, str);
UK_LIBPARAM_PARAM_PREFIX(netdev, ip, charp, ip);
UK_LIBPARAM_PARAM_ARR(arr, int, arr, arr_n);
UK_LIBPARAM_PARAM_ARR_PREFIX(env, vars, charp, vars, vars_n);

static struct uk_libparam_desc descs[13];
static struct uk_libparam_tok toks[UK_LIBPARAM_MAX_TOKENS];
static char *argv[UK_LIBPARAM_MAX_TOKENS + 2]; /* room for the max_tokens_accepted case */
static char reports[4096];
static int nfatal, nwarn;
static char line[200000];
static int failures;
static const char *cur;

static void rep(void *arg, int fatal, const char *what, const char *detail)
{
	size_t l = strlen(reports);

	(void)arg;
	snprintf(reports + l, sizeof(reports) - l, "%s%s: %.40s;", fatal ? "F:" : "W:", what,
	         detail);
	if (fatal)
		nfatal++;
	else
		nwarn++;
}

static struct uk_libparam_parser parser = {
    descs, 13, rep, NULL, toks, UK_LIBPARAM_MAX_TOKENS, argv, UK_LIBPARAM_MAX_ARGV,
};

static void reset_vars(void)
{
	b = false;
	s8 = u8 = s16 = u16 = 0;
	i32 = 0;
	u32 = 0;
	s64 = 0;
	u64 = 0;
	str = ip = NULL;
	memset(arr, 0, sizeof(arr));
	arr_n = 99;
	memset(vars, 0, sizeof(vars));
	vars_n = 99;
	reports[0] = '\0';
	nfatal = nwarn = 0;
}

static int run(const char *name, const char *text)
{
	cur = name;
	reset_vars();
	snprintf(line, sizeof(line), "%s", text);
	return uk_libparam_parse(&parser, line, "img");
}

static void ok(int cond, const char *why)
{
	if (!cond) {
		printf("FAIL libparam.%s: %s [reports: %s]\n", cur, why, reports);
		failures++;
	}
}

/* argv as one string "a|b|c" for compact comparison */
static const char *joined(int argc)
{
	static char buf[1024];
	int i;

	buf[0] = '\0';
	for (i = 0; i < argc; i++) {
		strcat(buf, argv[i]);
		if (i + 1 < argc)
			strcat(buf, "|");
	}
	return buf;
}

#define CASE(name, text, body)                                                                     \
	do {                                                                                       \
		int before = failures, argc = run(name, text);                                     \
		(void)argc;                                                                        \
		body;                                                                              \
		if (failures == before)                                                            \
			printf("PASS libparam.%s\n", name);                                        \
	} while (0)

#define ARGV_IS(s) ok(argc > 0 && !strcmp(joined(argc), s) && argv[argc] == NULL, "argv mismatch")

static void test_argv(void)
{
	CASE("no_separator_whole_line_is_argv", "-c /nginx/conf/nginx.conf",
	     { ARGV_IS("img|-c|/nginx/conf/nginx.conf"); });
	CASE("no_separator_params_untouched", "ukfoo.i32=5 x", {
		ARGV_IS("img|ukfoo.i32=5|x");
		ok(i32 == 0 && nwarn == 0, "parameter set without --");
	});
	CASE("params_then_argv",
	     "ukfoo.i32=-5 ukfoo.b=yes netdev.ip=10.0.2.15/24 -- -c /nginx/conf/nginx.conf", {
		     ARGV_IS("img|-c|/nginx/conf/nginx.conf");
		     ok(i32 == -5 && b && ip && !strcmp(ip, "10.0.2.15/24"), "values");
		     ok(nwarn == 0 && nfatal == 0, "no reports expected");
	     });
	CASE("quotes_and_escapes", "-- 'a b' \"c d\" e\\ f \"x\\\"y\" 'it''s' \"\" 'q\\'",
	     { ARGV_IS("img|a b|c d|e f|x\"y|its||q\\"); });
	CASE("tabs_newlines", "\tukfoo.u8=7\n--\r\n a\tb  ", {
		ARGV_IS("img|a|b");
		ok(u8 == 7, "u8");
	});
	CASE("empty_line", "", { ARGV_IS("img"); });
	CASE("blank_line", "   \t ", { ARGV_IS("img"); });
	CASE("only_separator", "--", { ARGV_IS("img"); });
	CASE("quoted_separator_is_argument", "ukfoo.i32=1 \"--\" x", {
		ARGV_IS("img|ukfoo.i32=1|--|x");
		ok(i32 == 0, "no parameter without a real --");
	});
	CASE("second_separator_goes_to_app", "-- a -- b", { ARGV_IS("img|a|--|b"); });
	/* plain lines take a path of their own (parse.c plain_argv): words
	 * that only look like separators, white space of every kind */
	CASE("plain_words", " \ta\v--x\fx--  b\r\n- ---  c\t",
	     { ARGV_IS("img|a|--x|x--|b|-|---|c"); });
	CASE("plain_then_separator", "a b -- c", { ARGV_IS("img|c"); });
	CASE("plain_then_trailing_separator", "a b --", { ARGV_IS("img"); });
	CASE("word_before_separator_warns", "Unikit ukfoo.i32=3 -- x", {
		ARGV_IS("img|x");
		ok(i32 == 3 && nwarn == 1 && strstr(reports, "Unikit"), "warning naming the word");
	});
}

static void test_values(void)
{
	CASE("quoted_string_value", "ukfoo.s=\"hello world\" --",
	     { ok(str && !strcmp(str, "hello world"), "string"); });
	CASE("bools", "ukfoo.b=true --", { ok(b, "true"); });
	CASE("bool_off", "ukfoo.b=1 ukfoo.b=off --", { ok(!b, "later wins"); });
	CASE("bool_bad", "ukfoo.b=maybe --", { ok(!b && nwarn == 1, "rejected"); });
	CASE("s8_limits", "ukfoo.s8=-128 ukfoo.u8=255 --", { ok(s8 == -128 && u8 == 255, "ok"); });
	CASE("s8_overflow", "ukfoo.s8=128 ukfoo.u8=256 --",
	     { ok(s8 == 0 && u8 == 0 && nwarn == 2, "range"); });
	CASE("s8_underflow", "ukfoo.s8=-129 --", { ok(s8 == 0 && nwarn == 1, "range"); });
	CASE("u8_negative", "ukfoo.u8=-1 --", { ok(u8 == 0 && nwarn == 1, "negative unsigned"); });
	CASE("hex_octal", "ukfoo.s16=0x7fff ukfoo.u16=0177777 ukfoo.i32=-0x80000000 --",
	     { ok(s16 == 32767 && u16 == 65535 && i32 == INT32_MIN, "bases"); });
	CASE("u32_max", "ukfoo.u32=4294967295 --", { ok(u32 == 4294967295u, "u32"); });
	CASE("u32_over", "ukfoo.u32=4294967296 --", { ok(u32 == 0 && nwarn == 1, "range"); });
	CASE("s64_min", "ukfoo.s64=-9223372036854775808 --", { ok(s64 == INT64_MIN, "s64"); });
	CASE("s64_over", "ukfoo.s64=9223372036854775808 --", { ok(s64 == 0 && nwarn, "range"); });
	CASE("u64_max", "ukfoo.u64=0xffffffffffffffff --", { ok(u64 == UINT64_MAX, "u64"); });
	CASE("u64_overflow", "ukfoo.u64=18446744073709551616 --",
	     { ok(u64 == 0 && nwarn, "ovf"); });
	CASE("huge_number",
	     "ukfoo.u64=99999999999999999999999999999999999999999999999999999999999999 --",
	     { ok(u64 == 0 && nwarn == 1, "huge"); });
	CASE("junk_numbers", "ukfoo.i32=12abc ukfoo.u8= ukfoo.u16=0x ukfoo.s8=- ukfoo.u32=08 --",
	     { ok(i32 == 0 && u8 == 0 && u16 == 0 && s8 == 0 && u32 == 0 && nwarn == 5, "junk"); });
	CASE("unknown_param_warns", "ukfoo.nope=1 bar.x=2 ukfoo.i32=4 --", {
		ok(i32 == 4 && nwarn == 2 && strstr(reports, "ukfoo.nope") &&
		       strstr(reports, "bar.x"),
		   "two warnings naming them");
	});
	CASE("explicit_prefix_only", "ukfoo.ip=1.2.3.4 --", { ok(!ip && nwarn == 1, "prefix"); });
	CASE("empty_key_parts", ".x=1 a.=2 =3 --", { ok(nwarn == 3, "three warnings"); });
}

static void test_arrays(void)
{
	CASE("array_spaced", "ukfoo.arr=[ 1 2 3 ] --",
	     { ok(arr_n == 3 && arr[0] == 1 && arr[1] == 2 && arr[2] == 3, "values"); });
	CASE("array_tight", "ukfoo.arr=[1 -2 0x10] -- z", {
		ok(arr_n == 3 && arr[1] == -2 && arr[2] == 16, "values");
		ARGV_IS("img|z");
	});
	CASE("array_single", "ukfoo.arr=[7] --", { ok(arr_n == 1 && arr[0] == 7, "one"); });
	CASE("array_empty", "ukfoo.arr=[] --", { ok(arr_n == 0, "none"); });
	CASE("array_empty_spaced", "ukfoo.arr=[ ] --", { ok(arr_n == 0, "none"); });
	CASE("array_bare_value", "ukfoo.arr=5 --", { ok(arr_n == 1 && arr[0] == 5, "one"); });
	CASE("array_too_many", "ukfoo.arr=[ 1 2 3 4 5 ] ukfoo.i32=1 --",
	     { ok(arr_n == 99 && arr[0] == 0 && i32 == 1 && nwarn == 1, "rejected whole"); });
	CASE("array_bad_element", "ukfoo.arr=[ 1 x ] --",
	     { ok(arr_n == 99 && arr[0] == 0 && nwarn == 1, "nothing written"); });
	CASE("array_missing_close", "ukfoo.arr=[ 1 2 ukfoo.i32=3 -- a", {
		ok(arr_n == 99 && i32 == 0 && nwarn == 1, "warned, consumed");
		ARGV_IS("img|a");
	});
	CASE("env_vars_strings", "env.vars=[ PATH=/usr/bin:/bin HOSTNAME=e23 ] netdev.ip=x --", {
		ok(vars_n == 2 && !strcmp(vars[0], "PATH=/usr/bin:/bin") &&
		       !strcmp(vars[1], "HOSTNAME=e23") && ip && !strcmp(ip, "x"),
		   "values");
	});
	CASE("quoted_bracket_element", "env.vars=[ \"x]\" y] --",
	     { ok(vars_n == 2 && !strcmp(vars[0], "x]") && !strcmp(vars[1], "y"), "values"); });
	CASE("quoted_open_bracket_is_string", "ukfoo.s=\"[a\" --",
	     { ok(str && !strcmp(str, "[a"), "literal"); });
	CASE("unknown_array_skipped", "nope.a=[ 1 2 ] ukfoo.i32=9 --",
	     { ok(i32 == 9 && nwarn == 1, "elements not reported"); });
	CASE("array_for_scalar", "ukfoo.i32=[ 1 ] --", { ok(i32 == 0 && nwarn == 1, "rejected"); });
}

static void hostile(const char *name, int words, int expect, const char *msg)
{
	int before = failures, r, i;
	char *p = line;

	cur = name;
	reset_vars();
	for (i = 0; i < words; i++) {
		memcpy(p, "ab ", 3);
		p += 3;
	}
	*p = '\0';
	r = uk_libparam_parse(&parser, line, "img");
	ok(r == expect && nfatal == 1 && strstr(reports, msg), "wrong error");
	if (failures == before)
		printf("PASS libparam.%s\n", name);
}

/* the tokenizer alone, past the line limit: 10 000 words into 256 slots */
static void tokenizer_overflow(void)
{
	const char *at = NULL;
	int before = failures, i, r;

	cur = "tokenizer_10000_words";
	reset_vars();
	for (i = 0; i < 10000; i++)
		memcpy(line + 2 * i, "w ", 2);
	line[20000] = '\0';
	r = uk_libparam_tokenize(line, toks, UK_LIBPARAM_MAX_TOKENS, &at);
	ok(r == -E2BIG && at == line + 2 * UK_LIBPARAM_MAX_TOKENS, "no -E2BIG at word 257");
	ok(line[1] == ' ', "line modified although the split failed");
	if (failures == before)
		printf("PASS libparam.%s\n", cur);
}

static void test_hostile(void)
{
	tokenizer_overflow();
	CASE("unterminated_double_quote", "-- \"abc", {
		ok(argc == -EINVAL && nfatal == 1 && strstr(reports, "Unterminated quote"),
		   "error");
	});
	CASE("unterminated_single_quote", "ukfoo.s='abc --",
	     { ok(argc == -EINVAL && !str, "err"); });
	CASE("trailing_backslash", "-- abc\\",
	     { ok(argc == -EINVAL && strstr(reports, "Trailing backslash"), "error"); });
	CASE("error_leaves_line_intact", "ukfoo.s=x -- a 'b c", {
		ok(argc == -EINVAL && !strcmp(line, "ukfoo.s=x -- a 'b c") && !str &&
		       strstr(reports, ": 'b c;"),
		   "line modified, parameter set or wrong position reported");
	});
	CASE("trailing_backslash_in_quotes", "-- \"abc\\", { ok(argc == -EINVAL, "error"); });
	hostile("ten_thousand_tokens", 10000, -E2BIG, "UK_LIBPARAM_MAX_LINE");
	hostile("too_many_tokens", 300, -E2BIG, "UK_LIBPARAM_MAX_TOKENS");
}

static void test_limits(void)
{
	int i, r, before = failures;
	char *p = line;

	/* exactly UK_LIBPARAM_MAX_TOKENS words pass */
	cur = "max_tokens_accepted";
	reset_vars();
	for (i = 0; i < UK_LIBPARAM_MAX_TOKENS; i++) {
		memcpy(p, "a ", 2);
		p += 2;
	}
	*p = '\0';
	parser.max_argv = UK_LIBPARAM_MAX_TOKENS + 1;
	r = uk_libparam_parse(&parser, line, "img");
	ok(r == UK_LIBPARAM_MAX_TOKENS + 1 && nfatal == 0, "256 words rejected");
	parser.max_argv = UK_LIBPARAM_MAX_ARGV;
	if (failures == before)
		printf("PASS libparam.%s\n", cur);
	before = failures;
	cur = "too_many_argv";
	reset_vars();
	memset(line, 0, sizeof(line));
	for (i = 0, p = line; i < UK_LIBPARAM_MAX_ARGV; i++) {
		memcpy(p, "a ", 2);
		p += 2;
	}
	r = uk_libparam_parse(&parser, line, "img");
	ok(r == -E2BIG && nfatal == 1 && strstr(reports, "UK_LIBPARAM_MAX_ARGV"), "no error");
	if (failures == before)
		printf("PASS libparam.%s\n", cur);
	before = failures;
	cur = "line_at_max_length";
	reset_vars();
	memset(line, 'x', UK_LIBPARAM_MAX_LINE);
	line[UK_LIBPARAM_MAX_LINE] = '\0';
	r = uk_libparam_parse(&parser, line, "img");
	ok(r == 2 && strlen(argv[1]) == UK_LIBPARAM_MAX_LINE, "4096 bytes rejected");
	if (failures == before)
		printf("PASS libparam.%s\n", cur);
}

int main(void)
{
	const struct uk_libparam_desc *all[] = {
	    &__uk_libparam_b,        &__uk_libparam_s8,        &__uk_libparam_u8,
	    &__uk_libparam_s16,      &__uk_libparam_u16,       &__uk_libparam_i32,
	    &__uk_libparam_u32,      &__uk_libparam_s64,       &__uk_libparam_u64,
	    &__uk_libparam_s,        &__uk_libparam_netdev_ip, &__uk_libparam_arr,
	    &__uk_libparam_env_vars,
	};
	unsigned int i;

	setvbuf(stdout, NULL, _IOLBF, 0);
	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		descs[i] = *all[i];
	cur = "default_prefix";
	ok(!strcmp(uk_libparam_prefix(&descs[0]), "ukfoo") &&
	       !strcmp(uk_libparam_prefix(&descs[10]), "netdev"),
	   "prefix");
	if (!failures)
		printf("PASS libparam.default_prefix\n");
	test_argv();
	test_values();
	test_arrays();
	test_hostile();
	test_limits();
	return failures ? 1 : 0;
}
