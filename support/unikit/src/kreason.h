/* Why a defconfig assignment did not make it into .config. */
#ifndef UNIKIT_KREASON_H
#define UNIKIT_KREASON_H

#include <stddef.h>

struct kdef {
	int line;
	char *name;  /* without prefix */
	char *value; /* as written; "n" for "# ... is not set" */
};

/* 1 if the .config value (NULL: absent) means the same as the defconfig's for `name`. */
int kreason_same(const char *name, const char *def, const char *cfg);
/* A one-line reason for defs[i] not being applied (malloc'd). `defs` is the whole defconfig,
 * so later lines that override it can be named. */
char *kreason_explain(const struct kdef *defs, size_t n, size_t i, const char *prefix);

#endif
