/* SPDX-License-Identifier: BSD-3-Clause */
/* Host test: ChaCha20 block function and CSPRNG against RFC 8439 vectors */
#include <stdio.h>
#include <string.h>
#include <uk/random.h>
#include "kat.h"

static int failures;

static void check(int ok, const char *name, const char *why)
{
	if (ok)
		printf("PASS %s\n", name);
	else
		printf("FAIL %s: %s\n", name, why);
	failures += !ok;
}

int main(void)
{
	static const uint32_t zero[8], nonce[3];
	uint8_t out[64], want[64];
	struct uk_csprng c;
	char name[64];
	unsigned int i;

	for (i = 0; i < CHACHA20_NKATS; i++) {
		const struct chacha20_kat *k = &chacha20_kats[i];

		uk_chacha20_block(k->key, k->counter, k->nonce, out);
		snprintf(name, sizeof(name), "ukrandom.host.%s", k->name);
		check(!memcmp(out, k->out, 64), name, "block differs from the RFC");
	}
	uk_csprng_init(&c, zero);
	uk_csprng_fill(&c, out, sizeof(out));
	uk_chacha20_block(zero, 1, nonce, want);
	check(!memcmp(out, want, 64), "ukrandom.host.csprng_first_request", "not block 1");
	uk_csprng_fill(&c, want, sizeof(want));
	check(memcmp(out, want, 64) != 0, "ukrandom.host.csprng_rekeys", "repeated output");
	return failures ? 1 : 0;
}
