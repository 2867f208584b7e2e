#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "path.h"
#include "must.h"

char *path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir);

	if (n && dir[n - 1] == '/')
		return must_asprintf("%s%s", dir, name);
	return must_asprintf("%s/%s", dir, name);
}

char *path_dirname(const char *p)
{
	const char *slash = strrchr(p, '/');

	if (!slash)
		return must_strdup(".");
	while (slash > p && slash[-1] == '/')
		slash--;
	if (slash == p)
		return must_strdup("/");
	return must_strndup(p, (size_t)(slash - p));
}

char *path_basename(const char *p)
{
	const char *slash = strrchr(p, '/');

	return must_strdup(slash ? slash + 1 : p);
}

char *path_abs(const char *p)
{
	char *dir = path_dirname(p), *base = path_basename(p), *rdir, *out;

	rdir = realpath(dir, NULL);
	if (!rdir || !*base || !strcmp(base, ".") || !strcmp(base, "..")) {
		/* Not splittable (or folder missing): fall back to resolving the whole path. */
		free(rdir);
		rdir = realpath(p, NULL);
		out = rdir ? must_strdup(rdir) : must_strdup(p);
	} else {
		out = path_join(rdir, base);
	}
	free(rdir);
	free(dir);
	free(base);
	return out;
}

int mkdir_p(const char *path, mode_t mode)
{
	char *tmp = must_strdup(path), *p;
	int err = 0;

	for (p = tmp + 1; !err; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;

		*p = '\0';
		if (mkdir(tmp, mode) && errno != EEXIST)
			err = -errno;
		*p = c;
		if (!c)
			break;
	}
	free(tmp);
	if (!err) {
		struct stat st;

		if (stat(path, &st))
			err = -errno;
		else if (!S_ISDIR(st.st_mode))
			err = -ENOTDIR;
	}
	return err;
}

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (flag == FTW_DP)
		return rmdir(p) ? -errno : 0;
	return unlink(p) ? -errno : 0;
}

int rm_rf(const char *path)
{
	struct stat st;

	if (lstat(path, &st))
		return errno == ENOENT ? 0 : -errno;
	if (!S_ISDIR(st.st_mode))
		return unlink(path) ? -errno : 0;
	return nftw(path, rm_one, 32, FTW_DEPTH | FTW_PHYS);
}

int fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), err = 0;

	if (fd < 0)
		return -errno;
	if (fsync(fd))
		err = -errno;
	close(fd);
	return err;
}

static int write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int write_file_atomic(const char *path, const void *buf, size_t len)
{
	char *tmp = must_asprintf("%s.tmpXXXXXX", path);
	int fd = mkstemp(tmp), err;

	if (fd < 0) {
		err = -errno;
		free(tmp);
		return err;
	}
	err = write_all(fd, buf, len);
	if (!err && fchmod(fd, 0644))
		err = -errno;
	if (!err && fsync(fd))
		err = -errno;
	if (close(fd) && !err)
		err = -errno;
	if (!err && rename(tmp, path))
		err = -errno;
	if (err)
		unlink(tmp);
	free(tmp);
	return err;
}

int read_file(const char *path, char **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 4096, n = 0, r;
	char *buf;

	*out = NULL;
	if (!f)
		return -errno;
	buf = must_malloc(cap);
	while ((r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += r;
		if (cap - n - 1 == 0)
			buf = must_realloc(buf, cap *= 2);
	}
	if (ferror(f)) {
		fclose(f);
		free(buf);
		return -EIO;
	}
	fclose(f);
	buf[n] = '\0';
	*out = buf;
	if (len)
		*len = n;
	return 0;
}

bool relpath_is_safe(const char *p)
{
	const char *c = p;

	if (!*p || *p == '/')
		return false;
	while (*c) {
		size_t n = strcspn(c, "/");

		if (n == 2 && c[0] == '.' && c[1] == '.')
			return false;
		c += n;
		while (*c == '/')
			c++;
	}
	return true;
}

/* Walks target's components from linkpath's folder, tracking depth below the root. */
bool symlink_target_is_inside(const char *linkpath, const char *target)
{
	long depth = 0;
	const char *c;

	if (!*target || *target == '/')
		return false;
	/* Depth of the folder holding the link: one per component except the last. */
	for (c = linkpath; *c;) {
		size_t n = strcspn(c, "/");

		if (n && !(n == 1 && c[0] == '.') && c[n] == '/')
			depth++;
		c += n;
		while (*c == '/')
			c++;
	}
	for (c = target; *c;) {
		size_t n = strcspn(c, "/");

		if (n == 2 && c[0] == '.' && c[1] == '.') {
			if (--depth < 0)
				return false;
		} else if (n && !(n == 1 && c[0] == '.')) {
			depth++;
		}
		c += n;
		while (*c == '/')
			c++;
	}
	return true;
}

static const char *skip_dot_slash(const char *p)
{
	while (p[0] == '.' && p[1] == '/') {
		p += 2;
		while (*p == '/')
			p++;
	}
	return p;
}

const char *path_strip(const char *p, unsigned int n)
{
	p = skip_dot_slash(p);
	while (n-- && *p) {
		p += strcspn(p, "/");
		while (*p == '/')
			p++;
		p = skip_dot_slash(p);
	}
	return *p && strcmp(p, ".") ? p : NULL;
}
