/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Hello world: prints its arguments and environment, sleeps 100 ms through
 * the scheduler and returns 3, so a boot test can check all of it (QEMU
 * with isa-debug-exit then exits with 3 * 2 + 1 = 7).
 */
#include <stdio.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

static uint64_t now_ms(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts))
		return 0;
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

int main(int argc, char *argv[], char *envp[])
{
	uint64_t t0;
	int i;

	printf("Hello from Unikit!\n");
	for (i = 0; i < argc; i++)
		printf("argv[%d] = %s\n", i, argv[i]);
	for (i = 0; envp && envp[i]; i++)
		printf("envp[%d] = %s\n", i, envp[i]);
	t0 = now_ms();
	usleep(100000);
	printf("Slept %llu ms\n", (unsigned long long)(now_ms() - t0));
	return 3;
}
