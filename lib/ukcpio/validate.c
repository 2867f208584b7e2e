/* SPDX-License-Identifier: BSD-3-Clause */
/* The whole-archive check that runs before anything is extracted */
#include <errno.h>
#include <string.h>
#include <uk/cpio.h>
#include <uk/print.h>
#include "cpio_impl.h"

/* "..": a member must never land outside the destination */
int ukcpio_name_safe(const char *name)
{
	const char *p = name;
	int parts = 0;

	while (*p) {
		const char *s;

		while (*p == '/')
			p++;
		s = p;
		while (*p && *p != '/')
			p++;
		if (p - s == 2 && s[0] == '.' && s[1] == '.')
			return 0;
		if (p > s && !(p - s == 1 && s[0] == '.'))
			parts++;
	}
	/* only "." (the destination itself) may have no component */
	return parts > 0 || !strcmp(name, ".") || !strcmp(name, "./");
}

static const char *what(int rc)
{
	return rc == -EFBIG ? "truncated or oversized member" : "malformed header";
}

int ukcpio_validate(const void *buf, size_t len, size_t *bad_off)
{
	struct ukcpio_entry e;
	size_t pos = 0;
	int rc;

	*bad_off = 0;
	if (len < 6 || memcmp(buf, "07070", 5)) {
		uk_pr_err("cpio: not a newc archive at offset 0\n");
		return -EINVAL;
	}
	while ((rc = ukcpio_next(buf, len, &pos, &e)) == 1) {
		if (!ukcpio_name_safe(e.name)) {
			*bad_off = e.off;
			uk_pr_err("cpio: unsafe name \"%s\" at offset %zu\n", e.name, e.off);
			return -EINVAL;
		}
	}
	if (rc < 0) {
		*bad_off = pos;
		uk_pr_err("cpio: %s at offset %zu (archive of %zu bytes)\n", what(rc), pos, len);
	}
	return rc;
}
