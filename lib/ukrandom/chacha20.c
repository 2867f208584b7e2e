/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The ChaCha20 block function as specified in RFC 8439 section 2.3:
 * constants, 256-bit key, 32-bit block counter, 96-bit nonce; 20 rounds
 * (10 column + diagonal double rounds), then the input added back.
 */
#include <uk/random.h>

static uint32_t rotl(uint32_t v, int n)
{
	return (v << n) | (v >> (32 - n));
}

static void quarter_round(uint32_t *x, int a, int b, int c, int d)
{
	x[a] += x[b];
	x[d] = rotl(x[d] ^ x[a], 16);
	x[c] += x[d];
	x[b] = rotl(x[b] ^ x[c], 12);
	x[a] += x[b];
	x[d] = rotl(x[d] ^ x[a], 8);
	x[c] += x[d];
	x[b] = rotl(x[b] ^ x[c], 7);
}

void uk_chacha20_block(const uint32_t key[UK_CHACHA20_KEY_WORDS], uint32_t counter,
                       const uint32_t nonce[UK_CHACHA20_NONCE_WORDS],
                       uint8_t out[UK_CHACHA20_BLOCK])
{
	/* "expand 32-byte k" */
	uint32_t in[16] = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};
	uint32_t x[16];
	int i;

	for (i = 0; i < 8; i++)
		in[4 + i] = key[i];
	in[12] = counter;
	for (i = 0; i < 3; i++)
		in[13 + i] = nonce[i];
	for (i = 0; i < 16; i++)
		x[i] = in[i];
	for (i = 0; i < 10; i++) {
		quarter_round(x, 0, 4, 8, 12);
		quarter_round(x, 1, 5, 9, 13);
		quarter_round(x, 2, 6, 10, 14);
		quarter_round(x, 3, 7, 11, 15);
		quarter_round(x, 0, 5, 10, 15);
		quarter_round(x, 1, 6, 11, 12);
		quarter_round(x, 2, 7, 8, 13);
		quarter_round(x, 3, 4, 9, 14);
	}
	for (i = 0; i < 16; i++) {
		uint32_t v = x[i] + in[i];

		out[4 * i] = (uint8_t)v;
		out[4 * i + 1] = (uint8_t)(v >> 8);
		out[4 * i + 2] = (uint8_t)(v >> 16);
		out[4 * i + 3] = (uint8_t)(v >> 24);
	}
}
