/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The generator: ChaCha20 keystream under the current key, and after each
 * request a fresh key taken from the keystream ("fast key erasure"), so
 * the state after a request reveals nothing about what was handed out.
 */
#include <string.h>
#include <uk/random.h>

static void load_key(uint32_t key[UK_CHACHA20_KEY_WORDS], const uint8_t *b)
{
	int i;

	for (i = 0; i < UK_CHACHA20_KEY_WORDS; i++)
		key[i] = (uint32_t)b[4 * i] | (uint32_t)b[4 * i + 1] << 8 |
		         (uint32_t)b[4 * i + 2] << 16 | (uint32_t)b[4 * i + 3] << 24;
}

void uk_csprng_init(struct uk_csprng *c, const uint32_t seed[UK_CHACHA20_KEY_WORDS])
{
	memcpy(c->key, seed, sizeof(c->key));
	memset(c->nonce, 0, sizeof(c->nonce));
}

void uk_csprng_fill(struct uk_csprng *c, void *buf, size_t len)
{
	uint8_t block[UK_CHACHA20_BLOCK];
	uint8_t *out = buf;
	uint32_t counter = 1; /* block 0 makes the next key */
	size_t n;

	while (len) {
		uk_chacha20_block(c->key, counter++, c->nonce, block);
		n = len < sizeof(block) ? len : sizeof(block);
		memcpy(out, block, n);
		out += n;
		len -= n;
		/* 2^32 blocks under one key: move the nonce on before the counter wraps */
		if (!counter) {
			c->nonce[0]++;
			counter = 1;
		}
	}
	uk_chacha20_block(c->key, 0, c->nonce, block);
	load_key(c->key, block);
	/* leave no copy of the keystream or the new key on the stack */
	memset(block, 0, sizeof(block));
	__asm__ __volatile__("" : : "r"(block) : "memory");
}
