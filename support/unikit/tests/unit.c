/* unikit unit tests: one table per helper, one row per case. Prints PASS/FAIL lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "path.h"
#include "sha256.h"
#include "unit.h"

static int failures;

void unit_result(const char *suite, const char *name, int ok, const char *why)
{
	if (ok) {
		printf("PASS unit.%s.%s\n", suite, name);
	} else {
		printf("FAIL unit.%s.%s: %s\n", suite, name, why);
		failures++;
	}
}

/* Known answers: NIST FIPS 180-2 examples, and padding edge lengths checked with coreutils. */
static const struct {
	const char *name;
	const char *literal; /* or NULL: `repeat` times 'a' */
	size_t repeat;
	size_t chunk; /* feed in pieces of this size (0: all at once) */
	const char *hex;
} sha_rows[] = {
    {"empty", "", 0, 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
    {"abc", "abc", 0, 0, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
    {"448bit", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 0, 0,
     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
    {"448bit-bytewise", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 0, 1,
     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
    {"a55", NULL, 55, 0, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
    {"a56", NULL, 56, 0, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
    {"a63", NULL, 63, 7, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
    {"a64", NULL, 64, 0, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
    {"a65", NULL, 65, 64, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"},
    {"a119", NULL, 119, 0, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"},
    {"a120", NULL, 120, 13, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"},
    {"million-a", NULL, 1000000, 4093,
     "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
};

static void test_sha256(void)
{
	size_t i;

	for (i = 0; i < sizeof(sha_rows) / sizeof(sha_rows[0]); i++) {
		size_t len = sha_rows[i].literal ? strlen(sha_rows[i].literal) : sha_rows[i].repeat;
		size_t chunk = sha_rows[i].chunk ? sha_rows[i].chunk : (len ? len : 1), off;
		char *buf = malloc(len + 1), hex[SHA256_HEX_LEN + 1], why[200];
		struct sha256 c;

		if (sha_rows[i].literal)
			memcpy(buf, sha_rows[i].literal, len);
		else
			memset(buf, 'a', len);
		sha256_init(&c);
		for (off = 0; off < len; off += chunk)
			sha256_update(&c, buf + off, len - off < chunk ? len - off : chunk);
		sha256_final_hex(&c, hex);
		snprintf(why, sizeof(why), "got %s", hex);
		unit_result("sha256", sha_rows[i].name, !strcmp(hex, sha_rows[i].hex), why);
		free(buf);
	}
	unit_result("sha256", "hex-valid", sha256_hex_valid(sha_rows[0].hex), "rejected");
	unit_result(
	    "sha256", "hex-upper-rejected",
	    !sha256_hex_valid("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"),
	    "accepted");
	unit_result("sha256", "hex-short-rejected", !sha256_hex_valid("e3b0"), "accepted");
}

static const struct {
	const char *name, *path;
	int safe;
} safe_rows[] = {
    {"plain", "a/b/c", 1},         {"dot-slash", "./a", 1},        {"dotdot", "a/../b", 0},
    {"leading-dotdot", "../a", 0}, {"absolute", "/etc/x", 0},      {"empty", "", 0},
    {"dotdot-name", "a/..b/c", 1}, {"trailing-dotdot", "a/..", 0},
};

static const struct {
	const char *name, *link, *target;
	int inside;
} link_rows[] = {
    {"sibling", "a/l", "b", 1},
    {"up-one", "a/l", "../b", 1},
    {"up-two", "a/l", "../../b", 0},
    {"root-up", "l", "../x", 0},
    {"absolute", "a/l", "/etc/passwd", 0},
    {"down-up", "a/l", "x/../../b", 1},
    {"dip-below", "l", "x/../../y", 0},
    {"dot", "a/l", ".", 1},
    {"empty", "l", "", 0},
    {"dot-slash-link", "./a/l", "../b", 1},
};

static const struct {
	const char *name, *path;
	unsigned int n;
	const char *want; /* NULL: skipped */
} strip_rows[] = {
    {"none", "pkg/a", 0, "pkg/a"},      {"one", "pkg/a/b", 1, "a/b"},
    {"top-dir", "pkg/", 1, NULL},       {"top-dir-noslash", "pkg", 1, NULL},
    {"dot-prefix", "./pkg/a", 1, "a"},  {"too-deep", "pkg/a", 3, NULL},
    {"double-slash", "pkg//a", 1, "a"},
};

static void test_paths(void)
{
	size_t i;

	for (i = 0; i < sizeof(safe_rows) / sizeof(safe_rows[0]); i++)
		unit_result("relpath", safe_rows[i].name,
		            relpath_is_safe(safe_rows[i].path) == safe_rows[i].safe,
		            "wrong verdict");
	for (i = 0; i < sizeof(link_rows) / sizeof(link_rows[0]); i++)
		unit_result("symlink", link_rows[i].name,
		            symlink_target_is_inside(link_rows[i].link, link_rows[i].target) ==
		                link_rows[i].inside,
		            "wrong verdict");
	for (i = 0; i < sizeof(strip_rows) / sizeof(strip_rows[0]); i++) {
		const char *got = path_strip(strip_rows[i].path, strip_rows[i].n);
		int ok = strip_rows[i].want ? got && !strcmp(got, strip_rows[i].want) : !got;

		unit_result("strip", strip_rows[i].name, ok, got ? got : "(skipped)");
	}
}

int main(void)
{
	test_sha256();
	test_paths();
	unit_more();
	return failures ? 1 : 0;
}
