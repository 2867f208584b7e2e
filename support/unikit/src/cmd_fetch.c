/* unikit fetch: find one verified archive for a library, from the cache or the network. */
#include <curl/curl.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmds.h"
#include "dlcache.h"
#include "download.h"
#include "log.h"
#include "origins.h"
#include "path.h"
#include "must.h"

static const char help[] =
    "Usage: unikit fetch --origins FILE [--dl-dir DIR] [--out-link PATH]\n"
    "Finds one archive listed in FILE (lines '<file-name> <sha256> [url ...]') whose\n"
    "SHA-256 matches, and prints its absolute path. Looks in the download cache first\n"
    "(every origin), then for each origin in order: $UNIKIT_PRIMARY_SITE/<file-name>,\n"
    "the origin's URLs, $UNIKIT_BACKUP_SITE/<file-name>.\n"
    "  --dl-dir DIR     download cache (default $UNIKIT_DL_DIR, $XDG_CACHE_HOME/unikit/\n"
    "                   downloads or ~/.cache/unikit/downloads)\n"
    "  --out-link PATH  also make PATH a symlink to the archive\n"
    "Environment: UNIKIT_PRIMARY_SITE, UNIKIT_BACKUP_SITE (space-separated sites),\n"
    "UNIKIT_OFFLINE=1 (cache only), UNIKIT_FETCH_TIMEOUT (seconds, default 30),\n"
    "UNIKIT_FETCH_RETRIES (default 2).\n"
    "Exit status: 0 success, 1 failure, 2 usage error.\n";

struct fetch_args {
	const char *origins, *dl_dir, *out_link;
};

struct fetch_env {
	struct download_cfg dl;
	int offline;
	const char *primary, *backup;
};

/* Every source tried, for the final report. */
struct tried {
	char **lines;
	size_t n;
};

static int parse_args(int argc, char **argv, struct fetch_args *a)
{
	static const struct option opts[] = {
	    {"origins", required_argument, NULL, 'o'},
	    {"dl-dir", required_argument, NULL, 'd'},
	    {"out-link", required_argument, NULL, 'l'},
	    {"help", no_argument, NULL, 'h'},
	    {0},
	};
	int c;

	while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			a->origins = optarg;
			break;
		case 'd':
			a->dl_dir = optarg;
			break;
		case 'l':
			a->out_link = optarg;
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
	if (!a->origins)
		return log_usage_err("--origins is required");
	return 0;
}

static int env_long(const char *name, long def, long min, long max, long *out)
{
	const char *v = getenv(name);
	char *end;

	*out = def;
	if (!v || !*v)
		return 0;
	errno = 0;
	*out = strtol(v, &end, 10);
	if (*end || errno || *out < min || *out > max)
		return log_usage_err("%s='%s' is not a whole number from %ld to %ld", name, v, min,
		                     max);
	return 0;
}

static int read_env(struct fetch_env *e)
{
	long timeout, retries;
	const char *off = getenv("UNIKIT_OFFLINE");

	if (env_long("UNIKIT_FETCH_TIMEOUT", 30, 1, 3600, &timeout) ||
	    env_long("UNIKIT_FETCH_RETRIES", 2, 0, 10, &retries))
		return UNIKIT_EXIT_USAGE;
	e->dl.timeout_s = timeout;
	e->dl.retries = (int)retries;
	e->dl.tty = isatty(STDERR_FILENO);
	e->offline = off && *off && strcmp(off, "0");
	e->primary = getenv("UNIKIT_PRIMARY_SITE");
	e->backup = getenv("UNIKIT_BACKUP_SITE");
	return 0;
}

static int try_url(const struct fetch_env *e, const char *url, const char *dir,
                   const struct origin *o, struct tried *t)
{
	char err[512];

	if (!download_verified(&e->dl, url, dir, o->name, o->hash, err, sizeof(err)))
		return 1;
	log_warn("%s: %s", url, err);
	t->lines = must_realloc(t->lines, (t->n + 1) * sizeof(*t->lines));
	t->lines[t->n++] = must_asprintf("%s: %s", url, err);
	return 0;
}

/* Tries "<site>/<file-name>" for every site in a space-separated list. */
static int try_sites(const struct fetch_env *e, const char *sites, const char *dir,
                     const struct origin *o, struct tried *t)
{
	char *list = must_strdup(sites ? sites : ""), *save = NULL, *site;
	int found = 0;

	for (site = strtok_r(list, " \t\n", &save); site && !found;
	     site = strtok_r(NULL, " \t\n", &save)) {
		size_t n = strlen(site);
		char *url;

		while (n > 1 && site[n - 1] == '/')
			site[--n] = '\0';
		url = must_asprintf("%s/%s", site, o->name);
		found = try_url(e, url, dir, o, t);
		free(url);
	}
	free(list);
	return found;
}

