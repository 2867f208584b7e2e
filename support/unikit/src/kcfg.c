#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <kconfig/lkc.h>

#include "editdist.h"
#include "kcfg.h"
#include "kline.h"
#include "log.h"
#include "path.h"
#include "must.h"

static void quiet(const char *fmt, va_list ap)
{
	(void)fmt;
	(void)ap;
}

static int read_values(const char *config, const char *prefix, struct kcfg_values *v)
{
	char *text, *line, *save = NULL;
	int r = read_file(config, &text, NULL);

	memset(v, 0, sizeof(*v));
	if (r) {
		log_err("%s: cannot read: %s", config, strerror(-r));
		return -1;
	}
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		struct kline k;

		if (kline_parse(line, prefix, &k) == KLINE_SET || k.kind == KLINE_UNSET) {
			v->names = must_realloc(v->names, (v->n + 1) * sizeof(*v->names));
			v->values = must_realloc(v->values, (v->n + 1) * sizeof(*v->values));
			v->names[v->n] = k.name;
			v->values[v->n++] = k.value;
		} else {
			kline_free(&k);
		}
	}
	free(text);
	return 0;
}

int kcfg_load(const char *kconfig, const char *config, const char *prefix, struct kcfg_values *vals)
{
	/* conf_parse exits when it cannot open the file: say it our way first. */
	if (access(kconfig, R_OK)) {
		log_err("%s: cannot read: %s", kconfig, strerror(errno));
		return -1;
	}
	if (read_values(config, prefix, vals))
		return -1;
	conf_set_message_callback(quiet);
	conf_parse(kconfig);
	if (conf_read(config)) {
		log_err("%s: libkconfig-parser could not load it", config);
		return -1;
	}
	return 0;
}

const char *kcfg_value(const struct kcfg_values *v, const char *name)
{
	size_t i;

	for (i = v->n; i-- > 0;) /* the last line wins, as in conf_read */
		if (!strcmp(v->names[i], name))
			return v->values[i];
	return NULL;
}

void kcfg_values_free(struct kcfg_values *v)
{
	size_t i;

	for (i = 0; i < v->n; i++) {
		free(v->names[i]);
		free(v->values[i]);
	}
	free(v->names);
	free(v->values);
	memset(v, 0, sizeof(*v));
}

struct symbol *kcfg_find(const char *name)
{
	struct symbol *sym = sym_find(name);

	return sym && sym->type != S_UNKNOWN && sym->type != S_OTHER ? sym : NULL;
}

const char *kcfg_suggest(const char *name)
{
	size_t cap = strlen(name) / 3 > 2 ? strlen(name) / 3 : 2, best_d = cap + 1;
	const char *best = NULL;
	struct symbol *sym;
	int i;

	for_all_symbols(i, sym)
	{
		size_t d;

		if (!sym->name || sym->type == S_UNKNOWN || (sym->flags & SYMBOL_CONST))
			continue;
		d = edit_distance(name, sym->name, cap);
		if (d < best_d || (d == best_d && best && strcmp(sym->name, best) < 0)) {
			best_d = d;
			best = sym->name;
		}
	}
	return best;
}

char *kcfg_expr_str(struct expr *e)
{
	struct gstr s = str_new();
	char *out;

	expr_gstr_print(e, &s);
	out = must_strdup(str_get(&s));
	str_free(&s);
	return out;
}

static int is_real(struct symbol *sym)
{
	return sym && sym->name && !(sym->flags & SYMBOL_CONST);
}

static void add_culprit(FILE *f, struct symbol *sym, const char *prefix)
{
	char *v;

	if (!is_real(sym))
		return;
	v = kcfg_sym_value(sym);
	fprintf(f, "%s%s%s=%s", ftell(f) ? ", " : "", prefix, sym->name, v);
	free(v);
}

static void culprits(FILE *f, struct expr *e, int want_true, const char *prefix)
{
	if (!e)
		return;
	switch (e->type) {
	case E_SYMBOL:
		sym_calc_value(e->left.sym);
		if (want_true == (sym_get_tristate_value(e->left.sym) == no))
			add_culprit(f, e->left.sym, prefix);
		break;
	case E_NOT:
		culprits(f, e->left.expr, !want_true, prefix);
		break;
	case E_AND:
	case E_OR:
		/* Only the operands that pull the wrong way are to blame. */
		if ((expr_calc_value(e->left.expr) == no) == want_true)
			culprits(f, e->left.expr, want_true, prefix);
		if ((expr_calc_value(e->right.expr) == no) == want_true)
			culprits(f, e->right.expr, want_true, prefix);
		break;
	default: /* comparisons: both sides matter */
		add_culprit(f, e->left.sym, prefix);
		add_culprit(f, e->right.sym, prefix);
		break;
	}
}

char *kcfg_culprits(struct expr *e, int want_true, const char *prefix)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f) {
		log_err("out of memory");
		exit(UNIKIT_EXIT_FAIL);
	}
	culprits(f, e, want_true, prefix);
	fclose(f);
	return buf;
}

char *kcfg_sym_value(struct symbol *sym)
{
	sym_calc_value(sym);
	switch (sym_get_type(sym)) {
	case S_BOOLEAN:
	case S_TRISTATE:
		return must_strdup(sym_get_tristate_value(sym) == yes   ? "y"
		                   : sym_get_tristate_value(sym) == mod ? "m"
		                                                        : "n");
	case S_STRING:
		return must_asprintf("\"%s\"", sym_get_string_value(sym));
	default:
		return must_strdup(sym_get_string_value(sym));
	}
}
