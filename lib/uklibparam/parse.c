/* SPDX-License-Identifier: BSD-3-Clause */
/* The command line: library parameters before `--`, the application's argv after */
#include <errno.h>
#include <stdint.h>
#include <uk/libparam.h>

/* Where a parameter's array of words sits in the token list */
struct span {
	int first, last; /* tokens consumed: [first, last] */
	int nvals;       /* values, compacted into toks[first .. first+nvals) */
};

static size_t slen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

/* Is the character at index i of the token as typed (not quoted/escaped)? */
static int is_raw(const struct uk_libparam_tok *t, int i)
{
	return t->qstart < 0 || i < t->qstart || i >= t->qend;
}

static int is_separator(const struct uk_libparam_tok *t)
{
	return t->qstart < 0 && t->s[0] == '-' && t->s[1] == '-' && t->s[2] == '\0';
}

static void report(const struct uk_libparam_parser *p, int fatal, const char *what,
                   const char *detail)
{
	if (p->report)
		p->report(p->report_arg, fatal, what, detail);
}

/* Does `key` (length klen, "prefix.name") name descriptor d? */
static int key_matches(const struct uk_libparam_desc *d, const char *key, size_t klen)
{
	const char *pfx = uk_libparam_prefix(d);
	size_t plen = slen(pfx), nlen = slen(d->name), i;

	if (plen + 1 + nlen != klen || key[plen] != '.')
		return 0;
	for (i = 0; i < plen; i++)
		if (key[i] != pfx[i])
			return 0;
	for (i = 0; i < nlen; i++)
		if (key[plen + 1 + i] != d->name[i])
			return 0;
	return 1;
}

static const struct uk_libparam_desc *find_desc(const struct uk_libparam_parser *p, const char *key,
                                                size_t klen)
{
	size_t i;

	for (i = 0; i < p->ndescs; i++)
		if (key_matches(&p->descs[i], key, klen))
			return &p->descs[i];
	return NULL;
}

/* Strips a trailing unquoted ']' from token t; returns 1 if there was one */
static int strip_close(struct uk_libparam_tok *t, char *text)
{
	size_t len = slen(text);
	int idx = (int)(text - t->s + (long)len) - 1;

	if (len == 0 || text[len - 1] != ']' || !is_raw(t, idx))
		return 0;
	text[len - 1] = '\0';
	return 1;
}

/*
 * Collects the values of `key=[ v0 v1 ]` starting at token i whose value
 * text (after '[') is `first`; stops before token `sep`. Returns 0, or
 * -EINVAL when the closing bracket is missing (all tokens consumed).
 */
static int collect_array(struct uk_libparam_tok *toks, int i, char *first, int sep, struct span *sp)
{
	int k = i, closed = strip_close(&toks[i], first);

	sp->first = i;
	sp->nvals = 0;
	if (first[0])
		toks[i + sp->nvals++].s = first;
	while (!closed && k + 1 < sep) {
		struct uk_libparam_tok *t = &toks[++k];

		closed = strip_close(t, t->s);
		if (t->s[0])
			toks[i + sp->nvals++].s = t->s;
	}
	sp->last = k;
	return closed ? 0 : -EINVAL;
}

static size_t type_size(enum uk_libparam_type t)
{
	switch (t) {
	case UK_LIBPARAM_BOOL:
		return sizeof(_Bool);
	case UK_LIBPARAM_S8:
	case UK_LIBPARAM_U8:
		return 1;
	case UK_LIBPARAM_S16:
	case UK_LIBPARAM_U16:
		return 2;
	case UK_LIBPARAM_S32:
	case UK_LIBPARAM_U32:
		return 4;
	case UK_LIBPARAM_CHARP:
		return sizeof(char *);
	default:
		return 8;
	}
}

/* Validates every value first so that a bad one leaves the variable untouched */
static int set_values(const struct uk_libparam_parser *p, const struct uk_libparam_desc *d,
                      struct uk_libparam_tok *vals, int n, const char *key)
{
	uint64_t scratch;
	int i;

	if ((unsigned int)n > d->capacity) {
		report(p, 0, "Too many values for array parameter", key);
		return -E2BIG;
	}
	for (i = 0; i < n; i++) {
		if (uk_libparam_value(d->type, vals[i].s, &scratch)) {
			report(p, 0, "Invalid or out-of-range value for parameter", key);
			return -EINVAL;
		}
	}
	for (i = 0; i < n; i++)
		uk_libparam_value(d->type, vals[i].s,
		                  (char *)d->addr + (size_t)i * type_size(d->type));
	if (d->count)
		*d->count = (unsigned int)n;
	return 0;
}

/* Handles the parameter at token i; returns the index of the next token */
static int do_param(const struct uk_libparam_parser *p, int i, int sep)
{
	char *key = p->toks[i].s, *eq = key, *dot = NULL;
	const struct uk_libparam_desc *d;
	struct span sp = {i, i, 1};
	int is_arr;

	while (*eq && *eq != '=') {
		if (*eq == '.' && !dot)
			dot = eq;
		eq++;
	}
	if (*eq != '=' || !dot || dot == key || dot + 1 == eq) {
		report(p, 0, "Ignoring a word before '--' that is not prefix.name=value", key);
		return i + 1;
	}
	is_arr = eq[1] == '[' && is_raw(&p->toks[i], (int)(eq + 1 - key));
	if (is_arr && collect_array(p->toks, i, eq + 2, sep, &sp)) {
		*eq = '\0';
		report(p, 0, "Missing ']' after the values of parameter", key);
		return sp.last + 1;
	}
	if (!is_arr)
		p->toks[i].s = eq + 1;
	*eq = '\0'; /* key is now just "prefix.name"; values were moved out */
	d = find_desc(p, key, (size_t)(eq - key));
	if (!d)
		report(p, 0, "Ignoring unknown parameter", key);
	else if (is_arr && !d->count)
		report(p, 0, "Ignoring array value for scalar parameter", key);
	else
		set_values(p, d, &p->toks[i], sp.nvals, key);
	return sp.last + 1;
}

