#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "path.h"
#include "tree.h"
#include "must.h"

static const char *type_name(mode_t m)
{
	if (S_ISSOCK(m))
		return "socket";
	if (S_ISFIFO(m))
		return "fifo";
	if (S_ISCHR(m))
		return "character device";
	if (S_ISBLK(m))
		return "block device";
	return "unknown file type";
}

static int add(struct tree *t, const char *rel, const char *src)
{
	struct tree_entry *e;
	struct stat st;

	if (lstat(src, &st)) {
		log_err("%s: %s", src, strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode) && !S_ISLNK(st.st_mode)) {
		log_err("%s: is a %s; an initrd holds only files, folders and symlinks: remove it",
		        src, type_name(st.st_mode));
		return -1;
	}
	if (t->n == t->cap)
		t->v = must_realloc(t->v, (t->cap = t->cap ? 2 * t->cap : 64) * sizeof(*t->v));
	e = &t->v[t->n++];
	e->rel = must_strdup(rel);
	e->src = must_strdup(src);
	e->st = st;
	return 0;
}

static int is_gitkeep(const char *name, const char *src)
{
	struct stat st;

	return !strcmp(name, ".gitkeep") && !lstat(src, &st) && S_ISREG(st.st_mode);
}

static int scan_dir(struct tree *t, const char *rel, const char *src)
{
	DIR *d = opendir(src);
	struct dirent *de;
	int err = 0;

	if (!d) {
		log_err("%s: cannot read folder: %s", src, strerror(errno));
		return -1;
	}
	while (!err && (errno = 0, de = readdir(d))) {
		char *crel, *csrc;
		size_t idx = t->n;

		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		crel = path_join(rel, de->d_name);
		csrc = path_join(src, de->d_name);
		if (!is_gitkeep(de->d_name, csrc)) {
			err = add(t, crel, csrc);
			if (!err && S_ISDIR(t->v[idx].st.st_mode))
				err = scan_dir(t, crel, csrc);
		}
		free(crel);
		free(csrc);
	}
	if (!err && errno) {
		log_err("%s: cannot read folder: %s", src, strerror(errno));
		err = -1;
	}
	closedir(d);
	return err;
}

static int by_rel(const void *a, const void *b)
{
	return strcmp(((const struct tree_entry *)a)->rel, ((const struct tree_entry *)b)->rel);
}

int tree_scan(const char *root, struct tree *t)
{
	memset(t, 0, sizeof(*t));
	if (add(t, ".", root))
		return -1;
	if (!S_ISDIR(t->v[0].st.st_mode)) {
		log_err("%s: not a folder", root);
		return -1;
	}
	if (scan_dir(t, ".", root))
		return -1;
	/* strcmp compares as unsigned char: bytewise, and "./a" sorts before "./a/b". */
	qsort(t->v, t->n, sizeof(*t->v), by_rel);
	return 0;
}

void tree_free(struct tree *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->v[i].rel);
		free(t->v[i].src);
	}
	free(t->v);
	memset(t, 0, sizeof(*t));
}
