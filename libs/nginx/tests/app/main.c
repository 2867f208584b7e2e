/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * An application that owns main() and runs Nginx as a function: with
 * CONFIG_LIBNGINX_MAIN_FUNCTION off, libs/nginx compiles Nginx's main() as
 * nginx_main(). Prints a line before and after, and returns Nginx's status
 * plus 10 so the test can tell the wrapper's return from Nginx's exit().
 */
#include <stdio.h>

int nginx_main(int argc, char *const *argv);

int main(int argc, char *argv[])
{
	int status;

	printf("wrapper: before nginx_main\n");
	fflush(stdout);
	status = nginx_main(argc, argv);
	printf("wrapper: nginx_main returned %d\n", status);
	return status + 10;
}
