/* SPDX-License-Identifier: BSD-3-Clause */
/* Tiny PASS/FAIL reporting for the host unit tests (contracts.md section 7) */
#ifndef HOST_CHECK_H
#define HOST_CHECK_H

#include <stdio.h>

static int host_failures;

/* Reports one case; returns ok so callers can stop early */
static inline int host_case(const char *name, int ok, const char *why)
{
	if (ok)
		printf("PASS %s\n", name);
	else {
		printf("FAIL %s: %s\n", name, why);
		host_failures++;
	}
	fflush(stdout);
	return ok;
}

#endif /* HOST_CHECK_H */
