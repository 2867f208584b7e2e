/* unikit kconfig-report: say which defconfig values did not survive into .config, and why. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmds.h"
#include "kcfg.h"
#include "kline.h"
#include "kreason.h"
#include "log.h"
#include "path.h"
#include "must.h"

static const char help[] =
    "Usage: unikit kconfig-report --kconfig FILE --defconfig FILE --config FILE\n"
    "                             [--srctree DIR] [--strict]\n"
    "After 'kconfig-conf --defconfig=DEFCONFIG KCONFIG' wrote CONFIG, prints on stderr\n"
    "  <defconfig>:<line>: warning: CONFIG_X=v was not applied: <reason>\n"
    "for every defconfig line whose value differs in CONFIG. Reasons: unknown symbol\n"
    "(with the closest known name), invalid value for the type, out of range, overridden\n"
    "by a later line, unmet dependency (with the symbols to blame), selected by another\n"
    "symbol, no prompt, another choice member taken.\n"
    "  --srctree DIR  read KCONFIG (and the files it sources) from DIR, as kconfig-conf run\n"
    "                 there would; DEFCONFIG and CONFIG stay relative to the current folder\n"
    "  --strict       exit 1 if there is any warning\n"
    "Malformed defconfig lines are errors (exit 1).\n"
    "Exit status: 0 success, 1 failure, 2 usage error (warnings alone exit 0 unless\n"
    "--strict).\n";

struct report_args {
	const char *kconfig, *defconfig, *config, *srctree;
	int strict;
};

static int parse_args(int argc, char **argv, struct report_args *a)
{
	static const struct option opts[] = {
	    {"kconfig", required_argument, NULL, 'k'},
	    {"defconfig", required_argument, NULL, 'd'},
	    {"config", required_argument, NULL, 'c'},
	    {"srctree", required_argument, NULL, 's'},
	    {"strict", no_argument, NULL, 'S'},
	    {"help", no_argument, NULL, 'h'},
	    {0},
	};
	int c;

	while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		switch (c) {
		case 'k':
			a->kconfig = optarg;
			break;
		case 'd':
			a->defconfig = optarg;
			break;
		case 'c':
			a->config = optarg;
			break;
		case 's':
			a->srctree = optarg;
			break;
		case 'S':
			a->strict = 1;
			break;
		case 'h':
			fputs(help, stdout);
			return -1;
		default:
			return log_usage_err("unknown option");
		}
	}
	if (optind != argc)
		return log_usage_err("unexpected argument '%s'", argv[optind]);
	if (!a->kconfig || !a->defconfig || !a->config)
		return log_usage_err("--kconfig, --defconfig and --config are required");
	return 0;
}

/* Reads the defconfig's assignments; malformed lines are reported and counted. */
static int read_defconfig(const char *file, const char *prefix, struct kdef **out, size_t *n)
{
	char *text, *s;
	int r = read_file(file, &text, NULL), line = 0, bad = 0;

	*out = NULL;
	*n = 0;
	if (r) {
		log_err("%s: cannot read: %s", file, strerror(-r));
		return -1;
	}
	for (s = text; *s;) {
		char *nl = strchr(s, '\n');
		struct kline k;

		if (nl)
			*nl = '\0';
		line++;
		if (kline_parse(s, prefix, &k) == KLINE_BAD) {
			fprintf(stderr,
			        "%s:%d: error: malformed line '%s'; write %sNAME=value or "
			        "'# %sNAME is not set'\n",
			        file, line, s, prefix, prefix);
			bad++;
		} else if (k.kind != KLINE_BLANK) {
			*out = must_realloc(*out, (*n + 1) * sizeof(**out));
			(*out)[*n].line = line;
			(*out)[*n].name = k.name;
			(*out)[(*n)++].value = k.value;
		}
		s = nl ? nl + 1 : s + strlen(s);
	}
	free(text);
	return bad ? -1 : 0;
}

static void free_defs(struct kdef *d, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(d[i].name);
		free(d[i].value);
	}
	free(d);
}

static size_t report(const char *file, const struct kdef *d, size_t n,
                     const struct kcfg_values *vals, const char *prefix)
{
	size_t i, warnings = 0;

	for (i = 0; i < n; i++) {
		char *why;

		if (kreason_same(d[i].name, d[i].value, kcfg_value(vals, d[i].name)))
			continue;
		why = kreason_explain(d, n, i, prefix);
		fprintf(stderr, "%s:%d: warning: %s%s=%s was not applied: %s\n", file, d[i].line,
		        prefix, d[i].name, d[i].value, why);
		free(why);
		warnings++;
	}
	return warnings;
}

static int enter_srctree(const char *dir)
{
	if (setenv("srctree", dir, 1) || chdir(dir)) {
		log_err("--srctree %s: %s", dir, strerror(errno));
		return -1;
	}
	return 0;
}

int cmd_kconfig_report(int argc, char **argv)
{
	struct report_args a = {0};
	struct kcfg_values vals = {0};
	const char *prefix = getenv("CONFIG_") ? getenv("CONFIG_") : "CONFIG_";
	char *defconfig, *config;
	struct kdef *defs = NULL;
	size_t n = 0, warnings = 0;
	int r = parse_args(argc, argv, &a), bad;

	if (r) /* -1: --help was printed */
		return r < 0 ? UNIKIT_EXIT_OK : UNIKIT_EXIT_USAGE;
	defconfig = path_abs(a.defconfig);
	config = path_abs(a.config);
	bad = read_defconfig(a.defconfig, prefix, &defs, &n);
	r = (a.srctree && enter_srctree(a.srctree)) || kcfg_load(a.kconfig, config, prefix, &vals);
	if (!r)
		warnings = report(a.defconfig, defs, n, &vals, prefix);
	free_defs(defs, n);
	kcfg_values_free(&vals);
	free(defconfig);
	free(config);
	if (r || bad)
		return UNIKIT_EXIT_FAIL;
	return a.strict && warnings ? UNIKIT_EXIT_FAIL : UNIKIT_EXIT_OK;
}
