/* SPDX-License-Identifier: BSD-3-Clause */
/* getrandom(): full length, different every call, no obvious bias */
#include <string.h>
#include <sys/random.h>
#include "check.h"

int check_random(void)
{
	unsigned char a[4096], b[4096];
	unsigned int ones = 0, i;
	int fails = 0;

	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	fails += check(getrandom(a, sizeof(a), 0) == sizeof(a), "random.getrandom_len", "short");
	fails +=
	    check(getrandom(b, sizeof(b), GRND_NONBLOCK) == sizeof(b), "random.nonblock", "short");
	fails += check(memcmp(a, b, sizeof(a)) != 0, "random.differs", "two equal outputs");
	for (i = 0; i < sizeof(a); i++)
		ones += (unsigned int)__builtin_popcount(a[i]);
	/* 32768 bits: mean 16384, sd 90; 1000 is > 10 sd */
	fails +=
	    check(ones > 15384 && ones < 17384, "random.bit_balance", "%u ones of 32768", ones);
	return fails;
}
