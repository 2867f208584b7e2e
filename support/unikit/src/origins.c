#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "origins.h"
#include "path.h"
#include "must.h"

#define MAX_TOKENS 64

static int line_err(const char *file, int line, const char *what, const char *todo)
{
	log_err("%s:%d: %s; %s", file, line, what, todo);
	return -1;
}

/* Splits on blanks; a token starting with '#' ends the line. Returns the token count. */
static int tokenize(char *s, char **tok)
{
	int n = 0;

	for (;;) {
		while (*s == ' ' || *s == '\t' || *s == '\r')
			s++;
		if (!*s || *s == '#' || n == MAX_TOKENS)
			return n;
		tok[n++] = s;
		s += strcspn(s, " \t\r");
		if (*s)
			*s++ = '\0';
	}
}

static int name_ok(const char *n)
{
	const unsigned char *p;

	if (!*n || n[0] == '.' || strchr(n, '/'))
		return 0;
	for (p = (const unsigned char *)n; *p; p++)
		if (!isgraph(*p))
			return 0;
	return 1;
}

static int url_ok(const char *u)
{
	static const char *const schemes[] = {"https://", "http://", "ftp://", "file://"};
	size_t i;

	for (i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++)
		if (!strncmp(u, schemes[i], strlen(schemes[i])) && u[strlen(schemes[i])])
			return 1;
	return 0;
}

static int check_line(const char *file, int line, char **tok, int n, const struct origins *o)
{
	size_t i;
	int k;

	if (n < 2)
		return line_err(file, line, "expected '<file-name> <sha256> [url ...]'",
		                "add the archive's SHA-256 after its name");
	if (!name_ok(tok[0]))
		return line_err(file, line, "bad file name (empty, hidden, or with '/' or blanks)",
		                "give the archive's plain file name");
	if (!sha256_hex_valid(tok[1]))
		return line_err(file, line, "the second field is not a SHA-256",
		                "write 64 lower-case hex digits (sha256sum prints them)");
	for (k = 2; k < n; k++)
		if (!url_ok(tok[k]))
			return line_err(file, line, "not a URL (http, https, ftp or file)",
			                "write the full URL, e.g. https://host/path/file");
	for (i = 0; i < o->n; i++) {
		if (strcmp(o->v[i].name, tok[0]))
			continue;
		char *what =
		    must_asprintf("file name '%s' already used on line %d", tok[0], o->v[i].line);
		int r = line_err(file, line, what,
		                 "the cache is keyed by file name: give each origin its own");

		free(what);
		return r;
	}
	return 0;
}

static void add_origin(struct origins *o, int line, char **tok, int n)
{
	struct origin *x;
	int k;

	o->v = must_realloc(o->v, (o->n + 1) * sizeof(*o->v));
	x = &o->v[o->n++];
	x->name = must_strdup(tok[0]);
	memcpy(x->hash, tok[1], sizeof(x->hash));
	x->line = line;
	x->nurls = (size_t)(n - 2);
	x->urls = must_calloc(x->nurls, sizeof(*x->urls));
	for (k = 2; k < n; k++)
		x->urls[k - 2] = must_strdup(tok[k]);
}

int origins_parse_text(const char *file, const char *text, struct origins *o)
{
	char *copy = must_strdup(text), *s = copy, *tok[MAX_TOKENS];
	int line = 0, err = 0;

	memset(o, 0, sizeof(*o));
	o->file = must_strdup(file);
	while (!err && *s) {
		char *nl = strchr(s, '\n');
		int n;

		if (nl)
			*nl = '\0';
		line++;
		n = tokenize(s, tok);
		if (n == MAX_TOKENS)
			err = line_err(file, line, "too many fields", "list at most 62 URLs");
		else if (n)
			err = check_line(file, line, tok, n, o);
		if (!err && n)
			add_origin(o, line, tok, n);
		s = nl ? nl + 1 : s + strlen(s);
	}
	free(copy);
	if (!err && !o->n)
		err = line_err(file, line ? line : 1, "no origins listed",
		               "add a '<file-name> <sha256> [url ...]' line");
	return err;
}

int origins_parse(const char *file, struct origins *o)
{
	char *text;
	int r = read_file(file, &text, NULL);

	if (r) {
		memset(o, 0, sizeof(*o));
		log_err("%s: cannot read: %s", file, strerror(-r));
		return -1;
	}
	r = origins_parse_text(file, text, o);
	free(text);
	return r;
}

void origins_free(struct origins *o)
{
	size_t i, k;

	for (i = 0; i < o->n; i++) {
		for (k = 0; k < o->v[i].nurls; k++)
			free(o->v[i].urls[k]);
		free(o->v[i].urls);
		free(o->v[i].name);
	}
	free(o->v);
	free(o->file);
	memset(o, 0, sizeof(*o));
}
