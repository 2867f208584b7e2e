/* SPDX-License-Identifier: BSD-3-Clause */
/* ChaCha20 known answers (RFC 8439) and the CSPRNG's behaviour */
#include <errno.h>
#include <string.h>
#include <uk/random.h>
#include <uk/syscall.h>
#include <uk/test.h>
#include "kat.h"

UK_TESTCASE(ukrandom, chacha20_rfc8439_vectors)
{
	uint8_t out[64];
	unsigned int i;

	for (i = 0; i < CHACHA20_NKATS; i++) {
		const struct chacha20_kat *k = &chacha20_kats[i];

		uk_chacha20_block(k->key, k->counter, k->nonce, out);
		UK_TEST_CHECK_(!memcmp(out, k->out, 64), "%s: block differs", k->name);
	}
}

UK_TESTCASE(ukrandom, csprng_is_deterministic_per_seed_and_rekeys)
{
	static const uint32_t seed[8] = {1, 2, 3, 4, 5, 6, 7, 8};
	struct uk_csprng a, b;
	uint8_t x[100], y[100], z[100];

	uk_csprng_init(&a, seed);
	uk_csprng_init(&b, seed);
	uk_csprng_fill(&a, x, sizeof(x));
	uk_csprng_fill(&b, y, sizeof(y));
	UK_TEST_EXPECT(!memcmp(x, y, sizeof(x)));
	/* the key changed after the request: the next output differs */
	uk_csprng_fill(&a, z, sizeof(z));
	UK_TEST_EXPECT(memcmp(x, z, sizeof(x)) != 0);
	UK_TEST_EXPECT(memcmp(a.key, seed, sizeof(seed)) != 0);
}

UK_TESTCASE(ukrandom, csprng_output_is_the_keystream)
{
	/* the first request's bytes are blocks 1.. of ChaCha20 under the seed */
	static const uint32_t zero[8], nonce[3];
	struct uk_csprng c;
	uint8_t got[64], want[64];

	uk_csprng_init(&c, zero);
	uk_csprng_fill(&c, got, sizeof(got));
	uk_chacha20_block(zero, 1, nonce, want);
	UK_TEST_EXPECT(!memcmp(got, want, 64));
}

UK_TESTCASE(ukrandom, fill_is_seeded_and_varies)
{
	uint64_t a[4] = {0}, b[4] = {0};

	uk_random_fill(a, sizeof(a));
	uk_random_fill(b, sizeof(b));
	UK_TEST_EXPECT(uk_random_source() != UK_RANDOM_UNSEEDED);
	UK_TEST_EXPECT(memcmp(a, b, sizeof(a)) != 0);
	UK_TEST_EXPECT(a[0] | a[1] | a[2] | a[3]);
}

UK_TESTCASE(ukrandom, getrandom_syscall)
{
	uint8_t buf[300];
	unsigned int i, zeros = 0;

	memset(buf, 0, sizeof(buf));
	UK_TEST_EXPECT_SNUM_EQ(uk_syscall(__NR_getrandom, (long)buf, sizeof(buf), 0, 0, 0, 0),
	                       sizeof(buf));
	for (i = 0; i < sizeof(buf); i++)
		zeros += !buf[i];
	/* 300 random bytes: about 1 zero expected, 20 would be absurd */
	UK_TEST_EXPECT(zeros < 20);
	UK_TEST_EXPECT_SNUM_EQ(uk_syscall(__NR_getrandom, (long)buf, 4, 0x80, 0, 0, 0), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_syscall(__NR_getrandom, 0, 4, 0, 0, 0, 0), -EFAULT);
}