static int fatal(const struct uk_libparam_parser *p, int err, const char *what, const char *at)
{
	report(p, 1, what, at);
	return err;
}

static int tokenize(const struct uk_libparam_parser *p, char *line)
{
	const char *at = line;
	size_t len = 0;
	int n;

	while (len <= UK_LIBPARAM_MAX_LINE && line[len])
		len++;
	if (len > UK_LIBPARAM_MAX_LINE)
		return fatal(p, -E2BIG,
		             "Command line longer than UK_LIBPARAM_MAX_LINE (" UK_LIBPARAM_STR(
		                 UK_LIBPARAM_MAX_LINE) " bytes)",
		             "");
	n = uk_libparam_tokenize(line, p->toks, p->max_toks, &at);
	if (n == -E2BIG)
		return fatal(
		    p, n,
		    "Too many words on the command line (UK_LIBPARAM_MAX_TOKENS = " UK_LIBPARAM_STR(
		        UK_LIBPARAM_MAX_TOKENS) ")",
		    at);
	if (n == -EINVAL && *at == '\\')
		return fatal(p, n, "Trailing backslash on the command line", at);
	if (n == -EINVAL)
		return fatal(p, n, "Unterminated quote on the command line", at);
	return n;
}

/* argv0 alone: what an empty line gives (max_argv is at least 1) */
static int argv0_only(const struct uk_libparam_parser *p, const char *argv0)
{
	p->argv[0] = (char *)(uintptr_t)argv0;
	p->argv[1] = NULL;
	return 1;
}

/* White space as the tokenizer sees it (' ', \t \n \v \f \r), without a branch */
static int plain_space(char c)
{
	return (c == ' ') | ((unsigned char)(c - '\t') < 5);
}

/*
 * The usual non-empty command line: plain words (no quote, backslash or
 * `--` word), so all of them the application's, within the limits. Cut
 * in place here, without the tokenizer's two passes and the parameter
 * machinery. Under TCG every code path run at boot is translated first,
 * so the loops test with bitwise operators instead of branches: a loop
 * body is then one or two blocks (~30 blocks fewer than the general path,
 * ~15 fewer than the same loops with branches). -1 for any other line:
 * the general path takes it, errors included.
 */
static int plain_argv(const struct uk_libparam_parser *p, char *line, const char *argv0)
{
	int words = 0, argc = 1, bad = 0, sp, start, prev = 1;
	char *c;

	for (c = line; *c; c++) {
		sp = plain_space(*c);
		start = (sp ^ 1) & prev;
		words += start;
		bad |= (*c == '"') | (*c == '\'') | (*c == '\\');
		/* c[1] is readable (c[0] is not the end); c[2] only if c[1] is not */
		if (start & (c[0] == '-') && c[1] == '-' && (!c[2] || plain_space(c[2])))
			bad = 1;
		prev = sp;
	}
	if (bad | (c - line > UK_LIBPARAM_MAX_LINE) | (words > p->max_toks) |
	    (words + 1 > p->max_argv))
		return -1;
	p->argv[0] = (char *)(uintptr_t)argv0;
	/* every character's address goes into the next free slot, which only
	 * a word's first one keeps (argc <= words + 1 <= max_argv: the slot
	 * exists, and the NULL below overwrites the last one) */
	prev = 1;
	for (c = line; *c; c++) {
		sp = plain_space(*c);
		p->argv[argc] = c;
		argc += (sp ^ 1) & prev;
		*c = (char)(*c & -(sp ^ 1)); /* white space becomes the word end */
		prev = sp;
	}
	p->argv[argc] = NULL;
	return argc;
}

int uk_libparam_parse(const struct uk_libparam_parser *p, char *line, const char *argv0)
{
	int n, sep, i, argc = 0;

	/* the usual boot has no command line: under TCG code that does not run
	 * is not translated, and skipping the tokenizer saves ~0.1 ms of boot */
	if (!line[0] && p->max_argv >= 1)
		return argv0_only(p, argv0);
	argc = plain_argv(p, line, argv0);
	if (argc >= 0)
		return argc;
	argc = 0;
	n = tokenize(p, line);
	if (n < 0)
		return n;
	for (sep = 0; sep < n && !is_separator(&p->toks[sep]); sep++)
		;
	if (sep < n) {
		for (i = 0; i < sep;)
			i = do_param(p, i, sep);
	} else {
		sep = -1; /* no `--`: every word belongs to the application */
	}
	if (n - sep - 1 + 1 > p->max_argv)
		return fatal(
		    p, -E2BIG,
		    "Too many application arguments (UK_LIBPARAM_MAX_ARGV = " UK_LIBPARAM_STR(
		        UK_LIBPARAM_MAX_ARGV) ")",
		    "");
	p->argv[argc++] = (char *)(uintptr_t)argv0;
	for (i = sep + 1; i < n; i++)
		p->argv[argc++] = p->toks[i].s;
	p->argv[argc] = NULL;
	return argc;
}
