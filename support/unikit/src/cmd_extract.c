/* unikit extract: unpack a verified archive once, safely, and apply its patches once. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmds.h"
#include "log.h"
#include "patches.h"
#include "path.h"
#include "sha256.h"
#include "unpack.h"
#include "must.h"

static const char help[] =
    "Usage: unikit extract --archive FILE --dest DIR [--strip-components N]\n"
    "                      [--patches DIR] [--stamp FILE]\n"
    "Unpacks FILE (tar.gz, tar.xz, tar.bz2 or zip) into DIR, then applies PATCHES/*.patch\n"
    "in name order with 'patch -p1 -N'. Entries that would land outside DIR (absolute\n"
    "paths, '..', symlinks or hard links leading out) are refused and nothing is left\n"
    "behind: the work happens in a temp folder next to DIR that replaces DIR at the end.\n"
    "With --stamp, FILE records the archive and patch hashes: when they match, nothing is\n"
    "done; when they differ, DIR is extracted again from scratch.\n"
    "Exit status: 0 success, 1 failure, 2 usage error.\n";

struct extract_args {
	const char *archive, *dest, *patches, *stamp;
	unsigned int strip;
};

static int parse_uint(const char *s, unsigned int *out)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (!*s || *end || errno || v > 64 || *s == '-')
		return -1;
	*out = (unsigned int)v;
	return 0;
}

/* 0 to go on, -1 after --help, else UNIKIT_EXIT_USAGE (reported). */
static int parse_args(int argc, char **argv, struct extract_args *a)
{
	static const struct option opts[] = {
	    {"archive", required_argument, NULL, 'a'},
	    {"dest", required_argument, NULL, 'd'},
	    {"strip-components", required_argument, NULL, 's'},
	    {"patches", required_argument, NULL, 'p'},
	    {"stamp", required_argument, NULL, 't'},
	    {"help", no_argument, NULL, 'h'},
	    {0},
	};
	int c;

	while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		switch (c) {
		case 'a':
			a->archive = optarg;
			break;
		case 'd':
			a->dest = optarg;
			break;
		case 'p':
			a->patches = optarg;
			break;
		case 't':
			a->stamp = optarg;
			break;
		case 's':
			if (parse_uint(optarg, &a->strip))
				return log_usage_err("--strip-components wants 0..64, not '%s'",
				                     optarg);
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
	if (!a->archive || !a->dest)
		return log_usage_err("--archive and --dest are required");
	return 0;
}

/* What the stamp file holds: everything that decides the extracted tree's content. */
static char *make_stamp(const struct extract_args *a, const struct patch_list *pl)
{
	char ah[SHA256_HEX_LEN + 1], ph[SHA256_HEX_LEN + 1];
	int r = sha256_file(a->archive, ah);

	if (r) {
		log_err("%s: cannot read: %s", a->archive, strerror(-r));
		return NULL;
	}
	if (patches_hash(pl, ph))
		return NULL;
	return must_asprintf("unikit-extract 1\narchive %s\npatches %s (%zu)\nstrip %u\n", ah, ph,
	                     pl->n, a->strip);
}

static int stamp_matches(const char *stamp, const char *want, const char *dest)
{
	struct stat st;
	char *have;
	int same;

	if (!stamp || read_file(stamp, &have, NULL))
		return 0;
	same = !strcmp(have, want) && !stat(dest, &st) && S_ISDIR(st.st_mode);
	free(have);
	return same;
}

/* Swaps the finished temp tree into place, then removes the old one. */
static int replace_dest(const char *tmp, const char *dest)
{
	struct stat st;
	int r;

	if (lstat(dest, &st))
		r = rename(tmp, dest);
	else
		r = renameat2(AT_FDCWD, tmp, AT_FDCWD, dest, RENAME_EXCHANGE);
	if (r) {
		log_err("cannot move %s to %s: %s", tmp, dest, strerror(errno));
		return -1;
	}
	if (rm_rf(tmp))
		log_warn("could not remove the old tree, now at %s", tmp);
	return 0;
}

static char *make_tmpdir(const char *dest)
{
	char *dir = path_dirname(dest), *base = path_basename(dest), *tmp;
	int r = mkdir_p(dir, 0755);

	tmp = must_asprintf("%s/.%s.tmpXXXXXX", dir, base);
	free(dir);
	free(base);
	if (r || !mkdtemp(tmp) || chmod(tmp, 0755)) {
		log_err("cannot create a temp folder next to %s: %s", dest,
		        strerror(r ? -r : errno));
		free(tmp);
		return NULL;
	}
	return tmp;
}

static int extract_fresh(const struct extract_args *a, const struct patch_list *pl)
{
	char *tmp = make_tmpdir(a->dest);
	int err;

	if (!tmp)
		return -1;
	log_step("EXTRACT", "%s", a->archive);
	err = unpack_archive(a->archive, tmp, a->strip);
	if (!err)
		err = patches_apply(pl, tmp);
	if (!err)
		err = replace_dest(tmp, a->dest);
	if (err && rm_rf(tmp))
		log_warn("could not remove the temp folder %s", tmp);
	free(tmp);
	return err;
}

static int write_stamp(const char *stamp, const char *text)
{
	char *dir = path_dirname(stamp);
	int r = mkdir_p(dir, 0755);

	free(dir);
	if (!r)
		r = write_file_atomic(stamp, text, strlen(text));
	if (r)
		log_err("%s: cannot write the stamp: %s", stamp, strerror(-r));
	return r ? -1 : 0;
}

int cmd_extract(int argc, char **argv)
{
	struct extract_args a = {0};
	struct patch_list pl;
	char *stamp_text;
	int err = parse_args(argc, argv, &a);

	if (err) /* -1: --help was printed */
		return err < 0 ? UNIKIT_EXIT_OK : UNIKIT_EXIT_USAGE;
	if (patches_list(a.patches, &pl))
		return UNIKIT_EXIT_FAIL;
	stamp_text = make_stamp(&a, &pl);
	err = !stamp_text;
	if (!err && stamp_matches(a.stamp, stamp_text, a.dest))
		goto out; /* already extracted and patched from exactly these inputs */
	/* The old stamp goes first: a crash from here on must not leave a matching stamp. */
	if (!err && a.stamp && unlink(a.stamp) && errno != ENOENT) {
		log_err("%s: cannot remove the old stamp: %s", a.stamp, strerror(errno));
		err = 1;
	}
	if (!err)
		err = extract_fresh(&a, &pl);
	if (!err && a.stamp)
		err = write_stamp(a.stamp, stamp_text);
out:
	free(stamp_text);
	patches_free(&pl);
	return err ? UNIKIT_EXIT_FAIL : UNIKIT_EXIT_OK;
}
