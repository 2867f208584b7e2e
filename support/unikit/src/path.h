/* Path and file-system helpers. Functions returning int give 0 or a negative errno. */
#ifndef UNIKIT_PATH_H
#define UNIKIT_PATH_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

char *path_join(const char *dir, const char *name);
/* The folder part of p ("." if none); always a new string. */
char *path_dirname(const char *p);
/* The last component of p; a new string. */
char *path_basename(const char *p);
/* Absolute form of p without touching the file itself (its folder must exist). */
char *path_abs(const char *p);

int mkdir_p(const char *path, mode_t mode);
/* Removes a tree without following symlinks. A missing path is not an error. */
int rm_rf(const char *path);
int fsync_dir(const char *dir);
/* Writes a whole file through a temp file + fsync + rename, so readers never see half of it. */
int write_file_atomic(const char *path, const void *buf, size_t len);
/* Reads a whole (small) file into a NUL-terminated string; *out is NULL on error. */
int read_file(const char *path, char **out, size_t *len);

/* A relative path with no "..", no empty name and not absolute. */
bool relpath_is_safe(const char *p);
/* Lexically: would symlink `target`, stored at relative path `linkpath`, stay inside the root? */
bool symlink_target_is_inside(const char *linkpath, const char *target);
/* Drops leading "./" and then the first n components; NULL if nothing is left (the entry is
 * skipped). The caller rejects absolute paths first. */
const char *path_strip(const char *p, unsigned int n);

#endif
