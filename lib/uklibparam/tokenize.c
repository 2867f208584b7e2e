/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Splits the command line into words, shell style, in place. A first pass
 * only validates (nothing written), so on an error the line is intact and
 * the reported position shows what the user typed.
 */
#include <errno.h>
#include <uk/libparam.h>

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

struct tok_state {
	char *r;     /* read position */
	char *w;     /* write position: never ahead of r, so in-place is safe */
	char *start; /* first output character of the current word */
	struct uk_libparam_tok *t;
	int dry; /* validation pass: move the pointers, write nothing */
};

static void copy_char(struct tok_state *st)
{
	if (!st->dry)
		*st->w = *st->r;
	st->w++;
	st->r++;
}

static void mark_quoted(struct tok_state *st)
{
	int at = (int)(st->w - st->start);

	if (st->t->qstart < 0)
		st->t->qstart = at;
	st->t->qend = at + 1;
}

/* Copies a quoted section (r at the opening quote); 0 or -EINVAL */
static int copy_quoted(struct tok_state *st, const char **err_at)
{
	char q = *st->r;
	char *open = st->r++;

	while (*st->r != q) {
		if (*st->r == '\0') {
			*err_at = open;
			return -EINVAL;
		}
		/* inside double quotes a backslash still escapes the next character */
		if (q == '"' && *st->r == '\\') {
			if (st->r[1] == '\0') {
				*err_at = st->r;
				return -EINVAL;
			}
			st->r++;
		}
		mark_quoted(st);
		copy_char(st);
	}
	st->r++;
	/* "" is an empty but existing part of the word */
	if (st->t->qstart < 0)
		st->t->qstart = st->t->qend = (int)(st->w - st->start);
	return 0;
}

/* Copies one word (r at its first character); 0 or -EINVAL */
static int copy_word(struct tok_state *st, const char **err_at)
{
	int ret;

	while (*st->r && !is_space(*st->r)) {
		if (*st->r == '"' || *st->r == '\'') {
			ret = copy_quoted(st, err_at);
			if (ret)
				return ret;
			continue;
		}
		if (*st->r == '\\') {
			if (st->r[1] == '\0') {
				*err_at = st->r;
				return -EINVAL;
			}
			st->r++;
			mark_quoted(st);
		}
		copy_char(st);
	}
	return 0;
}

static int split(char *line, struct uk_libparam_tok *toks, int max, const char **err_at, int dry)
{
	struct tok_state st = {line, line, line, NULL, dry};
	struct uk_libparam_tok scratch;
	int n = 0, ret;

	for (;;) {
		char *end;

		while (is_space(*st.r))
			st.r++;
		if (*st.r == '\0')
			break;
		if (n == max) {
			*err_at = st.r;
			return -E2BIG;
		}
		st.t = dry ? &scratch : &toks[n];
		st.t->qstart = -1;
		st.t->qend = 0;
		st.start = st.w;
		ret = copy_word(&st, err_at);
		if (ret)
			return ret;
		/* terminate the word; r may sit on the NUL itself, so look first */
		end = st.r;
		if (*end)
			st.r++;
		if (!dry)
			*st.w = '\0';
		st.w++;
		st.t->s = st.start;
		n++;
	}
	return n;
}

int uk_libparam_tokenize(char *line, struct uk_libparam_tok *toks, int max, const char **err_at)
{
	int ret = split(line, toks, max, err_at, 1);

	return ret < 0 ? ret : split(line, toks, max, err_at, 0);
}
