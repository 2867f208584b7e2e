/* SPDX-License-Identifier: BSD-3-Clause */
/* The environment: lib/ukboot points environ at main()'s envp */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char **environ;

char *getenv(const char *name)
{
	size_t len = strlen(name);
	char **e;

	if (!environ || !len || strchr(name, '='))
		return NULL;
	for (e = environ; *e; e++)
		if (!strncmp(*e, name, len) && (*e)[len] == '=')
			return *e + len + 1;
	return NULL;
}
