#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kconfig/lkc.h>

#include "kcfg.h"
#include "kreason.h"
#include "must.h"

static int parse_num(const char *s, int hex, long long *out)
{
	char *end;

	if (!s || !*s)
		return -1;
	errno = 0;
	if (hex && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	*out = hex ? (long long)strtoull(s, &end, 16) : strtoll(s, &end, 10);
	return *end || errno ? -1 : 0;
}

int kreason_same(const char *name, const char *def, const char *cfg)
{
	struct symbol *sym = kcfg_find(name);
	long long a, b;

	if (!sym)
		return 0;
	switch (sym_get_type(sym)) {
	case S_BOOLEAN:
	case S_TRISTATE:
		return !strcmp(def, cfg ? cfg : "n");
	case S_INT:
	case S_HEX:
		return !parse_num(def, sym->type == S_HEX, &a) &&
		       !parse_num(cfg, sym->type == S_HEX, &b) && a == b;
	default:
		return cfg && !strcmp(def, cfg);
	}
}

/* NULL if `v` is a valid value for the symbol's type, else what is wrong. */
static char *bad_value(struct symbol *sym, const char *v)
{
	size_t len = strlen(v);

	switch (sym_get_type(sym)) {
	case S_BOOLEAN:
		return strcmp(v, "y") && strcmp(v, "n") ? must_strdup("a bool takes y or n") : NULL;
	case S_TRISTATE:
		return strcmp(v, "y") && strcmp(v, "m") && strcmp(v, "n")
		           ? must_strdup("a tristate takes y, m or n")
		           : NULL;
	case S_INT:
		return sym_string_valid(sym, v) ? NULL : must_strdup("not a decimal integer");
	case S_HEX:
		return sym_string_valid(sym, v) ? NULL : must_strdup("not a hex number");
	case S_STRING:
		return len < 2 || v[0] != '"' || v[len - 1] != '"'
		           ? must_strdup("a string must be in double quotes")
		           : NULL;
	default:
		return NULL;
	}
}

static char *out_of_range(struct symbol *sym, const char *v)
{
	struct property *p;

	if (sym->type != S_INT && sym->type != S_HEX)
		return NULL;
	if (sym_string_within_range(sym, v))
		return NULL;
	for_all_properties(sym, p, P_RANGE)
	{
		if (expr_calc_value(p->visible.expr) != no)
			return must_asprintf("out of range [%s..%s]", p->expr->left.sym->name,
			                     p->expr->right.sym->name);
	}
	return must_strdup("out of range");
}

static int later_line(const struct kdef *d, size_t n, size_t i)
{
	size_t j;

	for (j = n; j-- > i + 1;)
		if (!strcmp(d[j].name, d[i].name))
			return d[j].line;
	return 0;
}

static tristate wanted(const char *v)
{
	return !strcmp(v, "y") ? yes : !strcmp(v, "m") ? mod : no;
}

static char *unmet(struct expr *dep, const char *prefix)
{
	char *e = kcfg_expr_str(dep), *who = kcfg_culprits(dep, 1, prefix), *r;

	r = must_asprintf("unmet dependency: depends on %s%s%s%s", e, *who ? " (" : "", who,
	                  *who ? ")" : "");
	free(e);
	free(who);
	return r;
}

static struct property *prompt_of(struct symbol *sym)
{
	struct property *p;

	for_all_properties(sym, p, P_PROMPT) return p;
	return NULL;
}

static char *selected_by(struct symbol *sym, const char *prefix)
{
	char *who = kcfg_culprits(sym->rev_dep.expr, 0, prefix), *r;

	r = must_asprintf("selected by %s", *who ? who : "another symbol");
	free(who);
	return r;
}

static char *choice_reason(const struct kdef *d, size_t n, size_t i, struct symbol *sym,
                           const char *prefix)
{
	struct symbol *cs = prop_get_symbol(sym_get_choice_prop(sym)), *chosen;
	size_t j;

	sym_calc_value(cs);
	chosen = sym_get_choice_value(cs);
	if (!chosen || chosen == sym)
		return must_strdup(
		    "a choice needs one member set: set another member to y instead");
	for (j = i + 1; j < n; j++)
		if (!strcmp(d[j].name, chosen->name) && !strcmp(d[j].value, "y"))
			return must_asprintf("the choice took %s%s=y from line %d instead", prefix,
			                     chosen->name, d[j].line);
	return must_asprintf("the choice took %s%s instead (one member only)", prefix,
	                     chosen->name);
}

/* Bool/tristate: the value is raised by select, or capped by dependencies and visibility. */
static char *tristate_reason(const struct kdef *d, size_t n, size_t i, struct symbol *sym,
                             const char *prefix)
{
	tristate want = wanted(d[i].value);
	struct property *p = prompt_of(sym);

	if (want < sym->rev_dep.tri)
		return selected_by(sym, prefix);
	if (want > no && sym->dir_dep.expr && expr_calc_value(sym->dir_dep.expr) < want)
		return unmet(sym->dir_dep.expr, prefix);
	if (!p)
		return must_strdup("it has no prompt: only its default or a select sets it");
	if (want > no && expr_calc_value(p->visible.expr) < want)
		return unmet(p->visible.expr, prefix);
	if (sym_is_choice_value(sym))
		return choice_reason(d, n, i, sym, prefix);
	return NULL;
}

static char *value_reason(struct symbol *sym, const char *prefix)
{
	struct property *p = prompt_of(sym);

	if (sym->dir_dep.expr && expr_calc_value(sym->dir_dep.expr) == no)
		return unmet(sym->dir_dep.expr, prefix);
	if (!p)
		return must_strdup("it has no prompt: only its default sets it");
	if (expr_calc_value(p->visible.expr) == no)
		return unmet(p->visible.expr, prefix);
	return NULL;
}

char *kreason_explain(const struct kdef *d, size_t n, size_t i, const char *prefix)
{
	struct symbol *sym = kcfg_find(d[i].name);
	char *r, *cur;
	int later;

	if (!sym) {
		const char *near = kcfg_suggest(d[i].name);

		return near ? must_asprintf("unknown symbol (did you mean %s%s?)", prefix, near)
		            : must_strdup("unknown symbol");
	}
	r = bad_value(sym, d[i].value);
	if (r) {
		char *t = must_asprintf("invalid value for %s: %s", sym_type_name(sym->type), r);

		free(r);
		return t;
	}
	later = later_line(d, n, i);
	if (later)
		return must_asprintf("overridden by line %d of the same file", later);
	r = out_of_range(sym, d[i].value);
	if (!r)
		r = sym->type == S_BOOLEAN || sym->type == S_TRISTATE
		        ? tristate_reason(d, n, i, sym, prefix)
		        : value_reason(sym, prefix);
	if (r)
		return r;
	cur = kcfg_sym_value(sym);
	r = must_asprintf(
	    "the configuration resolved it to %s; is .config older than the defconfig?", cur);
	free(cur);
	return r;
}
