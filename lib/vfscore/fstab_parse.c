/* SPDX-License-Identifier: BSD-3-Clause */
/* vfs.fstab entries: "dev:mountpoint:driver[:flags[:opts[:ukopts]]]" */
#include <errno.h>
#include <string.h>
#include "automount.h"

int vfs_fstab_parse(char *s, struct vfs_fstab_entry *e)
{
	char **fields[6] = {&e->dev, &e->mp, &e->driver, &e->flags, &e->opts, &e->ukopts};
	int n = 0;

	for (int i = 0; i < 6; i++)
		*fields[i] = (char *)"";
	while (n < 6) {
		char *colon = strchr(s, ':');

		*fields[n++] = s;
		if (!colon)
			break;
		*colon = '\0';
		s = colon + 1;
		if (n == 6)
			return -EINVAL; /* a seventh field */
	}
	if (n < 3 || !e->mp[0] || !e->driver[0] || e->mp[0] != '/')
		return -EINVAL;
	return 0;
}
