/* A folder's contents as one sorted list, the shape mkcpio writes. */
#ifndef UNIKIT_TREE_H
#define UNIKIT_TREE_H

#include <stddef.h>
#include <sys/stat.h>

struct tree_entry {
	char *rel; /* "." for the root, else "./a/b" */
	char *src; /* path to read it from */
	struct stat st;
};

struct tree {
	struct tree_entry *v;
	size_t n, cap;
};

/* Collects root and everything below it, sorted bytewise by rel (so parents come before their
 * children). Skips files named .gitkeep. Refuses sockets, fifos and devices. 0 or -1 (logged). */
int tree_scan(const char *root, struct tree *t);
void tree_free(struct tree *t);

#endif
