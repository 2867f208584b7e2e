/* Tables for the origins.uk parser, the defconfig line parser and the edit distance. */
#include <stdio.h>
#include <string.h>

#include "editdist.h"
#include "kline.h"
#include "origins.h"
#include "unit.h"

#define H1 "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
#define H2 "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

static const struct {
	const char *name, *text;
	int ok;          /* parses? */
	size_t norigins; /* when ok */
	size_t nurls0;   /* URLs of the first origin */
} origin_rows[] = {
    {"one-with-url", "a.tar.gz " H1 " https://x.org/a.tar.gz\n", 1, 1, 1},
    {"comments-blank", "# upstream\n\n  # indented comment\na.tar.gz " H1 "\n", 1, 1, 0},
    {"two-origins", "a.tar.gz " H1 " http://a/a.tar.gz ftp://b/a.tar.gz\nb.tar.xz " H2 "\n", 1, 2,
     2},
    {"trailing-comment", "a.tar.gz " H1 " https://x/a # from the release page\n", 1, 1, 1},
    {"crlf", "a.tar.gz " H1 "\r\n", 1, 1, 0},
    {"no-hash", "a.tar.gz\n", 0, 0, 0},
    {"short-hash", "a.tar.gz e3b0c442\n", 0, 0, 0},
    {"upper-hash", "a.tar.gz E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855\n", 0,
     0, 0},
    {"slash-in-name", "dir/a.tar.gz " H1 "\n", 0, 0, 0},
    {"hidden-name", ".a.tar.gz " H1 "\n", 0, 0, 0},
    {"bad-url", "a.tar.gz " H1 " www.example.org/a.tar.gz\n", 0, 0, 0},
    {"duplicate-name", "a.tar.gz " H1 "\na.tar.gz " H2 "\n", 0, 0, 0},
    {"empty", "# nothing here\n", 0, 0, 0},
};

static void test_origins(void)
{
	size_t i;

	for (i = 0; i < sizeof(origin_rows) / sizeof(origin_rows[0]); i++) {
		struct origins o;
		int r;
		char why[160];

		/* Errors are expected for some rows: keep the log out of the test output. */
		FILE *saved = stderr;

		stderr = fopen("/dev/null", "w");
		r = origins_parse_text("t.uk", origin_rows[i].text, &o);
		fclose(stderr);
		stderr = saved;
		snprintf(why, sizeof(why), "parse=%d n=%zu urls0=%zu", r, o.n,
		         o.n ? o.v[0].nurls : 0);
		if (origin_rows[i].ok)
			unit_result("origins", origin_rows[i].name,
			            !r && o.n == origin_rows[i].norigins &&
			                o.v[0].nurls == origin_rows[i].nurls0,
			            why);
		else
			unit_result("origins", origin_rows[i].name, r != 0, why);
		origins_free(&o);
	}
}

static const struct {
	const char *name, *a, *b;
	size_t cap, want;
} dist_rows[] = {
    {"same", "NET", "NET", 3, 0},
    {"insert", "NET", "NETT", 3, 1},
    {"substitute", "LIBUKBOOT", "LIBUKBOOF", 3, 1},
    {"transpose-is-two", "AB", "BA", 3, 2},
    {"empty", "", "ABC", 5, 3},
    {"capped", "KITTEN", "SITTINGXXXX", 2, 3},
    {"classic", "KITTEN", "SITTING", 5, 3},
};

static const struct {
	const char *name, *line;
	enum kline_kind kind;
	const char *sym, *value;
} kline_rows[] = {
    {"set", "CONFIG_NET=y", KLINE_SET, "NET", "y"},
    {"set-string", "CONFIG_NAME=\"a b\"", KLINE_SET, "NAME", "\"a b\""},
    {"set-trailing-blank", "CONFIG_MEM=16  ", KLINE_SET, "MEM", "16"},
    {"set-empty-value", "CONFIG_X=", KLINE_SET, "X", ""},
    {"unset", "# CONFIG_TINY is not set", KLINE_UNSET, "TINY", "n"},
    {"comment", "# a comment", KLINE_BLANK, NULL, NULL},
    {"blank", "   ", KLINE_BLANK, NULL, NULL},
    {"no-prefix", "NET=y", KLINE_BAD, NULL, NULL},
    {"no-equals", "CONFIG_NET y", KLINE_BAD, NULL, NULL},
    {"empty-name", "CONFIG_=y", KLINE_BAD, NULL, NULL},
    {"unset-typo", "# CONFIG_TINY is not sett", KLINE_BLANK, NULL, NULL},
};

static void test_kline(void)
{
	size_t i;

	for (i = 0; i < sizeof(kline_rows) / sizeof(kline_rows[0]); i++) {
		struct kline k;
		enum kline_kind got = kline_parse(kline_rows[i].line, "CONFIG_", &k);
		int ok = got == kline_rows[i].kind;

		if (ok && kline_rows[i].sym)
			ok = !strcmp(k.name, kline_rows[i].sym) &&
			     !strcmp(k.value, kline_rows[i].value);
		unit_result("kline", kline_rows[i].name, ok, k.name ? k.name : "(no name)");
		kline_free(&k);
	}
}

void unit_more(void)
{
	size_t i;

	test_origins();
	for (i = 0; i < sizeof(dist_rows) / sizeof(dist_rows[0]); i++) {
		size_t d = edit_distance(dist_rows[i].a, dist_rows[i].b, dist_rows[i].cap);
		char why[64];

		snprintf(why, sizeof(why), "got %zu, want %zu", d, dist_rows[i].want);
		unit_result("editdist", dist_rows[i].name, d == dist_rows[i].want, why);
	}
	test_kline();
}
