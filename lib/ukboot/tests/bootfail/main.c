/* SPDX-License-Identifier: BSD-3-Clause */
/* An init call that misbehaves on request: bootfail.mode=error|assert|crash|bug|none */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <uk/init.h>
#include <uk/libparam.h>
#include <uk/print.h>

static const char *mode = "none";
UK_LIBPARAM_PARAM_PREFIX(bootfail, mode, charp, mode);

static int bootfail_init(void)
{
	if (!strcmp(mode, "error"))
		return -EIO;
	if (!strcmp(mode, "assert"))
		UK_ASSERT(mode == NULL);
	if (!strcmp(mode, "crash"))
		UK_CRASH("crash requested (%s)\n", mode);
	if (!strcmp(mode, "bug"))
		UK_BUG();
	return 0;
}
uk_initcall_lib(bootfail_init);

int main(int argc, char *argv[])
{
	(void)argv;
	printf("main reached with %d arguments\n", argc);
	return 0;
}
