/* A library's patches: `*.patch` in one folder, applied in bytewise name order. */
#ifndef UNIKIT_PATCHES_H
#define UNIKIT_PATCHES_H

#include <stddef.h>

#include "sha256.h"

struct patch_list {
	char **paths; /* full paths, sorted by file name */
	size_t n;
};

/* Lists dir/\*.patch. A missing folder means no patches. 0 or -1 (logged). */
int patches_list(const char *dir, struct patch_list *pl);
/* One hash over every patch's name and content, for the extract stamp. 0 or -1 (logged). */
int patches_hash(const struct patch_list *pl, char out[SHA256_HEX_LEN + 1]);
/* Applies each patch with `patch -p1 -N` inside tree; stops at the first failure, naming it. */
int patches_apply(const struct patch_list *pl, const char *tree);
void patches_free(struct patch_list *pl);

#endif
