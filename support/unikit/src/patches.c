#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "log.h"
#include "patches.h"
#include "path.h"
#include "must.h"

static int is_patch_name(const char *n)
{
	size_t len = strlen(n);

	return n[0] != '.' && len > 6 && !strcmp(n + len - 6, ".patch");
}

static int by_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int patches_list(const char *dir, struct patch_list *pl)
{
	struct dirent *de;
	DIR *d;
	size_t i;

	memset(pl, 0, sizeof(*pl));
	if (!dir)
		return 0;
	d = opendir(dir);
	if (!d) {
		if (errno == ENOENT)
			return 0;
		log_err("%s: cannot read patch folder: %s", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d))) {
		if (!is_patch_name(de->d_name))
			continue;
		pl->paths = must_realloc(pl->paths, (pl->n + 1) * sizeof(*pl->paths));
		pl->paths[pl->n++] = must_strdup(de->d_name);
	}
	closedir(d);
	qsort(pl->paths, pl->n, sizeof(*pl->paths), by_str);
	for (i = 0; i < pl->n; i++) {
		char *full = path_join(dir, pl->paths[i]);

		free(pl->paths[i]);
		pl->paths[i] = full;
	}
	return 0;
}

int patches_hash(const struct patch_list *pl, char out[SHA256_HEX_LEN + 1])
{
	char one[SHA256_HEX_LEN + 1];
	struct sha256 c;
	size_t i;

	sha256_init(&c);
	for (i = 0; i < pl->n; i++) {
		char *base = path_basename(pl->paths[i]);
		int r = sha256_file(pl->paths[i], one);

		if (r) {
			log_err("%s: %s", pl->paths[i], strerror(-r));
			free(base);
			return -1;
		}
		/* name NUL hash LF: unambiguous whatever the names contain. */
		sha256_update(&c, base, strlen(base) + 1);
		sha256_update(&c, one, SHA256_HEX_LEN);
		sha256_update(&c, "\n", 1);
		free(base);
	}
	sha256_final_hex(&c, out);
	return 0;
}

static int run_patch(const char *patch, const char *tree)
{
	char *abs = path_abs(patch);
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		/* patch's chatter goes to stderr: stdout belongs to the caller. */
		if (chdir(tree) || dup2(STDERR_FILENO, STDOUT_FILENO) < 0)
			_exit(127);
		/* --fuzz=0: a patch applies exactly where it was made or not at all. */
		execlp("patch", "patch", "-p1", "-N", "--batch", "--silent", "--fuzz=0", "-i", abs,
		       (char *)NULL);
		_exit(127);
	}
	free(abs);
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

int patches_apply(const struct patch_list *pl, const char *tree)
{
	size_t i;

	for (i = 0; i < pl->n; i++) {
		char *base = path_basename(pl->paths[i]);
		int r;

		log_step("PATCH", "%s", base);
		r = run_patch(pl->paths[i], tree);
		free(base);
		if (r) {
			log_err(
			    "%s: patch failed (status %d%s); refresh it for this source version",
			    pl->paths[i], r, r == 127 ? ", is 'patch' installed?" : "");
			return -1;
		}
	}
	return 0;
}

void patches_free(struct patch_list *pl)
{
	size_t i;

	for (i = 0; i < pl->n; i++)
		free(pl->paths[i]);
	free(pl->paths);
	memset(pl, 0, sizeof(*pl));
}
