/* SPDX-License-Identifier: BSD-3-Clause */
/* Runs the runner over cases_a.c/cases_b.c and compares its exact output */
#include <stdio.h>
#include <string.h>
#include <uk/test.h>

static char cap[4096];
static size_t caplen;

int ukplat_coutk(const char *buf, unsigned int len)
{
	if (caplen + len < sizeof(cap)) {
		memcpy(cap + caplen, buf, len);
		caplen += len;
	}
	return (int)len;
}

int main(void)
{
	static const char want[] =
	    "[uktest] PASS alpha.all_kinds_pass\n"
	    "[uktest] FAIL alpha.several_failures: cases_a.c:47: expected \"x\" == \"y\" "
	    "(\"x\" vs \"y\") (+2 more)\n"
	    "[uktest] PASS alpha.from_other_file\n"
	    "[uktest] FAIL broken.never_runs: suite init failed (-19)\n"
	    "[uktest] PASS zeta.second_by_line_first_by_name\n"
	    "[uktest] FAIL zeta.a_runs_after: cases_a.c:24: expected x == 4 (3 vs 4)\n"
	    "[uktest] 3 passed, 3 failed\n";
	int failed = uk_test_run_all();

	if (failed != 3)
		printf("FAIL uktest.runner_count: returned %d, want 3\n", failed);
	else
		printf("PASS uktest.runner_count\n");
	if (strcmp(cap, want))
		printf("FAIL uktest.runner_output: got <<%s>>\n", cap);
	else
		printf("PASS uktest.runner_output\n");
	return failed != 3 || strcmp(cap, want);
}
