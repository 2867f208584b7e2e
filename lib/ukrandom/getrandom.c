/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * getrandom(2). The generator is seeded before any program runs, so the
 * call never blocks and GRND_RANDOM draws from the same generator (as
 * Linux does since 5.6).
 */
#include <errno.h>
#include <uk/random.h>
#include <uk/syscall.h>

#define GRND_NONBLOCK 0x1
#define GRND_RANDOM   0x2
#define GRND_INSECURE 0x4
/* Linux's limit for one call */
#define GETRANDOM_MAX 33554431UL

UK_SYSCALL_R_DEFINE(long, getrandom, void *, buf, size_t, len, unsigned int, flags)
{
	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & GRND_RANDOM) && (flags & GRND_INSECURE))
		return -EINVAL;
	if (!len)
		return 0;
	if (!buf)
		return -EFAULT;
	if (len > GETRANDOM_MAX)
		len = GETRANDOM_MAX;
	uk_random_fill(buf, len);
	return (long)len;
}
