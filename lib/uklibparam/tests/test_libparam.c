/* SPDX-License-Identifier: BSD-3-Clause */
/* Parameters registered in the kernel image are found through the linker table */
#include <errno.h>
#include <stdint.h>
#include <uk/libparam.h>
#include <uk/test.h>

static int answer = 1;
static char *names[4];
static unsigned int names_nr;
UK_LIBPARAM_PARAM(test_answer, int, answer);
UK_LIBPARAM_PARAM_ARR(test_names, charp, names, names_nr);

extern const struct uk_libparam_desc __uk_libparam_start[], __uk_libparam_end[];

static struct uk_libparam_tok toks[16];
static char *argv[8];

static int parse(char *line)
{
	struct uk_libparam_parser p = {
	    __uk_libparam_start,
	    (size_t)(__uk_libparam_end - __uk_libparam_start),
	    NULL,
	    NULL,
	    toks,
	    16,
	    argv,
	    7,
	};

	return uk_libparam_parse(&p, line, "img");
}

UK_TESTCASE(uklibparam, table_entries_are_whole)
{
	const struct uk_libparam_desc *d;
	int found = 0;

	/* a padded table would show up as garbage names here */
	for (d = __uk_libparam_start; d < __uk_libparam_end; d++) {
		UK_TEST_ASSERT(d->name != NULL && d->libname != NULL);
		found +=
		    uk_test_streq(d->name, "test_answer") || uk_test_streq(d->name, "test_names");
	}
	UK_TEST_EXPECT_SNUM_EQ(found, 2);
}

UK_TESTCASE(uklibparam, sets_kernel_variables)
{
	char line[] = "uklibparam.test_answer=0x2a uklibparam.test_names=[ a 'b c' ] -- x y";
	int argc = parse(line);

	UK_TEST_EXPECT_SNUM_EQ(argc, 3);
	UK_TEST_EXPECT_SNUM_EQ(answer, 42);
	UK_TEST_ASSERT(names_nr == 2);
	UK_TEST_EXPECT_STR_EQ(names[1], "b c");
	UK_TEST_EXPECT_STR_EQ(argv[2], "y");
}

UK_TESTCASE(uklibparam, bad_input_is_an_error_not_a_crash)
{
	char line[] = "uklibparam.test_answer=\"oops -- x";

	UK_TEST_EXPECT_SNUM_EQ(parse(line), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(answer, 42);
}
