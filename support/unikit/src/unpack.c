#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "path.h"
#include "unpack.h"
#include "must.h"

struct unpack {
	const char *archive;
	char *root; /* realpath of the output folder */
	size_t root_len;
	unsigned int strip;
	struct archive *in, *out;
};

static int refuse(const struct unpack *u, const char *entry, const char *why)
{
	log_err("%s: entry '%s' %s; refusing to extract this archive", u->archive, entry, why);
	return -1;
}

static int refuse_lib(const struct unpack *u, const char *entry)
{
	char *why = must_asprintf("cannot be written safely (%s)", archive_error_string(u->out));
	int r = refuse(u, entry, why);

	free(why);
	return r;
}

/* An archive path must be relative and free of "..". `what` names it in the error. */
static int check_path(const struct unpack *u, const char *entry, const char *p, const char *what)
{
	char *why;
	int r;

	if (p[0] != '/' && relpath_is_safe(p))
		return 0;
	if (p == entry)
		why =
		    must_asprintf("%s", p[0] == '/' ? "is absolute" : "contains a '..' component");
	else
		why = must_asprintf("has %s '%s' that %s", what, p,
		                    p[0] == '/' ? "is absolute" : "contains a '..' component");
	r = refuse(u, entry, why);
	free(why);
	return r;
}

static int check_type(const struct unpack *u, struct archive_entry *e, const char *raw)
{
	mode_t t = archive_entry_filetype(e);

	if (archive_entry_hardlink(e) || t == AE_IFREG || t == AE_IFDIR || t == AE_IFLNK)
		return 0;
	return refuse(u, raw, "is a device, fifo or socket, which a source archive never needs");
}

/* Drops set-id bits; archives without permissions (some zips) get the usual 0644/0755. */
static void set_perm(struct archive_entry *e)
{
	mode_t perm = archive_entry_perm(e) & 0777;

	if (!perm)
		perm = archive_entry_filetype(e) == AE_IFDIR ? 0755 : 0644;
	archive_entry_set_perm(e, perm);
}

/* Rewrites the entry's paths relative to the output folder; 1 if the entry is stripped away. */
static int rewrite_entry(const struct unpack *u, struct archive_entry *e)
{
	const char *raw = archive_entry_pathname(e), *rel, *hl = archive_entry_hardlink(e);
	const char *target = archive_entry_symlink(e);

	if (!raw || !*raw)
		return refuse(u, "", "has no name");
	if (check_path(u, raw, raw, "the path") || check_type(u, e, raw))
		return -1;
	rel = path_strip(raw, u->strip);
	if (!rel)
		return 1;
	if (hl) {
		const char *hrel;

		if (check_path(u, raw, hl, "a hard-link target"))
			return -1;
		hrel = path_strip(hl, u->strip);
		if (!hrel)
			return refuse(u, raw,
			              "is a hard link to a path removed by --strip-components");
		archive_entry_copy_hardlink(e, hrel);
	}
	if (target && archive_entry_filetype(e) == AE_IFLNK &&
	    !symlink_target_is_inside(rel, target))
		return refuse(u, raw, "is a symlink pointing outside the extracted tree");
	archive_entry_copy_pathname(e, rel);
	set_perm(e);
	return 0;
}

static int copy_data(const struct unpack *u, const char *name)
{
	const void *buf;
	size_t len;
	la_int64_t off;
	int r;

	while ((r = archive_read_data_block(u->in, &buf, &len, &off)) == ARCHIVE_OK) {
		if (archive_write_data_block(u->out, buf, len, off) < ARCHIVE_OK) {
			log_err("%s: %s: %s", u->archive, name, archive_error_string(u->out));
			return -1;
		}
	}
	if (r != ARCHIVE_EOF) {
		log_err("%s: %s: %s", u->archive, name, archive_error_string(u->in));
		return -1;
	}
	return 0;
}

/* Resolves the deepest existing folder on the entry's path for real and checks it is inside
 * the root: a third guard, before anything is written, besides ours and libarchive's. */
static int parent_inside(const struct unpack *u, const char *name, const char *rel)
{
	char *p = must_strdup(rel), *slash, *real;
	int inside = 1;

	while ((slash = strrchr(p, '/'))) {
		struct stat st;

		*slash = '\0';
		if (lstat(p, &st))
			continue;
		real = realpath(p, NULL);
		inside = real && !strncmp(real, u->root, u->root_len) &&
		         (real[u->root_len] == '/' || real[u->root_len] == '\0');
		free(real);
		break;
	}
	free(p);
	return inside ? 0 : refuse(u, name, "would be written through a symlink leading outside");
}

