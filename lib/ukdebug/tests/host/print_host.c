/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Host test of printk's line format, with the platform's console and clock
 * replaced by a capture buffer and a settable clock. Built with
 * -DCONFIG_LIBUKDEBUG_PRINTK -DCONFIG_LIBUKDEBUG_PRINTK_WARN -D__LIBNAME__=libukdebug
 * -D__BASENAME__=print_host.c (see print-host.test).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <uk/print.h>

static char cap[4096];
static size_t caplen;
static uint64_t now_ns;

int ukplat_coutk(const char *buf, unsigned int len)
{
	if (caplen + len < sizeof(cap)) {
		memcpy(cap + caplen, buf, len);
		caplen += len;
		cap[caplen] = '\0';
	}
	return (int)len;
}

uint64_t ukplat_monotonic_clock(void)
{
	return now_ns;
}

static int failures;

static void reset(uint64_t ns)
{
	caplen = 0;
	cap[0] = '\0';
	now_ns = ns;
}

static void expect(const char *name, const char *want)
{
	if (strcmp(cap, want)) {
		printf("FAIL printk.%s: got \"%s\", want \"%s\"\n", name, cap, want);
		failures++;
	} else {
		printf("PASS printk.%s\n", name);
	}
}

static int evaluated;
static int side_effect(void)
{
	return ++evaluated;
}

int main(void)
{
	char longmsg[700], want[128];
	int line;

	reset(108323456ULL);
	_uk_printk(UK_PRINT_INFO, "libvfscore", "mount.c", 122, "VFS: mounting %s at %s\n", "ramfs",
	           "/");
	expect("tutorial_shape",
	       "[    0.108323] Info: [libvfscore] <mount.c @  122> VFS: mounting ramfs at /\n");

	reset(12345678901234ULL);
	_uk_printk(UK_PRINT_ERR, "libx", "a.c", 7, "oops %d", 5);
	expect("no_trailing_newline_and_big_clock",
	       "[12345.678901] ERR:  [libx] <a.c @    7> oops 5\n");

	reset(0);
	_uk_printk(UK_PRINT_WARN, "liby", "b.c", 12345, "one\ntwo\n");
	expect("multi_line", "[    0.000000] Warn: [liby] <b.c @ 12345> one\n"
	                     "[    0.000000] Warn: [liby] <b.c @ 12345> two\n");

	reset(0);
	_uk_printk(UK_PRINT_CRIT, "l", "c.c", 1, "a\n\nb");
	expect("blank_line_kept", "[    0.000000] CRIT: [l] <c.c @    1> a\n"
	                          "[    0.000000] CRIT: [l] <c.c @    1> \n"
	                          "[    0.000000] CRIT: [l] <c.c @    1> b\n");

	reset(0);
	_uk_printk(UK_PRINT_DEBUG, "l", "c.c", 1, "d");
	expect("debug_tag", "[    0.000000] dbg:  [l] <c.c @    1> d\n");

	reset(0);
	memset(longmsg, 'x', sizeof(longmsg) - 1);
	longmsg[sizeof(longmsg) - 1] = '\0';
	_uk_printk(UK_PRINT_ERR, "l", "c.c", 1, "%s", longmsg);
	if (caplen != 38 + UK_PRINTK_MAX - 1 + 1 || strncmp(cap + caplen - 4, "...\n", 4)) {
		printf("FAIL printk.truncated: len %zu, tail \"%s\"\n", caplen, cap + caplen - 4);
		failures++;
	} else {
		printf("PASS printk.truncated\n");
	}

	/* a header longer than its buffer (127 characters) is cut, the message kept */
	reset(0);
	memset(longmsg, 'n', 200);
	longmsg[200] = '\0';
	_uk_printk(UK_PRINT_ERR, longmsg, "c.c", 1, "tail");
	if (caplen != 127 + 4 + 1 || strncmp(cap, "[    0.000000] ERR:  [nnn", 25) ||
	    strcmp(cap + 127, "tail\n")) {
		printf("FAIL printk.long_header_cut: len %zu: \"%.40s...\"\n", caplen, cap);
		failures++;
	} else {
		printf("PASS printk.long_header_cut\n");
	}

	/* seconds wider than the 5-column field push the header, not cut it */
	reset(123456000000000ULL);
	_uk_printk(UK_PRINT_INFO, "l", "c.c", 1, "x");
	expect("wide_seconds", "[123456.000000] Info: [l] <c.c @    1> x\n");

	/* configured level is WARN: info must vanish with its arguments */
	reset(0);
	uk_pr_info("hidden %d\n", side_effect());
	uk_pr_debug("hidden %d\n", side_effect());
	line = __LINE__ + 1;
	uk_pr_warn("shown %d\n", 1);
	snprintf(want, sizeof(want),
	         "[    0.000000] Warn: [libukdebug] <print_host.c @ %4d> shown 1\n", line);
	expect("level_filter", want);
	if (evaluated) {
		printf("FAIL printk.compiled_out: arguments of a filtered call were evaluated\n");
		failures++;
	} else {
		printf("PASS printk.compiled_out\n");
	}
	return failures ? 1 : 0;
}
