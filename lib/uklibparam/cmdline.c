/* SPDX-License-Identifier: BSD-3-Clause */
/* Kernel side of the parser: the registered parameters and printk reports */
#include <errno.h>
#include <uk/libparam.h>
#include <uk/print.h>

extern const struct uk_libparam_desc __uk_libparam_start[], __uk_libparam_end[];

/* one byte more than the limit, so that an overlong line is detected, not cut */
static char line[UK_LIBPARAM_MAX_LINE + 2];
static struct uk_libparam_tok toks[UK_LIBPARAM_MAX_TOKENS];
static char *args[UK_LIBPARAM_MAX_ARGV + 1];

static void report(void *arg, int fatal, const char *what, const char *detail)
{
	(void)arg;
	if (fatal)
		uk_pr_crit("%s: %.60s\n", what, detail);
	else
		uk_pr_warn("%s: %s\n", what, detail);
}

int uk_libparam_parse_cmdline(const char *cmdline, const char *argv0, int *argc, char ***argv)
{
	/* linker-script bounds of one table: subtracting them is intended */
	// cppcheck-suppress comparePointers
	size_t ndescs = (size_t)(__uk_libparam_end - __uk_libparam_start);
	struct uk_libparam_parser p = {
	    __uk_libparam_start,  ndescs, report, NULL, toks, UK_LIBPARAM_MAX_TOKENS, args,
	    UK_LIBPARAM_MAX_ARGV,
	};
	size_t i;
	int ret;

	for (i = 0; i < sizeof(line) - 1 && cmdline[i]; i++)
		line[i] = cmdline[i];
	line[i] = '\0';
	ret = uk_libparam_parse(&p, line, argv0);
	if (ret < 0)
		return ret;
	*argc = ret;
	*argv = args;
	return 0;
}
