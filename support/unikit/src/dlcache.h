/* The download cache: a folder of verified archives keyed by file name. */
#ifndef UNIKIT_DLCACHE_H
#define UNIKIT_DLCACHE_H

/* --dl-dir, else $UNIKIT_DL_DIR, else $XDG_CACHE_HOME/unikit/downloads, else
 * $HOME/.cache/unikit/downloads. Created if missing; absolute. NULL after logging. */
char *dlcache_dir(const char *opt);
/* Takes the per-file lock (dir/.<name>.lock), waiting for any other unikit fetching it.
 * Returns the lock's fd or -1 after logging. */
int dlcache_lock(const char *dir, const char *name);
void dlcache_unlock(int fd);
/* Removes dir/.<name>.part* left by a fetch that died; call it holding the file's lock. */
void dlcache_drop_partials(const char *dir, const char *name);
/* 1 if dir/name exists with SHA-256 `want`. A file with another hash is deleted (with a
 * warning) so it gets fetched again. */
int dlcache_has(const char *dir, const char *name, const char *want);

#endif
