/* libs/<lib>/origins.uk: the acceptable archives of one external library.
 *
 *   # comment (say where each hash came from)
 *   <file-name> <sha256> [url ...]
 *
 * Every line is one acceptable archive. An origin with no URL can only come from the download
 * cache or a mirror site. */
#ifndef UNIKIT_ORIGINS_H
#define UNIKIT_ORIGINS_H

#include <stddef.h>

#include "sha256.h"

struct origin {
	char *name; /* file name in the cache and on mirror sites */
	char hash[SHA256_HEX_LEN + 1];
	char **urls;
	size_t nurls;
	int line;
};

struct origins {
	char *file;
	struct origin *v;
	size_t n;
};

/* 0, or -1 after logging "<file>:<line>: <what>; <what to do>". */
int origins_parse(const char *file, struct origins *o);
int origins_parse_text(const char *file, const char *text, struct origins *o);
void origins_free(struct origins *o);

#endif
