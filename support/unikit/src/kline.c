#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "kline.h"
#include "must.h"

static size_t name_len(const char *s)
{
	size_t n = 0;

	while (isalnum((unsigned char)s[n]) || s[n] == '_')
		n++;
	return n;
}

static enum kline_kind parse_unset(const char *s, const char *prefix, struct kline *out)
{
	size_t plen = strlen(prefix), n;

	s++;
	while (*s == ' ')
		s++;
	if (strncmp(s, prefix, plen))
		return KLINE_BLANK; /* an ordinary comment */
	n = name_len(s + plen);
	if (!n || strcmp(s + plen + n, " is not set"))
		return KLINE_BLANK;
	out->name = must_strndup(s + plen, n);
	out->value = must_strdup("n");
	return out->kind = KLINE_UNSET;
}

enum kline_kind kline_parse(const char *line, const char *prefix, struct kline *out)
{
	size_t plen = strlen(prefix), n, len = strlen(line);
	const char *s = line;

	out->name = out->value = NULL;
	out->kind = KLINE_BLANK;
	while (len && (line[len - 1] == '\r' || line[len - 1] == ' ' || line[len - 1] == '\t'))
		len--;
	while (*s == ' ' || *s == '\t')
		s++;
	if ((size_t)(s - line) >= len)
		return KLINE_BLANK;
	if (*s == '#')
		return parse_unset(s, prefix, out);
	if (strncmp(s, prefix, plen))
		return out->kind = KLINE_BAD;
	n = name_len(s + plen);
	if (!n || s[plen + n] != '=')
		return out->kind = KLINE_BAD;
	out->name = must_strndup(s + plen, n);
	out->value = must_strndup(s + plen + n + 1, len - (size_t)(s - line) - plen - n - 1);
	return out->kind = KLINE_SET;
}

void kline_free(struct kline *k)
{
	free(k->name);
	free(k->value);
	k->name = k->value = NULL;
}
