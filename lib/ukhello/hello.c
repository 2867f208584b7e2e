#include <uk/hello.h>
#include <uk/init.h>
#include <uk/print.h>
#include "hello_text.h"

#ifndef HELLO_FILE_FLAG
#error "per-file flag LIBUKHELLO_HELLO_FLAGS-y did not reach hello.c"
#endif

const char *uk_hello_greeting(void)
{
	return HELLO_TEXT;
}

static int hello_init(void)
{
	uk_pr_info("%s\n", uk_hello_greeting());
	return 0;
}
uk_initcall_lib(hello_init);
