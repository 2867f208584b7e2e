/* unikit: dispatches to one subcommand. */
#include <stdio.h>
#include <string.h>

#include "cmds.h"
#include "log.h"

struct subcmd {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

static const struct subcmd subcmds[] = {
    {"fetch", cmd_fetch, "find one verified source archive (cache, mirrors, upstream)"},
    {"extract", cmd_extract, "safely unpack an archive and apply its patches once"},
    {"mkcpio", cmd_mkcpio, "write a reproducible newc cpio archive of a folder"},
    {"kconfig-report", cmd_kconfig_report, "explain defconfig values that did not survive"},
};

static void usage(FILE *out)
{
	size_t i;

	fprintf(out, "Usage: unikit <command> [options]\n\nCommands:\n");
	for (i = 0; i < sizeof(subcmds) / sizeof(subcmds[0]); i++)
		fprintf(out, "  %-15s %s\n", subcmds[i].name, subcmds[i].summary);
	fprintf(out, "\nRun 'unikit <command> --help' for its options.\n"
	             "Exit status: 0 success, 1 failure, 2 usage error.\n");
}

int main(int argc, char **argv)
{
	size_t i;

	if (argc < 2)
		return usage(stderr), UNIKIT_EXIT_USAGE;
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help"))
		return usage(stdout), UNIKIT_EXIT_OK;
	for (i = 0; i < sizeof(subcmds) / sizeof(subcmds[0]); i++) {
		if (!strcmp(argv[1], subcmds[i].name)) {
			log_set_cmd(subcmds[i].name);
			return subcmds[i].run(argc - 1, argv + 1);
		}
	}
	fprintf(stderr, "unikit: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return UNIKIT_EXIT_USAGE;
}
