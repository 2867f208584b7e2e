/* Levenshtein distance, for "did you mean" suggestions. */
#ifndef UNIKIT_EDITDIST_H
#define UNIKIT_EDITDIST_H

#include <stddef.h>

/* Insertions, deletions and substitutions turning a into b; stops counting past `cap`
 * (returns cap + 1) so scanning many names stays cheap. */
size_t edit_distance(const char *a, const char *b, size_t cap);

#endif