static int extract_one(const struct unpack *u, struct archive_entry *e)
{
	char *name = must_strdup(archive_entry_pathname(e) ? archive_entry_pathname(e) : "");
	int r = rewrite_entry(u, e), err = 0;

	if (r == 1) {
		free(name);
		return archive_read_data_skip(u->in) == ARCHIVE_OK ? 0 : -1;
	}
	if (r < 0 || parent_inside(u, name, archive_entry_pathname(e)))
		err = -1;
	else if (archive_write_header(u->out, e) < ARCHIVE_WARN)
		err = refuse_lib(u, name);
	else if (archive_entry_size(e) > 0 && copy_data(u, name))
		err = -1;
	else if (archive_write_finish_entry(u->out) < ARCHIVE_WARN)
		err = refuse_lib(u, name);
	free(name);
	return err;
}

static int open_streams(struct unpack *u)
{
	u->in = archive_read_new();
	u->out = archive_write_disk_new();
	if (!u->in || !u->out) {
		log_err("out of memory");
		return -1;
	}
	archive_read_support_filter_all(u->in);
	archive_read_support_format_tar(u->in);
	archive_read_support_format_zip(u->in);
	/* libarchive's own checks back ours up: they refuse writing through a symlink on disk. */
	archive_write_disk_set_options(
	    u->out, ARCHIVE_EXTRACT_TIME | ARCHIVE_EXTRACT_SECURE_SYMLINKS |
	                ARCHIVE_EXTRACT_SECURE_NODOTDOT | ARCHIVE_EXTRACT_SECURE_NOABSOLUTEPATHS);
	if (archive_read_open_filename(u->in, u->archive, 65536) != ARCHIVE_OK) {
		log_err("%s: cannot open: %s", u->archive, archive_error_string(u->in));
		return -1;
	}
	return 0;
}

static int extract_all(struct unpack *u)
{
	struct archive_entry *e;
	int r, err = 0;

	while (!err && (r = archive_read_next_header(u->in, &e)) != ARCHIVE_EOF) {
		if (r < ARCHIVE_WARN) {
			log_err("%s: corrupt or unsupported archive: %s", u->archive,
			        archive_error_string(u->in));
			return -1;
		}
		err = extract_one(u, e);
	}
	if (!err && archive_write_close(u->out) != ARCHIVE_OK) {
		log_err("%s: %s", u->archive, archive_error_string(u->out));
		err = -1;
	}
	return err;
}

/* After the fact, resolve every symlink for real: chains of in-tree links can still leave it. */
static const char *walk_archive, *walk_root;
static size_t walk_root_len;

static int check_link(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	char *real;
	int bad;

	(void)st;
	(void)ftw;
	if (flag != FTW_SL)
		return 0;
	real = realpath(p, NULL);
	if (!real)
		return 0; /* dangling: nothing can be reached through it */
	bad = strncmp(real, walk_root, walk_root_len) ||
	      (real[walk_root_len] != '/' && real[walk_root_len] != '\0');
	free(real);
	if (bad)
		log_err("%s: entry '%s' is a symlink that resolves outside the extracted tree; "
		        "refusing to extract this archive",
		        walk_archive, p + 2);
	return bad ? 1 : 0;
}

static int check_links(const char *archive, const char *dir)
{
	char *root = realpath(dir, NULL);
	int r;

	if (!root)
		return -1;
	walk_archive = archive;
	walk_root = root;
	walk_root_len = strlen(root);
	r = nftw(".", check_link, 32, FTW_PHYS);
	free(root);
	return r ? -1 : 0;
}

int unpack_archive(const char *archive, const char *dir, unsigned int strip)
{
	struct unpack u = {.archive = archive, .strip = strip};
	int cwd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC), err;

	/* Work inside `dir` so entry paths stay relative and libarchive can check them. */
	if (cwd < 0 || chdir(dir)) {
		log_err("%s: %s", dir, strerror(errno));
		if (cwd >= 0)
			close(cwd);
		return -1;
	}
	u.root = realpath(".", NULL);
	u.root_len = u.root ? strlen(u.root) : 0;
	err = u.root ? open_streams(&u) : -1;
	if (!err)
		err = extract_all(&u);
	if (!err)
		err = check_links(archive, ".");
	if (u.in)
		archive_read_free(u.in);
	if (u.out)
		archive_write_free(u.out);
	free(u.root);
	if (fchdir(cwd) && !err) {
		log_err("cannot return to the working folder: %s", strerror(errno));
		err = -1;
	}
	close(cwd);
	return err;
}