static int try_network(const struct fetch_env *e, const char *dir, const struct origin *o,
                       struct tried *t)
{
	size_t i;

	if (try_sites(e, e->primary, dir, o, t))
		return 1;
	for (i = 0; i < o->nurls; i++)
		if (try_url(e, o->urls[i], dir, o, t))
			return 1;
	return try_sites(e, e->backup, dir, o, t);
}

/* Under the file's lock: the cache first (another build may just have fetched it). */
static int find_origin(const struct fetch_env *e, const char *dir, const struct origin *o,
                       int network, struct tried *t)
{
	int fd = dlcache_lock(dir, o->name), found;

	if (fd < 0)
		return -1;
	dlcache_drop_partials(dir, o->name);
	found = dlcache_has(dir, o->name, o->hash);
	if (!found && network)
		found = try_network(e, dir, o, t);
	dlcache_unlock(fd);
	return found;
}

static int make_link(const char *link, const char *target)
{
	char *dir = path_dirname(link), *tmp = must_asprintf("%s.tmp%ld", link, (long)getpid());
	int r = mkdir_p(dir, 0755);

	unlink(tmp);
	if (!r && (symlink(target, tmp) || rename(tmp, link)))
		r = -errno;
	if (r) {
		log_err("%s: cannot make the link: %s", link, strerror(-r));
		unlink(tmp);
	}
	free(dir);
	free(tmp);
	return r ? -1 : 0;
}

static void report_failure(const struct origins *os, const char *dir, const struct tried *t,
                           int offline)
{
	size_t i;

	if (offline)
		log_err("%s: UNIKIT_OFFLINE is set and no origin is in the cache", os->file);
	else
		log_err("%s: no source gave an archive with a listed SHA-256; tried:", os->file);
	for (i = 0; i < t->n; i++)
		fprintf(stderr, "  %s\n", t->lines[i]);
	if (!offline && !t->n)
		fprintf(stderr, "  nothing: no origin has a URL and no site is set\n");
	fprintf(stderr, "To fix: %sput one of these files into %s:\n",
	        offline ? "" : "set UNIKIT_PRIMARY_SITE to a mirror that has one of them, or ",
	        dir);
	for (i = 0; i < os->n; i++)
		fprintf(stderr, "  %s  sha256 %s  (%s:%d)\n", os->v[i].name, os->v[i].hash,
		        os->file, os->v[i].line);
}

static int fetch(const struct fetch_args *a, const struct fetch_env *e, const char *dir,
                 const struct origins *os)
{
	struct tried t = {0};
	size_t i, hit = os->n;
	int pass, r = 0;

	/* Pass 0: any cached origin beats any download. Pass 1: the network, in file order. */
	for (pass = 0; pass < (e->offline ? 1 : 2) && hit == os->n && r >= 0; pass++)
		for (i = 0; i < os->n && hit == os->n && r >= 0; i++)
			if ((r = find_origin(e, dir, &os->v[i], pass, &t)) > 0)
				hit = i;
	if (hit < os->n) {
		char *path = path_join(dir, os->v[hit].name);

		r = a->out_link ? make_link(a->out_link, path) : 0;
		if (!r)
			printf("%s\n", path);
		free(path);
	} else if (r >= 0) {
		report_failure(os, dir, &t, e->offline);
		r = -1;
	}
	for (i = 0; i < t.n; i++)
		free(t.lines[i]);
	free(t.lines);
	return r < 0 ? UNIKIT_EXIT_FAIL : UNIKIT_EXIT_OK;
}

int cmd_fetch(int argc, char **argv)
{
	struct fetch_args a = {0};
	struct fetch_env e;
	struct origins os;
	char *dir;
	int r = parse_args(argc, argv, &a);

	if (r) /* -1: --help was printed */
		return r < 0 ? UNIKIT_EXIT_OK : UNIKIT_EXIT_USAGE;
	if (read_env(&e))
		return UNIKIT_EXIT_USAGE;
	if (origins_parse(a.origins, &os)) {
		origins_free(&os);
		return UNIKIT_EXIT_FAIL;
	}
	dir = dlcache_dir(a.dl_dir);
	r = UNIKIT_EXIT_FAIL;
	if (dir && curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK) {
		r = fetch(&a, &e, dir, &os);
		curl_global_cleanup();
	}
	free(dir);
	origins_free(&os);
	return r;
}
