/* unikit mkcpio OUT DIR: a reproducible newc cpio of DIR (the initrd). */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmds.h"
#include "cpio_write.h"
#include "log.h"
#include "path.h"
#include "tree.h"
#include "must.h"

static const char help[] =
    "Usage: unikit mkcpio OUT DIR\n"
    "Writes DIR's contents to OUT as a newc cpio archive (an initrd).\n"
    "The archive is reproducible: entries sorted bytewise ('.' first, paths './...'),\n"
    "uid/gid 0, mtime $SOURCE_DATE_EPOCH (default 0), inode numbers counted from 1.\n"
    "Files named .gitkeep are left out. Sockets, fifos and devices are an error.\n"
    "Exit status: 0 success, 1 failure, 2 usage error.\n";

/* SOURCE_DATE_EPOCH: decimal seconds that fit newc's 32-bit field. */
static int parse_epoch(uint32_t *out)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	unsigned long long v;
	char *end;

	*out = 0;
	if (!s || !*s)
		return 0;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (*end || errno || v > UINT32_MAX || *s == '-') {
		log_err("SOURCE_DATE_EPOCH='%s' is not a number of seconds from 0 to %u", s,
		        UINT32_MAX);
		return -1;
	}
	*out = (uint32_t)v;
	return 0;
}

static int write_out(const char *out, const struct tree *t, uint32_t mtime)
{
	char *tmp = must_asprintf("%s.tmpXXXXXX", out);
	int fd = mkstemp(tmp), err;

	if (fd < 0) {
		log_err("%s: cannot create: %s", tmp, strerror(errno));
		free(tmp);
		return -1;
	}
	err = cpio_write(fd, t, mtime);
	if (!err && (fchmod(fd, 0644) || fsync(fd))) {
		log_err("%s: %s", tmp, strerror(errno));
		err = -1;
	}
	if (close(fd) && !err) {
		log_err("%s: %s", tmp, strerror(errno));
		err = -1;
	}
	if (!err && rename(tmp, out)) {
		log_err("%s: cannot rename to %s: %s", tmp, out, strerror(errno));
		err = -1;
	}
	if (err)
		unlink(tmp);
	free(tmp);
	return err;
}

int cmd_mkcpio(int argc, char **argv)
{
	static const struct option opts[] = {{"help", no_argument, NULL, 'h'}, {0}};
	struct tree t;
	uint32_t mtime;
	int c, err;

	while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		if (c == 'h')
			return fputs(help, stdout), UNIKIT_EXIT_OK;
		return log_usage_err("unknown option");
	}
	if (argc - optind != 2)
		return log_usage_err("expected two arguments, OUT and DIR");
	if (parse_epoch(&mtime))
		return UNIKIT_EXIT_USAGE;
	if (tree_scan(argv[optind + 1], &t)) {
		tree_free(&t);
		return UNIKIT_EXIT_FAIL;
	}
	err = write_out(argv[optind], &t, mtime);
	tree_free(&t);
	return err ? UNIKIT_EXIT_FAIL : UNIKIT_EXIT_OK;
}
