#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "dlcache.h"
#include "log.h"
#include "path.h"
#include "sha256.h"
#include "must.h"

static char *default_dir(void)
{
	const char *v = getenv("UNIKIT_DL_DIR");

	if (v && *v)
		return must_strdup(v);
	v = getenv("XDG_CACHE_HOME");
	if (v && *v)
		return path_join(v, "unikit/downloads");
	v = getenv("HOME");
	if (v && *v)
		return path_join(v, ".cache/unikit/downloads");
	return NULL;
}

char *dlcache_dir(const char *opt)
{
	char *dir = opt ? must_strdup(opt) : default_dir(), *abs;
	int r;

	if (!dir) {
		log_err("no download cache: set UNIKIT_DL_DIR or HOME, or pass --dl-dir");
		return NULL;
	}
	r = mkdir_p(dir, 0755);
	if (r) {
		log_err("%s: cannot create the download cache: %s", dir, strerror(-r));
		free(dir);
		return NULL;
	}
	abs = realpath(dir, NULL);
	free(dir);
	if (!abs)
		log_err("cannot resolve the download cache: %s", strerror(errno));
	return abs;
}

int dlcache_lock(const char *dir, const char *name)
{
	char *path = must_asprintf("%s/.%s.lock", dir, name);
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);

	if (fd < 0) {
		log_err("%s: cannot open the lock: %s", path, strerror(errno));
		free(path);
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB)) {
		log_step("WAIT", "another build is fetching %s", name);
		while (flock(fd, LOCK_EX)) {
			if (errno != EINTR) {
				log_err("%s: cannot lock: %s", path, strerror(errno));
				close(fd);
				fd = -1;
				break;
			}
		}
	}
	free(path);
	return fd;
}

void dlcache_unlock(int fd)
{
	if (fd >= 0)
		close(fd); /* closing drops the flock */
}

int dlcache_has(const char *dir, const char *name, const char *want)
{
	char *path = path_join(dir, name), got[SHA256_HEX_LEN + 1];
	int r = sha256_file(path, got), ok = 0;

	if (!r && !strcmp(got, want)) {
		ok = 1;
	} else if (!r) {
		log_warn("%s: SHA-256 is %s, want %s; deleting it to fetch it again", path, got,
		         want);
		if (unlink(path))
			log_warn("%s: cannot delete: %s", path, strerror(errno));
	} else if (r != -ENOENT) {
		log_warn("%s: cannot read: %s", path, strerror(-r));
	}
	free(path);
	return ok;
}

void dlcache_drop_partials(const char *dir, const char *name)
{
	char *prefix = must_asprintf(".%s.part", name);
	size_t plen = strlen(prefix);
	struct dirent *de;
	DIR *d = opendir(dir);

	while (d && (de = readdir(d))) {
		char *p;

		if (strncmp(de->d_name, prefix, plen))
			continue;
		/* Under the lock no live fetch of this file exists: this one's writer died. */
		p = path_join(dir, de->d_name);
		if (!unlink(p))
			log_warn("%s: removed a partial download left by an interrupted fetch", p);
		free(p);
	}
	if (d)
		closedir(d);
	free(prefix);
}
