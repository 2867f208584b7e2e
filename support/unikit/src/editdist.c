#include <stdlib.h>
#include <string.h>

#include "editdist.h"
#include "must.h"

static size_t min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;

	return m < c ? m : c;
}

size_t edit_distance(const char *a, const char *b, size_t cap)
{
	size_t la = strlen(a), lb = strlen(b), i, j, d;
	size_t *prev, *cur;

	if ((la > lb ? la - lb : lb - la) > cap)
		return cap + 1;
	prev = must_malloc((lb + 1) * sizeof(*prev));
	cur = must_malloc((lb + 1) * sizeof(*cur));
	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		size_t row_min;

		cur[0] = row_min = i;
		for (j = 1; j <= lb; j++) {
			cur[j] =
			    min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]));
			if (cur[j] < row_min)
				row_min = cur[j];
		}
		memcpy(prev, cur, (lb + 1) * sizeof(*prev));
		if (row_min > cap)
			break; /* every later row is at least this far */
	}
	d = i > la ? prev[lb] : cap + 1;
	free(prev);
	free(cur);
	return d > cap ? cap + 1 : d;
}
