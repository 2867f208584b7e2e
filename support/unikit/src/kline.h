/* One line of a defconfig or .config file. */
#ifndef UNIKIT_KLINE_H
#define UNIKIT_KLINE_H

enum kline_kind {
	KLINE_BLANK, /* empty or a comment */
	KLINE_SET,   /* CONFIG_NAME=value */
	KLINE_UNSET, /* # CONFIG_NAME is not set */
	KLINE_BAD,
};

struct kline {
	enum kline_kind kind;
	char *name;  /* without the CONFIG_ prefix; malloc'd */
	char *value; /* as written ("n" for KLINE_UNSET); malloc'd */
};

/* Parses one line (no newline). `prefix` is normally "CONFIG_". */
enum kline_kind kline_parse(const char *line, const char *prefix, struct kline *out);
void kline_free(struct kline *k);

#endif
