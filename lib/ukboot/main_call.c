/* SPDX-License-Identifier: BSD-3-Clause */
/* The "Calling main(3, ['img', '-c', 'x'])" log line */
#include <uk/fmt.h>
#include <uk/print.h>
#include "boot.h"

#define LINE_MAX_LEN 400

void ukboot_log_main_call(int argc, char *const argv[])
{
	char buf[LINE_MAX_LEN];
	size_t used = 0;
	int i, n;

	for (i = 0; i < argc && used < sizeof(buf); i++) {
		n = uk_snprintf(buf + used, sizeof(buf) - used, "%s'%s'", i ? ", " : "", argv[i]);
		if (n < 0)
			break;
		used += (size_t)n;
	}
	if (used >= sizeof(buf)) {
		/* keep the line readable: mark the cut */
		buf[sizeof(buf) - 4] = buf[sizeof(buf) - 3] = buf[sizeof(buf) - 2] = '.';
	}
	/* argc >= 1: %lu is the integer path the boot lines already took
	 * (under TCG %d would be one more formatter path to translate) */
	uk_pr_info("Calling main(%lu, [%s])\n", (unsigned long)argc, buf);
}
