/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * posixcheck: an ordinary Linux C program (musl) that exercises the POSIX
 * layer and exits 0 only if every check held, so a boot test can judge it
 * by the exit status alone (QEMU status 1 = 0*2+1).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

static int failed, total;

int check(int ok, const char *name, const char *fmt, ...)
{
	va_list ap;

	total++;
	if (ok) {
		printf("posixcheck: PASS %s\n", name);
		return 0;
	}
	failed++;
	printf("posixcheck: FAIL %s: ", name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	return 1;
}

/* each argument NAME=value must be in the environment (env.vars=[ ... ]) */
static void check_environment(int argc, char *argv[])
{
	const char *v;
	char name[64];
	int i;

	v = getenv("PATH");
	check(v && *v, "environment.path", "PATH %s", v ? "empty" : "missing");
	for (i = 1; i < argc; i++) {
		const char *eq = strchr(argv[i], '=');

		if (!eq || eq == argv[i] || (size_t)(eq - argv[i]) >= sizeof(name))
			continue;
		memcpy(name, argv[i], (size_t)(eq - argv[i]));
		name[eq - argv[i]] = '\0';
		v = getenv(name);
		check(v && !strcmp(v, eq + 1), "environment.vars", "%s is %s", name,
		      v ? v : "unset");
	}
}

/*
 * "--double-free": musl's malloc must detect it and stop the VM through the
 * kernel's crash report (tests/posixcheck.test expects QEMU status 255).
 */
static int double_free(void)
{
	void *volatile p = malloc(64);

	free(p);
	free(p);
	printf("posixcheck: double free went unnoticed\n");
	return 1;
}

int main(int argc, char *argv[])
{
	if (argc > 1 && !strcmp(argv[1], "--double-free"))
		return double_free();
	/* line by line, so a hang still shows how far the checks got */
	setvbuf(stdout, NULL, _IOLBF, 0);
	check_environment(argc, argv);
	check_identity();
	check_time();
	check_random();
	check_memory();
	check_byteorder();
	if (check_memory_file)
		check_memory_file();
	if (check_passwd)
		check_passwd();
	check_malloc();
	check_threads();
	check_signals();
	if (check_files)
		check_files();
	else
		printf("posixcheck: file checks not built (no lib/vfscore)\n");
	printf("posixcheck: %d checks, %d failed\n", total, failed);
	fflush(stdout);
	return failed ? 1 : 0;
}
