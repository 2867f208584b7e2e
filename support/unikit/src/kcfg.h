/* The parsed Kconfig tree (libkconfig-parser) with a .config loaded into it. */
#ifndef UNIKIT_KCFG_H
#define UNIKIT_KCFG_H

#include <stddef.h>

struct symbol;
struct expr;

/* The .config as written: NAME -> value ("n" for "is not set"). */
struct kcfg_values {
	char **names, **values;
	size_t n;
};

/* Parses the Kconfig tree (exits with file:line on syntax errors: the library's way), then
 * loads `config` into it. 0 or -1 (logged). */
int kcfg_load(const char *kconfig, const char *config, const char *prefix,
              struct kcfg_values *vals);
/* The .config's value for NAME, or NULL if the file does not mention it. */
const char *kcfg_value(const struct kcfg_values *v, const char *name);
void kcfg_values_free(struct kcfg_values *v);

/* A defined symbol (known type), or NULL. */
struct symbol *kcfg_find(const char *name);
/* The defined symbol closest to `name` by edit distance, or NULL if none is close. */
const char *kcfg_suggest(const char *name);
/* "NET && !TINY" (malloc'd). */
char *kcfg_expr_str(struct expr *e);
/* The symbols that make `e` come out no (want_true) or not-no (!want_true), as
 * "CONFIG_A=n, CONFIG_B=y" (malloc'd, "" if none). */
char *kcfg_culprits(struct expr *e, int want_true, const char *prefix);
/* The symbol's current value as .config would write it: "y", "n", "16", "\"x\"". */
char *kcfg_sym_value(struct symbol *sym);

#endif
